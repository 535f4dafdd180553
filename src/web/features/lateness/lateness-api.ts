import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { latenessRoutes } from '../../../contract/lateness';
import { latenessRulesRoutes } from '../../../contract/lateness-rules';
import type { BodyOf } from '../../../contract/route';
import { call, routeUrl } from '../../app/api';

export const latenessKey = ['lateness'] as const;
const rulesKey = [...latenessKey, 'rules'] as const;

export const RECAP_PAGE_SIZE = 20;

/** The signed-in user's month (a 404 with a reason for an account without an ASN record). */
export function useMyLateness(month: string) {
  return useQuery({
    queryKey: [...latenessKey, 'me', month],
    queryFn: () => call(latenessRoutes.mine, { query: { month } }),
    placeholderData: keepPreviousData,
  });
}

/** One ASN's month, for the recap's readers. */
export function useServantLateness(id: string | null, month: string) {
  return useQuery({
    queryKey: [...latenessKey, 'servant', id, month],
    queryFn: () => call(latenessRoutes.servant, { params: { id: id! }, query: { month } }),
    enabled: id !== null,
  });
}

export interface RecapFilter {
  month: string;
  page: number;
  q: string;
  workUnitId: string;
  flagged: boolean;
}

export function useLatenessRecap(f: RecapFilter) {
  return useQuery({
    queryKey: [...latenessKey, 'recap', f],
    queryFn: () =>
      call(latenessRoutes.recap, {
        query: {
          month: f.month,
          page: f.page,
          pageSize: RECAP_PAGE_SIZE,
          q: f.q || undefined,
          workUnitId: f.workUnitId || undefined,
          flagged: f.flagged ? 'true' : undefined,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

/** The XLSX of the month (per ASN and per unit), for the unit chosen; a plain link (a download). */
export const recapXlsxUrl = (f: { month: string; workUnitId: string }) =>
  routeUrl(latenessRoutes.recapXlsx, {
    query: { month: f.month, workUnitId: f.workUnitId || undefined },
  });

/** The region's bands and weights (every signed-in user reads them). */
export function useLatenessRules() {
  return useQuery({
    queryKey: rulesKey,
    queryFn: () => call(latenessRulesRoutes.get),
    staleTime: 60_000,
  });
}

export function useUpdateLatenessRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof latenessRulesRoutes.update>) =>
      call(latenessRulesRoutes.update, { body }),
    onSuccess: (s) => {
      qc.setQueryData(rulesKey, s);
      // Every month view and recap is counted with the rules: drop what was counted before.
      void qc.invalidateQueries({
        queryKey: latenessKey,
        predicate: (q) => q.queryKey[1] !== 'rules',
      });
    },
  });
}
