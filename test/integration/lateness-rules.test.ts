import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LatenessRulesDto, LatenessRulesState } from '../../src/contract/lateness-rules.js';
import type { ServantMonth } from '../../src/contract/lateness.js';
import {
  attendanceImports,
  attendancePunches,
  auditEntries,
  regions,
  users,
} from '../../src/server/db/schema.js';
import { loadLatenessRules } from '../../src/server/modules/attendance/lateness-rules.service.js';
import { myMonth } from '../../src/server/modules/discipline/lateness.service.js';
import { setupWorld, type Client, type World } from '../support/harness.js';

/**
 * The region's lateness bands and weights (GET/PUT /api/attendance/lateness-rules): the defaults until
 * saved, validation with messages under the fields, optimistic locking, the audit trail, the policy,
 * and the month views counting with the saved bands.
 */

let w: World;
let hr: Client;
let asn: Client;

const URL = '/api/attendance/lateness-rules';
const MONTH = '2026-10';
const AFTER = new Date('2026-11-20T03:00:00Z');

const DEFAULTS: LatenessRulesDto = {
  late: { limits: [30, 60, 90], weights: [0.5, 1, 1.25, 2.5] },
  early: { limits: [30, 60, 90], weights: [0.5, 1, 1.25, 2.5] },
  absenceWeight: 3,
  monthlyCap: 100,
};

beforeAll(async () => {
  w = await setupWorld();
  hr = await w.login('bkpsdm');
  await w.database.db
    .update(users)
    .set({ civilServantId: w.a.people.u1[0] })
    .where(and(eq(users.regionId, w.a.id), eq(users.id, w.a.users.asn)));
  asn = await w.login('asn');
  // 45 minutes late on Monday 12 October 2026 (TL2 by the defaults), on time otherwise that week.
  const [imp] = await w.database.db
    .insert(attendanceImports)
    .values({
      regionId: w.a.id,
      kind: 'attlog',
      fileName: 'uji-aturan.dat',
      fileSha256: 'uji-aturan',
      status: 'committed',
      rowsRead: 4,
      punchesRead: 4,
      punchesAdded: 4,
    })
    .returning({ id: attendanceImports.id });
  await w.database.db.insert(attendancePunches).values(
    [
      ['2026-10-12', '08:15:00'],
      ['2026-10-12', '16:05:00'],
      ['2026-10-13', '07:20:00'],
      ['2026-10-13', '15:20:00'],
    ].map(([day, time]) => ({
      regionId: w.a.id,
      civilServantId: w.a.people.u1[0],
      day,
      localTime: time,
      at: new Date(`${day}T${time}+07:00`),
      importId: imp.id,
    })),
  );
});
afterAll(() => w.close());

const dayOf = (m: ServantMonth, date: string) => m.days.find((d) => d.date === date)!;

describe('lateness rules', () => {
  it('reads the defaults (version 1) before anything is saved, for every signed-in user', async () => {
    for (const c of [hr, asn, await w.login('operator1')]) {
      const res = await c.get(URL);
      expect(res.statusCode, res.body).toBe(200);
      const s = res.json() as LatenessRulesState;
      expect(s).toEqual({
        rules: DEFAULTS,
        version: 1,
        isDefault: true,
        updatedAt: null,
        defaults: DEFAULTS,
      });
    }
    expect((await w.anonymous().get(URL)).statusCode).toBe(401);
  });

  it('counts with the defaults: 45 minutes late is TL2, 40 minutes early is PSW2', async () => {
    const m = (await asn.get(`/api/lateness/me?month=${MONTH}`)).json() as ServantMonth;
    expect(dayOf(m, '2026-10-12')).toMatchObject({ minutesLate: 45, bands: ['TL2'], weight: 1 });
    expect(dayOf(m, '2026-10-13')).toMatchObject({ minutesEarly: 40, bands: ['PSW2'], weight: 1 });
  });

  it('refuses invalid rules with a message under each field, and saves nothing', async () => {
    const res = await hr.put(URL, {
      rules: {
        late: { limits: [30, 20, 90], weights: [0.5, -1, 1.25, 2.5] },
        early: { limits: [30, 60], weights: [0.5, 1, 1.25, 2.5] },
        absenceWeight: 150,
        monthlyCap: 100,
      },
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(400);
    const fields = Object.fromEntries(
      (res.json().error.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]),
    );
    expect(fields).toEqual({
      'rules.late.limits.1': 'Batas TL2 harus lebih besar dari batas TL1',
      'rules.late.weights.1': 'Bobot TL2 harus angka 0-100 (%)',
      'rules.early.limits': 'Batas menit PSW harus tepat 3 angka',
      'rules.absenceWeight': 'Bobot TK harus angka 0-100 (%)',
    });
    // Wrong types and unknown fields answer 400 too, with the field's path.
    const typed = await hr.put(URL, {
      rules: { ...DEFAULTS, monthlyCap: 'seratus' },
      version: 1,
    });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.fields).toEqual([
      { path: 'rules.monthlyCap', message: 'Batas potongan per bulan harus berupa angka (persen)' },
    ]);
    const extra = await hr.put(URL, { rules: DEFAULTS, version: 1, regionId: w.b.id });
    expect(extra.statusCode).toBe(400);
    expect(((await hr.get(URL)).json() as LatenessRulesState).version).toBe(1);
  });

  it('refuses the operator, the ASN and the head of region (403)', async () => {
    for (const who of ['operator1', 'asn', 'kepala', 'verifikator', 'kaopd1'] as const) {
      const c = who === 'asn' ? asn : await w.login(who);
      const res = await c.put(URL, { rules: DEFAULTS, version: 1 });
      expect(res.statusCode, who).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('saves valid rules (version 2), audited, and the month counts with the new TL band', async () => {
    const rules: LatenessRulesDto = {
      ...DEFAULTS,
      late: { limits: [60, 90, 120], weights: [0.25, 0.5, 1, 2] },
    };
    const res = await hr.put(URL, { rules, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json() as LatenessRulesState;
    expect(saved).toMatchObject({ rules, version: 2, isDefault: false, defaults: DEFAULTS });
    expect(saved.updatedAt).not.toBeNull();
    expect((await asn.get(URL)).json()).toEqual(saved);

    const [entry] = await w.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.regionId, w.a.id), eq(auditEntries.action, 'attendance.lateness_rules')));
    expect(entry.summary).toBe(
      'Aturan keterlambatan diubah: TL 60/90/120 menit, bobot 0,25 / 0,5 / 1 / 2 %; ' +
        'PSW 30/60/90 menit, bobot 0,5 / 1 / 1,25 / 2,5 %; TK 3 %; batas bulanan 100 %',
    );

    // 45 minutes late is TL1 now, with its new weight; the early band is unchanged.
    const m = (await asn.get(`/api/lateness/me?month=${MONTH}`)).json() as ServantMonth;
    expect(dayOf(m, '2026-10-12')).toMatchObject({ minutesLate: 45, bands: ['TL1'], weight: 0.25 });
    expect(dayOf(m, '2026-10-12').explanation).toContain('(TL1)');
    expect(dayOf(m, '2026-10-13')).toMatchObject({ bands: ['PSW2'], weight: 1 });
    expect(m.recap.bands).toMatchObject({ TL1: 1, TL2: 0 });
    // The services read the same rules (loadLatenessRules), and the other settings are kept.
    const direct = await myMonth(w.database.db, await w.actorOf(asn), MONTH, AFTER);
    expect(direct.recap.bands.TL1).toBe(1);
    expect(await loadLatenessRules(w.database.db, w.a.id)).toEqual(rules);
  });

  it('answers 409 to a save with a stale version and keeps the saved rules', async () => {
    const res = await hr.put(URL, { rules: DEFAULTS, version: 1 });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('VERSION_CONFLICT');
    const now = (await hr.get(URL)).json() as LatenessRulesState;
    expect(now.version).toBe(2);
    expect(now.rules.late.limits).toEqual([60, 90, 120]);
    // The region admin saves with the current version; back to the defaults.
    const admin = await w.login('admin');
    const back = await admin.put(URL, { rules: DEFAULTS, version: 2 });
    expect(back.statusCode, back.body).toBe(200);
    expect((back.json() as LatenessRulesState).version).toBe(3);
  });

  it('keeps each region to its own rules and the other region settings untouched', async () => {
    const b = await w.login('admin', { region: 'b' });
    expect(((await b.get(URL)).json() as LatenessRulesState).version).toBe(1);
    await w.database.db
      .update(regions)
      .set({ settings: { monitoring: { reportDeadlineDay: 12, version: 2 } } })
      .where(eq(regions.id, w.b.id));
    const res = await b.put(URL, { rules: { ...DEFAULTS, monthlyCap: 50 }, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const [rb] = await w.database.db.select().from(regions).where(eq(regions.id, w.b.id));
    expect((rb.settings as { monitoring: unknown }).monitoring).toEqual({
      reportDeadlineDay: 12,
      version: 2,
    });
    expect(((await hr.get(URL)).json() as LatenessRulesState).rules.monthlyCap).toBe(100);
  });
});
