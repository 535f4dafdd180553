import type { Role } from '../../../contract/common.js';
import {
  rewardEventLabels,
  rewardEvents,
  rewardStateLabels,
  rewardStates,
  sanctionEventLabels,
  sanctionEvents,
  sanctionStateLabels,
  sanctionStates,
  type RewardEvent,
  type RewardState,
  type SanctionEvent,
  type SanctionState,
} from '../../../contract/discipline.js';
import { actorRoleLabels, findTransition, type TransitionRow } from '../auction/state-machine.js';
import type { WorkingCalendar } from '../monitoring/working-days.domain.js';
import { formatDay } from './lateness.domain.js';
import { activationDay, appealDeadline, DEFAULT_APPEAL_WINDOW_DAYS } from './sanction-calendar.domain.js';

/**
 * Due process of sanctions and rewards (domain.md section 3 "Sanction" and section 5, issue 5 item 6)
 * as transition tables with guards:
 *
 * Sanction: `proposed -> approved | rejected`; `approved -> notified`; `notified -> appealed` (by the
 * subject, within the appeal window) or `notified -> active` (the window has passed, from the next
 * working day); `appealed -> upheld | revoked` (with reasons); `upheld -> active` (from the next working
 * day after the decision); `active -> completed` (after the last serving day). `cancelled`, with a
 * reason, from every state before completion that is not already an outcome (rejected, revoked).
 *
 * Reward: `proposed -> approved | rejected`; `approved -> granted`; `cancelled` before granted.
 *
 * Who may act is a role of the machine, derived from the user: `approver` (holds one of the region's
 * approving roles: the head of region, or whom they delegated to), `subject` (the person sanctioned),
 * `region_admin`, `hr_officer`, or `system` (the platform's daily job). Decisions (approve, reject,
 * uphold, revoke) are never taken by the proposer, and nobody decides or cancels their own case.
 *
 * Pure: the caller passes the acting user, the proposer, the subject's user, today's local day, the
 * working-day calendar, the appeal window and the dates recorded so far.
 */

export { rewardEvents, rewardStates, sanctionEvents, sanctionStates };
export type { RewardEvent, RewardState, SanctionEvent, SanctionState };

/** The roles of the due-process machines. */
export const dueProcessActors = ['approver', 'subject', 'region_admin', 'hr_officer', 'system'] as const;
export type DueProcessActor = (typeof dueProcessActors)[number];

/**
 * - `not_proposer`: the deciding user is not the one who proposed (committed the evaluation run);
 * - `not_subject`: the acting approver is not the subject;
 * - `reason`: a reason is written;
 * - `within_window`: today is on or before the appeal deadline;
 * - `window_passed`: today is on or after the working day after the appeal deadline;
 * - `decision_final`: today is on or after the working day after the appeal decision;
 * - `served`: today is after the last serving day.
 */
export type DueProcessGuard =
  'not_proposer' | 'not_subject' | 'reason' | 'within_window' | 'window_passed' | 'decision_final' | 'served';

export interface DueProcessRow<S extends string, E extends string> extends TransitionRow<
  S,
  E,
  DueProcessActor
> {
  guards?: readonly DueProcessGuard[];
}

const decide: readonly DueProcessGuard[] = ['not_proposer', 'not_subject'];
const decideWithReason: readonly DueProcessGuard[] = ['not_proposer', 'not_subject', 'reason'];
const cancelGuards: readonly DueProcessGuard[] = ['not_subject', 'reason'];

export const sanctionTransitions: readonly DueProcessRow<SanctionState, SanctionEvent>[] = [
  { from: 'proposed', action: 'approve', to: 'approved', roles: ['approver'], guards: decide },
  { from: 'proposed', action: 'reject', to: 'rejected', roles: ['approver'], guards: decideWithReason },
  {
    from: 'proposed',
    action: 'cancel',
    to: 'cancelled',
    roles: ['approver', 'region_admin'],
    guards: cancelGuards,
  },
  { from: 'approved', action: 'notify', to: 'notified', roles: ['system', 'hr_officer'] },
  { from: 'approved', action: 'cancel', to: 'cancelled', roles: ['approver'], guards: cancelGuards },
  {
    from: 'notified',
    action: 'appeal',
    to: 'appealed',
    roles: ['subject'],
    guards: ['reason', 'within_window'],
  },
  { from: 'notified', action: 'activate', to: 'active', roles: ['system'], guards: ['window_passed'] },
  { from: 'notified', action: 'cancel', to: 'cancelled', roles: ['approver'], guards: cancelGuards },
  { from: 'appealed', action: 'uphold', to: 'upheld', roles: ['approver'], guards: decideWithReason },
  { from: 'appealed', action: 'revoke', to: 'revoked', roles: ['approver'], guards: decideWithReason },
  { from: 'appealed', action: 'cancel', to: 'cancelled', roles: ['approver'], guards: cancelGuards },
  { from: 'upheld', action: 'activate', to: 'active', roles: ['system'], guards: ['decision_final'] },
  { from: 'upheld', action: 'cancel', to: 'cancelled', roles: ['approver'], guards: cancelGuards },
  { from: 'active', action: 'complete', to: 'completed', roles: ['system'], guards: ['served'] },
  { from: 'active', action: 'cancel', to: 'cancelled', roles: ['approver'], guards: cancelGuards },
];

export const rewardTransitions: readonly DueProcessRow<RewardState, RewardEvent>[] = [
  { from: 'proposed', action: 'approve', to: 'approved', roles: ['approver'], guards: decide },
  { from: 'proposed', action: 'reject', to: 'rejected', roles: ['approver'], guards: decideWithReason },
  {
    from: 'proposed',
    action: 'cancel',
    to: 'cancelled',
    roles: ['approver', 'region_admin'],
    guards: cancelGuards,
  },
  { from: 'approved', action: 'grant', to: 'granted', roles: ['system', 'hr_officer'] },
  { from: 'approved', action: 'cancel', to: 'cancelled', roles: ['approver'], guards: cancelGuards },
];

export { rewardEventLabels, rewardStateLabels, sanctionEventLabels, sanctionStateLabels };

const actorLabels = (subject: string): Record<DueProcessActor, string> => ({
  approver: 'Pejabat Penyetuju',
  subject,
  region_admin: actorRoleLabels.region_admin,
  hr_officer: actorRoleLabels.hr_officer,
  system: actorRoleLabels.system,
});

/** Who acts: a signed-in user with their roles, or the platform itself. */
export type Actor = { kind: 'user'; userId: string; roles: readonly Role[] } | { kind: 'system' };

/** The roles that approve sanctions and rewards unless the region delegates (to the Sekda's role). */
export const DEFAULT_APPROVING_ROLES: readonly Role[] = ['head_of_region'];

/** What a reward's guards need. */
export interface RewardContext {
  actor: Actor;
  /** The user who proposed (committed the evaluation run); null when the platform did on a schedule. */
  proposerId: string | null;
  /** The user account of the subject (for a unit: its head), or null when there is none. */
  subjectUserId?: string | null;
  /** Default {@link DEFAULT_APPROVING_ROLES}. */
  approvingRoles?: readonly Role[];
  /** The reason given with the event (rejection, appeal, decision, cancellation). */
  reason?: string | null;
}

/** What a sanction's guards need; a missing date fails its guard (closed). */
export interface SanctionContext extends RewardContext {
  /** Today's local day. */
  today: string;
  calendar: WorkingCalendar;
  /** Working days to appeal; default 3. */
  appealWindowDays?: number;
  /** The day the subject was notified. */
  notifiedOn?: string | null;
  /** The day the appeal was decided (upheld). */
  decidedOn?: string | null;
  /** The last serving day (from the serving plan, missed days included). */
  servingEndsOn?: string | null;
}

/**
 * Why a move is refused: `forbidden` (this actor may not: a role, the proposer, the subject),
 * `reason` (a reason must be written), `state` (the state or today's date does not allow it).
 */
export type Refusal = 'forbidden' | 'reason' | 'state';

export type TransitionResult<S> = { ok: true; next: S } | { ok: false; reason: string; refusal: Refusal };

/** The machine roles of an actor in this case. */
export function actorRolesOf(ctx: RewardContext): DueProcessActor[] {
  if (ctx.actor.kind === 'system') return ['system'];
  const { userId, roles } = ctx.actor;
  const approving = ctx.approvingRoles ?? DEFAULT_APPROVING_ROLES;
  const out: DueProcessActor[] = [];
  if (roles.some((r) => approving.includes(r))) out.push('approver');
  if (ctx.subjectUserId != null && userId === ctx.subjectUserId) out.push('subject');
  if (roles.includes('region_admin')) out.push('region_admin');
  if (roles.includes('hr_officer')) out.push('hr_officer');
  return out;
}

const REASON_MESSAGES: Record<string, string> = {
  reject: 'Alasan penolakan wajib diisi',
  appeal: 'Alasan keberatan wajib diisi',
  uphold: 'Alasan keputusan atas keberatan wajib diisi',
  revoke: 'Alasan keputusan atas keberatan wajib diisi',
  cancel: 'Alasan pembatalan wajib diisi',
};

/** The first guard of `guards` that fails, as a message and its kind; null when all hold. */
function failedGuard(
  guards: readonly DueProcessGuard[],
  event: string,
  noun: string,
  ctx: RewardContext,
  dates: SanctionContext | null,
): { reason: string; refusal: Refusal } | null {
  const state = (reason: string) => ({ reason, refusal: 'state' as const });
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  for (const guard of guards) {
    switch (guard) {
      case 'not_proposer':
        if (ctx.proposerId !== null && userId === ctx.proposerId)
          return {
            reason: `Pengusul tidak dapat memutuskan ${noun} yang diusulkannya sendiri`,
            refusal: 'forbidden',
          };
        break;
      case 'not_subject':
        if (ctx.subjectUserId != null && userId === ctx.subjectUserId)
          return {
            reason: `Tidak dapat memutuskan atau membatalkan ${noun} atas diri sendiri`,
            refusal: 'forbidden',
          };
        break;
      case 'reason':
        if (!ctx.reason?.trim())
          return { reason: REASON_MESSAGES[event] ?? 'Alasan wajib diisi', refusal: 'reason' };
        break;
      case 'within_window':
      case 'window_passed': {
        if (!dates?.notifiedOn) return state('Tanggal pemberitahuan belum tercatat');
        const deadline = appealDeadline(
          dates.calendar,
          dates.notifiedOn,
          dates.appealWindowDays ?? DEFAULT_APPEAL_WINDOW_DAYS,
        );
        if (guard === 'within_window') {
          if (dates.today < dates.notifiedOn) return state('Sanksi belum diberitahukan');
          if (dates.today > deadline)
            return state(`Masa keberatan sudah berakhir pada ${formatDay(deadline)}`);
        } else {
          const start = activationDay(dates.calendar, deadline);
          if (dates.today < start)
            return state(
              `Masa keberatan berjalan sampai ${formatDay(deadline)}: sanksi berlaku mulai ${formatDay(start)}`,
            );
        }
        break;
      }
      case 'decision_final': {
        if (!dates?.decidedOn) return state('Tanggal keputusan atas keberatan belum tercatat');
        const start = activationDay(dates.calendar, dates.decidedOn);
        if (dates.today < start) return state(`Sanksi berlaku mulai ${formatDay(start)}`);
        break;
      }
      case 'served':
        if (!dates?.servingEndsOn) return state('Hari terakhir sanksi belum dihitung');
        if (dates.today <= dates.servingEndsOn)
          return state(`Masa sanksi belum selesai: hari terakhir ${formatDay(dates.servingEndsOn)}`);
        break;
    }
  }
  return null;
}

/**
 * Why the table refused: the event exists from this state (so the actor's roles may not take it), or
 * it does not (whoever asks).
 */
function lookupRefusal(
  table: readonly { from: string; action: string }[],
  state: string,
  event: string,
): Refusal {
  return table.some((r) => r.from === state && r.action === event) ? 'forbidden' : 'state';
}

/**
 * Moves a sanction by `event` when the actor may and every guard of the row holds; otherwise why not, in
 * Bahasa Indonesia. Unknown states and events (a stale value from storage) are refused.
 */
export function transitionSanction(
  state: SanctionState,
  event: SanctionEvent,
  ctx: SanctionContext,
): TransitionResult<SanctionState> {
  const found = findTransition(
    sanctionTransitions,
    {
      subject: 'sanksi',
      states: sanctionStateLabels,
      actions: sanctionEventLabels,
      roles: actorLabels('ASN yang dikenai sanksi'),
    },
    state,
    event,
    actorRolesOf(ctx),
  );
  if (!found.ok)
    return { ok: false, reason: found.message, refusal: lookupRefusal(sanctionTransitions, state, event) };
  const failed = failedGuard(found.row.guards ?? [], event, 'sanksi', ctx, ctx);
  return failed ? { ok: false, ...failed } : { ok: true, next: found.row.to };
}

/** Moves a reward by `event`; see {@link transitionSanction}. */
export function transitionReward(
  state: RewardState,
  event: RewardEvent,
  ctx: RewardContext,
): TransitionResult<RewardState> {
  const found = findTransition(
    rewardTransitions,
    {
      subject: 'penghargaan',
      states: rewardStateLabels,
      actions: rewardEventLabels,
      roles: actorLabels('Penerima penghargaan'),
    },
    state,
    event,
    actorRolesOf(ctx),
  );
  if (!found.ok)
    return { ok: false, reason: found.message, refusal: lookupRefusal(rewardTransitions, state, event) };
  const failed = failedGuard(found.row.guards ?? [], event, 'penghargaan', ctx, null);
  return failed ? { ok: false, ...failed } : { ok: true, next: found.row.to };
}

/** The events this actor may take now (for the buttons of the case page). */
export function availableSanctionEvents(state: SanctionState, ctx: SanctionContext): SanctionEvent[] {
  // Guards that need a reason are judged as if one will be written: the form asks for it.
  const withReason = { ...ctx, reason: ctx.reason?.trim() ? ctx.reason : '-' };
  return sanctionEvents.filter((e) => transitionSanction(state, e, withReason).ok);
}

/** The events this actor may take on a reward now. */
export function availableRewardEvents(state: RewardState, ctx: RewardContext): RewardEvent[] {
  const withReason = { ...ctx, reason: ctx.reason?.trim() ? ctx.reason : '-' };
  return rewardEvents.filter((e) => transitionReward(state, e, withReason).ok);
}

/** States after which nothing happens any more. */
export const finalSanctionStates: readonly SanctionState[] = [
  'rejected',
  'revoked',
  'completed',
  'cancelled',
];
export const finalRewardStates: readonly RewardState[] = ['rejected', 'granted', 'cancelled'];
