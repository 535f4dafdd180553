import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringSettings } from '../src/contract/calendar.js';
import type { Overview, Scorecard } from '../src/contract/dashboards.js';
import { pdfCompact, pdfText } from '../test/support/pdf.js';
import { apiLogin, type ApiClient } from './support/api.js';
import {
  choose,
  expectAccessible,
  launch,
  loggedIn,
  textOf,
  VIEWPORTS,
  oneJourney,
} from './support/browser.js';
import { startApp, type RunningApp } from './support/server.js';

/**
 * Monitoring end to end, in the browser as each person sees it (issue 4): the operator of Dinas
 * Kesehatan opens a report from the to-do list, enters a (wrong) value and a note, attaches a PDF and
 * saves; the head of the unit submits; the verifier finds it in the queue, opens the evidence and
 * returns it with a reason; the operator reads the reason, fixes the value, the head submits again and
 * the verifier verifies. The unit's scorecard and the region's ranking then move exactly as the
 * achievement formulas say (docs/achievement.md), in the pages and in the API; the quarterly monev PDF
 * of the unit carries the new score; the command-center wall draws its charts. The monitoring and
 * dashboard pages pass axe on a desktop and a phone-sized viewport.
 *
 * The demo seeds the first monitoring year relative to today, so the report is not named here: it is
 * the first one the operator can act on in the to-do list ("Isi realisasi" or "Perbaiki"). The values
 * typed follow from its target: the corrected value is half of a "higher is better" target (one and a
 * half times a "lower is better" one), an achievement of exactly 50, far below the current one.
 */
let server: RunningApp;
let browser: Browser;
let admin: ApiClient;
const evidenceDir = mkdtempSync(path.join(tmpdir(), 'e2e-monev-evidence-'));
const problems: string[] = [];
const checked: string[] = [];
const pages = new Map<string, Page>();
const watched = new Map<string, string[]>();

const OPERATOR = ['operator.dinkes', 'operator-malang-demo'] as const;
const HEAD = ['kadinkes', 'kadinkes-malang-demo'] as const;
const VERIFIER = ['verifikator', 'verifikator-malang-demo'] as const;
const WALIKOTA = ['walikota', 'walikota-malang-demo'] as const;
const UNIT_NAME = 'Dinas Kesehatan';

/** A small valid PDF (one empty page), as a scanned recap would be. */
const EVIDENCE_NAME = 'rekap-rujukan-per-puskesmas.pdf';
const EVIDENCE = minimalPdf();
const NOTE = 'Rekap register rujukan 16 puskesmas dan SISRUTE; lihat lampiran per puskesmas.';
const RETURN_REASON =
  'Nilai tidak sesuai rekap per puskesmas pada lampiran; periksa kembali angka yang diketik.';

/** The report of the journey, and what the numbers were before it. */
const slot = {
  contractId: '',
  indicatorKey: '',
  periodKey: '',
  indicatorName: '',
  periodLabel: '',
  unit: '',
};
let year = 0;
let unitId = '';
let settings: MonitoringSettings;
let before: { card: Scorecard; overview: Overview };
/** The values typed: a slip first (ten times the right one), then the corrected one. */
let wrongValue = 0;
let rightValue = 0;
let expected: {
  achievement: number;
  unitScore: number;
  unitPredicate: string;
  regionScore: number;
  rank: number;
  lights: { red: number; amber: number; green: number };
  redCount: number;
};

beforeAll(async () => {
  server = await startApp({ EVIDENCE_DIR: evidenceDir });
  browser = await launch();
  admin = await apiLogin(server.url, 'admin.malang', 'admin-malang-demo');
});
oneJourney('monev', () => pages);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(evidenceDir, { recursive: true, force: true });
});

function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A user of their own browser (cookies kept apart), logged in through the login page. */
async function as([username, password]: readonly [string, string]): Promise<Page> {
  const known = pages.get(username);
  if (known) return known;
  const { page, problems } = await loggedIn(browser, server.url, username, password);
  watched.set(username, problems);
  pages.set(username, page);
  return page;
}

/** axe on the current page at both viewports; returns to the desktop size. */
async function accessible(page: Page, name: string) {
  await expectAccessible(page, name);
  checked.push(name);
}

const text = textOf;

/** Scores and achievements as the pages write them (87,50). */
const score = (n: number) =>
  new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
/** Plain values as the pages write them (39; 76,5). */
const plain = (n: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(n);
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Weighted mean of the items that have a value; null without any (docs/achievement.md section 3). */
function weightedMean(items: { value: number | null; weight: number }[]): number | null {
  const counted = items.filter((i) => i.value !== null && i.weight > 0);
  const total = counted.reduce((s, i) => s + i.weight, 0);
  return total === 0 ? null : counted.reduce((s, i) => s + i.value! * i.weight, 0) / total;
}
const mean = (values: (number | null)[]) => weightedMean(values.map((value) => ({ value, weight: 1 })));

/** The region's predicate of a score, judged on the score as shown (docs/achievement.md section 4). */
function predicateOf(n: number): string {
  const bands = [...settings.predicateBands].sort((a, b) => b.min - a.min);
  return bands.find((b) => round2(n) >= b.min)!.label;
}

/** The program scores of a scorecard, with one indicator's achievement replaced. */
function programScores(card: Scorecard, replace?: { contractId: string; key: string; achievement: number }) {
  return card.programs.map((p) =>
    weightedMean(
      p.indicators.map((i) => ({
        weight: i.weight,
        value:
          replace && p.contractId === replace.contractId && i.key === replace.key
            ? replace.achievement
            : i.achievement,
      })),
    ),
  );
}

const cardOf = (card: Scorecard) => {
  const program = card.programs.find((p) => p.contractId === slot.contractId);
  const indicator = program?.indicators.find((i) => i.key === slot.indicatorKey);
  if (!program || !indicator) throw new Error(`${slot.indicatorKey} not on the scorecard of ${UNIT_NAME}`);
  return { program, indicator };
};

const scorecardApi = () => admin.get<Scorecard>(`/api/monitoring/units/${unitId}/scorecard?year=${year}`);
const overviewApi = () => admin.get<Overview>(`/api/monitoring/overview?year=${year}`);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The report's page, opened from the to-do list of /monev by the link the user's role offers (a
 * returned report reads "Perbaiki" for the head too, who may fix or submit it).
 */
async function openFromTodo(page: Page, action: string) {
  await page.goto(`${server.url}/monev`);
  const name = new RegExp(`^(${action}): ${escape(slot.indicatorName)}, ${escape(slot.periodLabel)}$`);
  const link = page.getByRole('link', { name });
  await link.click();
  await page.waitForURL(new RegExp(`/monev/${slot.contractId}/${slot.indicatorKey}/${slot.periodKey}$`));
  await page.getByTestId('realization-summary').waitFor();
}

/** The verifier's way in: from /monev to the queue, then the row of the report. */
async function openFromQueue(page: Page) {
  await page.goto(`${server.url}/monev`);
  await page.getByRole('link', { name: 'Antrean Verifikasi' }).click();
  await page.waitForURL(/\/monev\/verifikasi$/);
  const link = page.getByRole('link', {
    name: `Periksa: ${slot.indicatorName}, ${slot.periodLabel}, ${UNIT_NAME}`,
  });
  await link.click();
  await page.waitForURL(new RegExp(`/monev/${slot.contractId}/${slot.indicatorKey}/${slot.periodKey}$`));
  await page.getByTestId('realization-summary').waitFor();
}

/** The quarter whose monev report covers a period (the last one for a year or the second semester). */
function quarterOf(periodKey: string): number {
  const m = /^\d{4}(?:-(M|Q|S)(\d+))?$/.exec(periodKey);
  if (!m?.[1]) return 4;
  const n = Number(m[2]);
  return m[1] === 'M' ? Math.ceil(n / 3) : m[1] === 'Q' ? n : n * 2;
}

const stateBadge = (page: Page) => text(page.getByTestId('realization-summary').getByTestId('period-state'));

describe('monitoring from the to-do list to a verified realization on the dashboards', () => {
  it('reads the scorecard and the ranking before anything is reported', async () => {
    settings = await admin.get<MonitoringSettings>('/api/monitoring/settings');
    // The operator reaches the unit's scorecard from the performance page.
    const page = await as(OPERATOR);
    await page.getByRole('link', { name: 'Kinerja', exact: true }).first().click();
    await page.waitForURL(/\/kinerja(\?|$)/);
    await page.getByRole('link', { name: 'Kartu kinerja unit saya' }).click();
    await page.waitForURL(/\/kinerja\/opd\/[0-9a-f-]{36}\?tahun=\d{4}$/);
    const url = new URL(page.url());
    unitId = url.pathname.split('/').pop()!;
    year = Number(url.searchParams.get('tahun'));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(UNIT_NAME);

    const [card, overview] = await Promise.all([scorecardApi(), overviewApi()]);
    before = { card, overview };
    expect(card.unit.name).toBe(UNIT_NAME);
    expect(card.score).not.toBeNull();
    // The page shows the API's numbers.
    await expect.poll(() => text(page.getByTestId('unit-score'))).toContain(score(card.score!));
    expect(await text(page.getByTestId('unit-score'))).toContain(card.predicate!.label);
    for (const ind of card.programs.flatMap((p) => p.indicators)) {
      const block = page
        .getByTestId('indicator')
        .filter({ has: page.getByRole('heading', { name: ind.name, exact: true }) });
      expect(await text(block.getByTestId('achievement')), ind.name).toBe(
        ind.achievement === null ? '—' : `${score(ind.achievement)}%`,
      );
    }
    // The roll-up the predictions rely on: programs from indicator weights, the unit from its
    // programs, the region from its units (equal weights in the demo).
    const programs = programScores(card);
    programs.forEach((s, i) => expect(s).toBeCloseTo(card.programs[i]!.score!, 9));
    expect(mean(programs)).toBeCloseTo(card.score!, 9);
    expect(mean(overview.units.map((u) => u.score))).toBeCloseTo(overview.score!, 9);
    const row = overview.units.find((u) => u.unitId === unitId)!;
    expect(row.score).toBeCloseTo(card.score!, 9);

    // The Wali Kota's ranking shows the same.
    const chief = await as(WALIKOTA);
    await chief.goto(`${server.url}/kinerja?tahun=${year}`);
    const ranking = chief.getByTestId('ranking-table').getByRole('row').filter({ hasText: UNIT_NAME });
    const cells = async () => (await ranking.getByRole('cell').allTextContents()).map((c) => c.trim());
    await expect
      .poll(async () => (await cells()).slice(0, 4))
      .toEqual([String(row.rank), UNIT_NAME, score(row.score!), row.predicate!.label]);
    const { red, amber, green } = row.lights;
    expect((await cells())[4]).toContain(`${red} merah, ${amber} kuning, ${green} hijau`);
    expect(await text(chief.getByTestId('region-score'))).toContain(score(overview.score!));
  });

  it('the operator opens a report from the to-do list, enters a value and a note, attaches a PDF and saves', async () => {
    const page = await as(OPERATOR);
    await page.getByRole('link', { name: 'Monev', exact: true }).first().click();
    await page.waitForURL(/\/monev$/);
    await page.getByTestId('todo-table').waitFor();
    await accessible(page, 'monev');
    // The first report the operator can act on: one to enter, or one returned to fix.
    const action = page.getByTestId('todo-table').getByRole('link', { name: /^(Isi realisasi|Perbaiki): / });
    await expect.poll(() => action.count()).toBeGreaterThan(0);
    const label = (await action.first().getAttribute('aria-label'))!;
    await action.first().click();
    await page.waitForURL(/\/monev\/[0-9a-f-]{36}\/[^/]+\/[^/]+$/);
    const [contractId, indicatorKey, periodKey] = new URL(page.url()).pathname.split('/').slice(2);
    Object.assign(slot, { contractId, indicatorKey, periodKey: decodeURIComponent(periodKey!) });
    const m = /^(?:Isi realisasi|Perbaiki): (.+), ([^,]+)$/.exec(label)!;
    slot.indicatorName = m[1]!;
    slot.periodLabel = m[2]!;
    await page.getByTestId('realization-form').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(slot.indicatorName);
    expect(await text(page.getByTestId('realization-summary'))).toContain(UNIT_NAME);

    // What the report will move: an indicator of the unit's scorecard reported by the latest value,
    // with no verified period after this one (so that this one becomes the year's value).
    const { indicator } = cardOf(before.card);
    slot.unit = indicator.unit;
    expect(indicator.aggregation).toBe('latest');
    expect(indicator.polarity).not.toBe('range');
    const target = indicator.target!.value!;
    const position = indicator.periods.findIndex((p) => p.key === slot.periodKey);
    expect(position).toBeGreaterThanOrEqual(0);
    expect(indicator.periods.slice(position + 1).filter((p) => p.status === 'verified')).toEqual([]);
    const higher = indicator.polarity === 'higher_is_better';
    rightValue = higher ? target / 2 : target * 1.5;
    wrongValue = rightValue * 10;
    // Half a "higher" target, or one and a half "lower" one: an achievement of exactly 50.
    const achievement = higher ? (rightValue / target) * 100 : ((2 * target - rightValue) / target) * 100;
    expect(achievement).toBeCloseTo(50, 9);
    expect(indicator.achievement).not.toBeNull();
    expect(indicator.achievement!).toBeGreaterThan(60);
    // The earlier verified values are all better than the corrected one, so the projection of the
    // year drops below it and the early warning turns red (docs/achievement.md section 5).
    const earlier = indicator.periods.slice(0, position).filter((p) => p.status === 'verified');
    for (const p of earlier)
      expect(higher ? p.value! > rightValue : p.value! < rightValue, `${p.key}: ${p.value}`).toBe(true);
    const unitScore = mean(
      programScores(before.card, { contractId: slot.contractId, key: slot.indicatorKey, achievement }),
    )!;
    const others = before.overview.units.filter((u) => u.unitId !== unitId);
    const regionScore = mean([...others.map((u) => u.score), unitScore])!;
    const row = before.overview.units.find((u) => u.unitId === unitId)!;
    const lights = { ...row.lights };
    if (indicator.light) lights[indicator.light] -= 1;
    lights.red += 1;
    expected = {
      achievement,
      unitScore,
      unitPredicate: predicateOf(unitScore),
      regionScore,
      rank: 1 + others.filter((u) => u.score !== null && u.score > unitScore).length,
      lights,
      redCount: before.overview.counts.red + (indicator.light === 'red' ? 0 : 1),
    };
    await accessible(page, 'realization');

    // The slip: ten times the value, with the note.
    await page.getByLabel(`Nilai realisasi (${slot.unit})`).fill(plain(wrongValue));
    await page.getByLabel('Catatan').fill(NOTE);
    await expect.poll(() => page.getByText('Ada perubahan yang belum disimpan.').count()).toBe(1);
    // A percentage outside 0-100 is allowed but flagged as a likely slip.
    const percentSlip = slot.unit.trim() === '%' && wrongValue > 100;
    expect(await page.getByTestId('realization-unusual').count()).toBe(percentSlip ? 1 : 0);
    await page
      .getByLabel('Tambah berkas bukti')
      .setInputFiles({ name: EVIDENCE_NAME, mimeType: 'application/pdf', buffer: EVIDENCE });
    await page.getByRole('button', { name: 'Unggah' }).click();
    await expect.poll(() => page.getByText(`Berkas ${EVIDENCE_NAME} diunggah.`).count()).toBeGreaterThan(0);
    const evidence = page.getByTestId('evidence-item');
    await expect.poll(() => evidence.count()).toBe(1);
    expect(await text(evidence)).toContain(`${EVIDENCE_NAME}PDF · 1 KB`);
    // The upload kept what was typed; saving sends it.
    expect(await page.getByLabel('Catatan').inputValue()).toBe(NOTE);
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await expect.poll(() => page.getByText('Realisasi disimpan sebagai draf.').count()).toBeGreaterThan(0);
    await expect
      .poll(() => text(page.getByTestId('realization-current-value')))
      .toBe(`${plain(wrongValue)} ${slot.unit}`);
    expect(await page.getByText('Ada perubahan yang belum disimpan.').count()).toBe(0);
    // Only the head submits.
    expect(await page.getByTestId('realization-submit').count()).toBe(0);
    expect(
      await page
        .getByText('Setelah nilai realisasi disimpan, Kepala OPD mengajukannya untuk diverifikasi.')
        .count(),
    ).toBe(1);
  });

  it('the head of Dinas Kesehatan submits it', async () => {
    const page = await as(HEAD);
    await openFromTodo(page, 'Ajukan|Perbaiki');
    expect(await text(page.getByTestId('evidence'))).toContain(EVIDENCE_NAME);
    await page.getByRole('button', { name: 'Ajukan', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajukan realisasi?' });
    expect(await text(dialog)).toContain(
      `Realisasi ${plain(wrongValue)} ${slot.unit} untuk periode ${slot.periodLabel} diajukan untuk diverifikasi.`,
    );
    expect(await dialog.getByTestId('submit-no-evidence').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Ajukan', exact: true }).click();
    await expect
      .poll(() => page.getByText('Realisasi diajukan untuk diverifikasi.').count())
      .toBeGreaterThan(0);
    await expect.poll(() => stateBadge(page)).toMatch(/^(Menunggu verifikasi|Diajukan terlambat.*)$/);
    expect(await page.getByTestId('realization-submit').count()).toBe(0);
    expect(await text(page.getByTestId('history'))).toContain('Diajukan oleh Kepala Dinas Kesehatan');
  });

  it('the verifier finds it in the queue, opens the evidence and returns it with a reason', async () => {
    const page = await as(VERIFIER);
    await page.goto(`${server.url}/monev/verifikasi`);
    const row = page.getByTestId('queue-row').filter({ hasText: slot.indicatorName }).filter({
      hasText: slot.periodLabel,
    });
    await expect.poll(() => row.count()).toBe(1);
    const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim());
    expect(cells[0]).toContain(UNIT_NAME);
    expect(cells[2]).toContain('Kepala Dinas Kesehatan');
    expect(cells[4]).toContain(`${plain(wrongValue)} ${slot.unit}`);
    expect(cells[5]).toBe('1');
    await accessible(page, 'verification queue');

    await openFromQueue(page);
    const link = page.getByTestId('evidence').getByRole('link', { name: EVIDENCE_NAME });
    const href = (await link.getAttribute('href'))!;
    // The link answers the PDF as uploaded, with the session of the verifier.
    const res = await page.request.get(new URL(href, server.url).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^application\/pdf/);
    expect(Buffer.from(await res.body()).equals(EVIDENCE)).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(readFileSync(await download.path()).equals(EVIDENCE)).toBe(true);
    expect(download.suggestedFilename()).toBe(EVIDENCE_NAME);

    await page.getByRole('button', { name: 'Kembalikan', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Kembalikan realisasi' });
    // A reason is required.
    await dialog.getByRole('button', { name: 'Kembalikan', exact: true }).click();
    await expect.poll(() => text(dialog)).toContain('Alasan pengembalian wajib diisi');
    await dialog.getByLabel('Alasan pengembalian').fill(RETURN_REASON);
    await dialog.getByRole('button', { name: 'Kembalikan', exact: true }).click();
    await expect.poll(() => page.getByText('Realisasi dikembalikan ke OPD.').count()).toBeGreaterThan(0);
    await expect.poll(() => stateBadge(page)).toBe('Dikembalikan');
    expect(await page.getByTestId('realization-verify').count()).toBe(0);
  });

  it('the operator reads the reason, fixes the value and saves; the head submits again', async () => {
    const page = await as(OPERATOR);
    await page.goto(`${server.url}/monev`);
    const row = page.getByTestId('todo-row').filter({ hasText: slot.indicatorName }).filter({
      hasText: slot.periodLabel,
    });
    await expect.poll(() => text(row)).toContain(`Alasan: ${RETURN_REASON}`);
    await openFromTodo(page, 'Perbaiki');
    const alert = page.getByTestId('returned-alert');
    expect(await text(alert)).toContain('Dikembalikan oleh verifikator untuk diperbaiki');
    expect(await text(alert)).toContain(RETURN_REASON);
    expect(await text(alert)).toContain('Dikembalikan oleh Verifikator Inspektorat');
    const value = page.getByLabel(`Nilai realisasi (${slot.unit})`);
    expect(await value.inputValue()).toBe(plain(wrongValue));
    expect(await page.getByLabel('Catatan').inputValue()).toBe(NOTE);
    await value.fill(plain(rightValue));
    expect(await page.getByTestId('realization-unusual').count()).toBe(
      slot.unit.trim() === '%' && (rightValue > 100 || rightValue < 0) ? 1 : 0,
    );
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await expect
      .poll(() => text(page.getByTestId('realization-current-value')))
      .toBe(`${plain(rightValue)} ${slot.unit}`);
    expect(await page.getByTestId('evidence-item').count()).toBe(1);

    const head = await as(HEAD);
    await openFromTodo(head, 'Ajukan|Perbaiki');
    await expect
      .poll(() => text(head.getByTestId('realization-current-value')))
      .toBe(`${plain(rightValue)} ${slot.unit}`);
    expect(await text(head.getByTestId('returned-alert'))).toContain(RETURN_REASON);
    await head.getByRole('button', { name: 'Ajukan', exact: true }).click();
    const dialog = head.getByRole('dialog', { name: 'Ajukan realisasi?' });
    expect(await text(dialog)).toContain(`Realisasi ${plain(rightValue)} ${slot.unit} untuk periode`);
    await dialog.getByRole('button', { name: 'Ajukan', exact: true }).click();
    await expect
      .poll(() => head.getByText('Realisasi diajukan untuk diverifikasi.').count())
      .toBeGreaterThan(0);
    await expect.poll(() => stateBadge(head)).toMatch(/^(Menunggu verifikasi|Diajukan terlambat.*)$/);
  });

  it('the verifier verifies it', async () => {
    const page = await as(VERIFIER);
    await openFromQueue(page);
    expect(await text(page.getByTestId('realization-current-value'))).toBe(
      `${plain(rightValue)} ${slot.unit}`,
    );
    await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Verifikasi realisasi?' });
    await dialog.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    await expect.poll(() => page.getByText('Realisasi diverifikasi.').count()).toBeGreaterThan(0);
    await expect.poll(() => stateBadge(page)).toBe('Terverifikasi');
    const history = await text(page.getByTestId('history'));
    expect(history).toContain('Dikembalikan oleh Verifikator Inspektorat');
    expect(history).toContain('Diverifikasi oleh Verifikator Inspektorat');
    // Out of the queue.
    await page.goto(`${server.url}/monev/verifikasi`);
    await page.getByTestId('queue-table').waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('link', { name: `Periksa: ${slot.indicatorName}, ${slot.periodLabel}, ${UNIT_NAME}` })
          .count(),
      )
      .toBe(0);
  });

  it('the scorecard and the ranking move as the achievement formulas say', async () => {
    const [card, overview] = await Promise.all([scorecardApi(), overviewApi()]);
    const { indicator } = cardOf(card);
    expect(indicator.value).toBe(rightValue);
    expect(indicator.achievement).toBeCloseTo(expected.achievement, 9);
    expect(indicator.light).toBe('red');
    expect(card.score).toBeCloseTo(expected.unitScore, 9);
    expect(card.predicate?.label).toBe(expected.unitPredicate);
    expect(overview.score).toBeCloseTo(expected.regionScore, 9);
    const row = overview.units.find((u) => u.unitId === unitId)!;
    expect(row.rank).toBe(expected.rank);
    expect(row.lights).toEqual(expected.lights);
    expect(overview.counts.red).toBe(expected.redCount);

    // The scorecard page, as the operator reaches it.
    const page = await as(OPERATOR);
    await page.goto(`${server.url}/kinerja?tahun=${year}`);
    await page.getByRole('link', { name: 'Kartu kinerja unit saya' }).click();
    await page.waitForURL(`${server.url}/kinerja/opd/${unitId}?tahun=${year}`);
    const unitScore = page.getByTestId('unit-score');
    await expect
      .poll(() => text(unitScore))
      .toBe(`Nilai kinerja OPD${score(expected.unitScore)}${expected.unitPredicate}`);
    const block = page
      .getByTestId('indicator')
      .filter({ has: page.getByRole('heading', { name: slot.indicatorName, exact: true }) });
    expect(await text(block.getByTestId('achievement'))).toBe(`${score(50)}%`);
    expect(await block.getAttribute('data-light')).toBe('red');
    const period = block
      .getByTestId('periods')
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: slot.periodLabel }) });
    expect((await period.getByRole('cell').allTextContents()).map((c) => c.trim())).toEqual([
      expect.any(String),
      plain(rightValue),
      expect.any(String),
      'Terverifikasi',
    ]);
    await accessible(page, 'scorecard');

    // The Wali Kota's ranking.
    const chief = await as(WALIKOTA);
    await chief.goto(`${server.url}/kinerja?tahun=${year}`);
    await expect.poll(() => text(chief.getByTestId('region-score'))).toContain(score(expected.regionScore));
    const ranking = chief.getByTestId('ranking-table').getByRole('row').filter({ hasText: UNIT_NAME });
    const cells = async () => (await ranking.getByRole('cell').allTextContents()).map((c) => c.trim());
    await expect
      .poll(async () => (await cells()).slice(0, 4))
      .toEqual([String(expected.rank), UNIT_NAME, score(expected.unitScore), expected.unitPredicate]);
    const { red, amber, green } = expected.lights;
    expect((await cells())[4]).toContain(`${red} merah, ${amber} kuning, ${green} hijau`);
    expect(await text(chief.getByTestId('count-red'))).toContain(String(expected.redCount));
    // Ranks in the table follow the scores.
    const ranks = await chief
      .getByTestId('ranking-row')
      .evaluateAll((rows) => rows.map((r) => r.querySelector('td')?.textContent ?? ''));
    expect(ranks.slice(0, overview.units.filter((u) => u.rank !== null).length)).toEqual(
      overview.units.filter((u) => u.rank !== null).map((u) => String(u.rank)),
    );
    await accessible(chief, 'performance');
  });

  it('downloads the quarterly monev PDF of the unit with the new score', async () => {
    const page = await as(OPERATOR);
    expect(new URL(page.url()).pathname).toBe(`/kinerja/opd/${unitId}`);
    const quarter = quarterOf(slot.periodKey);
    await choose(page, 'Triwulan', `Triwulan ${quarter}`);
    const button = page.getByRole('link', { name: 'Unduh monev OPD (PDF)' });
    const href = (await button.getAttribute('href'))!;
    expect(href).toContain(`quarter=${quarter}`);
    const res = await page.request.get(new URL(href, server.url).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^application\/pdf/);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^monev-.*-${year}-tw${quarter}\\.pdf$`));
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfTextContent = pdfText(pdf);
    expect(pdfTextContent).toContain(UNIT_NAME);
    const roman = ['I', 'II', 'III', 'IV'][quarter - 1];
    expect(pdfCompact(pdf)).toContain(`LaporanMonevTriwulan${roman}${year}`);
    expect(pdfCompact(pdf)).toContain(
      `NilaikinerjaOPD:${score(expected.unitScore)}%(${expected.unitPredicate.replace(/\s+/g, '')})`,
    );
  });

  it('the command-center wall draws the ranking chart (screenshot kept)', async () => {
    const page = await as(WALIKOTA);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.clock.install();
    await page.goto(`${server.url}/kinerja/dinding?tahun=${year}`);
    await page.getByTestId('wall-score').waitFor();
    expect(await text(page.getByTestId('wall-score'))).toContain(score(expected.regionScore));
    // The panels rotate every 15 seconds; the second one is the ranking chart.
    await page.clock.fastForward(15_000);
    const figure = page.locator('[data-panel="ranking"]').getByTestId('ranking-chart');
    await figure.waitFor();
    const bars = async () =>
      figure.evaluate((el) => {
        const svg = el.querySelectorAll('svg.recharts-surface');
        const shapes = [...el.querySelectorAll('svg.recharts-surface path.recharts-rectangle')].map((p) => {
          const b = (p as SVGGraphicsElement).getBBox();
          return { w: b.width, h: b.height, fill: p.getAttribute('fill') };
        });
        return { surfaces: svg.length, shapes };
      });
    await expect
      .poll(async () => (await bars()).shapes.filter((s) => s.w > 0 && s.h > 0).length)
      .toBe(before.overview.units.filter((u) => u.score !== null).slice(0, 12).length);
    const { surfaces } = await bars();
    expect(surfaces).toBeGreaterThan(0);
    // The figures behind the chart, for screen readers: the unit's new score.
    const figureRow = figure.getByRole('row').filter({ hasText: UNIT_NAME });
    expect(await text(figureRow)).toBe(`${UNIT_NAME}${score(expected.unitScore)}${expected.unitPredicate}`);

    const file = path.join(tmpdir(), 'e2e-monev-wall.png');
    const png = await page.screenshot({ path: file });
    // Decoded in a blank page (no CSP there): many colours, none covering nearly everything.
    const probe = await page.context().newPage();
    const stats = await probe.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const counts = new Map<string, number>();
      for (let i = 0; i < data.length; i += 4) {
        const key = `#${[data[i]!, data[i + 1]!, data[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const pixels = data.length / 4;
      let top = 0;
      for (const n of counts.values()) top = Math.max(top, n);
      return {
        width: bitmap.width,
        height: bitmap.height,
        colours: counts.size,
        topShare: top / pixels,
        counts: Object.fromEntries([...counts].filter(([, n]) => n >= 200)),
      };
    }, png.toString('base64'));
    await probe.close();
    console.info(
      `wall screenshot: ${file} (${stats.colours} colours, the commonest on ${Math.round(stats.topShare * 100)}%)`,
    );
    expect(stats.width).toBe(VIEWPORTS.desktop.width);
    expect(stats.colours).toBeGreaterThan(50);
    expect(stats.topShare).toBeLessThan(0.9);
    // Every bar's predicate colour is drawn, in a solid area.
    const fills = [...new Set((await bars()).shapes.map((s) => s.fill!.toLowerCase()))];
    for (const fill of fills)
      expect(stats.counts[fill] ?? 0, `${fill} in the screenshot`).toBeGreaterThan(200);
  });

  it('saw no script dialog, CSP violation or server error on the way', () => {
    for (const [username, seen] of watched) problems.push(...seen.map((p) => `${username}: ${p}`));
    expect(problems).toEqual([]);
    expect(checked).toEqual(['monev', 'realization', 'verification queue', 'scorecard', 'performance']);
  });
});
