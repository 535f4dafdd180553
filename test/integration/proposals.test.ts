import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupWorld, type Client, type World } from '../support/harness.js';

let w: World;
let admin: Client;
let operator: Client;
let head: Client;
let other: Client;
let cycle: { id: string; startYear: number; endYear: number; version: number };
let missionId: string;
let themeId: string;

/** Local calendar days around today, so the cycle is open for drafting on any day the test runs. */
const day = (offset: number) =>
  new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  w = await setupWorld();
  admin = await w.login('admin');
  operator = await w.login('operator1');
  head = await w.login('kaopd1');
  const op2 = await admin.post('/api/users', {
    username: 'operator2',
    fullName: 'Operator Dua',
    password: 'kalimat sandi operator dua',
    roles: [{ role: 'opd_operator', workUnitId: w.a.units.u2 }],
  });
  expect(op2.statusCode).toBe(201);
  other = await w.login('operator2', { password: 'kalimat sandi operator dua' });
  const startYear = Number(day(-3).slice(0, 4)) + 1;
  missionId = (
    await admin.post('/api/missions', {
      termStart: startYear,
      termEnd: startYear + 4,
      number: 1,
      title: 'Misi layanan dasar',
    })
  ).json().id;
  cycle = (
    await admin.post('/api/cycles', {
      name: 'Siklus usulan',
      startYear,
      endYear: startYear + 4,
      phases: {
        draftingStart: day(-3),
        submissionDeadline: day(3),
        sessionsStart: day(5),
        sessionsEnd: day(6),
        negotiationDeadline: day(10),
        signingDeadline: day(12),
      },
    })
  ).json();
  themeId = (
    await admin.post(`/api/cycles/${cycle.id}/themes`, {
      missionId,
      name: 'Penurunan Angka Kematian Ibu',
      outcomeIndicatorName: 'Angka kematian ibu',
      outcomeIndicatorUnit: 'per 100.000 KH',
      outcomePolarity: 'lower_is_better',
    })
  ).json().id;
});
afterAll(() => w.close());

function completeDocument() {
  const years = Array.from({ length: cycle.endYear - cycle.startYear + 1 }, (_, i) => cycle.startYear + i);
  return {
    title: 'Penurunan angka kematian ibu melalui pendampingan ibu hamil',
    problemStatement:
      'Angka kematian ibu masih di atas target nasional; data kohort ibu hamil belum terpadu.',
    missionId,
    themeId,
    leadShare: 60,
    collaborators: [{ unitId: w.a.units.u2, share: 40 }],
    budget: years.map((year) => ({ year, amount: 1_500_000_000 })),
    indicators: [
      {
        key: 'aki',
        name: 'Angka kematian ibu',
        unit: 'per 100.000 KH',
        polarity: 'lower_is_better' as const,
        aggregation: 'latest' as const,
        frequency: 'quarterly' as const,
        weight: 100,
        baseline: {
          value: 120,
          year: cycle.startYear - 1,
          source: 'Profil Kesehatan Dinas Kesehatan',
          breakdown: [
            { label: 'Ibu hamil', value: 14_200 },
            { label: 'Ibu hamil trimester III', value: 3_900 },
          ],
        },
        targets: years.map((year, i) => ({ year, value: 110 - i * 5 })),
      },
    ],
    milestones: [
      { key: 'm1', title: 'Pendataan ibu hamil risiko tinggi', dueDate: `${cycle.startYear}-03-31` },
    ],
  };
}

describe('proposals: draft, autosave, completeness, submit', () => {
  let id: string;
  let version: number;

  it('an operator starts a draft for their unit; it lists what is missing', async () => {
    const res = await operator.post('/api/proposals', { cycleId: cycle.id });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      status: 'draft',
      leadUnitId: w.a.units.u1,
      can: { edit: true, submit: false },
    });
    expect(p.problems.map((x: { path: string }) => x.path)).toEqual(
      expect.arrayContaining(['title', 'missionId', 'themeId', 'problemStatement']),
    );
    id = p.id;
    version = p.version;
    const foreign = await operator.post('/api/proposals', { cycleId: cycle.id, leadUnitId: w.a.units.u2 });
    expect(foreign.json().error.fields).toEqual([
      { path: 'leadUnitId', message: 'Anda hanya dapat menyusun usulan untuk unit Anda sendiri' },
    ]);
  });

  it('explains wrong-way targets and shares that do not sum to 100', async () => {
    const doc = completeDocument();
    doc.leadShare = 50;
    doc.indicators[0].targets[2].value = 130;
    const res = await operator.put(`/api/proposals/${id}`, { document: doc, version });
    expect(res.statusCode).toBe(200);
    version = res.json().version;
    const messages = res.json().problems.map((p: { message: string }) => p.message);
    expect(messages.some((m: string) => /100/.test(m))).toBe(true);
    expect(res.json().problems.some((p: { path: string }) => p.path.startsWith('indicators.0.targets'))).toBe(
      true,
    );
  });

  it('the head cannot submit an incomplete draft; the problems come back with their fields', async () => {
    const res = await head.post(`/api/proposals/${id}/submit`, { version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/Usulan belum lengkap/);
    expect(res.json().error.fields.every((f: { path: string }) => f.path.startsWith('document.'))).toBe(true);
  });

  it('autosave keeps the latest version; a stale save answers 409', async () => {
    const res = await operator.put(`/api/proposals/${id}`, { document: completeDocument(), version });
    expect(res.statusCode).toBe(200);
    expect(res.json().problems).toEqual([]);
    expect(res.json().can.submit).toBe(false);
    const stale = await operator.put(`/api/proposals/${id}`, { document: completeDocument(), version });
    expect(stale.statusCode).toBe(409);
    version = res.json().version;
  });

  it('a collaborating unit reads but cannot edit; an unrelated unit sees nothing', async () => {
    expect((await other.get(`/api/proposals/${id}`)).statusCode).toBe(200);
    expect(
      (await other.put(`/api/proposals/${id}`, { document: completeDocument(), version })).statusCode,
    ).toBe(404);
    const stranger = await admin.post('/api/users', {
      username: 'kepala2',
      fullName: 'Kepala Dua',
      password: 'kalimat sandi kepala dua',
      roles: [{ role: 'opd_head', workUnitId: w.a.units.u2 }],
    });
    expect(stranger.statusCode).toBe(201);
    const head2 = await w.login('kepala2', { password: 'kalimat sandi kepala dua' });
    // The collaborator's head reads it but cannot submit it for the lead unit.
    expect((await head2.post(`/api/proposals/${id}/submit`, { version })).statusCode).toBe(404);
    expect((await (await w.login('panelis')).get(`/api/proposals/${id}`)).statusCode).toBe(404);
    const otherRegion = await w.login('kaopd1', { region: 'b' });
    expect((await otherRegion.get(`/api/proposals/${id}`)).statusCode).toBe(404);
    expect((await otherRegion.get('/api/proposals')).json().total).toBe(0);
  });

  it('only the head submits; after submission the draft is closed', async () => {
    expect((await operator.post(`/api/proposals/${id}/submit`, { version })).statusCode).toBe(403);
    const res = await head.post(`/api/proposals/${id}/submit`, { version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'submitted',
      submittedByName: 'Pengguna kaopd1',
      can: { edit: false, submit: false, withdraw: true },
    });
    version = res.json().version;
    const edit = await operator.put(`/api/proposals/${id}`, { document: completeDocument(), version });
    expect(edit.statusCode).toBe(409);
    const list = (await admin.get(`/api/proposals?cycleId=${cycle.id}&status=submitted`)).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([id]);
  });

  it('the admin returns it to draft; the head withdraws it', async () => {
    const back = await admin.post(`/api/proposals/${id}/reopen`, { version });
    expect(back.json()).toMatchObject({ status: 'draft', submittedAt: null });
    const gone = await head.post(`/api/proposals/${id}/withdraw`, { version: back.json().version });
    expect(gone.json().status).toBe('withdrawn');
    const again = await head.post(`/api/proposals/${id}/withdraw`, { version: gone.json().version });
    expect(again.statusCode).toBe(409);
  });
});

describe('submission deadline', () => {
  it('closes drafting after the deadline unless the unit has an extension', async () => {
    const startYear = Number(day(-30).slice(0, 4)) + 1;
    const closed = (
      await admin.post('/api/cycles', {
        name: 'Siklus tutup',
        startYear,
        endYear: startYear + 4,
        phases: {
          draftingStart: day(-30),
          submissionDeadline: day(-1),
          sessionsStart: day(2),
          sessionsEnd: day(4),
          negotiationDeadline: day(10),
          signingDeadline: day(12),
        },
      })
    ).json();
    const refused = await operator.post('/api/proposals', { cycleId: closed.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('Batas waktu pengajuan usulan sudah lewat');
    const ext = await admin.post(`/api/cycles/${closed.id}/extensions`, {
      workUnitId: w.a.units.u1,
      deadline: day(1),
      reason: 'Data dasar terlambat',
    });
    expect(ext.statusCode).toBe(201);
    const created = await operator.post('/api/proposals', { cycleId: closed.id });
    expect(created.statusCode).toBe(201);
    expect(created.json().submissionOpen).toBe(true);
  });
});
