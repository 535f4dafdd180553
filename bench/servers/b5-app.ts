import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { and, asc, eq, sql } from 'drizzle-orm';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/client.js';
import { contracts, sessions, workUnits } from '../../src/server/db/schema.js';
import { sessionCookieName } from '../../src/server/platform/http.js';
import { hashToken } from '../../src/server/platform/sessions.js';
import { commit } from '../../src/server/modules/discipline/evaluation.service.js';
import { ensureDefaultRules } from '../../src/server/modules/discipline/rules.service.js';
import { createUsers } from '../../src/server/seed/seed.js';
import { seedContracts } from '../b2.js';
import { seedCityMonth } from '../b4.js';
import type { B5Workload } from '../b5.js';
import { announceApp } from './protocol.js';

/**
 * B5: the application on a city at the reporting deadline, in its own process. B4's city (40 OPDs,
 * 7,400 ASN with a month of punches imported), B2's contracts on the same units with the first half
 * of the year reported (the second half is what the operators enter), January evaluated with the
 * default rules (the often late have a sanction proposed), 5 operators per OPD and an
 * account per ASN, each with a live session (made in bulk, as a login would make it: logging 7,600
 * people in through the password hash would measure the hash). The sessions and the empty slots go
 * to the parent in BENCH_B5_WORKLOAD (a JSON file).
 * Environment: BENCH_ENGINE (pglite|postgres), BENCH_DATABASE (PostgreSQL URL), BENCH_B5_WORKLOAD.
 */
const OPERATORS_PER_UNIT = 5;
const YEAR = 2026;
const REPORTED_MONTHS = 6;

const engine = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'pglite';
const url = engine === 'postgres' ? process.env.BENCH_DATABASE : undefined;
if (engine === 'postgres' && !url) throw new Error('BENCH_DATABASE is required for the postgres engine');
const out = process.env.BENCH_B5_WORKLOAD;
if (!out) throw new Error('BENCH_B5_WORKLOAD is required');

const t0 = performance.now();
const database = await openDatabase(url ? { url } : {});
await database.migrate();
const { db } = database;
const { regionId, byPin, punches } = await seedCityMonth(database, {
  slug: 'kota-bench-b5',
  name: 'Kota Bench B5',
});
const units = (
  await db
    .select({ id: workUnits.id })
    .from(workUnits)
    .where(eq(workUnits.regionId, regionId))
    .orderBy(asc(workUnits.code))
).map((u) => u.id);
const seeded = await seedContracts(database, regionId, units, YEAR, REPORTED_MONTHS);

const operatorSeeds = units.flatMap((unit, u) =>
  Array.from({ length: OPERATORS_PER_UNIT }, (_, k) => ({
    username: `operator.${u + 1}.${k + 1}`,
    fullName: `Operator ${u + 1}.${k + 1}`,
    password: 'kalimat sandi bench',
    roles: [{ role: 'opd_operator' as const, workUnitId: unit }],
    civilServantId: null,
  })),
);
const asnSeeds = byPin.map((civilServantId, i) => ({
  username: `asn.${i + 1}`,
  fullName: `ASN ${i + 1}`,
  password: 'kalimat sandi bench',
  roles: [{ role: 'asn' as const, workUnitId: null }],
  civilServantId,
}));
const ids = new Map<string, string>();
const seeds = [...operatorSeeds, ...asnSeeds];
for (let i = 0; i < seeds.length; i += 2000)
  for (const [k, v] of await createUsers(db, regionId, seeds.slice(i, i + 2000))) ids.set(k, v);

// January evaluated with the default rules: the often late have a sanction proposed, as after a month end.
await ensureDefaultRules(db, regionId);
const run = await commit(database, null, regionId, '2026-M01', { trigger: 'cli' });

const now = new Date();
const session = (userId: string) => {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  return {
    token,
    csrfToken,
    row: {
      regionId,
      id: hashToken(token),
      userId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      idleExpiresAt: new Date(now.getTime() + 3 * 3_600_000),
      absoluteExpiresAt: new Date(now.getTime() + 12 * 3_600_000),
      ip: '127.0.0.1',
      userAgent: 'bench B5',
    },
  };
};
const operatorSessions = operatorSeeds.map((o) => ({
  ...session(ids.get(o.username)!),
  unit: o.roles[0].workUnitId,
}));
const asnSessions = asnSeeds.map((a) => session(ids.get(a.username)!));
const rows = [...operatorSessions, ...asnSessions].map((s) => s.row);
for (let i = 0; i < rows.length; i += 1000) await db.insert(sessions).values(rows.slice(i, i + 1000));

// The empty slots of each unit (its indicators x the months not reported yet), dealt to its operators in turn.
const unitContracts = await db
  .select({ id: contracts.id, unit: contracts.workUnitId })
  .from(contracts)
  .where(and(eq(contracts.regionId, regionId)))
  .orderBy(asc(contracts.id));
const slotsOf = new Map<string, { contractId: string; indicatorKey: string; periodKey: string }[]>();
for (let m = REPORTED_MONTHS + 1; m <= 12; m++)
  for (const c of unitContracts)
    for (const indicatorKey of ['i0', 'i1', 'i2']) {
      const list = slotsOf.get(c.unit) ?? [];
      list.push({ contractId: c.id, indicatorKey, periodKey: `${YEAR}-M${String(m).padStart(2, '0')}` });
      slotsOf.set(c.unit, list);
    }
const dealt = operatorSessions.map(
  () => [] as { contractId: string; indicatorKey: string; periodKey: string }[],
);
for (const unit of units) {
  const mine = operatorSessions.flatMap((o, i) => (o.unit === unit ? [i] : []));
  (slotsOf.get(unit) ?? []).forEach((slot, k) => dealt[mine[k % mine.length]].push(slot));
}
await db.execute(sql`analyze`);
const seedMs = performance.now() - t0;

const config = testConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://127.0.0.1' });
const app = await buildApp({ database, config });
await app.listen({ host: '127.0.0.1', port: 0 });

const workload: B5Workload = {
  cookieName: sessionCookieName(config),
  month: '2026-01',
  units: units.length,
  punches,
  contracts: seeded.contracts,
  indicators: seeded.indicators,
  realizations: seeded.realizations,
  sanctions: run.sanctionsCreated,
  seedMs,
  operators: operatorSessions.map((o, i) => ({ token: o.token, csrfToken: o.csrfToken, slots: dealt[i] })),
  asn: asnSessions.map((a) => a.token),
};
writeFileSync(out, JSON.stringify(workload));

announceApp(app, database, { engine: database.engine });
