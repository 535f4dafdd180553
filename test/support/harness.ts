import { loadActor } from '../../src/server/platform/sessions.js';
import type { Actor } from '../../src/server/platform/policy.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/contract/common.js';
import { buildApp } from '../../src/server/app.js';
import { testConfig, type Config } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import { buildCivilServant, type CivilServantSeed } from '../../src/server/seed/factories.js';
import { rng } from '../../src/server/seed/random.js';
import {
  createRegion,
  createUsers,
  insertCivilServants,
  insertWorkUnits,
} from '../../src/server/seed/seed.js';
import { testDatabase } from './db.js';

export const PASSWORD = 'kata-sandi-uji-123';
export const TODAY = new Date('2026-11-28T00:00:00Z');

export interface RegionWorld {
  id: string;
  slug: string;
  units: { u1: string; u2: string };
  /** ASN ids by unit; the NIPs are the same in both regions on purpose. */
  people: { u1: string[]; u2: string[] };
  nips: { u1: string[]; u2: string[] };
  users: Record<string, string>;
}

/** Users of region A by name, with the role they hold (and its unit). */
export const REGION_A_USERS: { username: string; role: Role; unit?: 'u1' | 'u2' }[] = [
  { username: 'admin', role: 'region_admin' },
  { username: 'kepala', role: 'head_of_region' },
  { username: 'panelis', role: 'panelist' },
  { username: 'kaopd1', role: 'opd_head', unit: 'u1' },
  { username: 'operator1', role: 'opd_operator', unit: 'u1' },
  { username: 'verifikator', role: 'verifier' },
  { username: 'bkpsdm', role: 'hr_officer' },
  { username: 'asn', role: 'asn' },
  { username: 'nasional', role: 'national_viewer' },
];

async function seedRegion(
  database: Database,
  slug: string,
  name: string,
  seed: number,
  withAllUsers: boolean,
): Promise<RegionWorld> {
  const { db } = database;
  const id = await createRegion(db, { slug, name });
  const unitIds = await insertWorkUnits(db, id, [
    { code: '1.01.01', name: `Dinas Satu ${name}`, kind: 'dinas' },
    { code: '1.02.01', name: `Dinas Dua ${name}`, kind: 'dinas' },
  ]);
  const r = rng(seed);
  const mk = (): CivilServantSeed[] => Array.from({ length: 5 }, () => buildCivilServant(r, {}, TODAY));
  const p1 = mk();
  const p2 = mk();
  const ids = await insertCivilServants(db, id, [
    ...p1.map((p) => ({ ...p, workUnitId: unitIds.get('1.01.01')! })),
    ...p2.map((p) => ({ ...p, workUnitId: unitIds.get('1.02.01')! })),
  ]);
  const units = { u1: unitIds.get('1.01.01')!, u2: unitIds.get('1.02.01')! };
  const list = withAllUsers
    ? REGION_A_USERS
    : [
        { username: 'admin', role: 'region_admin' as Role },
        { username: 'kaopd1', role: 'opd_head' as Role, unit: 'u1' as const },
      ];
  const users = await createUsers(
    db,
    id,
    list.map((u) => ({
      username: u.username,
      fullName: `Pengguna ${u.username}`,
      password: PASSWORD,
      roles: [{ role: u.role, workUnitId: u.unit ? units[u.unit] : null }],
    })),
  );
  return {
    id,
    slug,
    units,
    people: { u1: p1.map((p) => ids.get(p.nip)!), u2: p2.map((p) => ids.get(p.nip)!) },
    nips: { u1: p1.map((p) => p.nip), u2: p2.map((p) => p.nip) },
    users: Object.fromEntries(users),
  };
}

export interface World {
  app: FastifyInstance;
  database: Database;
  config: Config;
  a: RegionWorld;
  b: RegionWorld;
  login(username: string, opts?: { region?: 'a' | 'b'; password?: string }): Promise<Client>;
  anonymous(): Client;
  /** The actor behind a signed-in client, for calling a service directly with a chosen clock. */
  actorOf(client: Client): Promise<Actor>;
  close(): Promise<void>;
}

/**
 * The world of an integration test file: two regions with colliding unit codes and NIPs (the same
 * RNG seed), every role in region A, an admin and an OPD head in region B.
 */
export async function setupWorld(overrides: Partial<Config> = {}): Promise<World> {
  const database = await testDatabase();
  const a = await seedRegion(database, 'kota-uji', 'Kota Uji', 7, true);
  const b = await seedRegion(database, 'kota-lain', 'Kota Lain', 7, false);
  // Evidence files of this world go to a folder of its own, removed with it.
  const evidenceDir = mkdtempSync(path.join(tmpdir(), 'lk-evidence-'));
  const config = testConfig({
    LOGIN_RATE_PER_MINUTE: 10_000,
    WEB_DIST_DIR: './test/no-web',
    EVIDENCE_DIR: evidenceDir,
    ...overrides,
  });
  const app = await buildApp({ database, config });
  await app.ready();
  const world: World = {
    app,
    database,
    config,
    a,
    b,
    anonymous: () => new Client(app, null, null),
    async login(username, opts = {}) {
      const region = opts.region === 'b' ? b : a;
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { regionSlug: region.slug, username, password: opts.password ?? PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'lk_session')!;
      return new Client(app, `${cookie.name}=${cookie.value}`, res.json().csrfToken);
    },
    async actorOf(client: Client) {
      const token = (client.cookie ?? '').replace(/^[^=]+=/, '').split(';')[0];
      const actor = await loadActor(database.db, token, { idleMinutes: 60, absoluteHours: 12 });
      if (!actor) throw new Error('no session behind this client');
      return actor;
    },
    async close() {
      await app.close();
      await database.close();
      rmSync(evidenceDir, { recursive: true, force: true });
    },
  };
  return world;
}

/** A signed-in browser, as far as the API can tell: the session cookie plus the CSRF header on writes. */
export class Client {
  constructor(
    readonly app: FastifyInstance,
    readonly cookie: string | null,
    readonly csrf: string | null,
  ) {}

  request(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in headers)) h['x-csrf-token'] = this.csrf;
    return this.app.inject({
      method,
      url,
      headers: h,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload: unknown = {}, headers?: Record<string, string>) {
    return this.request('POST', url, payload, headers);
  }
  put(url: string, payload: unknown, headers?: Record<string, string>) {
    return this.request('PUT', url, payload, headers);
  }
  delete(url: string, payload: unknown = {}, headers?: Record<string, string>) {
    return this.request('DELETE', url, payload, headers);
  }
}
