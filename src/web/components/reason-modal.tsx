import { useState, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea, type MantineColor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FieldError } from '../../contract/common';
import { oneField, useDialogErrorHandler } from '../app/forms';
import { useT } from '../app/i18n';

/** What `onSubmit` hands to the mutation: a mutation's `mutate(variables, callbacks)` takes it as is. */
export interface ReasonCallbacks<T> {
  onSuccess: (result: T) => void;
  onError: (err: unknown) => void;
}

export interface ReasonModalProps<T> {
  /** For a dialog that stays mounted; leave it out when the caller mounts the dialog only while open. */
  opened?: boolean;
  title: ReactNode;
  /** What the action does, above the reason. */
  message: ReactNode;
  reasonLabel: string;
  /** Whether a reason must be given; `requiredMessage` is shown when it is left blank. */
  required: boolean;
  requiredMessage: string;
  maxLength: number;
  minRows?: number;
  confirmLabel: string;
  confirmColor?: MantineColor;
  /** The cancel button's text; "Batal" unless told. */
  cancelLabel?: string;
  centered?: boolean;
  /** Puts the focus in the reason field when the dialog opens. */
  autoFocus?: boolean;
  loading: boolean;
  /**
   * Sends the trimmed reason ('' when an optional one is left blank), e.g.
   * `(reason, done) => mutation.mutate({ ..., reason }, done)`.
   */
  onSubmit: (reason: string, callbacks: ReasonCallbacks<T>) => void;
  /** The green notice on success; the dialog then closes. */
  successMessage: string | ((result: T) => string);
  /** After the notice, with its text. */
  onSuccess?: (message: string) => void;
  onClose: () => void;
  /** A 409: somebody acted first. The dialog closes itself. */
  onConflict: (err: unknown) => void;
  /** Field messages other than the reason's; return true when they were shown. */
  onFields?: (fields: FieldError[]) => boolean;
  /** `data-testid`s of the reason field and the confirm button. */
  testIds: { reason: string; confirm: string };
}

/**
 * A dialog asking for a reason before an action (refuse, reject, cancel, return, reopen): the
 * reason is checked here when required; the server's reason message shows under the field, any
 * other error inside the dialog, and a conflict goes back to the caller.
 */
export function ReasonModal<T = unknown>({
  opened = true,
  title,
  message,
  reasonLabel,
  required,
  requiredMessage,
  maxLength,
  minRows = 3,
  confirmLabel,
  confirmColor,
  cancelLabel,
  centered,
  autoFocus,
  loading,
  onSubmit,
  successMessage,
  onSuccess,
  onClose,
  onConflict,
  onFields,
  testIds,
}: ReasonModalProps<T>) {
  const t = useT();
  const explain = useDialogErrorHandler();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  // A dialog that stays mounted starts blank each time it opens.
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) {
      setReason('');
      setError(null);
      setGeneral(null);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={title} centered={centered}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const r = reason.trim();
          if (required && !r) {
            setError(requiredMessage);
            return;
          }
          setGeneral(null);
          onSubmit(r, {
            onSuccess: (result) => {
              const text = typeof successMessage === 'function' ? successMessage(result) : successMessage;
              notifications.show({ color: 'green', message: text });
              onSuccess?.(text);
              onClose();
            },
            onError: (err) =>
              explain(err, {
                onConflict: () => {
                  onConflict(err);
                  onClose();
                },
                onFields: (fields) => oneField('reason', setError)(fields) || (onFields?.(fields) ?? false),
                onGeneral: setGeneral,
              }),
          });
        }}
      >
        <Stack>
          {typeof message === 'string' ? <Text size="sm">{message}</Text> : message}
          {general ? (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          ) : null}
          <Textarea
            label={reasonLabel}
            required={required}
            autosize
            minRows={minRows}
            maxLength={maxLength}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            data-autofocus={autoFocus || undefined}
            data-testid={testIds.reason}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {cancelLabel ?? t('common.cancel')}
            </Button>
            <Button type="submit" color={confirmColor} loading={loading} data-testid={testIds.confirm}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
