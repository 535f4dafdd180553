import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { civilServantRoutes } from '../../../contract/civil-servants';
import type { BodyOf, QueryOf } from '../../../contract/route';
import { call } from '../../app/api';

export type CivilServantQuery = NonNullable<QueryOf<typeof civilServantRoutes.list>>;

export function useCivilServants(query: CivilServantQuery) {
  return useQuery({
    queryKey: ['civil-servants', 'list', query],
    queryFn: ({ signal }) => call(civilServantRoutes.list, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCivilServant(id: string) {
  return useQuery({
    queryKey: ['civil-servants', 'detail', id],
    queryFn: () => call(civilServantRoutes.get, { params: { id } }),
  });
}

/** ASN counts show on work units, so both lists refresh after a write. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['civil-servants'] });
    void qc.invalidateQueries({ queryKey: ['work-units'] });
    void qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateCivilServant() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BodyOf<typeof civilServantRoutes.create>) => call(civilServantRoutes.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateCivilServant() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; body: BodyOf<typeof civilServantRoutes.update> }) =>
      call(civilServantRoutes.update, { params: { id: v.id }, body: v.body }),
    onSuccess: invalidate,
  });
}
