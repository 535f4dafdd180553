import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyOf, QueryOf } from '../../../contract/route';
import { userRoutes } from '../../../contract/users';
import { call } from '../../app/api';

export type UserQuery = NonNullable<QueryOf<typeof userRoutes.list>>;

export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: ['users', 'list', query],
    queryFn: ({ signal }) => call(userRoutes.list, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['users'] });
    void qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateUser() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BodyOf<typeof userRoutes.create>) => call(userRoutes.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; body: BodyOf<typeof userRoutes.update> }) =>
      call(userRoutes.update, { params: { id: v.id }, body: v.body }),
    onSuccess: invalidate,
  });
}

export function useSetUserActive() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; version: number; active: boolean }) =>
      call(v.active ? userRoutes.activate : userRoutes.deactivate, {
        params: { id: v.id },
        body: { version: v.version },
      }),
    onSettled: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; body: BodyOf<typeof userRoutes.resetPassword> }) =>
      call(userRoutes.resetPassword, { params: { id: v.id }, body: v.body }),
    onSuccess: invalidate,
  });
}
