import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/server/db/client.js';
import { auditEntries, auditHeads, missions, regions, users, workUnits } from '../../src/server/db/schema.js';
import { appendAudit, verifyChain } from '../../src/server/platform/audit.js';
import { createRegion, insertWorkUnits } from '../../src/server/seed/seed.js';
import { Client, PASSWORD, setupWorld, type World } from '../support/harness.js';

/** quality.md S11: every state change writes one hash-chained entry in the same transaction. */

type Entry = typeof auditEntries.$inferSelect;

let w: World;
let db: Db;
let admin: Client;
let adminId: string;

async function headSeq(regionId = w.a.id): Promise<number> {
  const [h] = await db.select().from(auditHeads).where(eq(auditHeads.regionId, regionId));
  return h?.seq ?? 0;
}

async function entriesAfter(seq: number, regionId = w.a.id): Promise<Entry[]> {
  return db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.regionId, regionId), gt(auditEntries.seq, seq)))
    .orderBy(asc(auditEntries.seq));
}

/** Runs one call and returns its response and the audit entries it appended. */
async function audited(call: () => Promise<LightMyRequestResponse>, regionId = w.a.id) {
  const before = await headSeq(regionId);
  const res = await call();
  const entries = await entriesAfter(before, regionId);
  return { res, entries, before };
}

/** Runs a call that must fail and checks it left the log as it was. */
async function refused(call: () => Promise<LightMyRequestResponse>, status: number) {
  const before = await headSeq();
  const [{ n: countBefore }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEntries)
    .where(eq(auditEntries.regionId, w.a.id));
  const res = await call();
  expect(res.statusCode, res.body).toBe(status);
  expect(await headSeq()).toBe(before);
  const [{ n: countAfter }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEntries)
    .where(eq(auditEntries.regionId, w.a.id));
  expect(countAfter).toBe(countBefore);
  return res;
}

/** The only entry appended by a call, with the admin as actor. */
function byAdmin(entries: Entry[], action: string, entityType: string, entityId: string) {
  expect(entries.map((e) => e.action)).toEqual([action]);
  const e = entries[0];
  expect(e).toMatchObject({
    action,
    entityType,
    entityId,
    actorUserId: adminId,
    actorName: 'Pengguna admin',
  });
  expect(Math.abs(e.at.getTime() - Date.now())).toBeLessThan(60_000);
  return e;
}

async function expectFails(statement: SQL, pattern: RegExp) {
  let error: unknown = null;
  try {
    await db.execute(statement);
  } catch (err) {
    error = err;
  }
  expect(error, 'the statement should have been refused').not.toBeNull();
  const text = [String(error), String((error as { cause?: unknown }).cause ?? '')].join(' ');
  expect(text).toMatch(pattern);
}

/** Changes the log the way only a superuser could: with the append-only trigger switched off. */
async function tamper(statement: SQL, database: Db = db) {
  await database.execute(sql`alter table audit_entries disable trigger audit_entries_append_only`);
  try {
    await database.execute(statement);
  } finally {
    await database.execute(sql`alter table audit_entries enable trigger audit_entries_append_only`);
  }
}

/** A valid NIP not used by the seed: born 1985-03-15, appointed 2010-01, male, serial 001. */
const NEW_NIP = '198503152010011001';

beforeAll(async () => {
  w = await setupWorld();
  db = w.database.db;
  adminId = w.a.users.admin;
  admin = await w.login('admin');
});
afterAll(() => w.close());

describe('every state change appends one entry with actor, action, entity, before and after', () => {
  it('login and logout', async () => {
    const login = await audited(async () => {
      const c = await w.login('kepala');
      return c.get('/api/auth/me');
    });
    expect(login.entries).toHaveLength(1);
    expect(login.entries[0]).toMatchObject({
      action: 'auth.login',
      entityType: 'user',
      entityId: w.a.users.kepala,
      actorUserId: w.a.users.kepala,
      actorName: 'Pengguna kepala',
    });

    const c = await w.login('kepala');
    const logout = await audited(() => c.post('/api/auth/logout'));
    expect(logout.res.statusCode).toBe(200);
    expect(logout.entries).toHaveLength(1);
    expect(logout.entries[0]).toMatchObject({
      action: 'auth.logout',
      entityType: 'user',
      entityId: w.a.users.kepala,
      actorUserId: w.a.users.kepala,
    });
  });

  it('a failed login (one entry without an actor, and never the password)', async () => {
    const { res, entries } = await audited(() =>
      w.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { regionSlug: w.a.slug, username: 'panelis', password: 'tebakan-yang-salah' },
      }),
    );
    expect(res.statusCode).toBe(401);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: w.a.users.panelis,
      actorUserId: null,
      actorName: null,
    });
    expect(JSON.stringify(entries[0])).not.toContain('tebakan-yang-salah');
  });

  it('reads append nothing', async () => {
    const { entries } = await audited(async () => {
      await admin.get('/api/work-units');
      await admin.get('/api/users');
      await admin.get('/api/audit');
      return admin.get('/api/region');
    });
    expect(entries).toHaveLength(0);
  });

  it('work unit: create, update, deactivate', async () => {
    const create = await audited(() =>
      admin.post('/api/work-units', { code: '9.01.01', name: 'Badan Audit Uji', kind: 'badan' }),
    );
    expect(create.res.statusCode, create.res.body).toBe(201);
    const unit = create.res.json();
    const c = byAdmin(create.entries, 'work_unit.create', 'work_unit', unit.id);
    expect(c.before).toBeNull();
    expect(c.after).toEqual(unit);
    expect(c.summary).toContain('9.01.01');

    const update = await audited(() =>
      admin.put(`/api/work-units/${unit.id}`, {
        code: '9.01.01',
        name: 'Badan Audit Uji Baru',
        kind: 'badan',
        version: unit.version,
      }),
    );
    expect(update.res.statusCode, update.res.body).toBe(200);
    const u = byAdmin(update.entries, 'work_unit.update', 'work_unit', unit.id);
    expect(u.before).toEqual(unit);
    expect(u.after).toEqual(update.res.json());
    expect((u.after as { name: string }).name).toBe('Badan Audit Uji Baru');

    const deactivate = await audited(() =>
      admin.post(`/api/work-units/${unit.id}/deactivate`, { version: update.res.json().version }),
    );
    expect(deactivate.res.statusCode, deactivate.res.body).toBe(200);
    const d = byAdmin(deactivate.entries, 'work_unit.deactivate', 'work_unit', unit.id);
    expect(d.before).toEqual({ active: true });
    expect(d.after).toEqual({ active: false });
  });

  it('ASN: create and update', async () => {
    expect(w.a.nips.u1.concat(w.a.nips.u2)).not.toContain(NEW_NIP);
    const body = {
      nip: NEW_NIP,
      name: 'Budi Audit',
      workUnitId: w.a.units.u1,
      employmentType: 'PNS',
      position: 'Auditor',
    };
    const create = await audited(() => admin.post('/api/civil-servants', body));
    expect(create.res.statusCode, create.res.body).toBe(201);
    const cs = create.res.json();
    const c = byAdmin(create.entries, 'civil_servant.create', 'civil_servant', cs.id);
    expect(c.before).toBeNull();
    expect(c.after).toEqual(cs);

    const update = await audited(() =>
      admin.put(`/api/civil-servants/${cs.id}`, {
        ...body,
        name: 'Budi Audit Santoso',
        active: true,
        version: cs.version,
      }),
    );
    expect(update.res.statusCode, update.res.body).toBe(200);
    const u = byAdmin(update.entries, 'civil_servant.update', 'civil_servant', cs.id);
    expect(u.before).toEqual(cs);
    expect(u.after).toEqual(update.res.json());
  });

  it('user: create, update roles, deactivate, reset password (no password or hash in the log)', async () => {
    const password = 'kalimat sandi rahasia audit';
    const create = await audited(() =>
      admin.post('/api/users', {
        username: 'auditor.baru',
        fullName: 'Auditor Baru',
        password,
        roles: [{ role: 'verifier' }],
      }),
    );
    expect(create.res.statusCode, create.res.body).toBe(201);
    const user = create.res.json();
    const c = byAdmin(create.entries, 'user.create', 'user', user.id);
    expect(c.after).toEqual(user);

    const update = await audited(() =>
      admin.put(`/api/users/${user.id}`, {
        fullName: 'Auditor Baru',
        roles: [{ role: 'verifier' }, { role: 'opd_operator', workUnitId: w.a.units.u2 }],
        version: user.version,
      }),
    );
    expect(update.res.statusCode, update.res.body).toBe(200);
    const u = byAdmin(update.entries, 'user.update', 'user', user.id);
    expect(u.before).toEqual(user);
    expect((u.after as { roles: unknown[] }).roles).toEqual(
      expect.arrayContaining([
        { role: 'verifier', workUnitId: null, workUnitName: null },
        { role: 'opd_operator', workUnitId: w.a.units.u2, workUnitName: 'Dinas Dua Kota Uji' },
      ]),
    );

    const newPassword = 'kalimat sandi pengganti audit';
    const reset = await audited(() =>
      admin.post(`/api/users/${user.id}/reset-password`, { newPassword, version: update.res.json().version }),
    );
    expect(reset.res.statusCode, reset.res.body).toBe(200);
    const r = byAdmin(reset.entries, 'user.reset_password', 'user', user.id);
    expect(r.summary).toContain('auditor.baru');

    const deactivate = await audited(() =>
      admin.post(`/api/users/${user.id}/deactivate`, { version: reset.res.json().version }),
    );
    expect(deactivate.res.statusCode, deactivate.res.body).toBe(200);
    const d = byAdmin(deactivate.entries, 'user.deactivate', 'user', user.id);
    expect(d.before).toEqual({ active: true });
    expect(d.after).toEqual({ active: false });

    const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    const all = JSON.stringify(await entriesAfter(create.before));
    for (const secret of [password, newPassword, row.hash, 'argon2']) expect(all).not.toContain(secret);
  });

  it('display language', async () => {
    const c = await w.login('operator1');
    const { res, entries } = await audited(() => c.put('/api/auth/locale', { locale: 'en' }));
    expect(res.statusCode).toBe(200);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'user.locale',
      entityId: w.a.users.operator1,
      actorUserId: w.a.users.operator1,
      after: { locale: 'en' },
    });
  });

  it('region profile update', async () => {
    const region = (await admin.get('/api/region')).json();
    const { res, entries } = await audited(() =>
      admin.put('/api/region', {
        name: 'Kota Uji Raya',
        kind: region.kind,
        timezone: region.timezone,
        headTitle: 'Wali Kota',
        version: region.version,
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const e = byAdmin(entries, 'region.update', 'region', w.a.id);
    expect(e.before).toEqual(region);
    expect(e.after).toEqual(res.json());
    expect((e.after as { name: string }).name).toBe('Kota Uji Raya');
  });

  it('mission: create, update, delete', async () => {
    const create = await audited(() =>
      admin.post('/api/missions', {
        termStart: 2025,
        termEnd: 2029,
        number: 1,
        title: 'Mewujudkan tata kelola yang bersih',
      }),
    );
    expect(create.res.statusCode, create.res.body).toBe(201);
    const m = create.res.json();
    const c = byAdmin(create.entries, 'mission.create', 'mission', m.id);
    expect(c.before).toBeNull();
    expect(c.after).toMatchObject({
      id: m.id,
      number: 1,
      title: 'Mewujudkan tata kelola yang bersih',
      termStart: 2025,
      termEnd: 2029,
      version: 1,
    });

    const update = await audited(() =>
      admin.put(`/api/missions/${m.id}`, {
        termStart: 2025,
        termEnd: 2029,
        number: 1,
        title: 'Tata kelola bersih dan melayani',
        version: m.version,
      }),
    );
    expect(update.res.statusCode, update.res.body).toBe(200);
    const u = byAdmin(update.entries, 'mission.update', 'mission', m.id);
    expect(u.before).toMatchObject({ id: m.id, title: 'Mewujudkan tata kelola yang bersih', version: 1 });
    expect(u.after).toMatchObject({ id: m.id, title: 'Tata kelola bersih dan melayani', version: 2 });

    const del = await audited(() => admin.delete(`/api/missions/${m.id}`, { version: 2 }));
    expect(del.res.statusCode, del.res.body).toBe(200);
    const d = byAdmin(del.entries, 'mission.delete', 'mission', m.id);
    expect(d.before).toMatchObject({ id: m.id, title: 'Tata kelola bersih dan melayani' });
    expect(d.after).toBeNull();
    expect(await db.select().from(missions).where(eq(missions.id, m.id))).toHaveLength(0);
  });

  it('links each entry to the one before it', async () => {
    const all = await entriesAfter(0);
    expect(all.length).toBeGreaterThan(15);
    all.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      if (i > 0) expect(e.prevHash).toBe(all[i - 1].hash);
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    });
    expect(all[0].prevHash).toBe('0'.repeat(64));
  });
});

describe('a refused write appends nothing and leaves no half-written data', () => {
  it('work unit: duplicate code (400), stale version (409), invalid body (400), forbidden role (403)', async () => {
    const existing = (await admin.get(`/api/work-units/${w.a.units.u1}`)).json();
    const dup = await refused(
      () => admin.post('/api/work-units', { code: '1.01.01', name: 'Kembar', kind: 'dinas' }),
      400,
    );
    expect(dup.json().error.fields[0].path).toBe('code');
    await refused(
      () =>
        admin.put(`/api/work-units/${w.a.units.u1}`, {
          code: '1.01.01',
          name: 'Nama Basi',
          kind: 'dinas',
          version: existing.version + 5,
        }),
      409,
    );
    await refused(() => admin.post('/api/work-units', { code: '9.99.99', kind: 'dinas' }), 400);
    const operator = await w.login('operator1');
    await refused(
      () => operator.post('/api/work-units', { code: '9.99.98', name: 'Tanpa Hak', kind: 'dinas' }),
      403,
    );
    await refused(
      () =>
        admin.post(
          '/api/work-units',
          { code: '9.99.97', name: 'Tanpa Token', kind: 'dinas' },
          { 'x-csrf-token': 'salah' },
        ),
      403,
    );
    expect((await admin.get(`/api/work-units/${w.a.units.u1}`)).json()).toEqual(existing);
    const codes = (
      await db.select({ code: workUnits.code }).from(workUnits).where(eq(workUnits.regionId, w.a.id))
    ).map((r) => r.code);
    expect(codes).not.toEqual(expect.arrayContaining(['9.99.99']));
    expect(codes.filter((c) => c.startsWith('9.99.'))).toEqual([]);
  });

  it('user create that fails on its roles after the user row was written is rolled back entirely', async () => {
    const res = await refused(
      () =>
        admin.post('/api/users', {
          username: 'setengah.jadi',
          fullName: 'Setengah Jadi',
          password: 'kalimat sandi setengah jadi',
          roles: [{ role: 'opd_head', workUnitId: w.b.units.u1 }],
        }),
      400,
    );
    expect(res.json().error.fields[0].path).toBe('roles.0.workUnitId');
    expect(await db.select().from(users).where(eq(users.username, 'setengah.jadi'))).toHaveLength(0);
    const login = await w.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { regionSlug: w.a.slug, username: 'setengah.jadi', password: 'kalimat sandi setengah jadi' },
    });
    expect(login.statusCode).toBe(401);
  });

  it('user update that fails on its roles after the row was updated keeps the old name, roles and version', async () => {
    const before = (await admin.get(`/api/users/${w.a.users.bkpsdm}`)).json();
    const res = await refused(
      () =>
        admin.put(`/api/users/${w.a.users.bkpsdm}`, {
          fullName: 'Nama Yang Tidak Jadi',
          roles: [{ role: 'opd_head', workUnitId: w.b.units.u2 }],
          version: before.version,
        }),
      400,
    );
    expect(res.json().error.fields[0].path).toBe('roles.0.workUnitId');
    expect((await admin.get(`/api/users/${w.a.users.bkpsdm}`)).json()).toEqual(before);
  });

  it('users: duplicate username, weak password, self-deactivation, stale version', async () => {
    await refused(
      () =>
        admin.post('/api/users', {
          username: 'kepala',
          fullName: 'Kembar',
          password: 'kalimat sandi kembar',
          roles: [{ role: 'asn' }],
        }),
      400,
    );
    await refused(
      () =>
        admin.post('/api/users', {
          username: 'lemah',
          fullName: 'Lemah',
          password: 'password1234',
          roles: [{ role: 'asn' }],
        }),
      400,
    );
    const me = (await admin.get(`/api/users/${adminId}`)).json();
    await refused(() => admin.post(`/api/users/${adminId}/deactivate`, { version: me.version }), 409);
    await refused(() => admin.post(`/api/users/${w.a.users.asn}/deactivate`, { version: 99 }), 409);
    await refused(
      () =>
        admin.post(`/api/users/${w.a.users.asn}/reset-password`, {
          newPassword: 'kalimat sandi baru sekali',
          version: 99,
        }),
      409,
    );
    // A failed reset leaves the old password working.
    expect((await w.login('asn')).cookie).toBeTruthy();
  });

  it('ASN, region and missions: duplicate NIP, stale versions', async () => {
    await refused(
      () =>
        admin.post('/api/civil-servants', {
          nip: w.a.nips.u1[0],
          name: 'Kembar',
          workUnitId: w.a.units.u1,
          employmentType: 'PNS',
        }),
      400,
    );
    const region = (await admin.get('/api/region')).json();
    await refused(
      () =>
        admin.put('/api/region', {
          name: 'Nama Basi',
          kind: region.kind,
          timezone: region.timezone,
          headTitle: region.headTitle,
          version: region.version - 1,
        }),
      409,
    );
    expect((await admin.get('/api/region')).json()).toEqual(region);
    const m = (
      await admin.post('/api/missions', {
        termStart: 2025,
        termEnd: 2029,
        number: 7,
        title: 'Misi yang dipertahankan',
      })
    ).json();
    await refused(
      () => admin.post('/api/missions', { termStart: 2025, termEnd: 2029, number: 7, title: 'Nomor kembar' }),
      409,
    );
    await refused(
      () =>
        admin.put(`/api/missions/${m.id}`, {
          termStart: 2025,
          termEnd: 2029,
          number: 7,
          title: 'Basi',
          version: 9,
        }),
      409,
    );
    await refused(() => admin.delete(`/api/missions/${m.id}`, { version: 9 }), 409);
    const [row] = await db.select().from(missions).where(eq(missions.id, m.id));
    expect(row).toMatchObject({ title: 'Misi yang dipertahankan', version: 1 });
  });
});

describe('concurrent writes in one region', () => {
  it('10 parallel work-unit creates give 10 entries with consecutive numbers and a chain that verifies', async () => {
    const before = await headSeq();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        admin.post('/api/work-units', {
          code: `8.00.${String(i + 1).padStart(2, '0')}`,
          name: `Unit Paralel ${i + 1}`,
          kind: 'kecamatan',
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const entries = await entriesAfter(before);
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 10 }, (_, i) => before + i + 1));
    expect(new Set(entries.map((e) => e.entityId))).toEqual(new Set(results.map((r) => r.json().id)));
    expect(entries.every((e) => e.action === 'work_unit.create')).toBe(true);
    expect(await headSeq()).toBe(before + 10);
    const check = await verifyChain(db, w.a.id);
    expect(check).toMatchObject({ ok: true, entries: before + 10 });
  });

  it('parallel writes in two regions keep two separate, valid chains', async () => {
    const adminB = await w.login('admin', { region: 'b' });
    const beforeA = await headSeq(w.a.id);
    const beforeB = await headSeq(w.b.id);
    const calls = Array.from({ length: 6 }, (_, i) =>
      (i % 2 ? adminB : admin).post('/api/work-units', {
        code: `7.00.${String(i + 1).padStart(2, '0')}`,
        name: `Unit Dua Daerah ${i + 1}`,
        kind: 'bagian',
      }),
    );
    expect((await Promise.all(calls)).map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    expect(await headSeq(w.a.id)).toBe(beforeA + 3);
    expect(await headSeq(w.b.id)).toBe(beforeB + 3);
    expect((await verifyChain(db, w.a.id)).ok).toBe(true);
    expect((await verifyChain(db, w.b.id)).ok).toBe(true);
  });
});

describe('listing, filters and CSV export', () => {
  let adminB: Client;
  beforeAll(async () => {
    // Two entries either side of midnight in WIB (UTC+7) on 2020-01-01, in region B.
    await db.transaction((tx) =>
      appendAudit(
        tx,
        w.b.id,
        null,
        { action: 'uji.tanggal', entityType: 'uji', entityId: 'malam', summary: 'Pukul 23.30 WIB' },
        new Date('2020-01-01T16:30:00Z'),
      ),
    );
    await db.transaction((tx) =>
      appendAudit(
        tx,
        w.b.id,
        null,
        { action: 'uji.tanggal', entityType: 'uji', entityId: 'pagi', summary: 'Pukul 00.30 WIB' },
        new Date('2020-01-01T17:30:00Z'),
      ),
    );
    adminB = await w.login('admin', { region: 'b' });
  });

  it('is for the region admin only', async () => {
    const kepala = await w.login('kepala');
    expect((await kepala.get('/api/audit')).statusCode).toBe(403);
    expect((await kepala.get('/api/audit/export.csv')).statusCode).toBe(403);
    expect((await w.anonymous().get('/api/audit')).statusCode).toBe(401);
  });

  it('shows only the own region, newest first', async () => {
    const res = await admin.get('/api/audit?pageSize=200');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(await headSeq(w.a.id));
    const seqs = body.items.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x));
    expect(body.items.some((e: { action: string }) => e.action === 'uji.tanggal')).toBe(false);
  });

  it('filters by action, entity type, entity id and actor', async () => {
    const byAction = (await admin.get('/api/audit?action=work_unit.create&pageSize=200')).json();
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEntries)
      .where(and(eq(auditEntries.regionId, w.a.id), eq(auditEntries.action, 'work_unit.create')));
    expect(byAction.total).toBe(n);
    expect(byAction.total).toBeGreaterThanOrEqual(14);
    expect(byAction.items.every((e: { action: string }) => e.action === 'work_unit.create')).toBe(true);

    const byType = (await admin.get('/api/audit?entityType=user&pageSize=200')).json();
    expect(byType.total).toBeGreaterThan(0);
    expect(new Set(byType.items.map((e: { entityType: string }) => e.entityType))).toEqual(new Set(['user']));

    const byEntity = (await admin.get(`/api/audit?entityId=${w.a.users.kepala}&action=auth.login`)).json();
    expect(byEntity.total).toBeGreaterThanOrEqual(2);
    expect(byEntity.items.every((e: { entityId: string }) => e.entityId === w.a.users.kepala)).toBe(true);

    const byActor = (await admin.get(`/api/audit?actorUserId=${w.a.users.operator1}`)).json();
    expect(byActor.total).toBeGreaterThanOrEqual(2);
    expect(byActor.items.every((e: { actorUserId: string }) => e.actorUserId === w.a.users.operator1)).toBe(
      true,
    );

    const none = (await admin.get('/api/audit?action=tidak.ada')).json();
    expect(none).toMatchObject({ items: [], total: 0 });
  });

  it('filters by calendar day in the region time zone', async () => {
    const day = async (q: string) =>
      (await adminB.get(`/api/audit?action=uji.tanggal&${q}`))
        .json()
        .items.map((e: { entityId: string }) => e.entityId);
    expect(await day('from=2020-01-01&to=2020-01-01')).toEqual(['malam']);
    expect(await day('from=2020-01-02&to=2020-01-02')).toEqual(['pagi']);
    expect(await day('from=2020-01-01&to=2020-01-02')).toEqual(['pagi', 'malam']);
    expect(await day('from=2020-01-03')).toEqual([]);
    expect(await day('to=2019-12-31')).toEqual([]);
    // Today's entries are found by today's date (in WIB) and not by yesterday's.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    const todays = (await admin.get(`/api/audit?from=${today}&to=${today}`)).json();
    expect(todays.total).toBe(await headSeq(w.a.id));
    const bad = await admin.get('/api/audit?from=01-01-2020');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toContain('from');
  });

  it('pages without gaps or repeats', async () => {
    const total = await headSeq(w.a.id);
    const seen: number[] = [];
    for (let page = 1; page <= Math.ceil(total / 7); page++) {
      const body = (await admin.get(`/api/audit?pageSize=7&page=${page}`)).json();
      expect(body).toMatchObject({ total, page, pageSize: 7 });
      expect(body.items.length).toBe(Math.min(7, total - (page - 1) * 7));
      seen.push(...body.items.map((e: { seq: number }) => e.seq));
    }
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => total - i));
    const beyond = (await admin.get(`/api/audit?pageSize=7&page=${Math.ceil(total / 7) + 1}`)).json();
    expect(beyond.items).toEqual([]);
    expect((await admin.get('/api/audit?pageSize=500')).statusCode).toBe(400);
  });

  it('exports CSV: a header row, one line per entry, as an attachment', async () => {
    const res = await admin.get('/api/audit/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(String(res.headers['content-disposition'])).toMatch(
      /^attachment; filename="jejak-audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = parseCsv(res.body.slice(1), { relax_column_count: false });
    expect(rows[0]).toEqual([
      'no',
      'waktu_utc',
      'pengguna',
      'aksi',
      'objek',
      'id_objek',
      'ringkasan',
      'sebelum',
      'sesudah',
      'hash',
    ]);
    const total = await headSeq(w.a.id);
    expect(rows).toHaveLength(total + 1);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(
      Array.from({ length: total }, (_, i) => total - i),
    );
    expect(res.body.split('\r\n').filter(Boolean)).toHaveLength(total + 1);
    // The JSON columns read back as the stored values.
    const all = await entriesAfter(0);
    const last = all[all.length - 1];
    const row = rows.find((r) => Number(r[0]) === last.seq)!;
    expect(row[9]).toBe(last.hash);
    expect(row[8] === '' ? null : JSON.parse(row[8])).toEqual(last.after ?? null);

    const filtered = parseCsv(
      (await admin.get('/api/audit/export.csv?action=user.create')).body.slice(1),
    ) as string[][];
    expect(filtered.length).toBeGreaterThan(1);
    expect(filtered.slice(1).every((r) => r[3] === 'user.create')).toBe(true);
  });

  it('neutralises cells that a spreadsheet would run as a formula', async () => {
    const formula = '=HYPERLINK("x")';
    const unit = await admin.post('/api/work-units', { code: '9.66.01', name: formula, kind: 'lainnya' });
    expect(unit.statusCode, unit.body).toBe(201);
    // A user whose full name is a formula; it lands in the "pengguna" column when they act.
    const created = await admin.post('/api/users', {
      username: 'rumus',
      fullName: '@SUM(1+1)*cmd',
      password: PASSWORD,
      roles: [{ role: 'asn' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    await w.login('rumus');

    const rows = parseCsv(
      (await admin.get('/api/audit/export.csv').then((r) => r.body)).slice(1),
    ) as string[][];
    const unitRow = rows.find((r) => r[5] === unit.json().id)!;
    expect(unitRow[6]).toContain(formula);
    expect(JSON.parse(unitRow[8]).name).toBe(formula);
    const loginRow = rows.find((r) => r[3] === 'auth.login' && r[5] === created.json().id)!;
    expect(loginRow[2]).toBe("'@SUM(1+1)*cmd");
    // No cell at all begins with a character that starts a formula.
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    // A summary that itself begins with "=" (as a future action might write) is prefixed with a quote.
    await db.transaction((tx) =>
      appendAudit(tx, w.a.id, null, { action: 'uji.rumus', entityType: 'uji', summary: formula }),
    );
    const only = parseCsv(
      (await admin.get('/api/audit/export.csv?action=uji.rumus')).body.slice(1),
    ) as string[][];
    expect(only).toHaveLength(2);
    expect(only[1][6]).toBe(`'${formula}`);
    expect(only[1][6].startsWith("'=")).toBe(true);
  });
});

describe('the chain detects tampering', () => {
  it('verifies the untouched chains of both regions', async () => {
    const a = await verifyChain(db, w.a.id);
    expect(a).toMatchObject({ ok: true, entries: await headSeq(w.a.id) });
    expect((await verifyChain(db, w.b.id)).ok).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of entries', async () => {
    await expectFails(
      sql`update audit_entries set summary = 'diubah' where region_id = ${w.a.id} and seq = 1`,
      /append-only/,
    );
    await expectFails(sql`delete from audit_entries where region_id = ${w.a.id} and seq = 1`, /append-only/);
    await expectFails(sql`truncate audit_entries`, /append-only/);
    expect((await verifyChain(db, w.a.id)).ok).toBe(true);
  });

  it('reports the entry whose summary was changed, and is whole again once it is restored', async () => {
    const [orig] = await db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.regionId, w.a.id), eq(auditEntries.seq, 5)));
    await tamper(
      sql`update audit_entries set summary = 'Tidak terjadi apa-apa' where region_id = ${w.a.id} and seq = 5`,
    );
    expect(await verifyChain(db, w.a.id)).toMatchObject({ ok: false, brokenAt: 5, entries: 4 });
    // Region B is not affected.
    expect((await verifyChain(db, w.b.id)).ok).toBe(true);
    await tamper(
      sql`update audit_entries set summary = ${orig.summary} where region_id = ${w.a.id} and seq = 5`,
    );
    expect((await verifyChain(db, w.a.id)).ok).toBe(true);
  });

  it('reports the entry whose after value was changed', async () => {
    const [target] = await db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.regionId, w.a.id), eq(auditEntries.action, 'work_unit.update')))
      .orderBy(asc(auditEntries.seq))
      .limit(1);
    const original = JSON.stringify(target.after);
    await tamper(
      sql`update audit_entries set after = jsonb_set(after, '{name}', '"Nama Palsu"') where region_id = ${w.a.id} and seq = ${target.seq}`,
    );
    const check = await verifyChain(db, w.a.id);
    expect(check).toMatchObject({ ok: false, brokenAt: target.seq });
    await tamper(
      sql`update audit_entries set after = ${original}::jsonb where region_id = ${w.a.id} and seq = ${target.seq}`,
    );
    expect((await verifyChain(db, w.a.id)).ok).toBe(true);
  });

  it('reports the FIRST broken entry when several were changed', async () => {
    const rows = await db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.regionId, w.a.id), gt(auditEntries.seq, 0)))
      .orderBy(asc(auditEntries.seq));
    const [x, y] = [rows[11], rows[6]];
    await tamper(
      sql`update audit_entries set actor_name = 'Orang Lain' where region_id = ${w.a.id} and seq in (${x.seq}, ${y.seq})`,
    );
    expect(await verifyChain(db, w.a.id)).toMatchObject({ ok: false, brokenAt: y.seq });
    await tamper(
      sql`update audit_entries set actor_name = ${y.actorName} where region_id = ${w.a.id} and seq = ${y.seq}`,
    );
    expect(await verifyChain(db, w.a.id)).toMatchObject({ ok: false, brokenAt: x.seq });
    await tamper(
      sql`update audit_entries set actor_name = ${x.actorName} where region_id = ${w.a.id} and seq = ${x.seq}`,
    );
    expect((await verifyChain(db, w.a.id)).ok).toBe(true);
  });

  it('catches a forger who also recomputes the changed entry’s own hash (the next link breaks)', async () => {
    const { entryHash } = await import('../../src/server/platform/audit.js');
    const [e] = await db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.regionId, w.a.id), eq(auditEntries.seq, 3)));
    const forged = { ...e, summary: 'Disamarkan' };
    const hash = entryHash(forged);
    await tamper(
      sql`update audit_entries set summary = 'Disamarkan', hash = ${hash} where region_id = ${w.a.id} and seq = 3`,
    );
    expect(await verifyChain(db, w.a.id)).toMatchObject({ ok: false, brokenAt: 4 });
    await tamper(
      sql`update audit_entries set summary = ${e.summary}, hash = ${e.hash} where region_id = ${w.a.id} and seq = 3`,
    );
    expect((await verifyChain(db, w.a.id)).ok).toBe(true);
  });

  it('detects a deleted entry in the middle and a deleted last entry (head mismatch)', async () => {
    const last = await headSeq(w.a.id);
    const [middle] = await db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.regionId, w.a.id), eq(auditEntries.seq, 8)));
    const [tail] = await db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.regionId, w.a.id), eq(auditEntries.seq, last)));

    await tamper(sql`delete from audit_entries where region_id = ${w.a.id} and seq = 8`);
    const gap = await verifyChain(db, w.a.id);
    expect(gap).toMatchObject({ ok: false, brokenAt: 8, entries: 7 });
    await db.insert(auditEntries).values(middle);
    expect((await verifyChain(db, w.a.id)).ok).toBe(true);

    await tamper(sql`delete from audit_entries where region_id = ${w.a.id} and seq = ${last}`);
    const cut = await verifyChain(db, w.a.id);
    expect(cut).toMatchObject({ ok: false, brokenAt: last, entries: last - 1 });
    if (!cut.ok) expect(cut.reason).toMatch(/kepala/);
    await db.insert(auditEntries).values(tail);
    expect(await verifyChain(db, w.a.id)).toMatchObject({ ok: true, entries: last });
    // The application keeps appending to the repaired chain.
    expect((await admin.put('/api/auth/locale', { locale: 'id' })).statusCode).toBe(200);
    expect(await verifyChain(db, w.a.id)).toMatchObject({ ok: true, entries: last + 1 });
  });
});

describe('the CLI `audit verify` (always on a PGlite folder)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lk-audit-cli-'));
    const database = await openDatabase({ pgliteDir: dir });
    await database.migrate();
    const one = await createRegion(database.db, { slug: 'kota-cli', name: 'Kota CLI' });
    const two = await createRegion(database.db, {
      slug: 'kab-cli',
      name: 'Kabupaten CLI',
      kind: 'kabupaten',
    });
    for (const regionId of [one, two]) {
      const units = await insertWorkUnits(database.db, regionId, [
        { code: '1.01.01', name: 'Dinas Satu', kind: 'dinas' },
      ]);
      for (let i = 1; i <= 6; i++) {
        await database.db.transaction((tx) =>
          appendAudit(tx, regionId, null, {
            action: 'work_unit.update',
            entityType: 'work_unit',
            entityId: units.get('1.01.01')!,
            summary: `Perubahan ${i}`,
            before: { name: `Nama ${i - 1}` },
            after: { name: `Nama ${i}` },
          }),
        );
      }
    }
    await database.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function cli(...args: string[]) {
    const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dir, LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'audit', 'verify', ...args], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  }

  it('reports OK with exit code 0, then RUSAK with the seq and exit code 2 after tampering', async () => {
    const ok = cli();
    expect(ok.out).toMatch(/OK\s+kota-cli: 6 entri/);
    expect(ok.out).toMatch(/OK\s+kab-cli: 6 entri/);
    expect(ok.status).toBe(0);

    const database = await openDatabase({ pgliteDir: dir });
    const [{ id }] = await database.db
      .select({ id: regions.id })
      .from(regions)
      .where(eq(regions.slug, 'kota-cli'));
    await tamper(
      sql`update audit_entries set after = '{"name": "Nama Palsu"}'::jsonb where region_id = ${id} and seq = 4`,
      database.db,
    );
    await database.close();

    const bad = cli();
    expect(bad.out).toMatch(/RUSAK kota-cli: entri #4/);
    expect(bad.out).toMatch(/OK\s+kab-cli: 6 entri/);
    expect(bad.status).toBe(2);

    // Limited to the intact region, the check passes.
    const other = cli('--region', 'kab-cli');
    expect(other.out).not.toContain('kota-cli');
    expect(other.status).toBe(0);
    // Three CLI starts (tsx): slow on a busy machine.
  }, 240_000);
});
