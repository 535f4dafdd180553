import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../src/server/db/schema.js';
import { setupWorld, type Client, type World } from '../support/harness.js';

let w: World;
let admin: Client;
let missionId: string;
beforeAll(async () => {
  w = await setupWorld();
  admin = await w.login('admin');
  missionId = (
    await admin.post('/api/missions', {
      termStart: 2027,
      termEnd: 2031,
      number: 1,
      title: 'Misi layanan dasar',
    })
  ).json().id;
});
afterAll(() => w.close());

const phases = {
  draftingStart: '2026-12-01',
  submissionDeadline: '2027-01-15',
  sessionsStart: '2027-02-01',
  sessionsEnd: '2027-02-05',
  negotiationDeadline: '2027-02-20',
  signingDeadline: '2027-03-01',
};

/** Local calendar days around today, so the current phase is known whatever day the test runs. */
function day(offset: number) {
  return new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}

describe('auction cycles', () => {
  it('opens a cycle with the default rubric and shows its phase', async () => {
    // The term starts the year after drafting began, so the phases lie in the allowed window on any day.
    const now = Number(day(-3).slice(0, 4));
    const res = await admin.post('/api/cycles', {
      name: 'Lelang Kinerja berjalan',
      startYear: now + 1,
      endYear: now + 5,
      phases: {
        draftingStart: day(-3),
        submissionDeadline: day(2),
        sessionsStart: day(5),
        sessionsEnd: day(6),
        negotiationDeadline: day(10),
        signingDeadline: day(12),
      },
      budgetCeilings: [{ year: now + 1, amount: 250_000_000_000 }],
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.rubric.map((r: { weight: number }) => r.weight)).toEqual([25, 25, 20, 15, 15]);
    expect(c.currentPhase).toBe('drafting');
    expect(c.budgetCeilings).toEqual([{ year: now + 1, amount: 250_000_000_000 }]);
    const [entry] = await w.database.db
      .select()
      .from(auditEntries)
      .where(
        and(
          eq(auditEntries.regionId, w.a.id),
          eq(auditEntries.action, 'cycle.create'),
          eq(auditEntries.entityId, c.id),
        ),
      );
    expect(entry.summary).toBe('Siklus Lelang Kinerja berjalan dibuka');
    // Every signed-in user of the region reads it.
    const op = await w.login('operator1');
    expect((await op.get(`/api/cycles/${c.id}`)).json().name).toBe('Lelang Kinerja berjalan');
  });

  it('explains every broken rule with its field', async () => {
    const res = await admin.post('/api/cycles', {
      name: 'Salah',
      startYear: 2027,
      endYear: 2033,
      phases: { ...phases, sessionsStart: '2027-01-10' },
      rubric: [
        { code: 'data', name: 'Data', weight: 60 },
        { code: 'data', name: 'Ambisi', weight: 30 },
      ],
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['endYear', 'phases.sessionsStart', 'rubric.1.code', 'rubric']),
    );
    const messages = res.json().error.fields.map((f: { message: string }) => f.message);
    expect(messages).toContain('Jumlah bobot kriteria harus 100 (saat ini 90)');
    const badDate = await admin.post('/api/cycles', {
      name: 'Tanggal',
      startYear: 2027,
      endYear: 2031,
      phases: { ...phases, signingDeadline: '2027-02-30' },
    });
    expect(badDate.json().error.fields).toEqual([
      { path: 'phases.signingDeadline', message: 'Tanggal tidak valid' },
    ]);
  });

  it('edits with optimistic locking and refuses a duplicate name', async () => {
    const c = (
      await admin.post('/api/cycles', {
        name: 'Lelang Kinerja 2027-2031',
        startYear: 2027,
        endYear: 2031,
        phases,
      })
    ).json();
    const dup = await admin.post('/api/cycles', {
      name: 'Lelang Kinerja 2027-2031',
      startYear: 2027,
      endYear: 2031,
      phases,
    });
    expect(dup.json().error.fields).toEqual([
      { path: 'name', message: 'Siklus bernama "Lelang Kinerja 2027-2031" sudah ada' },
    ]);
    const rubric = [
      { code: 'data', name: 'Kualitas data', weight: 50 },
      { code: 'ambisi', name: 'Ambisi', weight: 50 },
    ];
    const body = {
      name: c.name,
      startYear: 2027,
      endYear: 2031,
      phases,
      rubric,
      budgetCeilings: [],
      version: c.version,
    };
    const ok = await admin.put(`/api/cycles/${c.id}`, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ rubric, version: c.version + 1 });
    const stale = await admin.put(`/api/cycles/${c.id}`, body);
    expect(stale.statusCode).toBe(409);
  });

  it('manages themes under missions; a mission in use cannot be deleted', async () => {
    const c = (
      await admin.post('/api/cycles', { name: 'Siklus tema', startYear: 2027, endYear: 2031, phases })
    ).json();
    const body = {
      missionId,
      name: 'Penurunan Angka Kematian Ibu',
      outcomeIndicatorName: 'Angka kematian ibu',
      outcomeIndicatorUnit: 'per 100.000 kelahiran hidup',
      outcomePolarity: 'lower_is_better',
    };
    const t = await admin.post(`/api/cycles/${c.id}/themes`, body);
    expect(t.statusCode).toBe(201);
    expect(t.json()).toMatchObject({ missionNumber: 1, outcomePolarity: 'lower_is_better' });
    const dup = await admin.post(`/api/cycles/${c.id}/themes`, body);
    expect(dup.json().error.fields).toEqual([
      { path: 'name', message: 'Tema "Penurunan Angka Kematian Ibu" sudah ada pada siklus ini' },
    ]);
    const foreignMission = await admin.post(`/api/cycles/${c.id}/themes`, {
      ...body,
      name: 'Lain',
      missionId: '00000000-0000-4000-8000-000000000000',
    });
    expect(foreignMission.json().error.fields).toEqual([
      { path: 'missionId', message: 'Misi tidak ditemukan' },
    ]);
    const oldMission = await admin.post('/api/missions', {
      termStart: 2013,
      termEnd: 2018,
      number: 7,
      title: 'Misi periode lalu',
    });
    expect(oldMission.statusCode).toBe(201);
    const outOfTerm = await admin.post(`/api/cycles/${c.id}/themes`, {
      ...body,
      name: 'Tema periode lalu',
      missionId: oldMission.json().id,
    });
    expect(outOfTerm.statusCode).toBe(400);
    expect(outOfTerm.json().error.fields).toEqual([
      { path: 'missionId', message: 'Misi ini untuk periode 2013-2018, di luar periode siklus 2027-2031' },
    ]);
    const detail = (await admin.get(`/api/cycles/${c.id}`)).json();
    expect(detail.themes.map((x: { name: string }) => x.name)).toEqual(['Penurunan Angka Kematian Ibu']);

    const mission = (await admin.get('/api/missions')).json().find((m: { id: string }) => m.id === missionId);
    const del = await admin.delete(`/api/missions/${missionId}`, { version: mission.version });
    expect(del.statusCode).toBe(409);

    const theme = t.json();
    const upd = await admin.put(`/api/themes/${theme.id}`, {
      ...body,
      name: 'Penurunan AKI',
      version: theme.version,
    });
    expect(upd.json()).toMatchObject({ name: 'Penurunan AKI', version: theme.version + 1 });
    expect((await admin.delete(`/api/themes/${theme.id}`, { version: theme.version })).statusCode).toBe(409);
    expect((await admin.delete(`/api/themes/${theme.id}`, { version: theme.version + 1 })).statusCode).toBe(
      200,
    );
  });

  it('extends one unit’s submission deadline within the rules, audited', async () => {
    const c = (
      await admin.post('/api/cycles', { name: 'Siklus perpanjangan', startYear: 2027, endYear: 2031, phases })
    ).json();
    const early = await admin.post(`/api/cycles/${c.id}/extensions`, {
      workUnitId: w.a.units.u1,
      deadline: '2027-01-15',
      reason: 'x',
    });
    expect(early.json().error.fields).toEqual([
      { path: 'deadline', message: 'Batas baru harus setelah batas pengajuan siklus' },
    ]);
    const late = await admin.post(`/api/cycles/${c.id}/extensions`, {
      workUnitId: w.a.units.u1,
      deadline: '2027-02-06',
      reason: 'x',
    });
    expect(late.json().error.fields).toEqual([
      { path: 'deadline', message: 'Batas baru tidak boleh melewati akhir sidang lelang' },
    ]);
    const foreignUnit = await admin.post(`/api/cycles/${c.id}/extensions`, {
      workUnitId: w.b.units.u1,
      deadline: '2027-01-20',
      reason: 'x',
    });
    expect(foreignUnit.json().error.fields).toEqual([
      { path: 'workUnitId', message: 'Unit kerja tidak ditemukan' },
    ]);
    const ok = await admin.post(`/api/cycles/${c.id}/extensions`, {
      workUnitId: w.a.units.u1,
      deadline: '2027-01-20',
      reason: 'Data BPS terlambat',
    });
    expect(ok.statusCode).toBe(201);
    const again = await admin.post(`/api/cycles/${c.id}/extensions`, {
      workUnitId: w.a.units.u1,
      deadline: '2027-01-25',
      reason: 'Diperpanjang lagi',
    });
    expect(again.statusCode).toBe(201);
    const detail = (await admin.get(`/api/cycles/${c.id}`)).json();
    expect(detail.extensions).toEqual([
      expect.objectContaining({
        workUnitId: w.a.units.u1,
        deadline: '2027-01-25',
        reason: 'Diperpanjang lagi',
      }),
    ]);
    const entries = await w.database.db
      .select()
      .from(auditEntries)
      .where(
        and(
          eq(auditEntries.regionId, w.a.id),
          eq(auditEntries.action, 'cycle.extend_submission'),
          eq(auditEntries.entityId, c.id),
        ),
      );
    expect(entries).toHaveLength(2);
    expect(entries[1].before).toMatchObject({ deadline: '2027-01-20' });

    // Revoked with a reason (audited): the unit is back on the cycle's deadline.
    const ext = detail.extensions[0];
    const path = `/api/cycles/${c.id}/extensions/${ext.id}/revoke`;
    expect((await admin.post(path, { reason: ' ' })).statusCode).toBe(400);
    expect((await (await w.login('admin', { region: 'b' })).post(path, { reason: 'x' })).statusCode).toBe(
      404,
    );
    const revoked = await admin.post(path, { reason: 'Diberikan keliru' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await admin.get(`/api/cycles/${c.id}`)).json().extensions).toEqual([]);
    expect((await admin.post(path, { reason: 'Lagi' })).statusCode).toBe(404);
    const [revokedEntry] = await w.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.regionId, w.a.id), eq(auditEntries.action, 'cycle.revoke_extension')));
    expect(revokedEntry.before).toMatchObject({ deadline: '2027-01-25', workUnitId: w.a.units.u1 });
    expect(revokedEntry.after).toEqual({ reason: 'Diberikan keliru' });
  });

  it('keeps regions apart', async () => {
    const c = (
      await admin.post('/api/cycles', { name: 'Siklus A', startYear: 2027, endYear: 2031, phases })
    ).json();
    const otherAdmin = await w.login('admin', { region: 'b' });
    expect((await otherAdmin.get(`/api/cycles/${c.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.get('/api/cycles')).json()).toEqual([]);
    const put = await otherAdmin.put(`/api/cycles/${c.id}`, {
      name: 'x',
      startYear: 2027,
      endYear: 2031,
      phases,
      rubric: c.rubric,
      budgetCeilings: [],
      version: c.version,
    });
    expect(put.statusCode).toBe(404);
  });
});
