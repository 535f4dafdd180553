import type { Role } from '../../contract/common.js';

/** Who is calling: loaded from the session on every authenticated request. */
export interface Actor {
  userId: string;
  regionId: string;
  username: string;
  fullName: string;
  sessionId: string;
  csrfToken: string;
  roles: { role: Role; workUnitId: string | null }[];
}

/**
 * Every route declares one of these (fail closed: a route without a policy answers 404 and fails
 * the route-enumeration test). Object-level checks (own unit, own region) happen in the services and
 * answer 404 like a missing id.
 */
export type RoutePolicy =
  { kind: 'public'; why: string } | { kind: 'authenticated'; roles: readonly Role[] | 'any' };

export const policy = {
  public: (why: string): RoutePolicy => ({ kind: 'public', why }),
  anyUser: (): RoutePolicy => ({ kind: 'authenticated', roles: 'any' }),
  roles: (...roles: Role[]): RoutePolicy => ({ kind: 'authenticated', roles }),
};

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r.role));
}

export function allows(p: RoutePolicy, actor: Actor | null): boolean {
  if (p.kind === 'public') return true;
  if (!actor) return false;
  return p.roles === 'any' || hasRole(actor, ...p.roles);
}

/**
 * The work units an actor may act on through the given roles: `'all'` when one of those roles is
 * held region-wide, otherwise the units of the scoped grants (possibly none).
 */
export function unitScope(actor: Actor, roles: readonly Role[]): 'all' | string[] {
  const grants = actor.roles.filter((r) => roles.includes(r.role));
  if (grants.some((g) => g.workUnitId === null)) return 'all';
  return [...new Set(grants.map((g) => g.workUnitId as string))];
}

export function inScope(scope: 'all' | string[], workUnitId: string): boolean {
  return scope === 'all' || scope.includes(workUnitId);
}
