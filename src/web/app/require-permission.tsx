import type { ReactNode } from 'react';
import { Alert, Title } from '@mantine/core';
import { useT } from './i18n';
import { can, type Permission } from './permissions';
import { useMe } from './session';

/** Shows the page only to users who may see it (the server checks again). */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const t = useT();
  const me = useMe();
  if (can[permission](me)) return <>{children}</>;
  return (
    <>
      <Title order={1} size="h2" mb="md">
        {t('error.forbiddenTitle')}
      </Title>
      <Alert color="yellow" role="alert">
        {t('error.forbidden')}
      </Alert>
    </>
  );
}
