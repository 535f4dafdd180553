import { z } from 'zod';
import { idParams, text, versionSchema } from './common.js';
import { proposalStatuses } from './proposals.js';
import { route } from './route.js';

export const sessionStatuses = ['scheduled', 'in_progress', 'closed', 'cancelled'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

export const auctionSessionSchema = z.object({
  id: z.uuid(),
  cycleId: z.uuid(),
  title: z.string(),
  date: z.string(),
  place: z.string(),
  chair: z.object({ userId: z.uuid(), fullName: z.string() }).nullable(),
  panel: z.array(z.object({ userId: z.uuid(), fullName: z.string() })),
  agenda: z.array(
    z.object({
      position: z.number().int(),
      proposalId: z.uuid(),
      title: z.string(),
      leadUnitName: z.string(),
      status: z.enum(proposalStatuses),
    }),
  ),
  status: z.enum(sessionStatuses),
  cancelReason: z.string().nullable(),
  /** What the caller may do now. */
  can: z.object({ edit: z.boolean(), open: z.boolean(), cancel: z.boolean() }),
  version: z.number().int(),
});
export type AuctionSession = z.infer<typeof auctionSessionSchema>;

const fields = {
  cycleId: z.uuid({ message: 'Siklus wajib dipilih' }),
  title: text(200, 'Nama sidang'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Format tanggal harus YYYY-MM-DD'),
  place: text(200, 'Tempat'),
  chairUserId: z.uuid({ message: 'Ketua sidang tidak valid' }).nullable().optional(),
  panelUserIds: z
    .array(z.uuid({ message: 'Panelis tidak valid' }))
    .min(1, 'Pilih minimal satu panelis')
    .max(30, 'Paling banyak 30 panelis'),
  /** The agenda in presentation order. Proposals must be submitted; once on an agenda they stay. */
  proposalIds: z
    .array(z.uuid({ message: 'Usulan tidak valid' }))
    .max(100, 'Paling banyak 100 usulan per sidang'),
};
export const createSessionBody = z.object(fields).strict();
export const updateSessionBody = z
  .object({ ...fields, version: versionSchema })
  .strict()
  .omit({ cycleId: true });

export const openSessionBody = z.object({ version: versionSchema }).strict();
export const cancelSessionBody = z
  .object({ version: versionSchema, reason: text(1000, 'Alasan pembatalan') })
  .strict();

export const sessionListQuery = z.object({ cycleId: z.uuid().optional() });

export const sessionRoutes = {
  list: route({
    method: 'GET',
    path: '/api/sessions',
    summary: 'Jadwal sidang lelang',
    tag: 'sessions',
    query: sessionListQuery,
    response: z.array(auctionSessionSchema),
  }),
  get: route({
    method: 'GET',
    path: '/api/sessions/:id',
    summary: 'Detail sidang',
    tag: 'sessions',
    params: idParams,
    response: auctionSessionSchema,
  }),
  create: route({
    method: 'POST',
    path: '/api/sessions',
    summary: 'Jadwalkan sidang',
    tag: 'sessions',
    body: createSessionBody,
    response: auctionSessionSchema,
    status: 201,
  }),
  open: route({
    method: 'POST',
    path: '/api/sessions/:id/open',
    summary: 'Buka sidang: penilaian dimulai (ketua sidang atau Admin Daerah)',
    tag: 'sessions',
    params: idParams,
    body: openSessionBody,
    response: auctionSessionSchema,
  }),
  cancel: route({
    method: 'POST',
    path: '/api/sessions/:id/cancel',
    summary: 'Batalkan sidang yang belum dibuka (Admin Daerah)',
    tag: 'sessions',
    params: idParams,
    body: cancelSessionBody,
    response: auctionSessionSchema,
  }),
  update: route({
    method: 'PUT',
    path: '/api/sessions/:id',
    summary: 'Ubah sidang, panel dan urutan agenda',
    tag: 'sessions',
    params: idParams,
    body: updateSessionBody,
    response: auctionSessionSchema,
  }),
};
