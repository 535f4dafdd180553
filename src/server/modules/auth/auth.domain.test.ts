import { describe, expect, it } from 'vitest';
import { lockoutDecision, type LockoutRules } from './auth.domain.js';

const rules: LockoutRules = { maxFailures: 3, lockoutMinutes: 15 };
const T0 = new Date('2026-11-28T08:00:00Z');
const at = (minutes: number, ms = 0) => new Date(T0.getTime() + minutes * 60_000 + ms);

describe('lockoutDecision', () => {
  it('counts the first failure and opens a window at that moment', () => {
    expect(lockoutDecision(null, rules, T0)).toEqual({ failures: 1, windowStartedAt: T0, lockedUntil: null });
  });

  it('counts further failures inside the window without moving its start', () => {
    const d = lockoutDecision({ failures: 1, windowStartedAt: T0 }, rules, at(5));
    expect(d).toEqual({ failures: 2, windowStartedAt: T0, lockedUntil: null });
  });

  it('still counts a failure exactly at the end of the window (the window is inclusive)', () => {
    const d = lockoutDecision({ failures: 1, windowStartedAt: T0 }, rules, at(15));
    expect(d).toEqual({ failures: 2, windowStartedAt: T0, lockedUntil: null });
  });

  it('starts over after the window has passed (one millisecond later)', () => {
    const now = at(15, 1);
    const d = lockoutDecision({ failures: 2, windowStartedAt: T0 }, rules, now);
    expect(d).toEqual({ failures: 1, windowStartedAt: now, lockedUntil: null });
  });

  it('does not lock one failure below the maximum', () => {
    const d = lockoutDecision({ failures: 1, windowStartedAt: T0 }, rules, at(1));
    expect(d.lockedUntil).toBeNull();
    expect(d.failures).toBe(rules.maxFailures - 1);
  });

  it('locks for the lockout time when the maximum is reached, and resets the counter', () => {
    const now = at(2);
    const d = lockoutDecision({ failures: 2, windowStartedAt: T0 }, rules, now);
    expect(d.lockedUntil).toEqual(at(2 + rules.lockoutMinutes));
    expect(d).toEqual({ failures: 0, windowStartedAt: now, lockedUntil: at(17) });
  });

  it('locks when the maximum is reached exactly at the window boundary', () => {
    const d = lockoutDecision({ failures: 2, windowStartedAt: T0 }, rules, at(15));
    expect(d.lockedUntil).toEqual(at(30));
  });

  it('does not lock when the earlier failures are just outside the window', () => {
    const d = lockoutDecision({ failures: 2, windowStartedAt: T0 }, rules, at(15, 1));
    expect(d.lockedUntil).toBeNull();
    expect(d.failures).toBe(1);
  });

  it('locks on the very first failure when the maximum is one', () => {
    const d = lockoutDecision(null, { maxFailures: 1, lockoutMinutes: 5 }, T0);
    expect(d).toEqual({ failures: 0, windowStartedAt: T0, lockedUntil: at(5) });
  });

  it('counts afresh after a lockout has run out', () => {
    // State written when the lock was set: counter 0, window starting at the lock moment.
    const lockedAt = at(2);
    const afterLock = at(2 + 15, 1);
    const d = lockoutDecision({ failures: 0, windowStartedAt: lockedAt }, rules, afterLock);
    expect(d).toEqual({ failures: 1, windowStartedAt: afterLock, lockedUntil: null });
  });

  it('is pure: the same input gives the same answer and the input is not changed', () => {
    const state = { failures: 1, windowStartedAt: T0 };
    const a = lockoutDecision(state, rules, at(3));
    const b = lockoutDecision(state, rules, at(3));
    expect(a).toEqual(b);
    expect(state).toEqual({ failures: 1, windowStartedAt: T0 });
  });
});
