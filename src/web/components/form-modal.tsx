import type { FormEventHandler, ReactNode } from 'react';
import { Modal, Stack, type ModalProps } from '@mantine/core';
import { FormActions } from './form-actions';

/** A dialog holding one form: its fields, then Cancel (closes the dialog) and Save (submits). */
export function FormModal({
  opened,
  onClose,
  title,
  size,
  onSubmit,
  saving,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  size?: ModalProps['size'];
  onSubmit: FormEventHandler<HTMLFormElement>;
  saving: boolean;
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {children}
          <FormActions saving={saving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
