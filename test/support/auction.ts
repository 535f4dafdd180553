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

/** Every rubric criterion of the default rubric with the given scores, in order. */
export const fullScores = (a: number, b: number, c: number, d: number, e: number) => [
  { criterionCode: 'baseline_data_quality', score: a },
  { criterionCode: 'target_ambition', score: b },
  { criterionCode: 'mission_alignment', score: c },
  { criterionCode: 'feasibility_budget', score: d },
  { criterionCode: 'integration', score: e },
];

/**
 * A proposal of unit u1 submitted, put on a session chaired by the head of region (`kepala`) with the
 * given panelists, and scored by all of them: status `scored`.
 */
export async function scoredProposal(
  w: World,
  cycle: CycleDto,
  theme: Theme,
  title: string,
  panelists: { id: string; client: Client }[],
): Promise<Proposal> {
  const admin = await w.login('admin');
  const p = await submittedProposal(
    w,
    await w.login('operator1'),
    await w.login('kaopd1'),
    cycle,
    theme,
    title,
  );
  const session = await json<{ id: string; version: number }>(
    admin.post('/api/sessions', {
      cycleId: cycle.id,
      title: `Sidang ${title}`,
      date: localDay(5),
      place: 'Ngalam Command Center',
      chairUserId: w.a.users.kepala,
      panelUserIds: panelists.map((x) => x.id),
      proposalIds: [p.id],
    }),
    201,
  );
  // The chair opens the session: the panelists' sheets accept scores from now on.
  await json(
    (await w.login('kepala')).post(`/api/sessions/${session.id}/open`, { version: session.version }),
    200,
  );
  for (const [i, x] of panelists.entries())
    await json(
      x.client.put(`/api/proposals/${p.id}/scores`, {
        scores: fullScores(80 - i * 10, 70, 75, 60, 65),
        submit: true,
      }),
      200,
    );
  return json<Proposal>(admin.get(`/api/proposals/${p.id}`), 200);
}
