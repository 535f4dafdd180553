/**
 * Values worked out of database rows, kept in memory while a fingerprint of those rows is unchanged.
 * The caller reads the fingerprint from the database on every request (one cheap statement), so no
 * write path has to remember to invalidate anything and several server processes never serve each
 * other's stale values. Entries are kept per database handle (a test's database or a transaction
 * never sees another's); beyond `maxEntries` the least recently used is dropped.
 */
export function keptValues<T>(maxEntries: number) {
  const caches = new WeakMap<object, Map<string, { fingerprint: string; value: T }>>();
  const cacheOf = (db: object) => {
    let cache = caches.get(db);
    if (!cache) caches.set(db, (cache = new Map()));
    return cache;
  };
  return {
    /** The value kept for `key` under this fingerprint, or undefined. */
    peek(db: object, key: string, fingerprint: string): T | undefined {
      const cache = cacheOf(db);
      const hit = cache.get(key);
      if (!hit || hit.fingerprint !== fingerprint) return undefined;
      // Most recently used last.
      cache.delete(key);
      cache.set(key, hit);
      return hit.value;
    },
    put(db: object, key: string, fingerprint: string, value: T) {
      const cache = cacheOf(db);
      cache.delete(key);
      cache.set(key, { fingerprint, value });
      while (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
    },
  };
}
