import { NumberInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { z } from 'zod';
import { goalBody, targetBody, updateGoalBody, updateTargetBody } from '../../../contract/region';
import { validateWith } from '../../app/forms';
import { useT, type MessageKey } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { useMutationFeedback } from '../../components/use-mutation-feedback';
import { useCreateNumberedItem, useUpdateNumberedItem, type NumberedItemKind } from './region-api';

interface Values {
  number: number | string;
  title: string;
}

const kinds = {
  goal: {
    add: 'region.addGoal',
    edit: 'region.editGoal',
    statement: 'region.goalTitle',
    createBody: goalBody,
    updateBody: updateGoalBody,
  },
  target: {
    add: 'region.addTarget',
    edit: 'region.editTarget',
    statement: 'region.targetTitle',
    createBody: targetBody,
    updateBody: updateTargetBody,
  },
} satisfies Record<
  NumberedItemKind,
  { add: MessageKey; edit: MessageKey; statement: MessageKey; createBody: z.ZodType; updateBody: z.ZodType }
>;

/**
 * Add or edit a goal (tujuan) under a mission or a target (sasaran) under a goal: both are a
 * number and a statement. Mounted while it is open.
 */
export function NumberedItemModal({
  kind,
  parentId,
  item,
  nextNumber,
  onClose,
}: {
  kind: NumberedItemKind;
  /** The mission of a new goal, the goal of a new target. */
  parentId: string;
  /** The goal or target being edited; null to add one. */
  item: { id: string; version: number; number: number; title: string } | null;
  /** The number a new item starts with (the next free one). */
  nextNumber: number;
  onClose: () => void;
}) {
  const t = useT();
  const create = useCreateNumberedItem();
  const update = useUpdateNumberedItem();
  const form = useForm<Values>({
    initialValues: { number: item?.number ?? nextNumber, title: item?.title ?? '' },
  });
  const feedback = useMutationFeedback(onClose, form);
  const text = kinds[kind];

  const submit = form.onSubmit((values) => {
    const body = {
      number: typeof values.number === 'number' ? values.number : undefined,
      title: values.title,
    };
    const done = feedback(t('common.saved'));
    if (item) {
      const v = validateWith(text.updateBody, { ...body, version: item.version });
      if (!v.ok) return form.setErrors(v.errors);
      update.mutate({ kind, id: item.id, body: v.data }, done);
    } else {
      const v = validateWith(text.createBody, body);
      if (!v.ok) return form.setErrors(v.errors);
      create.mutate({ kind, parentId, body: v.data }, done);
    }
  });

  return (
    <FormModal
      opened
      onClose={onClose}
      title={item ? t(text.edit) : t(text.add)}
      size="lg"
      onSubmit={submit}
      saving={create.isPending || update.isPending}
    >
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
        label={t(text.statement)}
        required
        autosize
        minRows={2}
        maxRows={6}
        {...form.getInputProps('title')}
      />
    </FormModal>
  );
}
