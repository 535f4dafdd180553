import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { agreementRoutes, type Contract } from '../../../contract/agreements';
import type { BodyOf, QueryOf } from '../../../contract/route';
import { call } from '../../app/api';

export const contractsKey = ['contracts'] as const;
export const contractKey = (id: string) => ['contracts', 'detail', id] as const;

export function useContracts(query: QueryOf<typeof agreementRoutes.contracts>) {
  return useQuery({
    queryKey: [...contractsKey, 'list', query],
    queryFn: () => call(agreementRoutes.contracts, { query }),
    placeholderData: (prev) => prev,
  });
}

export function useContract(id: string) {
  return useQuery({
    queryKey: contractKey(id),
    queryFn: () => call(agreementRoutes.contract, { params: { id } }),
    enabled: id !== '',
  });
}

function useContractWrite<V>(fn: (v: V) => Promise<Contract>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (c) => qc.setQueryData(contractKey(c.id), c),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: [...contractsKey, 'list'] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export const useProposeAmendment = () =>
  useContractWrite((v: { id: string; body: BodyOf<typeof agreementRoutes.amend> }) =>
    call(agreementRoutes.amend, { params: { id: v.id }, body: v.body }),
  );

export type AmendmentDecision = 'approve' | 'reject' | 'withdraw';

const decisionRoutes = {
  approve: agreementRoutes.approveAmendment,
  reject: agreementRoutes.rejectAmendment,
  withdraw: agreementRoutes.withdrawAmendment,
} as const;

export const useDecideAmendment = () =>
  useContractWrite(
    (v: {
      id: string;
      amendmentId: string;
      decision: AmendmentDecision;
      body: BodyOf<typeof agreementRoutes.approveAmendment>;
    }) =>
      call(decisionRoutes[v.decision], {
        params: { id: v.id, amendmentId: v.amendmentId },
        body: v.body,
      }),
  );

/** A 409: the contract or the amendment changed meanwhile. */
