import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecapPage, ServantMonth } from '../../src/contract/lateness.js';
import { attendanceExcuses, users } from '../../src/server/db/schema.js';
import { myMonth, recap } from '../../src/server/modules/discipline/lateness.service.js';
import { insertPunches } from '../support/punches.js';
import { setupWorld, type Client, type World } from '../support/harness.js';

let w: World;
let hr: Client;
let asn: Client;
let head: Client;

/** October 2026: 1 Oct is a Thursday; no national holiday in the month. */
const MONTH = '2026-10';
const AFTER = new Date('2026-11-20T03:00:00Z');

const punch = (servant: string, times: string[]) => insertPunches(w, servant, times);

/** Every working day of October 2026 (Monday-Friday), in order. */
const workingDays = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`).filter(
  (d) => {
    const w = new Date(`${d}T00:00:00Z`).getUTCDay();
    return w !== 0 && w !== 6;
  },
);

beforeAll(async () => {
  w = await setupWorld();
  hr = await w.login('bkpsdm');
  head = await w.login('kaopd1');
  // The harness ASN user is the first servant of unit 1.
  await w.database.db
    .update(users)
    .set({ civilServantId: w.a.people.u1[0] })
    .where(and(eq(users.regionId, w.a.id), eq(users.id, w.a.users.asn)));
  asn = await w.login('asn');
  const [punctual, habitual, other] = [w.a.people.u1[0], w.a.people.u1[1], w.a.people.u2[0]];
  const fridayEnd = (d: string) => (new Date(`${d}T00:00:00Z`).getUTCDay() === 5 ? '16:30:00' : '16:00:00');
  // Punctual: on time every day; 07:30:59 on the first day is still on time. 5 October absent, excused.
  await punch(
    punctual,
    workingDays
      .filter((d) => d !== '2026-10-05')
      .flatMap((d) => [`${d} ${d === '2026-10-01' ? '07:30:59' : '07:20:00'}`, `${d} ${fridayEnd(d)}`]),
  );
  await w.database.db.insert(attendanceExcuses).values({
    regionId: w.a.id,
    civilServantId: punctual,
    kind: 'sick',
    startDate: '2026-10-05',
    endDate: '2026-10-05',
    note: 'Surat dokter',
  });
  // Habitual: 45 minutes late on the first four Mondays-Thursdays of the month, else on time; never on 30 October (TK).
  const late = ['2026-10-01', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-12'];
  await punch(
    habitual,
    workingDays
      .filter((d) => d !== '2026-10-30')
      .flatMap((d) => [`${d} ${late.includes(d) ? '08:15:00' : '07:25:00'}`, `${d} ${fridayEnd(d)}`]),
  );
  // Another unit's servant: one punch a day in the morning (no check-out: PSW4).
  await punch(
    other,
    workingDays.map((d) => `${d} 07:10:00`),
  );
});
afterAll(() => w.close());

describe('lateness from the punches', () => {
  it('shows the ASN their own month, each day with why it counts', async () => {
    const res = await asn.get(`/api/lateness/me?month=${MONTH}`);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json() as ServantMonth;
    expect(m.civilServant.id).toBe(w.a.people.u1[0]);
    expect(m.days).toHaveLength(31);
    const first = m.days.find((d) => d.date === '2026-10-01')!;
    expect(first).toMatchObject({ kind: 'present', checkIn: '07:30:59', minutesLate: 0, bands: [] });
    expect(m.days.find((d) => d.date === '2026-10-05')).toMatchObject({ kind: 'excused', bands: [] });
    expect(m.days.find((d) => d.date === '2026-10-03')).toMatchObject({ kind: 'day_off' });
    expect(m.recap).toMatchObject({
      workingDays: 22,
      excusedDays: 1,
      presentDays: 21,
      onTimeDays: 21,
      weight: 0,
    });
    for (const d of m.days) expect(d.explanation.length).toBeGreaterThan(5);
  });

  it('an account without an ASN record gets a clear 404', async () => {
    const res = await hr.get(`/api/lateness/me?month=${MONTH}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/tidak terhubung dengan data ASN/);
    expect((await hr.get('/api/lateness/me?month=2026-13')).statusCode).toBe(400);
  });

  it('bands the habitual latecomer (TL2 x5) and counts the absence (TK); the explanation says why', async () => {
    const res = await hr.get(`/api/lateness/civil-servants/${w.a.people.u1[1]}?month=${MONTH}`);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json() as ServantMonth;
    expect(m.recap.bands).toMatchObject({ TL2: 5, TK: 1, TL1: 0, PSW4: 0 });
    expect(m.recap.lateDays).toBe(5);
    const monday = m.days.find((d) => d.date === '2026-10-12')!;
    expect(monday).toMatchObject({ minutesLate: 45, bands: ['TL2'] });
    expect(monday.explanation).toContain('45 menit');
    expect(m.days.find((d) => d.date === '2026-10-30')).toMatchObject({ kind: 'absent', bands: ['TK'] });
    // 5 x 1 % (TL2) + 3 % (TK).
    expect(m.recap.weight).toBeCloseTo(8, 5);
  });

  it('recaps the region per ASN (worst first, searchable, paged) and per unit', async () => {
    const res = await hr.get(`/api/lateness/recap?month=${MONTH}&pageSize=3`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as RecapPage;
    expect(page.total).toBe(10);
    expect(page.items).toHaveLength(3);
    const all = (await hr.get(`/api/lateness/recap?month=${MONTH}&pageSize=50`)).json() as RecapPage;
    const weights = all.items.map((i) => i.recap.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(page.items).toEqual(all.items.slice(0, 3));
    // Servants without any punch are absent (TK) every working day: 22 x 3 %, the most.
    const none = all.items.filter((i) => i.recap.bands.TK === 22);
    expect(none).toHaveLength(7);
    expect(all.items.slice(0, 7)).toEqual(none);
    // Then the servant of unit 2 without check-outs: PSW4 every day (22 x 2.5 %), then the latecomer.
    expect(all.items[7]).toMatchObject({ civilServantId: w.a.people.u2[0] });
    expect(all.items[7].recap.bands.PSW4).toBe(22);
    expect(all.items[7].recap.weight).toBeCloseTo(55, 5);
    expect(all.items[8]).toMatchObject({ civilServantId: w.a.people.u1[1] });
    const u1 = page.units.find((u) => u.workUnitId === w.a.units.u1)!;
    expect(u1).toMatchObject({ servants: 5, habitual: 1 });
    expect(u1.bands.TL2).toBe(5);
    const flagged = (
      await hr.get(`/api/lateness/recap?month=${MONTH}&flagged=true&pageSize=50`)
    ).json() as RecapPage;
    expect(flagged.items.every((i) => i.recap.weight > 0)).toBe(true);
    const search = (
      await hr.get(`/api/lateness/recap?month=${MONTH}&q=${w.a.nips.u1[1]}`)
    ).json() as RecapPage;
    expect(search.items.map((i) => i.civilServantId)).toEqual([w.a.people.u1[1]]);
  });

  it('a recap read again shows what changed in between: an excuse, a new punch', async () => {
    const row = async (id: string) =>
      ((await hr.get(`/api/lateness/recap?month=${MONTH}&pageSize=50`)).json() as RecapPage).items.find(
        (i) => i.civilServantId === id,
      )!.recap;
    const [habitual, other] = [w.a.people.u1[1], w.a.people.u2[0]];
    const before = (await hr.get(`/api/lateness/recap?month=${MONTH}&pageSize=50`)).json() as RecapPage;
    expect((await hr.get(`/api/lateness/recap?month=${MONTH}&pageSize=50`)).json()).toEqual(before);
    expect((await row(habitual)).bands.TL2).toBe(5);
    // The head of unit 1 reads the same numbers for their unit as the region's readers.
    const mine = (await head.get(`/api/lateness/recap?month=${MONTH}&pageSize=50`)).json() as RecapPage;
    for (const item of mine.items)
      expect(item.recap).toEqual(before.items.find((i) => i.civilServantId === item.civilServantId)!.recap);
    const made = await hr.post('/api/attendance/excuses', {
      civilServantId: habitual,
      kind: 'official_travel',
      start: '2026-10-01',
      end: '2026-10-01',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect((await row(habitual)).bands.TL2).toBe(4);
    // A check-out found later for a day without one: one early-leaving day (PSW4) fewer.
    await punch(other, ['2026-10-02 16:30:00']);
    expect((await row(other)).bands.PSW4).toBe(21);
    const gone = await hr.delete(`/api/attendance/excuses/${made.json().id}`, {
      version: made.json().version,
    });
    expect(gone.statusCode, gone.body).toBe(200);
    expect((await row(habitual)).bands.TL2).toBe(5);
  });

  it("gives an OPD head their own unit only; another unit's ASN is not found", async () => {
    const own = (await head.get(`/api/lateness/recap?month=${MONTH}&pageSize=50`)).json() as RecapPage;
    expect(new Set(own.items.map((i) => i.workUnitId))).toEqual(new Set([w.a.units.u1]));
    expect(
      (await head.get(`/api/lateness/civil-servants/${w.a.people.u2[0]}?month=${MONTH}`)).statusCode,
    ).toBe(404);
    expect((await head.get(`/api/lateness/recap?month=${MONTH}&workUnitId=${w.a.units.u2}`)).statusCode).toBe(
      404,
    );
    const b = await w.login('admin', { region: 'b' });
    expect((await b.get(`/api/lateness/civil-servants/${w.a.people.u1[1]}?month=${MONTH}`)).statusCode).toBe(
      404,
    );
  });

  it('exports the recap as XLSX per ASN and per unit', async () => {
    const res = await hr.get(`/api/lateness/recap.xlsx?month=${MONTH}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="rekap-keterlambatan-${MONTH}\\.xlsx"`),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Per ASN', 'Per OPD']);
    expect(wb.getWorksheet('Per ASN')!.rowCount).toBe(11);
    expect(wb.getWorksheet('Per OPD')!.rowCount).toBe(3);
  });

  it('counts a month in progress up to yesterday only', async () => {
    const actor = await w.actorOf(asn);
    const mid = await myMonth(w.database.db, actor, MONTH, new Date('2026-10-14T03:00:00Z'));
    expect(mid.days.at(-1)!.date).toBe('2026-10-13');
    const all = await recap(
      w.database.db,
      await w.actorOf(hr),
      { month: MONTH, page: 1, pageSize: 50, flagged: false },
      AFTER,
    );
    expect(all.total).toBe(10);
  });
});
