import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { agreementRoutes } from '../../../contract/agreements';
import { monitoringRoutes, type Realization } from '../../../contract/monitoring';
import type { BodyOf, QueryOf } from '../../../contract/route';
import { call, routeUrl, upload } from '../../app/api';

/** One indicator of one contract in one period: the address of a realization. */
export interface SlotKey {
  contractId: string;
  indicatorKey: string;
  periodKey: string;
}

export const monitoringKey = ['monitoring'] as const;
export const realizationKey = (k: SlotKey) =>
  [...monitoringKey, 'realization', k.contractId, k.indicatorKey, k.periodKey] as const;

const paramsOf = (k: SlotKey) => ({ id: k.contractId, indicatorKey: k.indicatorKey, periodKey: k.periodKey });

/** The page of one realization, e.g. `/monev/<contract>/<indicator>/2026-Q1`. */
export const realizationPath = (r: SlotKey) =>
  `/monev/${encodeURIComponent(r.contractId)}/${encodeURIComponent(r.indicatorKey)}/${encodeURIComponent(r.periodKey)}`;

export const evidenceUrl = (id: string) => routeUrl(monitoringRoutes.evidence, { params: { id } });

export function useTodo(query: QueryOf<typeof monitoringRoutes.todo>) {
  return useQuery({
    queryKey: [...monitoringKey, 'todo', query],
    queryFn: () => call(monitoringRoutes.todo, { query }),
    placeholderData: (prev) => prev,
  });
}

export function useQueue(query: QueryOf<typeof monitoringRoutes.queue>) {
  return useQuery({
    queryKey: [...monitoringKey, 'queue', query],
    queryFn: () => call(monitoringRoutes.queue, { query }),
    placeholderData: (prev) => prev,
  });
}

export function useRealization(k: SlotKey) {
  return useQuery({
    queryKey: realizationKey(k),
    queryFn: () => call(monitoringRoutes.realization, { params: paramsOf(k) }),
    enabled: k.contractId !== '' && k.indicatorKey !== '' && k.periodKey !== '',
  });
}

/** The contract of an indicator: its frequency and term decide which periods exist. */
export function useContractTerms(contractId: string) {
  return useQuery({
    queryKey: ['contracts', 'detail', contractId],
    queryFn: () => call(agreementRoutes.contract, { params: { id: contractId } }),
    enabled: contractId !== '',
  });
}

/** Every write answers the realization: it replaces the cached one; lists and the audit move. */
function useRealizationWrite<V>(fn: (v: V) => Promise<Realization>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => qc.setQueryData(realizationKey(r), r),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: [...monitoringKey, 'todo'] });
      void qc.invalidateQueries({ queryKey: [...monitoringKey, 'queue'] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export const useSaveRealization = () =>
  useRealizationWrite((v: { key: SlotKey; body: BodyOf<typeof monitoringRoutes.save> }) =>
    call(monitoringRoutes.save, { params: paramsOf(v.key), body: v.body }),
  );

export const useSubmitRealization = () =>
  useRealizationWrite((v: { key: SlotKey; version: number }) =>
    call(monitoringRoutes.submit, { params: paramsOf(v.key), body: { version: v.version } }),
  );

export const useVerifyRealization = () =>
  useRealizationWrite((v: { key: SlotKey; version: number }) =>
    call(monitoringRoutes.verify, { params: paramsOf(v.key), body: { version: v.version } }),
  );

export const useReturnRealization = () =>
  useRealizationWrite((v: { key: SlotKey; version: number; reason: string }) =>
    call(monitoringRoutes.return, {
      params: paramsOf(v.key),
      body: { version: v.version, reason: v.reason },
    }),
  );

/** Uploads one evidence file with XMLHttpRequest so the progress can be shown. */
export const useUploadEvidence = (onProgress: (fraction: number) => void) =>
  useRealizationWrite(
    (v: { key: SlotKey; file: File }) =>
      upload(monitoringRoutes.upload, paramsOf(v.key), v.file, onProgress).promise,
  );

export function useRemoveEvidence(k: SlotKey) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (evidenceId: string) => call(monitoringRoutes.removeEvidence, { params: { id: evidenceId } }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: realizationKey(k) });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function usePeriodClosure() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      v: { periodKey: string; action: 'close' } | { periodKey: string; action: 'reopen'; reason: string },
    ) =>
      v.action === 'close'
        ? call(monitoringRoutes.closePeriod, { params: { periodKey: v.periodKey } })
        : call(monitoringRoutes.reopenPeriod, {
            params: { periodKey: v.periodKey },
            body: { reason: v.reason },
          }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: monitoringKey });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
