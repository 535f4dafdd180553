import { describe, expect, it } from 'vitest';
import { ramadanRange, seededCalendar } from '../../seed/holidays.js';
import {
  DEFAULT_LATENESS_RULES,
  defaultScheduleSet,
  evaluateDay,
  evaluateDays,
  EXCUSE_LABELS,
  EXCUSE_KINDS,
  monthRange,
  recapDays,
  type Excuse,
  type LatenessContext,
} from './lateness.domain.js';
import {
  DEFAULT_RULES,
  evaluateRules,
  type EvaluationContext,
  type EvaluationFacts,
} from './rules.domain.js';
import { appealDeadline, escalatedLength, servingDays } from './sanction-calendar.domain.js';
import { rewardTransitions, sanctionTransitions, type DueProcessGuard } from './sanction.domain.js';
import { docTables } from '../../../../test/support/doc-tables.js';

// ---------------------------------------------------------------------------------------------
// docs/discipline.md: every worked example is recomputed here
// ---------------------------------------------------------------------------------------------

const tableUnder = docTables('discipline.md');

/** A cell; "—" is null. */
const cell = (c: string): string | null => (c === '—' ? null : c);
const num = (c: string): number | null => (c === '—' ? null : Number(c));
const list = (c: string): string[] => (c === '—' ? [] : c.split(',').map((s) => s.trim()));
const unquote = (c: string) => c.replace(/^`|`$/g, '');
const yesNo = (c: string) => {
  if (c !== 'yes' && c !== 'no') throw new Error(`expected yes or no, got ${c}`);
  return c === 'yes';
};

const calendar = seededCalendar();
const ctx: LatenessContext = {
  calendar,
  schedules: defaultScheduleSet([ramadanRange(2026)!]),
  rules: DEFAULT_LATENESS_RULES,
};

describe('docs/discipline.md, table 1: worked days', () => {
  const rows = tableUnder('Table 1');
  it('has the twelve rows', () => expect(rows).toHaveLength(12));

  /** `cuti 2026-04-06 s.d. 2026-04-08` as an excuse. */
  const excuse = (c: string): Excuse[] => {
    if (c === '—') return [];
    const m = /^(.+) (\d{4}-\d\d-\d\d) s\.d\. (\d{4}-\d\d-\d\d)$/.exec(c);
    const kind = EXCUSE_KINDS.find((k) => EXCUSE_LABELS[k].toLowerCase() === m?.[1]);
    if (!m || !kind) throw new Error(`bad excuse cell ${c}`);
    return [{ kind, start: m[2], end: m[3] }];
  };

  it.each(rows)(
    'row %s',
    (_n, day, punches, exc, checkIn, late, checkOut, early, bands, weight, explanation) => {
      const result = evaluateDay(
        ctx,
        { punches: list(punches).map((t) => `${day} ${t}`), excuses: excuse(exc) },
        day,
      );
      expect(result.checkIn).toBe(cell(checkIn));
      expect(result.minutesLate).toBe(num(late));
      expect(result.checkOut).toBe(cell(checkOut));
      expect(result.minutesEarly).toBe(num(early));
      expect([result.late, result.early, result.absent ? 'TK' : null].filter((b) => b !== null)).toEqual(
        list(bands),
      );
      expect(result.weight).toBe(Number(weight));
      expect(result.explanation).toBe(explanation);
    },
  );

  it('gives a civil servant on leave all of April 2026 no counted day', () => {
    const april = monthRange('2026-04');
    const recap = recapDays(
      evaluateDays(ctx, { punches: [], excuses: [{ kind: 'leave', ...april }] }, april.start, april.end),
      ctx.rules,
    );
    expect(recap).toMatchObject({ workingDays: 21, excusedDays: 21, daysCounted: 0, weight: 0 });
  });
});

describe('docs/discipline.md, table 2: the default rules at their thresholds', () => {
  const rows = tableUnder('Table 2');
  it('covers every default rule on both sides of each threshold', () => {
    expect(rows).toHaveLength(14);
    expect(new Set(rows.map((r) => unquote(r[0])))).toEqual(new Set(DEFAULT_RULES.map((r) => r.code)));
    expect(rows.filter((r) => r[3] === 'yes')).toHaveLength(7);
  });

  /** Facts in which one subject has the value of the row, and the evaluation they belong to. */
  function factsFor(code: string, value: number): { facts: EvaluationFacts; ctx: EvaluationContext } {
    const q3: EvaluationContext = { asOf: '2026-09-30', periodKey: '2026-Q3' };
    switch (code) {
      case 'KINERJA_RENDAH':
        return { facts: { unitScores: [{ unitId: 'u', periodKey: '2026-Q3', score: value }] }, ctx: q3 };
      case 'SERAPAN_RENDAH':
        return {
          facts: {
            absorption: [{ unitId: 'u', year: 2026, quarter: 3, planned: 10_000, realized: value * 100 }],
          },
          ctx: q3,
        };
      case 'SUKA_TERLAMBAT':
        return {
          facts: {
            attendance: [
              {
                asnId: 'a',
                unitId: 'u',
                month: '2026-09',
                recap: {
                  daysCounted: 22,
                  flaggedDays: Array.from({ length: value }, (_, i) => ({
                    date: `2026-09-${String(i + 1).padStart(2, '0')}`,
                    bands: [(['TL2', 'TL3', 'TL4'] as const)[i % 3]],
                  })),
                },
              },
            ],
          },
          ctx: { asOf: '2026-09-30', periodKey: '2026-M09' },
        };
      case 'ASN_TELADAN':
        return {
          facts: {
            unitScores: [{ unitId: 'u', periodKey: '2026-Q3', score: value }],
            attendance: ['2026-07', '2026-08', '2026-09'].map((month) => ({
              asnId: 'a',
              unitId: 'u',
              month,
              recap: { daysCounted: 21, flaggedDays: [] },
            })),
          },
          ctx: q3,
        };
      case 'OPD_TERBAIK':
        return {
          facts: {
            unitScores: [
              { unitId: 'u', periodKey: '2026', score: value },
              { unitId: 'v', periodKey: '2026', score: value - 5 },
            ],
          },
          ctx: { asOf: '2026-12-31', periodKey: '2026' },
        };
      default:
        throw new Error(`no facts for ${code}`);
    }
  }

  it.each(rows)('%s: %s %s -> %s', (code, fact, value, hit) => {
    const rule = DEFAULT_RULES.find((r) => r.code === unquote(code))!;
    let built: { facts: EvaluationFacts; ctx: EvaluationContext };
    if (rule.code === 'KINERJA_LAMBAT') {
      const n = Number(value);
      const facts: EvaluationFacts = fact.startsWith('milestone')
        ? {
            milestones: [
              { unitId: 'u', milestoneId: 'm', name: 'Tahap', dueDate: '2026-08-03', workingDaysOverdue: n },
            ],
          }
        : {
            reports: [
              {
                unitId: 'u',
                reportId: 'r',
                label: 'AKI',
                periodKey: '2026-M08',
                deadline: '2026-09-10',
                workingDaysLate: n,
              },
            ],
          };
      built = { facts, ctx: { asOf: '2026-09-30', periodKey: '2026-M09' } };
    } else built = factsFor(rule.code, Number(value));
    const hits = evaluateRules([rule], built.facts, built.ctx);
    expect(hits.length > 0).toBe(yesNo(hit));
  });
});

const guardWords: Record<DueProcessGuard, string> = {
  not_proposer: 'not the proposer',
  not_subject: 'not the subject',
  reason: 'a reason',
  within_window: 'on or before the appeal deadline',
  window_passed: 'on or after the working day after the appeal deadline',
  decision_final: 'on or after the working day after the decision',
  served: 'after the last serving day',
};

describe('docs/discipline.md, tables 3 and 4: the due-process tables', () => {
  const asRows = (
    table: readonly {
      from: string;
      action: string;
      to: string;
      roles: readonly string[];
      guards?: readonly DueProcessGuard[];
    }[],
  ) =>
    table.map((r) => [
      r.from,
      r.action,
      r.to,
      r.roles.join(', '),
      (r.guards ?? []).map((g) => guardWords[g]).join(', '),
    ]);
  const fromDoc = (heading: string) =>
    tableUnder(heading).map(([from, event, to, who, conditions]) => [
      unquote(from),
      unquote(event),
      unquote(to),
      who,
      conditions,
    ]);

  it('table 3 is the sanction table of the module', () => {
    expect(fromDoc('Table 3')).toEqual(asRows(sanctionTransitions));
  });

  it('table 4 is the reward table of the module', () => {
    expect(fromDoc('Table 4')).toEqual(asRows(rewardTransitions));
  });
});

describe('docs/discipline.md, table 5: worked sanction calendars', () => {
  const rows = tableUnder('Table 5');
  it('has the seven rows', () => expect(rows).toHaveLength(7));

  it.each(rows)(
    'row %s: %s',
    (_n, _situation, notified, decided, length, excused, missed, deadline, first, last) => {
      expect(appealDeadline(calendar, notified)).toBe(deadline);
      const plan = servingDays({
        calendar,
        finalOn: cell(decided) ?? deadline,
        length: Number(length),
        excuses: list(excused).map((d) => ({ start: d, end: d })),
        missedDays: list(missed),
      });
      expect([plan.start, plan.end]).toEqual([first, last]);
      expect(plan.days.filter((d) => d.missed).map((d) => d.date)).toEqual(list(missed));
    },
  );

  it('serves row 4 on 17, 25, 26, 27 and 30 March 2026', () => {
    expect(servingDays({ calendar, finalOn: '2026-03-16', length: 5 }).days.map((d) => d.date)).toEqual([
      '2026-03-17',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-30',
    ]);
  });
});

describe('docs/discipline.md, table 6: repeat escalation', () => {
  const rows = tableUnder('Table 6');
  it('has the five rows', () => expect(rows).toHaveLength(5));

  it.each(rows)('earlier %s, this %s', (earlier, hitOn, base, length, repeat) => {
    const result = escalatedLength(Number(base), hitOn, list(earlier));
    expect(result.length).toBe(Number(length));
    expect(result.repeat).toBe(yesNo(repeat));
  });
});
