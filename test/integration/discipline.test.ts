import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  EvaluationPreview,
  EvaluationRun,
  RewardDto,
  RuleDto,
  Roster,
  SanctionDto,
} from '../../src/contract/discipline.js';
import { auditEntries, notifications, rewards, sanctions, users } from '../../src/server/db/schema.js';
import { advanceSanctions } from '../../src/server/modules/discipline/cases.service.js';
import { DEFAULT_RULES } from '../../src/server/modules/discipline/rules.domain.js';
import { loadCalendar } from '../../src/server/modules/monitoring/calendar.service.js';
import { addWorkingDays, nextWorkingDay } from '../../src/server/modules/monitoring/working-days.domain.js';
import { multipart } from '../support/multipart.js';
import { pdfCompact } from '../support/pdf.js';
import { insertPunches } from '../support/punches.js';
import { setupWorld, type Client, type World } from '../support/harness.js';

/**
 * The rules, an evaluation run (preview, commit twice), the due process of a sanction (approve by an
 * approver who did not propose, appeal with evidence, uphold), the roster with the vest log, the
 * platform's moves, rewards with the certificate, and what each role sees.
 */

let w: World;
let admin: Client;
let kepala: Client;
let hr: Client;
let asn: Client;
let head: Client;
let operator: Client;

/** October 2026: working days Monday-Friday (no national holiday in the month). */
const workingDays = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`).filter(
  (d) => {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    return wd !== 0 && wd !== 6;
  },
);
const late = ['2026-10-01', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-12'];

const punch = (servant: string, times: string[]) => insertPunches(w, servant, times);

const habitual = () => w.a.people.u1[1];

beforeAll(async () => {
  w = await setupWorld();
  admin = await w.login('admin');
  kepala = await w.login('kepala');
  hr = await w.login('bkpsdm');
  head = await w.login('kaopd1');
  operator = await w.login('operator1');
  await w.database.db
    .update(users)
    .set({ civilServantId: habitual() })
    .where(and(eq(users.regionId, w.a.id), eq(users.id, w.a.users.asn)));
  asn = await w.login('asn');
  const end = (d: string) => (new Date(`${d}T00:00:00Z`).getUTCDay() === 5 ? '16:30:00' : '16:00:00');
  // 45 minutes late (TL2) on five days: the SUKA_TERLAMBAT rule (4 days of TL2-TL4) hits.
  await punch(
    habitual(),
    workingDays.flatMap((d) => [`${d} ${late.includes(d) ? '08:15:00' : '07:25:00'}`, `${d} ${end(d)}`]),
  );
  // Late on three days only: below the rule.
  await punch(
    w.a.people.u1[2],
    workingDays.flatMap((d) => [
      `${d} ${late.slice(0, 3).includes(d) ? '08:15:00' : '07:25:00'}`,
      `${d} ${end(d)}`,
    ]),
  );
});
afterAll(() => w.close());

describe('rules of the regulation', () => {
  it('seeds the default rules, read by the overseers, refused to a unit operator', async () => {
    const res = await hr.get('/api/discipline/rules');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as RuleDto[];
    expect(items.map((r) => r.code).sort()).toEqual(DEFAULT_RULES.map((r) => r.code).sort());
    const late = items.find((r) => r.code === 'SUKA_TERLAMBAT')!;
    expect(late).toMatchObject({ version: 1, exampleLegalBasis: true, kind: 'sanction', subject: 'asn' });
    expect(late.conditionText).toContain('Paling sedikit 4 hari');
    expect((await operator.get('/api/discipline/rules')).statusCode).toBe(403);
    expect((await hr.post('/api/discipline/rules', {})).statusCode).toBe(403);
  });

  it('an edit writes the next version and keeps the old one; stale versions and bad values are refused', async () => {
    const items = (await admin.get('/api/discipline/rules')).json().items as RuleDto[];
    const r = items.find((x) => x.code === 'KINERJA_RENDAH')!;
    const {
      id: _i,
      code: _c,
      retired: _r,
      exampleLegalBasis: _e,
      conditionText: _t,
      createdAt: _a,
      createdByName: _b,
      supersededAt: _s,
      ...rest
    } = r;
    const bad = await admin.put('/api/discipline/rules/KINERJA_RENDAH', {
      ...rest,
      consequence: { kind: 'vest', label: '', workingDays: 0 },
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().error.fields as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['consequence.label', 'consequence.workingDays']));
    const ok = await admin.put('/api/discipline/rules/KINERJA_RENDAH', {
      ...rest,
      legalBasis: 'Perwali Kota Contoh Nomor 12 Tahun 2019, Pasal 7 ayat (1)',
      note: 'Dasar hukum disesuaikan',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, exampleLegalBasis: false });
    const stale = await admin.put('/api/discipline/rules/KINERJA_RENDAH', { ...rest });
    expect(stale.statusCode).toBe(409);
    const versions = (await hr.get('/api/discipline/rules/KINERJA_RENDAH/versions')).json()
      .items as RuleDto[];
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[1].supersededAt).not.toBeNull();
    expect(versions[0].note).toBe('Dasar hukum disesuaikan');
  });

  it('creates and retires a rule; a taken code is refused', async () => {
    const input = {
      code: 'LAPORAN_TERLAMBAT',
      name: 'Laporan terlambat',
      legalBasis: 'Perwali Kota Contoh Nomor 12 Tahun 2019, Pasal 9',
      kind: 'sanction',
      subject: 'opd_head',
      condition: { kind: 'report_late', moreThanWorkingDays: 20 },
      consequence: { kind: 'vest', label: 'LAPORAN TERLAMBAT', workingDays: 2 },
      escalation: null,
    };
    const created = await admin.post('/api/discipline/rules', input);
    expect(created.statusCode, created.body).toBe(201);
    expect((await admin.post('/api/discipline/rules', input)).json().error.fields[0]).toMatchObject({
      path: 'code',
    });
    const retired = await admin.post('/api/discipline/rules/LAPORAN_TERLAMBAT/retire', { version: 1 });
    expect(retired.statusCode, retired.body).toBe(200);
    const listed = (await admin.get('/api/discipline/rules')).json().items as RuleDto[];
    expect(listed.find((r) => r.code === 'LAPORAN_TERLAMBAT')).toMatchObject({ retired: true, version: 2 });
    expect(listed.at(-1)!.code).toBe('LAPORAN_TERLAMBAT');
    // A retired rule is not applied.
    const p = (await admin.post('/api/discipline/evaluations/preview', { periodKey: '2026-M10' })).json();
    expect(p.rules.map((r: { code: string }) => r.code)).not.toContain('LAPORAN_TERLAMBAT');
  });
});

let sanctionId: string;

describe('evaluation run', () => {
  it('a dry run lists the hit with its days and writes nothing', async () => {
    const res = await admin.post('/api/discipline/evaluations/preview', { periodKey: '2026-M10' });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as EvaluationPreview;
    const hits = p.hits.filter((h) => h.ruleCode === 'SUKA_TERLAMBAT');
    expect(hits).toHaveLength(1);
    expect(hits[0].subject).toMatchObject({ civilServantId: habitual(), kind: 'asn', hasAccount: true });
    expect(hits[0].vest).toMatchObject({ label: 'SUKA TERLAMBAT', workingDays: 5, repeat: false });
    expect(hits[0].facts[0]).toMatch(/5 hari/);
    expect(hits[0].existing).toBeNull();
    expect(p.newSanctions).toBeGreaterThanOrEqual(1);
    expect(p.rules.find((r) => r.code === 'SUKA_TERLAMBAT')).toMatchObject({ version: 1, hits: 1 });
    expect(await w.database.db.select().from(sanctions)).toHaveLength(0);
  });

  it('refuses a period not ended, a bad key, and a unit head', async () => {
    expect((await admin.post('/api/discipline/evaluations', { periodKey: '2099-M01' })).statusCode).toBe(400);
    expect((await admin.post('/api/discipline/evaluations', { periodKey: '2026-M13' })).statusCode).toBe(400);
    expect((await head.post('/api/discipline/evaluations', { periodKey: '2026-M10' })).statusCode).toBe(403);
  });

  it('a commit proposes once; running it again creates nothing and records the rule versions', async () => {
    const first = await admin.post('/api/discipline/evaluations', { periodKey: '2026-M10' });
    expect(first.statusCode, first.body).toBe(201);
    const run = first.json() as EvaluationRun;
    expect(run.sanctionsCreated).toBeGreaterThanOrEqual(1);
    expect(run.rules).toEqual(
      expect.arrayContaining([
        { code: 'SUKA_TERLAMBAT', version: 1 },
        { code: 'KINERJA_RENDAH', version: 2 },
      ]),
    );
    const again = (
      await admin.post('/api/discipline/evaluations', { periodKey: '2026-M10' })
    ).json() as EvaluationRun;
    expect(again).toMatchObject({ sanctionsCreated: 0, rewardsCreated: 0, hits: run.hits });
    const rows = await w.database.db.select().from(sanctions).where(eq(sanctions.civilServantId, habitual()));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'proposed', ruleVersion: 1, workingDays: 5 });
    sanctionId = rows[0].id;
    const preview = (
      await admin.post('/api/discipline/evaluations/preview', { periodKey: '2026-M10' })
    ).json();
    expect(preview.newSanctions).toBe(0);
    expect(
      preview.hits.find((h: { ruleCode: string }) => h.ruleCode === 'SUKA_TERLAMBAT').existing,
    ).toMatchObject({ id: sanctionId });
    const runs = (await hr.get('/api/discipline/evaluations')).json();
    expect(runs.total).toBe(2);
    // The approvers are told.
    const note = await w.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.a.users.kepala), eq(notifications.kind, 'discipline_proposed')));
    expect(note).toHaveLength(1);
  });
});

describe('due process of a sanction', () => {
  const get = async (c: Client) =>
    (await c.get(`/api/discipline/sanctions/${sanctionId}`)).json() as SanctionDto;
  const move = (c: Client, s: SanctionDto, event: string, reason?: string) =>
    c.post(`/api/discipline/sanctions/${sanctionId}/transitions`, { event, reason, version: s.version });

  it('the proposer may not approve; the head of region does, the ASN is notified with the facts and deadline', async () => {
    const s = await get(admin);
    expect(s.state).toBe('proposed');
    expect(s.events).not.toContain('approve');
    const byProposer = await move(admin, s, 'approve');
    expect(byProposer.statusCode).toBe(403);
    expect(byProposer.json().error.message).toMatch(/hanya dapat dilakukan oleh|Pengusul/);
    const k = await get(kepala);
    expect(k.events).toEqual(expect.arrayContaining(['approve', 'reject', 'cancel']));
    const res = await move(kepala, k, 'approve');
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json() as SanctionDto;
    expect(done.state).toBe('notified');
    expect(done.decreeNumber).toMatch(/^800\/\d{4}\/SK-ROMPI\/\d{4}$/);
    const cal = await loadCalendar(w.database.db, w.a.id);
    expect(done.appealDeadline).toBe(addWorkingDays(cal, done.notifiedOn!, 3));
    expect(done.history.map((h) => h.event)).toEqual(['approve', 'notify']);
    const [n] = await w.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.a.users.asn), eq(notifications.kind, 'discipline')));
    expect(n.body).toContain('Dasar hukum');
    expect(n.link).toBe(`/disiplin/sanksi/${sanctionId}`);
    // The bell lists it (the kinds of the contract include the discipline ones).
    const bell = await asn.get('/api/notifications');
    expect(bell.statusCode, bell.body).toBe(200);
    expect(bell.json().items.map((x: { kind: string }) => x.kind)).toContain('discipline');
    const kepalaBell = await kepala.get('/api/notifications');
    expect(kepalaBell.statusCode, kepalaBell.body).toBe(200);
  });

  it('the ASN sees only their own; another unit head and an unrelated user get 404; reading is audited', async () => {
    const mine = await asn.get('/api/discipline/sanctions');
    expect(mine.json().items.map((s: { id: string }) => s.id)).toEqual([sanctionId]);
    // A year finds the cases of its months; another month finds none.
    expect((await hr.get('/api/discipline/sanctions?periodKey=2026')).json().total).toBeGreaterThanOrEqual(1);
    expect((await hr.get('/api/discipline/sanctions?periodKey=2026-M09')).json().total).toBe(0);
    expect((await head.get(`/api/discipline/sanctions/${sanctionId}`)).statusCode).toBe(200);
    expect((await operator.get(`/api/discipline/sanctions/${sanctionId}`)).statusCode).toBe(404);
    const panelis = await w.login('panelis');
    expect((await panelis.get('/api/discipline/sanctions')).json().total).toBe(0);
    const reads = await w.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityId, sanctionId), eq(auditEntries.action, 'sanction.read')));
    expect(reads.length).toBeGreaterThanOrEqual(2);
  });

  it('the ASN appeals with a reason and evidence; an empty reason is refused', async () => {
    const s = await get(asn);
    expect(s.events).toContain('appeal');
    expect(s.canAddAppealFiles).toBe(true);
    const empty = await move(asn, s, 'appeal', '  ');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].path).toBe('reason');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = multipart('surat-dokter.pdf', pdf);
    const file = await asn.post(
      `/api/discipline/sanctions/${sanctionId}/appeal-files`,
      up.payload,
      up.headers,
    );
    expect(file.statusCode, file.body).toBe(201);
    const up2 = multipart('x.pdf', pdf);
    expect(
      (await kepala.post(`/api/discipline/sanctions/${sanctionId}/appeal-files`, up2.payload, up2.headers))
        .statusCode,
    ).toBe(403);
    const res = await move(
      asn,
      s,
      'appeal',
      'Pada 6-8 Oktober saya mengantar anak berobat; surat dokter terlampir.',
    );
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as SanctionDto;
    expect(after.state).toBe('appealed');
    expect(after.appealFiles).toHaveLength(1);
    const dl = await kepala.get(`/api/discipline/sanctions/${sanctionId}/appeal-files/${file.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(Buffer.compare(dl.rawPayload, pdf)).toBe(0);
  });

  it('the approver upholds with reasons; serving days start the next working day; the decree PDF says so', async () => {
    const s = await get(kepala);
    expect((await move(kepala, s, 'uphold')).statusCode).toBe(400);
    const res = await move(kepala, s, 'uphold', 'Surat dokter tidak mencakup tanggal 1 dan 12 Oktober.');
    expect(res.statusCode, res.body).toBe(200);
    const up = res.json() as SanctionDto;
    const cal = await loadCalendar(w.database.db, w.a.id);
    expect(up.state).toBe('upheld');
    expect(up.startsOn).toBe(nextWorkingDay(cal, up.decidedOn!));
    expect(up.servingDays).toHaveLength(5);
    const pdf = await asn.get(`/api/discipline/sanctions/${sanctionId}/decree.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfCompact(pdf.rawPayload);
    expect(text).toContain(up.decreeNumber!.replace(/\s/g, ''));
    expect(text).toContain('SUKATERLAMBAT');
    expect(text).toContain('5(lima)harikerja');
  });

  it('the roster of the start day lists the ASN with the label; HR records the vest; a missed day moves the end', async () => {
    const s = await get(kepala);
    const day = s.startsOn!;
    expect((await asn.get(`/api/discipline/roster?date=${day}`)).statusCode).toBe(403);
    const r = (await hr.get(`/api/discipline/roster?date=${day}`)).json() as Roster;
    const row = r.units.flatMap((u) => u.rows).find((x) => x.sanctionId === sanctionId)!;
    expect(row).toMatchObject({ label: 'SUKA TERLAMBAT', dayNumber: 1, totalDays: 5, served: null });
    expect(r.canRecord).toBe(true);
    expect((await head.get(`/api/discipline/roster?date=${day}`)).json().total).toBe(1);
    const bad = await hr.put(`/api/discipline/sanctions/${sanctionId}/days/${day}`, { vestIssued: '25:00' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Jam tidak valid');
    // The services take the clock.
    const { recordDay } = await import('../../src/server/modules/discipline/roster.service.js');
    const actor = await w.actorOf(hr);
    const cal0 = await loadCalendar(w.database.db, w.a.id);
    const dayAfter = new Date(`${addWorkingDays(cal0, day, 1)}T08:00:00+07:00`);
    // A day that has not come yet is refused.
    await expect(
      recordDay(
        w.database,
        actor,
        sanctionId,
        day,
        { vestIssued: 'now' },
        new Date(Date.parse(`${day}T06:00:00+07:00`) - 86_400_000),
      ),
    ).rejects.toThrow('belum tiba');
    // Recorded afterwards, the vest takes the time it changed hands, not the time of typing.
    await expect(
      recordDay(w.database, actor, sanctionId, day, { vestIssued: 'now' }, dayAfter),
    ).rejects.toThrow('isi jamnya');
    const late = await recordDay(w.database, actor, sanctionId, day, { vestIssued: '07:05' }, dayAfter);
    expect(late.vestIssuedAt).toBe(new Date(`${day}T07:05:00+07:00`).toISOString());
    await expect(
      recordDay(w.database, actor, sanctionId, day, { vestReturned: '06:30' }, dayAfter),
    ).rejects.toThrow('tidak boleh sebelum');
    await recordDay(w.database, actor, sanctionId, day, { vestIssued: 'clear' }, dayAfter);
    // On the day itself: now.
    const at = new Date(`${day}T07:10:00+07:00`);
    const issued = await recordDay(w.database, actor, sanctionId, day, { vestIssued: 'now' }, at);
    expect(issued.vestIssuedAt).toBe(at.toISOString());
    const returnedFirst = recordDay(
      w.database,
      actor,
      sanctionId,
      addWorkingDays(await loadCalendar(w.database.db, w.a.id), day, 1),
      { vestReturned: 'now' },
      new Date(`${day}T23:00:00+07:00`),
    );
    await expect(returnedFirst).rejects.toThrow();
    const missed = await recordDay(
      w.database,
      actor,
      sanctionId,
      day,
      { served: false, note: 'Dinas luar' },
      at,
    );
    const cal = await loadCalendar(w.database.db, w.a.id);
    expect(missed.endsOn).toBe(addWorkingDays(cal, s.endsOn!, 1));
    expect((await get(kepala)).endsOn).toBe(missed.endsOn);
    // The platform starts it on the start day and completes it after the last day.
    expect(
      await advanceSanctions(
        w.database,
        w.a.id,
        new Date(`${addWorkingDays(cal, s.decidedOn!, 0)}T12:00:00+07:00`),
      ),
    ).toBe(0);
    expect(await advanceSanctions(w.database, w.a.id, at)).toBe(1);
    expect((await get(kepala)).state).toBe('active');
    expect(await advanceSanctions(w.database, w.a.id, new Date(`${missed.endsOn}T12:00:00+07:00`))).toBe(0);
    const after = new Date(`${nextWorkingDay(cal, missed.endsOn)}T12:00:00+07:00`);
    expect(await advanceSanctions(w.database, w.a.id, after)).toBe(1);
    expect((await get(kepala)).state).toBe('completed');
  });
});

/** A reward proposal of the ASN_TELADAN rule for October, as an evaluation run would write it. */
const proposedReward = (runId: string, civilServantId: string, subjectName: string) => ({
  regionId: w.a.id,
  runId,
  ruleId: runId,
  ruleCode: 'ASN_TELADAN',
  ruleVersion: 1,
  ruleName: 'ASN teladan',
  legalBasis: 'Perwali Kota Contoh Nomor 12 Tahun 2019, Pasal 11',
  hitKey: `ASN_TELADAN|asn:${civilServantId}|2026-M10`,
  periodKey: '2026-M10',
  hitOn: '2026-10-31',
  subjectKind: 'asn',
  workUnitId: w.a.units.u1,
  civilServantId,
  subjectName,
  facts: [],
  summary: 'Tanpa keterlambatan tiga bulan',
  state: 'proposed',
  proposedBy: w.a.users.admin,
  certificateText: 'Piagam Penghargaan ASN Teladan',
});

describe('rewards and the dashboards', () => {
  it('an approved reward is granted with a numbered certificate', async () => {
    const [run] = await w.database.db.select({ id: sanctions.runId }).from(sanctions).limit(1);
    const [rw] = await w.database.db
      .insert(rewards)
      .values(proposedReward(run.id, w.a.people.u1[0], 'Penerima Uji'))
      .returning();
    const r0 = (await kepala.get(`/api/discipline/rewards/${rw.id}`)).json() as RewardDto;
    expect(r0.events).toContain('approve');
    expect(
      (await admin.post(`/api/discipline/rewards/${rw.id}/transitions`, { event: 'approve', version: 1 }))
        .statusCode,
    ).toBe(403);
    const res = await kepala.post(`/api/discipline/rewards/${rw.id}/transitions`, {
      event: 'approve',
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'granted',
      certificateNumber: expect.stringMatching(/PIAGAM/),
    });
    const pdf = await hr.get(`/api/discipline/rewards/${rw.id}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdfCompact(pdf.rawPayload)).toContain('PenerimaUji');
  });

  it('the head of region sees counts by rule, unit and month; the public sees counts without names', async () => {
    const dres = await kepala.get('/api/discipline/dashboard?year=2026');
    expect(dres.statusCode, dres.body).toBe(200);
    const d = dres.json();
    expect(d.byRule.find((r: { code: string }) => r.code === 'SUKA_TERLAMBAT').count).toBe(1);
    expect(d.byMonth.find((m: { month: string }) => m.month === '2026-10').sanctions).toBeGreaterThanOrEqual(
      1,
    );
    const oct = d.lateness.find((m: { month: string }) => m.month === '2026-10');
    expect(oct.lateDays).toBe(8);
    // Before and after the rules, split at the first month that began with them, by working days.
    expect(d.rulesSince).toMatch(/^2026-/);
    expect(d.effect.firstAfter >= d.rulesSince.slice(0, 7)).toBe(true);
    type Month = { month: string; lateDays: number; servantDays: number };
    const before = (d.lateness as Month[]).filter((m) => m.month < d.effect.firstAfter);
    const days = before.reduce((a, m) => a + m.servantDays, 0);
    expect(days).toBeGreaterThan(0);
    expect(d.effect.before).toBeCloseTo((before.reduce((a, m) => a + m.lateDays, 0) * 100) / days, 2);
    expect((await asn.get('/api/discipline/dashboard')).statusCode).toBe(403);
    const pub = await w.anonymous().get(`/api/public/discipline?region=${w.a.slug}&year=2026`);
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.body).not.toContain('Penerima Uji');
    expect(pub.json()).toMatchObject({ sanctions: expect.any(Number), rewards: 1 });
  });

  it('the lateness of a month on the dashboard follows an excuse moved onto a late day', async () => {
    const october = async () =>
      (
        (await kepala.get('/api/discipline/dashboard?year=2026')).json().lateness as {
          month: string;
          lateDays: number;
        }[]
      ).find((m) => m.month === '2026-10')!.lateDays;
    expect(await october()).toBe(8);
    // Sick on a day the ASN came on time: nothing changes.
    const made = await hr.post('/api/attendance/excuses', {
      civilServantId: w.a.people.u1[2],
      kind: 'sick',
      start: '2026-10-02',
      end: '2026-10-02',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(await october()).toBe(8);
    // The same excuse moved onto one of the three late mornings (the number of excuses stays the same).
    const { id, version } = made.json() as { id: string; version: number };
    const moved = await hr.put(`/api/attendance/excuses/${id}`, {
      kind: 'sick',
      start: '2026-10-01',
      end: '2026-10-01',
      version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await october()).toBe(7);
    const gone = await hr.delete(`/api/attendance/excuses/${id}`, { version: moved.json().version });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(await october()).toBe(8);
  });

  it('approvals at the same moment get distinct, consecutive certificate numbers', async () => {
    const [run] = await w.database.db.select({ id: sanctions.runId }).from(sanctions).limit(1);
    const people = w.a.people.u1.slice(1, 4);
    const rows = await w.database.db
      .insert(rewards)
      .values(people.map((cs, i) => proposedReward(run.id, cs, `Penerima Serentak ${i + 1}`)))
      .returning();
    const answers = await Promise.all(
      rows.map((r) =>
        kepala.post(`/api/discipline/rewards/${r.id}/transitions`, { event: 'approve', version: 1 }),
      ),
    );
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    const numbers = answers.map((a) => (a.json() as RewardDto).certificateNumber!);
    const seqs = numbers.map((n) => Number(n.split('/')[1])).sort((a, b) => a - b);
    // The certificate of the earlier test holds number 1 of the year.
    expect(seqs).toEqual([2, 3, 4]);
  });
});
