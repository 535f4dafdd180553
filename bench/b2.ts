import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { and, eq, sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { openDatabase, type Database } from '../src/server/db/client.js';
import {
  contractIndicators,
  contracts,
  contractTargets,
  pacts,
  proposals,
  realizations,
} from '../src/server/db/schema.js';
import { DEFAULT_RUBRIC } from '../src/server/modules/auction/cycle.domain.js';
import { createRegion, createUsers, insertCycle, insertWorkUnits } from '../src/server/seed/seed.js';

/**
 * B2 (quality.md): the OPD scorecard and the region ranking at city scale (40 OPDs, 1,200
 * indicators, 12 monthly realizations each), through the API in process, against the same rows read
 * by raw SQL on the same database. Bar: API <= 1.3x raw + 15 ms, p95 < 100 ms.
 */

export interface Stats {
  p50: number;
  p95: number;
}
export interface B2Result {
  engine: 'pglite' | 'postgres';
  workload: { units: number; contracts: number; indicators: number; realizations: number; seedMs: number };
  overview: { api: Stats; raw: Stats; pass: boolean };
  scorecard: { api: Stats; raw: Stats; pass: boolean };
  /** The region overview right after a realization changed: the year is worked out again (no bar). */
  overviewAfterWrite: Stats;
}

const UNITS = 40;
const CONTRACTS_PER_UNIT = 10;
const INDICATORS_PER_CONTRACT = 3;

const stats = (samples: number[]): Stats => {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: at(0.5), p95: at(0.95) };
};

/** Durations of `n` calls after 3 warm-ups; a call that returns a number reports its own duration. */
async function time(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const own = await fn();
    out.push(typeof own === 'number' ? own : performance.now() - t);
  }
  return out;
}

/** The city workload, in bulk: region, units, one cycle, signed contracts with indicators and a year of realizations. */
export async function seedCity(database: Database, year: number) {
  const { db } = database;
  const regionId = await createRegion(db, { slug: 'kota-bench', name: 'Kota Bench' });
  const unitIds = await insertWorkUnits(
    db,
    regionId,
    Array.from({ length: UNITS }, (_, i) => ({
      code: `9.${String(i + 1).padStart(2, '0')}.01`,
      name: `Dinas Bench ${i + 1}`,
      kind: 'dinas',
    })),
  );
  await createUsers(db, regionId, [
    {
      username: 'kepala',
      fullName: 'Kepala Bench',
      password: 'kalimat sandi bench',
      roles: [{ role: 'head_of_region', workUnitId: null }],
      civilServantId: null,
    },
  ]);
  const seeded = await seedContracts(database, regionId, [...unitIds.values()], year);
  return { regionId, unitIds: [...unitIds.values()], ...seeded };
}

/**
 * One cycle starting in `year` and, per unit, signed contracts with their indicators, five years of
 * targets and the realizations of months 1..`months` of the first year (the later months left to enter).
 */
export async function seedContracts(
  database: Database,
  regionId: string,
  units: string[],
  year: number,
  months = 12,
) {
  const { db } = database;
  const cycleId = await insertCycle(db, regionId, {
    name: `Lelang Kinerja ${year}-${year + 4}`,
    startYear: year,
    phases: {
      draftingStart: `${year - 1}-10-01`,
      submissionDeadline: `${year - 1}-10-31`,
      sessionsStart: `${year - 1}-11-12`,
      sessionsEnd: `${year - 1}-11-13`,
      negotiationDeadline: `${year - 1}-11-30`,
      signingDeadline: `${year - 1}-12-08`,
    },
    rubric: DEFAULT_RUBRIC,
    budgetCeilings: [],
    themes: [],
  } as Parameters<typeof insertCycle>[2]);
  const P = [] as (typeof proposals.$inferInsert)[];
  const K = [] as (typeof pacts.$inferInsert)[];
  const C = [] as (typeof contracts.$inferInsert)[];
  const I = [] as (typeof contractIndicators.$inferInsert)[];
  const T = [] as (typeof contractTargets.$inferInsert)[];
  const R = [] as (typeof realizations.$inferInsert)[];
  let seq = 0;
  for (const unit of units)
    for (let c = 0; c < CONTRACTS_PER_UNIT; c++) {
      const proposalId = randomUUID();
      const pactId = randomUUID();
      const contractId = randomUUID();
      seq++;
      P.push({
        id: proposalId,
        regionId,
        cycleId,
        leadWorkUnitId: unit,
        title: `Program ${seq}`,
        status: 'signed',
        document: {},
      });
      K.push({
        id: pactId,
        regionId,
        proposalId,
        cycleId,
        workUnitId: unit,
        sequence: seq,
        number: `${seq}/PI-LK/B/${year}`,
        verificationCode: randomUUID().slice(0, 14).toUpperCase(),
        outcome: 'agreed',
        content: {},
        contentHash: 'bench',
      });
      C.push({
        id: contractId,
        regionId,
        proposalId,
        pactId,
        cycleId,
        workUnitId: unit,
        title: `Program ${seq}`,
        signedAt: new Date(),
      });
      for (let i = 0; i < INDICATORS_PER_CONTRACT; i++) {
        const key = `i${i}`;
        I.push({
          regionId,
          contractId,
          key,
          position: i,
          name: `Indikator ${seq}.${i}`,
          unit: '%',
          polarity: i === 1 ? 'lower_is_better' : 'higher_is_better',
          aggregation: 'latest',
          frequency: 'monthly',
          weight: i === 0 ? 40 : 30,
          baselineValue: 50,
          baselineYear: year - 1,
          baselineSource: 'BPS',
        });
        for (let y = 0; y < 5; y++)
          T.push({
            regionId,
            contractId,
            indicatorKey: key,
            year: year + y,
            value: i === 1 ? 45 - y : 55 + y * 2,
          });
        for (let m = 1; m <= months; m++)
          R.push({
            regionId,
            contractId,
            indicatorKey: key,
            periodKey: `${year}-M${String(m).padStart(2, '0')}`,
            year,
            value: 50 + ((seq * 7 + m * 3 + i) % 13) - 4,
            status: m % 11 === 0 ? 'submitted' : 'verified',
            firstSubmittedAt: new Date(
              `${year}-${String(Math.min(m + 1, 12)).padStart(2, '0')}-05T02:00:00Z`,
            ),
            lateWorkingDays: 0,
          });
      }
    }
  const chunks = async <T>(rows: T[], insert: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
  };
  await chunks(P, (x) => db.insert(proposals).values(x));
  await chunks(K, (x) => db.insert(pacts).values(x));
  await chunks(C, (x) => db.insert(contracts).values(x));
  await chunks(I, (x) => db.insert(contractIndicators).values(x));
  await chunks(T, (x) => db.insert(contractTargets).values(x));
  await chunks(R, (x) => db.insert(realizations).values(x));
  return { contracts: C.length, indicators: I.length, realizations: R.length };
}

/** The rows the API reads, as plain SQL on the same connection: the raw baseline of the bar. */
function rawQueries(database: Database, regionId: string, year: number, unitId?: string) {
  const unit = unitId ? sql` and c.work_unit_id = ${unitId}` : sql``;
  return async () => {
    await database.db
      .execute(sql`select c.*, w.code, w.name from contracts c join cycles y on y.region_id = c.region_id and y.id = c.cycle_id
      join work_units w on w.region_id = c.region_id and w.id = c.work_unit_id
      where c.region_id = ${regionId} and y.start_year <= ${year} and y.end_year >= ${year}${unit}`);
    await database.db.execute(
      sql`select i.* from contract_indicators i join contracts c on c.region_id = i.region_id and c.id = i.contract_id where i.region_id = ${regionId}${unit}`,
    );
    await database.db.execute(
      sql`select t.* from contract_targets t join contracts c on c.region_id = t.region_id and c.id = t.contract_id where t.region_id = ${regionId} and t.year = ${year}${unit}`,
    );
    await database.db.execute(
      sql`select r.* from realizations r join contracts c on c.region_id = r.region_id and c.id = r.contract_id where r.region_id = ${regionId} and r.year = ${year}${unit}`,
    );
    await database.db.execute(
      sql`select m.* from contract_milestones m join contracts c on c.region_id = m.region_id and c.id = m.contract_id where m.region_id = ${regionId}${unit}`,
    );
  };
}

export async function runB2(opts: {
  engine: 'pglite' | 'postgres';
  url?: string;
  samples: number;
  log: (l: string) => void;
}) {
  const database = await openDatabase(opts.url ? { url: opts.url } : {});
  await database.migrate();
  const year = new Date().getUTCFullYear();
  const t0 = performance.now();
  const city = await seedCity(database, year);
  // After a bulk load a DBA runs ANALYZE (PostgreSQL's autovacuum would, later; PGlite has none):
  // without statistics the planner joins 14,400 realizations by nested loops.
  await database.db.execute(sql`analyze`);
  const seedMs = performance.now() - t0;
  opts.log(
    `  ${opts.engine}: workload ${UNITS} OPDs, ${city.contracts} contracts, ${city.indicators} indicators, ${city.realizations} realizations (seeded in ${(seedMs / 1000).toFixed(1)} s)`,
  );
  const app = await buildApp({
    database,
    config: testConfig({ WEB_DIST_DIR: './test/no-web', LOGIN_RATE_PER_MINUTE: 10_000 }),
  });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { regionSlug: 'kota-bench', username: 'kepala', password: 'kalimat sandi bench' },
  });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const get = (url: string) => async () => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  };
  const unit = city.unitIds[0];
  const overviewApi = stats(await time(opts.samples, get(`/api/monitoring/overview?year=${year}`)));
  const overviewRaw = stats(await time(opts.samples, rawQueries(database, city.regionId, year)));
  const scorecardApi = stats(
    await time(opts.samples, get(`/api/monitoring/units/${unit}/scorecard?year=${year}`)),
  );
  const scorecardRaw = stats(await time(opts.samples, rawQueries(database, city.regionId, year, unit)));
  // One realization changes before each request: the dashboards' cache must work the year out again.
  const overviewAfterWrite = stats(
    await time(opts.samples, async () => {
      await database.db
        .update(realizations)
        .set({ version: sql`${realizations.version} + 1`, updatedAt: new Date() })
        .where(
          and(
            eq(realizations.regionId, city.regionId),
            eq(realizations.periodKey, `${year}-M01`),
            eq(realizations.indicatorKey, 'i0'),
          ),
        );
      const t = performance.now();
      await get(`/api/monitoring/overview?year=${year}`)();
      return performance.now() - t;
    }),
  );
  await app.close();
  await database.close();
  const pass = (api: Stats, raw: Stats) => api.p50 <= raw.p50 * 1.3 + 15 && api.p95 < 100;
  return {
    engine: opts.engine,
    workload: {
      units: UNITS,
      contracts: city.contracts,
      indicators: city.indicators,
      realizations: city.realizations,
      seedMs,
    },
    overview: { api: overviewApi, raw: overviewRaw, pass: pass(overviewApi, overviewRaw) },
    scorecard: { api: scorecardApi, raw: scorecardRaw, pass: pass(scorecardApi, scorecardRaw) },
    overviewAfterWrite,
  } satisfies B2Result;
}
