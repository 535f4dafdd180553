import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PactContent } from '../../src/contract/agreements.js';
import type { ProposalDocument } from '../../src/contract/proposals.js';
import type { Database } from '../../src/server/db/client.js';
import {
  auctionSessions,
  auditEntries,
  civilServants,
  contractAmendments,
  contractIndicators,
  contractMilestones,
  contracts,
  contractTargets,
  contractVersions,
  cycles,
  negotiationAnswers,
  negotiationRounds,
  pacts,
  proposals,
  proposalScores,
  regions,
  sessionAgenda,
  sessionPanelists,
  themes,
  userRoles,
  users,
  workUnits,
} from '../../src/server/db/schema.js';
import type { RubricCriterion } from '../../src/server/modules/auction/cycle.domain.js';
import {
  validateCounterOffer,
  type Offer,
  type Side,
} from '../../src/server/modules/auction/negotiation.domain.js';
import { pactHash } from '../../src/server/modules/auction/pact.domain.js';
import { checkCompleteness, termsFromDraft } from '../../src/server/modules/auction/proposal.domain.js';
import { aggregate, type CriterionScore } from '../../src/server/modules/auction/scoring.domain.js';
import type { Terms } from '../../src/server/modules/auction/terms.js';
import { getNegotiation } from '../../src/server/modules/auction/negotiation.service.js';
import { verifyChain } from '../../src/server/platform/audit.js';
import type { Actor } from '../../src/server/platform/policy.js';
import { DEMO_SESSION_PLACE, DEMO_THEMES } from '../../src/server/seed/demo-auction.js';
import { DEMO_REGION, seedDemo } from '../../src/server/seed/demo.js';
import { testDatabase } from '../support/db.js';

/** The demo seeds about 2,000 ASN: one seed for the whole file. */
const TODAY = new Date('2026-03-02T03:00:00Z');
const YEAR = 2026;

let database: Database;
let regionId: string;

beforeAll(async () => {
  database = await testDatabase();
  const result = await seedDemo(database, TODAY);
  expect(result.created).toBe(true);
  const [r] = await database.db.select().from(regions).where(eq(regions.slug, DEMO_REGION.slug));
  regionId = r.id;
});
afterAll(() => database.close());

async function load() {
  const { db } = database;
  const [cycle] = await db.select().from(cycles).where(eq(cycles.regionId, regionId));
  const rows = await db.select().from(proposals).where(eq(proposals.regionId, regionId));
  const units = await db.select().from(workUnits).where(eq(workUnits.regionId, regionId));
  const themeRows = await db.select().from(themes).where(eq(themes.regionId, regionId));
  const rounds = await db
    .select()
    .from(negotiationRounds)
    .where(eq(negotiationRounds.regionId, regionId))
    .orderBy(asc(negotiationRounds.round));
  const answers = await db.select().from(negotiationAnswers).where(eq(negotiationAnswers.regionId, regionId));
  const scores = await db.select().from(proposalScores).where(eq(proposalScores.regionId, regionId));
  const pactRows = await db
    .select()
    .from(pacts)
    .where(eq(pacts.regionId, regionId))
    .orderBy(asc(pacts.sequence));
  const contractList = await db.select().from(contracts).where(eq(contracts.regionId, regionId));
  const userList = await db.select().from(users).where(eq(users.regionId, regionId));
  const code = (unitId: string) => units.find((u) => u.id === unitId)!.code;
  const userName = (id: string | null) => userList.find((u) => u.id === id)?.username ?? null;
  return {
    cycle,
    rows,
    units,
    themeRows,
    rounds,
    answers,
    scores,
    pactRows,
    contractList,
    userList,
    code,
    userName,
  };
}

const draftOf = (row: typeof proposals.$inferSelect) => ({
  ...(row.document as ProposalDocument),
  leadUnitId: row.leadWorkUnitId,
});

/** Every table the demo writes to. */
const SEEDED = {
  proposals,
  auctionSessions,
  sessionPanelists,
  sessionAgenda,
  proposalScores,
  negotiationRounds,
  negotiationAnswers,
  pacts,
  contracts,
  contractVersions,
  contractAmendments,
  contractIndicators,
  contractTargets,
  contractMilestones,
  users,
  auditEntries,
};

async function tableCounts() {
  const out: Record<string, number> = {};
  for (const [name, t] of Object.entries(SEEDED)) {
    // Every one of them carries region_id; the cast only picks one table type for the query builder.
    const table = t as typeof proposals;
    const [r] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(table)
      .where(eq(table.regionId, regionId));
    out[name] = r.n;
  }
  return out;
}

describe('the demo auction', () => {
  it('has one proposal per OPD and kecamatan in every phase', async () => {
    const { rows, code } = await load();
    const statuses = Object.fromEntries(
      [...new Set(rows.map((r) => r.status))].map((s) => [s, rows.filter((r) => r.status === s).length]),
    );
    expect(statuses).toEqual({
      draft: 2,
      submitted: 1,
      in_session: 1,
      scored: 2,
      in_negotiation: 1,
      refused: 1,
      agreed: 1,
      signed: 5,
    });
    expect(new Set(rows.map((r) => code(r.leadWorkUnitId))).size).toBe(14);
    for (const r of rows) {
      expect(r.title).toBe((r.document as ProposalDocument).title);
      expect(r.collaboratorUnitIds).toEqual(
        (r.document as ProposalDocument).collaborators.map((c) => c.unitId),
      );
      if (r.status === 'draft') expect([r.submittedAt, r.submittedBy]).toEqual([null, null]);
      else {
        // Submitted in the last days of October, WIB.
        expect(r.submittedAt!.toISOString() >= `${YEAR - 1}-10-19`).toBe(true);
        expect(r.submittedAt!.getTime()).toBeLessThanOrEqual(
          new Date(`${YEAR - 1}-10-31T23:59:59+07:00`).getTime(),
        );
        expect(r.submittedBy).not.toBeNull();
      }
    }
  });

  it('holds complete documents', async () => {
    const { rows, cycle, themeRows, code } = await load();
    const context = {
      startYear: cycle.startYear,
      endYear: cycle.endYear,
      themes: themeRows.map((t) => ({ id: t.id, missionId: t.missionId })),
    };
    for (const r of rows)
      expect([code(r.leadWorkUnitId), checkCompleteness(draftOf(r), context)]).toEqual([
        code(r.leadWorkUnitId),
        [],
      ]);
  });

  it('gives Dinas Kesehatan the maternal mortality program with the five kecamatan', async () => {
    const { rows, units, themeRows, code } = await load();
    const dinkes = rows.find((r) => code(r.leadWorkUnitId) === '1.02.01')!;
    const doc = dinkes.document as ProposalDocument;
    expect(dinkes.status).toBe('signed');
    expect(themeRows.find((t) => t.id === doc.themeId)!.name).toBe(DEMO_THEMES.maternal);
    const kecamatan = units.filter((u) => u.kind === 'kecamatan').map((u) => u.id);
    expect([...dinkes.collaboratorUnitIds].sort()).toEqual(kecamatan.sort());
    expect(doc.collaborators.reduce((a, c) => a + c.share!, doc.leadShare!)).toBe(100);
  });

  it('scores every proposal from the sessions on, with the in-session one partly scored', async () => {
    const { db } = database;
    const { rows, scores, cycle, userName } = await load();
    const sessions = await db.select().from(auctionSessions).where(eq(auctionSessions.regionId, regionId));
    expect(sessions.map((s) => s.date).sort()).toEqual([`${YEAR - 1}-11-12`, `${YEAR - 1}-11-13`]);
    for (const s of sessions) {
      expect(s.place).toBe(DEMO_SESSION_PLACE);
      expect(userName(s.chairUserId)).toBe('walikota');
    }
    const panel = await db.select().from(sessionPanelists).where(eq(sessionPanelists.regionId, regionId));
    expect(panel).toHaveLength(6);
    expect(new Set(panel.map((p) => userName(p.userId)))).toEqual(
      new Set(['panelis', 'panelis2', 'panelis3']),
    );
    const grants = await db.select().from(userRoles).where(eq(userRoles.regionId, regionId));
    for (const p of panel)
      expect(grants.some((g) => g.userId === p.userId && g.role === 'panelist')).toBe(true);
    const agenda = await db.select().from(sessionAgenda).where(eq(sessionAgenda.regionId, regionId));
    const scheduled = rows.filter((r) => !['draft', 'submitted'].includes(r.status));
    expect(agenda.map((a) => a.proposalId).sort()).toEqual(scheduled.map((r) => r.id).sort());
    // The session with the proposal still being scored is in progress; the other is closed.
    for (const s of sessions) {
      const onAgenda = agenda
        .filter((a) => a.sessionId === s.id)
        .map((a) => rows.find((r) => r.id === a.proposalId)!);
      expect(s.status).toBe(onAgenda.some((r) => r.status === 'in_session') ? 'in_progress' : 'closed');
    }
    expect(sessions.map((s) => s.status).sort()).toEqual(['closed', 'in_progress']);

    const rubric = cycle.rubric as RubricCriterion[];
    const totals: number[] = [];
    for (const r of scheduled) {
      const sheets = scores.filter((s) => s.proposalId === r.id);
      const session = sessions.find((s) => s.id === agenda.find((a) => a.proposalId === r.id)!.sessionId)!;
      for (const s of sheets) {
        expect(s.sessionId).toBe(session.id);
        expect(s.submittedAt).not.toBeNull();
        // Handed in on the day of the session (WIB).
        expect(new Date(s.submittedAt!.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)).toBe(
          session.date,
        );
        expect((s.scores as CriterionScore[]).map((c) => c.criterionCode)).toEqual(rubric.map((c) => c.code));
      }
      const agg = aggregate(
        rubric,
        ['panelis', 'panelis2', 'panelis3'].map((name) => {
          const sheet = sheets.find((s) => userName(s.panelistUserId) === name);
          return {
            panelistId: name,
            conflict: false,
            submitted: !!sheet,
            scores: (sheet?.scores as CriterionScore[]) ?? [],
          };
        }),
      );
      expect(agg.complete).toBe(r.status !== 'in_session');
      expect(agg.scoredBy).toBe(r.status === 'in_session' ? 2 : 3);
      totals.push(agg.score!);
    }
    // Different scores, so the ranking says something.
    expect(new Set(totals).size).toBe(totals.length);
  });

  it('negotiates by the rules: alternating, valid offers and one answer for each ended negotiation', async () => {
    const { rows, rounds, answers, cycle, code, userName } = await load();
    const grants = await database.db.select().from(userRoles).where(eq(userRoles.regionId, regionId));
    const headOf = (userId: string | null, unitId: string) =>
      grants.some((g) => g.userId === userId && g.role === 'opd_head' && g.workUnitId === unitId);
    const term = { startYear: cycle.startYear, endYear: cycle.endYear };
    for (const r of rows) {
      const draft = draftOf(r);
      const original = termsFromDraft(draft);
      const indicators = draft.indicators.map((i) => ({
        key: i.key,
        name: i.name,
        polarity: i.polarity,
        baseline: i.baseline.value,
      }));
      const mine = rounds.filter((x) => x.proposalId === r.id);
      const offers: Offer[] = mine.map((x) => ({
        round: x.round,
        by: x.side as Side,
        targets: x.targets as Offer['targets'],
        milestoneDeadlines: x.milestoneDeadlines as Offer['milestoneDeadlines'],
        reason: x.reason,
        createdAt: x.createdAt,
      }));
      offers.forEach((o, i) => {
        expect(o.round).toBe(i + 1);
        expect(o.by).toBe(i % 2 === 0 ? 'panel' : 'opd');
        const problems = validateCounterOffer(
          indicators,
          { term, original, standing: i ? offers[i - 1] : null },
          o,
          o.by,
        );
        expect([code(r.leadWorkUnitId), o.round, problems]).toEqual([code(r.leadWorkUnitId), o.round, []]);
        // The panel's offers come from the chair, the OPD's from the head of the lead unit.
        if (o.by === 'panel') expect(userName(mine[i].createdBy)).toBe('walikota');
        else expect(headOf(mine[i].createdBy, r.leadWorkUnitId)).toBe(true);
      });
      const answer = answers.filter((a) => a.proposalId === r.id);
      const last = offers[offers.length - 1];
      // The state the server reads from the stored log.
      const state = answer.length
        ? answer[0].kind === 'accept'
          ? 'accepted'
          : 'refused'
        : last
          ? last.by === 'panel'
            ? 'awaiting_opd'
            : 'awaiting_panel'
          : null;
      const expected: Record<string, (string | null)[]> = {
        draft: [null],
        submitted: [null],
        in_session: [null],
        scored: [null],
        in_negotiation: ['awaiting_panel'],
        refused: ['refused'],
        agreed: ['accepted', null],
        signed: ['accepted', null],
      };
      expect(expected[r.status]).toContain(state);
      if (answer.length) {
        expect(answer).toHaveLength(1);
        expect(answer[0].round).toBe(last.round);
        expect(answer[0].side).not.toBe(last.by);
        if (answer[0].side === 'opd') expect(headOf(answer[0].createdBy, r.leadWorkUnitId)).toBe(true);
        else expect(userName(answer[0].createdBy)).toBe('walikota');
        if (answer[0].kind === 'refuse') {
          expect(answer[0].side).toBe('opd');
          expect(answer[0].reason).toBeTruthy();
        }
      }
    }
    // Signed and agreed after one, two and three rounds, and once without any.
    const ended = rows.filter((r) => r.status === 'agreed' || r.status === 'signed');
    expect(new Set(ended.map((r) => rounds.filter((x) => x.proposalId === r.id).length))).toEqual(
      new Set([0, 1, 2, 3]),
    );
  });

  it('draws up the pacts in the order the negotiations ended, with hashes of their content', async () => {
    const { db } = database;
    const { rows, pactRows, rounds, answers, code, userName } = await load();
    const ended = rows.filter((r) => ['agreed', 'refused', 'signed'].includes(r.status));
    expect(pactRows.map((p) => p.proposalId).sort()).toEqual(ended.map((r) => r.id).sort());
    const endOf = (proposalId: string) => answers.find((a) => a.proposalId === proposalId)?.createdAt ?? null;
    let previous = 0;
    pactRows.forEach((p, i) => {
      const row = rows.find((r) => r.id === p.proposalId)!;
      const content = p.content as PactContent;
      expect(p.sequence).toBe(i + 1);
      expect(p.number).toBe(
        `${String(i + 1).padStart(3, '0')}/PI-LK/${code(row.leadWorkUnitId)}/${YEAR - 1}`,
      );
      expect(content.number).toBe(p.number);
      expect(p.contentHash).toBe(pactHash(content));
      expect(p.verificationCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(p.outcome).toBe(row.status === 'refused' ? 'refused' : 'agreed');
      expect(content.rounds).toBe(rounds.filter((x) => x.proposalId === row.id).length);
      expect(content.score).not.toBeNull();
      expect(content.program.missionName).toMatch(/^Misi \d: /);
      const issued = new Date(content.issuedAt).getTime();
      expect(issued).toBeGreaterThan(previous);
      previous = issued;
      const end = endOf(row.id);
      if (end) expect(issued).toBe(end.getTime());
      if (row.status === 'signed') {
        expect(userName(p.opdHeadSignedBy)).toMatch(/^(kadinkes|kepala\.)/);
        expect(userName(p.headOfRegionSignedBy)).toBe('walikota');
        expect(p.opdHeadSignedAt!.getTime()).toBeLessThanOrEqual(
          new Date(`${YEAR - 1}-12-08T23:59:59+07:00`).getTime(),
        );
      } else expect(p.headOfRegionSignedAt).toBeNull();
      if (row.status === 'refused') {
        expect(content.refusalReason).toBeTruthy();
        expect([p.opdHeadSignedAt, p.headOfRegionSignedAt]).toEqual([null, null]);
      }
    });
    expect(new Set(pactRows.map((p) => p.verificationCode)).size).toBe(pactRows.length);
    // The OPD head printed on the pact is the civil servant heading the unit.
    const heads = await db
      .select({ unitId: workUnits.id, name: civilServants.name, nip: civilServants.nip })
      .from(workUnits)
      .innerJoin(
        civilServants,
        and(
          eq(civilServants.regionId, workUnits.regionId),
          eq(civilServants.id, workUnits.headCivilServantId),
        ),
      )
      .where(eq(workUnits.regionId, regionId));
    for (const p of pactRows) {
      const head = heads.find((h) => h.unitId === p.workUnitId)!;
      expect((p.content as PactContent).opdHead).toEqual({ name: head.name, nip: head.nip });
    }
  });

  it('turns exactly the signed proposals into contracts whose rows follow the current version', async () => {
    const { db } = database;
    const { rows, contractList, pactRows, userName } = await load();
    const signed = rows.filter((r) => r.status === 'signed');
    expect(contractList.map((c) => c.proposalId).sort()).toEqual(signed.map((r) => r.id).sort());
    const versions = await db.select().from(contractVersions).where(eq(contractVersions.regionId, regionId));
    const targets = await db.select().from(contractTargets).where(eq(contractTargets.regionId, regionId));
    const milestones = await db
      .select()
      .from(contractMilestones)
      .where(eq(contractMilestones.regionId, regionId));
    const indicators = await db
      .select()
      .from(contractIndicators)
      .where(eq(contractIndicators.regionId, regionId));
    const amendments = await db
      .select()
      .from(contractAmendments)
      .where(eq(contractAmendments.regionId, regionId));
    for (const c of contractList) {
      const row = rows.find((r) => r.id === c.proposalId)!;
      const pact = pactRows.find((p) => p.id === c.pactId)!;
      expect(pact.proposalId).toBe(row.id);
      expect(c.signedAt.getTime()).toBe(
        Math.max(pact.opdHeadSignedAt!.getTime(), pact.headOfRegionSignedAt!.getTime()),
      );
      expect(c.themeId).toBe((row.document as ProposalDocument).themeId);
      expect(c.title).toBe(row.title);
      const mine = versions.filter((v) => v.contractId === c.id).sort((a, b) => a.version - b.version);
      expect(mine.map((v) => v.version)).toEqual(Array.from({ length: c.currentVersion }, (_, i) => i + 1));
      const current = mine[mine.length - 1].terms as Terms;
      // Version 1 is what the pact says.
      const content = pact.content as PactContent;
      const v1 = mine[0].terms as Terms;
      for (const ind of content.indicators)
        for (const t of ind.targets) {
          const found = v1.targets.find((x) => x.indicatorKey === ind.key && x.year === t.year)!;
          expect([found.value ?? null, found.lower ?? null, found.upper ?? null]).toEqual([
            t.value ?? null,
            t.lower ?? null,
            t.upper ?? null,
          ]);
        }
      const rowTargets = targets
        .filter((t) => t.contractId === c.id)
        .map((t) => [t.indicatorKey, t.year, t.value, t.lower, t.upper]);
      expect(rowTargets.sort()).toEqual(
        current.targets
          .map((t) => [t.indicatorKey, t.year, t.value ?? null, t.lower ?? null, t.upper ?? null])
          .sort(),
      );
      expect(
        milestones
          .filter((m) => m.contractId === c.id)
          .map((m) => [m.key, m.dueDate])
          .sort(),
      ).toEqual(current.milestones.map((m) => [m.milestoneKey, m.date]).sort());
      expect(
        indicators
          .filter((i) => i.contractId === c.id)
          .sort((a, b) => a.position - b.position)
          .map((i) => i.key),
      ).toEqual((row.document as ProposalDocument).indicators.map((i) => i.key));
      for (const v of mine.slice(1)) {
        const a = amendments.find((x) => x.id === v.amendmentId)!;
        expect([a.status, a.baseVersion + 1, userName(a.decidedBy)]).toEqual([
          'approved',
          v.version,
          'walikota',
        ]);
      }
    }
    expect(amendments.map((a) => a.status).sort()).toEqual(['approved', 'proposed']);
    const open = amendments.find((a) => a.status === 'proposed')!;
    const openContract = contractList.find((c) => c.id === open.contractId)!;
    expect(open.baseVersion).toBe(openContract.currentVersion);
    expect(open.decidedBy).toBeNull();
    for (const a of amendments) expect(userName(a.proposedBy)).toMatch(/^(kadinkes|kepala\.)/);
    const approved = amendments.find((a) => a.status === 'approved')!;
    expect(contractList.find((c) => c.id === approved.contractId)!.currentVersion).toBe(2);
  });

  it('writes one audit entry for the auction and keeps the chain whole', async () => {
    const { db } = database;
    const entries = await db
      .select({ action: auditEntries.action })
      .from(auditEntries)
      .where(eq(auditEntries.regionId, regionId))
      .orderBy(asc(auditEntries.seq));
    // The seed's own entries; the demo's attendance import and discipline cases follow with theirs.
    expect(entries.map((e) => e.action).filter((a) => a.startsWith('seed.'))).toEqual([
      'seed.demo',
      'seed.demo_auction',
      'seed.demo_monitoring',
    ]);
    expect((await verifyChain(db, regionId)).ok).toBe(true);
  });

  it('changes nothing when called again', async () => {
    const before = await tableCounts();
    expect(await seedDemo(database, TODAY)).toEqual({ created: false, civilServants: 0 });
    expect(await tableCounts()).toEqual(before);
  });
});

describe('the negotiation in progress', () => {
  it('stays open when read on the demo day: its extension runs three weeks past today', async () => {
    const { db } = database;
    const [row] = await db
      .select()
      .from(proposals)
      .where(and(eq(proposals.regionId, regionId), eq(proposals.status, 'in_negotiation')));
    expect(row.negotiationDeadline).toBe('2026-03-23');
    expect(row.negotiationExtensionReason).toMatch(/verifikasi ulang/);
    const [head] = await db
      .select({ id: users.id, fullName: users.fullName })
      .from(users)
      .where(and(eq(users.regionId, regionId), eq(users.username, 'walikota')));
    const actor: Actor = {
      userId: head.id,
      regionId,
      username: 'walikota',
      fullName: head.fullName,
      csrfToken: 'x',
      sessionId: 'x',
      roles: [{ role: 'head_of_region', workUnitId: null }],
    };
    const n = await getNegotiation(database, actor, row.id, TODAY);
    expect(n).toMatchObject({ status: 'in_negotiation', state: 'awaiting_panel' });
    expect(n.can).toMatchObject({ offer: true, accept: true });
    expect(n.extension?.deadline).toBe('2026-03-23');
  });
});
