import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { getImport, startImport } from '../src/server/modules/attendance/import.service.js';
import { monthRecaps } from '../src/server/modules/discipline/lateness.service.js';
import { monthRange } from '../src/server/modules/discipline/lateness.domain.js';
import { DEFAULT_RULES, evaluateRules } from '../src/server/modules/discipline/rules.domain.js';
import { loadCalendar } from '../src/server/modules/monitoring/calendar.service.js';
import { addDays, dayOff } from '../src/server/modules/monitoring/working-days.domain.js';
import { ASN, generateMonth, seedCity, UNITS, type Timing } from './b3.js';
import { fmtRatio } from './http.js';

/**
 * B4 (quality.md): the lateness and sanction evaluation of one city month against one hand-written SQL
 * computing the same lateness bands. Bar: engine <= 2x the SQL, and identical results.
 *
 * Workload: B3's city month (bench/b3.ts `generateMonth`: 7,400 ASN, January 2026, about 400,000
 * punches), imported into a fresh bench region by the importer (untimed), with the default schedule
 * (Monday-Thursday 07:30-16:00, Friday 07:30-16:30; no Ramadan in January), the region's calendar
 * (New Year and Isra Mi'raj off) and no excuses. Every present day has its first punch before 08:51,
 * so every day has a check-in; the SQL still models a day without one (TL4) as the engine does.
 *
 * Engine: `monthRecaps` (lateness.service.ts: every active ASN's days evaluated by lateness.domain.ts
 * and summed up) plus `evaluateRules` (rules.domain.ts) of the default SUKA_TERLAMBAT rule (at least 4
 * days TL2-TL4 in the month) over those recaps, as the monthly evaluation runs them.
 *
 * SQL: one statement over attendance_punches of the region's active ASN: per ASN and working day the
 * check-in (the earliest punch before the middle of the working day: 11:45 Monday-Thursday, 12:00
 * Friday), whole minutes late against 07:30 (07:30:59 is on time, 07:31:00 one minute), the bands
 * TL1 1-30, TL2 31-60, TL3 61-90, TL4 above 90 or no check-in, their counts per ASN, and the number of
 * ASN with at least 4 days TL2-TL4. The working days are a parameter (the calendar lives in code: the
 * national decrees are shipped with the platform), taken from the region's calendar before timing.
 *
 * Identical results: per ASN the TL1-TL4 counts of the engine's recap and of the SQL, and the set of
 * ASN SUKA_TERLAMBAT hits; any difference throws. Each side runs once untimed first (warm-up), then
 * the rounds alternate SQL and engine.
 */

export interface B4Result {
  engine: 'pglite' | 'postgres';
  workload: {
    units: number;
    asn: number;
    workingDays: number;
    punches: number;
    seedMs: number;
  };
  /** The hand-written SQL. */
  baseline: Timing;
  /** monthRecaps + evaluateRules (SUKA_TERLAMBAT). */
  evaluation: Timing;
  /** Counts of the comparison (identical on both sides, else the run throws). */
  results: { tl: [number, number, number, number]; lateAsn: number; hits: number };
  identical: boolean;
  /** evaluation / baseline on the medians. */
  ratio: number;
  pass: boolean;
}

const MONTH = '2026-01';
const PERIOD_KEY = '2026-M01';
/** After the month ended, so that the whole month is evaluated. */
const NOW = new Date('2026-02-15T03:00:00Z');
const RULE = DEFAULT_RULES.find((r) => r.code === 'SUKA_TERLAMBAT')!;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const timing = (rounds: number[]): Timing => ({ rounds, median: median(rounds) });

/** B3's city with its January punches imported through the importer (B4's workload; B5 reads it too). */
export async function seedCityMonth(
  database: Database,
  region = { slug: 'kota-bench-b4', name: 'Kota Bench B4' },
) {
  const { db } = database;
  const { regionId, byPin } = await seedCity(database, region);
  const month = generateMonth();
  const started = await startImport(
    database,
    { regionId, userId: null, fullName: null },
    { name: 'attlog-januari.dat', data: Buffer.from(month.text) },
    {},
  );
  await started.done;
  const done = await getImport(db, regionId, started.import.id);
  if (done.status !== 'committed') throw new Error(`B4: the workload import ended ${done.status}`);
  await db.execute(sql`analyze`);
  return { regionId, byPin, punches: done.punchesAdded ?? 0 };
}

type Bands = [number, number, number, number];
interface Outcome {
  bands: Map<string, Bands>;
  hits: Set<string>;
  /** The SQL's own count of hits (a window over the same rows); the engine's is hits.size. */
  hitCount: number;
}

/** The engine: every ASN's month as the evaluation computes it, and the SUKA_TERLAMBAT hits. */
async function engine(database: Database, regionId: string): Promise<Outcome> {
  const recaps = await monthRecaps(database.db, regionId, MONTH, NOW);
  const hits = evaluateRules(
    [RULE],
    {
      attendance: recaps.map((r) => ({
        asnId: r.civilServantId,
        unitId: r.workUnitId,
        month: MONTH,
        recap: r.recap,
      })),
    },
    { asOf: monthRange(MONTH).end, periodKey: PERIOD_KEY },
  );
  const bands = new Map<string, Bands>();
  for (const r of recaps)
    bands.set(r.civilServantId, [r.recap.late.TL1, r.recap.late.TL2, r.recap.late.TL3, r.recap.late.TL4]);
  const set = new Set<string>();
  for (const h of hits) if (h.subject.kind === 'asn') set.add(h.subject.asnId);
  return { bands, hits: set, hitCount: set.size };
}

/** The hand-written SQL: one statement. */
async function handSql(database: Database, regionId: string, workingDays: string[]): Promise<Outcome> {
  const result = await database.db.execute(sql`
    with days as (
      select p.civil_servant_id as cs,
        min(p.local_time) filter (
          where p.local_time < case when extract(isodow from p.day) = 5 then time '12:00' else time '11:45' end
        ) as check_in
      from attendance_punches p
      join civil_servants c on c.region_id = p.region_id and c.id = p.civil_servant_id and c.active
      where p.region_id = ${regionId} and p.day = any(${sql.param(workingDays)}::date[])
      group by p.civil_servant_id, p.day
    ), late as (
      select cs, case when check_in is null then 91
        else greatest(0, floor(extract(epoch from (check_in - time '07:30')) / 60)) end as minutes
      from days
    ), per_asn as (
      select cs,
        count(*) filter (where minutes between 1 and 30) as tl1,
        count(*) filter (where minutes between 31 and 60) as tl2,
        count(*) filter (where minutes between 61 and 90) as tl3,
        count(*) filter (where minutes > 90) as tl4
      from late group by cs
    )
    select cs::text as cs, tl1::int as tl1, tl2::int as tl2, tl3::int as tl3, tl4::int as tl4,
      (count(*) filter (where tl2 + tl3 + tl4 >= 4) over ())::int as hits
    from per_asn`);
  const rows = (
    result as unknown as {
      rows: { cs: string; tl1: number; tl2: number; tl3: number; tl4: number; hits: number }[];
    }
  ).rows;
  const bands = new Map<string, Bands>();
  const hits = new Set<string>();
  for (const r of rows) {
    bands.set(r.cs, [r.tl1, r.tl2, r.tl3, r.tl4]);
    if (r.tl2 + r.tl3 + r.tl4 >= 4) hits.add(r.cs);
  }
  return { bands, hits, hitCount: rows[0]?.hits ?? 0 };
}

/** Throws, naming the ASN and counts, when the two outcomes differ. */
function compare(e: Outcome, s: Outcome) {
  const zero: Bands = [0, 0, 0, 0];
  const diffs: string[] = [];
  for (const id of new Set([...e.bands.keys(), ...s.bands.keys()])) {
    const a = e.bands.get(id) ?? zero;
    const b = s.bands.get(id) ?? zero;
    if (a.some((v, i) => v !== b[i])) diffs.push(`${id}: engine TL1-TL4 ${a.join('/')}, SQL ${b.join('/')}`);
  }
  for (const id of e.hits) if (!s.hits.has(id)) diffs.push(`${id}: SUKA_TERLAMBAT hit of the engine only`);
  for (const id of s.hits) if (!e.hits.has(id)) diffs.push(`${id}: SUKA_TERLAMBAT hit of the SQL only`);
  if (s.hitCount !== s.hits.size) diffs.push(`SQL hit count ${s.hitCount}, rows say ${s.hits.size}`);
  if (diffs.length)
    throw new Error(
      `B4: engine and SQL differ (${diffs.length}):\n  ${diffs.slice(0, 20).join('\n  ')}` +
        (diffs.length > 20 ? `\n  ... ${diffs.length - 20} more` : ''),
    );
}

export async function runB4(opts: {
  engine: 'pglite' | 'postgres';
  url?: string;
  rounds: number;
  log: (l: string) => void;
}): Promise<B4Result> {
  const database = await openDatabase(opts.url ? { url: opts.url } : {});
  try {
    await database.migrate();
    const t0 = performance.now();
    const { regionId, punches } = await seedCityMonth(database);
    const seedMs = performance.now() - t0;
    const calendar = await loadCalendar(database.db, regionId);
    const range = monthRange(MONTH);
    const workingDays: string[] = [];
    for (let d = range.start; d <= range.end; d = addDays(d, 1))
      if (!dayOff(calendar, d)) workingDays.push(d);
    opts.log(
      `  ${opts.engine}: ${UNITS} OPDs, ${ASN} ASN, ${workingDays.length} working days, ${punches} punches ` +
        `(seeded and imported in ${(seedMs / 1000).toFixed(1)} s)`,
    );
    // Warm-up (untimed), and the comparison.
    const e0 = await engine(database, regionId);
    const s0 = await handSql(database, regionId, workingDays);
    compare(e0, s0);
    const baseline: number[] = [];
    const evaluation: number[] = [];
    for (let round = 1; round <= opts.rounds; round++) {
      let t = performance.now();
      const s = await handSql(database, regionId, workingDays);
      baseline.push(performance.now() - t);
      t = performance.now();
      const e = await engine(database, regionId);
      evaluation.push(performance.now() - t);
      compare(e, s);
      opts.log(
        `  ${opts.engine} round ${round}: SQL ${baseline.at(-1)!.toFixed(0)} ms, engine ${evaluation.at(-1)!.toFixed(0)} ms ` +
          `(${fmtRatio(evaluation.at(-1)! / baseline.at(-1)!)}); identical`,
      );
    }
    const tl: Bands = [0, 0, 0, 0];
    let lateAsn = 0;
    for (const b of e0.bands.values()) {
      b.forEach((v, i) => (tl[i] += v));
      if (b.some((v) => v > 0)) lateAsn++;
    }
    const result: B4Result = {
      engine: opts.engine,
      workload: { units: UNITS, asn: ASN, workingDays: workingDays.length, punches, seedMs },
      baseline: timing(baseline),
      evaluation: timing(evaluation),
      results: { tl, lateAsn, hits: e0.hits.size },
      identical: true,
      ratio: 0,
      pass: false,
    };
    result.ratio = result.evaluation.median / result.baseline.median;
    result.pass = result.identical && result.ratio <= 2;
    return result;
  } finally {
    await database.close();
  }
}

/** The B4 section of docs/benchmarks.md (report.ts renders the others). */
export function renderB4(
  results: B4Result[] | undefined,
  only: string[] | undefined,
  measured?: string,
): string {
  const out: string[] = ['## B4 lateness and sanction evaluation, one city month', ''];
  if (!results) {
    out.push(`Not run (\`--only ${only?.join(',')}\`).`, '');
    return out.join('\n');
  }
  const w = results[0].workload;
  const r = results[0].results;
  out.push(
    `Workload (bench/b4.ts): B3's generated city month imported into a bench region: ${w.units} OPDs, ${w.asn} ASN, ` +
      `${w.workingDays} working days of January 2026 (the region's calendar), ${w.punches} punches, default schedule ` +
      '(07:30-16:00, Friday 07:30-16:30; no Ramadan), no excuses. Engine: `monthRecaps` of ' +
      "src/server/modules/discipline/lateness.service.ts (every active ASN's month through lateness.domain.ts) plus `evaluateRules` " +
      'of the default SUKA_TERLAMBAT rule (at least 4 days TL2-TL4), in process. SQL: one hand-written statement over ' +
      'attendance_punches: check-in = earliest punch before the middle of the working day, whole minutes late against 07:30, ' +
      'TL1 1-30, TL2 31-60, TL3 61-90, TL4 above 90 or no check-in, counts per ASN and the number of ASN with 4 or more TL2-TL4 days ' +
      '(the working days passed as a parameter). Both run once untimed, then alternate; every round compares per ASN the TL1-TL4 ' +
      'counts and the set of SUKA_TERLAMBAT hits and stops on any difference. Bar: engine median <= 2x SQL median, identical results. ' +
      "B3's generator makes nobody later than 80 minutes and gives every present day a check-in, so TL4 and the missing check-in " +
      'are not exercised by this workload.',
  );
  out.push('');
  if (measured) out.push(measured, '');
  out.push(
    `Results (the same on both sides): TL1 ${r.tl[0]}, TL2 ${r.tl[1]}, TL3 ${r.tl[2]}, TL4 ${r.tl[3]} days; ` +
      `${r.lateAsn} ASN with at least one late day; ${r.hits} SUKA_TERLAMBAT hits.`,
  );
  out.push('');
  out.push('| engine | engine median (rounds) | SQL median (rounds) | ratio | identical | verdict |');
  out.push('|---|---|---|--:|---|---|');
  const ms = (v: number) => v.toFixed(0);
  for (const b of results)
    out.push(
      `| ${b.engine} | ${ms(b.evaluation.median)} ms (${b.evaluation.rounds.map(ms).join(', ')}) | ` +
        `${ms(b.baseline.median)} ms (${b.baseline.rounds.map(ms).join(', ')}) | ${fmtRatio(b.ratio)} | ` +
        `${b.identical ? 'yes' : 'no'} | ${b.pass ? 'PASS' : '**FAIL**'} |`,
    );
  out.push('');
  return out.join('\n');
}
