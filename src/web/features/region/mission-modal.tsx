import { useEffect } from 'react';
import { NumberInput, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { missionBody, updateMissionBody, type Mission } from '../../../contract/region';
import { nullIfBlank, validateWith } from '../../app/forms';
import { useT } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { useMutationFeedback } from '../../components/use-mutation-feedback';
import { useCreateMission, useUpdateMission } from './region-api';

interface Values {
  termStart: number | string;
  termEnd: number | string;
  number: number | string;
  title: string;
  description: string;
}

const num = (v: number | string) => (typeof v === 'number' ? v : v === '' ? undefined : Number(v));

/** Add or edit a mission of the head of region (RPJMD term, number, statement). */
export function MissionModal({
  opened,
  mission,
  nextNumber,
  defaultTerm,
  onClose,
}: {
  opened: boolean;
  mission: Mission | null;
  nextNumber: number;
  defaultTerm: { start: number; end: number };
  onClose: () => void;
}) {
  const t = useT();
  const create = useCreateMission();
  const update = useUpdateMission();
  const form = useForm<Values>({
    initialValues: { termStart: '', termEnd: '', number: '', title: '', description: '' },
  });
  const feedback = useMutationFeedback(onClose, form);

  useEffect(() => {
    if (!opened) return;
    const next: Values = mission
      ? {
          termStart: mission.termStart,
          termEnd: mission.termEnd,
          number: mission.number,
          title: mission.title,
          description: mission.description ?? '',
        }
      : {
          termStart: defaultTerm.start,
          termEnd: defaultTerm.end,
          number: nextNumber,
          title: '',
          description: '',
        };
    form.setValues(next);
    form.clearErrors();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, mission?.id]);

  const submit = form.onSubmit((values) => {
    const body = {
      termStart: num(values.termStart),
      termEnd: num(values.termEnd),
      number: num(values.number),
      title: values.title,
      description: nullIfBlank(values.description),
    };
    const done = feedback(t('common.saved'));
    if (mission) {
      const v = validateWith(updateMissionBody, { ...body, version: mission.version });
      if (!v.ok) return form.setErrors(v.errors);
      update.mutate({ id: mission.id, body: v.data }, done);
    } else {
      const v = validateWith(missionBody, body);
      if (!v.ok) return form.setErrors(v.errors);
      create.mutate(v.data, done);
    }
  });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={mission ? t('region.editMission') : t('region.addMission')}
      size="lg"
      onSubmit={submit}
      saving={create.isPending || update.isPending}
    >
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <NumberInput
          label={t('region.termStart')}
          required
          min={2000}
          max={2100}
          allowDecimal={false}
          thousandSeparator={false}
          {...form.getInputProps('termStart')}
        />
        <NumberInput
          label={t('region.termEnd')}
          required
          min={2000}
          max={2100}
          allowDecimal={false}
          thousandSeparator={false}
          {...form.getInputProps('termEnd')}
        />
        <NumberInput
          label={t('region.number')}
          required
          min={1}
          max={99}
          allowDecimal={false}
          {...form.getInputProps('number')}
        />
      </SimpleGrid>
      <TextInput label={t('region.missionTitle')} required {...form.getInputProps('title')} />
      <Textarea
        label={t('region.description')}
        autosize
        minRows={3}
        maxRows={8}
        {...form.getInputProps('description')}
      />
    </FormModal>
  );
}
