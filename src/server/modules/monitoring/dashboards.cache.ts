import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { keptValues } from '../../platform/kept.js';

/**
 * A small cache of computed dashboard years (quality.md B2). Working out a city year (1,200 indicators,
 * 14,400 realizations) takes a few hundred milliseconds; the dashboards, the wall and the reports read
 * the same year again and again between writes. Each read first asks the database for a fingerprint of
 * everything the numbers depend on (one statement of counts, version sums and latest change times over
 * the region's realizations, contracts, milestone progress, calendar, units, themes, missions, cycles
 * and settings). Every write to those rows bumps a version, adds or removes a row or changes a time, so
 * a changed fingerprint means the year is worked out again; an unchanged one returns the kept result.
 *
 * The fingerprint is read from the database on every request, so several server processes never serve
 * each other's stale numbers. Entries are kept per database handle (a test's database or a transaction
 * never sees another's), keyed by region, year, the local day (deadlines turn into overdue at midnight)
 * and the units asked for, and the least recently used is dropped beyond 32 (platform/kept.ts).
 */

const kept = keptValues<unknown>(32);

/** Hits and misses since the start, for tests and the benchmark. */
export const dashboardCacheStats = { hits: 0, misses: 0 };

const versioned = (table: string, regionId: string) =>
  sql`(select concat(count(*), ':', coalesce(sum(version), 0), ':', max(updated_at)) from ${sql.identifier(table)} where region_id = ${regionId})`;

/** Everything a region's dashboard year depends on, as one string. */
export async function yearFingerprint(db: DbOrTx, regionId: string, year: number): Promise<string> {
  const result = await db.execute(sql`select concat_ws('|',
    (select concat(count(*), ':', coalesce(sum(version), 0), ':', max(updated_at)) from realizations
      where region_id = ${regionId} and year = ${year}),
    ${versioned('contracts', regionId)},
    ${versioned('milestone_progress', regionId)},
    ${versioned('work_units', regionId)},
    ${versioned('themes', regionId)},
    ${versioned('missions', regionId)},
    ${versioned('cycles', regionId)},
    (select concat(count(*), ':', max(created_at)) from calendar_days where region_id = ${regionId}),
    (select concat(version, ':', timezone, ':', md5(settings::text)) from regions where id = ${regionId})
  ) as f`);
  const rows =
    (result as unknown as { rows?: { f: string }[] }).rows ?? (result as unknown as { f: string }[]);
  return rows[0].f;
}

/**
 * The value kept for `key` when the database's fingerprint of the region's year is unchanged, else
 * `compute()`'s, kept for the next time.
 */
export async function cachedYear<T>(
  db: DbOrTx,
  regionId: string,
  year: number,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const fingerprint = await yearFingerprint(db, regionId, year);
  const fullKey = `${regionId}|${year}|${key}`;
  const hit = kept.peek(db, fullKey, fingerprint);
  if (hit !== undefined) {
    dashboardCacheStats.hits++;
    return hit as T;
  }
  dashboardCacheStats.misses++;
  const value = await compute();
  kept.put(db, fullKey, fingerprint, value);
  return value;
}
