import { useQuery } from '@tanstack/react-query';
import { authRoutes } from '../../../contract/auth';
import { call } from '../../app/api';

/** Regions offered on the login page. */
export function usePublicRegions() {
  return useQuery({
    queryKey: ['public-regions'],
    queryFn: () => call(authRoutes.publicRegions),
    staleTime: 5 * 60_000,
  });
}
