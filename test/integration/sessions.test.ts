import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CycleDto, Theme } from '../../src/contract/cycles.js';
import { localDay, openCycleWithTheme, submittedProposal } from '../support/auction.js';
import { setupWorld, type Client, type World } from '../support/harness.js';

let w: World;
let admin: Client;
let cycle: CycleDto;
let theme: Theme;
let panelistId: string;
let chairId: string;

beforeAll(async () => {
  w = await setupWorld();
  admin = await w.login('admin');
  ({ cycle, theme } = await openCycleWithTheme(admin, 'Siklus sidang'));
  panelistId = w.a.users.panelis;
  chairId = w.a.users.kepala;
});
afterAll(() => w.close());

describe('auction sessions', () => {
  it('schedules a session with a panel and an agenda; proposals move into the session', async () => {
    const operator = await w.login('operator1');
    const head = await w.login('kaopd1');
    const p1 = await submittedProposal(w, operator, head, cycle, theme, 'Usulan pertama');
    const p2 = await submittedProposal(w, operator, head, cycle, theme, 'Usulan kedua');
    const panelist = await w.login('panelis');
    expect((await panelist.get(`/api/proposals/${p1.id}`)).statusCode).toBe(404);

    const res = await admin.post('/api/sessions', {
      cycleId: cycle.id,
      title: 'Sidang Lelang Kinerja hari pertama',
      date: localDay(5),
      place: 'Ngalam Command Center',
      chairUserId: chairId,
      panelUserIds: [panelistId],
      proposalIds: [p2.id, p1.id],
    });
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(
      s.agenda.map((a: { proposalId: string; position: number; status: string }) => [
        a.position,
        a.proposalId,
        a.status,
      ]),
    ).toEqual([
      [1, p2.id, 'in_session'],
      [2, p1.id, 'in_session'],
    ]);
    expect(s.chair.userId).toBe(chairId);
    expect(s.panel.map((p: { userId: string }) => p.userId)).toEqual([panelistId]);

    // Now the panelist reads the proposals on the agenda and the session; the unit sees its session.
    expect((await panelist.get(`/api/proposals/${p1.id}`)).statusCode).toBe(200);
    expect((await panelist.get('/api/sessions')).json().map((x: { id: string }) => x.id)).toEqual([s.id]);
    expect((await head.get(`/api/sessions/${s.id}`)).statusCode).toBe(200);
    // A proposal on an agenda is no longer a draft the unit can withdraw.
    expect(
      (
        await head.post(`/api/proposals/${p1.id}/withdraw`, {
          version: (await head.get(`/api/proposals/${p1.id}`)).json().version,
        })
      ).statusCode,
    ).toBe(409);

    // Reorder; removing a proposal from the agenda is refused.
    const reorder = await admin.put(`/api/sessions/${s.id}`, {
      title: s.title,
      date: s.date,
      place: s.place,
      chairUserId: chairId,
      panelUserIds: [panelistId],
      proposalIds: [p1.id, p2.id],
      version: s.version,
    });
    expect(reorder.json().agenda.map((a: { proposalId: string }) => a.proposalId)).toEqual([p1.id, p2.id]);
    const remove = await admin.put(`/api/sessions/${s.id}`, {
      title: s.title,
      date: s.date,
      place: s.place,
      panelUserIds: [panelistId],
      proposalIds: [p1.id],
      version: reorder.json().version,
    });
    expect(remove.json().error.fields).toEqual([
      { path: 'proposalIds', message: 'Usulan yang sudah diagendakan tidak dapat dikeluarkan dari sidang' },
    ]);

    // The same proposal cannot sit on a second agenda.
    const second = await admin.post('/api/sessions', {
      cycleId: cycle.id,
      title: 'Sidang kedua',
      date: localDay(6),
      place: 'Balai Kota',
      panelUserIds: [panelistId],
      proposalIds: [p1.id],
    });
    expect(second.json().error.fields).toEqual([
      { path: 'proposalIds.0', message: 'Usulan sudah dijadwalkan di sidang lain' },
    ]);
  });

  it('checks the date, the panel, the chair and the agenda with a reason for each', async () => {
    const operator = await w.login('operator1');
    const draft = (await operator.post('/api/proposals', { cycleId: cycle.id })).json();
    const res = await admin.post('/api/sessions', {
      cycleId: cycle.id,
      title: 'Sidang salah',
      date: localDay(20),
      place: 'Balai Kota',
      chairUserId: w.a.users.admin,
      panelUserIds: [w.a.users.verifikator, panelistId, panelistId],
      proposalIds: [draft.id, '00000000-0000-4000-8000-000000000000'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: 'date', message: `Tanggal sidang harus di antara ${localDay(5)} dan ${localDay(6)}` },
      { path: 'panelUserIds.0', message: 'Anggota panel harus pengguna aktif dengan peran Panelis' },
      { path: 'panelUserIds', message: 'Panelis ganda' },
      { path: 'chairUserId', message: 'Ketua sidang harus pengguna dengan peran Kepala Daerah' },
      { path: 'proposalIds.0', message: 'Hanya usulan yang sudah diajukan yang dapat dijadwalkan' },
      { path: 'proposalIds.1', message: 'Usulan tidak ditemukan pada siklus ini' },
    ]);
  });

  it('keeps sessions inside their region and away from units without proposals on them', async () => {
    const list = (await admin.get('/api/sessions')).json();
    expect(list.length).toBeGreaterThan(0);
    const otherAdmin = await w.login('admin', { region: 'b' });
    expect((await otherAdmin.get(`/api/sessions/${list[0].id}`)).statusCode).toBe(404);
    expect((await otherAdmin.get('/api/sessions')).json()).toEqual([]);
    const verifier = await w.login('verifikator');
    expect((await verifier.get('/api/sessions')).statusCode).toBe(403);
  });
});
