import { Center, Loader } from '@mantine/core';
import { useT } from '../app/i18n';

/** A page-sized spinner; the status region carries the name (a bare span may not carry aria-label). */
export function PageLoader() {
  const t = useT();
  return (
    <Center py="xl" role="status" aria-label={t('app.loading')}>
      <Loader aria-hidden />
    </Center>
  );
}
