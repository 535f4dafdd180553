import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditEntry, auditFilter, auditListQuery } from '../../../contract/audit.js';
import type { Database } from '../../db/client.js';
import { auditEntries, regions } from '../../db/schema.js';
import { offsetOf } from '../../platform/listing.js';
import type { Actor } from '../../platform/policy.js';
import { toCsv } from '../../platform/spreadsheet.js';

/** Filter dates are calendar days in the region's own time zone. */
async function conditions(
  database: Database,
  actor: Actor,
  f: z.infer<typeof auditFilter>,
): Promise<SQL | undefined> {
  const where: (SQL | undefined)[] = [eq(auditEntries.regionId, actor.regionId)];
  if (f.actorUserId) where.push(eq(auditEntries.actorUserId, f.actorUserId));
  if (f.action) where.push(eq(auditEntries.action, f.action));
  if (f.entityType) where.push(eq(auditEntries.entityType, f.entityType));
  if (f.entityId) where.push(eq(auditEntries.entityId, f.entityId));
  if (f.from || f.to) {
    const [r] = await database.db
      .select({ tz: regions.timezone })
      .from(regions)
      .where(eq(regions.id, actor.regionId));
    if (f.from) where.push(gte(auditEntries.at, sql`(${f.from}::date)::timestamp at time zone ${r.tz}`));
    if (f.to) where.push(lt(auditEntries.at, sql`((${f.to}::date + 1))::timestamp at time zone ${r.tz}`));
  }
  return and(...where);
}

type Row = typeof auditEntries.$inferSelect;
const toDto = (e: Row): AuditEntry => ({
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
  hash: e.hash,
});

export async function listAudit(database: Database, actor: Actor, q: z.infer<typeof auditListQuery>) {
  const cond = await conditions(database, actor, q);
  const [{ total }] = await database.db
    .select({ total: sql<number>`count(*)::int` })
    .from(auditEntries)
    .where(cond);
  const rows = await database.db
    .select()
    .from(auditEntries)
    .where(cond)
    .orderBy(desc(auditEntries.seq))
    .limit(q.pageSize)
    .offset(offsetOf(q.page, q.pageSize));
  return { items: rows.map(toDto), total, page: q.page, pageSize: q.pageSize };
}

/** At most this many rows per export; the filter narrows a larger log. */
export const EXPORT_LIMIT = 100_000;

export async function exportAuditCsv(
  database: Database,
  actor: Actor,
  f: z.infer<typeof auditFilter>,
): Promise<string> {
  const cond = await conditions(database, actor, f);
  const rows = await database.db
    .select()
    .from(auditEntries)
    .where(cond)
    .orderBy(desc(auditEntries.seq))
    .limit(EXPORT_LIMIT);
  const header = [
    'no',
    'waktu_utc',
    'pengguna',
    'aksi',
    'objek',
    'id_objek',
    'ringkasan',
    'sebelum',
    'sesudah',
    'hash',
  ];
  // A BOM so that Excel opens the UTF-8 file with the right characters.
  return (
    '\uFEFF' +
    toCsv(
      header,
      rows.map((e) => [
        e.seq,
        e.at.toISOString(),
        e.actorName ?? '',
        e.action,
        e.entityType,
        e.entityId ?? '',
        e.summary,
        e.before == null ? '' : JSON.stringify(e.before),
        e.after == null ? '' : JSON.stringify(e.after),
        e.hash,
      ]),
    )
  );
}

export async function auditFacets(database: Database, actor: Actor) {
  const actions = await database.db
    .selectDistinct({ v: auditEntries.action })
    .from(auditEntries)
    .where(eq(auditEntries.regionId, actor.regionId))
    .orderBy(auditEntries.action);
  const types = await database.db
    .selectDistinct({ v: auditEntries.entityType })
    .from(auditEntries)
    .where(eq(auditEntries.regionId, actor.regionId))
    .orderBy(auditEntries.entityType);
  return { actions: actions.map((a) => a.v), entityTypes: types.map((t) => t.v) };
}
