import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditRoutes } from '../../../contract/audit';
import type { QueryOf } from '../../../contract/route';
import { call, routeUrl } from '../../app/api';

export type AuditQuery = NonNullable<QueryOf<typeof auditRoutes.list>>;
export type AuditFilter = NonNullable<QueryOf<typeof auditRoutes.exportCsv>>;

export function useAuditEntries(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', 'list', query],
    queryFn: ({ signal }) => call(auditRoutes.list, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAuditFacets() {
  return useQuery({
    queryKey: ['audit', 'facets'],
    queryFn: () => call(auditRoutes.facets),
    staleTime: 60_000,
  });
}

/** The CSV export is a plain GET link with the same filters (the browser downloads it). */
export const exportUrl = (filter: AuditFilter) => routeUrl(auditRoutes.exportCsv, { query: filter });
