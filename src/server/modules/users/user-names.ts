import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users } from '../../db/schema.js';

/**
 * The full names of some users of a region in one query, for "who did it" columns (signatures,
 * rounds, decisions, verifications). Missing ids and blanks are skipped; unknown ids are absent.
 */
export async function userNames(
  db: DbOrTx,
  regionId: string,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.fullName })
    .from(users)
    .where(and(eq(users.regionId, regionId), inArray(users.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
