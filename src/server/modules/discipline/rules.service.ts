import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { RuleDto, RuleInput, retireRuleBody, updateRuleBody } from '../../../contract/discipline.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { disciplineRules, regions, users } from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, notFound, validation } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import {
  DEFAULT_RULES,
  describeCondition,
  isExampleLegalBasis,
  validateRule,
  type Rule,
  type RuleCondition,
} from './rules.domain.js';

/**
 * The rules of the region's regulation, versioned: a rule's versions are never changed; an edit writes
 * the next version and marks the previous one superseded (in one transaction, guarded by the version
 * the editor saw), retiring writes a last version marked retired. The current set is what an evaluation
 * applies; each run records the versions it used.
 */

type RuleRow = typeof disciplineRules.$inferSelect;

/** A stored version as the pure rule the evaluator takes (with its row id). */
export interface StoredRule extends Rule {
  id: string;
  version: number;
  retired: boolean;
}

export function toRule(r: RuleRow): StoredRule {
  return {
    id: r.id,
    code: r.code,
    version: r.ruleVersion,
    name: r.name,
    legalBasis: r.legalBasis,
    kind: r.kind as Rule['kind'],
    subject: r.subject as Rule['subject'],
    condition: r.condition as RuleCondition,
    consequence: r.consequence as Rule['consequence'],
    escalation: (r.escalation as Rule['escalation']) ?? null,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    retired: r.retired,
  };
}

function rowValues(
  regionId: string,
  rule: Rule,
  version: number,
  createdBy: string | null,
  note?: string | null,
) {
  return {
    regionId,
    code: rule.code,
    ruleVersion: version,
    name: rule.name.trim(),
    legalBasis: rule.legalBasis.trim(),
    kind: rule.kind,
    subject: rule.subject,
    condition: rule.condition,
    consequence: rule.consequence,
    escalation: rule.escalation ?? null,
    validFrom: rule.validFrom ?? null,
    validUntil: rule.validUntil ?? null,
    note: note?.trim() || null,
    createdBy,
  };
}

/** Writes the default rules of domain.md section 5 as version 1 for a region that has none. */
export async function ensureDefaultRules(db: DbOrTx, regionId: string): Promise<number> {
  const [any] = await db
    .select({ id: disciplineRules.id })
    .from(disciplineRules)
    .where(eq(disciplineRules.regionId, regionId))
    .limit(1);
  if (any) return 0;
  const rows = await db
    .insert(disciplineRules)
    .values(DEFAULT_RULES.map((r) => rowValues(regionId, r, 1, null, 'Aturan bawaan (domain.md bagian 5)')))
    .onConflictDoNothing()
    .returning({ id: disciplineRules.id });
  return rows.length;
}

/** Seeds the default rules of every region that has none (at start, after migrations). */
export async function ensureDefaultRulesEverywhere(db: DbOrTx): Promise<void> {
  for (const r of await db.select({ id: regions.id }).from(regions)) await ensureDefaultRules(db, r.id);
}

/** The rules an evaluation applies: the current version of each rule that is not retired. */
export async function currentRules(db: DbOrTx, regionId: string): Promise<StoredRule[]> {
  const rows = await db
    .select()
    .from(disciplineRules)
    .where(
      and(
        eq(disciplineRules.regionId, regionId),
        isNull(disciplineRules.supersededAt),
        eq(disciplineRules.retired, false),
      ),
    )
    .orderBy(asc(disciplineRules.createdAt), asc(disciplineRules.code));
  return sortRules(rows.map(toRule));
}

/** Sanctions first, then rewards; by the order of the defaults, then by code. */
function sortRules(rules: StoredRule[]): StoredRule[] {
  const order = new Map(DEFAULT_RULES.map((r, i) => [r.code, i]));
  return rules.sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === 'sanction' ? -1 : 1) ||
      (order.get(a.code) ?? 99) - (order.get(b.code) ?? 99) ||
      a.code.localeCompare(b.code),
  );
}

async function dto(db: DbOrTx, rows: RuleRow[]): Promise<RuleDto[]> {
  const ids = [...new Set(rows.map((r) => r.createdBy).filter((x): x is string => !!x))];
  const names = new Map<string, string>();
  if (ids.length)
    for (const u of await db
      .select({ id: users.id, name: users.fullName })
      .from(users)
      .where(sql`${users.id} in ${ids}`))
      names.set(u.id, u.name);
  return rows.map((r) => {
    const rule = toRule(r);
    return {
      id: r.id,
      code: r.code,
      version: r.ruleVersion,
      name: r.name,
      legalBasis: r.legalBasis,
      kind: rule.kind,
      subject: rule.subject,
      condition: rule.condition as RuleDto['condition'],
      consequence: rule.consequence,
      escalation: rule.escalation ?? null,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      note: r.note,
      retired: r.retired,
      exampleLegalBasis: isExampleLegalBasis(r.legalBasis),
      conditionText: describeCondition(rule.condition),
      createdAt: r.createdAt.toISOString(),
      createdByName: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
      supersededAt: r.supersededAt?.toISOString() ?? null,
    };
  });
}

/** The current version of every rule, the retired ones last (their history stays readable). */
export async function listRules(db: DbOrTx, actor: Actor) {
  const rows = await db
    .select()
    .from(disciplineRules)
    .where(and(eq(disciplineRules.regionId, actor.regionId), isNull(disciplineRules.supersededAt)));
  const order = new Map(sortRules(rows.map(toRule)).map((r, i) => [r.id, i]));
  rows.sort((a, b) => Number(a.retired) - Number(b.retired) || order.get(a.id)! - order.get(b.id)!);
  return { items: await dto(db, rows) };
}

export async function ruleVersions(db: DbOrTx, actor: Actor, code: string) {
  const rows = await db
    .select()
    .from(disciplineRules)
    .where(and(eq(disciplineRules.regionId, actor.regionId), eq(disciplineRules.code, code)))
    .orderBy(desc(disciplineRules.ruleVersion));
  if (!rows.length) throw notFound('Aturan tidak ditemukan');
  return { items: await dto(db, rows) };
}

function checked(input: Omit<RuleInput, 'note'> & { code: string }): Rule {
  const rule: Rule = {
    code: input.code,
    name: input.name,
    legalBasis: input.legalBasis,
    kind: input.kind,
    subject: input.subject,
    condition: input.condition as RuleCondition,
    consequence: input.consequence,
    escalation: input.escalation ?? null,
    validFrom: input.validFrom ?? null,
    validUntil: input.validUntil ?? null,
  };
  const errors = validateRule(rule);
  if (errors.length) throw validation(errors, 'Aturan belum lengkap atau tidak valid');
  return rule;
}

async function currentRow(db: DbOrTx, regionId: string, code: string) {
  const [row] = await db
    .select()
    .from(disciplineRules)
    .where(
      and(
        eq(disciplineRules.regionId, regionId),
        eq(disciplineRules.code, code),
        isNull(disciplineRules.supersededAt),
      ),
    );
  return row ?? null;
}

export async function createRule(database: Database, actor: Actor, input: RuleInput): Promise<RuleDto> {
  const rule = checked(input);
  return database.db.transaction(async (tx) => {
    if (await currentRow(tx, actor.regionId, rule.code))
      throw validation([{ path: 'code', message: `Kode ${rule.code} sudah dipakai aturan lain` }]);
    const [{ n }] = await tx
      .select({ n: sql<number>`coalesce(max(${disciplineRules.ruleVersion}), 0)::int` })
      .from(disciplineRules)
      .where(and(eq(disciplineRules.regionId, actor.regionId), eq(disciplineRules.code, rule.code)));
    const [row] = await tx
      .insert(disciplineRules)
      .values(rowValues(actor.regionId, rule, n + 1, actor.userId, input.note))
      .returning();
    await appendAudit(tx, actor.regionId, actor, {
      action: 'discipline_rule.create',
      entityType: 'discipline_rule',
      entityId: row.id,
      summary: `Aturan ${rule.code} "${rule.name}" versi ${row.ruleVersion} ditambahkan`,
      after: rowValues(actor.regionId, rule, row.ruleVersion, actor.userId, input.note),
    });
    return (await dto(tx, [row]))[0];
  });
}

export async function updateRule(
  database: Database,
  actor: Actor,
  code: string,
  input: z.infer<typeof updateRuleBody>,
): Promise<RuleDto> {
  const rule = checked({ ...input, code });
  return database.db.transaction(async (tx) => {
    const current = await currentRow(tx, actor.regionId, code);
    if (!current || current.retired) throw notFound('Aturan tidak ditemukan');
    const superseded = await tx
      .update(disciplineRules)
      .set({ supersededAt: new Date() })
      .where(
        and(
          eq(disciplineRules.regionId, actor.regionId),
          eq(disciplineRules.id, current.id),
          eq(disciplineRules.ruleVersion, input.version),
          isNull(disciplineRules.supersededAt),
        ),
      )
      .returning({ id: disciplineRules.id });
    if (!superseded.length)
      throw new AppError(
        'VERSION_CONFLICT',
        `Aturan ini sudah diubah orang lain (versi terkini ${current.ruleVersion}). Muat ulang lalu ulangi perubahan.`,
      );
    const [row] = await tx
      .insert(disciplineRules)
      .values(rowValues(actor.regionId, rule, current.ruleVersion + 1, actor.userId, input.note))
      .returning();
    await appendAudit(tx, actor.regionId, actor, {
      action: 'discipline_rule.update',
      entityType: 'discipline_rule',
      entityId: row.id,
      summary: `Aturan ${code} diubah: versi ${current.ruleVersion} -> ${row.ruleVersion}`,
      before: toRule(current),
      after: toRule(row),
    });
    return (await dto(tx, [row]))[0];
  });
}

export async function retireRule(
  database: Database,
  actor: Actor,
  code: string,
  body: z.infer<typeof retireRuleBody>,
) {
  await database.db.transaction(async (tx) => {
    const current = await currentRow(tx, actor.regionId, code);
    if (!current || current.retired) throw notFound('Aturan tidak ditemukan');
    if (current.ruleVersion !== body.version)
      throw new AppError(
        'VERSION_CONFLICT',
        `Aturan ini sudah diubah orang lain (versi terkini ${current.ruleVersion}). Muat ulang lalu ulangi.`,
      );
    await tx
      .update(disciplineRules)
      .set({ supersededAt: new Date() })
      .where(and(eq(disciplineRules.regionId, actor.regionId), eq(disciplineRules.id, current.id)));
    const { id: _id, createdAt: _c, supersededAt: _s, ...rest } = current;
    await tx.insert(disciplineRules).values({
      ...rest,
      ruleVersion: current.ruleVersion + 1,
      retired: true,
      note: body.note?.trim() || 'Aturan dihentikan',
      createdBy: actor.userId,
    });
    await appendAudit(tx, actor.regionId, actor, {
      action: 'discipline_rule.retire',
      entityType: 'discipline_rule',
      entityId: current.id,
      summary: `Aturan ${code} dihentikan (versi ${current.ruleVersion + 1})`,
    });
  });
  return { ok: true as const };
}
