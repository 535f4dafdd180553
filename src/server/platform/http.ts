import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteDef } from '../../contract/route.js';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { AppError } from './errors.js';
import { allows, type Actor, type RoutePolicy } from './policy.js';
import { loadActor } from './sessions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function sessionCookieName(config: Config): string {
  // The __Host- prefix pins the cookie to this host and path / and requires Secure (HTTPS only).
  return isHttps(config) ? '__Host-lk_session' : 'lk_session';
}
export const isHttps = (config: Config) => config.PUBLIC_URL.startsWith('https:');

export function sessionCookieOptions(config: Config) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: isHttps(config),
    path: '/',
    maxAge: config.SESSION_ABSOLUTE_HOURS * 3600,
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A foreign Origin on a write is refused even before the token is checked (defence in depth). */
export function originAllowed(request: FastifyRequest, config: Config): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    const o = new URL(origin);
    // Scheme and host: under HTTPS an http:// origin of the same host is not the same site.
    if (o.origin === new URL(config.PUBLIC_URL).origin) return true;
    return !isHttps(config) && o.host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * The gate in front of every route: no policy, no entry (fail closed); authenticated routes need a
 * live session and a role the policy names; writes need the session's CSRF token and a same-site Origin.
 */
export function registerAuthGate(app: FastifyInstance, config: Config, database: Database) {
  app.decorateRequest('actor', null);
  const timeouts = { idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS };
  const cookieName = sessionCookieName(config);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const p = request.routeOptions.config?.policy;
    if (!p) {
      // Unmatched URLs go on to the not-found handler (JSON 404 under /api, the SPA elsewhere).
      if (request.is404) return;
      throw new AppError('NOT_FOUND');
    }
    const token = request.cookies?.[cookieName];
    if (token) request.actor = await loadActor(database.db, token, timeouts);
    if (p.kind === 'public') {
      if (!SAFE_METHODS.has(request.method) && !originAllowed(request, config))
        throw new AppError('CSRF_FAILED');
      return;
    }
    if (!request.actor) throw new AppError('UNAUTHENTICATED');
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (
        typeof sent !== 'string' ||
        !sameToken(sent, request.actor.csrfToken) ||
        !originAllowed(request, config)
      ) {
        throw new AppError('CSRF_FAILED');
      }
    }
    if (!allows(p, request.actor)) throw new AppError('FORBIDDEN');
  });
}

type Out<T> = T extends z.ZodTypeAny ? z.output<T> : undefined;
type PartsOf<D> =
  D extends RouteDef<infer P, infer Q, infer B, any>
    ? { params: Out<P>; query: Out<Q>; body: Out<B> }
    : never;

export interface RouteContext<D extends RouteDef<any, any, any, any>> {
  params: PartsOf<D>['params'];
  query: PartsOf<D>['query'];
  body: PartsOf<D>['body'];
  /** The caller; routes with an authenticated policy always have one. */
  actor: Actor;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** Registers a contract route with its policy; the handler returns the response body. */
export function defineRoute<D extends RouteDef<any, any, any, any>>(
  app: FastifyInstance,
  def: D,
  routePolicy: RoutePolicy,
  handler: (ctx: RouteContext<D>) => Promise<unknown>,
  options: { bodyLimit?: number; rateLimit?: { max: number; timeWindow: number } } = {},
) {
  const status = def.status ?? 200;
  const isText = (def.response as { def?: { type?: string } })?.def?.type === 'string';
  app.route({
    method: def.method,
    url: def.path,
    bodyLimit: options.bodyLimit,
    config: { policy: routePolicy, ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}) },
    schema: {
      summary: def.summary,
      tags: [def.tag],
      ...(def.params ? { params: def.params } : {}),
      ...(def.query ? { querystring: def.query } : {}),
      ...(def.body ? { body: def.body } : {}),
      ...(isText ? {} : { response: { [status]: def.response } }),
    },
    handler: async (request, reply) => {
      const ctx: RouteContext<D> = {
        params: request.params as never,
        query: request.query as never,
        body: request.body as never,
        get actor() {
          if (!request.actor) throw new AppError('UNAUTHENTICATED');
          return request.actor;
        },
        request,
        reply,
      };
      const result = await handler(ctx);
      if (reply.sent) return reply;
      reply.status(status);
      return result;
    },
  });
}
