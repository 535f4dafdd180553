import { z } from 'zod';
import { idParams, idSchema, pageOf, pageQuery, text, versionSchema } from './common.js';
import { polarities } from './cycles.js';
import { aggregations, frequencies, proposalStatuses } from './proposals.js';
import { route } from './route.js';

/**
 * After the scoring: the negotiation of counter-offers, the integrity pact (with its public
 * verification) and the contract with amendments.
 */

const num = z.number().finite().nullable().optional();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Format tanggal harus YYYY-MM-DD');

export const targetEntrySchema = z
  .object({
    indicatorKey: z.string().min(1).max(40),
    year: z.number().int(),
    value: num,
    lower: num,
    upper: num,
  })
  .strict();
export const milestoneDateSchema = z.object({ milestoneKey: z.string().min(1).max(40), date: day }).strict();
export const budgetLineSchema = z.object({ year: z.number().int(), amount: z.number() }).strict();
export const termsSchema = z.object({
  targets: z.array(targetEntrySchema),
  milestones: z.array(milestoneDateSchema),
  budget: z.array(budgetLineSchema),
});
export type TermsDto = z.infer<typeof termsSchema>;

export const negotiationStates = [
  'awaiting_opd',
  'awaiting_panel',
  'accepted',
  'refused',
  'expired',
] as const;
export type NegotiationStateDto = (typeof negotiationStates)[number];
export const sides = ['panel', 'opd'] as const;

export const offerSchema = z.object({
  round: z.number().int(),
  side: z.enum(sides),
  targets: z.array(targetEntrySchema),
  milestoneDeadlines: z.array(milestoneDateSchema),
  reason: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
});
export type OfferDto = z.infer<typeof offerSchema>;

export const negotiationSchema = z.object({
  proposalId: z.uuid(),
  title: z.string(),
  leadUnitId: z.uuid(),
  leadUnitName: z.string(),
  status: z.enum(proposalStatuses),
  /** Null before the first offer. */
  state: z.enum(negotiationStates).nullable(),
  /** End of the negotiation (inclusive), ISO instant: the cycle's, or this proposal's extension. */
  deadline: z.string(),
  /** The extension granted by the admin for this proposal, if any. */
  extension: z.object({ deadline: z.string(), reason: z.string() }).nullable(),
  term: z.object({ startYear: z.number().int(), endYear: z.number().int() }),
  /** The panel's aggregated score, once scoring is complete. */
  score: z.number().nullable(),
  indicators: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      unit: z.string(),
      polarity: z.enum(polarities),
      baseline: z.object({ value: z.number().nullable(), year: z.number().nullable(), source: z.string() }),
    }),
  ),
  milestones: z.array(z.object({ key: z.string(), title: z.string() })),
  /** The bid as submitted. */
  original: termsSchema,
  /** Every offer, oldest first; never changed. */
  rounds: z.array(offerSchema),
  /** The closing answer (accept, refuse, or the deadline passing). */
  answer: z
    .object({
      round: z.number().int(),
      side: z.enum(['panel', 'opd', 'system']),
      kind: z.enum(['accept', 'refuse', 'expire']),
      reason: z.string().nullable(),
      createdAt: z.string(),
      createdByName: z.string().nullable(),
    })
    .nullable(),
  /** What was agreed (the accepted round over the bid); null unless accepted. */
  agreed: termsSchema.nullable(),
  /** What the caller may do now. */
  can: z.object({
    /** Panel: make the first offer or answer a counter with a new offer. */
    offer: z.boolean(),
    /** OPD head: counter the panel's offer. */
    counter: z.boolean(),
    accept: z.boolean(),
    refuse: z.boolean(),
    /** Panel: take the bid as it is, without an offer. */
    agreeAsIs: z.boolean(),
    /** Admin: give this proposal a later negotiation deadline. */
    extend: z.boolean(),
  }),
  /** Which side the caller acts for, if any. */
  side: z.enum(sides).nullable(),
  version: z.number().int(),
});
export type Negotiation = z.infer<typeof negotiationSchema>;

export const offerBody = z
  .object({
    targets: z.array(targetEntrySchema).max(300),
    milestoneDeadlines: z.array(milestoneDateSchema).max(100),
    reason: text(2000, 'Alasan'),
    /** The number of rounds the caller saw: a round made meanwhile answers 409. */
    rounds: z.number().int().min(0),
  })
  .strict();
export const acceptBody = z.object({ round: z.number().int().min(1) }).strict();
export const refuseBody = z
  .object({ round: z.number().int().min(1), reason: text(2000, 'Alasan penolakan') })
  .strict();
export const agreeAsIsBody = z.object({ version: versionSchema }).strict();
export const extensionBody = z
  .object({
    deadline: day,
    reason: text(1000, 'Alasan perpanjangan'),
    version: versionSchema,
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Integrity pact

export const signatories = ['opd_head', 'head_of_region'] as const;

/** The snapshot the pact prints; its canonical JSON is hashed. */
export const pactContentSchema = z.object({
  number: z.string(),
  regionName: z.string(),
  cycleName: z.string(),
  term: z.object({ startYear: z.number().int(), endYear: z.number().int() }),
  unit: z.object({ code: z.string(), name: z.string() }),
  opdHead: z.object({ name: z.string(), nip: z.string().nullable() }),
  headOfRegion: z.object({ name: z.string(), title: z.string() }),
  program: z.object({
    title: z.string(),
    problemStatement: z.string(),
    missionName: z.string().nullable(),
    themeName: z.string().nullable(),
  }),
  outcome: z.enum(['agreed', 'refused']),
  refusalReason: z.string().nullable(),
  score: z.number().nullable(),
  rounds: z.number().int(),
  indicators: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      unit: z.string(),
      polarity: z.enum(polarities),
      baseline: z.object({ value: z.number().nullable(), year: z.number().nullable(), source: z.string() }),
      targets: z.array(
        z.object({
          year: z.number().int(),
          value: z.number().nullable().optional(),
          lower: z.number().nullable().optional(),
          upper: z.number().nullable().optional(),
        }),
      ),
    }),
  ),
  milestones: z.array(z.object({ key: z.string(), title: z.string(), date: z.string() })),
  budget: z.array(budgetLineSchema),
  /** ISO instant the pact was drawn up. */
  issuedAt: z.string(),
});
export type PactContent = z.infer<typeof pactContentSchema>;

const signatureSchema = z.object({ signedAt: z.string(), name: z.string() }).nullable();

export const pactSchema = z.object({
  id: z.uuid(),
  proposalId: z.uuid(),
  number: z.string(),
  outcome: z.enum(['agreed', 'refused']),
  verificationCode: z.string(),
  /** Absolute public URL where anyone checks the pact. */
  verificationUrl: z.string(),
  contentHash: z.string(),
  content: pactContentSchema,
  signatures: z.object({ opdHead: signatureSchema, headOfRegion: signatureSchema }),
  /** The roles the caller may sign as now. */
  canSignAs: z.array(z.enum(signatories)),
  contractId: z.uuid().nullable(),
  version: z.number().int(),
});
export type Pact = z.infer<typeof pactSchema>;

export const signBody = z
  .object({
    as: z.enum(signatories, { message: 'Pilih peran penandatangan' }),
    password: z.string({ message: 'Kata sandi wajib diisi' }).min(1, 'Kata sandi wajib diisi').max(200),
  })
  .strict();

export const verificationParams = z.object({
  code: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/, 'Kode verifikasi tidak valid'),
});

/** What the public verification page shows: no personal data beyond the parties' names and offices. */
export const pactVerificationSchema = z.object({
  number: z.string(),
  regionName: z.string(),
  /** The region's time zone, to show the instants as the region reads them. */
  timezone: z.string(),
  cycleName: z.string(),
  programTitle: z.string(),
  outcome: z.enum(['agreed', 'refused']),
  parties: z.array(z.object({ role: z.enum(signatories), office: z.string(), name: z.string() })),
  issuedAt: z.string(),
  signatures: z.object({
    opdHeadSignedAt: z.string().nullable(),
    headOfRegionSignedAt: z.string().nullable(),
  }),
  contentHash: z.string(),
});
export type PactVerification = z.infer<typeof pactVerificationSchema>;

// ---------------------------------------------------------------------------------------------
// Contracts and amendments

export const termsChangeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('target'),
    indicatorKey: z.string(),
    year: z.number().int(),
    before: z.object({ value: num, lower: num, upper: num }).nullable(),
    after: z.object({ value: num, lower: num, upper: num }).nullable(),
  }),
  z.object({
    kind: z.literal('milestone'),
    milestoneKey: z.string(),
    before: z.string().nullable(),
    after: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('budget'),
    year: z.number().int(),
    before: z.number().nullable(),
    after: z.number().nullable(),
  }),
]);
export type TermsChangeDto = z.infer<typeof termsChangeSchema>;

export const amendmentStatuses = ['proposed', 'approved', 'rejected', 'withdrawn'] as const;

export const amendmentSchema = z.object({
  id: z.uuid(),
  baseVersion: z.number().int(),
  reason: z.string(),
  status: z.enum(amendmentStatuses),
  /** The proposed changes against the base version. */
  changes: z.array(termsChangeSchema),
  proposedByName: z.string(),
  createdAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  can: z.object({ approve: z.boolean(), reject: z.boolean(), withdraw: z.boolean() }),
  version: z.number().int(),
});
export type Amendment = z.infer<typeof amendmentSchema>;

export const contractListItemSchema = z.object({
  id: z.uuid(),
  proposalId: z.uuid(),
  title: z.string(),
  workUnitId: z.uuid(),
  workUnitName: z.string(),
  cycleId: z.uuid(),
  cycleName: z.string(),
  pactNumber: z.string(),
  currentVersion: z.number().int(),
  signedAt: z.string(),
  openAmendment: z.boolean(),
});

export const contractSchema = contractListItemSchema.extend({
  verificationCode: z.string(),
  term: z.object({ startYear: z.number().int(), endYear: z.number().int() }),
  indicators: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      unit: z.string(),
      polarity: z.enum(polarities),
      aggregation: z.enum(aggregations),
      frequency: z.enum(frequencies),
      weight: z.number(),
      baseline: z.object({ value: z.number().nullable(), year: z.number().nullable(), source: z.string() }),
    }),
  ),
  milestones: z.array(z.object({ key: z.string(), title: z.string() })),
  /** Current terms (the latest version). */
  terms: termsSchema,
  /** Every version, newest first, each with what changed from the one before. */
  versions: z.array(
    z.object({
      version: z.number().int(),
      terms: termsSchema,
      createdAt: z.string(),
      amendmentId: z.uuid().nullable(),
      changes: z.array(termsChangeSchema),
    }),
  ),
  amendments: z.array(amendmentSchema),
  can: z.object({ amend: z.boolean() }),
  version: z.number().int(),
});
export type Contract = z.infer<typeof contractSchema>;

export const contractListQuery = pageQuery.extend({
  cycleId: z.uuid().optional(),
  workUnitId: z.uuid().optional(),
});

export const amendmentBody = z
  .object({
    changes: z
      .object({
        targets: z.array(targetEntrySchema).max(300).optional(),
        milestones: z.array(milestoneDateSchema).max(100).optional(),
        budget: z.array(budgetLineSchema).max(10).optional(),
      })
      .strict(),
    reason: text(2000, 'Alasan perubahan'),
  })
  .strict();
export const amendmentParams = z.object({ id: idSchema, amendmentId: idSchema });
export const decisionBody = z
  .object({
    version: versionSchema,
    reason: z.string().trim().max(2000, 'Alasan paling banyak 2000 karakter').optional(),
  })
  .strict();

export const agreementRoutes = {
  negotiation: route({
    method: 'GET',
    path: '/api/proposals/:id/negotiation',
    summary: 'Negosiasi usulan: tawaran per putaran',
    tag: 'negotiation',
    params: idParams,
    response: negotiationSchema,
  }),
  offer: route({
    method: 'POST',
    path: '/api/proposals/:id/negotiation/offers',
    summary: 'Ajukan tawaran (panel) atau tawaran balik (Kepala OPD)',
    tag: 'negotiation',
    params: idParams,
    body: offerBody,
    response: negotiationSchema,
  }),
  accept: route({
    method: 'POST',
    path: '/api/proposals/:id/negotiation/accept',
    summary: 'Terima tawaran yang berlaku',
    tag: 'negotiation',
    params: idParams,
    body: acceptBody,
    response: negotiationSchema,
  }),
  refuse: route({
    method: 'POST',
    path: '/api/proposals/:id/negotiation/refuse',
    summary: 'Tolak tawaran panel (Kepala OPD)',
    tag: 'negotiation',
    params: idParams,
    body: refuseBody,
    response: negotiationSchema,
  }),
  agreeAsIs: route({
    method: 'POST',
    path: '/api/proposals/:id/agree',
    summary: 'Sepakati usulan tanpa tawaran (Kepala Daerah)',
    tag: 'negotiation',
    params: idParams,
    body: agreeAsIsBody,
    response: negotiationSchema,
  }),
  extend: route({
    method: 'POST',
    path: '/api/proposals/:id/negotiation/extension',
    summary: 'Perpanjang batas waktu negosiasi satu usulan (Admin Daerah)',
    tag: 'negotiation',
    params: idParams,
    body: extensionBody,
    response: negotiationSchema,
  }),
  pact: route({
    method: 'GET',
    path: '/api/proposals/:id/pact',
    summary: 'Pakta integritas usulan',
    tag: 'pacts',
    params: idParams,
    response: pactSchema,
  }),
  pactPdf: route({
    method: 'GET',
    path: '/api/proposals/:id/pact.pdf',
    summary: 'Unduh pakta integritas (PDF)',
    tag: 'pacts',
    params: idParams,
    response: z.string(),
  }),
  sign: route({
    method: 'POST',
    path: '/api/proposals/:id/pact/sign',
    summary: 'Tanda tangani pakta integritas (dengan kata sandi)',
    tag: 'pacts',
    params: idParams,
    body: signBody,
    response: pactSchema,
  }),
  verify: route({
    method: 'GET',
    path: '/api/public/pacts/:code',
    summary: 'Verifikasi publik pakta integritas',
    tag: 'pacts',
    params: verificationParams,
    response: pactVerificationSchema,
  }),
  contracts: route({
    method: 'GET',
    path: '/api/contracts',
    summary: 'Daftar kontrak kinerja',
    tag: 'contracts',
    query: contractListQuery,
    response: pageOf(contractListItemSchema),
  }),
  contract: route({
    method: 'GET',
    path: '/api/contracts/:id',
    summary: 'Detail kontrak kinerja dengan versi dan perubahan',
    tag: 'contracts',
    params: idParams,
    response: contractSchema,
  }),
  amend: route({
    method: 'POST',
    path: '/api/contracts/:id/amendments',
    summary: 'Usulkan perubahan kontrak',
    tag: 'contracts',
    params: idParams,
    body: amendmentBody,
    response: contractSchema,
    status: 201,
  }),
  approveAmendment: route({
    method: 'POST',
    path: '/api/contracts/:id/amendments/:amendmentId/approve',
    summary: 'Setujui perubahan kontrak (Kepala Daerah)',
    tag: 'contracts',
    params: amendmentParams,
    body: decisionBody,
    response: contractSchema,
  }),
  rejectAmendment: route({
    method: 'POST',
    path: '/api/contracts/:id/amendments/:amendmentId/reject',
    summary: 'Tolak perubahan kontrak (Kepala Daerah)',
    tag: 'contracts',
    params: amendmentParams,
    body: decisionBody,
    response: contractSchema,
  }),
  withdrawAmendment: route({
    method: 'POST',
    path: '/api/contracts/:id/amendments/:amendmentId/withdraw',
    summary: 'Tarik usulan perubahan (pengusul)',
    tag: 'contracts',
    params: amendmentParams,
    body: decisionBody,
    response: contractSchema,
  }),
};
