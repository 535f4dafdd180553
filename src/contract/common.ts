import { z } from 'zod';

/**
 * Shared building blocks of the API contract. Every write body is `.strict()` so that fields the
 * caller may not set (status, regionId, approvedBy ...) answer 400 instead of being ignored.
 */

/** The closed set of error codes; each maps to one HTTP status in src/server/platform/errors.ts. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'CSRF_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'VERSION_CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'LOCKED_OUT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const fieldErrorSchema = z.object({
  /** Dotted path of the field, e.g. `roles.0.workUnitId`. */
  path: z.string(),
  /** Message in Bahasa Indonesia, ready to show. */
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    fields: z.array(fieldErrorSchema).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const idSchema = z.uuid({ message: 'ID tidak valid' });
export const idParams = z.object({ id: idSchema });

export const versionSchema = z.number().int().min(1);

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const okSchema = z.object({ ok: z.literal(true) });

/** A non-empty trimmed text with a maximum length. */
export function text(max: number, label = 'Isian') {
  return z
    .string({ message: `${label} wajib diisi` })
    .trim()
    .min(1, `${label} wajib diisi`)
    .max(max, `${label} paling banyak ${max} karakter`);
}

export const roles = [
  'region_admin',
  'head_of_region',
  'panelist',
  'opd_head',
  'opd_operator',
  'verifier',
  'hr_officer',
  'asn',
  'national_viewer',
] as const;
export type Role = (typeof roles)[number];
/** Roles whose grant must name a work unit (domain.md section 2). */
export const unitScopedRoles: readonly Role[] = ['opd_head', 'opd_operator'];

export const regionKinds = ['provinsi', 'kabupaten', 'kota'] as const;
export const timezones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export const workUnitKinds = [
  'dinas',
  'badan',
  'kecamatan',
  'bagian',
  'inspektorat',
  'sekretariat',
  'kantor',
  'lainnya',
] as const;
export const employmentTypes = ['PNS', 'PPPK'] as const;
export const sexes = ['male', 'female'] as const;
