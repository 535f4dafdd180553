import type { LatenessRulesDto } from '../../../contract/lateness-rules';

/**
 * Plain calculations of the lateness pages (no React): the band of a number of minutes, and the
 * server's checks of the rules with its messages (lateness-calc.test.ts keeps them equal to
 * lateness.domain's validateLatenessRules).
 */

type Scale = LatenessRulesDto['late'];

/** The band index 0-3 of `minutes` (at least 1) on a scale, or 3 for a missing punch (null). */
export function bandIndexOf(minutes: number | null, scale: Scale): number {
  if (minutes === null) return 3;
  if (minutes <= scale.limits[0]) return 0;
  if (minutes <= scale.limits[1]) return 1;
  if (minutes <= scale.limits[2]) return 2;
  return 3;
}

/** A band limit above this (8 hours) would never be reached in a working day. */
const MAX_LIMIT = 480;
const isPercent = (n: unknown): n is number =>
  typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 100;

/**
 * The server's checks of the rules (lateness.domain's validateLatenessRules), with the same messages
 * and paths (`rules.late.limits.1`), so that the form shows them before sending.
 */
export function checkRules(rules: {
  late: { limits: unknown[]; weights: unknown[] };
  early: { limits: unknown[]; weights: unknown[] };
  absenceWeight: unknown;
  monthlyCap: unknown;
}): Record<string, string> {
  const out: Record<string, string> = {};
  const scale = (s: { limits: unknown[]; weights: unknown[] }, path: string, prefix: string) => {
    s.limits.forEach((l, i) => {
      const previous = i === 0 ? 0 : s.limits[i - 1];
      if (typeof l !== 'number' || !Number.isInteger(l) || l < 1 || l > MAX_LIMIT)
        out[`${path}.limits.${i}`] = `Batas ${prefix}${i + 1} harus bilangan bulat 1-${MAX_LIMIT} menit`;
      else if (typeof previous === 'number' && l <= previous)
        out[`${path}.limits.${i}`] = `Batas ${prefix}${i + 1} harus lebih besar dari batas ${prefix}${i}`;
    });
    s.weights.forEach((w, i) => {
      if (!isPercent(w)) out[`${path}.weights.${i}`] = `Bobot ${prefix}${i + 1} harus angka 0-100 (%)`;
    });
  };
  scale(rules.late, 'rules.late', 'TL');
  scale(rules.early, 'rules.early', 'PSW');
  if (!isPercent(rules.absenceWeight)) out['rules.absenceWeight'] = 'Bobot TK harus angka 0-100 (%)';
  if (!isPercent(rules.monthlyCap))
    out['rules.monthlyCap'] = 'Batas potongan per bulan harus angka 0-100 (%)';
  return out;
}
