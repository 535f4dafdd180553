import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  queueQuery,
  Realization,
  returnRealizationBody,
  saveRealizationBody,
  todoQuery,
} from '../../../contract/monitoring.js';
import type { Polarity } from '../auction/terms.js';
import type { Config } from '../../config.js';
import type { Database, DbOrTx, Tx } from '../../db/client.js';
import {
  civilServants,
  contractIndicators,
  contracts,
  contractTargets,
  cycles,
  evidenceFiles,
  periodClosures,
  realizations,
  regions,
  users,
  workUnits,
} from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { userNames } from '../users/user-names.js';
import { localDay } from '../../platform/calendar.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { readEvidence, removeEvidenceFile } from '../../platform/evidence.js';
import { offsetOf } from '../../platform/listing.js';
import { hasRole, unitScope, type Actor } from '../../platform/policy.js';
import { contractReadScope } from '../auction/contracts.service.js';
import { headOf } from '../auction/proposals.policy.js';
import { loadCalendar, monitoringSettingsOf } from './calendar.service.js';
import { insertEvidenceRow, withStoredEvidence } from './evidence.service.js';
import { milestoneOfEvidence } from './milestones.service.js';
import { notifyUnit } from './notifications.service.js';
import {
  deadlineOf,
  parsePeriodKey,
  periodsOf,
  periodStatus,
  type DeadlineSetting,
  type Period,
  type PeriodState,
  type RealizationStatus,
} from './periods.domain.js';
import { workingDaysLate, type WorkingCalendar } from './working-days.domain.js';

type Row = typeof realizations.$inferSelect;
type IndicatorRow = typeof contractIndicators.$inferSelect;

const frequencyLabels: Record<string, string> = {
  monthly: 'bulanan',
  quarterly: 'triwulanan',
  semester: 'semesteran',
  yearly: 'tahunan',
};

/** The region's reporting deadline day and time zone (region settings; default the 10th). */
async function regionSetting(db: DbOrTx, regionId: string) {
  const [r] = await db
    .select({ tz: regions.timezone, settings: regions.settings })
    .from(regions)
    .where(eq(regions.id, regionId));
  const deadline: DeadlineSetting = {
    dayOfFollowingMonth: monitoringSettingsOf(r.settings).reportDeadlineDay,
  };
  return { tz: r.tz, deadline };
}

/** The work unit of the verifier's own civil servant record: they never verify it. */
async function ownUnitOf(db: DbOrTx, actor: Actor): Promise<string | null> {
  const [r] = await db
    .select({ unitId: civilServants.workUnitId })
    .from(users)
    .innerJoin(
      civilServants,
      and(eq(civilServants.regionId, users.regionId), eq(civilServants.id, users.civilServantId)),
    )
    .where(and(eq(users.regionId, actor.regionId), eq(users.id, actor.userId)));
  return r?.unitId ?? null;
}

/** Operators and heads of the contract's lead unit enter its realizations. */
const entersFor = (actor: Actor, unitId: string) =>
  actor.roles.some((r) => (r.role === 'opd_operator' || r.role === 'opd_head') && r.workUnitId === unitId);

interface Slot {
  contract: {
    id: string;
    title: string;
    workUnitId: string;
    unitName: string;
    startYear: number;
    endYear: number;
  };
  indicator: IndicatorRow;
  period: Period;
  deadline: string;
  target: { value: number | null; lower: number | null; upper: number | null } | null;
  row: Row | null;
  closed: boolean;
  calendar: WorkingCalendar;
  tz: string;
}

/**
 * One indicator of one contract in one period, in the actor's read scope (404 otherwise), with what
 * the rules need. With `lock` the realization row (if any) is locked for the transaction.
 */
/** What every slot of a region shares: loaded once per request, not once per slot. */
interface RegionContext {
  calendar: WorkingCalendar;
  setting: { tz: string; deadline: DeadlineSetting };
}

async function regionContext(db: DbOrTx, regionId: string): Promise<RegionContext> {
  return { calendar: await loadCalendar(db, regionId), setting: await regionSetting(db, regionId) };
}

async function loadSlot(
  db: DbOrTx,
  actor: Actor,
  contractId: string,
  indicatorKey: string,
  periodKey: string,
  lock = false,
  shared?: RegionContext,
): Promise<Slot> {
  const [c] = await db
    .select({
      id: contracts.id,
      title: contracts.title,
      workUnitId: contracts.workUnitId,
      unitName: workUnits.name,
      startYear: cycles.startYear,
      endYear: cycles.endYear,
    })
    .from(contracts)
    .innerJoin(
      workUnits,
      and(eq(workUnits.regionId, contracts.regionId), eq(workUnits.id, contracts.workUnitId)),
    )
    .innerJoin(cycles, and(eq(cycles.regionId, contracts.regionId), eq(cycles.id, contracts.cycleId)))
    .where(
      and(eq(contracts.regionId, actor.regionId), eq(contracts.id, contractId), contractReadScope(actor)),
    );
  if (!c) throw new AppError('NOT_FOUND');
  const [indicator] = await db
    .select()
    .from(contractIndicators)
    .where(
      and(
        eq(contractIndicators.regionId, actor.regionId),
        eq(contractIndicators.contractId, contractId),
        eq(contractIndicators.key, indicatorKey),
      ),
    );
  if (!indicator) throw new AppError('NOT_FOUND');
  const period = parsePeriodKey(periodKey);
  if (!period) throw fieldError('periodKey', 'Periode tidak valid');
  if (period.frequency !== indicator.frequency)
    throw fieldError(
      'periodKey',
      `Indikator ${indicator.name} dilaporkan ${frequencyLabels[indicator.frequency] ?? indicator.frequency}: periode ${period.label} tidak berlaku`,
    );
  if (period.year < c.startYear || period.year > c.endYear)
    throw fieldError('periodKey', `Periode harus dalam masa kontrak ${c.startYear}-${c.endYear}`);
  const [t] = await db
    .select()
    .from(contractTargets)
    .where(
      and(
        eq(contractTargets.regionId, actor.regionId),
        eq(contractTargets.contractId, contractId),
        eq(contractTargets.indicatorKey, indicatorKey),
        eq(contractTargets.year, period.year),
      ),
    );
  const q = db
    .select()
    .from(realizations)
    .where(
      and(
        eq(realizations.regionId, actor.regionId),
        eq(realizations.contractId, contractId),
        eq(realizations.indicatorKey, indicatorKey),
        eq(realizations.periodKey, periodKey),
      ),
    );
  const [row] = lock ? await q.for('update') : await q;
  const [closure] = await db
    .select()
    .from(periodClosures)
    .where(and(eq(periodClosures.regionId, actor.regionId), eq(periodClosures.periodKey, periodKey)));
  const { calendar, setting } = shared ?? (await regionContext(db, actor.regionId));
  return {
    contract: c,
    indicator,
    period,
    deadline: deadlineOf(period, setting.deadline),
    target: t ? { value: t.value, lower: t.lower, upper: t.upper } : null,
    row: row ?? null,
    closed: !!closure,
    calendar,
    tz: setting.tz,
  };
}

interface Viewer {
  actor: Actor;
  ownUnit: string | null;
}

function stateOf(slot: Slot, today: string): { state: PeriodState; late: number } {
  const r = slot.row;
  const s = periodStatus({
    period: slot.period,
    deadline: slot.deadline,
    today,
    realization: r
      ? {
          status: r.status as RealizationStatus,
          submittedOn: r.firstSubmittedAt ? localDay(r.firstSubmittedAt, slot.tz) : undefined,
        }
      : null,
    calendar: slot.calendar,
  });
  return { state: s.status, late: s.workingDaysLate };
}

async function toDto(db: DbOrTx, viewer: Viewer, slot: Slot, now: Date): Promise<Realization> {
  const { actor } = viewer;
  const r = slot.row;
  const files = r
    ? await db
        .select()
        .from(evidenceFiles)
        .where(
          and(
            eq(evidenceFiles.regionId, actor.regionId),
            eq(evidenceFiles.ownerType, 'realization'),
            eq(evidenceFiles.ownerId, r.id),
          ),
        )
        .orderBy(asc(evidenceFiles.createdAt))
    : [];
  const names = await userNames(db, actor.regionId, [r?.submittedBy, r?.verifiedBy, r?.returnedBy]);
  const { state, late } = stateOf(slot, localDay(now, slot.tz));
  const status = (r?.status as RealizationStatus | undefined) ?? null;
  const editable = !slot.closed && (status === null || status === 'draft' || status === 'returned');
  const verifies =
    hasRole(actor, 'verifier') &&
    viewer.ownUnit !== slot.contract.workUnitId &&
    !entersFor(actor, slot.contract.workUnitId);
  return {
    id: r?.id ?? null,
    contractId: slot.contract.id,
    contractTitle: slot.contract.title,
    workUnitId: slot.contract.workUnitId,
    workUnitName: slot.contract.unitName,
    indicatorKey: slot.indicator.key,
    indicatorName: slot.indicator.name,
    unit: slot.indicator.unit,
    polarity: slot.indicator.polarity as Polarity,
    periodKey: slot.period.key,
    periodLabel: slot.period.label,
    year: slot.period.year,
    deadline: slot.deadline,
    target: slot.target,
    value: r?.value ?? null,
    note: r?.note ?? null,
    breakdown: (r?.breakdown as { label: string; value: number | null }[]) ?? [],
    status,
    periodState: state,
    lateWorkingDays: r?.lateWorkingDays ?? (state === 'overdue' ? late : null),
    submittedAt: r?.submittedAt?.toISOString() ?? null,
    submittedByName: (r?.submittedBy && names.get(r.submittedBy)) || null,
    verifiedAt: r?.verifiedAt?.toISOString() ?? null,
    verifiedByName: (r?.verifiedBy && names.get(r.verifiedBy)) || null,
    returnedAt: r?.returnedAt?.toISOString() ?? null,
    returnedByName: (r?.returnedBy && names.get(r.returnedBy)) || null,
    returnReason: r?.returnReason ?? null,
    evidence: files.map((f) => ({
      id: f.id,
      originalName: f.originalName,
      contentType: f.contentType,
      sizeBytes: f.sizeBytes,
      createdAt: f.createdAt.toISOString(),
    })),
    periodClosed: slot.closed,
    can: {
      edit: editable && entersFor(actor, slot.contract.workUnitId),
      submit: editable && status !== null && r?.value !== null && headOf(actor, slot.contract.workUnitId),
      verify: verifies && status === 'submitted',
      return: verifies && status === 'submitted' && !slot.closed,
    },
    version: r?.version ?? 0,
  };
}

async function viewerOf(db: DbOrTx, actor: Actor): Promise<Viewer> {
  return { actor, ownUnit: hasRole(actor, 'verifier') ? await ownUnitOf(db, actor) : null };
}

type Key = { id: string; indicatorKey: string; periodKey: string };

/** The realization as the caller sees it after a write. */
async function reread(tx: Tx, actor: Actor, k: Key, now: Date) {
  return toDto(
    tx,
    await viewerOf(tx, actor),
    await loadSlot(tx, actor, k.id, k.indicatorKey, k.periodKey),
    now,
  );
}

export async function getRealization(db: DbOrTx, actor: Actor, k: Key, now = new Date()) {
  const slot = await loadSlot(db, actor, k.id, k.indicatorKey, k.periodKey);
  return toDto(db, await viewerOf(db, actor), slot, now);
}

/** The slot for a write by the unit: entering for another unit is the same as it not existing. */
async function forEntry(tx: Tx, actor: Actor, k: Key) {
  const slot = await loadSlot(tx, actor, k.id, k.indicatorKey, k.periodKey, true);
  if (!entersFor(actor, slot.contract.workUnitId)) throw new AppError('NOT_FOUND');
  if (slot.closed)
    throw new AppError(
      'CONFLICT',
      `Periode ${slot.period.label} sudah ditutup; minta Admin Daerah membukanya kembali`,
    );
  return slot;
}

function assertEditable(slot: Slot) {
  const s = slot.row?.status;
  if (s === 'submitted') throw new AppError('CONFLICT', 'Realisasi sudah diajukan dan menunggu verifikasi');
  if (s === 'verified') throw new AppError('CONFLICT', 'Realisasi sudah diverifikasi dan tidak dapat diubah');
}

function assertVersion(row: Row | null, version: number | undefined) {
  if (row && version !== row.version) throw new AppError('VERSION_CONFLICT');
}

/** Enters or corrects a realization (a draft, or a returned one being fixed). */
export async function saveRealization(
  database: Database,
  actor: Actor,
  k: Key,
  input: z.infer<typeof saveRealizationBody>,
  now = new Date(),
) {
  return database.db.transaction(async (tx) => {
    const slot = await forEntry(tx, actor, k);
    assertEditable(slot);
    assertVersion(slot.row, input.version);
    const values = {
      value: input.value,
      note: input.note?.trim() || null,
      breakdown: input.breakdown ?? [],
      enteredBy: actor.userId,
    };
    if (slot.row) {
      await tx
        .update(realizations)
        .set({ ...values, version: sql`${realizations.version} + 1`, updatedAt: now })
        .where(and(eq(realizations.regionId, actor.regionId), eq(realizations.id, slot.row.id)));
    } else {
      await tx.insert(realizations).values({
        ...values,
        regionId: actor.regionId,
        contractId: k.id,
        indicatorKey: k.indicatorKey,
        periodKey: k.periodKey,
        year: slot.period.year,
        status: 'draft',
      });
    }
    await appendAudit(tx, actor.regionId, actor, {
      action: 'realization.save',
      entityType: 'realization',
      entityId: slot.row?.id ?? null,
      summary: `Realisasi ${slot.indicator.name} ${slot.period.label} diisi: ${input.value}`,
      before: slot.row ? { value: slot.row.value, note: slot.row.note } : null,
      after: values,
    });
    return reread(tx, actor, k, now);
  });
}

/**
 * The unit's head submits. Late submissions are allowed and recorded with the working days after the
 * period's deadline, counted at the first submission (a corrected resubmission is not late again).
 */
export async function submitRealization(
  database: Database,
  actor: Actor,
  k: Key,
  version: number,
  now = new Date(),
) {
  return database.db.transaction(async (tx) => {
    const slot = await forEntry(tx, actor, k);
    if (!headOf(actor, slot.contract.workUnitId))
      throw new AppError('FORBIDDEN', 'Realisasi diajukan oleh Kepala OPD');
    if (!slot.row) throw new AppError('CONFLICT', 'Isi nilai realisasi terlebih dahulu');
    assertEditable(slot);
    assertVersion(slot.row, version);
    if (slot.row.value === null) throw fieldError('value', 'Nilai realisasi wajib diisi sebelum diajukan');
    const first = slot.row.firstSubmittedAt ?? now;
    const late =
      slot.row.lateWorkingDays ?? workingDaysLate(slot.calendar, slot.deadline, localDay(first, slot.tz));
    await tx
      .update(realizations)
      .set({
        status: 'submitted',
        submittedAt: now,
        submittedBy: actor.userId,
        firstSubmittedAt: first,
        lateWorkingDays: late,
        version: sql`${realizations.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(realizations.regionId, actor.regionId), eq(realizations.id, slot.row.id)));
    await appendAudit(tx, actor.regionId, actor, {
      action: 'realization.submit',
      entityType: 'realization',
      entityId: slot.row.id,
      summary: `Realisasi ${slot.indicator.name} ${slot.period.label} diajukan${late > 0 ? ` (terlambat ${late} hari kerja)` : ''}`,
      before: { status: slot.row.status },
      after: { status: 'submitted', lateWorkingDays: late },
    });
    return reread(tx, actor, k, now);
  });
}

/** A verifier of another unit verifies (once per version) or returns a submitted realization. */
export async function decideRealization(
  database: Database,
  actor: Actor,
  k: Key,
  decision: 'verify' | 'return',
  input: { version: number } & Partial<z.infer<typeof returnRealizationBody>>,
  now = new Date(),
) {
  return database.db.transaction(async (tx) => {
    const slot = await loadSlot(tx, actor, k.id, k.indicatorKey, k.periodKey, true);
    const viewer = await viewerOf(tx, actor);
    if (viewer.ownUnit === slot.contract.workUnitId || entersFor(actor, slot.contract.workUnitId))
      throw new AppError('FORBIDDEN', 'Verifikator tidak memverifikasi realisasi unit kerjanya sendiri');
    if (!slot.row || slot.row.status !== 'submitted')
      throw new AppError(
        'CONFLICT',
        'Hanya realisasi yang sudah diajukan yang dapat diverifikasi atau dikembalikan',
      );
    assertVersion(slot.row, input.version);
    if (decision === 'return' && slot.closed)
      throw new AppError(
        'CONFLICT',
        `Periode ${slot.period.label} sudah ditutup: realisasi tidak dapat dikembalikan`,
      );
    await tx
      .update(realizations)
      .set(
        decision === 'verify'
          ? { status: 'verified', verifiedAt: now, verifiedBy: actor.userId }
          : {
              status: 'returned',
              returnedAt: now,
              returnedBy: actor.userId,
              returnReason: input.reason ?? null,
            },
      )
      .where(and(eq(realizations.regionId, actor.regionId), eq(realizations.id, slot.row.id)));
    await tx
      .update(realizations)
      .set({ version: sql`${realizations.version} + 1`, updatedAt: now })
      .where(and(eq(realizations.regionId, actor.regionId), eq(realizations.id, slot.row.id)));
    if (decision === 'return')
      await notifyUnit(
        tx,
        actor.regionId,
        slot.contract.workUnitId,
        ['opd_head', 'opd_operator'],
        [
          {
            kind: 'report_returned',
            title: `Realisasi ${slot.period.label} dikembalikan`,
            body: `Realisasi ${slot.indicator.name} (${slot.contract.title}) dikembalikan verifikator: ${input.reason}`,
            link: `/monev/${slot.contract.id}/${slot.indicator.key}/${slot.period.key}`,
            dedupeKey: `returned:${slot.row.id}:${slot.row.version}`,
          },
        ],
      );
    await appendAudit(tx, actor.regionId, actor, {
      action: decision === 'verify' ? 'realization.verify' : 'realization.return',
      entityType: 'realization',
      entityId: slot.row.id,
      summary: `Realisasi ${slot.indicator.name} ${slot.period.label} (${slot.contract.unitName}) ${decision === 'verify' ? 'diverifikasi' : `dikembalikan: ${input.reason}`}`,
      before: { status: 'submitted', value: slot.row.value },
      after: { status: decision === 'verify' ? 'verified' : 'returned', reason: input.reason ?? null },
    });
    return toDto(tx, viewer, await loadSlot(tx, actor, k.id, k.indicatorKey, k.periodKey), now);
  });
}

/**
 * Adds an evidence file to a realization the unit is entering (created as an empty draft if none yet).
 * The type comes from the magic bytes; the stored name is generated.
 */
export async function uploadEvidence(
  database: Database,
  config: Config,
  actor: Actor,
  k: Key,
  file: { name: string; data: Buffer },
  now = new Date(),
) {
  return withStoredEvidence(database, config, actor, file, async (tx, stored) => {
    const slot = await forEntry(tx, actor, k);
    assertEditable(slot);
    let ownerId = slot.row?.id;
    if (!ownerId) {
      const [created] = await tx
        .insert(realizations)
        .values({
          regionId: actor.regionId,
          contractId: k.id,
          indicatorKey: k.indicatorKey,
          periodKey: k.periodKey,
          year: slot.period.year,
          status: 'draft',
          enteredBy: actor.userId,
        })
        .returning({ id: realizations.id });
      ownerId = created.id;
    }
    await insertEvidenceRow(tx, actor, { type: 'realization', id: ownerId, noun: 'realisasi' }, stored, now);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'evidence.upload',
      entityType: 'realization',
      entityId: ownerId,
      summary: `Bukti ${stored.typeLabel} "${stored.name}" diunggah untuk ${slot.indicator.name} ${slot.period.label}`,
      after: { evidenceId: stored.id, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
    });
    return reread(tx, actor, k, now);
  });
}

/** The evidence row, if the actor may read what it belongs to (a realization or a milestone). */
async function evidenceInScope(db: DbOrTx, actor: Actor, evidenceId: string) {
  const [f] = await db
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.regionId, actor.regionId), eq(evidenceFiles.id, evidenceId)));
  if (!f) throw new AppError('NOT_FOUND');
  if (f.ownerType === 'milestone')
    return { file: f, milestone: await milestoneOfEvidence(db, actor, f.ownerId) };
  const [r] = await db
    .select()
    .from(realizations)
    .where(and(eq(realizations.regionId, actor.regionId), eq(realizations.id, f.ownerId)));
  if (!r) throw new AppError('NOT_FOUND');
  // Reading the realization's contract is the access check.
  await loadSlot(db, actor, r.contractId, r.indicatorKey, r.periodKey);
  return { file: f, realization: r };
}

export async function downloadEvidence(database: Database, config: Config, actor: Actor, evidenceId: string) {
  const { file } = await evidenceInScope(database.db, actor, evidenceId);
  const data = await readEvidence(config.EVIDENCE_DIR, actor.regionId, file.id).catch(() => {
    throw new AppError('NOT_FOUND', 'Berkas bukti tidak ditemukan di penyimpanan');
  });
  return { file, data };
}

/**
 * Removes a file of evidence: of a realization while the unit may still edit it (draft or returned),
 * of a milestone by the unit that marked it.
 */
export async function deleteEvidence(database: Database, config: Config, actor: Actor, evidenceId: string) {
  await database.db.transaction(async (tx) => {
    const { file, realization, milestone } = await evidenceInScope(tx, actor, evidenceId);
    let entityType = 'contract';
    let entityId: string;
    let summary: string;
    if (milestone) {
      if (!milestone.mayChange) throw new AppError('NOT_FOUND');
      entityId = milestone.contractId;
      summary = `Bukti "${file.originalName}" dihapus dari tahapan ${milestone.key} (${milestone.contractTitle})`;
    } else {
      const slot = await forEntry(tx, actor, {
        id: realization!.contractId,
        indicatorKey: realization!.indicatorKey,
        periodKey: realization!.periodKey,
      });
      assertEditable(slot);
      entityType = 'realization';
      entityId = realization!.id;
      summary = `Bukti "${file.originalName}" dihapus dari ${slot.indicator.name} ${slot.period.label}`;
    }
    await tx
      .delete(evidenceFiles)
      .where(and(eq(evidenceFiles.regionId, actor.regionId), eq(evidenceFiles.id, file.id)));
    await appendAudit(tx, actor.regionId, actor, {
      action: 'evidence.delete',
      entityType,
      entityId,
      summary,
      before: { evidenceId: file.id, sha256: file.sha256 },
    });
  });
  await removeEvidenceFile(config.EVIDENCE_DIR, actor.regionId, evidenceId);
  return { ok: true as const };
}

const todoOrder: Partial<Record<PeriodState, number>> = { overdue: 0, returned: 1, due: 2 };

/**
 * The OPD's to-do list for the current and the previous year: every indicator of its contracts and every period of
 * its frequency, with where it stands; by default only what needs doing (overdue, returned, due)
 * and what waits for verification. Overdue first, then returned, then due, each by deadline.
 */
export async function todo(database: Database, actor: Actor, q: z.infer<typeof todoQuery>, now = new Date()) {
  const { db } = database;
  const shared = await regionContext(db, actor.regionId);
  const today = localDay(now, shared.setting.tz);
  const year = Number(today.slice(0, 4));
  const scope = unitScope(actor, ['opd_head', 'opd_operator']);
  let units: string[] | null;
  if (hasRole(actor, 'region_admin', 'head_of_region', 'verifier'))
    units = q.workUnitId ? [q.workUnitId] : null;
  else units = scope === 'all' ? null : q.workUnitId ? scope.filter((u) => u === q.workUnitId) : scope;
  if (units && units.length === 0)
    return { items: [], counts: { overdue: 0, returned: 0, due: 0, submitted: 0 } };
  const where: (SQL | undefined)[] = [eq(contracts.regionId, actor.regionId)];
  if (units) where.push(inArray(contracts.workUnitId, units));
  const rows = await db
    .select({
      contractId: contracts.id,
      indicator: contractIndicators,
      startYear: cycles.startYear,
      endYear: cycles.endYear,
    })
    .from(contracts)
    .innerJoin(cycles, and(eq(cycles.regionId, contracts.regionId), eq(cycles.id, contracts.cycleId)))
    .innerJoin(
      contractIndicators,
      and(
        eq(contractIndicators.regionId, contracts.regionId),
        eq(contractIndicators.contractId, contracts.id),
      ),
    )
    .where(and(...where))
    .orderBy(asc(contracts.title), asc(contractIndicators.position));
  // One slot per indicator and period (a few queries each): fine for a unit's list; the region-wide
  // dashboards of issue 4 need set-based queries instead.
  // Last year's periods too: December's and the fourth quarter's deadlines fall in January.
  const slots: Slot[] = [];
  for (const r of rows) {
    for (const y of [year - 1, year]) {
      if (y < r.startYear || y > r.endYear) continue;
      for (const p of periodsOf(r.indicator.frequency as Period['frequency'], y))
        slots.push(await loadSlot(db, actor, r.contractId, r.indicator.key, p.key, false, shared));
    }
  }
  const viewer = await viewerOf(db, actor);
  const all = await Promise.all(slots.map((s) => toDto(db, viewer, s, now)));
  const wanted = q.all
    ? all
    : all.filter((i) =>
        ['overdue', 'returned', 'due', 'submitted', 'late_submitted'].includes(i.periodState),
      );
  wanted.sort(
    (a, b) =>
      (todoOrder[a.periodState] ?? 3) - (todoOrder[b.periodState] ?? 3) ||
      a.deadline.localeCompare(b.deadline),
  );
  const count = (...s: PeriodState[]) => all.filter((i) => s.includes(i.periodState)).length;
  return {
    items: wanted,
    counts: {
      overdue: count('overdue'),
      returned: count('returned'),
      due: count('due'),
      submitted: count('submitted', 'late_submitted'),
    },
  };
}

/** The verifier's queue: submitted realizations of other units, oldest submission first. */
export async function queue(
  database: Database,
  actor: Actor,
  q: z.infer<typeof queueQuery>,
  now = new Date(),
) {
  const { db } = database;
  const viewer = await viewerOf(db, actor);
  const where: (SQL | undefined)[] = [
    eq(realizations.regionId, actor.regionId),
    eq(realizations.status, 'submitted'),
  ];
  if (viewer.ownUnit) where.push(ne(contracts.workUnitId, viewer.ownUnit));
  if (q.workUnitId) where.push(eq(contracts.workUnitId, q.workUnitId));
  if (q.periodKey) where.push(eq(realizations.periodKey, q.periodKey));
  const cond = and(...where);
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(realizations)
    .innerJoin(
      contracts,
      and(eq(contracts.regionId, realizations.regionId), eq(contracts.id, realizations.contractId)),
    )
    .where(cond);
  const rows = await db
    .select({ r: realizations })
    .from(realizations)
    .innerJoin(
      contracts,
      and(eq(contracts.regionId, realizations.regionId), eq(contracts.id, realizations.contractId)),
    )
    .where(cond)
    .orderBy(asc(realizations.submittedAt), asc(realizations.id))
    .limit(q.pageSize)
    .offset(offsetOf(q.page, q.pageSize));
  const shared = await regionContext(db, actor.regionId);
  const items = [];
  for (const { r } of rows) {
    const slot = await loadSlot(db, actor, r.contractId, r.indicatorKey, r.periodKey, false, shared);
    items.push(await toDto(db, viewer, slot, now));
  }
  return { items, total: n, page: q.page, pageSize: q.pageSize };
}

/** The admin closes a period for the whole region: its realizations can no longer be entered. */
export async function closePeriod(database: Database, actor: Actor, periodKey: string) {
  return database.db.transaction(async (tx) => {
    const period = parsePeriodKey(periodKey);
    if (!period) throw fieldError('periodKey', 'Periode tidak valid');
    const [row] = await tx
      .insert(periodClosures)
      .values({ regionId: actor.regionId, periodKey, closedBy: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('CONFLICT', `Periode ${period.label} sudah ditutup`);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'period.close',
      entityType: 'period',
      entityId: null,
      summary: `Periode ${period.label} ditutup`,
      after: { periodKey },
    });
    return { periodKey, closed: true, closedAt: row.closedAt.toISOString() };
  });
}

/** Reopening is an audited act of the admin, with a reason. */
export async function reopenPeriod(database: Database, actor: Actor, periodKey: string, reason: string) {
  return database.db.transaction(async (tx) => {
    const period = parsePeriodKey(periodKey);
    if (!period) throw fieldError('periodKey', 'Periode tidak valid');
    const [row] = await tx
      .delete(periodClosures)
      .where(and(eq(periodClosures.regionId, actor.regionId), eq(periodClosures.periodKey, periodKey)))
      .returning();
    if (!row) throw new AppError('CONFLICT', `Periode ${period.label} tidak sedang ditutup`);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'period.reopen',
      entityType: 'period',
      entityId: null,
      summary: `Periode ${period.label} dibuka kembali: ${reason}`,
      before: { closedAt: row.closedAt.toISOString() },
      after: { periodKey, reason },
    });
    return { periodKey, closed: false, closedAt: null };
  });
}
