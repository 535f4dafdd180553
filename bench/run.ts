/**
 * npm run bench [-- --scale S|city] [--only B1[,B2..]] [--engine pglite|postgres|both] [--duration 5]
 *                  [--connections 10] [--rounds 5] [--hello-processes 3] [--spike-seconds 90]
 *                  [--app-log-level silent|info] [--no-pin] [--no-write]
 *
 * Runs the Performance scenarios of quality.md, prints each one's figures and ratio with a progress bar,
 * and (unless --no-write) writes docs/benchmarks.md with the machine, versions and date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pinCpus } from './child.js';
import { machine, packageVersion, postgresVersion, shortVersion } from './env.js';
import { fmtInt, fmtRatio, NOISY_SPREAD, runB1, type B1Result, type EngineName } from './http.js';
import { PENDING, pendingLine } from './pending.js';
import { createScratchDatabase, DEFAULT_POSTGRES_URL, type ScratchDatabase } from './postgres.js';
import { DOC_PATH, spliceSection, writeReport } from './report.js';
import { runB2, type B2Result } from './b2.js';
import { runB3, type B3Result } from './b3.js';
import { renderB4, runB4, type B4Result } from './b4.js';
import { renderB5, runB5, type B5Result } from './b5.js';
import { compareEngines, renderB6 } from './b6.js';

const SCENARIOS = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6', ...PENDING.map((p) => p.id)];

function usage(message?: string): never {
  if (message) console.error(`bench: ${message}`);
  console.error(
    'usage: npm run bench -- [--scale S|city] [--only B1,...] [--engine pglite|postgres|both] [--duration <s>] [--connections <n>] [--rounds <n>] [--hello-processes <n>] [--spike-seconds <s>] [--app-log-level silent|info] [--no-pin] [--no-write]',
  );
  process.exit(2);
}

function parse() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        scale: { type: 'string', default: 'S' },
        only: { type: 'string' },
        engine: { type: 'string', default: 'pglite' },
        duration: { type: 'string', default: '5' },
        connections: { type: 'string', default: '10' },
        rounds: { type: 'string' },
        'hello-processes': { type: 'string', default: '3' },
        'spike-seconds': { type: 'string', default: '90' },
        'app-log-level': { type: 'string', default: 'silent' },
        'no-write': { type: 'boolean', default: false },
        'no-pin': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    usage((err as Error).message);
  }
  if (values.help) usage();
  const scale = values.scale!;
  if (scale !== 'S' && scale !== 'city') usage(`--scale must be S or city, not ${scale}`);
  const engine = values.engine!;
  if (!['pglite', 'postgres', 'both'].includes(engine))
    usage(`--engine must be pglite, postgres or both, not ${engine}`);
  const duration = Number(values.duration);
  if (!Number.isFinite(duration) || duration < 1 || duration > 120)
    usage('--duration must be 1..120 seconds');
  const connections = Number(values.connections);
  if (!Number.isInteger(connections) || connections < 1 || connections > 200)
    usage('--connections must be 1..200');
  const rounds =
    values.rounds === undefined ? Math.max(1, Math.min(10, Math.floor(duration))) : Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) usage('--rounds must be 1..20');
  const helloProcesses = Number(values['hello-processes']);
  if (!Number.isInteger(helloProcesses) || helloProcesses < 1 || helloProcesses > 8)
    usage('--hello-processes must be 1..8');
  const spikeSeconds = Number(values['spike-seconds']);
  if (!Number.isInteger(spikeSeconds) || spikeSeconds < 5 || spikeSeconds > 100)
    usage('--spike-seconds must be 5..100 (90: the whole spike of 6,000 saves at 10x)');
  const only = values.only ? values.only.split(',').map((s) => s.trim().toUpperCase()) : undefined;
  for (const id of only ?? [])
    if (!SCENARIOS.includes(id)) usage(`--only: unknown scenario ${id} (known: ${SCENARIOS.join(', ')})`);
  const appLogLevel = values['app-log-level']!;
  if (!['silent', 'info'].includes(appLogLevel)) usage('--app-log-level must be silent or info');
  return {
    scale,
    engines: (engine === 'both' ? ['pglite', 'postgres'] : [engine]) as EngineName[],
    durationSeconds: duration,
    warmupSeconds: Math.min(2, duration),
    connections,
    rounds,
    helloProcesses,
    /** B5 offers the spike at 10x for this long: 90 s is all of the operators' 6,000 saves. */
    spikeSeconds,
    /** B3 imports a city month per round: 3 rounds unless --rounds says otherwise. */
    b3Rounds: values.rounds === undefined ? 3 : rounds,
    /** B4 evaluates a city month per round: 3 rounds unless --rounds says otherwise. */
    b4Rounds: values.rounds === undefined ? 3 : rounds,
    only,
    appLogLevel,
    write: !values['no-write'],
    pin: !values['no-pin'],
  };
}

async function main() {
  const started = Date.now();
  const opts = parse();
  const selected = (id: string) => !opts.only || opts.only.includes(id);
  const m = machine();
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  const usesPostgres =
    opts.engines.includes('postgres') &&
    (selected('B1') || selected('B2') || selected('B3') || selected('B4') || selected('B5'));
  const args = process.argv.slice(2);
  const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;

  const loadBefore = os.loadavg()[0];
  console.log(
    `Lelang Kinerja benchmarks: scale ${opts.scale}, engine ${opts.engines.join('+')}, ${opts.connections} connections, ` +
      `${opts.warmupSeconds} s warm-up + ${opts.durationSeconds} s measured per scenario in ${opts.rounds} round(s)`,
  );
  console.log(
    `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${process.version}, load average ${loadBefore.toFixed(2)}`,
  );
  console.log(
    `Scale ${opts.scale}: the workload generator is not built yet; B1 needs no workload and uses the demo region seed.`,
  );
  console.log('');

  let scratch: ScratchDatabase | undefined;
  let b1: B1Result | undefined;
  let b2: B2Result[] | undefined;
  let b3: B3Result[] | undefined;
  let b4: B4Result[] | undefined;
  let b5: B5Result[] | undefined;
  let postgres: string | null = null;
  let pinned: ReturnType<typeof pinCpus> = null;
  const cleanup = async () => {
    const s = scratch;
    scratch = undefined;
    if (s)
      await s.drop().catch((err) => console.error(`could not drop ${s.name}: ${(err as Error).message}`));
  };
  process.once('SIGINT', () => {
    void cleanup().finally(() => process.exit(130));
  });

  try {
    if (selected('B1')) {
      const engines: { engine: EngineName; url?: string }[] = [];
      for (const engine of opts.engines) {
        if (engine === 'postgres') {
          postgres = await postgresVersion(postgresUrl);
          if (!postgres)
            throw new Error(`PostgreSQL is not reachable at ${redact(postgresUrl)} (set BENCH_DATABASE_URL)`);
          scratch = await createScratchDatabase(postgresUrl);
          console.log(`PostgreSQL: created scratch database ${scratch.name} (dropped at the end)`);
          engines.push({ engine, url: scratch.url });
        } else engines.push({ engine });
      }
      pinned = opts.pin ? pinCpus() : null;
      console.log(
        'B1 HTTP overhead (each server in a child process, load generator in this one, 127.0.0.1, keep-alive' +
          (pinned
            ? `; load generator on CPU ${pinned.loadGenerator}, servers on CPU ${pinned.servers})`
            : '; not pinned to CPUs)'),
      );
      b1 = await runB1({
        connections: opts.connections,
        warmupSeconds: opts.warmupSeconds,
        durationSeconds: opts.durationSeconds,
        rounds: opts.rounds,
        helloProcesses: opts.helloProcesses,
        engines,
        appLogLevel: opts.appLogLevel,
        log: (l) => console.log(l),
      });
      console.log('');
      if (b1.baselineSpread > NOISY_SPREAD) {
        console.log(
          `  NOTE: the baseline varied by ${(b1.baselineSpread * 100).toFixed(0)}% between rounds (something else used the CPU); ` +
            'verdicts near a bar are uncertain, repeat on a quiet machine or with a longer --duration',
        );
      }
      const fastifyRow = b1.rows.find((row) => row.key === 'fastify');
      const us = (list: (number | undefined)[]) =>
        list.map((v) => (v === undefined ? '-' : v.toFixed(1))).join(', ');
      console.log(
        `  server CPU µs/request per process: node:http ${us(b1.baselineProcessCpuUs)}; Fastify ${us(fastifyRow?.processCpuUs ?? [])}`,
      );
      console.log(
        `  ratio to the baseline: median of the ${opts.rounds} paired rounds [lowest..highest round]`,
      );
      for (const row of b1.rows) {
        const bar = row.bar === undefined ? '(no bar)' : `bar >= ${row.bar}x  ${row.pass ? 'PASS' : 'FAIL'}`;
        const range = `[${fmtRatio(row.roundRatios.min)}..${fmtRatio(row.roundRatios.max)}]`;
        const cpu = row.cpuRatio === undefined ? '' : `  (server CPU per request: ${fmtRatio(row.cpuRatio)})`;
        console.log(
          `  ${row.key.padEnd(16)} ${fmtRatio(row.ratio).padStart(6)} ${range.padEnd(14)} ${bar}${cpu}`,
        );
      }
    }
    console.log('');
    if (selected('B2')) {
      console.log('B2 OPD scorecard and region ranking (city workload, in process, sequential)');
      b2 = [];
      for (const engine of opts.engines) {
        let url: string | undefined;
        if (engine === 'postgres') {
          scratch ??= await createScratchDatabase(postgresUrl);
          url = scratch.url;
        }
        const r = await runB2({ engine, url, samples: 30, log: (l) => console.log(l) });
        for (const [name, m] of [
          ['region overview', r.overview],
          ['OPD scorecard', r.scorecard],
        ] as const)
          console.log(
            `  ${engine} ${name.padEnd(16)} API p50 ${m.api.p50.toFixed(1)} ms p95 ${m.api.p95.toFixed(1)} ms; raw p50 ${m.raw.p50.toFixed(1)} ms  ${m.pass ? 'PASS' : 'FAIL'} (bar: <= 1.3x raw + 15 ms, p95 < 100 ms)`,
          );
        console.log(
          `  ${engine} region overview after a write: p50 ${r.overviewAfterWrite.p50.toFixed(1)} ms p95 ${r.overviewAfterWrite.p95.toFixed(1)} ms (no bar)`,
        );
        b2.push(r);
      }
      console.log('');
    }
    if (selected('B3')) {
      console.log(
        `B3 attendance import, one city month (ZKTeco attlog, in process, ${opts.b3Rounds} round(s), against raw COPY of the same rows)`,
      );
      b3 = [];
      for (const engine of opts.engines) {
        let url: string | undefined;
        if (engine === 'postgres') {
          scratch ??= await createScratchDatabase(postgresUrl);
          url = scratch.url;
        }
        const r = await runB3({ engine, url, rounds: opts.b3Rounds, log: (l) => console.log(l) });
        console.log(
          `  ${engine} importer ${(r.importer.median / 1000).toFixed(2)} s (${fmtInt(r.workload.punches / (r.importer.median / 1000))} punches/s); ` +
            `raw COPY ${(r.baseline.median / 1000).toFixed(2)} s; ratio ${fmtRatio(r.ratio)}  ${r.pass ? 'PASS' : 'FAIL'} (bar: >= 0.5x raw COPY, < 10 s)`,
        );
        b3.push(r);
      }
      console.log('');
    }
    if (selected('B4')) {
      console.log(
        `B4 lateness and sanction evaluation, one city month (in process, ${opts.b4Rounds} round(s), against one hand-written SQL)`,
      );
      b4 = [];
      for (const engine of opts.engines) {
        let url: string | undefined;
        if (engine === 'postgres') {
          scratch ??= await createScratchDatabase(postgresUrl);
          url = scratch.url;
        }
        const r = await runB4({ engine, url, rounds: opts.b4Rounds, log: (l) => console.log(l) });
        console.log(
          `  ${engine} engine ${r.evaluation.median.toFixed(0)} ms; SQL ${r.baseline.median.toFixed(0)} ms; ratio ${fmtRatio(r.ratio)}; ` +
            `identical ${r.identical ? 'yes' : 'no'} (TL1-TL4 ${r.results.tl.join('/')}, ${r.results.hits} SUKA_TERLAMBAT hits)  ` +
            `${r.pass ? 'PASS' : 'FAIL'} (bar: <= 2x the SQL, identical results)`,
        );
        b4.push(r);
      }
      console.log('');
    }
    if (selected('B5')) {
      console.log(
        `B5 deadline spike, city (server in a child process, open-loop load from this one, ${opts.spikeSeconds} s at 10x)`,
      );
      b5 = [];
      for (const engine of opts.engines) {
        let url: string | undefined;
        if (engine === 'postgres') {
          scratch ??= await createScratchDatabase(postgresUrl);
          url = scratch.url;
        }
        // The spike seeds its own region; a database B2-B4 used before holds other regions beside it.
        const r = await runB5({ engine, url, seconds: opts.spikeSeconds, log: (l) => console.log(l) });
        console.log(
          `  ${engine} ${fmtInt(r.completed)} of ${fmtInt(r.offered.requests)} answered; p50 ${r.all.p50.toFixed(0)} ms, ` +
            `p95 ${r.all.p95.toFixed(0)} ms, p99 ${r.all.p99.toFixed(0)} ms; ${r.errors} errors  ` +
            `${r.pass ? 'PASS' : 'FAIL'} (bar: p95 < 300 ms, zero errors)` +
            (r.serverCpuMsPerRequest === undefined
              ? ''
              : `; server CPU ${r.serverCpuMsPerRequest.toFixed(1)} ms per request`),
        );
        for (const e of r.errorSamples) console.log(`    ${e}`);
        b5.push(r);
      }
      console.log('');
    }
    if (selected('B6')) {
      console.log('B6 engines: PGlite against PostgreSQL on B2-B4 of this run');
      const rows = compareEngines(b2, b3, b4);
      if (rows.length === 0) console.log('  not run: needs B2, B3 or B4 on both engines (--engine both)');
      for (const r of rows)
        console.log(
          `  ${r.scenario}: PGlite / PostgreSQL ${fmtRatio(r.ratio)}  ${r.pass ? 'PASS' : 'FAIL'} (bar: <= 3x)`,
        );
      console.log('');
    }
    for (const p of PENDING) if (selected(p.id)) console.log(pendingLine(p));
  } finally {
    await cleanup();
  }

  if (!postgres) postgres = await postgresVersion(postgresUrl);
  if (opts.write) {
    writeReport({
      date: new Date(),
      command,
      scale: opts.scale,
      machine: m,
      versions: {
        node: process.version,
        fastify: b1?.fastifyVersion ?? packageVersion('fastify'),
        pglite: packageVersion('@electric-sql/pglite'),
        pgliteServer: shortVersion(b1?.databaseVersions.pglite),
        postgres: shortVersion(b1?.databaseVersions.postgres ?? postgres),
        postgresMeasured: usesPostgres,
        autocannon: packageVersion('autocannon'),
      },
      method: {
        connections: opts.connections,
        warmupSeconds: opts.warmupSeconds,
        durationSeconds: opts.durationSeconds,
        rounds: opts.rounds,
        helloProcesses: opts.helloProcesses,
        appLogLevel: opts.appLogLevel,
        pinned,
      },
      loadAverage: { before: loadBefore, after: os.loadavg()[0] },
      b1,
      b2,
      b3,
      only: opts.only,
      elapsedSeconds: (Date.now() - started) / 1000,
    });
    // report.ts renders B1-B3 and the pending scenarios; the B4, B5 and B6 sections go before the pending ones.
    const pendingHeading = PENDING.length ? `## ${PENDING.map((p) => p.id).join(', ')}` : undefined;
    const measured = `Measured by \`${command}\` on ${new Date().toISOString()}; load average (1 min) ${loadBefore.toFixed(2)} at the start of the run.`;
    let doc = spliceSection(
      readFileSync(DOC_PATH, 'utf8'),
      renderB4(b4, opts.only, measured),
      pendingHeading,
    );
    doc = spliceSection(doc, renderB5(b5, opts.only, measured), pendingHeading);
    if (selected('B6'))
      doc = spliceSection(doc, renderB6(compareEngines(b2, b3, b4), b3, measured), pendingHeading);
    writeFileSync(DOC_PATH, doc);
    console.log('');
    console.log(`wrote ${path.relative(process.cwd(), DOC_PATH)}`);
  }
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
