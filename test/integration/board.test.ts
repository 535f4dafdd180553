import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board } from '../../src/contract/board.js';
import type { CycleDto, Theme } from '../../src/contract/cycles.js';
import type { Proposal, ProposalDocument, ProposalStatus } from '../../src/contract/proposals.js';
import { contracts, pacts, proposals } from '../../src/server/db/schema.js';
import { completeDocument, localDay } from '../support/auction.js';
import { setupWorld, type Client, type World } from '../support/harness.js';
import { pdfText } from '../support/pdf.js';

/**
 * The cycle board (issue 3, point 8). One cycle with ceilings carries a proposal in every phase
 * (scored through the real panel; the later negotiation steps are set on the rows directly, since
 * the board only reads them), a second cycle has no ceilings.
 */

let w: World;
let admin: Client;
let kepala: Client;
let panelis: Client;
let heads: { u1: Client; u2: Client };
let operators: { u1: Client; u2: Client };
let u3: string;
let cycle: CycleDto;
let plain: CycleDto;
let t1: Theme;
let t2: Theme;
let m1: string;
let m2: string;
const ids: Record<string, string> = {};
const PASSWORD = 'kalimat sandi papan uji';
const B = 1_000_000_000;

async function ok<T>(p: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const res = await p;
  if (res.statusCode !== status) throw new Error(`fixture request failed: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

async function user(username: string, role: string, workUnitId: string | null): Promise<Client> {
  await ok(
    admin.post('/api/users', {
      username,
      fullName: `Pengguna ${username}`,
      password: PASSWORD,
      roles: [{ role, workUnitId }],
    }),
    201,
  );
  return w.login(username, { password: PASSWORD });
}

async function newCycle(name: string, budgetCeilings: { year: number; amount: number }[]) {
  const startYear = Number(localDay(-3).slice(0, 4)) + 1;
  return ok<CycleDto>(
    admin.post('/api/cycles', {
      name,
      startYear,
      endYear: startYear + 4,
      phases: {
        draftingStart: localDay(-3),
        submissionDeadline: localDay(3),
        sessionsStart: localDay(5),
        sessionsEnd: localDay(6),
        negotiationDeadline: localDay(10),
        signingDeadline: localDay(12),
      },
      budgetCeilings,
    }),
    201,
  );
}

async function newTheme(c: CycleDto, missionId: string, name: string) {
  return ok<Theme>(
    admin.post(`/api/cycles/${c.id}/themes`, {
      missionId,
      name,
      outcomeIndicatorName: 'Prevalensi stunting',
      outcomeIndicatorUnit: '%',
      outcomePolarity: 'lower_is_better',
    }),
    201,
  );
}

type Unit = 'u1' | 'u2';

/** A complete draft of the unit, with a yearly budget and optional collaborators. */
async function draft(
  unit: Unit,
  c: CycleDto,
  theme: Theme,
  title: string,
  perYear: number,
  extra: Partial<ProposalDocument> = {},
): Promise<Proposal> {
  const op = operators[unit];
  const p = await ok<Proposal>(op.post('/api/proposals', { cycleId: c.id }), 201);
  const base = completeDocument(c, theme, title);
  const document = { ...base, budget: base.budget.map((b) => ({ ...b, amount: perYear })), ...extra };
  const saved = await ok<Proposal>(op.put(`/api/proposals/${p.id}`, { document, version: p.version }));
  if (saved.problems.length) throw new Error(`incomplete fixture: ${JSON.stringify(saved.problems)}`);
  ids[title] = saved.id;
  return saved;
}

async function submitted(unit: Unit, c: CycleDto, theme: Theme, title: string, perYear: number, extra = {}) {
  const p = await draft(unit, c, theme, title, perYear, extra);
  return ok<Proposal>(heads[unit].post(`/api/proposals/${p.id}/submit`, { version: p.version }));
}

const allScores = (n: number) =>
  ['baseline_data_quality', 'target_ambition', 'mission_alignment', 'feasibility_budget', 'integration'].map(
    (criterionCode) => ({ criterionCode, score: n }),
  );

/** Puts the proposals on one session with the harness panelist as the whole panel. */
async function schedule(c: CycleDto, proposalIds: string[]) {
  const s = await ok<{ id: string; version: number }>(
    admin.post('/api/sessions', {
      cycleId: c.id,
      title: `Sidang ${c.name}`,
      date: localDay(5),
      place: 'Ngalam Command Center',
      chairUserId: w.a.users.kepala,
      panelUserIds: [w.a.users.panelis],
      proposalIds,
    }),
    201,
  );
  await ok(admin.post(`/api/sessions/${s.id}/open`, { version: s.version }));
}

async function score(title: string, n: number) {
  await ok(panelis.put(`/api/proposals/${ids[title]}/scores`, { scores: allScores(n), submit: true }));
}

/** The negotiation and signing are other features: the board only reads where a proposal is. */
async function setStatus(title: string, status: ProposalStatus) {
  await w.database.db
    .update(proposals)
    .set({ status })
    .where(and(eq(proposals.regionId, w.a.id), eq(proposals.id, ids[title])));
}

async function signContract(title: string, unitId: string, themeId: string) {
  const [pact] = await w.database.db
    .insert(pacts)
    .values({
      regionId: w.a.id,
      proposalId: ids[title],
      cycleId: cycle.id,
      workUnitId: unitId,
      sequence: 1,
      number: 'PIK/001',
      verificationCode: randomUUID(),
      outcome: 'agreed',
      content: {},
      contentHash: 'uji',
    })
    .returning({ id: pacts.id });
  const [contract] = await w.database.db
    .insert(contracts)
    .values({
      regionId: w.a.id,
      proposalId: ids[title],
      pactId: pact.id,
      cycleId: cycle.id,
      workUnitId: unitId,
      themeId,
      title,
      signedAt: new Date(),
    })
    .returning({ id: contracts.id });
  ids.contract = contract.id;
}

beforeAll(async () => {
  w = await setupWorld();
  admin = await w.login('admin');
  kepala = await w.login('kepala');
  panelis = await w.login('panelis');
  heads = { u1: await w.login('kaopd1'), u2: await user('kaopd2', 'opd_head', w.a.units.u2) };
  operators = { u1: await w.login('operator1'), u2: await user('operator2', 'opd_operator', w.a.units.u2) };
  u3 = (
    await ok<{ id: string }>(
      admin.post('/api/work-units', { code: '7.01.01', name: 'Kecamatan Tanpa Usulan', kind: 'kecamatan' }),
      201,
    )
  ).id;

  const startYear = Number(localDay(-3).slice(0, 4)) + 1;
  const mission = (number: number, title: string) =>
    ok<{ id: string }>(
      admin.post('/api/missions', { termStart: startYear, termEnd: startYear + 4, number, title }),
      201,
    );
  m1 = (await mission(1, 'Akses dan mutu layanan dasar')).id;
  m2 = (await mission(2, 'Kota produktif dan berdaya saing')).id;
  // Year 1 is over its ceiling, year 2 within it, the other years have none.
  cycle = await newCycle('Siklus Papan 2027', [
    { year: startYear, amount: 8 * B },
    { year: startYear + 1, amount: 10 * B },
  ]);
  t1 = await newTheme(cycle, m1, 'Penurunan Stunting');
  t2 = await newTheme(cycle, m1, 'Kesehatan Ibu dan Anak');

  await submitted('u1', cycle, t1, 'Usulan A Posyandu Digital', B);
  await submitted('u1', cycle, t1, 'Usulan B Gizi Sekolah', 2 * B);
  await submitted('u2', cycle, t2, 'Usulan C Kelas Ibu Hamil', B / 2, {
    leadShare: 60,
    collaborators: [{ unitId: w.a.units.u1, share: 40 }],
  });
  await submitted('u2', cycle, t1, 'Usulan G Dapur Sehat', B);
  await submitted('u1', cycle, t1, 'Usulan H Data Kohort', 3 * B);
  await submitted('u2', cycle, t1, 'Usulan E Menunggu Sidang', B);
  await submitted('u2', cycle, t1, 'Usulan E2 Dalam Sidang', B);
  await draft('u1', cycle, t1, 'Usulan D Draf', B);
  await draft('u2', cycle, t1, 'Usulan D2 Draf', B);
  const f = await draft('u1', cycle, t1, 'Usulan F Ditarik', B);
  await ok(heads.u1.post(`/api/proposals/${f.id}/withdraw`, { version: f.version }));

  await schedule(
    cycle,
    ['Usulan A Posyandu Digital', 'Usulan B Gizi Sekolah', 'Usulan C Kelas Ibu Hamil']
      .concat(['Usulan G Dapur Sehat', 'Usulan H Data Kohort', 'Usulan E2 Dalam Sidang'])
      .map((t) => ids[t]),
  );
  await score('Usulan A Posyandu Digital', 80);
  await score('Usulan B Gizi Sekolah', 80);
  await score('Usulan C Kelas Ibu Hamil', 70);
  await score('Usulan G Dapur Sehat', 60);
  await score('Usulan H Data Kohort', 90);
  await setStatus('Usulan A Posyandu Digital', 'signed');
  await signContract('Usulan A Posyandu Digital', w.a.units.u1, t1.id);
  await setStatus('Usulan B Gizi Sekolah', 'in_negotiation');
  await setStatus('Usulan C Kelas Ibu Hamil', 'agreed');
  await setStatus('Usulan G Dapur Sehat', 'refused');

  plain = await newCycle('Siklus Tanpa Pagu', []);
  const tp = await newTheme(plain, m1, 'Penurunan Stunting');
  await submitted('u1', plain, tp, 'Usulan Tanpa Pagu', B);
  await schedule(plain, [ids['Usulan Tanpa Pagu']]);
  await score('Usulan Tanpa Pagu', 75);
});
afterAll(() => w.close());

const boardOf = async (client: Client, id: string) => ok<Board>(client.get(`/api/cycles/${id}/board`));

describe('the cycle board', () => {
  it('counts proposals by phase (in session counts as submitted; withdrawn in none)', async () => {
    const board = await boardOf(admin, cycle.id);
    expect(board.cycle).toEqual({
      id: cycle.id,
      name: 'Siklus Papan 2027',
      startYear: cycle.startYear,
      endYear: cycle.endYear,
      hasBudget: true,
    });
    expect(board.phases).toEqual([
      { phase: 'draft', count: 2 },
      { phase: 'submitted', count: 2 },
      { phase: 'scored', count: 1 },
      { phase: 'in_negotiation', count: 1 },
      { phase: 'agreed', count: 1 },
      { phase: 'refused', count: 1 },
      { phase: 'signed', count: 1 },
    ]);
    const all = board.units.flatMap((u) => u.proposals);
    expect(all).toHaveLength(10);
    expect(all.find((p) => p.id === ids['Usulan F Ditarik'])).toMatchObject({
      status: 'withdrawn',
      phase: null,
    });
    expect(all.find((p) => p.id === ids['Usulan E2 Dalam Sidang'])).toMatchObject({
      status: 'in_session',
      phase: 'submitted',
      score: null,
    });
  });

  it('lists every unit of the region, units without a proposal too, each with its own proposals', async () => {
    const board = await boardOf(kepala, cycle.id);
    expect(board.units.map((u) => u.unitId)).toEqual([w.a.units.u1, w.a.units.u2, u3]);
    const [one, two, three] = board.units;
    expect(one.proposals.map((p) => p.title)).toEqual([
      'Usulan A Posyandu Digital',
      'Usulan B Gizi Sekolah',
      'Usulan D Draf',
      'Usulan F Ditarik',
      'Usulan H Data Kohort',
    ]);
    expect(two.proposals.every((p) => p.leadUnitId === w.a.units.u2 && p.leadUnitName === two.name)).toBe(
      true,
    );
    expect(three).toMatchObject({ code: '7.01.01', name: 'Kecamatan Tanpa Usulan', kind: 'kecamatan' });
    expect(three.proposals).toEqual([]);
    const signed = one.proposals.find((p) => p.id === ids['Usulan A Posyandu Digital'])!;
    expect(signed).toMatchObject({
      status: 'signed',
      phase: 'signed',
      score: 80,
      budgetTotal: 5 * B,
      scorePerBillion: 16,
      contractId: ids.contract,
      themeId: t1.id,
    });
    expect(one.proposals.find((p) => p.title === 'Usulan D Draf')).toMatchObject({
      score: null,
      scorePerBillion: null,
      contractId: null,
    });
  });

  it('ranks the scored proposals by score, ties sharing a rank, and by score per Rupiah', async () => {
    const board = await boardOf(admin, cycle.id);
    expect(board.ranking.map((r) => [r.rank, r.title, r.score])).toEqual([
      [1, 'Usulan H Data Kohort', 90],
      [2, 'Usulan A Posyandu Digital', 80],
      [2, 'Usulan B Gizi Sekolah', 80],
      [4, 'Usulan C Kelas Ibu Hamil', 70],
      [5, 'Usulan G Dapur Sehat', 60],
    ]);
    // 70 / 2,5 M = 28; 80 / 5 M = 16; 60 / 5 M = 12; 80 / 10 M = 8; 90 / 15 M = 6
    expect(board.rankingPerRupiah.map((r) => [r.rank, r.title, r.scorePerBillion])).toEqual([
      [1, 'Usulan C Kelas Ibu Hamil', 28],
      [2, 'Usulan A Posyandu Digital', 16],
      [3, 'Usulan G Dapur Sehat', 12],
      [4, 'Usulan B Gizi Sekolah', 8],
      [5, 'Usulan H Data Kohort', 6],
    ]);
  });

  it('has no ranking per Rupiah when the cycle sets no ceiling', async () => {
    const board = await boardOf(admin, plain.id);
    expect(board.cycle.hasBudget).toBe(false);
    expect(board.ranking.map((r) => [r.rank, r.title, r.score, r.scorePerBillion])).toEqual([
      [1, 'Usulan Tanpa Pagu', 75, 15],
    ]);
    expect(board.rankingPerRupiah).toEqual([]);
    expect(board.budget.every((b) => b.ceiling === null && !b.over)).toBe(true);
    expect(board.budget[0]).toMatchObject({ requested: B, agreed: 0 });
  });

  it('shows which units contribute to each mission and theme, with their shares', async () => {
    const board = await boardOf(admin, cycle.id);
    expect(board.coverage.map((m) => [m.missionNumber, m.missionName, m.proposalCount])).toEqual([
      [1, 'Akses dan mutu layanan dasar', 9],
      [2, 'Kota produktif dan berdaya saing', 0],
    ]);
    const [first, second] = board.coverage;
    expect(first.missionId).toBe(m1);
    expect(second).toMatchObject({ missionId: m2, themes: [] });
    expect(first.themes.map((t) => t.name)).toEqual(['Kesehatan Ibu dan Anak', 'Penurunan Stunting']);
    const units = board.units;
    expect(first.themes[0].contributors).toEqual([
      {
        unitId: w.a.units.u2,
        unitName: units[1].name,
        share: 60,
        proposalId: ids['Usulan C Kelas Ibu Hamil'],
        status: 'agreed',
        lead: true,
      },
      {
        unitId: w.a.units.u1,
        unitName: units[0].name,
        share: 40,
        proposalId: ids['Usulan C Kelas Ibu Hamil'],
        status: 'agreed',
        lead: false,
      },
    ]);
    const stunting = first.themes[1].contributors;
    // Withdrawn proposals contribute nothing.
    expect(stunting.map((c) => c.proposalId)).not.toContain(ids['Usulan F Ditarik']);
    expect(stunting).toHaveLength(8);
    expect(stunting.every((c) => c.lead && c.share === 100)).toBe(true);
  });

  it('sets the requested and agreed budget of each year against the ceiling', async () => {
    const board = await boardOf(admin, cycle.id);
    // Requested: A 1 + B 2 + C 0,5 + H 3 + E 1 + E2 1 = 8,5 M a year (refused, draft and withdrawn left out).
    // Agreed: A (signed) 1 + C (agreed) 0,5 = 1,5 M a year.
    const y = cycle.startYear;
    expect(board.budget).toEqual([
      { year: y, ceiling: 8 * B, requested: 8.5 * B, agreed: 1.5 * B, over: true },
      { year: y + 1, ceiling: 10 * B, requested: 8.5 * B, agreed: 1.5 * B, over: false },
      { year: y + 2, ceiling: null, requested: 8.5 * B, agreed: 1.5 * B, over: false },
      { year: y + 3, ceiling: null, requested: 8.5 * B, agreed: 1.5 * B, over: false },
      { year: y + 4, ceiling: null, requested: 8.5 * B, agreed: 1.5 * B, over: false },
    ]);
  });

  it('answers 404 for a cycle of another region and for an unknown cycle', async () => {
    const other = await w.login('admin', { region: 'b' });
    for (const path of ['board', 'board.xlsx', 'results.pdf']) {
      const res = await other.get(`/api/cycles/${cycle.id}/${path}`);
      expect(res.statusCode, path).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect((await admin.get(`/api/cycles/${randomUUID()}/${path}`)).statusCode).toBe(404);
    }
  });

  it('is refused to the other roles and to anonymous callers', async () => {
    for (const who of ['panelis', 'kaopd1', 'operator1', 'verifikator', 'bkpsdm', 'asn', 'nasional']) {
      const client = await w.login(who);
      for (const path of ['board', 'board.xlsx', 'results.pdf']) {
        const res = await client.get(`/api/cycles/${cycle.id}/${path}`);
        expect(res.statusCode, `${who} ${path}`).toBe(403);
        expect(res.body).not.toContain('Usulan');
      }
    }
    expect((await w.anonymous().get(`/api/cycles/${cycle.id}/board`)).statusCode).toBe(401);
  });
});

describe('the exports', () => {
  it('exports the board to an XLSX workbook with proposals, ranking, coverage and budget', async () => {
    const res = await kepala.get(`/api/cycles/${cycle.id}/board.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe('attachment; filename="papan-siklus-papan-2027.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Usulan', 'Peringkat', 'Cakupan', 'Anggaran']);
    const rows = (name: string) =>
      (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));

    const usulan = rows('Usulan');
    expect(usulan[0]).toEqual([
      'Kode unit',
      'Unit pengusul',
      'Judul usulan',
      'Status',
      'Nilai',
      'Peringkat',
      'Anggaran diminta (Rp)',
      'Nilai per Rp1 miliar',
      'Tema',
    ]);
    expect(usulan).toHaveLength(11);
    expect(usulan.find((r) => r[2] === 'Usulan A Posyandu Digital')).toEqual([
      '1.01.01',
      expect.any(String),
      'Usulan A Posyandu Digital',
      'Kontrak ditandatangani',
      80,
      2,
      5 * B,
      16,
      'Penurunan Stunting',
    ]);
    expect(usulan.find((r) => r[2] === 'Usulan F Ditarik')?.[3]).toBe('Ditarik');

    const peringkat = rows('Peringkat');
    expect(peringkat[0]).toContain('Peringkat per Rupiah');
    expect(peringkat.slice(1).map((r) => [r[0], r[1], r[7]])).toEqual([
      [1, 'Usulan H Data Kohort', 5],
      [2, 'Usulan A Posyandu Digital', 2],
      [2, 'Usulan B Gizi Sekolah', 4],
      [4, 'Usulan C Kelas Ibu Hamil', 1],
      [5, 'Usulan G Dapur Sehat', 3],
    ]);

    const cakupan = rows('Cakupan');
    expect(cakupan.find((r) => r[1] === 'Kesehatan Ibu dan Anak' && r[3] === 'Kolaborator')).toEqual([
      'Misi 1: Akses dan mutu layanan dasar',
      'Kesehatan Ibu dan Anak',
      expect.any(String),
      'Kolaborator',
      40,
      'Usulan C Kelas Ibu Hamil',
      'Disepakati',
    ]);
    // The mission without a theme still shows, as a gap.
    expect(cakupan.at(-1)).toEqual(['Misi 2: Kota produktif dan berdaya saing']);

    const anggaran = rows('Anggaran');
    expect(anggaran[1]).toEqual([cycle.startYear, 8 * B, 8.5 * B, 1.5 * B, 'Ya']);
    expect(anggaran[2]).toEqual([cycle.startYear + 1, 10 * B, 8.5 * B, 1.5 * B, 'Tidak']);
    expect(anggaran.at(-1)).toEqual(['Jumlah', 18 * B, 42.5 * B, 7.5 * B]);
  });

  it('prints the results of the cycle to PDF', async () => {
    const res = await admin.get(`/api/cycles/${cycle.id}/results.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="hasil-siklus-papan-2027.pdf"');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Hasil Lelang Kinerja Siklus Papan 2027');
    expect(text).toContain('Kota Uji');
    expect(text).toContain('Usulan H Data Kohort');
    expect(text).toContain('Peringkat berdasarkan nilai per Rupiah');
  });

  it('prints a cycle without ceilings without the ranking per Rupiah', async () => {
    const res = await kepala.get(`/api/cycles/${plain.id}/results.pdf`);
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Siklus Tanpa Pagu');
    expect(text).toContain('Usulan Tanpa Pagu');
    expect(text).not.toContain('nilai per Rupiah');
  });
});
