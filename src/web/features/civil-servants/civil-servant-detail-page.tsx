import { useState, type ReactNode } from 'react';
import { Anchor, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useApiErrorHandler } from '../../app/forms';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useFormat, useMe } from '../../app/session';
import { ActiveBadge } from '../../components/active-badge';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { CivilServantForm, type UpdateBody } from './civil-servant-form';
import { useCivilServant, useUpdateCivilServant } from './civil-servants-api';
import { formatNip, NipParts } from './nip-parts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {children}
      </Text>
    </div>
  );
}

export function CivilServantDetailPage() {
  const t = useT();
  const f = useFormat();
  const me = useMe();
  const { id = '' } = useParams();
  const cs = useCivilServant(id);
  const update = useUpdateCivilServant();
  const onError = useApiErrorHandler();
  const [editing, setEditing] = useState(false);
  const mayEdit = can.writeCivilServants(me);

  const back = (
    <Anchor component={Link} to="/asn" size="sm">
      ← {t('common.back')}
    </Anchor>
  );

  if (cs.isPending) return <PageLoader />;
  if (cs.isError) {
    const notFound =
      cs.error instanceof ApiError &&
      (cs.error.code === 'NOT_FOUND' || cs.error.code === 'VALIDATION_FAILED');
    return (
      <Stack>
        {back}
        <PageHeader title={t('asn.detailTitle')} />
        {notFound ? (
          <Text>{t('asn.notFound')}</Text>
        ) : (
          <QueryError error={cs.error} onRetry={() => void cs.refetch()} />
        )}
      </Stack>
    );
  }
  const c = cs.data;

  return (
    <Stack>
      {back}
      <PageHeader
        title={c.name}
        description={`${t('asn.nip')} ${formatNip(c.nip)}`}
        actions={
          mayEdit && !editing ? (
            <Button onClick={() => setEditing(true)} data-testid="edit-civil-servant">
              {t('common.edit')}
            </Button>
          ) : null
        }
      />
      {editing ? (
        <Paper withBorder p="md" radius="md" maw={900}>
          <Title order={2} size="h4" mb="sm">
            {t('asn.editTitle')}
          </Title>
          <CivilServantForm
            key={c.version}
            initial={c}
            saving={update.isPending}
            onCancel={() => setEditing(false)}
            onSubmit={(body, form) =>
              update.mutate(
                { id: c.id, body: body as UpdateBody },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: t('common.saved') });
                    setEditing(false);
                  },
                  onError: (e) => {
                    onError(e, form);
                    if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') void cs.refetch();
                  },
                },
              )
            }
          />
        </Paper>
      ) : (
        <>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">
              {t('asn.nipParts')}
            </Title>
            <NipParts nip={c.nip} />
          </Paper>
          <Paper withBorder p="md" radius="md">
            <SimpleGrid
              component="dl"
              cols={{ base: 1, sm: 2, md: 3 }}
              m={0}
              data-testid="civil-servant-fields"
            >
              <Field label={t('asn.nip')}>{formatNip(c.nip)}</Field>
              <Field label={t('asn.name')}>{c.name}</Field>
              <Field label={t('asn.workUnit')}>
                {c.workUnitName} ({c.workUnitCode})
              </Field>
              <Field label={t('asn.position')}>{c.position ?? t('common.none')}</Field>
              <Field label={t('asn.rankGrade')}>{c.rankGrade ?? t('common.none')}</Field>
              <Field label={t('asn.employmentType')}>{c.employmentType}</Field>
              <Field label={t('asn.birthDate')}>{f.date(c.birthDate)}</Field>
              <Field label={t('asn.sex')}>{t(`sex.${c.sex}`)}</Field>
              <Field label={t('asn.email')}>{c.email ?? t('common.none')}</Field>
              <Field label={t('asn.phone')}>{c.phone ?? t('common.none')}</Field>
              <Field label={t('asn.active')}>
                <ActiveBadge active={c.active} />
              </Field>
              <Field label={t('asn.updatedAt')}>{f.dateTime(c.updatedAt)}</Field>
            </SimpleGrid>
          </Paper>
        </>
      )}
    </Stack>
  );
}
