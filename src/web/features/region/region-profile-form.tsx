import { useEffect, useState } from 'react';
import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { regionKinds, timezones } from '../../../contract/common';
import { updateRegionBody, type Region } from '../../../contract/region';
import { ApiError } from '../../app/api';
import { useApiErrorHandler, validateWith } from '../../app/forms';
import { useT, type MessageKey } from '../../app/i18n';
import { FormActions } from '../../components/form-actions';
import { useUpdateRegion } from './region-api';

interface Values {
  name: string;
  kind: string;
  timezone: string;
  headTitle: string;
}

const toValues = (r: Region): Values => ({
  name: r.name,
  kind: r.kind,
  timezone: r.timezone,
  headTitle: r.headTitle,
});

/** Region profile with optimistic locking: `version` goes back with the change. */
export function RegionProfileForm({
  region,
  onReload,
}: {
  region: Region;
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const onError = useApiErrorHandler();
  const update = useUpdateRegion();
  const [conflict, setConflict] = useState(false);
  const form = useForm<Values>({ initialValues: toValues(region) });

  // Take fresh server data when it arrives (after save or reload).
  useEffect(() => {
    form.setValues(toValues(region));
    form.resetDirty(toValues(region));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [region.version, region.id]);

  const submit = form.onSubmit((values) => {
    const v = validateWith(updateRegionBody, { ...values, version: region.version });
    if (!v.ok) return form.setErrors(v.errors);
    update.mutate(v.data, {
      onSuccess: () => {
        setConflict(false);
        notifications.show({ color: 'green', message: t('common.saved') });
      },
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') setConflict(true);
        onError(err, form);
      },
    });
  });

  return (
    <Card withBorder radius="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h3">
              {t('region.profile')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('region.slug', { slug: region.slug })} · {t('region.version', { v: region.version })}
            </Text>
          </Group>
          {conflict ? (
            <Alert color="yellow" role="alert" data-testid="version-conflict">
              <Group justify="space-between">
                <Text size="sm">{t('error.versionConflict')}</Text>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    void onReload().then(() => setConflict(false));
                  }}
                >
                  {t('common.reload')}
                </Button>
              </Group>
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('region.name')} required {...form.getInputProps('name')} />
            <Select
              label={t('region.kind')}
              required
              allowDeselect={false}
              data={regionKinds.map((k) => ({ value: k, label: t(`regionKind.${k}` as MessageKey) }))}
              {...form.getInputProps('kind')}
            />
            <Select
              label={t('region.timezone')}
              required
              allowDeselect={false}
              data={timezones.map((z) => ({ value: z, label: t(`tz.${z}` as MessageKey) }))}
              {...form.getInputProps('timezone')}
            />
            <TextInput
              label={t('region.headTitle')}
              description={t('region.headTitleHint')}
              required
              {...form.getInputProps('headTitle')}
            />
          </SimpleGrid>
          <FormActions saving={update.isPending} />
        </Stack>
      </form>
    </Card>
  );
}
