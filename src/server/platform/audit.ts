import { createHash } from 'node:crypto';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db/client.js';
import { auditEntries, auditHeads } from '../db/schema.js';
import type { Actor } from './policy.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** JSON with sorted keys: the same value always gives the same text (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** Dates to ISO strings and undefined dropped, exactly as the value will read back from jsonb. */
function plain(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

export interface ChainFields {
  regionId: string;
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  prevHash: string;
}

export function entryHash(e: ChainFields): string {
  const text = canonicalJson({
    regionId: e.regionId,
    seq: e.seq,
    at: e.at.toISOString(),
    actorUserId: e.actorUserId,
    actorName: e.actorName,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    summary: e.summary,
    before: e.before ?? null,
    after: e.after ?? null,
  });
  return createHash('sha256').update(e.prevHash).update('\n').update(text).digest('hex');
}

/**
 * Appends one entry to the region's chain inside the caller's transaction, so the entry exists if
 * and only if the change it describes does. The head row lock serialises appends per region.
 */
export async function appendAudit(
  tx: Tx,
  regionId: string,
  actor: Pick<Actor, 'userId' | 'fullName'> | null,
  input: AuditInput,
  now: Date = new Date(),
): Promise<void> {
  await tx.insert(auditHeads).values({ regionId, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.regionId, regionId)).for('update');
  const fields: ChainFields = {
    regionId,
    seq: head.seq + 1,
    at: new Date(Math.floor(now.getTime())),
    actorUserId: actor?.userId ?? null,
    actorName: actor?.fullName ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    summary: input.summary,
    before: plain(input.before),
    after: plain(input.after),
    prevHash: head.hash,
  };
  const hash = entryHash(fields);
  await tx.insert(auditEntries).values({ ...fields, hash });
  await tx.update(auditHeads).set({ seq: fields.seq, hash }).where(eq(auditHeads.regionId, regionId));
}

export type ChainCheck =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/** Recomputes a region's chain from the start; reports the first entry that does not fit. */
export async function verifyChain(
  db: DbOrTx,
  regionId: string,
  onProgress?: (done: number) => void,
): Promise<ChainCheck> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.regionId, regionId), gt(auditEntries.seq, expectedSeq - 1)))
      .orderBy(asc(auditEntries.seq))
      .limit(2000);
    if (batch.length === 0) break;
    for (const e of batch) {
      if (e.seq !== expectedSeq) {
        return { ok: false, entries: count, brokenAt: expectedSeq, reason: `entri ${expectedSeq} hilang` };
      }
      if (e.prevHash !== prevHash) {
        return {
          ok: false,
          entries: count,
          brokenAt: e.seq,
          reason: 'prev_hash tidak cocok dengan entri sebelumnya',
        };
      }
      const recomputed = entryHash({ ...e, prevHash });
      if (recomputed !== e.hash) {
        return {
          ok: false,
          entries: count,
          brokenAt: e.seq,
          reason: 'isi entri tidak cocok dengan hash-nya',
        };
      }
      prevHash = e.hash;
      expectedSeq++;
      count++;
    }
    onProgress?.(count);
  }
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.regionId, regionId));
  if (head && (head.seq !== count || head.hash !== prevHash)) {
    return {
      ok: false,
      entries: count,
      brokenAt: count + 1,
      reason: 'kepala rantai tidak cocok (entri terakhir dihapus?)',
    };
  }
  return { ok: true, entries: count, headHash: prevHash };
}

export async function auditCount(db: DbOrTx, regionId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEntries)
    .where(eq(auditEntries.regionId, regionId));
  return r.n;
}
