import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Columns every tenant table carries. `region_id` leads every primary and foreign key so that the
 * tables can be distributed by region (Citus) without changing a key.
 */
export const tenantColumns = {
  regionId: uuid('region_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
};

/** Optimistic locking: every update checks and bumps it; a stale version answers 409. */
export const versioned = {
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};
