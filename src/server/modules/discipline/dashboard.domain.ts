import type { DisciplineDashboard, RewardState, SanctionState } from '../../../contract/discipline.js';

/**
 * The effect of the rules on lateness, for the head of region's dashboard (issue 5 item 8): the months
 * before the first day a sanction rule applied against the months from the first month that began
 * with it. A month in which the rules started part-way counts as "before". Pure.
 */

export interface LatenessMonth {
  /** `YYYY-MM`. */
  month: string;
  /** Days with TL2-TL4. */
  lateDays: number;
  /** ASN working days counted. */
  servantDays: number;
}

/** `YYYY-MM` of the first month that begins on or after `day` (`YYYY-MM-DD`). */
export function firstMonthFrom(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  if (day.slice(8, 10) === '01') return day.slice(0, 7);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Late days per 100 working days of the months, weighed by their working days; null without any. */
function rateOf(months: readonly LatenessMonth[]): number | null {
  const days = months.reduce((s, r) => s + r.servantDays, 0);
  if (days === 0) return null;
  const late = months.reduce((s, r) => s + r.lateDays, 0);
  return Math.round(((late * 100) / days) * 100) / 100;
}

export function latenessEffect(
  months: readonly LatenessMonth[],
  rulesSince: string | null,
): { before: number | null; after: number | null; firstAfter: string | null } {
  if (!rulesSince) return { before: null, after: null, firstAfter: null };
  const firstAfter = firstMonthFrom(rulesSince);
  return {
    before: rateOf(months.filter((r) => r.month < firstAfter)),
    after: rateOf(months.filter((r) => r.month >= firstAfter)),
    firstAfter,
  };
}

/** Late days per 100 ASN working days of one month, rounded to two decimals; 0 without working days. */
export const monthRate = (m: LatenessMonth): number =>
  m.servantDays ? Math.round((m.lateDays / m.servantDays) * 10000) / 100 : 0;

/** The months of `year` that have ended by `today` (`YYYY-MM-DD`): all twelve for a past year. */
export function endedMonths(year: number, today: string): string[] {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return months.filter((m) => m < today.slice(0, 7));
}

// ---------------------------------------------------------------------------------------------------
// Counting the cases

/** A sanction or reward as the counts see it. */
export interface CaseFact<S extends string> {
  state: S;
  ruleCode: string;
  ruleName: string;
  unitId: string;
  /** `YYYY-MM-DD`: the day the rule hit. */
  hitOn: string;
}

/**
 * The sanctions the head of region's dashboard counts: every one still standing or served, those
 * awaiting approval included; rejected, cancelled and revoked ones are not sanctions.
 */
export const dashboardSanction = (state: SanctionState) =>
  !(['rejected', 'cancelled', 'revoked'] as SanctionState[]).includes(state);
/** The rewards the dashboard counts: proposed, approved or granted. */
export const dashboardReward = (state: RewardState) =>
  !(['rejected', 'cancelled'] as RewardState[]).includes(state);

/**
 * What the public pages count: only sanctions approved and made known to the subject (never one that
 * may still be rejected), and rewards granted.
 */
export const PUBLIC_SANCTION_STATES: readonly SanctionState[] = [
  'notified',
  'appealed',
  'upheld',
  'active',
  'completed',
];
export const PUBLIC_REWARD_STATES: readonly RewardState[] = ['granted'];

/** The dashboard's counts of the year's cases: totals, by rule, by unit (named by `unitName`) and by month. */
export function tallyCases(
  sanctions: readonly CaseFact<SanctionState>[],
  rewards: readonly CaseFact<RewardState>[],
  unitName: ReadonlyMap<string, string>,
  year: number,
): Pick<DisciplineDashboard, 'totals' | 'byRule' | 'byUnit' | 'byMonth'> {
  const counted = sanctions.filter((x) => dashboardSanction(x.state));
  const granted = rewards.filter((x) => dashboardReward(x.state));
  const byRule = new Map<string, DisciplineDashboard['byRule'][number]>();
  const byUnit = new Map<string, DisciplineDashboard['byUnit'][number]>();
  const tally = (list: readonly CaseFact<string>[], kind: 'sanction' | 'reward') => {
    for (const x of list) {
      const rule = byRule.get(x.ruleCode) ?? { code: x.ruleCode, name: x.ruleName, kind, count: 0 };
      rule.count++;
      byRule.set(x.ruleCode, rule);
      const unit = byUnit.get(x.unitId) ?? {
        workUnitId: x.unitId,
        name: unitName.get(x.unitId) ?? '-',
        sanctions: 0,
        rewards: 0,
      };
      if (kind === 'sanction') unit.sanctions++;
      else unit.rewards++;
      byUnit.set(x.unitId, unit);
    }
  };
  tally(counted, 'sanction');
  tally(granted, 'reward');
  const inMonth = (m: string) => (x: CaseFact<string>) => x.hitOn.slice(0, 7) === m;
  return {
    totals: {
      sanctions: counted.length,
      active: sanctions.filter((x) => x.state === 'active').length,
      appealed: sanctions.filter((x) => x.state === 'appealed').length,
      revoked: sanctions.filter((x) => x.state === 'revoked').length,
      rewards: granted.length,
      awaitingApproval:
        sanctions.filter((x) => x.state === 'proposed').length +
        rewards.filter((x) => x.state === 'proposed').length,
    },
    byRule: [...byRule.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    byUnit: [...byUnit.values()].sort((a, b) => b.sanctions - a.sanctions || a.name.localeCompare(b.name)),
    byMonth: Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).map((m) => ({
      month: m,
      sanctions: counted.filter(inMonth(m)).length,
      rewards: granted.filter(inMonth(m)).length,
    })),
  };
}
