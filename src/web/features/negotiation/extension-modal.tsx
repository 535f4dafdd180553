import { Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { extensionBody, type Negotiation } from '../../../contract/agreements';
import { validateWith } from '../../app/forms';
import { useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { FormModal } from '../../components/form-modal';
import { useMutationFeedback } from '../../components/use-mutation-feedback';
import { useExtendNegotiation } from './negotiation-api';

interface Values {
  deadline: string;
  reason: string;
}

/**
 * The admin's audited later negotiation deadline for this proposal: after the deadline that applies
 * now and no later than the end of the term's first year. Mounted while it is open.
 */
export function ExtensionModal({
  negotiation: n,
  onClose,
}: {
  negotiation: Negotiation;
  onClose: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const extend = useExtendNegotiation();
  const form = useForm<Values>({ initialValues: { deadline: '', reason: '' } });
  const feedback = useMutationFeedback(onClose, form);
  const earliest = dayjs(n.deadline).add(1, 'day').format('YYYY-MM-DD');
  const latest = `${n.term.startYear}-12-31`;

  const submit = form.onSubmit((values) => {
    const v = validateWith(extensionBody, {
      deadline: values.deadline || undefined,
      reason: values.reason,
      version: n.version,
    });
    if (!v.ok) return form.setErrors(v.errors);
    extend.mutate({ proposalId: n.proposalId, body: v.data }, feedback(t('neg.extended')));
  });

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('neg.extend')}
      size="lg"
      onSubmit={submit}
      saving={extend.isPending}
    >
      <Text size="sm">{t('neg.extendHint')}</Text>
      <TextInput
        type="date"
        label={t('neg.extendDeadline')}
        description={t('neg.extendDeadlineHint', { from: f.date(earliest), to: f.date(latest) })}
        required
        min={earliest}
        max={latest}
        data-testid="neg-extension-deadline"
        {...form.getInputProps('deadline')}
      />
      <Textarea
        label={t('neg.extendReason')}
        required
        autosize
        minRows={2}
        maxRows={6}
        data-testid="neg-extension-reason"
        {...form.getInputProps('reason')}
      />
    </FormModal>
  );
}
