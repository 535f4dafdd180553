import { useEffect } from 'react';
import { Button, Group, Modal, NumberInput, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { z } from 'zod';
import { useApiErrorHandler, validateWith } from '../../app/forms';
import { useT } from '../../app/i18n';

interface Values {
  number: number | string;
  title: string;
}

/**
 * Add or edit a goal (tujuan) or target (sasaran): both are a number and a statement. The caller
 * supplies the schema (with or without `version`) and the save function.
 */
export function NumberedItemModal({
  opened,
  title,
  titleLabel,
  initial,
  schema,
  version,
  saving,
  onSave,
  onClose,
}: {
  opened: boolean;
  title: string;
  titleLabel: string;
  initial: { number: number; title: string };
  schema: z.ZodType;
  version?: number;
  saving: boolean;
  onSave: (
    body: { number: number; title: string; version?: number },
    callbacks: { onSuccess: () => void; onError: (e: unknown) => void },
  ) => void;
  onClose: () => void;
}) {
  const t = useT();
  const onError = useApiErrorHandler();
  const form = useForm<Values>({ initialValues: { number: '', title: '' } });

  useEffect(() => {
    if (!opened) return;
    form.setValues({ number: initial.number, title: initial.title });
    form.clearErrors();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = form.onSubmit((values) => {
    const body = {
      number: typeof values.number === 'number' ? values.number : undefined,
      title: values.title,
      ...(version !== undefined ? { version } : {}),
    };
    const v = validateWith(schema, body);
    if (!v.ok) return form.setErrors(v.errors);
    onSave(v.data as { number: number; title: string; version?: number }, {
      onSuccess: onClose,
      onError: (e) => onError(e, form),
    });
  });

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <NumberInput
            label={t('region.number')}
            required
            min={1}
            max={99}
            allowDecimal={false}
            w={140}
            {...form.getInputProps('number')}
          />
          <Textarea
            label={titleLabel}
            required
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('title')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
