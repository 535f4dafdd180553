import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  LatenessRulesDto,
  LatenessRulesState,
  updateLatenessRulesBody,
} from '../../../contract/lateness-rules.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { regions } from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, validation } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import {
  DEFAULT_LATENESS_RULES,
  validateLatenessRules,
  type BandScale,
  type LatenessRules,
} from '../discipline/lateness.domain.js';

/**
 * The region's lateness bands and weights (lateness.domain's LatenessRules), kept in
 * `regions.settings.lateness` with a version of their own, like the monitoring settings
 * (calendar.service.ts). Until HR or the admin saves them, the defaults of domain.md section 4 apply
 * (30/60/90 minutes, 0.5 / 1 / 1.25 / 2.5 %, TK 3 %, cap 100 %) and the version is 1.
 *
 * Every service that counts lateness (the month views, the recaps, the rule evaluation) reads them
 * with {@link loadLatenessRules}.
 */

interface StoredRules extends LatenessRulesDto {
  version: number;
  updatedAt?: string;
}

/** A plain (unfrozen) copy, as the API shows it. */
const copy = (r: LatenessRules | LatenessRulesDto): LatenessRulesDto => ({
  late: { limits: [...r.late.limits], weights: [...r.late.weights] },
  early: { limits: [...r.early.limits], weights: [...r.early.weights] },
  absenceWeight: r.absenceWeight,
  monthlyCap: r.monthlyCap,
});

/** Rules that passed validateLatenessRules: three limits and four weights per scale. */
const checked = (r: LatenessRulesDto): LatenessRules => r as unknown as LatenessRules;

/** The rules of a region's settings, defaults filled in. */
export function latenessRulesOf(settings: unknown): Omit<LatenessRulesState, 'defaults'> {
  const s = (settings as { lateness?: StoredRules } | null)?.lateness;
  // Stored rules were validated when saved; anything else (a hand-edited row) falls back to the
  // defaults rather than judging a month by half a rule.
  if (!s || validateLatenessRules(checked(s)).length > 0)
    return {
      rules: copy(DEFAULT_LATENESS_RULES),
      version: s?.version ?? 1,
      isDefault: true,
      updatedAt: null,
    };
  return { rules: copy(s), version: s.version, isDefault: false, updatedAt: s.updatedAt ?? null };
}

/** The bands and weights lateness is counted with, for the region. */
export async function loadLatenessRules(db: DbOrTx, regionId: string): Promise<LatenessRules> {
  const [r] = await db.select({ settings: regions.settings }).from(regions).where(eq(regions.id, regionId));
  return checked(latenessRulesOf(r?.settings).rules);
}

export async function getLatenessRules(db: DbOrTx, actor: Actor): Promise<LatenessRulesState> {
  const [r] = await db
    .select({ settings: regions.settings })
    .from(regions)
    .where(eq(regions.id, actor.regionId));
  return { ...latenessRulesOf(r?.settings), defaults: copy(DEFAULT_LATENESS_RULES) };
}

const num = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');
const scaleText = (s: BandScale | LatenessRulesDto['late']) =>
  `${s.limits.join('/')} menit, bobot ${s.weights.map(num).join(' / ')} %`;

/** One line for the audit trail: "TL 30/60/90 menit, bobot 0,5 / 1 / 1,25 / 2,5 %; ...". */
export function describeLatenessRules(r: LatenessRules | LatenessRulesDto): string {
  return `TL ${scaleText(r.late)}; PSW ${scaleText(r.early)}; TK ${num(r.absenceWeight)} %; batas bulanan ${num(r.monthlyCap)} %`;
}

/**
 * Replaces the region's rules; `version` is the one read (1 while the defaults apply). Every value is
 * checked (messages under `rules.<path>`); a stale version answers 409. Audited.
 */
export async function updateLatenessRules(
  database: Database,
  actor: Actor,
  body: z.infer<typeof updateLatenessRulesBody>,
): Promise<LatenessRulesState> {
  const next = checked(body.rules);
  const problems = validateLatenessRules(next).map((p) => ({ path: `rules.${p.path}`, message: p.message }));
  if (problems.length) throw validation(problems);
  return database.db.transaction(async (tx) => {
    const [r] = await tx
      .select({ settings: regions.settings })
      .from(regions)
      .where(eq(regions.id, actor.regionId))
      .for('update');
    const before = latenessRulesOf(r.settings);
    if (before.version !== body.version) throw new AppError('VERSION_CONFLICT');
    const stored: StoredRules = {
      ...copy(next),
      version: before.version + 1,
      updatedAt: new Date().toISOString(),
    };
    await tx
      .update(regions)
      .set({ settings: { ...((r.settings as object) ?? {}), lateness: stored } })
      .where(eq(regions.id, actor.regionId));
    await appendAudit(tx, actor.regionId, actor, {
      action: 'attendance.lateness_rules',
      entityType: 'region',
      entityId: actor.regionId,
      summary: `Aturan keterlambatan diubah: ${describeLatenessRules(next)}`,
      before: before.isDefault ? { ...before.rules, default: true } : before.rules,
      after: copy(next),
    });
    return { ...latenessRulesOf({ lateness: stored }), defaults: copy(DEFAULT_LATENESS_RULES) };
  });
}
