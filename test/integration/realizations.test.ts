import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contract, Pact } from '../../src/contract/agreements.js';
import type { Realization } from '../../src/contract/monitoring.js';
import { auditEntries } from '../../src/server/db/schema.js';
import { dashboardCacheStats } from '../../src/server/modules/monitoring/dashboards.cache.js';
import { overview, scorecard } from '../../src/server/modules/monitoring/dashboards.service.js';
import { listMilestones, markMilestone } from '../../src/server/modules/monitoring/milestones.service.js';
import { sendReminders } from '../../src/server/modules/monitoring/notifications.service.js';
import { submitRealization, todo } from '../../src/server/modules/monitoring/realizations.service.js';
import { openCycleWithTheme, scoredProposal } from '../support/auction.js';
import { PASSWORD, setupWorld, type Client, type World } from '../support/harness.js';
import { multipart } from '../support/multipart.js';
import { pdfText } from '../support/pdf.js';
import ExcelJS from 'exceljs';

let w: World;
let evidenceDir: string;
let admin: Client;
let chair: Client;
let head: Client;
let operator: Client;
let verifier: Client;
let contract: Contract;
let year: number;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);

beforeAll(async () => {
  evidenceDir = mkdtempSync(path.join(tmpdir(), 'lk-evidence-'));
  w = await setupWorld({ EVIDENCE_DIR: evidenceDir, EVIDENCE_MAX_MB: 1 });
  admin = await w.login('admin');
  chair = await w.login('kepala');
  head = await w.login('kaopd1');
  operator = await w.login('operator1');
  verifier = await w.login('verifikator');
  const { cycle, theme } = await openCycleWithTheme(admin, 'Siklus monev');
  year = cycle.startYear;
  const p = await scoredProposal(w, cycle, theme, 'Program dipantau', [
    { id: w.a.users.panelis, client: await w.login('panelis') },
  ]);
  expect((await chair.post(`/api/proposals/${p.id}/agree`, { version: p.version })).statusCode).toBe(200);
  await head.post(`/api/proposals/${p.id}/pact/sign`, { as: 'opd_head', password: PASSWORD });
  const pact = (
    await chair.post(`/api/proposals/${p.id}/pact/sign`, { as: 'head_of_region', password: PASSWORD })
  ).json() as Pact;
  contract = (await admin.get(`/api/contracts/${pact.contractId}`)).json();
});
afterAll(async () => {
  await w.close();
  rmSync(evidenceDir, { recursive: true, force: true });
});

const url = (period: string, suffix = '') =>
  `/api/contracts/${contract.id}/realizations/aki/${period}${suffix}`;

describe('entering, submitting and verifying a realization', () => {
  it('shows the empty slot with its target and deadline; rejects a period of another frequency or outside the term', async () => {
    const res = await operator.get(url(`${year}-Q1`));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: null,
      status: null,
      periodLabel: `Triwulan I ${year}`,
      deadline: `${year}-04-10`,
      target: { value: 110 },
      can: { edit: true, submit: false, verify: false },
    });
    const monthly = await operator.get(url(`${year}-M01`));
    expect(monthly.statusCode).toBe(400);
    expect(monthly.json().error.fields[0].message).toMatch(/dilaporkan triwulanan/);
    expect((await operator.get(url(`${year + 7}-Q1`))).statusCode).toBe(400);
    expect((await (await w.login('kaopd1', { region: 'b' })).get(url(`${year}-Q1`))).statusCode).toBe(404);
  });

  it('the operator enters a value with a PDF; the type is checked by its bytes and the size is limited', async () => {
    const saved = await operator.put(url(`${year}-Q1`), { value: 112, note: 'Data kohort triwulan I' });
    expect(saved.statusCode, saved.body).toBe(200);
    const r = saved.json() as Realization;
    expect(r).toMatchObject({ status: 'draft', value: 112, can: { edit: true, submit: false } });

    const fake = multipart('laporan.pdf', Buffer.from('<html>bukan pdf</html>'));
    const bad = await operator.request('POST', url(`${year}-Q1`, '/evidence'), fake.payload, fake.headers);
    expect(bad.statusCode).toBe(415);
    expect(bad.json().error.message).toBe('Berkas bukti harus PDF, JPG atau PNG');
    const big = multipart('besar.pdf', Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10)]));
    expect(
      (await operator.request('POST', url(`${year}-Q1`, '/evidence'), big.payload, big.headers)).statusCode,
    ).toBe(413);

    const good = multipart('../../etc/laporan triwulan.pdf', PDF);
    const up = await operator.request('POST', url(`${year}-Q1`, '/evidence'), good.payload, good.headers);
    expect(up.statusCode, up.body).toBe(201);
    const withFile = up.json() as Realization;
    expect(withFile.evidence).toHaveLength(1);
    expect(withFile.evidence[0]).toMatchObject({
      originalName: 'laporan triwulan.pdf',
      contentType: 'application/pdf',
    });
    // Stored outside the web root under the generated id, not the uploaded name.
    const stored = readdirSync(path.join(evidenceDir, w.a.id));
    expect(stored).toEqual([withFile.evidence[0].id]);

    const dl = await verifier.get(`/api/evidence/${withFile.evidence[0].id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect(
      (await (await w.login('admin', { region: 'b' })).get(`/api/evidence/${withFile.evidence[0].id}`))
        .statusCode,
    ).toBe(404);
  });

  it('only the head submits; a stale version answers 409; the verifier returns with a reason', async () => {
    const r = (await operator.get(url(`${year}-Q1`))).json() as Realization;
    expect((await operator.post(url(`${year}-Q1`, '/submit'), { version: r.version })).statusCode).toBe(403);
    expect((await head.post(url(`${year}-Q1`, '/submit'), { version: r.version + 5 })).statusCode).toBe(409);
    const sub = await head.post(url(`${year}-Q1`, '/submit'), { version: r.version });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json()).toMatchObject({ status: 'submitted', lateWorkingDays: 0, periodState: 'submitted' });
    // Submitted: the unit cannot change it any more.
    expect(
      (await operator.put(url(`${year}-Q1`), { value: 1, version: sub.json().version })).statusCode,
    ).toBe(409);

    const queue = await verifier.get('/api/monitoring/queue');
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items.map((i: Realization) => i.periodKey)).toContain(`${year}-Q1`);
    expect((await operator.get('/api/monitoring/queue')).statusCode).toBe(403);

    const noReason = await verifier.post(url(`${year}-Q1`, '/return'), {
      version: sub.json().version,
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    const ret = await verifier.post(url(`${year}-Q1`, '/return'), {
      version: sub.json().version,
      reason: 'Lampirkan rekap kohort per puskesmas',
    });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json()).toMatchObject({
      status: 'returned',
      periodState: 'returned',
      returnReason: 'Lampirkan rekap kohort per puskesmas',
    });
  });

  it('the operator fixes it, the head resubmits, the verifier verifies once per version', async () => {
    const r = (await operator.get(url(`${year}-Q1`))).json() as Realization;
    const fixed = await operator.put(url(`${year}-Q1`), {
      value: 111,
      note: 'Rekap per puskesmas dilampirkan',
      version: r.version,
    });
    expect(fixed.statusCode).toBe(200);
    const png = multipart('rekap.png', PNG);
    expect(
      (await operator.request('POST', url(`${year}-Q1`, '/evidence'), png.payload, png.headers)).statusCode,
    ).toBe(201);
    const again = (await head.get(url(`${year}-Q1`))).json() as Realization;
    const sub = await head.post(url(`${year}-Q1`, '/submit'), { version: again.version });
    expect(sub.statusCode).toBe(200);
    const v = sub.json().version;
    const both = await Promise.all([
      verifier.post(url(`${year}-Q1`, '/verify'), { version: v }),
      verifier.post(url(`${year}-Q1`, '/verify'), { version: v }),
    ]);
    expect(both.map((x) => x.statusCode).sort()).toEqual([200, 409]);
    const done = (await operator.get(url(`${year}-Q1`))).json() as Realization;
    expect(done).toMatchObject({
      status: 'verified',
      value: 111,
      periodState: 'verified',
      can: { edit: false },
    });
    expect(done.evidence).toHaveLength(2);
    expect((await operator.put(url(`${year}-Q1`), { value: 1, version: done.version })).statusCode).toBe(409);
    const actions = (
      await w.database.db
        .select({ action: auditEntries.action })
        .from(auditEntries)
        .where(eq(auditEntries.regionId, w.a.id))
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'realization.save',
        'evidence.upload',
        'realization.submit',
        'realization.return',
        'realization.verify',
      ]),
    );
  });

  it("a verifier never verifies their own unit's entry", async () => {
    const res = await admin.post('/api/users', {
      username: 'verif.unit1',
      fullName: 'Verifikator Unit Satu',
      password: 'kalimat sandi verifikator',
      roles: [{ role: 'verifier' }],
      civilServantId: w.a.people.u1[0],
    });
    expect(res.statusCode, res.body).toBe(201);
    const own = await w.login('verif.unit1', { password: 'kalimat sandi verifikator' });
    await operator.put(url(`${year}-Q2`), { value: 108 });
    const r = (await head.get(url(`${year}-Q2`))).json() as Realization;
    const sub = (await head.post(url(`${year}-Q2`, '/submit'), { version: r.version })).json() as Realization;
    const seen = (await own.get(url(`${year}-Q2`))).json() as Realization;
    expect(seen.can.verify).toBe(false);
    const refused = await own.post(url(`${year}-Q2`, '/verify'), { version: sub.version });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe(
      'Verifikator tidak memverifikasi realisasi unit kerjanya sendiri',
    );
    expect((await own.get('/api/monitoring/queue')).json().items).toEqual([]);
  });

  it('a late first submission is recorded with the working days after the deadline', async () => {
    await operator.put(url(`${year}-Q3`), { value: 104 });
    const r = (await head.get(url(`${year}-Q3`))).json() as Realization;
    // Deadline 10 October; submitted on the following Wednesday (a few working days later).
    const late = await submitRealization(
      w.database,
      await w.actorOf(head),
      { id: contract.id, indicatorKey: 'aki', periodKey: `${year}-Q3` },
      r.version,
      new Date(`${year}-10-14T03:00:00Z`),
    );
    expect(late.status).toBe('submitted');
    expect(late.lateWorkingDays).toBeGreaterThanOrEqual(1);
    expect(late.periodState).toBe('late_submitted');
  });

  it('a closed period is locked until the admin reopens it with a reason (audited)', async () => {
    expect((await operator.post(`/api/periods/${year}-Q4/close`)).statusCode).toBe(403);
    const closed = await admin.post(`/api/periods/${year}-Q4/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await admin.post(`/api/periods/${year}-Q4/close`)).statusCode).toBe(409);
    const blocked = await operator.put(url(`${year}-Q4`), { value: 100 });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toMatch(/sudah ditutup/);
    expect((await operator.get(url(`${year}-Q4`))).json()).toMatchObject({
      periodClosed: true,
      can: { edit: false },
    });
    expect((await admin.post(`/api/periods/${year}-Q4/reopen`, { reason: ' ' })).statusCode).toBe(400);
    const reopened = await admin.post(`/api/periods/${year}-Q4/reopen`, {
      reason: 'Data BPS terlambat terbit',
    });
    expect(reopened.statusCode).toBe(200);
    expect((await operator.put(url(`${year}-Q4`), { value: 100 })).statusCode).toBe(200);
  });

  it("the OPD's to-do list puts overdue first, then returned, then due, then what waits for verification", async () => {
    const actor = await w.actorOf(operator);
    const inYear = await todo(w.database, actor, { all: true }, new Date(`${year}-11-20T03:00:00Z`));
    const byKey = Object.fromEntries(inYear.items.map((i) => [i.periodKey, i.periodState]));
    expect(byKey).toEqual({
      [`${year}-Q1`]: 'verified',
      [`${year}-Q2`]: 'submitted',
      [`${year}-Q3`]: 'late_submitted',
      [`${year}-Q4`]: 'not_due',
    });
    const open = await todo(w.database, actor, { all: false }, new Date(`${year}-11-20T03:00:00Z`));
    expect(open.items.map((i) => i.periodKey)).toEqual([`${year}-Q2`, `${year}-Q3`]);
    expect(open.counts).toEqual({ overdue: 0, returned: 0, due: 0, submitted: 2 });

    // In January the fourth quarter's draft is overdue (deadline 10 January) and comes first.
    const january = await todo(w.database, actor, { all: false }, new Date(`${year + 1}-01-14T03:00:00Z`));
    expect(january.items[0]).toMatchObject({ periodKey: `${year}-Q4`, periodState: 'overdue' });
    expect(january.items[0].lateWorkingDays).toBeGreaterThanOrEqual(1);
    expect(january.counts.overdue).toBe(1);
    // Another region's unit head sees nothing of it.
    const other = await todo(w.database, await w.actorOf(await w.login('kaopd1', { region: 'b' })), {
      all: true,
    });
    expect(other.items).toEqual([]);
  });
});

describe('the region setting of the reporting deadline', () => {
  it('moves every deadline to the chosen day of the following month', async () => {
    const s = (await admin.get('/api/monitoring/settings')).json();
    const put = await admin.put('/api/monitoring/settings', { ...s, reportDeadlineDay: 20 });
    expect(put.statusCode, put.body).toBe(200);
    expect((await operator.get(url(`${year + 1}-Q1`))).json().deadline).toBe(`${year + 1}-04-20`);
    // Back to the default for the cases below.
    const back = await admin.put('/api/monitoring/settings', {
      ...(put.json() as object),
      reportDeadlineDay: 10,
    });
    expect(back.statusCode).toBe(200);
  });
});

describe('milestones', () => {
  it('are upcoming, then overdue in working days, and marked done by the unit with its lateness', async () => {
    const list = await operator.get(`/api/contracts/${contract.id}/milestones`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      expect.objectContaining({
        key: 'm1',
        dueDate: `${year}-03-31`,
        state: 'upcoming',
        evidence: [],
        can: { mark: true, upload: false },
      }),
    ]);
    expect((await verifier.get(`/api/contracts/${contract.id}/milestones`)).json()[0].can.mark).toBe(false);
    const actor = await w.actorOf(operator);
    const overdue = await listMilestones(
      w.database.db,
      actor,
      contract.id,
      new Date(`${year}-04-06T03:00:00Z`),
    );
    expect(overdue[0]).toMatchObject({ state: 'overdue' });
    expect(overdue[0].lateWorkingDays).toBeGreaterThanOrEqual(1);

    const future = await operator.post(`/api/contracts/${contract.id}/milestones/m1/done`, {
      doneOn: `${year + 3}-01-05`,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0]).toEqual({
      path: 'doneOn',
      message: 'Tanggal selesai tidak boleh di masa depan',
    });
    expect(
      (await verifier.post(`/api/contracts/${contract.id}/milestones/m1/done`, { doneOn: `${year}-03-30` }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await (
          await w.login('kaopd1', { region: 'b' })
        ).post(`/api/contracts/${contract.id}/milestones/m1/done`, { doneOn: `${year}-03-30` })
      ).statusCode,
    ).toBe(404);

    // Evidence comes after marking it done.
    const early = multipart('bukti.pdf', PDF);
    const refused = await operator.request(
      'POST',
      `/api/contracts/${contract.id}/milestones/m1/evidence`,
      early.payload,
      early.headers,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].message).toMatch(/^Tandai tahapan ".*" selesai terlebih dahulu/);

    const done = await markMilestone(
      w.database,
      actor,
      contract.id,
      'm1',
      { doneOn: `${year}-04-02`, note: 'Pendataan selesai' },
      new Date(`${year}-04-06T03:00:00Z`),
    );
    expect(done[0]).toMatchObject({
      state: 'done_late',
      doneOn: `${year}-04-02`,
      note: 'Pendataan selesai',
      can: { mark: false, upload: true },
    });
    expect(done[0].lateWorkingDays).toBeGreaterThanOrEqual(1);
    expect(done[0].markedByName).not.toBeNull();
    const again = await operator.post(`/api/contracts/${contract.id}/milestones/m1/done`, {
      doneOn: `${year}-03-30`,
    });
    expect(again.statusCode).toBe(409);
  });

  it('the unit adds evidence to a milestone it marked done; readers download it; others never see it', async () => {
    const evidenceUrl = `/api/contracts/${contract.id}/milestones/m1/evidence`;
    const upload = (client: Client, name: string, data: Buffer) => {
      const m = multipart(name, data);
      return client.request('POST', evidenceUrl, m.payload, m.headers);
    };
    const added = await upload(operator, 'berita-acara.pdf', PDF);
    expect(added.statusCode, added.body).toBe(201);
    const [m1] = added.json();
    expect(m1.evidence).toEqual([
      expect.objectContaining({ originalName: 'berita-acara.pdf', contentType: 'application/pdf' }),
    ]);
    // The type comes from the bytes, not the name.
    const fake = await upload(operator, 'foto.png', Buffer.from('bukan gambar'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.fields[0]).toEqual({
      path: 'file',
      message: 'Berkas bukti harus PDF, JPG atau PNG',
    });
    // Only the unit uploads; other regions do not find the contract.
    expect((await upload(verifier, 'x.pdf', PDF)).statusCode).toBe(403);
    expect((await upload(await w.login('kaopd1', { region: 'b' }), 'x.pdf', PDF)).statusCode).toBe(404);
    // The verifier and the head of region open it; it is listed for them too.
    const id = m1.evidence[0].id as string;
    const got = await verifier.get(`/api/evidence/${id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect((await chair.get(`/api/contracts/${contract.id}/milestones`)).json()[0].evidence).toHaveLength(1);
    expect((await (await w.login('admin', { region: 'b' })).get(`/api/evidence/${id}`)).statusCode).toBe(404);
    // The verifier may not delete it; the unit may (audited), and the file is gone from the store.
    expect((await verifier.request('DELETE', `/api/evidence/${id}`)).statusCode).toBe(403);
    expect((await operator.request('DELETE', `/api/evidence/${id}`)).statusCode).toBe(200);
    expect((await operator.get(`/api/contracts/${contract.id}/milestones`)).json()[0].evidence).toEqual([]);
    expect(readdirSync(evidenceDir, { recursive: true }).some((f) => String(f).includes(id))).toBe(false);
    const audit = await w.database.db
      .select({ action: auditEntries.action })
      .from(auditEntries)
      .where(eq(auditEntries.entityId, contract.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['evidence.upload', 'evidence.delete']),
    );
  });
});

describe('dashboards', () => {
  it('the OPD scorecard shows each indicator with realizations per period, achievement and warning', async () => {
    const actor = await w.actorOf(operator);
    const card = await scorecard(
      w.database.db,
      actor,
      w.a.units.u1,
      year,
      new Date(`${year}-11-20T03:00:00Z`),
    );
    expect(card.unit.id).toBe(w.a.units.u1);
    expect(card.programs).toHaveLength(1);
    const ind = card.programs[0].indicators[0];
    expect(ind).toMatchObject({ key: 'aki', target: { value: 110 }, polarity: 'lower_is_better' });
    expect(ind.periods.map((p) => p.key)).toEqual([`${year}-Q1`, `${year}-Q2`, `${year}-Q3`, `${year}-Q4`]);
    expect(ind.periods[0]).toMatchObject({ value: 111, status: 'verified', state: 'verified' });
    // Only Q1 (111, latest) is verified: lower is better, (2*110 - 111) / 110 = 99.09 %.
    expect(ind.value).toBe(111);
    expect(ind.achievement).toBeCloseTo(99.0909, 3);
    expect(ind.provisionalValue).toBe(104);
    expect(ind.predicate).toEqual({ code: 'sangat_baik', label: 'Sangat Baik' });
    expect(ind.periods[0].expected.value).not.toBeNull();
    expect(card.score).toBeCloseTo(99.0909, 3);
    expect(card.lateReports).toBe(1);
    // Another unit's head sees nothing of it; the head of region does.
    const other = await admin.post('/api/users', {
      username: 'kaopd.dua',
      fullName: 'Kepala Dinas Dua',
      password: 'kalimat sandi kepala dua',
      roles: [{ role: 'opd_head', workUnitId: w.a.units.u2 }],
    });
    expect(other.statusCode).toBe(201);
    const stranger = await w.login('kaopd.dua', { password: 'kalimat sandi kepala dua' });
    expect(
      (await stranger.get(`/api/monitoring/units/${w.a.units.u1}/scorecard?year=${year}`)).statusCode,
    ).toBe(404);
    expect((await chair.get(`/api/monitoring/units/${w.a.units.u1}/scorecard?year=${year}`)).statusCode).toBe(
      200,
    );
  });

  it('the region overview ranks the OPDs with predicates and counts the late work', async () => {
    const o = await overview(
      w.database.db,
      await w.actorOf(chair),
      year,
      new Date(`${year}-11-20T03:00:00Z`),
    );
    expect(o.units).toHaveLength(1);
    expect(o.units[0]).toMatchObject({ unitId: w.a.units.u1, rank: 1, contracts: 1 });
    expect(o.units[0].score).toBeCloseTo(99.0909, 3);
    expect(o.themes[0]).toMatchObject({ name: 'Penurunan Angka Kematian Ibu', missionNumber: 9 });
    expect(o.missions).toEqual([expect.objectContaining({ number: 9 })]);
    expect(o.counts.awaitingVerification).toBe(2);
    const b = await (await w.login('admin', { region: 'b' })).get(`/api/monitoring/overview?year=${year}`);
    expect(b.json().units).toEqual([]);
  });
});

describe('reports', () => {
  it('the OPD monev PDF, the LKjIP table, and the region monev as PDF and XLSX', async () => {
    const unit = await operator.get(`/api/monitoring/units/${w.a.units.u1}/monev.pdf?year=${year}&quarter=3`);
    expect(unit.statusCode, unit.body).toBe(200);
    expect(unit.headers['content-type']).toBe('application/pdf');
    expect(unit.headers['content-disposition']).toMatch(/^attachment; filename="monev-.*-tw3\.pdf"$/);
    const text = pdfText(unit.rawPayload);
    expect(text).toContain('Laporan Monev Triwulan III');
    expect(text).toContain('Program dipantau');
    expect(text).toContain('Angka kematian ibu');
    const lkjip = await head.get(`/api/monitoring/units/${w.a.units.u1}/lkjip.pdf?year=${year}`);
    expect(lkjip.statusCode).toBe(200);
    expect(pdfText(lkjip.rawPayload)).toContain('Laporan Kinerja (LKjIP)');
    expect(
      (await operator.get(`/api/monitoring/units/${w.a.units.u1}/monev.pdf?year=${year}&quarter=5`))
        .statusCode,
    ).toBe(400);
    expect((await operator.get(`/api/monitoring/monev.pdf?year=${year}&quarter=3`)).statusCode).toBe(403);

    const region = await chair.get(`/api/monitoring/monev.pdf?year=${year}&quarter=3`);
    expect(region.statusCode).toBe(200);
    expect(pdfText(region.rawPayload)).toContain('Peringkat OPD');
    const xlsx = await chair.get(`/api/monitoring/monev.xlsx?year=${year}&quarter=3`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Peringkat OPD', 'Indikator']);
    const rows = wb.getWorksheet('Indikator')!.getSheetValues().filter(Boolean);
    // Header plus Q1..Q3 of the one indicator.
    expect(rows).toHaveLength(4);
    // The OPD's own XLSX: its programs and the same indicator rows; another unit's head gets 404.
    const mine = await operator.get(
      `/api/monitoring/units/${w.a.units.u1}/monev.xlsx?year=${year}&quarter=3`,
    );
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-disposition']).toMatch(/^attachment; filename="monev-.*-tw3\.xlsx"$/);
    const own = new ExcelJS.Workbook();
    await own.xlsx.load(mine.rawPayload as unknown as ArrayBuffer);
    expect(own.worksheets.map((s) => s.name)).toEqual(['Ringkasan', 'Indikator']);
    expect(own.getWorksheet('Ringkasan')!.getRow(2).getCell(1).value).toBe('Program dipantau');
    expect(own.getWorksheet('Indikator')!.getSheetValues().filter(Boolean)).toHaveLength(4);
    expect(
      (
        await (
          await w.login('kaopd1', { region: 'b' })
        ).get(`/api/monitoring/units/${w.a.units.u1}/monev.xlsx?year=${year}&quarter=3`)
      ).statusCode,
    ).toBe(404);
  });
});

describe('reminders', () => {
  it('a returned report, a deadline coming and an overdue milestone reach the unit once', async () => {
    const list = (await operator.get('/api/notifications')).json();
    const returned = list.items.find((n: { kind: string }) => n.kind === 'report_returned');
    expect(returned).toMatchObject({ read: false, link: `/monev/${contract.id}/aki/${year}-Q1` });
    expect(returned.body).toMatch(/Lampirkan rekap kohort per puskesmas/);
    expect(list.unread).toBeGreaterThanOrEqual(1);
    // The head gets it too; the verifier who returned it does not.
    expect(
      (await head.get('/api/notifications'))
        .json()
        .items.some((n: { kind: string }) => n.kind === 'report_returned'),
    ).toBe(true);
    expect((await verifier.get('/api/notifications')).json().total).toBe(0);

    // Early next year: Q4's deadline (10 January) is within three working days.
    const soon = new Date(`${year + 1}-01-07T03:00:00Z`);
    // Q4 was only saved as a draft: the operator and the head are reminded, once.
    expect(await sendReminders(w.database, w.a.id, soon)).toBe(2);
    expect(await sendReminders(w.database, w.a.id, soon)).toBe(0);
    const kinds = (await operator.get('/api/notifications?pageSize=100'))
      .json()
      .items.map((n: { kind: string }) => n.kind);
    expect(kinds).toContain('deadline_soon');
    // After the deadline it becomes an overdue reminder; the milestone was done, so none for it.
    expect(await sendReminders(w.database, w.a.id, new Date(`${year + 1}-01-20T03:00:00Z`))).toBe(2);
    const later = (await head.get('/api/notifications?pageSize=100'))
      .json()
      .items.map((n: { kind: string }) => n.kind);
    expect(later).toContain('report_overdue');
    expect(later).not.toContain('milestone_overdue');

    // Reading: one, then all; another user's notification is not found.
    expect((await verifier.post(`/api/notifications/${returned.id}/read`)).statusCode).toBe(404);
    expect((await operator.post(`/api/notifications/${returned.id}/read`)).statusCode).toBe(200);
    expect(
      (await operator.get('/api/notifications'))
        .json()
        .items.find((n: { id: string }) => n.id === returned.id).read,
    ).toBe(true);
    expect((await operator.post('/api/notifications/read-all')).statusCode).toBe(200);
    expect((await operator.get('/api/notifications')).json().unread).toBe(0);
  });
});

describe('the dashboards keep a computed year until something it depends on changes', () => {
  it('answers from memory between writes and works the year out again after a verification, a setting or a calendar day', async () => {
    const actor = await w.actorOf(chair);
    const at = new Date(`${year}-11-20T03:00:00Z`);
    const first = await overview(w.database.db, actor, year, at);
    const hits = dashboardCacheStats.hits;
    expect(await overview(w.database.db, actor, year, at)).toEqual(first);
    expect(dashboardCacheStats.hits).toBe(hits + 1);

    // A verification changes the official score and the queue at once.
    const card = await scorecard(w.database.db, actor, w.a.units.u1, year, at);
    const waiting = card.programs[0].indicators[0].periods.find((p) => p.status === 'submitted');
    expect(waiting).toBeDefined();
    const slot = (await verifier.get(url(waiting!.key))).json() as Realization;
    const verified = await verifier.post(url(waiting!.key, '/verify'), { version: slot.version });
    expect(verified.statusCode, verified.body).toBe(200);
    const after = await overview(w.database.db, actor, year, at);
    expect(after.counts.awaitingVerification).toBe(first.counts.awaitingVerification - 1);
    expect(after.units[0].score).not.toBe(first.units[0].score);

    // A cap of 100 % set by the admin applies at once.
    const s = (await admin.get('/api/monitoring/settings')).json();
    const capped = await admin.put('/api/monitoring/settings', { ...s, achievementCap: 100 });
    expect(capped.statusCode, capped.body).toBe(200);
    expect((await overview(w.database.db, actor, year, at)).units[0].score).toBeLessThanOrEqual(100);
    const back = await admin.put('/api/monitoring/settings', {
      ...(capped.json() as object),
      achievementCap: null,
    });
    expect(back.statusCode).toBe(200);
    expect((await overview(w.database.db, actor, year, at)).units[0].score).toEqual(after.units[0].score);

    // A regional holiday changes the working days behind every lateness: worked out again.
    const misses = dashboardCacheStats.misses;
    const day = await admin.post('/api/calendar/entries', {
      date: `${year}-07-01`,
      kind: 'regional_holiday',
      name: 'Hari Jadi Daerah',
    });
    expect(day.statusCode, day.body).toBe(201);
    await overview(w.database.db, actor, year, at);
    expect(dashboardCacheStats.misses).toBe(misses + 1);
    // The next day the deadlines are looked at again, too.
    await overview(w.database.db, actor, year, new Date(`${year}-11-21T03:00:00Z`));
    expect(dashboardCacheStats.misses).toBe(misses + 2);
  });
});
