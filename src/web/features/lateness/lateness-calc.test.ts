import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LATENESS_RULES,
  lateBand,
  LATE_BANDS,
  validateLatenessRules,
  type LatenessRules,
} from '../../../server/modules/discipline/lateness.domain';
import { bandIndexOf, checkRules } from './lateness-calc';

/** The form's checks and bands are the server's (lateness.domain), path for path and word for word. */

const plain = (r: LatenessRules) => JSON.parse(JSON.stringify(r)) as LatenessRules;
const server = (r: unknown) =>
  Object.fromEntries(validateLatenessRules(r as LatenessRules).map((p) => [`rules.${p.path}`, p.message]));

describe('checkRules', () => {
  const cases: [string, (r: LatenessRules) => unknown][] = [
    ['the defaults', (r) => r],
    ['decreasing limits', (r) => ({ ...r, late: { ...r.late, limits: [30, 20, 90] } })],
    ['a fractional and a huge limit', (r) => ({ ...r, early: { ...r.early, limits: [0.5, 60, 999] } })],
    ['a null limit', (r) => ({ ...r, late: { ...r.late, limits: [null, 60, 90] } })],
    ['negative and huge weights', (r) => ({ ...r, late: { ...r.late, weights: [-1, 1, 101, 2.5] } })],
    ['TK and cap out of range', (r) => ({ ...r, absenceWeight: 150, monthlyCap: null })],
  ];
  it.each(cases)('agrees with the server: %s', (_name, change) => {
    const rules = change(plain(DEFAULT_LATENESS_RULES)) as Parameters<typeof checkRules>[0];
    expect(checkRules(rules)).toEqual(server(rules));
  });
  it('finds nothing wrong with the defaults', () => {
    expect(checkRules(plain(DEFAULT_LATENESS_RULES) as never)).toEqual({});
  });
});

describe('bandIndexOf', () => {
  it('bands minutes like the server', () => {
    const scale = { limits: [15, 45, 100], weights: [1, 2, 3, 4] };
    for (const m of [1, 15, 16, 45, 46, 100, 101, 400, null])
      expect([m, LATE_BANDS[bandIndexOf(m, scale)]]).toEqual([
        m,
        lateBand(m, { limits: [15, 45, 100], weights: [1, 2, 3, 4] }),
      ]);
  });
});
