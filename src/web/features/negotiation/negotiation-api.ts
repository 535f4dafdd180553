import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { agreementRoutes, type Negotiation, type Pact } from '../../../contract/agreements';
import type { BodyOf } from '../../../contract/route';
import { ApiError, call } from '../../app/api';

export const negotiationKey = (proposalId: string) => ['negotiation', proposalId] as const;
export const pactKey = (proposalId: string) => ['pact', proposalId] as const;

export function useNegotiation(proposalId: string) {
  return useQuery({
    queryKey: negotiationKey(proposalId),
    queryFn: () => call(agreementRoutes.negotiation, { params: { id: proposalId } }),
    enabled: proposalId !== '',
    // The other side may answer meanwhile; a visible page picks it up.
    refetchInterval: (q) =>
      q.state.data?.state === 'awaiting_opd' || q.state.data?.state === 'awaiting_panel' ? 30_000 : false,
  });
}

/** The integrity pact, or null while there is none yet (the API answers 404 before). */
export function usePact(proposalId: string, enabled: boolean) {
  return useQuery({
    queryKey: pactKey(proposalId),
    queryFn: async (): Promise<Pact | null> => {
      try {
        return await call(agreementRoutes.pact, { params: { id: proposalId } });
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    enabled: enabled && proposalId !== '',
  });
}

/** After any answer the negotiation, its pact, the proposal and the contract lists may have moved. */
function useNegotiationWrite<V>(fn: (v: V) => Promise<Negotiation>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (n) => qc.setQueryData(negotiationKey(n.proposalId), n),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['negotiation'] });
      void qc.invalidateQueries({ queryKey: ['pact'] });
      void qc.invalidateQueries({ queryKey: ['proposals'] });
      void qc.invalidateQueries({ queryKey: ['contracts'] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export const useMakeOffer = () =>
  useNegotiationWrite((v: { proposalId: string; body: BodyOf<typeof agreementRoutes.offer> }) =>
    call(agreementRoutes.offer, { params: { id: v.proposalId }, body: v.body }),
  );

export const useAcceptOffer = () =>
  useNegotiationWrite((v: { proposalId: string; round: number }) =>
    call(agreementRoutes.accept, { params: { id: v.proposalId }, body: { round: v.round } }),
  );

export const useRefuseOffer = () =>
  useNegotiationWrite((v: { proposalId: string; round: number; reason: string }) =>
    call(agreementRoutes.refuse, {
      params: { id: v.proposalId },
      body: { round: v.round, reason: v.reason },
    }),
  );

export const useAgreeAsIs = () =>
  useNegotiationWrite((v: { proposalId: string; version: number }) =>
    call(agreementRoutes.agreeAsIs, { params: { id: v.proposalId }, body: { version: v.version } }),
  );

export const useExtendNegotiation = () =>
  useNegotiationWrite((v: { proposalId: string; body: BodyOf<typeof agreementRoutes.extend> }) =>
    call(agreementRoutes.extend, { params: { id: v.proposalId }, body: v.body }),
  );

export function useSignPact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { proposalId: string; body: BodyOf<typeof agreementRoutes.sign> }) =>
      call(agreementRoutes.sign, { params: { id: v.proposalId }, body: v.body }),
    onSuccess: (p) => qc.setQueryData(pactKey(p.proposalId), p),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['negotiation'] });
      void qc.invalidateQueries({ queryKey: ['proposals'] });
      void qc.invalidateQueries({ queryKey: ['contracts'] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** A 409: someone answered or changed the negotiation meanwhile. */
