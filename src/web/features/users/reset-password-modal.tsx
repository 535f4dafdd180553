import { useEffect } from 'react';
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { PASSWORD_MIN, resetPasswordBody, type User } from '../../../contract/users';
import { useApiErrorHandler, validateWith } from '../../app/forms';
import { useT } from '../../app/i18n';
import { useResetPassword } from './users-api';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const onError = useApiErrorHandler();
  const reset = useResetPassword();
  const form = useForm({ initialValues: { newPassword: '' } });

  useEffect(() => {
    form.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user?.id]);

  const submit = form.onSubmit((values) => {
    if (!user) return;
    const v = validateWith(resetPasswordBody, { newPassword: values.newPassword, version: user.version });
    if (!v.ok) return form.setErrors(v.errors);
    reset.mutate(
      { id: user.id, body: v.data },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('users.resetDone') });
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  });

  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? t('users.resetPasswordFor', { name: user.fullName }) : ''}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('users.resetHint')}</Text>
          <PasswordInput
            label={t('users.newPassword')}
            description={t('users.passwordHint')}
            required
            autoComplete="new-password"
            minLength={PASSWORD_MIN}
            {...form.getInputProps('newPassword')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reset.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
