import { useEffect } from 'react';
import { Select, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { workUnitKinds } from '../../../contract/common';
import { updateWorkUnitBody, workUnitBody, type WorkUnit } from '../../../contract/work-units';
import { validateWith } from '../../app/forms';
import { useT, type MessageKey } from '../../app/i18n';
import { CivilServantSelect } from '../../components/civil-servant-select';
import { FormModal } from '../../components/form-modal';
import { useMutationFeedback } from '../../components/use-mutation-feedback';
import { useCreateWorkUnit, useUpdateWorkUnit } from './work-units-api';

interface Values {
  code: string;
  name: string;
  kind: string | null;
  headCivilServantId: string | null;
}

/** Create or edit a work unit; its head is chosen among the unit's own civil servants. */
export function WorkUnitModal({
  opened,
  unit,
  onClose,
}: {
  opened: boolean;
  unit: WorkUnit | null;
  onClose: () => void;
}) {
  const t = useT();
  const create = useCreateWorkUnit();
  const update = useUpdateWorkUnit();
  const form = useForm<Values>({
    initialValues: { code: '', name: '', kind: null, headCivilServantId: null },
  });
  const feedback = useMutationFeedback(onClose, form);

  useEffect(() => {
    if (!opened) return;
    const next: Values = unit
      ? { code: unit.code, name: unit.name, kind: unit.kind, headCivilServantId: unit.headCivilServantId }
      : { code: '', name: '', kind: null, headCivilServantId: null };
    form.setValues(next);
    form.clearErrors();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, unit?.id]);

  const submit = form.onSubmit((values) => {
    const handlers = feedback(unit ? t('common.saved') : t('wu.created'));
    if (unit) {
      const v = validateWith(updateWorkUnitBody, { ...values, version: unit.version });
      if (!v.ok) return form.setErrors(v.errors);
      update.mutate({ id: unit.id, body: v.data }, handlers);
    } else {
      const { headCivilServantId: _ignored, ...rest } = values;
      const v = validateWith(workUnitBody, rest);
      if (!v.ok) return form.setErrors(v.errors);
      create.mutate(v.data, handlers);
    }
  });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={unit ? t('wu.edit') : t('wu.create')}
      size="lg"
      onSubmit={submit}
      saving={create.isPending || update.isPending}
    >
      <TextInput
        label={t('wu.code')}
        required
        placeholder="1.02.0.00.0.00.01"
        {...form.getInputProps('code')}
      />
      <TextInput label={t('wu.name')} required {...form.getInputProps('name')} />
      <Select
        label={t('wu.kind')}
        required
        allowDeselect={false}
        data={workUnitKinds.map((k) => ({ value: k, label: t(`unitKind.${k}` as MessageKey) }))}
        {...form.getInputProps('kind')}
      />
      {unit ? (
        <CivilServantSelect
          key={unit.id}
          label={t('wu.head')}
          description={t('wu.headHint')}
          workUnitId={unit.id}
          currentLabel={unit.headName}
          {...form.getInputProps('headCivilServantId')}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('wu.headAfterCreate')}
        </Text>
      )}
    </FormModal>
  );
}
