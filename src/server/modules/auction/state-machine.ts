import type { Role } from '../../../contract/common.js';

/**
 * The small engine behind the auction's state machines (proposal, negotiation, amendment): a
 * transition table of plain rows and one lookup that explains a refusal in Bahasa Indonesia. Each
 * module adds its own guards (completeness, deadlines, "not the proposer") on top of the row it finds,
 * so the table stays the single answer to "who may do what from where".
 */

/**
 * A role as the auction state machines see it: one of the user roles, or `system` for the platform
 * acting on its own (the negotiation deadline passing, scoring completing when the last panelist
 * submits). `system` is never granted to a user.
 */
export type ActorRole = Role | 'system';

/** Bahasa Indonesia names of the roles, as the web app shows them (src/web/app/i18n.ts). */
export const actorRoleLabels: Record<ActorRole, string> = {
  region_admin: 'Admin Daerah',
  head_of_region: 'Kepala Daerah',
  panelist: 'Panelis',
  opd_head: 'Kepala OPD',
  opd_operator: 'Operator OPD',
  verifier: 'Verifikator',
  hr_officer: 'Petugas Kepegawaian (BKPSDM)',
  asn: 'ASN',
  national_viewer: 'Pemantau Nasional',
  system: 'Sistem',
};

/** One allowed move: from a state, by an action, to a state, by any of the listed roles. */
export interface TransitionRow<S extends string, A extends string, R extends string> {
  from: S;
  action: A;
  to: S;
  roles: readonly R[];
}

/** Everything a refusal message needs to name things the way users read them. */
export interface MachineLabels<S extends string, A extends string, R extends string> {
  /** What the machine is about, in running text: "usulan", "negosiasi", "amandemen". */
  subject: string;
  states: Record<S, string>;
  actions: Record<A, string>;
  roles: Record<R, string>;
}

/** "A", "A atau B", "A, B, atau C": how Indonesian lists alternatives. */
export function listOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} atau ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, atau ${items[items.length - 1]}`;
}

/** The row found, or why there is none for this actor. */
export type RowLookup<Row> = { ok: true; row: Row } | { ok: false; message: string };

/**
 * Finds the row for `action` from `state` that one of `actorRoles` may take. Tells apart an action
 * that does not exist from this state (whoever asks) from one the actor's roles may not take, because
 * the user needs a different remedy for each. Unknown strings (e.g. a stale value from storage) fail
 * like any forbidden move. Generic over the row so that a module's rows may carry a guard.
 */
export function findTransition<Row extends TransitionRow<string, string, string>>(
  table: readonly Row[],
  labels: MachineLabels<Row['from'], Row['action'], Row['roles'][number]>,
  state: Row['from'],
  action: Row['action'],
  actorRoles: readonly Row['roles'][number][],
): RowLookup<Row> {
  const row = table.find((r) => r.from === state && r.action === action);
  const actionLabel = labels.actions[action] ?? action;
  if (!row) {
    const stateLabel = labels.states[state] ?? state;
    return {
      ok: false,
      message: `Tindakan "${actionLabel}" tidak tersedia untuk ${labels.subject} berstatus "${stateLabel}"`,
    };
  }
  if (!actorRoles.some((r) => row.roles.includes(r))) {
    const roleLabels: Record<string, string> = labels.roles;
    const who = listOr(row.roles.map((r) => roleLabels[r] ?? r));
    return { ok: false, message: `Tindakan "${actionLabel}" hanya dapat dilakukan oleh ${who}` };
  }
  return { ok: true, row };
}
