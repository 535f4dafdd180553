import cliProgress from 'cli-progress';
import { startServer, type ServerChild } from './child.js';
import { combine, loadSlice, type LoadResult, type Slice, type Target } from './load.js';

/**
 * B1, HTTP overhead: a node:http baseline, bare Fastify, and the real app on each engine.
 *
 * All servers are started first, each in a child process of its own, and stay up (idle ones use no
 * CPU). After a warm-up of each, the measured time of every scenario is cut into rounds that run the
 * scenarios one after another (baseline, Fastify, app..., baseline, Fastify, app...), so a change in
 * the machine's background load during the run hits every scenario alike instead of one of them.
 * The two hello-world servers run as several processes each and the rounds take them in turn: two
 * identical processes of the same server can settle at speeds a fifth apart, and one process should
 * not decide a verdict.
 */

export type EngineName = 'pglite' | 'postgres';

export interface B1Row {
  key: string;
  label: string;
  engine?: EngineName;
  result: LoadResult;
  /** Median over the rounds of (this row's rps / the baseline's rps in the same round). */
  ratio: number;
  /** This row's rps over the baseline's, all rounds together. */
  overallRatio: number;
  /** Baseline server CPU per request over this row's (the app's PostgreSQL backends not included), when known. */
  cpuRatio?: number;
  /** Smallest and largest ratio of a single round to the baseline of the same round. */
  roundRatios: { min: number; max: number };
  /** Server CPU per request of each server process of the row, when known. */
  processCpuUs: (number | undefined)[];
  /** The bar from quality.md, when the row has one. */
  bar?: number;
  pass?: boolean;
}

export interface B1Options {
  connections: number;
  warmupSeconds: number;
  /** Measured seconds per scenario, split over `rounds`. */
  durationSeconds: number;
  rounds: number;
  /** Processes started for each hello-world server. */
  helloProcesses: number;
  /** One entry per engine to run the app scenarios on; postgres entries carry the URL of their database. */
  engines: { engine: EngineName; url?: string }[];
  appLogLevel: string;
  log: (line: string) => void;
}

export interface B1Result {
  baseline: LoadResult;
  /** Server CPU per request of each baseline process, when known. */
  baselineProcessCpuUs: (number | undefined)[];
  /** Coefficient of variation of the baseline's req/s over the rounds: how steady the machine was. */
  baselineSpread: number;
  rows: B1Row[];
  databaseVersions: Partial<Record<EngineName, string>>;
  fastifyVersion?: string;
}

export const FASTIFY_BAR = 0.85;
export const AUTHENTICATED_BAR = 0.6;
/** Above this spread of the baseline over the rounds the run is flagged as noisy. */
export const NOISY_SPREAD = 0.1;

const DEMO_LOGIN = { regionSlug: 'kota-malang', username: 'admin.malang', password: 'admin-malang-demo' };
const statusOk = (body: string) => body.includes('"status":"ok"');

interface Instance {
  target: Target;
  /** The server process, whose CPU time is read around each slice. */
  pid: number;
}

interface Scenario {
  key: string;
  /** Short name on the progress bar and in the printed lines. */
  name: string;
  /** Name in the report. */
  label: string;
  engine?: EngineName;
  bar?: number;
  /** Round r uses instances[(r - 1) % length]. */
  instances: Instance[];
}

interface Measured {
  slices: Slice[];
  /** Index into the scenario's instances, per slice. */
  instanceOf: number[];
}

export async function runB1(opts: B1Options): Promise<B1Result> {
  const servers: ServerChild[] = [];
  const start = async (name: string, env: Record<string, string> = {}) => {
    const server = await startServer(name, env);
    servers.push(server);
    return server;
  };
  const instance = (
    server: ServerChild,
    path: string,
    verifyBody: (body: string) => boolean,
    headers?: Record<string, string>,
  ): Instance => ({
    target: { url: `${server.url}${path}`, verifyBody, headers, connections: opts.connections },
    pid: server.pid,
  });
  const hello = async (name: string) => {
    const started: ServerChild[] = [];
    for (let i = 0; i < opts.helloProcesses; i++) started.push(await start(name));
    return started;
  };

  try {
    opts.log('  starting the servers (the app seeds the demo region on each engine)...');
    const baselineServers = await hello('node-http');
    const fastifyServers = await hello('fastify-hello');
    const scenarios: Scenario[] = [
      {
        key: 'baseline',
        name: 'node:http baseline',
        label: '`node:http` hello world (baseline)',
        instances: baselineServers.map((s) => instance(s, '/', statusOk)),
      },
      {
        key: 'fastify',
        name: 'Fastify hello',
        label: 'Fastify 5 hello world',
        bar: FASTIFY_BAR,
        instances: fastifyServers.map((s) => instance(s, '/', statusOk)),
      },
    ];
    const databaseVersions: B1Result['databaseVersions'] = {};
    for (const { engine, url } of opts.engines) {
      const env: Record<string, string> = { BENCH_ENGINE: engine, BENCH_APP_LOG_LEVEL: opts.appLogLevel };
      if (url) env.BENCH_DATABASE = url;
      const app = await start('app', env);
      databaseVersions[engine] = app.info.databaseVersion;
      const cookie = await logIn(app.url);
      scenarios.push(
        {
          key: `health-${engine}`,
          name: `app /api/health (${engine})`,
          label: 'app `GET /api/health` (public, database ping)',
          engine,
          instances: [instance(app, '/api/health', statusOk)],
        },
        {
          key: `me-${engine}`,
          name: `app /api/auth/me (${engine})`,
          label: 'app `GET /api/auth/me` (session of admin.malang)',
          engine,
          bar: AUTHENTICATED_BAR,
          instances: [
            instance(app, '/api/auth/me', (body) => body.includes('"username":"admin.malang"'), { cookie }),
          ],
        },
      );
    }

    const measured = await drive(scenarios, opts);

    const perProcess = (s: Scenario) =>
      s.instances.map((_, i) => {
        const own = measured.get(s.key)!.slices.filter((_, j) => measured.get(s.key)!.instanceOf[j] === i);
        return own.length ? combine(own).serverCpuUsPerRequest : undefined;
      });
    const results = new Map(scenarios.map((s) => [s.key, combine(measured.get(s.key)!.slices)]));
    const baseline = results.get('baseline')!;
    const baselineSlices = baseline.sliceRps;
    const rows: B1Row[] = scenarios.slice(1).map((s) => {
      const result = results.get(s.key)!;
      const perRound = result.sliceRps.map((rps, i) => rps / baselineSlices[i]);
      const ratio = median(perRound);
      return {
        key: s.key,
        label: s.label,
        engine: s.engine,
        result,
        ratio,
        overallRatio: result.rps / baseline.rps,
        cpuRatio:
          result.serverCpuUsPerRequest && baseline.serverCpuUsPerRequest
            ? baseline.serverCpuUsPerRequest / result.serverCpuUsPerRequest
            : undefined,
        roundRatios: { min: Math.min(...perRound), max: Math.max(...perRound) },
        processCpuUs: perProcess(s),
        bar: s.bar,
        pass: s.bar === undefined ? undefined : ratio >= s.bar && result.errors === 0,
      };
    });
    opts.log('');
    opts.log(line('node:http baseline', baseline));
    for (const [i, row] of rows.entries()) opts.log(line(scenarios[i + 1].name, row.result));
    const mean = baselineSlices.reduce((a, b) => a + b, 0) / baselineSlices.length;
    const sd = Math.sqrt(baselineSlices.reduce((a, b) => a + (b - mean) ** 2, 0) / baselineSlices.length);
    return {
      baseline,
      baselineProcessCpuUs: perProcess(scenarios[0]),
      baselineSpread: sd / mean,
      rows,
      databaseVersions,
      fastifyVersion: fastifyServers[0].info.fastify,
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/** Warm-up of every server process, then the rounds; one progress bar per scenario. */
async function drive(scenarios: Scenario[], opts: B1Options): Promise<Map<string, Measured>> {
  const measured = new Map<string, Measured>(scenarios.map((s) => [s.key, { slices: [], instanceOf: [] }]));
  const sliceSeconds = opts.durationSeconds / opts.rounds;
  const totalOf = (s: Scenario) => opts.warmupSeconds * s.instances.length + opts.durationSeconds;
  // Bars only on a terminal; elsewhere (CI logs, pipes) one line per phase instead of redraws.
  const tty = Boolean(process.stderr.isTTY);
  const multi = tty
    ? new cliProgress.MultiBar(
        { format: '  {name} [{bar}] {percentage}% | {phase} | {rps} req/s', hideCursor: true, barsize: 24 },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const width = Math.max(...scenarios.map((s) => s.name.length));
  const bars = new Map(
    scenarios.map((s) => [
      s.key,
      multi?.create(Math.round(totalOf(s) * 10), 0, {
        name: s.name.padEnd(width),
        phase: 'waiting',
        rps: '-',
      }),
    ]),
  );
  const done = new Map<string, number>(scenarios.map((s) => [s.key, 0]));
  const run = async (s: Scenario, which: number, seconds: number, phase: string) => {
    const bar = bars.get(s.key);
    const before = done.get(s.key)!;
    const { target, pid } = s.instances[which];
    const slice = await loadSlice(
      target,
      seconds,
      (fraction, lastSecond) => {
        bar?.update(Math.round((before + fraction * seconds) * 10), {
          phase,
          rps: lastSecond ? String(lastSecond) : '-',
        });
      },
      pid,
    );
    done.set(s.key, before + seconds);
    bar?.update(Math.round((before + seconds) * 10), {
      phase: 'waiting',
      rps: String(Math.round(slice.requests / slice.seconds)),
    });
    return slice;
  };
  const note = (text: string) => {
    if (!tty) opts.log(`  ${text}`);
  };
  try {
    if (opts.warmupSeconds > 0) {
      note(
        `warm-up: ${opts.warmupSeconds} s for each of ${scenarios.reduce((n, s) => n + s.instances.length, 0)} server processes`,
      );
      for (const s of scenarios)
        for (let i = 0; i < s.instances.length; i++) await run(s, i, opts.warmupSeconds, 'warm-up ');
    }
    for (let round = 1; round <= opts.rounds; round++) {
      for (const s of scenarios) {
        const which = (round - 1) % s.instances.length;
        const m = measured.get(s.key)!;
        m.slices.push(await run(s, which, sliceSeconds, `round ${round}/${opts.rounds}`));
        m.instanceOf.push(which);
      }
      const rates = scenarios.map((s) => {
        const last = measured.get(s.key)!.slices.at(-1)!;
        return fmtInt(last.requests / last.seconds);
      });
      note(`round ${round}/${opts.rounds}: ${rates.join(' / ')} req/s`);
    }
    for (const s of scenarios) bars.get(s.key)?.update(Math.round(totalOf(s) * 10), { phase: 'done    ' });
  } finally {
    multi?.stop();
  }
  return measured;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Logs in once as admin.malang and returns the Cookie header for the session. */
async function logIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_LOGIN),
  });
  if (res.status !== 200) throw new Error(`login failed: HTTP ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const session = cookies.find((c) => c.startsWith('lk_session=') || c.startsWith('__Host-lk_session='));
  if (!session) throw new Error(`login set no session cookie (got: ${cookies.join(', ') || 'none'})`);
  const check = await fetch(`${base}/api/auth/me`, { headers: { cookie: session } });
  if (check.status !== 200) throw new Error(`GET /api/auth/me with the new session: HTTP ${check.status}`);
  await check.text();
  return session;
}

export function line(label: string, r: LoadResult): string {
  const errors = r.errors === 0 ? '0 errors' : `${r.errors} ERRORS ${JSON.stringify(r.errorDetail)}`;
  const cpu =
    r.serverCpuUsPerRequest === undefined ? '' : `  server CPU ${fmtUs(r.serverCpuUsPerRequest)}/req`;
  return `  ${label.padEnd(30)} ${fmtInt(r.rps).padStart(8)} req/s  p50 ${fmtMs(r.p50)}  p95 ${fmtMs(r.p95)}  p99 ${fmtMs(r.p99)}${cpu}  ${errors}`;
}

export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
export const fmtMs = (n: number) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms` : '-');
export const fmtRatio = (n: number) => `${n.toFixed(2)}x`;
export const fmtUs = (n: number | undefined) =>
  n === undefined ? '-' : `${n < 100 ? n.toFixed(1) : Math.round(n)} µs`;
