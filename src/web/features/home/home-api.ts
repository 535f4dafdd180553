import { useQuery } from '@tanstack/react-query';
import { civilServantRoutes } from '../../../contract/civil-servants';
import { workUnitRoutes } from '../../../contract/work-units';
import { call } from '../../app/api';

/** Counts come from the list endpoints' `total`; pageSize 1 keeps them cheap. */
export function useWorkUnitTotal() {
  return useQuery({
    queryKey: ['work-units', 'list', { pageSize: 1, active: 'all' }],
    queryFn: () => call(workUnitRoutes.list, { query: { page: 1, pageSize: 1, active: 'all' } }),
    select: (p) => p.total,
  });
}

/** Active units with their ASN counts (one page of 200 covers a region). */
export function useActiveWorkUnits() {
  return useQuery({
    queryKey: ['work-units', 'list', { pageSize: 200, active: 'true', sort: 'name' }],
    queryFn: () =>
      call(workUnitRoutes.list, { query: { page: 1, pageSize: 200, active: 'true', sort: 'name' } }),
  });
}

export function useCivilServantTotal(enabled: boolean) {
  return useQuery({
    queryKey: ['civil-servants', 'list', { pageSize: 1, active: 'true' }],
    queryFn: () => call(civilServantRoutes.list, { query: { page: 1, pageSize: 1, active: 'true' } }),
    select: (p) => p.total,
    enabled,
  });
}
