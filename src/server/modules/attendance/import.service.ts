import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type {
  AttendanceImport,
  AttendancePreview,
  LineProblem,
  PunchMappingDto,
} from '../../../contract/attendance.js';
import type { FieldError } from '../../../contract/common.js';
import type { Database, DbOrTx } from '../../db/client.js';
import {
  attendanceImports,
  attendancePunches,
  civilServants,
  devicePins,
  regions,
  users,
} from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { offsetOf } from '../../platform/listing.js';
import type { Punch, PunchColumnMapping } from '../discipline/attlog.domain.js';
import { readPunchFile, type PunchFile } from './punch-files.js';

/**
 * Importing attendance punches (issue 5 item 1, docs/discipline.md section 1): the preview reads a
 * file and tells what a commit would do, writing nothing; the commit reads the same file again and
 * writes its new punches in one transaction, all or nothing.
 *
 * - The same bytes twice: the sha256 names the earlier import, which is the answer; nothing is written.
 *   A file imported with rows left out may come again and adds the punches whose PIN has been mapped
 *   since; when it would add nothing, the earlier import is the answer too.
 * - Overlapping files: a punch is its ASN and its local date and time (the table's primary key); the
 *   punches already stored are left out, so none is counted twice.
 * - Problems (unreadable lines, PINs and NIPs no ASN answers to) block the commit, unless the caller
 *   asks to skip them; the import record then lists them.
 * - Speed (quality.md B3: a city month of ~400,000 punches well under 10 s, at least half the
 *   throughput of a raw COPY): the punches are written sorted by ASN and time (index locality), by
 *   `INSERT ... SELECT FROM unnest(arrays)` in chunks of 20,000, on both engines. The punches already
 *   stored are found by one range read per run of days rather than by `ON CONFLICT`, which measured
 *   twice as slow; the imports of a region take a transaction-scoped advisory lock, so that no other
 *   import adds a punch between that read and the insert (the primary key would refuse a double).
 * - Progress: the commit answers at once with the import (status `committing`); the rows written so
 *   far are kept in memory by import id (a transaction shows nothing before its end) and read back
 *   by `getImport`; the CLI passes a callback instead.
 */

/** Who imports: a signed-in user, or nobody for the command line. */
export interface Importer {
  regionId: string;
  userId: string | null;
  fullName: string | null;
}

export interface ImportFile {
  name: string;
  data: Buffer;
}

export interface ImportOptions {
  device?: string | null;
  mapping?: PunchColumnMapping | null;
  skipInvalid?: boolean;
}

export interface ImportHooks {
  /** Punches written so far and in all; throwing here rolls the whole import back. */
  onProgress?: (done: number, total: number) => void;
  /** Punches per INSERT statement (tests use small chunks). */
  chunkSize?: number;
}

export const INSERT_CHUNK = 20_000;
const MAX_PROBLEMS_SHOWN = 200;
const MAX_PROBLEMS_KEPT = 500;
const MAX_UNKNOWN_SHOWN = 100;
const SAMPLE_SIZE = 10;
/** A `committing` import this old that no process of this server is writing died with its process. */
const STALE_AFTER_MS = 30 * 60_000;
/** Days further apart than this are read from the stored punches as separate ranges. */
const RANGE_GAP_DAYS = 7;

/** Rows written so far by the commits running in this process. */
const progress = new Map<string, { done: number; total: number }>();

// ---------------------------------------------------------------------------------------------------
// Reading and resolving a file

/** The unique punches of known ASN, sorted by ASN and time, as parallel columns. */
interface PunchColumns {
  /** The ASN of each punch, as 1-based index into `people`. */
  person: number[];
  /** Local `YYYY-MM-DD HH:MM:SS`. */
  localDateTime: string[];
  /** The distinct ASN and days among them, sorted. */
  people: string[];
  days: string[];
}

const noPunches = (): PunchColumns => ({ person: [], localDateTime: [], people: [], days: [] });

interface Analysis {
  file: PunchFile;
  fileName: string;
  sha256: string;
  device: string | null;
  timezone: string;
  punches: PunchColumns;
  /** Punches of known ASN, duplicates included. */
  resolved: number;
  unknown: Map<string, { punches: number; firstLine: number }>;
  unknownPunches: number;
  /** Lines left out if the file is imported with skipInvalid, by line. */
  skipped: LineProblem[];
  problemLines: number;
  duplicatesInFile: number;
  dateFrom: string | null;
  dateTo: string | null;
  sample: AttendancePreview['sample'];
}

const normDevice = (d: string | null | undefined) => (d && d.trim() !== '' ? d.trim() : null);
const sha256Of = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function analyse(
  db: DbOrTx,
  regionId: string,
  file: ImportFile,
  opts: ImportOptions,
  sha256 = sha256Of(file.data),
): Promise<Analysis> {
  const read = await readPunchFile(file.data, file.name, opts.mapping ?? null);
  const device = normDevice(opts.device);
  const [region] = await db
    .select({ timezone: regions.timezone })
    .from(regions)
    .where(eq(regions.id, regionId));
  if (!region) throw new AppError('NOT_FOUND');
  const problemLines = new Set(read.problems.map((p) => p.line)).size;
  const base: Analysis = {
    file: read,
    fileName: file.name.slice(0, 200),
    sha256,
    device,
    timezone: region.timezone,
    punches: noPunches(),
    resolved: 0,
    unknown: new Map(),
    unknownPunches: 0,
    skipped: [],
    problemLines,
    duplicatesInFile: 0,
    dateFrom: null,
    dateTo: null,
    sample: [],
  };
  if (read.needsMapping) return base;

  // Who each punch is, as an index into `persons` (-1: nobody), looked up once per identifier.
  const lookup = await resolver(db, regionId, read.identifier, device);
  const persons: Person[] = [];
  const indexOfPerson = new Map<Person, number>();
  const indexOfId = new Map<string, number>();
  const punches = read.punches;
  const who = new Int32Array(punches.length);
  const unknownLines: LineProblem[] = [];
  for (let i = 0; i < punches.length; i++) {
    const p = punches[i];
    let k = indexOfId.get(p.pin);
    if (k === undefined) {
      const person = lookup(p.pin);
      k = person ? (indexOfPerson.get(person) ?? persons.push(person) - 1) : -1;
      if (person) indexOfPerson.set(person, k);
      indexOfId.set(p.pin, k);
    }
    who[i] = k;
    if (k < 0) {
      const u = base.unknown.get(p.pin);
      if (u) u.punches++;
      else base.unknown.set(p.pin, { punches: 1, firstLine: p.line });
      base.unknownPunches++;
      unknownLines.push({
        line: p.line,
        reason:
          read.identifier === 'nip'
            ? `NIP ${p.pin} tidak ada di daftar ASN daerah ini`
            : `PIN ${p.pin} belum dipetakan ke ASN`,
      });
      continue;
    }
    base.resolved++;
    if (base.sample.length < SAMPLE_SIZE)
      base.sample.push({
        line: p.line,
        identifier: p.pin,
        nip: persons[k].nip,
        name: persons[k].name,
        localDateTime: p.localDateTime,
      });
  }
  base.skipped = mergeByLine(read.problems, unknownLines);
  const { columns, duplicates } = uniqueByPerson(punches, who, persons);
  base.punches = columns;
  base.duplicatesInFile = duplicates;
  base.dateFrom = columns.days[0] ?? null;
  base.dateTo = columns.days.at(-1) ?? null;
  return base;
}

interface Person {
  id: string;
  nip: string;
  name: string;
}

/** A copy of a short string that holds its own characters (not a slice of a longer one). */
const ownString = (s: string) => Buffer.from(s, 'utf8').toString('utf8');

/**
 * The punches grouped by ASN (ids in order) and each group by time, keeping one punch per ASN and
 * local time: attlog.domain's punch identity (`punchKey`) with the PIN resolved to its ASN, so that
 * two PINs of one person punching the same second count once too. Inserted in the order of the
 * primary key, each ASN's month lands on a few neighbouring index pages. A city month is 400,000
 * punches: a counting sort by ASN, and the per-ASN groups are sorted only when the device did not
 * write them in time order already.
 */
function uniqueByPerson(
  punches: readonly Punch[],
  who: Int32Array,
  persons: readonly Person[],
): { columns: PunchColumns; duplicates: number } {
  const start = new Int32Array(persons.length + 1);
  for (let i = 0; i < punches.length; i++) if (who[i] >= 0) start[who[i] + 1]++;
  for (let k = 0; k < persons.length; k++) start[k + 1] += start[k];
  const order = new Int32Array(start[persons.length]);
  const fill = start.slice(0, persons.length);
  for (let i = 0; i < punches.length; i++) if (who[i] >= 0) order[fill[who[i]]++] = i;

  const byId = persons.map((_, k) => k).sort((x, y) => (persons[x].id < persons[y].id ? -1 : 1));
  // The times as strings of their own, copied in file order: a reader's times are slices of the whole
  // file's text, and comparing slices in ASN order reads that text at random (twice as slow for a city
  // month as copying first).
  const own = new Array<string>(punches.length);
  for (let i = 0; i < punches.length; i++) if (who[i] >= 0) own[i] = ownString(punches[i].localDateTime);
  const columns = noPunches();
  const days = new Set<string>();
  let duplicates = 0;
  for (const k of byId) {
    const from = start[k];
    const to = start[k + 1];
    if (from === to) continue;
    const ats = new Array<string>(to - from);
    for (let j = 0; j < ats.length; j++) ats[j] = own[order[from + j]];
    for (let j = 1; j < ats.length; j++)
      if (ats[j - 1] > ats[j]) {
        // `YYYY-MM-DD HH:MM:SS` sorts as text; equal times are one punch, whichever comes first.
        ats.sort();
        break;
      }
    const person = columns.people.push(persons[k].id);
    let previous = '';
    let day = '';
    for (const at of ats) {
      if (at === previous) {
        duplicates++;
        continue;
      }
      previous = at;
      if (day === '' || !at.startsWith(day)) {
        day = at.slice(0, 10);
        days.add(day);
      }
      columns.person.push(person);
      columns.localDateTime.push(at);
    }
  }
  columns.days = [...days].sort();
  return { columns, duplicates };
}

/**
 * Who an identifier is: by NIP for a file mapped by NIP; else the device's own mapping of the PIN,
 * then the region-wide one, then (devices enrolled with NIPs as user ids) an 18-digit PIN that is an
 * ASN's NIP.
 */
async function resolver(db: DbOrTx, regionId: string, identifier: 'pin' | 'nip', device: string | null) {
  const people = await db
    .select({ id: civilServants.id, nip: civilServants.nip, name: civilServants.name })
    .from(civilServants)
    .where(eq(civilServants.regionId, regionId));
  const byNip = new Map<string, Person>(people.map((p) => [p.nip, p]));
  if (identifier === 'nip') return (id: string) => byNip.get(id) ?? null;
  const byId = new Map<string, Person>(people.map((p) => [p.id, p]));
  const pins = await db
    .select({ device: devicePins.device, pin: devicePins.pin, civilServantId: devicePins.civilServantId })
    .from(devicePins)
    .where(and(eq(devicePins.regionId, regionId), inArray(devicePins.device, device ? ['', device] : [''])));
  const own = new Map<string, Person>();
  const shared = new Map<string, Person>();
  for (const m of pins) {
    const person = byId.get(m.civilServantId);
    if (person) (m.device === '' ? shared : own).set(m.pin, person);
  }
  return (pin: string) =>
    own.get(pin) ?? shared.get(pin) ?? (pin.length === 18 ? (byNip.get(pin) ?? null) : null);
}

/** Both lists in line order (each is already in line order). */
function mergeByLine(a: readonly LineProblem[], b: readonly LineProblem[]): LineProblem[] {
  const out: LineProblem[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].line <= b[j].line)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

/**
 * Which of the punches are stored already: for each run of days of the file (runs split at gaps of a
 * week, so that one stray date does not widen the read), the stored punches of the file's ASN on
 * those days, by one index range read. A month that was not imported yet costs one probe per ASN.
 */
async function storedAmong(db: DbOrTx, regionId: string, punches: PunchColumns): Promise<boolean[]> {
  const n = punches.localDateTime.length;
  const stored = new Array<boolean>(n).fill(false);
  if (n === 0) return stored;
  const ranges: [string, string][] = [];
  for (const d of punches.days) {
    const last = ranges[ranges.length - 1];
    if (last && dayGap(last[1], d) <= RANGE_GAP_DAYS) last[1] = d;
    else ranges.push([d, d]);
  }
  const keys = new Set<string>();
  for (const [from, to] of ranges) {
    const result = await db.execute(
      sql`select civil_servant_id::text as c, day::text || ' ' || local_time::text as t from ${attendancePunches}
        where region_id = ${regionId} and civil_servant_id = any(${sql.param(punches.people)}::uuid[])
          and day between ${from}::date and ${to}::date`,
    );
    const rows = (result as unknown as { rows: { c: string; t: string }[] }).rows;
    for (const r of rows) keys.add(`${r.c}|${r.t}`);
  }
  if (keys.size === 0) return stored;
  for (let i = 0; i < n; i++)
    stored[i] = keys.has(`${punches.people[punches.person[i] - 1]}|${punches.localDateTime[i]}`);
  return stored;
}

const dayGap = (a: string, b: string) =>
  (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

// ---------------------------------------------------------------------------------------------------
// Records

type ImportRow = typeof attendanceImports.$inferSelect;

function toDto(r: ImportRow, createdByName: string | null): AttendanceImport {
  const live = progress.get(r.id);
  return {
    id: r.id,
    kind: r.kind as AttendanceImport['kind'],
    fileName: r.fileName,
    fileSha256: r.fileSha256,
    device: r.device,
    status: r.status as AttendanceImport['status'],
    rowsRead: r.rowsRead,
    punchesRead: r.punchesRead,
    punchesAdded: r.punchesAdded,
    duplicates: r.duplicates,
    problemCount: r.problemCount,
    problems: r.problems as LineProblem[],
    dateFrom: r.dateFrom,
    dateTo: r.dateTo,
    progressDone: r.status === 'committed' ? r.punchesAdded : (live?.done ?? 0),
    progressTotal: r.status === 'committed' ? r.punchesAdded : (live?.total ?? r.punchesRead),
    failureMessage: r.failureMessage,
    createdAt: r.createdAt.toISOString(),
    committedAt: r.committedAt?.toISOString() ?? null,
    createdByName,
  };
}

const withCreator = {
  i: attendanceImports,
  name: users.fullName,
};
const creatorJoin = and(
  eq(users.regionId, attendanceImports.regionId),
  eq(users.id, attendanceImports.createdBy),
);

export async function getImport(db: DbOrTx, regionId: string, id: string): Promise<AttendanceImport> {
  const [row] = await db
    .select(withCreator)
    .from(attendanceImports)
    .leftJoin(users, creatorJoin)
    .where(and(eq(attendanceImports.regionId, regionId), eq(attendanceImports.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return toDto(row.i, row.name);
}

export async function listImports(db: DbOrTx, regionId: string, page: number, pageSize: number) {
  const cond = eq(attendanceImports.regionId, regionId);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(attendanceImports)
    .where(cond);
  const rows = await db
    .select(withCreator)
    .from(attendanceImports)
    .leftJoin(users, creatorJoin)
    .where(cond)
    .orderBy(desc(attendanceImports.createdAt), desc(attendanceImports.id))
    .limit(pageSize)
    .offset(offsetOf(page, pageSize));
  return {
    items: rows.map((r) => ({ ...toDto(r.i, r.name), problems: [] })),
    total,
    page,
    pageSize,
  };
}

/**
 * The import that holds these bytes completely (committed, or being committed), or null. One left
 * `committing` by a process that died is marked failed on the way (unless `repair` is false, for the
 * preview, which writes nothing), so the file can be imported again.
 */
async function completeImportOf(db: DbOrTx, regionId: string, sha256: string, now: Date, repair = true) {
  const [row] = await db
    .select(withCreator)
    .from(attendanceImports)
    .leftJoin(users, creatorJoin)
    .where(
      and(
        eq(attendanceImports.regionId, regionId),
        eq(attendanceImports.fileSha256, sha256),
        ne(attendanceImports.status, 'failed'),
        eq(attendanceImports.problemCount, 0),
      ),
    );
  if (!row) return null;
  const stale =
    row.i.status === 'committing' &&
    !progress.has(row.i.id) &&
    now.getTime() - row.i.createdAt.getTime() > STALE_AFTER_MS;
  if (!stale) return toDto(row.i, row.name);
  if (!repair) return null;
  await db
    .update(attendanceImports)
    .set({
      status: 'failed',
      failureMessage: 'Penyimpanan terhenti (server berhenti); tidak ada data yang diubah',
    })
    .where(and(eq(attendanceImports.regionId, regionId), eq(attendanceImports.id, row.i.id)));
  return null;
}

/** The latest import of these bytes that left rows out (committed or being committed), or null. */
async function partialImportOf(db: DbOrTx, regionId: string, sha256: string) {
  const [row] = await db
    .select(withCreator)
    .from(attendanceImports)
    .leftJoin(users, creatorJoin)
    .where(
      and(
        eq(attendanceImports.regionId, regionId),
        eq(attendanceImports.fileSha256, sha256),
        ne(attendanceImports.status, 'failed'),
      ),
    )
    .orderBy(desc(attendanceImports.createdAt))
    .limit(1);
  return row ? toDto(row.i, row.name) : null;
}

// ---------------------------------------------------------------------------------------------------
// Preview

const toMappingDto = (m: PunchColumnMapping | null): PunchMappingDto | null =>
  m && {
    pin: m.pin ?? null,
    nip: m.nip ?? null,
    date: m.date ?? null,
    time: m.time ?? null,
    datetime: m.datetime ?? null,
    dateFormat: m.dateFormat,
    status: m.status ?? null,
    verify: m.verify ?? null,
  };

/** What a commit of this file would do now; nothing is written. */
export async function previewImport(
  database: Database,
  importer: Importer,
  file: ImportFile,
  opts: ImportOptions,
  now = new Date(),
): Promise<AttendancePreview> {
  const db = database.db;
  const a = await analyse(db, importer.regionId, file, opts);
  const stored = await storedAmong(db, importer.regionId, a.punches);
  const inDatabase = stored.reduce((n, s) => n + (s ? 1 : 0), 0);
  const unknown = [...a.unknown.entries()]
    .map(([identifier, u]) => ({ identifier, ...u }))
    .sort((x, y) => x.firstLine - y.firstLine);
  const blocked = a.file.needsMapping || a.problemLines > 0 || a.unknownPunches > 0 || a.resolved === 0;
  return {
    kind: a.file.kind,
    fileName: a.fileName,
    fileSha256: a.sha256,
    device: a.device,
    alreadyImported: await completeImportOf(db, importer.regionId, a.sha256, now, false),
    headers: a.file.headers,
    sampleRows: a.file.sampleRows,
    suggestedMapping: toMappingDto(a.file.suggestedMapping),
    mapping: toMappingDto(a.file.mapping),
    mappingErrors: a.file.mappingErrors,
    needsMapping: a.file.needsMapping,
    identifier: a.file.identifier,
    rowsRead: a.file.rowsRead,
    punchesRead: a.file.punches.length,
    problemLines: a.problemLines,
    problems: a.file.problems.slice(0, MAX_PROBLEMS_SHOWN),
    unknownPunches: a.unknownPunches,
    unknownIdentifiers: unknown.length,
    unknown: unknown.slice(0, MAX_UNKNOWN_SHOWN),
    duplicatesInFile: a.duplicatesInFile,
    duplicatesInDatabase: inDatabase,
    toAdd: a.punches.localDateTime.length - inDatabase,
    civilServants: a.punches.people.length,
    dateFrom: a.dateFrom,
    dateTo: a.dateTo,
    sample: a.sample,
    canCommit: !blocked,
  };
}

// ---------------------------------------------------------------------------------------------------
// Commit

/** The query parameter that names each key of a mapping, for error paths the client can place. */
const MAPPING_PARAMS: Record<string, string> = {
  mapping: 'pinColumn',
  pin: 'pinColumn',
  nip: 'nipColumn',
  date: 'dateColumn',
  time: 'timeColumn',
  datetime: 'datetimeColumn',
  status: 'statusColumn',
  verify: 'verifyColumn',
  dateFormat: 'dateFormat',
};

export interface StartedImport {
  import: AttendanceImport;
  /** False when the file had been imported already: `import` is that earlier one. */
  created: boolean;
  /** Settles when the punches are written (or the import failed; the record says why). */
  done: Promise<void>;
}

/**
 * Checks the file like the preview, then claims it (the import row, status `committing`) and starts
 * writing; `done` settles when the transaction is over. A file that was imported completely answers
 * with that import and writes nothing.
 */
export async function startImport(
  database: Database,
  importer: Importer,
  file: ImportFile,
  opts: ImportOptions,
  hooks: ImportHooks = {},
  now = new Date(),
): Promise<StartedImport> {
  const db = database.db;
  const settled = Promise.resolve();
  // The same bytes again are known by their hash alone: answered before the file is even read.
  const sha256 = sha256Of(file.data);
  const known = await completeImportOf(db, importer.regionId, sha256, now);
  if (known) return { import: known, created: false, done: settled };
  const a = await analyse(db, importer.regionId, file, opts, sha256);
  if (a.file.needsMapping) {
    const fields: FieldError[] = a.file.mappingErrors.map((e) => ({
      path: MAPPING_PARAMS[e.path] ?? e.path,
      message: e.message,
    }));
    throw new AppError('VALIDATION_FAILED', fields[0]?.message ?? 'Pemetaan kolom belum lengkap', fields);
  }
  const skipped = a.problemLines + a.unknownPunches;
  if (skipped > 0 && !opts.skipInvalid) {
    const message =
      `Berkas memuat ${skipped} baris yang tidak dapat diimpor` +
      (a.unknownPunches > 0 ? ` (${a.unknown.size} PIN/NIP tidak dikenal)` : '') +
      ': perbaiki berkas atau pemetaan PIN, atau impor dengan melewati baris bermasalah';
    throw new AppError(
      'VALIDATION_FAILED',
      message,
      a.skipped.slice(0, 20).map((p) => ({ path: 'file', message: `Baris ${p.line}: ${p.reason}` })),
    );
  }
  if (skipped > 0) {
    // The same file imported before with rows left out: again, it may add the punches whose PIN has
    // been mapped since; when it would add nothing, the earlier import is the answer.
    const partial = await partialImportOf(db, importer.regionId, a.sha256);
    if (partial && (await storedAmong(db, importer.regionId, a.punches)).every(Boolean))
      return { import: partial, created: false, done: settled };
  }
  if (a.resolved === 0)
    throw new AppError('VALIDATION_FAILED', 'Berkas tidak memuat catatan kehadiran yang dapat diimpor', [
      { path: 'file', message: 'Tidak ada catatan kehadiran ASN yang dikenal' },
    ]);

  let row: ImportRow;
  try {
    [row] = await db
      .insert(attendanceImports)
      .values({
        regionId: importer.regionId,
        kind: a.file.kind,
        fileName: a.fileName,
        fileSha256: a.sha256,
        device: a.device,
        mapping: a.file.mapping,
        status: 'committing',
        rowsRead: a.file.rowsRead,
        punchesRead: a.resolved,
        problemCount: skipped,
        problems: a.skipped.slice(0, MAX_PROBLEMS_KEPT),
        dateFrom: a.dateFrom,
        dateTo: a.dateTo,
        createdBy: importer.userId,
        createdAt: now,
      })
      .returning();
  } catch (e) {
    // The same file claimed meanwhile by another request: that import is the answer.
    const again = skipped === 0 ? await completeImportOf(db, importer.regionId, a.sha256, now) : null;
    if (again) return { import: again, created: false, done: settled };
    throw e;
  }
  progress.set(row.id, { done: 0, total: a.punches.localDateTime.length });
  const started = toDto(row, importer.fullName);
  const done = writePunches(database, importer, row, a, hooks).finally(() => progress.delete(row.id));
  return { import: started, created: true, done };
}

async function writePunches(
  database: Database,
  importer: Importer,
  record: ImportRow,
  a: Analysis,
  hooks: ImportHooks,
): Promise<void> {
  const { regionId } = importer;
  const chunk = Math.max(1, hooks.chunkSize ?? INSERT_CHUNK);
  try {
    await database.db.transaction(async (tx) => {
      // One import at a time per region: between the read of the stored punches and the insert,
      // no other import may add one.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`attendance_punches:${regionId}`}))`);
      const stored = await storedAmong(tx, regionId, a.punches);
      const fresh = { person: [] as number[], localDateTime: [] as string[] };
      for (let i = 0; i < stored.length; i++)
        if (!stored[i]) {
          fresh.person.push(a.punches.person[i]);
          fresh.localDateTime.push(a.punches.localDateTime[i]);
        }
      const total = fresh.localDateTime.length;
      const state = { done: 0, total };
      progress.set(record.id, state);
      hooks.onProgress?.(0, total);
      // The ASN ids go once per statement; each punch names its ASN by index. The arrays are sent as
      // array literals built here (the values are checked digits, dashes, colons and spaces), which is
      // faster than the driver's element-by-element quoting; the next chunk's literals are built while
      // the database writes the current one.
      const people = `{${a.punches.people.join(',')}}`;
      const literals = (from: number) => {
        const to = Math.min(from + chunk, total);
        return {
          to,
          person: `{${fresh.person.slice(from, to).join(',')}}`,
          at: `{"${fresh.localDateTime.slice(from, to).join('","')}"}`,
        };
      };
      let next = total > 0 ? literals(0) : null;
      while (next) {
        const part = next;
        const written = tx
          .execute(
            sql`insert into ${attendancePunches}
            (region_id, civil_servant_id, day, local_time, at, device, import_id)
          select ${regionId}::uuid, (${people}::uuid[])[u.k], u.t::date, u.t::time, u.t at time zone ${a.timezone},
            ${a.device}, ${record.id}::uuid
          from unnest(${part.person}::int[], ${part.at}::timestamp[]) as u(k, t)`,
          )
          // then() sends the statement now (drizzle's queries are lazy), before the next literals.
          .then(() => undefined);
        next = part.to < total ? literals(part.to) : null;
        await written;
        state.done = part.to;
        hooks.onProgress?.(part.to, total);
      }
      const duplicates = a.duplicatesInFile + (a.punches.localDateTime.length - total);
      await tx
        .update(attendanceImports)
        .set({ status: 'committed', punchesAdded: total, duplicates, committedAt: new Date() })
        .where(and(eq(attendanceImports.regionId, regionId), eq(attendanceImports.id, record.id)));
      await appendAudit(
        tx,
        regionId,
        importer.userId ? { userId: importer.userId, fullName: importer.fullName ?? '' } : null,
        {
          action: 'attendance.import',
          entityType: 'attendance_import',
          entityId: record.id,
          summary:
            `Impor kehadiran ${record.fileName}: ${total} catatan baru, ${duplicates} duplikat` +
            (record.problemCount > 0 ? `, ${record.problemCount} baris dilewati` : '') +
            (importer.userId ? '' : ' (baris perintah)'),
          after: {
            kind: record.kind,
            fileName: record.fileName,
            fileSha256: record.fileSha256,
            device: record.device,
            punchesAdded: total,
            duplicates,
            problemCount: record.problemCount,
            dateFrom: record.dateFrom,
            dateTo: record.dateTo,
          },
        },
      );
    });
  } catch (e) {
    const message =
      e instanceof AppError ? e.message : 'Penyimpanan gagal; tidak ada catatan kehadiran yang disimpan';
    await database.db
      .update(attendanceImports)
      .set({ status: 'failed', failureMessage: message })
      .where(and(eq(attendanceImports.regionId, regionId), eq(attendanceImports.id, record.id)));
    if (!(e instanceof AppError)) throw e;
  }
}

/**
 * What may be logged of a failed import's error: never the driver's `detail`, which quotes the key
 * values of a row (an ASN and the time of a punch: personal data, UU PDP 27/2022).
 */
export function loggableError(e: unknown): Record<string, unknown> {
  const err = e as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    stack?: unknown;
    cause?: { code?: unknown };
  };
  return {
    type: typeof err?.name === 'string' ? err.name : 'Error',
    code: err?.code ?? err?.cause?.code,
    message: typeof err?.message === 'string' ? err.message.split('\n')[0].slice(0, 200) : undefined,
  };
}
