import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { loginBody, Me } from '../../../contract/auth.js';
import type { Role } from '../../../contract/common.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { loginThrottles, regions, userRoles, users, workUnits } from '../../db/schema.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { dummyVerify, verifyPassword } from '../../platform/passwords.js';
import type { Actor } from '../../platform/policy.js';
import { createSession, deleteSession } from '../../platform/sessions.js';
import { lockoutDecision } from './auth.domain.js';

/** The same answer for an unknown user, a wrong password and an inactive account. */
const BAD_CREDENTIALS = 'Nama pengguna atau kata sandi salah';

export async function login(
  database: Database,
  config: Config,
  input: z.infer<typeof loginBody>,
  meta: { ip?: string; userAgent?: string },
  now = new Date(),
) {
  const { db } = database;
  const username = input.username.toLowerCase();
  const [region] = await db.select().from(regions).where(eq(regions.slug, input.regionSlug));
  if (!region) {
    await dummyVerify(input.password);
    throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  const [throttle] = await db
    .select()
    .from(loginThrottles)
    .where(and(eq(loginThrottles.regionId, region.id), eq(loginThrottles.username, username)));
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    // Locked names answer the same whether or not the account exists.
    throw new AppError('LOCKED_OUT');
  }
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.regionId, region.id), eq(users.username, username)));
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await dummyVerify(input.password);
  if (!ok || !user || !user.active) {
    const rules = { maxFailures: config.LOGIN_MAX_FAILURES, lockoutMinutes: config.LOGIN_LOCKOUT_MINUTES };
    const key = and(eq(loginThrottles.regionId, region.id), eq(loginThrottles.username, username));
    const lockedUntil = await db.transaction(async (tx) => {
      // Counted on a fresh read under a row lock: parallel guesses are each counted, none is lost.
      await tx
        .insert(loginThrottles)
        .values({ regionId: region.id, username, failures: 0, windowStartedAt: now })
        .onConflictDoNothing();
      const [current] = await tx.select().from(loginThrottles).where(key).for('update');
      const locked = current.lockedUntil && current.lockedUntil > now ? current.lockedUntil : null;
      const decision = locked ? null : lockoutDecision(current, rules, now);
      if (decision) await tx.update(loginThrottles).set(decision).where(key);
      const until = locked ?? decision?.lockedUntil ?? null;
      await appendAudit(
        tx,
        region.id,
        null,
        {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          summary: `Percobaan masuk gagal untuk "${username}"${until ? ' (dikunci sementara)' : ''}`,
          after: { ip: meta.ip ?? null },
        },
        now,
      );
      return until;
    });
    if (lockedUntil) throw new AppError('LOCKED_OUT');
    throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  return db.transaction(async (tx) => {
    if (throttle) {
      await tx
        .delete(loginThrottles)
        .where(and(eq(loginThrottles.regionId, region.id), eq(loginThrottles.username, username)));
    }
    const session = await createSession(
      tx,
      { regionId: region.id, userId: user.id, ip: meta.ip, userAgent: meta.userAgent },
      { idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS },
      now,
    );
    await tx
      .update(users)
      .set({ lastLoginAt: now })
      .where(and(eq(users.regionId, region.id), eq(users.id, user.id)));
    await appendAudit(
      tx,
      region.id,
      { userId: user.id, fullName: user.fullName },
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        summary: `${user.fullName} masuk`,
        after: { ip: meta.ip ?? null },
      },
      now,
    );
    return session;
  });
}

export async function logout(database: Database, actor: Actor) {
  await database.db.transaction(async (tx) => {
    await deleteSession(tx, actor.regionId, actor.sessionId);
    await appendAudit(tx, actor.regionId, actor, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: actor.userId,
      summary: `${actor.fullName} keluar`,
    });
  });
}

export async function me(database: Database, actor: Actor): Promise<Me> {
  const { db } = database;
  const [row] = await db
    .select({
      locale: users.locale,
      region: { id: regions.id, slug: regions.slug, name: regions.name, timezone: regions.timezone },
    })
    .from(users)
    .innerJoin(regions, eq(regions.id, users.regionId))
    .where(and(eq(users.regionId, actor.regionId), eq(users.id, actor.userId)));
  const grants = await db
    .select({ role: userRoles.role, workUnitId: userRoles.workUnitId, workUnitName: workUnits.name })
    .from(userRoles)
    .leftJoin(
      workUnits,
      and(eq(workUnits.regionId, userRoles.regionId), eq(workUnits.id, userRoles.workUnitId)),
    )
    .where(and(eq(userRoles.regionId, actor.regionId), eq(userRoles.userId, actor.userId)))
    .orderBy(userRoles.role);
  return {
    id: actor.userId,
    username: actor.username,
    fullName: actor.fullName,
    locale: row.locale === 'en' ? 'en' : 'id',
    region: row.region,
    roles: grants.map((g) => ({
      role: g.role as Role,
      workUnitId: g.workUnitId,
      workUnitName: g.workUnitName,
    })),
  };
}

export async function setLocale(database: Database, actor: Actor, locale: 'id' | 'en') {
  await database.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ locale, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(and(eq(users.regionId, actor.regionId), eq(users.id, actor.userId)));
    await appendAudit(tx, actor.regionId, actor, {
      action: 'user.locale',
      entityType: 'user',
      entityId: actor.userId,
      summary: `Bahasa tampilan diubah ke ${locale}`,
      after: { locale },
    });
  });
}

export async function publicRegions(database: Database) {
  return database.db.select({ slug: regions.slug, name: regions.name }).from(regions).orderBy(regions.name);
}
