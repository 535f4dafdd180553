import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCivilServant } from '../src/server/seed/factories.js';
import { rng } from '../src/server/seed/random.js';
import { expectAccessible, launch, VIEWPORTS, watch } from './support/browser.js';
import { startApp, type RunningApp } from './support/server.js';

/**
 * The region admin's journey of the platform foundation: log in, import an ASN file with one bad row
 * and see the error, fix it and import, find the ASN by NIP, log out. Every page visited passes axe
 * (no serious or critical violation) on a desktop and a phone-sized viewport.
 */
let server: RunningApp;
let browser: Browser;
let page: Page;
let problems: string[];
const checked: string[] = [];

beforeAll(async () => {
  server = await startApp();
  browser = await launch();
  page = await browser.newPage({ viewport: VIEWPORTS.desktop, locale: 'id-ID' });
  problems = watch(page);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** axe on the current page at both viewports; returns to the desktop size. */
async function accessible(name: string) {
  await expectAccessible(page, name);
  checked.push(name);
}

const r = rng(20260101);
const people = Array.from({ length: 6 }, () => buildCivilServant(r, { employmentType: 'PNS' }, new Date()));
const header = 'nip;nama;pangkat_golongan;jabatan;kode_unit;jenis_kepegawaian;email;telepon';
const line = (p: (typeof people)[number], nip = p.nip) =>
  [nip, p.name, p.rankGrade, p.position, '1.02.01', 'PNS', '', ''].join(';');
const goodFile = [header, ...people.map((p) => line(p))].join('\n');
// Line 4 of the file (the third person) has a 17-digit NIP.
const badFile = [header, ...people.map((p, i) => (i === 2 ? line(p, p.nip.slice(0, 17)) : line(p)))].join(
  '\n',
);

async function chooseFile(content: string, name: string) {
  await page.getByLabel('Berkas').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
}

describe('region admin: import ASN, find by NIP, log out', () => {
  it('shows the login page and logs in', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Masuk');
    await accessible('login');
    await page.getByLabel('Nama pengguna').fill('admin.malang');
    await page.getByLabel('Kata sandi').fill('salah-sekali-kata-sandinya');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect.poll(() => page.getByText('Nama pengguna atau kata sandi salah').count()).toBeGreaterThan(0);
    await page.getByLabel('Kata sandi').fill('admin-malang-demo');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(`${server.url}/`);
    await expect.poll(() => page.getByText('Selamat datang').count()).toBeGreaterThan(0);
    await accessible('home');
  });

  it('lists every bad row of the file before anything is written', async () => {
    await page.getByRole('link', { name: 'Impor Data' }).first().click();
    await page.waitForURL(/\/impor$/);
    await accessible('imports');
    await page.getByTestId('import-kind').getByText('ASN', { exact: true }).click();
    await chooseFile(badFile, 'asn-salah.csv');
    await page.getByRole('button', { name: 'Unggah' }).click();
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    await expect.poll(() => preview.getByText('NIP harus 18 digit (terisi 17)').count()).toBe(1);
    const errorRow = preview.getByRole('row').filter({ hasText: 'NIP harus 18 digit' });
    expect(await errorRow.getByRole('cell').first().textContent()).toBe('4');
    // Nothing can be saved from a file with errors.
    const commit = page.getByTestId('import-commit');
    expect((await commit.count()) === 0 || (await commit.isDisabled())).toBe(true);
    await accessible('imports with errors');
  });

  it('imports the fixed file with progress and a summary', async () => {
    await chooseFile(goodFile, 'asn.csv');
    await page.getByRole('button', { name: 'Unggah' }).click();
    const commit = page.getByTestId('import-commit');
    await commit.waitFor();
    await expect.poll(() => commit.isEnabled()).toBe(true);
    await commit.click();
    await expect
      .poll(() => page.getByText(/Impor selesai: 6 ditambah, 0 diubah, 0 tidak berubah/).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    await accessible('imports committed');
  });

  it('finds the new ASN by NIP and opens the detail page', async () => {
    const person = people[2];
    await page.getByRole('link', { name: 'ASN', exact: true }).first().click();
    await page.waitForURL(/\/asn$/);
    await accessible('ASN list');
    await page.getByLabel('Cari nama atau NIP').fill(person.nip);
    const link = page.getByRole('link', { name: person.name, exact: true });
    await expect.poll(() => link.count(), { timeout: 10_000 }).toBe(1);
    await link.click();
    await page.waitForURL(/\/asn\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(person.name);
    await expect.poll(() => page.getByText('Dinas Kesehatan').count()).toBeGreaterThan(0);
    await accessible('ASN detail');
  });

  it('logs out, after which the session no longer works', async () => {
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL(/\/login/);
    const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.status));
    expect(me).toBe(401);
    await page.goto(`${server.url}/asn`);
    await page.waitForURL(/\/login/);
  });

  it('saw no script dialog, CSP violation or page error on the way', () => {
    expect(problems).toEqual([]);
    expect(checked).toEqual([
      'login',
      'home',
      'imports',
      'imports with errors',
      'imports committed',
      'ASN list',
      'ASN detail',
    ]);
  });
});
