import type { FieldError } from '../../../contract/common.js';
import type { RubricCriterion } from './cycle.domain.js';
import type { BudgetLine } from './terms.js';

/**
 * Panel scores of a proposal: one panelist's weighted total, the aggregate over the panel with its
 * spread, rankings with ties, and score per rupiah. Pure.
 *
 * Rounding, defined once: scores are whole numbers 0-100 and rubric weights whole percents, so a
 * panelist's total `sum(score * weight) / 100` is an exact number of hundredths and is never rounded.
 * The proposal score (mean of totals) and the standard deviation are rounded to 2 decimals, half up,
 * computed from integer hundredths so binary floating point cannot tip a tie. Score per rupiah is
 * rounded to 4 decimals, half up, the same way.
 */

/** One panelist's score for one criterion. */
export interface CriterionScore {
  criterionCode: string;
  /** Whole number 0-100. */
  score: number;
  /** The panelist's reasoning; optional, kept with the score. */
  note?: string | null;
}

/**
 * A panelist's weighted total, `sum(score * weight / 100)`, after checking that every criterion of
 * the rubric is scored exactly once with a whole number from 0 to 100 and nothing else is scored.
 */
export function panelistScore(
  rubric: readonly RubricCriterion[],
  scores: readonly CriterionScore[],
): { ok: true; total: number } | { ok: false; errors: FieldError[] } {
  const r = panelistHundredths(rubric, scores);
  return r.ok ? { ok: true, total: r.hundredths / 100 } : r;
}

function panelistHundredths(
  rubric: readonly RubricCriterion[],
  scores: readonly CriterionScore[],
): { ok: true; hundredths: number } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const weights = new Map(rubric.map((c) => [c.code, c.weight]));
  const seen = new Set<string>();
  let sum = 0;
  scores.forEach((s, i) => {
    const weight = weights.get(s.criterionCode);
    if (weight === undefined) {
      errors.push({
        path: `scores.${i}.criterionCode`,
        message: `Kriteria "${s.criterionCode}" tidak ada pada rubrik`,
      });
      return;
    }
    if (seen.has(s.criterionCode)) {
      errors.push({
        path: `scores.${i}.criterionCode`,
        message: `Kriteria "${s.criterionCode}" dinilai lebih dari sekali`,
      });
      return;
    }
    seen.add(s.criterionCode);
    if (!Number.isInteger(s.score) || s.score < 0 || s.score > 100)
      errors.push({ path: `scores.${i}.score`, message: 'Nilai harus bilangan bulat 0-100' });
    else sum += s.score * weight;
  });
  for (const c of rubric)
    if (!seen.has(c.code)) errors.push({ path: 'scores', message: `Kriteria "${c.name}" belum dinilai` });
  return errors.length ? { ok: false, errors } : { ok: true, hundredths: sum };
}

/** One panel member's position on one proposal. */
export interface PanelEntry {
  panelistId: string;
  /** Declared a conflict of interest: excluded from this proposal, whatever they entered. */
  conflict: boolean;
  /** Handed in their scores; drafts do not count. */
  submitted: boolean;
  scores: readonly CriterionScore[];
}

export interface Aggregate {
  /** Mean of the submitted panelists' totals, 2 decimals; null while nobody has submitted. */
  score: number | null;
  /** True when every panelist without a conflict has submitted (and there is at least one). */
  complete: boolean;
  /** Panelists without a conflict who submitted. */
  scoredBy: number;
  /** Panelists without a conflict. */
  expected: number;
  min: number | null;
  max: number | null;
  /** Population standard deviation of the totals (the panel is all the scorers, not a sample), 2 decimals. */
  stdDev: number | null;
}

/** Half-up rounding of a non-negative number of hundredths to a whole number of hundredths. */
const roundHundredths = (h: number) => Math.round(h);

/**
 * The proposal's score over the panel. Conflicted panelists are left out entirely; panelists who
 * have not submitted count towards `expected` only. Throws when a counted panelist's stored scores
 * break the rubric or a panelist appears twice: those are invariants the service upholds when scores
 * are saved, not user input.
 */
export function aggregate(rubric: readonly RubricCriterion[], panel: readonly PanelEntry[]): Aggregate {
  const ids = new Set<string>();
  const totals: number[] = [];
  let expected = 0;
  for (const p of panel) {
    if (ids.has(p.panelistId)) throw new Error(`Panelis ${p.panelistId} tercantum dua kali`);
    ids.add(p.panelistId);
    if (p.conflict) continue;
    expected++;
    if (!p.submitted) continue;
    const r = panelistHundredths(rubric, p.scores);
    if (!r.ok) throw new Error(`Nilai panelis ${p.panelistId} tidak sesuai rubrik: ${r.errors[0].message}`);
    totals.push(r.hundredths);
  }
  const n = totals.length;
  const complete = expected > 0 && n === expected;
  if (n === 0) return { score: null, complete, scoredBy: 0, expected, min: null, max: null, stdDev: null };
  const mean = totals.reduce((a, b) => a + b, 0) / n;
  const variance = totals.reduce((a, h) => a + (h - mean) ** 2, 0) / n;
  return {
    score: roundHundredths(mean) / 100,
    complete,
    scoredBy: n,
    expected,
    min: Math.min(...totals) / 100,
    max: Math.max(...totals) / 100,
    stdDev: roundHundredths(Math.sqrt(variance)) / 100,
  };
}

/** An item with its rank; null for items without a score. */
export interface Ranked<T> {
  item: T;
  rank: number | null;
}

/**
 * Ranks by score, highest first, with competition ranking: equal scores share a rank and the next
 * rank skips (1, 2, 2, 4). Within a tie, and among the unranked items at the end, items are ordered
 * by `tieKey` ascending in plain code-unit order (the overview passes the proposal title followed by
 * its id), so the order is stable and does not depend on the input order or the locale. The
 * tie-breaker orders; it never splits a rank.
 */
export function rank<T>(
  items: readonly T[],
  score: (item: T) => number | null,
  tieKey: (item: T) => string,
): Ranked<T>[] {
  const byKey = (a: T, b: T) => {
    const ka = tieKey(a);
    const kb = tieKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
  const scored = items.filter((i) => score(i) !== null);
  const unscored = items.filter((i) => score(i) === null).sort(byKey);
  scored.sort((a, b) => (score(b) as number) - (score(a) as number) || byKey(a, b));
  const out: Ranked<T>[] = [];
  scored.forEach((item, i) => {
    const previous = out[i - 1];
    const tied = previous && score(previous.item) === score(item);
    out.push({ item, rank: tied ? (previous.rank as number) : i + 1 });
  });
  return [...out, ...unscored.map((item) => ({ item, rank: null }))];
}

/**
 * Score per billion Rupiah requested over the whole term: `score / (total / 1e9)`, rounded half up to
 * 4 decimals. Null when there is no score or nothing is requested (a free program is not infinitely
 * efficient; it is simply not comparable). Computed as integers: with the score in hundredths the
 * numerator stays below 2^53, so the rounding is exact.
 */
export function scorePerBillion(score: number | null, budget: readonly BudgetLine[]): number | null {
  const total = budget.reduce((a, b) => a + b.amount, 0);
  if (!Number.isSafeInteger(total) || total < 0)
    throw new RangeError('Jumlah anggaran harus bilangan bulat Rupiah yang tidak negatif');
  if (score === null || total === 0) return null;
  const scoreHundredths = Math.round(score * 100);
  // (score / (total / 1e9)) * 1e4 = scoreHundredths * 1e11 / total
  return Math.round((scoreHundredths * 1e11) / total) / 10_000;
}
