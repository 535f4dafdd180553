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
