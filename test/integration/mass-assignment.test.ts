import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CivilServant } from '../../src/contract/civil-servants.js';
import type { Mission } from '../../src/contract/region.js';
import type { User } from '../../src/contract/users.js';
import type { WorkUnit } from '../../src/contract/work-units.js';
import { buildNip } from '../../src/server/seed/factories.js';
import { rng } from '../../src/server/seed/random.js';
import { PASSWORD, setupWorld, type Client, type World } from '../support/harness.js';

/**
 * S4: write bodies are strict. A field the caller may not set (status, regionId, approvedBy, id,
 * version on create, active on create, passwordHash ...) answers 400 VALIDATION_FAILED naming the
 * field, and nothing is written. The same body without the extra field succeeds, so the field is
 * the only reason for the refusal.
 */

let w: World;
let adm: Client;
beforeAll(async () => {
  w = await setupWorld();
  adm = await w.login('admin');
});
afterAll(() => w.close());

let counter = 0;
const next = () => ++counter;
const nipRng = rng(5150);
const freshNip = () => buildNip(nipRng, { today: new Date(), serial: 900 + (next() % 99) });

async function ok<T>(p: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const res = await p;
  if (res.statusCode !== status) throw new Error(`setup request failed: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** Row counts and version sums of every table an API write can touch: any write changes one of them. */
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
  ];
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    const hasVersion = !['user_roles', 'import_batches', 'sessions'].includes(t);
    const r = await w.database.db.execute(
      sql.raw(
        `select count(*)::int as n${hasVersion ? ', coalesce(sum(version), 0)::int as v' : ''} from ${t}`,
      ),
    );
    out[t] = (r as unknown as { rows: unknown[] }).rows[0];
  }
  const a = await w.database.db.execute(
    sql`select count(*)::int as n, max(seq)::int as s from audit_entries`,
  );
  out.audit = (a as unknown as { rows: unknown[] }).rows[0];
  return out;
}

let missionSeq = 0;
const missionBody = () => {
  const n = missionSeq++;
  return {
    termStart: 2030 + Math.floor(n / 90),
    termEnd: 2034 + Math.floor(n / 90),
    number: 1 + (n % 90),
    title: `Misi ${n}`,
  };
};
const freshMission = () => ok<Mission>(adm.post('/api/missions', missionBody()), 201);
const freshUnit = () => {
  const n = next();
  return ok<WorkUnit>(adm.post('/api/work-units', { code: `M-${n}`, name: `Unit ${n}`, kind: 'dinas' }), 201);
};
const freshAsn = () =>
  ok<CivilServant>(
    adm.post('/api/civil-servants', {
      nip: freshNip(),
      name: `ASN ${next()}`,
      workUnitId: w.a.units.u1,
      employmentType: 'PNS',
    }),
    201,
  );
const freshUser = () => {
  const n = next();
  return ok<User>(
    adm.post('/api/users', {
      username: `ma${n}`,
      fullName: `Pengguna ${n}`,
      password: PASSWORD,
      roles: [{ role: 'asn' }],
    }),
    201,
  );
};

interface Case {
  name: string;
  method: 'POST' | 'PUT' | 'DELETE';
  /** A valid request (fresh object and current version where needed). */
  prepare: () => Promise<{ url: string; body: Record<string, unknown> }>;
  /** Adds the forbidden fields to the valid body. */
  inject: (body: Record<string, unknown>) => Record<string, unknown>;
  /** The field paths the 400 must name. */
  paths: string[];
  okStatus: number;
}

const add = (extra: Record<string, unknown>) => (body: Record<string, unknown>) => ({ ...body, ...extra });
const REGION_B = () => w.b.id;
const UUID = '11111111-1111-4111-8111-111111111111';

const cases: Case[] = [
  // work units
  ...(
    [
      ['active', false],
      ['status', 'active'],
      ['regionId', 'B'],
      ['id', UUID],
      ['version', 7],
      ['civilServantCount', 3],
    ] as const
  ).map(([field, value]): Case => ({
    name: `create work unit with ${field}`,
    method: 'POST',
    prepare: async () => {
      const n = next();
      return { url: '/api/work-units', body: { code: `C-${n}`, name: `Unit Baru ${n}`, kind: 'dinas' } };
    },
    inject: (b) => ({ ...b, [field]: value === 'B' ? REGION_B() : value }),
    paths: [field],
    okStatus: 201,
  })),
  {
    name: 'update work unit with regionId and active',
    method: 'PUT',
    prepare: async () => {
      const u = await freshUnit();
      return {
        url: `/api/work-units/${u.id}`,
        body: { code: u.code, name: 'Nama Baru', kind: u.kind, version: u.version },
      };
    },
    inject: (b) => ({ ...b, regionId: REGION_B(), active: false }),
    paths: ['regionId', 'active'],
    okStatus: 200,
  },
  {
    name: 'deactivate work unit with active',
    method: 'POST',
    prepare: async () => {
      const u = await freshUnit();
      return { url: `/api/work-units/${u.id}/deactivate`, body: { version: u.version } };
    },
    inject: add({ active: true }),
    paths: ['active'],
    okStatus: 200,
  },

  // civil servants
  ...(
    [
      ['status', 'active'],
      ['regionId', 'B'],
      ['id', UUID],
      ['version', 3],
      ['active', false],
      ['birthDate', '1990-01-01'],
      ['approvedBy', UUID],
    ] as const
  ).map(([field, value]): Case => ({
    name: `create ASN with ${field}`,
    method: 'POST',
    prepare: async () => ({
      url: '/api/civil-servants',
      body: { nip: freshNip(), name: `ASN Baru ${next()}`, workUnitId: w.a.units.u2, employmentType: 'PPPK' },
    }),
    inject: (b) => ({ ...b, [field]: value === 'B' ? REGION_B() : value }),
    paths: [field],
    okStatus: 201,
  })),
  {
    name: 'update ASN with regionId, sex and updatedAt',
    method: 'PUT',
    prepare: async () => {
      const c = await freshAsn();
      const {
        id: _id,
        workUnitCode: _c,
        workUnitName: _n,
        birthDate: _b,
        sex: _s,
        updatedAt: _u,
        ...body
      } = c;
      return { url: `/api/civil-servants/${c.id}`, body: { ...body, name: 'Nama Baru' } };
    },
    inject: (b) => ({ ...b, regionId: REGION_B(), sex: 'female', updatedAt: '2000-01-01T00:00:00Z' }),
    paths: ['regionId', 'sex', 'updatedAt'],
    okStatus: 200,
  },

  // users
  ...(
    [
      ['passwordHash', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA'],
      ['regionId', 'B'],
      ['active', false],
      ['id', UUID],
      ['version', 2],
      ['lastLoginAt', '2026-01-01T00:00:00Z'],
      ['locale', 'en'],
    ] as const
  ).map(([field, value]): Case => ({
    name: `create user with ${field}`,
    method: 'POST',
    prepare: async () => {
      const n = next();
      return {
        url: '/api/users',
        body: {
          username: `baru${n}`,
          fullName: `Baru ${n}`,
          password: PASSWORD,
          roles: [{ role: 'verifier' }],
        },
      };
    },
    inject: (b) => ({ ...b, [field]: value === 'B' ? REGION_B() : value }),
    paths: [field],
    okStatus: 201,
  })),
  {
    name: 'create user with a regionId inside a role grant',
    method: 'POST',
    prepare: async () => {
      const n = next();
      return {
        url: '/api/users',
        body: {
          username: `peran${n}`,
          fullName: `Peran ${n}`,
          password: PASSWORD,
          roles: [{ role: 'opd_head', workUnitId: w.a.units.u2 }],
        },
      };
    },
    inject: (b) => ({ ...b, roles: [{ ...(b.roles as object[])[0], regionId: REGION_B() }] }),
    paths: ['roles.0.regionId'],
    okStatus: 201,
  },
  {
    name: 'update user with username, passwordHash and active',
    method: 'PUT',
    prepare: async () => {
      const u = await freshUser();
      return {
        url: `/api/users/${u.id}`,
        body: { fullName: 'Nama Baru', roles: [{ role: 'asn', workUnitId: null }], version: u.version },
      };
    },
    inject: add({ username: 'admin', passwordHash: 'x', active: false }),
    paths: ['username', 'passwordHash', 'active'],
    okStatus: 200,
  },
  {
    name: 'reset password with passwordHash',
    method: 'POST',
    prepare: async () => {
      const u = await freshUser();
      return {
        url: `/api/users/${u.id}/reset-password`,
        body: { newPassword: 'kalimat sandi baru sekali', version: u.version },
      };
    },
    inject: add({ passwordHash: 'x' }),
    paths: ['passwordHash'],
    okStatus: 200,
  },
  {
    name: 'deactivate user with status',
    method: 'POST',
    prepare: async () => {
      const u = await freshUser();
      return { url: `/api/users/${u.id}/deactivate`, body: { version: u.version } };
    },
    inject: add({ status: 'inactive' }),
    paths: ['status'],
    okStatus: 200,
  },

  // region profile, missions, goals, targets
  {
    name: 'update region with slug, id and regionId',
    method: 'PUT',
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
    inject: add({ slug: 'kota-lain', id: UUID, regionId: UUID }),
    paths: ['slug', 'id', 'regionId'],
    okStatus: 200,
  },
  {
    name: 'create mission with regionId, approvedBy, status and version',
    method: 'POST',
    prepare: async () => ({ url: '/api/missions', body: missionBody() }),
    inject: add({ regionId: UUID, approvedBy: UUID, status: 'approved', version: 5 }),
    paths: ['regionId', 'approvedBy', 'status', 'version'],
    okStatus: 201,
  },
  {
    name: 'update mission with id',
    method: 'PUT',
    prepare: async () => {
      const m = await freshMission();
      return {
        url: `/api/missions/${m.id}`,
        body: {
          termStart: m.termStart,
          termEnd: m.termEnd,
          number: m.number,
          title: 'Baru',
          version: m.version,
        },
      };
    },
    inject: add({ id: UUID }),
    paths: ['id'],
    okStatus: 200,
  },
  {
    name: 'delete mission with regionId',
    method: 'DELETE',
    prepare: async () => {
      const m = await freshMission();
      return { url: `/api/missions/${m.id}`, body: { version: m.version } };
    },
    inject: add({ regionId: UUID }),
    paths: ['regionId'],
    okStatus: 200,
  },
  {
    name: 'create goal with missionId and version',
    method: 'POST',
    prepare: async () => ({
      url: `/api/missions/${(await freshMission()).id}/goals`,
      body: { number: 1, title: 'Tujuan' },
    }),
    inject: add({ missionId: UUID, version: 2 }),
    paths: ['missionId', 'version'],
    okStatus: 201,
  },
  {
    name: 'create target with goalId',
    method: 'POST',
    prepare: async () => {
      const m = await freshMission();
      const g = await ok<{ id: string }>(
        adm.post(`/api/missions/${m.id}/goals`, { number: 1, title: 'Tujuan' }),
        201,
      );
      return { url: `/api/goals/${g.id}/targets`, body: { number: 1, title: 'Sasaran' } };
    },
    inject: add({ goalId: UUID }),
    paths: ['goalId'],
    okStatus: 201,
  },

  // own account
  {
    name: 'change locale with userId and roles',
    method: 'PUT',
    prepare: async () => ({ url: '/api/auth/locale', body: { locale: 'en' } }),
    inject: add({ userId: UUID, roles: ['region_admin'] }),
    paths: ['userId', 'roles'],
    okStatus: 200,
  },
];

describe('write bodies refuse fields the caller may not set (S4)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { url, body } = await c.prepare();
    const before = await snapshot();
    const res = await adm.request(c.method, url, c.inject(body));
    expect(res.statusCode, res.body).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    const paths = (err.fields as { path: string; message: string }[]).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(c.paths));
    for (const f of err.fields) expect(f.message.length).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
    // The body without the extra fields is accepted: the field alone caused the refusal.
    const good = await adm.request(c.method, url, body);
    expect(good.statusCode, good.body).toBe(c.okStatus);
    expect(await snapshot()).not.toEqual(before);
  });

  it('the login body is strict too and refuses a regionId', async () => {
    const res = await w.anonymous().post('/api/auth/login', {
      regionSlug: w.a.slug,
      username: 'asn',
      password: PASSWORD,
      regionId: w.b.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'regionId' }] });
  });

  it('region B gained nothing from the region-A bodies that named it', async () => {
    // Belt and braces: after all the refusals above, region B has no rows that region A's admin wrote.
    const rows = await w.database.db.execute(
      sql`select (select count(*)::int from work_units where region_id = ${w.b.id}) as units,
                 (select count(*)::int from civil_servants where region_id = ${w.b.id}) as people,
                 (select count(*)::int from users where region_id = ${w.b.id}) as users,
                 (select count(*)::int from audit_entries where region_id = ${w.b.id} and actor_user_id = ${w.a.users.admin}) as audit`,
    );
    expect((rows as unknown as { rows: unknown[] }).rows[0]).toEqual({
      units: 2,
      people: 10,
      users: 2,
      audit: 0,
    });
  });
});
