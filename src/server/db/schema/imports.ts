import {
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  index,
} from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.js';
import { regions } from './regions.js';

/** An uploaded file, validated and held for preview until committed. */
export const importBatches = pgTable(
  'import_batches',
  {
    ...tenantColumns,
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    status: text('status').notNull(),
    totalRows: integer('total_rows').notNull(),
    validRows: integer('valid_rows').notNull(),
    errorCount: integer('error_count').notNull(),
    errors: jsonb('errors').notNull(),
    toCreate: integer('to_create').notNull().default(0),
    toUpdate: integer('to_update').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    /** Normalised valid rows, written on commit. Cleared after commit. */
    rows: jsonb('rows'),
    sample: jsonb('sample').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true, mode: 'date' }),
    failureMessage: text('failure_message'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId], foreignColumns: [regions.id] }),
    index('import_batches_created_idx').on(t.regionId, t.createdAt),
  ],
);
