import { useCallback } from 'react';
import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import type { FieldError } from '../../contract/common';
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

/** A 409: somebody else acted meanwhile (a newer round, a decided amendment, a stale version). */
export const isConflict = (err: unknown) => err instanceof ApiError && err.status === 409;

export interface DialogErrorHandlers {
  /** A 409: the caller closes the dialog and reloads what changed. */
  onConflict: () => void;
  /** The server's field messages; return true when they were shown next to the inputs. */
  onFields?: (fields: FieldError[]) => boolean;
  /** Anything else, as one message ready to show inside the dialog. */
  onGeneral: (message: string) => void;
}

/**
 * For dialogs that show their errors themselves (rather than in a notification): sorts an API error
 * into a conflict, field messages or one general message. A 401 is handled globally.
 */
export function useDialogErrorHandler(): (err: unknown, handlers: DialogErrorHandlers) => void {
  const t = useT();
  return useCallback(
    (err: unknown, h: DialogErrorHandlers) => {
      if (isConflict(err)) return h.onConflict();
      if (!(err instanceof ApiError)) return h.onGeneral(String(err));
      if (err.status === 401) return;
      if (err.fields.length && h.onFields?.(err.fields)) return;
      h.onGeneral(err.code === 'NETWORK' ? t('error.network') : err.message);
    },
    [t],
  );
}

/** An `onFields` handler that shows the message of one field, e.g. `reason` or `password`. */
export const oneField =
  (path: string, show: (message: string) => void) =>
  (fields: FieldError[]): boolean => {
    const f = fields.find((x) => x.path === path);
    if (f) show(f.message);
    return !!f;
  };
