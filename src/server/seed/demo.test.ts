import { describe, expect, it } from 'vitest';
import { validateAmendment } from '../modules/auction/contract.domain.js';
import { validateCycle } from '../modules/auction/cycle.domain.js';
import { phaseInstants } from '../modules/auction/cycles.service.js';
import {
  appendRound,
  respond,
  validateCounterOffer,
  type NegotiationState,
  type Offer,
} from '../modules/auction/negotiation.domain.js';
import { checkCompleteness, termsFromDraft } from '../modules/auction/proposal.domain.js';
import { applyTerms } from '../modules/auction/terms.js';
import {
  DEMO_THEMES,
  demoAuctionPlan,
  negotiationEnd,
  planDraft,
  planOffers,
  planOutcome,
  type ProposalPlan,
} from './demo-auction.js';
import { DEMO_UNITS, DEMO_USERS, demoCycle } from './demo.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const missionIds = new Map([1, 2, 3, 4].map((n) => [n, uuid(n)]));

describe('the demo cycle', () => {
  it.each([2025, 2026, 2027])('keeps the rules of a cycle when the demo starts in %i', (year) => {
    const c = demoCycle(year, missionIds);
    expect(c.name).toBe(`Lelang Kinerja ${year}-${year + 4}`);
    const problems = validateCycle({
      ...c,
      endYear: c.startYear + 4,
      phases: phaseInstants(c.phases, 'Asia/Jakarta'),
    });
    expect(problems).toEqual([]);
    // The story: sessions on 12-13 November and signing on 8 December of the year before.
    expect(c.phases.sessionsStart).toBe(`${year - 1}-11-12`);
    expect(c.phases.signingDeadline).toBe(`${year - 1}-12-08`);
    expect(c.themes.map((t) => t.missionId)).toEqual([1, 1, 2, 4, 1, 1].map((n) => missionIds.get(n)));
    expect(c.themes.map((t) => t.name).sort()).toEqual(Object.values(DEMO_THEMES).sort());
  });
});

describe('the demo users', () => {
  it('have unique usernames, a panel of three and a head for every unit with a proposal', () => {
    const names = DEMO_USERS.map((u) => u.username);
    expect(new Set(names).size).toBe(names.length);
    expect(DEMO_USERS.filter((u) => u.role === 'panelist').map((u) => u.username)).toEqual([
      'panelis',
      'panelis2',
      'panelis3',
    ]);
    const codes = new Set(DEMO_UNITS.map((u) => u.code));
    const heads = DEMO_USERS.filter((u) => u.role === 'opd_head');
    for (const h of heads) expect(codes.has(h.unitCode!)).toBe(true);
    expect(new Set(heads.map((h) => h.unitCode)).size).toBe(heads.length);
    expect(heads.map((h) => h.unitCode).sort()).toEqual(PROPOSAL_UNITS);
    // One shared password for the unit heads beyond Dinas Kesehatan.
    expect(new Set(heads.filter((h) => h.unitHead).map((h) => h.password))).toEqual(
      new Set(['kepala-malang-demo']),
    );
    expect(DEMO_USERS).toHaveLength(9 + 2 + 13);
  });
});

/** The nine OPDs that signed first and the five kecamatan (domain.md section 6). */
const PROPOSAL_UNITS = [
  '1.01.01',
  '1.02.01',
  '1.03.01',
  '1.04.01',
  '2.09.01',
  '2.18.01',
  '3.26.01',
  '3.30.01',
  '3.31.01',
  '7.01.01',
  '7.01.02',
  '7.01.03',
  '7.01.04',
  '7.01.05',
];

function world(year: number, today: Date) {
  const cycle = demoCycle(year, missionIds);
  const themes = new Map(cycle.themes.map((t, i) => [t.name, { id: uuid(100 + i), missionId: t.missionId }]));
  const units = new Map(DEMO_UNITS.map((u, i) => [u.code, uuid(200 + i)]));
  const plans = demoAuctionPlan(year, { units, themes }, today);
  const phases = phaseInstants(cycle.phases, 'Asia/Jakarta');
  const context = {
    startYear: year,
    endYear: year + 4,
    themes: [...themes.values()].map((t) => ({ id: t.id, missionId: t.missionId })),
  };
  const draftOf = (p: ProposalPlan) => planDraft(p, units.get(p.unitCode)!);
  return { cycle, themes, units, plans, phases, context, draftOf };
}

const stateAfter = (rounds: readonly Offer[]): NegotiationState =>
  rounds[rounds.length - 1].by === 'panel' ? 'awaiting_opd' : 'awaiting_panel';

describe.each([
  [2026, '2026-01-02T01:00:00Z'],
  [2026, '2026-09-15T05:00:00Z'],
  [2027, '2027-03-01T00:00:00Z'],
])('the demo auction of %i (today %s)', (year, todayIso) => {
  const today = new Date(todayIso);
  const { plans, phases, context, draftOf, units, themes } = world(year, today);

  it('has one proposal per OPD and kecamatan, in every phase', () => {
    expect(plans.map((p) => p.unitCode).sort()).toEqual(PROPOSAL_UNITS);
    const count = (status: string) => plans.filter((p) => p.status === status).length;
    expect({
      draft: count('draft'),
      submitted: count('submitted'),
      in_session: count('in_session'),
      scored: count('scored'),
      in_negotiation: count('in_negotiation'),
      refused: count('refused'),
      agreed: count('agreed'),
      signed: count('signed'),
    }).toEqual({
      draft: 2,
      submitted: 1,
      in_session: 1,
      scored: 2,
      in_negotiation: 1,
      refused: 1,
      agreed: 1,
      signed: 5,
    });
  });

  it('has complete documents that pass the completeness check', () => {
    for (const p of plans)
      expect([p.unitCode, checkCompleteness(draftOf(p), context)]).toEqual([p.unitCode, []]);
  });

  it('gives Dinas Kesehatan the maternal mortality program with the five kecamatan', () => {
    const dinkes = plans.find((p) => p.unitCode === '1.02.01')!;
    expect(dinkes.status).toBe('signed');
    expect(dinkes.document.themeId).toBe(themes.get(DEMO_THEMES.maternal)!.id);
    const kecamatan = DEMO_UNITS.filter((u) => u.kind === 'kecamatan').map((u) => units.get(u.code));
    expect(dinkes.document.collaborators.map((c) => c.unitId).sort()).toEqual(kecamatan.sort());
    const shares = dinkes.document.collaborators.reduce((a, c) => a + c.share!, dinkes.document.leadShare!);
    expect(shares).toBe(100);
    // Other proposals sit under the theme too.
    const maternal = plans.filter((p) => p.document.themeId === themes.get(DEMO_THEMES.maternal)!.id);
    expect(maternal.length).toBeGreaterThan(1);
  });

  it('dates every step within its phase', () => {
    for (const p of plans) {
      expect(p.createdAt.getTime()).toBeGreaterThanOrEqual(phases.draftingStart.getTime());
      if (p.status === 'draft') expect(p.submittedAt).toBeNull();
      else expect(p.submittedAt!.getTime()).toBeLessThanOrEqual(phases.submissionDeadline.getTime());
      const scheduled = !['draft', 'submitted'].includes(p.status);
      expect(p.session !== null).toBe(scheduled);
      expect(p.scoring !== null).toBe(scheduled);
      if (p.scoring) expect(p.scoring.submittedBy).toBe(p.status === 'in_session' ? 2 : 3);
      for (const r of p.rounds) {
        expect(r.at.getTime()).toBeGreaterThan(phases.sessionsEnd.getTime());
        expect(r.at.getTime()).toBeLessThanOrEqual(phases.negotiationDeadline.getTime());
      }
      const end = negotiationEnd(p);
      if (end) expect(end.getTime()).toBeLessThanOrEqual(phases.negotiationDeadline.getTime());
      for (const at of [p.signatures?.opdHead, p.signatures?.headOfRegion])
        if (at) {
          expect(at.getTime()).toBeGreaterThan(end!.getTime());
          expect(at.getTime()).toBeLessThanOrEqual(phases.signingDeadline.getTime());
        }
      for (const a of p.amendments) {
        expect(a.proposedAt.getTime()).toBeGreaterThan(phases.signingDeadline.getTime());
        expect(a.proposedAt.getTime()).toBeLessThan(today.getTime());
      }
    }
    // Positions on each session's agenda are distinct.
    for (const index of [0, 1]) {
      const positions = plans.filter((p) => p.session?.index === index).map((p) => p.session!.position);
      expect(new Set(positions).size).toBe(positions.length);
    }
  });

  it('makes every round a valid offer against the rounds before it', () => {
    for (const p of plans) {
      const draft = draftOf(p);
      const indicators = draft.indicators.map((i) => ({
        key: i.key,
        name: i.name,
        polarity: i.polarity,
        baseline: i.baseline.value,
      }));
      const original = termsFromDraft(draft);
      let rounds: readonly Offer[] = [];
      for (const offer of planOffers(p)) {
        const standing = rounds.length ? rounds[rounds.length - 1] : null;
        const problems = validateCounterOffer(
          indicators,
          { term: context, original, standing },
          offer,
          offer.by,
        );
        expect([p.unitCode, offer.round, problems]).toEqual([p.unitCode, offer.round, []]);
        if (standing) {
          const state = stateAfter(rounds);
          expect(
            respond(state, { kind: 'counter', offer }, offer.by, offer.createdAt, phases.negotiationDeadline),
          ).toEqual({ ok: true, to: stateAfter([...rounds, offer]) });
        }
        // Offers list only what differs from the bid.
        const bid = new Map(original.targets.map((t) => [`${t.indicatorKey}/${t.year}`, t]));
        for (const t of offer.targets) {
          const b = bid.get(`${t.indicatorKey}/${t.year}`)!;
          expect([t.value, t.lower, t.upper]).not.toEqual([b.value, b.lower, b.upper]);
        }
        const dates = new Map(original.milestones.map((m) => [m.milestoneKey, m.date]));
        for (const m of offer.milestoneDeadlines) expect(m.date).not.toBe(dates.get(m.milestoneKey));
        const next = appendRound(rounds, offer.by, offer, offer.createdAt);
        expect(next.ok).toBe(true);
        if (next.ok) rounds = next.rounds;
      }
    }
  });

  it('ends each negotiation the way its status says', () => {
    for (const p of plans) {
      const offers = planOffers(p);
      const draft = draftOf(p);
      switch (p.status) {
        case 'draft':
        case 'submitted':
        case 'in_session':
        case 'scored':
          expect([offers.length, p.answer, p.agreedAsIsAt, p.signatures]).toEqual([0, null, null, null]);
          break;
        case 'in_negotiation':
          expect(p.answer).toBeNull();
          expect(offers.map((o) => o.by)).toEqual(['panel', 'opd']);
          break;
        case 'refused': {
          expect(p.answer).toMatchObject({ side: 'opd', kind: 'refuse', round: offers.length });
          expect(p.answer!.reason).toBeTruthy();
          expect(offers[offers.length - 1].by).toBe('panel');
          expect(p.signatures).toBeNull();
          const outcome = planOutcome(p, draft)!;
          expect(outcome.kind).toBe('refused');
          expect(outcome.terms).toEqual(applyTerms(termsFromDraft(draft), { targets: offers[0].targets }));
          break;
        }
        case 'agreed':
        case 'signed': {
          if (p.agreedAsIsAt) {
            expect([offers.length, p.answer]).toEqual([0, null]);
            expect(planOutcome(p, draft)).toEqual({ kind: 'agreed', terms: termsFromDraft(draft) });
          } else {
            const last = offers[offers.length - 1];
            expect(p.answer).toMatchObject({ kind: 'accept', round: last.round });
            expect(p.answer!.side).not.toBe(last.by);
            expect(
              respond(
                stateAfter(offers),
                { kind: 'accept' },
                p.answer!.side,
                p.answer!.at,
                phases.negotiationDeadline,
              ),
            ).toEqual({ ok: true, to: 'accepted' });
            expect(planOutcome(p, draft)!.kind).toBe('agreed');
          }
          const both = !!p.signatures?.opdHead && !!p.signatures?.headOfRegion;
          expect(both).toBe(p.status === 'signed');
          break;
        }
        default:
          throw new Error(`status ${p.status}`);
      }
    }
    // Agreed after one, two and three rounds, and once as it is.
    const agreedRounds = plans
      .filter((p) => p.status === 'agreed' || p.status === 'signed')
      .map((p) => p.rounds.length)
      .sort();
    expect(new Set(agreedRounds)).toEqual(new Set([0, 1, 2, 3]));
  });

  it('amends contracts within the rules: one approved, one still proposed', () => {
    const amended = plans.filter((p) => p.amendments.length);
    expect(amended.every((p) => p.status === 'signed')).toBe(true);
    expect(amended.flatMap((p) => p.amendments.map((a) => a.status)).sort()).toEqual([
      'approved',
      'proposed',
    ]);
    for (const p of amended) {
      const draft = draftOf(p);
      let terms = planOutcome(p, draft)!.terms;
      let version = 1;
      for (const a of p.amendments) {
        expect(a.changes.targets).toHaveLength(1);
        const problems = validateAmendment(
          {
            term: context,
            indicators: draft.indicators.map((i) => ({
              key: i.key,
              name: i.name,
              polarity: i.polarity,
              baseline: i.baseline.value,
            })),
            current: { version, terms, createdAt: today, amendmentId: null },
            hasOpenAmendment: false,
          },
          { changes: a.changes, reason: a.reason },
          ['opd_head'],
        );
        expect(problems).toEqual([]);
        if (a.status === 'approved') {
          expect(a.decidedAt!.getTime()).toBeGreaterThan(a.proposedAt.getTime());
          terms = applyTerms(terms, a.changes);
          version++;
        } else expect(a.decidedAt).toBeNull();
      }
    }
  });
});
