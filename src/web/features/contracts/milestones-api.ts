import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { monitoringRoutes, type Milestone } from '../../../contract/monitoring';
import type { BodyOf } from '../../../contract/route';
import { call, upload } from '../../app/api';

export const milestonesKey = (contractId: string) => ['monitoring', 'milestones', contractId] as const;

export function useMilestones(contractId: string) {
  return useQuery({
    queryKey: milestonesKey(contractId),
    queryFn: () => call(monitoringRoutes.milestones, { params: { id: contractId } }),
    enabled: contractId !== '',
  });
}

function useMilestonesWrite<V>(contractId: string, fn: (v: V) => Promise<Milestone[]>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (list) => qc.setQueryData(milestonesKey(contractId), list),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: milestonesKey(contractId) });
      void qc.invalidateQueries({ queryKey: ['dashboards'] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export const useMarkMilestone = (contractId: string) =>
  useMilestonesWrite(contractId, (v: { key: string; body: BodyOf<typeof monitoringRoutes.markMilestone> }) =>
    call(monitoringRoutes.markMilestone, { params: { id: contractId, key: v.key }, body: v.body }),
  );

/** Uploads one evidence file of a milestone, with progress. */
export const useUploadMilestoneEvidence = (contractId: string, onProgress: (fraction: number) => void) =>
  useMilestonesWrite(
    contractId,
    (v: { key: string; file: File }) =>
      upload(monitoringRoutes.uploadMilestoneEvidence, { id: contractId, key: v.key }, v.file, onProgress)
        .promise,
  );

export function useRemoveMilestoneEvidence(contractId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (evidenceId: string) => call(monitoringRoutes.removeEvidence, { params: { id: evidenceId } }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: milestonesKey(contractId) });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
