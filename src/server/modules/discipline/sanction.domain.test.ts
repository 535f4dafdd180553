import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contract/common.js';
import { seededCalendar } from '../../seed/holidays.js';
import {
  actorRolesOf,
  availableRewardEvents,
  availableSanctionEvents,
  finalRewardStates,
  finalSanctionStates,
  rewardEvents,
  rewardStates,
  rewardTransitions,
  sanctionEvents,
  sanctionStates,
  sanctionTransitions,
  transitionReward,
  transitionSanction,
  type Actor,
  type RewardEvent,
  type RewardState,
  type SanctionContext,
  type SanctionEvent,
  type SanctionState,
} from './sanction.domain.js';
import { appealDeadline, servingDays } from './sanction-calendar.domain.js';

const calendar = seededCalendar();

/** The people of the tests, by the machine role they stand for. */
const people = {
  approver: { kind: 'user', userId: 'u-head', roles: ['head_of_region'] },
  subject: { kind: 'user', userId: 'u-subject', roles: ['asn'] },
  region_admin: { kind: 'user', userId: 'u-admin', roles: ['region_admin'] },
  hr_officer: { kind: 'user', userId: 'u-hr', roles: ['hr_officer'] },
  system: { kind: 'system' },
  other_asn: { kind: 'user', userId: 'u-other', roles: ['asn'] },
  opd_head: { kind: 'user', userId: 'u-opd', roles: ['opd_head'] },
  verifier: { kind: 'user', userId: 'u-verifier', roles: ['verifier'] },
} satisfies Record<string, Actor>;
type Person = keyof typeof people;
const personNames = Object.keys(people) as Person[];

// Notified Monday 6 April 2026: appeal through Thursday 9 April, active from Friday 10 April.
const base = {
  proposerId: 'u-proposer',
  subjectUserId: 'u-subject',
  calendar,
  notifiedOn: '2026-04-06',
  decidedOn: '2026-04-13',
  servingEndsOn: '2026-04-20',
  reason: 'Alasan tertulis',
};

/** A context in which every guard of `event` holds. */
function satisfied(event: SanctionEvent, actor: Actor): SanctionContext {
  const today = event === 'activate' ? '2026-04-14' : event === 'complete' ? '2026-04-21' : '2026-04-08';
  return { ...base, actor, today };
}

describe('sanction due process', () => {
  /** The specification, written out independently of the table in the module. */
  const allowed = [
    'proposed approve approver -> approved',
    'proposed reject approver -> rejected',
    'proposed cancel approver -> cancelled',
    'proposed cancel region_admin -> cancelled',
    'approved notify system -> notified',
    'approved notify hr_officer -> notified',
    'approved cancel approver -> cancelled',
    'notified appeal subject -> appealed',
    'notified activate system -> active',
    'notified cancel approver -> cancelled',
    'appealed uphold approver -> upheld',
    'appealed revoke approver -> revoked',
    'appealed cancel approver -> cancelled',
    'upheld activate system -> active',
    'upheld cancel approver -> cancelled',
    'active complete system -> completed',
    'active cancel approver -> cancelled',
  ];
  const combos = sanctionStates.flatMap((state) =>
    sanctionEvents.flatMap((event) => personNames.map((person) => ({ state, event, person }))),
  );

  it('walks all combinations of state, event and person', () => {
    expect(combos).toHaveLength(10 * 9 * 8);
  });

  it.each(combos)('$state --$event--> as $person', ({ state, event, person }) => {
    const spec = allowed.find((a) => a.startsWith(`${state} ${event} ${person} -> `));
    const result = transitionSanction(state, event, satisfied(event, people[person]));
    if (spec) expect(result).toEqual({ ok: true, next: spec.split(' -> ')[1] });
    else {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toMatch(
        /^Tindakan "[^"]+" (tidak tersedia untuk sanksi berstatus|hanya dapat)/,
      );
    }
  });

  it('has exactly the specified table (no extra rows, one row per state and event)', () => {
    const fromTable = sanctionTransitions.flatMap((r) =>
      r.roles.map((role) => `${r.from} ${r.action} ${role} -> ${r.to}`),
    );
    expect([...fromTable].sort()).toEqual([...allowed].sort());
    const keys = sanctionTransitions.map((r) => `${r.from} ${r.action}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('allows cancelling from every state before completion that is not already an outcome', () => {
    const cancellable = sanctionStates.filter(
      (s) => transitionSanction(s, 'cancel', satisfied('cancel', people.approver)).ok,
    );
    expect(cancellable).toEqual(['proposed', 'approved', 'notified', 'appealed', 'upheld', 'active']);
    expect(finalSanctionStates).toEqual(['rejected', 'revoked', 'completed', 'cancelled']);
    for (const s of finalSanctionStates)
      expect(sanctionEvents.some((e) => transitionSanction(s, e, satisfied(e, people.system)).ok)).toBe(
        false,
      );
  });

  it('explains a move from the wrong state and a move by the wrong person differently', () => {
    expect(transitionSanction('completed', 'cancel', satisfied('cancel', people.approver))).toEqual({
      ok: false,
      reason: 'Tindakan "Batalkan" tidak tersedia untuk sanksi berstatus "Selesai"',
      refusal: 'state',
    });
    expect(transitionSanction('proposed', 'approve', satisfied('approve', people.opd_head))).toEqual({
      ok: false,
      reason: 'Tindakan "Setujui" hanya dapat dilakukan oleh Pejabat Penyetuju',
      refusal: 'forbidden',
    });
    expect(transitionSanction('notified', 'appeal', satisfied('appeal', people.other_asn))).toEqual({
      ok: false,
      reason: 'Tindakan "Ajukan keberatan" hanya dapat dilakukan oleh ASN yang dikenai sanksi',
      refusal: 'forbidden',
    });
  });

  it('fails an unknown state or event from storage like a forbidden move', () => {
    expect(
      transitionSanction('archived' as SanctionState, 'cancel', satisfied('cancel', people.approver)).ok,
    ).toBe(false);
    expect(
      transitionSanction('proposed', 'postpone' as SanctionEvent, satisfied('approve', people.approver)).ok,
    ).toBe(false);
  });
});

describe('sanction guards', () => {
  const ctx = (over: Partial<SanctionContext>): SanctionContext => ({
    ...satisfied('approve', people.approver),
    ...over,
  });
  const proposerHead: Actor = { kind: 'user', userId: 'u-proposer', roles: ['head_of_region'] };

  it('never lets the proposer decide: approve, reject, uphold, revoke', () => {
    const message = 'Pengusul tidak dapat memutuskan sanksi yang diusulkannya sendiri';
    for (const [state, event] of [
      ['proposed', 'approve'],
      ['proposed', 'reject'],
      ['appealed', 'uphold'],
      ['appealed', 'revoke'],
    ] as const)
      expect(transitionSanction(state, event, ctx({ actor: proposerHead }))).toEqual({
        ok: false,
        reason: message,
        refusal: 'forbidden',
      });
    // ... but the proposer may withdraw a proposal.
    expect(transitionSanction('proposed', 'cancel', ctx({ actor: proposerHead })).ok).toBe(true);
    // A proposal of a scheduled run has no proposer: any approver decides.
    expect(transitionSanction('proposed', 'approve', ctx({ actor: proposerHead, proposerId: null }))).toEqual(
      {
        ok: true,
        next: 'approved',
      },
    );
  });

  it('never lets an approver decide or cancel their own sanction, but lets them appeal it', () => {
    const sekda: Actor = { kind: 'user', userId: 'u-subject', roles: ['head_of_region', 'asn'] };
    expect(actorRolesOf(ctx({ actor: sekda }))).toEqual(['approver', 'subject']);
    const message = 'Tidak dapat memutuskan atau membatalkan sanksi atas diri sendiri';
    for (const [state, event] of [
      ['proposed', 'approve'],
      ['proposed', 'reject'],
      ['proposed', 'cancel'],
      ['appealed', 'uphold'],
      ['active', 'cancel'],
    ] as const)
      expect(transitionSanction(state, event, ctx({ actor: sekda }))).toEqual({
        ok: false,
        reason: message,
        refusal: 'forbidden',
      });
    expect(transitionSanction('notified', 'appeal', ctx({ actor: sekda })).ok).toBe(true);
  });

  it('lets the region delegate approval to another role', () => {
    const approvingRoles: Role[] = ['head_of_region', 'verifier'];
    expect(transitionSanction('proposed', 'approve', ctx({ actor: people.verifier })).ok).toBe(false);
    expect(
      transitionSanction('proposed', 'approve', ctx({ actor: people.verifier, approvingRoles })).ok,
    ).toBe(true);
    expect(
      transitionSanction('proposed', 'approve', ctx({ actor: people.approver, approvingRoles: ['verifier'] }))
        .ok,
    ).toBe(false);
  });

  it('asks for a reason to reject, appeal, decide an appeal and cancel', () => {
    const cases = [
      ['proposed', 'reject', people.approver, 'Alasan penolakan wajib diisi'],
      ['notified', 'appeal', people.subject, 'Alasan keberatan wajib diisi'],
      ['appealed', 'uphold', people.approver, 'Alasan keputusan atas keberatan wajib diisi'],
      ['appealed', 'revoke', people.approver, 'Alasan keputusan atas keberatan wajib diisi'],
      ['active', 'cancel', people.approver, 'Alasan pembatalan wajib diisi'],
      ['proposed', 'cancel', people.region_admin, 'Alasan pembatalan wajib diisi'],
    ] as const;
    for (const [state, event, actor, message] of cases)
      for (const reason of [undefined, null, '', '  '])
        expect(transitionSanction(state, event, ctx({ actor, reason }))).toEqual({
          ok: false,
          reason: message,
          refusal: 'reason',
        });
    // Approving needs no reason.
    expect(transitionSanction('proposed', 'approve', ctx({ reason: null })).ok).toBe(true);
  });

  it('accepts an appeal through the whole deadline day and refuses it after', () => {
    const appeal = (today: string, notifiedOn: string | null = '2026-04-06') =>
      transitionSanction('notified', 'appeal', ctx({ actor: people.subject, today, notifiedOn }));
    expect(appeal('2026-04-06')).toEqual({ ok: true, next: 'appealed' });
    expect(appeal('2026-04-09')).toEqual({ ok: true, next: 'appealed' });
    expect(appeal('2026-04-10')).toEqual({
      ok: false,
      reason: 'Masa keberatan sudah berakhir pada 9 April 2026',
      refusal: 'state',
    });
    expect(appeal('2026-04-05')).toEqual({
      ok: false,
      reason: 'Sanksi belum diberitahukan',
      refusal: 'state',
    });
    expect(appeal('2026-04-08', null)).toEqual({
      ok: false,
      reason: 'Tanggal pemberitahuan belum tercatat',
      refusal: 'state',
    });
    // A longer window set by the region.
    expect(
      transitionSanction(
        'notified',
        'appeal',
        ctx({ actor: people.subject, today: '2026-04-13', appealWindowDays: 5 }),
      ).ok,
    ).toBe(true);
  });

  it('activates without appeal only from the working day after the window', () => {
    const activate = (today: string, notifiedOn: string | null = '2026-04-06') =>
      transitionSanction('notified', 'activate', ctx({ actor: people.system, today, notifiedOn }));
    expect(appeal9()).toBe('2026-04-09');
    expect(activate('2026-04-09')).toEqual({
      ok: false,
      reason: 'Masa keberatan berjalan sampai 9 April 2026: sanksi berlaku mulai 10 April 2026',
      refusal: 'state',
    });
    expect(activate('2026-04-10')).toEqual({ ok: true, next: 'active' });
    // Notified on Wednesday 8 April: deadline Monday 13 April, active from Tuesday 14 April.
    expect(activate('2026-04-13', '2026-04-08').ok).toBe(false);
    expect(activate('2026-04-14', '2026-04-08').ok).toBe(true);
    expect(activate('2026-04-14', null)).toEqual({
      ok: false,
      reason: 'Tanggal pemberitahuan belum tercatat',
      refusal: 'state',
    });
  });
  const appeal9 = () => appealDeadline(calendar, '2026-04-06');

  it('activates an upheld sanction from the working day after the decision', () => {
    const activate = (today: string, decidedOn: string | null) =>
      transitionSanction('upheld', 'activate', ctx({ actor: people.system, today, decidedOn }));
    expect(activate('2026-04-11', '2026-04-10')).toEqual({
      ok: false,
      reason: 'Sanksi berlaku mulai 13 April 2026',
      refusal: 'state',
    });
    expect(activate('2026-04-13', '2026-04-10')).toEqual({ ok: true, next: 'active' });
    expect(activate('2026-04-13', null)).toEqual({
      ok: false,
      reason: 'Tanggal keputusan atas keberatan belum tercatat',
      refusal: 'state',
    });
  });

  it('completes only after the last serving day', () => {
    const complete = (today: string, servingEndsOn: string | null) =>
      transitionSanction('active', 'complete', ctx({ actor: people.system, today, servingEndsOn }));
    expect(complete('2026-04-20', '2026-04-20')).toEqual({
      ok: false,
      reason: 'Masa sanksi belum selesai: hari terakhir 20 April 2026',
      refusal: 'state',
    });
    expect(complete('2026-04-21', '2026-04-20')).toEqual({ ok: true, next: 'completed' });
    expect(complete('2026-04-21', null)).toEqual({
      ok: false,
      reason: 'Hari terakhir sanksi belum dihitung',
      refusal: 'state',
    });
  });

  it('lists the events a person may take now', () => {
    expect(availableSanctionEvents('proposed', ctx({ reason: null }))).toEqual([
      'approve',
      'reject',
      'cancel',
    ]);
    expect(availableSanctionEvents('notified', ctx({ actor: people.subject }))).toEqual(['appeal']);
    expect(availableSanctionEvents('notified', ctx({ actor: people.subject, today: '2026-04-10' }))).toEqual(
      [],
    );
    expect(availableSanctionEvents('notified', ctx({ actor: people.system, today: '2026-04-10' }))).toEqual([
      'activate',
    ]);
    expect(availableSanctionEvents('approved', ctx({ actor: people.hr_officer }))).toEqual(['notify']);
  });

  it('walks a whole case: approved, notified, appealed, upheld, served with a missed day, completed', () => {
    const proposer: Actor = { kind: 'user', userId: 'u-proposer', roles: ['region_admin'] };
    let state: SanctionState = 'proposed';
    const step = (event: SanctionEvent, over: Partial<SanctionContext>) => {
      const r = transitionSanction(state, event, {
        ...base,
        actor: people.approver,
        today: '2026-04-06',
        ...over,
      });
      if (!r.ok) throw new Error(r.reason);
      state = r.next;
      return state;
    };
    expect(
      transitionSanction('proposed', 'approve', { ...base, actor: proposer, today: '2026-04-06' }).ok,
    ).toBe(false);
    expect(step('approve', {})).toBe('approved');
    expect(step('notify', { actor: people.system })).toBe('notified');
    expect(step('appeal', { actor: people.subject, today: '2026-04-09' })).toBe('appealed');
    expect(step('uphold', { today: '2026-04-10' })).toBe('upheld');
    expect(() =>
      step('activate', { actor: people.system, today: '2026-04-12', decidedOn: '2026-04-10' }),
    ).toThrow('Sanksi berlaku mulai 13 April 2026');
    expect(step('activate', { actor: people.system, today: '2026-04-13', decidedOn: '2026-04-10' })).toBe(
      'active',
    );
    const plan = servingDays({ calendar, finalOn: '2026-04-10', length: 5, missedDays: ['2026-04-14'] });
    expect(plan.end).toBe('2026-04-20');
    expect(() =>
      step('complete', { actor: people.system, today: plan.end, servingEndsOn: plan.end }),
    ).toThrow();
    expect(step('complete', { actor: people.system, today: '2026-04-21', servingEndsOn: plan.end })).toBe(
      'completed',
    );
  });
});

describe('reward due process', () => {
  const allowed = [
    'proposed approve approver -> approved',
    'proposed reject approver -> rejected',
    'proposed cancel approver -> cancelled',
    'proposed cancel region_admin -> cancelled',
    'approved grant system -> granted',
    'approved grant hr_officer -> granted',
    'approved cancel approver -> cancelled',
  ];
  const combos = rewardStates.flatMap((state) =>
    rewardEvents.flatMap((event) => personNames.map((person) => ({ state, event, person }))),
  );
  const rctx = (actor: Actor) => ({
    actor,
    proposerId: 'u-proposer',
    subjectUserId: 'u-subject',
    reason: 'Alasan',
  });

  it('walks all combinations of state, event and person', () => {
    expect(combos).toHaveLength(5 * 4 * 8);
  });

  it.each(combos)('$state --$event--> as $person', ({ state, event, person }) => {
    const spec = allowed.find((a) => a.startsWith(`${state} ${event} ${person} -> `));
    const result = transitionReward(state, event, rctx(people[person]));
    if (spec) expect(result).toEqual({ ok: true, next: spec.split(' -> ')[1] });
    else {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toMatch(
        /^Tindakan "[^"]+" (tidak tersedia untuk penghargaan berstatus|hanya dapat)/,
      );
    }
  });

  it('has exactly the specified table, without an appeal', () => {
    const fromTable = rewardTransitions.flatMap((r) =>
      r.roles.map((role) => `${r.from} ${r.action} ${role} -> ${r.to}`),
    );
    expect([...fromTable].sort()).toEqual([...allowed].sort());
    expect(rewardEvents).not.toContain('appeal');
    expect(finalRewardStates).toEqual(['rejected', 'granted', 'cancelled']);
  });

  it('applies the same decision guards as sanctions', () => {
    const proposerHead: Actor = { kind: 'user', userId: 'u-proposer', roles: ['head_of_region'] };
    expect(transitionReward('proposed', 'approve', rctx(proposerHead))).toEqual({
      ok: false,
      reason: 'Pengusul tidak dapat memutuskan penghargaan yang diusulkannya sendiri',
      refusal: 'forbidden',
    });
    const self: Actor = { kind: 'user', userId: 'u-subject', roles: ['head_of_region'] };
    expect(transitionReward('proposed', 'approve', rctx(self))).toEqual({
      ok: false,
      reason: 'Tidak dapat memutuskan atau membatalkan penghargaan atas diri sendiri',
      refusal: 'forbidden',
    });
    expect(transitionReward('proposed', 'reject', { ...rctx(people.approver), reason: ' ' })).toEqual({
      ok: false,
      reason: 'Alasan penolakan wajib diisi',
      refusal: 'reason',
    });
    expect(
      transitionReward('granted' as RewardState, 'cancel' as RewardEvent, rctx(people.approver)).ok,
    ).toBe(false);
    expect(availableRewardEvents('approved', { ...rctx(people.hr_officer), reason: null })).toEqual([
      'grant',
    ]);
  });
});
