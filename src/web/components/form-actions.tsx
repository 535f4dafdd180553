import { Button, Group } from '@mantine/core';
import { useT } from '../app/i18n';

/** The buttons at the foot of a form: Cancel (when there is somewhere to go back to) and Save. */
export function FormActions({ saving, onCancel }: { saving: boolean; onCancel?: () => void }) {
  const t = useT();
  return (
    <Group justify="flex-end">
      {onCancel ? (
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      ) : null}
      <Button type="submit" loading={saving}>
        {t('common.save')}
      </Button>
    </Group>
  );
}
