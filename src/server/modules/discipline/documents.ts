import { renderPdf, type PdfContent } from '../../platform/pdf.js';
import { isDay, weekdayOf } from '../monitoring/working-days.domain.js';
import { formatDay, WEEKDAY_LABELS, WEEKDAYS } from './lateness.domain.js';

/**
 * The documents of the discipline module (domain.md sections 3 and 5): the decree (keputusan) that
 * imposes a vest sanction, the certificate (piagam penghargaan) of a reward, and the daily roster of the
 * morning assembly (apel pagi) listing who wears a vest.
 *
 * Pure: the caller loads the data and passes it in; nothing here reads the database. Every text given
 * by users (names, facts, labels, legal basis) goes into pdfmake text nodes as plain strings, never
 * into markup. Dates are `YYYY-MM-DD` of the region's local calendar and print in the Indonesian long
 * format (`28 November 2026`).
 */

// ---------------------------------------------------------------------------------------------------
// Inputs

export interface DocumentRegion {
  name: string;
  /** The head of region's office, e.g. `Wali Kota Malang`. */
  headTitle: string;
  headName: string | null;
}

export interface DecreeInput {
  region: DocumentRegion;
  /** Decree number, e.g. `800/0007/35.73.SK/2026`. */
  number: string;
  /** Day of approval, `YYYY-MM-DD`. */
  decidedOn: string;
  subject: {
    name: string;
    nip: string | null;
    /** `Kepala Dinas Kesehatan` or `ASN Dinas Kesehatan`. */
    position: string;
    workUnitName: string;
  };
  rule: { code: string; name: string; legalBasis: string; version: number };
  /** Vest label, e.g. `SUKA TERLAMBAT`. */
  label: string;
  /** Length in working days, after escalation. */
  workingDays: number;
  /** Length in working days before escalation. */
  baseWorkingDays: number;
  /** Set when the same rule was hit again within the repeat window. */
  escalation: { previousSanctionNumber: string | null; factor: number } | null;
  /** Each fact in words (Bahasa Indonesia). */
  facts: string[];
  /** `Oktober 2026` or `Triwulan III 2026`. */
  periodLabel: string;
  /** Working days to file an objection after notification. */
  appealWindowDays: number;
  /** Last day to file an objection, `YYYY-MM-DD`, when known. */
  appealDeadline: string | null;
  approver: { name: string; title: string };
  /** Printed with a QR code when given. */
  verifyUrl: string | null;
}

export interface CertificateInput {
  region: DocumentRegion;
  number: string;
  /** `YYYY-MM-DD`. */
  grantedOn: string;
  recipient: {
    name: string;
    nip: string | null;
    workUnitName: string;
    kind: 'asn' | 'work_unit' | 'opd_head';
  };
  rule: { code: string; name: string; legalBasis: string };
  /** Certificate text from the rule. */
  text: string;
  periodLabel: string;
  approver: { name: string; title: string };
}

export interface RosterRow {
  name: string;
  nip: string | null;
  position: string;
  label: string;
  /** 1-based day of the sanction being served on the roster date. */
  dayNumber: number;
  totalDays: number;
  /** Last day of the sanction, `YYYY-MM-DD`. */
  endsOn: string;
  /**
   * When the vest was handed over / returned: a local `HH:MM`, a local `YYYY-MM-DD HH:MM[:SS]`, or an
   * ISO timestamp with `Z` or an offset (shown in `region.timeZone`, WIB when absent). Null: a blank box
   * to fill in by hand.
   */
  vestIssuedAt: string | null;
  vestReturnedAt: string | null;
  /** Whether the day was recorded as served; null: not recorded yet. */
  served: boolean | null;
}

export interface RosterInput {
  /** `timeZone` (IANA, e.g. `Asia/Makassar`) is only used for timestamps that carry an offset. */
  region: { name: string; timeZone?: string };
  /** `YYYY-MM-DD`. */
  date: string;
  units: { name: string; rows: RosterRow[] }[];
}

// ---------------------------------------------------------------------------------------------------
// Words

const SMALL = [
  'nol',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
  'sebelas',
];
const SCALES: [number, string][] = [
  [1e12, 'triliun'],
  [1e9, 'miliar'],
  [1e6, 'juta'],
  [1e3, 'ribu'],
];

/** A whole number in Indonesian words (terbilang): 5 `lima`, 12 `dua belas`, 110 `seratus sepuluh`. */
export function spellNumberId(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`expected a whole number >= 0, got ${n}`);
  const tail = (r: number) => (r ? ` ${spellNumberId(r)}` : '');
  if (n < 12) return SMALL[n];
  if (n < 20) return `${SMALL[n - 10]} belas`;
  if (n < 100) return `${SMALL[Math.floor(n / 10)]} puluh${tail(n % 10)}`;
  if (n < 200) return `seratus${tail(n - 100)}`;
  if (n < 1000) return `${SMALL[Math.floor(n / 100)]} ratus${tail(n % 100)}`;
  if (n < 2000) return `seribu${tail(n - 1000)}`;
  for (const [size, name] of SCALES)
    if (n >= size) return `${spellNumberId(Math.floor(n / size))} ${name}${tail(n % size)}`;
  /* c8 ignore next */
  throw new RangeError(`unreachable: ${n}`);
}

/** `5 (lima) hari kerja`. */
export const workingDaysText = (n: number) => `${n} (${spellNumberId(n)}) hari kerja`;

/** `Senin, 5 Oktober 2026`. */
export const formatLongDay = (day: string) =>
  `${WEEKDAY_LABELS[WEEKDAYS[weekdayOf(day)]]}, ${formatDay(day)}`;

function assertDay(day: string, what: string): void {
  if (!isDay(day)) throw new RangeError(`${what} must be a day YYYY-MM-DD, got ${String(day)}`);
}

const orDash = (s: string | null | undefined) => (s === null || s === undefined || s.trim() === '' ? '-' : s);

// ---------------------------------------------------------------------------------------------------
// Shared blocks

/** Label / colon / value rows without borders (identity blocks). */
function fieldTable(rows: [string, PdfContent][], labelWidth = 90, margin = [0, 2, 0, 4]): PdfContent {
  return {
    table: { widths: [labelWidth, 8, '*'], body: rows.map(([label, value]) => [label, ':', value]) },
    layout: 'noBorders',
    margin,
  };
}

/** A marked list (a., b. or 1., 2.) as a borderless table, so that long items wrap under their text. */
function markedList(items: PdfContent[], mark: (i: number) => string, markWidth = 18): PdfContent {
  return {
    table: {
      widths: [markWidth, '*'],
      body: items.map((item, i) => [{ text: mark(i) }, item]),
    },
    layout: { ...noPadding, paddingBottom: () => 2 },
  };
}

const noPadding = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

const letter = (i: number) => `${i < 26 ? String.fromCharCode(97 + i) : `${i + 1}`}.`;
const numbered = (i: number) => `${i + 1}.`;
/** `1)` `2)`: facts nested inside a lettered item. */
const parenNumbered = (i: number) => `${i + 1})`;

const PRIVACY_NOTE =
  'Dokumen ini memuat data pribadi dan hanya disampaikan kepada yang bersangkutan, atasannya, pengelola ' +
  'kepegawaian, Inspektorat, dan kepala daerah; tidak untuk dipublikasikan.';

const sameOffice = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Place, date, office and name of the one who signs, at the right; `left` beside it (a QR code). */
function signatureBlock(opts: {
  lines: string[];
  onBehalfOf: string | null;
  office: string;
  note: string;
  name: string;
  left?: PdfContent | null;
}): PdfContent {
  return {
    columns: [
      opts.left ? { width: '*', stack: [opts.left], margin: [0, 10, 16, 0] } : { width: '*', text: '' },
      {
        width: 240,
        stack: [
          ...opts.lines.map((text) => ({ text })),
          ...(opts.onBehalfOf
            ? [{ text: `a.n. ${opts.onBehalfOf.toUpperCase()}`, margin: [0, 6, 0, 0] }]
            : []),
          { text: `${opts.office},`, bold: true, margin: [0, opts.onBehalfOf ? 0 : 6, 0, 0] },
          { text: opts.note, style: 'muted', italics: true, margin: [0, 12, 0, 12] },
          { text: opts.name, bold: true, decoration: 'underline' },
        ],
      },
    ],
    unbreakable: true,
    margin: [0, 14, 0, 0],
  };
}

// ---------------------------------------------------------------------------------------------------
// Decree (keputusan penjatuhan sanksi rompi)

/** The decree that imposes a vest sanction, with the facts, the legal basis and the right to object. */
export async function decreePdf(input: DecreeInput): Promise<Buffer> {
  assertDay(input.decidedOn, 'decidedOn');
  if (input.appealDeadline !== null) assertDay(input.appealDeadline, 'appealDeadline');
  const { region, subject, rule, label, escalation } = input;
  const headUpper = region.headTitle.toUpperCase();
  const about = `PENJATUHAN SANKSI ROMPI '${label.toUpperCase()}'`;
  const aboutSentence = `Penjatuhan Sanksi Rompi '${label}'`;
  const length = workingDaysText(input.workingDays);
  const baseLength = workingDaysText(input.baseWorkingDays);
  const subjectRef = `Sdr. ${subject.name}`;
  const legalBases = rule.legalBasis
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

  const factor = escalation?.factor ?? 1;
  const multiplied =
    factor === 2
      ? 'digandakan'
      : `dilipatkan ${Number.isInteger(factor) && factor >= 0 ? `${factor} (${spellNumberId(factor)})` : String(factor)} kali`;
  const previous = escalation?.previousSanctionNumber
    ? `sebagaimana Keputusan Nomor ${escalation.previousSanctionNumber}`
    : null;

  // Menimbang
  const considerations: PdfContent[] = [
    {
      stack: [
        {
          text:
            `bahwa berdasarkan hasil evaluasi disiplin dan kinerja periode ${input.periodLabel} melalui aplikasi ` +
            `Lelang Kinerja, ${subjectRef}, ${subject.position}, ${
              input.facts.length
                ? 'tercatat:'
                : 'tercatat memenuhi kondisi ketentuan sebagaimana dimaksud dalam huruf b;'
            }`,
        },
        ...(input.facts.length
          ? [
              {
                ...(markedList(
                  input.facts.map((f) => ({ text: `${f.trim().replace(/[.;]+$/, '')};` })),
                  parenNumbered,
                  20,
                ) as Record<string, unknown>),
                margin: [0, 2, 0, 0],
              },
            ]
          : []),
      ],
    },
    {
      text:
        `bahwa fakta sebagaimana dimaksud dalam huruf a memenuhi ketentuan ${rule.name} (kode ${rule.code}, ` +
        `versi ${rule.version}) sebagaimana diatur dalam ${legalBases.join('; ') || '-'}, dengan sanksi berupa ` +
        `kewajiban memakai rompi bertuliskan '${label}' selama ${baseLength};`,
    },
    ...(escalation
      ? [
          {
            text:
              `bahwa ${subjectRef} sebelumnya telah dijatuhi sanksi atas ketentuan yang sama dalam jangka waktu ` +
              `pengulangan${previous ? `, ${previous}` : ''}, sehingga lama sanksi ${multiplied} menjadi ${length};`,
          },
        ]
      : []),
  ];
  const lastLetter = String.fromCharCode(97 + considerations.length - 1);
  considerations.push({
    text: `bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a ${
      considerations.length > 2 ? 'sampai dengan' : 'dan'
    } huruf ${lastLetter}, perlu menetapkan Keputusan ${region.headTitle} tentang ${aboutSentence};`,
  });

  // Diktum
  const first: PdfContent = {
    stack: [
      { text: 'Menjatuhkan sanksi kepada:' },
      fieldTable(
        [
          ['Nama', { text: subject.name, bold: true }],
          ['NIP', orDash(subject.nip)],
          ['Jabatan', subject.position],
          ['Unit kerja', subject.workUnitName],
        ],
        70,
      ),
      {
        text:
          `berupa kewajiban memakai rompi bertuliskan '${label}' selama ${length} pada jam kerja, termasuk ` +
          `saat apel pagi. Hari kerja dihitung dari Senin sampai dengan Jumat, tidak termasuk hari libur ` +
          `nasional, cuti bersama, serta hari cuti atau izin yang telah disetujui; hari kerja yang tidak ` +
          `dijalani ditambahkan pada akhir masa sanksi.`,
      },
      ...(escalation
        ? [
            {
              text:
                `Lama sanksi sebagaimana dimaksud ${multiplied} dari ${baseLength} menjadi ${length} karena ` +
                `pelanggaran atas ketentuan yang sama terulang dalam jangka waktu pengulangan${
                  previous ? `, ${previous}` : ''
                }.`,
              margin: [0, 3, 0, 0],
            },
          ]
        : []),
    ],
  };
  const second: PdfContent = {
    text:
      `${subjectRef} berhak mengajukan keberatan atas Keputusan ini melalui aplikasi Lelang Kinerja dalam ` +
      `jangka waktu ${workingDaysText(input.appealWindowDays)} sejak Keputusan ini diberitahukan${
        input.appealDeadline ? `, yaitu paling lambat tanggal ${formatDay(input.appealDeadline)}` : ''
      }. Keberatan diputus oleh pejabat yang berwenang yang bukan pengusul sanksi; selama keberatan belum ` +
      `diputus, sanksi belum dilaksanakan.`,
  };
  const third: PdfContent = {
    text:
      'Keputusan ini mulai berlaku pada hari kerja berikutnya setelah Keputusan ini menjadi final, yaitu ' +
      'setelah jangka waktu keberatan berakhir tanpa keberatan, atau setelah keberatan diputus dan sanksi ' +
      'dikuatkan.',
  };

  const section = (label: string, body: PdfContent, margin = [0, 4, 0, 4]): PdfContent => ({
    table: { widths: [78, 8, '*'], body: [[{ text: label }, ':', body]] },
    layout: noPadding,
    margin,
  });

  const content: PdfContent[] = [
    { text: `KEPUTUSAN ${headUpper}`, style: 'h1', margin: [0, 0, 0, 2] },
    { text: `NOMOR ${input.number}`, alignment: 'center', bold: true },
    { text: 'TENTANG', alignment: 'center', bold: true, margin: [0, 8, 0, 0] },
    { text: about, alignment: 'center', bold: true },
    { text: 'DENGAN RAHMAT TUHAN YANG MAHA ESA', alignment: 'center', bold: true, margin: [0, 12, 0, 0] },
    { text: `${headUpper},`, alignment: 'center', bold: true, margin: [0, 6, 0, 10] },
    section('Menimbang', markedList(considerations, letter)),
    section(
      'Mengingat',
      legalBases.length > 1
        ? markedList(
            legalBases.map((t) => ({ text: `${t};` })),
            numbered,
          )
        : orDash(legalBases[0]),
    ),
    { text: 'MEMUTUSKAN:', alignment: 'center', bold: true, margin: [0, 10, 0, 6] },
    section('Menetapkan', { text: `KEPUTUSAN ${headUpper} TENTANG ${about}.`, bold: true }),
    section('KESATU', first, [0, 6, 0, 4]),
    section('KEDUA', second, [0, 6, 0, 4]),
    // The last article stays on the page of the signature.
    {
      unbreakable: true,
      stack: [
        section('KETIGA', third, [0, 6, 0, 4]),
        signatureBlock({
          lines: [`Ditetapkan di ${region.name}`, `pada tanggal ${formatDay(input.decidedOn)}`],
          onBehalfOf: sameOffice(input.approver.title, region.headTitle) ? null : region.headTitle,
          office: input.approver.title,
          note: 'Disetujui secara elektronik melalui aplikasi Lelang Kinerja',
          name: input.approver.name,
          left: {
            columns: [
              ...(input.verifyUrl ? [{ qr: input.verifyUrl, fit: 80, width: 84 }] : []),
              {
                width: '*',
                stack: [
                  ...(input.verifyUrl
                    ? [
                        { text: 'Verifikasi keaslian dokumen', bold: true },
                        { text: 'Keaslian Keputusan ini dapat diperiksa pada alamat:', style: 'muted' },
                        { text: input.verifyUrl, style: 'muted', margin: [0, 0, 0, 4] },
                      ]
                    : []),
                  { text: PRIVACY_NOTE, style: 'muted', fontSize: 7.5 },
                ],
                margin: [input.verifyUrl ? 6 : 0, 0, 0, 0],
              },
            ],
          },
        }),
      ],
    },
  ];

  return renderPdf({
    title: `Keputusan ${region.headTitle} Nomor ${input.number}`,
    footer: `Keputusan ${region.headTitle} Nomor ${input.number}`,
    content,
  });
}

// ---------------------------------------------------------------------------------------------------
// Certificate (piagam penghargaan)

/** A4 landscape, in points. */
const LANDSCAPE = { width: 841.89, height: 595.28 };

/**
 * The certificate of a reward, on one landscape page inside a frame. Long texts (names, the rule's text
 * up to 500 characters, a long legal basis) tighten the spacing and the type so that it stays one page.
 */
export async function certificatePdf(input: CertificateInput): Promise<Buffer> {
  assertDay(input.grantedOn, 'grantedOn');
  const { region, recipient, rule } = input;
  const isUnit = recipient.kind === 'work_unit';
  // 0 (short texts) to 1 (the longest texts): how much to tighten.
  const tight = Math.min(
    1,
    Math.max(
      0,
      (input.text.length - 200) / 300,
      (recipient.name.length - 45) / 60,
      (rule.legalBasis.length - 250) / 250,
    ),
  );
  const space = (n: number) => Math.round(n * (1 - 0.6 * tight));
  const identity: PdfContent[] = [
    ...(isUnit ? [] : [{ text: `NIP ${orDash(recipient.nip)}`, alignment: 'center' }]),
    ...(recipient.kind === 'opd_head'
      ? [{ text: `Kepala ${recipient.workUnitName}`, alignment: 'center' }]
      : isUnit && sameOffice(recipient.name, recipient.workUnitName)
        ? []
        : [{ text: recipient.workUnitName, alignment: 'center' }]),
  ];
  const gold = '#b08d2a';
  const frame: PdfContent = {
    canvas: [
      {
        type: 'rect',
        x: 28,
        y: 28,
        w: LANDSCAPE.width - 56,
        h: LANDSCAPE.height - 78,
        lineWidth: 3,
        lineColor: gold,
      },
      {
        type: 'rect',
        x: 35,
        y: 35,
        w: LANDSCAPE.width - 70,
        h: LANDSCAPE.height - 92,
        lineWidth: 0.8,
        lineColor: gold,
      },
    ],
    absolutePosition: { x: 0, y: 0 },
  };
  const content: PdfContent[] = [
    frame,
    {
      stack: [
        {
          text: region.name.toUpperCase(),
          alignment: 'center',
          bold: true,
          fontSize: 12,
          characterSpacing: 1,
          margin: [0, space(30), 0, 0],
        },
        {
          text: 'PIAGAM PENGHARGAAN',
          alignment: 'center',
          bold: true,
          fontSize: 26 - 4 * tight,
          color: '#7a5c12',
          characterSpacing: 2,
          margin: [0, space(20), 0, 4],
        },
        { text: `Nomor: ${input.number}`, alignment: 'center' },
        {
          text: 'diberikan kepada',
          alignment: 'center',
          italics: true,
          fontSize: 11,
          margin: [0, space(32), 0, 6],
        },
        {
          text: recipient.name,
          alignment: 'center',
          bold: true,
          fontSize: 20 - 4 * tight,
          margin: [0, 0, 0, 4],
        },
        { stack: identity, fontSize: 10.5 },
        {
          text: input.text,
          alignment: 'center',
          fontSize: 12 - 1.5 * tight,
          lineHeight: 1.3 - 0.1 * tight,
          margin: [40, space(28), 40, 6],
        },
        {
          text: `Penghargaan ${rule.name}, periode ${input.periodLabel}`,
          alignment: 'center',
          fontSize: 10.5,
          margin: [0, 2, 0, 0],
        },
        {
          columns: [
            {
              width: '*',
              stack: [{ text: `Dasar: ${rule.legalBasis} (${rule.code})`, style: 'muted', fontSize: 7.5 }],
              margin: [0, space(66), 24, 0],
            },
            {
              width: 260,
              stack: [
                { text: `${region.name}, ${formatDay(input.grantedOn)}`, alignment: 'center' },
                ...(sameOffice(input.approver.title, region.headTitle)
                  ? []
                  : [{ text: `a.n. ${region.headTitle.toUpperCase()}`, alignment: 'center' }]),
                { text: `${input.approver.title},`, alignment: 'center', bold: true },
                {
                  text: 'Disetujui secara elektronik melalui aplikasi Lelang Kinerja',
                  style: 'muted',
                  italics: true,
                  alignment: 'center',
                  margin: [0, space(10), 0, space(10)],
                },
                { text: input.approver.name, alignment: 'center', bold: true, decoration: 'underline' },
              ],
            },
          ],
          margin: [0, space(56), 0, 0],
          unbreakable: true,
        },
      ],
      margin: [16, 0, 16, 0],
    },
  ];
  return renderPdf({
    title: `Piagam Penghargaan Nomor ${input.number}`,
    footer: `Piagam Penghargaan Nomor ${input.number} - ${region.name}`,
    pageOrientation: 'landscape',
    content,
  });
}

// ---------------------------------------------------------------------------------------------------
// Roster (daftar apel pagi pemakaian rompi)

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `07:12`, with the day when it is not the roster date; see {@link RosterRow.vestIssuedAt}. */
export function rosterClock(
  value: string | null,
  rosterDate: string,
  timeZone = 'Asia/Jakarta',
): string | null {
  if (value === null || value.trim() === '') return null;
  const v = value.trim();
  const withDay = (day: string, time: string) => (day === rosterDate ? time : `${formatDay(day)} ${time}`);
  const clockOnly = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(v);
  if (clockOnly) return `${pad2(Number(clockOnly[1]))}:${clockOnly[2]}`;
  if (/(?:Z|[+-]\d{2}:?\d{2})$/i.test(v) && /^\d{4}-\d{2}-\d{2}[T ]\d/.test(v)) {
    const at = new Date(v.replace(' ', 'T'));
    if (!Number.isNaN(at.getTime())) {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-CA', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        })
          .formatToParts(at)
          .map((p) => [p.type, p.value]),
      );
      return withDay(`${parts.year}-${parts.month}-${parts.day}`, `${parts.hour}:${parts.minute}`);
    }
  }
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})/.exec(v);
  if (local) return withDay(local[1], `${local[2]}:${local[3]}`);
  return v;
}

/** A box to fill in by hand. */
const blankBox = (): PdfContent => ({
  canvas: [{ type: 'rect', x: 0, y: 0, w: 44, h: 16, lineWidth: 0.6, lineColor: '#777777' }],
  margin: [0, 2, 0, 2],
});

const SERVED_NOTES = { true: 'tercatat menjalani', false: 'tercatat tidak menjalani' } as const;

/** The roster of the morning assembly: who wears which vest today, per unit, with columns to sign. */
export async function rosterPdf(input: RosterInput): Promise<Buffer> {
  assertDay(input.date, 'date');
  const units = input.units.filter((u) => u.rows.length > 0);
  const total = units.reduce((n, u) => n + u.rows.length, 0);
  const tz = input.region.timeZone ?? 'Asia/Jakarta';
  const header = [
    'No',
    'Nama',
    'NIP',
    'Jabatan',
    'Label rompi',
    'Hari ke',
    'Berakhir',
    'Rompi diserahkan',
    'Rompi dikembalikan',
    'Paraf',
  ];
  const widths = [18, '*', 98, '*', 78, 44, 62, 60, 60, 62];
  const time = (v: string | null): PdfContent => {
    const t = rosterClock(v, input.date, tz);
    return t === null ? blankBox() : { text: t };
  };
  const unitBlock = (u: RosterInput['units'][number]): PdfContent => ({
    stack: [
      { text: `${u.name} (${u.rows.length} orang)`, style: 'h2' },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          // Room to write a time and a paraf by hand.
          heights: (i: number) => (i === 0 ? 'auto' : 26),
          widths,
          body: [
            header.map((h) => ({ text: h, style: 'th' })),
            ...u.rows.map((r, i) => [
              { text: `${i + 1}`, alignment: 'right' },
              { text: r.name, bold: true },
              orDash(r.nip),
              r.position,
              r.label,
              `${r.dayNumber} dari ${r.totalDays}`,
              formatDay(r.endsOn),
              time(r.vestIssuedAt),
              time(r.vestReturnedAt),
              r.served === null
                ? ''
                : { text: SERVED_NOTES[`${r.served}`], style: 'muted', fontSize: 7, margin: [0, 14, 0, 0] },
            ]),
          ],
        },
        layout: { hLineColor: () => '#999999', vLineColor: () => '#999999' },
        fontSize: 8.5,
        margin: [0, 2, 0, 6],
      },
    ],
  });

  const content: PdfContent[] = [
    { text: input.region.name.toUpperCase(), alignment: 'center', bold: true },
    { text: 'DAFTAR APEL PAGI PEMAKAIAN ROMPI', style: 'h1', margin: [0, 4, 0, 2] },
    { text: formatLongDay(input.date), alignment: 'center', margin: [0, 0, 0, 8] },
    ...(units.length === 0
      ? [
          {
            text: 'Tidak ada ASN yang wajib memakai rompi pada tanggal ini.',
            alignment: 'center',
            italics: true,
            margin: [0, 24, 0, 24],
          },
        ]
      : [
          {
            text: `${total} ASN wajib memakai rompi pada ${units.length} unit kerja. Hari ke dihitung dalam hari kerja masa sanksi.`,
            style: 'muted',
          },
          ...units.map(unitBlock),
        ]),
    {
      columns: [
        {
          width: '*',
          text: 'Dokumen internal: memuat data pribadi, tidak untuk dipublikasikan.',
          style: 'muted',
          margin: [0, 40, 0, 0],
        },
        {
          width: 230,
          stack: [
            { text: `${input.region.name}, ${formatDay(input.date)}`, alignment: 'center' },
            { text: 'Petugas apel,', alignment: 'center', bold: true },
            {
              text: '(.....................................................)',
              alignment: 'center',
              margin: [0, 36, 0, 0],
            },
            {
              text: 'NIP .............................................',
              alignment: 'center',
              margin: [0, 2, 0, 0],
            },
          ],
        },
      ],
      margin: [0, 14, 0, 0],
      unbreakable: true,
    },
  ];
  return renderPdf({
    title: `Daftar Apel Pagi Pemakaian Rompi ${formatDay(input.date)}`,
    footer: `Daftar apel pagi pemakaian rompi - ${input.region.name} - ${formatLongDay(input.date)}`,
    pageOrientation: 'landscape',
    content,
  });
}
