import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginThrottles, sessions, users } from '../../src/server/db/schema.js';
import { hashToken } from '../../src/server/platform/sessions.js';
import { createUsers } from '../../src/server/seed/seed.js';
import { Client, PASSWORD, setupWorld, type World } from '../support/harness.js';

/** quality.md S9 (login abuse) and S10 (sessions). */

const BAD_CREDENTIALS = {
  error: { code: 'UNAUTHENTICATED', message: 'Nama pengguna atau kata sandi salah' },
};
const NEW_PASSWORD = 'kalimat sandi baru yang panjang';

function rawLogin(
  app: FastifyInstance,
  body: { regionSlug: string; username: string; password: string },
  headers: Record<string, string> = {},
) {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: body, headers });
}

/** The token inside a `name=value` cookie header of a Client. */
const tokenOf = (c: Client) => c.cookie!.split('=').slice(1).join('=');

let w: World;
let admin: Client;

/** A fresh user created by the admin through the API (so deactivating or resetting it disturbs no other test). */
async function newUser(username: string, password = PASSWORD) {
  const res = await admin.post('/api/users', {
    username,
    fullName: `Pengguna ${username}`,
    password,
    roles: [{ role: 'asn' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

beforeAll(async () => {
  w = await setupWorld({ LOGIN_MAX_FAILURES: 3, LOGIN_LOCKOUT_MINUTES: 15 });
  admin = await w.login('admin');
  // An account that exists but was switched off.
  await createUsers(w.database.db, w.a.id, [
    {
      username: 'nonaktif',
      fullName: 'Pengguna Nonaktif',
      password: PASSWORD,
      roles: [{ role: 'asn' }],
      active: false,
    },
  ]);
});
afterAll(() => w.close());

describe('login', () => {
  it('returns the user with roles and a CSRF token, and sets an HttpOnly SameSite=Lax cookie for path /', async () => {
    const res = await rawLogin(w.app, { regionSlug: w.a.slug, username: 'kaopd1', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({
      id: w.a.users.kaopd1,
      username: 'kaopd1',
      fullName: 'Pengguna kaopd1',
      locale: 'id',
      region: { id: w.a.id, slug: w.a.slug, name: 'Kota Uji', timezone: 'Asia/Jakarta' },
      roles: [{ role: 'opd_head', workUnitId: w.a.units.u1, workUnitName: 'Dinas Satu Kota Uji' }],
    });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    expect(res.cookies).toHaveLength(1);
    const c = res.cookies[0];
    expect(c.name).toBe('lk_session');
    expect(c.value.length).toBeGreaterThanOrEqual(40);
    expect(c.httpOnly).toBe(true);
    expect(String(c.sameSite).toLowerCase()).toBe('lax');
    expect(c.path).toBe('/');
    expect(c.secure).toBeFalsy();
    expect(c.domain).toBeUndefined();
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).not.toMatch(/;\s*Secure/i);

    // The session is stored by the hash of the token, never the token itself.
    const [row] = await w.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, hashToken(c.value)));
    expect(row.userId).toBe(w.a.users.kaopd1);
    const raw = await w.database.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.id, c.value));
    expect(raw).toHaveLength(0);

    // /me answers with the same user and CSRF token.
    const me = await w.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `lk_session=${c.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(body);
  });

  it('accepts the username in any case', async () => {
    const res = await rawLogin(w.app, { regionSlug: w.a.slug, username: 'KaOpd1', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe('kaopd1');
  });

  it('gives a new session id at every login, and both sessions stay valid', async () => {
    const one = await w.login('panelis');
    const two = await w.login('panelis');
    expect(tokenOf(one)).not.toBe(tokenOf(two));
    expect(one.csrf).not.toBe(two.csrf);
    expect((await one.get('/api/auth/me')).statusCode).toBe(200);
    expect((await two.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('never reuses a cookie sent before login (session fixation)', async () => {
    // An attacker plants a cookie: first an invented value, then a real session of their own.
    const invented = 'dipasang-oleh-penyerang-' + 'x'.repeat(30);
    const r1 = await rawLogin(
      w.app,
      { regionSlug: w.a.slug, username: 'kepala', password: PASSWORD },
      { cookie: `lk_session=${invented}` },
    );
    expect(r1.statusCode).toBe(200);
    expect(r1.cookies[0].value).not.toBe(invented);
    const stillUseless = await w.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `lk_session=${invented}` },
    });
    expect(stillUseless.statusCode).toBe(401);

    const attacker = await w.login('panelis');
    const planted = tokenOf(attacker);
    const r2 = await rawLogin(
      w.app,
      { regionSlug: w.a.slug, username: 'kepala', password: PASSWORD },
      { cookie: `lk_session=${planted}` },
    );
    expect(r2.statusCode).toBe(200);
    expect(r2.cookies[0].value).not.toBe(planted);
    // The planted session did not become the victim's: it still belongs to the attacker.
    const me = await attacker.get('/api/auth/me');
    expect(me.json().user.username).toBe('panelis');
    const victim = await w.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `lk_session=${r2.cookies[0].value}` },
    });
    expect(victim.json().user.username).toBe('kepala');
  });

  it('answers a wrong password, an unknown user, an unknown region and an inactive account the same way', async () => {
    const answers = await Promise.all([
      rawLogin(w.app, { regionSlug: w.a.slug, username: 'operator1', password: 'bukan kata sandinya' }),
      rawLogin(w.app, { regionSlug: w.a.slug, username: 'tidak-ada', password: PASSWORD }),
      rawLogin(w.app, { regionSlug: 'daerah-tidak-ada', username: 'admin', password: PASSWORD }),
      rawLogin(w.app, { regionSlug: w.a.slug, username: 'nonaktif', password: PASSWORD }),
      rawLogin(w.app, { regionSlug: w.a.slug, username: 'nonaktif', password: 'bukan kata sandinya' }),
      // A user of region B does not exist in region A.
      rawLogin(w.app, { regionSlug: w.a.slug, username: 'admin', password: 'salah-salah-salah' }),
    ]);
    for (const res of answers) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual(BAD_CREDENTIALS);
      expect(res.cookies).toHaveLength(0);
    }
    const bodies = new Set(answers.map((r) => r.body));
    expect(bodies.size).toBe(1);
  });

  it('refuses an empty or oversized body field with 400 and the field path', async () => {
    const res = await rawLogin(w.app, { regionSlug: w.a.slug, username: '', password: PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'username' })]),
    );
  });
});

describe('lockout after repeated failures', () => {
  it(`locks an existing user after LOGIN_MAX_FAILURES failures, even with the right password`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(
        (
          await rawLogin(w.app, {
            regionSlug: w.a.slug,
            username: 'verifikator',
            password: `salah-${i}-xxxxxxxx`,
          })
        ).statusCode,
      );
    }
    expect(statuses).toEqual([401, 401, 429]);
    const res = await rawLogin(w.app, { regionSlug: w.a.slug, username: 'verifikator', password: PASSWORD });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('LOCKED_OUT');
    expect(res.cookies).toHaveLength(0);
    // The lock is on the name, whatever its case.
    const upper = await rawLogin(w.app, {
      regionSlug: w.a.slug,
      username: 'VERIFIKATOR',
      password: PASSWORD,
    });
    expect(upper.statusCode).toBe(429);
    // The lock is per region: the same name in region B is not locked (it does not exist there: 401).
    const other = await rawLogin(w.app, {
      regionSlug: w.b.slug,
      username: 'verifikator',
      password: PASSWORD,
    });
    expect(other.statusCode).toBe(401);
  });

  it('answers a non-existent username exactly the same way (no user enumeration)', async () => {
    const existing: { status: number; body: string }[] = [];
    const ghost: { status: number; body: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const a = await rawLogin(w.app, {
        regionSlug: w.a.slug,
        username: 'asn',
        password: `salah-${i}-xxxxxxxx`,
      });
      const b = await rawLogin(w.app, {
        regionSlug: w.a.slug,
        username: 'hantu-tak-ada',
        password: `salah-${i}-xxxxxxxx`,
      });
      existing.push({ status: a.statusCode, body: a.body });
      ghost.push({ status: b.statusCode, body: b.body });
    }
    expect(ghost).toEqual(existing);
    expect(existing.map((e) => e.status)).toEqual([401, 401, 429, 429]);
    expect(JSON.parse(existing[3].body).error.code).toBe('LOCKED_OUT');
  });

  it('unlocks after the lockout time and then clears the counter on success', async () => {
    const where = and(eq(loginThrottles.regionId, w.a.id), eq(loginThrottles.username, 'verifikator'));
    const [row] = await w.database.db.select().from(loginThrottles).where(where);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(row.lockedUntil!.getTime()).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
    // Let the lockout time pass.
    await w.database.db
      .update(loginThrottles)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(where);
    const res = await rawLogin(w.app, { regionSlug: w.a.slug, username: 'verifikator', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(await w.database.db.select().from(loginThrottles).where(where)).toHaveLength(0);
  });

  it('counts failures sent in parallel: a burst of guesses cannot slip past the lockout', async () => {
    const guesses = Array.from({ length: 8 }, (_, i) =>
      rawLogin(w.app, { regionSlug: w.a.slug, username: 'bkpsdm', password: `tebakan-${i}-xxxxxxxx` }),
    );
    const answers = await Promise.all(guesses);
    // Counted one after another: MAX-1 plain refusals, then the lock for every other guess.
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(2);
    expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(6);
    expect(
      answers.filter((r) => r.statusCode === 429).every((r) => r.json().error.code === 'LOCKED_OUT'),
    ).toBe(true);
    const res = await rawLogin(w.app, { regionSlug: w.a.slug, username: 'bkpsdm', password: PASSWORD });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('LOCKED_OUT');
  });
});

describe('logout and timeouts', () => {
  it('makes the cookie useless after logout and clears it', async () => {
    const c = await w.login('kepala');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    const out = await c.post('/api/auth/logout');
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ ok: true });
    const cleared = out.cookies.find((k) => k.name === 'lk_session')!;
    expect(cleared.value).toBe('');
    expect(cleared.expires!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(cleared.path).toBe('/');
    const after = await c.get('/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
    expect(
      await w.database.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, hashToken(tokenOf(c)))),
    ).toHaveLength(0);
    // Logging out twice is not possible either.
    expect((await c.post('/api/auth/logout')).statusCode).toBe(401);
  });

  it('ends a session after the idle timeout', async () => {
    const c = await w.login('kepala');
    const other = await w.login('kepala');
    await w.database.db
      .update(sessions)
      .set({ idleExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, hashToken(tokenOf(c))));
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    // Only that session.
    expect((await other.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('slides the idle timeout with activity, but never past the absolute timeout', async () => {
    const c = await w.login('kepala');
    const id = hashToken(tokenOf(c));
    const soon = new Date(Date.now() + 60_000);
    await w.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 5 * 60_000), idleExpiresAt: soon })
      .where(eq(sessions.id, id));
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    const [row] = await w.database.db.select().from(sessions).where(eq(sessions.id, id));
    expect(row.idleExpiresAt.getTime()).toBeGreaterThan(
      Date.now() + (w.config.SESSION_IDLE_MINUTES - 1) * 60_000,
    );
    expect(row.absoluteExpiresAt.getTime()).toBeLessThanOrEqual(
      row.createdAt.getTime() + w.config.SESSION_ABSOLUTE_HOURS * 3_600_000,
    );
  });

  it('ends a session after the absolute timeout, however active it is', async () => {
    const c = await w.login('kepala');
    await w.database.db
      .update(sessions)
      .set({
        absoluteExpiresAt: new Date(Date.now() - 1000),
        idleExpiresAt: new Date(Date.now() + 3_600_000),
      })
      .where(eq(sessions.id, hashToken(tokenOf(c))));
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('sets idle and absolute expiry from the configuration at login', async () => {
    const before = Date.now();
    const c = await w.login('kepala');
    const [row] = await w.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, hashToken(tokenOf(c))));
    const idle = w.config.SESSION_IDLE_MINUTES * 60_000;
    const abs = w.config.SESSION_ABSOLUTE_HOURS * 3_600_000;
    expect(row.idleExpiresAt.getTime()).toBeGreaterThanOrEqual(before + idle - 1000);
    expect(row.idleExpiresAt.getTime()).toBeLessThanOrEqual(Date.now() + idle + 1000);
    expect(row.absoluteExpiresAt.getTime()).toBeGreaterThanOrEqual(before + abs - 1000);
    expect(row.absoluteExpiresAt.getTime()).toBeLessThanOrEqual(Date.now() + abs + 1000);
  });
});

describe('account changes end sessions', () => {
  it('deactivating a user ends all of their sessions at once, and they cannot log in', async () => {
    const u = await newUser('pegawai.satu');
    const s1 = await w.login('pegawai.satu');
    const s2 = await w.login('pegawai.satu');
    expect((await s1.get('/api/auth/me')).statusCode).toBe(200);
    const res = await admin.post(`/api/users/${u.id}/deactivate`, { version: u.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await s1.get('/api/auth/me')).statusCode).toBe(401);
    expect((await s2.get('/api/auth/me')).statusCode).toBe(401);
    expect(
      await w.database.db
        .select()
        .from(sessions)
        .where(and(eq(sessions.regionId, w.a.id), eq(sessions.userId, u.id))),
    ).toHaveLength(0);
    const again = await rawLogin(w.app, {
      regionSlug: w.a.slug,
      username: 'pegawai.satu',
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(401);
    expect(again.json()).toEqual(BAD_CREDENTIALS);
    // The admin's own session is untouched.
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('an inactive user with a session row that somehow survived is still refused', async () => {
    const u = await newUser('pegawai.dua');
    const s = await w.login('pegawai.dua');
    await w.database.db
      .update(users)
      .set({ active: false })
      .where(and(eq(users.regionId, w.a.id), eq(users.id, u.id)));
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('resetting a password ends the sessions; the new password works and the old does not', async () => {
    const u = await newUser('pegawai.tiga');
    const s = await w.login('pegawai.tiga');
    const res = await admin.post(`/api/users/${u.id}/reset-password`, {
      newPassword: NEW_PASSWORD,
      version: u.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    const old = await rawLogin(w.app, { regionSlug: w.a.slug, username: 'pegawai.tiga', password: PASSWORD });
    expect(old.statusCode).toBe(401);
    expect(old.json()).toEqual(BAD_CREDENTIALS);
    const fresh = await rawLogin(w.app, {
      regionSlug: w.a.slug,
      username: 'pegawai.tiga',
      password: NEW_PASSWORD,
    });
    expect(fresh.statusCode).toBe(200);
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('an admin cannot deactivate themselves (409) and stays signed in', async () => {
    const me = await admin.get(`/api/users/${w.a.users.admin}`);
    const res = await admin.post(`/api/users/${w.a.users.admin}/deactivate`, { version: me.json().version });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
    const [row] = await w.database.db
      .select({ active: users.active })
      .from(users)
      .where(eq(users.id, w.a.users.admin));
    expect(row.active).toBe(true);
  });
});

describe('password rules and storage', () => {
  const create = (password: string) =>
    admin.post('/api/users', {
      username: 'sandi.lemah',
      fullName: 'Sandi Lemah',
      password,
      roles: [{ role: 'asn' }],
    });

  it.each([
    ['shorter than 12 characters', 'pendek12345'],
    ['a common password', 'password1234'],
    ['a common password in another case', 'Password1234'],
    ['a common Indonesian password', 'bismillah123'],
  ])('refuses %s with 400 and the field path', async (_label, password) => {
    const res = await create(password);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.fields).toEqual([expect.objectContaining({ path: 'password' })]);
    const list = await admin.get('/api/users?q=sandi.lemah');
    expect(list.json().total).toBe(0);
  });

  it('refuses a weak password on reset too (field newPassword) and keeps the old one', async () => {
    const u = await newUser('pegawai.empat');
    for (const newPassword of ['pendek', 'qwerty123456']) {
      const res = await admin.post(`/api/users/${u.id}/reset-password`, { newPassword, version: u.version });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual([expect.objectContaining({ path: 'newPassword' })]);
    }
    expect(
      (await rawLogin(w.app, { regionSlug: w.a.slug, username: 'pegawai.empat', password: PASSWORD }))
        .statusCode,
    ).toBe(200);
  });

  it('stores argon2id hashes with m >= 19456 KiB, t >= 2 and a salt, never the password', async () => {
    const u = await newUser('pegawai.lima', 'kalimat sandi pegawai lima');
    const rows = await w.database.db
      .select({ username: users.username, hash: users.passwordHash })
      .from(users)
      .where(eq(users.regionId, w.a.id));
    const checked = rows.filter((r) => ['pegawai.lima', 'admin', 'pegawai.tiga'].includes(r.username));
    expect(checked).toHaveLength(3);
    for (const { hash } of checked) {
      // PHC string: $argon2id$v=19$<params>$<salt>$<hash>; the parameter order is the library's choice.
      const m = /^\$argon2id\$v=19\$([a-z]=\d+(?:,[a-z]=\d+)*)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(
        hash,
      );
      expect(m, hash).not.toBeNull();
      const params = Object.fromEntries(
        m![1].split(',').map((kv) => [kv.split('=')[0], Number(kv.split('=')[1])]),
      );
      expect(params.m).toBeGreaterThanOrEqual(19456);
      expect(params.t).toBeGreaterThanOrEqual(2);
      expect(params.p).toBeGreaterThanOrEqual(1);
      expect(Buffer.from(m![2], 'base64').length).toBeGreaterThanOrEqual(16);
      expect(Buffer.from(m![3], 'base64').length).toBeGreaterThanOrEqual(32);
      expect(hash).not.toContain(PASSWORD);
    }
    // Two users with the same password get different hashes (a random salt each).
    const again = await newUser('pegawai.enam', 'kalimat sandi pegawai lima');
    const [h1] = await w.database.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, u.id));
    const [h2] = await w.database.db
      .select({ h: users.passwordHash })
      .from(users)
      .where(eq(users.id, again.id));
    expect(h1.h).not.toBe(h2.h);
  });
});

describe('display language', () => {
  it('persists the locale and /api/auth/me returns it, also in a new session', async () => {
    const c = await w.login('operator1');
    expect((await c.get('/api/auth/me')).json().user.locale).toBe('id');
    const res = await c.put('/api/auth/locale', { locale: 'en' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect((await c.get('/api/auth/me')).json().user.locale).toBe('en');
    const later = await w.login('operator1');
    expect((await later.get('/api/auth/me')).json().user.locale).toBe('en');
    const bad = await c.put('/api/auth/locale', { locale: 'fr' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('locale');
    expect((await c.get('/api/auth/me')).json().user.locale).toBe('en');
  });
});

describe('behind HTTPS', () => {
  let hw: World;
  beforeAll(async () => {
    hw = await setupWorld({ PUBLIC_URL: 'https://lk.example.go.id' });
  });
  afterAll(() => hw.close());

  it('names the cookie __Host-lk_session and marks it Secure, HttpOnly, SameSite=Lax, Path=/ without a Domain', async () => {
    const res = await rawLogin(hw.app, { regionSlug: hw.a.slug, username: 'admin', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.cookies).toHaveLength(1);
    const c = res.cookies[0];
    expect(c.name).toBe('__Host-lk_session');
    expect(c.secure).toBe(true);
    expect(c.httpOnly).toBe(true);
    expect(String(c.sameSite).toLowerCase()).toBe('lax');
    expect(c.path).toBe('/');
    expect(c.domain).toBeUndefined();
    // The plain name is not accepted in its place.
    const plain = await hw.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `lk_session=${c.value}` },
    });
    expect(plain.statusCode).toBe(401);
    const ok = await hw.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `__Host-lk_session=${c.value}` },
    });
    expect(ok.statusCode).toBe(200);
    expect(String(ok.headers['strict-transport-security'])).toContain('max-age=');
  });

  it('clears the __Host- cookie on logout with the attributes a browser requires (Secure, Path=/)', async () => {
    const res = await rawLogin(hw.app, { regionSlug: hw.a.slug, username: 'admin', password: PASSWORD });
    const cookie = `__Host-lk_session=${res.cookies[0].value}`;
    const out = await hw.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': res.json().csrfToken },
    });
    expect(out.statusCode).toBe(200);
    const cleared = out.cookies.find((k) => k.name === '__Host-lk_session')!;
    expect(cleared.value).toBe('');
    // Browsers ignore a Set-Cookie for a __Host- name unless it is Secure with Path=/ and no Domain.
    expect(cleared.secure).toBe(true);
    expect(cleared.path).toBe('/');
    expect(cleared.domain).toBeUndefined();
    expect(
      (await hw.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode,
    ).toBe(401);
  });
});

describe('IP rate limit on login', () => {
  let rw: World;
  beforeAll(async () => {
    rw = await setupWorld({ LOGIN_RATE_PER_MINUTE: 3 });
  });
  afterAll(() => rw.close());

  it('answers 429 RATE_LIMITED once an address exceeds LOGIN_RATE_PER_MINUTE, even with the right password', async () => {
    const statuses: number[] = [];
    for (const username of ['admin', 'kepala', 'tidak-ada']) {
      statuses.push(
        (await rawLogin(rw.app, { regionSlug: rw.a.slug, username, password: PASSWORD })).statusCode,
      );
    }
    expect(statuses).toEqual([200, 200, 401]);
    const res = await rawLogin(rw.app, { regionSlug: rw.a.slug, username: 'admin', password: PASSWORD });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('RATE_LIMITED');
    expect(res.cookies).toHaveLength(0);
    // Another address is not limited by the first one's requests.
    const other = await rw.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { regionSlug: rw.a.slug, username: 'admin', password: PASSWORD },
      remoteAddress: '10.1.2.3',
    });
    expect(other.statusCode).toBe(200);
  });

  it('limits only the login route, not the rest of the API', async () => {
    for (let i = 0; i < 5; i++) expect((await rw.anonymous().get('/api/health')).statusCode).toBe(200);
  });
});
