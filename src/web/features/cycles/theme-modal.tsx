import { Alert, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { polarities, themeBody, updateThemeBody, type Theme } from '../../../contract/cycles';
import { nullIfBlank, validateWith } from '../../app/forms';
import { useT } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { useMutationFeedback } from '../../components/use-mutation-feedback';
import { polarityLabel } from '../../components/cycle-format';
import { useMissionOptions } from '../../components/cycle-queries';
import { useCreateTheme, useUpdateTheme } from './cycles-api';

interface Values {
  missionId: string | null;
  name: string;
  description: string;
  outcomeIndicatorName: string;
  outcomeIndicatorUnit: string;
  outcomePolarity: string | null;
}

/** Add or edit a theme of a cycle under one of the region's missions. Mounted while it is open. */
export function ThemeModal({
  cycleId,
  theme,
  onClose,
}: {
  cycleId: string;
  /** The theme being edited; null to add one. */
  theme: Theme | null;
  onClose: () => void;
}) {
  const t = useT();
  const missions = useMissionOptions();
  const create = useCreateTheme();
  const update = useUpdateTheme();
  const form = useForm<Values>({
    initialValues: {
      missionId: theme?.missionId ?? null,
      name: theme?.name ?? '',
      description: theme?.description ?? '',
      outcomeIndicatorName: theme?.outcomeIndicatorName ?? '',
      outcomeIndicatorUnit: theme?.outcomeIndicatorUnit ?? '',
      outcomePolarity: theme?.outcomePolarity ?? null,
    },
  });
  const feedback = useMutationFeedback(onClose, form);

  const missionOptions = (missions.data ?? []).map((m) => ({
    value: m.id,
    label: t('cycle.themeMissionOption', { n: m.number, start: m.termStart, end: m.termEnd, title: m.title }),
  }));
  if (theme && !missionOptions.some((o) => o.value === theme.missionId))
    missionOptions.unshift({
      value: theme.missionId,
      label: t('cycle.missionN', { n: theme.missionNumber }),
    });

  const submit = form.onSubmit((values) => {
    const body = {
      missionId: values.missionId ?? undefined,
      name: values.name,
      description: nullIfBlank(values.description),
      outcomeIndicatorName: values.outcomeIndicatorName,
      outcomeIndicatorUnit: values.outcomeIndicatorUnit,
      outcomePolarity: values.outcomePolarity ?? undefined,
    };
    const done = feedback(t('common.saved'));
    if (theme) {
      const v = validateWith(updateThemeBody, { ...body, version: theme.version });
      if (!v.ok) return form.setErrors(v.errors);
      update.mutate({ id: theme.id, body: v.data }, done);
    } else {
      const v = validateWith(themeBody, body);
      if (!v.ok) return form.setErrors(v.errors);
      create.mutate({ cycleId, body: v.data }, done);
    }
  });

  return (
    <FormModal
      opened
      onClose={onClose}
      title={theme ? t('cycle.themeEdit') : t('cycle.themeAdd')}
      size="lg"
      onSubmit={submit}
      saving={create.isPending || update.isPending}
    >
      {missions.isSuccess && missions.data.length === 0 ? (
        <Alert color="yellow" role="alert">
          {t('cycle.noMissions')}
        </Alert>
      ) : null}
      <Select
        label={t('cycle.themeMission')}
        required
        allowDeselect={false}
        searchable
        nothingFoundMessage={t('common.noData')}
        data={missionOptions}
        disabled={missions.isPending}
        data-testid="theme-mission"
        {...form.getInputProps('missionId')}
      />
      <TextInput label={t('cycle.themeName')} required {...form.getInputProps('name')} />
      <Textarea
        label={t('cycle.themeDescription')}
        autosize
        minRows={2}
        maxRows={6}
        {...form.getInputProps('description')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('cycle.outcomeName')} required {...form.getInputProps('outcomeIndicatorName')} />
        <TextInput
          label={t('cycle.outcomeUnit')}
          description={t('cycle.outcomeUnitHint')}
          required
          {...form.getInputProps('outcomeIndicatorUnit')}
        />
      </SimpleGrid>
      <Select
        label={t('cycle.outcomePolarity')}
        required
        allowDeselect={false}
        data={polarities.map((p) => ({ value: p, label: polarityLabel(t, p) }))}
        data-testid="theme-polarity"
        {...form.getInputProps('outcomePolarity')}
      />
    </FormModal>
  );
}
