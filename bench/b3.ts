import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { attendanceImports, devicePins } from '../src/server/db/schema.js';
import { getImport, previewImport, startImport } from '../src/server/modules/attendance/import.service.js';
import { buildCivilServant, type CivilServantSeed } from '../src/server/seed/factories.js';
import { rng } from '../src/server/seed/random.js';
import { createRegion, insertCivilServants, insertWorkUnits } from '../src/server/seed/seed.js';

/**
 * B3 (quality.md): the attendance import of one city month, a ZKTeco attlog of about 400,000 punches
 * of 7,400 ASN, against a raw COPY of the same rows into a bare table (no key, no index) on the same
 * database. Bar: the importer's throughput at least 0.5x the raw COPY's, and under 10 s.
 *
 * The importer is what the CLI and the web commit run (src/server/modules/attendance/import.service.ts
 * `startImport` to the end of its transaction): reading the file, resolving the PINs, removing the
 * duplicates, finding the punches already stored, inserting, the import record and its audit entry.
 * The file is in memory, as an upload is. The raw COPY gets the rows already resolved, as a text file:
 * `psql \copy` on PostgreSQL (the baseline quality.md names; psql started per round, as a DBA would),
 * `COPY ... FROM '/dev/blob'` in process on PGlite, which has no psql. Each round starts from empty
 * tables (TRUNCATE), so every round inserts the whole month.
 */

export interface Timing {
  /** Every round, in ms. */
  rounds: number[];
  median: number;
}

export interface B3Result {
  engine: 'pglite' | 'postgres';
  workload: {
    units: number;
    asn: number;
    workingDays: number;
    lines: number;
    punches: number;
    megabytes: number;
    seedMs: number;
  };
  /** Raw COPY of the resolved rows into a bare table. */
  baseline: Timing & { method: string };
  /** File bytes to committed import. */
  importer: Timing;
  /** The preview of the same file (reads everything, writes nothing); orientation, no bar. */
  preview: Timing;
  /** The same file once more, recognised by its hash; orientation, no bar. */
  again: Timing;
  /** baseline / importer on the medians: the importer's throughput relative to raw COPY. */
  ratio: number;
  pass: boolean;
}

export const UNITS = 40;
export const ASN = 7_400;
/** January 2026 minus New Year's Day and Isra Mi'raj (16 January). */
const MONTH = '2026-01';
const HOLIDAYS = new Set(['2026-01-01', '2026-01-16']);
const DEVICE = 'Mesin Balai Kota';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const timing = (rounds: number[]): Timing => ({ rounds, median: median(rounds) });

function workingDays(): string[] {
  const out: string[] = [];
  for (let d = 1; d <= 31; d++) {
    const day = `${MONTH}-${String(d).padStart(2, '0')}`;
    const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6 && !HOLIDAYS.has(day)) out.push(day);
  }
  return out;
}

const clock = (seconds: number) => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
};

/**
 * A month of one device log, in device order (by time): most ASN on time, some habitually late, 3 %
 * absent on a day, most with a third punch (a second tap or a lunch break), and 0.5 % of the lines
 * sent twice (devices re-send). PIN n is the n-th ASN.
 */
export function generateMonth(seed = 2026) {
  const r = rng(seed);
  const days = workingDays();
  const late = Array.from({ length: ASN }, () => r.chance(0.1));
  const lines: string[] = [];
  for (const day of days) {
    const punches: [number, number][] = []; // [seconds of day, pin]
    for (let i = 0; i < ASN; i++) {
      if (r.chance(0.03)) continue;
      const pin = i + 1;
      const arrive = (late[i] ? 7 * 3600 + 20 * 60 : 6 * 3600 + 40 * 60) + r.int(0, late[i] ? 5400 : 3000);
      const leave = 16 * 3600 + r.int(-1200, 4500);
      punches.push([arrive, pin], [leave, pin]);
      if (r.chance(0.8))
        punches.push(r.chance(0.5) ? [arrive + r.int(2, 50), pin] : [12 * 3600 + r.int(0, 3000), pin]);
    }
    punches.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [t, pin] of punches) {
      const line = `${String(pin).padStart(9)}\t${day} ${clock(t)}\t0\t1\t0\t0`;
      lines.push(line);
      if (r.chance(0.005)) lines.push(line);
    }
  }
  return { days, text: `${lines.join('\r\n')}\r\n`, lines: lines.length };
}

/** A bench region with the city's 40 OPDs, 7,400 ASN and their device PINs 1..7400 (B3, B4). */
export async function seedCity(
  database: Database,
  region = { slug: 'kota-bench-b3', name: 'Kota Bench B3' },
) {
  const { db } = database;
  const regionId = await createRegion(db, region);
  const unitIds = await insertWorkUnits(
    db,
    regionId,
    Array.from({ length: UNITS }, (_, i) => ({
      code: `9.${String(i + 1).padStart(2, '0')}.01`,
      name: `Dinas Bench ${i + 1}`,
      kind: 'dinas',
    })),
  );
  const units = [...unitIds.values()];
  const r = rng(7400);
  const people: (CivilServantSeed & { workUnitId: string })[] = [];
  const nips = new Set<string>();
  while (people.length < ASN) {
    const p = buildCivilServant(r, {}, new Date('2026-01-01T00:00:00Z'));
    if (nips.has(p.nip)) continue;
    nips.add(p.nip);
    people.push({ ...p, workUnitId: units[people.length % UNITS] });
  }
  const ids = await insertCivilServants(db, regionId, people);
  const byPin = people.map((p) => ids.get(p.nip)!);
  for (let i = 0; i < byPin.length; i += 1000)
    await db.insert(devicePins).values(
      byPin.slice(i, i + 1000).map((civilServantId, k) => ({
        regionId,
        device: '',
        pin: String(i + k + 1),
        civilServantId,
      })),
    );
  await db.execute(sql`analyze`);
  return { regionId, byPin };
}

/** The rows the importer stores, as COPY text: what the raw baseline loads. */
function copyText(regionId: string, byPin: string[], text: string): { tsv: string; rows: number } {
  const seen = new Set<string>();
  const out: string[] = [];
  const importId = '00000000-0000-4000-8000-000000000003';
  for (const line of text.split('\r\n')) {
    if (!line) continue;
    const [pin, at] = line.split('\t');
    const key = `${pin.trim()}|${at}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const cs = byPin[Number(pin) - 1];
    out.push(`${regionId}\t${cs}\t${at.slice(0, 10)}\t${at.slice(11)}\t${at}+07\t${DEVICE}\t${importId}`);
  }
  return { tsv: `${out.join('\n')}\n`, rows: out.length };
}

const run = promisify(execFile);

export async function runB3(opts: {
  engine: 'pglite' | 'postgres';
  url?: string;
  rounds: number;
  log: (l: string) => void;
}): Promise<B3Result> {
  const database = await openDatabase(opts.url ? { url: opts.url } : {});
  await database.migrate();
  const t0 = performance.now();
  const { regionId, byPin } = await seedCity(database);
  const month = generateMonth();
  const data = Buffer.from(month.text);
  const { tsv, rows } = copyText(regionId, byPin, month.text);
  const seedMs = performance.now() - t0;
  const dir = mkdtempSync(path.join(tmpdir(), 'lk-b3-'));
  const tsvFile = path.join(dir, 'punches.tsv');
  writeFileSync(tsvFile, tsv);
  opts.log(
    `  ${opts.engine}: ${UNITS} OPDs, ${ASN} ASN, ${month.days.length} working days: ${month.lines} attlog lines ` +
      `(${(data.length / 1024 ** 2).toFixed(1)} MB), ${rows} punches (seeded in ${(seedMs / 1000).toFixed(1)} s)`,
  );
  await database.db.execute(sql`create table bench_bare (region_id uuid, civil_servant_id uuid, day date,
    local_time time, at timestamptz, device text, import_id uuid)`);
  const importer = { regionId, userId: null, fullName: null };
  const file = { name: 'attlog-januari.dat', data };
  const rawCopy = async (): Promise<number> => {
    await database.db.execute(sql`truncate bench_bare`);
    if (opts.engine === 'postgres') {
      const t = performance.now();
      await run('psql', [
        opts.url!,
        '-v',
        'ON_ERROR_STOP=1',
        '-q',
        '-c',
        `\\copy bench_bare from '${tsvFile}'`,
      ]);
      return performance.now() - t;
    }
    const t = performance.now();
    await database.pglite!.query(`copy bench_bare from '/dev/blob'`, [], { blob: new Blob([tsv]) });
    return performance.now() - t;
  };
  const emptyTables = async () => {
    await database.db.execute(sql`truncate attendance_punches`);
    await database.db.delete(attendanceImports).where(eq(attendanceImports.regionId, regionId));
  };
  const baseline: number[] = [];
  const imports: number[] = [];
  const previews: number[] = [];
  const again: number[] = [];
  try {
    for (let round = 1; round <= opts.rounds; round++) {
      baseline.push(await rawCopy());
      await emptyTables();
      let t = performance.now();
      const p = await previewImport(database, importer, file, {});
      previews.push(performance.now() - t);
      if (p.toAdd !== rows || p.problemLines || p.unknownPunches)
        throw new Error(`B3: preview disagrees with the workload: ${p.toAdd} to add, ${rows} expected`);
      t = performance.now();
      const started = await startImport(database, importer, file, {});
      await started.done;
      imports.push(performance.now() - t);
      const done = await getImport(database.db, regionId, started.import.id);
      if (done.status !== 'committed' || done.punchesAdded !== rows)
        throw new Error(`B3: import ${done.status}, ${done.punchesAdded} added, ${rows} expected`);
      t = performance.now();
      const second = await startImport(database, importer, file, {});
      again.push(performance.now() - t);
      if (second.created) throw new Error('B3: the same file was imported twice');
      opts.log(
        `  ${opts.engine} round ${round}: raw COPY ${(baseline.at(-1)! / 1000).toFixed(2)} s, importer ${(imports.at(-1)! / 1000).toFixed(2)} s ` +
          `(preview ${(previews.at(-1)! / 1000).toFixed(2)} s, same file again ${again.at(-1)!.toFixed(0)} ms)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await database.close();
  }
  const result: B3Result = {
    engine: opts.engine,
    workload: {
      units: UNITS,
      asn: ASN,
      workingDays: month.days.length,
      lines: month.lines,
      punches: rows,
      megabytes: data.length / 1024 ** 2,
      seedMs,
    },
    baseline: {
      ...timing(baseline),
      method: opts.engine === 'postgres' ? 'psql \\copy' : "COPY FROM '/dev/blob' (in process)",
    },
    importer: timing(imports),
    preview: timing(previews),
    again: timing(again),
    ratio: 0,
    pass: false,
  };
  result.ratio = result.baseline.median / result.importer.median;
  result.pass = result.ratio >= 0.5 && result.importer.median < 10_000;
  return result;
}
