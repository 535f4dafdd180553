import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupWorld, type Client, type World } from '../support/harness.js';

/**
 * Bad input everywhere (quality.md S7, S16): arbitrary query values, filters and sort keys and
 * arbitrary JSON bodies never produce a 5xx, and a refused write leaves no trace.
 */
let w: World;
let admin: Client;
beforeAll(async () => {
  w = await setupWorld();
  admin = await w.login('admin');
});
afterAll(() => w.close());

const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    "'; drop table users; --",
    '%',
    '_',
    '\\',
    '\u0000',
    'NaN',
    '-1',
    '1e309',
    '9'.repeat(400),
    'ø'.repeat(300),
    '[]',
    '{}',
    'true',
    '2026-02-30',
    '../../etc/passwd',
  ),
  fc.integer().map(String),
  fc.double().map(String),
);

const listUrls = [
  '/api/work-units',
  '/api/civil-servants',
  '/api/users',
  '/api/audit',
  '/api/imports',
  '/api/audit/export.csv',
];
const queryKeys = [
  'q',
  'page',
  'pageSize',
  'sort',
  'kind',
  'active',
  'workUnitId',
  'employmentType',
  'role',
  'action',
  'entityType',
  'entityId',
  'from',
  'to',
  'actorUserId',
  'regionId',
  'x',
];

async function total(table: string): Promise<number> {
  const r = await w.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return Number((r as unknown as { rows: { n: number }[] }).rows[0].n);
}

describe('arbitrary filters, sort keys and pages', () => {
  it.each(listUrls)('%s never answers 5xx', async (url) => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...queryKeys), nasty, { maxKeys: 5 }), async (query) => {
        const qs = new URLSearchParams(query).toString();
        const res = await admin.get(`${url}?${qs}`);
        expect(res.statusCode, `${url}?${qs} -> ${res.body.slice(0, 200)}`).toBeLessThan(500);
        if (res.statusCode === 400) expect(res.json().error.code).toBe('VALIDATION_FAILED');
      }),
      { numRuns: 60 },
    );
  });
});

const writes: { method: 'POST' | 'PUT' | 'DELETE'; label: string; url: () => string }[] = [
  { method: 'POST', label: '/api/work-units', url: () => '/api/work-units' },
  { method: 'PUT', label: '/api/work-units/:id', url: () => `/api/work-units/${w.a.units.u1}` },
  { method: 'POST', label: '/api/civil-servants', url: () => '/api/civil-servants' },
  { method: 'PUT', label: '/api/civil-servants/:id', url: () => `/api/civil-servants/${w.a.people.u1[0]}` },
  { method: 'POST', label: '/api/users', url: () => '/api/users' },
  { method: 'PUT', label: '/api/region', url: () => '/api/region' },
  { method: 'POST', label: '/api/missions', url: () => '/api/missions' },
  {
    method: 'DELETE',
    label: '/api/missions/:id',
    url: () => '/api/missions/00000000-0000-4000-8000-000000000000',
  },
];

const body = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.record(
    {
      code: nasty,
      name: nasty,
      kind: nasty,
      nip: nasty,
      workUnitId: fc.oneof(nasty, fc.uuid()),
      employmentType: nasty,
      version: fc.oneof(fc.integer(), fc.double(), nasty),
      username: nasty,
      password: nasty,
      roles: fc.array(fc.record({ role: nasty, workUnitId: fc.oneof(nasty, fc.uuid()) }), { maxLength: 3 }),
      termStart: fc.oneof(fc.integer(), nasty),
      termEnd: fc.oneof(fc.integer(), nasty),
      number: fc.oneof(fc.integer(), nasty),
      title: nasty,
    },
    { requiredKeys: [] },
  ),
);

describe('arbitrary write bodies', () => {
  it.each(writes.map((x) => [`${x.method} ${x.label}`, x] as const))(
    '%s: 4xx and nothing written',
    async (_name, write) => {
      const before = await total('audit_entries');
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const res = await admin.request(write.method, write.url(), JSON.stringify(payload ?? null), {
            'content-type': 'application/json',
          });
          expect(
            res.statusCode,
            `${write.method} ${write.url()} ${JSON.stringify(payload)?.slice(0, 200)} -> ${res.body.slice(0, 200)}`,
          ).toBeLessThan(500);
          if (res.statusCode >= 400) expect(typeof res.json().error.message).toBe('string');
          else accepted++;
        }),
        { numRuns: 60 },
      );
      // Every write that was accepted left exactly one audit entry; every refused one left none.
      expect((await total('audit_entries')) - before).toBe(accepted);
    },
  );
});
