import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CivilServant } from '../../src/contract/civil-servants.js';
import type { ImportBatch } from '../../src/contract/imports.js';
import type { Mission } from '../../src/contract/region.js';
import type { User } from '../../src/contract/users.js';
import type { WorkUnit } from '../../src/contract/work-units.js';
import { Client, PASSWORD, setupWorld, type World } from '../support/harness.js';

/**
 * S5: a cookie-authenticated write needs the session's own CSRF token in `x-csrf-token` and no
 * foreign Origin; otherwise 403 CSRF_FAILED and nothing is written. GET never changes state.
 */

let w: World;
let adm: Client;
/** A second session of the same admin, and a session of another user. */
let admOther: Client;
let kepala: Client;
let bAdmin: Client;

let unit: WorkUnit;
let asn: CivilServant;
let target: User;
let mission: Mission;
let goal: { id: string; version: number };
let tgt: { id: string; version: number };
let batch: ImportBatch;

async function ok<T>(p: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const res = await p;
  if (res.statusCode !== status) throw new Error(`setup request failed: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

function csvUpload(fileName = 'unit.csv') {
  const boundary = '----lkCsrfBoundary';
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\nkode,nama,jenis\nCSRF-1,Unit Csrf,dinas\n\r\n--${boundary}--\r\n`;
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Row counts and version sums of every table, the audit head, and the sessions: any write shows. */
async function snapshot() {
  const tables = [
    'regions',
    'work_units',
    'civil_servants',
    'users',
    'user_roles',
    'missions',
    'mission_goals',
    'mission_targets',
    'import_batches',
    'sessions',
    'login_throttles',
  ];
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    const hasVersion = [
      'regions',
      'work_units',
      'civil_servants',
      'users',
      'missions',
      'mission_goals',
      'mission_targets',
    ].includes(t);
    const r = await w.database.db.execute(
      sql.raw(
        `select count(*)::int as n${hasVersion ? ', coalesce(sum(version), 0)::int as v' : ''} from ${t}`,
      ),
    );
    out[t] = (r as unknown as { rows: unknown[] }).rows[0];
  }
  const hashes = await w.database.db.execute(
    sql`select string_agg(password_hash, ',' order by id) as h, string_agg(locale, ',' order by id) as l from users`,
  );
  out.userSecrets = (hashes as unknown as { rows: unknown[] }).rows[0];
  const batches = await w.database.db.execute(
    sql`select string_agg(status, ',' order by id) as s from import_batches`,
  );
  out.batchStatus = (batches as unknown as { rows: unknown[] }).rows[0];
  const a = await w.database.db.execute(
    sql`select count(*)::int as n, max(seq)::int as s from audit_entries`,
  );
  out.audit = (a as unknown as { rows: unknown[] }).rows[0];
  return out;
}

interface Write {
  name: string;
  method: 'POST' | 'PUT' | 'DELETE';
  url: () => string;
  body: () => unknown;
  headers?: () => Record<string, string>;
}

/** Every authenticated write of the API, with a body that would succeed for the admin. */
const WRITES: Write[] = [
  { name: 'logout', method: 'POST', url: () => '/api/auth/logout', body: () => ({}) },
  { name: 'set locale', method: 'PUT', url: () => '/api/auth/locale', body: () => ({ locale: 'en' }) },
  {
    name: 'update region',
    method: 'PUT',
    url: () => '/api/region',
    body: () => ({
      name: 'Kota Dibajak',
      kind: 'kota',
      timezone: 'Asia/Jakarta',
      headTitle: 'Wali Kota',
      version: 1,
    }),
  },
  {
    name: 'create mission',
    method: 'POST',
    url: () => '/api/missions',
    body: () => ({ termStart: 2040, termEnd: 2044, number: 1, title: 'Misi palsu' }),
  },
  {
    name: 'update mission',
    method: 'PUT',
    url: () => `/api/missions/${mission.id}`,
    body: () => ({
      termStart: mission.termStart,
      termEnd: mission.termEnd,
      number: mission.number,
      title: 'Dibajak',
      version: mission.version,
    }),
  },
  {
    name: 'delete mission',
    method: 'DELETE',
    url: () => `/api/missions/${mission.id}`,
    body: () => ({ version: mission.version }),
  },
  {
    name: 'create goal',
    method: 'POST',
    url: () => `/api/missions/${mission.id}/goals`,
    body: () => ({ number: 5, title: 'Palsu' }),
  },
  {
    name: 'update goal',
    method: 'PUT',
    url: () => `/api/goals/${goal.id}`,
    body: () => ({ number: 1, title: 'Dibajak', version: goal.version }),
  },
  {
    name: 'delete goal',
    method: 'DELETE',
    url: () => `/api/goals/${goal.id}`,
    body: () => ({ version: goal.version }),
  },
  {
    name: 'create target',
    method: 'POST',
    url: () => `/api/goals/${goal.id}/targets`,
    body: () => ({ number: 5, title: 'Palsu' }),
  },
  {
    name: 'update target',
    method: 'PUT',
    url: () => `/api/targets/${tgt.id}`,
    body: () => ({ number: 1, title: 'Dibajak', version: tgt.version }),
  },
  {
    name: 'delete target',
    method: 'DELETE',
    url: () => `/api/targets/${tgt.id}`,
    body: () => ({ version: tgt.version }),
  },
  {
    name: 'create work unit',
    method: 'POST',
    url: () => '/api/work-units',
    body: () => ({ code: 'EVIL-1', name: 'Unit Palsu', kind: 'dinas' }),
  },
  {
    name: 'update work unit',
    method: 'PUT',
    url: () => `/api/work-units/${unit.id}`,
    body: () => ({ code: unit.code, name: 'Dibajak', kind: unit.kind, version: unit.version }),
  },
  {
    name: 'deactivate work unit',
    method: 'POST',
    url: () => `/api/work-units/${unit.id}/deactivate`,
    body: () => ({ version: unit.version }),
  },
  {
    name: 'activate work unit',
    method: 'POST',
    url: () => `/api/work-units/${unit.id}/activate`,
    body: () => ({ version: unit.version }),
  },
  {
    name: 'create ASN',
    method: 'POST',
    url: () => '/api/civil-servants',
    body: () => ({
      nip: '199001012015031001',
      name: 'ASN Palsu',
      workUnitId: w.a.units.u1,
      employmentType: 'PNS',
    }),
  },
  {
    name: 'update ASN',
    method: 'PUT',
    url: () => `/api/civil-servants/${asn.id}`,
    body: () => ({
      nip: asn.nip,
      name: 'Dibajak',
      workUnitId: asn.workUnitId,
      employmentType: asn.employmentType,
      active: false,
      version: asn.version,
    }),
  },
  {
    name: 'upload import',
    method: 'POST',
    url: () => '/api/imports/work_units',
    body: () => csvUpload().payload,
    headers: () => csvUpload().headers,
  },
  {
    name: 'commit import',
    method: 'POST',
    url: () => `/api/imports/batch/${batch.id}/commit`,
    body: () => ({}),
  },
  {
    name: 'create user',
    method: 'POST',
    url: () => '/api/users',
    body: () => ({
      username: 'penyusup',
      fullName: 'Penyusup',
      password: PASSWORD,
      roles: [{ role: 'region_admin' }],
    }),
  },
  {
    name: 'update user',
    method: 'PUT',
    url: () => `/api/users/${target.id}`,
    body: () => ({ fullName: 'Dibajak', roles: [{ role: 'region_admin' }], version: target.version }),
  },
  {
    name: 'deactivate user',
    method: 'POST',
    url: () => `/api/users/${target.id}/deactivate`,
    body: () => ({ version: target.version }),
  },
  {
    name: 'activate user',
    method: 'POST',
    url: () => `/api/users/${target.id}/activate`,
    body: () => ({ version: target.version }),
  },
  {
    name: 'reset password',
    method: 'POST',
    url: () => `/api/users/${target.id}/reset-password`,
    body: () => ({ newPassword: 'kata sandi penyerang', version: target.version }),
  },
];

/** The ways a forged or cross-site write can arrive with the victim's cookie. */
const ATTACKS: { name: string; send: (wr: Write) => Promise<LightMyRequestResponse> }[] = [
  {
    name: 'no x-csrf-token header',
    send: (wr) =>
      new Client(w.app, adm.cookie, null).request(wr.method, wr.url(), wr.body(), wr.headers?.() ?? {}),
  },
  {
    name: 'an empty token',
    send: (wr) => adm.request(wr.method, wr.url(), wr.body(), { ...wr.headers?.(), 'x-csrf-token': '' }),
  },
  {
    name: 'a wrong token of the right length',
    send: (wr) =>
      adm.request(wr.method, wr.url(), wr.body(), {
        ...wr.headers?.(),
        'x-csrf-token': randomBytes(32).toString('base64url'),
      }),
  },
  {
    name: 'the token with one character changed',
    send: (wr) => {
      const t = adm.csrf!;
      const forged = t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A');
      return adm.request(wr.method, wr.url(), wr.body(), { ...wr.headers?.(), 'x-csrf-token': forged });
    },
  },
  {
    name: 'a prefix of the token',
    send: (wr) =>
      adm.request(wr.method, wr.url(), wr.body(), {
        ...wr.headers?.(),
        'x-csrf-token': adm.csrf!.slice(0, 10),
      }),
  },
  {
    name: "the token of the same user's other session",
    send: (wr) =>
      adm.request(wr.method, wr.url(), wr.body(), { ...wr.headers?.(), 'x-csrf-token': admOther.csrf! }),
  },
  {
    name: "another user's token",
    send: (wr) =>
      adm.request(wr.method, wr.url(), wr.body(), { ...wr.headers?.(), 'x-csrf-token': kepala.csrf! }),
  },
  {
    name: "another region's admin token",
    send: (wr) =>
      adm.request(wr.method, wr.url(), wr.body(), { ...wr.headers?.(), 'x-csrf-token': bAdmin.csrf! }),
  },
  {
    name: 'the right token with Origin https://evil.example',
    send: (wr) =>
      adm.request(wr.method, wr.url(), wr.body(), { ...wr.headers?.(), origin: 'https://evil.example' }),
  },
  {
    name: 'the right token with a look-alike Origin',
    send: (wr) =>
      adm.request(wr.method, wr.url(), wr.body(), {
        ...wr.headers?.(),
        origin: 'http://localhost:3000.evil.example',
      }),
  },
  {
    name: 'the right token with Origin null',
    send: (wr) => adm.request(wr.method, wr.url(), wr.body(), { ...wr.headers?.(), origin: 'null' }),
  },
];

beforeAll(async () => {
  w = await setupWorld();
  adm = await w.login('admin');
  admOther = await w.login('admin');
  kepala = await w.login('kepala');
  bAdmin = await w.login('admin', { region: 'b' });
  unit = await ok<WorkUnit>(adm.get(`/api/work-units/${w.a.units.u2}`));
  asn = await ok<CivilServant>(adm.get(`/api/civil-servants/${w.a.people.u1[0]}`));
  target = await ok<User>(adm.get(`/api/users/${w.a.users.asn}`));
  mission = await ok<Mission>(
    adm.post('/api/missions', { termStart: 2025, termEnd: 2029, number: 1, title: 'Misi asli' }),
    201,
  );
  goal = await ok(adm.post(`/api/missions/${mission.id}/goals`, { number: 1, title: 'Tujuan asli' }), 201);
  tgt = await ok(adm.post(`/api/goals/${goal.id}/targets`, { number: 1, title: 'Sasaran asli' }), 201);
  const f = csvUpload('asli.csv');
  batch = await ok<ImportBatch>(adm.post('/api/imports/work_units', f.payload, f.headers), 201);
});
afterAll(() => w.close());

describe('forged writes are refused with 403 CSRF_FAILED and write nothing (S5)', () => {
  describe.each(ATTACKS.map((a) => [a.name, a] as const))('%s', (_name, attack) => {
    it.each(WRITES.map((wr) => [wr.name, wr] as const))('%s', async (_n, wr) => {
      const before = await snapshot();
      const res = await attack.send(wr);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toEqual({ error: { code: 'CSRF_FAILED', message: expect.any(String) } });
      expect(await snapshot()).toEqual(before);
    });
  });

  it('the sessions attacked above are still alive (a refused logout did not log anyone out)', async () => {
    for (const c of [adm, admOther, kepala, bAdmin])
      expect((await c.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('a token sent in the body or the query string instead of the header does not count', async () => {
    const noHeader = new Client(w.app, adm.cookie, null);
    const before = await snapshot();
    const inBody = await noHeader.put('/api/auth/locale', {
      locale: 'en',
      csrfToken: adm.csrf,
      _csrf: adm.csrf,
    });
    expect(inBody.statusCode).toBe(403);
    expect(inBody.json().error.code).toBe('CSRF_FAILED');
    const inQuery = await noHeader.put(`/api/auth/locale?csrfToken=${adm.csrf}&_csrf=${adm.csrf}`, {
      locale: 'en',
    });
    expect(inQuery.statusCode).toBe(403);
    expect(inQuery.json().error.code).toBe('CSRF_FAILED');
    expect(await snapshot()).toEqual(before);
  });

  it('without a session the answer is 401, even with a token', async () => {
    const res = await new Client(w.app, null, adm.csrf).post('/api/work-units', {
      code: 'EVIL-2',
      name: 'Unit Palsu',
      kind: 'dinas',
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('a forged login (foreign Origin) is refused and opens no session', async () => {
    const before = await snapshot();
    const res = await w
      .anonymous()
      .post(
        '/api/auth/login',
        { regionSlug: w.a.slug, username: 'asn', password: PASSWORD },
        { origin: 'https://evil.example' },
      );
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    expect(res.cookies).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('the same writes with the right token and a same-site Origin succeed (the checks are not simply closed)', async () => {
    const sameSite: Record<string, string>[] = [
      {},
      { origin: 'http://localhost:3000' },
      { host: 'kinerja.example.go.id', origin: 'https://kinerja.example.go.id' },
    ];
    for (const [i, headers] of sameSite.entries()) {
      const u = await adm.post(
        '/api/work-units',
        { code: `OK-${i}`, name: 'Unit Sah', kind: 'dinas' },
        headers,
      );
      expect(u.statusCode, `${JSON.stringify(headers)}: ${u.body}`).toBe(201);
    }
    const loc = await adm.put('/api/auth/locale', { locale: 'id' }, { origin: 'http://localhost:3000' });
    expect(loc.statusCode).toBe(200);
    // The second session of the same user writes with its own token.
    const other = await admOther.put('/api/auth/locale', { locale: 'id' });
    expect(other.statusCode).toBe(200);
  });
});

describe('GET never changes state (S5)', () => {
  const reads = () => [
    '/api/health',
    '/api/public/regions',
    '/api/openapi.json',
    '/api/auth/me',
    '/api/region',
    '/api/missions',
    '/api/work-units?active=all',
    `/api/work-units/${unit.id}`,
    '/api/civil-servants?q=1990',
    `/api/civil-servants/${asn.id}`,
    '/api/imports',
    `/api/imports/batch/${batch.id}`,
    '/api/imports/work_units/template.csv',
    '/api/users?active=all',
    `/api/users/${target.id}`,
    '/api/audit',
    '/api/audit/facets',
    '/api/audit/export.csv',
  ];

  it('no GET of the API writes anything, for any caller', async () => {
    // Sign-ins write audit entries, so every session is opened before the first snapshot.
    const callers = [adm, kepala, await w.login('kaopd1'), await w.login('asn'), w.anonymous()];
    const before = await snapshot();
    for (const c of callers) {
      for (const url of reads()) {
        const res = await c.get(url);
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        const head = await c.request('HEAD', url);
        expect(head.statusCode).toBeLessThan(500);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('GET on the path of a write does not perform it', async () => {
    const before = await snapshot();
    for (const url of [
      '/api/auth/logout',
      `/api/work-units/${unit.id}/deactivate`,
      `/api/users/${target.id}/deactivate`,
      `/api/users/${target.id}/reset-password`,
      `/api/imports/batch/${batch.id}/commit`,
      `/api/missions/${mission.id}/goals`,
    ]) {
      const res = await adm.get(url);
      expect(res.statusCode, url).toBe(404);
      // ... nor does a method-override header turn a GET into a write.
      const overridden = await adm.request('GET', url, undefined, {
        'x-http-method-override': 'POST',
        'x-method-override': 'POST',
      });
      expect(overridden.statusCode, url).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
    expect((await adm.get('/api/auth/me')).statusCode).toBe(200);
  });
});
