import type { B2Result } from './b2.js';
import type { B3Result } from './b3.js';
import type { B4Result } from './b4.js';
import { fmtInt, fmtRatio } from './http.js';

/**
 * B6 (quality.md): the same B2-B4 on PGlite and PostgreSQL. Bar: PGlite <= 3x PostgreSQL, and its
 * single-writer ceiling documented. Nothing is measured here: the figures are B2's API p50 (region
 * overview, OPD scorecard), B3's importer median and B4's engine median of the same run, one row per
 * scenario that ran on both engines.
 */

export interface B6Row {
  scenario: string;
  /** Milliseconds. */
  pglite: number;
  postgres: number;
  /** pglite / postgres. */
  ratio: number;
  pass: boolean;
}

const BAR = 3;

function row(scenario: string, pglite: number, postgres: number): B6Row {
  const ratio = pglite / postgres;
  return { scenario, pglite, postgres, ratio, pass: ratio <= BAR };
}

/** The rows of the scenarios that ran on both engines in this run. */
export function compareEngines(b2?: B2Result[], b3?: B3Result[], b4?: B4Result[]): B6Row[] {
  const pair = <T extends { engine: string }>(list?: T[]) => {
    const p = list?.find((r) => r.engine === 'pglite');
    const q = list?.find((r) => r.engine === 'postgres');
    return p && q ? ([p, q] as const) : null;
  };
  const out: B6Row[] = [];
  const two = pair(b2);
  if (two) {
    out.push(row('B2 region overview (API p50)', two[0].overview.api.p50, two[1].overview.api.p50));
    out.push(row('B2 OPD scorecard (API p50)', two[0].scorecard.api.p50, two[1].scorecard.api.p50));
  }
  const three = pair(b3);
  if (three)
    out.push(row('B3 attendance import, city month', three[0].importer.median, three[1].importer.median));
  const four = pair(b4);
  if (four)
    out.push(
      row(
        'B4 lateness and sanction evaluation, city month',
        four[0].evaluation.median,
        four[1].evaluation.median,
      ),
    );
  return out;
}

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);

/** The B6 section of docs/benchmarks.md. */
export function renderB6(rows: B6Row[], b3?: B3Result[], measured?: string): string {
  const out: string[] = ['## B6 engines (B2-B4 on PGlite and PostgreSQL)', ''];
  out.push(
    'The figures of B2, B3 and B4 above, set side by side: PGlite (in process, WebAssembly) against PostgreSQL ' +
      '(local server) on the same workload in the same run. Bar: PGlite <= 3x PostgreSQL for each.',
  );
  out.push('');
  if (measured) out.push(measured, '');
  if (rows.length === 0) {
    out.push(
      'Not run: B6 needs B2, B3 or B4 measured on both engines in the same run (`--engine both`).',
      '',
    );
  } else {
    out.push('| scenario | PGlite | PostgreSQL | PGlite / PostgreSQL | verdict |');
    out.push('|---|--:|--:|--:|---|');
    for (const r of rows)
      out.push(
        `| ${r.scenario} | ${ms(r.pglite)} | ${ms(r.postgres)} | ${fmtRatio(r.ratio)} | ${r.pass ? 'PASS' : '**FAIL**'} |`,
      );
    out.push('');
  }
  const imported = b3?.find((r) => r.engine === 'pglite');
  out.push(
    '**The single-writer ceiling of PGlite.** PGlite is one PostgreSQL backend inside the server process with one ' +
      'connection (src/server/db/client.ts): every statement of every request, read or write, runs after the one before, and ' +
      'a transaction holds the connection until it ends. Requests are therefore served one statement at a time, whatever ' +
      'the number of users: the ceiling is the sum of the statement times, not the cores.' +
      (imported
        ? ` Bulk writes reach ${fmtInt(imported.workload.punches / (imported.importer.median / 1000))} punches/s in one ` +
          `transaction (B3); a city month's import holds the connection for ${ms(imported.importer.median)}, and every other ` +
          'request waits for it (docs/decisions/006-attendance.md).'
        : '') +
      ' There is no crash durability claim for PGlite. It serves the demo, trials and development on one machine; a region in ' +
      'production runs on PostgreSQL (`DATABASE_URL`), where requests use a pool of connections and imports do not stop readers.',
  );
  out.push('');
  return out.join('\n');
}
