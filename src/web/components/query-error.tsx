import { Alert, Button, Stack, Text } from '@mantine/core';
import { ApiError } from '../app/api';
import { useT } from '../app/i18n';

/** A failed query, with its message and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const message =
    error instanceof ApiError
      ? error.code === 'NETWORK'
        ? t('error.network')
        : error.code === 'FORBIDDEN'
          ? t('error.forbidden')
          : error.message
      : t('common.loadFailed');
  return (
    <Alert color="red" title={t('common.loadFailed')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        {onRetry ? (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
