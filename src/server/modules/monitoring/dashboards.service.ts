import { and, asc, eq, inArray, lte, gte, type SQL } from 'drizzle-orm';
import type { IndicatorCard, Overview, Scorecard } from '../../../contract/dashboards.js';
import type { DbOrTx } from '../../db/client.js';
import {
  contractIndicators,
  contractMilestones,
  contracts,
  contractTargets,
  cycles,
  milestoneProgress,
  missions,
  realizations,
  regions,
  themes,
  workUnits,
} from '../../db/schema.js';
import { dayEnd, localDay } from '../../platform/calendar.js';
import { AppError } from '../../platform/errors.js';
import { hasRole, unitScope, type Actor } from '../../platform/policy.js';
import type { Polarity, TargetValue } from '../auction/terms.js';
import type { Aggregation, Frequency } from '../auction/proposal.domain.js';
import {
  missionScore,
  predicate,
  programScore,
  regionScore,
  themeScore,
  unitScore,
  yearAchievement,
  type PeriodRealization,
  type PredicateBand,
} from './achievement.domain.js';
import { loadCalendar, monitoringSettingsOf } from './calendar.service.js';
import { cachedYear } from './dashboards.cache.js';
import { earlyWarning } from './early-warning.domain.js';
import {
  deadlineOf,
  parsePeriodKey,
  periodsOf,
  periodStatus,
  type Period,
  type RealizationStatus,
} from './periods.domain.js';
import { workingDaysLate, type WorkingCalendar } from './working-days.domain.js';

/**
 * The dashboards' numbers, computed from a fixed number of set-based queries per request (contracts,
 * indicators, targets, realizations, milestones of the region and year) and the pure achievement
 * and early-warning modules, so they stay fast at city scale (quality.md B2).
 */

interface YearData {
  year: number;
  today: string;
  tz: string;
  calendar: WorkingCalendar;
  cap: number | null;
  bands: PredicateBand[];
  deadlineDay: number;
  contracts: {
    id: string;
    title: string;
    workUnitId: string;
    unitCode: string;
    unitName: string;
    themeId: string | null;
    themeName: string | null;
    missionNumber: number | null;
    missionTitle: string | null;
  }[];
  indicators: (typeof contractIndicators.$inferSelect)[];
  targets: Map<string, TargetValue>;
  realizations: Map<string, YearRealization[]>;
  milestones: {
    contractId: string;
    key: string;
    dueDate: string;
    doneOn: string | null;
    late: number | null;
  }[];
}

/** What the dashboards read of a realization. */
interface YearRealization {
  contractId: string;
  indicatorKey: string;
  periodKey: string;
  value: number | null;
  status: string;
  firstSubmittedAt: Date | null;
}

const k = (contractId: string, key: string) => `${contractId}\u0000${key}`;

/** The region's local day and the year asked for (the current one when none). */
async function regionDay(db: DbOrTx, regionId: string, year: number | undefined, now: Date) {
  const [r] = await db
    .select({ tz: regions.timezone, settings: regions.settings })
    .from(regions)
    .where(eq(regions.id, regionId));
  const today = localDay(now, r.tz);
  return { r, today, y: year ?? Number(today.slice(0, 4)) };
}

export async function loadYear(
  db: DbOrTx,
  regionId: string,
  year: number | undefined,
  now: Date,
  unitIds?: string[],
) {
  const { r, today, y } = await regionDay(db, regionId, year, now);
  const settings = monitoringSettingsOf(r.settings);
  const where: (SQL | undefined)[] = [
    eq(contracts.regionId, regionId),
    lte(cycles.startYear, y),
    gte(cycles.endYear, y),
  ];
  if (unitIds) where.push(inArray(contracts.workUnitId, unitIds));
  const cs = await db
    .select({
      id: contracts.id,
      title: contracts.title,
      workUnitId: contracts.workUnitId,
      unitCode: workUnits.code,
      unitName: workUnits.name,
      themeId: contracts.themeId,
      themeName: themes.name,
      missionNumber: missions.number,
      missionTitle: missions.title,
    })
    .from(contracts)
    .innerJoin(cycles, and(eq(cycles.regionId, contracts.regionId), eq(cycles.id, contracts.cycleId)))
    .innerJoin(
      workUnits,
      and(eq(workUnits.regionId, contracts.regionId), eq(workUnits.id, contracts.workUnitId)),
    )
    .leftJoin(themes, and(eq(themes.regionId, contracts.regionId), eq(themes.id, contracts.themeId)))
    .leftJoin(missions, and(eq(missions.regionId, themes.regionId), eq(missions.id, themes.missionId)))
    .where(and(...where))
    .orderBy(asc(workUnits.code), asc(contracts.title));
  const ids = cs.map((c) => c.id);
  const none = ids.length === 0;
  const inRegion = <T extends { regionId: unknown; contractId: unknown }>(t: T) =>
    and(
      eq(t.regionId as never, regionId),
      inArray(t.contractId as never, none ? ['00000000-0000-0000-0000-000000000000'] : ids),
    );
  const indicators = await db
    .select()
    .from(contractIndicators)
    .where(inRegion(contractIndicators))
    .orderBy(asc(contractIndicators.contractId), asc(contractIndicators.position));
  const targets = await db
    .select()
    .from(contractTargets)
    .where(and(inRegion(contractTargets), eq(contractTargets.year, y)));
  const reals = await db
    .select({
      contractId: realizations.contractId,
      indicatorKey: realizations.indicatorKey,
      periodKey: realizations.periodKey,
      value: realizations.value,
      status: realizations.status,
      firstSubmittedAt: realizations.firstSubmittedAt,
    })
    .from(realizations)
    .where(and(inRegion(realizations), eq(realizations.year, y)));
  const ms = await db
    .select({ m: contractMilestones, p: milestoneProgress })
    .from(contractMilestones)
    .leftJoin(
      milestoneProgress,
      and(
        eq(milestoneProgress.regionId, contractMilestones.regionId),
        eq(milestoneProgress.contractId, contractMilestones.contractId),
        eq(milestoneProgress.milestoneKey, contractMilestones.key),
      ),
    )
    .where(inRegion(contractMilestones));
  const byIndicator = new Map<string, YearRealization[]>();
  for (const x of reals) {
    const key = k(x.contractId, x.indicatorKey);
    const list = byIndicator.get(key);
    if (list) list.push(x);
    else byIndicator.set(key, [x]);
  }
  return {
    year: y,
    today,
    tz: r.tz,
    calendar: await loadCalendar(db, regionId),
    cap: settings.achievementCap,
    bands: settings.predicateBands as PredicateBand[],
    deadlineDay: settings.reportDeadlineDay,
    contracts: cs,
    indicators,
    targets: new Map(
      targets.map((t) => [
        k(t.contractId, t.indicatorKey),
        { value: t.value, lower: t.lower, upper: t.upper },
      ]),
    ),
    realizations: byIndicator,
    milestones: ms.map(({ m, p }) => ({
      contractId: m.contractId,
      key: m.key,
      dueDate: m.dueDate,
      doneOn: p?.doneOn ?? null,
      late: p?.lateWorkingDays ?? null,
    })),
  } satisfies YearData;
}

const pred = (score: number | null, bands: PredicateBand[]) => {
  const p = predicate(score, bands);
  return p ? { code: p.code, label: p.label } : null;
};

const PERIODS = new WeakMap<YearData, Map<Frequency, { period: Period; deadline: string }[]>>();

/** The periods of a frequency in the year with their deadlines, worked out once per request. */
function periodTable(data: YearData, frequency: Frequency) {
  let byFrequency = PERIODS.get(data);
  if (!byFrequency) PERIODS.set(data, (byFrequency = new Map()));
  let table = byFrequency.get(frequency);
  if (!table) {
    table = periodsOf(frequency, data.year).map((period) => ({
      period,
      deadline: deadlineOf(period, { dayOfFollowingMonth: data.deadlineDay }),
    }));
    byFrequency.set(frequency, table);
  }
  return table;
}

function indicatorCard(data: YearData, ind: YearData['indicators'][number]): IndicatorCard {
  const target = data.targets.get(k(ind.contractId, ind.key)) ?? null;
  const rows = data.realizations.get(k(ind.contractId, ind.key)) ?? [];
  const byPeriod = new Map(rows.map((r) => [r.periodKey, r]));
  const periods = periodTable(data, ind.frequency as Frequency);
  const series: PeriodRealization[] = rows
    .filter((r) => r.value !== null || r.status === 'draft' || r.status === 'returned')
    .map((r) => ({ period: r.periodKey, value: r.value, status: r.status as RealizationStatus }));
  const terms = {
    polarity: ind.polarity as Polarity,
    aggregation: ind.aggregation as Aggregation,
    target: target ?? {},
  };
  const official = target ? yearAchievement(terms, series, 'official', { cap: data.cap }) : null;
  const provisional = target ? yearAchievement(terms, series, 'provisional', { cap: data.cap }) : null;
  const warning = target
    ? earlyWarning({
        polarity: ind.polarity as Polarity,
        aggregation: ind.aggregation as Aggregation,
        baseline: ind.baselineValue,
        target,
        frequency: ind.frequency as Frequency,
        realizations: series,
        cap: data.cap,
        bands: data.bands,
      })
    : null;
  const cards = periods.map(({ period: p, deadline }, i) => {
    const r = byPeriod.get(p.key);
    const s = periodStatus({
      period: p,
      deadline,
      today: data.today,
      realization: r
        ? {
            status: r.status as RealizationStatus,
            submittedOn: r.firstSubmittedAt ? localDay(r.firstSubmittedAt, data.tz) : undefined,
          }
        : null,
      calendar: data.calendar,
    });
    const e = warning?.expected[i] ?? {};
    return {
      key: p.key,
      label: p.label,
      deadline,
      value: r?.value ?? null,
      status: (r?.status as RealizationStatus | undefined) ?? null,
      state: s.status,
      lateWorkingDays: s.workingDaysLate,
      expected: { value: e.value ?? null, lower: e.lower ?? null, upper: e.upper ?? null },
    };
  });
  return {
    contractId: ind.contractId,
    key: ind.key,
    name: ind.name,
    unit: ind.unit,
    polarity: ind.polarity as Polarity,
    aggregation: ind.aggregation as Aggregation,
    frequency: ind.frequency as Frequency,
    weight: ind.weight,
    baseline: { value: ind.baselineValue, year: ind.baselineYear, source: ind.baselineSource },
    target: target
      ? { value: target.value ?? null, lower: target.lower ?? null, upper: target.upper ?? null }
      : null,
    periods: cards,
    value: official?.value ?? null,
    achievement: official?.achievement ?? null,
    provisionalValue: provisional?.value ?? null,
    provisionalAchievement: provisional?.achievement ?? null,
    predicate: pred(official?.achievement ?? null, data.bands),
    projected: warning?.projected ?? null,
    projectedAchievement: warning?.projectedAchievement ?? null,
    light: warning?.light ?? null,
    stale: cards.some((c) => c.state === 'overdue'),
  };
}

function programsOf(data: YearData) {
  return data.contracts.map((c) => {
    const indicators = data.indicators
      .filter((i) => i.contractId === c.id)
      .map((i) => indicatorCard(data, i));
    const score = programScore(
      indicators.map((i) => ({ key: i.key, value: i.achievement, weight: i.weight })),
    );
    return { contract: c, indicators, score };
  });
}

function milestoneCounts(data: YearData, contractIds: Set<string>) {
  const out = { done: 0, doneLate: 0, overdue: 0, upcoming: 0 };
  for (const m of data.milestones) {
    if (!contractIds.has(m.contractId)) continue;
    if (m.doneOn) m.late ? out.doneLate++ : out.done++;
    else if (data.today > m.dueDate && workingDaysLate(data.calendar, m.dueDate, data.today) > 0)
      out.overdue++;
    else out.upcoming++;
  }
  return out;
}

/** The year's rows and computed programs, kept between requests while nothing they depend on changes. */
async function computedYear(
  db: DbOrTx,
  regionId: string,
  year: number | undefined,
  now: Date,
  unitIds?: string[],
) {
  const { today, y } = await regionDay(db, regionId, year, now);
  return cachedYear(db, regionId, y, `${today}|${unitIds?.join(',') ?? '*'}`, async () => {
    const data = await loadYear(db, regionId, y, now, unitIds);
    return { data, programs: programsOf(data) };
  });
}

const lateStates = new Set(['overdue', 'late_submitted']);

/** The OPD scorecard: readable by the unit itself and by the region's readers; other units 404. */
export async function scorecard(
  db: DbOrTx,
  actor: Actor,
  unitId: string,
  year?: number,
  now = new Date(),
): Promise<Scorecard> {
  const regionWide = hasRole(actor, 'region_admin', 'head_of_region', 'verifier');
  const own = unitScope(actor, ['opd_head', 'opd_operator']);
  if (!regionWide && (own === 'all' ? false : !own.includes(unitId))) throw new AppError('NOT_FOUND');
  const [u] = await db
    .select({ id: workUnits.id, code: workUnits.code, name: workUnits.name })
    .from(workUnits)
    .where(and(eq(workUnits.regionId, actor.regionId), eq(workUnits.id, unitId)));
  if (!u) throw new AppError('NOT_FOUND');
  const { data, programs } = await computedYear(db, actor.regionId, year, now, [unitId]);
  const score = unitScore(programs.map((p) => ({ key: p.contract.id, value: p.score.value })));
  return {
    year: data.year,
    unit: u,
    score: score.value,
    predicate: pred(score.value, data.bands),
    programs: programs.map((p) => ({
      contractId: p.contract.id,
      title: p.contract.title,
      themeName: p.contract.themeName,
      score: p.score.value,
      predicate: pred(p.score.value, data.bands),
      reported: p.score.counted,
      indicatorCount: p.indicators.length,
      indicators: p.indicators,
    })),
    milestones: milestoneCounts(data, new Set(programs.map((p) => p.contract.id))),
    lateReports: programs
      .flatMap((p) => p.indicators.flatMap((i) => i.periods))
      .filter((x) => lateStates.has(x.state)).length,
  };
}

/** The region overview: OPD ranking with predicates and lights, themes, missions, late work. */
export async function overview(db: DbOrTx, actor: Actor, year?: number, now = new Date()): Promise<Overview> {
  const { data, programs } = await computedYear(db, actor.regionId, year, now);
  const unitIds = [...new Set(data.contracts.map((c) => c.workUnitId))];
  const units = unitIds.map((id) => {
    const mine = programs.filter((p) => p.contract.workUnitId === id);
    const score = unitScore(mine.map((p) => ({ key: p.contract.id, value: p.score.value }))).value;
    const cards = mine.flatMap((p) => p.indicators);
    return {
      unitId: id,
      code: mine[0].contract.unitCode,
      name: mine[0].contract.unitName,
      score,
      predicate: pred(score, data.bands),
      contracts: mine.length,
      lights: {
        red: cards.filter((c) => c.light === 'red').length,
        amber: cards.filter((c) => c.light === 'amber').length,
        green: cards.filter((c) => c.light === 'green').length,
      },
      lateReports: cards.flatMap((c) => c.periods).filter((x) => lateStates.has(x.state)).length,
      overdueMilestones: milestoneCounts(data, new Set(mine.map((p) => p.contract.id))).overdue,
    };
  });
  // Ranked by score, best first; ties share a rank; units without a score come last, unranked.
  const ranked = [...units].sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.code.localeCompare(b.code));
  let rank = 0;
  let previous: number | null = null;
  const withRank = ranked.map((u, i) => {
    if (u.score === null) return { ...u, rank: null };
    if (u.score !== previous) rank = i + 1;
    previous = u.score;
    return { ...u, rank };
  });
  const themeIds = [...new Set(data.contracts.map((c) => c.themeId).filter((x): x is string => !!x))];
  const themeRows = themeIds.map((themeId) => {
    const mine = programs.filter((p) => p.contract.themeId === themeId);
    const t = themeScore({
      outcome: null,
      contributors: mine.map((p) => ({ key: p.contract.id, share: 1, score: p.score.value })),
    });
    return {
      themeId,
      name: mine[0].contract.themeName ?? '',
      missionNumber: mine[0].contract.missionNumber ?? 0,
      missionTitle: mine[0].contract.missionTitle ?? '',
      score: t.value,
      predicate: pred(t.value, data.bands),
      contributors: mine.map((p) => ({
        unitName: p.contract.unitName,
        title: p.contract.title,
        score: p.score.value,
      })),
    };
  });
  const missionNumbers = [...new Set(themeRows.map((t) => t.missionNumber))].sort((a, b) => a - b);
  const score = regionScore(units.map((u) => ({ key: u.unitId, value: u.score }))).value;
  const cards = programs.flatMap((p) => p.indicators);
  return {
    year: data.year,
    score,
    predicate: pred(score, data.bands),
    units: withRank,
    themes: themeRows
      .map(({ missionTitle: _m, ...t }) => t)
      .sort((a, b) => a.missionNumber - b.missionNumber || a.name.localeCompare(b.name)),
    missions: missionNumbers.map((n) => {
      const mine = themeRows.filter((t) => t.missionNumber === n);
      const s = missionScore(mine.map((t) => ({ key: t.themeId, value: t.score }))).value;
      return { number: n, title: mine[0].missionTitle, score: s, predicate: pred(s, data.bands) };
    }),
    counts: {
      lateReports: units.reduce((a, u) => a + u.lateReports, 0),
      overdueMilestones: units.reduce((a, u) => a + u.overdueMilestones, 0),
      awaitingVerification: cards.flatMap((c) => c.periods).filter((p) => p.status === 'submitted').length,
      red: cards.filter((c) => c.light === 'red').length,
    },
  };
}

/** What the rule evaluation reads of the contracts as of a day (issue 5): scores, milestones, reports. */
export interface MonitoringFacts {
  /** Unit scores per ended period of the year (`2026-Q1`.. and `2026` when the year has ended). */
  unitScores: { unitId: string; periodKey: string; score: number }[];
  /** Milestones due on or before the day, late when done late or still open. */
  milestones: {
    unitId: string;
    milestoneId: string;
    name: string;
    dueDate: string;
    workingDaysOverdue: number;
  }[];
  /** Reports whose deadline passed on or before the day, submitted late or still missing. */
  reports: {
    unitId: string;
    reportId: string;
    label: string;
    periodKey: string;
    deadline: string;
    workingDaysLate: number;
  }[];
}

/**
 * The contracts' facts as they stood at the end of `asOf` (the region's local day): a unit's score
 * for a quarter counts the verified realizations of the periods ended by the quarter's end; lateness
 * of milestones and reports is counted in working days up to `asOf` (or to the day done).
 */
export async function monitoringFactsAsOf(
  db: DbOrTx,
  regionId: string,
  asOf: string,
): Promise<MonitoringFacts> {
  const year = Number(asOf.slice(0, 4));
  const [r] = await db.select({ tz: regions.timezone }).from(regions).where(eq(regions.id, regionId));
  const data = await loadYear(db, regionId, year, dayEnd(asOf, r.tz));
  const unitScores: MonitoringFacts['unitScores'] = [];
  const ends = periodsOf('quarterly', year)
    .filter((p) => p.end <= asOf)
    .map((p) => ({ key: p.key, end: p.end }));
  if (`${year}-12-31` <= asOf) ends.push({ key: `${year}`, end: `${year}-12-31` });
  for (const { key, end } of ends) {
    const realizations = new Map<string, YearRealization[]>();
    for (const [k2, list] of data.realizations)
      realizations.set(
        k2,
        list.filter((x) => (parsePeriodKey(x.periodKey)?.end ?? '9999') <= end),
      );
    const programs = programsOf({ ...data, realizations });
    for (const unitId of new Set(data.contracts.map((c) => c.workUnitId))) {
      const mine = programs.filter((p) => p.contract.workUnitId === unitId);
      const score = unitScore(mine.map((p) => ({ key: p.contract.id, value: p.score.value }))).value;
      if (score !== null) unitScores.push({ unitId, periodKey: key, score });
    }
  }
  const unitOf = new Map(data.contracts.map((c) => [c.id, c.workUnitId]));
  const titles = new Map(
    (
      await db
        .select({
          contractId: contractMilestones.contractId,
          key: contractMilestones.key,
          title: contractMilestones.title,
        })
        .from(contractMilestones)
        .where(eq(contractMilestones.regionId, regionId))
    ).map((m) => [k(m.contractId, m.key), m.title]),
  );
  const milestones: MonitoringFacts['milestones'] = [];
  for (const m of data.milestones) {
    if (m.dueDate > asOf) continue;
    const until = m.doneOn && m.doneOn <= asOf ? m.doneOn : asOf;
    const late = workingDaysLate(data.calendar, m.dueDate, until);
    if (late > 0)
      milestones.push({
        unitId: unitOf.get(m.contractId)!,
        milestoneId: `${m.contractId}:${m.key}`,
        name: titles.get(k(m.contractId, m.key)) ?? m.key,
        dueDate: m.dueDate,
        workingDaysOverdue: late,
      });
  }
  const reports: MonitoringFacts['reports'] = [];
  for (const p of programsOf(data))
    for (const card of p.indicators)
      for (const c of card.periods)
        if (c.deadline <= asOf && (c.lateWorkingDays ?? 0) > 0)
          reports.push({
            unitId: p.contract.workUnitId,
            reportId: `${card.contractId}:${card.key}:${c.key}`,
            label: card.name,
            periodKey: c.key,
            deadline: c.deadline,
            workingDaysLate: c.lateWorkingDays ?? 0,
          });
  return { unitScores, milestones, reports };
}
