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
];

export const pendingLine = (p: PendingScenario) =>
  `${p.id} ${p.scenario}: not yet implemented (needs ${p.needs})`;
