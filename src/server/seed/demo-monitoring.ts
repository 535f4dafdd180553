import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ProposalDocument } from '../../contract/proposals.js';
import type { DbOrTx, Tx } from '../db/client.js';
import {
  contractIndicators,
  contractMilestones,
  contracts,
  contractTargets,
  evidenceFiles,
  milestoneProgress,
  periodClosures,
  proposals,
  realizations,
  regions,
} from '../db/schema.js';
import type { Aggregation, Frequency } from '../modules/auction/proposal.domain.js';
import type { Polarity } from '../modules/auction/terms.js';
import {
  DEFAULT_DEADLINE_SETTING,
  deadlineOf,
  parsePeriodKey,
  periodsOf,
  type DeadlineSetting,
  type Period,
} from '../modules/monitoring/periods.domain.js';
import {
  addDays,
  addWorkingDays,
  isWorkingDay,
  workingDayOnOrAfter,
  workingDaysLate,
  type WorkingCalendar,
} from '../modules/monitoring/working-days.domain.js';
import { appendAudit } from '../platform/audit.js';
import { sha256, storeEvidence } from '../platform/evidence.js';
import { renderPdf } from '../platform/pdf.js';
import { localDay, offsetOf } from '../platform/calendar.js';
import { seededCalendar } from './holidays.js';
import { rng, type Rng } from './random.js';

/**
 * The first monitoring year of the demo (domain.md section 6, issue 4): for the five signed contracts
 * of the auction demo, a realization for every indicator and every period of the term's first year
 * that has ended by `today`, and the milestones due so far, so that every dashboard tells a story on
 * the first start:
 *
 * - Dinas Kesehatan's maternal mortality program improves quarter by quarter; one quarter's report was
 *   returned for a recap per puskesmas, and one month waits for verification.
 * - Dinas Pendidikan is clearly behind: more children out of school than at the baseline (the early
 *   warning shows amber or red), reported late, and the back-to-school drive overdue.
 * - DPUPR and DPMPTSP are on track, with a late report, a report returned once and corrected, a
 *   milestone done late, a milestone overdue and months waiting for verification.
 * - Kecamatan Kedungkandang reports late and has the latest month still unreported past its deadline
 *   (overdue), and a draft it has not submitted.
 * - January and the first quarter are closed (locked).
 *
 * The rules are the service's (realizations.service.ts): lateness in working days of the region's
 * calendar from the first submission (local WIB day) to the period's deadline (periods.domain.ts),
 * verified by the verifier (never a user of the unit), submitted by the unit's head, entered by its
 * operator when it has one. Nothing happens on or after `today`: a step planned for later is simply not
 * there yet (a late report not yet sent is overdue, a verification not yet done leaves it submitted).
 *
 * {@link demoMonitoringPlan} is pure and deterministic (a fixed seed); {@link seedDemoMonitoring}
 * loads the contracts, writes the plan in a few multi-row inserts and one audit entry, and, given the
 * evidence directory, a generated PDF of evidence for each report submitted and each milestone done.
 */

// ---------------------------------------------------------------------------------------------
// The story

interface IndicatorStory {
  /**
   * Progress along the year's trajectory from the baseline to the target: 1 on it, above 1 ahead,
   * below 0 moving the wrong way. For a `sum`, the share of the year's target per period.
   */
  pace: number;
  /** Working days late of the first submission, by period index within the year. */
  late?: Readonly<Record<number, number>>;
  /**
   * The latest period that has ended: `pending` submitted and waiting for verification, `returned`
   * by the verifier, `draft` entered and not submitted; `overdue`: the latest period whose deadline
   * has passed has nothing entered (and nothing after it either).
   */
  latest?: 'pending' | 'returned' | 'draft' | 'overdue';
  latestNote?: string;
  returnReason?: string;
  /** A period returned once, corrected and then verified. */
  corrected?: { index: number; reason: string };
  /** Notes of the reports, by period index. */
  notes?: Readonly<Record<number, string>>;
}

interface MilestoneStory {
  /** Done this many working days after the due date. */
  late?: number;
  /** Not done although due. */
  overdue?: boolean;
  note?: string;
}

const DINKES = '1.02.01';
const DISDIK = '1.01.01';
const DPUPR = '1.03.01';
const DPMPTSP = '2.18.01';
const KEDUNGKANDANG = '7.01.02';

/** By unit code and indicator key; an indicator without a story is reported on time, on track. */
const INDICATOR_STORIES: Readonly<Record<string, Readonly<Record<string, IndicatorStory>>>> = {
  [DINKES]: {
    aki: {
      pace: 1.15,
      notes: {
        1: 'Angka sementara dari kematian ibu dan kelahiran hidup kumulatif tahun berjalan.',
        3: 'Seluruh kematian ibu triwulan ini telah dikaji dalam audit maternal perinatal.',
      },
    },
    k6: {
      pace: 1.1,
      late: { 3: 2 },
      notes: { 3: 'Rekap e-Kohort puskesmas terlambat karena cuti bersama Idulfitri.' },
      latest: 'pending',
    },
    rujukan: {
      pace: 1.05,
      latest: 'returned',
      returnReason:
        'Lampirkan rekap per puskesmas dan rumah sakit tujuan; jumlah ibu hamil risiko tinggi belum sama ' +
        'dengan e-Kohort.',
    },
  },
  [DISDIK]: {
    ats: {
      pace: -0.8,
      late: { 1: 4 },
      notes: {
        1:
          'Verifikasi lapangan semester I menemukan tambahan anak putus sekolah jenjang SMP di Kedungkandang ' +
          'dan Sukun; gerakan jemput sekolah belum berjalan.',
      },
    },
  },
  [DPUPR]: {
    genangan: {
      pace: 1.1,
      corrected: {
        index: 1,
        reason: 'Lampirkan peta sebaran titik genangan beserta lama surut per titik.',
      },
    },
    saluran: { pace: 1, late: { 1: 2 } },
    aduan: { pace: 1.05, latest: 'pending' },
  },
  [DPMPTSP]: {
    investasi: { pace: 1.05, late: { 2: 1 } },
    waktu_izin: { pace: 1.1, latest: 'pending' },
    ikm: { pace: 1.05 },
  },
  [KEDUNGKANDANG]: {
    pendampingan: {
      pace: 1.05,
      late: { 2: 3, 6: 7 },
      notes: { 6: 'Rekap pendampingan dari 12 kelurahan terlambat terkumpul.' },
      latest: 'overdue',
    },
    kematian_ibu: {
      pace: 1.2,
      latest: 'draft',
      latestNote: 'Menunggu hasil audit maternal perinatal untuk kasus akhir triwulan.',
    },
    // The three rumah tunggu of the milestone due 30 June are open by the first semester.
    rumah_tunggu: { pace: 2 },
  },
};

const MILESTONE_STORIES: Readonly<Record<string, Readonly<Record<string, MilestoneStory>>>> = {
  [DISDIK]: { jemput: { overdue: true } },
  [DPUPR]: {
    ded: {
      late: 6,
      note: 'Desain rinci selesai setelah penyesuaian trase saluran dengan rencana pelebaran jalan.',
    },
  },
  [DPMPTSP]: { integrasi: { overdue: true } },
};

const ON_TIME_NOTE = 'Selesai sesuai jadwal kerja.';

/** The periods that are closed, if their deadline passed more than {@link CLOSE_AFTER_DAYS} ago. */
const CLOSED_PERIODS = (year: number) => [`${year}-M01`, `${year}-Q1`];
const CLOSE_AFTER_DAYS = 30;

// ---------------------------------------------------------------------------------------------
// The plan (pure)

export interface PlanIndicator {
  key: string;
  unit: string;
  polarity: Polarity;
  aggregation: Aggregation;
  frequency: Frequency;
  baseline: number | null;
  /** The target of the monitored year. */
  target: { value: number | null; lower: number | null; upper: number | null } | null;
  /** The baseline's supporting rows (the proposal document); the reports follow them. */
  baselineBreakdown: readonly { label: string; value: number | null }[];
}

export interface PlanContract {
  id: string;
  unitCode: string;
  /** Who enters the reports: the unit's operator, else its head. */
  enteredBy: string;
  /** The unit's head, who submits them and marks milestones done. */
  submittedBy: string;
  indicators: readonly PlanIndicator[];
  milestones: readonly { key: string; dueDate: string }[];
}

export interface MonitoringPlanInput {
  regionId: string;
  /** The monitored year: the first year of the term. */
  year: number;
  today: Date;
  timezone: string;
  calendar: WorkingCalendar;
  deadlineSetting: DeadlineSetting;
  verifier: string;
  admin: string;
  /** In a stable order (the plan draws from one seeded generator). */
  contracts: readonly PlanContract[];
}

type RealizationRow = typeof realizations.$inferInsert;
type MilestoneRow = typeof milestoneProgress.$inferInsert;
type ClosureRow = typeof periodClosures.$inferInsert;

export interface MonitoringPlan {
  realizations: RealizationRow[];
  milestones: MilestoneRow[];
  closures: ClosureRow[];
}

type Step =
  | { kind: 'enter' | 'submit' | 'verify'; day: string; minute: number }
  | { kind: 'return'; day: string; minute: number; reason: string };

const decimalsOf = (n: number) => {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(2, s.length - dot - 1);
};
const roundTo = (n: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
};

/** The year's target as one number: a range's middle; the baseline when there is none. */
function targetNumber(ind: PlanIndicator): number | null {
  const t = ind.target;
  if (t?.value !== null && t?.value !== undefined) return t.value;
  if (t && t.lower !== null && t.upper !== null) return (t.lower + t.upper) / 2;
  return ind.baseline;
}

/**
 * The values of the periods `1..count` of the year, by aggregation: a `latest` level moves from the
 * baseline along the trajectory at `pace`; an `average` hovers around the year's target level with a
 * slight trend, so that the year's average lands near `pace` of the way; a `sum` adds up to `pace` of
 * the target over the year (fewer for lower-is-better), rounded on the running total so that small
 * counts stay whole.
 */
function periodValues(r: Rng, ind: PlanIndicator, pace: number, perYear: number, count: number): number[] {
  const t = targetNumber(ind);
  const b = ind.baseline ?? t;
  if (t === null || b === null) return Array.from({ length: count }, () => 0);
  const decimals = Math.max(decimalsOf(b), decimalsOf(t), ind.unit === '%' ? 1 : 0);
  const noise = (amplitude: number) => ((r.int(0, 2000) - 1000) / 1000) * amplitude;
  const clamp = (v: number) => Math.max(0, ind.unit === '%' ? Math.min(100, v) : v);
  const span = t - b;
  if (ind.aggregation === 'sum') {
    const factor = ind.polarity === 'lower_is_better' ? 2 - pace : pace;
    const perPeriod = (t / perYear) * factor;
    const out: number[] = [];
    let previous = 0;
    for (let k = 1; k <= count; k++) {
      const total = roundTo(clamp(perPeriod * k + noise(perPeriod * 0.08)), decimals);
      out.push(roundTo(Math.max(0, total - previous), decimals));
      previous = Math.max(previous, total);
    }
    return out;
  }
  return Array.from({ length: count }, (_, i) => {
    const f = (i + 1) / perYear;
    const progress = ind.aggregation === 'average' ? pace + 0.3 * (f - 0.5) : pace * f;
    return roundTo(clamp(b + span * progress + noise(Math.abs(span) * 0.06)), decimals);
  });
}

/**
 * Supporting rows for a report when the baseline has them: a percentage of a `latest` level shown as
 * its numerator and denominator (the value then follows from them), or a whole count split into the
 * baseline's parts in the same proportions.
 */
function breakdownOf(
  r: Rng,
  ind: PlanIndicator,
  value: number,
): { value: number; breakdown: { label: string; value: number }[] } {
  const b = ind.baseline;
  const rows = ind.baselineBreakdown.filter((x): x is { label: string; value: number } => x.value !== null);
  if (b === null || rows.length < 2 || rows.length < ind.baselineBreakdown.length)
    return { value, breakdown: [] };
  if (ind.unit === '%' && ind.aggregation === 'latest') {
    for (let i = 0; i < rows.length; i++)
      for (let j = i + 1; j < rows.length; j++) {
        if (rows[i].value <= 0 || Math.abs((rows[j].value / rows[i].value) * 100 - b) > 0.5) continue;
        const denominator = Math.round(rows[i].value * (1 + r.int(-20, 20) / 1000));
        const numerator = Math.min(denominator, Math.round((denominator * value) / 100));
        return {
          value: roundTo((numerator / denominator) * 100, 1),
          breakdown: [
            { label: rows[i].label, value: denominator },
            { label: rows[j].label, value: numerator },
          ],
        };
      }
  }
  const total = rows.reduce((s, x) => s + x.value, 0);
  if (
    (ind.aggregation === 'latest' || ind.aggregation === 'sum') &&
    Number.isInteger(value) &&
    total > 0 &&
    Math.abs(total - b) < 1e-9
  ) {
    // Largest remainder: whole parts that add up to the value.
    const shares = rows.map((x) => (x.value / total) * value);
    const parts = shares.map(Math.floor);
    const order = shares.map((s, i) => ({ i, rest: s - Math.floor(s) })).sort((x, y) => y.rest - x.rest);
    for (let left = value - parts.reduce((s, x) => s + x, 0), k = 0; left > 0; left--, k++)
      parts[order[k % order.length].i] += 1;
    return { value, breakdown: rows.map((x, i) => ({ label: x.label, value: parts[i] })) };
  }
  return { value, breakdown: [] };
}

/** What one report's history needs to be replayed into its row. */
interface Slot {
  contract: PlanContract;
  indicator: PlanIndicator;
  period: Period;
  deadline: string;
  value: number;
  breakdown: { label: string; value: number }[];
  note: string | null;
}

/**
 * The row of a report after the steps that happened before `today`, by the service's rules: the
 * first entry creates a draft (version 1) and every later step bumps the version; lateness is fixed
 * at the first submission, in working days after the deadline of its local day. Null when nothing
 * happened yet.
 */
function replay(
  input: MonitoringPlanInput,
  today: string,
  instant: (day: string, minute: number) => Date,
  slot: Slot,
  steps: readonly Step[],
): RealizationRow | null {
  const { calendar: cal, timezone: tz } = input;
  let out: RealizationRow | null = null;
  for (const step of steps) {
    if (step.day >= today) break; // not yet
    const at = instant(step.day, step.minute);
    if (!out) {
      out = {
        regionId: input.regionId,
        contractId: slot.contract.id,
        indicatorKey: slot.indicator.key,
        periodKey: slot.period.key,
        year: slot.period.year,
        value: slot.value,
        note: slot.note,
        breakdown: slot.breakdown,
        status: 'draft',
        enteredBy: slot.contract.enteredBy,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      continue;
    }
    out.version = (out.version ?? 1) + 1;
    out.updatedAt = at;
    if (step.kind === 'submit') {
      out.status = 'submitted';
      out.submittedAt = at;
      out.submittedBy = slot.contract.submittedBy;
      out.firstSubmittedAt ??= at;
      out.lateWorkingDays ??= workingDaysLate(cal, slot.deadline, localDay(out.firstSubmittedAt, tz));
    } else if (step.kind === 'verify') {
      out.status = 'verified';
      out.verifiedAt = at;
      out.verifiedBy = input.verifier;
    } else if (step.kind === 'return') {
      out.status = 'returned';
      out.returnedAt = at;
      out.returnedBy = input.verifier;
      out.returnReason = step.reason;
    }
  }
  return out;
}

/**
 * The demo's first monitoring year as rows to insert. Deterministic: one seeded generator drawn in the
 * order of the contracts, indicators and periods given.
 */
export function demoMonitoringPlan(input: MonitoringPlanInput): MonitoringPlan {
  const r = rng(2019_01_10);
  const { calendar: cal, regionId, timezone: tz, year } = input;
  const today = localDay(input.today, tz);
  const offset = offsetOf(tz);
  const hhmm = (minute: number) =>
    `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  const instant = (day: string, minute: number) => new Date(`${day}T${hhmm(minute)}:00${offset}`);
  /** `day` when it is a working day, else the last working day before it, but not before `floor`. */
  const workingDayOnOrBefore = (day: string, floor: string) => {
    let d = day;
    while (d > floor && !isWorkingDay(cal, d)) d = addDays(d, -1);
    return d;
  };
  const yesterday = addDays(today, -1);
  const deadline = (p: Period) => deadlineOf(p, input.deadlineSetting);
  const closable = new Set(
    CLOSED_PERIODS(year).filter((key) => addDays(deadline(parsePeriodKey(key)!), CLOSE_AFTER_DAYS) < today),
  );
  const officeMinute = () => r.int(9 * 60, 15 * 60);

  const rows: RealizationRow[] = [];
  for (const c of input.contracts) {
    for (const ind of c.indicators) {
      const story = INDICATOR_STORIES[c.unitCode]?.[ind.key] ?? { pace: 1.05 };
      const all = periodsOf(ind.frequency, year);
      const ended = all.filter((p) => p.end < today);
      if (ended.length === 0) continue;
      const values = periodValues(r, ind, story.pace, all.length, ended.length);
      const latest = ended[ended.length - 1];
      // Overdue: the latest period past its deadline, and any after it, has nothing entered.
      const pastDeadline = ended.filter((p) => deadline(p) < today);
      const overdueFrom =
        story.latest === 'overdue' && pastDeadline.length > 0
          ? pastDeadline[pastDeadline.length - 1].index
          : Infinity;
      for (const p of ended) {
        const due = deadline(p);
        const { value, breakdown } = breakdownOf(r, ind, values[p.index - 1]);
        // A closed period holds verified reports only.
        const forced = p === latest && !closable.has(p.key) ? story.latest : undefined;
        const lateBy = story.late?.[p.index];
        // Sent a few working days after the period ends and by its deadline, or late on purpose.
        const onTime = addWorkingDays(cal, p.end, r.int(1, 5));
        let submitDay = lateBy
          ? addWorkingDays(cal, due, lateBy)
          : workingDayOnOrBefore(onTime > due ? due : onTime, p.end);
        // What waits for verification was sent before today.
        if (forced === 'pending' && submitDay >= today) {
          const d = workingDayOnOrBefore(yesterday, p.end);
          if (d > p.end) submitDay = d;
        }
        const steps: Step[] = [];
        const enterMinute = r.int(7 * 60 + 45, 9 * 60 + 30);
        if (forced === 'draft') {
          steps.push({ kind: 'enter', day: submitDay < today ? submitDay : yesterday, minute: enterMinute });
        } else {
          steps.push(
            { kind: 'enter', day: submitDay, minute: enterMinute },
            { kind: 'submit', day: submitDay, minute: r.int(10 * 60, 15 * 60 + 30) },
          );
          const decided = addWorkingDays(cal, submitDay, r.int(2, 6));
          const corrected = story.corrected?.index === p.index ? story.corrected : undefined;
          if (forced === 'returned') {
            const reason = story.returnReason ?? 'Lengkapi data dukung.';
            steps.push({ kind: 'return', day: decided, minute: officeMinute(), reason });
          } else if (corrected) {
            const fixed = addWorkingDays(cal, decided, r.int(1, 3));
            const verified = addWorkingDays(cal, fixed, r.int(1, 3));
            steps.push(
              { kind: 'return', day: decided, minute: officeMinute(), reason: corrected.reason },
              { kind: 'enter', day: fixed, minute: r.int(8 * 60, 10 * 60) },
              { kind: 'submit', day: fixed, minute: r.int(13 * 60, 15 * 60) },
              { kind: 'verify', day: verified, minute: officeMinute() },
            );
          } else if (forced !== 'pending')
            steps.push({ kind: 'verify', day: decided, minute: officeMinute() });
        }
        if (p.index >= overdueFrom) continue;
        const note = (forced && story.latestNote) || story.notes?.[p.index] || null;
        const slot = { contract: c, indicator: ind, period: p, deadline: due, value, breakdown, note };
        const row = replay(input, today, instant, slot, steps);
        if (row) rows.push(row);
      }
    }
  }

  // Milestones due before today: done on time, one late, the overdue ones not done.
  const milestones: MilestoneRow[] = [];
  for (const c of input.contracts) {
    for (const m of c.milestones) {
      if (m.dueDate >= today) continue;
      const story = MILESTONE_STORIES[c.unitCode]?.[m.key];
      const early = r.int(0, 12);
      const minute = r.int(13 * 60, 16 * 60);
      if (story?.overdue) continue;
      const doneOn = story?.late
        ? addWorkingDays(cal, m.dueDate, story.late)
        : workingDayOnOrBefore(addDays(m.dueDate, -early), addDays(m.dueDate, -30));
      if (doneOn >= today) continue; // not done yet
      const at = instant(doneOn, minute);
      milestones.push({
        regionId,
        contractId: c.id,
        milestoneKey: m.key,
        doneOn,
        note: story?.note ?? ON_TIME_NOTE,
        lateWorkingDays: workingDaysLate(cal, m.dueDate, doneOn),
        markedBy: c.submittedBy,
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
    }
  }

  // January and the first quarter are closed, on a working day after every report in them is verified.
  const closures: ClosureRow[] = [];
  for (const key of closable) {
    const inPeriod = rows.filter((x) => x.periodKey === key);
    if (inPeriod.some((x) => x.status !== 'verified')) continue;
    let day = addDays(deadline(parsePeriodKey(key)!), CLOSE_AFTER_DAYS);
    for (const x of inPeriod) {
      const after = addDays(localDay(x.verifiedAt!, tz), 1);
      if (after > day) day = after;
    }
    day = workingDayOnOrAfter(cal, day);
    if (day >= today) continue;
    closures.push({ regionId, periodKey: key, closedAt: instant(day, 10 * 60), closedBy: input.admin });
  }
  return { realizations: rows, milestones, closures };
}

// ---------------------------------------------------------------------------------------------
// Writing it

export interface MonitoringSeedContext {
  regionId: string;
  cycleId: string;
  /** The monitored year: the first year of the cycle's term. */
  year: number;
  timezone: string;
  /** Work unit ids by code. */
  units: ReadonlyMap<string, string>;
  /** The OPD head user of each unit, by unit code. */
  opdHeads: ReadonlyMap<string, string>;
  /** The operator user of a unit that has one, by unit code. */
  operators: ReadonlyMap<string, string>;
  /** The verifier (of no unit with a contract). */
  verifier: string;
  /** The region admin, who closes periods. */
  admin: string;
  today: Date;
  /**
   * Where evidence files go (the server's EVIDENCE_DIR). When given, every report that was submitted
   * and every milestone done gets a generated PDF of evidence, so the verifier has files to open.
   */
  evidenceDir?: string;
}

/** The plan's input from the contracts of the cycle as the auction demo wrote them. */
export async function monitoringPlanInput(
  db: DbOrTx,
  ctx: MonitoringSeedContext,
): Promise<MonitoringPlanInput> {
  const { regionId } = ctx;
  const codeOf = new Map([...ctx.units].map(([code, id]) => [id, code]));
  const list = (
    await db
      .select({ id: contracts.id, unitId: contracts.workUnitId, proposalId: contracts.proposalId })
      .from(contracts)
      .where(and(eq(contracts.regionId, regionId), eq(contracts.cycleId, ctx.cycleId)))
  )
    .map((c) => ({ ...c, unitCode: codeOf.get(c.unitId) ?? '' }))
    .sort((a, b) => a.unitCode.localeCompare(b.unitCode));
  const ids = list.map((c) => c.id);
  if (ids.length === 0)
    return {
      regionId,
      year: ctx.year,
      today: ctx.today,
      timezone: ctx.timezone,
      calendar: seededCalendar(),
      deadlineSetting: DEFAULT_DEADLINE_SETTING,
      verifier: ctx.verifier,
      admin: ctx.admin,
      contracts: [],
    };
  const indicators = await db
    .select()
    .from(contractIndicators)
    .where(and(eq(contractIndicators.regionId, regionId), inArray(contractIndicators.contractId, ids)))
    .orderBy(asc(contractIndicators.position));
  const targets = await db
    .select()
    .from(contractTargets)
    .where(
      and(
        eq(contractTargets.regionId, regionId),
        inArray(contractTargets.contractId, ids),
        eq(contractTargets.year, ctx.year),
      ),
    );
  const milestones = await db
    .select()
    .from(contractMilestones)
    .where(and(eq(contractMilestones.regionId, regionId), inArray(contractMilestones.contractId, ids)))
    .orderBy(asc(contractMilestones.position));
  const documents = await db
    .select({ id: proposals.id, document: proposals.document })
    .from(proposals)
    .where(
      and(
        eq(proposals.regionId, regionId),
        inArray(
          proposals.id,
          list.map((c) => c.proposalId),
        ),
      ),
    );
  return {
    regionId,
    year: ctx.year,
    today: ctx.today,
    timezone: ctx.timezone,
    calendar: seededCalendar(),
    deadlineSetting: DEFAULT_DEADLINE_SETTING,
    verifier: ctx.verifier,
    admin: ctx.admin,
    contracts: list.map((c) => {
      const head = ctx.opdHeads.get(c.unitCode);
      if (!head) throw new Error(`Kepala OPD demo untuk unit ${c.unitCode} tidak ada`);
      const document = documents.find((d) => d.id === c.proposalId)?.document as ProposalDocument | undefined;
      return {
        id: c.id,
        unitCode: c.unitCode,
        enteredBy: ctx.operators.get(c.unitCode) ?? head,
        submittedBy: head,
        indicators: indicators
          .filter((i) => i.contractId === c.id)
          .map((i) => {
            const t = targets.find((x) => x.contractId === c.id && x.indicatorKey === i.key);
            return {
              key: i.key,
              unit: i.unit,
              polarity: i.polarity as Polarity,
              aggregation: i.aggregation as Aggregation,
              frequency: i.frequency as Frequency,
              baseline: i.baselineValue,
              target: t ? { value: t.value, lower: t.lower, upper: t.upper } : null,
              baselineBreakdown: document?.indicators.find((x) => x.key === i.key)?.baseline.breakdown ?? [],
            };
          }),
        milestones: milestones
          .filter((m) => m.contractId === c.id)
          .map((m) => ({ key: m.key, dueDate: m.dueDate })),
      };
    }),
  };
}

/**
 * Writes the first monitoring year of the demo for the contracts of the cycle: realizations,
 * milestones done, closed periods, and one audit entry summarising them.
 */
export async function seedDemoMonitoring(
  tx: Tx,
  ctx: MonitoringSeedContext,
): Promise<{ realizations: number; milestones: number; closures: number }> {
  const input = await monitoringPlanInput(tx, ctx);
  const plan = demoMonitoringPlan(input);
  const reported = plan.realizations.length
    ? await tx.insert(realizations).values(plan.realizations).returning({
        id: realizations.id,
        contractId: realizations.contractId,
        status: realizations.status,
        by: realizations.enteredBy,
        at: realizations.firstSubmittedAt,
      })
    : [];
  const done = plan.milestones.length
    ? await tx.insert(milestoneProgress).values(plan.milestones).returning({
        id: milestoneProgress.id,
        contractId: milestoneProgress.contractId,
        by: milestoneProgress.markedBy,
      })
    : [];
  if (ctx.evidenceDir)
    await seedDemoEvidence(tx, ctx.regionId, ctx.evidenceDir, input, [
      ...reported
        .filter((r) => r.status !== 'draft')
        .map((r) => ({
          ownerType: 'realization',
          ownerId: r.id,
          contractId: r.contractId,
          by: r.by,
          at: r.at,
        })),
      ...done.map((m) => ({
        ownerType: 'milestone',
        ownerId: m.id,
        contractId: m.contractId,
        by: m.by,
        at: null,
      })),
    ]);
  if (plan.closures.length) await tx.insert(periodClosures).values(plan.closures);
  const count = (status: string) => plan.realizations.filter((x) => x.status === status).length;
  const late = plan.realizations.filter((x) => (x.lateWorkingDays ?? 0) > 0).length;
  const lateMilestones = plan.milestones.filter((m) => m.lateWorkingDays > 0).length;
  await appendAudit(tx, ctx.regionId, null, {
    action: 'seed.demo_monitoring',
    entityType: 'cycle',
    entityId: ctx.cycleId,
    summary:
      `Data demo pemantauan ${ctx.year} dimuat: ${plan.realizations.length} realisasi ` +
      `(${count('verified')} terverifikasi, ${count('submitted')} menunggu verifikasi, ` +
      `${count('returned')} dikembalikan, ${count('draft')} draf; ${late} terlambat), ` +
      `${plan.milestones.length} tonggak selesai (${lateMilestones} terlambat), ` +
      `${plan.closures.length} periode ditutup`,
  });
  return {
    realizations: plan.realizations.length,
    milestones: plan.milestones.length,
    closures: plan.closures.length,
  };
}

/**
 * One generated PDF per program ("data pendukung", marked as demo data), written once per evidence
 * row under its own generated id, as an upload would be; rows in one multi-row insert.
 */
async function seedDemoEvidence(
  tx: Tx,
  regionId: string,
  dir: string,
  input: Awaited<ReturnType<typeof monitoringPlanInput>>,
  owners: { ownerType: string; ownerId: string; contractId: string; by: string | null; at: Date | null }[],
) {
  const [{ title: regionName }] = await tx
    .select({ title: regions.name })
    .from(regions)
    .where(eq(regions.id, regionId));
  const pdfs = new Map<string, Buffer>();
  for (const c of input.contracts) {
    const [contract] = await tx
      .select({ title: contracts.title })
      .from(contracts)
      .where(and(eq(contracts.regionId, regionId), eq(contracts.id, c.id)));
    pdfs.set(
      c.id,
      await renderPdf({
        title: `Data pendukung - ${contract.title}`,
        footer: 'Data contoh demo Lelang Kinerja',
        content: [
          { text: regionName.toUpperCase(), alignment: 'center', bold: true },
          { text: 'Data Pendukung Realisasi dan Tahapan', style: 'h1', margin: [0, 6, 0, 0] },
          { text: contract.title, alignment: 'center', margin: [0, 0, 0, 10] },
          {
            text:
              'Berkas ini dibuat otomatis untuk data demo: rekap data dukung, berita acara dan dokumentasi ' +
              'kegiatan yang dalam penggunaan nyata diunggah oleh perangkat daerah.',
          },
        ],
      }),
    );
  }
  const rows: (typeof evidenceFiles.$inferInsert)[] = [];
  for (const o of owners) {
    const data = pdfs.get(o.contractId);
    if (!data || !o.by) continue;
    const id = randomUUID();
    await storeEvidence(dir, regionId, id, data);
    rows.push({
      id,
      regionId,
      ownerType: o.ownerType,
      ownerId: o.ownerId,
      originalName: o.ownerType === 'milestone' ? 'berita-acara-tahapan.pdf' : 'rekap-data-dukung.pdf',
      contentType: 'application/pdf',
      sizeBytes: data.length,
      sha256: sha256(data),
      uploadedBy: o.by,
      ...(o.at ? { createdAt: o.at } : {}),
    });
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(evidenceFiles).values(rows.slice(i, i + 500));
}
