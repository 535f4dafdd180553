import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startServer } from './child.js';
import { processCpuSeconds } from './load.js';
import { fmtInt } from './http.js';

/**
 * B5 (quality.md): the deadline spike of a city. 200 operators enter 30 realizations each within 15
 * minutes while 8,000 ASN look at their status within the hour, offered at 10x: the operators' 6,000
 * saves arrive in 90 s (66.7 a second) and the ASN's visits at 22.2 a second alongside. The load is
 * open-loop: every request leaves at its scheduled moment whether or not the earlier ones have been
 * answered, and its latency counts from that moment, so a server that falls behind shows it in the
 * percentiles instead of slowing the load down. Bar: p95 < 300 ms over every request, zero errors.
 */

/** What the server child seeds and hands over (bench/servers/b5-app.ts). */
export interface B5Workload {
  cookieName: string;
  /** The month of punches the ASN look at. */
  month: string;
  units: number;
  punches: number;
  contracts: number;
  indicators: number;
  realizations: number;
  /** Sanctions proposed by the evaluation of the month (some ASN have one to read). */
  sanctions: number;
  seedMs: number;
  operators: {
    token: string;
    csrfToken: string;
    slots: { contractId: string; indicatorKey: string; periodKey: string }[];
  }[];
  /** One session token per ASN. */
  asn: string[];
}

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export type B5Kind = 'save' | 'lateness' | 'sanctions';

export interface B5Result {
  engine: 'pglite' | 'postgres';
  workload: {
    units: number;
    asn: number;
    operators: number;
    punches: number;
    contracts: number;
    indicators: number;
    emptySlots: number;
    sanctions: number;
    seedMs: number;
  };
  seconds: number;
  /** Offered: realizations saved by operators and status visits (two requests each) by ASN. */
  offered: { saves: number; visits: number; requests: number; perSecond: number };
  completed: number;
  all: Percentiles;
  kinds: Record<B5Kind, Percentiles>;
  errors: number;
  /** CPU (user + system) of the server process per answered request, in ms, when known (Linux). */
  serverCpuMsPerRequest?: number;
  /** Up to five of the errors, as "kind: what happened". */
  errorSamples: string[];
  pass: boolean;
}

/** The spike of quality.md at 1x: 200 operators x 30 in 15 minutes, 8,000 ASN in an hour. */
export const SPIKE = {
  saves: 200 * 30,
  saveSeconds: 15 * 60,
  visits: 8_000,
  visitSeconds: 3_600,
  factor: 10,
};
export const B5_BAR_P95_MS = 300;

export function percentiles(samples: number[]): Percentiles {
  const s = Float64Array.from(samples).sort();
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : 0);
  return { count: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s.length ? s[s.length - 1] : 0 };
}

interface Shot {
  kind: B5Kind;
  method: 'GET' | 'PUT';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The response is right (besides its status 200). */
  check: (json: unknown) => boolean;
}

/** One request on the keep-alive agent; resolves with the status and body, or rejects after 10 s. */
function send(agent: http.Agent, base: URL, shot: Shot): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: shot.method,
        path: shot.path,
        headers: shot.body
          ? {
              ...shot.headers,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(shot.body),
            }
          : shot.headers,
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout after 10 s')));
    req.on('error', reject);
    req.end(shot.body);
  });
}

/**
 * The schedule of the spike compressed into `seconds`: saves spread evenly at the save rate, each
 * operator in turn taking the next of its empty slots, and visits at the visit rate, each ASN in turn
 * (a visit is the two requests of the status pages: the month's attendance, then the own sanctions).
 */
export function schedule(w: B5Workload, seconds: number) {
  const saveRate = (SPIKE.saves / SPIKE.saveSeconds) * SPIKE.factor;
  const visitRate = (SPIKE.visits / SPIKE.visitSeconds) * SPIKE.factor;
  const saves = Math.floor(saveRate * seconds);
  const visits = Math.floor(visitRate * seconds);
  const capacity = w.operators.reduce((n, o) => n + o.slots.length, 0);
  if (saves > capacity)
    throw new Error(`B5: ${saves} saves offered, but the workload has only ${capacity} empty slots`);
  const shots: { at: number; shot: Shot }[] = [];
  const next = w.operators.map(() => 0);
  for (let i = 0; i < saves; i++) {
    const o = i % w.operators.length;
    const op = w.operators[o];
    const slot = op.slots[next[o]++];
    const value = 40 + (i % 50);
    shots.push({
      at: (i / saveRate) * 1000,
      shot: {
        kind: 'save',
        method: 'PUT',
        path: `/api/contracts/${slot.contractId}/realizations/${slot.indicatorKey}/${slot.periodKey}`,
        headers: { cookie: `${w.cookieName}=${op.token}`, 'x-csrf-token': op.csrfToken },
        body: JSON.stringify({ value, note: 'Realisasi bulan ini' }),
        check: (j) => {
          const r = j as { value?: number; status?: string };
          return r.value === value && r.status === 'draft';
        },
      },
    });
  }
  for (let i = 0; i < visits; i++) {
    const cookie = `${w.cookieName}=${w.asn[i % w.asn.length]}`;
    const at = (i / visitRate) * 1000;
    shots.push({
      at,
      shot: {
        kind: 'lateness',
        method: 'GET',
        path: `/api/lateness/me?month=${w.month}`,
        headers: { cookie },
        check: (j) => Array.isArray((j as { days?: unknown }).days),
      },
    });
    shots.push({
      at: at + 1,
      shot: {
        kind: 'sanctions',
        method: 'GET',
        path: '/api/discipline/sanctions',
        headers: { cookie },
        check: (j) => Array.isArray((j as { items?: unknown }).items),
      },
    });
  }
  shots.sort((a, b) => a.at - b.at);
  return { shots, saves, visits, perSecond: saveRate + visitRate * 2 };
}

export async function runB5(opts: {
  engine: 'pglite' | 'postgres';
  url?: string;
  seconds: number;
  log: (l: string) => void;
}): Promise<B5Result> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lk-b5-'));
  const file = path.join(dir, 'workload.json');
  opts.log(`  ${opts.engine}: seeding the city (B4's ASN and punches, B2's contracts, sessions)...`);
  const server = await startServer(
    'b5-app',
    {
      BENCH_ENGINE: opts.engine,
      BENCH_B5_WORKLOAD: file,
      ...(opts.url ? { BENCH_DATABASE: opts.url } : {}),
    },
    600_000,
    false,
  );
  try {
    const w = JSON.parse(readFileSync(file, 'utf8')) as B5Workload;
    const emptySlots = w.operators.reduce((n, o) => n + o.slots.length, 0);
    opts.log(
      `  ${opts.engine}: ${w.units} OPDs, ${fmtInt(w.asn.length)} ASN (${fmtInt(w.punches)} punches of ${w.month}), ` +
        `${w.operators.length} operators, ${fmtInt(w.indicators)} indicators with ${fmtInt(emptySlots)} months to enter; ` +
        `${fmtInt(w.sanctions)} sanctions proposed for January (seeded in ${(w.seedMs / 1000).toFixed(1)} s)`,
    );
    const { shots, saves, visits, perSecond } = schedule(w, opts.seconds);
    const base = new URL(server.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    const latencies: Record<B5Kind, number[]> = { save: [], lateness: [], sanctions: [] };
    const errorSamples: string[] = [];
    let errors = 0;
    let completed = 0;
    const fail = (kind: B5Kind, what: string) => {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(`${kind}: ${what}`);
    };
    const inFlight = new Set<Promise<void>>();
    const cpuBefore = processCpuSeconds(server.pid);
    const started = performance.now();
    let nextShot = 0;
    let nextReport = 0.1;
    opts.log(
      `  ${opts.engine}: offering ${fmtInt(saves)} saves and ${fmtInt(visits)} ASN visits in ${opts.seconds} s ` +
        `(${perSecond.toFixed(1)} requests a second, open loop)`,
    );
    while (nextShot < shots.length) {
      const now = performance.now() - started;
      while (nextShot < shots.length && shots[nextShot].at <= now) {
        const { at, shot } = shots[nextShot++];
        const p = send(agent, base, shot)
          .then(({ status, body }) => {
            latencies[shot.kind].push(performance.now() - started - at);
            completed++;
            if (status !== 200) return fail(shot.kind, `HTTP ${status} ${body.slice(0, 160)}`);
            let json: unknown;
            try {
              json = JSON.parse(body);
            } catch {
              return fail(shot.kind, 'the body is not JSON');
            }
            if (!shot.check(json)) fail(shot.kind, `unexpected body ${body.slice(0, 160)}`);
          })
          .catch((err: Error) => fail(shot.kind, err.message))
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      if (nextShot / shots.length >= nextReport) {
        const so = percentiles(Object.values(latencies).flat());
        opts.log(
          `  ${opts.engine}: ${'#'.repeat(Math.round(nextReport * 20)).padEnd(20, '.')} ${Math.round(nextReport * 100)}%  ` +
            `${fmtInt(completed)} answered, p95 so far ${so.p95.toFixed(0)} ms, ${inFlight.size} in flight, ${errors} errors`,
        );
        nextReport += 0.1;
      }
      const wait = nextShot < shots.length ? shots[nextShot].at - (performance.now() - started) : 0;
      await new Promise((r) => setTimeout(r, Math.max(0, Math.min(wait, 20))));
    }
    await Promise.all(inFlight);
    const cpuAfter = processCpuSeconds(server.pid);
    agent.destroy();
    const all = percentiles(Object.values(latencies).flat());
    const kinds = {
      save: percentiles(latencies.save),
      lateness: percentiles(latencies.lateness),
      sanctions: percentiles(latencies.sanctions),
    };
    return {
      engine: opts.engine,
      workload: {
        units: w.units,
        asn: w.asn.length,
        operators: w.operators.length,
        punches: w.punches,
        contracts: w.contracts,
        indicators: w.indicators,
        emptySlots,
        sanctions: w.sanctions,
        seedMs: w.seedMs,
      },
      seconds: opts.seconds,
      offered: { saves, visits, requests: shots.length, perSecond },
      completed,
      all,
      kinds,
      errors,
      serverCpuMsPerRequest:
        cpuBefore === undefined || cpuAfter === undefined || completed === 0
          ? undefined
          : ((cpuAfter - cpuBefore) * 1000) / completed,
      errorSamples,
      pass: errors === 0 && completed === shots.length && all.p95 < B5_BAR_P95_MS,
    };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const cpu = (r: B5Result) =>
  r.serverCpuMsPerRequest === undefined
    ? '-'
    : `${r.serverCpuMsPerRequest.toFixed(1)} ms${r.engine === 'postgres' ? ' + PostgreSQL' : ''}`;
const ms = (v: number) => `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms`;

/** The B5 section of docs/benchmarks.md. */
export function renderB5(results: B5Result[] | undefined, only: string[] | undefined, measured: string) {
  const out = ['## B5 deadline spike (city)', ''];
  if (!results?.length) {
    out.push(
      only && !only.includes('B5')
        ? 'Not run in this run (`--only` left it out); run `npm run bench -- --only B5` to measure it.'
        : 'Not run.',
      '',
    );
    return out.join('\n');
  }
  const r0 = results[0];
  out.push(
    `Workload (bench/servers/b5-app.ts, one process per engine): ${r0.workload.units} OPDs, ${fmtInt(r0.workload.asn)} ASN with ` +
      `an account, a live session and a month of punches (${fmtInt(r0.workload.punches)}), ${r0.workload.operators} operators ` +
      `(5 per OPD), ${fmtInt(r0.workload.contracts)} contracts with ${fmtInt(r0.workload.indicators)} monthly indicators, ` +
      `the first half of the year reported and ${fmtInt(r0.workload.emptySlots)} indicator-months left to enter; ` +
      `January evaluated with the default rules (${fmtInt(r0.workload.sanctions)} sanctions proposed, so the often late have one to read).`,
    '',
    `Load (bench/b5.ts, this process, keep-alive HTTP on 127.0.0.1): the spike of quality.md offered at ${SPIKE.factor}x, ` +
      `open loop: ${fmtInt(SPIKE.saves)} realizations (200 operators x 30) in ${SPIKE.saveSeconds / SPIKE.factor} s instead of ` +
      `${SPIKE.saveSeconds / 60} minutes, each a \`PUT /api/contracts/:id/realizations/:indicator/:period\` (a draft, with ` +
      `its audit entry), and alongside them the ASN's visits at ${SPIKE.factor}x the rate of ${fmtInt(SPIKE.visits)} an hour, ` +
      'each visit the two requests of the status pages (`GET /api/lateness/me`, `GET /api/discipline/sanctions`). ' +
      'Every request leaves at its scheduled moment and its latency counts from that moment, so queueing in a server ' +
      'that falls behind is in the figures. An error is a failed connection, a timeout (10 s), a status other than ' +
      '200 or a body that does not show the saved value or the list asked for.',
    '',
    measured,
    '',
    '| engine | seconds | offered (req/s) | answered | p50 | p95 | p99 | max | errors | bar | result | server CPU per request |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|---|---|--:|',
  );
  for (const r of results)
    out.push(
      `| ${r.engine} | ${r.seconds} | ${fmtInt(r.offered.requests)} (${r.offered.perSecond.toFixed(1)}) | ${fmtInt(r.completed)} | ` +
        `${ms(r.all.p50)} | ${ms(r.all.p95)} | ${ms(r.all.p99)} | ${ms(r.all.max)} | ${r.errors} | p95 < ${B5_BAR_P95_MS} ms, 0 errors | ${r.pass ? 'PASS' : '**FAIL**'} | ${cpu(r)} |`,
    );
  const cores = results.filter((r) => r.serverCpuMsPerRequest !== undefined);
  if (cores.length)
    out.push(
      '',
      'The server process may use every core (it is not pinned as in B1: this is a capacity run, and a ' +
        'region runs its server on a machine of its own); the load generator needs little. What the spike ' +
        'costs in server CPU: ' +
        cores
          .map(
            (r) =>
              `${r.engine} ${((r.serverCpuMsPerRequest! * r.offered.perSecond) / 1000).toFixed(2)} cores at ` +
              `${r.offered.perSecond.toFixed(0)} requests a second (${r.serverCpuMsPerRequest!.toFixed(1)} ms each` +
              `${r.engine === 'postgres' ? ", PostgreSQL's own processes not counted" : ''})`,
          )
          .join('; ') +
        '. A server given less than that falls behind, and its p95 grows with the queue.',
    );
  out.push(
    '',
    'Per request kind:',
    '',
    '| engine | request | count | p50 | p95 | p99 | max |',
    '|---|---|--:|--:|--:|--:|--:|',
  );
  const names: Record<B5Kind, string> = {
    save: 'operator saves a realization',
    lateness: 'ASN reads their month',
    sanctions: 'ASN reads their sanctions',
  };
  for (const r of results)
    for (const k of ['save', 'lateness', 'sanctions'] as const)
      out.push(
        `| ${r.engine} | ${names[k]} | ${fmtInt(r.kinds[k].count)} | ${ms(r.kinds[k].p50)} | ${ms(r.kinds[k].p95)} | ${ms(r.kinds[k].p99)} | ${ms(r.kinds[k].max)} |`,
      );
  const failed = results.filter((r) => r.errorSamples.length);
  if (failed.length) {
    out.push('', 'Errors seen:', '');
    for (const r of failed) for (const e of r.errorSamples) out.push(`- ${r.engine}: ${e}`);
  }
  out.push('');
  return out.join('\n');
}
