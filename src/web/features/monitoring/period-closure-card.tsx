import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { periodParams } from '../../../contract/monitoring';
import { oneField, useDialogErrorHandler, validateWith } from '../../app/forms';
import { useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { ConfirmModal } from '../../components/confirm-modal';
import { ReasonModal } from '../../components/reason-modal';
import { usePeriodClosure } from './monitoring-api';
import { usePeriodLabel } from './monitoring-format';

type Dialog = 'close' | 'reopen' | null;

/**
 * The admin closes a reporting period for the whole region (its realizations can no longer be
 * entered) or reopens it with a reason; both are audited. The key is checked like the API checks it.
 */
export function PeriodClosureCard() {
  const t = useT();
  const f = useFormat();
  const label = usePeriodLabel();
  const closure = usePeriodClosure();
  const explain = useDialogErrorHandler();
  const [key, setKey] = useState('');
  const [keyError, setKeyError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const open = (d: Exclude<Dialog, null>) => {
    const v = validateWith(periodParams, { periodKey: key.trim() });
    if (!v.ok) {
      setKeyError(v.errors.periodKey ?? t('monev.close.invalid'));
      return;
    }
    setKey(v.data.periodKey);
    setGeneral(null);
    setDialog(d);
  };
  const close = () => setDialog(null);
  const periodKey = key.trim();

  // A 409 here is not a stale form: the period is already closed (or not closed); say so.
  const onClosureConflict = (err: unknown) =>
    setOutcome({ ok: false, text: err instanceof Error ? err.message : String(err) });
  const onKeyError = oneField('periodKey', (m) => {
    setKeyError(m);
    close();
  });
  const onError = (err: unknown) =>
    explain(err, {
      onConflict: () => {
        onClosureConflict(err);
        close();
      },
      onFields: onKeyError,
      onGeneral: setGeneral,
    });

  const doClose = () => {
    setGeneral(null);
    closure.mutate(
      { periodKey, action: 'close' },
      {
        onSuccess: (r) => {
          const text = t('monev.close.closed', { period: label(r.periodKey), date: f.dateTime(r.closedAt) });
          setOutcome({ ok: true, text });
          notifications.show({ color: 'green', message: text });
          close();
        },
        onError,
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="period-closure-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="period-closure-title">
            {t('monev.close.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('monev.close.intro')}
          </Text>
        </div>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('monev.close.key')}
            description={t('monev.close.keyHint')}
            placeholder="2026-Q1"
            value={key}
            onChange={(e) => {
              setKey(e.currentTarget.value);
              setKeyError(null);
              setOutcome(null);
            }}
            error={keyError}
            style={{ flex: '1 1 220px', maxWidth: 360 }}
            data-testid="period-key"
          />
        </Group>
        <Group gap="sm">
          <Button color="red" variant="outline" onClick={() => open('close')} data-testid="period-close">
            {t('monev.close.close')}
          </Button>
          <Button variant="default" onClick={() => open('reopen')} data-testid="period-reopen">
            {t('monev.close.reopen')}
          </Button>
        </Group>
        {outcome ? (
          <Alert color={outcome.ok ? 'green' : 'yellow'} role="status" data-testid="period-outcome">
            {outcome.text}
          </Alert>
        ) : null}
      </Stack>

      <ConfirmModal
        opened={dialog === 'close'}
        title={t('monev.close.confirmTitle', { period: label(periodKey) })}
        message={
          <Stack gap="xs">
            <Text size="sm">{t('monev.close.confirmText', { period: label(periodKey) })}</Text>
            {general ? (
              <Alert color="red" role="alert">
                {general}
              </Alert>
            ) : null}
          </Stack>
        }
        confirmLabel={t('monev.close.close')}
        danger
        loading={closure.isPending}
        onConfirm={doClose}
        onClose={close}
      />

      <ReasonModal
        opened={dialog === 'reopen'}
        title={t('monev.close.reopenTitle', { period: label(periodKey) })}
        message={t('monev.close.reopenText')}
        reasonLabel={t('monev.close.reason')}
        required
        requiredMessage={t('monev.close.reasonRequired')}
        maxLength={1000}
        minRows={2}
        confirmLabel={t('monev.close.reopen')}
        loading={closure.isPending}
        onSubmit={(reason, done) => closure.mutate({ periodKey, action: 'reopen', reason }, done)}
        successMessage={(res: { periodKey: string }) =>
          t('monev.close.reopened', { period: label(res.periodKey) })
        }
        onSuccess={(text) => setOutcome({ ok: true, text })}
        onClose={close}
        onConflict={onClosureConflict}
        onFields={onKeyError}
        testIds={{ reason: 'reopen-reason', confirm: 'reopen-submit' }}
      />
    </Paper>
  );
}
