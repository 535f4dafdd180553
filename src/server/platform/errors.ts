import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError, type z } from 'zod';
import type { ErrorBody, ErrorCode, FieldError } from '../../contract/common.js';

/** The one HTTP status of each error code. */
export const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  LOCKED_OUT: 429,
  INTERNAL: 500,
};

const defaultMessage: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Isian tidak valid',
  UNAUTHENTICATED: 'Silakan masuk terlebih dahulu',
  CSRF_FAILED: 'Permintaan ditolak (token keamanan tidak valid). Muat ulang halaman.',
  FORBIDDEN: 'Anda tidak berwenang melakukan tindakan ini',
  NOT_FOUND: 'Data tidak ditemukan',
  CONFLICT: 'Data bertentangan dengan data yang sudah ada',
  VERSION_CONFLICT: 'Data telah diubah oleh pengguna lain. Muat ulang lalu coba lagi.',
  PAYLOAD_TOO_LARGE: 'Berkas atau isian terlalu besar',
  UNSUPPORTED_MEDIA_TYPE: 'Jenis isi permintaan tidak didukung',
  RATE_LIMITED: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.',
  LOCKED_OUT: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi nanti.',
  INTERNAL: 'Terjadi kesalahan pada server. Silakan coba lagi.',
};

/** The only error type the application throws on purpose. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: FieldError[],
  ) {
    super(message ?? defaultMessage[code]);
    this.status = statusOf[code];
  }
}

export const notFound = (message?: string) => new AppError('NOT_FOUND', message);
export const validation = (fields: FieldError[], message?: string) =>
  new AppError(
    'VALIDATION_FAILED',
    message ?? fields[0]?.message ?? defaultMessage.VALIDATION_FAILED,
    fields,
  );
export const fieldError = (path: string, message: string) => validation([{ path, message }]);

export function zodFields(issues: readonly z.core.$ZodIssue[], prefix?: string): FieldError[] {
  return issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
  }));
}

export function body(code: ErrorCode, message?: string, fields?: FieldError[]): ErrorBody {
  return { error: { code, message: message ?? defaultMessage[code], ...(fields?.length ? { fields } : {}) } };
}

/** PostgreSQL error codes that are the caller's fault, not the server's. */
function pgError(err: unknown): AppError | null {
  // Drizzle wraps driver errors (DrizzleQueryError); the SQLSTATE is on the cause.
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : e?.cause?.code;
  if (code === '23505') return new AppError('CONFLICT', 'Data dengan kunci yang sama sudah ada');
  if (code === '23503') return new AppError('CONFLICT', 'Data yang dirujuk tidak ada atau masih dipakai');
  if (
    code === '22P02' ||
    code === '22007' ||
    code === '22008' ||
    code === '22003' ||
    code === '22021' ||
    code === '22P05'
  ) {
    return new AppError('VALIDATION_FAILED', 'Format nilai tidak valid');
  }
  return null;
}

/** One error handler: every error leaves as `{ error: { code, message, fields? } }`. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(body(err.code, err.message, err.fields));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const part = (err as { validationContext?: string }).validationContext;
      const fields = err.validation.flatMap((v) => {
        const base = [
          part === 'body' ? undefined : part,
          ...(v.instancePath || '').split('/').filter(Boolean),
        ];
        // `.strict()` bodies: name each field the caller may not send (status, regionId, ...).
        const keys = (v.params as { keys?: unknown })?.keys;
        if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
          return keys.map((k) => ({
            path: [...base, String(k)].filter(Boolean).join('.'),
            message: `Isian "${String(k)}" tidak dikenal atau tidak boleh diubah`,
          }));
        }
        return [{ path: base.filter(Boolean).join('.'), message: v.message ?? 'Isian tidak valid' }];
      });
      return reply.status(400).send(body('VALIDATION_FAILED', fields[0]?.message, fields));
    }
    if (err instanceof ZodError) {
      const fields = zodFields(err.issues);
      return reply.status(400).send(body('VALIDATION_FAILED', fields[0]?.message, fields));
    }
    const code = err.code;
    if (
      code === 'FST_ERR_CTP_BODY_TOO_LARGE' ||
      code === 'FST_REQ_FILE_TOO_LARGE' ||
      err.statusCode === 413
    ) {
      return reply.status(413).send(body('PAYLOAD_TOO_LARGE'));
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415) {
      return reply.status(415).send(body('UNSUPPORTED_MEDIA_TYPE'));
    }
    if (
      code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      err instanceof SyntaxError
    ) {
      return reply.status(400).send(body('VALIDATION_FAILED', 'Isi permintaan bukan JSON yang valid'));
    }
    if (err.statusCode === 429) return reply.status(429).send(body('RATE_LIMITED'));
    const pgErr = pgError(err);
    if (pgErr) return reply.status(pgErr.status).send(body(pgErr.code, pgErr.message));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(400).send(body('VALIDATION_FAILED', 'Permintaan tidak valid'));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL'));
  });
}
