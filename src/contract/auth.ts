import { z } from 'zod';
import { okSchema, roles } from './common.js';
import { route } from './route.js';

export const roleGrantSchema = z.object({
  role: z.enum(roles),
  workUnitId: z.uuid().nullable(),
  workUnitName: z.string().nullable(),
});

export const meSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  locale: z.enum(['id', 'en']),
  region: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), timezone: z.string() }),
  roles: z.array(roleGrantSchema),
});
export type Me = z.infer<typeof meSchema>;

export const sessionSchema = z.object({ user: meSchema, csrfToken: z.string() });

export const loginBody = z
  .object({
    regionSlug: z.string().trim().min(1, 'Pilih pemerintah daerah').max(64),
    username: z.string().trim().min(1, 'Nama pengguna wajib diisi').max(64),
    password: z.string().min(1, 'Kata sandi wajib diisi').max(1024),
  })
  .strict();

export const publicRegionSchema = z.object({ slug: z.string(), name: z.string() });

export const changeLocaleBody = z.object({ locale: z.enum(['id', 'en']) }).strict();

export const authRoutes = {
  publicRegions: route({
    method: 'GET',
    path: '/api/public/regions',
    summary: 'Daftar pemerintah daerah untuk halaman masuk',
    tag: 'auth',
    response: z.array(publicRegionSchema),
  }),
  login: route({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Masuk',
    tag: 'auth',
    body: loginBody,
    response: sessionSchema,
  }),
  logout: route({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Keluar',
    tag: 'auth',
    response: okSchema,
  }),
  me: route({
    method: 'GET',
    path: '/api/auth/me',
    summary: 'Sesi saat ini',
    tag: 'auth',
    response: sessionSchema,
  }),
  setLocale: route({
    method: 'PUT',
    path: '/api/auth/locale',
    summary: 'Ubah bahasa tampilan',
    tag: 'auth',
    body: changeLocaleBody,
    response: okSchema,
  }),
};
