import { z } from 'zod';
import { idParams } from './common.js';
import { proposalStatuses } from './proposals.js';
import { route } from './route.js';

/**
 * The cycle board: every unit's proposals by phase, the ranking by score, coverage of missions and
 * themes, and the requested budget against the ceiling (with the ranking by score per Rupiah).
 */

/** The phases the board groups by (domain words, not every internal status). */
export const boardPhases = [
  'draft',
  'submitted',
  'scored',
  'in_negotiation',
  'agreed',
  'refused',
  'signed',
] as const;
export type BoardPhase = (typeof boardPhases)[number];

export const boardProposalSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(proposalStatuses),
  phase: z.enum(boardPhases).nullable(),
  leadUnitId: z.uuid(),
  leadUnitName: z.string(),
  themeId: z.uuid().nullable(),
  score: z.number().nullable(),
  /** Sum of the budget requested over the term, whole Rupiah. */
  budgetTotal: z.number(),
  /** Score per billion Rupiah requested (null without score or budget). */
  scorePerBillion: z.number().nullable(),
  contractId: z.uuid().nullable(),
});

export const boardSchema = z.object({
  cycle: z.object({
    id: z.uuid(),
    name: z.string(),
    startYear: z.number().int(),
    endYear: z.number().int(),
    hasBudget: z.boolean(),
  }),
  /** How many proposals are in each phase. */
  phases: z.array(z.object({ phase: z.enum(boardPhases), count: z.number().int() })),
  /** Every unit of the region, with its proposals in this cycle (units without one too). */
  units: z.array(
    z.object({
      unitId: z.uuid(),
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      proposals: z.array(boardProposalSchema),
    }),
  ),
  /** Scored proposals by score, best first; ties share a rank. */
  ranking: z.array(boardProposalSchema.extend({ rank: z.number().int() })),
  /** By score per billion Rupiah, best first (only when the cycle allocates budget). */
  rankingPerRupiah: z.array(boardProposalSchema.extend({ rank: z.number().int() })),
  coverage: z.array(
    z.object({
      missionId: z.uuid(),
      missionNumber: z.number().int(),
      missionName: z.string(),
      proposalCount: z.number().int(),
      themes: z.array(
        z.object({
          themeId: z.uuid(),
          name: z.string(),
          contributors: z.array(
            z.object({
              unitId: z.uuid(),
              unitName: z.string(),
              /** Contribution share in percent. */
              share: z.number(),
              proposalId: z.uuid(),
              status: z.enum(proposalStatuses),
              lead: z.boolean(),
            }),
          ),
        }),
      ),
    }),
  ),
  budget: z.array(
    z.object({
      year: z.number().int(),
      ceiling: z.number().nullable(),
      /** Requested by proposals still in the running (submitted and beyond, not refused or withdrawn). */
      requested: z.number(),
      /** Of agreed and signed proposals. */
      agreed: z.number(),
      over: z.boolean(),
    }),
  ),
});
export type Board = z.infer<typeof boardSchema>;

export const boardRoutes = {
  board: route({
    method: 'GET',
    path: '/api/cycles/:id/board',
    summary: 'Papan siklus: fase, peringkat, cakupan, anggaran',
    tag: 'board',
    params: idParams,
    response: boardSchema,
  }),
  boardXlsx: route({
    method: 'GET',
    path: '/api/cycles/:id/board.xlsx',
    summary: 'Ekspor papan siklus (XLSX)',
    tag: 'board',
    params: idParams,
    response: z.string(),
  }),
  resultsPdf: route({
    method: 'GET',
    path: '/api/cycles/:id/results.pdf',
    summary: 'Hasil siklus (PDF)',
    tag: 'board',
    params: idParams,
    response: z.string(),
  }),
};
