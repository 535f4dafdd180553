import { z } from 'zod';
import { pageOf, pageQuery } from './common.js';
import { route } from './route.js';

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorUserId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Format tanggal harus YYYY-MM-DD');

export const auditFilter = z.object({
  actorUserId: z.uuid().optional(),
  action: z.string().trim().max(80).optional(),
  entityType: z.string().trim().max(80).optional(),
  entityId: z.string().trim().max(80).optional(),
  from: dateOnly.optional(),
  to: dateOnly.optional(),
});
export const auditListQuery = pageQuery.extend(auditFilter.shape);

export const auditRoutes = {
  list: route({
    method: 'GET',
    path: '/api/audit',
    summary: 'Jejak audit',
    tag: 'audit',
    query: auditListQuery,
    response: pageOf(auditEntrySchema),
  }),
  exportCsv: route({
    method: 'GET',
    path: '/api/audit/export.csv',
    summary: 'Ekspor jejak audit ke CSV',
    tag: 'audit',
    query: auditFilter,
    response: z.string(),
  }),
  facets: route({
    method: 'GET',
    path: '/api/audit/facets',
    summary: 'Nilai filter jejak audit',
    tag: 'audit',
    response: z.object({ actions: z.array(z.string()), entityTypes: z.array(z.string()) }),
  }),
};
