import type { AttendanceFileKind } from '../../../contract/attendance.js';
import type { FieldError } from '../../../contract/common.js';
import { AppError } from '../../platform/errors.js';
import { readTable, SpreadsheetError, type Table } from '../../platform/spreadsheet.js';
import {
  mapPunchRows,
  parseAttlog,
  suggestPunchMapping,
  validatePunchMapping,
  type ParseProblem,
  type Punch,
  type PunchColumnMapping,
} from '../discipline/attlog.domain.js';

/**
 * From the bytes of an uploaded attendance file to punches and problems, with attlog.domain doing the
 * reading: a ZKTeco attlog (`.dat`, `.txt`, `.log`) directly, a CSV or XLSX export through the
 * platform's table reader (its size, encoding and zip-bomb guards) and the confirmed column mapping.
 */

/** A city month is about 400,000 punches; a CSV export carries one row per punch. */
export const MAX_TABLE_ROWS = 1_000_000;

const ATTLOG_EXTENSIONS = new Set(['dat', 'txt', 'log']);

/** The kind of a file by its extension (the content is checked when it is read), or null. */
export function fileKindOf(fileName: string): AttendanceFileKind | null {
  const ext = /\.([^./\\]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  if (!ext) return null;
  if (ATTLOG_EXTENSIONS.has(ext)) return 'attlog';
  if (ext === 'csv' || ext === 'xlsx') return ext;
  return null;
}

export interface PunchFile {
  kind: AttendanceFileKind;
  /** Non-blank lines (attlog) or non-empty data rows (CSV, XLSX). */
  rowsRead: number;
  identifier: 'pin' | 'nip';
  punches: Punch[];
  problems: ParseProblem[];
  /** CSV and XLSX: the header row as the table reader normalised it, and the first data rows. */
  headers: string[];
  sampleRows: string[][];
  suggestedMapping: PunchColumnMapping | null;
  /** The mapping used, when one was given and fits the headers. */
  mapping: PunchColumnMapping | null;
  mappingErrors: FieldError[];
  /** A table without a usable mapping: no punch was read. */
  needsMapping: boolean;
}

const SAMPLE_ROWS = 5;

function unsupported(message: string): AppError {
  return new AppError('UNSUPPORTED_MEDIA_TYPE', message, [{ path: 'file', message }]);
}

/** Reads a file; throws 400/413/415 for a file that is not one of the kinds or cannot be read. */
export async function readPunchFile(
  data: Buffer,
  fileName: string,
  mapping: PunchColumnMapping | null,
): Promise<PunchFile> {
  const kind = fileKindOf(fileName);
  if (!kind)
    throw unsupported('Jenis berkas tidak didukung: gunakan attlog ZKTeco (.dat/.txt), CSV atau XLSX');
  if (data.length === 0)
    throw new AppError('VALIDATION_FAILED', 'Berkas kosong', [{ path: 'file', message: 'Berkas kosong' }]);
  return kind === 'attlog' ? readAttlog(data) : readExport(data, fileName, kind, mapping);
}

function readAttlog(data: Buffer): PunchFile {
  // A device log is plain text: a zip (an XLSX renamed) or NUL bytes (a binary log) are not one.
  const isZip = data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
  if (isZip || data.includes(0))
    throw unsupported('Isi berkas bukan attlog teks ZKTeco (PIN, tab, waktu per baris)');
  const { punches, problems } = parseAttlog(data.toString('utf8'));
  const badLines = new Set(problems.map((p) => p.line)).size;
  if (punches.length === 0 && badLines === 0)
    throw new AppError('VALIDATION_FAILED', 'Berkas kosong', [{ path: 'file', message: 'Berkas kosong' }]);
  return {
    kind: 'attlog',
    rowsRead: punches.length + badLines,
    identifier: 'pin',
    punches,
    problems,
    headers: [],
    sampleRows: [],
    suggestedMapping: null,
    mapping: null,
    mappingErrors: [],
    needsMapping: false,
  };
}

async function readExport(
  data: Buffer,
  fileName: string,
  kind: 'csv' | 'xlsx',
  mapping: PunchColumnMapping | null,
): Promise<PunchFile> {
  let table: Table;
  try {
    table = await readTable(data, fileName, { maxRows: MAX_TABLE_ROWS, maxBytes: data.length });
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
  const sampleRows = table.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells.slice(0, table.headers.length));
  const suggestedMapping = suggestMapping(table.headers, sampleRows);
  const base = {
    kind,
    rowsRead: table.rows.length,
    headers: table.headers,
    sampleRows,
    suggestedMapping,
  };
  const mappingErrors = mapping
    ? validatePunchMapping(table.headers, mapping)
    : [{ path: 'mapping', message: 'Pilih kolom PIN atau NIP, tanggal dan jam, lalu pratinjau lagi' }];
  if (!mapping || mappingErrors.length > 0)
    return {
      ...base,
      identifier: mapping?.nip ? 'nip' : 'pin',
      punches: [],
      problems: [],
      mapping: null,
      mappingErrors,
      needsMapping: true,
    };
  const mapped = mapPunchRows(table, mapping);
  return {
    ...base,
    identifier: mapped.identifier,
    punches: mapped.punches,
    problems: mapped.problems,
    mapping,
    mappingErrors: [],
    needsMapping: false,
  };
}

/**
 * attlog.domain's suggestion reads header names as devices write them ("AC-No.", "Tanggal Jam"), but
 * the table reader hands them over normalised ("ac_no.", "tanggal_jam"). The suggestion is asked with
 * the underscores read back as spaces and as dashes too, and answers with the names as read.
 */
export function suggestMapping(headers: readonly string[], samples: readonly (readonly string[])[]) {
  const variants = [
    headers,
    headers.map((h) => h.replace(/_/g, ' ')),
    headers.map((h) => h.replace(/_/g, '-')),
  ];
  const guesses = variants.map((v) => ({ v, m: suggestPunchMapping(v, samples) }));
  const back = (v: readonly string[], name: string | null | undefined) =>
    name == null ? null : (headers[v.indexOf(name)] ?? null);
  const pick = (key: 'pin' | 'nip' | 'date' | 'time' | 'datetime') => {
    for (const { v, m } of guesses) {
      const found = back(v, m[key]);
      if (found) return found;
    }
    return null;
  };
  const nip = pick('nip');
  const datetime = pick('datetime');
  const withDate = guesses.find(({ m }) => (datetime ? m.datetime : m.date)) ?? guesses[0];
  return {
    pin: nip ? null : pick('pin'),
    nip,
    date: datetime ? null : pick('date'),
    time: datetime ? null : pick('time'),
    datetime,
    dateFormat: withDate.m.dateFormat,
    status: null,
    verify: null,
  } satisfies PunchColumnMapping;
}
