import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { proposalRoutes } from '../../../contract/proposals';
import type { BodyOf } from '../../../contract/route';
import { scoringRoutes, type Scoring } from '../../../contract/scoring';
import { sessionRoutes } from '../../../contract/sessions';
import type { Role } from '../../../contract/common';
import { userRoutes } from '../../../contract/users';
import { call } from '../../app/api';

export const sessionsKey = ['sessions'] as const;
const sessionKey = (id: string) => ['sessions', 'detail', id] as const;
const scoringKey = (proposalId: string) => ['scoring', proposalId] as const;

export function useSessions(cycleId: string) {
  return useQuery({
    queryKey: [...sessionsKey, 'list', cycleId],
    queryFn: () => call(sessionRoutes.list, { query: { cycleId: cycleId || undefined } }),
    placeholderData: (prev) => prev,
  });
}

export function useSession(id: string) {
  return useQuery({
    queryKey: sessionKey(id),
    queryFn: () => call(sessionRoutes.get, { params: { id } }),
    enabled: id !== '',
  });
}

/** Users of one role for the chair and panel selects (admin only). */
export function useUsersOfRole(role: Role, enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'role', role],
    queryFn: () => call(userRoutes.list, { query: { role, pageSize: 200, active: 'true' } }),
    enabled,
    staleTime: 60_000,
  });
}

/** The submitted proposals of a cycle, for the agenda. */
export function useSubmittedProposals(cycleId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['proposals', 'list', { cycleId, status: 'submitted', pageSize: 200 }],
    queryFn: () =>
      call(proposalRoutes.list, { query: { cycleId, status: 'submitted', pageSize: 200, page: 1 } }),
    enabled: enabled && cycleId !== '',
  });
}

/** Reloads everything a change of a session touches: its list and detail, the agenda's proposals and sheets. */
export function useRefreshSessions() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: sessionsKey });
    void qc.invalidateQueries({ queryKey: ['proposals'] });
    void qc.invalidateQueries({ queryKey: ['scoring'] });
    void qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

function useSessionWrite<V, R>(fn: (v: V) => Promise<R>) {
  const refresh = useRefreshSessions();
  return useMutation({ mutationFn: fn, onSettled: refresh });
}

export const useCreateSession = () =>
  useSessionWrite((body: BodyOf<typeof sessionRoutes.create>) => call(sessionRoutes.create, { body }));

export const useUpdateSession = () =>
  useSessionWrite((v: { id: string; body: BodyOf<typeof sessionRoutes.update> }) =>
    call(sessionRoutes.update, { params: { id: v.id }, body: v.body }),
  );

/** The chair or the admin opens a scheduled session: scoring starts, panel and agenda are fixed. */
export const useOpenSession = () =>
  useSessionWrite((v: { id: string; version: number }) =>
    call(sessionRoutes.open, { params: { id: v.id }, body: { version: v.version } }),
  );

/** The admin cancels a scheduled session with a reason; its proposals return to "submitted". */
export const useCancelSession = () =>
  useSessionWrite((v: { id: string; version: number; reason: string }) =>
    call(sessionRoutes.cancel, { params: { id: v.id }, body: { version: v.version, reason: v.reason } }),
  );

/** The scoring sheet; polls every 10 s while the panel has not completed. */
export function useScoring(proposalId: string) {
  return useQuery({
    queryKey: scoringKey(proposalId),
    queryFn: () => call(scoringRoutes.get, { params: { id: proposalId } }),
    enabled: proposalId !== '',
    refetchOnWindowFocus: false,
    refetchInterval: (q) => (isComplete(q.state.data) ? false : 10_000),
  });
}

export function isComplete(s: Scoring | undefined): boolean {
  if (!s) return false;
  if (s.aggregate) return s.aggregate.complete;
  return s.panel.length > 0 && s.panel.every((p) => p.state === 'submitted' || p.state === 'conflict');
}

function useScoringWrite<V>(fn: (v: V) => Promise<Scoring>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (s) => qc.setQueryData(scoringKey(s.proposalId), s),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: sessionsKey });
    },
  });
}

export const useSaveScores = () =>
  useScoringWrite((v: { proposalId: string; body: BodyOf<typeof scoringRoutes.save> }) =>
    call(scoringRoutes.save, { params: { id: v.proposalId }, body: v.body }),
  );

export const useDeclareConflict = () =>
  useScoringWrite((v: { proposalId: string; reason: string }) =>
    call(scoringRoutes.conflict, { params: { id: v.proposalId }, body: { reason: v.reason } }),
  );
