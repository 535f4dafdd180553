import { useCallback } from 'react';
import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { ApiError } from './api';
import { useT } from './i18n';

export type FieldErrors = Record<string, string>;

/**
 * Validates a request body with the contract's zod schema before sending it, so the user sees the
 * same messages the server would answer. Paths are dotted like the server's (`roles.0.workUnitId`).
 */
export function validateWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, data: r.data };
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in errors)) errors[path] = issue.message;
  }
  return { ok: false, errors };
}

export interface ErrorTarget {
  setErrors: (errors: FieldErrors) => void;
}

/**
 * Shows an API error: field messages under the matching inputs of `form`, and the general message
 * in a notification. A 401 is handled globally (redirect to login) and shows nothing here.
 */
export function useApiErrorHandler(): (err: unknown, form?: ErrorTarget) => void {
  const t = useT();
  return useCallback(
    (err: unknown, form?: ErrorTarget) => {
      if (err instanceof ApiError) {
        if (err.status === 401) return;
        if (form && err.fields.length > 0) {
          form.setErrors(Object.fromEntries(err.fields.map((f) => [f.path, f.message])));
        }
        const message =
          err.code === 'VERSION_CONFLICT'
            ? t('error.versionConflict')
            : err.code === 'NETWORK'
              ? t('error.network')
              : err.message;
        notifications.show({ color: 'red', title: t('error.title'), message });
        return;
      }
      notifications.show({
        color: 'red',
        title: t('error.title'),
        message: err instanceof Error ? err.message : String(err),
      });
    },
    [t],
  );
}

/** Empty text inputs become null for optional fields of the contract. */
export function nullIfBlank(s: string | null | undefined): string | null {
  const v = (s ?? '').trim();
  return v === '' ? null : v;
}
