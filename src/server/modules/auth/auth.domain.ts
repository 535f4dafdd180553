/**
 * Temporary lockout after repeated failures (ASVS 6.3): failures are counted in a window as long as
 * the lockout; reaching the maximum locks the name for the lockout time. Pure: `now` is passed in.
 */
export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
}
export interface LockoutRules {
  maxFailures: number;
  lockoutMinutes: number;
}

export function lockoutDecision(
  current: ThrottleState | null,
  rules: LockoutRules,
  now: Date,
): { failures: number; windowStartedAt: Date; lockedUntil: Date | null } {
  const windowMs = rules.lockoutMinutes * 60_000;
  const fresh = !current || now.getTime() - current.windowStartedAt.getTime() > windowMs;
  const failures = fresh ? 1 : current.failures + 1;
  const windowStartedAt = fresh ? now : current.windowStartedAt;
  const lockedUntil = failures >= rules.maxFailures ? new Date(now.getTime() + windowMs) : null;
  return {
    failures: lockedUntil ? 0 : failures,
    windowStartedAt: lockedUntil ? now : windowStartedAt,
    lockedUntil,
  };
}
