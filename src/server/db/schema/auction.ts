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
import { users } from './identity.js';
import { workUnits } from './org.js';
import { missions, regions } from './regions.js';

/**
 * A performance auction cycle (Lelang Kinerja <term>). Phase dates are calendar dates of the region;
 * the service turns them into instants (starts at 00:00, deadlines at 23:59:59 local time).
 */
export const cycles = pgTable(
  'cycles',
  {
    ...tenantColumns,
    name: text('name').notNull(),
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    /** `{ draftingStart, submissionDeadline, sessionsStart, sessionsEnd, negotiationDeadline, signingDeadline }` as YYYY-MM-DD. */
    phases: jsonb('phases').notNull(),
    /** `[{ code, name, weight }]`, weights summing to 100. */
    rubric: jsonb('rubric').notNull(),
    /** `[{ year, amount }]` in whole Rupiah; empty when the cycle does not allocate budget. */
    budgetCeilings: jsonb('budget_ceilings').notNull(),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId], foreignColumns: [regions.id] }),
    uniqueIndex('cycles_name_uq').on(t.regionId, t.name),
  ],
);

/** A theme (tema) of a cycle under one mission, with the outcome indicator its contributors share. */
export const themes = pgTable(
  'themes',
  {
    ...tenantColumns,
    cycleId: uuid('cycle_id').notNull(),
    missionId: uuid('mission_id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    outcomeIndicatorName: text('outcome_indicator_name').notNull(),
    outcomeIndicatorUnit: text('outcome_indicator_unit').notNull(),
    outcomePolarity: text('outcome_polarity').notNull(),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    uniqueIndex('themes_name_uq').on(t.regionId, t.cycleId, t.name),
    foreignKey({
      name: 'themes_cycle_fk',
      columns: [t.regionId, t.cycleId],
      foreignColumns: [cycles.regionId, cycles.id],
    }),
    foreignKey({
      name: 'themes_mission_fk',
      columns: [t.regionId, t.missionId],
      foreignColumns: [missions.regionId, missions.id],
    }),
  ],
);

/** A later submission deadline for one unit, granted by the region admin (audited). */
export const submissionExtensions = pgTable(
  'submission_extensions',
  {
    ...tenantColumns,
    cycleId: uuid('cycle_id').notNull(),
    workUnitId: uuid('work_unit_id').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    uniqueIndex('submission_extensions_unit_uq').on(t.regionId, t.cycleId, t.workUnitId),
    index('submission_extensions_cycle_idx').on(t.regionId, t.cycleId),
    foreignKey({
      name: 'submission_extensions_cycle_fk',
      columns: [t.regionId, t.cycleId],
      foreignColumns: [cycles.regionId, cycles.id],
    }),
    foreignKey({
      name: 'submission_extensions_unit_fk',
      columns: [t.regionId, t.workUnitId],
      foreignColumns: [workUnits.regionId, workUnits.id],
    }),
  ],
);

/**
 * A unit's proposal in a cycle. The draft lives in `document` (validated by the contract) so that
 * autosave and negotiation rounds work on one value; the lead unit, the collaborating units and the
 * status are columns because every access check and list filters by them.
 */
export const proposals = pgTable(
  'proposals',
  {
    ...tenantColumns,
    cycleId: uuid('cycle_id').notNull(),
    leadWorkUnitId: uuid('lead_work_unit_id').notNull(),
    /** Units that contribute (read access for them); kept in step with the document on every save. */
    collaboratorUnitIds: uuid('collaborator_unit_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    title: text('title').notNull(),
    status: text('status').notNull(),
    document: jsonb('document').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    submittedBy: uuid('submitted_by'),
    /** A later negotiation deadline for this proposal than the cycle's, granted by the admin (audited). */
    negotiationDeadline: date('negotiation_deadline', { mode: 'string' }),
    negotiationExtensionReason: text('negotiation_extension_reason'),
    createdBy: uuid('created_by'),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    index('proposals_cycle_idx').on(t.regionId, t.cycleId, t.status),
    index('proposals_unit_idx').on(t.regionId, t.leadWorkUnitId),
    foreignKey({
      name: 'proposals_cycle_fk',
      columns: [t.regionId, t.cycleId],
      foreignColumns: [cycles.regionId, cycles.id],
    }),
    foreignKey({
      name: 'proposals_unit_fk',
      columns: [t.regionId, t.leadWorkUnitId],
      foreignColumns: [workUnits.regionId, workUnits.id],
    }),
  ],
);

/** A session of the auction (sidang lelang): when, where, who sits on the panel, in which order. */
export const auctionSessions = pgTable(
  'auction_sessions',
  {
    ...tenantColumns,
    cycleId: uuid('cycle_id').notNull(),
    title: text('title').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    /** The chair (head of region, or a delegate holding that role); may be empty until set. */
    chairUserId: uuid('chair_user_id'),
    /** scheduled, in_progress, closed, cancelled (session.domain.ts). */
    status: text('status').notNull().default('scheduled'),
    cancelReason: text('cancel_reason'),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    index('auction_sessions_cycle_idx').on(t.regionId, t.cycleId, t.date),
    foreignKey({
      name: 'auction_sessions_cycle_fk',
      columns: [t.regionId, t.cycleId],
      foreignColumns: [cycles.regionId, cycles.id],
    }),
    foreignKey({
      name: 'auction_sessions_chair_fk',
      columns: [t.regionId, t.chairUserId],
      foreignColumns: [users.regionId, users.id],
    }),
  ],
);

/** A member of a session's panel (users with the panelist role, pentahelix partners among them). */
export const sessionPanelists = pgTable(
  'session_panelists',
  {
    regionId: uuid('region_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.sessionId, t.userId] }),
    index('session_panelists_user_idx').on(t.regionId, t.userId),
    foreignKey({
      name: 'session_panelists_session_fk',
      columns: [t.regionId, t.sessionId],
      foreignColumns: [auctionSessions.regionId, auctionSessions.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'session_panelists_user_fk',
      columns: [t.regionId, t.userId],
      foreignColumns: [users.regionId, users.id],
    }),
  ],
);

/** The agenda: proposals in the order they are presented. A proposal sits on one session's agenda. */
export const sessionAgenda = pgTable(
  'session_agenda',
  {
    regionId: uuid('region_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    proposalId: uuid('proposal_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.sessionId, t.proposalId] }),
    uniqueIndex('session_agenda_proposal_uq').on(t.regionId, t.proposalId),
    foreignKey({
      name: 'session_agenda_session_fk',
      columns: [t.regionId, t.sessionId],
      foreignColumns: [auctionSessions.regionId, auctionSessions.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'session_agenda_proposal_fk',
      columns: [t.regionId, t.proposalId],
      foreignColumns: [proposals.regionId, proposals.id],
    }),
  ],
);

/** One panelist's position on one proposal: a conflict of interest, or scores per rubric criterion. */
export const proposalScores = pgTable(
  'proposal_scores',
  {
    ...tenantColumns,
    proposalId: uuid('proposal_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    panelistUserId: uuid('panelist_user_id').notNull(),
    conflict: boolean('conflict').notNull().default(false),
    conflictReason: text('conflict_reason'),
    /** `[{ criterionCode, score, note }]`; final once `submitted_at` is set. */
    scores: jsonb('scores').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    uniqueIndex('proposal_scores_panelist_uq').on(t.regionId, t.proposalId, t.panelistUserId),
    foreignKey({
      name: 'proposal_scores_proposal_fk',
      columns: [t.regionId, t.proposalId],
      foreignColumns: [proposals.regionId, proposals.id],
    }),
    foreignKey({
      name: 'proposal_scores_session_fk',
      columns: [t.regionId, t.sessionId],
      foreignColumns: [auctionSessions.regionId, auctionSessions.id],
    }),
    foreignKey({
      name: 'proposal_scores_user_fk',
      columns: [t.regionId, t.panelistUserId],
      foreignColumns: [users.regionId, users.id],
    }),
  ],
);
