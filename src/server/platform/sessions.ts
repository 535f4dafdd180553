import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { Role } from '../../contract/common.js';
import type { DbOrTx } from '../db/client.js';
import { sessions, userRoles, users } from '../db/schema.js';
import type { Actor } from './policy.js';

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/** Creates a session with a fresh id (never reuses one from before login) and returns the cookie token. */
export async function createSession(
  db: DbOrTx,
  input: { regionId: string; userId: string; ip?: string; userAgent?: string },
  t: SessionTimeouts,
  now = new Date(),
): Promise<{ token: string; csrfToken: string; id: string }> {
  const token = newToken();
  const csrfToken = newToken();
  const id = hashToken(token);
  await db.insert(sessions).values({
    regionId: input.regionId,
    id,
    userId: input.userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: new Date(now.getTime() + t.idleMinutes * 60_000),
    absoluteExpiresAt: new Date(now.getTime() + t.absoluteHours * 3_600_000),
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, id };
}

/** Loads the actor of a cookie token, or null when the session is unknown, expired or the user inactive. */
export async function loadActor(
  db: DbOrTx,
  token: string,
  t: SessionTimeouts,
  now = new Date(),
): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  const id = hashToken(token);
  const [row] = await db
    .select({
      regionId: sessions.regionId,
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      username: users.username,
      fullName: users.fullName,
      // The grants in the same statement: one round trip for every authenticated request.
      roles: sql<{ role: string; workUnitId: string | null }[]>`coalesce((
        select json_agg(json_build_object('role', ${userRoles.role}, 'workUnitId', ${userRoles.workUnitId}))
        from ${userRoles}
        where ${userRoles.regionId} = ${sessions.regionId} and ${userRoles.userId} = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.regionId, sessions.regionId), eq(users.id, sessions.userId)))
    .where(
      and(
        eq(sessions.id, id),
        gt(sessions.idleExpiresAt, now),
        gt(sessions.absoluteExpiresAt, now),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!row) return null;
  const grants = typeof row.roles === 'string' ? (JSON.parse(row.roles) as typeof row.roles) : row.roles;
  // Sliding idle timeout; written at most once a minute to keep reads cheap.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, idleExpiresAt: new Date(now.getTime() + t.idleMinutes * 60_000) })
      .where(and(eq(sessions.regionId, row.regionId), eq(sessions.id, id)));
  }
  return {
    userId: row.userId,
    regionId: row.regionId,
    username: row.username,
    fullName: row.fullName,
    sessionId: id,
    csrfToken: row.csrfToken,
    roles: grants.map((g) => ({ role: g.role as Role, workUnitId: g.workUnitId })),
  };
}

export async function deleteSession(db: DbOrTx, regionId: string, id: string) {
  await db.delete(sessions).where(and(eq(sessions.regionId, regionId), eq(sessions.id, id)));
}

/** Ends every session of a user (deactivation, password reset). */
export async function deleteUserSessions(db: DbOrTx, regionId: string, userId: string): Promise<number> {
  const r = await db
    .delete(sessions)
    .where(and(eq(sessions.regionId, regionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return r.length;
}

export async function purgeExpiredSessions(db: DbOrTx, now = new Date()) {
  await db.delete(sessions).where(or(lt(sessions.idleExpiresAt, now), lt(sessions.absoluteExpiresAt, now)));
}
