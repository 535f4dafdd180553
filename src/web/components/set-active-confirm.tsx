import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { useApiErrorHandler } from '../app/forms';
import { useT } from '../app/i18n';
import { ConfirmModal } from './confirm-modal';

interface Switchable {
  id: string;
  version: number;
  active: boolean;
}

/**
 * Asks before activating or deactivating `target` (open while it is set), then flips it with
 * `mutation`. `message` asks the question about the target; `done` names the outcome.
 */
export function SetActiveConfirm<T extends Switchable>({
  target,
  mutation,
  message,
  done,
  onClose,
}: {
  target: T | null;
  mutation: UseMutationResult<{ active: boolean }, Error, Switchable>;
  message: (target: T) => string;
  done: (active: boolean) => string;
  onClose: () => void;
}) {
  const t = useT();
  const onError = useApiErrorHandler();
  const action = target?.active ? t('common.deactivate') : t('common.activate');
  return (
    <ConfirmModal
      opened={target !== null}
      title={action}
      message={target ? message(target) : ''}
      confirmLabel={action}
      danger={target?.active}
      loading={mutation.isPending}
      onClose={onClose}
      onConfirm={() => {
        if (!target) return;
        mutation.mutate(
          { id: target.id, version: target.version, active: !target.active },
          {
            onSuccess: (result) => {
              notifications.show({ color: 'green', message: done(result.active) });
              onClose();
            },
            onError: (e) => onError(e),
          },
        );
      }}
    />
  );
}
