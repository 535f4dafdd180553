import type { CycleDto, Theme } from '../../src/contract/cycles.js';
import type { Proposal, ProposalDocument } from '../../src/contract/proposals.js';
import type { Client, World } from './harness.js';

/** A local calendar day (WIB) relative to today, so drafting is open whatever day a test runs. */
export const localDay = (offset: number) =>
  new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

async function json<T>(
  p: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status: number,
): Promise<T> {
  const res = await p;
  if (res.statusCode !== status) throw new Error(`fixture request failed: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** A cycle open for drafting today (sessions in a few days) with one mission and one theme. */
export async function openCycleWithTheme(
  admin: Client,
  name: string,
): Promise<{ cycle: CycleDto; theme: Theme }> {
  const startYear = Number(localDay(-3).slice(0, 4)) + 1;
  const mission = await json<{ id: string }>(
    admin.post('/api/missions', {
      termStart: startYear,
      termEnd: startYear + 4,
      number: 9,
      title: `Misi ${name}`,
    }),
    201,
  );
  const cycle = await json<CycleDto>(
    admin.post('/api/cycles', {
      name,
      startYear,
      endYear: startYear + 4,
      phases: {
        draftingStart: localDay(-3),
        submissionDeadline: localDay(3),
        sessionsStart: localDay(5),
        sessionsEnd: localDay(6),
        negotiationDeadline: localDay(10),
        signingDeadline: localDay(12),
      },
    }),
    201,
  );
  const theme = await json<Theme>(
    admin.post(`/api/cycles/${cycle.id}/themes`, {
      missionId: mission.id,
      name: 'Penurunan Angka Kematian Ibu',
      outcomeIndicatorName: 'Angka kematian ibu',
      outcomeIndicatorUnit: 'per 100.000 KH',
      outcomePolarity: 'lower_is_better',
    }),
    201,
  );
  return { cycle, theme };
}

/** A draft that passes the completeness check for the cycle's term. */
export function completeDocument(cycle: CycleDto, theme: Theme, title: string): ProposalDocument {
  const years = Array.from({ length: cycle.endYear - cycle.startYear + 1 }, (_, i) => cycle.startYear + i);
  return {
    title,
    problemStatement: 'Masalah yang didukung data kohort ibu hamil.',
    missionId: theme.missionId,
    themeId: theme.id,
    leadShare: 100,
    collaborators: [],
    budget: years.map((year) => ({ year, amount: 1_000_000_000 })),
    indicators: [
      {
        key: 'aki',
        name: 'Angka kematian ibu',
        unit: 'per 100.000 KH',
        polarity: 'lower_is_better',
        aggregation: 'latest',
        frequency: 'quarterly',
        weight: 100,
        baseline: { value: 120, year: cycle.startYear - 1, source: 'Dinas Kesehatan', breakdown: [] },
        targets: years.map((year, i) => ({ year, value: 110 - i * 5 })),
      },
    ],
    milestones: [{ key: 'm1', title: 'Pendataan ibu hamil', dueDate: `${cycle.startYear}-03-31` }],
  };
}

/** Drafted by the operator, submitted by the head of the same unit. */
export async function submittedProposal(
  w: World,
  operator: Client,
  head: Client,
  cycle: CycleDto,
  theme: Theme,
  title: string,
): Promise<Proposal> {
  const draft = await json<Proposal>(operator.post('/api/proposals', { cycleId: cycle.id }), 201);
  const saved = await json<Proposal>(
    operator.put(`/api/proposals/${draft.id}`, {
      document: completeDocument(cycle, theme, title),
      version: draft.version,
    }),
    200,
  );
  void w;
  return json<Proposal>(head.post(`/api/proposals/${saved.id}/submit`, { version: saved.version }), 200);
}
