import type { ErrorCode, FieldError } from '../../contract/common';
import type { BodyOf, ParamsOf, QueryOf, ResponseOf, RouteDef } from '../../contract/route';

/**
 * The one typed client of the API. Request and response types come from the route definitions in
 * src/contract, so the web never restates them. Responses are trusted (not parsed again): the server
 * serialises through the same zod schemas.
 */

/** Error answered by the API: `{ error: { code, message, fields? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
/** Remembers the token from the login or `/api/auth/me` answer; sent on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let onUnauthenticated: (() => void) | null = null;
/** Called on any 401 so the app can drop the session and show the login page. */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

type Opt<K extends string, T> = [T] extends [undefined] ? { [P in K]?: undefined } : { [P in K]: T };
/** `params` and `body` are required when the route declares them; `query` is always optional. */
export type CallOptions<D> = Opt<'params', ParamsOf<D>> & { query?: QueryOf<D> } & Opt<'body', BodyOf<D>> & {
    signal?: AbortSignal;
  };

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type CallArgs<D> = {} extends CallOptions<D> ? [opts?: CallOptions<D>] : [opts: CallOptions<D>];

/** Substitutes `:name` segments of a route path with URL-encoded values. */
export function buildPath(path: string, params?: Record<string, unknown>): string {
  return path.replace(/:([A-Za-z_]+)/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined || v === null) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(v));
  });
}

/** Serialises a query object, leaving out empty values. */
export function toQueryString(query?: Record<string, unknown>): string {
  if (!query) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    sp.append(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** Builds the full URL of a GET route, e.g. for download links. */
export function routeUrl<D extends RouteDef>(
  def: D,
  opts: { params?: ParamsOf<D>; query?: QueryOf<D> } = {},
): string {
  return (
    buildPath(def.path, opts.params as Record<string, unknown> | undefined) +
    toQueryString(opts.query as Record<string, unknown> | undefined)
  );
}

function errorFrom(status: number, body: unknown): ApiError {
  const e = (body as { error?: { code?: ErrorCode; message?: string; fields?: FieldError[] } } | null)?.error;
  if (e && typeof e.message === 'string')
    return new ApiError(status, e.code ?? 'INTERNAL', e.message, e.fields ?? []);
  return new ApiError(
    status,
    status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL',
    `Kesalahan server (HTTP ${status})`,
  );
}

function handleUnauthenticated(status: number, path: string): void {
  // The login and session probes answer 401 as a normal outcome; do not loop on them.
  if (status === 401 && path !== '/api/auth/login' && path !== '/api/auth/me') onUnauthenticated?.();
}

/** Calls one route of the contract; throws ApiError on a non-2xx answer. */
export async function call<D extends RouteDef>(def: D, ...args: CallArgs<D>): Promise<ResponseOf<D>> {
  const o = (args[0] ?? {}) as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
    signal?: AbortSignal;
  };
  const url = buildPath(def.path, o.params) + toQueryString(o.query);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (def.method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: string | undefined;
  if (o.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(o.body);
  }
  let res: Response;
  try {
    res = await fetch(url, {
      method: def.method,
      headers,
      body,
      credentials: 'same-origin',
      signal: o.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', 'Tidak dapat terhubung ke server');
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    const type = res.headers.get('content-type') ?? '';
    data = type.includes('json') ? safeJson(text) : text;
  }
  if (!res.ok) {
    handleUnauthenticated(res.status, def.path);
    throw errorFrom(res.status, data);
  }
  return data as ResponseOf<D>;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Uploads a file as multipart (field `file`) with XMLHttpRequest, because fetch cannot report
 * upload progress. `onProgress` receives a fraction 0..1; `query` goes into the query string.
 */
export function upload<D extends RouteDef>(
  def: D,
  params: ParamsOf<D>,
  file: File,
  onProgress: (fraction: number) => void,
  query?: QueryOf<D>,
): { promise: Promise<ResponseOf<D>>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<ResponseOf<D>>((resolve, reject) => {
    xhr.open(
      def.method,
      buildPath(def.path, params as Record<string, unknown>) +
        toQueryString(query as Record<string, unknown> | undefined),
    );
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const data = safeJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(data as ResponseOf<D>);
      } else {
        handleUnauthenticated(xhr.status, def.path);
        reject(errorFrom(xhr.status, data));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Tidak dapat terhubung ke server'));
    xhr.onabort = () => reject(new ApiError(0, 'NETWORK', 'Unggahan dibatalkan'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
