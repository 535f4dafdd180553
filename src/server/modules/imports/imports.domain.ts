import { civilServantBody } from '../../../contract/civil-servants.js';
import { employmentTypes, workUnitKinds } from '../../../contract/common.js';
import { importColumns, type ImportError, type ImportKind } from '../../../contract/imports.js';
import { checkNip } from '../../../contract/nip.js';
import { workUnitCode } from '../../../contract/work-units.js';
import { EXCUSE_LABELS, formatDay, validateExcuse, type ExcuseKind } from '../discipline/lateness.domain.js';

/**
 * Pure validation of import files: header mapping, per-row checks with the line and column of each
 * problem, duplicates inside the file, and the diff against what the region already has. No I/O;
 * the service loads the existing rows and passes them in.
 */

export interface RawTable {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

export type ColumnMap = Record<string, number>;

export function mapColumns(kind: ImportKind, headers: string[]): { map: ColumnMap; errors: ImportError[] } {
  const map: ColumnMap = {};
  const errors: ImportError[] = [];
  for (const col of importColumns[kind]) {
    const idx = headers.findIndex((h) => h === col.header || col.aliases.includes(h));
    if (idx >= 0) map[col.key] = idx;
    else if (col.required)
      errors.push({
        line: 1,
        column: col.header,
        message: `Kolom "${col.header}" tidak ada pada baris judul`,
      });
  }
  return { map, errors };
}

const cell = (row: { cells: string[] }, map: ColumnMap, key: string): string => {
  const i = map[key];
  return i === undefined ? '' : (row.cells[i] ?? '').trim();
};
const orNull = (s: string) => (s === '' ? null : s);

export interface WorkUnitRow {
  code: string;
  name: string;
  kind: string;
  headNip: string | null;
}
export interface CivilServantRow {
  nip: string;
  name: string;
  rankGrade: string | null;
  position: string | null;
  workUnitCode: string;
  employmentType: string;
  email: string | null;
  phone: string | null;
}

export interface Diff<T> {
  valid: (T & { line: number })[];
  errors: ImportError[];
  toCreate: number;
  toUpdate: number;
  unchanged: number;
}

/** Kind labels as officials write them, mapped to the stored kind. */
const kindAliases: Record<string, string> = {
  kec: 'kecamatan',
  kecamatan: 'kecamatan',
  dinas: 'dinas',
  badan: 'badan',
  bagian: 'bagian',
};

export function validateWorkUnits(
  table: RawTable,
  existing: Map<string, { name: string; kind: string; headNip: string | null }>,
  /** NIP -> code of the unit the ASN belongs to, for heads. */
  civilServantUnits: Map<string, string>,
): Diff<WorkUnitRow> {
  const { map, errors } = mapColumns('work_units', table.headers);
  const out: Diff<WorkUnitRow> = { valid: [], errors, toCreate: 0, toUpdate: 0, unchanged: 0 };
  if (errors.length) return out;
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const before = out.errors.length;
    const err = (column: string, message: string) => out.errors.push({ line: row.line, column, message });
    const code = cell(row, map, 'code');
    const codeCheck = workUnitCode.safeParse(code);
    if (!codeCheck.success) err('kode', codeCheck.error.issues[0].message);
    else if (seen.has(code)) err('kode', `Kode ${code} sudah muncul di baris ${seen.get(code)}`);
    const name = cell(row, map, 'name');
    if (!name) err('nama', 'Nama unit wajib diisi');
    else if (name.length > 200) err('nama', 'Nama unit paling banyak 200 karakter');
    const rawKind = cell(row, map, 'kind').toLowerCase();
    const kind = kindAliases[rawKind] ?? rawKind;
    if (!(workUnitKinds as readonly string[]).includes(kind))
      err('jenis', `Jenis unit "${rawKind}" tidak dikenal (${workUnitKinds.join(', ')})`);
    const headNip = orNull(cell(row, map, 'headNip').replace(/\s+/g, ''));
    if (headNip) {
      const unitOfHead = civilServantUnits.get(headNip);
      if (!unitOfHead) err('nip_kepala', `NIP kepala ${headNip} belum terdaftar sebagai ASN`);
      else if (unitOfHead !== code) err('nip_kepala', `ASN dengan NIP ${headNip} bukan pegawai unit ${code}`);
    }
    if (out.errors.length > before) continue;
    seen.set(code, row.line);
    const value = { code, name, kind, headNip };
    out.valid.push({ ...value, line: row.line });
    const prev = existing.get(code);
    if (!prev) out.toCreate++;
    else if (prev.name === name && prev.kind === kind && prev.headNip === headNip) out.unchanged++;
    else out.toUpdate++;
  }
  return out;
}

const employmentAliases: Record<string, string> = { pns: 'PNS', pppk: 'PPPK', p3k: 'PPPK' };
const emailCheck = civilServantBody.shape.email;
const phoneCheck = civilServantBody.shape.phone;

export function validateCivilServants(
  table: RawTable,
  existing: Map<string, Omit<CivilServantRow, 'nip'>>,
  units: Map<string, { active: boolean }>,
  today: Date,
): Diff<CivilServantRow> {
  const { map, errors } = mapColumns('civil_servants', table.headers);
  const out: Diff<CivilServantRow> = { valid: [], errors, toCreate: 0, toUpdate: 0, unchanged: 0 };
  if (errors.length) return out;
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const before = out.errors.length;
    const err = (column: string, message: string) => out.errors.push({ line: row.line, column, message });
    const nip = cell(row, map, 'nip').replace(/\s+/g, '').replace(/^'/, '');
    const nipCheck = checkNip(nip, today);
    if (!nip) err('nip', 'NIP wajib diisi');
    else if (!nipCheck.ok) err('nip', nipCheck.message);
    else if (seen.has(nip)) err('nip', `NIP ${nip} sudah muncul di baris ${seen.get(nip)}`);
    const name = cell(row, map, 'name');
    if (!name) err('nama', 'Nama wajib diisi');
    else if (name.length > 150) err('nama', 'Nama paling banyak 150 karakter');
    const rankGrade = orNull(cell(row, map, 'rankGrade'));
    if (rankGrade && rankGrade.length > 60)
      err('pangkat_golongan', 'Pangkat/golongan paling banyak 60 karakter');
    const position = orNull(cell(row, map, 'position'));
    if (position && position.length > 200) err('jabatan', 'Jabatan paling banyak 200 karakter');
    const workUnitCode = cell(row, map, 'workUnitCode');
    const unit = units.get(workUnitCode);
    if (!workUnitCode) err('kode_unit', 'Kode unit wajib diisi');
    else if (!unit) err('kode_unit', `Unit dengan kode ${workUnitCode} tidak ditemukan`);
    else if (!unit.active) err('kode_unit', `Unit ${workUnitCode} sudah dinonaktifkan`);
    const rawType = cell(row, map, 'employmentType');
    const employmentType = employmentAliases[rawType.toLowerCase()] ?? rawType;
    if (!(employmentTypes as readonly string[]).includes(employmentType))
      err('jenis_kepegawaian', 'Jenis kepegawaian harus PNS atau PPPK');
    const email = orNull(cell(row, map, 'email'));
    if (email && !emailCheck.safeParse(email).success) err('email', 'Alamat email tidak valid');
    const phone = orNull(cell(row, map, 'phone'));
    if (phone && !phoneCheck.safeParse(phone).success) err('telepon', 'Nomor telepon tidak valid');
    if (out.errors.length > before) continue;
    seen.set(nip, row.line);
    const value: CivilServantRow = {
      nip,
      name,
      rankGrade,
      position,
      workUnitCode,
      employmentType,
      email,
      phone,
    };
    out.valid.push({ ...value, line: row.line });
    const prev = existing.get(nip);
    if (!prev) out.toCreate++;
    else if (sameCivilServant(prev, value)) out.unchanged++;
    else out.toUpdate++;
  }
  return out;
}

function sameCivilServant(a: Omit<CivilServantRow, 'nip'>, b: CivilServantRow): boolean {
  return (
    a.name === b.name &&
    a.rankGrade === b.rankGrade &&
    a.position === b.position &&
    a.workUnitCode === b.workUnitCode &&
    a.employmentType === b.employmentType &&
    a.email === b.email &&
    a.phone === b.phone
  );
}

export interface ExcuseRow {
  nip: string;
  kind: ExcuseKind;
  start: string;
  end: string;
  note: string | null;
  /** Already stored as it is: nothing to write. */
  stored: boolean;
}

/** Excuse kinds as HR writes them, mapped to the stored kind. */
const excuseAliases: Record<string, ExcuseKind> = {
  cuti: 'leave',
  leave: 'leave',
  sakit: 'sick',
  sick: 'sick',
  'dinas luar': 'official_travel',
  dinas_luar: 'official_travel',
  dl: 'official_travel',
  official_travel: 'official_travel',
};

/** A date cell: `2026-10-05` (also what an XLSX date becomes), or `5/10/2026` and `05-10-2026` (day first). */
export function dayCell(raw: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (iso) return raw;
  const dmy = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(raw);
  if (!dmy) return null;
  return `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
}

const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  a.start <= b.end && b.start <= a.end;

/**
 * HR's excuses from a file: each row an ASN by NIP, the kind, the first and last day. A row equal to
 * an excuse already stored (same ASN, kind and days) is unchanged, so the same file twice adds
 * nothing; a row overlapping another excuse of the ASN, stored or earlier in the file, is refused.
 */
export function validateExcuses(
  table: RawTable,
  /** NIP -> the ASN's id. */
  servants: Map<string, string>,
  /** The ASN's id -> the excuses stored for them. */
  existing: Map<string, { kind: string; start: string; end: string }[]>,
): Diff<ExcuseRow> {
  const { map, errors } = mapColumns('excuses', table.headers);
  const out: Diff<ExcuseRow> = { valid: [], errors, toCreate: 0, toUpdate: 0, unchanged: 0 };
  if (errors.length) return out;
  const inFile = new Map<string, (ExcuseRow & { line: number })[]>();
  for (const row of table.rows) {
    const before = out.errors.length;
    const err = (column: string, message: string) => out.errors.push({ line: row.line, column, message });
    const nip = cell(row, map, 'nip').replace(/\s+/g, '').replace(/^'/, '');
    const servant = servants.get(nip);
    if (!nip) err('nip', 'NIP wajib diisi');
    else if (!servant) err('nip', `NIP ${nip} tidak terdaftar sebagai ASN daerah ini`);
    const rawKind = cell(row, map, 'kind').toLowerCase().replace(/\s+/g, ' ');
    const kind = excuseAliases[rawKind];
    if (!kind) err('jenis', `Jenis "${rawKind}" tidak dikenal (cuti, sakit, atau dinas luar)`);
    const rawStart = cell(row, map, 'start');
    const rawEnd = cell(row, map, 'end');
    const start = dayCell(rawStart);
    const end = dayCell(rawEnd);
    if (!start) err('mulai', `Tanggal mulai "${rawStart}" tidak valid (TTTT-BB-HH atau HH/BB/TTTT)`);
    if (!end) err('selesai', `Tanggal selesai "${rawEnd}" tidak valid (TTTT-BB-HH atau HH/BB/TTTT)`);
    const note = orNull(cell(row, map, 'note'));
    if (note && note.length > 500) err('catatan', 'Catatan paling banyak 500 karakter');
    if (kind && start && end)
      for (const p of validateExcuse({ kind, start, end, note }))
        err(p.path === 'start' ? 'mulai' : p.path === 'end' ? 'selesai' : 'jenis', p.message);
    if (out.errors.length > before || !servant || !kind || !start || !end) continue;
    const value: ExcuseRow = { nip, kind, start, end, note, stored: false };
    const stored = existing.get(servant) ?? [];
    if (stored.some((e) => e.kind === kind && e.start === start && e.end === end)) {
      out.valid.push({ ...value, stored: true, line: row.line });
      out.unchanged++;
      continue;
    }
    const clash = stored.find((e) => overlaps(e, value));
    if (clash) {
      const label = EXCUSE_LABELS[clash.kind as ExcuseKind]?.toLowerCase() ?? clash.kind;
      err(
        'mulai',
        `Tumpang tindih dengan keterangan ${label} ${formatDay(clash.start)} s.d. ${formatDay(clash.end)} yang sudah tercatat`,
      );
      continue;
    }
    const earlier = (inFile.get(servant) ?? []).find((e) => overlaps(e, value));
    if (earlier) {
      err('mulai', `Tumpang tindih dengan baris ${earlier.line} untuk NIP yang sama`);
      continue;
    }
    const kept = { ...value, line: row.line };
    inFile.set(servant, [...(inFile.get(servant) ?? []), kept]);
    out.valid.push(kept);
    out.toCreate++;
  }
  return out;
}
