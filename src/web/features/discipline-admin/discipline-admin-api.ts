import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { disciplineRoutes, type RuleInput } from '../../../contract/discipline';
import type { BodyOf } from '../../../contract/route';
import { call } from '../../app/api';

export const disciplineKey = ['discipline'] as const;
const rulesKey = [...disciplineKey, 'rules'] as const;
const runsKey = [...disciplineKey, 'runs'] as const;
const dashboardKey = [...disciplineKey, 'dashboard'] as const;

export const RUNS_PAGE_SIZE = 10;

// ---------------------------------------------------------------------------------------------------
// Rules

export function useRules() {
  return useQuery({
    queryKey: [...rulesKey, 'list'],
    queryFn: () => call(disciplineRoutes.rules),
  });
}

export function useRuleVersions(code: string | null) {
  return useQuery({
    queryKey: [...rulesKey, 'versions', code],
    queryFn: () => call(disciplineRoutes.ruleVersions, { params: { code: code! } }),
    enabled: code !== null,
  });
}

export function useCreateRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RuleInput) => call(disciplineRoutes.createRule, { body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: rulesKey }),
  });
}

export function useUpdateRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { code: string; body: BodyOf<typeof disciplineRoutes.updateRule> }) =>
      call(disciplineRoutes.updateRule, { params: { code: v.code }, body: v.body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: rulesKey }),
  });
}

export function useRetireRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { code: string; body: BodyOf<typeof disciplineRoutes.retireRule> }) =>
      call(disciplineRoutes.retireRule, { params: { code: v.code }, body: v.body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: rulesKey }),
  });
}

// ---------------------------------------------------------------------------------------------------
// Evaluation

/** Dry run: nothing is written. */
export function usePreviewEvaluation() {
  return useMutation({
    mutationFn: (periodKey: string) => call(disciplineRoutes.preview, { body: { periodKey } }),
  });
}

/** Writes the proposals (none twice for the same rule, subject and period). */
export function useCommitEvaluation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (periodKey: string) => call(disciplineRoutes.commit, { body: { periodKey } }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: disciplineKey });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useEvaluationRuns(page: number) {
  return useQuery({
    queryKey: [...runsKey, page],
    queryFn: () => call(disciplineRoutes.runs, { query: { page, pageSize: RUNS_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

// ---------------------------------------------------------------------------------------------------
// Dashboard

export function useDisciplineDashboard(year: number) {
  return useQuery({
    queryKey: [...dashboardKey, year],
    queryFn: () => call(disciplineRoutes.dashboard, { query: { year } }),
    placeholderData: keepPreviousData,
  });
}
