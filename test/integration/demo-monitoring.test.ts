import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/contract/common.js';
import type { Database } from '../../src/server/db/client.js';
import {
  auditEntries,
  civilServants,
  contractIndicators,
  contractMilestones,
  contracts,
  contractTargets,
  cycles,
  evidenceFiles,
  milestoneProgress,
  periodClosures,
  realizations,
  regions,
  userRoles,
  users,
  workUnits,
} from '../../src/server/db/schema.js';
import type { Aggregation, Frequency } from '../../src/server/modules/auction/proposal.domain.js';
import type { Polarity } from '../../src/server/modules/auction/terms.js';
import { earlyWarning } from '../../src/server/modules/monitoring/early-warning.domain.js';
import { deadlineOf, parsePeriodKey, periodsOf } from '../../src/server/modules/monitoring/periods.domain.js';
import { getRealization, queue, todo } from '../../src/server/modules/monitoring/realizations.service.js';
import { workingDaysLate } from '../../src/server/modules/monitoring/working-days.domain.js';
import { verifyChain } from '../../src/server/platform/audit.js';
import { localDay } from '../../src/server/platform/calendar.js';
import type { Actor } from '../../src/server/platform/policy.js';
import {
  demoMonitoringPlan,
  monitoringPlanInput,
  type MonitoringSeedContext,
} from '../../src/server/seed/demo-monitoring.js';
import { DEMO_REGION, seedDemo } from '../../src/server/seed/demo.js';
import { seededCalendar } from '../../src/server/seed/holidays.js';
import { readEvidence, sha256 } from '../../src/server/platform/evidence.js';
import { testDatabase } from '../support/db.js';

/** Late November of the first term year: January to October and the first three quarters have ended. */
const TODAY = new Date('2026-11-20T03:00:00Z');
const YEAR = 2026;
const TZ = 'Asia/Jakarta';
const TODAY_LOCAL = localDay(TODAY, TZ);
const cal = seededCalendar();

const DINKES = '1.02.01';
const DISDIK = '1.01.01';
const DPUPR = '1.03.01';
const DPMPTSP = '2.18.01';
const KEDUNGKANDANG = '7.01.02';

let database: Database;
let regionId: string;
let evidenceDir: string;

beforeAll(async () => {
  database = await testDatabase();
  evidenceDir = mkdtempSync(path.join(tmpdir(), 'lk-demo-evidence-'));
  const result = await seedDemo(database, TODAY, { evidenceDir });
  expect(result.created).toBe(true);
  const [r] = await database.db.select().from(regions).where(eq(regions.slug, DEMO_REGION.slug));
  regionId = r.id;
  // The whole demo seed (with a year of attendance and the discipline runs) on a busy machine.
}, 300_000);
afterAll(async () => {
  await database.close();
  rmSync(evidenceDir, { recursive: true, force: true });
});

async function load() {
  const { db } = database;
  const [cycle] = await db.select().from(cycles).where(eq(cycles.regionId, regionId));
  const units = await db.select().from(workUnits).where(eq(workUnits.regionId, regionId));
  const contractList = await db.select().from(contracts).where(eq(contracts.regionId, regionId));
  const indicators = await db
    .select()
    .from(contractIndicators)
    .where(eq(contractIndicators.regionId, regionId))
    .orderBy(asc(contractIndicators.position));
  const targets = await db
    .select()
    .from(contractTargets)
    .where(and(eq(contractTargets.regionId, regionId), eq(contractTargets.year, YEAR)));
  const milestones = await db
    .select()
    .from(contractMilestones)
    .where(eq(contractMilestones.regionId, regionId));
  const rows = await db.select().from(realizations).where(eq(realizations.regionId, regionId));
  const progress = await db.select().from(milestoneProgress).where(eq(milestoneProgress.regionId, regionId));
  const closures = await db.select().from(periodClosures).where(eq(periodClosures.regionId, regionId));
  const userList = await db.select().from(users).where(eq(users.regionId, regionId));
  const roles = await db.select().from(userRoles).where(eq(userRoles.regionId, regionId));
  const people = await db.select().from(civilServants).where(eq(civilServants.regionId, regionId));
  const codeOfUnit = (unitId: string) => units.find((u) => u.id === unitId)!.code;
  const codeOf = (contractId: string) =>
    codeOfUnit(contractList.find((c) => c.id === contractId)!.workUnitId);
  const contractOf = (code: string) => contractList.find((c) => codeOfUnit(c.workUnitId) === code)!;
  const username = (id: string | null | undefined) => userList.find((u) => u.id === id)?.username ?? null;
  const userId = (name: string) => userList.find((u) => u.username === name)!.id;
  const indicatorOf = (contractId: string, key: string) =>
    indicators.find((i) => i.contractId === contractId && i.key === key)!;
  return {
    cycle,
    units,
    contractList,
    indicators,
    targets,
    milestones,
    rows,
    progress,
    closures,
    userList,
    roles,
    people,
    codeOf,
    codeOfUnit,
    contractOf,
    username,
    userId,
    indicatorOf,
  };
}

const HEADS: Record<string, string> = {
  [DINKES]: 'kadinkes',
  [DISDIK]: 'kepala.disdik',
  [DPUPR]: 'kepala.dpupr',
  [DPMPTSP]: 'kepala.dpmptsp',
  [KEDUNGKANDANG]: 'kepala.kedungkandang',
};

async function actorOf(name: string): Promise<Actor> {
  const { db } = database;
  const [u] = await db
    .select()
    .from(users)
    .where(and(eq(users.regionId, regionId), eq(users.username, name)));
  const roles = await db
    .select({ role: userRoles.role, workUnitId: userRoles.workUnitId })
    .from(userRoles)
    .where(and(eq(userRoles.regionId, regionId), eq(userRoles.userId, u.id)));
  return {
    userId: u.id,
    regionId,
    username: name,
    fullName: u.fullName,
    sessionId: 'x',
    csrfToken: 'x',
    roles: roles.map((r) => ({ role: r.role as Role, workUnitId: r.workUnitId })),
  };
}

/** Every table the monitoring demo writes to. */
async function tableCounts() {
  const { db } = database;
  const count = async (t: typeof realizations | typeof milestoneProgress | typeof auditEntries) => {
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(t)
      .where(eq(t.regionId, regionId));
    return r.n;
  };
  const [closed] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(periodClosures)
    .where(eq(periodClosures.regionId, regionId));
  return {
    realizations: await count(realizations),
    milestoneProgress: await count(milestoneProgress),
    auditEntries: await count(auditEntries),
    periodClosures: closed.n,
  };
}

describe('the demo monitoring year', () => {
  it('gives every report submitted and every milestone done a PDF of evidence, stored like an upload', async () => {
    const files = await database.db.select().from(evidenceFiles).where(eq(evidenceFiles.regionId, regionId));
    const reported = await database.db
      .select({ id: realizations.id, status: realizations.status })
      .from(realizations)
      .where(eq(realizations.regionId, regionId));
    const done = await database.db
      .select({ id: milestoneProgress.id })
      .from(milestoneProgress)
      .where(eq(milestoneProgress.regionId, regionId));
    const owners = new Set(files.map((f) => f.ownerId));
    for (const r of reported) expect(owners.has(r.id)).toBe(r.status !== 'draft');
    for (const m of done) expect(owners.has(m.id)).toBe(true);
    expect(files).toHaveLength(reported.filter((r) => r.status !== 'draft').length + done.length);
    for (const f of files.slice(0, 5)) {
      const data = await readEvidence(evidenceDir, regionId, f.id);
      expect(data.subarray(0, 5).toString()).toBe('%PDF-');
      expect(sha256(data)).toBe(f.sha256);
      expect(f.contentType).toBe('application/pdf');
    }
  });

  it('reports every ended period of the year, of the indicator frequency and in the term, but one', async () => {
    const { cycle, contractList, indicators, rows, indicatorOf, codeOf } = await load();
    expect(contractList).toHaveLength(5);
    for (const row of rows) {
      const period = parsePeriodKey(row.periodKey)!;
      expect(period, row.periodKey).not.toBeNull();
      expect(period.frequency).toBe(indicatorOf(row.contractId, row.indicatorKey).frequency);
      expect(period.year).toBe(row.year);
      expect(row.year).toBeGreaterThanOrEqual(cycle.startYear);
      expect(row.year).toBeLessThanOrEqual(cycle.endYear);
      expect(period.end < TODAY_LOCAL, row.periodKey).toBe(true);
      for (const at of [row.createdAt, row.updatedAt, row.submittedAt, row.verifiedAt, row.returnedAt])
        if (at) expect(at.getTime()).toBeLessThan(TODAY.getTime());
    }
    // The slots of ended periods with nothing entered: Kedungkandang's October, past its deadline.
    const missing = indicators.flatMap((ind) =>
      periodsOf(ind.frequency as Frequency, YEAR)
        .filter((p) => p.end < TODAY_LOCAL)
        .filter(
          (p) =>
            !rows.some(
              (r) => r.contractId === ind.contractId && r.indicatorKey === ind.key && r.periodKey === p.key,
            ),
        )
        .map((p) => ({ unit: codeOf(ind.contractId), key: ind.key, period: p.key, deadline: deadlineOf(p) })),
    );
    expect(missing).toEqual([
      { unit: KEDUNGKANDANG, key: 'pendampingan', period: '2026-M10', deadline: '2026-11-10' },
    ]);
    expect(missing[0].deadline < TODAY_LOCAL).toBe(true);
    // Months January to October, quarters I to III, the first semester; no year has ended.
    expect([...new Set(rows.map((r) => r.periodKey))].sort()).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `2026-M${String(i + 1).padStart(2, '0')}`),
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-S1',
    ]);
  });

  it('has reports verified, waiting, returned, corrected, drafted and late', async () => {
    const { rows, codeOf } = await load();
    const by = (status: string) => rows.filter((r) => r.status === status);
    expect(by('verified').length).toBeGreaterThan(40);
    expect(by('submitted').length).toBeGreaterThanOrEqual(2);
    expect(by('returned')).toHaveLength(1);
    expect(by('returned')[0].returnReason).toMatch(/^Lampirkan rekap per puskesmas/);
    expect(codeOf(by('returned')[0].contractId)).toBe(DINKES);
    expect(by('draft')).toHaveLength(1);
    const late = rows.filter((r) => (r.lateWorkingDays ?? 0) >= 1);
    expect(late.length).toBeGreaterThanOrEqual(4);
    // One report more than 5 working days late (the KINERJA_LAMBAT rule's threshold).
    expect(late.some((r) => r.lateWorkingDays! > 5)).toBe(true);
    // Returned once, corrected and verified: lateness stays that of the first submission.
    const corrected = rows.find((r) => r.status === 'verified' && r.returnedAt)!;
    expect(corrected).toBeDefined();
    expect(corrected.firstSubmittedAt!.getTime()).toBeLessThan(corrected.returnedAt!.getTime());
    expect(corrected.returnedAt!.getTime()).toBeLessThan(corrected.submittedAt!.getTime());
    expect(corrected.submittedAt!.getTime()).toBeLessThan(corrected.verifiedAt!.getTime());
    expect(corrected.version).toBe(6);
  });

  it('follows the service rules: who enters and submits, and lateness in working days of the first submission', async () => {
    const { rows, codeOf, username } = await load();
    for (const r of rows) {
      const unit = codeOf(r.contractId);
      expect(username(r.enteredBy)).toBe(unit === DINKES ? 'operator.dinkes' : HEADS[unit]);
      if (r.status === 'draft') {
        expect(r).toMatchObject({
          firstSubmittedAt: null,
          submittedBy: null,
          lateWorkingDays: null,
          version: 1,
        });
        continue;
      }
      expect(username(r.submittedBy)).toBe(HEADS[unit]);
      expect(r.firstSubmittedAt!.getTime()).toBeLessThanOrEqual(r.submittedAt!.getTime());
      const deadline = deadlineOf(parsePeriodKey(r.periodKey)!);
      expect(r.lateWorkingDays, `${r.indicatorKey} ${r.periodKey}`).toBe(
        workingDaysLate(cal, deadline, localDay(r.firstSubmittedAt!, TZ)),
      );
      expect(r.version).toBeGreaterThanOrEqual(r.status === 'submitted' ? 2 : 3);
    }
  });

  it('is verified by the verifier, never by a user of the contract unit', async () => {
    const { rows, contractList, roles, userList, people, username } = await load();
    const verified = rows.filter((r) => r.status === 'verified' || r.status === 'returned');
    expect(verified.length).toBeGreaterThan(0);
    for (const r of verified) {
      const decidedBy = r.verifiedBy ?? r.returnedBy;
      expect(username(decidedBy)).toBe('verifikator');
      const unitId = contractList.find((c) => c.id === r.contractId)!.workUnitId;
      expect(roles.some((x) => x.userId === decidedBy && x.workUnitId === unitId)).toBe(false);
      const person = userList.find((u) => u.id === decidedBy)!.civilServantId;
      if (person) expect(people.find((p) => p.id === person)!.workUnitId).not.toBe(unitId);
      const decidedAt = r.verifiedAt ?? r.returnedAt!;
      expect(decidedAt.getTime()).toBeGreaterThan(r.submittedAt!.getTime());
    }
  });

  it('tells the story in the early warning: Dinas Pendidikan behind, the rest on track', async () => {
    const { indicators, targets, rows, codeOf } = await load();
    const lights: Record<string, string | null> = {};
    for (const ind of indicators) {
      const own = rows.filter((r) => r.contractId === ind.contractId && r.indicatorKey === ind.key);
      if (!own.some((r) => r.status === 'verified')) continue;
      const t = targets.find((x) => x.contractId === ind.contractId && x.indicatorKey === ind.key)!;
      const w = earlyWarning({
        polarity: ind.polarity as Polarity,
        aggregation: ind.aggregation as Aggregation,
        baseline: ind.baselineValue,
        target: { value: t.value, lower: t.lower, upper: t.upper },
        frequency: ind.frequency as Frequency,
        realizations: own.map((r) => ({
          period: r.periodKey,
          value: r.value,
          status: r.status as 'verified',
        })),
      });
      lights[`${codeOf(ind.contractId)} ${ind.key}`] = w.light;
    }
    expect(['red', 'amber']).toContain(lights[`${DISDIK} ats`]);
    const others = Object.entries(lights).filter(([k]) => k !== `${DISDIK} ats`);
    expect(others.length).toBeGreaterThanOrEqual(10);
    for (const [key, light] of others) expect(light, key).toBe('green');
    // The maternal mortality program improves quarter by quarter, below the baseline.
    const aki = rows
      .filter((r) => codeOf(r.contractId) === DINKES && r.indicatorKey === 'aki' && r.status === 'verified')
      .sort((a, b) => a.periodKey.localeCompare(b.periodKey))
      .map((r) => r.value!);
    expect(aki).toHaveLength(3);
    expect(aki[0]).toBeLessThan(98.3);
    expect(aki[1]).toBeLessThan(aki[0]);
    expect(aki[2]).toBeLessThan(aki[1]);
  });

  it('marks the milestones due so far: on time, one late, two overdue', async () => {
    const { milestones, progress, codeOf, username } = await load();
    const due = milestones.filter((m) => m.dueDate < TODAY_LOCAL);
    expect(due.length).toBeGreaterThanOrEqual(8);
    for (const p of progress) {
      const m = milestones.find((x) => x.contractId === p.contractId && x.key === p.milestoneKey)!;
      expect(p.doneOn < TODAY_LOCAL).toBe(true);
      expect(p.lateWorkingDays, p.milestoneKey).toBe(workingDaysLate(cal, m.dueDate, p.doneOn));
      expect(username(p.markedBy)).toBe(HEADS[codeOf(p.contractId)]);
    }
    const late = progress.filter((p) => p.lateWorkingDays > 0);
    expect(late.map((p) => [codeOf(p.contractId), p.milestoneKey, p.lateWorkingDays])).toEqual([
      [DPUPR, 'ded', 6],
    ]);
    const overdue = due
      .filter((m) => !progress.some((p) => p.contractId === m.contractId && p.milestoneKey === m.key))
      .map((m) => [codeOf(m.contractId), m.key])
      .sort();
    expect(overdue).toEqual([
      [DISDIK, 'jemput'],
      [DPMPTSP, 'integrasi'],
    ]);
    expect(progress).toHaveLength(due.length - overdue.length);
  });

  it('closes January and the first quarter, once every report in them is verified', async () => {
    const { closures, rows, username } = await load();
    expect(closures.map((c) => c.periodKey).sort()).toEqual(['2026-M01', '2026-Q1']);
    for (const c of closures) {
      expect(username(c.closedBy)).toBe('admin.malang');
      expect(c.closedAt.getTime()).toBeLessThan(TODAY.getTime());
      expect(localDay(c.closedAt, TZ) > deadlineOf(parsePeriodKey(c.periodKey)!)).toBe(true);
      const inPeriod = rows.filter((r) => r.periodKey === c.periodKey);
      expect(inPeriod.length).toBeGreaterThan(0);
      for (const r of inPeriod) {
        expect(r.status).toBe('verified');
        expect(r.verifiedAt!.getTime()).toBeLessThan(c.closedAt.getTime());
      }
    }
  });

  it('reads the same through the monitoring service on the demo day', async () => {
    const { rows, contractOf, codeOf } = await load();
    const admin = await actorOf('admin.malang');
    const read = (unit: string, indicatorKey: string, periodKey: string) =>
      getRealization(database.db, admin, { id: contractOf(unit).id, indicatorKey, periodKey }, TODAY);
    const overdue = await read(KEDUNGKANDANG, 'pendampingan', '2026-M10');
    expect(overdue).toMatchObject({ status: null, periodState: 'overdue' });
    expect(overdue.lateWorkingDays).toBe(workingDaysLate(cal, '2026-11-10', TODAY_LOCAL));
    expect(await read(KEDUNGKANDANG, 'kematian_ibu', '2026-Q3')).toMatchObject({
      status: 'draft',
      periodState: 'overdue',
    });
    expect(await read(DINKES, 'rujukan', '2026-Q3')).toMatchObject({
      status: 'returned',
      periodState: 'returned',
    });
    expect(await read(DINKES, 'aki', '2026-Q1')).toMatchObject({
      status: 'verified',
      periodState: 'verified',
      periodClosed: true,
    });
    const late = rows.find((r) => r.status === 'verified' && r.lateWorkingDays! > 5)!;
    expect(await read(codeOf(late.contractId), late.indicatorKey, late.periodKey)).toMatchObject({
      periodState: 'verified',
      lateWorkingDays: late.lateWorkingDays,
    });
    // The verifier's queue holds what was submitted and not yet verified.
    const waiting = rows.filter((r) => r.status === 'submitted').length;
    const q = await queue(database, await actorOf('verifikator'), { page: 1, pageSize: 50 }, TODAY);
    expect(q.total).toBe(waiting);
    // Kedungkandang's to-do list: October not reported, the third quarter still a draft.
    const list = await todo(database, await actorOf('kepala.kedungkandang'), { all: false }, TODAY);
    expect(list.counts).toMatchObject({ overdue: 2, returned: 0 });
  });

  it('is the plan of a seeded generator: the same rows on every run', async () => {
    const { units, userList, roles, cycle, rows, progress, closures } = await load();
    const code = (unitId: string | null) => units.find((u) => u.id === unitId)?.code ?? '';
    const heads = new Map(
      roles
        .filter((r) => r.role === 'opd_head' && r.workUnitId)
        .map((r) => [code(r.workUnitId), r.userId] as const),
    );
    const id = (name: string) => userList.find((u) => u.username === name)!.id;
    const ctx: MonitoringSeedContext = {
      regionId,
      cycleId: cycle.id,
      year: cycle.startYear,
      timezone: TZ,
      units: new Map(units.map((u) => [u.code, u.id])),
      opdHeads: heads,
      operators: new Map([[DINKES, id('operator.dinkes')]]),
      verifier: id('verifikator'),
      admin: id('admin.malang'),
      today: TODAY,
    };
    const input = await monitoringPlanInput(database.db, ctx);
    const plan = demoMonitoringPlan(input);
    expect(demoMonitoringPlan(input)).toEqual(plan);
    const pick = (r: Record<string, unknown>, keys: string[]) =>
      Object.fromEntries(
        keys.map((k) => [k, r[k] instanceof Date ? (r[k] as Date).toISOString() : (r[k] ?? null)]),
      );
    const sortKey = (r: { contractId: string; indicatorKey: string; periodKey: string }) =>
      `${r.contractId} ${r.indicatorKey} ${r.periodKey}`;
    const realizationKeys = [
      'contractId',
      'indicatorKey',
      'periodKey',
      'value',
      'note',
      'breakdown',
      'status',
      'version',
      'firstSubmittedAt',
      'submittedAt',
      'submittedBy',
      'lateWorkingDays',
      'verifiedAt',
      'verifiedBy',
      'returnedAt',
      'returnReason',
      'enteredBy',
      'createdAt',
    ];
    const planned = [...plan.realizations].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    const stored = [...rows].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    expect(stored.map((r) => pick(r, realizationKeys))).toEqual(planned.map((r) => pick(r, realizationKeys)));
    const milestoneKeys = ['contractId', 'milestoneKey', 'doneOn', 'lateWorkingDays', 'markedBy', 'note'];
    const byMilestone = (a: { milestoneKey: string }, b: { milestoneKey: string }) =>
      a.milestoneKey.localeCompare(b.milestoneKey);
    expect([...progress].sort(byMilestone).map((m) => pick(m, milestoneKeys))).toEqual(
      [...plan.milestones].sort(byMilestone).map((m) => pick(m, milestoneKeys)),
    );
    expect(closures.map((c) => pick(c, ['periodKey', 'closedAt'])).sort()).toEqual(
      plan.closures.map((c) => pick(c, ['periodKey', 'closedAt'])).sort(),
    );
  });

  it('writes one audit entry for the monitoring year and keeps the chain whole', async () => {
    const { db } = database;
    const entries = await db
      .select({ action: auditEntries.action, summary: auditEntries.summary })
      .from(auditEntries)
      .where(eq(auditEntries.regionId, regionId))
      .orderBy(asc(auditEntries.seq));
    const monitoring = entries.filter((e) => e.action === 'seed.demo_monitoring');
    expect(monitoring).toHaveLength(1);
    // (Not the last entry: the demo's attendance and discipline follow the monitoring year.)
    expect(monitoring[0].summary).toMatch(/^Data demo pemantauan 2026 dimuat: \d+ realisasi/);
    expect((await verifyChain(db, regionId)).ok).toBe(true);
  });

  it('changes nothing when called again', async () => {
    const before = await tableCounts();
    expect(before.realizations).toBeGreaterThan(0);
    expect(await seedDemo(database, TODAY)).toEqual({ created: false, civilServants: 0 });
    expect(await tableCounts()).toEqual(before);
  });
});
