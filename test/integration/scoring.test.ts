import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CycleDto, Theme } from '../../src/contract/cycles.js';
import { localDay, openCycleWithTheme, submittedProposal } from '../support/auction.js';
import { setupWorld, type Client, type World } from '../support/harness.js';

let w: World;
let admin: Client;
let cycle: CycleDto;
let theme: Theme;
let p1: Client;
let p2: Client;
let chair: Client;
let outsider: Client;
const ids: Record<string, string> = {};

async function newPanelist(username: string): Promise<Client> {
  const res = await admin.post('/api/users', {
    username,
    fullName: `Panelis ${username}`,
    password: 'kalimat sandi panelis uji',
    roles: [{ role: 'panelist' }],
  });
  expect(res.statusCode).toBe(201);
  ids[username] = res.json().id;
  return w.login(username, { password: 'kalimat sandi panelis uji' });
}

async function proposalInSession(title: string, open = true) {
  const p = await submittedProposal(
    w,
    await w.login('operator1'),
    await w.login('kaopd1'),
    cycle,
    theme,
    title,
  );
  const s = await admin.post('/api/sessions', {
    cycleId: cycle.id,
    title: `Sidang ${title}`,
    date: localDay(5),
    place: 'Ngalam Command Center',
    chairUserId: w.a.users.kepala,
    panelUserIds: [ids.akademisi, ids.jurnalis],
    proposalIds: [p.id],
  });
  expect(s.statusCode).toBe(201);
  if (open) {
    const opened = await chair.post(`/api/sessions/${s.json().id}/open`, { version: s.json().version });
    expect(opened.statusCode, opened.body).toBe(200);
  }
  return p.id;
}

const full = (a: number, b: number, c: number, d: number, e: number) => [
  { criterionCode: 'baseline_data_quality', score: a, note: 'Data kohort lengkap' },
  { criterionCode: 'target_ambition', score: b },
  { criterionCode: 'mission_alignment', score: c },
  { criterionCode: 'feasibility_budget', score: d },
  { criterionCode: 'integration', score: e },
];

beforeAll(async () => {
  w = await setupWorld();
  admin = await w.login('admin');
  ({ cycle, theme } = await openCycleWithTheme(admin, 'Siklus penilaian'));
  p1 = await newPanelist('akademisi');
  p2 = await newPanelist('jurnalis');
  outsider = await newPanelist('pengamat');
  chair = await w.login('kepala');
});
afterAll(() => w.close());

describe('the session lifecycle around scoring', () => {
  it('takes scores only once the chair opens the session, and closes it when the agenda is scored', async () => {
    const id = await proposalInSession('Usulan sidang belum dibuka', false);
    const early = await p1.put(`/api/proposals/${id}/scores`, {
      scores: full(80, 70, 90, 60, 50),
      submit: true,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/Sidang belum dibuka/);
    expect((await p1.post(`/api/proposals/${id}/conflict`, { reason: 'Kerabat' })).statusCode).toBe(409);
    const sheet = (await p1.get(`/api/proposals/${id}/scoring`)).json();
    expect(sheet.sessionStatus).toBe('scheduled');
    const session = (await admin.get(`/api/sessions/${sheet.sessionId}`)).json();
    expect(session).toMatchObject({ status: 'scheduled', can: { edit: true, open: true, cancel: true } });
    // Panelists do not open sessions, nor a head of region who is not this session's chair.
    expect((await p1.post(`/api/sessions/${session.id}/open`, { version: session.version })).statusCode).toBe(
      403,
    );
    const delegate = await admin.post('/api/users', {
      username: 'wakil',
      fullName: 'Wakil Wali Kota',
      password: 'kalimat sandi wakil uji',
      roles: [{ role: 'head_of_region' }],
    });
    expect(delegate.statusCode, delegate.body).toBe(201);
    const other = await w.login('wakil', { password: 'kalimat sandi wakil uji' });
    expect((await other.get(`/api/sessions/${session.id}`)).json().can.open).toBe(false);
    const notChair = await other.post(`/api/sessions/${session.id}/open`, { version: session.version });
    expect(notChair.statusCode).toBe(403);
    expect(notChair.json().error.message).toBe('Sidang ini dibuka oleh ketua sidangnya atau Admin Daerah');
    const opened = await chair.post(`/api/sessions/${session.id}/open`, { version: session.version });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'in_progress', can: { edit: false, open: false } });
    // Once open, the panel and agenda are fixed.
    const edit = await admin.put(`/api/sessions/${session.id}`, {
      title: 'Diubah',
      date: session.date,
      place: session.place,
      chairUserId: w.a.users.kepala,
      panelUserIds: [ids.akademisi],
      proposalIds: [id],
      version: opened.json().version,
    });
    expect(edit.statusCode).toBe(409);
    expect(
      (await p1.put(`/api/proposals/${id}/scores`, { scores: full(80, 70, 90, 60, 50), submit: true }))
        .statusCode,
    ).toBe(200);
    expect((await admin.get(`/api/sessions/${session.id}`)).json().status).toBe('in_progress');
    expect(
      (await p2.put(`/api/proposals/${id}/scores`, { scores: full(70, 70, 70, 70, 70), submit: true }))
        .statusCode,
    ).toBe(200);
    expect((await admin.get(`/api/sessions/${session.id}`)).json().status).toBe('closed');
    const audit = await admin.get(`/api/audit?entityType=auction_session&pageSize=50`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['session.open', 'session.close']),
    );
  });

  it('a scheduled session may be cancelled with a reason: its proposals can be scheduled again', async () => {
    const id = await proposalInSession('Usulan sidang batal', false);
    const sheet = (await p1.get(`/api/proposals/${id}/scoring`)).json();
    const session = (await admin.get(`/api/sessions/${sheet.sessionId}`)).json();
    const noReason = await admin.post(`/api/sessions/${session.id}/cancel`, {
      version: session.version,
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(
      (await chair.post(`/api/sessions/${session.id}/cancel`, { version: session.version, reason: 'Batal' }))
        .statusCode,
    ).toBe(403);
    const cancelled = await admin.post(`/api/sessions/${session.id}/cancel`, {
      version: session.version,
      reason: 'Ruang Command Center dipakai penanganan bencana',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      agenda: [],
      cancelReason: 'Ruang Command Center dipakai penanganan bencana',
    });
    expect((await admin.get(`/api/proposals/${id}`)).json().status).toBe('submitted');
    const again = await admin.post('/api/sessions', {
      cycleId: cycle.id,
      title: 'Sidang pengganti',
      date: localDay(6),
      place: 'Balai Kota',
      panelUserIds: [ids.akademisi],
      proposalIds: [id],
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(
      (await admin.post(`/api/sessions/${session.id}/open`, { version: cancelled.json().version }))
        .statusCode,
    ).toBe(409);
  });
});

describe('panel scoring', () => {
  it('scores are private until complete; the chair then sees the aggregate and the proposal is scored', async () => {
    const id = await proposalInSession('Usulan dinilai');
    const draft = await p1.put(`/api/proposals/${id}/scores`, {
      scores: full(80, 70, 90, 60, 50).slice(0, 2),
      submit: false,
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json().mine).toMatchObject({ submitted: false, total: null });

    const first = await p1.put(`/api/proposals/${id}/scores`, {
      scores: full(80, 70, 90, 60, 50),
      submit: true,
      version: draft.json().mine.version,
    });
    expect(first.statusCode).toBe(200);
    // 80*.25 + 70*.25 + 90*.2 + 60*.15 + 50*.15 = 72
    expect(first.json().mine).toMatchObject({ submitted: true, total: 72 });
    expect(first.json().aggregate).toBeNull();
    expect((await chair.get(`/api/proposals/${id}/scoring`)).json().aggregate).toBeNull();
    expect((await admin.get(`/api/proposals/${id}`)).json().status).toBe('in_session');

    const again = await p1.put(`/api/proposals/${id}/scores`, {
      scores: full(1, 1, 1, 1, 1),
      submit: true,
      version: first.json().mine.version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Nilai sudah diserahkan dan bersifat final');

    const second = await p2.put(`/api/proposals/${id}/scores`, {
      scores: full(90, 80, 80, 70, 80),
      submit: true,
    });
    expect(second.statusCode).toBe(200); // 22.5 + 20 + 16 + 10.5 + 12 = 81
    const view = (await chair.get(`/api/proposals/${id}/scoring`)).json();
    expect(view.aggregate).toEqual({
      score: 76.5,
      complete: true,
      scoredBy: 2,
      expected: 2,
      min: 72,
      max: 81,
      stdDev: 4.5,
    });
    expect(view.panel.map((p: { state: string }) => p.state)).toEqual(['submitted', 'submitted']);
    expect((await p1.get(`/api/proposals/${id}/scoring`)).json().aggregate).toBeNull();
    expect((await admin.get(`/api/proposals/${id}`)).json().status).toBe('scored');
  });

  it('explains bad scores and refuses an incomplete hand-in', async () => {
    const id = await proposalInSession('Usulan salah nilai');
    const bad = await p1.put(`/api/proposals/${id}/scores`, {
      scores: [
        { criterionCode: 'target_ambition', score: 101 },
        { criterionCode: 'rahasia', score: 5 },
      ],
      submit: false,
    });
    expect(bad.json().error.fields).toEqual([
      { path: 'scores.0.score', message: 'Nilai harus bilangan bulat 0-100' },
      { path: 'scores.1.criterionCode', message: 'Kriteria "rahasia" tidak ada pada rubrik' },
    ]);
    const partial = await p1.put(`/api/proposals/${id}/scores`, {
      scores: full(80, 70, 90, 60, 50).slice(1),
      submit: true,
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.fields).toEqual([
      { path: 'scores', message: 'Kriteria "Kualitas data titik nol" belum dinilai' },
    ]);
  });

  it('a declared conflict excludes the panelist and lets the others complete the scoring', async () => {
    const id = await proposalInSession('Usulan konflik');
    const c = await p2.post(`/api/proposals/${id}/conflict`, {
      reason: 'Saudara kandung Kepala OPD pengusul',
    });
    expect(c.json().mine).toMatchObject({
      conflict: true,
      conflictReason: 'Saudara kandung Kepala OPD pengusul',
    });
    expect(
      (await p2.put(`/api/proposals/${id}/scores`, { scores: full(90, 90, 90, 90, 90), submit: true }))
        .statusCode,
    ).toBe(409);
    await p1.put(`/api/proposals/${id}/scores`, { scores: full(60, 60, 60, 60, 60), submit: true });
    const view = (await chair.get(`/api/proposals/${id}/scoring`)).json();
    expect(view.aggregate).toMatchObject({ score: 60, complete: true, scoredBy: 1, expected: 1 });
    expect(view.panel.find((p: { userId: string }) => p.userId === ids.jurnalis).state).toBe('conflict');
  });

  it('only the session’s panel scores; others do not see the sheet', async () => {
    const id = await proposalInSession('Usulan tertutup');
    expect((await outsider.get(`/api/proposals/${id}/scoring`)).statusCode).toBe(404);
    expect(
      (await outsider.put(`/api/proposals/${id}/scores`, { scores: full(1, 1, 1, 1, 1), submit: true }))
        .statusCode,
    ).toBe(404);
    expect((await (await w.login('operator1')).get(`/api/proposals/${id}/scoring`)).statusCode).toBe(403);
    expect(
      (await chair.put(`/api/proposals/${id}/scores`, { scores: full(1, 1, 1, 1, 1), submit: true }))
        .statusCode,
    ).toBe(403);
    const otherRegion = await w.login('admin', { region: 'b' });
    expect((await otherRegion.get(`/api/proposals/${id}/scoring`)).statusCode).toBe(404);
  });
});
