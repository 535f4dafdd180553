import { describe, expect, it } from 'vitest';
import { roles } from '../../../contract/common.js';
import {
  scoringOpen,
  sessionActions,
  sessionStates,
  sessionTransitions,
  transitionSession,
  type SessionAction,
  type SessionFacts,
  type SessionState,
} from './session.domain.js';
import type { ActorRole } from './state-machine.js';

describe('session lifecycle', () => {
  /** The specification, written out independently of the table in the module. */
  const allowed = [
    'scheduled edit region_admin -> scheduled',
    'scheduled open region_admin -> in_progress',
    'scheduled open head_of_region -> in_progress',
    'scheduled cancel region_admin -> cancelled',
    'in_progress close system -> closed',
  ];
  const actorRoles: ActorRole[] = [...roles, 'system'];
  const satisfied: SessionFacts = { allScored: true, reason: 'Ruang sidang tidak tersedia' };
  const combos = sessionStates.flatMap((state) =>
    sessionActions.flatMap((action) => actorRoles.map((role) => ({ state, action, role }))),
  );

  it('walks all combinations of state, action and role', () => {
    expect(combos).toHaveLength(4 * 4 * 10);
  });

  it.each(combos)('$state --$action--> as $role', ({ state, action, role }) => {
    const spec = allowed.find((a) => a.startsWith(`${state} ${action} ${role} -> `));
    const result = transitionSession(state, action, [role], satisfied);
    if (spec) expect(result).toEqual({ ok: true, to: spec.split(' -> ')[1] });
    else {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(
        /^Tindakan "[^"]+" (tidak tersedia untuk sidang berstatus|hanya dapat)/,
      );
    }
  });

  it('has exactly the specified table (no extra rows, one row per state and action)', () => {
    const fromTable = sessionTransitions.flatMap((r) =>
      r.roles.map((role) => `${r.from} ${r.action} ${role} -> ${r.to}`),
    );
    expect([...fromTable].sort()).toEqual([...allowed].sort());
    const keys = sessionTransitions.map((r) => `${r.from} ${r.action}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('closes only when every proposal on the agenda is scored', () => {
    for (const allScored of [false, undefined])
      expect(transitionSession('in_progress', 'close', ['system'], { allScored })).toEqual({
        ok: false,
        message: 'Masih ada usulan pada agenda yang belum selesai dinilai',
      });
  });

  it('cancels only with a reason', () => {
    for (const reason of [undefined, null, '', '   '])
      expect(transitionSession('scheduled', 'cancel', ['region_admin'], { reason })).toEqual({
        ok: false,
        message: 'Alasan pembatalan wajib diisi',
      });
  });

  it('explains a move from the wrong state and a move by the wrong role differently', () => {
    expect(transitionSession('closed', 'open', ['head_of_region'])).toEqual({
      ok: false,
      message: 'Tindakan "Buka sidang" tidak tersedia untuk sidang berstatus "Selesai"',
    });
    expect(transitionSession('scheduled', 'open', ['panelist'])).toEqual({
      ok: false,
      message: 'Tindakan "Buka sidang" hanya dapat dilakukan oleh Admin Daerah atau Kepala Daerah',
    });
  });

  it('fails an unknown state or action from storage like a forbidden move', () => {
    expect(transitionSession('archived' as SessionState, 'open', ['region_admin']).ok).toBe(false);
    expect(transitionSession('scheduled', 'postpone' as SessionAction, ['region_admin']).ok).toBe(false);
  });
});

describe('scoringOpen', () => {
  it('accepts scores only while the session is in progress', () => {
    expect(scoringOpen('in_progress')).toEqual({ ok: true });
    for (const state of ['scheduled', 'closed', 'cancelled', 'archived'] as SessionState[]) {
      const r = scoringOpen(state);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toMatch(/^(Sidang|Status sidang)/);
    }
  });
});
