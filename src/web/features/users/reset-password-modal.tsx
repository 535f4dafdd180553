import { useEffect } from 'react';
import { PasswordInput, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { PASSWORD_MIN, resetPasswordBody, type User } from '../../../contract/users';
import { validateWith } from '../../app/forms';
import { useT } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { useMutationFeedback } from '../../components/use-mutation-feedback';
import { useResetPassword } from './users-api';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const reset = useResetPassword();
  const form = useForm({ initialValues: { newPassword: '' } });
  const feedback = useMutationFeedback(onClose, form);

  useEffect(() => {
    form.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user?.id]);

  const submit = form.onSubmit((values) => {
    if (!user) return;
    const v = validateWith(resetPasswordBody, { newPassword: values.newPassword, version: user.version });
    if (!v.ok) return form.setErrors(v.errors);
    reset.mutate({ id: user.id, body: v.data }, feedback(t('users.resetDone')));
  });

  return (
    <FormModal
      opened={user !== null}
      onClose={onClose}
      title={user ? t('users.resetPasswordFor', { name: user.fullName }) : ''}
      onSubmit={submit}
      saving={reset.isPending}
    >
      <Text size="sm">{t('users.resetHint')}</Text>
      <PasswordInput
        label={t('users.newPassword')}
        description={t('users.passwordHint')}
        required
        autoComplete="new-password"
        minLength={PASSWORD_MIN}
        {...form.getInputProps('newPassword')}
      />
    </FormModal>
  );
}
