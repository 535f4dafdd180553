import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Role } from '../../contract/common.js';
import type { Database } from '../db/client.js';
import { regions, rewards, sanctions, userRoles, users } from '../db/schema.js';
import { localDay } from '../platform/calendar.js';
import type { Actor } from '../platform/policy.js';
import { loadCalendar } from '../modules/monitoring/calendar.service.js';
import {
  addDays,
  addWorkingDays,
  isWorkingDay,
  type WorkingCalendar,
} from '../modules/monitoring/working-days.domain.js';
import {
  advanceSanctions,
  transitionRewardCase,
  transitionSanctionCase,
} from '../modules/discipline/cases.service.js';
import { commit } from '../modules/discipline/evaluation.service.js';

/**
 * Demo sanctions and rewards (issue 5): the region admin runs the evaluations of the two months before
 * this one, the head of region decides, the subjects appeal, and the platform moves the cases on, each
 * on its own day in the past, through the same services as the web app. So the demo holds cases in
 * every state: completed (served last month), one appealed and revoked, one appealed and upheld,
 * active ones on today's roster (or the last working day's), one notified with its appeal window still
 * open (asn.demo's when the demo ASN was hit), proposed ones waiting for the head of region, one
 * rejected and one cancelled; and granted rewards with their certificates.
 */

async function actorOf(database: Database, regionId: string, username: string): Promise<Actor> {
  const [u] = await database.db
    .select()
    .from(users)
    .where(and(eq(users.regionId, regionId), eq(users.username, username)));
  const roles = await database.db
    .select({ role: userRoles.role, workUnitId: userRoles.workUnitId })
    .from(userRoles)
    .where(and(eq(userRoles.regionId, regionId), eq(userRoles.userId, u.id)));
  return {
    userId: u.id,
    regionId,
    username: u.username,
    fullName: u.fullName,
    sessionId: 'seed',
    csrfToken: 'seed',
    roles: roles.map((r) => ({ role: r.role as Role, workUnitId: r.workUnitId })),
  };
}

/** 09:00 local (WIB) on a day. */
const at = (day: string) => new Date(`${day}T09:00:00+07:00`);

/** The first working day on or after `day`. */
function workingOnOrAfter(cal: WorkingCalendar, day: string) {
  return isWorkingDay(cal, day) ? day : addWorkingDays(cal, day, 1);
}

/** The working day `n` working days before `day`. */
function workingDaysBefore(cal: WorkingCalendar, day: string, n: number) {
  let d = day;
  for (let i = 0; i < n;) {
    d = addDays(d, -1);
    if (isWorkingDay(cal, d)) i++;
  }
  return d;
}

/**
 * The day the head of region decided most of last month's sanctions in the demo: four working days
 * before the last working day up to today, so that with the default appeal window (3 working days)
 * they start on that working day and are running today, weekends included.
 */
export function decisionDay(cal: WorkingCalendar, today: string): string {
  const lastWorking = isWorkingDay(cal, today) ? today : workingDaysBefore(cal, today, 1);
  return workingDaysBefore(cal, lastWorking, 4);
}

const monthKey = (y: number, m: number) => `${y}-M${String(m).padStart(2, '0')}`;

export async function seedDemoDiscipline(
  database: Database,
  regionId: string,
  now: Date,
  opts: { asnDemoUserId: string },
): Promise<void> {
  const db = database.db;
  const [region] = await db.select().from(regions).where(eq(regions.id, regionId));
  const today = localDay(now, region.timezone);
  const cal = await loadCalendar(db, regionId);
  const admin = await actorOf(database, regionId, 'admin.malang');
  const head = await actorOf(database, regionId, 'walikota');
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const back = () => {
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
    return monthKey(y, m);
  };
  const last = back();
  const before = back();

  // The month before last: run on its next month's second working day, decided the day after; all
  // served by now, except the revoked one.
  const firstOfLast = `${last.slice(0, 4)}-${last.slice(6)}-01`;
  const runDay = addWorkingDays(cal, workingOnOrAfter(cal, firstOfLast), 1);
  await commit(database, admin, regionId, before, { now: at(runDay) });
  const older = await db
    .select()
    .from(sanctions)
    .where(
      and(eq(sanctions.regionId, regionId), eq(sanctions.periodKey, before), eq(sanctions.state, 'proposed')),
    )
    .orderBy(asc(sanctions.subjectName));
  const decideDay = addWorkingDays(cal, runDay, 1);
  for (const s of older)
    await transitionSanctionCase(
      database,
      head,
      s.id,
      { event: 'approve', version: s.version },
      at(decideDay),
    );
  const asnOf = async (userId: string | null) =>
    userId ? actorOf(database, regionId, (await userName(database, userId))!) : null;
  // Two subjects with an account appeal: one revoked, one upheld.
  const withAccount = older.filter((s) => s.subjectUserId && s.subjectUserId !== opts.asnDemoUserId);
  const appealDay = addWorkingDays(cal, decideDay, 1);
  const decisions: [string, 'revoke' | 'uphold', string, string][] = [
    [
      'revoke',
      'revoke',
      'Pada tanggal-tanggal tersebut saya bertugas di posyandu sejak pagi atas perintah atasan; surat tugas terlampir.',
      'Surat tugas sah dan mencakup hari-hari keterlambatan: sanksi dicabut.',
    ],
    [
      'uphold',
      'uphold',
      'Kendaraan saya rusak pada beberapa hari tersebut.',
      'Alasan tidak didukung bukti dan tidak termasuk alasan yang dikecualikan Perwali: sanksi dikuatkan.',
    ],
  ].map((x) => x as [string, 'revoke' | 'uphold', string, string]);
  for (const [i, [, event, appeal, decision]] of decisions.entries()) {
    const s = withAccount[i];
    if (!s) break;
    const subject = await asnOf(s.subjectUserId);
    if (!subject) continue;
    const [cur] = await db.select().from(sanctions).where(eq(sanctions.id, s.id));
    await transitionSanctionCase(
      database,
      subject,
      s.id,
      { event: 'appeal', reason: appeal, version: cur.version },
      at(appealDay),
    );
    const [ap] = await db.select().from(sanctions).where(eq(sanctions.id, s.id));
    await transitionSanctionCase(
      database,
      head,
      s.id,
      { event, reason: decision, version: ap.version },
      at(addWorkingDays(cal, appealDay, 1)),
    );
  }
  // The platform's daily moves up to now.
  for (let d = decideDay; d <= today; d = addWorkingDays(cal, d, 1))
    await advanceSanctions(database, regionId, at(d));

  // Last month: run on this month's first working day; the head of region decided most of them four
  // working days before the last working day up to today (so the appeal window has passed and they
  // are on that day's roster: today's on a working day, Friday's on a weekend, and still running),
  // rejected one, cancelled one, and left a few for the demo; the demo ASN was notified on the
  // working day before the next one.
  const firstOfThis = `${today.slice(0, 7)}-01`;
  const run2 = workingOnOrAfter(cal, firstOfThis);
  await commit(database, admin, regionId, last, { now: at(run2 <= today ? run2 : today) });
  const recent = await db
    .select()
    .from(sanctions)
    .where(
      and(eq(sanctions.regionId, regionId), eq(sanctions.periodKey, last), eq(sanctions.state, 'proposed')),
    )
    .orderBy(asc(sanctions.subjectName));
  const decided = decisionDay(cal, today);
  const demoOwn = recent.find((s) => s.subjectUserId === opts.asnDemoUserId);
  const others = recent.filter((s) => s !== demoOwn);
  const waiting = others.slice(-3);
  for (const [i, s] of others.slice(0, -3).entries()) {
    const day = decided < run2 ? run2 : decided;
    if (i === 0)
      await transitionSanctionCase(
        database,
        head,
        s.id,
        {
          event: 'reject',
          reason: 'Dua hari keterlambatan bertepatan dengan gangguan mesin absensi yang tercatat.',
          version: s.version,
        },
        at(day),
      );
    else if (i === 1)
      await transitionSanctionCase(
        database,
        head,
        s.id,
        { event: 'cancel', reason: 'ASN yang bersangkutan dimutasi ke luar daerah.', version: s.version },
        at(day),
      );
    else
      await transitionSanctionCase(database, head, s.id, { event: 'approve', version: s.version }, at(day));
  }
  if (demoOwn) {
    const day = workingDaysBefore(cal, workingOnOrAfter(cal, today), 1);
    await transitionSanctionCase(
      database,
      head,
      demoOwn.id,
      { event: 'approve', version: demoOwn.version },
      at(day < run2 ? run2 : day),
    );
  }
  void waiting;
  // One of them appealed the next working day and waits for the head of region's decision.
  const pending = others.slice(2, -3).find((s) => s.subjectUserId && s.subjectUserId !== opts.asnDemoUserId);
  const subject = pending ? await asnOf(pending.subjectUserId) : null;
  const appealOn = addWorkingDays(cal, decided < run2 ? run2 : decided, 1);
  if (pending && subject && appealOn <= today) {
    const [cur] = await db.select().from(sanctions).where(eq(sanctions.id, pending.id));
    await transitionSanctionCase(
      database,
      subject,
      pending.id,
      {
        event: 'appeal',
        reason:
          'Pada dua hari tersebut saya mengikuti pelatihan di luar kantor; undangan pelatihan menyusul.',
        version: cur.version,
      },
      at(appealOn),
    );
  }
  await advanceSanctions(database, regionId, now);

  // Rewards of both months: most granted, the rest waiting.
  const proposed = await db
    .select()
    .from(rewards)
    .where(
      and(
        eq(rewards.regionId, regionId),
        inArray(rewards.periodKey, [before, last]),
        eq(rewards.state, 'proposed'),
      ),
    )
    .orderBy(asc(rewards.subjectName));
  for (const r of proposed.slice(0, Math.max(0, proposed.length - 2)))
    await transitionRewardCase(
      database,
      head,
      r.id,
      { event: 'approve', version: r.version },
      at(r.periodKey === before ? decideDay : decided < run2 ? run2 : decided),
    );
}

async function userName(database: Database, id: string) {
  const [u] = await database.db.select({ username: users.username }).from(users).where(eq(users.id, id));
  return u?.username ?? null;
}
