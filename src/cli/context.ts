import { loadConfig } from '../server/config.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { regions } from '../server/db/schema.js';

/** Opens the database the server would use (DATABASE_URL or the PGlite folder), migrated. */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  try {
    await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
}

export async function regionsBySlug(database: Database, slug?: string) {
  const all = await database.db
    .select({ id: regions.id, slug: regions.slug, name: regions.name })
    .from(regions)
    .orderBy(regions.slug);
  if (!slug) return all;
  const one = all.filter((r) => r.slug === slug);
  if (one.length === 0) throw new Error(`Daerah "${slug}" tidak ditemukan`);
  return one;
}
