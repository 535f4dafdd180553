import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupWorld, type World } from '../support/harness.js';

let w: World;
beforeAll(async () => {
  w = await setupWorld();
});
afterAll(() => w.close());

describe('health and the API description', () => {
  it('answers 200 with the engine and status', async () => {
    const res = await w.anonymous().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: { engine: w.database.engine, status: 'up' },
      version: '0.1.0',
    });
    expect(w.database.engine).toBe(process.env.TEST_ENGINE);
  });

  it('serves the OpenAPI document with the contract routes', async () => {
    const res = await w.anonymous().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/work-units', '/api/civil-servants/{id}', '/api/auth/login']),
    );
  });

  it('sends security headers with a strict CSP', async () => {
    const res = await w.anonymous().get('/api/health');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers an unknown API path with the JSON error shape', async () => {
    const res = await w.anonymous().get('/api/tidak-ada');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
