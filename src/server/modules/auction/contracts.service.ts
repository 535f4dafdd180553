import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Amendment,
  amendmentBody,
  Contract,
  contractListQuery,
  decisionBody,
  TermsChangeDto,
  TermsDto,
} from '../../../contract/agreements.js';
import type { Database, DbOrTx, Tx } from '../../db/client.js';
import {
  contractAmendments,
  contractIndicators,
  contractMilestones,
  contracts,
  contractTargets,
  contractVersions,
  cycles,
  pacts,
  users,
  workUnits,
} from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { userNames } from '../users/user-names.js';
import { AppError, validation } from '../../platform/errors.js';
import { likePattern, offsetOf } from '../../platform/listing.js';
import { hasRole, unitScope, type Actor } from '../../platform/policy.js';
import {
  approveAmendment,
  diffTerms,
  transitionAmendment,
  validateAmendment,
  type AmendmentAction,
  type AmendmentState,
  type ContractVersion,
} from './contract.domain.js';
import type { ActorRole } from './state-machine.js';
import type { Polarity, Terms, TermsPatch } from './terms.js';
import type { Aggregation, Frequency } from './proposal.domain.js';

/** Read every contract of the region. Verifiers check realizations against contracts (monitoring). */
const REGION_READERS = ['region_admin', 'head_of_region', 'verifier'] as const;
const UNIT_READERS = ['opd_head', 'opd_operator'] as const;
export const CONTRACT_READERS = [...REGION_READERS, ...UNIT_READERS];

/** Whole region, or the contracts the actor's units lead (operators and heads read their own). */
export function contractReadScope(actor: Actor): SQL | undefined {
  if (hasRole(actor, ...REGION_READERS)) return undefined;
  const scope = unitScope(actor, UNIT_READERS);
  if (scope === 'all') return undefined;
  if (!scope.length) return sql`false`;
  // Collaborating units read the contracts they contribute to, as they read the proposal.
  return or(
    inArray(contracts.workUnitId, scope),
    sql`exists (select 1 from proposals p where p.region_id = ${contracts.regionId} and p.id = ${contracts.proposalId}
      and p.collaborator_unit_ids && array[${sql.join(
        scope.map((u) => sql`${u}::uuid`),
        sql`, `,
      )}])`,
  );
}

const listColumns = {
  c: contracts,
  unitName: workUnits.name,
  cycleName: cycles.name,
  pactNumber: pacts.number,
  verificationCode: pacts.verificationCode,
  startYear: cycles.startYear,
  endYear: cycles.endYear,
  openAmendment: sql<boolean>`exists (select 1 from contract_amendments a where a.region_id = ${contracts.regionId} and a.contract_id = ${contracts.id} and a.status = 'proposed')`,
};

function baseQuery(db: DbOrTx) {
  return db
    .select(listColumns)
    .from(contracts)
    .innerJoin(
      workUnits,
      and(eq(workUnits.regionId, contracts.regionId), eq(workUnits.id, contracts.workUnitId)),
    )
    .innerJoin(cycles, and(eq(cycles.regionId, contracts.regionId), eq(cycles.id, contracts.cycleId)))
    .innerJoin(pacts, and(eq(pacts.regionId, contracts.regionId), eq(pacts.id, contracts.pactId)));
}

type ListRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

const listItem = (r: ListRow) => ({
  id: r.c.id,
  proposalId: r.c.proposalId,
  title: r.c.title,
  workUnitId: r.c.workUnitId,
  workUnitName: r.unitName,
  cycleId: r.c.cycleId,
  cycleName: r.cycleName,
  pactNumber: r.pactNumber,
  currentVersion: r.c.currentVersion,
  signedAt: r.c.signedAt.toISOString(),
  openAmendment: !!r.openAmendment,
});

export async function listContracts(database: Database, actor: Actor, q: z.infer<typeof contractListQuery>) {
  const { db } = database;
  const where: (SQL | undefined)[] = [eq(contracts.regionId, actor.regionId), contractReadScope(actor)];
  if (q.cycleId) where.push(eq(contracts.cycleId, q.cycleId));
  if (q.workUnitId) where.push(eq(contracts.workUnitId, q.workUnitId));
  if (q.q)
    where.push(
      or(
        sql`${contracts.title} ilike ${likePattern(q.q)}`,
        sql`${pacts.number} ilike ${likePattern(q.q)}`,
        sql`${workUnits.name} ilike ${likePattern(q.q)}`,
      ),
    );
  const cond = and(...where);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(contracts)
    .innerJoin(
      workUnits,
      and(eq(workUnits.regionId, contracts.regionId), eq(workUnits.id, contracts.workUnitId)),
    )
    .innerJoin(pacts, and(eq(pacts.regionId, contracts.regionId), eq(pacts.id, contracts.pactId)))
    .where(cond);
  const rows = await baseQuery(db)
    .where(cond)
    .orderBy(asc(workUnits.code), asc(contracts.title), asc(contracts.id))
    .limit(q.pageSize)
    .offset(offsetOf(q.page, q.pageSize));
  return { items: rows.map(listItem), total, page: q.page, pageSize: q.pageSize };
}

async function loadContract(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const [row] = await baseQuery(db).where(
    and(eq(contracts.regionId, actor.regionId), eq(contracts.id, id), contractReadScope(actor)),
  );
  if (!row) throw new AppError('NOT_FOUND');
  if (lock)
    await db
      .select({ id: contracts.id })
      .from(contracts)
      .where(and(eq(contracts.regionId, actor.regionId), eq(contracts.id, id)))
      .for('update');
  return row;
}

/** The roles that count on this contract: unit roles only for the contract's own unit. */
function rolesOn(actor: Actor, unitId: string): ActorRole[] {
  return actor.roles.filter((r) => r.workUnitId === null || r.workUnitId === unitId).map((r) => r.role);
}

async function versionsOf(db: DbOrTx, regionId: string, contractId: string): Promise<ContractVersion[]> {
  const rows = await db
    .select()
    .from(contractVersions)
    .where(and(eq(contractVersions.regionId, regionId), eq(contractVersions.contractId, contractId)))
    .orderBy(asc(contractVersions.version));
  return rows.map((v) => ({
    version: v.version,
    terms: v.terms as Terms,
    createdAt: v.createdAt,
    amendmentId: v.amendmentId,
  }));
}

async function indicatorsOf(db: DbOrTx, regionId: string, contractId: string) {
  return db
    .select()
    .from(contractIndicators)
    .where(and(eq(contractIndicators.regionId, regionId), eq(contractIndicators.contractId, contractId)))
    .orderBy(asc(contractIndicators.position));
}

const termsDto = (t: Terms): TermsDto => ({
  targets: t.targets.map((x) => ({ ...x })),
  milestones: t.milestones.map((x) => ({ ...x })),
  budget: t.budget.map((x) => ({ ...x })),
});
const changesDto = (a: Terms, b: Terms) => diffTerms(a, b) as TermsChangeDto[];

async function toDto(db: DbOrTx, actor: Actor, row: ListRow): Promise<Contract> {
  const c = row.c;
  const versions = await versionsOf(db, actor.regionId, c.id);
  const current = versions[versions.length - 1];
  const indicators = await indicatorsOf(db, actor.regionId, c.id);
  const milestones = await db
    .select()
    .from(contractMilestones)
    .where(and(eq(contractMilestones.regionId, actor.regionId), eq(contractMilestones.contractId, c.id)))
    .orderBy(asc(contractMilestones.position));
  const amendments = await db
    .select({ a: contractAmendments, proposer: users.fullName })
    .from(contractAmendments)
    .innerJoin(
      users,
      and(eq(users.regionId, contractAmendments.regionId), eq(users.id, contractAmendments.proposedBy)),
    )
    .where(and(eq(contractAmendments.regionId, actor.regionId), eq(contractAmendments.contractId, c.id)))
    .orderBy(desc(contractAmendments.createdAt));
  const deciders = await userNames(
    db,
    actor.regionId,
    amendments.map((a) => a.a.decidedBy),
  );
  const roles = rolesOn(actor, c.workUnitId);
  const byVersion = new Map(versions.map((v) => [v.version, v]));
  const open = amendments.some((a) => a.a.status === 'proposed');
  const amendmentDto = (x: (typeof amendments)[number]): Amendment => {
    const a = x.a;
    const base = byVersion.get(a.baseVersion) ?? current;
    const after = approveAmendment(
      base,
      { id: a.id, baseVersion: base.version, changes: a.changes as TermsPatch },
      a.createdAt,
    );
    const may = (action: AmendmentAction) =>
      transitionAmendment(
        a.status as AmendmentState,
        action,
        { userId: actor.userId, roles },
        a.proposedBy,
        'x',
      ).ok;
    return {
      id: a.id,
      baseVersion: a.baseVersion,
      reason: a.reason,
      status: a.status as AmendmentState,
      changes: after.ok ? changesDto(base.terms, after.version.terms) : [],
      proposedByName: x.proposer,
      createdAt: a.createdAt.toISOString(),
      decidedByName: a.decidedBy ? (deciders.get(a.decidedBy) ?? null) : null,
      decidedAt: a.decidedAt?.toISOString() ?? null,
      decisionReason: a.decisionReason,
      can: { approve: may('approve'), reject: may('reject'), withdraw: may('withdraw') },
      version: a.version,
    };
  };
  return {
    ...listItem(row),
    verificationCode: row.verificationCode,
    term: { startYear: row.startYear, endYear: row.endYear },
    indicators: indicators.map((i) => ({
      key: i.key,
      name: i.name,
      unit: i.unit,
      polarity: i.polarity as Polarity,
      aggregation: i.aggregation as Aggregation,
      frequency: i.frequency as Frequency,
      weight: i.weight,
      baseline: { value: i.baselineValue, year: i.baselineYear, source: i.baselineSource },
    })),
    milestones: milestones.map((m) => ({ key: m.key, title: m.title })),
    terms: termsDto(current.terms),
    versions: [...versions].reverse().map((v) => {
      const prev = byVersion.get(v.version - 1);
      return {
        version: v.version,
        terms: termsDto(v.terms),
        createdAt: v.createdAt.toISOString(),
        amendmentId: v.amendmentId,
        changes: prev ? changesDto(prev.terms, v.terms) : [],
      };
    }),
    amendments: amendments.map(amendmentDto),
    can: {
      amend: !open && roles.some((r) => r === 'opd_head' || r === 'region_admin' || r === 'head_of_region'),
    },
    version: c.version,
  };
}

export async function getContract(db: DbOrTx, actor: Actor, id: string) {
  return toDto(db, actor, await loadContract(db, actor, id));
}

/** Proposes an amendment against the current version; one open amendment at a time. */
export async function proposeAmendment(
  database: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof amendmentBody>,
) {
  return database.db.transaction(async (tx) => {
    const row = await loadContract(tx, actor, id, true);
    const roles = rolesOn(actor, row.c.workUnitId);
    // Only the unit's own head (or the region's planners) may ask; another unit's head sees 404.
    if (!roles.some((r) => r === 'opd_head' || r === 'region_admin' || r === 'head_of_region'))
      throw new AppError('NOT_FOUND');
    const versions = await versionsOf(tx, actor.regionId, id);
    const current = versions[versions.length - 1];
    const indicators = await indicatorsOf(tx, actor.regionId, id);
    const [{ open }] = await tx
      .select({ open: sql<number>`count(*)::int` })
      .from(contractAmendments)
      .where(
        and(
          eq(contractAmendments.regionId, actor.regionId),
          eq(contractAmendments.contractId, id),
          eq(contractAmendments.status, 'proposed'),
        ),
      );
    const problems = validateAmendment(
      {
        term: { startYear: row.startYear, endYear: row.endYear },
        indicators: indicators.map((i) => ({
          key: i.key,
          name: i.name,
          polarity: i.polarity as Polarity,
          baseline: i.baselineValue,
        })),
        current,
        hasOpenAmendment: open > 0,
      },
      input,
      roles,
    );
    if (problems.length) throw validation(problems, problems.find((p) => p.path === '')?.message);
    const [a] = await tx
      .insert(contractAmendments)
      .values({
        regionId: actor.regionId,
        contractId: id,
        baseVersion: current.version,
        changes: input.changes,
        reason: input.reason,
        status: 'proposed',
        proposedBy: actor.userId,
      })
      .returning();
    await appendAudit(tx, actor.regionId, actor, {
      action: 'contract.amendment.propose',
      entityType: 'contract',
      entityId: id,
      summary: `Perubahan kontrak "${row.c.title}" diusulkan (dari versi ${current.version})`,
      after: { amendmentId: a.id, changes: input.changes, reason: input.reason },
    });
    return toDto(tx, actor, await loadContract(tx, actor, id));
  });
}

const decisionVerb: Record<AmendmentAction, string> = {
  approve: 'disetujui',
  reject: 'ditolak',
  withdraw: 'ditarik',
};

/**
 * Approves, rejects or withdraws an open amendment. Approval writes version n+1 and brings the rows
 * monitoring reads (targets, milestone dates) up to it; the amendment's version guards against two
 * decisions at once.
 */
export async function decideAmendment(
  database: Database,
  actor: Actor,
  id: string,
  amendmentId: string,
  action: AmendmentAction,
  input: z.infer<typeof decisionBody>,
  now = new Date(),
) {
  return database.db.transaction(async (tx) => {
    const row = await loadContract(tx, actor, id, true);
    const [a] = await tx
      .select()
      .from(contractAmendments)
      .where(
        and(
          eq(contractAmendments.regionId, actor.regionId),
          eq(contractAmendments.contractId, id),
          eq(contractAmendments.id, amendmentId),
        ),
      );
    if (!a) throw new AppError('NOT_FOUND');
    if (a.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const roles = rolesOn(actor, row.c.workUnitId);
    const moved = transitionAmendment(
      a.status as AmendmentState,
      action,
      { userId: actor.userId, roles },
      a.proposedBy,
      input.reason ?? null,
    );
    if (!moved.ok) {
      if (action === 'reject' && /Alasan/.test(moved.message))
        throw validation([{ path: 'reason', message: moved.message }]);
      throw new AppError(/hanya dapat/.test(moved.message) ? 'FORBIDDEN' : 'CONFLICT', moved.message);
    }
    if (action === 'approve') {
      const versions = await versionsOf(tx, actor.regionId, id);
      const current = versions[versions.length - 1];
      const next = approveAmendment(
        current,
        { id: a.id, baseVersion: a.baseVersion, changes: a.changes as TermsPatch },
        now,
      );
      if (!next.ok) throw new AppError('CONFLICT', next.message);
      await tx.insert(contractVersions).values({
        regionId: actor.regionId,
        contractId: id,
        version: next.version.version,
        terms: next.version.terms,
        amendmentId: a.id,
        createdAt: now,
      });
      await tx
        .update(contracts)
        .set({ currentVersion: next.version.version, version: sql`${contracts.version} + 1`, updatedAt: now })
        .where(and(eq(contracts.regionId, actor.regionId), eq(contracts.id, id)));
      await applyToMonitoringRows(tx, actor.regionId, id, current.terms, next.version.terms);
    }
    await tx
      .update(contractAmendments)
      .set({
        status: moved.to,
        decidedBy: actor.userId,
        decidedAt: now,
        decisionReason: input.reason?.trim() || null,
        version: sql`${contractAmendments.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(contractAmendments.regionId, actor.regionId), eq(contractAmendments.id, a.id)));
    await appendAudit(tx, actor.regionId, actor, {
      action: `contract.amendment.${action}`,
      entityType: 'contract',
      entityId: id,
      summary: `Perubahan kontrak "${row.c.title}" ${decisionVerb[action]}`,
      before: { status: a.status },
      after: { status: moved.to, amendmentId: a.id, reason: input.reason ?? null },
    });
    return toDto(tx, actor, await loadContract(tx, actor, id));
  });
}

/** Updates the changed target and milestone rows in place (monitoring keeps its references to them). */
async function applyToMonitoringRows(
  tx: Tx,
  regionId: string,
  contractId: string,
  before: Terms,
  after: Terms,
) {
  for (const change of diffTerms(before, after)) {
    if (change.kind === 'target' && change.after) {
      await tx
        .update(contractTargets)
        .set({
          value: change.after.value ?? null,
          lower: change.after.lower ?? null,
          upper: change.after.upper ?? null,
        })
        .where(
          and(
            eq(contractTargets.regionId, regionId),
            eq(contractTargets.contractId, contractId),
            eq(contractTargets.indicatorKey, change.indicatorKey),
            eq(contractTargets.year, change.year),
          ),
        );
    } else if (change.kind === 'milestone' && change.after) {
      await tx
        .update(contractMilestones)
        .set({ dueDate: change.after })
        .where(
          and(
            eq(contractMilestones.regionId, regionId),
            eq(contractMilestones.contractId, contractId),
            eq(contractMilestones.key, change.milestoneKey),
          ),
        );
    }
  }
}
