import { describe, expect, it } from 'vitest';
import type { RuleDto } from '../../../contract/discipline';
import { DEFAULT_RULES, validateRule, type Rule } from '../../../server/modules/discipline/rules.domain';
import {
  conditionFit,
  defaultPeriod,
  escalationText,
  monthPosition,
  leafKinds,
  periodKeyOf,
  periodLabelOf,
} from './discipline-format';
import { emptyRuleValues, errorAt, isShownPath, newLeaf, ruleValues, toRuleInput } from './rule-form-values';

const asDto = (r: Rule): RuleDto =>
  ({
    ...r,
    id: '00000000-0000-4000-8000-000000000000',
    version: r.version ?? 1,
    retired: false,
    exampleLegalBasis: true,
    conditionText: '',
    createdAt: '2026-01-01T00:00:00Z',
    createdByName: null,
    supersededAt: null,
  }) as unknown as RuleDto;

describe('rule vocabulary', () => {
  it('leaf kinds fit as the server checks them', () => {
    for (const kind of leafKinds) {
      const fit = conditionFit[kind];
      const rule = {
        ...DEFAULT_RULES[0]!,
        code: 'UJI_COBA',
        kind: fit.kind,
        subject: fit.subjects[0]!,
        condition: toRuleInput({ ...emptyRuleValues(), conditionKind: kind, leaf: newLeaf(kind) }).input
          .condition,
        consequence:
          fit.kind === 'sanction'
            ? { kind: 'vest' as const, label: 'UJI', workingDays: 3 }
            : { kind: 'certificate' as const, text: 'Piagam' },
        escalation: fit.kind === 'sanction' ? { withinMonths: 3, factor: 2 } : null,
      } as Rule;
      expect(validateRule(rule), kind).toEqual([]);
    }
  });
});

describe('rule form values', () => {
  it('give back every default rule unchanged', () => {
    for (const r of DEFAULT_RULES) {
      const { input, errors } = toRuleInput(ruleValues(asDto(r)));
      expect(errors).toEqual({});
      expect(input.condition).toEqual(r.condition);
      expect(input.consequence).toEqual(r.consequence);
      expect(input.escalation ?? null).toEqual(r.escalation ?? null);
      expect(validateRule({ ...(input as Rule), code: r.code })).toEqual([]);
    }
  });

  it('report empty and fractional numbers at the server paths', () => {
    const v = ruleValues(asDto(DEFAULT_RULES.find((r) => r.code === 'KINERJA_LAMBAT')!));
    v.members[0] = { ...v.members[0]!, moreThanWorkingDays: '' };
    v.members[1] = { ...v.members[1]!, moreThanWorkingDays: 2.5 };
    v.vestDays = '';
    const { errors } = toRuleInput(v);
    expect(errors).toEqual({
      'condition.conditions.0.moreThanWorkingDays': 'Harus angka',
      'condition.conditions.1.moreThanWorkingDays': 'Harus bilangan bulat',
      'consequence.workingDays': 'Harus angka',
    });
    for (const p of Object.keys(errors)) expect(isShownPath(p), p).toBe(true);
  });

  it('show server messages under the inputs they name', () => {
    expect(isShownPath('condition.atLeastDays')).toBe(true);
    expect(isShownPath('condition.bands.2')).toBe(true);
    expect(isShownPath('consequence.label')).toBe(true);
    expect(isShownPath('condition')).toBe(false);
    expect(errorAt({ 'condition.bands.2': 'x' }, 'condition.bands')).toBe('x');
    expect(errorAt({ 'condition.bands.2': 'x' }, 'condition.below')).toBeUndefined();
  });
});

describe('periods', () => {
  it('default to the month that just ended', () => {
    expect(periodKeyOf(defaultPeriod(new Date(2026, 10, 28)))).toBe('2026-M10');
    expect(periodKeyOf(defaultPeriod(new Date(2027, 0, 5)))).toBe('2026-M12');
  });

  it('build the keys the API expects', () => {
    const p = { kind: 'month' as const, year: 2026, month: 3, quarter: 1 };
    expect(periodKeyOf(p)).toBe('2026-M03');
    expect(periodKeyOf({ ...p, kind: 'quarter', quarter: 3 })).toBe('2026-Q3');
    expect(periodKeyOf({ ...p, kind: 'year' })).toBe('2026');
    expect(periodLabelOf({ ...p, kind: 'quarter', quarter: 3 })).toBe('Triwulan III 2026');
  });
});

describe('helpers', () => {
  it('describe the escalation', () => {
    expect(escalationText({ withinMonths: 3, factor: 2 })).toBe('diulang dalam 3 bulan: ×2');
    expect(escalationText(null)).toBeNull();
  });

  it('place a day on the month axis of its year', () => {
    expect(monthPosition('2026-10-01', 2026)).toBe(9);
    expect(monthPosition('2026-10-31', 2026)).toBeCloseTo(9 + 30 / 31);
    expect(monthPosition('2025-10-31', 2026)).toBeNull();
  });
});
