import type { Role } from '../../../contract/common.js';
import { hasRole, unitScope, type Actor } from '../../platform/policy.js';

/** Read every proposal of the region. */
export const REGION_READERS: Role[] = ['region_admin', 'head_of_region'];
/** Draft for their own unit (the grant's unit); the head alone submits and withdraws. */
export const DRAFTERS: Role[] = ['opd_head', 'opd_operator'];
/**
 * Route-level readers. Panelists will read the proposals on their session's agenda once sessions
 * exist; until then their scope is empty.
 */
export const READERS: Role[] = [...REGION_READERS, ...DRAFTERS, 'panelist'];

/** The units whose proposals the actor drafts (lead) and reads as a collaborator. */
export function drafterUnits(actor: Actor): string[] {
  const scope = unitScope(actor, DRAFTERS);
  return scope === 'all' ? [] : scope;
}

export const readsWholeRegion = (actor: Actor) => hasRole(actor, ...REGION_READERS);

/** May this actor edit drafts of this lead unit? */
export function draftsFor(actor: Actor, leadUnitId: string): boolean {
  return drafterUnits(actor).includes(leadUnitId);
}

/** Does the actor act as the head of this unit (submit, withdraw)? */
export function headOf(actor: Actor, unitId: string): boolean {
  return actor.roles.some((r) => r.role === 'opd_head' && r.workUnitId === unitId);
}
