import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantColumns, versioned } from './columns.js';
import { civilServants, workUnits } from './org.js';
import { regions } from './regions.js';

export const users = pgTable(
  'users',
  {
    ...tenantColumns,
    username: text('username').notNull(),
    /** argon2id PHC string; parameters are asserted in tests. */
    passwordHash: text('password_hash').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    civilServantId: uuid('civil_servant_id'),
    active: boolean('active').notNull().default(true),
    locale: text('locale').notNull().default('id'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId], foreignColumns: [regions.id] }),
    uniqueIndex('users_username_uq').on(t.regionId, t.username),
    foreignKey({
      name: 'users_civil_servant_fk',
      columns: [t.regionId, t.civilServantId],
      foreignColumns: [civilServants.regionId, civilServants.id],
    }),
  ],
);

/** A role granted to a user, optionally scoped to one work unit. */
export const userRoles = pgTable(
  'user_roles',
  {
    ...tenantColumns,
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    workUnitId: uuid('work_unit_id'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('user_roles_uq').on(t.regionId, t.userId, t.role, t.workUnitId).nullsNotDistinct(),
    foreignKey({
      name: 'user_roles_user_fk',
      columns: [t.regionId, t.userId],
      foreignColumns: [users.regionId, users.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'user_roles_unit_fk',
      columns: [t.regionId, t.workUnitId],
      foreignColumns: [workUnits.regionId, workUnits.id],
    }),
  ],
);

/**
 * Server-side sessions. `id` is the SHA-256 of the cookie token, so a database leak does not leak
 * usable cookies.
 */
export const sessions = pgTable(
  'sessions',
  {
    regionId: uuid('region_id').notNull(),
    id: text('id').notNull(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    idleExpiresAt: timestamp('idle_expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    index('sessions_id_idx').on(t.id),
    index('sessions_user_idx').on(t.regionId, t.userId),
    foreignKey({
      name: 'sessions_user_fk',
      columns: [t.regionId, t.userId],
      foreignColumns: [users.regionId, users.id],
    }).onDelete('cascade'),
  ],
);

/** Failed logins per username (the IP limit lives in the rate limiter). */
export const loginThrottles = pgTable(
  'login_throttles',
  {
    regionId: uuid('region_id').notNull(),
    username: text('username').notNull(),
    failures: integer('failures').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .default(sql`now()`),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.username] }),
    foreignKey({ columns: [t.regionId], foreignColumns: [regions.id] }),
  ],
);
