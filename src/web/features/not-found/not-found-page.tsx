import { Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../app/i18n';
import { PageHeader } from '../../components/page-header';

export function NotFoundPage() {
  const t = useT();
  return (
    <Stack align="flex-start">
      <PageHeader title={t('error.notFoundTitle')} />
      <Text>{t('error.notFoundText')}</Text>
      <Button component={Link} to="/">
        {t('error.toHome')}
      </Button>
    </Stack>
  );
}
