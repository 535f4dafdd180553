import { notifications } from '@mantine/notifications';
import { useApiErrorHandler, type ErrorTarget } from '../app/forms';

/**
 * Callbacks for a mutation started from a dialog or form: on success a green notice with the given
 * message, then `onDone`; on failure the API error, with field messages under the inputs of `form`.
 */
export function useMutationFeedback(onDone: () => void, form?: ErrorTarget) {
  const onError = useApiErrorHandler();
  return (message: string) => ({
    onSuccess: () => {
      notifications.show({ color: 'green', message });
      onDone();
    },
    onError: (e: unknown) => onError(e, form),
  });
}
