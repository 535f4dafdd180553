import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Role } from '../../../contract/common.js';
import type {
  createUserBody,
  updateUserBody,
  User,
  userListQuery,
  userRoleInput,
} from '../../../contract/users.js';
import type { Config } from '../../config.js';
import type { Database, Tx } from '../../db/client.js';
import { civilServants, userRoles, users, workUnits } from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { likePattern, offsetOf } from '../../platform/listing.js';
import { hashPassword, isCommonPassword } from '../../platform/passwords.js';
import type { Actor } from '../../platform/policy.js';
import { deleteUserSessions } from '../../platform/sessions.js';
import { updateVersioned } from '../../platform/versioning.js';

async function rolesOf(db: Database['db'] | Tx, regionId: string, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, User['roles']>();
  const rows = await db
    .select({
      userId: userRoles.userId,
      role: userRoles.role,
      workUnitId: userRoles.workUnitId,
      workUnitName: workUnits.name,
    })
    .from(userRoles)
    .leftJoin(
      workUnits,
      and(eq(workUnits.regionId, userRoles.regionId), eq(workUnits.id, userRoles.workUnitId)),
    )
    .where(and(eq(userRoles.regionId, regionId), inArray(userRoles.userId, userIds)))
    .orderBy(asc(userRoles.role));
  const map = new Map<string, User['roles']>();
  for (const r of rows) {
    const list = map.get(r.userId) ?? [];
    list.push({ role: r.role as Role, workUnitId: r.workUnitId, workUnitName: r.workUnitName });
    map.set(r.userId, list);
  }
  return map;
}

type UserRow = typeof users.$inferSelect;
function toDto(u: UserRow, roles: User['roles']): User {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    civilServantId: u.civilServantId,
    active: u.active,
    roles,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    version: u.version,
  };
}

export async function listUsers(database: Database, actor: Actor, q: z.infer<typeof userListQuery>) {
  const { db } = database;
  const where: (SQL | undefined)[] = [eq(users.regionId, actor.regionId)];
  if (q.q) where.push(or(ilike(users.username, likePattern(q.q)), ilike(users.fullName, likePattern(q.q))));
  if (q.active !== 'all') where.push(eq(users.active, q.active === 'true'));
  if (q.role) {
    where.push(
      sql`exists (select 1 from user_roles ur where ur.region_id = "users"."region_id" and ur.user_id = "users"."id" and ur.role = ${q.role})`,
    );
  }
  const cond = and(...where);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(users)
    .where(cond);
  const rows = await db
    .select()
    .from(users)
    .where(cond)
    .orderBy(asc(users.username))
    .limit(q.pageSize)
    .offset(offsetOf(q.page, q.pageSize));
  const roles = await rolesOf(
    db,
    actor.regionId,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((u) => toDto(u, roles.get(u.id) ?? [])),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getUser(db: Database['db'] | Tx, actor: Actor, id: string): Promise<User> {
  const [u] = await db
    .select()
    .from(users)
    .where(and(eq(users.regionId, actor.regionId), eq(users.id, id)));
  if (!u) throw new AppError('NOT_FOUND');
  const roles = await rolesOf(db, actor.regionId, [id]);
  return toDto(u, roles.get(id) ?? []);
}

function checkPassword(config: Config, password: string, path: string) {
  if (password.length < config.PASSWORD_MIN_LENGTH)
    throw fieldError(path, `Kata sandi minimal ${config.PASSWORD_MIN_LENGTH} karakter`);
  if (isCommonPassword(password))
    throw fieldError(path, 'Kata sandi ini terlalu umum; gunakan kalimat sandi yang lebih unik');
}

/** Unit-scoped grants must name an active unit of the caller's region. */
async function writeRoles(tx: Tx, actor: Actor, userId: string, roles: z.infer<typeof userRoleInput>[]) {
  const unitIds = [...new Set(roles.map((r) => r.workUnitId).filter((x): x is string => !!x))];
  if (unitIds.length) {
    const found = await tx
      .select({ id: workUnits.id })
      .from(workUnits)
      .where(
        and(
          eq(workUnits.regionId, actor.regionId),
          inArray(workUnits.id, unitIds),
          eq(workUnits.active, true),
        ),
      );
    const ok = new Set(found.map((f) => f.id));
    roles.forEach((r, i) => {
      if (r.workUnitId && !ok.has(r.workUnitId))
        throw fieldError(`roles.${i}.workUnitId`, 'Unit kerja tidak ditemukan atau nonaktif');
    });
  }
  await tx.delete(userRoles).where(and(eq(userRoles.regionId, actor.regionId), eq(userRoles.userId, userId)));
  await tx.insert(userRoles).values(
    roles.map((r) => ({
      regionId: actor.regionId,
      userId,
      role: r.role,
      workUnitId: r.workUnitId ?? null,
    })),
  );
}

async function checkCivilServant(tx: Tx, actor: Actor, id: string | null | undefined) {
  if (!id) return;
  const [cs] = await tx
    .select({ id: civilServants.id })
    .from(civilServants)
    .where(and(eq(civilServants.regionId, actor.regionId), eq(civilServants.id, id)));
  if (!cs) throw fieldError('civilServantId', 'ASN tidak ditemukan');
}

export async function createUser(
  database: Database,
  config: Config,
  actor: Actor,
  input: z.infer<typeof createUserBody>,
) {
  checkPassword(config, input.password, 'password');
  const passwordHash = await hashPassword(input.password);
  return database.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.regionId, actor.regionId), eq(users.username, input.username)));
    if (taken) throw fieldError('username', `Nama pengguna ${input.username} sudah dipakai`);
    await checkCivilServant(tx, actor, input.civilServantId);
    const [u] = await tx
      .insert(users)
      .values({
        regionId: actor.regionId,
        username: input.username,
        fullName: input.fullName,
        email: input.email ?? null,
        civilServantId: input.civilServantId ?? null,
        passwordHash,
      })
      .returning({ id: users.id });
    await writeRoles(tx, actor, u.id, input.roles);
    const dto = await getUser(tx, actor, u.id);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: u.id,
      summary: `Pengguna ${dto.username} dibuat`,
      after: dto,
    });
    return dto;
  });
}

export async function updateUser(
  database: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateUserBody>,
) {
  return database.db.transaction(async (tx) => {
    const before = await getUser(tx, actor, id);
    if (
      id === actor.userId &&
      !input.roles.some((r) => r.role === 'region_admin') &&
      before.roles.some((r) => r.role === 'region_admin')
    ) {
      throw fieldError('roles', 'Anda tidak dapat mencabut peran Admin Daerah dari akun sendiri');
    }
    await checkCivilServant(tx, actor, input.civilServantId);
    await updateVersioned(
      tx,
      users,
      { regionId: actor.regionId, id: id, version: input.version },
      { fullName: input.fullName, email: input.email ?? null, civilServantId: input.civilServantId ?? null },
    );
    await writeRoles(tx, actor, id, input.roles);
    const after = await getUser(tx, actor, id);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      summary: `Pengguna ${after.username} diubah`,
      before,
      after,
    });
    return after;
  });
}

export async function setUserActive(
  database: Database,
  actor: Actor,
  id: string,
  version: number,
  active: boolean,
) {
  if (id === actor.userId && !active)
    throw new AppError('CONFLICT', 'Anda tidak dapat menonaktifkan akun sendiri');
  return database.db.transaction(async (tx) => {
    await getUser(tx, actor, id);
    await updateVersioned(tx, users, { regionId: actor.regionId, id: id, version: version }, { active });
    // Deactivation ends every session at once (ASVS 7.4.2).
    const ended = active ? 0 : await deleteUserSessions(tx, actor.regionId, id);
    const after = await getUser(tx, actor, id);
    await appendAudit(tx, actor.regionId, actor, {
      action: active ? 'user.activate' : 'user.deactivate',
      entityType: 'user',
      entityId: id,
      summary: `Pengguna ${after.username} ${active ? 'diaktifkan' : `dinonaktifkan (${ended} sesi diakhiri)`}`,
      before: { active: !active },
      after: { active },
    });
    return after;
  });
}

export async function resetPassword(
  database: Database,
  config: Config,
  actor: Actor,
  id: string,
  newPassword: string,
  version: number,
) {
  checkPassword(config, newPassword, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  return database.db.transaction(async (tx) => {
    await getUser(tx, actor, id);
    await updateVersioned(
      tx,
      users,
      { regionId: actor.regionId, id: id, version: version },
      { passwordHash },
    );
    // A reset password must not leave an attacker's session alive; the admin's own stays.
    const ended = await deleteUserSessions(tx, actor.regionId, id);
    const after = await getUser(tx, actor, id);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: id,
      summary: `Kata sandi ${after.username} diatur ulang (${ended} sesi diakhiri)`,
    });
    return after;
  });
}
