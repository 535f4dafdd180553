import { and, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { EvaluationPreview, EvaluationRun, HitDto } from '../../../contract/discipline.js';
import type { Database, DbOrTx } from '../../db/client.js';
import {
  civilServants,
  evaluationRuns,
  notifications,
  regions,
  rewards,
  sanctions,
  userRoles,
  users,
  workUnits,
} from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { localDay } from '../../platform/calendar.js';
import { fieldError } from '../../platform/errors.js';
import { offsetOf as pageOffset } from '../../platform/listing.js';
import type { Actor } from '../../platform/policy.js';
import { monitoringFactsAsOf } from '../monitoring/dashboards.service.js';
import { parsePeriodKey } from '../monitoring/periods.domain.js';
import { monthRecaps, regionLateness } from './lateness.service.js';
import {
  describeFact,
  evaluateRules,
  type AttendanceFact,
  type EvaluationFacts,
  type HitFact,
  type RuleHit,
} from './rules.domain.js';
import { escalatedLength } from './sanction-calendar.domain.js';
import { currentRules, type StoredRule } from './rules.service.js';
import { DEFAULT_APPROVING_ROLES } from './sanction.domain.js';

/**
 * Evaluation runs (issue 5 item 5): the facts of a period gathered from monitoring (scores, milestones,
 * reports) and attendance (monthly lateness recaps), judged by the current rules (rules.domain.ts); a
 * dry run lists every hit with its facts and writes nothing; a commit writes the run (with the rule
 * versions it used) and one sanction or reward proposal per hit, keyed by the hit's key so that running
 * it again creates nothing new.
 *
 * Which facts a run takes:
 * - a month (`2026-M10`): the ASN rules (lateness in the month; clean months before it with the unit's
 *   latest quarter score), late milestones and reports;
 * - a quarter (`2026-Q3`): the quarter's unit scores, late milestones and reports;
 * - a year (`2026`): the year's unit scores (and the best unit), late milestones and reports.
 * A late milestone or report leads to one sanction of a rule at most: facts already in an earlier case
 * of the same rule are left out.
 */

/** Stages reported to a progress callback (the CLI draws a bar). */
export type EvaluationProgress = (stage: string, done: number, total: number) => void;

/** Months back read for the clean-attendance rewards (the longest rule decides, at most a year). */
const MAX_MONTHS = 12;
/** States of a sanction that do not count as an earlier sanction (for repeats). */
const VOID_STATES = ['rejected', 'revoked', 'cancelled'];

interface PeriodInfo {
  key: string;
  label: string;
  start: string;
  end: string;
  frequency: 'monthly' | 'quarterly' | 'yearly';
}

function periodInfo(key: string): PeriodInfo {
  const p = parsePeriodKey(key);
  if (!p || p.frequency === 'semester')
    throw fieldError(
      'periodKey',
      'Periode tidak valid: bulan (2026-M10), triwulan (2026-Q3) atau tahun (2026)',
    );
  return { key: p.key, label: p.label, start: p.start, end: p.end, frequency: p.frequency };
}

const monthKey = (day: string) => day.slice(0, 7);
function monthsBack(month: string, n: number): string[] {
  const out: string[] = [];
  let y = Number(month.slice(0, 4));
  let m = Number(month.slice(5, 7));
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

async function regionToday(db: DbOrTx, regionId: string, now: Date) {
  const [r] = await db.select({ tz: regions.timezone }).from(regions).where(eq(regions.id, regionId));
  return localDay(now, r.tz);
}

/** The facts of the period, as the evaluator takes them. */
async function gatherFacts(
  db: DbOrTx,
  regionId: string,
  period: PeriodInfo,
  rules: StoredRule[],
  now: Date,
  progress?: EvaluationProgress,
): Promise<EvaluationFacts> {
  const monitoring = await monitoringFactsAsOf(db, regionId, period.end);
  progress?.('Data monev', 1, 1);
  const facts: EvaluationFacts = {
    milestones: monitoring.milestones,
    reports: monitoring.reports,
    unitScores: monitoring.unitScores,
    absorption: [],
  };
  if (period.frequency === 'monthly') {
    const leaves = rules.flatMap((r) =>
      r.condition.kind === 'any_of' ? r.condition.conditions : [r.condition],
    );
    const months = Math.min(
      MAX_MONTHS,
      Math.max(1, ...leaves.map((c) => (c.kind === 'clean_attendance' ? c.months : 1))),
    );
    const list = monthsBack(monthKey(period.end), months);
    const attendance: AttendanceFact[] = [];
    const judged = await regionLateness(db, regionId, now);
    for (const [i, month] of list.entries()) {
      for (const r of await monthRecaps(db, regionId, month, now, judged))
        attendance.push({ asnId: r.civilServantId, unitId: r.workUnitId, month, recap: r.recap });
      progress?.('Rekap kehadiran', i + 1, list.length);
    }
    facts.attendance = attendance;
    // A previous year's Q4 is the latest quarter score in January to March.
    if (Number(period.end.slice(5, 7)) <= 3) {
      const prev = await monitoringFactsAsOf(db, regionId, `${Number(period.end.slice(0, 4)) - 1}-12-31`);
      facts.unitScores = [...prev.unitScores, ...monitoring.unitScores];
    }
  }
  return facts;
}

/** Keeps the facts that belong to this run (see the module comment); drops hits left without facts. */
async function ownFacts(db: DbOrTx, regionId: string, period: PeriodInfo, hits: RuleHit[]) {
  const earlier = new Map<string, Set<string>>();
  const used = await db
    .select({ ruleCode: sanctions.ruleCode, facts: sanctions.facts, periodKey: sanctions.periodKey })
    .from(sanctions)
    .where(and(eq(sanctions.regionId, regionId), sql`${sanctions.periodKey} <> ${period.key}`));
  for (const u of used) {
    const set = earlier.get(u.ruleCode) ?? new Set<string>();
    for (const f of u.facts as HitFact[])
      if (f.kind === 'milestone_overdue') set.add(`m:${f.milestoneId}`);
      else if (f.kind === 'report_late') set.add(`r:${f.reportId}`);
    earlier.set(u.ruleCode, set);
  }
  const out: RuleHit[] = [];
  for (const h of hits) {
    const seen = earlier.get(h.ruleCode);
    const facts = h.facts.filter((f) => {
      if (f.kind === 'unit_score' || f.kind === 'top_unit_score') return f.periodKey === period.key;
      if (f.kind === 'lateness_days' || f.kind === 'clean_attendance') return period.frequency === 'monthly';
      if (f.kind === 'milestone_overdue') return !seen?.has(`m:${f.milestoneId}`);
      if (f.kind === 'report_late') return !seen?.has(`r:${f.reportId}`);
      return true;
    });
    if (facts.length) out.push({ ...h, facts, summary: facts.map(describeFact).join('; ') });
  }
  return out;
}

interface Subject {
  kind: HitDto['subject']['kind'];
  workUnitId: string;
  workUnitName: string;
  civilServantId: string | null;
  nip: string | null;
  name: string;
  userId: string | null;
}

/** Names, NIPs and accounts of the hit subjects (an OPD head's record is the unit's head). */
async function subjectsOf(db: DbOrTx, regionId: string, hits: RuleHit[]): Promise<Map<string, Subject>> {
  const asnIds = [...new Set(hits.flatMap((h) => (h.subject.kind === 'asn' ? [h.subject.asnId] : [])))];
  const unitIds = [...new Set(hits.map((h) => h.subject.unitId))];
  const none = ['00000000-0000-0000-0000-000000000000'];
  const units = await db
    .select({ id: workUnits.id, name: workUnits.name, head: workUnits.headCivilServantId })
    .from(workUnits)
    .where(and(eq(workUnits.regionId, regionId), inArray(workUnits.id, unitIds.length ? unitIds : none)));
  const heads = units.map((u) => u.head).filter((x): x is string => !!x);
  const people = await db
    .select({ id: civilServants.id, name: civilServants.name, nip: civilServants.nip })
    .from(civilServants)
    .where(
      and(
        eq(civilServants.regionId, regionId),
        inArray(civilServants.id, [...asnIds, ...heads].length ? [...asnIds, ...heads] : none),
      ),
    );
  const accounts = await db
    .select({ id: users.id, cs: users.civilServantId })
    .from(users)
    .where(
      and(
        eq(users.regionId, regionId),
        eq(users.active, true),
        inArray(users.civilServantId, [...asnIds, ...heads].length ? [...asnIds, ...heads] : none),
      ),
    );
  const headAccounts = await db
    .select({ unitId: userRoles.workUnitId, userId: userRoles.userId })
    .from(userRoles)
    .innerJoin(users, and(eq(users.regionId, userRoles.regionId), eq(users.id, userRoles.userId)))
    .where(
      and(
        eq(userRoles.regionId, regionId),
        eq(userRoles.role, 'opd_head'),
        eq(users.active, true),
        inArray(userRoles.workUnitId, unitIds.length ? unitIds : none),
      ),
    );
  const person = new Map(people.map((p) => [p.id, p]));
  const account = new Map(accounts.map((a) => [a.cs!, a.id]));
  const unit = new Map(units.map((u) => [u.id, u]));
  const headUser = new Map(headAccounts.map((h) => [h.unitId!, h.userId]));
  const out = new Map<string, Subject>();
  for (const h of hits) {
    const u = unit.get(h.subject.unitId);
    const unitName = u?.name ?? '-';
    if (h.subject.kind === 'asn') {
      const p = person.get(h.subject.asnId);
      out.set(h.key, {
        kind: 'asn',
        workUnitId: h.subject.unitId,
        workUnitName: unitName,
        civilServantId: h.subject.asnId,
        nip: p?.nip ?? null,
        name: p?.name ?? '-',
        userId: account.get(h.subject.asnId) ?? null,
      });
    } else {
      const p = u?.head ? person.get(u.head) : undefined;
      const userId = headUser.get(h.subject.unitId) ?? (u?.head ? (account.get(u.head) ?? null) : null);
      out.set(h.key, {
        kind: h.subject.kind,
        workUnitId: h.subject.unitId,
        workUnitName: unitName,
        civilServantId: h.subject.kind === 'opd_head' ? (p?.id ?? null) : null,
        nip: h.subject.kind === 'opd_head' ? (p?.nip ?? null) : null,
        name: h.subject.kind === 'opd_head' ? (p?.name ?? `Kepala ${unitName}`) : unitName,
        userId,
      });
    }
  }
  return out;
}

/** The subject's key for repeats: the ASN, or the unit. */
const repeatKey = (s: { civilServantId: string | null; workUnitId: string; kind: string }) =>
  s.kind === 'asn' ? `asn:${s.civilServantId}` : `unit:${s.workUnitId}`;

interface Planned {
  hit: RuleHit;
  rule: StoredRule;
  subject: Subject;
  vest: {
    label: string;
    workingDays: number;
    baseWorkingDays: number;
    repeat: boolean;
    repeatOf: string | null;
  } | null;
  certificateText: string | null;
  existing: { id: string; state: string } | null;
}

/** Every hit of the period with its subject, length (repeats) and whether an earlier run proposed it. */
async function plan(
  db: DbOrTx,
  regionId: string,
  period: PeriodInfo,
  now: Date,
  progress?: EvaluationProgress,
) {
  const rules = await currentRules(db, regionId);
  const facts = await gatherFacts(db, regionId, period, rules, now, progress);
  const hits = await ownFacts(
    db,
    regionId,
    period,
    evaluateRules(rules, facts, { asOf: period.end, periodKey: period.key }),
  );
  progress?.('Evaluasi aturan', 1, 1);
  const subjects = await subjectsOf(db, regionId, hits);
  const keys = hits.map((h) => h.key);
  const none = ['-'];
  const existingS = await db
    .select({ key: sanctions.hitKey, id: sanctions.id, state: sanctions.state })
    .from(sanctions)
    .where(and(eq(sanctions.regionId, regionId), inArray(sanctions.hitKey, keys.length ? keys : none)));
  const existingR = await db
    .select({ key: rewards.hitKey, id: rewards.id, state: rewards.state })
    .from(rewards)
    .where(and(eq(rewards.regionId, regionId), inArray(rewards.hitKey, keys.length ? keys : none)));
  const existing = new Map([...existingS, ...existingR].map((e) => [e.key, { id: e.id, state: e.state }]));
  // Earlier sanctions of each rule and subject (for repeats), before this period's end.
  const previous = await db
    .select({
      id: sanctions.id,
      ruleCode: sanctions.ruleCode,
      kind: sanctions.subjectKind,
      civilServantId: sanctions.civilServantId,
      workUnitId: sanctions.workUnitId,
      hitOn: sanctions.hitOn,
    })
    .from(sanctions)
    .where(
      and(
        eq(sanctions.regionId, regionId),
        notInArray(sanctions.state, VOID_STATES),
        sql`${sanctions.hitOn} < ${period.end}`,
      ),
    );
  const byRule = new Map(rules.map((r) => [r.code, r]));
  const planned: Planned[] = hits.map((hit) => {
    const rule = byRule.get(hit.ruleCode)!;
    const subject = subjects.get(hit.key)!;
    let vest: Planned['vest'] = null;
    if (rule.consequence.kind === 'vest') {
      const mine = previous.filter((p) => p.ruleCode === rule.code && repeatKey(p) === repeatKey(subject));
      const e = escalatedLength(
        rule.consequence.workingDays,
        period.end,
        mine.map((p) => p.hitOn),
        rule.escalation ?? null,
      );
      const prev = e.previousHit ? mine.find((p) => p.hitOn === e.previousHit) : undefined;
      vest = {
        label: rule.consequence.label,
        workingDays: e.length,
        baseWorkingDays: rule.consequence.workingDays,
        repeat: e.repeat,
        repeatOf: prev?.id ?? null,
      };
    }
    return {
      hit,
      rule,
      subject,
      vest,
      certificateText: rule.consequence.kind === 'certificate' ? rule.consequence.text : null,
      existing: existing.get(hit.key) ?? null,
    };
  });
  return { rules, planned };
}

function notesOf(period: PeriodInfo, rules: StoredRule[], today: string): string[] {
  const notes: string[] = [];
  if (period.end >= today)
    notes.push(
      `${period.label} belum berakhir: hasil ini sementara dan evaluasi baru dapat dijalankan setelah ${period.end}.`,
    );
  const leaves = rules.flatMap((r) =>
    r.condition.kind === 'any_of' ? r.condition.conditions : [r.condition],
  );
  if (leaves.some((c) => c.kind === 'absorption_below'))
    notes.push(
      'Data serapan anggaran belum dicatat di aplikasi: aturan serapan anggaran belum dapat menghasilkan usulan.',
    );
  if (period.frequency !== 'monthly')
    notes.push('Aturan keterlambatan kehadiran ASN dievaluasi per bulan; pilih bulan untuk menjalankannya.');
  return notes;
}

export async function preview(
  db: DbOrTx,
  regionId: string,
  periodKey: string,
  now = new Date(),
): Promise<EvaluationPreview> {
  const period = periodInfo(periodKey);
  const today = await regionToday(db, regionId, now);
  if (period.start > today) throw fieldError('periodKey', `${period.label} belum dimulai`);
  const { rules, planned } = await plan(db, regionId, period, now);
  return {
    periodKey: period.key,
    periodLabel: period.label,
    asOf: period.end,
    rules: rules.map((r) => ({
      code: r.code,
      version: r.version,
      name: r.name,
      hits: planned.filter((p) => p.rule.code === r.code).length,
    })),
    hits: planned.map(hitDto),
    notes: notesOf(period, rules, today),
    newSanctions: planned.filter((p) => !p.existing && p.rule.kind === 'sanction').length,
    newRewards: planned.filter((p) => !p.existing && p.rule.kind === 'reward').length,
  };
}

function hitDto(p: Planned): HitDto {
  return {
    key: p.hit.key,
    ruleCode: p.rule.code,
    ruleVersion: p.rule.version,
    ruleName: p.rule.name,
    ruleKind: p.rule.kind,
    subject: {
      kind: p.subject.kind,
      workUnitId: p.subject.workUnitId,
      workUnitName: p.subject.workUnitName,
      civilServantId: p.subject.civilServantId,
      nip: p.subject.nip,
      name: p.subject.name,
      hasAccount: p.subject.userId !== null,
    },
    facts: p.hit.facts.map(describeFact),
    summary: p.hit.summary,
    vest: p.vest
      ? {
          label: p.vest.label,
          workingDays: p.vest.workingDays,
          baseWorkingDays: p.vest.baseWorkingDays,
          repeat: p.vest.repeat,
        }
      : null,
    certificateText: p.certificateText,
    existing: p.existing,
  };
}

export type RunTrigger = 'manual' | 'cli' | 'schedule';

/**
 * Commits the evaluation of an ended period: the run row and one proposal per new hit (in one
 * transaction), the approvers notified. Returns the run; a second commit of the same period writes a
 * run with nothing created.
 */
export async function commit(
  database: Database,
  actor: Actor | null,
  regionId: string,
  periodKey: string,
  opts: { trigger?: RunTrigger; now?: Date; progress?: EvaluationProgress } = {},
): Promise<EvaluationRun> {
  const now = opts.now ?? new Date();
  const period = periodInfo(periodKey);
  const db = database.db;
  const today = await regionToday(db, regionId, now);
  if (period.end >= today)
    throw fieldError(
      'periodKey',
      `${period.label} belum berakhir: evaluasi dapat dijalankan mulai hari berikutnya setelah ${period.end}`,
    );
  const { rules, planned } = await plan(db, regionId, period, now, opts.progress);
  const fresh = planned.filter((p) => !p.existing);
  const run = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(evaluationRuns)
      .values({
        regionId,
        periodKey: period.key,
        asOf: period.end,
        rules: rules.map((r) => ({ id: r.id, code: r.code, version: r.version })),
        hits: planned.length,
        sanctionsCreated: 0,
        rewardsCreated: 0,
        trigger: opts.trigger ?? 'manual',
        createdBy: actor?.userId ?? null,
        createdAt: now,
      })
      .returning();
    const common = (p: Planned) => ({
      regionId,
      runId: row.id,
      ruleId: p.rule.id,
      ruleCode: p.rule.code,
      ruleVersion: p.rule.version,
      ruleName: p.rule.name,
      legalBasis: p.rule.legalBasis,
      hitKey: p.hit.key,
      periodKey: period.key,
      hitOn: period.end,
      subjectKind: p.subject.kind,
      workUnitId: p.subject.workUnitId,
      civilServantId: p.subject.civilServantId,
      subjectUserId: p.subject.userId,
      subjectName: p.subject.name,
      facts: p.hit.facts,
      summary: p.hit.summary,
      state: 'proposed',
      proposedBy: actor?.userId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    let sanctionsCreated = 0;
    let rewardsCreated = 0;
    const CHUNK = 500;
    const sRows = fresh.filter((p) => p.vest);
    for (let i = 0; i < sRows.length; i += CHUNK) {
      const out = await tx
        .insert(sanctions)
        .values(
          sRows.slice(i, i + CHUNK).map((p) => ({
            ...common(p),
            label: p.vest!.label,
            baseWorkingDays: p.vest!.baseWorkingDays,
            workingDays: p.vest!.workingDays,
            repeatOf: p.vest!.repeatOf,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: sanctions.id });
      sanctionsCreated += out.length;
    }
    const rRows = fresh.filter((p) => p.certificateText !== null);
    for (let i = 0; i < rRows.length; i += CHUNK) {
      const out = await tx
        .insert(rewards)
        .values(rRows.slice(i, i + CHUNK).map((p) => ({ ...common(p), certificateText: p.certificateText! })))
        .onConflictDoNothing()
        .returning({ id: rewards.id });
      rewardsCreated += out.length;
    }
    const [done] = await tx
      .update(evaluationRuns)
      .set({ sanctionsCreated, rewardsCreated })
      .where(and(eq(evaluationRuns.regionId, regionId), eq(evaluationRuns.id, row.id)))
      .returning();
    await appendAudit(
      tx,
      regionId,
      actor,
      {
        action: 'evaluation.commit',
        entityType: 'evaluation_run',
        entityId: row.id,
        summary: `Evaluasi ${period.label}: ${planned.length} temuan, ${sanctionsCreated} usulan sanksi, ${rewardsCreated} usulan penghargaan`,
        after: { periodKey: period.key, rules: done.rules, sanctionsCreated, rewardsCreated },
      },
      now,
    );
    if (sanctionsCreated + rewardsCreated > 0)
      await notifyApprovers(tx, regionId, period, done.id, sanctionsCreated, rewardsCreated);
    return done;
  });
  opts.progress?.('Menyimpan usulan', 1, 1);
  return (await runDtos(db, [run]))[0];
}

async function notifyApprovers(
  tx: DbOrTx,
  regionId: string,
  period: PeriodInfo,
  runId: string,
  s: number,
  r: number,
) {
  const approvers = await tx
    .selectDistinct({ id: users.id })
    .from(userRoles)
    .innerJoin(users, and(eq(users.regionId, userRoles.regionId), eq(users.id, userRoles.userId)))
    .where(
      and(
        eq(userRoles.regionId, regionId),
        inArray(userRoles.role, [...DEFAULT_APPROVING_ROLES]),
        eq(users.active, true),
      ),
    );
  if (!approvers.length) return;
  await tx
    .insert(notifications)
    .values(
      approvers.map((u) => ({
        regionId,
        userId: u.id,
        kind: 'discipline_proposed',
        title: `Usulan penghargaan dan sanksi ${period.label}`,
        body: `${s} usulan sanksi dan ${r} usulan penghargaan menunggu persetujuan Anda.`,
        link: '/disiplin/sanksi?state=proposed',
        dedupeKey: `evaluation:${runId}`,
      })),
    )
    .onConflictDoNothing();
}

async function runDtos(db: DbOrTx, rows: (typeof evaluationRuns.$inferSelect)[]): Promise<EvaluationRun[]> {
  const ids = [...new Set(rows.map((r) => r.createdBy).filter((x): x is string => !!x))];
  const names = new Map(
    ids.length
      ? (
          await db.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, ids))
        ).map((u) => [u.id, u.name])
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    periodKey: r.periodKey,
    periodLabel: parsePeriodKey(r.periodKey)?.label ?? r.periodKey,
    asOf: r.asOf,
    rules: (r.rules as { code: string; version: number }[]).map(({ code, version }) => ({ code, version })),
    hits: r.hits,
    sanctionsCreated: r.sanctionsCreated,
    rewardsCreated: r.rewardsCreated,
    trigger: r.trigger,
    createdByName: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listRuns(db: DbOrTx, actor: Actor, q: { page: number; pageSize: number }) {
  const where = eq(evaluationRuns.regionId, actor.regionId);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(evaluationRuns)
    .where(where);
  const rows = await db
    .select()
    .from(evaluationRuns)
    .where(where)
    .orderBy(desc(evaluationRuns.createdAt))
    .limit(q.pageSize)
    .offset(pageOffset(q.page, q.pageSize));
  return { items: await runDtos(db, rows), total, page: q.page, pageSize: q.pageSize };
}

/**
 * The scheduled evaluation (DISCIPLINE_SCHEDULE=monthly): the previous month is committed once, from
 * the given working day of the month on; quarters and years too when the month closed one. Does nothing
 * when a run of the period exists already.
 */
export async function scheduledEvaluation(database: Database, regionId: string, now = new Date()) {
  const today = await regionToday(database.db, regionId, now);
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const prevMonth = m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 };
  const keys = [`${prevMonth.y}-M${String(prevMonth.m).padStart(2, '0')}`];
  if (prevMonth.m % 3 === 0) keys.push(`${prevMonth.y}-Q${prevMonth.m / 3}`);
  if (prevMonth.m === 12) keys.push(`${prevMonth.y}`);
  const created: EvaluationRun[] = [];
  for (const key of keys) {
    const [done] = await database.db
      .select({ id: evaluationRuns.id })
      .from(evaluationRuns)
      .where(and(eq(evaluationRuns.regionId, regionId), eq(evaluationRuns.periodKey, key)))
      .limit(1);
    if (done) continue;
    created.push(await commit(database, null, regionId, key, { trigger: 'schedule', now }));
  }
  return created;
}
