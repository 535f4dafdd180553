/** Scenarios of quality.md that need modules or data not built yet: named, never measured or faked. */
export interface PendingScenario {
  id: string;
  scenario: string;
  bar: string;
  needs: string;
}

export const PENDING: PendingScenario[] = [
  {
    id: 'B3',
    scenario: 'attendance import, one city month (~400k rows, ZKTeco format)',
    bar: 'importer >= 0.5x raw `psql \\copy` throughput; < 10 s',
    needs: 'the attendance module (ZKTeco importer) and the attendance workload generator',
  },
  {
    id: 'B4',
    scenario: 'lateness and sanction evaluation, one city month',
    bar: 'engine <= 2x one hand-written SQL; identical results',
    needs: 'the attendance module and the reward/sanction engine',
  },
  {
    id: 'B5',
    scenario: 'deadline spike (city)',
    bar: '200 operators x 30 realizations in 15 min plus 8,000 ASN reading status in an hour, at 10x: p95 < 300 ms, zero errors',
    needs: 'the ASN status pages of the reward and punishment module (realization entry is built)',
  },
  {
    id: 'B6',
    scenario: 'engines (B2-B4 on PGlite and PostgreSQL)',
    bar: 'PGlite <= 3x PostgreSQL; single-writer ceiling documented',
    needs: 'B2-B4, hence the monitoring and attendance modules',
  },
];

export const pendingLine = (p: PendingScenario) =>
  `${p.id} ${p.scenario}: not yet implemented (needs ${p.needs})`;
