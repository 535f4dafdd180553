import { useQuery } from '@tanstack/react-query';
import { dashboardRoutes } from '../../../contract/dashboards';
import { call, routeUrl } from '../../app/api';

export const dashboardsKey = ['monitoring', 'dashboards'] as const;

/** The region overview of one year; `refetchInterval` keeps the wall display fresh. */
export function useOverview(year: number, opts: { refetchInterval?: number; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...dashboardsKey, 'overview', year],
    queryFn: () => call(dashboardRoutes.overview, { query: { year } }),
    enabled: opts.enabled ?? true,
    placeholderData: (prev) => prev,
    refetchInterval: opts.refetchInterval,
    refetchIntervalInBackground: opts.refetchInterval !== undefined,
  });
}

/** The scorecard of one unit in one year. */
export function useScorecard(unitId: string, year: number) {
  return useQuery({
    queryKey: [...dashboardsKey, 'scorecard', unitId, year],
    queryFn: () => call(dashboardRoutes.scorecard, { params: { id: unitId }, query: { year } }),
    enabled: unitId !== '',
    placeholderData: (prev) => prev,
  });
}

/** The reports are plain GET links: the browser downloads them with the session cookie. */
export const regionMonevPdfUrl = (year: number, quarter: number) =>
  routeUrl(dashboardRoutes.regionMonev, { query: { year, quarter } });
export const regionMonevXlsxUrl = (year: number, quarter: number) =>
  routeUrl(dashboardRoutes.regionMonevXlsx, { query: { year, quarter } });
export const unitMonevPdfUrl = (unitId: string, year: number, quarter: number) =>
  routeUrl(dashboardRoutes.unitMonev, { params: { id: unitId }, query: { year, quarter } });
export const unitMonevXlsxUrl = (unitId: string, year: number, quarter: number) =>
  routeUrl(dashboardRoutes.unitMonevXlsx, { params: { id: unitId }, query: { year, quarter } });
export const lkjipPdfUrl = (unitId: string, year: number) =>
  routeUrl(dashboardRoutes.lkjip, { params: { id: unitId }, query: { year } });
