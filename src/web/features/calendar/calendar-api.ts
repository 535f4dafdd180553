import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { calendarRoutes, type CalendarYearDto } from '../../../contract/calendar';
import type { BodyOf } from '../../../contract/route';
import { call } from '../../app/api';

export const calendarKey = ['calendar'] as const;
export const calendarYearKey = (year: number) => [...calendarKey, 'year', year] as const;
export const monitoringSettingsKey = [...calendarKey, 'settings'] as const;

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarYearKey(year),
    queryFn: () => call(calendarRoutes.year, { query: { year } }),
    placeholderData: (prev) => prev,
  });
}

export function useMonitoringSettings() {
  return useQuery({ queryKey: monitoringSettingsKey, queryFn: () => call(calendarRoutes.settings) });
}

/**
 * Working days and deadlines feed the monitoring views (lateness in working days, to-do deadlines,
 * dashboards), which live under the `monitoring` key; they and the audit trail are refetched.
 */
function refreshDependents(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: ['monitoring'] });
  void qc.invalidateQueries({ queryKey: ['audit'] });
}

/** Both calendar writes answer the year of the entry: it replaces the cached one. */
function useCalendarWrite<V>(fn: (v: V) => Promise<CalendarYearDto>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (y) => qc.setQueryData(calendarYearKey(y.year), y),
    onSettled: () => refreshDependents(qc),
  });
}

export const useAddCalendarEntry = () =>
  useCalendarWrite((body: BodyOf<typeof calendarRoutes.add>) => call(calendarRoutes.add, { body }));

export const useRemoveCalendarEntry = () =>
  useCalendarWrite((body: BodyOf<typeof calendarRoutes.remove>) => call(calendarRoutes.remove, { body }));

export function useUpdateMonitoringSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof calendarRoutes.updateSettings>) =>
      call(calendarRoutes.updateSettings, { body }),
    onSuccess: (s) => qc.setQueryData(monitoringSettingsKey, s),
    onSettled: () => refreshDependents(qc),
  });
}
