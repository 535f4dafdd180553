import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { importRoutes, type ImportBatch, type ImportKind } from '../../../contract/imports';
import { call, routeUrl, upload } from '../../app/api';

export const templateUrl = (kind: ImportKind) => routeUrl(importRoutes.template, { params: { kind } });

export function useImportHistory() {
  return useQuery({
    queryKey: ['imports', 'list'],
    queryFn: () => call(importRoutes.list, { query: { page: 1, pageSize: 10 } }),
  });
}

/** Uploads for preview with XMLHttpRequest so the progress can be shown. */
export function useUploadImport(onProgress: (fraction: number) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { kind: ImportKind; file: File }) =>
      upload(importRoutes.upload, { kind: v.kind }, v.file, onProgress).promise,
    onSettled: () => void qc.invalidateQueries({ queryKey: ['imports', 'list'] }),
  });
}

export function useCommitImport() {
  return useMutation({ mutationFn: (id: string) => call(importRoutes.commit, { params: { id } }) });
}

const POLL_MS = 500;

/** Polls a batch every 500 ms while it is being committed. */
export function useImportBatch(id: string | null, initial: ImportBatch | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: ['imports', 'batch', id],
    queryFn: async () => {
      const b = await call(importRoutes.get, { params: { id: id! } });
      if (b.status === 'committed') {
        // New and changed rows show up in the lists.
        void qc.invalidateQueries({ queryKey: ['work-units'] });
        void qc.invalidateQueries({ queryKey: ['civil-servants'] });
        void qc.invalidateQueries({ queryKey: ['imports', 'list'] });
        void qc.invalidateQueries({ queryKey: ['audit'] });
      }
      if (b.status === 'failed') void qc.invalidateQueries({ queryKey: ['imports', 'list'] });
      return b;
    },
    enabled: id !== null,
    initialData: initial ?? undefined,
    initialDataUpdatedAt: 0,
    refetchInterval: (q) => (q.state.data?.status === 'committing' ? POLL_MS : false),
  });
}
