import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface Target {
  url: string;
  headers?: Record<string, string>;
  /** Every response body must satisfy this, or it counts as an error. */
  verifyBody: (body: string) => boolean;
  connections: number;
}

/** The raw outcome of one stretch of closed-loop keep-alive load against one target. */
export interface Slice {
  seconds: number;
  requests: number;
  /** Latency of every completed response, in milliseconds. */
  latencies: number[];
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  /** CPU seconds (user + system) the server process used during the slice, when known (Linux). */
  serverCpuSeconds?: number;
}

export interface LoadResult {
  /** Completed requests per second over all measured slices. */
  rps: number;
  requests: number;
  seconds: number;
  /** Latency percentiles in milliseconds, over every response of every measured slice. */
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors and timeouts, non-2xx responses and bodies that failed verification. */
  errors: number;
  errorDetail: { errors: number; timeouts: number; non2xx: number; mismatches: number };
  /** rps of each slice, in order (one per round). */
  sliceRps: number[];
  /** Microseconds of server-process CPU per completed request, when known (Linux). */
  serverCpuUsPerRequest?: number;
}

/** CPU seconds (user + system, all threads) a process has used so far; undefined off Linux. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    // Fields after the command name: state is index 0, utime 11, stime 12 (in clock ticks, 100 per second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Runs autocannon for `seconds` against the target. `onProgress` gets the elapsed fraction (0..1) and
 * the last whole second's request count a few times a second. Bounded: seconds x connections, 10 s timeout.
 */
export function loadSlice(
  target: Target,
  seconds: number,
  onProgress?: (fraction: number, lastSecond: number) => void,
  serverPid?: number,
): Promise<Slice> {
  const cpuBefore = serverPid === undefined ? undefined : processCpuSeconds(serverPid);
  return new Promise<Slice>((resolve, reject) => {
    // autocannon's histogram has no p95, so the latencies are kept (bounded by duration x rate) and sorted later.
    const latencies: number[] = [];
    let lastSecond = 0;
    const started = process.hrtime.bigint();
    const instance = autocannon(
      {
        url: target.url,
        connections: target.connections,
        duration: seconds,
        timeout: 10,
        headers: target.headers,
        verifyBody: target.verifyBody,
      },
      (err, result) => {
        clearInterval(timer);
        if (err) return reject(err);
        const cpuAfter = serverPid === undefined ? undefined : processCpuSeconds(serverPid);
        resolve({
          serverCpuSeconds:
            cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined,
          // autocannon's own start-to-finish time of the load, in seconds.
          seconds: result.duration,
          requests: result.requests.total ?? latencies.length,
          latencies,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          mismatches: result.mismatches,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
    instance.on('tick', ({ counter }) => {
      lastSecond = counter;
    });
    const timer = setInterval(() => {
      const fraction = Math.min(1, Number(process.hrtime.bigint() - started) / 1e9 / seconds);
      onProgress?.(fraction, lastSecond);
    }, 200);
  });
}

/** Combines the measured slices of one target. */
export function combine(slices: Slice[]): LoadResult {
  const latencies = slices.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const requests = slices.reduce((sum, s) => sum + s.requests, 0);
  const seconds = slices.reduce((sum, s) => sum + s.seconds, 0);
  const sum = (k: 'errors' | 'timeouts' | 'non2xx' | 'mismatches') =>
    slices.reduce((total, s) => total + s[k], 0);
  const errorDetail = {
    errors: sum('errors'),
    timeouts: sum('timeouts'),
    non2xx: sum('non2xx'),
    mismatches: sum('mismatches'),
  };
  return {
    rps: requests / seconds,
    requests,
    seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    // autocannon counts timeouts among the errors too.
    errors: errorDetail.errors + errorDetail.non2xx + errorDetail.mismatches,
    errorDetail,
    sliceRps: slices.map((s) => s.requests / s.seconds),
    serverCpuUsPerRequest: slices.every((s) => s.serverCpuSeconds !== undefined)
      ? (slices.reduce((total, s) => total + s.serverCpuSeconds!, 0) / requests) * 1e6
      : undefined,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}
