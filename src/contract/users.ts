import { z } from 'zod';
import { idParams, pageOf, pageQuery, roles, text, unitScopedRoles, versionSchema } from './common.js';
import { route } from './route.js';

export const userRoleInput = z
  .object({
    role: z.enum(roles, { message: 'Peran tidak dikenal' }),
    workUnitId: z.uuid({ message: 'Unit kerja tidak valid' }).nullable().optional(),
  })
  .strict();

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  civilServantId: z.uuid().nullable(),
  active: z.boolean(),
  roles: z.array(
    z.object({ role: z.enum(roles), workUnitId: z.uuid().nullable(), workUnitName: z.string().nullable() }),
  ),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

/** ASVS 5 / NIST 800-63B: length counts, composition rules do not. */
export const PASSWORD_MIN = 12;
export const passwordSchema = z
  .string({ message: 'Kata sandi wajib diisi' })
  .min(PASSWORD_MIN, `Kata sandi minimal ${PASSWORD_MIN} karakter`)
  .max(128, 'Kata sandi paling banyak 128 karakter');

const rolesField = z
  .array(userRoleInput)
  .min(1, 'Pilih minimal satu peran')
  .max(20)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((r, i) => {
      if (unitScopedRoles.includes(r.role) && !r.workUnitId) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'workUnitId'],
          message: 'Peran ini wajib dibatasi pada satu unit kerja',
        });
      }
      const key = `${r.role}:${r.workUnitId ?? ''}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'role'], message: 'Peran ganda' });
      seen.add(key);
    });
  });

const username = z
  .string({ message: 'Nama pengguna wajib diisi' })
  .trim()
  .toLowerCase()
  .min(3, 'Nama pengguna minimal 3 karakter')
  .max(64, 'Nama pengguna paling banyak 64 karakter')
  .regex(
    /^[a-z0-9._-]+$/,
    'Nama pengguna hanya boleh huruf kecil, angka, titik, garis bawah dan tanda hubung',
  );

export const createUserBody = z
  .object({
    username,
    fullName: text(150, 'Nama lengkap'),
    email: z.email({ message: 'Alamat email tidak valid' }).max(200).nullable().optional(),
    civilServantId: z.uuid().nullable().optional(),
    password: passwordSchema,
    roles: rolesField,
  })
  .strict();

export const updateUserBody = z
  .object({
    fullName: text(150, 'Nama lengkap'),
    email: z.email({ message: 'Alamat email tidak valid' }).max(200).nullable().optional(),
    civilServantId: z.uuid().nullable().optional(),
    roles: rolesField,
    version: versionSchema,
  })
  .strict();

export const resetPasswordBody = z.object({ newPassword: passwordSchema, version: versionSchema }).strict();
export const userVersionBody = z.object({ version: versionSchema }).strict();

export const userListQuery = pageQuery.extend({
  role: z.enum(roles).optional(),
  active: z.enum(['true', 'false', 'all']).default('all'),
});

export const userRoutes = {
  list: route({
    method: 'GET',
    path: '/api/users',
    summary: 'Daftar pengguna',
    tag: 'users',
    query: userListQuery,
    response: pageOf(userSchema),
  }),
  get: route({
    method: 'GET',
    path: '/api/users/:id',
    summary: 'Detail pengguna',
    tag: 'users',
    params: idParams,
    response: userSchema,
  }),
  create: route({
    method: 'POST',
    path: '/api/users',
    summary: 'Tambah pengguna',
    tag: 'users',
    body: createUserBody,
    response: userSchema,
    status: 201,
  }),
  update: route({
    method: 'PUT',
    path: '/api/users/:id',
    summary: 'Ubah pengguna dan perannya',
    tag: 'users',
    params: idParams,
    body: updateUserBody,
    response: userSchema,
  }),
  deactivate: route({
    method: 'POST',
    path: '/api/users/:id/deactivate',
    summary: 'Nonaktifkan pengguna (mengakhiri sesinya)',
    tag: 'users',
    params: idParams,
    body: userVersionBody,
    response: userSchema,
  }),
  activate: route({
    method: 'POST',
    path: '/api/users/:id/activate',
    summary: 'Aktifkan pengguna',
    tag: 'users',
    params: idParams,
    body: userVersionBody,
    response: userSchema,
  }),
  resetPassword: route({
    method: 'POST',
    path: '/api/users/:id/reset-password',
    summary: 'Atur ulang kata sandi',
    tag: 'users',
    params: idParams,
    body: resetPasswordBody,
    response: userSchema,
  }),
};
