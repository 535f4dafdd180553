import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List filters and page kept in the URL query, so Back, reload and shared links keep them.
 * Changing any filter other than `page` goes back to page 1.
 */
export function useListParams<T extends Record<string, string>>(
  defaults: T,
): [T & { page: number }, (patch: Partial<T> & { page?: number }) => void] {
  const [sp, setSp] = useSearchParams();
  const values = useMemo(() => {
    const out: Record<string, string> = { ...defaults };
    for (const k of Object.keys(defaults)) {
      const v = sp.get(k);
      if (v !== null) out[k] = v;
    }
    const page = Math.max(1, Number(sp.get('page') ?? '1') || 1);
    return { ...(out as T), page };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sp]);
  const update = useCallback(
    (patch: Partial<T> & { page?: number }) => {
      setSp(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (k === 'page') continue;
            if (v === undefined || v === null || v === '' || v === defaults[k]) next.delete(k);
            else next.set(k, String(v));
          }
          const page = patch.page ?? 1;
          if (page > 1) next.set('page', String(page));
          else next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [setSp],
  );
  return [values, update];
}
