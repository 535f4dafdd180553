import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Realization } from '../../../contract/monitoring';
import { ApiError } from '../../app/api';
import { useDialogErrorHandler } from '../../app/forms';
import { useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { ConfirmModal } from '../../components/confirm-modal';
import { ReasonModal } from '../../components/reason-modal';
import {
  useReturnRealization,
  useSubmitRealization,
  useVerifyRealization,
  type SlotKey,
} from './monitoring-api';
import { formatValue, usePeriodLabel } from './monitoring-format';

type Dialog = 'submit' | 'verify' | 'return' | null;

const conflictText = (err: unknown, fallback: string) =>
  err instanceof ApiError && err.code !== 'VERSION_CONFLICT' ? err.message : fallback;

/** What the lateness of a submission will be, for the confirmation. */
function SubmitMessage({ realization: r }: { realization: Realization }) {
  const t = useT();
  const f = useFormat();
  const label = usePeriodLabel();
  const late = r.lateWorkingDays ?? 0;
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('monev.submit.text', { value: formatValue(f, r), period: label(r.periodKey) })}
      </Text>
      {r.periodState === 'overdue' ? (
        <Alert color="orange" data-testid="submit-late">
          {late > 0
            ? t('monev.submit.late', { date: f.date(r.deadline), n: late })
            : t('monev.submit.lateUnknown', { date: f.date(r.deadline) })}
        </Alert>
      ) : null}
      {r.status === 'returned' && late > 0 ? (
        <Text size="sm">{t('monev.submit.lateKept', { n: late })}</Text>
      ) : null}
      {r.evidence.length === 0 ? (
        <Alert color="yellow" data-testid="submit-no-evidence">
          {t('monev.submit.noEvidence')}
        </Alert>
      ) : null}
    </Stack>
  );
}

/**
 * The head's "Ajukan" and the verifier's "Verifikasi" / "Kembalikan", as the realization's `can`
 * allows. A 409 (someone acted first, or the period closed) reloads the realization.
 */
export function RealizationActions({
  realization: r,
  slot,
  dirty,
  onConflict,
}: {
  realization: Realization;
  slot: SlotKey;
  /** The form holds unsaved changes: they must be saved before submitting. */
  dirty: boolean;
  onConflict: (message: string) => void;
}) {
  const t = useT();
  const label = usePeriodLabel();
  const submit = useSubmitRealization();
  const verify = useVerifyRealization();
  const ret = useReturnRealization();
  const explain = useDialogErrorHandler();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [general, setGeneral] = useState<string | null>(null);

  if (!r.can.submit && !r.can.verify && !r.can.return) return null;

  const open = (d: Exclude<Dialog, null>) => {
    setGeneral(null);
    setDialog(d);
  };
  const close = () => setDialog(null);
  const onRealizationConflict = (err: unknown) => onConflict(conflictText(err, t('monev.conflict')));
  const onError = (err: unknown) =>
    explain(err, {
      onConflict: () => {
        close();
        onRealizationConflict(err);
      },
      onGeneral: setGeneral,
    });
  const done = (message: string) => () => {
    notifications.show({ color: 'green', message });
    close();
  };

  const generalAlert = general ? (
    <Alert color="red" role="alert">
      {general}
    </Alert>
  ) : null;

  return (
    <Card withBorder radius="md" component="section" aria-labelledby="realization-actions-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="realization-actions-title">
          {r.can.submit ? t('monev.actions.submitTitle') : t('monev.actions.verifyTitle')}
        </Title>
        {r.can.submit ? (
          <>
            <Text size="sm">{dirty ? t('monev.submit.saveFirst') : t('monev.submit.hint')}</Text>
            <Group>
              <Button onClick={() => open('submit')} disabled={dirty} data-testid="realization-submit">
                {t('monev.submit.button')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Text size="sm">{t('monev.verify.hint')}</Text>
            <Group gap="sm">
              {r.can.verify ? (
                <Button onClick={() => open('verify')} data-testid="realization-verify">
                  {t('monev.verify.button')}
                </Button>
              ) : null}
              {r.can.return ? (
                <Button
                  color="red"
                  variant="outline"
                  onClick={() => open('return')}
                  data-testid="realization-return"
                >
                  {t('monev.return.button')}
                </Button>
              ) : null}
            </Group>
          </>
        )}
      </Stack>

      <ConfirmModal
        opened={dialog === 'submit'}
        title={t('monev.submit.title')}
        message={
          <Stack gap="xs">
            <SubmitMessage realization={r} />
            {generalAlert}
          </Stack>
        }
        confirmLabel={t('monev.submit.button')}
        loading={submit.isPending}
        onConfirm={() =>
          submit.mutate(
            { key: slot, version: r.version },
            { onSuccess: done(t('monev.submit.done')), onError },
          )
        }
        onClose={close}
      />

      <ConfirmModal
        opened={dialog === 'verify'}
        title={t('monev.verify.title')}
        message={
          <Stack gap="xs">
            <Text size="sm">
              {t('monev.verify.text', { period: label(r.periodKey), unit: r.workUnitName })}
            </Text>
            {r.evidence.length === 0 ? <Alert color="yellow">{t('monev.verify.noEvidence')}</Alert> : null}
            {generalAlert}
          </Stack>
        }
        confirmLabel={t('monev.verify.button')}
        loading={verify.isPending}
        onConfirm={() =>
          verify.mutate(
            { key: slot, version: r.version },
            { onSuccess: done(t('monev.verify.done')), onError },
          )
        }
        onClose={close}
      />

      <ReasonModal
        opened={dialog === 'return'}
        title={t('monev.return.title')}
        message={t('monev.return.text')}
        reasonLabel={t('monev.return.reason')}
        required
        requiredMessage={t('monev.return.reasonRequired')}
        maxLength={2000}
        confirmLabel={t('monev.return.button')}
        confirmColor="red"
        loading={ret.isPending}
        onSubmit={(reason, done) => ret.mutate({ key: slot, version: r.version, reason }, done)}
        successMessage={t('monev.return.done')}
        onClose={close}
        onConflict={onRealizationConflict}
        testIds={{ reason: 'return-reason', confirm: 'return-submit' }}
      />
    </Card>
  );
}
