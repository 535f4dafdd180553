/** Scenarios of quality.md that need modules or data not built yet: named, never measured or faked. */
export interface PendingScenario {
  id: string;
  scenario: string;
  bar: string;
  needs: string;
}

export const PENDING: PendingScenario[] = [
  {
    id: 'B5',
    scenario: 'deadline spike (city)',
    bar: '200 operators x 30 realizations in 15 min plus 8,000 ASN reading status in an hour, at 10x: p95 < 300 ms, zero errors',
    needs:
      'a load script of its own: the ASN status pages (/kehadiran/saya, /disiplin/sanksi) and realization entry are built, the spike that drives them is not',
  },
  {
    id: 'B6',
    scenario: 'engines (B2-B4 on PGlite and PostgreSQL)',
    bar: 'PGlite <= 3x PostgreSQL; single-writer ceiling documented',
    needs:
      'the PGlite/PostgreSQL ratios of B2-B4 set against the bar and the single-writer ceiling documented; B2, B3 and B4 already run on both engines',
  },
];

export const pendingLine = (p: PendingScenario) =>
  `${p.id} ${p.scenario}: not yet implemented (needs ${p.needs})`;
