import { Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  civilServantBody,
  nipSchema,
  updateCivilServantBody,
  type CivilServant,
} from '../../../contract/civil-servants';
import { employmentTypes } from '../../../contract/common';
import type { BodyOf } from '../../../contract/route';
import type { civilServantRoutes } from '../../../contract/civil-servants';
import { nullIfBlank, validateWith, type FieldErrors } from '../../app/forms';
import { useT } from '../../app/i18n';
import { FormActions } from '../../components/form-actions';
import { WorkUnitSelect } from '../../components/work-unit-select';
import { NipParts } from './nip-parts';

interface Values {
  nip: string;
  name: string;
  rankGrade: string;
  position: string;
  workUnitId: string | null;
  employmentType: string | null;
  email: string;
  phone: string;
  active: boolean;
}

export type CreateBody = BodyOf<typeof civilServantRoutes.create>;
export type UpdateBody = BodyOf<typeof civilServantRoutes.update>;

interface FormTarget {
  setErrors: (e: FieldErrors) => void;
}

/**
 * Create or edit a civil servant. The body is checked with the contract's schema (NIP included)
 * before it is sent, so the user sees the server's messages without a round trip.
 */
export function CivilServantForm(props: {
  initial: CivilServant | null;
  saving: boolean;
  onCancel: () => void;
  onSubmit: (body: CreateBody | UpdateBody, form: FormTarget) => void;
}) {
  const { initial, saving, onCancel, onSubmit } = props;
  const t = useT();
  const form = useForm<Values>({
    initialValues: initial
      ? {
          nip: initial.nip,
          name: initial.name,
          rankGrade: initial.rankGrade ?? '',
          position: initial.position ?? '',
          workUnitId: initial.workUnitId,
          employmentType: initial.employmentType,
          email: initial.email ?? '',
          phone: initial.phone ?? '',
          active: initial.active,
        }
      : {
          nip: '',
          name: '',
          rankGrade: '',
          position: '',
          workUnitId: null,
          employmentType: 'PNS',
          email: '',
          phone: '',
          active: true,
        },
  });

  const submit = form.onSubmit((values) => {
    const body = {
      nip: values.nip,
      name: values.name,
      rankGrade: nullIfBlank(values.rankGrade),
      position: nullIfBlank(values.position),
      workUnitId: values.workUnitId ?? undefined,
      employmentType: values.employmentType ?? undefined,
      email: nullIfBlank(values.email),
      phone: nullIfBlank(values.phone),
    };
    if (initial) {
      const v = validateWith(updateCivilServantBody, {
        ...body,
        active: values.active,
        version: initial.version,
      });
      if (!v.ok) return form.setErrors(v.errors);
      onSubmit(v.data, form);
    } else {
      const v = validateWith(civilServantBody, body);
      if (!v.ok) return form.setErrors(v.errors);
      onSubmit(v.data, form);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="civil-servant-form">
      <Stack>
        <TextInput
          label={t('asn.nip')}
          description={t('asn.nipHint')}
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={24}
          {...form.getInputProps('nip')}
          onBlur={() => {
            if (!form.values.nip.trim()) return;
            const r = nipSchema.safeParse(form.values.nip);
            form.setFieldError('nip', r.success ? null : r.error.issues[0]?.message);
          }}
        />
        <NipParts nip={form.values.nip} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('asn.name')} required {...form.getInputProps('name')} />
          <WorkUnitSelect
            label={t('asn.workUnit')}
            required
            currentLabel={initial ? `${initial.workUnitName} (${initial.workUnitCode})` : null}
            {...form.getInputProps('workUnitId')}
          />
          <TextInput
            label={t('asn.rankGrade')}
            placeholder="Penata (III/c)"
            {...form.getInputProps('rankGrade')}
          />
          <TextInput label={t('asn.position')} {...form.getInputProps('position')} />
          <Select
            label={t('asn.employmentType')}
            required
            allowDeselect={false}
            data={employmentTypes.map((e) => ({ value: e, label: e }))}
            {...form.getInputProps('employmentType')}
          />
          <TextInput
            label={t('asn.email')}
            type="email"
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          <TextInput label={t('asn.phone')} type="tel" autoComplete="off" {...form.getInputProps('phone')} />
          {initial ? (
            <Switch
              label={t('asn.activeSwitch')}
              mt="xl"
              {...form.getInputProps('active', { type: 'checkbox' })}
            />
          ) : null}
        </SimpleGrid>
        <FormActions saving={saving} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
