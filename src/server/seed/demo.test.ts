import { describe, expect, it } from 'vitest';
import { validateCycle } from '../modules/auction/cycle.domain.js';
import { phaseInstants } from '../modules/auction/cycles.service.js';
import { demoCycle } from './demo.js';

describe('the demo cycle', () => {
  it.each([2025, 2026, 2027])('keeps the rules of a cycle when the demo starts in %i', (year) => {
    const ids = new Map([1, 2, 3, 4].map((n) => [n, `00000000-0000-4000-8000-00000000000${n}`]));
    const c = demoCycle(year, ids);
    expect(c.name).toBe(`Lelang Kinerja ${year}-${year + 4}`);
    const problems = validateCycle({
      ...c,
      endYear: c.startYear + 4,
      phases: phaseInstants(c.phases, 'Asia/Jakarta'),
    });
    expect(problems).toEqual([]);
    // The story: sessions on 12-13 November and signing on 8 December of the year before.
    expect(c.phases.sessionsStart).toBe(`${year - 1}-11-12`);
    expect(c.phases.signingDeadline).toBe(`${year - 1}-12-08`);
    expect(c.themes.map((t) => t.missionId)).toEqual([ids.get(1), ids.get(1), ids.get(2), ids.get(4)]);
  });
});
