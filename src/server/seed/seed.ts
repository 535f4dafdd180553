import { and, eq } from 'drizzle-orm';
import type { Role } from '../../contract/common.js';
import type { DbOrTx } from '../db/client.js';
import {
  civilServants,
  cycles,
  missionGoals,
  missions,
  missionTargets,
  regions,
  themes,
  userRoles,
  users,
  workUnits,
} from '../db/schema.js';
import { ensureDefaultRules } from '../modules/discipline/rules.service.js';
import { hashPassword } from '../platform/passwords.js';
import type { CivilServantSeed, WorkUnitSeed } from './factories.js';

/** Bulk writers for seeds and tests: multi-row inserts in chunks, never row by row. */
const CHUNK = 1000;

export async function createRegion(
  db: DbOrTx,
  r: { slug: string; name: string; kind?: string; timezone?: string; headTitle?: string },
): Promise<string> {
  const [row] = await db
    .insert(regions)
    .values({
      slug: r.slug,
      name: r.name,
      kind: r.kind ?? 'kota',
      timezone: r.timezone ?? 'Asia/Jakarta',
      headTitle: r.headTitle ?? 'Wali Kota',
    })
    .returning({ id: regions.id });
  await ensureDefaultRules(db, row.id);
  return row.id;
}

export async function insertWorkUnits(
  db: DbOrTx,
  regionId: string,
  units: WorkUnitSeed[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < units.length; i += CHUNK) {
    const out = await db
      .insert(workUnits)
      .values(units.slice(i, i + CHUNK).map((u) => ({ regionId, ...u })))
      .returning({ id: workUnits.id, code: workUnits.code });
    out.forEach((o) => ids.set(o.code, o.id));
  }
  return ids;
}

export async function insertCivilServants(
  db: DbOrTx,
  regionId: string,
  rows: (CivilServantSeed & { workUnitId: string })[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const out = await db
      .insert(civilServants)
      .values(rows.slice(i, i + CHUNK).map((c) => ({ regionId, ...c })))
      .returning({ id: civilServants.id, nip: civilServants.nip });
    out.forEach((o) => ids.set(o.nip, o.id));
  }
  return ids;
}

export async function setUnitHead(db: DbOrTx, regionId: string, unitId: string, civilServantId: string) {
  await db
    .update(workUnits)
    .set({ headCivilServantId: civilServantId })
    .where(and(eq(workUnits.regionId, regionId), eq(workUnits.id, unitId)));
}

export interface UserSeed {
  username: string;
  fullName: string;
  password: string;
  roles: { role: Role; workUnitId?: string | null }[];
  civilServantId?: string | null;
  active?: boolean;
}

export async function createUsers(
  db: DbOrTx,
  regionId: string,
  list: UserSeed[],
): Promise<Map<string, string>> {
  // One hash per distinct password (each hash is deliberately slow).
  const byPassword = new Map<string, Promise<string>>();
  for (const u of list) if (!byPassword.has(u.password)) byPassword.set(u.password, hashPassword(u.password));
  const hashes = await Promise.all(list.map((u) => byPassword.get(u.password)!));
  const out = await db
    .insert(users)
    .values(
      list.map((u, i) => ({
        regionId,
        username: u.username,
        fullName: u.fullName,
        passwordHash: hashes[i],
        civilServantId: u.civilServantId ?? null,
        active: u.active ?? true,
      })),
    )
    .returning({ id: users.id, username: users.username });
  const ids = new Map(out.map((o) => [o.username, o.id]));
  const grants = list.flatMap((u) =>
    u.roles.map((r) => ({
      regionId,
      userId: ids.get(u.username)!,
      role: r.role,
      workUnitId: r.workUnitId ?? null,
    })),
  );
  if (grants.length) await db.insert(userRoles).values(grants);
  return ids;
}

export interface MissionSeed {
  number: number;
  title: string;
  goals: { title: string; targets: string[] }[];
}

export async function insertMissions(
  db: DbOrTx,
  regionId: string,
  termStart: number,
  list: MissionSeed[],
): Promise<Map<number, string>> {
  const ids = new Map<number, string>();
  for (const m of list) {
    const [mission] = await db
      .insert(missions)
      .values({ regionId, termStart, termEnd: termStart + 4, number: m.number, title: m.title })
      .returning({ id: missions.id });
    ids.set(m.number, mission.id);
    for (const [gi, g] of m.goals.entries()) {
      const [goal] = await db
        .insert(missionGoals)
        .values({ regionId, missionId: mission.id, number: gi + 1, title: g.title })
        .returning({ id: missionGoals.id });
      if (g.targets.length) {
        await db
          .insert(missionTargets)
          .values(g.targets.map((t, ti) => ({ regionId, goalId: goal.id, number: ti + 1, title: t })));
      }
    }
  }
  return ids;
}

export interface CycleSeed {
  name: string;
  startYear: number;
  phases: Record<
    | 'draftingStart'
    | 'submissionDeadline'
    | 'sessionsStart'
    | 'sessionsEnd'
    | 'negotiationDeadline'
    | 'signingDeadline',
    string
  >;
  rubric: readonly { code: string; name: string; weight: number }[];
  budgetCeilings: { year: number; amount: number }[];
  themes: {
    missionId: string;
    name: string;
    description: string;
    outcomeIndicatorName: string;
    outcomeIndicatorUnit: string;
    outcomePolarity: string;
  }[];
}

export async function insertCycle(db: DbOrTx, regionId: string, c: CycleSeed): Promise<string> {
  return (await insertCycleWithThemes(db, regionId, c)).id;
}

/** Like {@link insertCycle}, with the ids of the themes (and their missions) by theme name. */
export async function insertCycleWithThemes(
  db: DbOrTx,
  regionId: string,
  c: CycleSeed,
): Promise<{ id: string; themes: Map<string, { id: string; missionId: string }> }> {
  const [row] = await db
    .insert(cycles)
    .values({
      regionId,
      name: c.name,
      startYear: c.startYear,
      endYear: c.startYear + 4,
      phases: c.phases,
      rubric: c.rubric,
      budgetCeilings: c.budgetCeilings,
    })
    .returning({ id: cycles.id });
  const out = c.themes.length
    ? await db
        .insert(themes)
        .values(c.themes.map((t) => ({ ...t, regionId, cycleId: row.id })))
        .returning({ id: themes.id, name: themes.name, missionId: themes.missionId })
    : [];
  return { id: row.id, themes: new Map(out.map((t) => [t.name, { id: t.id, missionId: t.missionId }])) };
}
