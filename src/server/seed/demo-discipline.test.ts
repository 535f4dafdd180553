import { describe, expect, it } from 'vitest';
import { activationDay, appealDeadline } from '../modules/discipline/sanction-calendar.domain.js';
import { decisionDay } from './demo-discipline.js';
import { seededCalendar } from './holidays.js';

describe('the demo decision day', () => {
  const cal = seededCalendar();
  const startOf = (today: string) => activationDay(cal, appealDeadline(cal, decisionDay(cal, today), 3));

  it('starts the sanctions on today when today is a working day', () => {
    expect(decisionDay(cal, '2026-11-20')).toBe('2026-11-16');
    expect(startOf('2026-11-20')).toBe('2026-11-20');
  });

  it('starts them on the last working day on a weekend, so that they are running', () => {
    // Saturday 28 November 2026: Friday's roster lists them.
    expect(startOf('2026-11-28')).toBe('2026-11-27');
    expect(startOf('2026-11-29')).toBe('2026-11-27');
  });
});
