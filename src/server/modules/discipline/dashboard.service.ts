import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DisciplineDashboard, RewardState, SanctionState } from '../../../contract/discipline.js';
import type { DbOrTx } from '../../db/client.js';
import { evaluationRuns, regions, rewards, sanctions, workUnits } from '../../db/schema.js';
import { localDay } from '../../platform/calendar.js';
import { notFound } from '../../platform/errors.js';
import { keptValues } from '../../platform/kept.js';
import type { Actor } from '../../platform/policy.js';
import {
  endedMonths,
  latenessEffect,
  monthRate,
  PUBLIC_REWARD_STATES,
  PUBLIC_SANCTION_STATES,
  tallyCases,
  type CaseFact,
} from './dashboard.domain.js';
import { seriousLateDays } from './lateness.domain.js';
import { monthInputsDigest, monthRecaps, regionLateness, type RegionLateness } from './lateness.service.js';

/**
 * The head of region's dashboard (issue 5 item 8): counts by rule, unit and month, and lateness per
 * month before and after the rules (dashboard.domain.ts); and the counts of the public pages, which
 * never name anybody.
 */

/** Lateness per month, kept while what it is worked out of stays the same (monthInputsDigest). */
const keptLateness = keptValues<{ lateDays: number; servantDays: number }>(48);

async function latenessOfMonth(db: DbOrTx, regionId: string, month: string, region: RegionLateness) {
  const { digest, punches } = await monthInputsDigest(db, regionId, month, undefined, region);
  const key = `${regionId}|${month}`;
  const hit = keptLateness.peek(db, key, digest);
  if (hit) return hit;
  let lateDays = 0;
  let servantDays = 0;
  if (punches > 0)
    for (const r of await monthRecaps(db, regionId, month, undefined, region)) {
      // ASN without a single punch in the month (no device data yet) would only dilute the rate.
      if (r.recap.presentDays === 0) continue;
      servantDays += r.recap.daysCounted;
      lateDays += seriousLateDays(r.recap);
    }
  const value = { lateDays, servantDays };
  keptLateness.put(db, key, digest, value);
  return value;
}

export async function dashboard(
  db: DbOrTx,
  actor: Actor,
  year: number | undefined,
  now = new Date(),
): Promise<DisciplineDashboard> {
  const [region] = await db.select().from(regions).where(eq(regions.id, actor.regionId));
  const today = localDay(now, region.timezone);
  const y = year ?? Number(today.slice(0, 4));
  const from = `${y}-01-01`;
  const to = `${y}-12-31`;
  const s = await db
    .select({
      state: sanctions.state,
      ruleCode: sanctions.ruleCode,
      ruleName: sanctions.ruleName,
      unitId: sanctions.workUnitId,
      hitOn: sanctions.hitOn,
    })
    .from(sanctions)
    .where(and(eq(sanctions.regionId, actor.regionId), gte(sanctions.hitOn, from), lte(sanctions.hitOn, to)));
  const r = await db
    .select({
      state: rewards.state,
      ruleCode: rewards.ruleCode,
      ruleName: rewards.ruleName,
      unitId: rewards.workUnitId,
      hitOn: rewards.hitOn,
    })
    .from(rewards)
    .where(and(eq(rewards.regionId, actor.regionId), gte(rewards.hitOn, from), lte(rewards.hitOn, to)));
  const units = await db
    .select({ id: workUnits.id, name: workUnits.name })
    .from(workUnits)
    .where(eq(workUnits.regionId, actor.regionId));
  const cases = tallyCases(
    s as CaseFact<SanctionState>[],
    r as CaseFact<RewardState>[],
    new Map(units.map((u) => [u.id, u.name])),
    y,
  );
  const lateness: DisciplineDashboard['lateness'] = [];
  const judged = await regionLateness(db, actor.regionId, now);
  for (const m of endedMonths(y, today)) {
    const l = { month: m, ...(await latenessOfMonth(db, actor.regionId, m, judged)) };
    lateness.push({ ...l, rate: monthRate(l) });
  }
  const [first] = await db
    .select({ asOf: sql<string | null>`min(${evaluationRuns.asOf})::text` })
    .from(evaluationRuns)
    .where(eq(evaluationRuns.regionId, actor.regionId));
  const [firstCase] = await db
    .select({ hitOn: sql<string | null>`min(${sanctions.hitOn})::text` })
    .from(sanctions)
    .where(eq(sanctions.regionId, actor.regionId));
  const candidates = [first?.asOf, firstCase?.hitOn].filter((x): x is string => !!x).sort();
  return {
    year: y,
    ...cases,
    lateness,
    rulesSince: candidates[0] ?? null,
    effect: latenessEffect(lateness, candidates[0] ?? null),
  };
}

/**
 * Works out the lateness of the ended months of this year ahead of the first dashboard request (a
 * city's month takes seconds); the server calls it in the background after starting.
 */
export async function warmLatenessMonths(db: DbOrTx, regionId: string, now = new Date()) {
  const judged = await regionLateness(db, regionId, now);
  for (const m of endedMonths(Number(judged.today.slice(0, 4)), judged.today))
    await latenessOfMonth(db, regionId, m, judged);
}

/** Counts only, for the public pages: never a name. */
export async function publicCounts(
  db: DbOrTx,
  regionSlug: string,
  year: number | undefined,
  now = new Date(),
) {
  const [region] = await db.select().from(regions).where(eq(regions.slug, regionSlug));
  if (!region) throw notFound('Daerah tidak ditemukan');
  const y = year ?? Number(localDay(now, region.timezone).slice(0, 4));
  const from = `${y}-01-01`;
  const to = `${y}-12-31`;
  const s = await db
    .select({ name: sanctions.ruleName, count: sql<number>`count(*)::int` })
    .from(sanctions)
    .where(
      and(
        eq(sanctions.regionId, region.id),
        gte(sanctions.hitOn, from),
        lte(sanctions.hitOn, to),
        inArray(sanctions.state, [...PUBLIC_SANCTION_STATES]),
      ),
    )
    .groupBy(sanctions.ruleName);
  const r = await db
    .select({ name: rewards.ruleName, count: sql<number>`count(*)::int` })
    .from(rewards)
    .where(
      and(
        eq(rewards.regionId, region.id),
        gte(rewards.hitOn, from),
        lte(rewards.hitOn, to),
        inArray(rewards.state, [...PUBLIC_REWARD_STATES]),
      ),
    )
    .groupBy(rewards.ruleName);
  return {
    year: y,
    sanctions: s.reduce((a, x) => a + x.count, 0),
    rewards: r.reduce((a, x) => a + x.count, 0),
    byRule: [...s, ...r].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  };
}
