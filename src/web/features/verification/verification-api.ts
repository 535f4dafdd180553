import { useQuery } from '@tanstack/react-query';
import { agreementRoutes } from '../../../contract/agreements';
import { call } from '../../app/api';

/** The public check of a pact by its verification code; no login needed. */
export function useVerification(code: string) {
  return useQuery({
    queryKey: ['verification', code],
    queryFn: () => call(agreementRoutes.verify, { params: { code } }),
    enabled: code !== '',
    staleTime: 60_000,
  });
}
