import type { FieldError } from '../../../contract/common.js';
import { daysInMonth, MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from '../monitoring/working-days.domain.js';

/**
 * Reading attendance punches out of device files (domain.md section 4, issue 5 item 1): the ZKTeco
 * `attlog.dat` text, and the rows of CSV and XLSX exports of other devices once the user has confirmed
 * which column holds what. Both give the same punches (who, local date and time, device status and
 * verify mode) and the same list of problems (line, reason in Bahasa Indonesia), so the preview shows
 * every bad row before anything is written.
 *
 * Pure and fast: a city month is about 400,000 lines, so the text is read in a single pass with
 * `indexOf` and character-code checks (no regular expression runs over the lines). Times are the
 * device's local wall-clock times, kept as `YYYY-MM-DD HH:MM:SS` strings; the region's timezone is
 * the device's, so nothing is converted here.
 *
 * Idempotency: {@link punchKey} is `pin|datetime`; the same punch in two overlapping files, or twice
 * in one file (devices often re-send their whole log), has the same key and is counted once.
 */

/** One punch read from a file. */
export interface Punch {
  /** Line in the file (1-based; for a table, the line its reader gave the row). */
  line: number;
  /** The device PIN (or the NIP when the file is mapped by NIP), trimmed. */
  pin: string;
  /** Local wall-clock time `YYYY-MM-DD HH:MM:SS`. */
  localDateTime: string;
  /** The device's status code (ZKTeco: 0 check-in, 1 check-out, ...); informational, may be empty. */
  status: string;
  /** The device's verify mode (fingerprint, card, face ...); informational, may be empty. */
  verify: string;
}

/** A line that could not be read, with why, in Bahasa Indonesia. A line may have several. */
export interface ParseProblem {
  line: number;
  reason: string;
}

export interface PunchParseResult {
  punches: Punch[];
  problems: ParseProblem[];
}

/** ZKTeco firmware allows user ids of up to 24 characters (9 digits on older models). */
export const MAX_PIN_LENGTH = 24;

/** How much of a bad value a problem quotes. */
const QUOTE_LIMIT = 30;
const quote = (s: string) => `"${s.length > QUOTE_LIMIT ? `${s.slice(0, QUOTE_LIMIT)}…` : s}"`;

const C0 = 48; // '0'
const isDigitCode = (c: number) => c >= C0 && c <= C0 + 9;
const isAlnumCode = (c: number) => isDigitCode(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122); // 0-9 A-Z a-z

/** Why a PIN is not one, or null. */
export function pinProblem(pin: string): string | null {
  if (pin === '') return 'PIN kosong';
  if (pin.length > MAX_PIN_LENGTH)
    return `PIN terlalu panjang (${pin.length} karakter, paling banyak ${MAX_PIN_LENGTH})`;
  for (let i = 0; i < pin.length; i++)
    if (!isAlnumCode(pin.charCodeAt(i))) return `PIN ${quote(pin)} hanya boleh berisi huruf dan angka`;
  return null;
}

/** The number written by the digits `s[from, to)`, or -1 when one of them is not a digit. */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!isDigitCode(c)) return -1;
    n = n * 10 + (c - C0);
  }
  return n;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Why year, month and day are not a day of the accepted years, or null. */
function dateProblem(y: number, m: number, d: number): string | null {
  const shown = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return `Tanggal ${shown} tidak ada di kalender`;
  if (y < MIN_CALENDAR_YEAR || y > MAX_CALENDAR_YEAR)
    return `Tahun ${y} di luar rentang ${MIN_CALENDAR_YEAR}-${MAX_CALENDAR_YEAR} (jam mesin absensi mungkin salah)`;
  return null;
}

/** Why hours, minutes and seconds are not a time of day, or null. */
function timeProblem(h: number, mi: number, s: number): string | null {
  if (h > 23 || mi > 59 || s > 59) return `Jam ${pad2(h)}:${pad2(mi)}:${pad2(s)} tidak valid`;
  return null;
}

/**
 * Reads `YYYY-MM-DD HH:MM:SS` exactly (the ZKTeco form): the value, or why not. Checked character by
 * character; the date must exist (2026-02-30 does not) and the year must be one a calendar accepts.
 */
export function parseDeviceDateTime(s: string): { ok: true; value: string } | { ok: false; reason: string } {
  const problem = dateTimeProblemAt(s, 0, s.length);
  return problem === null ? { ok: true, value: s } : { ok: false, reason: problem };
}

/** Why `s[a, b)` is not `YYYY-MM-DD HH:MM:SS`, or null; checked in place, without slicing. */
function dateTimeProblemAt(s: string, a: number, b: number): string | null {
  if (a === b) return 'Waktu kosong';
  const shapeOk =
    b - a === 19 &&
    s.charCodeAt(a + 4) === 45 && // -
    s.charCodeAt(a + 7) === 45 &&
    s.charCodeAt(a + 10) === 32 && // space
    s.charCodeAt(a + 13) === 58 && // :
    s.charCodeAt(a + 16) === 58;
  const y = shapeOk ? digitsAt(s, a, a + 4) : -1;
  const m = shapeOk ? digitsAt(s, a + 5, a + 7) : -1;
  const d = shapeOk ? digitsAt(s, a + 8, a + 10) : -1;
  const h = shapeOk ? digitsAt(s, a + 11, a + 13) : -1;
  const mi = shapeOk ? digitsAt(s, a + 14, a + 16) : -1;
  const sec = shapeOk ? digitsAt(s, a + 17, a + 19) : -1;
  if (y < 0 || m < 0 || d < 0 || h < 0 || mi < 0 || sec < 0)
    return `Format waktu ${quote(s.slice(a, b))} tidak dikenali (seharusnya TTTT-BB-HH JJ:MM:DD)`;
  // Fast path for the common case; the messages come from the full checks.
  if (
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= 28 &&
    y >= MIN_CALENDAR_YEAR &&
    y <= MAX_CALENDAR_YEAR &&
    h <= 23 &&
    mi <= 59 &&
    sec <= 59
  )
    return null;
  return dateProblem(y, m, d) ?? timeProblem(h, mi, sec);
}

/** The fields of an attlog line: PIN, date and time, status, verify (more are ignored). */
export const ATTLOG_MIN_COLUMNS = 2;

/**
 * Parses a ZKTeco `attlog.dat` text: `PIN<TAB>YYYY-MM-DD HH:MM:SS<TAB>status<TAB>verify<TAB>workcode...`.
 * Leading and trailing spaces of every field are dropped (the PIN is right-aligned with spaces), CRLF
 * and LF both end a line, a byte-order mark is skipped, blank lines are skipped, and missing or empty
 * status and verify fields read as empty. A line needs at least the PIN and the time; every other
 * problem is listed with its line, and a line with problems gives no punch.
 */
export function parseAttlog(text: string): PunchParseResult {
  const punches: Punch[] = [];
  const problems: ParseProblem[] = [];
  const n = text.length;
  let pos = n > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  for (;;) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    line++;
    let end = eol;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--; // \r
    if (end > pos) readAttlogLine(text, pos, end, line, punches, problems);
    if (eol >= n) break;
    pos = eol + 1;
  }
  return { punches, problems };
}

const isBlankCode = (c: number) => c === 32 || c === 9 || c === 0xa0;

/** The next tab in `s[from, end)`, or `end`. */
function tabOrEnd(s: string, from: number, end: number): number {
  if (from >= end) return end;
  const t = s.indexOf('\t', from);
  return t < 0 || t > end ? end : t;
}

/**
 * Reads the line `text[start, end)` in place: fields by tab positions (PIN, time, status, verify; the
 * rest, work code and reserved, is not read), each without its surrounding spaces, sliced only once.
 */
function readAttlogLine(
  text: string,
  start: number,
  end: number,
  line: number,
  punches: Punch[],
  problems: ParseProblem[],
): void {
  const t1 = tabOrEnd(text, start, end);
  const t2 = t1 < end ? tabOrEnd(text, t1 + 1, end) : end;
  const t3 = t2 < end ? tabOrEnd(text, t2 + 1, end) : end;
  const t4 = t3 < end ? tabOrEnd(text, t3 + 1, end) : end;
  // Trimmed bounds of a field [a, b).
  let pa = start;
  let pb = t1;
  while (pa < pb && isBlankCode(text.charCodeAt(pa))) pa++;
  while (pb > pa && isBlankCode(text.charCodeAt(pb - 1))) pb--;
  let ta = t1 < end ? t1 + 1 : end;
  let tb = t2;
  while (ta < tb && isBlankCode(text.charCodeAt(ta))) ta++;
  while (tb > ta && isBlankCode(text.charCodeAt(tb - 1))) tb--;
  if (t1 === end) {
    if (pa === pb) return; // blank line
    problems.push({
      line,
      reason: `Kolom kurang: ditemukan 1 kolom, minimal ${ATTLOG_MIN_COLUMNS} (PIN dan waktu, dipisah tab)`,
    });
    return;
  }
  if (pa === pb && ta === tb) {
    let k = t2;
    while (k < end && isBlankCode(text.charCodeAt(k))) k++;
    if (k === end) return; // a line of tabs and spaces only
  }
  const pin = text.slice(pa, pb);
  const bad = pinProblem(pin);
  const when = dateTimeProblemAt(text, ta, tb);
  if (bad) problems.push({ line, reason: bad });
  if (when !== null) problems.push({ line, reason: when });
  if (bad || when !== null) return;
  punches.push({
    line,
    pin,
    localDateTime: text.slice(ta, tb),
    status: t2 < end ? trimmedSlice(text, t2 + 1, t3) : '',
    verify: t3 < end ? trimmedSlice(text, t3 + 1, t4) : '',
  });
}

/** `s[a, b)` without surrounding spaces and tabs. */
function trimmedSlice(s: string, a: number, b: number): string {
  while (a < b && isBlankCode(s.charCodeAt(a))) a++;
  while (b > a && isBlankCode(s.charCodeAt(b - 1))) b--;
  return a === b ? '' : s.slice(a, b);
}

// ---------------------------------------------------------------------------------------------------
// Idempotency

/** The identity of a punch across files: `pin|YYYY-MM-DD HH:MM:SS`. */
export function punchKey(p: Pick<Punch, 'pin' | 'localDateTime'>): string {
  return `${p.pin}|${p.localDateTime}`;
}

/** A punch left out because the same PIN and time came before (in this file: `firstLine`, else stored). */
export interface DuplicatePunch {
  line: number;
  /** The line of the first copy in this file, or null when the punch was already stored. */
  firstLine: number | null;
}

/**
 * Keeps the first punch of every {@link punchKey}, in file order; `known` holds the keys already stored
 * by earlier imports, whose punches are left out too. Status and verify do not take part: a device that
 * re-sends a punch with another status still recorded one punch.
 */
export function dedupePunches<T extends Punch>(
  punches: readonly T[],
  known: ReadonlySet<string> = new Set(),
): { unique: T[]; duplicates: DuplicatePunch[] } {
  const first = new Map<string, number>();
  const unique: T[] = [];
  const duplicates: DuplicatePunch[] = [];
  for (const p of punches) {
    const key = punchKey(p);
    if (known.has(key)) {
      duplicates.push({ line: p.line, firstLine: null });
      continue;
    }
    const seen = first.get(key);
    if (seen !== undefined) {
      duplicates.push({ line: p.line, firstLine: seen });
      continue;
    }
    first.set(key, p.line);
    unique.push(p);
  }
  return { unique, duplicates };
}

// ---------------------------------------------------------------------------------------------------
// CSV and XLSX exports: rows and a confirmed column mapping

/** The date layouts accepted in exports; day and month may have one or two digits. */
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'DD-MM-YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  'YYYY-MM-DD': 'TTTT-BB-HH (2026-01-05)',
  'DD/MM/YYYY': 'HH/BB/TTTT (05/01/2026)',
  'DD-MM-YYYY': 'HH-BB-TTTT (05-01-2026)',
};

/**
 * Which header holds what, as the user confirmed it in the preview: exactly one identifier column (the
 * device PIN, or the NIP), and either a date and a time column or one column with both. Status and
 * verify are optional. Unused keys are absent or null.
 */
export interface PunchColumnMapping {
  pin?: string | null;
  nip?: string | null;
  date?: string | null;
  time?: string | null;
  datetime?: string | null;
  dateFormat: DateFormat;
  status?: string | null;
  verify?: string | null;
}

/** A table as the CSV or XLSX reader gives it: cells as text, each row with its line in the file. */
export interface PunchTable {
  headers: readonly string[];
  rows: readonly { line: number; cells: readonly string[] }[];
}

/** The punches of a mapped table; `identifier` says whether `Punch.pin` holds PINs or NIPs. */
export interface MappedPunches extends PunchParseResult {
  identifier: 'pin' | 'nip';
}

const MAPPING_KEYS = ['pin', 'nip', 'date', 'time', 'datetime', 'status', 'verify'] as const;
type MappingKey = (typeof MAPPING_KEYS)[number];

const MAPPING_LABELS: Record<MappingKey, string> = {
  pin: 'PIN',
  nip: 'NIP',
  date: 'tanggal',
  time: 'jam',
  datetime: 'tanggal dan jam',
  status: 'status',
  verify: 'mode verifikasi',
};

const used = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '';

/** The index of a header: exact (trimmed) first, then ignoring case; -1 when absent, -2 when ambiguous. */
function headerIndex(headers: readonly string[], name: string): number {
  const wanted = name.trim();
  const exact = headers.flatMap((h, i) => (h.trim() === wanted ? [i] : []));
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) return -2;
  const lower = wanted.toLowerCase();
  const loose = headers.flatMap((h, i) => (h.trim().toLowerCase() === lower ? [i] : []));
  if (loose.length === 1) return loose[0];
  return loose.length > 1 ? -2 : -1;
}

/**
 * Checks a mapping against the headers of a file: one identifier (PIN or NIP), a date and a time or one
 * date-and-time column, a known date format, every named column present exactly once in the headers,
 * and no column used for two things. Messages in Bahasa Indonesia; paths are the mapping's keys.
 */
export function validatePunchMapping(headers: readonly string[], mapping: PunchColumnMapping): FieldError[] {
  const out: FieldError[] = [];
  if (used(mapping.pin) === used(mapping.nip))
    out.push({ path: 'pin', message: 'Pilih tepat satu kolom identitas: PIN mesin atau NIP' });
  const split = used(mapping.date) || used(mapping.time);
  if (used(mapping.datetime) && split)
    out.push({
      path: 'datetime',
      message: 'Pilih kolom tanggal dan kolom jam, atau satu kolom tanggal-jam, jangan keduanya',
    });
  else if (!used(mapping.datetime)) {
    if (!used(mapping.date)) out.push({ path: 'date', message: 'Kolom tanggal wajib dipilih' });
    if (!used(mapping.time)) out.push({ path: 'time', message: 'Kolom jam wajib dipilih' });
  }
  if (!(DATE_FORMATS as readonly string[]).includes(mapping.dateFormat))
    out.push({
      path: 'dateFormat',
      message: `Format tanggal tidak dikenal (pilih ${DATE_FORMATS.join(', ')})`,
    });
  const taken = new Map<number, MappingKey>();
  for (const key of MAPPING_KEYS) {
    const name = mapping[key];
    if (!used(name)) continue;
    const i = headerIndex(headers, name);
    if (i === -1) out.push({ path: key, message: `Kolom ${quote(name.trim())} tidak ada pada baris judul` });
    else if (i === -2)
      out.push({
        path: key,
        message: `Kolom ${quote(name.trim())} muncul lebih dari sekali pada baris judul`,
      });
    else {
      const other = taken.get(i);
      if (other)
        out.push({
          path: key,
          message: `Kolom ${quote(name.trim())} sudah dipakai untuk ${MAPPING_LABELS[other]}`,
        });
      else taken.set(i, key);
    }
  }
  return out;
}

/** Reads a date in `format`: `YYYY-MM-DD`, or why not. */
export function parseDateAs(
  raw: string,
  format: DateFormat,
): { ok: true; value: string } | { ok: false; reason: string } {
  const s = raw.trim();
  if (s === '') return { ok: false, reason: 'Tanggal kosong' };
  const sep = format === 'DD/MM/YYYY' ? '/' : '-';
  const a = s.indexOf(sep);
  const b = a < 0 ? -1 : s.indexOf(sep, a + 1);
  const tooMany = b >= 0 && s.indexOf(sep, b + 1) >= 0;
  const bad = {
    ok: false as const,
    reason: `Tanggal ${quote(s)} tidak sesuai format ${DATE_FORMAT_LABELS[format]}`,
  };
  if (a < 0 || b < 0 || tooMany) return bad;
  const [first, second, third] = [s.slice(0, a), s.slice(a + 1, b), s.slice(b + 1)];
  const yearFirst = format === 'YYYY-MM-DD';
  const [ys, ms, ds] = yearFirst ? [first, second, third] : [third, second, first];
  if (ys.length !== 4 || ms.length < 1 || ms.length > 2 || ds.length < 1 || ds.length > 2) return bad;
  const [y, m, d] = [digitsAt(ys, 0, 4), digitsAt(ms, 0, ms.length), digitsAt(ds, 0, ds.length)];
  if (y < 0 || m < 0 || d < 0) return bad;
  const problem = dateProblem(y, m, d);
  return problem ? { ok: false, reason: problem } : { ok: true, value: `${ys}-${pad2(m)}-${pad2(d)}` };
}

/**
 * Reads a time `H:MM`, `HH:MM` or `HH:MM:SS` (a dot instead of the colon is accepted too, as Indonesian
 * spreadsheets write 07.42): `HH:MM:SS`, or why not.
 */
export function parseTimeOfDay(raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  const s = raw.trim();
  if (s === '') return { ok: false, reason: 'Jam kosong' };
  const bad = { ok: false as const, reason: `Jam ${quote(s)} tidak sesuai format JJ:MM atau JJ:MM:DD` };
  const isSep = (i: number) => s.charCodeAt(i) === 58 || s.charCodeAt(i) === 46; // : or .
  const a = isSep(1) ? 1 : isSep(2) ? 2 : -1;
  if (a < 0) return bad;
  const h = digitsAt(s, 0, a);
  const mi = s.length >= a + 3 ? digitsAt(s, a + 1, a + 3) : -1;
  let sec = 0;
  if (s.length === a + 6 && isSep(a + 3)) sec = digitsAt(s, a + 4, a + 6);
  else if (s.length !== a + 3) return bad;
  if (h < 0 || mi < 0 || sec < 0) return bad;
  const problem = timeProblem(h, mi, sec);
  return problem
    ? { ok: false, reason: problem }
    : { ok: true, value: `${pad2(h)}:${pad2(mi)}:${pad2(sec)}` };
}

/** Why an NIP cell is not 18 digits (spaces, as in "19800101 200501 1 001", are dropped), or null. */
function nipProblem(nip: string, raw: string): string | null {
  if (nip === '') return 'NIP kosong';
  if (/^\d(?:[.,]\d+)?E\+?\d+$/i.test(nip))
    return `NIP ${quote(raw.trim())} terbaca sebagai angka berpangkat: format kolom NIP sebagai teks lalu ekspor ulang`;
  if (nip.length !== 18 || digitsAt(nip, 0, nip.length) < 0)
    return `NIP ${quote(raw.trim())} harus 18 digit angka`;
  return null;
}

/**
 * Turns the rows of a CSV or XLSX export into punches with the confirmed mapping. Blank rows are
 * skipped; every other row gives one punch or at least one problem. Throws a RangeError when the
 * mapping does not fit the headers: check it with {@link validatePunchMapping} first.
 */
export function mapPunchRows(table: PunchTable, mapping: PunchColumnMapping): MappedPunches {
  const errors = validatePunchMapping(table.headers, mapping);
  if (errors.length > 0)
    throw new RangeError(`invalid punch mapping: ${errors.map((e) => e.message).join('; ')}`);
  const col = (name: string | null | undefined) => (used(name) ? headerIndex(table.headers, name) : -1);
  const identifier = used(mapping.nip) ? 'nip' : 'pin';
  const idCol = col(identifier === 'nip' ? mapping.nip : mapping.pin);
  const dateCol = col(mapping.date);
  const timeCol = col(mapping.time);
  const dtCol = col(mapping.datetime);
  const statusCol = col(mapping.status);
  const verifyCol = col(mapping.verify);
  const punches: Punch[] = [];
  const problems: ParseProblem[] = [];
  for (const row of table.rows) {
    const cell = (i: number) => (i < 0 ? '' : (row.cells[i] ?? '').trim());
    if (row.cells.every((c) => c.trim() === '')) continue;
    const before = problems.length;
    const problem = (reason: string) => problems.push({ line: row.line, reason });
    const rawId = cell(idCol);
    const id = identifier === 'nip' ? rawId.replace(/\s+/g, '') : rawId;
    const idBad = identifier === 'nip' ? nipProblem(id, rawId) : pinProblem(id);
    if (idBad) problem(idBad);
    let dateText: string;
    let timeText: string;
    if (dtCol >= 0) {
      const both = cell(dtCol);
      const cut = firstSpaceOrT(both);
      dateText = cut < 0 ? both : both.slice(0, cut);
      timeText = cut < 0 ? '' : both.slice(cut + 1);
      if (both !== '' && cut < 0) {
        problem(`Kolom tanggal-jam ${quote(both)} tidak memuat jam`);
        continue;
      }
    } else {
      dateText = cell(dateCol);
      timeText = cell(timeCol);
    }
    const date = parseDateAs(dateText, mapping.dateFormat);
    if (!date.ok) problem(date.reason);
    const time = parseTimeOfDay(timeText);
    if (!time.ok) problem(time.reason);
    if (problems.length > before || !date.ok || !time.ok) continue;
    punches.push({
      line: row.line,
      pin: id,
      localDateTime: `${date.value} ${time.value}`,
      status: cell(statusCol),
      verify: cell(verifyCol),
    });
  }
  return { identifier, punches, problems };
}

/** Position of the separator between date and time in one cell: the first space, or an ISO `T`. */
function firstSpaceOrT(s: string): number {
  const space = s.indexOf(' ');
  if (space >= 0) return space;
  return s.length > 10 && s.charCodeAt(10) === 84 ? 10 : -1; // 2026-01-05T07:42:10
}

// ---------------------------------------------------------------------------------------------------
// Suggestions for the preview

/** Lower-case header names that usually hold each field in device exports. */
const HEADER_HINTS: Record<Exclude<MappingKey, 'verify' | 'status'>, readonly string[]> = {
  pin: [
    'pin',
    'ac-no.',
    'ac-no',
    'ac no',
    'no. id',
    'user id',
    'userid',
    'id',
    'enroll number',
    'no. pegawai',
  ],
  nip: ['nip', 'nip pegawai', 'nip asn'],
  datetime: ['waktu', 'tanggal jam', 'tanggal/jam', 'date time', 'datetime', 'timestamp', 'check time'],
  date: ['tanggal', 'tgl', 'date'],
  time: ['jam', 'pukul', 'time'],
};

/**
 * A first guess at the mapping from header names and a few sample rows, for the user to confirm: the
 * NIP when there is an NIP column, else the PIN; one date-and-time column when there is one, else a date
 * and a time column; the first date format every non-empty sample date reads in (default YYYY-MM-DD).
 */
export function suggestPunchMapping(
  headers: readonly string[],
  samples: readonly (readonly string[])[] = [],
): PunchColumnMapping {
  const find = (key: keyof typeof HEADER_HINTS): string | null => {
    for (const hint of HEADER_HINTS[key]) {
      const h = headers.find((x) => x.trim().toLowerCase() === hint);
      if (h !== undefined) return h;
    }
    return null;
  };
  const nip = find('nip');
  const pin = nip ? null : find('pin');
  const datetime = find('datetime');
  const date = datetime ? null : find('date');
  const time = datetime ? null : find('time');
  const dateCol = datetime ?? date;
  const index = dateCol === null ? -1 : headers.indexOf(dateCol);
  const values = samples
    .map((row) => (index < 0 ? '' : (row[index] ?? '').trim()))
    .filter((v) => v !== '')
    .map((v) => (datetime ? v.slice(0, Math.max(0, firstSpaceOrT(v))) || v : v));
  const dateFormat =
    DATE_FORMATS.find((f) => values.length > 0 && values.every((v) => parseDateAs(v, f).ok)) ?? 'YYYY-MM-DD';
  return { pin, nip, date, time, datetime, dateFormat, status: null, verify: null };
}
