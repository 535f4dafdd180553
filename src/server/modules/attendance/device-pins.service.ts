import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  DevicePin,
  DevicePinUpload,
  devicePinListQuery,
  LineProblem,
  setDevicePinBody,
} from '../../../contract/attendance.js';
import type { Database, DbOrTx, Tx } from '../../db/client.js';
import { civilServants, devicePins, workUnits } from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { likePattern, offsetOf } from '../../platform/listing.js';
import type { Actor } from '../../platform/policy.js';
import { readTable, SpreadsheetError, type Table } from '../../platform/spreadsheet.js';
import { updateVersioned } from '../../platform/versioning.js';
import { pinProblem } from '../discipline/attlog.domain.js';

/**
 * The device PIN to ASN mapping: a ZKTeco device knows its users by PIN only, so an attlog line is
 * attributed through this table. A mapping holds for one device (by the name HR gives it) or, with
 * no device, for every device of the region; the device's own mapping wins.
 */

const columns = {
  id: devicePins.id,
  device: devicePins.device,
  pin: devicePins.pin,
  civilServantId: devicePins.civilServantId,
  nip: civilServants.nip,
  name: civilServants.name,
  workUnitName: workUnits.name,
  version: devicePins.version,
  updatedAt: devicePins.updatedAt,
};

type Row = { [K in keyof typeof columns]: unknown } & { device: string; updatedAt: Date };
const toDto = (r: unknown): DevicePin => {
  const row = r as Row & Omit<DevicePin, 'device' | 'updatedAt'>;
  return { ...row, device: row.device === '' ? null : row.device, updatedAt: row.updatedAt.toISOString() };
};

function selectPins(db: DbOrTx) {
  return db
    .select(columns)
    .from(devicePins)
    .innerJoin(
      civilServants,
      and(eq(civilServants.regionId, devicePins.regionId), eq(civilServants.id, devicePins.civilServantId)),
    )
    .innerJoin(
      workUnits,
      and(eq(workUnits.regionId, civilServants.regionId), eq(workUnits.id, civilServants.workUnitId)),
    );
}

export async function listDevicePins(
  db: DbOrTx,
  actor: Actor,
  q: z.infer<typeof devicePinListQuery>,
): Promise<{ items: DevicePin[]; total: number; page: number; pageSize: number }> {
  const where: (SQL | undefined)[] = [eq(devicePins.regionId, actor.regionId)];
  if (q.device !== undefined) where.push(eq(devicePins.device, q.device));
  if (q.q) {
    const digits = q.q.replace(/\s+/g, '');
    where.push(
      or(
        eq(devicePins.pin, q.q),
        /^\d{3,18}$/.test(digits) ? ilike(civilServants.nip, `${digits}%`) : undefined,
        ilike(civilServants.name, likePattern(q.q)),
      ),
    );
  }
  const cond = and(...where);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(devicePins)
    .innerJoin(
      civilServants,
      and(eq(civilServants.regionId, devicePins.regionId), eq(civilServants.id, devicePins.civilServantId)),
    )
    .where(cond);
  const rows = await selectPins(db)
    .where(cond)
    .orderBy(asc(devicePins.device), sql`length(${devicePins.pin})`, asc(devicePins.pin))
    .limit(q.pageSize)
    .offset(offsetOf(q.page, q.pageSize));
  return { items: rows.map(toDto), total, page: q.page, pageSize: q.pageSize };
}

async function getPin(db: DbOrTx, regionId: string, id: string): Promise<DevicePin> {
  const [row] = await selectPins(db).where(and(eq(devicePins.regionId, regionId), eq(devicePins.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return toDto(row);
}

async function assertCivilServant(db: DbOrTx, regionId: string, id: string) {
  const [found] = await db
    .select({ id: civilServants.id })
    .from(civilServants)
    .where(and(eq(civilServants.regionId, regionId), eq(civilServants.id, id)));
  if (!found) throw fieldError('civilServantId', 'ASN tidak ditemukan');
}

const deviceKey = (d: string | null | undefined) => (d ?? '').trim();

/** Sets which ASN a PIN belongs to (on one device, or on every device when none is named). */
export async function setDevicePin(
  database: Database,
  actor: Actor,
  body: z.infer<typeof setDevicePinBody>,
): Promise<DevicePin> {
  const bad = pinProblem(body.pin);
  if (bad) throw fieldError('pin', bad);
  const device = deviceKey(body.device);
  return database.db.transaction(async (tx) => {
    await assertCivilServant(tx, actor.regionId, body.civilServantId);
    const [current] = await tx
      .select()
      .from(devicePins)
      .where(
        and(
          eq(devicePins.regionId, actor.regionId),
          eq(devicePins.device, device),
          eq(devicePins.pin, body.pin),
        ),
      )
      .for('update');
    const where = device ? ` pada mesin ${device}` : '';
    if (!current) {
      const [row] = await tx
        .insert(devicePins)
        .values({ regionId: actor.regionId, device, pin: body.pin, civilServantId: body.civilServantId })
        .returning({ id: devicePins.id });
      await appendAudit(tx, actor.regionId, actor, {
        action: 'attendance.device_pin.create',
        entityType: 'device_pin',
        entityId: row.id,
        summary: `PIN ${body.pin}${where} dipetakan ke ASN`,
        after: { device, pin: body.pin, civilServantId: body.civilServantId },
      });
      return getPin(tx, actor.regionId, row.id);
    }
    if (body.version !== undefined && body.version !== current.version)
      throw new AppError('VERSION_CONFLICT');
    if (current.civilServantId !== body.civilServantId) {
      await updateVersioned(
        tx,
        devicePins,
        { regionId: actor.regionId, id: current.id, version: current.version },
        { civilServantId: body.civilServantId },
      );
      await appendAudit(tx, actor.regionId, actor, {
        action: 'attendance.device_pin.update',
        entityType: 'device_pin',
        entityId: current.id,
        summary: `PIN ${body.pin}${where} dipetakan ke ASN lain`,
        before: { civilServantId: current.civilServantId },
        after: { civilServantId: body.civilServantId },
      });
    }
    return getPin(tx, actor.regionId, current.id);
  });
}

export async function deleteDevicePin(database: Database, actor: Actor, id: string, version: number) {
  return database.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(devicePins)
      .where(and(eq(devicePins.regionId, actor.regionId), eq(devicePins.id, id)))
      .for('update');
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== version) throw new AppError('VERSION_CONFLICT');
    await tx.delete(devicePins).where(and(eq(devicePins.regionId, actor.regionId), eq(devicePins.id, id)));
    await appendAudit(tx, actor.regionId, actor, {
      action: 'attendance.device_pin.delete',
      entityType: 'device_pin',
      entityId: id,
      summary: `Pemetaan PIN ${current.pin}${current.device ? ` pada mesin ${current.device}` : ''} dihapus`,
      before: { device: current.device, pin: current.pin, civilServantId: current.civilServantId },
    });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------------
// Bulk upload: a CSV or XLSX with the columns pin and nip (and optionally mesin)

const PIN_HEADERS = ['pin', 'user_id', 'userid', 'no._id', 'ac_no.', 'ac_no', 'id'];
const NIP_HEADERS = ['nip'];
const DEVICE_HEADERS = ['mesin', 'device', 'perangkat'];

const findHeader = (headers: readonly string[], names: readonly string[]) => {
  for (const n of names) {
    const i = headers.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
};

interface UploadRow {
  line: number;
  device: string;
  pin: string;
  civilServantId: string;
}

/**
 * Reads a PIN,NIP table and sets every mapping in it, in one transaction: all rows or none. A row
 * with a problem (bad PIN, unknown NIP, the same PIN twice with two NIPs) stops the whole upload and
 * is listed; an unchanged mapping is left alone, so uploading the same file twice changes nothing.
 */
export async function uploadDevicePins(
  database: Database,
  actor: Actor,
  file: { name: string; data: Buffer },
  opts: { device?: string; dryRun?: boolean },
): Promise<DevicePinUpload> {
  let table: Table;
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
  const pinCol = findHeader(table.headers, PIN_HEADERS);
  const nipCol = findHeader(table.headers, NIP_HEADERS);
  const deviceCol = findHeader(table.headers, DEVICE_HEADERS);
  const problems: LineProblem[] = [];
  if (pinCol < 0) problems.push({ line: 1, reason: 'Kolom "pin" tidak ada pada baris judul' });
  if (nipCol < 0) problems.push({ line: 1, reason: 'Kolom "nip" tidak ada pada baris judul' });
  const result = (counts: Omit<DevicePinUpload, 'rows' | 'problems' | 'written'>, written: boolean) => ({
    rows: table.rows.length,
    ...counts,
    problems: problems.slice(0, 500),
    written,
  });
  if (problems.length) return result({ created: 0, updated: 0, unchanged: 0 }, false);

  const people = new Map(
    (
      await database.db
        .select({ id: civilServants.id, nip: civilServants.nip })
        .from(civilServants)
        .where(eq(civilServants.regionId, actor.regionId))
    ).map((p) => [p.nip, p.id]),
  );
  const fallbackDevice = deviceKey(opts.device);
  const seen = new Map<string, UploadRow>();
  for (const row of table.rows) {
    const pin = (row.cells[pinCol] ?? '').trim();
    const rawNip = (row.cells[nipCol] ?? '').trim();
    const nip = rawNip.replace(/\s+/g, '');
    const device =
      deviceCol >= 0 && row.cells[deviceCol]?.trim() ? row.cells[deviceCol].trim() : fallbackDevice;
    const before = problems.length;
    const bad = pinProblem(pin);
    if (bad) problems.push({ line: row.line, reason: bad });
    if (device.length > 60) problems.push({ line: row.line, reason: 'Nama mesin paling banyak 60 karakter' });
    const id = people.get(nip);
    if (!/^\d{18}$/.test(nip))
      problems.push({ line: row.line, reason: `NIP "${rawNip}" harus 18 digit angka` });
    else if (!id) problems.push({ line: row.line, reason: `NIP ${nip} tidak ada di daftar ASN daerah ini` });
    if (problems.length > before || !id) continue;
    const key = `${device}|${pin}`;
    const earlier = seen.get(key);
    if (earlier && earlier.civilServantId !== id)
      problems.push({
        line: row.line,
        reason: `PIN ${pin}${device ? ` pada mesin ${device}` : ''} sudah dipetakan ke ASN lain di baris ${earlier.line}`,
      });
    else if (!earlier) seen.set(key, { line: row.line, device, pin, civilServantId: id });
  }
  const rows = [...seen.values()];
  const plan = async (db: DbOrTx) => {
    const existing = await db
      .select({
        id: devicePins.id,
        device: devicePins.device,
        pin: devicePins.pin,
        civilServantId: devicePins.civilServantId,
      })
      .from(devicePins)
      .where(eq(devicePins.regionId, actor.regionId));
    const byKey = new Map(existing.map((e) => [`${e.device}|${e.pin}`, e]));
    const create: UploadRow[] = [];
    const update: { id: string; civilServantId: string }[] = [];
    let unchanged = 0;
    for (const r of rows) {
      const e = byKey.get(`${r.device}|${r.pin}`);
      if (!e) create.push(r);
      else if (e.civilServantId !== r.civilServantId)
        update.push({ id: e.id, civilServantId: r.civilServantId });
      else unchanged++;
    }
    return { create, update, unchanged };
  };
  if (problems.length || opts.dryRun) {
    const p = await plan(database.db);
    return result({ created: p.create.length, updated: p.update.length, unchanged: p.unchanged }, false);
  }
  return database.db.transaction(async (tx) => {
    const p = await plan(tx);
    await writePlan(tx, actor.regionId, p);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'attendance.device_pin.upload',
      entityType: 'device_pin',
      entityId: null,
      summary: `Pemetaan PIN diunggah dari ${file.name.slice(0, 200)}: ${p.create.length} baru, ${p.update.length} diubah, ${p.unchanged} tetap`,
      after: { fileName: file.name.slice(0, 200), created: p.create.length, updated: p.update.length },
    });
    return result({ created: p.create.length, updated: p.update.length, unchanged: p.unchanged }, true);
  });
}

async function writePlan(
  tx: Tx,
  regionId: string,
  p: { create: UploadRow[]; update: { id: string; civilServantId: string }[] },
) {
  for (let i = 0; i < p.create.length; i += 1000)
    await tx.insert(devicePins).values(
      p.create.slice(i, i + 1000).map((r) => ({
        regionId,
        device: r.device,
        pin: r.pin,
        civilServantId: r.civilServantId,
      })),
    );
  for (const u of p.update)
    await tx
      .update(devicePins)
      .set({
        civilServantId: u.civilServantId,
        version: sql`${devicePins.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(devicePins.regionId, regionId), eq(devicePins.id, u.id)));
}
