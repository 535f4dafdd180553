import type { Negotiation, OfferDto, TermsDto } from '../../../contract/agreements';

/**
 * The arithmetic of the comparison table and the offer form. An offer lists every target and
 * milestone date on which it differs from the original bid, so the terms of any round are the bid
 * with that round's entries laid over it.
 */

export type Target = TermsDto['targets'][number];
export type Indicator = Negotiation['indicators'][number];

export const targetKey = (indicatorKey: string, year: number) => `${indicatorKey}|${year}`;

export interface TermsView {
  targets: Map<string, Target>;
  milestones: Map<string, string>;
}

export function viewOf(terms: Pick<TermsDto, 'targets' | 'milestones'>): TermsView {
  return {
    targets: new Map(terms.targets.map((t) => [targetKey(t.indicatorKey, t.year), t])),
    milestones: new Map(terms.milestones.map((m) => [m.milestoneKey, m.date])),
  };
}

/** The original bid with one round's offer applied. */
export function roundView(original: TermsView, offer: OfferDto | null): TermsView {
  if (!offer) return original;
  const targets = new Map(original.targets);
  for (const t of offer.targets) targets.set(targetKey(t.indicatorKey, t.year), t);
  const milestones = new Map(original.milestones);
  for (const m of offer.milestoneDeadlines) milestones.set(m.milestoneKey, m.date);
  return { targets, milestones };
}

const n = (v: number | null | undefined) => (typeof v === 'number' ? v : null);

export function sameTarget(a: Target | undefined, b: Target | undefined): boolean {
  if (!a || !b) return a === b;
  return n(a.value) === n(b.value) && n(a.lower) === n(b.lower) && n(a.upper) === n(b.upper);
}

/** The years of an indicator that the bid has a target for, in order. */
export function yearsOf(original: TermsDto, indicatorKey: string): number[] {
  return [
    ...new Set(original.targets.filter((t) => t.indicatorKey === indicatorKey).map((t) => t.year)),
  ].sort((a, b) => a - b);
}

/** The offer standing now: the last round, or null before the first. */
export const standingOffer = (neg: Negotiation): OfferDto | null =>
  neg.rounds.length ? neg.rounds[neg.rounds.length - 1]! : null;
