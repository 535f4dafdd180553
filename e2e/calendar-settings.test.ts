import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringSettings } from '../src/contract/calendar.js';
import { apiLogin } from './support/api.js';
import { expectAccessible, launch, VIEWPORTS, watch, oneJourney } from './support/browser.js';
import { startApp, type RunningApp } from './support/server.js';

/**
 * The region admin's page of the working-day calendar and the monitoring settings: the 2026 decree
 * gives 240 working days; a regional holiday takes one away and shows in the grid and the list, and
 * deleting it gives the day back; a weekend and an out-of-range deadline day are refused with the
 * server's Indonesian messages under the fields; a new deadline day is explained and saved, and a stale
 * version asks to reload. An OPD operator sees no navigation entry and cannot change anything. The
 * pages pass axe (no serious or critical violation) on a desktop and a phone-sized viewport.
 */
let server: RunningApp;
let browser: Browser;
let page: Page;
let problems: string[];
const checked: string[] = [];
const PATH = '/pengaturan/kalender';

beforeAll(async () => {
  server = await startApp();
  browser = await launch();
  page = await browser.newPage({ viewport: VIEWPORTS.desktop, locale: 'id-ID' });
  page.setDefaultTimeout(10_000);
  problems = watch(page);
  page.on('response', (r) => {
    if (r.status() >= 500) problems.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
  });
});
oneJourney('calendar', () => (page ? [['page', page] as [string, Page]] : []));
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** axe on the current page at both viewports; returns to the desktop size. */
async function accessible(p: Page, name: string) {
  await expectAccessible(p, name);
  checked.push(name);
}

async function login(p: Page, username: string, password: string) {
  await p.goto(`${server.url}/login`);
  await p.getByLabel('Nama pengguna').fill(username);
  await p.getByLabel('Kata sandi').fill(password);
  await p.getByRole('button', { name: 'Masuk' }).click();
  await p.waitForURL(`${server.url}/`);
}

const workingDays = () => page.getByTestId('working-days').textContent();
const day = (date: string) => page.locator(`[data-testid="calendar-grid"] td[data-date="${date}"]`);
const entryForm = () => page.getByTestId('calendar-entry-form');
const settingsForm = () => page.getByTestId('settings-form');
const listRow = (text: string) =>
  page.getByTestId('days-off-table').getByRole('row').filter({ hasText: text });

async function addEntry(date: string, name: string) {
  await entryForm().getByLabel('Tanggal').fill(date);
  await entryForm().getByLabel('Nama hari libur / alasan').fill(name);
  await entryForm().getByRole('button', { name: 'Tambahkan' }).click();
}

describe('region admin: working-day calendar and monitoring settings', () => {
  it('opens the page from the navigation and picks a year', async () => {
    await login(page, 'admin.malang', 'admin-malang-demo');
    await page.getByRole('link', { name: 'Kalender Kerja' }).first().click();
    await page.waitForURL(new RegExp(`${PATH}$`));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Kalender Kerja & Pengaturan Monev');
    // The year selector moves the whole page to another year and keeps it in the address.
    const next = String(new Date().getFullYear() + 1);
    await page.getByRole('combobox', { name: 'Tahun' }).click();
    await page.getByRole('option', { name: next, exact: true }).click();
    await page.waitForURL(new RegExp(`tahun=${next}`));
    await expect.poll(() => page.getByRole('heading', { name: `Ringkasan tahun ${next}` }).count()).toBe(1);
  });

  it('warns about a year without a decree', async () => {
    await page.goto(`${server.url}${PATH}?tahun=2029`);
    await expect.poll(() => page.getByTestId('calendar-warning').textContent()).toMatch(/belum diisi/);
    expect(await page.getByTestId('decree').textContent()).toBe('Belum ada SKB untuk tahun ini');
  });

  it('shows the 2026 decree: 240 working days, days off by kind in the grid and the list', async () => {
    await page.goto(`${server.url}${PATH}?tahun=2026`);
    await expect.poll(workingDays).toBe('240');
    expect(await page.getByTestId('decree').textContent()).toMatch(/^SKB Nomor 1497 Tahun 2025/);
    expect(await page.getByTestId('calendar-warning').count()).toBe(0);
    expect(await day('2026-03-20').getAttribute('data-kind')).toBe('collective_leave');
    expect(await day('2026-03-20').getAttribute('title')).toMatch(/^Jumat, 20 Maret 2026: Cuti bersama: /);
    expect(await day('2026-04-04').getAttribute('data-kind')).toBe('weekend');
    expect(await listRow('Tahun Baru 2026 Masehi').textContent()).toContain('SKB nasional');
    // The decree's days cannot be deleted here; only the region's own entries can.
    expect(await listRow('Tahun Baru 2026 Masehi').getByRole('button').count()).toBe(0);
    await accessible(page, 'calendar 2026');
  });

  it('adds a regional holiday: one working day fewer, in the grid and the list', async () => {
    const april = page.getByTestId('month-4').getByTestId('month-working-days');
    expect(await april.textContent()).toBe('· 21 hari kerja');
    await addEntry('2026-04-01', 'Hari Jadi Kota Malang');
    await expect.poll(workingDays).toBe('239');
    await expect.poll(() => page.getByText('Hari kerja 2026: 239.').count()).toBe(1);
    expect(await april.textContent()).toBe('· 20 hari kerja');
    expect(await day('2026-04-01').getAttribute('data-kind')).toBe('regional_holiday');
    expect(await day('2026-04-01').getAttribute('title')).toBe(
      'Rabu, 1 April 2026: Libur daerah: Hari Jadi Kota Malang',
    );
    expect(await page.getByTestId('regional-count').textContent()).toBe('1');
    await page.getByLabel('Cari nama atau tanggal').fill('Hari Jadi');
    await expect.poll(() => page.getByTestId('days-off-table').getByRole('row').count()).toBe(2);
    const row = listRow('Hari Jadi Kota Malang');
    expect(await row.textContent()).toContain('Rab, 01 Apr 2026');
    expect(await row.textContent()).toContain('Libur daerah');
    expect(await row.textContent()).toContain('Daerah');
    await accessible(page, 'calendar with a regional holiday');
  });

  it("refuses a weekend and a day that is already off with the server's message under the date", async () => {
    await addEntry('2026-04-04', 'Kerja bakti');
    const field = entryForm().getByLabel('Tanggal');
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    expect(await entryForm().getByText('Tanggal ini hari Sabtu atau Minggu').count()).toBe(1);
    await addEntry('2026-04-01', 'Hari Jadi lagi');
    await expect
      .poll(() => entryForm().getByText('Tanggal ini sudah hari libur: Hari Jadi Kota Malang').count())
      .toBe(1);
    // A worked day off must be one the decree gives.
    await entryForm().getByLabel('Hari kerja pengganti libur nasional').check();
    await addEntry('2026-04-08', 'Masuk kerja');
    await expect
      .poll(() =>
        entryForm()
          .getByText('Hanya libur nasional atau cuti bersama yang dapat dijadikan hari kerja')
          .count(),
      )
      .toBe(1);
    expect(await workingDays()).toBe('239');
    await accessible(page, 'calendar entry refused');
    await entryForm().getByLabel('Libur daerah', { exact: true }).check();
  });

  it('deletes the regional holiday after a confirmation and gets the working day back', async () => {
    await listRow('Hari Jadi Kota Malang')
      .getByRole('button', { name: 'Hapus Hari Jadi Kota Malang (Rab, 01 Apr 2026)' })
      .click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('Hapus "Hari Jadi Kota Malang"');
    await dialog.getByRole('button', { name: 'Hapus' }).click();
    await expect.poll(workingDays).toBe('240');
    expect(await day('2026-04-01').getAttribute('data-kind')).toBe('working');
    await expect.poll(() => listRow('Hari Jadi Kota Malang').count()).toBe(0);
    await page.getByLabel('Cari nama atau tanggal').fill('');
  });

  it('refuses a deadline day out of range, then explains and saves a new one', async () => {
    const deadline = settingsForm().getByTestId('deadline-day');
    expect(await deadline.inputValue()).toBe('10');
    expect(await page.getByTestId('settings-version').textContent()).toBe('Versi 1');
    await deadline.fill('31');
    await settingsForm().getByRole('button', { name: 'Simpan' }).click();
    await expect
      .poll(() =>
        settingsForm().getByText('Batas pelaporan harus tanggal 1 sampai 28 pada bulan berikutnya').count(),
      )
      .toBe(1);
    expect(await deadline.getAttribute('aria-invalid')).toBe('true');

    await deadline.fill('20');
    await expect
      .poll(() => page.getByTestId('deadline-q1').textContent())
      .toBe('Batas laporan Triwulan I 2026 menjadi 20 April 2026 (sebelumnya 10 April 2026)');
    expect(await page.getByTestId('deadline-q4').textContent()).toContain('20 Januari 2027');
    await settingsForm().getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => page.getByTestId('settings-version').textContent()).toBe('Versi 2');
    await expect.poll(() => page.getByText('Pengaturan monev disimpan (versi 2).').count()).toBe(1);
    expect(await page.getByTestId('deadline-q1').textContent()).toBe(
      'Batas laporan Triwulan I 2026 menjadi 20 April 2026',
    );
    await accessible(page, 'settings saved');

    // Saved on the server: a fresh load shows it.
    await page.reload();
    await expect.poll(() => settingsForm().getByTestId('deadline-day').inputValue()).toBe('20');
  });

  it('asks to reload when someone else saved the settings meanwhile', async () => {
    await expect.poll(() => page.getByTestId('settings-version').textContent()).toBe('Versi 2');
    const other = await apiLogin(server.url, 'admin.malang', 'admin-malang-demo');
    const s = await other.get<MonitoringSettings>('/api/monitoring/settings');
    await other.put('/api/monitoring/settings', { ...s, achievementCap: 110 });

    await settingsForm().getByTestId('achievement-cap').fill('120');
    await expect
      .poll(() => page.getByTestId('cap-meaning').textContent())
      .toBe('Capaian di atas 120% dihitung 120% sebelum dirata-ratakan.');
    await settingsForm().getByRole('button', { name: 'Simpan' }).click();
    const conflict = page.getByTestId('version-conflict');
    await expect.poll(() => conflict.textContent()).toMatch(/diubah oleh pengguna lain.*Muat ulang/);
    await accessible(page, 'settings conflict');
    await conflict.getByRole('button', { name: 'Muat ulang' }).click();
    await expect.poll(() => page.getByTestId('settings-version').textContent()).toBe('Versi 3');
    expect(await conflict.count()).toBe(0);
    expect(await settingsForm().getByTestId('achievement-cap').inputValue()).toBe('110');
  });

  it('gives an OPD operator no navigation entry and no way to change anything', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'id-ID' });
    const op = await context.newPage();
    op.setDefaultTimeout(10_000);
    const seen = watch(op);
    await login(op, 'operator.dinkes', 'operator-malang-demo');
    await expect.poll(() => op.getByRole('link', { name: 'Monev' }).count()).toBeGreaterThan(0);
    expect(await op.getByRole('link', { name: 'Kalender Kerja' }).count()).toBe(0);

    await op.goto(`${server.url}${PATH}?tahun=2026`);
    await expect.poll(() => op.getByRole('heading', { level: 1 }).textContent()).toBe('Akses ditolak');
    expect(await op.getByTestId('calendar-entry-form').count()).toBe(0);
    expect(await op.getByTestId('settings-form').count()).toBe(0);
    await accessible(op, 'calendar page refused to an operator');

    // The server refuses the writes too, with the operator's own valid session and CSRF token.
    const statuses = await op.evaluate(async () => {
      const me = (await fetch('/api/auth/me').then((r) => r.json())) as { csrfToken: string };
      const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
      const add = await fetch('/api/calendar/entries', {
        method: 'POST',
        headers,
        body: JSON.stringify({ date: '2026-04-01', kind: 'regional_holiday', name: 'Coba' }),
      });
      const settings = await fetch('/api/monitoring/settings').then((r) => r.json());
      const put = await fetch('/api/monitoring/settings', {
        method: 'PUT',
        headers,
        body: JSON.stringify({ ...settings, reportDeadlineDay: 5 }),
      });
      return [add.status, put.status];
    });
    expect(statuses).toEqual([403, 403]);
    expect(seen).toEqual([]);
    await context.close();

    // Nothing changed.
    const admin = await apiLogin(server.url, 'admin.malang', 'admin-malang-demo');
    expect((await admin.get<{ workingDays: number }>('/api/calendar?year=2026')).workingDays).toBe(240);
    expect((await admin.get<MonitoringSettings>('/api/monitoring/settings')).reportDeadlineDay).toBe(20);
  });

  it('saw no script dialog, CSP violation, page error or server error on the way', () => {
    expect(problems).toEqual([]);
    expect(checked).toEqual([
      'calendar 2026',
      'calendar with a regional holiday',
      'calendar entry refused',
      'settings saved',
      'settings conflict',
      'calendar page refused to an operator',
    ]);
  });
});
