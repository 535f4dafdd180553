import { sql } from 'drizzle-orm';
import {
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantColumns, versioned } from './columns.js';

/** The tenant (Pemda). A reference table under Citus: small and read everywhere. */
export const regions = pgTable('regions', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** provinsi | kabupaten | kota */
  kind: text('kind').notNull(),
  /** IANA zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT). */
  timezone: text('timezone').notNull().default('Asia/Jakarta'),
  /** How the head of region is called: Wali Kota, Bupati, Gubernur. */
  headTitle: text('head_title').notNull().default('Wali Kota'),
  settings: jsonb('settings')
    .notNull()
    .default(sql`'{}'::jsonb`),
  ...versioned,
});

/** Misi of the head of region for an RPJMD term. */
export const missions = pgTable(
  'missions',
  {
    ...tenantColumns,
    termStart: integer('term_start').notNull(),
    termEnd: integer('term_end').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId], foreignColumns: [regions.id] }),
    uniqueIndex('missions_term_number_uq').on(t.regionId, t.termStart, t.number),
  ],
);

/** Tujuan under a mission. */
export const missionGoals = pgTable(
  'mission_goals',
  {
    ...tenantColumns,
    missionId: uuid('mission_id').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({
      columns: [t.regionId, t.missionId],
      foreignColumns: [missions.regionId, missions.id],
    }).onDelete('cascade'),
  ],
);

/** Sasaran under a goal. */
export const missionTargets = pgTable(
  'mission_targets',
  {
    ...tenantColumns,
    goalId: uuid('goal_id').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({
      columns: [t.regionId, t.goalId],
      foreignColumns: [missionGoals.regionId, missionGoals.id],
    }).onDelete('cascade'),
  ],
);
