import type { FastifyInstance } from 'fastify';
import { authRoutes } from '../../../contract/auth.js';
import type { AppContext } from '../../app.js';
import { defineRoute, sessionCookieName, sessionCookieOptions } from '../../platform/http.js';
import { policy } from '../../platform/policy.js';
import { loadActor } from '../../platform/sessions.js';
import { login, logout, me, publicRegions, setLocale } from './auth.service.js';

export async function authModule(app: FastifyInstance, { database, config }: AppContext) {
  const cookie = sessionCookieName(config);
  const timeouts = { idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS };

  defineRoute(app, authRoutes.publicRegions, policy.public('login page lists the regions'), () =>
    publicRegions(database),
  );

  defineRoute(
    app,
    authRoutes.login,
    policy.public('logging in'),
    async ({ body, request, reply }) => {
      const session = await login(database, config, body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      reply.setCookie(cookie, session.token, sessionCookieOptions(config));
      const actor = await loadActor(database.db, session.token, timeouts);
      return { user: await me(database, actor!), csrfToken: session.csrfToken };
    },
    { rateLimit: { max: config.LOGIN_RATE_PER_MINUTE, timeWindow: 60_000 } },
  );

  defineRoute(app, authRoutes.logout, policy.anyUser(), async ({ actor, reply }) => {
    await logout(database, actor);
    // The same attributes as when set: a browser ignores a __Host- cookie without Secure and Path=/.
    reply.clearCookie(cookie, sessionCookieOptions(config));
    return { ok: true as const };
  });

  defineRoute(app, authRoutes.me, policy.anyUser(), async ({ actor }) => ({
    user: await me(database, actor),
    csrfToken: actor.csrfToken,
  }));

  defineRoute(app, authRoutes.setLocale, policy.anyUser(), async ({ actor, body }) => {
    await setLocale(database, actor, body.locale);
    return { ok: true as const };
  });
}
