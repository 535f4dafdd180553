/**
 * A logged-in API client for journey set-up that the journey itself does not name: the same requests
 * the web client makes (session cookie, CSRF header on writes, a same-site Origin), sent with fetch
 * from the test process to the running app.
 */
export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
}

/** The slug of the only (or first) region on the login page. */
export async function firstRegionSlug(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/public/regions`);
  if (!res.ok) throw new Error(`GET /api/public/regions: HTTP ${res.status}`);
  const regions = (await res.json()) as { slug: string }[];
  if (!regions[0]) throw new Error('no region to log in to');
  return regions[0].slug;
}

export async function apiLogin(baseUrl: string, username: string, password: string): Promise<ApiClient> {
  const regionSlug = await firstRegionSlug(baseUrl);
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', origin: baseUrl },
    body: JSON.stringify({ regionSlug, username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

  async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', cookie };
    if (method !== 'GET') {
      headers['x-csrf-token'] = csrfToken;
      headers.origin = baseUrl;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} as ${username}: HTTP ${r.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    put: (path, body) => send('PUT', path, body),
  };
}
