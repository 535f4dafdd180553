import { Badge } from '@mantine/core';
import { useT } from '../app/i18n';

export function ActiveBadge({ active }: { active: boolean }) {
  const t = useT();
  return (
    <Badge variant="light" color={active ? 'green' : 'gray'}>
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}
