import { describe, expect, it } from 'vitest';
import { dayEnd, dayStart, localDay } from './calendar.js';

describe('region calendar', () => {
  it('turns a WIB day into its first and last instant', () => {
    expect(dayStart('2026-12-01', 'Asia/Jakarta').toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(dayEnd('2026-12-01', 'Asia/Jakarta').toISOString()).toBe('2026-12-01T16:59:59.999Z');
  });
  it('uses WITA and WIT offsets', () => {
    expect(dayStart('2026-12-01', 'Asia/Makassar').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(dayStart('2026-12-01', 'Asia/Jayapura').toISOString()).toBe('2026-11-30T15:00:00.000Z');
  });
  it('finds the local day of an instant around midnight', () => {
    expect(localDay(new Date('2026-11-30T16:59:59Z'), 'Asia/Jakarta')).toBe('2026-11-30');
    expect(localDay(new Date('2026-11-30T17:00:00Z'), 'Asia/Jakarta')).toBe('2026-12-01');
    expect(localDay(new Date('2026-11-30T15:00:00Z'), 'Asia/Jayapura')).toBe('2026-12-01');
  });
  it('refuses an unknown zone', () => {
    expect(() => dayStart('2026-12-01', 'Europe/Paris')).toThrow();
  });
});
