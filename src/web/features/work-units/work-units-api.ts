import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyOf, QueryOf } from '../../../contract/route';
import { workUnitRoutes } from '../../../contract/work-units';
import { call } from '../../app/api';

export type WorkUnitQuery = NonNullable<QueryOf<typeof workUnitRoutes.list>>;

export function useWorkUnits(query: WorkUnitQuery) {
  return useQuery({
    queryKey: ['work-units', 'list', query],
    queryFn: ({ signal }) => call(workUnitRoutes.list, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** After a write: unit lists, unit options of other pages, ASN lists (unit names) and the audit trail. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['work-units'] });
    void qc.invalidateQueries({ queryKey: ['civil-servants'] });
    void qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateWorkUnit() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BodyOf<typeof workUnitRoutes.create>) => call(workUnitRoutes.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateWorkUnit() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; body: BodyOf<typeof workUnitRoutes.update> }) =>
      call(workUnitRoutes.update, { params: { id: v.id }, body: v.body }),
    onSuccess: invalidate,
  });
}

export function useSetWorkUnitActive() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; version: number; active: boolean }) =>
      call(v.active ? workUnitRoutes.activate : workUnitRoutes.deactivate, {
        params: { id: v.id },
        body: { version: v.version },
      }),
    onSettled: invalidate,
  });
}
