import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import type { IndicatorCard, Overview, Scorecard } from '../../../contract/dashboards.js';
import type { DbOrTx } from '../../db/client.js';
import { regions } from '../../db/schema.js';
import { formatId, pdfTable, renderPdf, type PdfContent } from '../../platform/pdf.js';
import type { Actor } from '../../platform/policy.js';
import { overview, scorecard } from './dashboards.service.js';

/**
 * The monitoring reports, built from the same numbers as the dashboards: the quarterly monev report
 * of an OPD and of the region (PDF with tables and bar charts, and XLSX), and the yearly LKjIP-style
 * achievement table of an OPD. Documents are built from data (pdfmake), never from HTML.
 */

export interface ReportFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
const pct = (n: number | null) => (n === null ? '-' : `${formatId(Math.round(n * 100) / 100)}%`);
const romans = ['I', 'II', 'III', 'IV'];

/** A horizontal bar chart of achievements (0-120 %), with the 100 % line, as pdfmake vectors. */
function barChart(rows: { label: string; value: number | null }[]): PdfContent {
  const width = 300;
  const scale = (v: number) => (Math.min(Math.max(v, 0), 120) / 120) * width;
  const lineH = 14;
  const canvas: Record<string, unknown>[] = [];
  rows.forEach((r, i) => {
    const y = i * lineH;
    canvas.push({ type: 'rect', x: 0, y, w: width, h: lineH - 4, color: '#f1f3f5' });
    if (r.value !== null)
      canvas.push({
        type: 'rect',
        x: 0,
        y,
        w: scale(r.value),
        h: lineH - 4,
        color: r.value >= 91 ? '#2b8a3e' : r.value >= 66 ? '#e67700' : '#c92a2a',
      });
  });
  canvas.push({
    type: 'line',
    x1: scale(100),
    y1: -2,
    x2: scale(100),
    y2: rows.length * lineH,
    lineColor: '#212529',
  });
  return {
    columns: [
      {
        width: 180,
        stack: rows.map((r) => ({ text: r.label, fontSize: 7.5, margin: [0, 0, 0, 4.6], noWrap: true })),
      },
      { width: width + 10, canvas },
      { width: '*', stack: rows.map((r) => ({ text: pct(r.value), fontSize: 7.5, margin: [0, 0, 0, 4.6] })) },
    ],
    margin: [0, 4, 0, 8],
  };
}

/** Periods of the quarter (and before) that the quarterly report covers. */
function inQuarter(key: string, year: number, quarter: number) {
  const m = /^(\d{4})(?:-(M|Q|S)(\d+))?$/.exec(key);
  if (!m || Number(m[1]) !== year) return false;
  if (!m[2]) return quarter === 4;
  const n = Number(m[3]);
  if (m[2] === 'M') return n <= quarter * 3;
  if (m[2] === 'Q') return n <= quarter;
  return n * 2 <= quarter;
}

function indicatorRows(cards: IndicatorCard[], year: number, quarter: number): PdfContent[][] {
  return cards.map((c) => {
    const periods = c.periods.filter((p) => inQuarter(p.key, year, quarter));
    const t = c.target;
    const targetText = !t
      ? '-'
      : t.lower !== null
        ? `${formatId(t.lower)} - ${formatId(t.upper)}`
        : formatId(t.value);
    return [
      { text: `${c.name} (${c.unit})`, bold: true },
      `${formatId(c.baseline.value)} (${c.baseline.year ?? '-'})`,
      targetText,
      periods
        .map(
          (p) =>
            `${p.label.replace(` ${year}`, '')}: ${p.value === null ? '-' : formatId(p.value)}${p.status && p.status !== 'verified' ? '*' : ''}`,
        )
        .join('\n') || '-',
      pct(c.achievement),
      c.predicate?.label ?? '-',
      c.light === 'red' ? 'Merah' : c.light === 'amber' ? 'Kuning' : c.light === 'green' ? 'Hijau' : '-',
    ];
  });
}

async function regionName(db: DbOrTx, regionId: string) {
  const [r] = await db.select({ name: regions.name }).from(regions).where(eq(regions.id, regionId));
  return r.name;
}

/** The quarterly monev report of one OPD (PDF). */
export async function unitMonevPdf(
  db: DbOrTx,
  actor: Actor,
  unitId: string,
  year: number,
  quarter: number,
): Promise<ReportFile> {
  const card = await scorecard(db, actor, unitId, year);
  const name = await regionName(db, actor.regionId);
  const title = `Laporan Monev Triwulan ${romans[quarter - 1]} ${year}`;
  const content: PdfContent[] = [
    { text: name.toUpperCase(), alignment: 'center', bold: true },
    { text: title, style: 'h1', margin: [0, 6, 0, 0] },
    { text: `${card.unit.code} ${card.unit.name}`, alignment: 'center', margin: [0, 0, 0, 8] },
    {
      text: `Nilai kinerja OPD: ${pct(card.score)} (${card.predicate?.label ?? 'belum ada data terverifikasi'}). Tahapan: ${card.milestones.done} tepat waktu, ${card.milestones.doneLate} terlambat, ${card.milestones.overdue} lewat tenggat. Laporan terlambat: ${card.lateReports}.`,
    },
    ...card.programs.flatMap((p): PdfContent[] => [
      { text: `${p.title}${p.themeName ? ` (tema: ${p.themeName})` : ''}`, style: 'h2' },
      {
        text: `Nilai program ${pct(p.score)} ${p.predicate ? `(${p.predicate.label})` : ''}; ${p.reported} dari ${p.indicatorCount} indikator terverifikasi.`,
        style: 'muted',
      },
      pdfTable(
        [
          'Indikator',
          'Titik nol',
          `Target ${year}`,
          'Realisasi per periode',
          'Capaian',
          'Predikat',
          'Peringatan',
        ],
        indicatorRows(p.indicators, year, quarter),
        ['*', 55, 50, 90, 45, 50, 45],
      ),
      barChart(p.indicators.map((i) => ({ label: i.name, value: i.achievement }))),
    ]),
    {
      text: '* belum diverifikasi (sementara). Capaian resmi hanya dari realisasi terverifikasi.',
      style: 'muted',
    },
  ];
  return {
    fileName: `monev-${slug(card.unit.name)}-${year}-tw${quarter}.pdf`,
    contentType: PDF,
    data: await renderPdf({
      title: `${title} - ${card.unit.name}`,
      footer: `${title} - ${card.unit.name}`,
      content,
    }),
  };
}

/** The quarterly monev report of the region (PDF): OPD ranking, themes, missions, late work. */
export async function regionMonevPdf(
  db: DbOrTx,
  actor: Actor,
  year: number,
  quarter: number,
): Promise<ReportFile> {
  const o: Overview = await overview(db, actor, year);
  const name = await regionName(db, actor.regionId);
  const title = `Laporan Monev Triwulan ${romans[quarter - 1]} ${year}`;
  const content: PdfContent[] = [
    { text: name.toUpperCase(), alignment: 'center', bold: true },
    { text: title, style: 'h1', margin: [0, 6, 0, 8] },
    {
      text: `Nilai kinerja daerah: ${pct(o.score)} (${o.predicate?.label ?? '-'}). Laporan terlambat: ${o.counts.lateReports}; tahapan lewat tenggat: ${o.counts.overdueMilestones}; menunggu verifikasi: ${o.counts.awaitingVerification}; indikator berstatus merah: ${o.counts.red}.`,
    },
    { text: 'Peringkat OPD', style: 'h2' },
    pdfTable(
      [
        'Peringkat',
        'OPD',
        'Nilai',
        'Predikat',
        'Merah/Kuning/Hijau',
        'Laporan terlambat',
        'Tahapan terlambat',
      ],
      o.units.map((u) => [
        u.rank === null ? '-' : String(u.rank),
        u.name,
        pct(u.score),
        u.predicate?.label ?? '-',
        `${u.lights.red}/${u.lights.amber}/${u.lights.green}`,
        String(u.lateReports),
        String(u.overdueMilestones),
      ]),
      [45, '*', 45, 55, 60, 50, 50],
    ),
    barChart(o.units.map((u) => ({ label: u.name, value: u.score }))),
    { text: 'Tema', style: 'h2' },
    pdfTable(
      ['Misi', 'Tema', 'Nilai', 'Predikat', 'Kontributor'],
      o.themes.map((t) => [
        String(t.missionNumber),
        t.name,
        pct(t.score),
        t.predicate?.label ?? '-',
        t.contributors.map((c) => `${c.unitName}: ${pct(c.score)}`).join('\n'),
      ]),
      [30, '*', 45, 55, 170],
    ),
    { text: 'Misi', style: 'h2' },
    pdfTable(
      ['Misi', 'Nilai', 'Predikat'],
      o.missions.map((m) => [`${m.number}. ${m.title}`, pct(m.score), m.predicate?.label ?? '-']),
      ['*', 60, 80],
    ),
  ];
  return {
    fileName: `monev-daerah-${year}-tw${quarter}.pdf`,
    contentType: PDF,
    data: await renderPdf({ title: `${title} - ${name}`, footer: `${title} - ${name}`, content }),
  };
}

/** The quarterly monev data of the region as XLSX: OPD ranking and every indicator with its periods. */
export async function regionMonevXlsx(
  db: DbOrTx,
  actor: Actor,
  year: number,
  quarter: number,
): Promise<ReportFile> {
  const o = await overview(db, actor, year);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lelang Kinerja';
  const rank = wb.addWorksheet('Peringkat OPD');
  rank.addRow([
    'Peringkat',
    'Kode',
    'OPD',
    'Nilai',
    'Predikat',
    'Merah',
    'Kuning',
    'Hijau',
    'Laporan terlambat',
    'Tahapan terlambat',
  ]);
  for (const u of o.units)
    rank.addRow([
      u.rank,
      u.code,
      u.name,
      u.score,
      u.predicate?.label ?? null,
      u.lights.red,
      u.lights.amber,
      u.lights.green,
      u.lateReports,
      u.overdueMilestones,
    ]);
  const cards: Scorecard[] = [];
  for (const u of o.units) cards.push(await scorecard(db, actor, u.unitId, year));
  const ind = indicatorSheet(wb, cards, year, quarter);
  for (const ws of [rank, ind]) {
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((col) => (col.width = 18));
  }
  return {
    fileName: `monev-daerah-${year}-tw${quarter}.xlsx`,
    contentType: XLSX,
    data: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

/** One row per indicator and period of the quarter, for every program of the given scorecards. */
function indicatorSheet(wb: ExcelJS.Workbook, cards: Scorecard[], year: number, quarter: number) {
  const ind = wb.addWorksheet('Indikator');
  ind.addRow([
    'OPD',
    'Program',
    'Indikator',
    'Satuan',
    'Titik nol',
    `Target ${year}`,
    'Periode',
    'Realisasi',
    'Status',
    'Capaian',
    'Predikat',
    'Peringatan',
  ]);
  for (const card of cards)
    for (const p of card.programs)
      for (const c of p.indicators)
        for (const per of c.periods.filter((x) => inQuarter(x.key, year, quarter)))
          ind.addRow([
            card.unit.name,
            p.title,
            c.name,
            c.unit,
            c.baseline.value,
            c.target?.value ?? c.target?.lower ?? null,
            per.label,
            per.value,
            per.status,
            c.achievement,
            c.predicate?.label ?? null,
            c.light,
          ]);
  return ind;
}

/** The quarterly monev data of one OPD (XLSX): a summary and its indicators per period. */
export async function unitMonevXlsx(
  db: DbOrTx,
  actor: Actor,
  unitId: string,
  year: number,
  quarter: number,
): Promise<ReportFile> {
  const card = await scorecard(db, actor, unitId, year);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lelang Kinerja';
  const summary = wb.addWorksheet('Ringkasan');
  summary.addRow(['Program', 'Tema', 'Nilai', 'Predikat', 'Indikator terverifikasi', 'Jumlah indikator']);
  for (const p of card.programs)
    summary.addRow([p.title, p.themeName, p.score, p.predicate?.label ?? null, p.reported, p.indicatorCount]);
  summary.addRow([]);
  summary.addRow(['Nilai kinerja OPD', null, card.score, card.predicate?.label ?? null]);
  summary.addRow(['Tahapan tepat waktu', card.milestones.done]);
  summary.addRow(['Tahapan selesai terlambat', card.milestones.doneLate]);
  summary.addRow(['Tahapan lewat tenggat', card.milestones.overdue]);
  summary.addRow(['Laporan terlambat', card.lateReports]);
  const ind = indicatorSheet(wb, [card], year, quarter);
  for (const ws of [summary, ind]) {
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((col) => (col.width = 18));
  }
  return {
    fileName: `monev-${slug(card.unit.name)}-${year}-tw${quarter}.xlsx`,
    contentType: XLSX,
    data: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

/** The yearly performance report of an OPD (LKjIP-style achievement table), PDF. */
export async function lkjipPdf(db: DbOrTx, actor: Actor, unitId: string, year: number): Promise<ReportFile> {
  const card = await scorecard(db, actor, unitId, year);
  const name = await regionName(db, actor.regionId);
  const title = `Laporan Kinerja (LKjIP) Tahun ${year}`;
  let n = 0;
  const rows = card.programs.flatMap((p) =>
    p.indicators.map((c) => [
      String(++n),
      p.title,
      `${c.name} (${c.unit})`,
      !c.target
        ? '-'
        : c.target.lower !== null
          ? `${formatId(c.target.lower)} - ${formatId(c.target.upper)}`
          : formatId(c.target.value),
      c.value === null ? '-' : formatId(c.value),
      pct(c.achievement),
      c.predicate?.label ?? '-',
    ]),
  );
  const content: PdfContent[] = [
    { text: name.toUpperCase(), alignment: 'center', bold: true },
    { text: title, style: 'h1', margin: [0, 6, 0, 0] },
    { text: `${card.unit.code} ${card.unit.name}`, alignment: 'center', margin: [0, 0, 0, 8] },
    { text: 'Pengukuran kinerja: target dan realisasi indikator kinerja', style: 'h2' },
    pdfTable(['No', 'Program', 'Indikator kinerja', 'Target', 'Realisasi', 'Capaian', 'Predikat'], rows, [
      18,
      110,
      '*',
      50,
      50,
      45,
      55,
    ]),
    {
      text: `Nilai kinerja ${card.unit.name} tahun ${year}: ${pct(card.score)} (${card.predicate?.label ?? '-'}).`,
      margin: [0, 8, 0, 0],
    },
    { text: 'Realisasi dan capaian resmi hanya dari data yang telah diverifikasi.', style: 'muted' },
  ];
  return {
    fileName: `lkjip-${slug(card.unit.name)}-${year}.pdf`,
    contentType: PDF,
    data: await renderPdf({
      title: `${title} - ${card.unit.name}`,
      footer: `${title} - ${card.unit.name}`,
      content,
    }),
  };
}
