import { useQuery } from '@tanstack/react-query';
import { cycleRoutes } from '../../contract/cycles';
import { regionRoutes } from '../../contract/region';
import { call } from '../app/api';

/** Reads of cycles and missions that several features show (cycles, proposals, sessions). */
export const cyclesKey = ['cycles'] as const;
export const cycleKey = (id: string) => ['cycles', 'detail', id] as const;

export function useCycles() {
  return useQuery({ queryKey: [...cyclesKey, 'list'], queryFn: () => call(cycleRoutes.list) });
}

export function useCycle(id: string) {
  return useQuery({
    queryKey: cycleKey(id),
    queryFn: () => call(cycleRoutes.get, { params: { id } }),
    enabled: id !== '',
  });
}

/** The region's missions, for the theme's mission select and the mission titles of the groups. */
export function useMissionOptions() {
  return useQuery({
    queryKey: ['missions'],
    queryFn: () => call(regionRoutes.listMissions),
    staleTime: 60_000,
  });
}
