import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../src/contract/auth.js';
import type { Roster, SanctionDto, SanctionRow } from '../src/contract/discipline.js';
import type { ServantMonth } from '../src/contract/lateness.js';
import { sanctions } from '../src/server/db/schema.js';
import { advanceSanctions } from '../src/server/modules/discipline/cases.service.js';
import { loadCalendar } from '../src/server/modules/monitoring/calendar.service.js';
import {
  addDays,
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  type WorkingCalendar,
} from '../src/server/modules/monitoring/working-days.domain.js';
import { localDay } from '../src/server/platform/calendar.js';
import { apiLogin, type ApiClient } from './support/api.js';
import { choose, expectAccessible, launch, loggedIn, oneJourney, textOf } from './support/browser.js';
import { startApp, type RunningApp } from './support/server.js';

/**
 * Reward and punishment end to end (issue 5), in the browser as each person sees it: HR (BKPSDM)
 * imports a month of ZKTeco punches in which the demo ASN is late by more than 30 minutes on five
 * days; the region admin previews the evaluation of that month (the SUKA_TERLAMBAT hit with the late
 * days as facts, nothing written), commits it (one proposal) and commits again (nothing new); the
 * admin, being the proposer, cannot approve; the head of region (Wali Kota) approves, which notifies
 * the ASN and numbers the decree (PDF); the ASN reads the facts, the legal basis and the appeal
 * deadline, is told that an appeal needs a reason, attaches a PDF and appeals; the Wali Kota reads the
 * reason and the file and upholds the sanction, which is served from the working day after the
 * decision. The morning roster of that day lists the ASN with the black "SUKA TERLAMBAT" vest, and HR
 * may not record a day that has not come; moved back in time (see the roster step), the sanction is
 * activated by the platform's own daily move and HR records the vest handed out. An OPD operator is
 * refused the roster and sees no sanction. The evaluation page, the sanction page (for the ASN and
 * for the Wali Kota) and the roster pass axe at desktop and phone width.
 *
 * The month: the demo holds a year of punches (demo-attendance.ts: from the first day of the month
 * twelve months back up to yesterday) and evaluations of the last two months (demo-discipline.ts), so
 * the journey judges the month fourteen months back, which has no punch and no case yet.
 */
let server: RunningApp;
let browser: Browser;
const evidenceDir = mkdtempSync(path.join(tmpdir(), 'e2e-discipline-evidence-'));
const problems: string[] = [];
const checked: string[] = [];
const pages = new Map<string, Page>();
const watched = new Map<string, string[]>();

const HR = ['bkpsdm', 'bkpsdm-malang-demo'] as const;
const ADMIN = ['admin.malang', 'admin-malang-demo'] as const;
const WALIKOTA = ['walikota', 'walikota-malang-demo'] as const;
const ASN = ['asn.demo', 'asn-malang-demo'] as const;
const OPERATOR = ['operator.dinkes', 'operator-malang-demo'] as const;

const RULE = 'SUKA_TERLAMBAT';
const VEST = 'SUKA TERLAMBAT';
const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
/** dayjs' Indonesian short months, as the pages' dates read (`02 Des 2026`). */
const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agt', 'Sep', 'Okt', 'Nov', 'Des'];

const FILE_NAME = 'attlog-dinkes.dat';
const EVIDENCE_NAME = 'surat-tugas-posyandu.pdf';
const EVIDENCE = minimalPdf();
const APPEAL_REASON =
  'Pada hari-hari tersebut saya mendampingi posyandu balita sejak pagi atas perintah kepala puskesmas; surat tugas terlampir.';
const DECISION_REASON =
  'Surat tugas tidak mencakup jam apel pagi dan tidak termasuk alasan yang dikecualikan Perwali: sanksi dikuatkan.';

/** Set in beforeAll and along the journey. */
let regionId = '';
let today = '';
let calendar: WorkingCalendar;
let month = '';
let periodKey = '';
let periodLabel = '';
let asn: ServantMonth['civilServant'];
let lateDays: { date: string; band: 'TL2' | 'TL3' }[] = [];
let punches = 0;
let sanctionId = '';
let startsOn = '';
let api: { hr: ApiClient; admin: ApiClient; asn: ApiClient; operator: ApiClient };

beforeAll(async () => {
  server = await startApp({ EVIDENCE_DIR: evidenceDir });
  browser = await launch();
  api = {
    hr: await apiLogin(server.url, ...HR),
    admin: await apiLogin(server.url, ...ADMIN),
    asn: await apiLogin(server.url, ...ASN),
    operator: await apiLogin(server.url, ...OPERATOR),
  };
  const me = await api.asn.get<{ user: Me }>('/api/auth/me');
  regionId = me.user.region.id;
  today = localDay(new Date(), me.user.region.timezone);
  calendar = await loadCalendar(server.database.db, regionId);
  month = shiftMonth(today.slice(0, 7), -14);
  const [y, m] = month.split('-').map(Number);
  periodKey = `${y}-M${String(m).padStart(2, '0')}`;
  periodLabel = `${MONTHS[m - 1]} ${y}`;
});
oneJourney('discipline', () => pages);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(evidenceDir, { recursive: true, force: true });
});

function shiftMonth(yyyyMm: string, n: number): string {
  const i = Number(yyyyMm.slice(0, 4)) * 12 + Number(yyyyMm.slice(5, 7)) - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** `2 September 2025`, as the facts of a case name a day (lateness.domain.ts formatDay). */
const longDay = (day: string) =>
  `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
/** `02 Sep 2025`, as the pages' date format writes it. */
const shortDay = (day: string) =>
  `${day.slice(8, 10)} ${SHORT[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;

/** `HH:MM` plus minutes, as `HH:MM:SS`. */
function clock(hhmm: string, plusMinutes: number, seconds = 0): string {
  const [h, m] = hhmm.split(':').map(Number);
  const t = h * 60 + m + plusMinutes;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** The working day before `day`. */
function previousWorkingDay(cal: WorkingCalendar, day: string): string {
  let d = addDays(day, -1);
  while (!isWorkingDay(cal, d)) d = addDays(d, -1);
  return d;
}

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

/** axe at both widths; back at the desktop size, the next action waits for the layout to settle. */
async function accessible(page: Page, name: string) {
  await expectAccessible(page, name);
  checked.push(name);
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
  );
}

/** The refusal of an API call, as `HTTP <status> <body>`. */
async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (e) {
    return (e as Error).message.replace(/^.*?: (HTTP \d{3})/, '$1');
  }
  throw new Error('the request was not refused');
}

/** The state badge in the header of a case page. */
const stateBadge = (page: Page) => textOf(page.getByTestId('case-state').first());

/** An entry of a navbar group, opening the group unless it is open (it opens on its own pages). */
async function navTo(page: Page, group: string, entry: string) {
  const link = page.getByRole('link', { name: entry, exact: true });
  const toggle = page.getByRole('button', { name: group });
  await toggle.waitFor(); // the navbar is drawn, with the group open or closed as the page wants it
  if (!(await link.isVisible())) await toggle.click();
  await link.click();
}

const sanctionApi = () => api.admin.get<SanctionDto>(`/api/discipline/sanctions/${sanctionId}`);
const casesOfMonth = () =>
  api.admin.get<{ items: SanctionRow[]; total: number }>(
    `/api/discipline/sanctions?q=${encodeURIComponent(asn.nip)}&periodKey=${periodKey}`,
  );

/**
 * Picks a day in a Mantine date picker: its day buttons are named `27 November 2026`; the calendar
 * opens on the month of the date shown, so a day of another month is reached with the month arrows
 * (unnamed, found by their direction), pressed once per month between the two. The count is worked
 * out beforehand, not by looking for the day: the calendar fades in, and a day not visible yet would
 * send the picker months away.
 */
async function pickDay(page: Page, label: string, day: string) {
  const shown = new URL(page.url()).searchParams.get('tanggal') ?? today;
  const month = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  const steps = month(day) - month(shown);
  await page.getByLabel(label).click();
  const arrow = page.locator(`[data-direction="${steps < 0 ? 'previous' : 'next'}"]`).first();
  for (let i = 0; i < Math.abs(steps); i++) await arrow.click();
  await page.getByRole('button', { name: longDay(day), exact: true }).click();
}

/** The sanction's page, opened from the list by its row (searched by the ASN's name). */
async function openFromList(page: Page) {
  await page.goto(`${server.url}/disiplin/sanksi`);
  await page.getByTestId('sanctions-table').waitFor();
  await page.getByLabel('Cari nama atau NIP').fill(asn.name);
  // The search applies 300 ms after typing stops and is kept in the URL: wait for it before clicking.
  await page.waitForURL((url) => url.searchParams.get('q') === asn.name, { timeout: 30_000 });
  const row = page.getByTestId('sanction-row').filter({ hasText: periodLabel });
  await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
  expect(await textOf(row)).toContain(RULE);
  await row.getByRole('link', { name: asn.name }).click();
  await page.waitForURL(`${server.url}/disiplin/sanksi/${sanctionId}`, { timeout: 30_000 });
  await page.getByTestId('case-facts').waitFor();
}

describe('from an attendance file to the vest on the morning roster', () => {
  it('HR imports a month of punches with five late mornings through the import page', async () => {
    // The ASN's month as they read it: no punch yet, every working day in service and unexcused.
    const before = await api.asn.get<ServantMonth>(`/api/lateness/me?month=${month}`);
    asn = before.civilServant;
    expect(asn.nip).toMatch(/^\d{18}$/);
    const working = before.days.filter((d) => d.kind !== 'day_off');
    expect(working.map((d) => d.kind).filter((k) => k !== 'absent')).toEqual([]);
    expect(working.length).toBeGreaterThanOrEqual(15);

    // The device enrols people by their NIP: an 18-digit PIN that is a NIP maps to that ASN
    // (docs/decisions/006-attendance.md). Five mornings late by 50 (TL2) or 75 (TL3) minutes, the
    // rest in ten minutes early; out a few minutes after the end of the day.
    const late = new Set([1, 4, 8, 11, 14]);
    const lines: string[] = [];
    working.forEach((d, i) => {
      const band = !late.has(i) ? null : i % 2 === 0 ? 'TL2' : 'TL3';
      const checkIn = clock(d.start!, band === null ? -10 : band === 'TL2' ? 50 : 75, 10 + (i % 40));
      if (band) lateDays.push({ date: d.date, band });
      lines.push(`${asn.nip}\t${d.date} ${checkIn}\t0\t1\t0\t0`);
      lines.push(`${asn.nip}\t${d.date} ${clock(d.end!, 5, 20 + (i % 30))}\t1\t1\t0\t0`);
    });
    punches = lines.length;
    const file = {
      name: FILE_NAME,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([...lines, ''].join('\r\n')),
    };

    const page = await as(HR);
    await navTo(page, 'Kehadiran', 'Impor Data Kehadiran');
    await page.waitForURL(`${server.url}/kehadiran/impor`, { timeout: 30_000 });
    await page.getByTestId('att-file').setInputFiles(file);
    await page.getByLabel('Nama mesin (opsional)').fill('Dinkes Lantai 1');
    await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
    await expect.poll(() => page.getByTestId('att-preview').count(), { timeout: 15_000 }).toBe(1);
    expect(await textOf(page.getByTestId('att-punchesRead'))).toBe(String(punches));
    expect(await textOf(page.getByTestId('att-toAdd'))).toBe(String(punches));
    expect(await page.getByTestId('att-unknown').count()).toBe(0);
    expect(await page.getByTestId('att-problems').count()).toBe(0);
    expect(await textOf(page.getByTestId('att-sample'))).toContain(asn.name);
    await page.getByTestId('att-commit').click();
    await expect
      .poll(() => textOf(page.getByTestId('att-success')), { timeout: 30_000 })
      .toContain(`${punches} presensi ditambahkan`);
    const row = page.getByTestId('att-history').locator('tbody tr').first();
    await expect.poll(() => textOf(row)).toContain(FILE_NAME);
    expect(await textOf(row)).toContain('Tersimpan');

    // The ASN's month now counts the five late days.
    const after = await api.asn.get<ServantMonth>(`/api/lateness/me?month=${month}`);
    expect(after.recap.lateDays).toBe(5);
    expect(
      after.days.filter((d) => d.bands.length > 0).map((d) => ({ date: d.date, band: d.bands.join() })),
    ).toEqual(lateDays);
  });

  it('the region admin previews the month: the ASN is hit with the late days as facts, nothing written', async () => {
    const page = await as(ADMIN);
    await navTo(page, 'Penghargaan & Sanksi', 'Evaluasi Aturan');
    await page.waitForURL(`${server.url}/disiplin/evaluasi`, { timeout: 30_000 });
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Evaluasi Aturan');
    await choose(page, 'Tahun', month.slice(0, 4));
    await choose(page, 'Bulan', MONTHS[Number(month.slice(5, 7)) - 1]);
    await expect
      .poll(() => textOf(page.getByText('Periode dievaluasi:')))
      .toBe(`Periode dievaluasi: ${periodLabel} (kode ${periodKey})`);
    expect(await page.getByRole('button', { name: 'Jalankan dan buat usulan' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Uji coba (pratinjau)' }).click();
    const preview = page.getByTestId('preview');
    await expect
      .poll(() => textOf(preview.getByRole('heading', { level: 2 }).first()), { timeout: 60_000 })
      .toBe(`Hasil uji coba: ${periodLabel}`);
    expect(await textOf(preview)).toContain('Belum ada yang disimpan.');
    await page.getByLabel('Cari temuan').fill(asn.nip);
    const hit = page.getByTestId('hit-row').filter({ hasText: asn.name });
    await expect.poll(() => page.getByTestId('hit-row').count()).toBe(1);
    const text = await textOf(hit);
    expect(text).toContain(RULE);
    expect(text).toContain(VEST);
    expect(text).toContain('5 hari kerja');
    expect(text).toContain('Baru');
    expect(text).toContain(`5 hari dengan kategori TL2/TL3/TL4 pada ${periodLabel} (paling sedikit 4 hari)`);
    for (const d of lateDays) expect(text).toContain(`${longDay(d.date)} (${d.band})`);
    // The dry run wrote nothing.
    expect((await casesOfMonth()).total).toBe(0);
    await accessible(page, 'evaluation preview');
  });

  it('commits the evaluation once: one new proposal for the ASN, and nothing new the second time', async () => {
    const page = await as(ADMIN);
    const number = async (testId: string) =>
      Number((await textOf(page.getByTestId(testId))).replace(/\D/g, ''));
    const newSanctions = await number('preview-new-sanctions');
    const newRewards = await number('preview-new-rewards');
    expect(newSanctions).toBeGreaterThanOrEqual(1);

    await page.getByTestId('commit-button').click();
    const dialog = page.getByRole('dialog', { name: `Jalankan evaluasi ${periodLabel}?` });
    expect(await textOf(dialog)).toContain(
      `Evaluasi ini akan membuat ${newSanctions} usulan sanksi dan ${newRewards} usulan penghargaan baru.`,
    );
    await dialog.getByRole('button', { name: 'Jalankan dan buat usulan' }).click();
    const result = page.getByTestId('commit-result');
    await expect
      .poll(() => textOf(result), { timeout: 60_000 })
      .toContain(`${newSanctions} usulan sanksi dan ${newRewards} usulan penghargaan baru dibuat`);
    // The question closes with the run; its fade-out must end before the button is pressed again.
    await dialog.waitFor({ state: 'hidden' });
    expect(await textOf(result)).toContain(`Evaluasi ${periodLabel} selesai`);
    // The dry run again: the ASN's hit is proposed now.
    const hit = page.getByTestId('hit-row').filter({ hasText: asn.name });
    await expect.poll(() => textOf(hit), { timeout: 60_000 }).toContain('Sudah diusulkan');
    expect(await textOf(hit)).toContain('Status: Diusulkan');

    const cases = await casesOfMonth();
    expect(cases.total).toBe(1);
    const [own] = cases.items;
    expect(own.ruleCode).toBe(RULE);
    expect(own.state).toBe('proposed');
    expect(own.workingDays).toBe(5);
    expect(own.subject.nip).toBe(asn.nip);
    sanctionId = own.id;

    // Running the same month again proposes nothing twice.
    await page.getByTestId('commit-button').click();
    const again = page.getByRole('dialog', { name: `Jalankan evaluasi ${periodLabel}?` });
    expect(await textOf(again)).toContain(
      'Evaluasi ini akan membuat 0 usulan sanksi dan 0 usulan penghargaan baru.',
    );
    await again.getByRole('button', { name: 'Jalankan dan buat usulan' }).click();
    await expect.poll(() => textOf(result), { timeout: 60_000 }).toContain('Tidak ada usulan baru: semua');
    const runs = page.getByTestId('run-row').filter({ hasText: periodLabel });
    await expect.poll(() => runs.count()).toBe(2);
    expect(await textOf(runs.first())).toContain('0 sanksi, 0 penghargaan');
    expect(await textOf(runs.nth(1))).toContain(`${newSanctions} sanksi, ${newRewards} penghargaan`);
    expect((await casesOfMonth()).total).toBe(1);
  });

  it('the admin, who proposed it, cannot approve it', async () => {
    const page = await as(ADMIN);
    await page.goto(`${server.url}/disiplin/sanksi/${sanctionId}`);
    await page.getByTestId('case-facts').waitFor();
    await expect.poll(() => stateBadge(page)).toBe('Diusulkan');
    expect(await page.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
    const { version } = await sanctionApi();
    expect(
      await refusal(
        api.admin.post(`/api/discipline/sanctions/${sanctionId}/transitions`, { event: 'approve', version }),
      ),
    ).toMatch(/^HTTP 403 /);
    expect((await sanctionApi()).state).toBe('proposed');
  });

  it('the Wali Kota finds it in the list and approves it: notified, with a numbered decree', async () => {
    const page = await as(WALIKOTA);
    await openFromList(page);
    await expect.poll(() => stateBadge(page)).toBe('Diusulkan');
    await page.getByRole('button', { name: 'Setujui' }).click();
    const dialog = page.getByRole('dialog', { name: 'Setujui sanksi' });
    await dialog.getByRole('button', { name: 'Setujui' }).click();
    await expect.poll(() => stateBadge(page), { timeout: 15_000 }).toBe('Diberitahukan');
    const s = await sanctionApi();
    expect(s.state).toBe('notified');
    expect(s.decreeNumber).toMatch(/^800\/\d{4}\/SK-ROMPI\/\d{4}$/);
    expect(s.notifiedOn).toBe(today);
    expect(s.appealDeadline).toBe(addWorkingDays(calendar, today, 3));
    expect(await textOf(page.getByTestId('case-sanction'))).toContain(`Nomor SK${s.decreeNumber}`);
    const link = page.getByRole('link', { name: `Unduh SK (PDF) nomor ${s.decreeNumber}` });
    const res = await page.request.get(new URL((await link.getAttribute('href'))!, server.url).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^application\/pdf/);
    expect(
      Buffer.from(await res.body())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });

  it('the ASN is told, reads the facts, the legal basis and the deadline, and appeals with a PDF', async () => {
    const s = await sanctionApi();
    const page = await as(ASN);
    // Their list shows it.
    await page.goto(`${server.url}/disiplin/sanksi`);
    const row = page.getByTestId('sanction-row').filter({ hasText: periodLabel });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await textOf(row)).toContain('Diberitahukan');
    expect(await textOf(row)).toContain(shortDay(s.appealDeadline!));
    // The bell brings the notice of this month's sanction.
    await page.goto(`${server.url}/`);
    await page.getByTestId('notification-bell').click();
    const notice = page
      .getByRole('listitem')
      .filter({ hasText: periodLabel })
      .filter({
        has: page.getByRole('link', { name: `Sanksi rompi "${VEST}" (5 hari kerja)` }),
      });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await textOf(notice)).toContain(
      `Anda dapat mengajukan keberatan sampai ${longDay(s.appealDeadline!)}`,
    );
    await notice.getByRole('link', { name: `Sanksi rompi "${VEST}" (5 hari kerja)` }).click();
    await page.waitForURL(`${server.url}/disiplin/sanksi/${sanctionId}`, { timeout: 30_000 });
    await page.getByTestId('case-facts').waitFor();
    // Following the reminder closes the list of reminders.
    await expect.poll(() => page.getByText('Pengingat', { exact: true }).count()).toBe(0);
    await expect.poll(() => stateBadge(page)).toBe('Diberitahukan');

    const facts = await textOf(page.getByTestId('case-facts'));
    for (const d of lateDays) expect(facts).toContain(`${longDay(d.date)} (${d.band})`);
    expect(await textOf(page.getByTestId('legal-basis'))).toBe(s.legalBasis.replace(/\s+/g, ' ').trim());
    expect(s.legalBasis.length).toBeGreaterThan(10);
    expect(await textOf(page.getByTestId('appeal-deadline'))).toBe(shortDay(s.appealDeadline!));
    expect(await textOf(page.getByTestId('appeal-hint'))).toContain(
      `paling lambat ${shortDay(s.appealDeadline!)}`,
    );
    await accessible(page, 'sanction page for the ASN');

    // An appeal needs a reason.
    await page.getByRole('button', { name: 'Ajukan keberatan' }).click();
    await expect
      .poll(() => page.getByText('Alasan keberatan wajib diisi').count(), { timeout: 5_000 })
      .toBe(1);
    expect((await sanctionApi()).state).toBe('notified');
    // The evidence first, then the reason.
    await page
      .getByLabel('Lampirkan bukti')
      .setInputFiles({ name: EVIDENCE_NAME, mimeType: 'application/pdf', buffer: EVIDENCE });
    await page.getByRole('button', { name: 'Unggah bukti' }).click();
    await expect.poll(() => page.getByText(`Bukti ${EVIDENCE_NAME} dilampirkan.`).count()).toBeGreaterThan(0);
    const file = page.getByTestId('appeal-file');
    await expect.poll(() => file.count()).toBe(1);
    expect(await textOf(file)).toContain(`${EVIDENCE_NAME}PDF`);
    await page.getByLabel('Alasan keberatan').fill(APPEAL_REASON);
    await page.getByRole('button', { name: 'Ajukan keberatan' }).click();
    await expect.poll(() => stateBadge(page), { timeout: 15_000 }).toBe('Keberatan diajukan');
    expect(await textOf(page.getByTestId('appeal-reason-text'))).toBe(APPEAL_REASON);
    expect(await textOf(page.getByTestId('decision-pending'))).toContain('menunggu keputusan');
  });

  it('the Wali Kota reads the reason and the file and upholds it: served from the next working day', async () => {
    const page = await as(WALIKOTA);
    await page.goto(`${server.url}/disiplin/sanksi/${sanctionId}`);
    await page.getByTestId('case-facts').waitFor();
    await expect.poll(() => stateBadge(page)).toBe('Keberatan diajukan');
    expect(await textOf(page.getByTestId('appeal-reason-text'))).toBe(APPEAL_REASON);
    const link = page.getByRole('link', { name: `Unduh ${EVIDENCE_NAME}` });
    const res = await page.request.get(new URL((await link.getAttribute('href'))!, server.url).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^application\/pdf/);
    expect(Buffer.from(await res.body()).equals(EVIDENCE)).toBe(true);

    await page.getByRole('button', { name: 'Kuatkan sanksi' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kuatkan sanksi' });
    await dialog.getByRole('button', { name: 'Kuatkan sanksi' }).click();
    await expect.poll(() => dialog.getByText('Alasan keputusan atas keberatan wajib diisi').count()).toBe(1);
    await dialog.getByLabel('Alasan keputusan').fill(DECISION_REASON);
    await dialog.getByRole('button', { name: 'Kuatkan sanksi' }).click();
    await expect.poll(() => stateBadge(page), { timeout: 15_000 }).toBe('Dikuatkan');
    expect(await textOf(page.getByTestId('decision-reason'))).toBe(DECISION_REASON);
    expect(await textOf(page.getByTestId('case-decision'))).toContain(
      'Keberatan tidak diterima: sanksi dikuatkan',
    );

    const s = await sanctionApi();
    startsOn = nextWorkingDay(calendar, today);
    expect(s.state).toBe('upheld');
    expect(s.decidedOn).toBe(today);
    expect(s.startsOn).toBe(startsOn);
    expect(s.servingDays.map((d) => d.date)).toEqual(
      [0, 1, 2, 3, 4].map((i) => addWorkingDays(calendar, startsOn, i)),
    );
    const days = page.getByTestId('serving-day');
    await expect.poll(() => days.count()).toBe(5);
    expect(await textOf(days.first())).toContain(`${shortDay(startsOn)}hari ke-1 dari 5`);
    expect(await textOf(page.getByTestId('case-sanction'))).toContain(
      `Masa menjalani${shortDay(startsOn)} – ${shortDay(s.endsOn!)}`,
    );
    await accessible(page, 'sanction page for the Wali Kota');
  });

  it('the roster of the start day lists the ASN, but HR cannot record a day that has not come', async () => {
    const page = await as(HR);
    await navTo(page, 'Penghargaan & Sanksi', 'Apel Pagi (Rompi)');
    await page.waitForURL(`${server.url}/disiplin/apel`, { timeout: 30_000 });
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Apel pagi: daftar rompi');
    await pickDay(page, 'Tanggal apel', startsOn);
    await page.waitForURL((url) => url.searchParams.get('tanggal') === startsOn, { timeout: 30_000 });
    const unit = page
      .getByTestId('roster-unit')
      .filter({ has: page.getByRole('heading', { name: 'Dinas Kesehatan' }) });
    const row = unit.getByTestId('roster-row').filter({ hasText: asn.name });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await textOf(row)).toContain('hari ke-1 dari 5');
    expect(await textOf(page.getByTestId('roster-future'))).toContain('Tanggal ini belum tiba');
    expect(await row.getByRole('button', { name: `Rompi diserahkan: ${asn.name}` }).count()).toBe(0);
    expect(
      await refusal(
        api.hr.put(`/api/discipline/sanctions/${sanctionId}/days/${startsOn}`, { vestIssued: 'now' }),
      ),
    ).toMatch(/^HTTP 409 .*Hari yang belum tiba tidak dapat dicatat/);
  });

  it('on the morning of the start day HR hands out the black vest and records it', async () => {
    // The start day lies ahead, and nothing may be recorded before it comes. So the case is moved back
    // in time: decided on the working day before the latest working day up to today, it starts on that
    // latest working day (today, or the last one before a weekend or holiday). The platform's own daily
    // move (advanceSanctions, the server's sweep) then activates it and fixes its serving days, exactly
    // as it does in production.
    const day = isWorkingDay(calendar, today) ? today : previousWorkingDay(calendar, today);
    const decided = previousWorkingDay(calendar, day);
    await server.database.db
      .update(sanctions)
      .set({ decidedOn: decided })
      .where(and(eq(sanctions.regionId, regionId), eq(sanctions.id, sanctionId)));
    expect(await advanceSanctions(server.database, regionId)).toBeGreaterThanOrEqual(1);
    const s = await sanctionApi();
    expect(s.state).toBe('active');
    expect(s.startsOn).toBe(day);
    expect(s.endsOn).toBe(addWorkingDays(calendar, day, 4));
    startsOn = day;

    const page = await as(HR);
    // Opened afresh: the roster shows today unless another day is picked.
    await page.goto(`${server.url}/disiplin/apel`);
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Apel pagi: daftar rompi');
    if (day !== today) {
      await pickDay(page, 'Tanggal apel', day);
      await page.waitForURL((url) => url.searchParams.get('tanggal') === day, { timeout: 30_000 });
    }
    const unit = page
      .getByTestId('roster-unit')
      .filter({ has: page.getByRole('heading', { name: 'Dinas Kesehatan' }) });
    const row = unit.getByTestId('roster-row').filter({ hasText: asn.name });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await textOf(row)).toContain('hari ke-1 dari 5');
    expect(await textOf(row)).toContain(`s.d. ${shortDay(s.endsOn!)}`);
    const vest = row.getByTestId('vest-label');
    expect(await textOf(vest)).toBe(VEST);
    expect(await vest.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 0, 0)');
    expect(await vest.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 255, 255)');
    expect(await page.getByTestId('roster-future').count()).toBe(0);
    const pdf = page.getByRole('link', { name: 'Cetak (PDF)' });
    expect(await pdf.getAttribute('href')).toContain(`date=${day}`);
    expect(await page.getByRole('button', { name: 'Cetak halaman ini' }).count()).toBe(1);
    await accessible(page, 'morning roster');

    if (day === today) {
      await row.getByRole('button', { name: `Rompi diserahkan: ${asn.name}` }).click();
      await expect
        .poll(() => textOf(row.getByTestId('roster-issued-time')), { timeout: 15_000 })
        .toMatch(/^Diserahkan \d{2}\.\d{2}$/);
      expect(await row.getByRole('button', { name: `Rompi dikembalikan: ${asn.name}` }).count()).toBe(1);
    } else {
      // A day that has passed (the journey runs on a weekend or holiday) is recorded with its time.
      await row.getByLabel(`Jam rompi diserahkan: ${asn.name}`).fill('07:15');
      await row.getByRole('button', { name: `Rompi diserahkan pukul 07:15: ${asn.name}` }).click();
      await expect
        .poll(() => textOf(row.getByTestId('roster-issued-time')), { timeout: 15_000 })
        .toBe('Diserahkan 07.15');
      expect(await row.getByLabel(`Jam rompi dikembalikan: ${asn.name}`).count()).toBe(1);
    }
    const roster = await api.hr.get<Roster>(`/api/discipline/roster?date=${day}`);
    const own = roster.units.flatMap((u) => u.rows).find((r) => r.sanctionId === sanctionId);
    expect(own?.vestIssuedAt).not.toBeNull();
    expect(own?.dayNumber).toBe(1);
    expect(own?.label).toBe(VEST);
    const served = (await sanctionApi()).servingDays[0];
    expect(served.date).toBe(day);
    expect(served.vestIssuedAt).toBe(own?.vestIssuedAt);
  });

  it('refuses the roster to an OPD operator, who sees no sanction', async () => {
    const page = await as(OPERATOR);
    await page.goto(`${server.url}/disiplin/apel`);
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Akses ditolak');
    expect(await page.getByTestId('roster-date').count()).toBe(0);
    // The group of the discipline pages is open here: the operator has their own sanctions, not the roster.
    await expect.poll(() => page.getByRole('link', { name: 'Sanksi', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Apel Pagi (Rompi)' }).count()).toBe(0);
    await navTo(page, 'Penghargaan & Sanksi', 'Sanksi');
    await page.waitForURL(`${server.url}/disiplin/sanksi`, { timeout: 30_000 });
    await expect
      .poll(() => textOf(page.getByTestId('sanctions-empty')), { timeout: 15_000 })
      .toBe('Tidak ada sanksi atas nama Anda.');
    expect((await api.operator.get<{ total: number }>('/api/discipline/sanctions')).total).toBe(0);
    expect(await refusal(api.operator.get(`/api/discipline/sanctions/${sanctionId}`))).toMatch(/^HTTP 404 /);
    expect(await refusal(api.operator.get(`/api/discipline/roster?date=${startsOn}`))).toMatch(/^HTTP 403 /);
  });

  it('saw no script dialog, CSP violation, page error or server error on the way', () => {
    for (const [username, seen] of watched) problems.push(...seen.map((p) => `${username}: ${p}`));
    expect(problems).toEqual([]);
    expect(checked).toEqual([
      'evaluation preview',
      'sanction page for the ASN',
      'sanction page for the Wali Kota',
      'morning roster',
    ]);
  });
});
