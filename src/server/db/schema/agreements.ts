import {
  date,
  doublePrecision,
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
import { cycles, proposals } from './auction.js';
import { tenantColumns, versioned } from './columns.js';
import { users } from './identity.js';
import { workUnits } from './org.js';

/**
 * What comes out of the auction: the negotiation rounds, the integrity pact and the contract with its
 * versions and amendments. Rounds and answers are append-only (trigger in migration 0006).
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One offer of the negotiation over a proposal; never changed once written. */
export const negotiationRounds = pgTable(
  'negotiation_rounds',
  {
    ...tenantColumns,
    proposalId: uuid('proposal_id').notNull(),
    round: integer('round').notNull(),
    /** `panel` or `opd`. */
    side: text('side').notNull(),
    /** `[{ indicatorKey, year, value?, lower?, upper? }]`: targets that differ from the bid. */
    targets: jsonb('targets').notNull(),
    /** `[{ milestoneKey, date }]`: milestone deadlines that differ from the bid. */
    milestoneDeadlines: jsonb('milestone_deadlines').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    uniqueIndex('negotiation_rounds_round_uq').on(t.regionId, t.proposalId, t.round),
    foreignKey({
      name: 'negotiation_rounds_proposal_fk',
      columns: [t.regionId, t.proposalId],
      foreignColumns: [proposals.regionId, proposals.id],
    }),
    foreignKey({
      name: 'negotiation_rounds_user_fk',
      columns: [t.regionId, t.createdBy],
      foreignColumns: [users.regionId, users.id],
    }),
  ],
);

/** The answer that closes a negotiation: accepted, refused, or expired at the deadline. One per proposal. */
export const negotiationAnswers = pgTable(
  'negotiation_answers',
  {
    ...tenantColumns,
    proposalId: uuid('proposal_id').notNull(),
    /** The round answered (the standing offer). */
    round: integer('round').notNull(),
    /** `panel`, `opd` or `system` (expiry). */
    side: text('side').notNull(),
    /** `accept`, `refuse` or `expire`. */
    kind: text('kind').notNull(),
    reason: text('reason'),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    uniqueIndex('negotiation_answers_proposal_uq').on(t.regionId, t.proposalId),
    foreignKey({
      name: 'negotiation_answers_proposal_fk',
      columns: [t.regionId, t.proposalId],
      foreignColumns: [proposals.regionId, proposals.id],
    }),
  ],
);

/**
 * The numbered integrity pact (pakta integritas kesanggupan) of a proposal whose negotiation ended.
 * `content` is the snapshot the PDF prints; `content_hash` its SHA-256, shown by the public check.
 */
export const pacts = pgTable(
  'pacts',
  {
    ...tenantColumns,
    proposalId: uuid('proposal_id').notNull(),
    cycleId: uuid('cycle_id').notNull(),
    workUnitId: uuid('work_unit_id').notNull(),
    /** Running number within the cycle. */
    sequence: integer('sequence').notNull(),
    number: text('number').notNull(),
    /** Public, unguessable code of the verification URL. */
    verificationCode: text('verification_code').notNull(),
    /** `agreed` or `refused`. */
    outcome: text('outcome').notNull(),
    content: jsonb('content').notNull(),
    contentHash: text('content_hash').notNull(),
    opdHeadSignedAt: at('opd_head_signed_at'),
    opdHeadSignedBy: uuid('opd_head_signed_by'),
    headOfRegionSignedAt: at('head_of_region_signed_at'),
    headOfRegionSignedBy: uuid('head_of_region_signed_by'),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    uniqueIndex('pacts_proposal_uq').on(t.regionId, t.proposalId),
    uniqueIndex('pacts_number_uq').on(t.regionId, t.cycleId, t.sequence),
    uniqueIndex('pacts_code_uq').on(t.verificationCode),
    foreignKey({
      name: 'pacts_proposal_fk',
      columns: [t.regionId, t.proposalId],
      foreignColumns: [proposals.regionId, proposals.id],
    }),
    foreignKey({
      name: 'pacts_cycle_fk',
      columns: [t.regionId, t.cycleId],
      foreignColumns: [cycles.regionId, cycles.id],
    }),
    foreignKey({
      name: 'pacts_unit_fk',
      columns: [t.regionId, t.workUnitId],
      foreignColumns: [workUnits.regionId, workUnits.id],
    }),
  ],
);

/** The performance contract: a signed pact's proposal, read-only, changed only by amendments. */
export const contracts = pgTable(
  'contracts',
  {
    ...tenantColumns,
    proposalId: uuid('proposal_id').notNull(),
    pactId: uuid('pact_id').notNull(),
    cycleId: uuid('cycle_id').notNull(),
    workUnitId: uuid('work_unit_id').notNull(),
    themeId: uuid('theme_id'),
    title: text('title').notNull(),
    currentVersion: integer('current_version').notNull().default(1),
    signedAt: at('signed_at').notNull(),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    uniqueIndex('contracts_proposal_uq').on(t.regionId, t.proposalId),
    index('contracts_unit_idx').on(t.regionId, t.workUnitId),
    index('contracts_cycle_idx').on(t.regionId, t.cycleId),
    foreignKey({
      name: 'contracts_proposal_fk',
      columns: [t.regionId, t.proposalId],
      foreignColumns: [proposals.regionId, proposals.id],
    }),
    foreignKey({
      name: 'contracts_pact_fk',
      columns: [t.regionId, t.pactId],
      foreignColumns: [pacts.regionId, pacts.id],
    }),
    foreignKey({
      name: 'contracts_unit_fk',
      columns: [t.regionId, t.workUnitId],
      foreignColumns: [workUnits.regionId, workUnits.id],
    }),
  ],
);

/** Every version of a contract's terms; version 1 is what was signed. Never changed once written. */
export const contractVersions = pgTable(
  'contract_versions',
  {
    regionId: uuid('region_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    version: integer('version').notNull(),
    /** `{ targets, milestones, budget }` (terms.ts). */
    terms: jsonb('terms').notNull(),
    amendmentId: uuid('amendment_id'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.contractId, t.version] }),
    foreignKey({
      name: 'contract_versions_contract_fk',
      columns: [t.regionId, t.contractId],
      foreignColumns: [contracts.regionId, contracts.id],
    }),
  ],
);

/** A proposed change of a contract's values, decided by the head of region. */
export const contractAmendments = pgTable(
  'contract_amendments',
  {
    ...tenantColumns,
    contractId: uuid('contract_id').notNull(),
    baseVersion: integer('base_version').notNull(),
    /** `{ targets?, milestones?, budget? }` (TermsPatch). */
    changes: jsonb('changes').notNull(),
    reason: text('reason').notNull(),
    /** proposed, approved, rejected, withdrawn. */
    status: text('status').notNull(),
    proposedBy: uuid('proposed_by').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: at('decided_at'),
    decisionReason: text('decision_reason'),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    index('contract_amendments_contract_idx').on(t.regionId, t.contractId),
    foreignKey({
      name: 'contract_amendments_contract_fk',
      columns: [t.regionId, t.contractId],
      foreignColumns: [contracts.regionId, contracts.id],
    }),
  ],
);

/**
 * The contract's indicators as monitoring reads them (one row each, current version's values kept in
 * step by amendments), with the targets and milestones below.
 */
export const contractIndicators = pgTable(
  'contract_indicators',
  {
    regionId: uuid('region_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    polarity: text('polarity').notNull(),
    aggregation: text('aggregation').notNull(),
    frequency: text('frequency').notNull(),
    weight: doublePrecision('weight').notNull(),
    baselineValue: doublePrecision('baseline_value'),
    baselineYear: integer('baseline_year'),
    baselineSource: text('baseline_source').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.contractId, t.key] }),
    foreignKey({
      name: 'contract_indicators_contract_fk',
      columns: [t.regionId, t.contractId],
      foreignColumns: [contracts.regionId, contracts.id],
    }),
  ],
);

export const contractTargets = pgTable(
  'contract_targets',
  {
    regionId: uuid('region_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    indicatorKey: text('indicator_key').notNull(),
    year: integer('year').notNull(),
    value: doublePrecision('value'),
    lower: doublePrecision('lower'),
    upper: doublePrecision('upper'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.contractId, t.indicatorKey, t.year] }),
    foreignKey({
      name: 'contract_targets_indicator_fk',
      columns: [t.regionId, t.contractId, t.indicatorKey],
      foreignColumns: [contractIndicators.regionId, contractIndicators.contractId, contractIndicators.key],
    }),
  ],
);

export const contractMilestones = pgTable(
  'contract_milestones',
  {
    regionId: uuid('region_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.contractId, t.key] }),
    index('contract_milestones_due_idx').on(t.regionId, t.dueDate),
    foreignKey({
      name: 'contract_milestones_contract_fk',
      columns: [t.regionId, t.contractId],
      foreignColumns: [contracts.regionId, contracts.id],
    }),
  ],
);
