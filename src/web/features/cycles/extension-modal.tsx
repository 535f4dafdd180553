import { Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { extensionBody, type CycleDto } from '../../../contract/cycles';
import { validateWith } from '../../app/forms';
import { useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { FormModal } from '../../components/form-modal';
import { useMutationFeedback } from '../../components/use-mutation-feedback';
import { WorkUnitSelect } from '../../components/work-unit-select';
import { useExtendSubmission } from './cycles-api';

interface Values {
  workUnitId: string | null;
  deadline: string;
  reason: string;
}

/**
 * An audited later submission deadline for one unit: after the cycle's deadline and no later than
 * the end of the sessions. Mounted while it is open.
 */
export function ExtensionModal({ cycle, onClose }: { cycle: CycleDto; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const extend = useExtendSubmission();
  const form = useForm<Values>({ initialValues: { workUnitId: null, deadline: '', reason: '' } });
  const feedback = useMutationFeedback(onClose, form);
  const { submissionDeadline, sessionsEnd } = cycle.phases;
  const earliest = dayjs(submissionDeadline).add(1, 'day').format('YYYY-MM-DD');

  const submit = form.onSubmit((values) => {
    const v = validateWith(extensionBody, {
      workUnitId: values.workUnitId ?? undefined,
      deadline: values.deadline || undefined,
      reason: values.reason,
    });
    if (!v.ok) return form.setErrors(v.errors);
    extend.mutate({ cycleId: cycle.id, body: v.data }, feedback(t('cycle.extended')));
  });

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('cycle.extend')}
      size="lg"
      onSubmit={submit}
      saving={extend.isPending}
    >
      <Text size="sm">{t('cycle.extHint')}</Text>
      <WorkUnitSelect
        label={t('cycle.extUnit')}
        required
        data-testid="extension-unit"
        {...form.getInputProps('workUnitId')}
      />
      <TextInput
        type="date"
        label={t('cycle.extDeadline')}
        description={t('cycle.extDeadlineHint', {
          from: f.date(submissionDeadline),
          to: f.date(sessionsEnd),
        })}
        required
        min={earliest}
        max={sessionsEnd}
        data-testid="extension-deadline"
        {...form.getInputProps('deadline')}
      />
      <Textarea
        label={t('cycle.extReason')}
        required
        autosize
        minRows={2}
        maxRows={6}
        {...form.getInputProps('reason')}
      />
    </FormModal>
  );
}
