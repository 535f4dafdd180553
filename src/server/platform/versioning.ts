import { and, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/client.js';
import { AppError } from './errors.js';

/**
 * After an `UPDATE ... WHERE version = $expected RETURNING`, tells a stale version (409) from a
 * missing or foreign row (404).
 */
export function assertUpdated<T>(rows: T[], exists: boolean): T {
  if (rows.length === 1) return rows[0];
  if (exists) throw new AppError('VERSION_CONFLICT');
  throw new AppError('NOT_FOUND');
}

/** A tenant table with optimistic locking. */
export type VersionedTable = PgTable & {
  regionId: AnyPgColumn;
  id: AnyPgColumn;
  version: AnyPgColumn;
  updatedAt: AnyPgColumn;
};

/**
 * Updates one row of the caller's region if it still has the version the caller saw, bumping the
 * version. Answers 409 when someone changed it meanwhile and 404 when it does not exist (or belongs to
 * another region, which is the same to the caller).
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: Tx,
  table: T,
  key: { regionId: string; id: string; version: number },
  values: PgUpdateSetSource<T>,
): Promise<void> {
  const own = and(eq(table.regionId, key.regionId), eq(table.id, key.id));
  const rows: unknown[] = await tx
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: new Date() } as PgUpdateSetSource<T>)
    .where(and(own, eq(table.version, key.version)))
    .returning({ id: table.id });
  if (rows.length === 1) return;
  const found: unknown[] = await tx
    .select({ id: table.id })
    .from(table as PgTable)
    .where(own);
  assertUpdated(rows, found.length > 0);
}
