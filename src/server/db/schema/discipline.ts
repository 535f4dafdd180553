import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantColumns, versioned } from './columns.js';
import { regions } from './regions.js';

/**
 * Reward and punishment (issue 5 items 4-8): the versioned rules of the region's regulation, the
 * evaluation runs that applied them, the sanction and reward cases with their due process and history,
 * and the serving days of a vest (roster, issued and returned, served). See docs/discipline.md.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One version of a rule. Versions are never changed: an edit writes the next version and marks the
 * previous one superseded; retiring a rule writes a version with `retired`. The current rule set is the
 * rows without `superseded_at` that are not retired.
 */
export const disciplineRules = pgTable(
  'discipline_rules',
  {
    ...tenantColumns,
    code: text('code').notNull(),
    ruleVersion: integer('rule_version').notNull(),
    name: text('name').notNull(),
    legalBasis: text('legal_basis').notNull(),
    /** sanction | reward */
    kind: text('kind').notNull(),
    /** opd_head | asn | work_unit */
    subject: text('subject').notNull(),
    /** The condition in the documented vocabulary (rules.domain.ts). */
    condition: jsonb('condition').notNull(),
    /** `{ kind: 'vest', label, workingDays }` or `{ kind: 'certificate', text }`. */
    consequence: jsonb('consequence').notNull(),
    /** `{ withinMonths, factor }` or null. */
    escalation: jsonb('escalation'),
    validFrom: date('valid_from'),
    validUntil: date('valid_until'),
    retired: boolean('retired').notNull().default(false),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    supersededAt: at('superseded_at'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    uniqueIndex('discipline_rules_version_uq').on(t.regionId, t.code, t.ruleVersion),
    uniqueIndex('discipline_rules_current_uq')
      .on(t.regionId, t.code)
      .where(sql`${t.supersededAt} is null`),
    foreignKey({ columns: [t.regionId], foreignColumns: [regions.id] }),
  ],
);

/** A committed evaluation of the rules for a period, with the rule versions it used. */
export const evaluationRuns = pgTable(
  'evaluation_runs',
  {
    ...tenantColumns,
    /** `2026-M10`, `2026-Q3` or `2026`. */
    periodKey: text('period_key').notNull(),
    /** The day the rules were judged for (the period's last day). */
    asOf: date('as_of').notNull(),
    /** `[{ id, code, version }]` of the rules applied. */
    rules: jsonb('rules').notNull(),
    hits: integer('hits').notNull(),
    sanctionsCreated: integer('sanctions_created').notNull(),
    rewardsCreated: integer('rewards_created').notNull(),
    /** manual | cli | schedule */
    trigger: text('trigger').notNull(),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    index('evaluation_runs_period_idx').on(t.regionId, t.periodKey),
    foreignKey({ columns: [t.regionId], foreignColumns: [regions.id] }),
  ],
);

/** Columns a sanction and a reward share: where it came from, whom it is about, and the facts. */
const caseColumns = {
  runId: uuid('run_id').notNull(),
  ruleId: uuid('rule_id').notNull(),
  ruleCode: text('rule_code').notNull(),
  ruleVersion: integer('rule_version').notNull(),
  ruleName: text('rule_name').notNull(),
  legalBasis: text('legal_basis').notNull(),
  /** `CODE|subject|period` (rules.domain.ts): a second run finds it and creates nothing. */
  hitKey: text('hit_key').notNull(),
  periodKey: text('period_key').notNull(),
  /** The day the hit was judged (the run's as-of day): repeats are counted from it. */
  hitOn: date('hit_on').notNull(),
  /** opd_head | asn | work_unit */
  subjectKind: text('subject_kind').notNull(),
  workUnitId: uuid('work_unit_id').notNull(),
  civilServantId: uuid('civil_servant_id'),
  /** The user who answers for the case (the ASN, or the unit's head); null when none has an account. */
  subjectUserId: uuid('subject_user_id'),
  /** The name shown, fixed when proposed (the ASN, or the unit's head, or the unit). */
  subjectName: text('subject_name').notNull(),
  facts: jsonb('facts').notNull(),
  summary: text('summary').notNull(),
  state: text('state').notNull(),
  proposedBy: uuid('proposed_by'),
  approvedBy: uuid('approved_by'),
  approvedAt: at('approved_at'),
  /** Reason of a rejection or a cancellation. */
  closeReason: text('close_reason'),
  closedBy: uuid('closed_by'),
  closedAt: at('closed_at'),
};

export const sanctions = pgTable(
  'sanctions',
  {
    ...tenantColumns,
    ...caseColumns,
    label: text('label').notNull(),
    baseWorkingDays: integer('base_working_days').notNull(),
    workingDays: integer('working_days').notNull(),
    /** The earlier sanction of the same rule that made this one a repeat. */
    repeatOf: uuid('repeat_of'),
    decreeNumber: text('decree_number'),
    notifiedOn: date('notified_on'),
    appealDeadline: date('appeal_deadline'),
    appealReason: text('appeal_reason'),
    appealedAt: at('appealed_at'),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by'),
    decidedOn: date('decided_on'),
    /** First and last serving day (the last moves when a day is not served). */
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    uniqueIndex('sanctions_hit_uq').on(t.regionId, t.hitKey),
    uniqueIndex('sanctions_decree_uq').on(t.regionId, t.decreeNumber),
    index('sanctions_state_idx').on(t.regionId, t.state),
    index('sanctions_unit_idx').on(t.regionId, t.workUnitId),
    index('sanctions_servant_idx').on(t.regionId, t.civilServantId),
    index('sanctions_subject_user_idx').on(t.regionId, t.subjectUserId),
    foreignKey({ columns: [t.regionId], foreignColumns: [regions.id] }),
  ],
);

export const rewards = pgTable(
  'rewards',
  {
    ...tenantColumns,
    ...caseColumns,
    certificateText: text('certificate_text').notNull(),
    certificateNumber: text('certificate_number'),
    grantedOn: date('granted_on'),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    uniqueIndex('rewards_hit_uq').on(t.regionId, t.hitKey),
    uniqueIndex('rewards_certificate_uq').on(t.regionId, t.certificateNumber),
    index('rewards_state_idx').on(t.regionId, t.state),
    index('rewards_unit_idx').on(t.regionId, t.workUnitId),
    foreignKey({ columns: [t.regionId], foreignColumns: [regions.id] }),
  ],
);

/** The history of a case: every transition with who, when and why. Append-only. */
export const caseEvents = pgTable(
  'case_events',
  {
    ...tenantColumns,
    /** sanction | reward */
    caseType: text('case_type').notNull(),
    caseId: uuid('case_id').notNull(),
    event: text('event').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    /** Null when the platform acted (notification, activation, completion). */
    actorUserId: uuid('actor_user_id'),
    reason: text('reason'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    index('case_events_case_idx').on(t.regionId, t.caseType, t.caseId, t.at),
    foreignKey({ columns: [t.regionId], foreignColumns: [regions.id] }),
  ],
);

/**
 * What HR recorded for a serving day of a vest: issued and returned at the morning roster, and whether
 * the day was served (a day not served is added at the end of the sanction).
 */
export const sanctionDays = pgTable(
  'sanction_days',
  {
    regionId: uuid('region_id').notNull(),
    sanctionId: uuid('sanction_id').notNull(),
    day: date('day').notNull(),
    vestIssuedAt: at('vest_issued_at'),
    vestReturnedAt: at('vest_returned_at'),
    /** null: not recorded yet. */
    served: boolean('served'),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.sanctionId, t.day] }),
    index('sanction_days_day_idx').on(t.regionId, t.day),
    foreignKey({
      name: 'sanction_days_sanction_fk',
      columns: [t.regionId, t.sanctionId],
      foreignColumns: [sanctions.regionId, sanctions.id],
    }),
  ],
);
