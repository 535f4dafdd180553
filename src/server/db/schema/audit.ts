import {
  bigint,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { regions } from './regions.js';

/**
 * Append-only audit log, hash-chained per region: hash = sha256(prev_hash + canonical entry).
 * A trigger (migration 0001) refuses UPDATE and DELETE.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    regionId: uuid('region_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    summary: text('summary').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.seq] }),
    foreignKey({ columns: [t.regionId], foreignColumns: [regions.id] }),
    index('audit_entity_idx').on(t.regionId, t.entityType, t.entityId),
    index('audit_at_idx').on(t.regionId, t.at),
  ],
);

/** The head of each region's chain; its row lock serialises appends per region. */
export const auditHeads = pgTable('audit_heads', {
  regionId: uuid('region_id')
    .primaryKey()
    .references(() => regions.id),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  hash: text('hash').notNull(),
});
