import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin } from './support/api.js';
import { expectAccessible, launch, loggedIn, textOf, oneJourney } from './support/browser.js';
import { startApp, type RunningApp } from './support/server.js';

/**
 * HR (BKPSDM) imports attendance: a small ZKTeco attlog with one unreadable line and a PIN no ASN
 * answers to. The preview lists the unknown PIN with a link to the PIN page, where HR maps it to a demo
 * ASN; the second preview lists the bad line with its number and reason; saving with "skip rows with
 * problems" adds the good punches and the history shows the import; the same file again is recognised
 * as already imported. HR then records a sick day for the ASN, imports leave from a CSV file (a bad row
 * refused first), and the schedule page opens. An OPD operator sees no Kehadiran menu and is refused
 * the pages. Every page passes axe at desktop and phone width.
 */
let server: RunningApp;
let browser: Browser;
let page: Page;
let problems: string[];
const checked: string[] = [];

const PIN = '987654';
/** Two working days of last September, far from the demo's own punches by their odd seconds. */
const year = new Date().getFullYear() - (new Date().getMonth() < 9 ? 1 : 0);
const ATTLOG = [
  `${PIN}\t${year}-09-07 07:12:37\t0\t1\t0\t0`,
  `${PIN}\t${year}-09-07 16:05:11\t1\t1\t0\t0`,
  `${PIN}\t${year}-09-08 07:41:03\t0\t1\t0\t0`,
  `${PIN}\t${year}-13-08 16:02:00\t1\t1\t0\t0`,
  `${PIN}\t${year}-09-08 16:20:45\t1\t1\t0\t0`,
  '',
].join('\r\n');
const FILE = { name: 'attlog.dat', mimeType: 'application/octet-stream', buffer: Buffer.from(ATTLOG) };
/** A clean file of the next day: imported whole, the API recognises its bytes the next time. */
const CLEAN = {
  name: 'attlog-0909.dat',
  mimeType: 'application/octet-stream',
  buffer: Buffer.from(
    [`${PIN}\t${year}-09-09 07:29:58\t0\t1\t0\t0`, `${PIN}\t${year}-09-09 16:03:14\t1\t1\t0\t0`, ''].join(
      '\n',
    ),
  ),
};

let asn: { id: string; nip: string; name: string };
let historyBefore = 0;

beforeAll(async () => {
  server = await startApp();
  browser = await launch();
  const hr = await apiLogin(server.url, 'bkpsdm', 'bkpsdm-malang-demo');
  const list = await hr.get<{ items: { id: string; nip: string; name: string }[] }>(
    '/api/civil-servants?pageSize=5&active=true&sort=name',
  );
  if (!list.items[0]) throw new Error('no demo civil servant');
  asn = list.items[0];
  ({ page, problems } = await loggedIn(browser, server.url, 'bkpsdm', 'bkpsdm-malang-demo'));
});
oneJourney('attendance', () => (page ? [['page', page] as [string, Page]] : []));
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function accessible(p: Page, name: string) {
  await expectAccessible(p, name);
  checked.push(name);
}

async function uploadForPreview(file = FILE) {
  await page.getByTestId('att-file').setInputFiles(file);
  await page.getByLabel('Nama mesin (opsional)').fill('Balai Kota');
  await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
  await expect.poll(() => page.getByTestId('att-preview').count()).toBe(1);
}

describe('HR: attendance import, device PINs, excuses', () => {
  it('opens the import page from the Kehadiran menu', async () => {
    await page.getByRole('button', { name: 'Kehadiran' }).click();
    await page.getByRole('link', { name: 'Impor Data Kehadiran' }).click();
    await page.waitForURL(`${server.url}/kehadiran/impor`);
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Impor Data Kehadiran');
    await accessible(page, 'import page');
  });

  it('refuses to check without a file, in Indonesian', async () => {
    await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
    await expect.poll(() => page.getByText('Pilih berkas kehadiran terlebih dahulu').count()).toBe(1);
  });

  it('lists the unknown PIN with a link to the PIN page, and the bad line', async () => {
    await uploadForPreview();
    expect(await textOf(page.getByTestId('att-rowsRead'))).toBe('5');
    expect(await textOf(page.getByTestId('att-problemLines'))).toBe('1');
    const unknown = page.getByTestId('att-unknown');
    expect(await textOf(unknown)).toContain(PIN);
    const bad = page
      .getByTestId('att-problems')
      .getByRole('row')
      .filter({ hasText: 'tidak ada di kalender' });
    expect(await textOf(bad.getByRole('cell').first())).toBe('4');
    expect(await page.getByTestId('att-commit').isDisabled()).toBe(true);
    await accessible(page, 'preview with an unknown PIN');
  });

  it('maps the PIN to a demo ASN from the link', async () => {
    await page.getByRole('link', { name: `Petakan PIN ${PIN}` }).click();
    await page.waitForURL(/\/kehadiran\/pin-mesin/);
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('pin-pin').inputValue()).toBe(PIN);
    expect(await dialog.getByTestId('pin-device').inputValue()).toBe('Balai Kota');
    await accessible(page, 'PIN dialog');
    // Saving without an ASN is refused in Indonesian.
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => dialog.getByText('Pilih ASN pemilik PIN ini').count()).toBe(1);
    await dialog.getByRole('combobox', { name: 'ASN' }).fill(asn.nip);
    await page.getByRole('option', { name: `${asn.name} — ${asn.nip}` }).click();
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const row = page.getByTestId('pin-table').locator(`tr[data-pin="${PIN}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await textOf(row)).toContain(asn.nip);
    expect(await textOf(row)).toContain('Balai Kota');
    await page.getByLabel('Cari PIN, NIP, atau nama').fill(PIN);
    await expect.poll(() => page.getByTestId('pin-table').locator('tbody tr').count()).toBe(1);
    await accessible(page, 'PIN list');
  });

  it('previews again: the bad line remains, the punches are known now', async () => {
    await page.goto(`${server.url}/kehadiran/impor`);
    await uploadForPreview();
    expect(await page.getByTestId('att-unknown').count()).toBe(0);
    expect(await textOf(page.getByTestId('att-punchesRead'))).toBe('4');
    expect(await textOf(page.getByTestId('att-toAdd'))).toBe('4');
    const rows = page.getByTestId('att-problems').locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await textOf(rows.first())).toContain(`Tanggal ${year}-13-08 tidak ada di kalender`);
    expect(await textOf(page.getByTestId('att-sample'))).toContain(asn.name);
    expect(await page.getByTestId('att-commit').isDisabled()).toBe(true);
  });

  it('saves the good punches, skipping the bad line, and shows the history row', async () => {
    await page.getByLabel('Lewati baris bermasalah').check();
    // The demo's own import (a year of generated punches) is already in the history.
    historyBefore = await page.getByTestId('att-history').locator('tbody tr').count();
    await page.getByTestId('att-commit').click();
    await expect
      .poll(() => textOf(page.getByTestId('att-success')), { timeout: 15_000 })
      .toContain('4 presensi ditambahkan');
    const row = page.getByTestId('att-history').locator('tbody tr').first();
    await expect.poll(() => textOf(row)).toContain('attlog.dat');
    expect(await textOf(row)).toContain('Tersimpan');
    expect(await textOf(row)).toContain('attlog ZKTeco');
    const cells = row.getByRole('cell');
    expect(await textOf(cells.nth(5))).toBe('4'); // added
    expect(await textOf(cells.nth(7))).toBe('1'); // problems
    await accessible(page, 'import saved');
  });

  it('recognises the same file when it comes again', async () => {
    await page.getByRole('button', { name: 'Berkas lain' }).click();
    await uploadForPreview();
    // Imported with a skipped line, the file is not "complete": its punches are all found stored.
    expect(await textOf(page.getByTestId('att-duplicatesInDatabase'))).toBe('4');
    expect(await textOf(page.getByTestId('att-toAdd'))).toBe('0');
    expect(await textOf(page.getByTestId('att-nothing'))).toContain(
      'Berkas ini dikenali: 4 presensinya sudah tersimpan',
    );
    expect(await page.getByTestId('att-commit').isDisabled()).toBe(true);
    await accessible(page, 'file already imported');
  });

  it('imports a clean file whole, and says so when the same file comes again', async () => {
    await page.getByRole('button', { name: 'Berkas lain' }).click();
    await uploadForPreview(CLEAN);
    expect(await textOf(page.getByTestId('att-toAdd'))).toBe('2');
    expect(await page.getByTestId('att-problems').count()).toBe(0);
    await page.getByTestId('att-commit').click();
    await expect
      .poll(() => textOf(page.getByTestId('att-success')), { timeout: 15_000 })
      .toContain('2 presensi ditambahkan');
    await expect
      .poll(() => textOf(page.getByTestId('att-history').locator('tbody tr').first()))
      .toContain('attlog-0909.dat');
    expect(await page.getByTestId('att-history').locator('tbody tr').count()).toBe(historyBefore + 2);

    await page.getByRole('button', { name: 'Berkas lain' }).click();
    await uploadForPreview(CLEAN);
    const already = page.getByTestId('att-already');
    await expect.poll(() => textOf(already)).toContain('Berkas ini sudah pernah diimpor');
    expect(await textOf(already)).toContain('oleh Petugas BKPSDM (2 presensi ditambahkan)');
    expect(await page.getByTestId('att-commit').count()).toBe(0);
    expect(await page.getByTestId('att-history').locator('tbody tr').count()).toBe(historyBefore + 2);
  });

  it('records a sick day for the ASN', async () => {
    await page.goto(`${server.url}/kehadiran/izin`);
    await expect.poll(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Izin & Cuti');
    await page.getByRole('button', { name: 'Tambah keterangan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tanggal mulai').fill(`${year}-09-10`);
    await dialog.getByLabel('Tanggal selesai').fill(`${year}-09-09`);
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => dialog.getByText('Pilih ASN', { exact: true }).count()).toBe(1);
    expect(await dialog.getByText('Tanggal selesai tidak boleh sebelum tanggal mulai').count()).toBe(1);
    await dialog.getByRole('combobox', { name: 'ASN' }).fill(asn.nip);
    await page.getByRole('option', { name: `${asn.name} — ${asn.nip}` }).click();
    await dialog.getByRole('combobox', { name: 'Jenis', exact: true }).click();
    await page.getByRole('option', { name: 'Sakit', exact: true }).click();
    await dialog.getByLabel('Tanggal selesai').fill(`${year}-09-11`);
    await dialog.getByLabel('Catatan').fill('Surat dokter');
    await accessible(page, 'excuse dialog');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByLabel('Cari NIP atau nama').fill(asn.nip);
    const row = page.getByTestId('exc-table').locator('tbody tr').filter({ hasText: 'Surat dokter' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await textOf(row)).toContain('Sakit');
    expect(await textOf(row)).toContain(asn.name);
    await accessible(page, 'excuse list');
  });

  it('imports leave from a file: the bad row first, then the fixed file, then listed with the excuses', async () => {
    await page.goto(`${server.url}/kehadiran/izin`);
    await page.getByRole('link', { name: 'Impor dari berkas' }).click();
    await page.waitForURL((url) => url.pathname === '/impor' && url.searchParams.get('jenis') === 'excuses');
    // Opened on the kind of data the excuses page asked for.
    await expect
      .poll(() => textOf(page.getByTestId('import-template')))
      .toBe('Unduh templat CSV (Izin & cuti ASN)');
    const csv = (rows: string[]) => ({
      name: 'cuti-september.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['nip;jenis;mulai;selesai;catatan', ...rows].join('\n')),
    });
    const leave = `${asn.nip};cuti;14/09/${year};15/09/${year};Cuti tahunan`;
    await page
      .getByTestId('import-file')
      .setInputFiles(csv([leave, `199912312020121001;cuti;${year}-09-14;${year}-09-14;`]));
    await page.getByRole('button', { name: 'Unggah' }).click();
    await expect.poll(() => page.getByTestId('import-fix-first').count(), { timeout: 15_000 }).toBe(1);
    const preview = page.getByTestId('import-preview');
    expect(await textOf(preview)).toContain('NIP 199912312020121001 tidak terdaftar sebagai ASN daerah ini');
    await accessible(page, 'excuse import with a bad row');
    await page.getByTestId('import-file').setInputFiles(csv([leave]));
    await page.getByRole('button', { name: 'Unggah' }).click();
    await expect.poll(() => page.getByTestId('import-commit').isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await textOf(preview)).toContain('Cuti');
    await page.getByTestId('import-commit').click();
    await expect
      .poll(() => textOf(page.getByTestId('import-success')), { timeout: 30_000 })
      .toContain('1 ditambah');
    await page.goto(`${server.url}/kehadiran/izin`);
    await page.getByLabel('Cari NIP atau nama').fill(asn.nip);
    const row = page.getByTestId('exc-table').locator('tbody tr').filter({ hasText: 'Cuti tahunan' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await textOf(row)).toContain('Cuti');
  });

  it('shows the work schedule', async () => {
    await page.goto(`${server.url}/kehadiran/jadwal`);
    await expect.poll(() => page.getByTestId('schedule-form').count()).toBe(1);
    expect(await page.getByLabel('Masuk Senin (Jam kerja biasa daerah)').inputValue()).toBe('07:30');
    expect(await page.getByLabel('Pulang Jumat (Jam kerja biasa daerah)').inputValue()).toBe('16:30');
    await accessible(page, 'work schedule');
  });

  it('refuses a Ramadan range the server finds too long, with its message under the field, then saves', async () => {
    const form = page.getByTestId('schedule-form');
    // The demo keeps the seeded Ramadan dates: the new range comes after them, and the save bumps the version.
    const ranges = await form.getByLabel(/^Awal Ramadan \d+$/).count();
    const versionBefore = Number(
      /Versi (\d+)/.exec(await textOf(page.getByTestId('schedule-version')))?.[1] ?? 0,
    );
    const n = ranges + 1;
    await form.getByRole('button', { name: 'Tambah rentang Ramadan' }).click();
    await form.getByLabel(`Awal Ramadan ${n}`).fill(`${year + 2}-01-01`);
    await form.getByLabel(`Akhir Ramadan ${n}`).fill(`${year + 2}-03-31`);
    await form.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => form.getByText('Rentang Ramadan paling panjang 31 hari').count()).toBe(1);
    expect(await form.getByLabel(`Akhir Ramadan ${n}`).getAttribute('aria-invalid')).toBe('true');
    await accessible(page, 'work schedule refused');
    await form.getByLabel(`Awal Ramadan ${n}`).fill(`${year + 2}-02-07`);
    await form.getByLabel(`Akhir Ramadan ${n}`).fill(`${year + 2}-03-08`);
    await form.getByRole('button', { name: 'Simpan' }).click();
    await expect
      .poll(() => textOf(page.getByTestId('schedule-version')))
      .toContain(`Versi ${versionBefore + 1}`);
    expect(await form.getByLabel(`Akhir Ramadan ${n}`).inputValue()).toBe(`${year + 2}-03-08`);
  });

  it('gives an OPD operator no Kehadiran menu and refuses the page', async () => {
    const op = await loggedIn(browser, server.url, 'operator.dinkes', 'operator-malang-demo');
    await expect.poll(() => op.page.getByRole('link', { name: 'Monev' }).count()).toBeGreaterThan(0);
    expect(await op.page.getByRole('button', { name: 'Kehadiran' }).count()).toBe(0);
    expect(await op.page.getByRole('link', { name: 'Impor Data Kehadiran' }).count()).toBe(0);
    await op.page.goto(`${server.url}/kehadiran/impor`);
    await expect.poll(() => textOf(op.page.getByRole('heading', { level: 1 }))).toBe('Akses ditolak');
    expect(await op.page.getByTestId('att-file').count()).toBe(0);
    await accessible(op.page, 'import page refused to an operator');
    expect(op.problems).toEqual([]);
    await op.page.context().close();
  });

  it('saw no script dialog, CSP violation, page error or server error on the way', () => {
    expect(problems).toEqual([]);
    expect(checked).toEqual([
      'import page',
      'preview with an unknown PIN',
      'PIN dialog',
      'PIN list',
      'import saved',
      'file already imported',
      'excuse dialog',
      'excuse list',
      'excuse import with a bad row',
      'work schedule',
      'work schedule refused',
      'import page refused to an operator',
    ]);
  });
});
