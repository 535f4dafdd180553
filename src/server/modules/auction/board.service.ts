import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { boardPhases, type Board, type BoardPhase } from '../../../contract/board.js';
import type { ProposalDocument, ProposalStatus } from '../../../contract/proposals.js';
import type { DbOrTx } from '../../db/client.js';
import {
  auctionSessions,
  contracts,
  cycles,
  missions,
  proposals,
  proposalScores,
  regions,
  sessionAgenda,
  sessionPanelists,
  themes,
  workUnits,
} from '../../db/schema.js';
import { AppError } from '../../platform/errors.js';
import { formatId, formatRupiah, pdfTable, renderPdf, type PdfContent } from '../../platform/pdf.js';
import type { Actor } from '../../platform/policy.js';
import { budgetAgainstCeiling, type RubricCriterion } from './cycle.domain.js';
import { proposalStateLabels } from './proposal.domain.js';
import { aggregate, rank, scorePerBillion, type CriterionScore } from './scoring.domain.js';
import type { BudgetLine } from './terms.js';

/**
 * The cycle board (papan siklus) for the region admin and the head of region: every unit's proposals
 * by phase, the ranking by panel score (and by score per Rupiah when the cycle allocates budget),
 * the coverage of missions and themes, and the budget requested against the ceilings; exported to
 * XLSX and, as the cycle's results, to PDF. Read only: nothing here writes or audits.
 *
 * A board costs a fixed number of queries whatever the number of proposals: the cycle, its region,
 * the units, the missions, the themes, the proposals, the panels of the agenda, every score sheet
 * of the cycle and the contracts, each loaded once; the rest is {@link buildBoard}, which is pure.
 */

type BoardProposal = Board['units'][number]['proposals'][number];

/** Where a status sits on the board; a withdrawn proposal is listed but counted in no phase. */
export const boardPhaseOf: Record<ProposalStatus, BoardPhase | null> = {
  draft: 'draft',
  submitted: 'submitted',
  in_session: 'submitted',
  scored: 'scored',
  in_negotiation: 'in_negotiation',
  agreed: 'agreed',
  refused: 'refused',
  signed: 'signed',
  withdrawn: null,
};

/** Still in the running: submitted and beyond, neither refused nor withdrawn. */
const REQUESTING: ReadonlySet<ProposalStatus> = new Set([
  'submitted',
  'in_session',
  'scored',
  'in_negotiation',
  'agreed',
  'signed',
]);
const AGREED: ReadonlySet<ProposalStatus> = new Set(['agreed', 'signed']);

/** Board phases in Bahasa Indonesia, for the exports (the web translates its own). */
export const boardPhaseLabels: Record<BoardPhase, string> = {
  draft: proposalStateLabels.draft,
  submitted: proposalStateLabels.submitted,
  scored: proposalStateLabels.scored,
  in_negotiation: proposalStateLabels.in_negotiation,
  agreed: proposalStateLabels.agreed,
  refused: proposalStateLabels.refused,
  signed: proposalStateLabels.signed,
};

// ---------------------------------------------------------------------------------------------
// Pure assembly

export interface BoardInput {
  cycle: {
    id: string;
    name: string;
    startYear: number;
    endYear: number;
    rubric: readonly RubricCriterion[];
    budgetCeilings: readonly BudgetLine[];
  };
  units: readonly { id: string; code: string; name: string; kind: string; active: boolean }[];
  missions: readonly { id: string; number: number; title: string; termStart: number; termEnd: number }[];
  themes: readonly { id: string; missionId: string; name: string }[];
  proposals: readonly {
    id: string;
    title: string;
    status: ProposalStatus;
    leadWorkUnitId: string;
    document: ProposalDocument;
  }[];
  /** Panel members of the session each proposal is on (proposals on no agenda are absent). */
  panels: ReadonlyMap<string, readonly string[]>;
  /** Every score sheet of the cycle's proposals. */
  sheets: readonly {
    proposalId: string;
    panelistUserId: string;
    conflict: boolean;
    submitted: boolean;
    scores: readonly CriterionScore[];
  }[];
  /** Contract id by proposal id. */
  contracts: ReadonlyMap<string, string>;
}

/** The budget lines of a draft that carry an amount and fall in the term. */
function budgetLines(doc: ProposalDocument, term: { startYear: number; endYear: number }): BudgetLine[] {
  return doc.budget
    .filter(
      (b): b is { year: number; amount: number } =>
        typeof b.amount === 'number' && b.year >= term.startYear && b.year <= term.endYear,
    )
    .map((b) => ({ year: b.year, amount: b.amount }));
}

/** The panel score, known only once every panelist without a conflict has handed in. */
function scoreOf(input: BoardInput, proposalId: string, sheets: BoardInput['sheets']): number | null {
  const panel = input.panels.get(proposalId);
  if (!panel) return null;
  const agg = aggregate(
    input.cycle.rubric,
    panel.map((userId) => {
      const s = sheets.find((x) => x.panelistUserId === userId);
      return {
        panelistId: userId,
        conflict: s?.conflict ?? false,
        submitted: s?.submitted ?? false,
        scores: s?.scores ?? [],
      };
    }),
  );
  return agg.complete ? agg.score : null;
}

const byCodeUnit = (a: { code: string }, b: { code: string }) =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
const byTitle = (a: { title: string; id: string }, b: { title: string; id: string }) =>
  a.title.localeCompare(b.title, 'id') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildBoard(input: BoardInput): Board {
  const { cycle } = input;
  const unitById = new Map(input.units.map((u) => [u.id, u]));
  const themeById = new Map(input.themes.map((t) => [t.id, t]));
  const sheetsByProposal = new Map<string, BoardInput['sheets'][number][]>();
  for (const s of input.sheets) {
    const list = sheetsByProposal.get(s.proposalId) ?? [];
    list.push(s);
    sheetsByProposal.set(s.proposalId, list);
  }

  const items: BoardProposal[] = input.proposals.map((p) => {
    const lines = budgetLines(p.document, cycle);
    const score = scoreOf(input, p.id, sheetsByProposal.get(p.id) ?? []);
    const themeId = p.document.themeId && themeById.has(p.document.themeId) ? p.document.themeId : null;
    return {
      id: p.id,
      title: p.title,
      status: p.status,
      phase: boardPhaseOf[p.status],
      leadUnitId: p.leadWorkUnitId,
      leadUnitName: unitById.get(p.leadWorkUnitId)?.name ?? '',
      themeId,
      score,
      budgetTotal: lines.reduce((sum, l) => sum + l.amount, 0),
      // Only scored proposals went through the completeness check, so only their amounts are Rupiah.
      scorePerBillion: score === null ? null : scorePerBillion(score, lines),
      contractId: input.contracts.get(p.id) ?? null,
    };
  });
  const linesById = new Map(input.proposals.map((p) => [p.id, budgetLines(p.document, cycle)]));
  const tieKey = (p: BoardProposal) => `${p.title}\u0000${p.id}`;

  const phases = boardPhases.map((phase) => ({
    phase,
    count: items.filter((p) => p.phase === phase).length,
  }));

  const leading = new Set(items.map((p) => p.leadUnitId));
  const units = input.units
    .filter((u) => u.active || leading.has(u.id))
    .sort(byCodeUnit)
    .map((u) => ({
      unitId: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind,
      proposals: items.filter((p) => p.leadUnitId === u.id).sort(byTitle),
    }));

  const ranked = (score: (p: BoardProposal) => number | null) =>
    rank(items, score, tieKey)
      .filter((r) => r.rank !== null)
      .map((r) => ({ ...r.item, rank: r.rank as number }));
  const hasBudget = cycle.budgetCeilings.length > 0;
  const ranking = ranked((p) => p.score);
  const rankingPerRupiah = hasBudget ? ranked((p) => p.scorePerBillion) : [];

  // Coverage: the missions of the term (and any other a theme or proposal names), their themes, and
  // every unit that contributes to a theme through a proposal that is not withdrawn.
  const live = input.proposals.filter((p) => p.status !== 'withdrawn');
  const missionOf = (p: BoardInput['proposals'][number]) => {
    const theme = p.document.themeId ? themeById.get(p.document.themeId) : undefined;
    return theme ? theme.missionId : p.document.missionId;
  };
  const named = new Set([...input.themes.map((t) => t.missionId), ...live.map(missionOf)]);
  const coverage = input.missions
    .filter((m) => named.has(m.id) || (m.termStart <= cycle.endYear && m.termEnd >= cycle.startYear))
    .sort((a, b) => a.number - b.number || a.termStart - b.termStart)
    .map((m) => ({
      missionId: m.id,
      missionNumber: m.number,
      missionName: m.title,
      proposalCount: live.filter((p) => missionOf(p) === m.id).length,
      themes: input.themes
        .filter((t) => t.missionId === m.id)
        .sort((a, b) => a.name.localeCompare(b.name, 'id'))
        .map((t) => ({
          themeId: t.id,
          name: t.name,
          contributors: live
            .filter((p) => p.document.themeId === t.id)
            .flatMap((p) => [
              {
                unitId: p.leadWorkUnitId,
                unitName: unitById.get(p.leadWorkUnitId)?.name ?? '',
                share: p.document.leadShare ?? 0,
                proposalId: p.id,
                status: p.status,
                lead: true,
              },
              ...p.document.collaborators.map((c) => ({
                unitId: c.unitId,
                unitName: unitById.get(c.unitId)?.name ?? '',
                share: c.share ?? 0,
                proposalId: p.id,
                status: p.status,
                lead: false,
              })),
            ])
            .sort(
              (a, b) =>
                b.share - a.share ||
                Number(b.lead) - Number(a.lead) ||
                a.unitName.localeCompare(b.unitName, 'id'),
            ),
        })),
    }));

  const requested = budgetAgainstCeiling(
    cycle,
    input.proposals.filter((p) => REQUESTING.has(p.status)).map((p) => linesById.get(p.id) ?? []),
  );
  const agreed = budgetAgainstCeiling(
    cycle,
    input.proposals.filter((p) => AGREED.has(p.status)).map((p) => linesById.get(p.id) ?? []),
  );
  const budget = requested.map((r, i) => ({
    year: r.year,
    ceiling: r.ceiling,
    requested: r.requested,
    agreed: agreed[i].requested,
    over: r.over,
  }));

  return {
    cycle: {
      id: cycle.id,
      name: cycle.name,
      startYear: cycle.startYear,
      endYear: cycle.endYear,
      hasBudget,
    },
    phases,
    units,
    ranking,
    rankingPerRupiah,
    coverage,
    budget,
  };
}

// ---------------------------------------------------------------------------------------------
// Loading

interface RegionInfo {
  name: string;
  timezone: string;
}

/** Everything the board needs, in a fixed number of queries; 404 for a cycle of another region. */
async function loadBoard(
  db: DbOrTx,
  actor: Actor,
  cycleId: string,
): Promise<{ board: Board; region: RegionInfo }> {
  const regionId = actor.regionId;
  const [cycle] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.regionId, regionId), eq(cycles.id, cycleId)));
  if (!cycle) throw new AppError('NOT_FOUND');
  const [region] = await db
    .select({ name: regions.name, timezone: regions.timezone })
    .from(regions)
    .where(eq(regions.id, regionId));
  const unitRows = await db
    .select({
      id: workUnits.id,
      code: workUnits.code,
      name: workUnits.name,
      kind: workUnits.kind,
      active: workUnits.active,
    })
    .from(workUnits)
    .where(eq(workUnits.regionId, regionId));
  const missionRows = await db
    .select({
      id: missions.id,
      number: missions.number,
      title: missions.title,
      termStart: missions.termStart,
      termEnd: missions.termEnd,
    })
    .from(missions)
    .where(eq(missions.regionId, regionId));
  const themeRows = await db
    .select({ id: themes.id, missionId: themes.missionId, name: themes.name })
    .from(themes)
    .where(and(eq(themes.regionId, regionId), eq(themes.cycleId, cycleId)));
  const proposalRows = await db
    .select({
      id: proposals.id,
      title: proposals.title,
      status: proposals.status,
      leadWorkUnitId: proposals.leadWorkUnitId,
      document: proposals.document,
    })
    .from(proposals)
    .where(and(eq(proposals.regionId, regionId), eq(proposals.cycleId, cycleId)));
  const panelRows = await db
    .select({ proposalId: sessionAgenda.proposalId, userId: sessionPanelists.userId })
    .from(sessionAgenda)
    .innerJoin(
      auctionSessions,
      and(
        eq(auctionSessions.regionId, sessionAgenda.regionId),
        eq(auctionSessions.id, sessionAgenda.sessionId),
      ),
    )
    .leftJoin(
      sessionPanelists,
      and(
        eq(sessionPanelists.regionId, sessionAgenda.regionId),
        eq(sessionPanelists.sessionId, sessionAgenda.sessionId),
      ),
    )
    .where(and(eq(sessionAgenda.regionId, regionId), eq(auctionSessions.cycleId, cycleId)));
  const sheetRows = await db
    .select({
      proposalId: proposalScores.proposalId,
      panelistUserId: proposalScores.panelistUserId,
      conflict: proposalScores.conflict,
      submittedAt: proposalScores.submittedAt,
      scores: proposalScores.scores,
    })
    .from(proposalScores)
    .innerJoin(
      proposals,
      and(eq(proposals.regionId, proposalScores.regionId), eq(proposals.id, proposalScores.proposalId)),
    )
    .where(and(eq(proposalScores.regionId, regionId), eq(proposals.cycleId, cycleId)));
  const contractRows = await db
    .select({ id: contracts.id, proposalId: contracts.proposalId })
    .from(contracts)
    .where(and(eq(contracts.regionId, regionId), eq(contracts.cycleId, cycleId)));

  const panels = new Map<string, string[]>();
  for (const r of panelRows) {
    const list = panels.get(r.proposalId) ?? [];
    if (r.userId) list.push(r.userId);
    panels.set(r.proposalId, list);
  }
  const board = buildBoard({
    cycle: {
      id: cycle.id,
      name: cycle.name,
      startYear: cycle.startYear,
      endYear: cycle.endYear,
      rubric: cycle.rubric as RubricCriterion[],
      budgetCeilings: cycle.budgetCeilings as BudgetLine[],
    },
    units: unitRows,
    missions: missionRows,
    themes: themeRows,
    proposals: proposalRows.map((p) => ({
      ...p,
      status: p.status as ProposalStatus,
      document: p.document as ProposalDocument,
    })),
    panels,
    sheets: sheetRows.map((s) => ({
      proposalId: s.proposalId,
      panelistUserId: s.panelistUserId,
      conflict: s.conflict,
      submitted: s.submittedAt !== null,
      scores: s.scores as CriterionScore[],
    })),
    contracts: new Map(contractRows.map((c) => [c.proposalId, c.id])),
  });
  return { board, region };
}

export async function getBoard(db: DbOrTx, actor: Actor, cycleId: string): Promise<Board> {
  return (await loadBoard(db, actor, cycleId)).board;
}

// ---------------------------------------------------------------------------------------------
// Exports

/** A file name part from the cycle name: lower-case ASCII letters, digits and dashes. */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'siklus';
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

const roleLabel = (lead: boolean) => (lead ? 'Pengusul utama' : 'Kolaborator');
const allProposals = (board: Board) => board.units.flatMap((u) => u.proposals);

/** The board as a workbook: proposals, ranking, coverage and budget, one sheet each. */
export async function boardXlsx(db: DbOrTx, actor: Actor, cycleId: string): Promise<ExportFile> {
  const { board } = await loadBoard(db, actor, cycleId);
  const themeNames = new Map(
    board.coverage.flatMap((m) => m.themes.map((t) => [t.themeId, t.name] as const)),
  );
  const rankOf = new Map(board.ranking.map((r) => [r.id, r.rank]));
  const perRupiahRankOf = new Map(board.rankingPerRupiah.map((r) => [r.id, r.rank]));
  const titleOf = new Map(allProposals(board).map((p) => [p.id, p.title]));

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lelang Kinerja';
  wb.title = `Papan ${board.cycle.name}`;
  const rupiah = '#,##0';
  const decimals = '0.00';
  const sheet = (
    name: string,
    columns: { header: string; key: string; width: number; numFmt?: string }[],
  ) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width,
      style: c.numFmt ? { numFmt: c.numFmt } : {},
    }));
    ws.getRow(1).font = { bold: true };
    return ws;
  };

  const usulan = sheet('Usulan', [
    { header: 'Kode unit', key: 'code', width: 12 },
    { header: 'Unit pengusul', key: 'unit', width: 36 },
    { header: 'Judul usulan', key: 'title', width: 48 },
    { header: 'Status', key: 'status', width: 24 },
    { header: 'Nilai', key: 'score', width: 10, numFmt: decimals },
    { header: 'Peringkat', key: 'rank', width: 11 },
    { header: 'Anggaran diminta (Rp)', key: 'budget', width: 22, numFmt: rupiah },
    { header: 'Nilai per Rp1 miliar', key: 'perBillion', width: 20, numFmt: '0.0000' },
    { header: 'Tema', key: 'theme', width: 36 },
  ]);
  for (const u of board.units)
    for (const p of u.proposals)
      usulan.addRow({
        code: u.code,
        unit: u.name,
        title: p.title,
        status: proposalStateLabels[p.status],
        score: p.score,
        rank: rankOf.get(p.id) ?? null,
        budget: p.budgetTotal,
        perBillion: p.scorePerBillion,
        theme: p.themeId ? (themeNames.get(p.themeId) ?? '') : '',
      });

  const peringkat = sheet('Peringkat', [
    { header: 'Peringkat', key: 'rank', width: 11 },
    { header: 'Judul usulan', key: 'title', width: 48 },
    { header: 'Unit pengusul', key: 'unit', width: 36 },
    { header: 'Status', key: 'status', width: 24 },
    { header: 'Nilai', key: 'score', width: 10, numFmt: decimals },
    { header: 'Anggaran diminta (Rp)', key: 'budget', width: 22, numFmt: rupiah },
    { header: 'Nilai per Rp1 miliar', key: 'perBillion', width: 20, numFmt: '0.0000' },
    ...(board.cycle.hasBudget ? [{ header: 'Peringkat per Rupiah', key: 'perRupiahRank', width: 20 }] : []),
  ]);
  for (const r of board.ranking)
    peringkat.addRow({
      rank: r.rank,
      title: r.title,
      unit: r.leadUnitName,
      status: proposalStateLabels[r.status],
      score: r.score,
      budget: r.budgetTotal,
      perBillion: r.scorePerBillion,
      perRupiahRank: perRupiahRankOf.get(r.id) ?? null,
    });

  const cakupan = sheet('Cakupan', [
    { header: 'Misi', key: 'mission', width: 44 },
    { header: 'Tema', key: 'theme', width: 36 },
    { header: 'Unit', key: 'unit', width: 36 },
    { header: 'Peran', key: 'role', width: 16 },
    { header: 'Porsi (%)', key: 'share', width: 10, numFmt: '0.##' },
    { header: 'Usulan', key: 'proposal', width: 44 },
    { header: 'Status', key: 'status', width: 24 },
  ]);
  for (const m of board.coverage) {
    const mission = `Misi ${m.missionNumber}: ${m.missionName}`;
    // A mission or theme without contributors is a gap in the coverage: it gets a row of its own.
    if (m.themes.length === 0) cakupan.addRow({ mission });
    for (const t of m.themes) {
      if (t.contributors.length === 0) cakupan.addRow({ mission, theme: t.name });
      for (const c of t.contributors)
        cakupan.addRow({
          mission,
          theme: t.name,
          unit: c.unitName,
          role: roleLabel(c.lead),
          share: c.share,
          proposal: titleOf.get(c.proposalId) ?? '',
          status: proposalStateLabels[c.status],
        });
    }
  }

  const anggaran = sheet('Anggaran', [
    { header: 'Tahun', key: 'year', width: 10 },
    { header: 'Pagu (Rp)', key: 'ceiling', width: 22, numFmt: rupiah },
    { header: 'Diminta (Rp)', key: 'requested', width: 22, numFmt: rupiah },
    { header: 'Disepakati (Rp)', key: 'agreed', width: 22, numFmt: rupiah },
    { header: 'Melebihi pagu', key: 'over', width: 16 },
  ]);
  for (const b of board.budget)
    anggaran.addRow({
      year: b.year,
      ceiling: b.ceiling,
      requested: b.requested,
      agreed: b.agreed,
      over: b.ceiling === null ? '' : b.over ? 'Ya' : 'Tidak',
    });
  const total = anggaran.addRow({
    year: 'Jumlah',
    ceiling: board.cycle.hasBudget ? board.budget.reduce((s, b) => s + (b.ceiling ?? 0), 0) : null,
    requested: board.budget.reduce((s, b) => s + b.requested, 0),
    agreed: board.budget.reduce((s, b) => s + b.agreed, 0),
  });
  total.font = { bold: true };

  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    fileName: `papan-${slugOf(board.cycle.name)}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    data,
  };
}

/** "Hasil Lelang Kinerja <cycle>", without saying "Lelang Kinerja" twice when the name starts with it. */
export function resultsTitle(cycleName: string): string {
  return /^lelang kinerja\b/i.test(cycleName) ? `Hasil ${cycleName}` : `Hasil Lelang Kinerja ${cycleName}`;
}

const right = (text: string): PdfContent => ({ text, alignment: 'right' });

function rankingTable(rows: Board['ranking']): PdfContent {
  return pdfTable(
    [
      'Peringkat',
      'Judul usulan',
      'Unit pengusul',
      'Status',
      'Nilai',
      'Anggaran diminta',
      'Nilai per Rp1 miliar',
    ],
    rows.map((r) => [
      right(String(r.rank)),
      r.title,
      r.leadUnitName,
      proposalStateLabels[r.status],
      right(formatId(r.score)),
      right(formatRupiah(r.budgetTotal)),
      right(r.scorePerBillion === null ? '-' : formatId(r.scorePerBillion)),
    ]),
    [50, '*', 140, 105, 45, 95, 70],
  );
}

/** The cycle's results as a PDF: phases, ranking, coverage and budget (A4 landscape). */
export async function resultsPdf(
  db: DbOrTx,
  actor: Actor,
  cycleId: string,
  now = new Date(),
): Promise<ExportFile> {
  const { board, region } = await loadBoard(db, actor, cycleId);
  const title = resultsTitle(board.cycle.name);
  const printed = new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: region.timezone,
  }).format(now);
  const titleOf = new Map(allProposals(board).map((p) => [p.id, p.title]));
  const muted = (text: string): PdfContent => ({ text, style: 'muted', margin: [0, 0, 0, 4] });

  const content: PdfContent[] = [
    { text: title, style: 'h1' },
    { text: region.name, alignment: 'center', bold: true },
    {
      text: `Periode ${board.cycle.startYear}-${board.cycle.endYear} · dicetak ${printed}`,
      alignment: 'center',
      style: 'muted',
      margin: [0, 2, 0, 8],
    },

    { text: 'Usulan per fase', style: 'h2' },
    pdfTable(
      board.phases.map((p) => boardPhaseLabels[p.phase]),
      [board.phases.map((p) => ({ text: formatId(p.count), alignment: 'center' }))],
    ),

    { text: 'Peringkat berdasarkan nilai panel', style: 'h2' },
    board.ranking.length
      ? rankingTable(board.ranking)
      : muted('Belum ada usulan yang selesai dinilai panel.'),
  ];

  if (board.cycle.hasBudget) {
    content.push(
      { text: 'Peringkat berdasarkan nilai per Rupiah', style: 'h2' },
      board.rankingPerRupiah.length
        ? rankingTable(board.rankingPerRupiah)
        : muted('Belum ada usulan bernilai dengan anggaran yang dapat diperingkat.'),
    );
  }

  content.push({ text: 'Cakupan misi dan tema', style: 'h2' });
  if (board.coverage.length === 0) content.push(muted('Belum ada misi untuk periode siklus ini.'));
  for (const m of board.coverage) {
    content.push({
      text: `Misi ${m.missionNumber}: ${m.missionName} (${formatId(m.proposalCount)} usulan)`,
      bold: true,
      margin: [0, 4, 0, 2],
    });
    const rows: PdfContent[][] = m.themes.flatMap((t) =>
      t.contributors.length
        ? t.contributors.map((c) => [
            t.name,
            c.unitName,
            roleLabel(c.lead),
            right(`${formatId(c.share)}%`),
            titleOf.get(c.proposalId) ?? '',
            proposalStateLabels[c.status],
          ])
        : [
            [
              t.name,
              { text: 'Belum ada unit yang berkontribusi', italics: true, colSpan: 5 },
              '',
              '',
              '',
              '',
            ],
          ],
    );
    content.push(
      rows.length
        ? pdfTable(['Tema', 'Unit', 'Peran', 'Porsi', 'Usulan', 'Status'], rows, [120, 130, 70, 40, '*', 105])
        : muted('Belum ada tema pada misi ini.'),
    );
  }

  content.push({ text: 'Anggaran per tahun', style: 'h2' });
  content.push(
    pdfTable(
      ['Tahun', 'Pagu', 'Diminta', 'Disepakati', 'Keterangan'],
      [
        ...board.budget.map((b) => [
          String(b.year),
          right(formatRupiah(b.ceiling)),
          right(formatRupiah(b.requested)),
          right(formatRupiah(b.agreed)),
          b.ceiling === null ? 'Tanpa pagu' : b.over ? 'Melebihi pagu' : 'Dalam pagu',
        ]),
        [
          { text: 'Jumlah', bold: true },
          right(
            board.cycle.hasBudget
              ? formatRupiah(board.budget.reduce((s, b) => s + (b.ceiling ?? 0), 0))
              : '-',
          ),
          right(formatRupiah(board.budget.reduce((s, b) => s + b.requested, 0))),
          right(formatRupiah(board.budget.reduce((s, b) => s + b.agreed, 0))),
          '',
        ],
      ],
      [60, '*', '*', '*', 120],
    ),
    muted(
      'Diminta: usulan yang diajukan dan masih berjalan (tidak termasuk yang ditolak atau ditarik). ' +
        'Disepakati: usulan yang disepakati dan yang kontraknya telah ditandatangani.',
    ),
  );

  const data = await renderPdf({
    title,
    content,
    footer: `${title} · ${region.name}`,
    pageOrientation: 'landscape',
  });
  return { fileName: `hasil-${slugOf(board.cycle.name)}.pdf`, contentType: 'application/pdf', data };
}
