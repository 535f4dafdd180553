import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  disciplineRoutes,
  type Roster,
  type RosterRow,
  type RewardDto,
  type SanctionDto,
} from '../../../contract/discipline';
import type { BodyOf } from '../../../contract/route';
import { call, routeUrl, upload } from '../../app/api';

export const disciplineKey = ['discipline'] as const;
const sanctionsKey = [...disciplineKey, 'sanctions'] as const;
const rewardsKey = [...disciplineKey, 'rewards'] as const;
const rosterKey = [...disciplineKey, 'roster'] as const;
export const sanctionKey = (id: string) => [...sanctionsKey, 'one', id] as const;
export const rewardKey = (id: string) => [...rewardsKey, 'one', id] as const;
export const rosterDateKey = (date: string) => [...rosterKey, date] as const;

export const PAGE_SIZE = 20;

/** The filters of the sanction and reward lists, as kept in the URL ('' when not set). */
export interface CaseFilter {
  page: number;
  q: string;
  state: string;
  ruleCode: string;
  workUnitId: string;
  periodKey: string;
  mine: boolean;
}

const caseQuery = (f: CaseFilter) => ({
  page: f.page,
  pageSize: PAGE_SIZE,
  q: f.q || undefined,
  state: f.state || undefined,
  ruleCode: f.ruleCode || undefined,
  workUnitId: f.workUnitId || undefined,
  periodKey: f.periodKey || undefined,
  mine: f.mine ? ('true' as const) : undefined,
});

// ---------------------------------------------------------------------------------------------------
// Sanctions

export function useSanctions(filter: CaseFilter) {
  return useQuery({
    queryKey: [...sanctionsKey, 'list', filter],
    queryFn: () => call(disciplineRoutes.sanctions, { query: caseQuery(filter) }),
    placeholderData: keepPreviousData,
  });
}

export function useSanction(id: string) {
  return useQuery({
    queryKey: sanctionKey(id),
    queryFn: () => call(disciplineRoutes.sanction, { params: { id } }),
    enabled: id !== '',
  });
}

/** Every transition answers the sanction: it replaces the cached one; the lists and the roster move. */
export function useSanctionTransition(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof disciplineRoutes.sanctionTransition>) =>
      call(disciplineRoutes.sanctionTransition, { params: { id }, body }),
    onSuccess: (s: SanctionDto) => qc.setQueryData(sanctionKey(id), s),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: [...sanctionsKey, 'list'] });
      void qc.invalidateQueries({ queryKey: rosterKey });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Uploads one file of appeal evidence (XMLHttpRequest, for the progress bar), then reloads the sanction. */
export function useUploadAppealFile(id: string, onProgress: (fraction: number) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => upload(disciplineRoutes.appealFile, { id }, file, onProgress).promise,
    onSettled: () => void qc.invalidateQueries({ queryKey: sanctionKey(id) }),
  });
}

export const appealFileUrl = (id: string, fileId: string) =>
  routeUrl(disciplineRoutes.appealFileDownload, { params: { id, fileId } });

export const decreeUrl = (id: string) => routeUrl(disciplineRoutes.decree, { params: { id } });

// ---------------------------------------------------------------------------------------------------
// Rewards

export function useRewards(filter: CaseFilter) {
  return useQuery({
    queryKey: [...rewardsKey, 'list', filter],
    queryFn: () => call(disciplineRoutes.rewards, { query: caseQuery(filter) }),
    placeholderData: keepPreviousData,
  });
}

export function useReward(id: string) {
  return useQuery({
    queryKey: rewardKey(id),
    queryFn: () => call(disciplineRoutes.reward, { params: { id } }),
    enabled: id !== '',
  });
}

export function useRewardTransition(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof disciplineRoutes.rewardTransition>) =>
      call(disciplineRoutes.rewardTransition, { params: { id }, body }),
    onSuccess: (r: RewardDto) => qc.setQueryData(rewardKey(id), r),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: [...rewardsKey, 'list'] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export const certificateUrl = (id: string) => routeUrl(disciplineRoutes.certificate, { params: { id } });

// ---------------------------------------------------------------------------------------------------
// Rules (for the rule filter; only those who may read the rules)

export function useRuleOptions(kind: 'sanction' | 'reward', enabled: boolean) {
  return useQuery({
    queryKey: [...disciplineKey, 'rules', 'options'],
    queryFn: () => call(disciplineRoutes.rules),
    enabled,
    staleTime: 60_000,
    select: (r) =>
      r.items
        .filter((x) => x.kind === kind)
        .map((x) => ({ value: x.code, label: `${x.code} · ${x.name}` }))
        .sort((a, b) => a.value.localeCompare(b.value)),
  });
}

// ---------------------------------------------------------------------------------------------------
// Roster

export function useRoster(date: string) {
  return useQuery({
    queryKey: rosterDateKey(date),
    queryFn: () => call(disciplineRoutes.roster, { query: { date } }),
    enabled: date !== '',
    placeholderData: keepPreviousData,
  });
}

export const rosterPdfUrl = (date: string) => routeUrl(disciplineRoutes.rosterPdf, { query: { date } });

/** Records the vest and the serving of one day; the answered row replaces the one of the roster. */
export function useRecordDay(date: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { sanctionId: string; body: BodyOf<typeof disciplineRoutes.recordDay> }) =>
      call(disciplineRoutes.recordDay, { params: { id: v.sanctionId, date }, body: v.body }),
    onSuccess: (row: RosterRow) =>
      qc.setQueryData<Roster>(rosterDateKey(date), (old) =>
        old
          ? {
              ...old,
              units: old.units.map((u) => ({
                ...u,
                rows: u.rows.map((r) => (r.sanctionId === row.sanctionId ? row : r)),
              })),
            }
          : old,
      ),
    onSettled: (_row, _err, v) => {
      void qc.invalidateQueries({ queryKey: sanctionKey(v.sanctionId) });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
