import type { ConditionDto, LeafConditionDto, RuleDto, RuleInput } from '../../../contract/discipline';
import {
  defaultLeaf,
  leafKinds,
  type BandCode,
  type ConditionKind,
  type LeafKind,
  type RuleKind,
  type RuleSubject,
} from './discipline-format';

/**
 * The rule form's values and their conversion to and from the API's rule. Number inputs hold '' when
 * empty; `toRuleInput` reports those (and fractions where whole numbers are needed) by the server's
 * field paths (`condition.atLeastDays`, `condition.conditions.1.moreThanWorkingDays`), because the
 * contract's union of conditions would only answer "Invalid input" for the whole condition.
 */

export type Num = number | string;
export type ScorePeriod = 'quarter' | 'year';

/** Every parameter of every leaf condition, so switching the kind keeps sensible defaults. */
export interface LeafValues {
  kind: LeafKind;
  below: Num;
  periods: ScorePeriod[];
  moreThanWorkingDays: Num;
  bands: BandCode[];
  atLeastDays: Num;
  belowPercent: Num;
  quarter: string;
  months: Num;
  scorePeriod: ScorePeriod;
  minUnitScore: Num;
  minScore: Num;
}

export interface RuleFormValues {
  code: string;
  name: string;
  legalBasis: string;
  kind: RuleKind;
  subject: RuleSubject;
  conditionKind: ConditionKind;
  leaf: LeafValues;
  members: LeafValues[];
  vestLabel: string;
  vestDays: Num;
  certificateText: string;
  escalationOn: boolean;
  withinMonths: Num;
  factor: Num;
  validFrom: string;
  validUntil: string;
  note: string;
}

const blankLeaf = (): Omit<LeafValues, 'kind'> => {
  const d = (k: LeafKind) => defaultLeaf(k) as Record<string, unknown>;
  const score = d('unit_score_below');
  const lateness = d('lateness_days');
  const absorption = d('absorption_below');
  const clean = d('clean_attendance');
  return {
    below: score.below as number,
    periods: [...(score.periods as ScorePeriod[])],
    moreThanWorkingDays: 5,
    bands: [...(lateness.bands as BandCode[])],
    atLeastDays: lateness.atLeastDays as number,
    belowPercent: absorption.belowPercent as number,
    quarter: String(absorption.quarter),
    months: clean.months as number,
    scorePeriod: clean.scorePeriod as ScorePeriod,
    minUnitScore: clean.minUnitScore as number,
    minScore: d('top_unit_score').minScore as number,
  };
};

/** Form values of one leaf condition (its own parameters over the defaults). */
export function leafValues(c: LeafConditionDto): LeafValues {
  const v: LeafValues = { ...blankLeaf(), kind: c.kind };
  if (c.kind === 'clean_attendance') v.bands = [...c.bands];
  if (c.kind === 'lateness_days') v.bands = [...c.bands];
  switch (c.kind) {
    case 'unit_score_below':
      return { ...v, below: c.below, periods: [...c.periods] };
    case 'milestone_overdue':
    case 'report_late':
      return { ...v, moreThanWorkingDays: c.moreThanWorkingDays };
    case 'lateness_days':
      return { ...v, atLeastDays: c.atLeastDays };
    case 'absorption_below':
      return { ...v, belowPercent: c.belowPercent, quarter: String(c.quarter) };
    case 'clean_attendance':
      return { ...v, months: c.months, scorePeriod: c.scorePeriod, minUnitScore: c.minUnitScore };
    case 'top_unit_score':
      return { ...v, minScore: c.minScore };
  }
}

/** A fresh leaf of a kind, with the example Perwali's numbers for it. */
export const newLeaf = (kind: LeafKind): LeafValues => leafValues(defaultLeaf(kind));

/** The leaf kinds that fit a rule kind, in the vocabulary's order. */
export const leafKindsFor = (kind: RuleKind) =>
  leafKinds.filter((k) => (kind === 'sanction') === SANCTION_LEAVES.has(k));
const SANCTION_LEAVES = new Set<LeafKind>([
  'unit_score_below',
  'milestone_overdue',
  'report_late',
  'lateness_days',
  'absorption_below',
]);

export function emptyRuleValues(): RuleFormValues {
  return {
    code: '',
    name: '',
    legalBasis: '',
    kind: 'sanction',
    subject: 'opd_head',
    conditionKind: 'unit_score_below',
    leaf: newLeaf('unit_score_below'),
    members: [newLeaf('milestone_overdue'), newLeaf('report_late')],
    vestLabel: '',
    vestDays: 5,
    certificateText: '',
    escalationOn: true,
    withinMonths: 3,
    factor: 2,
    validFrom: '',
    validUntil: '',
    note: '',
  };
}

export function ruleValues(r: RuleDto): RuleFormValues {
  const base = emptyRuleValues();
  const c = r.condition;
  return {
    ...base,
    code: r.code,
    name: r.name,
    legalBasis: r.legalBasis,
    kind: r.kind,
    subject: r.subject,
    conditionKind: c.kind,
    leaf: c.kind === 'any_of' ? base.leaf : leafValues(c),
    members: c.kind === 'any_of' ? c.conditions.map(leafValues) : base.members,
    vestLabel: r.consequence.kind === 'vest' ? r.consequence.label : '',
    vestDays: r.consequence.kind === 'vest' ? r.consequence.workingDays : base.vestDays,
    certificateText: r.consequence.kind === 'certificate' ? r.consequence.text : '',
    escalationOn: r.escalation != null,
    withinMonths: r.escalation?.withinMonths ?? base.withinMonths,
    factor: r.escalation?.factor ?? base.factor,
    validFrom: r.validFrom ?? '',
    validUntil: r.validUntil ?? '',
    note: '',
  };
}

type Errors = Record<string, string>;

const NUMBER = 'Harus angka';
const INTEGER = 'Harus bilangan bulat';

function num(v: Num, path: string, errors: Errors, integer = false): number {
  const n = typeof v === 'number' ? v : v.trim() === '' ? NaN : Number(v.replace(',', '.'));
  if (!Number.isFinite(n)) errors[path] = NUMBER;
  else if (integer && !Number.isInteger(n)) errors[path] = INTEGER;
  return n;
}

function toLeaf(v: LeafValues, path: string, errors: Errors): LeafConditionDto {
  const p = (f: string) => `${path}.${f}`;
  switch (v.kind) {
    case 'unit_score_below':
      return { kind: v.kind, below: num(v.below, p('below'), errors), periods: v.periods };
    case 'milestone_overdue':
    case 'report_late':
      return {
        kind: v.kind,
        moreThanWorkingDays: num(v.moreThanWorkingDays, p('moreThanWorkingDays'), errors, true),
      };
    case 'lateness_days':
      return {
        kind: v.kind,
        bands: v.bands,
        atLeastDays: num(v.atLeastDays, p('atLeastDays'), errors, true),
      };
    case 'absorption_below':
      return {
        kind: v.kind,
        belowPercent: num(v.belowPercent, p('belowPercent'), errors),
        quarter: Number(v.quarter) as 1 | 2 | 3 | 4,
      };
    case 'clean_attendance':
      return {
        kind: v.kind,
        months: num(v.months, p('months'), errors, true),
        bands: v.bands,
        scorePeriod: v.scorePeriod,
        minUnitScore: num(v.minUnitScore, p('minUnitScore'), errors),
      };
    case 'top_unit_score':
      return { kind: v.kind, minScore: num(v.minScore, p('minScore'), errors) };
  }
}

/**
 * The rule to send, and the messages of what cannot be sent (empty or non-numeric numbers, required
 * texts). Ranges, lengths and the fit of the condition are the server's checks (rules.domain.ts).
 */
export function toRuleInput(v: RuleFormValues): { input: RuleInput; errors: Errors } {
  const errors: Errors = {};
  const condition: ConditionDto =
    v.conditionKind === 'any_of'
      ? {
          kind: 'any_of',
          conditions: v.members.map((m, i) => toLeaf(m, `condition.conditions.${i}`, errors)),
        }
      : toLeaf(v.leaf, 'condition', errors);
  const consequence: RuleInput['consequence'] =
    v.kind === 'sanction'
      ? {
          kind: 'vest',
          label: v.vestLabel.trim(),
          workingDays: num(v.vestDays, 'consequence.workingDays', errors, true),
        }
      : { kind: 'certificate', text: v.certificateText.trim() };
  const escalation =
    v.kind === 'sanction' && v.escalationOn
      ? {
          withinMonths: num(v.withinMonths, 'escalation.withinMonths', errors, true),
          factor: num(v.factor, 'escalation.factor', errors),
        }
      : null;
  const input: RuleInput = {
    code: v.code.trim(),
    name: v.name.trim(),
    legalBasis: v.legalBasis.trim(),
    kind: v.kind,
    subject: v.subject,
    condition,
    consequence,
    escalation,
    validFrom: v.validFrom || null,
    validUntil: v.validUntil || null,
    note: v.note.trim() || null,
  };
  return { input, errors };
}

/** The error paths the form shows next to an input; anything else goes to the alert on top. */
const SHOWN = [
  /^(code|name|legalBasis|kind|subject|validFrom|validUntil|note)$/,
  /^escalation(\.withinMonths|\.factor)?$/,
  /^consequence\.(kind|label|workingDays|text)$/,
  /^condition(\.conditions\.\d+)?\.(kind|below|periods|moreThanWorkingDays|bands|atLeastDays|belowPercent|quarter|months|scorePeriod|minUnitScore|minScore)(\.\d+)?$/,
  /^condition\.conditions$/,
];
export const isShownPath = (path: string) => SHOWN.some((re) => re.test(path));

/** The first message at `path` or below it (`condition.bands` also finds `condition.bands.2`). */
export function errorAt(errors: Errors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const key = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return key ? errors[key] : undefined;
}
