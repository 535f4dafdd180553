import { Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { revokeExtensionBody, type CycleDto } from '../../../contract/cycles';
import { validateWith } from '../../app/forms';
import { useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { FormModal } from '../../components/form-modal';
import { useMutationFeedback } from '../../components/use-mutation-feedback';
import { useRevokeExtension } from './cycles-api';

type Extension = CycleDto['extensions'][number];

/** Withdraws a unit's later submission deadline, with a reason (audited). Mounted while open. */
export function RevokeExtensionModal({
  cycle,
  extension,
  onClose,
}: {
  cycle: CycleDto;
  extension: Extension;
  onClose: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const revoke = useRevokeExtension();
  const form = useForm({ initialValues: { reason: '' } });
  const feedback = useMutationFeedback(onClose, form);
  const submit = form.onSubmit((values) => {
    const v = validateWith(revokeExtensionBody, values);
    if (!v.ok) return form.setErrors(v.errors);
    revoke.mutate(
      { cycleId: cycle.id, extensionId: extension.id, body: v.data },
      feedback(t('cycle.extRevoked')),
    );
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('cycle.extRevoke')}
      onSubmit={submit}
      saving={revoke.isPending}
    >
      <Text size="sm">
        {t('cycle.extRevokeHint', {
          unit: extension.workUnitName,
          date: f.date(extension.deadline),
          cycleDate: f.date(cycle.phases.submissionDeadline),
        })}
      </Text>
      <Textarea
        label={t('cycle.extRevokeReason')}
        required
        autosize
        minRows={2}
        maxRows={6}
        data-testid="extension-revoke-reason"
        {...form.getInputProps('reason')}
      />
    </FormModal>
  );
}
