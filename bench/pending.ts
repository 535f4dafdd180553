/** Scenarios of quality.md that need modules or data not built yet: named, never measured or faked. */
export interface PendingScenario {
  id: string;
  scenario: string;
  bar: string;
  needs: string;
}

/** Every scenario of quality.md is measured now; a new one that cannot be yet is listed here. */
export const PENDING: PendingScenario[] = [];

export const pendingLine = (p: PendingScenario) =>
  `${p.id} ${p.scenario}: not yet implemented (needs ${p.needs})`;
