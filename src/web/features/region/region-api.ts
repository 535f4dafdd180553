import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyOf } from '../../../contract/route';
import { regionRoutes } from '../../../contract/region';
import { call } from '../../app/api';

const regionKey = ['region'] as const;
const missionsKey = ['missions'] as const;

export function useRegion() {
  return useQuery({ queryKey: regionKey, queryFn: () => call(regionRoutes.getRegion) });
}

export function useUpdateRegion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof regionRoutes.updateRegion>) => call(regionRoutes.updateRegion, { body }),
    onSuccess: (region) => {
      qc.setQueryData(regionKey, region);
      // The region name shows in the header.
      void qc.invalidateQueries({ queryKey: ['session'] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useMissions() {
  return useQuery({ queryKey: missionsKey, queryFn: () => call(regionRoutes.listMissions) });
}

/** Every mission/goal/target write refreshes the whole tree (it is small). */
function useMissionWrite<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: missionsKey });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export const useCreateMission = () =>
  useMissionWrite((body: BodyOf<typeof regionRoutes.createMission>) =>
    call(regionRoutes.createMission, { body }),
  );
export const useUpdateMission = () =>
  useMissionWrite((v: { id: string; body: BodyOf<typeof regionRoutes.updateMission> }) =>
    call(regionRoutes.updateMission, { params: { id: v.id }, body: v.body }),
  );
/** Goals (under a mission) and targets (under a goal) are alike: a number and a statement. */
export type NumberedItemKind = 'goal' | 'target';
const numberedItemRoutes = {
  goal: { create: regionRoutes.createGoal, update: regionRoutes.updateGoal },
  target: { create: regionRoutes.createTarget, update: regionRoutes.updateTarget },
};
export const useCreateNumberedItem = () =>
  useMissionWrite(
    (v: { kind: NumberedItemKind; parentId: string; body: BodyOf<typeof regionRoutes.createGoal> }) =>
      call(numberedItemRoutes[v.kind].create, { params: { id: v.parentId }, body: v.body }),
  );
export const useUpdateNumberedItem = () =>
  useMissionWrite((v: { kind: NumberedItemKind; id: string; body: BodyOf<typeof regionRoutes.updateGoal> }) =>
    call(numberedItemRoutes[v.kind].update, { params: { id: v.id }, body: v.body }),
  );

export type DeletableKind = 'mission' | 'goal' | 'target';
const deleteRoute = {
  mission: regionRoutes.deleteMission,
  goal: regionRoutes.deleteGoal,
  target: regionRoutes.deleteTarget,
};
export const useDeleteNode = () =>
  useMissionWrite((v: { kind: DeletableKind; id: string; version: number }) =>
    call(deleteRoute[v.kind], { params: { id: v.id }, body: { version: v.version } }),
  );
