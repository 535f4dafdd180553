import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarYearDto, MonitoringSettings } from '../../src/contract/calendar.js';
import { setupWorld, type Client, type World } from '../support/harness.js';

let w: World;
let admin: Client;
let asn: Client;

beforeAll(async () => {
  w = await setupWorld();
  admin = await w.login('admin');
  asn = await w.login('asn');
});
afterAll(() => w.close());

describe('the working-day calendar', () => {
  it('ships the 2026 decree: holidays and cuti bersama, 240 working days', async () => {
    const res = await asn.get('/api/calendar?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const y = res.json() as CalendarYearDto;
    expect(y).toMatchObject({ year: 2026, decreed: true, warning: null, workingDays: 240 });
    expect(y.decree).toMatch(/SKB/);
    expect(y.days.find((d) => d.date === '2026-03-20')).toMatchObject({
      kind: 'collective_leave',
      source: 'national',
    });
    expect(y.days.every((d) => d.source === 'national')).toBe(true);
  });

  it('warns for a year without a decree and falls back to fixed-date holidays', async () => {
    const y = (await admin.get('/api/calendar?year=2029')).json() as CalendarYearDto;
    expect(y.decreed).toBe(false);
    expect(y.warning).toMatch(/belum diisi/);
    expect(y.days.map((d) => d.date)).toEqual(
      expect.arrayContaining(['2029-01-01', '2029-08-17', '2029-12-25']),
    );
    expect((await admin.get('/api/calendar?year=1999')).statusCode).toBe(400);
  });

  it('the admin adds a regional holiday and a working day in place of a decreed one, audited; others may not', async () => {
    const before = (await admin.get('/api/calendar?year=2026')).json() as CalendarYearDto;
    const body = { date: '2026-04-01', kind: 'regional_holiday', name: 'Hari Jadi Kota' };
    expect((await asn.post('/api/calendar/entries', body)).statusCode).toBe(403);
    const added = await admin.post('/api/calendar/entries', body);
    expect(added.statusCode, added.body).toBe(201);
    const after = added.json() as CalendarYearDto;
    expect(after.workingDays).toBe(before.workingDays - 1);
    expect(after.days.find((d) => d.date === '2026-04-01')).toMatchObject({
      kind: 'regional_holiday',
      source: 'region',
    });
    // A day that is already off, a weekend, or a bad date is refused with a field message.
    const twice = await admin.post('/api/calendar/entries', body);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields[0]).toMatchObject({
      path: 'date',
      message: 'Tanggal ini sudah hari libur: Hari Jadi Kota',
    });
    const weekend = await admin.post('/api/calendar/entries', { ...body, date: '2026-04-04' });
    expect(weekend.json().error.fields[0].message).toBe('Tanggal ini hari Sabtu atau Minggu');
    expect((await admin.post('/api/calendar/entries', { ...body, date: '2026-02-30' })).statusCode).toBe(400);

    const work = await admin.post('/api/calendar/entries', {
      date: '2026-03-20',
      kind: 'removed',
      name: 'Masuk kerja (kebijakan daerah)',
    });
    expect(work.statusCode, work.body).toBe(201);
    const worked = work.json() as CalendarYearDto;
    expect(worked.workingDays).toBe(before.workingDays);
    expect(worked.removed).toEqual([{ date: '2026-03-20', name: 'Masuk kerja (kebijakan daerah)' }]);
    const notOff = await admin.post('/api/calendar/entries', {
      date: '2026-03-10',
      kind: 'removed',
      name: 'x',
    });
    expect(notOff.json().error.fields[0].message).toMatch(/Hanya libur nasional atau cuti bersama/);

    const removed = await admin.post('/api/calendar/entries/remove', {
      date: '2026-04-01',
      kind: 'regional_holiday',
    });
    expect(removed.statusCode).toBe(200);
    expect((removed.json() as CalendarYearDto).workingDays).toBe(before.workingDays + 1);
    expect(
      (await admin.post('/api/calendar/entries/remove', { date: '2026-04-01', kind: 'regional_holiday' }))
        .statusCode,
    ).toBe(404);
    const audit = (await admin.get('/api/audit?entityType=calendar&pageSize=50')).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['calendar.add', 'calendar.remove']),
    );
    // Another region's calendar is untouched.
    const other = (await (await w.login('admin', { region: 'b' })).get('/api/calendar?year=2026')).json();
    expect(other.workingDays).toBe(240);
  });
});

describe('monitoring settings', () => {
  it('default to the 10th, no cap and the LKjIP bands; the admin changes them with validation and versions', async () => {
    const s = (await asn.get('/api/monitoring/settings')).json() as MonitoringSettings;
    expect(s).toMatchObject({ reportDeadlineDay: 10, achievementCap: null, version: 1 });
    expect(s.predicateBands.map((b) => b.min)).toEqual([0, 51, 66, 76, 91]);
    const body = {
      reportDeadlineDay: 15,
      achievementCap: 120,
      predicateBands: s.predicateBands,
      version: s.version,
    };
    expect((await asn.put('/api/monitoring/settings', body)).statusCode).toBe(403);
    const bad = await admin.put('/api/monitoring/settings', {
      ...body,
      reportDeadlineDay: 31,
      achievementCap: 90,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'reportDeadlineDay',
      'achievementCap',
    ]);
    const ok = await admin.put('/api/monitoring/settings', body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ reportDeadlineDay: 15, achievementCap: 120, version: 2 });
    expect((await admin.put('/api/monitoring/settings', body)).statusCode).toBe(409);
    expect(
      (
        (
          await (await w.login('admin', { region: 'b' })).get('/api/monitoring/settings')
        ).json() as MonitoringSettings
      ).reportDeadlineDay,
    ).toBe(10);
  });
});
