import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC, type CycleDto, type Theme } from '../src/contract/cycles.js';
import type { User } from '../src/contract/users.js';
import { localDay } from '../test/support/auction.js';
import { compact, pdfCompact, pdfText } from '../test/support/pdf.js';
import { apiLogin, type ApiClient } from './support/api.js';
import {
  choose,
  expectAccessible,
  launch,
  loggedIn,
  textOf,
  VIEWPORTS,
  watch,
  oneJourney,
} from './support/browser.js';
import { startApp, type RunningApp } from './support/server.js';

/**
 * The performance auction end to end, in the browser as each person sees it (issue 3): the operator
 * drafts a proposal, leaves two things wrong and fixes them from the completeness list; the OPD head
 * submits; the head of region (chair) opens the session from its page, after a panelist has seen that
 * the sheet takes no scores before that; two panelists score and the session closes; the chair offers
 * a tougher target, the OPD head counters, the chair accepts; both sign the integrity pact (a wrong
 * password first); the contract opens at version 1; the pact PDF carries the hash shown on the card,
 * and the public verification page shows the same number and hash to someone not logged in. The
 * session, negotiation, contract and verification pages pass axe on a desktop and a phone-sized
 * viewport.
 *
 * Set-up the issue does not name goes through the API as the region admin: a cycle open for
 * drafting with one theme, a second panelist, and the session (scheduled, not opened).
 */
let server: RunningApp;
let browser: Browser;
let admin: ApiClient;
const problems: string[] = [];
const checked: string[] = [];
/** Each person's page, and what `watch` and the server-error listener saw on it. */
const pages = new Map<string, Page>();
const watched = new Map<string, string[]>();

const term = Number(localDay(-3).slice(0, 4)) + 1;
const years = [0, 1, 2, 3, 4].map((i) => term + i);
const lastYear = years[4]!;
const cycleName = `Lelang Kinerja E2E ${term}-${term + 4}`;
const themeName = 'Penurunan Kematian Ibu E2E';
const title = 'Pendampingan Ibu Hamil Risiko Tinggi';
const indicatorName = 'Angka kematian ibu';
/** The bid: lower is better, from a baseline of 120. */
const bid = [110, 105, 100, 95, 90];
const PANEL_OFFER = 85;
const OPD_COUNTER = 88;
const SECOND_PANELIST = { username: 'panelis.e2e', password: 'kalimat sandi panelis e2e' };

let cycle: CycleDto;
let proposalId = '';
let sessionId = '';
let walikotaId = '';
let panelistIds: string[] = [];
const pact = { number: '', hash: '', code: '', url: '' };

beforeAll(async () => {
  server = await startApp();
  browser = await launch();
  admin = await apiLogin(server.url, 'admin.malang', 'admin-malang-demo');
});
oneJourney('auction', () => pages);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A user of their own browser (cookies kept apart), logged in through the login page. */
async function as(username: string, password: string): Promise<Page> {
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

/** The completeness list of the editor, one message per entry, once autosave has settled. */
async function completeness(page: Page) {
  const panel = page.getByTestId('completeness');
  await expect
    .poll(() => text(page.getByTestId('autosave-status')), { timeout: 10_000 })
    .toMatch(/^Tersimpan otomatis/);
  return panel;
}

describe('the performance auction from draft to verified pact', () => {
  it('has a cycle open for drafting, a theme and two panelists (API set-up as region admin)', async () => {
    const mission = await admin.post<{ id: string }>('/api/missions', {
      termStart: term,
      termEnd: term + 4,
      number: 9,
      title: 'Misi E2E: kota sehat',
    });
    cycle = await admin.post<CycleDto>('/api/cycles', {
      name: cycleName,
      startYear: term,
      endYear: term + 4,
      phases: {
        draftingStart: localDay(-3),
        submissionDeadline: localDay(3),
        sessionsStart: localDay(5),
        sessionsEnd: localDay(6),
        negotiationDeadline: localDay(10),
        signingDeadline: localDay(12),
      },
    });
    await admin.post<Theme>(`/api/cycles/${cycle.id}/themes`, {
      missionId: mission.id,
      name: themeName,
      outcomeIndicatorName: indicatorName,
      outcomeIndicatorUnit: 'per 100.000 KH',
      outcomePolarity: 'lower_is_better',
    });
    const second = await admin.post<User>('/api/users', {
      username: SECOND_PANELIST.username,
      fullName: 'Panelis Uji E2E',
      password: SECOND_PANELIST.password,
      roles: [{ role: 'panelist' }],
    });
    const find = async (username: string) => {
      const page = await admin.get<{ items: User[] }>(`/api/users?q=${encodeURIComponent(username)}`);
      const user = page.items.find((u) => u.username === username);
      if (!user) throw new Error(`user ${username} not in the demo`);
      return user.id;
    };
    walikotaId = await find('walikota');
    panelistIds = [await find('panelis'), second.id];
  });

  it('operator drafts the proposal, sees what is incomplete in Indonesian and fixes it', async () => {
    const page = await as('operator.dinkes', 'operator-malang-demo');
    await page.getByRole('link', { name: 'Usulan' }).first().click();
    await page.waitForURL(/\/usulan$/);
    await page.getByRole('button', { name: 'Buat usulan' }).click();
    const modal = page.getByRole('dialog', { name: 'Buat usulan' });
    // The only cycle open for drafting is chosen already.
    await expect
      .poll(() => modal.getByRole('combobox', { name: 'Siklus' }).inputValue())
      .toBe(`${cycleName} (${term}–${term + 4})`);
    await modal.getByRole('button', { name: 'Simpan' }).click();
    await page.waitForURL(/\/usulan\/[0-9a-f-]{36}$/);
    proposalId = page.url().split('/').pop()!;
    await page.getByTestId('proposal-editor').waitFor();
    // A new draft lists what is missing.
    await expect.poll(() => text(page.getByTestId('completeness'))).toContain('Judul usulan wajib diisi');

    await page.getByLabel('Judul usulan').fill(title);
    await page
      .getByLabel('Rumusan masalah')
      .fill('Kematian ibu masih 120 per 100.000 kelahiran hidup; ibu hamil risiko tinggi belum terdata.');
    await choose(page, 'Tema', themeName, false);
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Misi', exact: true }).inputValue())
      .toBe('Misi 9: Misi E2E: kota sehat');
    for (const y of years) await page.getByLabel(`Anggaran ${y}`).fill('1500000000');
    await expect.poll(() => text(page.getByTestId('budget-total'))).toBe('Total anggaran: Rp 7.500.000.000');

    await page.getByRole('button', { name: 'Tambah indikator' }).click();
    await page.getByLabel('Nama indikator 1').fill(indicatorName);
    await page.getByLabel('Satuan indikator 1').fill('per 100.000 KH');
    await choose(page, 'Arah indikator 1', 'Makin rendah makin baik', false);
    await page.getByLabel('Bobot indikator 1').fill('100');
    await page.getByLabel('Nilai titik nol indikator 1').fill('120');
    expect(await page.getByLabel('Tahun titik nol indikator 1').inputValue()).toBe(String(term - 1));
    // Wrong on purpose: no baseline source, and the third year's target goes up.
    const wrong = 112;
    for (const [i, y] of years.entries())
      await page.getByLabel(`Target ${y}`).fill(String(i === 2 ? wrong : bid[i]));
    await page.getByRole('button', { name: 'Tambah tonggak' }).click();
    await page.getByLabel('Judul tonggak 1').fill('Pendataan ibu hamil risiko tinggi');
    await page.getByLabel('Tanggal tonggak 1').fill(`${term}-03-31`);

    const panel = await completeness(page);
    const directionMessage =
      `Target tahun ${years[2]} (${wrong}) lebih tinggi dari target tahun ${years[1]} (${bid[1]}): ` +
      'indikator makin rendah makin baik tidak boleh naik';
    await expect
      .poll(() => panel.getByRole('listitem').allTextContents())
      .toEqual(['Sumber data titik nol wajib diisi', directionMessage]);
    expect(await text(panel)).toContain('2 hal belum lengkap');
    // The wrong target is marked, and the list leads to it.
    const target3 = page.getByLabel(`Target ${years[2]}`);
    expect(await target3.getAttribute('aria-invalid')).toBe('true');
    await panel.getByRole('button', { name: directionMessage }).click();
    await expect.poll(() => target3.evaluate((el) => el === document.activeElement)).toBe(true);
    await target3.fill(String(bid[2]));
    await panel.getByRole('button', { name: 'Sumber data titik nol wajib diisi' }).click();
    const source = page.getByLabel('Sumber data titik nol indikator 1');
    await expect.poll(() => source.evaluate((el) => el === document.activeElement)).toBe(true);
    await source.fill('Profil Kesehatan Kota Malang');

    await completeness(page);
    await expect.poll(() => text(panel)).toContain('Usulan sudah lengkap dan siap diajukan.');
    expect(await target3.getAttribute('aria-invalid')).not.toBe('true');
    // The operator drafts; only the head of the unit submits.
    expect(await page.getByTestId('proposal-submit').count()).toBe(0);
    await page.getByRole('link', { name: 'Kembali' }).click();
    await page.waitForURL(/\/usulan$/);
    const row = page.getByRole('row').filter({ hasText: title });
    await expect.poll(() => text(row)).toContain('Lengkap');
  });

  it('the head of Dinas Kesehatan submits the proposal', async () => {
    const page = await as('kadinkes', 'kadinkes-malang-demo');
    await page.goto(`${server.url}/usulan`);
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(`${server.url}/usulan/${proposalId}`);
    await page.getByRole('button', { name: 'Ajukan', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajukan usulan?' });
    await dialog.getByRole('button', { name: 'Ajukan', exact: true }).click();
    await expect.poll(() => page.getByText('Usulan diajukan.').count()).toBeGreaterThan(0);
    await expect.poll(() => text(page.getByTestId('proposal-status').first())).toBe('Diajukan');
    await expect.poll(() => page.getByTestId('proposal-view').count()).toBe(1);
  });

  it('the chair opens the session in the browser, then two panelists score every criterion and hand in', async () => {
    const session = await admin.post<{ id: string }>('/api/sessions', {
      cycleId: cycle.id,
      title: 'Sidang Lelang Kinerja E2E',
      date: localDay(5),
      place: 'Ngalam Command Center',
      chairUserId: walikotaId,
      panelUserIds: panelistIds,
      proposalIds: [proposalId],
    });
    sessionId = session.id;

    // Before the chair opens it, a panelist's sheet says why nothing can be typed yet.
    const early = await as('panelis', 'panelis-malang-demo');
    await early.goto(`${server.url}/sidang/${sessionId}`);
    await expect.poll(() => text(early.getByTestId('session-status'))).toBe('Terjadwal');
    expect(await early.getByRole('button', { name: 'Buka sidang' }).count()).toBe(0);
    await early.getByRole('link', { name: `Nilai usulan ${title}` }).click();
    await early.waitForURL(`${server.url}/sidang/${sessionId}/nilai/${proposalId}`);
    await expect
      .poll(() => text(early.getByTestId('session-locked')))
      .toContain('Sidang belum dibuka oleh ketua sidang');
    const earlySheet = early.getByTestId('score-sheet');
    for (const c of DEFAULT_RUBRIC)
      expect(await earlySheet.getByLabel(`Nilai ${c.name}`, { exact: true }).isDisabled()).toBe(true);
    expect(await early.getByTestId('score-submit').isDisabled()).toBe(true);

    // The chair opens it from the session page, after a confirmation.
    const chair = await as('walikota', 'walikota-malang-demo');
    await chair.goto(`${server.url}/sidang/${sessionId}`);
    await expect.poll(() => text(chair.getByTestId('session-status'))).toBe('Terjadwal');
    expect(await chair.getByTestId('session-edit').count()).toBe(0);
    expect(await chair.getByTestId('session-cancel').count()).toBe(0);
    await accessible(chair, 'session');
    await chair.getByRole('button', { name: 'Buka sidang', exact: true }).click();
    const dialog = chair.getByRole('dialog', { name: 'Buka sidang?' });
    expect(await text(dialog)).toContain('Panel penilai dan agenda tidak dapat diubah lagi');
    await dialog.getByRole('button', { name: 'Buka sidang', exact: true }).click();
    await expect
      .poll(() => chair.getByText('Sidang dibuka. Panelis dapat mulai menilai.').count())
      .toBeGreaterThan(0);
    await expect.poll(() => text(chair.getByTestId('session-status'))).toBe('Berlangsung');
    // Neither the header button nor the (closing) dialog's remain.
    await expect.poll(() => chair.getByRole('button', { name: 'Buka sidang', exact: true }).count()).toBe(0);
    // Afresh, without the notification.
    await chair.reload();
    await expect.poll(() => text(chair.getByTestId('session-status'))).toBe('Berlangsung');
    await chair.screenshot({ path: '/tmp/e2e-session.png', fullPage: true });

    const sheets: [string, string, number[], string][] = [
      ['panelis', 'panelis-malang-demo', [80, 70, 75, 60, 65], '71,25'],
      [SECOND_PANELIST.username, SECOND_PANELIST.password, [70, 70, 75, 60, 65], '68,75'],
    ];
    for (const [username, password, scores, total] of sheets) {
      const page = await as(username, password);
      await page.goto(`${server.url}/sidang/${sessionId}`);
      await page.getByRole('link', { name: `Nilai usulan ${title}` }).click();
      await page.waitForURL(`${server.url}/sidang/${sessionId}/nilai/${proposalId}`);
      const sheet = page.getByTestId('score-sheet');
      await sheet.waitFor();
      expect(await page.getByTestId('session-locked').count()).toBe(0);
      for (const [i, c] of DEFAULT_RUBRIC.entries())
        await sheet.getByLabel(`Nilai ${c.name}`, { exact: true }).fill(String(scores[i]));
      await expect.poll(() => text(page.getByTestId('score-total'))).toBe(total);
      await page.getByTestId('score-submit').click();
      await page
        .getByRole('dialog', { name: 'Serahkan nilai?' })
        .getByRole('button', { name: 'Serahkan nilai' })
        .click();
      await expect
        .poll(() => page.getByText('Nilai Anda sudah diserahkan dan bersifat final.').count())
        .toBe(1);
      expect(
        await sheet.getByLabel(`Nilai ${DEFAULT_RUBRIC[0]!.name}`, { exact: true }).getAttribute('readonly'),
      ).not.toBeNull();
    }

    // The last sheet handed in closes the session.
    await chair.goto(`${server.url}/sidang/${sessionId}`);
    await expect.poll(() => text(chair.getByTestId('session-status'))).toBe('Selesai');
  });

  it('the chair sees the aggregate and offers a tougher target for the last year', async () => {
    const page = await as('walikota', 'walikota-malang-demo');
    await page.goto(`${server.url}/sidang/${sessionId}/nilai/${proposalId}`);
    await expect.poll(() => text(page.getByTestId('aggregate-score'))).toBe('70,00');
    expect(await text(page.getByTestId('aggregate'))).toContain('Dinilai oleh 2 dari 2 panelis');
    expect(await text(page.getByTestId('panel-status'))).toMatch(/Sudah menyerahkan.*Sudah menyerahkan/);

    await page.getByTestId('score-proposal-link').click();
    await page.waitForURL(`${server.url}/usulan/${proposalId}`);
    await page.getByRole('link', { name: 'Negosiasi' }).click();
    await page.waitForURL(`${server.url}/usulan/${proposalId}/negosiasi`);
    await expect.poll(() => text(page.getByTestId('negotiation-state'))).toBe('Belum ada tawaran');
    await page.getByRole('button', { name: 'Ajukan tawaran' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajukan tawaran panel' });
    const field = dialog.getByLabel(`Target ${indicatorName} ${lastYear}`);
    expect(await field.inputValue()).toBe(String(bid[4]));
    await field.fill(String(PANEL_OFFER));
    // A reason is required.
    await dialog.getByRole('button', { name: 'Kirim tawaran' }).click();
    await expect.poll(() => text(dialog)).toContain('Alasan wajib diisi');
    expect(await dialog.getByLabel('Alasan').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Alasan').fill('Capaian provinsi menunjukkan 85 per 100.000 KH dapat dicapai.');
    await dialog.getByRole('button', { name: 'Kirim tawaran' }).click();
    await expect.poll(() => page.getByText('Tawaran panel dikirim.').count()).toBeGreaterThan(0);
    await expect
      .poll(() => text(page.getByTestId('neg-waiting')))
      .toBe('Tawaran putaran 1 dari panel menunggu jawaban Kepala OPD.');
  });

  it('the OPD head counters between the bid and the offer', async () => {
    const page = await as('kadinkes', 'kadinkes-malang-demo');
    await page.goto(`${server.url}/usulan/${proposalId}/negosiasi`);
    await expect.poll(() => text(page.getByTestId('negotiation-state'))).toBe('Menunggu jawaban OPD');
    await page.getByRole('button', { name: 'Tawaran balik' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajukan tawaran balik' });
    const field = dialog.getByLabel(`Target ${indicatorName} ${lastYear}`);
    expect(await field.inputValue()).toBe(String(PANEL_OFFER));
    await field.fill(String(OPD_COUNTER));
    await dialog
      .getByLabel('Alasan')
      .fill('Tenaga bidan di puskesmas baru lengkap pada tahun kedua; 88 realistis.');
    await dialog.getByRole('button', { name: 'Kirim tawaran balik' }).click();
    await expect.poll(() => page.getByText('Tawaran balik dikirim.').count()).toBeGreaterThan(0);
    await expect.poll(() => text(page.getByTestId('negotiation-state'))).toBe('Menunggu jawaban panel');
  });

  it('the chair accepts the counter; the rounds stand side by side', async () => {
    const page = await as('walikota', 'walikota-malang-demo');
    await page.goto(`${server.url}/usulan/${proposalId}/negosiasi`);
    await expect.poll(() => text(page.getByTestId('negotiation-state'))).toBe('Menunggu jawaban panel');
    await page.getByTestId('neg-accept').click();
    await page
      .getByRole('dialog', { name: 'Terima tawaran putaran 2?' })
      .getByRole('button', { name: 'Terima' })
      .click();
    await expect
      .poll(() => page.getByText('Tawaran diterima. Pakta integritas telah disusun.').count())
      .toBeGreaterThan(0);
    await expect.poll(() => text(page.getByTestId('negotiation-state'))).toBe('Disepakati');

    const table = page.getByTestId('negotiation-table');
    const heads = (await table.getByRole('columnheader').allTextContents()).map((h) =>
      h.replace(/\s+/g, ' '),
    );
    expect(heads.slice(0, 4)).toEqual(['Indikator', 'Tahun', 'Titik nol', 'Usulan awal']);
    expect(heads[4]).toMatch(/^Putaran 1 · Panel/);
    expect(heads[5]).toMatch(/^Putaran 2 · OPD/);
    expect(heads[6]).toBe('Disepakati');
    const cells = async (year: number) =>
      (
        await table
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: String(year), exact: true }) })
          .getByRole('cell')
          .allTextContents()
      ).map((c) => c.replace(/\s+/g, ' ').trim());
    // The last year: bid, the panel's offer, the counter, and the counter agreed; changes marked.
    expect(await cells(lastYear)).toEqual([
      String(bid[4]),
      `${PANEL_OFFER} (berubah)`,
      `${OPD_COUNTER} (berubah)`,
      `${OPD_COUNTER} (berubah)`,
    ]);
    // The first year (with the baseline cell) did not move.
    expect(await cells(years[0]!)).toEqual([`120tahun ${term - 1}`, ...Array(4).fill(String(bid[0]))]);
    const history = await text(page.getByTestId('round-history'));
    expect(history).toContain('Capaian provinsi menunjukkan 85');
    expect(history).toContain('Tenaga bidan di puskesmas');
    expect(await text(page.getByTestId('negotiation-answer'))).toContain('Putaran 2 diterima oleh Panel');
  });

  it('the OPD head signs the pact after a wrong password, then the head of region signs', async () => {
    const head = await as('kadinkes', 'kadinkes-malang-demo');
    await head.goto(`${server.url}/usulan/${proposalId}/negosiasi`);
    const card = head.getByTestId('pact-card');
    await card.waitFor();
    pact.number = await text(card.getByTestId('pact-number'));
    pact.hash = await text(card.getByTestId('pact-hash'));
    pact.code = await text(card.getByTestId('pact-code'));
    expect(pact.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(pact.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await text(card)).toContain('Belum ditandatangani');
    pact.url = (await card.getByRole('link', { name: /\/verifikasi\// }).getAttribute('href')) ?? '';
    expect(pact.url.endsWith(`/verifikasi/${pact.code}`)).toBe(true);

    await card.getByRole('button', { name: 'Tanda tangani sebagai Kepala OPD' }).click();
    const dialog = head.getByRole('dialog', { name: 'Tanda tangani sebagai Kepala OPD' });
    expect(await text(dialog.getByTestId('sign-hash'))).toBe(pact.hash);
    await dialog.getByLabel('Kata sandi').fill('bukan-kata-sandi-saya');
    await dialog.getByRole('button', { name: 'Tanda tangani' }).click();
    await expect.poll(() => text(dialog)).toContain('Kata sandi salah');
    await dialog.getByLabel('Kata sandi').fill('kadinkes-malang-demo');
    await dialog.getByRole('button', { name: 'Tanda tangani' }).click();
    await expect.poll(() => head.getByText('Pakta integritas ditandatangani.').count()).toBeGreaterThan(0);
    await expect.poll(() => card.getByText(/^Ditandatangani /).count()).toBe(1);
    expect(await card.getByRole('button', { name: /Tanda tangani sebagai/ }).count()).toBe(0);

    const chair = await as('walikota', 'walikota-malang-demo');
    await chair.goto(`${server.url}/usulan/${proposalId}/negosiasi`);
    const chairCard = chair.getByTestId('pact-card');
    await chairCard.getByRole('button', { name: 'Tanda tangani sebagai Kepala Daerah' }).click();
    const chairDialog = chair.getByRole('dialog', { name: 'Tanda tangani sebagai Kepala Daerah' });
    await chairDialog.getByLabel('Kata sandi').fill('walikota-malang-demo');
    await chairDialog.getByRole('button', { name: 'Tanda tangani' }).click();
    await expect.poll(() => chairCard.getByText(/^Ditandatangani /).count()).toBe(2);
    expect(await chairCard.getByText('Belum ditandatangani').count()).toBe(0);
    await expect
      .poll(() => text(chair.getByTestId('proposal-status').first()))
      .toBe('Kontrak ditandatangani');
    expect(await text(chairCard.getByTestId('pact-hash'))).toBe(pact.hash);
    // Afresh, without the notifications over the table.
    await chair.reload();
    await chairCard.waitFor();
    await chair.getByTestId('negotiation-table').waitFor();
    await chair.screenshot({ path: '/tmp/e2e-negotiation.png', fullPage: true });
    await accessible(chair, 'negotiation');
  });

  it('opens the contract at version 1', async () => {
    const page = await as('walikota', 'walikota-malang-demo');
    await page.getByRole('link', { name: 'Buka kontrak kinerja' }).click();
    await page.waitForURL(/\/kontrak\/[0-9a-f-]{36}$/);
    const summary = page.getByTestId('contract-summary');
    await expect.poll(() => text(summary)).toContain('Versi 1');
    expect(await text(summary)).toContain(pact.number);
    expect(await page.getByTestId('contract-version').count()).toBe(1);
    await accessible(page, 'contract');
  });

  it('downloads the pact PDF with the hash shown on the card', async () => {
    const page = await as('kadinkes', 'kadinkes-malang-demo');
    await page.goto(`${server.url}/usulan/${proposalId}/negosiasi`);
    const card = page.getByTestId('pact-card');
    await card.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('link', { name: 'Unduh PDF' }).click(),
    ]);
    const file = await download.path();
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/^pakta-.*\.pdf$/);
    expect(pdfCompact(pdf)).toContain(pact.hash);
    expect(pdfCompact(pdf)).toContain(compact(pact.number));
    expect(pdfText(pdf)).toContain(title);
  });

  it('shows the same number and hash on the public verification page, logged out', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'id-ID' });
    const page = await context.newPage();
    watched.set('anonymous', watch(page));
    // The address printed on the card, on this test server.
    await page.goto(`${server.url}${new URL(pact.url).pathname}`);
    const result = page.getByTestId('verification-result');
    await result.waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Verifikasi Pakta Integritas');
    expect(await text(page.getByTestId('verify-number'))).toBe(pact.number);
    expect(await text(page.getByTestId('verify-hash'))).toBe(pact.hash);
    expect(await text(result)).toContain(title);
    // Both parties signed, each with a time.
    const parties = page.getByTestId('verify-parties');
    expect(await text(parties)).toContain('Kepala Dinas Kesehatan');
    expect(await parties.getByText('Belum ditandatangani').count()).toBe(0);
    // Nobody is logged in here.
    expect(await page.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).toBe(401);
    await accessible(page, 'verification');
  });

  it('saw no script dialog, CSP violation or page error on the way', () => {
    for (const [username, seen] of watched) problems.push(...seen.map((p) => `${username}: ${p}`));
    expect(problems).toEqual([]);
    expect(checked).toEqual(['session', 'negotiation', 'contract', 'verification']);
  });
});
