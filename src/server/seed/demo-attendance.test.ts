import { describe, expect, it } from 'vitest';
import { defaultScheduleSet } from '../modules/discipline/lateness.domain.js';
import { isWorkingDay } from '../modules/monitoring/working-days.domain.js';
import { planDemoAttendance, type AttendancePlanInput } from './demo-attendance.js';
import { ramadanRange, seededCalendar } from './holidays.js';

/**
 * The demo's generated attendance, as a pure plan (the database side is in
 * test/integration/demo-attendance.test.ts): deterministic, on working days only, in the key order of
 * attendance_punches, with the profiles and asn.demo's last month the demo needs.
 */

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const calendar = seededCalendar();
const schedules = defaultScheduleSet([ramadanRange(2026)!]);
// Ids in the reverse order of the NIPs: the plan sorts by id, the profiles follow the NIP.
const servants = Array.from({ length: 1000 }, (_, i) => ({
  id: uuid(5000 - i),
  nip: `1980${String(i).padStart(14, '0')}`,
  workUnitId: uuid(1),
  since: i % 2 === 0 ? undefined : '2026-10-01',
}));
const input: AttendancePlanInput = {
  servants,
  asnDemo: servants[8].id,
  calendar,
  schedules,
  from: '2025-11-01',
  to: '2026-11-19',
  rulesStart: '2026-08-01',
  lastFullMonth: '2026-10',
};
const plan = planDemoAttendance(input);
const seconds = (at: string) =>
  Number(at.slice(11, 13)) * 3600 + Number(at.slice(14, 16)) * 60 + Number(at.slice(17, 19));

describe('the demo attendance plan', () => {
  it('is the same for the same servants', () => {
    const again = planDemoAttendance({ ...input, servants: [...servants].reverse() });
    // (Joined: a deep comparison of a million strings is slow.)
    expect(again.at.join('|') === plan.at.join('|')).toBe(true);
    expect(again.person.join(',') === plan.person.join(',')).toBe(true);
    expect(again.excuses).toEqual(plan.excuses);
  }, 30_000);

  it('punches on working days only, from each servant’s first day, in the key order of the table', () => {
    const days = new Set(plan.at.map((a) => a.slice(0, 10)));
    expect([...days].filter((d) => !isWorkingDay(calendar, d))).toEqual([]);
    expect([...days].every((d) => d >= '2025-11-01' && d <= '2026-11-19')).toBe(true);
    const since = new Map(servants.map((s) => [s.id, s.since ?? '2025-11-01']));
    const wrong: string[] = [];
    for (let i = 0; i < plan.at.length; i++) {
      if (plan.at[i].slice(0, 10) < since.get(plan.people[plan.person[i] - 1])!) wrong.push(`early ${i}`);
      if (i > 0 && plan.person[i] === plan.person[i - 1] && plan.at[i] <= plan.at[i - 1])
        wrong.push(`order ${i} ${plan.at[i - 1]} ${plan.at[i]}`);
      if (i > 0 && plan.person[i] < plan.person[i - 1]) wrong.push(`person ${i}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect([...plan.people].sort()).toEqual(plan.people);
  });

  it('makes about 80 % punctual, 15 % occasionally and 5 % habitually late', () => {
    const count = (p: string) => [...plan.profiles.values()].filter((x) => x === p).length / servants.length;
    expect(count('punctual')).toBeGreaterThan(0.75);
    expect(count('punctual')).toBeLessThan(0.85);
    expect(count('occasional')).toBeGreaterThan(0.11);
    expect(count('occasional')).toBeLessThan(0.19);
    expect(count('habitual')).toBeGreaterThan(0.03);
    expect(count('habitual')).toBeLessThan(0.07);
    expect(plan.profiles.get(input.asnDemo)).toBe('habitual');
  });

  it('gives asn.demo six mornings of more than 30 minutes late in the last full month', () => {
    const k = plan.people.indexOf(input.asnDemo) + 1;
    const mornings = new Map<string, number>();
    plan.at.forEach((a, i) => {
      if (plan.person[i] !== k || !a.startsWith('2026-10')) return;
      const day = a.slice(0, 10);
      mornings.set(day, Math.min(mornings.get(day) ?? Infinity, seconds(a)));
    });
    const late = [...mornings.values()].filter((s) => s >= 7 * 3600 + 30 * 60 + 31 * 60).length;
    expect(late).toBe(6);
  });

  it('starts the Ramadan days at 08:00 and the others at 07:30', () => {
    const firstPunch = (day: string) => {
      const first = new Map<number, number>();
      plan.at.forEach((a, i) => {
        if (a.startsWith(day))
          first.set(plan.person[i], Math.min(first.get(plan.person[i]) ?? Infinity, seconds(a)));
      });
      return [...first.values()];
    };
    const share = (list: number[], from: number, to: number) =>
      list.filter((s) => s >= from && s < to).length / list.length;
    expect(share(firstPunch('2026-03-02'), 7 * 3600 + 15 * 60, 8 * 3600)).toBeGreaterThan(0.7);
    expect(share(firstPunch('2026-05-04'), 6 * 3600 + 45 * 60, 7 * 3600 + 30 * 60)).toBeGreaterThan(0.7);
  });

  it('records a few excuses of every kind, none before a servant’s first day', () => {
    expect(plan.excuses.length).toBeGreaterThan(20);
    expect(new Set(plan.excuses.map((e) => e.kind))).toEqual(new Set(['leave', 'sick', 'official_travel']));
    const since = new Map(servants.map((s) => [s.id, s.since ?? '2025-11-01']));
    for (const e of plan.excuses) expect(e.start >= since.get(e.civilServantId)!).toBe(true);
    // asn.demo's sick day in August.
    expect(plan.excuses.filter((e) => e.civilServantId === input.asnDemo)).toMatchObject([
      { kind: 'sick', start: expect.stringMatching(/^2026-08-/) },
    ]);
  });
});
