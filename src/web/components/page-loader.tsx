import { Center, Loader } from '@mantine/core';
import { useT } from '../app/i18n';

export function PageLoader() {
  const t = useT();
  return (
    <Center py="xl" role="status">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}
