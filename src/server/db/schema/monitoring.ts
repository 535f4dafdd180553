import {
  bigint,
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
import { sql } from 'drizzle-orm';
import { contractIndicators, contractMilestones, contracts } from './agreements.js';
import { tenantColumns, versioned } from './columns.js';
import { regions } from './regions.js';

/**
 * Monitoring of the contracts: realizations per indicator and reporting period with their evidence,
 * milestones marked done, closed periods, and the region's working-day calendar.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The realization (capaian) of one contract indicator for one reporting period. One row per
 * indicator and period; its `version` guards concurrent edits and "verified once per version".
 */
export const realizations = pgTable(
  'realizations',
  {
    ...tenantColumns,
    contractId: uuid('contract_id').notNull(),
    indicatorKey: text('indicator_key').notNull(),
    /** `2026-M01`, `2026-Q1`, `2026-S1` or `2026` (periods.domain.ts). */
    periodKey: text('period_key').notNull(),
    year: integer('year').notNull(),
    value: doublePrecision('value'),
    note: text('note'),
    /** `[{ label, value }]` supporting rows when the indicator's baseline has a breakdown. */
    breakdown: jsonb('breakdown').notNull().default([]),
    /** draft, submitted, verified, returned. */
    status: text('status').notNull(),
    /** The first submission: lateness is counted from it, a returned report resubmitted is not late again. */
    firstSubmittedAt: at('first_submitted_at'),
    submittedAt: at('submitted_at'),
    submittedBy: uuid('submitted_by'),
    /** Working days after the period's deadline at the first submission (0 when on time). */
    lateWorkingDays: integer('late_working_days'),
    verifiedAt: at('verified_at'),
    verifiedBy: uuid('verified_by'),
    returnedAt: at('returned_at'),
    returnedBy: uuid('returned_by'),
    returnReason: text('return_reason'),
    enteredBy: uuid('entered_by'),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    uniqueIndex('realizations_period_uq').on(t.regionId, t.contractId, t.indicatorKey, t.periodKey),
    index('realizations_status_idx').on(t.regionId, t.status, t.year),
    foreignKey({
      name: 'realizations_indicator_fk',
      columns: [t.regionId, t.contractId, t.indicatorKey],
      foreignColumns: [contractIndicators.regionId, contractIndicators.contractId, contractIndicators.key],
    }),
  ],
);

/**
 * A file of evidence (PDF, JPG, PNG) for a realization or a milestone, stored outside the web root
 * under its generated id; the original name is kept for display only.
 */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    ...tenantColumns,
    /** `realization` or `milestone`. */
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    originalName: text('original_name').notNull(),
    /** Detected from the magic bytes, never taken from the upload. */
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    index('evidence_files_owner_idx').on(t.regionId, t.ownerType, t.ownerId),
    foreignKey({ columns: [t.regionId], foreignColumns: [regions.id] }),
  ],
);

/** A milestone of a contract marked done (with evidence in evidence_files, owner `milestone`). */
export const milestoneProgress = pgTable(
  'milestone_progress',
  {
    ...tenantColumns,
    contractId: uuid('contract_id').notNull(),
    milestoneKey: text('milestone_key').notNull(),
    doneOn: date('done_on', { mode: 'string' }).notNull(),
    note: text('note'),
    /** Working days after the due date (0 when on time). */
    lateWorkingDays: integer('late_working_days').notNull(),
    markedBy: uuid('marked_by').notNull(),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    uniqueIndex('milestone_progress_uq').on(t.regionId, t.contractId, t.milestoneKey),
    foreignKey({
      name: 'milestone_progress_milestone_fk',
      columns: [t.regionId, t.contractId, t.milestoneKey],
      foreignColumns: [contractMilestones.regionId, contractMilestones.contractId, contractMilestones.key],
    }),
    foreignKey({
      name: 'milestone_progress_contract_fk',
      columns: [t.regionId, t.contractId],
      foreignColumns: [contracts.regionId, contracts.id],
    }),
  ],
);

/** A reporting period closed for a region: its realizations are locked until the admin reopens it. */
export const periodClosures = pgTable(
  'period_closures',
  {
    regionId: uuid('region_id').notNull(),
    periodKey: text('period_key').notNull(),
    closedAt: at('closed_at').notNull().defaultNow(),
    closedBy: uuid('closed_by'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.periodKey] }),
    foreignKey({ columns: [t.regionId], foreignColumns: [regions.id] }),
  ],
);

/**
 * The region's working-day calendar: national holidays and cuti bersama (seeded from the decrees),
 * regional holidays added by the admin, and removed days (a decreed day off the region works).
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    regionId: uuid('region_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** holiday, collective_leave, regional_holiday, removed. */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.date, t.kind] }),
    foreignKey({ columns: [t.regionId], foreignColumns: [regions.id] }),
  ],
);

/**
 * An in-app notification (reminder) for one user: a deadline coming, a report returned, a milestone
 * overdue. `dedupe_key` makes the sweep idempotent: the same reminder is never created twice.
 */
export const notifications = pgTable(
  'notifications',
  {
    ...tenantColumns,
    userId: uuid('user_id').notNull(),
    /** deadline_soon, report_returned, milestone_overdue, report_overdue. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A path of the web app to open (e.g. `/monev/...`). */
    link: text('link'),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    readAt: at('read_at'),
    /** E-mail copy (when SMTP is configured and the user has an address): sent time, tries, last error. */
    emailedAt: at('emailed_at'),
    emailAttempts: integer('email_attempts').notNull().default(0),
    emailError: text('email_error'),
    /** When a mail sweep took it (a lease: another process leaves it alone for ten minutes). */
    emailClaimedAt: at('email_claimed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    uniqueIndex('notifications_dedupe_uq').on(t.regionId, t.userId, t.dedupeKey),
    index('notifications_user_idx').on(t.regionId, t.userId, t.createdAt),
    index('notifications_mail_idx')
      .on(t.createdAt)
      .where(sql`emailed_at is null`),
    foreignKey({ columns: [t.regionId], foreignColumns: [regions.id] }),
  ],
);
