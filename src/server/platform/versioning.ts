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
