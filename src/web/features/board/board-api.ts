import { useQuery } from '@tanstack/react-query';
import { boardRoutes } from '../../../contract/board';
import { call, routeUrl } from '../../app/api';

/** The cycle board: read by the admin and the head of region; refreshed when the page is revisited. */
export function useBoard(cycleId: string) {
  return useQuery({
    queryKey: ['cycles', 'board', cycleId],
    queryFn: () => call(boardRoutes.board, { params: { id: cycleId } }),
    enabled: cycleId !== '',
  });
}

/** The exports are plain GET links: the browser downloads them with the session cookie. */
export const boardXlsxUrl = (cycleId: string) => routeUrl(boardRoutes.boardXlsx, { params: { id: cycleId } });
export const resultsPdfUrl = (cycleId: string) =>
  routeUrl(boardRoutes.resultsPdf, { params: { id: cycleId } });
