import { z } from 'zod';
import { fieldErrorSchema, idParams, pageOf, pageQuery, versionSchema } from './common.js';
import { polarities } from './cycles.js';
import { route } from './route.js';

/**
 * A proposal (usulan program) as the OPD drafts it. Drafts may be incomplete: every value may be
 * empty until submission, when the completeness check (server) lists what is missing.
 */
const num = z.number().finite().nullable();
const shortText = (max: number) => z.string().max(max, `Paling banyak ${max} karakter`);
const key = z
  .string()
  .trim()
  .min(1, 'Kunci wajib diisi')
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'Kunci hanya huruf, angka, - dan _');

export const aggregations = ['sum', 'latest', 'average'] as const;
export const frequencies = ['monthly', 'quarterly', 'semester', 'yearly'] as const;
export const proposalStatuses = [
  'draft',
  'submitted',
  'in_session',
  'scored',
  'in_negotiation',
  'agreed',
  'refused',
  'signed',
  'withdrawn',
] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

export const indicatorDraftSchema = z
  .object({
    key,
    name: shortText(300),
    unit: shortText(60),
    polarity: z.enum(polarities, { message: 'Arah indikator harus naik, turun atau rentang' }),
    aggregation: z.enum(aggregations, { message: 'Agregasi harus jumlah, terakhir atau rata-rata' }),
    frequency: z.enum(frequencies, { message: 'Frekuensi pelaporan tidak dikenal' }),
    weight: num,
    baseline: z
      .object({
        value: num,
        year: z.number().int().nullable(),
        source: shortText(500),
        breakdown: z
          .array(z.object({ label: shortText(200), value: num }).strict())
          .max(50, 'Paling banyak 50 baris rincian'),
      })
      .strict(),
    targets: z
      .array(
        z
          .object({
            year: z.number().int(),
            value: num.optional(),
            lower: num.optional(),
            upper: num.optional(),
          })
          .strict(),
      )
      .max(10),
  })
  .strict();

export const proposalDocumentSchema = z
  .object({
    title: shortText(300),
    problemStatement: shortText(10000),
    missionId: z.uuid().nullable(),
    themeId: z.uuid().nullable(),
    leadShare: num,
    collaborators: z
      .array(z.object({ unitId: z.uuid({ message: 'Unit kolaborator tidak valid' }), share: num }).strict())
      .max(30),
    budget: z.array(z.object({ year: z.number().int(), amount: num }).strict()).max(10),
    indicators: z.array(indicatorDraftSchema).max(30, 'Paling banyak 30 indikator'),
    milestones: z
      .array(z.object({ key, title: shortText(300), dueDate: z.string().max(10) }).strict())
      .max(100),
  })
  .strict();
export type ProposalDocument = z.infer<typeof proposalDocumentSchema>;

export const emptyDocument: ProposalDocument = {
  title: '',
  problemStatement: '',
  missionId: null,
  themeId: null,
  leadShare: null,
  collaborators: [],
  budget: [],
  indicators: [],
  milestones: [],
};

export const proposalSchema = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  cycleName: z.string(),
  leadUnitId: z.uuid(),
  leadUnitName: z.string(),
  status: z.enum(proposalStatuses),
  title: z.string(),
  document: proposalDocumentSchema,
  /** The completeness problems of the current draft (empty when ready to submit). */
  problems: z.array(fieldErrorSchema),
  /** The submission deadline that applies to the lead unit (with its extension), ISO instant. */
  submissionDeadline: z.string(),
  submissionOpen: z.boolean(),
  submittedAt: z.string().nullable(),
  submittedByName: z.string().nullable(),
  /** What the caller may do now, so the UI shows only possible actions. */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), withdraw: z.boolean(), reopen: z.boolean() }),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const proposalListItemSchema = proposalSchema.omit({ document: true, problems: true }).extend({
  problemCount: z.number().int(),
  themeId: z.uuid().nullable(),
});

export const createProposalBody = z
  .object({
    cycleId: z.uuid({ message: 'Siklus wajib dipilih' }),
    /** Needed only when the caller drafts for more than one unit. */
    leadUnitId: z.uuid().optional(),
    title: shortText(300).optional(),
  })
  .strict();
export const saveProposalBody = z
  .object({ document: proposalDocumentSchema, version: versionSchema })
  .strict();
export const proposalVersionBody = z.object({ version: versionSchema }).strict();

export const proposalListQuery = pageQuery.extend({
  cycleId: z.uuid().optional(),
  status: z.enum(proposalStatuses).optional(),
  workUnitId: z.uuid().optional(),
});

export const proposalRoutes = {
  list: route({
    method: 'GET',
    path: '/api/proposals',
    summary: 'Daftar usulan program',
    tag: 'proposals',
    query: proposalListQuery,
    response: pageOf(proposalListItemSchema),
  }),
  get: route({
    method: 'GET',
    path: '/api/proposals/:id',
    summary: 'Detail usulan',
    tag: 'proposals',
    params: idParams,
    response: proposalSchema,
  }),
  create: route({
    method: 'POST',
    path: '/api/proposals',
    summary: 'Mulai draf usulan',
    tag: 'proposals',
    body: createProposalBody,
    response: proposalSchema,
    status: 201,
  }),
  save: route({
    method: 'PUT',
    path: '/api/proposals/:id',
    summary: 'Simpan draf (autosave)',
    tag: 'proposals',
    params: idParams,
    body: saveProposalBody,
    response: proposalSchema,
  }),
  submit: route({
    method: 'POST',
    path: '/api/proposals/:id/submit',
    summary: 'Ajukan usulan (Kepala OPD)',
    tag: 'proposals',
    params: idParams,
    body: proposalVersionBody,
    response: proposalSchema,
  }),
  withdraw: route({
    method: 'POST',
    path: '/api/proposals/:id/withdraw',
    summary: 'Tarik usulan (Kepala OPD)',
    tag: 'proposals',
    params: idParams,
    body: proposalVersionBody,
    response: proposalSchema,
  }),
  reopen: route({
    method: 'POST',
    path: '/api/proposals/:id/reopen',
    summary: 'Kembalikan usulan ke draf (Admin Daerah)',
    tag: 'proposals',
    params: idParams,
    body: proposalVersionBody,
    response: proposalSchema,
  }),
};
