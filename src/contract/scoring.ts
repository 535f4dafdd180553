import { z } from 'zod';
import { idParams, text } from './common.js';
import { route } from './route.js';

export const criterionScoreSchema = z
  .object({
    criterionCode: z.string().max(40),
    score: z.number({ message: 'Nilai wajib diisi' }),
    note: z.string().trim().max(2000, 'Catatan paling banyak 2000 karakter').nullable().optional(),
  })
  .strict();

export const aggregateSchema = z.object({
  score: z.number().nullable(),
  complete: z.boolean(),
  scoredBy: z.number().int(),
  expected: z.number().int(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  stdDev: z.number().nullable(),
});

export const scoringSchema = z.object({
  proposalId: z.uuid(),
  sessionId: z.uuid(),
  /** Scores are accepted only while the session is in progress (opened by the chair). */
  sessionStatus: z.enum(['scheduled', 'in_progress', 'closed', 'cancelled']),
  rubric: z.array(z.object({ code: z.string(), name: z.string(), weight: z.number() })),
  /** The caller's own sheet when they sit on the panel. */
  mine: z
    .object({
      conflict: z.boolean(),
      conflictReason: z.string().nullable(),
      scores: z.array(criterionScoreSchema),
      submitted: z.boolean(),
      total: z.number().nullable(),
      version: z.number().int(),
    })
    .nullable(),
  /** Who has handed in (names only; scores stay private until the panel is complete). */
  panel: z.array(
    z.object({
      userId: z.uuid(),
      fullName: z.string(),
      state: z.enum(['pending', 'draft', 'submitted', 'conflict']),
    }),
  ),
  /** Shown to the chair, the head of region and the admin once every non-conflicted panelist submitted. */
  aggregate: aggregateSchema.nullable(),
});
export type Scoring = z.infer<typeof scoringSchema>;

export const saveScoresBody = z
  .object({
    scores: z.array(criterionScoreSchema).max(10),
    /** Hand in: final, no further change. */
    submit: z.boolean(),
    /** The version of the caller's sheet, when one exists. */
    version: z.number().int().min(1).optional(),
  })
  .strict();

export const conflictBody = z.object({ reason: text(1000, 'Alasan konflik kepentingan') }).strict();

export const scoringRoutes = {
  get: route({
    method: 'GET',
    path: '/api/proposals/:id/scoring',
    summary: 'Lembar penilaian usulan',
    tag: 'scoring',
    params: idParams,
    response: scoringSchema,
  }),
  save: route({
    method: 'PUT',
    path: '/api/proposals/:id/scores',
    summary: 'Simpan atau serahkan nilai (panelis)',
    tag: 'scoring',
    params: idParams,
    body: saveScoresBody,
    response: scoringSchema,
  }),
  conflict: route({
    method: 'POST',
    path: '/api/proposals/:id/conflict',
    summary: 'Nyatakan konflik kepentingan (panelis)',
    tag: 'scoring',
    params: idParams,
    body: conflictBody,
    response: scoringSchema,
  }),
};
