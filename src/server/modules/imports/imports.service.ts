import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { ImportBatch, ImportError, ImportKind } from '../../../contract/imports.js';
import { importColumns } from '../../../contract/imports.js';
import { checkNip } from '../../../contract/nip.js';
import type { Database, DbOrTx, Tx } from '../../db/client.js';
import { attendanceExcuses, civilServants, importBatches, users, workUnits } from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { offsetOf } from '../../platform/listing.js';
import type { Actor } from '../../platform/policy.js';
import { readTable, SpreadsheetError, toCsv } from '../../platform/spreadsheet.js';
import { EXCUSE_LABELS, type ExcuseKind } from '../discipline/lateness.domain.js';
import {
  validateCivilServants,
  validateExcuses,
  validateWorkUnits,
  type CivilServantRow,
  type Diff,
  type ExcuseRow,
  type RawTable,
  type WorkUnitRow,
} from './imports.domain.js';

/** Errors kept with a batch; a file with more shows the first ones and the total count. */
const MAX_ERRORS_KEPT = 500;
const CHUNK = 1000;

/** Rows written so far by commits in progress (the transaction is invisible until it ends). */
const progress = new Map<string, number>();

type BatchRow = typeof importBatches.$inferSelect;
function toDto(b: BatchRow, createdByName: string | null): ImportBatch {
  return {
    id: b.id,
    kind: b.kind as ImportKind,
    fileName: b.fileName,
    fileSha256: b.fileSha256,
    status: b.status as ImportBatch['status'],
    totalRows: b.totalRows,
    validRows: b.validRows,
    errorCount: b.errorCount,
    errors: b.errors as ImportError[],
    toCreate: b.toCreate,
    toUpdate: b.toUpdate,
    unchanged: b.unchanged,
    progressDone: b.status === 'committed' ? b.validRows : (progress.get(b.id) ?? 0),
    sample: b.sample as ImportBatch['sample'],
    createdAt: b.createdAt.toISOString(),
    committedAt: b.committedAt?.toISOString() ?? null,
    createdByName,
  };
}

export async function getBatch(db: DbOrTx, actor: Actor, id: string): Promise<ImportBatch> {
  const [row] = await db
    .select({ b: importBatches, name: users.fullName })
    .from(importBatches)
    .leftJoin(users, and(eq(users.regionId, importBatches.regionId), eq(users.id, importBatches.createdBy)))
    .where(and(eq(importBatches.regionId, actor.regionId), eq(importBatches.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return toDto(row.b, row.name);
}

export async function listBatches(database: Database, actor: Actor, page: number, pageSize: number) {
  const cond = eq(importBatches.regionId, actor.regionId);
  const [{ total }] = await database.db
    .select({ total: sql<number>`count(*)::int` })
    .from(importBatches)
    .where(cond);
  const rows = await database.db
    .select({ b: importBatches, name: users.fullName })
    .from(importBatches)
    .leftJoin(users, and(eq(users.regionId, importBatches.regionId), eq(users.id, importBatches.createdBy)))
    .where(cond)
    .orderBy(desc(importBatches.createdAt))
    .limit(pageSize)
    .offset(offsetOf(page, pageSize));
  // The list does not carry every error of every file.
  return {
    items: rows.map((r) => ({ ...toDto(r.b, r.name), errors: [], sample: [] })),
    total,
    page,
    pageSize,
  };
}

async function existingWorkUnits(db: DbOrTx, regionId: string) {
  const rows = await db
    .select({
      id: workUnits.id,
      code: workUnits.code,
      name: workUnits.name,
      kind: workUnits.kind,
      active: workUnits.active,
      headNip: civilServants.nip,
    })
    .from(workUnits)
    .leftJoin(
      civilServants,
      and(eq(civilServants.regionId, workUnits.regionId), eq(civilServants.id, workUnits.headCivilServantId)),
    )
    .where(eq(workUnits.regionId, regionId));
  return rows;
}

async function existingCivilServants(db: DbOrTx, regionId: string) {
  return db
    .select({
      id: civilServants.id,
      nip: civilServants.nip,
      name: civilServants.name,
      rankGrade: civilServants.rankGrade,
      position: civilServants.position,
      workUnitCode: workUnits.code,
      employmentType: civilServants.employmentType,
      email: civilServants.email,
      phone: civilServants.phone,
    })
    .from(civilServants)
    .innerJoin(
      workUnits,
      and(eq(workUnits.regionId, civilServants.regionId), eq(workUnits.id, civilServants.workUnitId)),
    )
    .where(eq(civilServants.regionId, regionId));
}

/** The region's ASN ids by NIP. */
async function idsByNip(db: DbOrTx, regionId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: civilServants.id, nip: civilServants.nip })
    .from(civilServants)
    .where(eq(civilServants.regionId, regionId));
  return new Map(rows.map((c) => [c.nip, c.id]));
}

/** Validates a table against the region's current data. */
async function diff(
  db: DbOrTx,
  regionId: string,
  kind: ImportKind,
  table: RawTable,
  today: Date,
): Promise<Diff<WorkUnitRow> | Diff<CivilServantRow> | Diff<ExcuseRow>> {
  if (kind === 'excuses') {
    const stored = await db
      .select({
        civilServantId: attendanceExcuses.civilServantId,
        kind: attendanceExcuses.kind,
        start: attendanceExcuses.startDate,
        end: attendanceExcuses.endDate,
      })
      .from(attendanceExcuses)
      .where(eq(attendanceExcuses.regionId, regionId));
    const byServant = new Map<string, { kind: string; start: string; end: string }[]>();
    for (const e of stored) byServant.set(e.civilServantId, [...(byServant.get(e.civilServantId) ?? []), e]);
    return validateExcuses(table, await idsByNip(db, regionId), byServant);
  }
  if (kind === 'work_units') {
    const units = await existingWorkUnits(db, regionId);
    const people = await existingCivilServants(db, regionId);
    return validateWorkUnits(
      table,
      new Map(units.map((u) => [u.code, { name: u.name, kind: u.kind, headNip: u.headNip }])),
      new Map(people.map((p) => [p.nip, p.workUnitCode])),
    );
  }
  const units = await existingWorkUnits(db, regionId);
  const people = await existingCivilServants(db, regionId);
  return validateCivilServants(
    table,
    new Map(people.map(({ nip, id: _id, ...rest }) => [nip, rest])),
    new Map(units.map((u) => [u.code, { active: u.active }])),
    today,
  );
}

/** A value of the preview's sample as the officials write it (an excuse's kind by its label). */
const shown = (kind: ImportKind, key: string, value: string | null | undefined) =>
  kind === 'excuses' && key === 'kind'
    ? (EXCUSE_LABELS[value as ExcuseKind] ?? value ?? null)
    : (value ?? null);

/** Reads, validates and stores a file for preview. Nothing of the region's data is written. */
export async function previewImport(
  database: Database,
  actor: Actor,
  kind: ImportKind,
  file: { name: string; data: Buffer },
  now = new Date(),
): Promise<ImportBatch> {
  let table: RawTable;
  try {
    table = await readTable(file.data, file.name);
  } catch (e) {
    if (e instanceof SpreadsheetError) {
      const code =
        e.code === 'TOO_LARGE'
          ? 'PAYLOAD_TOO_LARGE'
          : e.code === 'UNSUPPORTED_TYPE'
            ? 'UNSUPPORTED_MEDIA_TYPE'
            : 'VALIDATION_FAILED';
      throw new AppError(code, e.message, [{ path: 'file', message: e.message }]);
    }
    throw e;
  }
  const fileSha256 = createHash('sha256').update(file.data).digest('hex');
  const result = await diff(database.db, actor.regionId, kind, table, now);
  const keys = importColumns[kind];
  const sample = result.valid
    .slice(0, 20)
    .map((r) =>
      Object.fromEntries(
        keys.map((k) => [
          k.header,
          shown(kind, k.key, (r as unknown as Record<string, string | null>)[k.key]),
        ]),
      ),
    );
  const batchId = await database.db.transaction(async (tx) => {
    const [b] = await tx
      .insert(importBatches)
      .values({
        regionId: actor.regionId,
        kind,
        fileName: file.name.slice(0, 200),
        fileSha256,
        status: result.errors.length ? 'rejected' : 'previewed',
        totalRows: table.rows.length,
        validRows: result.valid.length,
        errorCount: result.errors.length,
        errors: result.errors.slice(0, MAX_ERRORS_KEPT),
        toCreate: result.toCreate,
        toUpdate: result.toUpdate,
        unchanged: result.unchanged,
        rows: result.errors.length ? null : table,
        sample,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning({ id: importBatches.id });
    await appendAudit(tx, actor.regionId, actor, {
      action: 'import.preview',
      entityType: 'import_batch',
      entityId: b.id,
      summary: `Berkas ${file.name} diunggah: ${table.rows.length} baris, ${result.errors.length} kesalahan`,
      after: { kind, fileName: file.name, fileSha256, rows: table.rows.length, errors: result.errors.length },
    });
    return b.id;
  });
  return getBatch(database.db, actor, batchId);
}

/**
 * Starts writing a previewed batch: all rows in one transaction or none. Re-validates inside the
 * transaction, because the region's data may have changed since the preview. Returns at once; the
 * caller polls the batch for progress.
 */
export async function startCommit(
  database: Database,
  actor: Actor,
  id: string,
): Promise<{ batch: ImportBatch; done: Promise<void> }> {
  const claimed = await database.db
    .update(importBatches)
    .set({ status: 'committing' })
    .where(
      and(
        eq(importBatches.regionId, actor.regionId),
        eq(importBatches.id, id),
        eq(importBatches.status, 'previewed'),
      ),
    )
    .returning({ id: importBatches.id });
  if (claimed.length === 0) {
    const current = await getBatch(database.db, actor, id);
    const why =
      current.status === 'rejected'
        ? 'Berkas ini memuat kesalahan; perbaiki lalu unggah ulang'
        : current.status === 'committed'
          ? 'Impor ini sudah disimpan'
          : current.status === 'committing'
            ? 'Impor ini sedang disimpan'
            : 'Impor ini gagal; unggah ulang berkasnya';
    throw new AppError('CONFLICT', why);
  }
  progress.set(id, 0);
  const batch = await getBatch(database.db, actor, id);
  const done = runCommit(database, actor, id).finally(() => progress.delete(id));
  return { batch, done };
}

async function runCommit(database: Database, actor: Actor, id: string, now = new Date()): Promise<void> {
  try {
    await database.db.transaction(async (tx) => {
      const [b] = await tx
        .select()
        .from(importBatches)
        .where(and(eq(importBatches.regionId, actor.regionId), eq(importBatches.id, id)));
      const table = b.rows as RawTable;
      // Excuses: the region's ASN are locked before the check, as a single entry locks its ASN
      // (excuses.service.ts), so that no excuse entered meanwhile slips between check and insert.
      if (b.kind === 'excuses')
        await tx
          .select({ id: civilServants.id })
          .from(civilServants)
          .where(eq(civilServants.regionId, actor.regionId))
          .for('update');
      const result = await diff(tx, actor.regionId, b.kind as ImportKind, table, now);
      if (result.errors.length) {
        throw new AppError(
          'CONFLICT',
          `Data berubah sejak pratinjau: ${result.errors[0].message} (baris ${result.errors[0].line}). Unggah ulang berkasnya.`,
        );
      }
      const onProgress = (n: number) => progress.set(id, n);
      const written =
        b.kind === 'work_units'
          ? await writeWorkUnits(tx, actor, (result as Diff<WorkUnitRow>).valid, onProgress)
          : b.kind === 'excuses'
            ? await writeExcuses(tx, actor, (result as Diff<ExcuseRow>).valid, onProgress)
            : await writeCivilServants(tx, actor, (result as Diff<CivilServantRow>).valid, onProgress);
      await tx
        .update(importBatches)
        .set({
          status: 'committed',
          committedAt: new Date(),
          rows: null,
          toCreate: result.toCreate,
          toUpdate: result.toUpdate,
          unchanged: result.unchanged,
        })
        .where(and(eq(importBatches.regionId, actor.regionId), eq(importBatches.id, id)));
      await appendAudit(tx, actor.regionId, actor, {
        action: 'import.commit',
        entityType: 'import_batch',
        entityId: id,
        summary: `Impor ${KIND_LABELS[b.kind as ImportKind]} dari ${b.fileName}: ${result.toCreate} baru, ${result.toUpdate} diubah, ${result.unchanged} tetap`,
        after: {
          fileName: b.fileName,
          fileSha256: b.fileSha256,
          created: written.created,
          updated: written.updated,
        },
      });
    });
  } catch (e) {
    const message = e instanceof AppError ? e.message : 'Penyimpanan gagal; tidak ada data yang diubah';
    await database.db
      .update(importBatches)
      .set({ status: 'failed', failureMessage: message, rows: null })
      .where(and(eq(importBatches.regionId, actor.regionId), eq(importBatches.id, id)));
    if (!(e instanceof AppError)) throw e;
  }
}

/** The new excuses; rows already stored as they are stay as they are. */
async function writeExcuses(
  tx: Tx,
  actor: Actor,
  rows: (ExcuseRow & { line: number })[],
  onProgress: (n: number) => void,
) {
  const fresh = rows.filter((r) => !r.stored);
  const ids = await idsByNip(tx, actor.regionId);
  const created: string[] = [];
  for (let i = 0; i < fresh.length; i += CHUNK) {
    const chunk = fresh.slice(i, i + CHUNK);
    const out = await tx
      .insert(attendanceExcuses)
      .values(
        chunk.map((r) => ({
          regionId: actor.regionId,
          civilServantId: ids.get(r.nip)!,
          kind: r.kind,
          startDate: r.start,
          endDate: r.end,
          note: r.note,
          createdBy: actor.userId,
        })),
      )
      .returning({ id: attendanceExcuses.id });
    created.push(...out.map((r) => r.id));
    onProgress(Math.min(i + CHUNK, fresh.length));
  }
  // The notes stay out of the trail, as with an excuse entered by hand: they may say why someone was sick.
  return { created, updated: [] as string[] };
}

/** Upserts that only touch rows whose values differ, so a re-import changes nothing. */
async function writeCivilServants(
  tx: Tx,
  actor: Actor,
  rows: (CivilServantRow & { line: number })[],
  onProgress: (n: number) => void,
) {
  const units = new Map((await existingWorkUnits(tx, actor.regionId)).map((u) => [u.code, u.id]));
  const created: string[] = [];
  const updated: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const values = chunk.map((r) => {
      const parts = checkNip(r.nip);
      if (!parts.ok) throw new AppError('VALIDATION_FAILED', parts.message);
      return {
        regionId: actor.regionId,
        nip: r.nip,
        name: r.name,
        rankGrade: r.rankGrade,
        position: r.position,
        workUnitId: units.get(r.workUnitCode)!,
        employmentType: r.employmentType,
        email: r.email,
        phone: r.phone,
        birthDate: parts.parts.birthDate,
        sex: parts.parts.sex,
      };
    });
    const out = await tx
      .insert(civilServants)
      .values(values)
      .onConflictDoUpdate({
        target: [civilServants.regionId, civilServants.nip],
        set: {
          name: sql`excluded.name`,
          rankGrade: sql`excluded.rank_grade`,
          position: sql`excluded.position`,
          workUnitId: sql`excluded.work_unit_id`,
          employmentType: sql`excluded.employment_type`,
          email: sql`excluded.email`,
          phone: sql`excluded.phone`,
          version: sql`${civilServants.version} + 1`,
          updatedAt: sql`now()`,
        },
        setWhere: sql`(${civilServants.name}, ${civilServants.rankGrade}, ${civilServants.position}, ${civilServants.workUnitId}, ${civilServants.employmentType}, ${civilServants.email}, ${civilServants.phone})
          is distinct from (excluded.name, excluded.rank_grade, excluded.position, excluded.work_unit_id, excluded.employment_type, excluded.email, excluded.phone)`,
      })
      .returning({ nip: civilServants.nip, version: civilServants.version });
    for (const r of out) (r.version === 1 ? created : updated).push(r.nip);
    onProgress(Math.min(i + CHUNK, rows.length));
  }
  return { created, updated };
}

async function writeWorkUnits(
  tx: Tx,
  actor: Actor,
  rows: (WorkUnitRow & { line: number })[],
  onProgress: (n: number) => void,
) {
  const heads = await idsByNip(tx, actor.regionId);
  const created: string[] = [];
  const updated: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const out = await tx
      .insert(workUnits)
      .values(
        chunk.map((r) => ({
          regionId: actor.regionId,
          code: r.code,
          name: r.name,
          kind: r.kind,
          headCivilServantId: r.headNip ? heads.get(r.headNip)! : null,
        })),
      )
      .onConflictDoUpdate({
        target: [workUnits.regionId, workUnits.code],
        set: {
          name: sql`excluded.name`,
          kind: sql`excluded.kind`,
          headCivilServantId: sql`excluded.head_civil_servant_id`,
          version: sql`${workUnits.version} + 1`,
          updatedAt: sql`now()`,
        },
        setWhere: sql`(${workUnits.name}, ${workUnits.kind}, ${workUnits.headCivilServantId}) is distinct from (excluded.name, excluded.kind, excluded.head_civil_servant_id)`,
      })
      .returning({ code: workUnits.code, version: workUnits.version });
    for (const r of out) (r.version === 1 ? created : updated).push(r.code);
    onProgress(Math.min(i + CHUNK, rows.length));
  }
  return { created, updated };
}

const KIND_LABELS: Record<ImportKind, string> = {
  work_units: 'perangkat daerah',
  civil_servants: 'ASN',
  excuses: 'izin dan cuti ASN',
};

export function templateCsv(kind: ImportKind): string {
  const cols = importColumns[kind];
  const example =
    kind === 'work_units'
      ? [['1.02.0.00.0.00.01.0000', 'Dinas Kesehatan', 'dinas', '']]
      : kind === 'excuses'
        ? [
            ['198503142010011002', 'cuti', '2026-10-05', '2026-10-07', 'Cuti tahunan'],
            ['198503142010011002', 'dinas luar', '12/10/2026', '13/10/2026', ''],
          ]
        : [
            [
              '198503142010011002',
              'Nama Lengkap',
              'Penata (III/c)',
              'Analis Kebijakan',
              '1.02.0.00.0.00.01.0000',
              'PNS',
              'nama@contoh.go.id',
              '081234567890',
            ],
          ];
  return (
    '\uFEFF' +
    toCsv(
      cols.map((c) => c.header),
      example,
    )
  );
}
