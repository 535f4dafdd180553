import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { attendanceModule } from './modules/attendance/attendance.routes.js';
import { disciplineModule } from './modules/discipline/discipline.routes.js';
import { auditModule } from './modules/audit/audit.routes.js';
import { authModule } from './modules/auth/auth.routes.js';
import { agreementsModule } from './modules/auction/agreements.routes.js';
import { monitoringModule } from './modules/monitoring/monitoring.routes.js';
import { boardModule } from './modules/auction/board.routes.js';
import { cyclesModule } from './modules/auction/cycles.routes.js';
import { proposalsModule } from './modules/auction/proposals.routes.js';
import { scoringModule } from './modules/auction/scoring.routes.js';
import { sessionsModule } from './modules/auction/sessions.routes.js';
import { civilServantsModule } from './modules/civil-servants/civil-servants.routes.js';
import { healthModule } from './modules/health/health.routes.js';
import { importsModule } from './modules/imports/imports.routes.js';
import { regionModule } from './modules/region/region.routes.js';
import { usersModule } from './modules/users/users.routes.js';
import { workUnitsModule } from './modules/work-units/work-units.routes.js';
import { body, registerErrorHandler } from './platform/errors.js';
import { isHttps, registerAuthGate } from './platform/http.js';
import { policy } from './platform/policy.js';
import { redactPaths, requestSerializers } from './platform/logging.js';

// Validation messages of the zod built-ins in Bahasa Indonesia; our own schemas carry their own.
z.config(z.locales.id());

export interface AppContext {
  database: Database;
  config: Config;
  /** Sees every route as registered, after its policy is settled (the route-enumeration test uses it). */
  onRoute?: (route: RouteOptions) => void;
}

/** Builds the whole application without listening, so tests can drive it with app.inject. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const { config } = ctx;
  const app = Fastify({
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.LOG_LEVEL,
            redact: { paths: redactPaths, censor: '[disembunyikan]' },
            serializers: requestSerializers,
          },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Static files and the API docs are public by nature; everything else must name its policy.
  app.addHook('onRoute', (route) => {
    if (!route.config?.policy) {
      if (route.url.startsWith('/api/docs'))
        route.config = { ...route.config, policy: policy.public('API documentation') };
      else if (!route.url.startsWith('/api'))
        route.config = { ...route.config, policy: policy.public('web application files') };
    }
    ctx.onRoute?.(route);
  });

  registerErrorHandler(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes its CSS variables into a <style> element at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(isHttps(config) ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: isHttps(config) ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => ({ statusCode: 429, ...body('RATE_LIMITED') }),
  });
  await app.register(multipart, {
    limits: { fileSize: config.UPLOAD_MAX_MB * 1024 * 1024, files: 1, fields: 10 },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Lelang Kinerja API', version: '0.1.0', description: 'API platform Lelang Kinerja' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lk_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAuthGate(app, config, ctx.database);

  app.get(
    '/api/openapi.json',
    { config: { policy: policy.public('API description') }, schema: { hide: true } },
    async () => app.swagger(),
  );

  await app.register(healthModule, ctx);
  await app.register(authModule, ctx);
  await app.register(regionModule, ctx);
  await app.register(workUnitsModule, ctx);
  await app.register(civilServantsModule, ctx);
  await app.register(importsModule, ctx);
  await app.register(usersModule, ctx);
  await app.register(auditModule, ctx);
  await app.register(cyclesModule, ctx);
  await app.register(proposalsModule, ctx);
  await app.register(sessionsModule, ctx);
  await app.register(scoringModule, ctx);
  await app.register(boardModule, ctx);
  await app.register(agreementsModule, ctx);
  await app.register(monitoringModule, ctx);
  await app.register(attendanceModule, ctx);
  await app.register(disciplineModule, ctx);

  const webDir = path.resolve(config.WEB_DIST_DIR);
  const hasWeb = existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const isFile = /\.[A-Za-z0-9]+$/.test(request.url.split('?')[0]);
    if (request.url.startsWith('/api') || request.method !== 'GET' || !hasWeb || isFile) {
      return reply.status(404).send(body('NOT_FOUND', 'Alamat tidak ditemukan'));
    }
    // Client-side routes of the single-page app.
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
