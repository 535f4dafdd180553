import { createHash } from 'node:crypto';
import type { PactContent } from '../../../contract/agreements.js';
import type { ProposalDraft } from './proposal.domain.js';
import type { Terms } from './terms.js';

/**
 * The integrity pact (pakta integritas kesanggupan) and the contract rows it leads to, as pure
 * functions shared by the service and the demo seed: the pact's number, its public verification
 * code, the content snapshot and its hash, and the rows monitoring reads.
 */

/** `007/PI-LK/1.02.01/2026`: running number in the cycle, unit code, the year the pact is drawn up. */
export function pactNumber(sequence: number, unitCode: string, year: number): string {
  return `${String(sequence).padStart(3, '0')}/PI-LK/${unitCode}/${year}`;
}

/** Letters and digits that cannot be mistaken for one another when read aloud or typed (no 0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * A verification code like `AB2C-DE3F-GH4J` from 12 random bytes (about 59 bits): printed on the pact and
 * in its QR code, it is the only key to the public check, so it must not be guessable.
 */
export function verificationCode(random: Uint8Array): string {
  if (random.length < 12) throw new Error('Kode verifikasi perlu 12 byte acak');
  const chars = Array.from(random.slice(0, 12), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8, 12).join('')}`;
}

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 (hex) of the canonical JSON of the pact's content. */
export function pactHash(content: PactContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

export interface PactFacts {
  number: string;
  regionName: string;
  cycleName: string;
  term: { startYear: number; endYear: number };
  unit: { code: string; name: string };
  opdHead: { name: string; nip: string | null };
  headOfRegion: { name: string; title: string };
  missionName: string | null;
  themeName: string | null;
  score: number | null;
  rounds: number;
  issuedAt: Date;
}

/**
 * The pact's content: the program and, per indicator, the baseline with its source and the targets
 * per year: the agreed ones, or, for a refusal, the last panel offer that was refused (so the pact
 * records what the unit declined) with the reason.
 */
export function buildPactContent(
  facts: PactFacts,
  draft: ProposalDraft,
  outcome: { kind: 'agreed'; terms: Terms } | { kind: 'refused'; terms: Terms; reason: string },
): PactContent {
  const { terms } = outcome;
  const dates = new Map(terms.milestones.map((m) => [m.milestoneKey, m.date]));
  return {
    number: facts.number,
    regionName: facts.regionName,
    cycleName: facts.cycleName,
    term: facts.term,
    unit: facts.unit,
    opdHead: facts.opdHead,
    headOfRegion: facts.headOfRegion,
    program: {
      title: draft.title,
      problemStatement: draft.problemStatement,
      missionName: facts.missionName,
      themeName: facts.themeName,
    },
    outcome: outcome.kind,
    refusalReason: outcome.kind === 'refused' ? outcome.reason : null,
    score: facts.score,
    rounds: facts.rounds,
    indicators: draft.indicators.map((ind) => ({
      key: ind.key,
      name: ind.name,
      unit: ind.unit,
      polarity: ind.polarity,
      baseline: { value: ind.baseline.value, year: ind.baseline.year, source: ind.baseline.source },
      targets: terms.targets
        .filter((t) => t.indicatorKey === ind.key)
        .map((t) =>
          ind.polarity === 'range'
            ? { year: t.year, lower: t.lower ?? null, upper: t.upper ?? null }
            : { year: t.year, value: t.value ?? null },
        ),
    })),
    milestones: draft.milestones.map((m) => ({
      key: m.key,
      title: m.title,
      date: dates.get(m.key) ?? m.dueDate,
    })),
    budget: terms.budget.map((b) => ({ year: b.year, amount: b.amount })),
    issuedAt: facts.issuedAt.toISOString(),
  };
}

/** The rows monitoring reads for a contract: indicators, targets per year, milestones. */
export function contractRows(regionId: string, contractId: string, draft: ProposalDraft, terms: Terms) {
  return {
    indicators: draft.indicators.map((ind, position) => ({
      regionId,
      contractId,
      key: ind.key,
      position,
      name: ind.name,
      unit: ind.unit,
      polarity: ind.polarity,
      aggregation: ind.aggregation,
      frequency: ind.frequency,
      weight: ind.weight ?? 0,
      baselineValue: ind.baseline.value,
      baselineYear: ind.baseline.year,
      baselineSource: ind.baseline.source,
    })),
    targets: terms.targets.map((t) => ({
      regionId,
      contractId,
      indicatorKey: t.indicatorKey,
      year: t.year,
      value: t.value ?? null,
      lower: t.lower ?? null,
      upper: t.upper ?? null,
    })),
    milestones: draft.milestones.map((m, position) => ({
      regionId,
      contractId,
      key: m.key,
      position,
      title: m.title,
      dueDate: terms.milestones.find((x) => x.milestoneKey === m.key)?.date ?? m.dueDate,
    })),
  };
}
