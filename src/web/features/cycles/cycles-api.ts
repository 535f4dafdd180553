import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cycleRoutes } from '../../../contract/cycles';
import type { BodyOf } from '../../../contract/route';
import { call } from '../../app/api';
import { cycleKey, cyclesKey } from '../../components/cycle-queries';

/** Every cycle write refreshes the list and the detail (both small) and the audit trail. */
function useCycleWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: cyclesKey });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export const useCreateCycle = () =>
  useCycleWrite((body: BodyOf<typeof cycleRoutes.create>) => call(cycleRoutes.create, { body }));

export function useUpdateCycle() {
  const qc = useQueryClient();
  return useCycleWrite(async (v: { id: string; body: BodyOf<typeof cycleRoutes.update> }) => {
    const cycle = await call(cycleRoutes.update, { params: { id: v.id }, body: v.body });
    // Reopening the dialog right away must start from the new version.
    qc.setQueryData(cycleKey(v.id), cycle);
    return cycle;
  });
}

export const useCreateTheme = () =>
  useCycleWrite((v: { cycleId: string; body: BodyOf<typeof cycleRoutes.createTheme> }) =>
    call(cycleRoutes.createTheme, { params: { id: v.cycleId }, body: v.body }),
  );

export const useUpdateTheme = () =>
  useCycleWrite((v: { id: string; body: BodyOf<typeof cycleRoutes.updateTheme> }) =>
    call(cycleRoutes.updateTheme, { params: { id: v.id }, body: v.body }),
  );

export const useDeleteTheme = () =>
  useCycleWrite((v: { id: string; version: number }) =>
    call(cycleRoutes.deleteTheme, { params: { id: v.id }, body: { version: v.version } }),
  );

export const useRevokeExtension = () =>
  useCycleWrite(
    (v: { cycleId: string; extensionId: string; body: BodyOf<typeof cycleRoutes.revokeExtension> }) =>
      call(cycleRoutes.revokeExtension, {
        params: { id: v.cycleId, extensionId: v.extensionId },
        body: v.body,
      }),
  );

export const useExtendSubmission = () =>
  useCycleWrite((v: { cycleId: string; body: BodyOf<typeof cycleRoutes.extend> }) =>
    call(cycleRoutes.extend, { params: { id: v.cycleId }, body: v.body }),
  );
