import { z } from 'zod';
import { idParams, okSchema, regionKinds, text, timezones, versionSchema } from './common.js';
import { route } from './route.js';

export const regionSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(regionKinds),
  timezone: z.enum(timezones),
  headTitle: z.string(),
  version: z.number().int(),
});
export type Region = z.infer<typeof regionSchema>;

export const updateRegionBody = z
  .object({
    name: text(120, 'Nama daerah'),
    kind: z.enum(regionKinds, { message: 'Jenis daerah harus provinsi, kabupaten atau kota' }),
    timezone: z.enum(timezones, { message: 'Zona waktu harus WIB, WITA atau WIT' }),
    headTitle: text(60, 'Sebutan kepala daerah'),
    version: versionSchema,
  })
  .strict();

export const targetSchema = z.object({
  id: z.uuid(),
  goalId: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  version: z.number().int(),
});
export const goalSchema = z.object({
  id: z.uuid(),
  missionId: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  version: z.number().int(),
  targets: z.array(targetSchema),
});
export const missionSchema = z.object({
  id: z.uuid(),
  termStart: z.number().int(),
  termEnd: z.number().int(),
  number: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  version: z.number().int(),
  goals: z.array(goalSchema),
});
export type Mission = z.infer<typeof missionSchema>;

const year = z
  .number({ message: 'Tahun wajib diisi' })
  .int('Tahun harus bilangan bulat')
  .min(2000, 'Tahun minimal 2000')
  .max(2100, 'Tahun maksimal 2100');
const number = z
  .number({ message: 'Nomor wajib diisi' })
  .int('Nomor harus bilangan bulat')
  .min(1, 'Nomor minimal 1')
  .max(99, 'Nomor maksimal 99');

export const missionBody = z
  .object({
    termStart: year,
    termEnd: year,
    number,
    title: text(500, 'Rumusan misi'),
    description: z.string().trim().max(4000, 'Uraian paling banyak 4000 karakter').nullable().optional(),
  })
  .strict()
  .refine((m) => m.termEnd >= m.termStart, {
    path: ['termEnd'],
    message: 'Tahun akhir periode tidak boleh sebelum tahun awal',
  })
  .refine((m) => m.termEnd - m.termStart <= 5, {
    path: ['termEnd'],
    message: 'Periode RPJMD paling lama 5 tahun',
  });
export const updateMissionBody = z
  .object({
    termStart: year,
    termEnd: year,
    number,
    title: text(500, 'Rumusan misi'),
    description: z.string().trim().max(4000, 'Uraian paling banyak 4000 karakter').nullable().optional(),
    version: versionSchema,
  })
  .strict()
  .refine((m) => m.termEnd >= m.termStart, {
    path: ['termEnd'],
    message: 'Tahun akhir periode tidak boleh sebelum tahun awal',
  });

export const goalBody = z.object({ number, title: text(500, 'Rumusan tujuan') }).strict();
export const updateGoalBody = z
  .object({ number, title: text(500, 'Rumusan tujuan'), version: versionSchema })
  .strict();
export const targetBody = z.object({ number, title: text(500, 'Rumusan sasaran') }).strict();
export const updateTargetBody = z
  .object({ number, title: text(500, 'Rumusan sasaran'), version: versionSchema })
  .strict();
export const deleteBody = z.object({ version: versionSchema }).strict();

export const regionRoutes = {
  getRegion: route({
    method: 'GET',
    path: '/api/region',
    summary: 'Profil daerah',
    tag: 'region',
    response: regionSchema,
  }),
  updateRegion: route({
    method: 'PUT',
    path: '/api/region',
    summary: 'Ubah profil daerah',
    tag: 'region',
    body: updateRegionBody,
    response: regionSchema,
  }),
  listMissions: route({
    method: 'GET',
    path: '/api/missions',
    summary: 'Misi, tujuan dan sasaran',
    tag: 'region',
    response: z.array(missionSchema),
  }),
  createMission: route({
    method: 'POST',
    path: '/api/missions',
    summary: 'Tambah misi',
    tag: 'region',
    body: missionBody,
    response: missionSchema,
    status: 201,
  }),
  updateMission: route({
    method: 'PUT',
    path: '/api/missions/:id',
    summary: 'Ubah misi',
    tag: 'region',
    params: idParams,
    body: updateMissionBody,
    response: missionSchema,
  }),
  deleteMission: route({
    method: 'DELETE',
    path: '/api/missions/:id',
    summary: 'Hapus misi',
    tag: 'region',
    params: idParams,
    body: deleteBody,
    response: okSchema,
  }),
  createGoal: route({
    method: 'POST',
    path: '/api/missions/:id/goals',
    summary: 'Tambah tujuan',
    tag: 'region',
    params: idParams,
    body: goalBody,
    response: goalSchema,
    status: 201,
  }),
  updateGoal: route({
    method: 'PUT',
    path: '/api/goals/:id',
    summary: 'Ubah tujuan',
    tag: 'region',
    params: idParams,
    body: updateGoalBody,
    response: goalSchema,
  }),
  deleteGoal: route({
    method: 'DELETE',
    path: '/api/goals/:id',
    summary: 'Hapus tujuan',
    tag: 'region',
    params: idParams,
    body: deleteBody,
    response: okSchema,
  }),
  createTarget: route({
    method: 'POST',
    path: '/api/goals/:id/targets',
    summary: 'Tambah sasaran',
    tag: 'region',
    params: idParams,
    body: targetBody,
    response: targetSchema,
    status: 201,
  }),
  updateTarget: route({
    method: 'PUT',
    path: '/api/targets/:id',
    summary: 'Ubah sasaran',
    tag: 'region',
    params: idParams,
    body: updateTargetBody,
    response: targetSchema,
  }),
  deleteTarget: route({
    method: 'DELETE',
    path: '/api/targets/:id',
    summary: 'Hapus sasaran',
    tag: 'region',
    params: idParams,
    body: deleteBody,
    response: okSchema,
  }),
};
