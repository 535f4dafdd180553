import { useCallback } from 'react';
import { notifications } from '@mantine/notifications';
import { useDialogErrorHandler, type ErrorTarget } from '../../app/forms';
import { useT } from '../../app/i18n';

/**
 * Shows an API error of an inline form: the server's field messages under the inputs, and only
 * those (a notification repeating them would cover the form's buttons, bottom right); anything else,
 * or field messages for no input the form shows, as a notification. A 409 goes to `onConflict`.
 */
export function useFormErrors() {
  const explain = useDialogErrorHandler();
  const t = useT();
  return useCallback(
    (
      err: unknown,
      form: ErrorTarget,
      opts: { shows: (path: string) => boolean; onConflict?: () => void },
    ) => {
      const general = (message: string) =>
        notifications.show({ color: 'red', title: t('error.title'), message });
      explain(err, {
        onConflict: opts.onConflict ?? (() => general(err instanceof Error ? err.message : String(err))),
        onFields: (fields) => {
          if (!fields.some((f) => opts.shows(f.path))) return false;
          form.setErrors(Object.fromEntries(fields.map((f) => [f.path, f.message])));
          return true;
        },
        onGeneral: general,
      });
    },
    [explain, t],
  );
}
