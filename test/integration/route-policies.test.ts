import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as agreementsContract from '../../src/contract/agreements.js';
import * as attendanceContract from '../../src/contract/attendance.js';
import * as latenessContract from '../../src/contract/lateness.js';
import * as latenessRulesContract from '../../src/contract/lateness-rules.js';
import * as disciplineContract from '../../src/contract/discipline.js';
import * as monitoringContract from '../../src/contract/monitoring.js';
import * as calendarContract from '../../src/contract/calendar.js';
import * as dashboardsContract from '../../src/contract/dashboards.js';
import * as auditContract from '../../src/contract/audit.js';
import * as authContract from '../../src/contract/auth.js';
import * as boardContract from '../../src/contract/board.js';
import * as civilServantsContract from '../../src/contract/civil-servants.js';
import * as cyclesContract from '../../src/contract/cycles.js';
import * as proposalsContract from '../../src/contract/proposals.js';
import * as scoringContract from '../../src/contract/scoring.js';
import * as sessionsContract from '../../src/contract/sessions.js';
import * as healthContract from '../../src/contract/health.js';
import * as importsContract from '../../src/contract/imports.js';
import * as regionContract from '../../src/contract/region.js';
import type { RouteDef } from '../../src/contract/route.js';
import * as usersContract from '../../src/contract/users.js';
import * as workUnitsContract from '../../src/contract/work-units.js';
import { buildApp } from '../../src/server/app.js';
import type { RoutePolicy } from '../../src/server/platform/policy.js';
import { setupWorld, type World } from '../support/harness.js';

/**
 * S1, first half: every registered route names a policy, and the public surface is exactly the
 * allowlist below. Adding a public route (or forgetting a policy) fails here until it is reviewed.
 */

interface Registered {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
}

/** The public API routes, reviewed one by one (HEAD comes with every GET). */
const PUBLIC_API = new Set([
  'GET /api/health',
  'HEAD /api/health',
  'GET /api/openapi.json',
  'HEAD /api/openapi.json',
  'GET /api/public/regions',
  'HEAD /api/public/regions',
  // Anyone holding a printed pact checks it by the code on it (number, parties, date, content hash).
  'GET /api/public/pacts/:code',
  'HEAD /api/public/pacts/:code',
  // Counts of sanctions and rewards per rule for the public pages: never a name (issue 5 item 8).
  'GET /api/public/discipline',
  'HEAD /api/public/discipline',
  'POST /api/auth/login',
]);
/** Swagger UI: read-only files under /api/docs. */
const isDocs = (r: Registered) =>
  (r.url === '/api/docs' || r.url.startsWith('/api/docs/')) && (r.method === 'GET' || r.method === 'HEAD');
/**
 * The built web application: read-only routes outside /api that serve a file of the build folder
 * (@fastify/static registers one route per file). Any other route outside /api would get the
 * "web application files" policy from app.ts automatically, so it must not pass as one.
 */
const isWebFile = (r: Registered) =>
  !r.url.startsWith('/api') &&
  (r.method === 'GET' || r.method === 'HEAD') &&
  !r.url.includes('*') &&
  !r.url.includes(':') &&
  existsSync(path.join(webDir, r.url));

/** Every route object exported by the contract files (the API the web client is written against). */
function contractRoutes(): RouteDef[] {
  const modules = [
    auditContract,
    authContract,
    civilServantsContract,
    cyclesContract,
    proposalsContract,
    sessionsContract,
    scoringContract,
    boardContract,
    agreementsContract,
    monitoringContract,
    calendarContract,
    dashboardsContract,
    healthContract,
    importsContract,
    attendanceContract,
    latenessContract,
    latenessRulesContract,
    disciplineContract,
    regionContract,
    usersContract,
    workUnitsContract,
  ];
  const out: RouteDef[] = [];
  for (const mod of modules) {
    for (const value of Object.values(mod)) {
      if (!value || typeof value !== 'object') continue;
      for (const def of Object.values(value as Record<string, unknown>)) {
        const d = def as Partial<RouteDef>;
        if (
          d &&
          typeof d === 'object' &&
          typeof d.method === 'string' &&
          typeof d.path === 'string' &&
          d.response
        )
          out.push(d as RouteDef);
      }
    }
  }
  return out;
}

async function collect(
  w: World,
  webDir: string,
  extra?: (app: FastifyInstance) => void,
): Promise<{ app: FastifyInstance; routes: Registered[] }> {
  const routes: Registered[] = [];
  const onRoute = (r: RouteOptions) => {
    for (const method of [r.method].flat())
      routes.push({
        method: String(method),
        url: r.url,
        policy: r.config?.policy as RoutePolicy | undefined,
      });
  };
  const app = await buildApp({
    database: w.database,
    config: { ...w.config, WEB_DIST_DIR: webDir },
    onRoute,
  });
  extra?.(app);
  await app.ready();
  return { app, routes };
}

let w: World;
let webDir: string;
let app: FastifyInstance;
let routes: Registered[];
beforeAll(async () => {
  w = await setupWorld();
  // A minimal built web app, so that the static-file routes are registered too.
  webDir = mkdtempSync(path.join(tmpdir(), 'lk-web-'));
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Lelang Kinerja</title>');
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
  ({ app, routes } = await collect(w, webDir));
});
afterAll(async () => {
  await app?.close();
  await w.close();
  rmSync(webDir, { recursive: true, force: true });
});

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

describe('route enumeration (S1)', () => {
  it('sees the routes of every module, the docs and the web files', () => {
    const keys = routes.map(key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/auth/login',
        'GET /api/work-units/:id',
        'GET /api/audit/export.csv',
        'GET /api/docs/json',
      ]),
    );
    expect(keys).toEqual(expect.arrayContaining(['GET /index.html', 'GET /assets/app.js']));
  });

  it('every registered route has a policy', () => {
    const missing = routes.filter((r) => !r.policy).map(key);
    expect(missing).toEqual([]);
    for (const r of routes) {
      expect(['public', 'authenticated'], key(r)).toContain(r.policy!.kind);
      if (r.policy!.kind === 'public') expect(r.policy!.why.length, key(r)).toBeGreaterThan(3);
      else if (r.policy!.roles !== 'any') expect(r.policy!.roles.length, key(r)).toBeGreaterThan(0);
    }
  });

  it('the public routes are exactly the reviewed allowlist', () => {
    const pub = routes.filter((r) => r.policy?.kind === 'public');
    const unexpected = pub.filter((r) => !PUBLIC_API.has(key(r)) && !isDocs(r) && !isWebFile(r)).map(key);
    expect(unexpected).toEqual([]);
    // ... and every allowlisted API route really exists and is public (a stale allowlist fails too).
    const pubKeys = new Set(pub.map(key));
    expect([...PUBLIC_API].filter((k) => !pubKeys.has(k))).toEqual([]);
    // Nothing public writes except the login.
    expect(pub.filter((r) => !['GET', 'HEAD'].includes(r.method)).map(key)).toEqual(['POST /api/auth/login']);
  });

  it('a route outside /api that is not a built file would not pass as a web file', async () => {
    // app.ts gives every route outside /api the public "web application files" policy, so the
    // allowlist is what catches, say, an export mounted at /ekspor by mistake.
    const { app: other, routes: seen } = await collect(w, webDir, (a) => {
      a.get('/ekspor/semua', async () => 'rahasia');
    });
    try {
      const r = seen.find((x) => x.url === '/ekspor/semua' && x.method === 'GET')!;
      expect(r.policy?.kind).toBe('public');
      expect(isWebFile(r) || isDocs(r) || PUBLIC_API.has(key(r))).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('every API route outside the allowlist and the docs requires a session', () => {
    const api = routes.filter((r) => r.url.startsWith('/api') && !isDocs(r) && !PUBLIC_API.has(key(r)));
    expect(api.length).toBeGreaterThan(40);
    for (const r of api) expect(r.policy?.kind, key(r)).toBe('authenticated');
  });

  it('registers every contract route with its method and path, and no fewer API routes than the contract', () => {
    const contract = contractRoutes();
    expect(contract.length).toBeGreaterThanOrEqual(60);
    const registered = new Set(routes.map(key));
    const absent = contract.map((d) => `${d.method} ${d.path}`).filter((k) => !registered.has(k));
    expect(absent).toEqual([]);
    const apiRoutes = routes.filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD' && !isDocs(r));
    expect(apiRoutes.length).toBeGreaterThanOrEqual(contract.length);
    // No API route exists that the contract does not describe (except the OpenAPI document itself).
    const described = new Set(contract.map((d) => `${d.method} ${d.path}`));
    expect(apiRoutes.map(key).filter((k) => !described.has(k))).toEqual(['GET /api/openapi.json']);
  });

  it('a route registered without a policy is refused (fail closed) and is caught by the enumeration', async () => {
    const { app: other, routes: seen } = await collect(w, './test/no-web', (a) => {
      a.get('/api/tanpa-kebijakan', async () => ({ secret: true }));
    });
    try {
      const r = seen.find((x) => x.url === '/api/tanpa-kebijakan' && x.method === 'GET');
      expect(r).toBeDefined();
      expect(r!.policy).toBeUndefined();
      for (const who of [null, await w.login('admin')]) {
        const res = await other.inject({
          method: 'GET',
          url: '/api/tanpa-kebijakan',
          headers: who?.cookie ? { cookie: who.cookie } : {},
        });
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
        expect(res.body).not.toContain('secret');
      }
    } finally {
      await other.close();
    }
  });

  it('the runtime agrees with the declared policies: anonymous gets 401 on every authenticated API route', async () => {
    const anon = w.anonymous();
    const api = routes.filter((r) => r.policy?.kind === 'authenticated' && r.method !== 'HEAD');
    for (const r of api) {
      const url = r.url.replace(':id', '00000000-0000-4000-8000-000000000000').replace(':kind', 'work_units');
      const res = await anon.request(r.method as 'GET', url, r.method === 'GET' ? undefined : {});
      expect(res.statusCode, key(r)).toBe(401);
      expect(res.json().error.code, key(r)).toBe('UNAUTHENTICATED');
    }
  });
});
