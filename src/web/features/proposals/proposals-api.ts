import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { proposalRoutes } from '../../../contract/proposals';
import type { BodyOf, QueryOf } from '../../../contract/route';
import { call } from '../../app/api';

export const proposalsKey = ['proposals'] as const;
export const proposalKey = (id: string) => ['proposals', 'detail', id] as const;

export function useProposals(query: QueryOf<typeof proposalRoutes.list>) {
  return useQuery({
    queryKey: [...proposalsKey, 'list', query],
    queryFn: () => call(proposalRoutes.list, { query }),
    placeholderData: (prev) => prev,
  });
}

export function useProposal(id: string) {
  return useQuery({
    queryKey: proposalKey(id),
    queryFn: () => call(proposalRoutes.get, { params: { id } }),
    enabled: id !== '',
    // The editor holds its own copy while drafting; do not refetch it under the user's hands.
    refetchOnWindowFocus: false,
  });
}

export function useCreateProposal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof proposalRoutes.create>) => call(proposalRoutes.create, { body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: proposalsKey }),
  });
}

/** Saves the whole draft (autosave); the caller keeps the returned version. */
export const saveProposal = (id: string, body: BodyOf<typeof proposalRoutes.save>) =>
  call(proposalRoutes.save, { params: { id }, body });

export type ProposalAction = 'submit' | 'withdraw' | 'reopen';

export function useProposalAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; action: ProposalAction; version: number }) =>
      call(proposalRoutes[v.action], { params: { id: v.id }, body: { version: v.version } }),
    onSuccess: (p) => qc.setQueryData(proposalKey(p.id), p),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: [...proposalsKey, 'list'] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
