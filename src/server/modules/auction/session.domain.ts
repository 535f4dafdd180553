import { actorRoleLabels, findTransition, type ActorRole, type TransitionRow } from './state-machine.js';

/**
 * The auction session (sidang lelang) lifecycle. The admin schedules it and may change it while it is
 * only scheduled; the chair (head of region) or the admin opens it in the room, and only then do the
 * panelists' tablets accept scores (the panel is fixed from then on); the platform closes it when the
 * last proposal on its agenda is scored. A scheduled session may be cancelled with a reason: its
 * proposals return to the pool of submitted proposals to be scheduled again. Pure.
 */

export const sessionStates = ['scheduled', 'in_progress', 'closed', 'cancelled'] as const;
export type SessionState = (typeof sessionStates)[number];

export const sessionActions = ['edit', 'open', 'close', 'cancel'] as const;
export type SessionAction = (typeof sessionActions)[number];

export type SessionGuard = 'all_scored' | 'reason';

export interface SessionRow extends TransitionRow<SessionState, SessionAction, ActorRole> {
  guard?: SessionGuard;
}

export const sessionTransitions: readonly SessionRow[] = [
  { from: 'scheduled', action: 'edit', to: 'scheduled', roles: ['region_admin'] },
  { from: 'scheduled', action: 'open', to: 'in_progress', roles: ['region_admin', 'head_of_region'] },
  { from: 'scheduled', action: 'cancel', to: 'cancelled', roles: ['region_admin'], guard: 'reason' },
  { from: 'in_progress', action: 'close', to: 'closed', roles: ['system'], guard: 'all_scored' },
];

export const sessionStateLabels: Record<SessionState, string> = {
  scheduled: 'Terjadwal',
  in_progress: 'Berlangsung',
  closed: 'Selesai',
  cancelled: 'Dibatalkan',
};

export const sessionActionLabels: Record<SessionAction, string> = {
  edit: 'Ubah sidang',
  open: 'Buka sidang',
  close: 'Tutup sidang',
  cancel: 'Batalkan sidang',
};

/** What the guards need, computed by the caller. A missing fact fails the guard (closed). */
export interface SessionFacts {
  /** Every proposal on the agenda has left `in_session` (scored). */
  allScored?: boolean;
  /** The reason given for a cancellation. */
  reason?: string | null;
}

/**
 * Moves a session by `action` if one of `actorRoles` may and the row's guard holds; otherwise why
 * not, in Bahasa Indonesia.
 */
export function transitionSession(
  state: SessionState,
  action: SessionAction,
  actorRoles: readonly ActorRole[],
  facts: SessionFacts = {},
): { ok: true; to: SessionState } | { ok: false; message: string } {
  const found = findTransition(
    sessionTransitions,
    { subject: 'sidang', states: sessionStateLabels, actions: sessionActionLabels, roles: actorRoleLabels },
    state,
    action,
    actorRoles,
  );
  if (!found.ok) return found;
  if (found.row.guard === 'all_scored' && facts.allScored !== true)
    return { ok: false, message: 'Masih ada usulan pada agenda yang belum selesai dinilai' };
  if (found.row.guard === 'reason' && !facts.reason?.trim())
    return { ok: false, message: 'Alasan pembatalan wajib diisi' };
  return { ok: true, to: found.row.to };
}

/** Whether panelists may score (or declare a conflict) in a session in this state; why not, otherwise. */
export function scoringOpen(state: SessionState): { ok: true } | { ok: false; message: string } {
  switch (state) {
    case 'in_progress':
      return { ok: true };
    case 'scheduled':
      return {
        ok: false,
        message: 'Sidang belum dibuka: penilaian dimulai setelah ketua sidang membuka sidang',
      };
    case 'closed':
      return { ok: false, message: 'Sidang sudah selesai: penilaian ditutup' };
    case 'cancelled':
      return { ok: false, message: 'Sidang dibatalkan' };
    default:
      return { ok: false, message: 'Status sidang tidak dikenal' };
  }
}
