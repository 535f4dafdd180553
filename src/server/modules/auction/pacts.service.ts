import { randomBytes } from 'node:crypto';
import { and, asc, eq, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Pact, PactContent, PactVerification, signBody } from '../../../contract/agreements.js';
import type { ProposalStatus } from '../../../contract/proposals.js';
import type { Config } from '../../config.js';
import type { Database, DbOrTx, Tx } from '../../db/client.js';
import {
  auctionSessions,
  civilServants,
  contractIndicators,
  contractMilestones,
  contracts,
  contractTargets,
  contractVersions,
  cycles,
  missions,
  pacts,
  proposals,
  regions,
  sessionAgenda,
  themes,
  userRoles,
  users,
  workUnits,
} from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { userNames } from '../users/user-names.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { verifyPassword } from '../../platform/passwords.js';
import { formatId, formatRupiah, pdfTable, renderPdf, type PdfContent } from '../../platform/pdf.js';
import { hasRole, type Actor } from '../../platform/policy.js';
import { buildPactContent, contractRows, pactHash, pactNumber, verificationCode } from './pact.domain.js';
import { signPact, transition, type Signatory } from './proposal.domain.js';
import { asDraft, loadRow } from './proposals.service.js';
import { headOf } from './proposals.policy.js';
import { proposalAggregate } from './scoring.service.js';
import { polarityLabels, type Terms } from './terms.js';

type PactRow = typeof pacts.$inferSelect;

export type PactOutcome =
  | { kind: 'agreed'; terms: Terms; rounds: number }
  | { kind: 'refused'; terms: Terms; reason: string; rounds: number };

/** The head of region who chairs the proposal's session, else the first head of region of the region. */
async function headOfRegion(tx: DbOrTx, regionId: string, proposalId: string) {
  const [chair] = await tx
    .select({ name: users.fullName })
    .from(sessionAgenda)
    .innerJoin(
      auctionSessions,
      and(
        eq(auctionSessions.regionId, sessionAgenda.regionId),
        eq(auctionSessions.id, sessionAgenda.sessionId),
      ),
    )
    .innerJoin(
      users,
      and(eq(users.regionId, auctionSessions.regionId), eq(users.id, auctionSessions.chairUserId)),
    )
    .where(and(eq(sessionAgenda.regionId, regionId), eq(sessionAgenda.proposalId, proposalId)));
  if (chair) return chair.name;
  const [head] = await tx
    .select({ name: users.fullName })
    .from(userRoles)
    .innerJoin(users, and(eq(users.regionId, userRoles.regionId), eq(users.id, userRoles.userId)))
    .where(and(eq(userRoles.regionId, regionId), eq(userRoles.role, 'head_of_region')))
    .orderBy(asc(users.fullName))
    .limit(1);
  return head?.name ?? '-';
}

/**
 * Draws up the numbered pact when a negotiation ends (agreed or refused). The cycle row is locked so
 * that two pacts of one cycle never take the same number.
 */
export async function createPact(
  tx: Tx,
  regionId: string,
  by: Actor | null,
  proposalId: string,
  outcome: PactOutcome,
  now: Date,
) {
  const [p] = await tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.regionId, regionId), eq(proposals.id, proposalId)));
  const [c] = await tx
    .select({ name: cycles.name, startYear: cycles.startYear, endYear: cycles.endYear })
    .from(cycles)
    .where(and(eq(cycles.regionId, regionId), eq(cycles.id, p.cycleId)))
    .for('update');
  const [r] = await tx
    .select({ name: regions.name, headTitle: regions.headTitle, tz: regions.timezone })
    .from(regions)
    .where(eq(regions.id, regionId));
  const [u] = await tx
    .select({
      code: workUnits.code,
      name: workUnits.name,
      headName: civilServants.name,
      headNip: civilServants.nip,
    })
    .from(workUnits)
    .leftJoin(
      civilServants,
      and(eq(civilServants.regionId, workUnits.regionId), eq(civilServants.id, workUnits.headCivilServantId)),
    )
    .where(and(eq(workUnits.regionId, regionId), eq(workUnits.id, p.leadWorkUnitId)));
  const draft = asDraft(p);
  const [mission] = draft.missionId
    ? await tx
        .select({ title: missions.title, number: missions.number })
        .from(missions)
        .where(and(eq(missions.regionId, regionId), eq(missions.id, draft.missionId)))
    : [];
  const [theme] = draft.themeId
    ? await tx
        .select({ name: themes.name })
        .from(themes)
        .where(and(eq(themes.regionId, regionId), eq(themes.id, draft.themeId)))
    : [];
  const [{ last }] = await tx
    .select({ last: max(pacts.sequence) })
    .from(pacts)
    .where(and(eq(pacts.regionId, regionId), eq(pacts.cycleId, p.cycleId)));
  const sequence = (last ?? 0) + 1;
  const year = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: r.tz }).format(now));
  const number = pactNumber(sequence, u.code, year);
  const agg = await proposalAggregate(tx, regionId, proposalId);
  const content = buildPactContent(
    {
      number,
      regionName: r.name,
      cycleName: c.name,
      term: { startYear: c.startYear, endYear: c.endYear },
      unit: { code: u.code, name: u.name },
      opdHead: {
        name: u.headName ?? (await opdHeadUserName(tx, regionId, p.leadWorkUnitId)),
        nip: u.headNip ?? null,
      },
      headOfRegion: { name: await headOfRegion(tx, regionId, proposalId), title: r.headTitle },
      missionName: mission ? `Misi ${mission.number}: ${mission.title}` : null,
      themeName: theme?.name ?? null,
      score: agg?.complete ? agg.score : null,
      rounds: outcome.rounds,
      issuedAt: now,
    },
    draft,
    outcome.kind === 'agreed'
      ? { kind: 'agreed', terms: outcome.terms }
      : { kind: 'refused', terms: outcome.terms, reason: outcome.reason },
  );
  const [pact] = await tx
    .insert(pacts)
    .values({
      regionId,
      proposalId,
      cycleId: p.cycleId,
      workUnitId: p.leadWorkUnitId,
      sequence,
      number,
      verificationCode: verificationCode(randomBytes(12)),
      outcome: outcome.kind,
      content,
      contentHash: pactHash(content),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await appendAudit(tx, regionId, by, {
    action: 'pact.create',
    entityType: 'pact',
    entityId: pact.id,
    summary: `Pakta integritas ${number} (${outcome.kind === 'agreed' ? 'kesanggupan' : 'penolakan'}) untuk "${p.title}" diterbitkan`,
    after: { number, contentHash: pact.contentHash },
  });
  return pact;
}

async function opdHeadUserName(tx: DbOrTx, regionId: string, unitId: string): Promise<string> {
  const [head] = await tx
    .select({ name: users.fullName })
    .from(userRoles)
    .innerJoin(users, and(eq(users.regionId, userRoles.regionId), eq(users.id, userRoles.userId)))
    .where(
      and(eq(userRoles.regionId, regionId), eq(userRoles.role, 'opd_head'), eq(userRoles.workUnitId, unitId)),
    )
    .orderBy(asc(users.fullName))
    .limit(1);
  return head?.name ?? '-';
}

/** The pact of a proposal the actor may read (404 for both a hidden proposal and no pact yet). */
async function loadPact(db: DbOrTx, actor: Actor, proposalId: string, lock = false) {
  const proposal = await loadRow(db, actor, proposalId);
  const q = db
    .select()
    .from(pacts)
    .where(and(eq(pacts.regionId, actor.regionId), eq(pacts.proposalId, proposalId)));
  const [pact] = lock ? await q.for('update') : await q;
  if (!pact) throw new AppError('NOT_FOUND', 'Pakta integritas belum diterbitkan');
  return { proposal, pact };
}

export const verificationUrl = (config: Config, code: string) =>
  `${config.PUBLIC_URL.replace(/\/$/, '')}/verifikasi/${code}`;

/** The roles the actor may sign as now (a unit head only for their own unit). */
function signableAs(actor: Actor, pact: PactRow, leadUnitId: string, status: string): Signatory[] {
  if (status !== 'agreed' || pact.outcome !== 'agreed') return [];
  const out: Signatory[] = [];
  if (!pact.opdHeadSignedAt && headOf(actor, leadUnitId)) out.push('opd_head');
  if (!pact.headOfRegionSignedAt && hasRole(actor, 'head_of_region')) out.push('head_of_region');
  return out;
}

async function toDto(
  db: DbOrTx,
  actor: Actor,
  config: Config,
  pact: PactRow,
  proposal: typeof proposals.$inferSelect,
): Promise<Pact> {
  const names = await userNames(db, actor.regionId, [pact.opdHeadSignedBy, pact.headOfRegionSignedBy]);
  const [contract] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.regionId, actor.regionId), eq(contracts.proposalId, proposal.id)));
  const sig = (at: Date | null, by: string | null) =>
    at ? { signedAt: at.toISOString(), name: (by && names.get(by)) || '-' } : null;
  return {
    id: pact.id,
    proposalId: proposal.id,
    number: pact.number,
    outcome: pact.outcome as 'agreed' | 'refused',
    verificationCode: pact.verificationCode,
    verificationUrl: verificationUrl(config, pact.verificationCode),
    contentHash: pact.contentHash,
    content: pact.content as PactContent,
    signatures: {
      opdHead: sig(pact.opdHeadSignedAt, pact.opdHeadSignedBy),
      headOfRegion: sig(pact.headOfRegionSignedAt, pact.headOfRegionSignedBy),
    },
    canSignAs: signableAs(actor, pact, proposal.leadWorkUnitId, proposal.status),
    contractId: contract?.id ?? null,
    version: pact.version,
  };
}

export async function getPact(db: DbOrTx, actor: Actor, config: Config, proposalId: string) {
  const { proposal, pact } = await loadPact(db, actor, proposalId);
  return toDto(db, actor, config, pact, proposal);
}

/**
 * One party signs, after re-entering their password (a wrong one answers 400 on `password` and
 * records nothing but the attempt in the audit log). The second signature turns the proposal into a
 * contract: version 1 with the agreed terms and the rows monitoring reads.
 */
export async function sign(
  database: Database,
  actor: Actor,
  config: Config,
  proposalId: string,
  input: z.infer<typeof signBody>,
  now = new Date(),
) {
  const [user] = await database.db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(and(eq(users.regionId, actor.regionId), eq(users.id, actor.userId)));
  const passwordOk = !!user && (await verifyPassword(user.hash, input.password));
  return database.db
    .transaction(async (tx) => {
      const { proposal, pact } = await loadPact(tx, actor, proposalId, true);
      // Signing for another unit's head is the same as the pact not existing for the caller.
      if (input.as === 'opd_head' && !headOf(actor, proposal.leadWorkUnitId)) throw new AppError('NOT_FOUND');
      if (!passwordOk) {
        await appendAudit(tx, actor.regionId, actor, {
          action: 'pact.sign_failed',
          entityType: 'pact',
          entityId: pact.id,
          summary: `Penandatanganan pakta ${pact.number} gagal: kata sandi salah`,
        });
        return { failed: true as const };
      }
      if (pact.outcome !== 'agreed')
        throw new AppError('CONFLICT', 'Pakta penolakan tidak ditandatangani menjadi kontrak');
      const roles = actor.roles
        .filter((r) => r.workUnitId === null || r.workUnitId === proposal.leadWorkUnitId)
        .map((r) => r.role);
      const signed = signPact(
        proposal.status as ProposalStatus,
        { opdHeadSignedAt: pact.opdHeadSignedAt, headOfRegionSignedAt: pact.headOfRegionSignedAt },
        input.as,
        roles,
        now,
      );
      if (!signed.ok) throw new AppError('CONFLICT', signed.message);
      await tx
        .update(pacts)
        .set(
          input.as === 'opd_head'
            ? { opdHeadSignedAt: now, opdHeadSignedBy: actor.userId }
            : { headOfRegionSignedAt: now, headOfRegionSignedBy: actor.userId },
        )
        .where(and(eq(pacts.regionId, actor.regionId), eq(pacts.id, pact.id)));
      await tx
        .update(pacts)
        .set({ version: sql`${pacts.version} + 1`, updatedAt: now })
        .where(and(eq(pacts.regionId, actor.regionId), eq(pacts.id, pact.id)));
      await appendAudit(tx, actor.regionId, actor, {
        action: 'pact.sign',
        entityType: 'pact',
        entityId: pact.id,
        summary: `Pakta ${pact.number} ditandatangani oleh ${actor.fullName} sebagai ${input.as === 'opd_head' ? 'Kepala OPD' : 'Kepala Daerah'}`,
        after: { as: input.as, signedAt: now.toISOString() },
      });
      if (signed.complete) {
        const moved = transition(proposal.status as ProposalStatus, 'sign', roles, {
          signatures: signed.signatures,
        });
        if (!moved.ok) throw new AppError('CONFLICT', moved.message);
        await tx
          .update(proposals)
          .set({ status: moved.to, version: sql`${proposals.version} + 1`, updatedAt: now })
          .where(and(eq(proposals.regionId, actor.regionId), eq(proposals.id, proposal.id)));
        await createContract(tx, actor, proposal, pact, now);
      }
      const after = await loadPact(tx, actor, proposalId);
      return { failed: false as const, dto: await toDto(tx, actor, config, after.pact, after.proposal) };
    })
    .then((r) => {
      if (r.failed) throw fieldError('password', 'Kata sandi salah');
      return r.dto;
    });
}

/** The contract of a fully signed pact: version 1 carries the agreed terms into monitoring. */
async function createContract(
  tx: Tx,
  actor: Actor,
  proposal: typeof proposals.$inferSelect,
  pact: PactRow,
  now: Date,
) {
  const content = pact.content as PactContent;
  const terms: Terms = {
    targets: content.indicators.flatMap((i) => i.targets.map((t) => ({ indicatorKey: i.key, ...t }))),
    milestones: content.milestones.map((m) => ({ milestoneKey: m.key, date: m.date })),
    budget: content.budget,
  };
  const draft = asDraft(proposal);
  const [contract] = await tx
    .insert(contracts)
    .values({
      regionId: actor.regionId,
      proposalId: proposal.id,
      pactId: pact.id,
      cycleId: proposal.cycleId,
      workUnitId: proposal.leadWorkUnitId,
      themeId: draft.themeId,
      title: proposal.title,
      currentVersion: 1,
      signedAt: now,
    })
    .returning();
  await tx.insert(contractVersions).values({
    regionId: actor.regionId,
    contractId: contract.id,
    version: 1,
    terms,
    amendmentId: null,
    createdAt: now,
  });
  const rows = contractRows(actor.regionId, contract.id, draft, terms);
  if (rows.indicators.length) await tx.insert(contractIndicators).values(rows.indicators);
  if (rows.targets.length) await tx.insert(contractTargets).values(rows.targets);
  if (rows.milestones.length) await tx.insert(contractMilestones).values(rows.milestones);
  await appendAudit(tx, actor.regionId, actor, {
    action: 'contract.create',
    entityType: 'contract',
    entityId: contract.id,
    summary: `Kontrak kinerja "${proposal.title}" berlaku (pakta ${pact.number})`,
    after: { version: 1, terms },
  });
}

/** The public check of a pact by its code: number, parties, date, signature times and content hash. */
export async function verifyPact(db: DbOrTx, code: string): Promise<PactVerification> {
  const [pact] = await db.select().from(pacts).where(eq(pacts.verificationCode, code));
  if (!pact) throw new AppError('NOT_FOUND', 'Kode verifikasi tidak dikenal');
  const content = pact.content as PactContent;
  const [region] = await db
    .select({ tz: regions.timezone })
    .from(regions)
    .where(eq(regions.id, pact.regionId));
  return {
    number: pact.number,
    regionName: content.regionName,
    timezone: region.tz,
    cycleName: content.cycleName,
    programTitle: content.program.title,
    outcome: pact.outcome as 'agreed' | 'refused',
    parties: [
      { role: 'opd_head', office: `Kepala ${content.unit.name}`, name: content.opdHead.name },
      { role: 'head_of_region', office: content.headOfRegion.title, name: content.headOfRegion.name },
    ],
    issuedAt: content.issuedAt,
    signatures: {
      opdHeadSignedAt: pact.opdHeadSignedAt?.toISOString() ?? null,
      headOfRegionSignedAt: pact.headOfRegionSignedAt?.toISOString() ?? null,
    },
    contentHash: pact.contentHash,
  };
}

const dateId = (iso: string, tz: string) =>
  new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: tz }).format(
    new Date(iso),
  );
const zoneNames: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};
const dateTimeId = (d: Date, tz: string) =>
  `${new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: tz }).format(d)} ${zoneNames[tz] ?? tz}`;

function targetText(t: { value?: number | null; lower?: number | null; upper?: number | null }) {
  if (t.lower !== undefined && t.lower !== null) return `${formatId(t.lower)} - ${formatId(t.upper)}`;
  return formatId(t.value);
}

/** The pact as PDF, built from the stored snapshot (never from HTML). */
export async function pactPdf(db: DbOrTx, actor: Actor, config: Config, proposalId: string) {
  const { pact } = await loadPact(db, actor, proposalId);
  const [r] = await db.select({ tz: regions.timezone }).from(regions).where(eq(regions.id, actor.regionId));
  const dto = await getPact(db, actor, config, proposalId);
  const c = dto.content;
  const years = Array.from({ length: c.term.endYear - c.term.startYear + 1 }, (_, i) => c.term.startYear + i);
  const agreed = c.outcome === 'agreed';
  const signature = (
    label: string,
    office: string,
    name: string,
    s: { signedAt: string } | null,
  ): PdfContent => ({
    stack: [
      { text: label, alignment: 'center' },
      { text: office, bold: true, alignment: 'center' },
      {
        text: s
          ? `Ditandatangani secara elektronik\n${dateTimeId(new Date(s.signedAt), r.tz)}`
          : '(belum ditandatangani)',
        alignment: 'center',
        style: 'muted',
        margin: [0, 14, 0, 14],
      },
      { text: name, bold: true, decoration: 'underline', alignment: 'center' },
    ],
  });
  const content: PdfContent[] = [
    { text: c.regionName.toUpperCase(), alignment: 'center', bold: true },
    { text: 'PAKTA INTEGRITAS KESANGGUPAN', style: 'h1', margin: [0, 8, 0, 0] },
    { text: c.cycleName, alignment: 'center' },
    { text: `Nomor: ${c.number}`, alignment: 'center', margin: [0, 2, 0, 10] },
    { text: 'Yang bertanda tangan di bawah ini:' },
    {
      table: {
        widths: [110, '*'],
        body: [
          ['Nama', c.opdHead.name],
          ['NIP', c.opdHead.nip ?? '-'],
          ['Jabatan', `Kepala ${c.unit.name}`],
          ['Unit kerja', `${c.unit.code} ${c.unit.name}`],
        ],
      },
      layout: 'noBorders',
      margin: [0, 4, 0, 6],
    },
    agreed
      ? {
          text: `dengan ini menyatakan SANGGUP mencapai target kinerja program berikut selama periode ${c.term.startYear}-${c.term.endYear}, sebagaimana disepakati dalam sidang Lelang Kinerja${c.rounds ? ` setelah ${c.rounds} putaran negosiasi` : ''}, dan bersedia menerima penghargaan maupun sanksi sesuai ketentuan yang berlaku.`,
        }
      : {
          text: `dengan ini menyatakan MENOLAK tawaran target panel Lelang Kinerja atas program berikut, dengan alasan: ${c.refusalReason ?? '-'}`,
        },
    { text: 'Program', style: 'h2' },
    {
      table: {
        widths: [110, '*'],
        body: [
          ['Judul program', c.program.title],
          ['Misi', c.program.missionName ?? '-'],
          ['Tema', c.program.themeName ?? '-'],
          ['Nilai sidang', c.score === null ? '-' : formatId(c.score)],
        ],
      },
      layout: 'noBorders',
    },
    { text: agreed ? 'Target yang disepakati' : 'Tawaran panel yang ditolak', style: 'h2' },
    pdfTable(
      ['Indikator', 'Titik nol (sumber)', ...years.map(String)],
      c.indicators.map((i) => [
        { text: `${i.name} (${i.unit})\n`, bold: true },
        `${formatId(i.baseline.value)} (${i.baseline.year ?? '-'})\n${i.baseline.source}`,
        ...years.map((y) => {
          const t = i.targets.find((x) => x.year === y);
          return t ? targetText(t) : '-';
        }),
      ]),
      ['*', 95, ...years.map(() => 42)],
    ),
    {
      text: c.indicators.map((i) => `${i.name}: ${polarityLabels[i.polarity]}`).join('; '),
      style: 'muted',
    },
    ...(c.milestones.length
      ? [
          { text: 'Jadwal kerja', style: 'h2' },
          pdfTable(
            ['Tahapan', 'Tenggat'],
            c.milestones.map((m) => [m.title, dateId(`${m.date}T12:00:00Z`, 'UTC')]),
            ['*', 120],
          ),
        ]
      : []),
    ...(c.budget.length
      ? [
          { text: 'Anggaran', style: 'h2' },
          pdfTable(
            c.budget.map((b) => String(b.year)),
            [c.budget.map((b) => formatRupiah(b.amount))],
          ),
        ]
      : []),
    {
      text: `Diterbitkan ${dateTimeId(new Date(c.issuedAt), r.tz)}`,
      margin: [0, 10, 0, 10],
    },
    {
      columns: [
        signature('Pihak yang menyatakan,', `Kepala ${c.unit.name}`, c.opdHead.name, dto.signatures.opdHead),
        signature('Mengetahui,', c.headOfRegion.title, c.headOfRegion.name, dto.signatures.headOfRegion),
      ],
      unbreakable: true,
    },
    {
      columns: [
        { qr: dto.verificationUrl, fit: 84, width: 96 },
        {
          stack: [
            { text: 'Verifikasi keaslian dokumen', bold: true },
            { text: `Kode verifikasi: ${pact.verificationCode}` },
            { text: dto.verificationUrl },
            { text: `Sidik isi (SHA-256): ${pact.contentHash}`, style: 'muted' },
          ],
          margin: [8, 8, 0, 0],
        },
      ],
      margin: [0, 16, 0, 0],
      unbreakable: true,
    },
  ];
  return {
    number: pact.number,
    pdf: await renderPdf({
      title: `Pakta Integritas ${pact.number}`,
      footer: `Pakta Integritas ${pact.number} - ${c.regionName}`,
      content,
    }),
  };
}
