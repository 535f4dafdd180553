import { Paper, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../../app/forms';
import { useT } from '../../app/i18n';
import { PageHeader } from '../../components/page-header';
import { CivilServantForm, type CreateBody } from './civil-servant-form';
import { useCreateCivilServant } from './civil-servants-api';

export function CivilServantCreatePage() {
  const t = useT();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const create = useCreateCivilServant();
  return (
    <Stack>
      <PageHeader title={t('asn.createTitle')} />
      <Paper withBorder p="md" radius="md" maw={900}>
        <CivilServantForm
          initial={null}
          saving={create.isPending}
          onCancel={() => navigate('/asn')}
          onSubmit={(body, form) =>
            create.mutate(body as CreateBody, {
              onSuccess: (cs) => {
                notifications.show({ color: 'green', message: t('asn.created') });
                navigate(`/asn/${cs.id}`, { replace: true });
              },
              onError: (e) => onError(e, form),
            })
          }
        />
      </Paper>
    </Stack>
  );
}
