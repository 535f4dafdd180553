/**
 * The terms of a program as plain data, shared by the proposal (the bid), the negotiation (offers),
 * the contract (versions and amendments) and the diff between them: targets per indicator and year,
 * milestone dates and budget lines. Also the few value rules they all apply: the shape of a target
 * for a polarity, which way is "tougher", calendar dates, Rupiah amounts. Pure.
 */

export const polarities = ['higher_is_better', 'lower_is_better', 'range'] as const;
/** Which direction of the realized value is good (domain.md section 3, Indicator). */
export type Polarity = (typeof polarities)[number];

export const polarityLabels: Record<Polarity, string> = {
  higher_is_better: 'makin tinggi makin baik',
  lower_is_better: 'makin rendah makin baik',
  range: 'rentang',
};

/**
 * A target for one year. `higher_is_better` and `lower_is_better` use `value`; `range` uses `lower`
 * and `upper` (both inclusive). One flat shape rather than a union because drafts are filled in step
 * by step; {@link targetShapeProblems} says when a value is missing or in the wrong field.
 */
export interface TargetValue {
  value?: number | null;
  lower?: number | null;
  upper?: number | null;
}

/** A target of one indicator (by its key within the proposal) for one term year. */
export interface TargetEntry extends TargetValue {
  indicatorKey: string;
  year: number;
}

/** The due date of one milestone of the work schedule, as a calendar date `YYYY-MM-DD`. */
export interface MilestoneDate {
  milestoneKey: string;
  date: string;
}

/** Budget for one term year in whole Rupiah. */
export interface BudgetLine {
  year: number;
  amount: number;
}

/** Everything a contract binds the unit to, and everything an amendment or an offer may change. */
export interface Terms {
  targets: readonly TargetEntry[];
  milestones: readonly MilestoneDate[];
  budget: readonly BudgetLine[];
}

/** New values for some of the terms; entries not named keep their value. */
export interface TermsPatch {
  targets?: readonly TargetEntry[];
  milestones?: readonly MilestoneDate[];
  budget?: readonly BudgetLine[];
}

export const targetKey = (indicatorKey: string, year: number) => `${indicatorKey}\u0000${year}`;

function overlay<T>(base: readonly T[], patch: readonly T[] | undefined, key: (t: T) => string): T[] {
  if (!patch || patch.length === 0) return [...base];
  const byKey = new Map(patch.map((p) => [key(p), p]));
  const out = base.map((b) => byKey.get(key(b)) ?? b);
  const known = new Set(base.map(key));
  // Entries the base does not have are kept at the end rather than dropped silently; validation
  // (negotiation, amendment) rejects them before they get here.
  for (const p of patch) if (!known.has(key(p))) out.push(p);
  return out;
}

/**
 * The terms with the patch applied: a patched target, milestone or budget line replaces the base one
 * with the same key (indicator and year, milestone key, year). Returns new arrays; the inputs are
 * not changed.
 */
export function applyTerms(base: Terms, patch: TermsPatch): Terms {
  return {
    targets: overlay(base.targets, patch.targets, (t) => targetKey(t.indicatorKey, t.year)),
    milestones: overlay(base.milestones, patch.milestones, (m) => m.milestoneKey),
    budget: overlay(base.budget, patch.budget, (b) => String(b.year)),
  };
}

const isNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
const present = (n: unknown) => n !== undefined && n !== null;

/** A problem with one field of a target, named by the field so callers can build a path. */
export interface TargetFieldProblem {
  field: 'value' | 'lower' | 'upper';
  message: string;
}

/**
 * Whether a target has the shape its polarity needs: a finite `value` and no bounds, or finite
 * `lower` and `upper` and no `value`. `label` names the target in the messages, e.g. "Target tahun
 * 2027". The order of the bounds is a direction rule and is checked by `checkDirection`.
 */
export function targetShapeProblems(polarity: Polarity, t: TargetValue, label: string): TargetFieldProblem[] {
  const out: TargetFieldProblem[] = [];
  if (polarity !== 'range') {
    if (!present(t.value)) out.push({ field: 'value', message: `${label} belum diisi` });
    else if (!isNumber(t.value)) out.push({ field: 'value', message: `${label} harus berupa angka` });
    if (present(t.lower) || present(t.upper))
      out.push({
        field: present(t.lower) ? 'lower' : 'upper',
        message: `${label} bukan rentang: isi satu nilai target saja`,
      });
    return out;
  }
  for (const field of ['lower', 'upper'] as const) {
    const bound = field === 'lower' ? 'Batas bawah' : 'Batas atas';
    if (!present(t[field])) out.push({ field, message: `${bound} ${lowerFirst(label)} belum diisi` });
    else if (!isNumber(t[field]))
      out.push({ field, message: `${bound} ${lowerFirst(label)} harus berupa angka` });
  }
  if (present(t.value))
    out.push({ field: 'value', message: `${label} berupa rentang: isi batas bawah dan batas atas` });
  return out;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * One comparable number of a term and the direction in which it gets tougher: `up` when a higher
 * number asks more of the unit, `down` when a lower one does. A range target has two: its lower bound
 * gets tougher upwards and its upper bound downwards, so "tougher" for a range means "narrower inside
 * the old range". A milestone date gets tougher downwards (earlier).
 */
export interface Slot {
  field: 'value' | 'lower' | 'upper' | 'date';
  tougher: 'up' | 'down';
  value: number;
}

/** The slots of a target whose shape is valid for its polarity (see {@link targetShapeProblems}). */
export function targetSlots(polarity: Polarity, t: TargetValue): Slot[] {
  if (polarity === 'higher_is_better') return [{ field: 'value', tougher: 'up', value: t.value as number }];
  if (polarity === 'lower_is_better') return [{ field: 'value', tougher: 'down', value: t.value as number }];
  return [
    { field: 'lower', tougher: 'up', value: t.lower as number },
    { field: 'upper', tougher: 'down', value: t.upper as number },
  ];
}

/** Positive when `b` asks more than `a` in the slot's direction, negative when less, 0 when equal. */
export function toughnessDelta(tougher: 'up' | 'down', a: number, b: number): number {
  return tougher === 'up' ? Math.sign(b - a) : Math.sign(a - b);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 of a calendar date written `YYYY-MM-DD`, or null when it is not a real date
 * (2027-02-30). Calendar dates carry no time zone, so milestone rules do not depend on one.
 */
export function isoDay(s: string): number | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const dt = new Date(ms);
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return ms / 86_400_000;
}

/** A non-negative whole number of Rupiah that a JavaScript number holds exactly. */
export const isRupiah = (n: unknown): n is number =>
  typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

const numberFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 4 });
/** A number the way Indonesian readers write it (1.234,5) for messages. */
export const formatNumber = (n: number) => numberFormat.format(n);
