import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/contract/common.js';
import type { Database } from '../../src/server/db/client.js';
import {
  attendanceExcuses,
  attendanceImports,
  attendancePunches,
  civilServants,
  regions,
  rewards,
  sanctions,
  users,
  workSchedules,
  workUnits,
} from '../../src/server/db/schema.js';
import { myMonth, recap } from '../../src/server/modules/discipline/lateness.service.js';
import { roster } from '../../src/server/modules/discipline/roster.service.js';
import { isWorkingDay } from '../../src/server/modules/monitoring/working-days.domain.js';
import type { Actor } from '../../src/server/platform/policy.js';
import { DEMO_ATTENDANCE_UNITS, DEMO_IMPORT_NAME } from '../../src/server/seed/demo-attendance.js';
import { DEMO_REGION, seedDemo } from '../../src/server/seed/demo.js';
import { ramadanRange, seededCalendar } from '../../src/server/seed/holidays.js';
import { testDatabase } from '../support/db.js';

/**
 * The demo's year of attendance (seed/demo-attendance.ts) as the lateness service counts it: a year of
 * punches on working days only, Ramadan hours, most ASN punctual, some habitually late (asn.demo
 * among them last month, so that an evaluation of last month hits them), fewer latecomers after the
 * rules started, and a few excuses.
 */

/** 20 November 2026 (WIB): the last full month is October; the rules apply from August. */
const TODAY = new Date('2026-11-20T03:00:00Z');
const LAST_MONTH = '2026-10';

let database: Database;
let regionId: string;
let evidenceDir: string;
let asnActor: Actor;
let hrActor: Actor;
let dinkes: string;

async function actorOf(username: string, role: Role): Promise<Actor> {
  const [u] = await database.db
    .select()
    .from(users)
    .where(and(eq(users.regionId, regionId), eq(users.username, username)));
  return {
    userId: u.id,
    regionId,
    username,
    fullName: u.fullName,
    sessionId: 'uji',
    csrfToken: 'uji',
    roles: [{ role, workUnitId: null }],
  };
}

beforeAll(async () => {
  database = await testDatabase();
  evidenceDir = mkdtempSync(path.join(tmpdir(), 'lk-demo-att-'));
  expect((await seedDemo(database, TODAY, { evidenceDir })).created).toBe(true);
  const [r] = await database.db.select().from(regions).where(eq(regions.slug, DEMO_REGION.slug));
  regionId = r.id;
  asnActor = await actorOf('asn.demo', 'asn');
  hrActor = await actorOf('bkpsdm', 'hr_officer');
  const [u] = await database.db
    .select({ id: workUnits.id })
    .from(workUnits)
    .where(and(eq(workUnits.regionId, regionId), eq(workUnits.code, '1.02.01')));
  dinkes = u.id;
  // The whole demo seed (about 2,000 ASN and half a million punches) on a busy machine.
}, 300_000);
afterAll(async () => {
  await database.close();
  rmSync(evidenceDir, { recursive: true, force: true });
});

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

describe('the demo attendance', () => {
  it('has punches in at least 11 months up to yesterday, on working days only, from one "Data demo" import', async () => {
    const months = rows<{ m: string; n: number }>(
      await database.db.execute(
        sql`select to_char(day, 'YYYY-MM') as m, count(*)::int as n from ${attendancePunches}
          where region_id = ${regionId} group by 1 order by 1`,
      ),
    );
    expect(months.length).toBeGreaterThanOrEqual(11);
    expect(months.at(-1)!.m).toBe('2026-11');
    const days = rows<{ d: string }>(
      await database.db.execute(
        sql`select distinct day::text as d from ${attendancePunches} where region_id = ${regionId}`,
      ),
    ).map((r) => r.d);
    const cal = seededCalendar();
    expect(days.filter((d) => !isWorkingDay(cal, d))).toEqual([]);
    expect(days.every((d) => d <= '2026-11-19')).toBe(true);
    // Holidays of the period (Idulfitri 2026, Independence Day) have no punches.
    expect(days).not.toContain('2026-03-20');
    expect(days).not.toContain('2026-08-17');

    const imports = await database.db
      .select()
      .from(attendanceImports)
      .where(eq(attendanceImports.regionId, regionId));
    expect(imports).toHaveLength(1);
    const total = months.reduce((a, m) => a + m.n, 0);
    expect(imports[0]).toMatchObject({
      fileName: DEMO_IMPORT_NAME,
      status: 'committed',
      punchesAdded: total,
    });
    // The ASN of the pilot units have the year, the others the last full month and this one.
    const people = rows<{ unit: string; first: string }>(
      await database.db.execute(
        sql`select w.code as unit, min(p.day)::text as first from ${attendancePunches} p
          join ${civilServants} c on c.region_id = p.region_id and c.id = p.civil_servant_id
          join ${workUnits} w on w.region_id = c.region_id and w.id = c.work_unit_id
          where p.region_id = ${regionId} group by w.code`,
      ),
    );
    for (const p of people)
      expect([p.unit, p.first < '2026-10-01']).toEqual([
        p.unit,
        (DEMO_ATTENDANCE_UNITS as readonly string[]).includes(p.unit),
      ]);
  });

  it('follows the Ramadan hours on Ramadan days (stored schedule), the regular hours otherwise', async () => {
    const [s] = await database.db.select().from(workSchedules).where(eq(workSchedules.regionId, regionId));
    const ramadan = ramadanRange(2026)!;
    expect((s.schedules as { ramadan: unknown[] }).ramadan).toContainEqual(ramadan);
    const share = async (day: string, from: string, to: string) => {
      const [r] = rows<{ inside: number; all: number }>(
        await database.db.execute(
          sql`select count(*) filter (where t >= ${from}::time and t < ${to}::time)::int as inside,
              count(*)::int as all
            from (select min(local_time) as t from ${attendancePunches}
              where region_id = ${regionId} and day = ${day}::date group by civil_servant_id) x`,
        ),
      );
      return r.inside / r.all;
    };
    // Monday 2 March 2026 is in Ramadan (start 08:00), Monday 4 May 2026 is not (07:30).
    expect(await share('2026-03-02', '07:15', '08:00')).toBeGreaterThan(0.7);
    expect(await share('2026-05-04', '06:45', '07:30')).toBeGreaterThan(0.7);
    const march = await myMonth(database.db, asnActor, '2026-03', TODAY);
    expect(march.days.find((d) => d.date === '2026-03-02')!.start).toBe('08:00');
    expect(march.days.find((d) => d.date === '2026-03-25')!.start).toBe('07:30');
  });

  it('makes asn.demo habitually late last month: at least 4 days of TL2-TL4', async () => {
    const m = await myMonth(database.db, asnActor, LAST_MONTH, TODAY);
    expect(m.recap.lateDays).toBeGreaterThanOrEqual(4);
    expect(m.recap.bands.TL2 + m.recap.bands.TL3 + m.recap.bands.TL4).toBeGreaterThanOrEqual(4);
    expect(m.civilServant.workUnitName).toBe('Dinas Kesehatan');
  });

  it('keeps most ASN punctual last month, with some habitual latecomers in the region', async () => {
    const page = await recap(
      database.db,
      hrActor,
      { month: LAST_MONTH, page: 1, pageSize: 5000, flagged: false },
      TODAY,
    );
    const [{ n }] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(civilServants)
      .where(and(eq(civilServants.regionId, regionId), eq(civilServants.active, true)));
    expect(page.items).toHaveLength(n);
    const clean = page.items.filter((i) => i.recap.lateDays === 0).length;
    expect(clean / n).toBeGreaterThanOrEqual(0.7);
    // Every ASN had data last month: no one absent (TK) all month.
    expect(page.items.filter((i) => i.recap.bands.TK === i.recap.daysCounted)).toEqual([]);
    const habitual = page.units.reduce((a, u) => a + u.habitual, 0);
    expect(habitual).toBeGreaterThanOrEqual(10);
    expect(habitual / n).toBeLessThan(0.06);
  });

  it('shows fewer habitual latecomers after the rules started than before', async () => {
    const habitual = async (month: string) =>
      (
        await recap(
          database.db,
          hrActor,
          { month, page: 1, pageSize: 1, flagged: false, workUnitId: dinkes },
          TODAY,
        )
      ).units[0].habitual;
    const before = (await habitual('2026-05')) + (await habitual('2026-06'));
    const after = (await habitual('2026-09')) + (await habitual(LAST_MONTH));
    expect(before).toBeGreaterThanOrEqual(20);
    expect(after).toBeLessThan(before * 0.7);
  });

  it('records a few excuses (leave, sick, official travel) that the month views honour', async () => {
    const excuses = await database.db
      .select()
      .from(attendanceExcuses)
      .where(eq(attendanceExcuses.regionId, regionId));
    expect(excuses.length).toBeGreaterThan(10);
    expect(new Set(excuses.map((e) => e.kind))).toEqual(new Set(['leave', 'sick', 'official_travel']));
    // asn.demo's sick day two months before the last full month.
    const august = await myMonth(database.db, asnActor, '2026-08', TODAY);
    expect(august.recap.excusedDays).toBe(1);
    expect(august.days.find((d) => d.kind === 'excused')!.explanation).toMatch(/^Sakit/);
  });
});

describe('the demo sanctions and rewards (seed/demo-discipline.ts)', () => {
  it('holds sanctions in every state of due process, one appealed and revoked, and granted rewards', async () => {
    const states = rows<{ state: string; n: number }>(
      await database.db.execute(
        sql`select state, count(*)::int as n from ${sanctions} where region_id = ${regionId} group by 1`,
      ),
    );
    const count = new Map(states.map((s) => [s.state, s.n]));
    for (const state of [
      'proposed',
      'notified',
      'appealed',
      'revoked',
      'active',
      'completed',
      'rejected',
      'cancelled',
    ])
      expect(count.get(state) ?? 0, state).toBeGreaterThanOrEqual(1);
    const [revoked] = await database.db
      .select()
      .from(sanctions)
      .where(and(eq(sanctions.regionId, regionId), eq(sanctions.state, 'revoked')));
    expect(revoked.appealReason).toBeTruthy();
    expect(revoked.decisionReason).toBeTruthy();
    const granted = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(rewards)
      .where(and(eq(rewards.regionId, regionId), eq(rewards.state, 'granted')));
    expect(granted[0].n).toBeGreaterThanOrEqual(1);
  });

  it('puts vests on the roster of today (a working day), each on its first serving day', async () => {
    const day = '2026-11-20';
    const r = await roster(database.db, hrActor, day);
    const people = r.units.flatMap((u) => u.rows);
    expect(people.length).toBeGreaterThanOrEqual(1);
    expect(people.every((p) => p.state === 'active' && p.label.length > 0)).toBe(true);
    expect(people.some((p) => p.dayNumber === 1)).toBe(true);
  });
});
