import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useT } from './i18n';

/** Page-level error boundary: a page that throws while rendering shows this inside the shell. */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : null;
  return (
    <Stack maw={640} p="md">
      <Title order={1} size="h2">
        {t('error.title')}
      </Title>
      <Alert color="red" role="alert">
        {t('error.pageCrashed')}
        {detail ? <pre style={{ whiteSpace: 'pre-wrap', margin: '8px 0 0' }}>{detail}</pre> : null}
      </Alert>
      <Group>
        <Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>
        <Button component={Link} to="/" variant="default">
          {t('error.toHome')}
        </Button>
      </Group>
    </Stack>
  );
}
