import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  attendanceRoutes,
  type AttendanceFileQuery,
  type AttendanceImport,
} from '../../../contract/attendance';
import type { BodyOf } from '../../../contract/route';
import { call, upload } from '../../app/api';

export const attendanceKey = ['attendance'] as const;
const importsKey = [...attendanceKey, 'imports'] as const;
/** The history only: invalidating it must not refetch the import being followed. */
const importListKey = [...importsKey, 'list'] as const;
const pinsKey = [...attendanceKey, 'device-pins'] as const;
const excusesKey = [...attendanceKey, 'excuses'] as const;
const scheduleKey = [...attendanceKey, 'schedule'] as const;

export const PAGE_SIZE = 20;

// ---------------------------------------------------------------------------------------------------
// Imports

export function useAttendanceImports(page: number) {
  return useQuery({
    queryKey: [...importListKey, page],
    queryFn: () => call(attendanceRoutes.listImports, { query: { page, pageSize: 10 } }),
    placeholderData: keepPreviousData,
  });
}

/** Reads a file on the server without writing anything (XMLHttpRequest, for the progress bar). */
export function usePreviewAttendance(onProgress: (fraction: number) => void) {
  return useMutation({
    mutationFn: (v: { file: File; query: AttendanceFileQuery }) =>
      upload(attendanceRoutes.preview, undefined, v.file, onProgress, v.query).promise,
  });
}

/** Sends the same file again to be written; answers the import (committing, or the earlier one). */
export function useCommitAttendance(onProgress: (fraction: number) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; query: AttendanceFileQuery }) =>
      upload(attendanceRoutes.commit, undefined, v.file, onProgress, v.query).promise,
    onSettled: () => void qc.invalidateQueries({ queryKey: importListKey }),
  });
}

const POLL_MS = 500;

/** Follows an import every 500 ms while it is being written. */
export function useAttendanceImport(initial: AttendanceImport | null) {
  const qc = useQueryClient();
  const id = initial?.id ?? null;
  return useQuery({
    queryKey: [...importsKey, 'one', id],
    queryFn: async () => {
      const i = await call(attendanceRoutes.getImport, { params: { id: id! } });
      if (i.status !== 'committing') {
        void qc.invalidateQueries({ queryKey: importListKey });
        void qc.invalidateQueries({ queryKey: ['audit'] });
      }
      return i;
    },
    enabled: id !== null,
    initialData: initial ?? undefined,
    initialDataUpdatedAt: 0,
    refetchInterval: (q) => (q.state.data?.status === 'committing' ? POLL_MS : false),
  });
}

// ---------------------------------------------------------------------------------------------------
// Device PINs

export function useDevicePins(query: { page: number; q: string }) {
  return useQuery({
    queryKey: [...pinsKey, 'list', query],
    queryFn: () =>
      call(attendanceRoutes.devicePins, {
        query: { page: query.page, pageSize: PAGE_SIZE, q: query.q || undefined },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useSetDevicePin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof attendanceRoutes.setDevicePin>) =>
      call(attendanceRoutes.setDevicePin, { body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: pinsKey }),
  });
}

export function useDeleteDevicePin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; version: number }) =>
      call(attendanceRoutes.deleteDevicePin, { params: { id: v.id }, body: { version: v.version } }),
    onSettled: () => void qc.invalidateQueries({ queryKey: pinsKey }),
  });
}

export function useUploadDevicePins(onProgress: (fraction: number) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; device?: string; dryRun: boolean }) =>
      upload(attendanceRoutes.uploadDevicePins, undefined, v.file, onProgress, {
        device: v.device || undefined,
        dryRun: v.dryRun ? 'true' : 'false',
      }).promise,
    onSettled: () => void qc.invalidateQueries({ queryKey: pinsKey }),
  });
}

// ---------------------------------------------------------------------------------------------------
// Excuses

export function useExcuses(query: { page: number; q: string; kind: string }) {
  return useQuery({
    queryKey: [...excusesKey, 'list', query],
    queryFn: () =>
      call(attendanceRoutes.excuses, {
        query: {
          page: query.page,
          pageSize: PAGE_SIZE,
          q: query.q || undefined,
          kind: (query.kind || undefined) as 'leave' | 'sick' | 'official_travel' | undefined,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateExcuse() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof attendanceRoutes.createExcuse>) =>
      call(attendanceRoutes.createExcuse, { body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: excusesKey }),
  });
}

export function useDeleteExcuse() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; version: number }) =>
      call(attendanceRoutes.deleteExcuse, { params: { id: v.id }, body: { version: v.version } }),
    onSettled: () => void qc.invalidateQueries({ queryKey: excusesKey }),
  });
}

// ---------------------------------------------------------------------------------------------------
// Work schedule

export function useWorkSchedule() {
  return useQuery({ queryKey: scheduleKey, queryFn: () => call(attendanceRoutes.schedule) });
}

export function useUpdateWorkSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof attendanceRoutes.updateSchedule>) =>
      call(attendanceRoutes.updateSchedule, { body }),
    onSuccess: (s) => qc.setQueryData(scheduleKey, s),
  });
}
