import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreementRoutes,
  type Contract,
  type Negotiation,
  type Pact,
} from '../../src/contract/agreements.js';
import {
  attendanceRoutes,
  type AttendanceImport,
  type DevicePin,
  type ExcuseDto,
  type WorkScheduleDto,
} from '../../src/contract/attendance.js';
import { auditRoutes } from '../../src/contract/audit.js';
import { latenessRoutes } from '../../src/contract/lateness.js';
import { disciplineRoutes } from '../../src/contract/discipline.js';
import { latenessRulesRoutes, type LatenessRulesState } from '../../src/contract/lateness-rules.js';
import { monitoringRoutes } from '../../src/contract/monitoring.js';
import { calendarRoutes } from '../../src/contract/calendar.js';
import { dashboardRoutes } from '../../src/contract/dashboards.js';
import { authRoutes } from '../../src/contract/auth.js';
import { boardRoutes } from '../../src/contract/board.js';
import { civilServantRoutes, type CivilServant } from '../../src/contract/civil-servants.js';
import { cycleRoutes, type CycleDto, type Theme } from '../../src/contract/cycles.js';
import { proposalRoutes, type Proposal } from '../../src/contract/proposals.js';
import { scoringRoutes } from '../../src/contract/scoring.js';
import { sessionRoutes, type AuctionSession } from '../../src/contract/sessions.js';
import { healthRoutes } from '../../src/contract/health.js';
import { importRoutes, type ImportBatch } from '../../src/contract/imports.js';
import { regionRoutes, type Mission } from '../../src/contract/region.js';
import type { RouteDef } from '../../src/contract/route.js';
import { userRoutes, type User } from '../../src/contract/users.js';
import { workUnitRoutes, type WorkUnit } from '../../src/contract/work-units.js';
import {
  auditEntries,
  notifications,
  civilServants,
  importBatches,
  missions,
  userRoles,
  users,
  workUnits,
} from '../../src/server/db/schema.js';
import { evaluationRuns, rewards, sanctions } from '../../src/server/db/schema.js';
import { hashPassword } from '../../src/server/platform/passwords.js';
import { buildNip } from '../../src/server/seed/factories.js';
import { rng } from '../../src/server/seed/random.js';
import { fullScores } from '../support/auction.js';
import { multipart } from '../support/multipart.js';
import { Client, PASSWORD, REGION_A_USERS, setupWorld, type World } from '../support/harness.js';

/**
 * S1 (authorization matrix), S2 (tenant isolation) and S3 (object access). The expected answers
 * below are written by hand from the policies in src/server/modules/*\/*.routes.ts, so that a
 * policy change breaks this file until the table is reviewed and updated with it.
 */

// ---------------------------------------------------------------------------------------------
// Who may do what (by the usernames of region A in the harness)
// ---------------------------------------------------------------------------------------------

const EVERYONE = [
  'admin',
  'kepala',
  'panelis',
  'kaopd1',
  'operator1',
  'verifikator',
  'bkpsdm',
  'asn',
  'nasional',
] as const;
type Username = (typeof EVERYONE)[number];
type Who = Username | 'anonymous';
const WHO: Who[] = [...EVERYONE, 'anonymous'];

const ADMIN: Username[] = ['admin'];
const LATENESS_READERS: Username[] = ['admin', 'kepala', 'kaopd1', 'verifikator', 'bkpsdm'];
/** head_of_region, verifier, hr_officer and region_admin read the whole roster; opd_head/opd_operator their unit. */
const ROSTER_READERS: Username[] = ['admin', 'kepala', 'kaopd1', 'operator1', 'verifikator', 'bkpsdm'];
const ROSTER_WRITERS: Username[] = ['admin', 'bkpsdm'];
const IMPORTERS: Username[] = ['admin', 'bkpsdm'];
/** Attendance data (imports, device PINs, excuses, schedules): HR and the region admin. */
const ATTENDANCE_KEEPERS: Username[] = ['admin', 'bkpsdm'];

type Expect = '2xx' | '401' | '403' | '404';

interface Req {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send as this client instead of the role's shared one (e.g. a fresh session for logout). */
  client?: Client;
}

interface Row {
  def: RouteDef;
  allowed: readonly Username[] | 'public';
  /** Users the route's roles let in whose object scope does not reach the object: 404, as if missing. */
  outOfScope?: readonly Username[];
  prepare?: (who: Who) => Promise<Req>;
  /** Extra checks after a successful answer. */
  after?: (res: LightMyRequestResponse, req: Req) => Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// World and fresh objects (each write case gets its own object, read with its current version)
// ---------------------------------------------------------------------------------------------

let w: World;
let adm: Client;
const clients = {} as Record<Who, Client>;
let placeholderHash: string;
let batchA: ImportBatch;

let counter = 0;
const next = () => ++counter;
const nipRng = rng(424242);
const usedNips = new Set<string>();
function freshNip(): string {
  for (;;) {
    const nip = buildNip(nipRng, { today: new Date() });
    if (!usedNips.has(nip)) {
      usedNips.add(nip);
      return nip;
    }
  }
}

async function ok<T>(p: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const res = await p;
  if (res.statusCode !== status) throw new Error(`setup request failed: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

let missionSeq = 0;
async function freshMission(client = adm): Promise<Mission> {
  const n = missionSeq++;
  // Terms that overlap the test cycles (next year on), as a theme's mission must.
  const termStart = new Date().getUTCFullYear() - 1 + Math.floor(n / 90);
  return ok<Mission>(
    client.post('/api/missions', {
      termStart,
      termEnd: termStart + 4,
      number: 1 + (n % 90),
      title: `Misi uji ${n}`,
    }),
    201,
  );
}
const CYCLE_PHASES = {
  draftingStart: '2026-12-01',
  submissionDeadline: '2027-01-15',
  sessionsStart: '2027-02-01',
  sessionsEnd: '2027-02-05',
  negotiationDeadline: '2027-02-20',
  signingDeadline: '2027-03-01',
};
async function freshCycle(): Promise<CycleDto> {
  return ok<CycleDto>(
    adm.post('/api/cycles', {
      name: `Siklus uji ${next()}`,
      startYear: 2027,
      endYear: 2031,
      phases: CYCLE_PHASES,
    }),
    201,
  );
}
async function freshTheme(): Promise<Theme> {
  const c = await freshCycle();
  const m = await freshMission();
  return ok<Theme>(
    adm.post(`/api/cycles/${c.id}/themes`, {
      missionId: m.id,
      name: 'Tema uji',
      outcomeIndicatorName: 'Angka kematian ibu',
      outcomeIndicatorUnit: 'per 100.000 KH',
      outcomePolarity: 'lower_is_better',
    }),
    201,
  );
}
/** Local calendar days around today: a cycle open for drafting whatever day the test runs. */
const localDay = (offset: number) =>
  new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
let openCycle: CycleDto | null = null;
async function draftingCycle(): Promise<CycleDto> {
  const startYear = Number(localDay(-3).slice(0, 4)) + 1;
  openCycle ??= await ok<CycleDto>(
    adm.post('/api/cycles', {
      name: 'Siklus terbuka',
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
  return openCycle;
}
let openTheme: Theme | null = null;
/** A proposal of unit 1 that passes the completeness check. */
async function freshCompleteProposal(): Promise<Proposal> {
  const c = await draftingCycle();
  if (!openTheme) {
    const m = await freshMission();
    openTheme = await ok<Theme>(
      adm.post(`/api/cycles/${c.id}/themes`, {
        missionId: m.id,
        name: 'Tema usulan',
        outcomeIndicatorName: 'Angka kematian ibu',
        outcomeIndicatorUnit: 'per 100.000 KH',
        outcomePolarity: 'lower_is_better',
      }),
      201,
    );
  }
  const p = await freshProposal();
  const years = Array.from({ length: c.endYear - c.startYear + 1 }, (_, i) => c.startYear + i);
  const document = {
    ...p.document,
    problemStatement: 'Masalah yang didukung data.',
    missionId: openTheme.missionId,
    themeId: openTheme.id,
    leadShare: 100,
    budget: years.map((year) => ({ year, amount: 1_000_000 })),
    indicators: [
      {
        key: 'aki',
        name: 'Angka kematian ibu',
        unit: 'per 100.000 KH',
        polarity: 'lower_is_better' as const,
        aggregation: 'latest' as const,
        frequency: 'yearly' as const,
        weight: 100,
        baseline: { value: 120, year: c.startYear - 1, source: 'Dinas Kesehatan', breakdown: [] },
        targets: years.map((year, i) => ({ year, value: 110 - i })),
      },
    ],
    milestones: [{ key: 'm1', title: 'Pendataan', dueDate: `${c.startYear}-06-30` }],
  };
  const saved = await ok<Proposal>(
    clients.operator1.put(`/api/proposals/${p.id}`, { document, version: p.version }),
  );
  if (saved.problems.length) throw new Error(`incomplete fixture: ${JSON.stringify(saved.problems)}`);
  return saved;
}
async function freshSubmitted(): Promise<Proposal> {
  const p = await freshCompleteProposal();
  return ok<Proposal>(clients.kaopd1.post(`/api/proposals/${p.id}/submit`, { version: p.version }));
}
/** A session on the drafting cycle; with a proposal it is opened (scoring starts) unless `open` is false. */
async function freshSession(withProposal = false, open = withProposal): Promise<AuctionSession> {
  const c = await draftingCycle();
  const proposalIds = withProposal ? [(await freshSubmitted()).id] : [];
  const s = await ok<AuctionSession>(
    adm.post('/api/sessions', {
      cycleId: c.id,
      title: `Sidang ${next()}`,
      date: localDay(5),
      place: 'Ngalam Command Center',
      panelUserIds: [w.a.users.panelis],
      proposalIds,
    }),
    201,
  );
  return open ? ok<AuctionSession>(adm.post(`/api/sessions/${s.id}/open`, { version: s.version })) : s;
}
// negotiation, pact and contract fixtures: unit 1's proposals scored by panelis, chaired by kepala
async function freshScored(): Promise<Proposal> {
  const s = await freshSession(true);
  const id = s.agenda[0].proposalId;
  await ok(
    clients.panelis.put(`/api/proposals/${id}/scores`, {
      scores: fullScores(80, 70, 75, 60, 65),
      submit: true,
    }),
  );
  return ok<Proposal>(adm.get(`/api/proposals/${id}`));
}
const tougher = (value: number, rounds: number) => ({
  targets: [{ indicatorKey: 'aki', year: openCycle!.startYear, value }],
  milestoneDeadlines: [],
  reason: 'Data kohort memungkinkan target lebih berat',
  rounds,
});
/** In negotiation with the panel's first offer standing (awaiting the OPD). */
async function freshOffered(): Promise<string> {
  const p = await freshScored();
  await ok(clients.kepala.post(`/api/proposals/${p.id}/negotiation/offers`, tougher(109.5, 0)));
  return p.id;
}
/** In negotiation with the OPD's counter standing (awaiting the panel). */
async function freshCountered(): Promise<string> {
  const id = await freshOffered();
  await ok(clients.kaopd1.post(`/api/proposals/${id}/negotiation/offers`, tougher(109.8, 1)));
  return id;
}
/** Agreed as is: the pact is drawn up, nobody has signed. */
async function freshAgreed(): Promise<string> {
  const p = await freshScored();
  await ok(clients.kepala.post(`/api/proposals/${p.id}/agree`, { version: p.version }));
  return p.id;
}
/** A signed contract of unit 1. */
async function freshContract(): Promise<Contract> {
  const id = await freshAgreed();
  await ok(clients.kaopd1.post(`/api/proposals/${id}/pact/sign`, { as: 'opd_head', password: PASSWORD }));
  const pact = await ok<Pact>(
    clients.kepala.post(`/api/proposals/${id}/pact/sign`, { as: 'head_of_region', password: PASSWORD }),
  );
  return ok<Contract>(adm.get(`/api/contracts/${pact.contractId}`));
}
const amendmentBodyFor = (c: Contract) => ({
  changes: { targets: [{ indicatorKey: 'aki', year: c.term.startYear + 1, value: 108.5 }] },
  reason: 'Penyesuaian hasil evaluasi',
});
/** A contract with an open amendment proposed by `by`. */
async function freshAmendment(by: Client) {
  const c = await freshContract();
  const after = await ok<Contract>(by.post(`/api/contracts/${c.id}/amendments`, amendmentBodyFor(c)), 201);
  return { contract: after, amendment: after.amendments[0] };
}
/** The slot of the fixture indicator (yearly) for the contract's first year. */
const realizationUrl = (c: Contract) => `/api/contracts/${c.id}/realizations/aki/${c.term.startYear}`;
const PDF_BYTES = Buffer.from('%PDF-1.4\n%%EOF\n');
/** A realization entered by the operator (and submitted by the head when `submitted`). */
async function freshRealization(submitted = false) {
  const url = realizationUrl(await freshContract());
  const saved = await ok<{ version: number }>(clients.operator1.put(url, { value: 109 }));
  if (!submitted) return { url, version: saved.version };
  const sub = await ok<{ version: number }>(clients.kaopd1.post(`${url}/submit`, { version: saved.version }));
  return { url, version: sub.version };
}
async function freshEvidence(): Promise<string> {
  const m = multipart('bukti.pdf', PDF_BYTES);
  const res = await clients.operator1.request(
    'POST',
    `${realizationUrl(await freshContract())}/evidence`,
    m.payload,
    m.headers,
  );
  if (res.statusCode !== 201) throw new Error(`setup request failed: ${res.statusCode} ${res.body}`);
  return res.json().evidence[0].id;
}
/** A weekday of a year without a decree that no earlier case has made a holiday. */
let weekdaySeq = 0;
function freshWeekday(): string {
  for (;;) {
    const d = new Date(Date.UTC(2040, 0, 2) + weekdaySeq++ * 86_400_000);
    const day = d.toISOString().slice(0, 10);
    if (
      d.getUTCDay() !== 0 &&
      d.getUTCDay() !== 6 &&
      !['01-01', '05-01', '06-01', '08-17', '12-25'].includes(day.slice(5))
    )
      return day;
  }
}
async function freshProposal(): Promise<Proposal> {
  const c = await draftingCycle();
  return ok<Proposal>(
    clients.operator1.post('/api/proposals', { cycleId: c.id, title: `Usulan ${next()}` }),
    201,
  );
}
async function freshGoal(client = adm) {
  const m = await freshMission(client);
  return ok<{ id: string; version: number; missionId: string }>(
    client.post(`/api/missions/${m.id}/goals`, { number: 1, title: 'Tujuan uji' }),
    201,
  );
}
async function freshTarget(client = adm) {
  const g = await freshGoal(client);
  return ok<{ id: string; version: number }>(
    client.post(`/api/goals/${g.id}/targets`, { number: 1, title: 'Sasaran uji' }),
    201,
  );
}
async function freshUnit(client = adm): Promise<WorkUnit> {
  const n = next();
  return ok<WorkUnit>(
    client.post('/api/work-units', { code: `T-${n}`, name: `Unit Uji ${n}`, kind: 'dinas' }),
    201,
  );
}
async function freshAsn(client = adm, workUnitId = w.a.units.u1): Promise<CivilServant> {
  const n = next();
  return ok<CivilServant>(
    client.post('/api/civil-servants', {
      nip: freshNip(),
      name: `ASN Uji ${n}`,
      workUnitId,
      employmentType: 'PNS',
    }),
    201,
  );
}
/** A user written straight to the database (no slow hashing per case), read back through the API. */
async function freshUser(active = true, regionId = w.a.id): Promise<{ id: string; version: number }> {
  const n = next();
  const [u] = await w.database.db
    .insert(users)
    .values({
      regionId,
      username: `target${n}`,
      fullName: `Target ${n}`,
      passwordHash: placeholderHash,
      active,
    })
    .returning({ id: users.id, version: users.version });
  await w.database.db.insert(userRoles).values({ regionId, userId: u.id, role: 'asn', workUnitId: null });
  return u;
}

function csvUpload(rows: string[][], fileName = 'unit.csv') {
  const boundary = `----lkBoundary${next()}`;
  const csv = ['kode,nama,jenis', ...rows.map((r) => r.join(','))].join('\n') + '\n';
  const payload =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n` +
    `${csv}\r\n--${boundary}--\r\n`;
  return { body: payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
function unitFile(fileName?: string) {
  const n = next();
  return csvUpload([[`IMP-${n}`, `Unit Impor ${n}`, 'dinas']], fileName);
}
async function freshBatch(client = adm, fileName?: string): Promise<ImportBatch> {
  const f = unitFile(fileName);
  const b = await ok<ImportBatch>(client.post('/api/imports/work_units', f.body, f.headers), 201);
  expect(b.status).toBe('previewed');
  return b;
}
async function settled(client: Client, id: string): Promise<ImportBatch> {
  for (let i = 0; i < 200; i++) {
    const b = await ok<ImportBatch>(client.get(`/api/imports/batch/${id}`));
    if (b.status !== 'committing') return b;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import commit did not finish');
}

/** An attlog of one punch of a region's ASN (enrolled with the NIP as PIN), a new minute each call. */
let punchSeq = 0;
function attlogUpload(nip: string) {
  const n = punchSeq++;
  const at = `2026-03-${String(2 + Math.floor(n / 600)).padStart(2, '0')} ${String(6 + Math.floor((n % 600) / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00`;
  const m = multipart('1_attlog.dat', `${nip}\t${at}\t0\t1\t0\t0\r\n`);
  return { body: m.payload, headers: m.headers };
}
async function attendanceSettled(client: Client, id: string): Promise<AttendanceImport> {
  for (let i = 0; i < 200; i++) {
    const b = await ok<AttendanceImport>(client.get(`/api/attendance/imports/${id}`));
    if (b.status !== 'committing') return b;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('attendance import did not finish');
}
/** A committed attendance import of the client's region. */
async function freshAttendanceImport(client: Client, nip: string): Promise<AttendanceImport> {
  const f = attlogUpload(nip);
  const started = await ok<AttendanceImport>(client.post('/api/attendance/imports', f.body, f.headers), 202);
  return attendanceSettled(client, started.id);
}
let attendanceImportA: AttendanceImport | null = null;
let pinSeq = 0;
async function freshDevicePin(client = adm, civilServantId = w.a.people.u1[0]): Promise<DevicePin> {
  return ok<DevicePin>(client.put('/api/attendance/device-pins', { pin: `P${pinSeq++}`, civilServantId }));
}
async function freshExcuse(client = adm, civilServantId = w.a.people.u1[1]): Promise<ExcuseDto> {
  const day = freshWeekday();
  return ok<ExcuseDto>(
    client.post('/api/attendance/excuses', { civilServantId, kind: 'leave', start: day, end: day }),
    201,
  );
}

const asnBody = (c: CivilServant) => ({
  nip: c.nip,
  name: `${c.name} (ubah)`,
  rankGrade: c.rankGrade,
  position: c.position,
  workUnitId: c.workUnitId,
  employmentType: c.employmentType,
  email: c.email,
  phone: c.phone,
  active: c.active,
  version: c.version,
});

// ---------------------------------------------------------------------------------------------
// The table: every route of the contract, with who gets a 2xx
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Sanctions and rewards: fresh cases about the harness ASN (u1), proposed by the region admin
// ---------------------------------------------------------------------------------------------

const RULE_READERS: Username[] = ['admin', 'kepala', 'verifikator', 'bkpsdm'];
const EVALUATORS: Username[] = ['admin', 'bkpsdm'];
/** Who reads a case of an ASN of u1: the region's overseers, the unit's head and the ASN. */
const CASE_VIEWERS: Username[] = ['admin', 'kepala', 'verifikator', 'bkpsdm', 'kaopd1', 'asn'];
const CASE_OUTSIDERS: Username[] = ['panelis', 'operator1', 'nasional'];
const DISCIPLINE_BOARD: Username[] = ['admin', 'kepala', 'verifikator', 'bkpsdm'];
const DISCIPLINE_ROSTER: Username[] = ['admin', 'kepala', 'kaopd1', 'verifikator', 'bkpsdm'];

let caseRunId: string | null = null;
async function caseRun() {
  if (!caseRunId) {
    const [r] = await w.database.db
      .insert(evaluationRuns)
      .values({
        regionId: w.a.id,
        periodKey: '2026-M09',
        asOf: '2026-09-30',
        rules: [],
        hits: 0,
        sanctionsCreated: 0,
        rewardsCreated: 0,
        trigger: 'manual',
        createdBy: w.a.users.admin,
      })
      .returning({ id: evaluationRuns.id });
    caseRunId = r.id;
  }
  return caseRunId;
}

async function linkAsn() {
  await w.database.db
    .update(users)
    .set({ civilServantId: w.a.people.u1[0] })
    .where(and(eq(users.regionId, w.a.id), eq(users.id, w.a.users.asn)));
}

function caseBase(runId: string, n: number) {
  return {
    regionId: w.a.id,
    runId,
    ruleId: runId,
    ruleCode: 'SUKA_TERLAMBAT',
    ruleVersion: 1,
    ruleName: 'Suka terlambat',
    legalBasis: 'Perwali Kota Uji Nomor 1 Tahun 2019, Pasal 3',
    hitKey: `UJI|${n}|2026-M09`,
    periodKey: '2026-M09',
    hitOn: '2026-09-30',
    subjectKind: 'asn',
    workUnitId: w.a.units.u1,
    civilServantId: w.a.people.u1[0],
    subjectUserId: w.a.users.asn,
    subjectName: 'ASN Uji',
    facts: [],
    summary: 'Terlambat 4 hari',
    proposedBy: w.a.users.admin,
  };
}

async function freshSanction(values: Partial<typeof sanctions.$inferInsert> = {}) {
  await linkAsn();
  const n = next();
  const [s] = await w.database.db
    .insert(sanctions)
    .values({
      ...caseBase(await caseRun(), n),
      state: 'proposed',
      label: 'SUKA TERLAMBAT',
      baseWorkingDays: 5,
      workingDays: 5,
      ...values,
    })
    .returning();
  return s;
}

async function freshReward(values: Partial<typeof rewards.$inferInsert> = {}) {
  await linkAsn();
  const [r] = await w.database.db
    .insert(rewards)
    .values({
      ...caseBase(await caseRun(), next()),
      ruleCode: 'ASN_TELADAN',
      state: 'proposed',
      certificateText: 'Piagam Penghargaan ASN Teladan',
      ...values,
    })
    .returning();
  return r;
}

let appealFile: { sanctionId: string; fileId: string } | null = null;
async function sanctionWithAppealFile() {
  if (!appealFile) {
    const s = await freshSanction({
      state: 'notified',
      notifiedOn: '2026-09-30',
      appealDeadline: '2099-12-31',
    });
    const up = multipart('keberatan.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    const f = await ok<{ id: string }>(
      clients.asn.post(`/api/discipline/sanctions/${s.id}/appeal-files`, up.payload, up.headers),
      201,
    );
    appealFile = { sanctionId: s.id, fileId: f.id };
  }
  return appealFile;
}

const newRule = (code: string) => ({
  code,
  name: 'Aturan uji',
  legalBasis: 'Perwali Kota Uji Nomor 1 Tahun 2019, Pasal 9',
  kind: 'sanction',
  subject: 'opd_head',
  condition: { kind: 'report_late', moreThanWorkingDays: 30 },
  consequence: { kind: 'vest', label: 'UJI', workingDays: 1 },
  escalation: null,
});

const TABLE: Row[] = [
  // health
  { def: healthRoutes.health, allowed: 'public' },

  // auth
  { def: authRoutes.publicRegions, allowed: 'public' },
  {
    def: authRoutes.login,
    allowed: 'public',
    prepare: async (who) => ({
      url: '/api/auth/login',
      body: { regionSlug: w.a.slug, username: who === 'anonymous' ? 'asn' : who, password: PASSWORD },
    }),
  },
  {
    def: authRoutes.logout,
    allowed: EVERYONE,
    // A session of its own, so that the shared one of the role lives on.
    prepare: async (who) => ({
      url: '/api/auth/logout',
      client: who === 'anonymous' ? w.anonymous() : await w.login(who),
    }),
    after: async (_res, req) => expect((await req.client!.get('/api/auth/me')).statusCode).toBe(401),
  },
  { def: authRoutes.me, allowed: EVERYONE },
  {
    def: authRoutes.setLocale,
    allowed: EVERYONE,
    prepare: async () => ({ url: '/api/auth/locale', body: { locale: 'id' } }),
  },

  // region profile and missions
  { def: regionRoutes.getRegion, allowed: EVERYONE },
  {
    def: regionRoutes.updateRegion,
    allowed: ADMIN,
    prepare: async () => {
      const r = await ok<{
        name: string;
        kind: string;
        timezone: string;
        headTitle: string;
        version: number;
      }>(adm.get('/api/region'));
      return {
        url: '/api/region',
        body: {
          name: r.name,
          kind: r.kind,
          timezone: r.timezone,
          headTitle: r.headTitle,
          version: r.version,
        },
      };
    },
  },
  { def: regionRoutes.listMissions, allowed: EVERYONE },
  {
    def: regionRoutes.createMission,
    allowed: ADMIN,
    prepare: async () => {
      const n = missionSeq++;
      return {
        url: '/api/missions',
        body: {
          termStart: 2000 + Math.floor(n / 90),
          termEnd: 2004 + Math.floor(n / 90),
          number: 1 + (n % 90),
          title: `Misi baru ${n}`,
        },
      };
    },
  },
  {
    def: regionRoutes.updateMission,
    allowed: ADMIN,
    prepare: async () => {
      const m = await freshMission();
      return {
        url: `/api/missions/${m.id}`,
        body: {
          termStart: m.termStart,
          termEnd: m.termEnd,
          number: m.number,
          title: `${m.title} (ubah)`,
          version: m.version,
        },
      };
    },
  },
  {
    def: regionRoutes.deleteMission,
    allowed: ADMIN,
    prepare: async () => {
      const m = await freshMission();
      return { url: `/api/missions/${m.id}`, body: { version: m.version } };
    },
  },
  {
    def: regionRoutes.createGoal,
    allowed: ADMIN,
    prepare: async () => ({
      url: `/api/missions/${(await freshMission()).id}/goals`,
      body: { number: 2, title: 'Tujuan baru' },
    }),
  },
  {
    def: regionRoutes.updateGoal,
    allowed: ADMIN,
    prepare: async () => {
      const g = await freshGoal();
      return { url: `/api/goals/${g.id}`, body: { number: 3, title: 'Tujuan diubah', version: g.version } };
    },
  },
  {
    def: regionRoutes.deleteGoal,
    allowed: ADMIN,
    prepare: async () => {
      const g = await freshGoal();
      return { url: `/api/goals/${g.id}`, body: { version: g.version } };
    },
  },
  {
    def: regionRoutes.createTarget,
    allowed: ADMIN,
    prepare: async () => ({
      url: `/api/goals/${(await freshGoal()).id}/targets`,
      body: { number: 2, title: 'Sasaran baru' },
    }),
  },
  {
    def: regionRoutes.updateTarget,
    allowed: ADMIN,
    prepare: async () => {
      const t = await freshTarget();
      return {
        url: `/api/targets/${t.id}`,
        body: { number: 4, title: 'Sasaran diubah', version: t.version },
      };
    },
  },
  {
    def: regionRoutes.deleteTarget,
    allowed: ADMIN,
    prepare: async () => {
      const t = await freshTarget();
      return { url: `/api/targets/${t.id}`, body: { version: t.version } };
    },
  },

  // proposals: drafted by the lead unit's head and operator, read region-wide by the admin and the
  // head of region; panelists only on their session's agenda (none yet), so 404
  { def: proposalRoutes.list, allowed: ['admin', 'kepala', 'panelis', 'kaopd1', 'operator1'] },
  {
    def: proposalRoutes.get,
    allowed: ['admin', 'kepala', 'kaopd1', 'operator1'],
    outOfScope: ['panelis'],
    prepare: async () => ({ url: `/api/proposals/${(await freshProposal()).id}` }),
  },
  {
    def: proposalRoutes.create,
    allowed: ['kaopd1', 'operator1'],
    prepare: async () => ({ url: '/api/proposals', body: { cycleId: (await draftingCycle()).id } }),
  },
  {
    def: proposalRoutes.save,
    allowed: ['kaopd1', 'operator1'],
    prepare: async () => {
      const p = await freshProposal();
      return {
        url: `/api/proposals/${p.id}`,
        body: { document: { ...p.document, title: 'Judul baru' }, version: p.version },
      };
    },
  },
  {
    def: proposalRoutes.withdraw,
    allowed: ['kaopd1'],
    prepare: async () => {
      const p = await freshProposal();
      return { url: `/api/proposals/${p.id}/withdraw`, body: { version: p.version } };
    },
  },

  {
    def: proposalRoutes.submit,
    allowed: ['kaopd1'],
    prepare: async () => {
      const p = await freshCompleteProposal();
      return { url: `/api/proposals/${p.id}/submit`, body: { version: p.version } };
    },
  },
  {
    def: proposalRoutes.reopen,
    allowed: ['admin'],
    prepare: async () => {
      const p = await freshSubmitted();
      return { url: `/api/proposals/${p.id}/reopen`, body: { version: p.version } };
    },
  },

  // sessions: the admin schedules; panel members, the units on the agenda and the region readers read
  { def: sessionRoutes.list, allowed: ['admin', 'kepala', 'panelis', 'kaopd1', 'operator1'] },
  {
    def: sessionRoutes.get,
    allowed: ['admin', 'kepala', 'panelis', 'kaopd1', 'operator1'],
    prepare: async () => ({ url: `/api/sessions/${(await freshSession(true)).id}` }),
  },
  {
    def: sessionRoutes.create,
    allowed: ADMIN,
    prepare: async () => ({
      url: '/api/sessions',
      body: {
        cycleId: (await draftingCycle()).id,
        title: `Sidang baru ${next()}`,
        date: localDay(6),
        place: 'Balai Kota',
        panelUserIds: [w.a.users.panelis],
        proposalIds: [],
      },
    }),
  },
  {
    def: sessionRoutes.open,
    allowed: ['admin', 'kepala'],
    prepare: async () => {
      const s = await freshSession(true, false);
      return { url: `/api/sessions/${s.id}/open`, body: { version: s.version } };
    },
  },
  {
    def: sessionRoutes.cancel,
    allowed: ADMIN,
    prepare: async () => {
      const s = await freshSession(true, false);
      return {
        url: `/api/sessions/${s.id}/cancel`,
        body: { version: s.version, reason: 'Ruang tidak tersedia' },
      };
    },
  },
  {
    def: sessionRoutes.update,
    allowed: ADMIN,
    prepare: async () => {
      const s = await freshSession();
      return {
        url: `/api/sessions/${s.id}`,
        body: {
          title: `${s.title} (ubah)`,
          date: s.date,
          place: s.place,
          panelUserIds: [w.a.users.panelis],
          proposalIds: [],
          version: s.version,
        },
      };
    },
  },

  // scoring: the session's panel (panelis sits on every fixture session), its chair, the head of
  // region and the admin read the sheet; only panelists score or declare a conflict
  {
    def: scoringRoutes.get,
    allowed: ['admin', 'kepala', 'panelis'],
    prepare: async () => ({
      url: `/api/proposals/${(await freshSession(true)).agenda[0].proposalId}/scoring`,
    }),
  },
  {
    def: scoringRoutes.save,
    allowed: ['panelis'],
    prepare: async () => ({
      url: `/api/proposals/${(await freshSession(true)).agenda[0].proposalId}/scores`,
      body: { scores: [{ criterionCode: 'target_ambition', score: 70 }], submit: false },
    }),
  },
  {
    def: scoringRoutes.conflict,
    allowed: ['panelis'],
    prepare: async () => ({
      url: `/api/proposals/${(await freshSession(true)).agenda[0].proposalId}/conflict`,
      body: { reason: 'Hubungan keluarga dengan pengusul' },
    }),
  },

  // negotiation: read like the proposal (panelis sits on the fixture session); the head of region
  // offers for the panel, the unit's head answers for the OPD; each answer needs the state it answers
  {
    def: agreementRoutes.negotiation,
    allowed: ['admin', 'kepala', 'panelis', 'kaopd1', 'operator1'],
    prepare: async () => ({ url: `/api/proposals/${(await freshScored()).id}/negotiation` }),
  },
  {
    def: agreementRoutes.offer,
    allowed: ['kepala', 'kaopd1'],
    prepare: async (who) =>
      who === 'kaopd1'
        ? { url: `/api/proposals/${await freshOffered()}/negotiation/offers`, body: tougher(109.8, 1) }
        : { url: `/api/proposals/${(await freshScored()).id}/negotiation/offers`, body: tougher(109.5, 0) },
  },
  {
    def: agreementRoutes.accept,
    allowed: ['kepala', 'kaopd1'],
    prepare: async (who) =>
      who === 'kaopd1'
        ? { url: `/api/proposals/${await freshOffered()}/negotiation/accept`, body: { round: 1 } }
        : { url: `/api/proposals/${await freshCountered()}/negotiation/accept`, body: { round: 2 } },
  },
  {
    def: agreementRoutes.refuse,
    allowed: ['kaopd1'],
    prepare: async () => ({
      url: `/api/proposals/${await freshOffered()}/negotiation/refuse`,
      body: { round: 1, reason: 'Anggaran tidak mencukupi' },
    }),
  },
  {
    def: agreementRoutes.agreeAsIs,
    allowed: ['kepala'],
    prepare: async () => {
      const p = await freshScored();
      return { url: `/api/proposals/${p.id}/agree`, body: { version: p.version } };
    },
  },
  {
    def: agreementRoutes.extend,
    allowed: ['admin'],
    prepare: async () => {
      const id = await freshOffered();
      const n = await ok<Negotiation>(adm.get(`/api/proposals/${id}/negotiation`));
      return {
        url: `/api/proposals/${id}/negotiation/extension`,
        body: { deadline: localDay(11), reason: 'Menunggu data', version: n.version },
      };
    },
  },
  {
    def: agreementRoutes.pact,
    allowed: ['admin', 'kepala', 'panelis', 'kaopd1', 'operator1'],
    prepare: async () => ({ url: `/api/proposals/${await freshAgreed()}/pact` }),
  },
  {
    def: agreementRoutes.pactPdf,
    allowed: ['admin', 'kepala', 'panelis', 'kaopd1', 'operator1'],
    prepare: async () => ({ url: `/api/proposals/${await freshAgreed()}/pact.pdf` }),
    after: async (res) => expect(res.headers['content-type']).toBe('application/pdf'),
  },
  {
    def: agreementRoutes.sign,
    allowed: ['kepala', 'kaopd1'],
    prepare: async (who) => ({
      url: `/api/proposals/${await freshAgreed()}/pact/sign`,
      body: { as: who === 'kaopd1' ? 'opd_head' : 'head_of_region', password: PASSWORD },
    }),
  },
  {
    def: agreementRoutes.verify,
    allowed: 'public',
    prepare: async () => {
      const pact = await ok<Pact>(adm.get(`/api/proposals/${await freshAgreed()}/pact`));
      return { url: `/api/public/pacts/${pact.verificationCode}` };
    },
  },

  // contracts: read by the region readers (verifiers check realizations against them) and the unit;
  // amendments asked by the unit's head or the region, decided by the head of region (not the asker)
  { def: agreementRoutes.contracts, allowed: ['admin', 'kepala', 'verifikator', 'kaopd1', 'operator1'] },
  {
    def: agreementRoutes.contract,
    allowed: ['admin', 'kepala', 'verifikator', 'kaopd1', 'operator1'],
    prepare: async () => ({ url: `/api/contracts/${(await freshContract()).id}` }),
  },
  {
    def: agreementRoutes.amend,
    allowed: ['admin', 'kepala', 'kaopd1'],
    prepare: async () => {
      const c = await freshContract();
      return { url: `/api/contracts/${c.id}/amendments`, body: amendmentBodyFor(c) };
    },
  },
  {
    def: agreementRoutes.approveAmendment,
    allowed: ['kepala'],
    prepare: async () => {
      const { contract, amendment } = await freshAmendment(clients.kaopd1);
      return {
        url: `/api/contracts/${contract.id}/amendments/${amendment.id}/approve`,
        body: { version: amendment.version },
      };
    },
  },
  {
    def: agreementRoutes.rejectAmendment,
    allowed: ['kepala'],
    prepare: async () => {
      const { contract, amendment } = await freshAmendment(clients.kaopd1);
      return {
        url: `/api/contracts/${contract.id}/amendments/${amendment.id}/reject`,
        body: { version: amendment.version, reason: 'Belum didukung data' },
      };
    },
  },
  {
    def: agreementRoutes.withdrawAmendment,
    allowed: ['admin', 'kepala', 'kaopd1'],
    prepare: async (who) => {
      const asker = who === 'admin' || who === 'kepala' ? clients[who] : clients.kaopd1;
      const { contract, amendment } = await freshAmendment(asker);
      return {
        url: `/api/contracts/${contract.id}/amendments/${amendment.id}/withdraw`,
        body: { version: amendment.version },
      };
    },
  },

  // monitoring: the contract's unit enters (operator, head) and submits (head); verifiers verify;
  // the admin closes and reopens periods; evidence is read like the realization
  {
    def: monitoringRoutes.todo,
    allowed: ['admin', 'kepala', 'kaopd1', 'operator1', 'verifikator'],
  },
  {
    def: monitoringRoutes.realization,
    allowed: ['admin', 'kepala', 'verifikator', 'kaopd1', 'operator1'],
    prepare: async () => ({ url: realizationUrl(await freshContract()) }),
  },
  {
    def: monitoringRoutes.save,
    allowed: ['kaopd1', 'operator1'],
    prepare: async () => ({ url: realizationUrl(await freshContract()), body: { value: 109 } }),
  },
  {
    def: monitoringRoutes.submit,
    allowed: ['kaopd1'],
    prepare: async () => {
      const { url, version } = await freshRealization();
      return { url: `${url}/submit`, body: { version } };
    },
  },
  {
    def: monitoringRoutes.verify,
    allowed: ['verifikator'],
    prepare: async () => {
      const { url, version } = await freshRealization(true);
      return { url: `${url}/verify`, body: { version } };
    },
  },
  {
    def: monitoringRoutes.return,
    allowed: ['verifikator'],
    prepare: async () => {
      const { url, version } = await freshRealization(true);
      return { url: `${url}/return`, body: { version, reason: 'Bukti belum lengkap' } };
    },
  },
  {
    def: monitoringRoutes.upload,
    allowed: ['kaopd1', 'operator1'],
    prepare: async () => {
      const m = multipart('bukti.pdf', PDF_BYTES);
      return {
        url: `${realizationUrl(await freshContract())}/evidence`,
        body: m.payload,
        headers: m.headers,
      };
    },
  },
  {
    def: monitoringRoutes.evidence,
    allowed: ['admin', 'kepala', 'verifikator', 'kaopd1', 'operator1'],
    prepare: async () => ({ url: `/api/evidence/${await freshEvidence()}` }),
  },
  {
    def: monitoringRoutes.removeEvidence,
    allowed: ['kaopd1', 'operator1'],
    prepare: async () => ({ url: `/api/evidence/${await freshEvidence()}` }),
  },
  {
    def: monitoringRoutes.milestones,
    allowed: ['admin', 'kepala', 'verifikator', 'kaopd1', 'operator1'],
    prepare: async () => ({ url: `/api/contracts/${(await freshContract()).id}/milestones` }),
  },
  {
    def: monitoringRoutes.markMilestone,
    allowed: ['kaopd1', 'operator1'],
    prepare: async () => ({
      url: `/api/contracts/${(await freshContract()).id}/milestones/m1/done`,
      body: { doneOn: localDay(0) },
    }),
  },
  {
    def: monitoringRoutes.uploadMilestoneEvidence,
    allowed: ['kaopd1', 'operator1'],
    prepare: async () => {
      const c = await freshContract();
      await ok(clients.operator1.post(`/api/contracts/${c.id}/milestones/m1/done`, { doneOn: localDay(0) }));
      const m = multipart('bukti.pdf', PDF_BYTES);
      return { url: `/api/contracts/${c.id}/milestones/m1/evidence`, body: m.payload, headers: m.headers };
    },
  },
  {
    def: dashboardRoutes.overview,
    allowed: ['admin', 'kepala', 'verifikator', 'kaopd1', 'operator1', 'nasional'],
  },
  {
    def: dashboardRoutes.scorecard,
    allowed: ['admin', 'kepala', 'verifikator', 'kaopd1', 'operator1'],
    prepare: async () => ({ url: `/api/monitoring/units/${w.a.units.u1}/scorecard` }),
  },
  {
    def: dashboardRoutes.unitMonev,
    allowed: ['admin', 'kepala', 'verifikator', 'kaopd1', 'operator1'],
    prepare: async () => ({ url: `/api/monitoring/units/${w.a.units.u1}/monev.pdf?year=2026&quarter=1` }),
    after: async (res) => expect(res.headers['content-type']).toBe('application/pdf'),
  },
  {
    def: dashboardRoutes.unitMonevXlsx,
    allowed: ['admin', 'kepala', 'verifikator', 'kaopd1', 'operator1'],
    prepare: async () => ({ url: `/api/monitoring/units/${w.a.units.u1}/monev.xlsx?year=2026&quarter=1` }),
  },
  {
    def: dashboardRoutes.lkjip,
    allowed: ['admin', 'kepala', 'verifikator', 'kaopd1', 'operator1'],
    prepare: async () => ({ url: `/api/monitoring/units/${w.a.units.u1}/lkjip.pdf?year=2026` }),
  },
  {
    def: dashboardRoutes.regionMonev,
    allowed: ['admin', 'kepala', 'verifikator'],
    prepare: async () => ({ url: '/api/monitoring/monev.pdf?year=2026&quarter=1' }),
  },
  {
    def: dashboardRoutes.regionMonevXlsx,
    allowed: ['admin', 'kepala', 'verifikator'],
    prepare: async () => ({ url: '/api/monitoring/monev.xlsx?year=2026&quarter=1' }),
  },
  { def: monitoringRoutes.notifications, allowed: EVERYONE },
  {
    def: monitoringRoutes.readNotification,
    allowed: EVERYONE,
    prepare: async (who) => {
      if (who === 'anonymous') return { url: `/api/notifications/${randomUUID()}/read` };
      const [n] = await w.database.db
        .insert(notifications)
        .values({
          regionId: w.a.id,
          userId: w.a.users[who],
          kind: 'deadline_soon',
          title: 'Uji',
          body: 'Uji',
          dedupeKey: `uji:${next()}`,
        })
        .returning({ id: notifications.id });
      return { url: `/api/notifications/${n.id}/read` };
    },
  },
  { def: monitoringRoutes.readAllNotifications, allowed: EVERYONE },
  { def: monitoringRoutes.queue, allowed: ['verifikator', 'admin'] },
  {
    def: monitoringRoutes.closePeriod,
    allowed: ADMIN,
    prepare: async () => ({ url: `/api/periods/${3000 + next()}-Q1/close` }),
  },
  {
    def: monitoringRoutes.reopenPeriod,
    allowed: ADMIN,
    prepare: async () => {
      const key = `${3000 + next()}-Q2`;
      await ok(adm.post(`/api/periods/${key}/close`));
      return { url: `/api/periods/${key}/reopen`, body: { reason: 'Data terlambat' } };
    },
  },

  // the working-day calendar and monitoring settings: read by everyone signed in, edited by the admin
  { def: calendarRoutes.year, allowed: EVERYONE, prepare: async () => ({ url: '/api/calendar?year=2026' }) },
  {
    def: calendarRoutes.add,
    allowed: ADMIN,
    prepare: async () => ({
      url: '/api/calendar/entries',
      body: { date: freshWeekday(), kind: 'regional_holiday', name: 'Libur daerah uji' },
    }),
  },
  {
    def: calendarRoutes.remove,
    allowed: ADMIN,
    prepare: async () => {
      const date = freshWeekday();
      await ok(
        adm.post('/api/calendar/entries', { date, kind: 'regional_holiday', name: 'Libur daerah uji' }),
        201,
      );
      return { url: '/api/calendar/entries/remove', body: { date, kind: 'regional_holiday' } };
    },
  },
  { def: calendarRoutes.settings, allowed: EVERYONE },
  {
    def: calendarRoutes.updateSettings,
    allowed: ADMIN,
    prepare: async () => {
      const s = await ok<{
        reportDeadlineDay: number;
        achievementCap: number | null;
        predicateBands: unknown[];
        version: number;
      }>(adm.get('/api/monitoring/settings'));
      return { url: '/api/monitoring/settings', body: { ...s } };
    },
  },

  // cycle board: the admin and the head of region see the whole cycle and export it
  {
    def: boardRoutes.board,
    allowed: ['admin', 'kepala'],
    prepare: async () => ({ url: `/api/cycles/${(await draftingCycle()).id}/board` }),
  },
  {
    def: boardRoutes.boardXlsx,
    allowed: ['admin', 'kepala'],
    prepare: async () => ({ url: `/api/cycles/${(await draftingCycle()).id}/board.xlsx` }),
    after: async (res) => expect(res.headers['content-disposition']).toMatch(/^attachment; filename=/),
  },
  {
    def: boardRoutes.resultsPdf,
    allowed: ['admin', 'kepala'],
    prepare: async () => ({ url: `/api/cycles/${(await draftingCycle()).id}/results.pdf` }),
    after: async (res) => expect(res.headers['content-type']).toBe('application/pdf'),
  },

  // auction cycles: every signed-in user reads the phases, rubric and themes; the admin writes
  { def: cycleRoutes.list, allowed: EVERYONE },
  {
    def: cycleRoutes.get,
    allowed: EVERYONE,
    prepare: async () => ({ url: `/api/cycles/${(await freshCycle()).id}` }),
  },
  {
    def: cycleRoutes.create,
    allowed: ADMIN,
    prepare: async () => ({
      url: '/api/cycles',
      body: { name: `Siklus baru ${next()}`, startYear: 2027, endYear: 2031, phases: CYCLE_PHASES },
    }),
  },
  {
    def: cycleRoutes.update,
    allowed: ADMIN,
    prepare: async () => {
      const c = await freshCycle();
      return {
        url: `/api/cycles/${c.id}`,
        body: {
          name: `${c.name} (ubah)`,
          startYear: 2027,
          endYear: 2031,
          phases: CYCLE_PHASES,
          rubric: c.rubric,
          budgetCeilings: [],
          version: c.version,
        },
      };
    },
  },
  {
    def: cycleRoutes.createTheme,
    allowed: ADMIN,
    prepare: async () => ({
      url: `/api/cycles/${(await freshCycle()).id}/themes`,
      body: {
        missionId: (await freshMission()).id,
        name: 'Tema baru',
        outcomeIndicatorName: 'Prevalensi stunting',
        outcomeIndicatorUnit: '%',
        outcomePolarity: 'lower_is_better',
      },
    }),
  },
  {
    def: cycleRoutes.updateTheme,
    allowed: ADMIN,
    prepare: async () => {
      const t = await freshTheme();
      return {
        url: `/api/themes/${t.id}`,
        body: {
          missionId: t.missionId,
          name: 'Tema diubah',
          outcomeIndicatorName: t.outcomeIndicatorName,
          outcomeIndicatorUnit: t.outcomeIndicatorUnit,
          outcomePolarity: t.outcomePolarity,
          version: t.version,
        },
      };
    },
  },
  {
    def: cycleRoutes.deleteTheme,
    allowed: ADMIN,
    prepare: async () => {
      const t = await freshTheme();
      return { url: `/api/themes/${t.id}`, body: { version: t.version } };
    },
  },
  {
    def: cycleRoutes.extend,
    allowed: ADMIN,
    prepare: async () => ({
      url: `/api/cycles/${(await freshCycle()).id}/extensions`,
      body: { workUnitId: w.a.units.u1, deadline: '2027-01-25', reason: 'Data dasar dari BPS terlambat' },
    }),
  },
  {
    def: cycleRoutes.revokeExtension,
    allowed: ADMIN,
    prepare: async () => {
      const c = await freshCycle();
      const ext = await ok<{ id: string }>(
        adm.post(`/api/cycles/${c.id}/extensions`, {
          workUnitId: w.a.units.u1,
          deadline: '2027-01-25',
          reason: 'Data dasar dari BPS terlambat',
        }),
        201,
      );
      return { url: `/api/cycles/${c.id}/extensions/${ext.id}/revoke`, body: { reason: 'Diberikan keliru' } };
    },
  },

  // work units: the organisation chart is readable by every signed-in user of the region
  { def: workUnitRoutes.list, allowed: EVERYONE },
  {
    def: workUnitRoutes.get,
    allowed: EVERYONE,
    prepare: async () => ({ url: `/api/work-units/${w.a.units.u2}` }),
  },
  {
    def: workUnitRoutes.create,
    allowed: ADMIN,
    prepare: async () => {
      const n = next();
      return { url: '/api/work-units', body: { code: `N-${n}`, name: `Unit Baru ${n}`, kind: 'badan' } };
    },
  },
  {
    def: workUnitRoutes.update,
    allowed: ADMIN,
    prepare: async () => {
      const u = await freshUnit();
      return {
        url: `/api/work-units/${u.id}`,
        body: {
          code: u.code,
          name: `${u.name} (ubah)`,
          kind: u.kind,
          headCivilServantId: null,
          version: u.version,
        },
      };
    },
  },
  {
    def: workUnitRoutes.deactivate,
    allowed: ADMIN,
    prepare: async () => {
      const u = await freshUnit();
      return { url: `/api/work-units/${u.id}/deactivate`, body: { version: u.version } };
    },
    after: async (res) => expect(res.json().active).toBe(false),
  },
  {
    def: workUnitRoutes.activate,
    allowed: ADMIN,
    prepare: async () => {
      const u = await freshUnit();
      const off = await ok<WorkUnit>(adm.post(`/api/work-units/${u.id}/deactivate`, { version: u.version }));
      return { url: `/api/work-units/${u.id}/activate`, body: { version: off.version } };
    },
    after: async (res) => expect(res.json().active).toBe(true),
  },

  // civil servants (ASN): an ASN of u1, which the OPD head and operator of u1 may read
  { def: civilServantRoutes.list, allowed: ROSTER_READERS },
  {
    def: civilServantRoutes.get,
    allowed: ROSTER_READERS,
    prepare: async () => ({ url: `/api/civil-servants/${w.a.people.u1[0]}` }),
  },
  {
    def: civilServantRoutes.create,
    allowed: ROSTER_WRITERS,
    prepare: async () => ({
      url: '/api/civil-servants',
      body: { nip: freshNip(), name: `ASN Baru ${next()}`, workUnitId: w.a.units.u1, employmentType: 'PPPK' },
    }),
  },
  {
    def: civilServantRoutes.update,
    allowed: ROSTER_WRITERS,
    prepare: async () => {
      const c = await freshAsn();
      return { url: `/api/civil-servants/${c.id}`, body: asnBody(c) };
    },
  },

  // imports
  {
    def: importRoutes.upload,
    allowed: IMPORTERS,
    prepare: async () => ({ url: '/api/imports/work_units', ...unitFile() }),
  },
  {
    def: importRoutes.get,
    allowed: IMPORTERS,
    prepare: async () => ({ url: `/api/imports/batch/${batchA.id}` }),
  },
  { def: importRoutes.list, allowed: IMPORTERS },
  {
    def: importRoutes.commit,
    allowed: IMPORTERS,
    prepare: async () => ({ url: `/api/imports/batch/${(await freshBatch()).id}/commit` }),
    after: async (res) => expect((await settled(adm, res.json().id)).status).toBe('committed'),
  },
  {
    def: importRoutes.template,
    allowed: IMPORTERS,
    prepare: async () => ({ url: '/api/imports/civil_servants/template.csv' }),
  },

  // attendance: HR and the region admin keep the data; every signed-in user reads the schedules
  {
    def: attendanceRoutes.preview,
    allowed: ATTENDANCE_KEEPERS,
    prepare: async () => ({ url: '/api/attendance/imports/preview', ...attlogUpload(w.a.nips.u1[0]) }),
  },
  {
    def: attendanceRoutes.commit,
    allowed: ATTENDANCE_KEEPERS,
    prepare: async () => ({ url: '/api/attendance/imports', ...attlogUpload(w.a.nips.u1[0]) }),
    after: async (res) =>
      expect(await attendanceSettled(adm, res.json().id)).toMatchObject({
        status: 'committed',
        punchesAdded: 1,
      }),
  },
  { def: attendanceRoutes.listImports, allowed: ATTENDANCE_KEEPERS },
  {
    def: attendanceRoutes.getImport,
    allowed: ATTENDANCE_KEEPERS,
    prepare: async () => {
      attendanceImportA ??= await freshAttendanceImport(adm, w.a.nips.u2[0]);
      return { url: `/api/attendance/imports/${attendanceImportA.id}` };
    },
  },
  { def: attendanceRoutes.devicePins, allowed: ATTENDANCE_KEEPERS },
  {
    def: attendanceRoutes.setDevicePin,
    allowed: ATTENDANCE_KEEPERS,
    prepare: async () => ({
      url: '/api/attendance/device-pins',
      body: { pin: `S${pinSeq++}`, civilServantId: w.a.people.u1[2] },
    }),
  },
  {
    def: attendanceRoutes.deleteDevicePin,
    allowed: ATTENDANCE_KEEPERS,
    prepare: async () => {
      const p = await freshDevicePin();
      return { url: `/api/attendance/device-pins/${p.id}`, body: { version: p.version } };
    },
  },
  {
    def: attendanceRoutes.uploadDevicePins,
    allowed: ATTENDANCE_KEEPERS,
    prepare: async () => {
      const m = multipart('pin.csv', `pin,nip\nU${pinSeq++},${w.a.nips.u1[3]}\n`);
      return { url: '/api/attendance/device-pins/upload', body: m.payload, headers: m.headers };
    },
    after: async (res) => expect(res.json()).toMatchObject({ created: 1, written: true }),
  },
  { def: attendanceRoutes.excuses, allowed: ATTENDANCE_KEEPERS },
  {
    def: attendanceRoutes.createExcuse,
    allowed: ATTENDANCE_KEEPERS,
    prepare: async () => {
      const day = freshWeekday();
      return {
        url: '/api/attendance/excuses',
        body: { civilServantId: w.a.people.u1[1], kind: 'sick', start: day, end: day },
      };
    },
  },
  {
    def: attendanceRoutes.updateExcuse,
    allowed: ATTENDANCE_KEEPERS,
    prepare: async () => {
      const e = await freshExcuse();
      return {
        url: `/api/attendance/excuses/${e.id}`,
        body: { kind: 'official_travel', start: e.start, end: e.end, note: 'Rapat', version: e.version },
      };
    },
  },
  {
    def: attendanceRoutes.deleteExcuse,
    allowed: ATTENDANCE_KEEPERS,
    prepare: async () => {
      const e = await freshExcuse();
      return { url: `/api/attendance/excuses/${e.id}`, body: { version: e.version } };
    },
  },
  { def: attendanceRoutes.schedule, allowed: EVERYONE },
  {
    def: attendanceRoutes.updateSchedule,
    allowed: ATTENDANCE_KEEPERS,
    prepare: async () => {
      const s = await ok<WorkScheduleDto>(adm.get('/api/attendance/schedule'));
      return { url: '/api/attendance/schedule', body: { schedules: s.schedules, version: s.version } };
    },
  },
  // lateness bands and weights: a regulation every user reads; HR and the admin change it
  { def: latenessRulesRoutes.get, allowed: EVERYONE },
  {
    def: latenessRulesRoutes.update,
    allowed: ATTENDANCE_KEEPERS,
    prepare: async () => {
      const s = await ok<LatenessRulesState>(adm.get('/api/attendance/lateness-rules'));
      return { url: '/api/attendance/lateness-rules', body: { rules: s.rules, version: s.version } };
    },
  },

  // sanctions and rewards (issue 5): rules read by the overseers, written by the admin; evaluations
  // by HR and the admin; a case read by the overseers, the unit's head and the ASN (others 404),
  // moved by whom the due-process machine allows (others in scope 403)
  { def: disciplineRoutes.rules, allowed: RULE_READERS },
  {
    def: disciplineRoutes.ruleVersions,
    allowed: RULE_READERS,
    prepare: async () => ({ url: '/api/discipline/rules/SUKA_TERLAMBAT/versions' }),
  },
  {
    def: disciplineRoutes.createRule,
    allowed: ADMIN,
    prepare: async () => ({ url: '/api/discipline/rules', body: newRule(`UJI_${next()}`) }),
  },
  {
    def: disciplineRoutes.updateRule,
    allowed: ADMIN,
    prepare: async () => {
      const code = `UJI_${next()}`;
      await ok(adm.post('/api/discipline/rules', newRule(code)), 201);
      const { code: _c, ...rest } = newRule(code);
      return { url: `/api/discipline/rules/${code}`, body: { ...rest, version: 1 } };
    },
  },
  {
    def: disciplineRoutes.retireRule,
    allowed: ADMIN,
    prepare: async () => {
      const code = `UJI_${next()}`;
      await ok(adm.post('/api/discipline/rules', newRule(code)), 201);
      return { url: `/api/discipline/rules/${code}/retire`, body: { version: 1 } };
    },
  },
  {
    def: disciplineRoutes.preview,
    allowed: EVALUATORS,
    prepare: async () => ({ url: '/api/discipline/evaluations/preview', body: { periodKey: '2026-M10' } }),
  },
  {
    def: disciplineRoutes.commit,
    allowed: EVALUATORS,
    prepare: async () => ({ url: '/api/discipline/evaluations', body: { periodKey: '2026-M10' } }),
  },
  { def: disciplineRoutes.runs, allowed: EVALUATORS },
  { def: disciplineRoutes.sanctions, allowed: EVERYONE },
  {
    def: disciplineRoutes.sanction,
    allowed: CASE_VIEWERS,
    outOfScope: CASE_OUTSIDERS,
    prepare: async () => ({ url: `/api/discipline/sanctions/${(await freshSanction()).id}` }),
  },
  {
    def: disciplineRoutes.sanctionTransition,
    allowed: ['admin', 'kepala'],
    outOfScope: CASE_OUTSIDERS,
    prepare: async () => ({
      url: `/api/discipline/sanctions/${(await freshSanction()).id}/transitions`,
      body: { event: 'cancel', reason: 'Uji pembatalan', version: 1 },
    }),
  },
  {
    def: disciplineRoutes.appealFile,
    allowed: ['asn'],
    outOfScope: CASE_OUTSIDERS,
    prepare: async () => {
      const s = await freshSanction({
        state: 'notified',
        notifiedOn: '2026-09-30',
        appealDeadline: '2099-12-31',
      });
      const up = multipart('keberatan.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
      return { url: `/api/discipline/sanctions/${s.id}/appeal-files`, body: up.payload, headers: up.headers };
    },
  },
  {
    def: disciplineRoutes.appealFileDownload,
    allowed: CASE_VIEWERS,
    outOfScope: CASE_OUTSIDERS,
    prepare: async () => {
      const f = await sanctionWithAppealFile();
      return { url: `/api/discipline/sanctions/${f.sanctionId}/appeal-files/${f.fileId}` };
    },
  },
  {
    def: disciplineRoutes.decree,
    allowed: CASE_VIEWERS,
    outOfScope: CASE_OUTSIDERS,
    prepare: async () => {
      const n = next();
      const s = await freshSanction({
        state: 'notified',
        notifiedOn: '2026-09-30',
        appealDeadline: '2026-10-05',
        approvedBy: w.a.users.kepala,
        approvedAt: new Date('2026-09-30T03:00:00Z'),
        decreeNumber: `800/${9000 + n}/SK-ROMPI/2026`,
      });
      return { url: `/api/discipline/sanctions/${s.id}/decree.pdf` };
    },
  },
  { def: disciplineRoutes.rewards, allowed: EVERYONE },
  {
    def: disciplineRoutes.reward,
    allowed: CASE_VIEWERS,
    outOfScope: CASE_OUTSIDERS,
    prepare: async () => ({ url: `/api/discipline/rewards/${(await freshReward()).id}` }),
  },
  {
    def: disciplineRoutes.rewardTransition,
    allowed: ['admin', 'kepala'],
    outOfScope: CASE_OUTSIDERS,
    prepare: async () => ({
      url: `/api/discipline/rewards/${(await freshReward()).id}/transitions`,
      body: { event: 'cancel', reason: 'Uji pembatalan', version: 1 },
    }),
  },
  {
    def: disciplineRoutes.certificate,
    allowed: CASE_VIEWERS,
    outOfScope: CASE_OUTSIDERS,
    prepare: async () => {
      const r = await freshReward({
        state: 'granted',
        approvedBy: w.a.users.kepala,
        approvedAt: new Date('2026-09-30T03:00:00Z'),
        grantedOn: '2026-09-30',
        certificateNumber: `800/${9000 + next()}/PIAGAM/2026`,
      });
      return { url: `/api/discipline/rewards/${r.id}/certificate.pdf` };
    },
  },
  {
    def: disciplineRoutes.roster,
    allowed: DISCIPLINE_ROSTER,
    prepare: async () => ({ url: '/api/discipline/roster?date=2026-11-02' }),
  },
  {
    def: disciplineRoutes.rosterPdf,
    allowed: DISCIPLINE_ROSTER,
    prepare: async () => ({ url: '/api/discipline/roster.pdf?date=2026-11-02' }),
  },
  {
    def: disciplineRoutes.recordDay,
    allowed: ['admin', 'bkpsdm'],
    prepare: async () => {
      // Upheld on Friday 30 October: served from Monday 2 November.
      const s = await freshSanction({
        state: 'upheld',
        notifiedOn: '2026-10-26',
        appealDeadline: '2026-10-29',
        decidedOn: '2026-10-30',
        approvedBy: w.a.users.kepala,
      });
      // A day that has passed: recorded with the time the vest was handed out.
      return { url: `/api/discipline/sanctions/${s.id}/days/2026-11-02`, body: { vestIssued: '07:10' } };
    },
  },
  { def: disciplineRoutes.dashboard, allowed: DISCIPLINE_BOARD },
  {
    def: disciplineRoutes.publicCounts,
    allowed: 'public',
    prepare: async () => ({ url: `/api/public/discipline?region=${w.a.slug}` }),
  },

  // users: region admin only
  { def: userRoutes.list, allowed: ADMIN },
  { def: userRoutes.get, allowed: ADMIN, prepare: async () => ({ url: `/api/users/${w.a.users.asn}` }) },
  {
    def: userRoutes.create,
    allowed: ADMIN,
    prepare: async () => {
      const n = next();
      return {
        url: '/api/users',
        body: {
          username: `baru${n}`,
          fullName: `Pengguna Baru ${n}`,
          password: PASSWORD,
          roles: [{ role: 'panelist' }],
        },
      };
    },
  },
  {
    def: userRoutes.update,
    allowed: ADMIN,
    prepare: async () => {
      const u = await freshUser();
      return {
        url: `/api/users/${u.id}`,
        body: {
          fullName: 'Target Diubah',
          roles: [{ role: 'opd_operator', workUnitId: w.a.units.u2 }],
          version: u.version,
        },
      };
    },
  },
  {
    def: userRoutes.deactivate,
    allowed: ADMIN,
    prepare: async () => {
      const u = await freshUser();
      return { url: `/api/users/${u.id}/deactivate`, body: { version: u.version } };
    },
  },
  {
    def: userRoutes.activate,
    allowed: ADMIN,
    prepare: async () => {
      const u = await freshUser(false);
      return { url: `/api/users/${u.id}/activate`, body: { version: u.version } };
    },
  },
  {
    def: userRoutes.resetPassword,
    allowed: ADMIN,
    prepare: async () => {
      const u = await freshUser();
      return {
        url: `/api/users/${u.id}/reset-password`,
        body: { newPassword: 'kalimat sandi baru yang panjang', version: u.version },
      };
    },
  },

  // lateness: the ASN's own month (404 for an account without an ASN record); the region's
  // readers and the unit's head read an ASN's month and the recaps
  {
    def: latenessRoutes.mine,
    allowed: ['asn'],
    outOfScope: EVERYONE.filter((u) => u !== 'asn'),
    prepare: async () => {
      await w.database.db
        .update(users)
        .set({ civilServantId: w.a.people.u1[0] })
        .where(and(eq(users.regionId, w.a.id), eq(users.id, w.a.users.asn)));
      return { url: '/api/lateness/me?month=2026-10' };
    },
  },
  {
    def: latenessRoutes.servant,
    allowed: LATENESS_READERS,
    prepare: async () => ({ url: `/api/lateness/civil-servants/${w.a.people.u1[1]}?month=2026-10` }),
  },
  {
    def: latenessRoutes.recap,
    allowed: LATENESS_READERS,
    prepare: async () => ({ url: '/api/lateness/recap?month=2026-10' }),
  },
  {
    def: latenessRoutes.recapXlsx,
    allowed: LATENESS_READERS,
    prepare: async () => ({ url: '/api/lateness/recap.xlsx?month=2026-10' }),
  },

  // audit: region admin only
  { def: auditRoutes.list, allowed: ADMIN },
  { def: auditRoutes.exportCsv, allowed: ADMIN },
  { def: auditRoutes.facets, allowed: ADMIN },
];

function expected(row: Row, who: Who): Expect {
  if (row.allowed === 'public') return '2xx';
  if (who === 'anonymous') return '401';
  if (row.outOfScope?.includes(who as Username)) return '404';
  return row.allowed.includes(who) ? '2xx' : '403';
}

beforeAll(async () => {
  w = await setupWorld();
  placeholderHash = await hashPassword('kata sandi yang tidak dipakai siapa pun');
  for (const n of [...w.a.nips.u1, ...w.a.nips.u2]) usedNips.add(n);
  for (const u of EVERYONE) clients[u] = await w.login(u);
  clients.anonymous = w.anonymous();
  adm = clients.admin;
  batchA = await freshBatch(adm, 'rahasia-kota-uji.csv');
});
afterAll(() => w.close());

describe('the matrix covers the contract', () => {
  it('names every role user of the harness', () => {
    expect([...EVERYONE].sort()).toEqual(REGION_A_USERS.map((u) => u.username).sort());
  });

  it('has exactly one row for every route of the contract files', () => {
    const contract = [
      healthRoutes,
      authRoutes,
      regionRoutes,
      workUnitRoutes,
      civilServantRoutes,
      importRoutes,
      userRoutes,
      auditRoutes,
      attendanceRoutes,
      latenessRoutes,
      latenessRulesRoutes,
      disciplineRoutes,
      cycleRoutes,
      proposalRoutes,
      sessionRoutes,
      scoringRoutes,
      boardRoutes,
      agreementRoutes,
      monitoringRoutes,
      calendarRoutes,
      dashboardRoutes,
    ].flatMap((m) => Object.values(m as Record<string, RouteDef>).map((d) => `${d.method} ${d.path}`));
    const rows = TABLE.map((r) => `${r.def.method} ${r.def.path}`);
    expect([...rows].sort()).toEqual([...contract].sort());
    expect(new Set(rows).size).toBe(rows.length);
  });
});

describe.each(TABLE.map((row) => [`${row.def.method} ${row.def.path}`, row] as const))('%s', (_name, row) => {
  it.each(WHO.map((who) => [who, expected(row, who)] as const))('%s → %s', async (who, expect_) => {
    const req = row.prepare ? await row.prepare(who) : { url: row.def.path };
    const client = req.client ?? clients[who];
    const res = await client.request(
      row.def.method,
      req.url,
      req.body ?? (row.def.method === 'GET' ? undefined : {}),
      req.headers,
    );
    if (expect_ === '2xx') {
      expect(res.statusCode, res.body).toBe(row.def.status ?? 200);
      await row.after?.(res, req);
    } else if (expect_ === '404') {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    } else if (expect_ === '401') {
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    } else {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Object level: the OPD scope of unit-bound roles (S3)
// ---------------------------------------------------------------------------------------------

describe('OPD-scoped roles see only the ASN of their own unit', () => {
  const missing = () => `/api/civil-servants/${randomUUID()}`;

  it.each(['kaopd1', 'operator1'] as const)(
    '%s: an ASN of u2 by id answers 404 exactly like a missing id',
    async (who) => {
      const c = clients[who];
      const miss = await c.get(missing());
      expect(miss.statusCode).toBe(404);
      for (const id of w.a.people.u2) {
        const res = await c.get(`/api/civil-servants/${id}`);
        expect(res.statusCode).toBe(404);
        expect(res.body).toBe(miss.body);
      }
      for (const id of w.a.people.u1) expect((await c.get(`/api/civil-servants/${id}`)).statusCode).toBe(200);
    },
  );

  it.each(['kaopd1', 'operator1'] as const)(
    '%s: the ASN list, its filters and the NIP search only return people of u1',
    async (who) => {
      const c = clients[who];
      const [{ n }] = await w.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(civilServants)
        .where(and(eq(civilServants.regionId, w.a.id), eq(civilServants.workUnitId, w.a.units.u1)));
      const all = await ok<{ items: CivilServant[]; total: number }>(
        c.get('/api/civil-servants?active=all&pageSize=200'),
      );
      expect(all.total).toBe(n);
      expect(all.items).toHaveLength(n);
      expect(all.items.every((p) => p.workUnitId === w.a.units.u1)).toBe(true);
      expect(all.items.map((p) => p.id)).toEqual(expect.arrayContaining(w.a.people.u1));
      // Asking for the other unit by filter gives nothing rather than the other unit's people.
      const other = await ok<{ items: CivilServant[]; total: number }>(
        c.get(`/api/civil-servants?active=all&workUnitId=${w.a.units.u2}`),
      );
      expect(other).toMatchObject({ items: [], total: 0 });
      for (const nip of w.a.nips.u2) {
        const found = await ok<{ items: CivilServant[]; total: number }>(
          c.get(`/api/civil-servants?active=all&q=${nip}`),
        );
        expect(found).toMatchObject({ items: [], total: 0 });
      }
      for (const nip of w.a.nips.u1) {
        const found = await ok<{ items: CivilServant[] }>(c.get(`/api/civil-servants?active=all&q=${nip}`));
        expect(found.items.map((p) => p.nip)).toEqual([nip]);
      }
    },
  );

  it('refuses a forbidden role before looking at the body or the id (no validation or existence oracle)', async () => {
    const asn = clients.asn;
    for (const [method, url, body] of [
      ['POST', '/api/users', {}],
      ['POST', '/api/users', { username: 'x', nonsense: true }],
      ['PUT', '/api/work-units/bukan-uuid', { version: 'satu' }],
      ['PUT', `/api/civil-servants/${w.b.people.u1[0]}`, {}],
      ['GET', '/api/users/bukan-uuid', undefined],
      ['GET', `/api/audit?page=-1&from=kemarin`, undefined],
    ] as const) {
      const res = await asn.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const anon = await clients.anonymous.request('PUT', '/api/work-units/bukan-uuid', { version: 'satu' });
    expect(anon.statusCode).toBe(401);
  });

  it('the region-wide readers see both units', async () => {
    for (const who of ['admin', 'kepala', 'verifikator', 'bkpsdm'] as const) {
      const all = await ok<{ items: CivilServant[] }>(
        clients[who].get('/api/civil-servants?active=all&pageSize=200'),
      );
      const ids = all.items.map((p) => p.id);
      expect(ids, who).toEqual(expect.arrayContaining([...w.a.people.u1, ...w.a.people.u2]));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Object level: region B's objects asked for by id from region A (S2, S3)
// ---------------------------------------------------------------------------------------------

interface CrossCase {
  name: string;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  url: (id: string) => string;
  /** Which B object, and a valid body built from it (its real version), so only the region stops it. */
  object: () => { id: string; body?: unknown };
  allowed: readonly Username[];
}

describe('objects of region B by id from every role of region A', () => {
  let bAdmin: Client;
  let b: {
    unit: WorkUnit;
    asn: CivilServant;
    user: User;
    mission: Mission;
    goal: { id: string; version: number };
    target: { id: string; version: number };
    batch: ImportBatch;
    cycle: CycleDto;
    attendanceImport: AttendanceImport;
    devicePin: DevicePin;
    excuse: ExcuseDto;
  };

  beforeAll(async () => {
    bAdmin = await w.login('admin', { region: 'b' });
    const mission = await freshMission(bAdmin);
    const goal = await ok<{ id: string; version: number }>(
      bAdmin.post(`/api/missions/${mission.id}/goals`, { number: 1, title: 'Tujuan B' }),
      201,
    );
    const target = await ok<{ id: string; version: number }>(
      bAdmin.post(`/api/goals/${goal.id}/targets`, { number: 1, title: 'Sasaran B' }),
      201,
    );
    b = {
      unit: await ok<WorkUnit>(bAdmin.get(`/api/work-units/${w.b.units.u1}`)),
      asn: await ok<CivilServant>(bAdmin.get(`/api/civil-servants/${w.b.people.u1[0]}`)),
      user: await ok<User>(bAdmin.get(`/api/users/${w.b.users.kaopd1}`)),
      mission,
      goal,
      target,
      batch: await freshBatch(bAdmin),
      cycle: await ok<CycleDto>(
        bAdmin.post('/api/cycles', {
          name: 'Siklus B',
          startYear: 2027,
          endYear: 2031,
          phases: CYCLE_PHASES,
          budgetCeilings: [{ year: 2027, amount: 1_000_000 }],
        }),
        201,
      ),
      attendanceImport: await freshAttendanceImport(bAdmin, w.b.nips.u1[0]),
      devicePin: await freshDevicePin(bAdmin, w.b.people.u1[0]),
      excuse: await freshExcuse(bAdmin, w.b.people.u1[0]),
    };
  });

  const cases: CrossCase[] = [
    {
      name: 'read work unit',
      method: 'GET',
      url: (id) => `/api/work-units/${id}`,
      object: () => ({ id: b.unit.id }),
      allowed: EVERYONE,
    },
    {
      name: 'update work unit',
      method: 'PUT',
      url: (id) => `/api/work-units/${id}`,
      object: () => ({
        id: b.unit.id,
        body: { code: 'X-UBAH', name: 'Diambil alih', kind: b.unit.kind, version: b.unit.version },
      }),
      allowed: ADMIN,
    },
    {
      name: 'deactivate work unit',
      method: 'POST',
      url: (id) => `/api/work-units/${id}/deactivate`,
      object: () => ({ id: b.unit.id, body: { version: b.unit.version } }),
      allowed: ADMIN,
    },
    {
      name: 'activate work unit',
      method: 'POST',
      url: (id) => `/api/work-units/${id}/activate`,
      object: () => ({ id: b.unit.id, body: { version: b.unit.version } }),
      allowed: ADMIN,
    },
    {
      name: 'read ASN',
      method: 'GET',
      url: (id) => `/api/civil-servants/${id}`,
      object: () => ({ id: b.asn.id }),
      allowed: ROSTER_READERS,
    },
    {
      name: 'update ASN',
      method: 'PUT',
      url: (id) => `/api/civil-servants/${id}`,
      object: () => ({ id: b.asn.id, body: asnBody(b.asn) }),
      allowed: ROSTER_WRITERS,
    },
    {
      name: 'read user',
      method: 'GET',
      url: (id) => `/api/users/${id}`,
      object: () => ({ id: b.user.id }),
      allowed: ADMIN,
    },
    {
      name: 'update user',
      method: 'PUT',
      url: (id) => `/api/users/${id}`,
      object: () => ({
        id: b.user.id,
        body: { fullName: 'Diambil alih', roles: [{ role: 'region_admin' }], version: b.user.version },
      }),
      allowed: ADMIN,
    },
    {
      name: 'deactivate user',
      method: 'POST',
      url: (id) => `/api/users/${id}/deactivate`,
      object: () => ({ id: b.user.id, body: { version: b.user.version } }),
      allowed: ADMIN,
    },
    {
      name: 'activate user',
      method: 'POST',
      url: (id) => `/api/users/${id}/activate`,
      object: () => ({ id: b.user.id, body: { version: b.user.version } }),
      allowed: ADMIN,
    },
    {
      name: 'reset user password',
      method: 'POST',
      url: (id) => `/api/users/${id}/reset-password`,
      object: () => ({
        id: b.user.id,
        body: { newPassword: 'kalimat sandi pengambilalihan', version: b.user.version },
      }),
      allowed: ADMIN,
    },
    {
      name: 'update mission',
      method: 'PUT',
      url: (id) => `/api/missions/${id}`,
      object: () => ({
        id: b.mission.id,
        body: {
          termStart: b.mission.termStart,
          termEnd: b.mission.termEnd,
          number: b.mission.number,
          title: 'Diambil alih',
          version: b.mission.version,
        },
      }),
      allowed: ADMIN,
    },
    {
      name: 'delete mission',
      method: 'DELETE',
      url: (id) => `/api/missions/${id}`,
      object: () => ({ id: b.mission.id, body: { version: b.mission.version } }),
      allowed: ADMIN,
    },
    {
      name: 'add goal to mission',
      method: 'POST',
      url: (id) => `/api/missions/${id}/goals`,
      object: () => ({ id: b.mission.id, body: { number: 9, title: 'Disusupkan' } }),
      allowed: ADMIN,
    },
    {
      name: 'update goal',
      method: 'PUT',
      url: (id) => `/api/goals/${id}`,
      object: () => ({ id: b.goal.id, body: { number: 1, title: 'Diambil alih', version: b.goal.version } }),
      allowed: ADMIN,
    },
    {
      name: 'delete goal',
      method: 'DELETE',
      url: (id) => `/api/goals/${id}`,
      object: () => ({ id: b.goal.id, body: { version: b.goal.version } }),
      allowed: ADMIN,
    },
    {
      name: 'add target to goal',
      method: 'POST',
      url: (id) => `/api/goals/${id}/targets`,
      object: () => ({ id: b.goal.id, body: { number: 9, title: 'Disusupkan' } }),
      allowed: ADMIN,
    },
    {
      name: 'update target',
      method: 'PUT',
      url: (id) => `/api/targets/${id}`,
      object: () => ({
        id: b.target.id,
        body: { number: 1, title: 'Diambil alih', version: b.target.version },
      }),
      allowed: ADMIN,
    },
    {
      name: 'delete target',
      method: 'DELETE',
      url: (id) => `/api/targets/${id}`,
      object: () => ({ id: b.target.id, body: { version: b.target.version } }),
      allowed: ADMIN,
    },
    {
      name: 'read import batch',
      method: 'GET',
      url: (id) => `/api/imports/batch/${id}`,
      object: () => ({ id: b.batch.id }),
      allowed: IMPORTERS,
    },
    {
      name: 'commit import batch',
      method: 'POST',
      url: (id) => `/api/imports/batch/${id}/commit`,
      object: () => ({ id: b.batch.id, body: {} }),
      allowed: IMPORTERS,
    },
    {
      name: 'read attendance import',
      method: 'GET',
      url: (id) => `/api/attendance/imports/${id}`,
      object: () => ({ id: b.attendanceImport.id }),
      allowed: ATTENDANCE_KEEPERS,
    },
    {
      name: 'delete device PIN',
      method: 'DELETE',
      url: (id) => `/api/attendance/device-pins/${id}`,
      object: () => ({ id: b.devicePin.id, body: { version: b.devicePin.version } }),
      allowed: ATTENDANCE_KEEPERS,
    },
    {
      name: 'update excuse',
      method: 'PUT',
      url: (id) => `/api/attendance/excuses/${id}`,
      object: () => ({
        id: b.excuse.id,
        body: { kind: 'sick', start: b.excuse.start, end: b.excuse.end, version: b.excuse.version },
      }),
      allowed: ATTENDANCE_KEEPERS,
    },
    {
      name: 'delete excuse',
      method: 'DELETE',
      url: (id) => `/api/attendance/excuses/${id}`,
      object: () => ({ id: b.excuse.id, body: { version: b.excuse.version } }),
      allowed: ATTENDANCE_KEEPERS,
    },
    ...(['board', 'board.xlsx', 'results.pdf'] as const).map((path): CrossCase => ({
      name: `cycle ${path}`,
      method: 'GET',
      url: (id) => `/api/cycles/${id}/${path}`,
      object: () => ({ id: b.cycle.id }),
      allowed: ['admin', 'kepala'],
    })),
  ];

  describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    it.each(WHO.map((who) => [who] as const))('as %s: same answer as a missing id', async (who) => {
      const client = clients[who];
      const o = c.object();
      const res = await client.request(c.method, c.url(o.id), o.body);
      const miss = await client.request(c.method, c.url(randomUUID()), o.body);
      expect(res.statusCode, res.body).toBe(miss.statusCode);
      expect(res.body).toBe(miss.body);
      expect(res.headers['content-type']).toBe(miss.headers['content-type']);
      if (who === 'anonymous') expect(res.statusCode).toBe(401);
      else if (c.allowed.includes(who)) {
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
      } else expect(res.statusCode).toBe(403);
    });
  });

  it('left every object of region B untouched', async () => {
    expect(await ok<WorkUnit>(bAdmin.get(`/api/work-units/${b.unit.id}`))).toEqual(b.unit);
    expect(await ok<CivilServant>(bAdmin.get(`/api/civil-servants/${b.asn.id}`))).toEqual(b.asn);
    expect(await ok<User>(bAdmin.get(`/api/users/${b.user.id}`))).toEqual(b.user);
    const ms = await ok<Mission[]>(bAdmin.get('/api/missions'));
    expect(ms).toEqual([
      {
        ...b.mission,
        goals: [
          {
            ...b.goal,
            missionId: b.mission.id,
            number: 1,
            title: 'Tujuan B',
            targets: [{ ...b.target, goalId: b.goal.id, number: 1, title: 'Sasaran B' }],
          },
        ],
      },
    ]);
    expect((await ok<ImportBatch>(bAdmin.get(`/api/imports/batch/${b.batch.id}`))).status).toBe('previewed');
    const excuses = await ok<{ items: ExcuseDto[] }>(bAdmin.get('/api/attendance/excuses?pageSize=200'));
    expect(excuses.items.find((e) => e.id === b.excuse.id)).toEqual(b.excuse);
    const pins = await ok<{ items: DevicePin[] }>(bAdmin.get('/api/attendance/device-pins?pageSize=200'));
    expect(pins.items.find((p) => p.id === b.devicePin.id)).toEqual(b.devicePin);
    // The B user can still sign in with the old password: no reset went through.
    await expect(w.login('kaopd1', { region: 'b' })).resolves.toBeInstanceOf(Client);
  });
});

// ---------------------------------------------------------------------------------------------
// Lists, search, exports and audit views stay inside the caller's region (S2)
// ---------------------------------------------------------------------------------------------

describe('lists never cross regions although unit codes and NIPs collide', () => {
  type Side = 'a' | 'b';
  const admins = {} as Record<Side, Client>;
  const marker = { a: 'Rahasia Kota Uji', b: 'Rahasia Kota Lain' };

  async function idsOf(side: Side) {
    const regionId = w[side].id;
    const db = w.database.db;
    const pick = async (
      t: typeof workUnits | typeof civilServants | typeof users | typeof missions | typeof importBatches,
    ) => new Set((await db.select({ id: t.id }).from(t).where(eq(t.regionId, regionId))).map((r) => r.id));
    return {
      units: await pick(workUnits),
      people: await pick(civilServants),
      users: await pick(users),
      missions: await pick(missions),
      batches: await pick(importBatches),
      hashes: new Set(
        (
          await db
            .select({ h: auditEntries.hash })
            .from(auditEntries)
            .where(eq(auditEntries.regionId, regionId))
        ).map((r) => r.h),
      ),
    };
  }

  beforeAll(async () => {
    admins.a = adm;
    admins.b = await w.login('admin', { region: 'b' });
    // Something recognisable on each side: a unit, an ASN, a mission and an import.
    for (const side of ['a', 'b'] as const) {
      const c = admins[side];
      const n = next();
      await ok(c.post('/api/work-units', { code: `R-${n}`, name: marker[side], kind: 'kantor' }), 201);
      await ok(
        c.post('/api/missions', { termStart: 2090, termEnd: 2094, number: 1, title: marker[side] }),
        201,
      );
      const f = unitFile(`${marker[side].replace(/ /g, '-')}.csv`);
      await ok(c.post('/api/imports/work_units', f.body, f.headers), 201);
    }
    // The same new NIP in both regions.
    const nip = freshNip();
    for (const side of ['a', 'b'] as const) {
      await ok(
        admins[side].post('/api/civil-servants', {
          nip,
          name: marker[side],
          workUnitId: w[side].units.u2,
          employmentType: 'PNS',
        }),
        201,
      );
    }
    w.a.nips.u2.push(nip);
    w.b.nips.u2.push(nip);
  });

  describe.each([
    ['b', 'a'],
    ['a', 'b'],
  ] as const)('the admin of region %s never sees rows of region %s', (me, them) => {
    const client = () => admins[me];

    it('work units (codes collide)', async () => {
      const mine = await idsOf(me);
      const theirs = await idsOf(them);
      const res = await ok<{ items: WorkUnit[]; total: number }>(
        client().get('/api/work-units?active=all&pageSize=200'),
      );
      expect(res.total).toBe(mine.units.size);
      expect(new Set(res.items.map((u) => u.id))).toEqual(mine.units);
      expect(res.items.some((u) => theirs.units.has(u.id))).toBe(false);
      expect(res.items.map((u) => u.code)).toEqual(expect.arrayContaining(['1.01.01', '1.02.01']));
      expect(JSON.stringify(res)).not.toContain(marker[them]);
      // A regionId in the query string is not a parameter of the API and changes nothing.
      const spoofed = await ok<{ items: WorkUnit[] }>(
        client().get(
          `/api/work-units?active=all&pageSize=200&regionId=${w[them].id}&region_id=${w[them].id}`,
        ),
      );
      expect(new Set(spoofed.items.map((u) => u.id))).toEqual(mine.units);
      const search = await ok<{ items: WorkUnit[] }>(client().get('/api/work-units?active=all&q=1.01.01'));
      expect(search.items.map((u) => u.id)).toEqual([w[me].units.u1]);
    });

    it('ASN list and the NIP search (NIPs collide)', async () => {
      const mine = await idsOf(me);
      const res = await ok<{ items: CivilServant[]; total: number }>(
        client().get('/api/civil-servants?active=all&pageSize=200'),
      );
      expect(res.total).toBe(mine.people.size);
      expect(new Set(res.items.map((p) => p.id))).toEqual(mine.people);
      expect(JSON.stringify(res)).not.toContain(marker[them]);
      for (const nip of [...w[them].nips.u1, ...w[them].nips.u2]) {
        const found = await ok<{ items: CivilServant[] }>(
          client().get(`/api/civil-servants?active=all&q=${nip}`),
        );
        // The NIP exists in both regions: the caller gets its own person, never the other one.
        expect(found.items).toHaveLength(1);
        expect(mine.people.has(found.items[0].id)).toBe(true);
        expect(found.items[0].workUnitName).toContain(me === 'a' ? 'Kota Uji' : 'Kota Lain');
      }
      const filtered = await ok<{ total: number }>(
        client().get(`/api/civil-servants?active=all&workUnitId=${w[them].units.u1}`),
      );
      expect(filtered.total).toBe(0);
    });

    it('users', async () => {
      const mine = await idsOf(me);
      const res = await ok<{ items: User[]; total: number }>(client().get('/api/users?pageSize=200'));
      expect(res.total).toBe(mine.users.size);
      expect(new Set(res.items.map((u) => u.id))).toEqual(mine.users);
      const byName = await ok<{ items: User[] }>(client().get('/api/users?q=kaopd1'));
      expect(byName.items.map((u) => u.id)).toEqual([w[me].users.kaopd1]);
    });

    it('missions and the region profile', async () => {
      const mine = await idsOf(me);
      const ms = await ok<Mission[]>(client().get('/api/missions'));
      expect(new Set(ms.map((m) => m.id))).toEqual(mine.missions);
      expect(JSON.stringify(ms)).not.toContain(marker[them]);
      expect((await ok<{ id: string }>(client().get('/api/region'))).id).toBe(w[me].id);
    });

    it('import history', async () => {
      const mine = await idsOf(me);
      const res = await ok<{ items: ImportBatch[]; total: number }>(
        client().get('/api/imports?pageSize=200'),
      );
      expect(res.total).toBe(mine.batches.size);
      expect(new Set(res.items.map((x) => x.id))).toEqual(mine.batches);
      expect(JSON.stringify(res)).not.toContain(marker[them].replace(/ /g, '-'));
    });

    it('audit list, filters, facets and the CSV export', async () => {
      const mine = await idsOf(me);
      const theirs = await idsOf(them);
      const seen = new Set<string>();
      for (let page = 1; ; page++) {
        const res = await ok<{
          items: { hash: string; actorUserId: string | null; summary: string }[];
          total: number;
        }>(client().get(`/api/audit?pageSize=200&page=${page}`));
        for (const e of res.items) {
          seen.add(e.hash);
          if (e.actorUserId) expect(mine.users.has(e.actorUserId)).toBe(true);
          expect(e.summary).not.toContain(marker[them]);
        }
        if (page * 200 >= res.total) break;
      }
      // Entries written after idsOf() (none are expected) would only add to `seen`, so compare by inclusion.
      expect([...mine.hashes].filter((h) => !seen.has(h))).toEqual([]);
      expect([...seen].filter((h) => theirs.hashes.has(h))).toEqual([]);
      // Filtering by the other region's actor or object finds nothing.
      const byActor = await ok<{ total: number }>(
        client().get(`/api/audit?actorUserId=${w[them].users.admin}`),
      );
      expect(byActor.total).toBe(0);
      const byEntity = await ok<{ total: number }>(
        client().get(`/api/audit?entityId=${w[them].users.admin}`),
      );
      expect(byEntity.total).toBe(0);

      const csv = await client().get('/api/audit/export.csv');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body).not.toContain(marker[them]);
      for (const id of [
        ...theirs.units,
        ...theirs.people,
        ...theirs.users,
        ...theirs.missions,
        ...theirs.batches,
      ])
        expect(csv.body).not.toContain(id);
      for (const h of theirs.hashes) expect(csv.body).not.toContain(h);
      for (const h of mine.hashes) expect(csv.body).toContain(h);
      const csvByActor = await client().get(`/api/audit/export.csv?actorUserId=${w[them].users.admin}`);
      expect(csvByActor.body.trim().split('\n')).toHaveLength(1);
    });
  });
});
