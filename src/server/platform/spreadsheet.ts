/**
 * Reading uploaded tables (CSV and XLSX) into a uniform, trimmed list of rows, and writing CSV for
 * downloads. Every failure is a {@link SpreadsheetError} with a message in Bahasa Indonesia that can
 * be shown to the uploader as is.
 */
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** Why a file could not be read. */
export type SpreadsheetErrorCode = 'UNSUPPORTED_TYPE' | 'TOO_LARGE' | 'EMPTY' | 'MALFORMED' | 'ENCODING';

/** The only error {@link readTable} throws; `message` is user-facing Bahasa Indonesia. */
export class SpreadsheetError extends Error {
  constructor(
    public code: SpreadsheetErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SpreadsheetError';
  }
}

/** Resource limits applied while reading an upload. */
export type TableLimits = {
  /** Maximum size of the uploaded file (default 20 MiB). */
  maxBytes: number;
  /** Maximum number of non-empty data rows, header excluded (default 100 000). */
  maxRows: number;
  /** Maximum total uncompressed size of all entries of an XLSX archive (default 200 MiB). */
  maxXlsxUncompressedBytes: number;
  /** Maximum number of entries in an XLSX archive (default 1000). */
  maxXlsxEntries: number;
};

/** Default {@link TableLimits}. */
export const DEFAULT_TABLE_LIMITS: Readonly<TableLimits> = Object.freeze({
  maxBytes: 20 * 1024 * 1024,
  maxRows: 100_000,
  maxXlsxUncompressedBytes: 200 * 1024 * 1024,
  maxXlsxEntries: 1000,
});

/** One data row: `line` is the row number the user sees in Excel (the header row is normally 1). */
export type TableRow = { line: number; cells: string[] };

/**
 * A parsed table. `headers` are normalised (lower-case, trimmed, runs of spaces/dashes → `_`, trailing
 * empty headers dropped). Every row has at least `headers.length` cells (missing ones are `""`), may
 * have more, and all cells are trimmed strings. Entirely empty rows are left out.
 */
export type Table = { headers: string[]; rows: TableRow[] };

const MSG_WRONG_CONTENT = 'Isi berkas tidak sesuai dengan ekstensinya';
const MSG_NO_HEADER = 'Baris judul kolom tidak ditemukan';
const MSG_BAD_XLSX = 'Berkas XLSX rusak atau tidak dapat dibaca';
const MSG_XLSX_TOO_BIG = 'Berkas XLSX terlalu besar setelah diekstrak';

/**
 * Parse an uploaded `.csv` or `.xlsx` file (chosen by the file name's extension, case-insensitive, and
 * confirmed by its content) into a {@link Table}. For XLSX only the first worksheet is read.
 *
 * CSV: UTF-8 (BOM allowed) or, if not valid UTF-8, windows-1252; delimiter `;`, `,` or tab detected from
 * the header line. `line` is the record's row number as Excel shows it when opening the CSV (a quoted cell
 * spanning several text lines is still one row; blank lines count as rows).
 *
 * XLSX: the zip central directory is checked against the limits, and compressed entries are verified not to
 * inflate beyond their declared size, before exceljs sees the file. Numbers are written without exponent
 * (15 significant digits, like Excel), dates as `YYYY-MM-DD`, booleans as `true`/`false`, formulas as
 * their cached result, rich text and hyperlinks as their text, errors as shown (`#N/A`), the covered part
 * of merged cells as `""`. `line` is the Excel row number.
 *
 * @throws {SpreadsheetError} for every failure (wrong type, too large, empty, malformed, bad encoding).
 */
export async function readTable(
  data: Buffer,
  fileName: string,
  limits?: Partial<TableLimits>,
): Promise<Table> {
  const lim: TableLimits = { ...DEFAULT_TABLE_LIMITS, ...definedOnly(limits) };
  const ext = /\.([^./\\]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  if (ext !== 'csv' && ext !== 'xlsx') {
    throw new SpreadsheetError('UNSUPPORTED_TYPE', 'Jenis berkas tidak didukung: gunakan CSV atau XLSX');
  }
  if (data.length === 0) throw new SpreadsheetError('EMPTY', 'Berkas kosong');
  if (data.length > lim.maxBytes) {
    throw new SpreadsheetError('TOO_LARGE', `Berkas terlalu besar (maksimal ${formatSize(lim.maxBytes)})`);
  }
  const rawRows = ext === 'csv' ? readCsvRows(data, lim) : await readXlsxRows(data, lim);
  return buildTable(rawRows);
}

function definedOnly(limits: Partial<TableLimits> | undefined): Partial<TableLimits> {
  const out: Partial<TableLimits> = {};
  for (const [k, v] of Object.entries(limits ?? {})) {
    if (typeof v === 'number' && !Number.isNaN(v)) out[k as keyof TableLimits] = v;
  }
  return out;
}

/** Raw rows before header handling; empty rows are already skipped, cells already trimmed. */
type RawRow = { line: number; cells: string[] };

/** Aborts row collection as soon as more than `maxRows` data rows (+1 header) were seen. */
function rowCounter(lim: TableLimits): () => void {
  let count = 0;
  return () => {
    count++;
    if (count > lim.maxRows + 1) {
      throw new SpreadsheetError('TOO_LARGE', `Berkas memuat lebih dari ${formatInteger(lim.maxRows)} baris`);
    }
  };
}

function buildTable(rawRows: RawRow[]): Table {
  const [head, ...body] = rawRows;
  if (!head) throw new SpreadsheetError('EMPTY', MSG_NO_HEADER);
  const headers = head.cells.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  if (headers.length === 0) throw new SpreadsheetError('EMPTY', MSG_NO_HEADER);
  const rows = body.map(({ line, cells }) => {
    const out = cells.slice();
    while (out.length < headers.length) out.push('');
    while (out.length > headers.length && out[out.length - 1] === '') out.pop();
    return { line, cells: out };
  });
  return { headers, rows };
}

// ---------------------------------------------------------------------------------------------------
// CSV

function readCsvRows(data: Buffer, lim: TableLimits): RawRow[] {
  if (
    (data[0] === 0xff && data[1] === 0xfe) ||
    (data[0] === 0xfe && data[1] === 0xff) ||
    (data[0] === 0x00 && data[1] === 0x00 && data[2] === 0xfe && data[3] === 0xff)
  ) {
    throw new SpreadsheetError(
      'ENCODING',
      'Berkas CSV memakai pengodean UTF-16/UTF-32; simpan ulang sebagai "CSV UTF-8"',
    );
  }
  if (isZip(data) || data.includes(0)) throw new SpreadsheetError('UNSUPPORTED_TYPE', MSG_WRONG_CONTENT);

  const body = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = decodeWindows1252(body);
  }
  if (text.trim() === '') throw new SpreadsheetError('EMPTY', 'Berkas kosong');

  const delimiter = detectDelimiter(text);
  const rows: RawRow[] = [];
  const count = rowCounter(lim);
  let records = 0; // records seen so far, including blank lines: the Excel row of the last record
  try {
    parseCsv(text, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: false,
      on_record: (record: string[]) => {
        records++;
        const cells = record.map((c) => c.trim());
        if (cells.some((c) => c !== '')) {
          count();
          rows.push({ line: records, cells });
        }
        return null; // collected above; keep csv-parse from accumulating its own copy
      },
    });
  } catch (e) {
    if (e instanceof SpreadsheetError) throw e;
    const line = records + 1;
    const code = (e as { code?: unknown }).code;
    const what =
      code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'tanda kutip tidak tertutup'
        : code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'INVALID_OPENING_QUOTE'
          ? 'tanda kutip tidak pada tempatnya'
          : 'format CSV tidak valid';
    throw new SpreadsheetError('MALFORMED', `Baris ${line}: ${what}`);
  }
  return rows;
}

/** Picks `;`, `,` or tab by counting them (outside quotes) on the first non-blank line. */
function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      inQuotes = !inQuotes;
      seenContent = true;
    } else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (seenContent) break;
    } else if (!inQuotes && ch in counts) {
      counts[ch]++;
      seenContent = true;
    } else if (ch.trim() !== '') {
      seenContent = true;
    }
  }
  let best = ',';
  for (const d of [';', '\t', ','] as const) {
    if (counts[d] > counts[best]) best = d;
  }
  return best;
}

/** windows-1252 differs from ISO-8859-1 only in 0x80–0x9F (undefined bytes map to the C1 control, as WHATWG does). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 8192;
  const codes = new Uint16Array(Math.min(chunk, bytes.length));
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(start + chunk, bytes.length);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode(...codes.subarray(0, end - start)));
  }
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------------
// XLSX

function isZip(data: Uint8Array): boolean {
  return data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

async function readXlsxRows(data: Buffer, lim: TableLimits): Promise<RawRow[]> {
  if (!isZip(data)) {
    if (data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) {
      throw new SpreadsheetError(
        'UNSUPPORTED_TYPE',
        'Berkas dilindungi kata sandi atau berformat Excel lama (XLS); simpan ulang sebagai XLSX tanpa kata sandi',
      );
    }
    throw new SpreadsheetError('UNSUPPORTED_TYPE', MSG_WRONG_CONTENT);
  }
  const entries = inspectZip(data, lim);
  await verifyInflatedSizes(data, entries);

  let sheet: ExcelJS.Worksheet | undefined;
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
    sheet = workbook.worksheets[0];
  } catch {
    throw new SpreadsheetError('MALFORMED', MSG_BAD_XLSX);
  }
  if (!sheet) throw new SpreadsheetError('MALFORMED', 'Berkas XLSX tidak memuat lembar kerja');

  const rows: RawRow[] = [];
  const count = rowCounter(lim);
  try {
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        while (cells.length < col - 1) cells.push('');
        cells[col - 1] = cell.type === ExcelJS.ValueType.Merge ? '' : cellText(cell.value).trim();
      });
      if (cells.some((c) => c !== '')) {
        count();
        rows.push({ line: rowNumber, cells });
      }
    });
  } catch (e) {
    if (e instanceof SpreadsheetError) throw e;
    throw new SpreadsheetError('MALFORMED', MSG_BAD_XLSX);
  }
  return rows;
}

type ZipEntry = { method: number; compressedSize: number; uncompressedSize: number; localOffset: number };

/**
 * Reads the zip central directory without decompressing anything and enforces the entry-count and
 * uncompressed-size limits (ZIP64 archives are refused as too large).
 */
function inspectZip(data: Buffer, lim: TableLimits): ZipEntry[] {
  const malformed = () => new SpreadsheetError('MALFORMED', MSG_BAD_XLSX);
  const tooLarge = () => new SpreadsheetError('TOO_LARGE', MSG_XLSX_TOO_BIG);
  if (data.length < 22) throw malformed();

  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === 0x06054b50 && i + 22 + data.readUInt16LE(i + 20) <= data.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw malformed();

  const diskNo = data.readUInt16LE(eocd + 4);
  const cdDisk = data.readUInt16LE(eocd + 6);
  const entriesOnDisk = data.readUInt16LE(eocd + 8);
  const entryCount = data.readUInt16LE(eocd + 10);
  const cdSize = data.readUInt32LE(eocd + 12);
  const cdOffset = data.readUInt32LE(eocd + 16);
  if (entryCount === 0xffff || entriesOnDisk === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw tooLarge(); // ZIP64
  }
  if (eocd >= 20 && data.readUInt32LE(eocd - 20) === 0x07064b50) throw tooLarge(); // ZIP64 locator
  if (diskNo !== 0 || cdDisk !== 0 || entriesOnDisk !== entryCount) throw malformed();
  if (entryCount > lim.maxXlsxEntries) {
    throw new SpreadsheetError('TOO_LARGE', `${MSG_XLSX_TOO_BIG} (terlalu banyak komponen)`);
  }
  if (entryCount === 0 || cdOffset + cdSize > eocd) throw malformed();

  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < entryCount; n++) {
    if (p + 46 > cdOffset + cdSize || data.readUInt32LE(p) !== 0x02014b50) throw malformed();
    const flags = data.readUInt16LE(p + 8);
    const method = data.readUInt16LE(p + 10);
    const compressedSize = data.readUInt32LE(p + 20);
    const uncompressedSize = data.readUInt32LE(p + 24);
    const nameLen = data.readUInt16LE(p + 28);
    const extraLen = data.readUInt16LE(p + 30);
    const commentLen = data.readUInt16LE(p + 32);
    const localOffset = data.readUInt32LE(p + 42);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      throw tooLarge(); // ZIP64
    }
    total += uncompressedSize;
    if (total > lim.maxXlsxUncompressedBytes) throw tooLarge();
    if (flags & 0x1) throw malformed(); // encrypted entry
    if (method !== 0 && method !== 8) throw malformed();
    if (method === 0 && compressedSize !== uncompressedSize) throw malformed();
    if (localOffset + 30 > cdOffset) throw malformed();
    entries.push({ method, compressedSize, uncompressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (p > cdOffset + cdSize) throw malformed();
  return entries;
}

const inflateRawAsync = promisify(inflateRaw);

/**
 * The central directory may lie: inflate every deflated entry with its declared size as a hard output
 * cap, so that exceljs never inflates more than was accounted for above.
 */
async function verifyInflatedSizes(data: Buffer, entries: ZipEntry[]): Promise<void> {
  for (const e of entries) {
    if (data.readUInt32LE(e.localOffset) !== 0x04034b50)
      throw new SpreadsheetError('MALFORMED', MSG_BAD_XLSX);
    const start =
      e.localOffset + 30 + data.readUInt16LE(e.localOffset + 26) + data.readUInt16LE(e.localOffset + 28);
    const end = start + e.compressedSize;
    if (end > data.length) throw new SpreadsheetError('MALFORMED', MSG_BAD_XLSX);
    if (e.method !== 8) continue;
    let out: Buffer;
    try {
      out = await inflateRawAsync(data.subarray(start, end), {
        maxOutputLength: Math.max(1, e.uncompressedSize),
      });
    } catch (err) {
      if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new SpreadsheetError('TOO_LARGE', MSG_XLSX_TOO_BIG);
      }
      throw new SpreadsheetError('MALFORMED', MSG_BAD_XLSX);
    }
    if (out.length !== e.uncompressedSize) throw new SpreadsheetError('MALFORMED', MSG_BAD_XLSX);
  }
}

/** Converts an exceljs cell value to the text a user would read in the cell. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return formatDate(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText.map((r) => (typeof r?.text === 'string' ? r.text : '')).join('');
    }
    if ('formula' in value || 'sharedFormula' in value) {
      return cellText((value as { result?: ExcelJS.CellValue }).result);
    }
    if ('hyperlink' in value) {
      // exceljs may hand the hyperlink text over as a string or as rich text
      const text = (value as { text?: unknown }).text;
      return text === undefined ? String(value.hyperlink ?? '') : cellText(text as ExcelJS.CellValue);
    }
    if ('error' in value) return String(value.error);
    if ('text' in value) return cellText((value as { text?: unknown }).text as ExcelJS.CellValue);
  }
  return '';
}

/** Plain decimal notation (never an exponent), rounded to 15 significant digits like Excel. */
function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const s = String(Number(n.toPrecision(15)));
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s === '-0' ? '0' : s;
  const [, sign, lead, frac = '', expText] = m;
  const digits = lead + frac;
  const exp = Number(expText);
  if (exp >= 0) {
    const point = 1 + exp;
    return (
      sign +
      (digits.length <= point
        ? digits.padEnd(point, '0')
        : `${digits.slice(0, point)}.${digits.slice(point)}`)
    );
  }
  return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}

/** exceljs returns dates as UTC instants; round to the second to absorb floating-point serials. */
function formatDate(d: Date): string {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return '';
  const r = new Date(Math.round(ms / 1000) * 1000);
  const y = r.getUTCFullYear();
  return `${String(y).padStart(4, '0')}-${String(r.getUTCMonth() + 1).padStart(2, '0')}-${String(r.getUTCDate()).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------
// Formatting helpers

function formatInteger(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${formatDecimal(mb)} MB`;
  return `${formatDecimal(bytes / 1024)} KB`;
}

function formatDecimal(x: number): string {
  const rounded = Math.round(x * 10) / 10;
  return Number.isInteger(rounded) ? formatInteger(rounded) : String(rounded).replace('.', ',');
}

// ---------------------------------------------------------------------------------------------------
// CSV output

/**
 * Serialises a table as RFC 4180 CSV (comma-separated, CRLF after every record, fields quoted when they
 * contain `"`, `,`, `;`, CR or LF). String cells starting with `=`, `+`, `-`, `@`, tab or CR get a leading
 * `'` so that spreadsheet programs do not run them as formulas; `number` cells are written as they are
 * (non-finite numbers and `null` become empty). Headers are treated as strings.
 */
export function toCsv(headers: string[], rows: (string | number | null)[][]): string {
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(','));
  return lines.map((l) => `${l}\r\n`).join('');
}

function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
