import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevicePin, ExcuseDto, WorkScheduleDto } from '../../src/contract/attendance.js';
import { auditEntries } from '../../src/server/db/schema.js';
import { excusesByCivilServant } from '../../src/server/modules/attendance/excuses.service.js';
import { loadScheduleSet } from '../../src/server/modules/attendance/schedule.service.js';
import { DEFAULT_SCHEDULE } from '../../src/server/modules/discipline/lateness.domain.js';
import { setupWorld, type Client, type World } from '../support/harness.js';
import { multipart } from '../support/multipart.js';

/** Issue 5 items 1-2: the device PIN mapping, the excuses and the work schedules HR keeps. */

let w: World;
let hr: Client;
let asn: Client;
let other: Client;

beforeAll(async () => {
  w = await setupWorld();
  hr = await w.login('bkpsdm');
  asn = await w.login('asn');
  other = await w.login('admin', { region: 'b' });
});
afterAll(() => w.close());

async function ok<T>(p: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const res = await p;
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

describe('device PINs', () => {
  it('maps a PIN, changes it with the version it read, and removes it', async () => {
    const a = await ok<DevicePin>(
      hr.put('/api/attendance/device-pins', { pin: '0042', civilServantId: w.a.people.u1[0] }),
    );
    expect(a).toMatchObject({
      device: null,
      pin: '0042',
      civilServantId: w.a.people.u1[0],
      nip: w.a.nips.u1[0],
      workUnitName: 'Dinas Satu Kota Uji',
      version: 1,
    });
    // The same mapping again changes nothing.
    expect(
      await ok<DevicePin>(
        hr.put('/api/attendance/device-pins', { pin: '0042', civilServantId: w.a.people.u1[0] }),
      ),
    ).toMatchObject({ id: a.id, version: 1 });
    const b = await ok<DevicePin>(
      hr.put('/api/attendance/device-pins', { pin: '0042', civilServantId: w.a.people.u1[1], version: 1 }),
    );
    expect(b).toMatchObject({ id: a.id, civilServantId: w.a.people.u1[1], version: 2 });
    const stale = await hr.put('/api/attendance/device-pins', {
      pin: '0042',
      civilServantId: w.a.people.u1[2],
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    // A device's own mapping of the same PIN is another row.
    const c = await ok<DevicePin>(
      hr.put('/api/attendance/device-pins', {
        device: 'Puskesmas Dinoyo',
        pin: '0042',
        civilServantId: w.a.people.u2[0],
      }),
    );
    expect(c).toMatchObject({ device: 'Puskesmas Dinoyo', pin: '0042' });
    expect(c.id).not.toBe(a.id);

    const byPin = await ok<{ items: DevicePin[]; total: number }>(
      hr.get('/api/attendance/device-pins?q=0042'),
    );
    expect(byPin.items.map((x) => x.id).sort()).toEqual([a.id, c.id].sort());
    const byNip = await ok<{ items: DevicePin[] }>(hr.get(`/api/attendance/device-pins?q=${w.a.nips.u2[0]}`));
    expect(byNip.items.map((x) => x.id)).toEqual([c.id]);
    const byDevice = await ok<{ items: DevicePin[] }>(
      hr.get('/api/attendance/device-pins?device=Puskesmas%20Dinoyo'),
    );
    expect(byDevice.items.map((x) => x.id)).toEqual([c.id]);

    expect((await hr.delete(`/api/attendance/device-pins/${a.id}`, { version: 1 })).statusCode).toBe(409);
    await ok(hr.delete(`/api/attendance/device-pins/${a.id}`, { version: 2 }));
    expect((await hr.delete(`/api/attendance/device-pins/${a.id}`, { version: 2 })).statusCode).toBe(404);
    const actions = await w.database.db
      .select({ action: auditEntries.action })
      .from(auditEntries)
      .where(and(eq(auditEntries.regionId, w.a.id), eq(auditEntries.entityId, a.id)));
    expect(actions.map((x) => x.action)).toEqual([
      'attendance.device_pin.create',
      'attendance.device_pin.update',
      'attendance.device_pin.delete',
    ]);
  });

  it('refuses bad PINs, ASN of another region and unknown fields', async () => {
    const bad = await hr.put('/api/attendance/device-pins', { pin: '7x!', civilServantId: w.a.people.u1[0] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { path: 'pin', message: 'PIN "7x!" hanya boleh berisi huruf dan angka' },
    ]);
    const foreign = await hr.put('/api/attendance/device-pins', {
      pin: '5',
      civilServantId: w.b.people.u1[0],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields[0].path).toBe('civilServantId');
    const extra = await hr.put('/api/attendance/device-pins', {
      pin: '5',
      civilServantId: w.a.people.u1[0],
      regionId: w.b.id,
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.fields[0].path).toBe('regionId');
  });

  it('uploads a PIN,NIP table all or nothing, and the same table twice changes nothing', async () => {
    const rows = [
      'pin;nip;mesin',
      `900;${w.a.nips.u2[1]};`,
      `901;${w.a.nips.u2[2]};Mesin Lobi`,
      `902;123;`,
      `903;${w.b.nips.u1[0].slice(0, 17)}9;`,
      `900;${w.a.nips.u2[3]};`,
    ];
    const send = (csv: string, query = '') => {
      const { payload, headers } = multipart('pin.csv', csv);
      return hr.request('POST', `/api/attendance/device-pins/upload${query}`, payload, headers);
    };
    const refused = await ok<{ problems: { line: number; reason: string }[]; written: boolean }>(
      send(rows.join('\n')),
    );
    expect(refused.written).toBe(false);
    expect(refused.problems.map((p) => p.line)).toEqual([4, 5, 6]);
    expect(refused.problems[0].reason).toBe('NIP "123" harus 18 digit angka');
    expect(refused.problems[2].reason).toBe('PIN 900 sudah dipetakan ke ASN lain di baris 2');
    expect((await ok<{ total: number }>(hr.get('/api/attendance/device-pins?q=900'))).total).toBe(0);

    const good = rows.slice(0, 3).join('\n');
    expect(await ok(send(good, '?dryRun=true'))).toMatchObject({ rows: 2, created: 2, written: false });
    expect((await ok<{ total: number }>(hr.get('/api/attendance/device-pins?q=900'))).total).toBe(0);
    expect(await ok(send(good))).toMatchObject({
      rows: 2,
      created: 2,
      updated: 0,
      problems: [],
      written: true,
    });
    const lobi = await ok<{ items: DevicePin[] }>(hr.get('/api/attendance/device-pins?device=Mesin%20Lobi'));
    expect(lobi.items).toMatchObject([{ pin: '901', nip: w.a.nips.u2[2] }]);
    expect(await ok(send(good))).toMatchObject({ created: 0, updated: 0, unchanged: 2, written: true });
    const moved = `pin,nip\n900,${w.a.nips.u2[4]}\n`;
    expect(await ok(send(moved))).toMatchObject({ created: 0, updated: 1, unchanged: 0 });

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('PIN').addRows([
      ['PIN', 'NIP'],
      ['904', w.a.nips.u1[4]],
    ]);
    const { payload, headers } = multipart('pin.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const xlsx = await hr.request('POST', '/api/attendance/device-pins/upload', payload, headers);
    expect(xlsx.json()).toMatchObject({ created: 1, written: true });
    const noNip = await ok<{ problems: unknown[] }>(send('pin;nama\n1;A'));
    expect(noNip.problems).toEqual([{ line: 1, reason: 'Kolom "nip" tidak ada pada baris judul' }]);
  });
});

describe('excuses', () => {
  const person = () => w.a.people.u2[0];

  it('records leave, refuses an overlap, edits with the version and deletes', async () => {
    const leave = await ok<ExcuseDto>(
      hr.post('/api/attendance/excuses', {
        civilServantId: person(),
        kind: 'leave',
        start: '2026-04-06',
        end: '2026-04-08',
        note: 'Cuti tahunan',
      }),
      201,
    );
    expect(leave).toMatchObject({
      kind: 'leave',
      start: '2026-04-06',
      end: '2026-04-08',
      nip: w.a.nips.u2[0],
      note: 'Cuti tahunan',
      createdByName: 'Pengguna bkpsdm',
      version: 1,
    });
    const overlap = await hr.post('/api/attendance/excuses', {
      civilServantId: person(),
      kind: 'sick',
      start: '2026-04-08',
      end: '2026-04-09',
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.fields).toEqual([
      { path: 'start', message: 'Tumpang tindih dengan keterangan cuti 6 April 2026 s.d. 8 April 2026' },
    ]);
    const sick = await ok<ExcuseDto>(
      hr.post('/api/attendance/excuses', {
        civilServantId: person(),
        kind: 'sick',
        start: '2026-04-09',
        end: '2026-04-09',
      }),
      201,
    );
    const moved = await ok<ExcuseDto>(
      hr.put(`/api/attendance/excuses/${leave.id}`, {
        kind: 'official_travel',
        start: '2026-04-01',
        end: '2026-04-08',
        note: null,
        version: 1,
      }),
    );
    expect(moved).toMatchObject({ kind: 'official_travel', start: '2026-04-01', note: null, version: 2 });
    const stale = await hr.put(`/api/attendance/excuses/${leave.id}`, {
      kind: 'leave',
      start: '2026-04-01',
      end: '2026-04-08',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    // Editing into the sick day is an overlap too, but not with itself.
    const into = await hr.put(`/api/attendance/excuses/${leave.id}`, {
      kind: 'official_travel',
      start: '2026-04-01',
      end: '2026-04-09',
      version: 2,
    });
    expect(into.statusCode).toBe(400);

    const april = await ok<{ items: ExcuseDto[]; total: number }>(
      hr.get(`/api/attendance/excuses?civilServantId=${person()}&from=2026-04-09&to=2026-04-30`),
    );
    expect(april.items.map((e) => e.id)).toEqual([sick.id]);
    const byKind = await ok<{ items: ExcuseDto[] }>(hr.get('/api/attendance/excuses?kind=official_travel'));
    expect(byKind.items.map((e) => e.id)).toEqual([leave.id]);
    const byNip = await ok<{ total: number }>(hr.get(`/api/attendance/excuses?q=${w.a.nips.u2[0]}`));
    expect(byNip.total).toBe(2);

    const forLateness = await excusesByCivilServant(w.database.db, w.a.id, '2026-04-01', '2026-04-30');
    expect(forLateness.get(person())).toEqual([
      { kind: 'official_travel', start: '2026-04-01', end: '2026-04-08', note: null },
      { kind: 'sick', start: '2026-04-09', end: '2026-04-09', note: null },
    ]);

    expect((await hr.delete(`/api/attendance/excuses/${sick.id}`, { version: 2 })).statusCode).toBe(409);
    await ok(hr.delete(`/api/attendance/excuses/${sick.id}`, { version: 1 }));
    const entries = await w.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.regionId, w.a.id), eq(auditEntries.entityId, leave.id)));
    expect(entries.map((e) => e.action)).toEqual(['attendance.excuse.create', 'attendance.excuse.update']);
    expect(entries[0].summary).toBe('Keterangan dicatat: Cuti 6 April 2026 s.d. 8 April 2026');
    // The note (why someone was away) stays out of the trail.
    expect(JSON.stringify(entries)).not.toContain('Cuti tahunan');
  });

  it('checks kinds and dates with reasons, and keeps regions apart', async () => {
    const backwards = await hr.post('/api/attendance/excuses', {
      civilServantId: person(),
      kind: 'leave',
      start: '2026-05-10',
      end: '2026-05-01',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toEqual([
      { path: 'end', message: 'Tanggal selesai tidak boleh sebelum tanggal mulai' },
    ]);
    const impossible = await hr.post('/api/attendance/excuses', {
      civilServantId: person(),
      kind: 'leave',
      start: '2026-02-30',
      end: '2026-03-01',
    });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().error.fields[0].path).toBe('start');
    const kind = await hr.post('/api/attendance/excuses', {
      civilServantId: person(),
      kind: 'holiday',
      start: '2026-05-01',
      end: '2026-05-01',
    });
    expect(kind.statusCode).toBe(400);
    const foreignPerson = await hr.post('/api/attendance/excuses', {
      civilServantId: w.b.people.u1[0],
      kind: 'sick',
      start: '2026-05-01',
      end: '2026-05-01',
    });
    expect(foreignPerson.statusCode).toBe(400);

    const theirs = await ok<ExcuseDto>(
      other.post('/api/attendance/excuses', {
        civilServantId: w.b.people.u1[0],
        kind: 'sick',
        start: '2026-05-04',
        end: '2026-05-05',
      }),
      201,
    );
    expect(
      (await hr.put(`/api/attendance/excuses/${theirs.id}`, { ...theirs, version: 1, id: undefined }))
        .statusCode,
    ).toBe(400);
    const put = await hr.put(`/api/attendance/excuses/${theirs.id}`, {
      kind: 'sick',
      start: '2026-05-04',
      end: '2026-05-05',
      version: 1,
    });
    expect(put.statusCode).toBe(404);
    expect((await hr.delete(`/api/attendance/excuses/${theirs.id}`, { version: 1 })).statusCode).toBe(404);
    const mine = await ok<{ items: ExcuseDto[] }>(hr.get('/api/attendance/excuses?pageSize=200'));
    expect(mine.items.map((e) => e.id)).not.toContain(theirs.id);
    expect((await asn.get('/api/attendance/excuses')).statusCode).toBe(403);
  });
});

describe('work schedules', () => {
  it('starts from the default, saves a Ramadan range and a unit schedule, and checks the hours', async () => {
    const first = await ok<WorkScheduleDto>(asn.get('/api/attendance/schedule'));
    expect(first).toMatchObject({ version: 0, isDefault: true, updatedAt: null });
    expect(first.schedules.region).toEqual(JSON.parse(JSON.stringify(DEFAULT_SCHEDULE)));
    expect(first.schedules.ramadan).toEqual([]);

    const clinic = {
      regular: { monday: { start: '07:00', end: '14:00' }, friday: { start: '07:00', end: '11:00' } },
    };
    const schedules = {
      ...first.schedules,
      ramadan: [{ start: '2026-02-19', end: '2026-03-20' }],
      units: { [w.a.units.u2]: clinic },
    };
    expect((await asn.put('/api/attendance/schedule', { schedules, version: 0 })).statusCode).toBe(403);
    const saved = await ok<WorkScheduleDto>(hr.put('/api/attendance/schedule', { schedules, version: 0 }));
    expect(saved).toMatchObject({ version: 1, isDefault: false });
    expect(saved.schedules.units).toEqual({ [w.a.units.u2]: clinic });
    const loaded = await loadScheduleSet(w.database.db, w.a.id);
    expect(loaded.ramadan).toEqual([{ start: '2026-02-19', end: '2026-03-20' }]);
    expect(loaded.units?.[w.a.units.u2]).toEqual(clinic);
    expect((await hr.put('/api/attendance/schedule', { schedules, version: 0 })).statusCode).toBe(409);

    const wrong = await hr.put('/api/attendance/schedule', {
      schedules: {
        ...schedules,
        region: {
          regular: { ...schedules.region.regular, saturday: { start: '08:00', end: '12:00' } },
          ramadan: { monday: { start: '15:00', end: '08:00' } },
        },
        units: { [w.b.units.u1]: clinic },
      },
      version: 1,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([
      {
        path: 'schedules.region.regular.saturday',
        message: 'Sabtu bukan hari kerja: jam kerja tidak dapat diisi',
      },
      {
        path: 'schedules.region.ramadan.monday.end',
        message: 'Jam pulang harus setelah jam masuk (shift yang melewati tengah malam belum didukung)',
      },
    ]);
    const foreignUnit = await hr.put('/api/attendance/schedule', {
      schedules: { ...schedules, units: { [w.b.units.u1]: clinic } },
      version: 1,
    });
    expect(foreignUnit.statusCode).toBe(400);
    expect(foreignUnit.json().error.fields).toEqual([
      { path: `schedules.units.${w.b.units.u1}`, message: 'Perangkat daerah tidak ditemukan' },
    ]);
    // Region B still has the default.
    expect(await ok<WorkScheduleDto>(other.get('/api/attendance/schedule'))).toMatchObject({
      version: 0,
      isDefault: true,
    });
  });
});
