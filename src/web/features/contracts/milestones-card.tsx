import { useRef, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  type MantineColor,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { markMilestoneBody, type Evidence, type Milestone } from '../../../contract/monitoring';
import { ApiError } from '../../app/api';
import { validateWith } from '../../app/forms';
import { useT, type MessageKey } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { FormModal } from '../../components/form-modal';
import { QueryError } from '../../components/query-error';
import { useMutationFeedback } from '../../components/use-mutation-feedback';
import { RemoveEvidenceModal } from '../monitoring/evidence-card';
import { evidenceUrl } from '../monitoring/monitoring-api';
import { fileSize } from '../monitoring/monitoring-format';
import {
  useMarkMilestone,
  useMilestones,
  useRemoveMilestoneEvidence,
  useUploadMilestoneEvidence,
} from './milestones-api';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

const stateColors: Record<Milestone['state'], MantineColor> = {
  upcoming: 'gray',
  overdue: 'red',
  done: 'green',
  done_late: 'orange',
};

function StateBadge({ m }: { m: Milestone }) {
  const t = useT();
  return (
    <Badge variant="light" color={stateColors[m.state]} tt="none" data-testid="milestone-state">
      {t(`milestone.state.${m.state}` as MessageKey, { n: m.lateWorkingDays })}
    </Badge>
  );
}

/** Marks a milestone done on a day (today at the latest), with a note and optionally a first file. */
function MarkModal({
  contractId,
  milestone: m,
  onClose,
}: {
  contractId: string;
  milestone: Milestone;
  onClose: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const mark = useMarkMilestone(contractId);
  const [fraction, setFraction] = useState(0);
  const uploadFile = useUploadMilestoneEvidence(contractId, setFraction);
  const [file, setFile] = useState<File | null>(null);
  const today = dayjs().format('YYYY-MM-DD');
  const form = useForm({ initialValues: { doneOn: today, note: '' } });
  const feedback = useMutationFeedback(onClose, form);
  const submit = form.onSubmit((values) => {
    const v = validateWith(markMilestoneBody, { doneOn: values.doneOn, note: values.note || null });
    if (!v.ok) return form.setErrors(v.errors);
    mark.mutate(
      { key: m.key, body: v.data },
      {
        onSuccess: () => {
          if (!file) return feedback(t('milestone.marked', { title: m.title })).onSuccess();
          uploadFile.mutate(
            { key: m.key, file },
            {
              onSuccess: () => feedback(t('milestone.markedWithFile', { title: m.title })).onSuccess(),
              // Marked, but the file did not go: say so; it can be added from the card.
              onError: (err) => {
                notifications.show({
                  color: 'orange',
                  message: t('milestone.fileFailed', {
                    name: file.name,
                    reason: err instanceof ApiError ? err.message : String(err),
                  }),
                });
                onClose();
              },
            },
          );
        },
        onError: feedback('').onError,
      },
    );
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('milestone.markTitle', { title: m.title })}
      onSubmit={submit}
      saving={mark.isPending || uploadFile.isPending}
    >
      <Text size="sm">{t('milestone.markHint', { due: f.date(m.dueDate) })}</Text>
      <TextInput
        type="date"
        label={t('milestone.doneOn')}
        required
        max={today}
        data-testid="milestone-done-on"
        {...form.getInputProps('doneOn')}
      />
      <Textarea
        label={t('milestone.note')}
        autosize
        minRows={2}
        maxRows={6}
        data-testid="milestone-note"
        {...form.getInputProps('note')}
      />
      <div>
        <label htmlFor="milestone-file">
          <Text size="sm" fw={500} component="span">
            {t('milestone.file')}
          </Text>
        </label>
        <Text size="xs" c="dimmed" id="milestone-file-hint">
          {t('monev.evidence.fileHint')}
        </Text>
        <input
          id="milestone-file"
          type="file"
          accept={ACCEPT}
          aria-describedby="milestone-file-hint"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          style={{ display: 'block', marginTop: 4, maxWidth: '100%' }}
          data-testid="milestone-file"
        />
      </div>
      {uploadFile.isPending ? (
        <Progress value={Math.round(fraction * 100)} aria-label={t('monev.evidence.progress')} />
      ) : null}
    </FormModal>
  );
}

/** The files of a done milestone, with an upload for the unit. */
function MilestoneEvidence({ contractId, milestone: m }: { contractId: string; milestone: Milestone }) {
  const t = useT();
  const f = useFormat();
  const [fraction, setFraction] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Evidence | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const uploadFile = useUploadMilestoneEvidence(contractId, setFraction);
  const remove = useRemoveMilestoneEvidence(contractId);
  const inputId = `milestone-evidence-${m.key}`;
  return (
    <Stack gap={6}>
      {m.evidence.length === 0 ? (
        m.doneOn ? (
          <Text size="xs" c="dimmed">
            {t('milestone.noEvidence')}
          </Text>
        ) : null
      ) : (
        <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
          {m.evidence.map((e) => (
            <Group component="li" key={e.id} gap="xs" wrap="nowrap" data-testid="milestone-evidence">
              <Anchor
                href={evidenceUrl(e.id)}
                download={e.originalName}
                size="sm"
                style={{ wordBreak: 'break-all' }}
              >
                {e.originalName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {fileSize(f, e.sizeBytes)}
              </Text>
              {m.can.upload ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => setRemoving(e)}
                  aria-label={t('monev.evidence.removeNamed', { name: e.originalName })}
                >
                  {t('common.delete')}
                </Button>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
      {m.can.upload ? (
        <Group gap="xs" align="flex-end">
          <div>
            <label htmlFor={inputId}>
              <Text size="xs" fw={500} component="span">
                {t('milestone.addFile')}
              </Text>
            </label>
            <input
              id={inputId}
              ref={input}
              type="file"
              accept={ACCEPT}
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setError(null);
              }}
              style={{ display: 'block', maxWidth: '100%' }}
              data-testid="milestone-evidence-file"
            />
          </div>
          <Button
            size="xs"
            variant="light"
            disabled={!file}
            loading={uploadFile.isPending}
            data-testid="milestone-evidence-upload"
            onClick={() => {
              if (!file) return;
              setFraction(0);
              uploadFile.mutate(
                { key: m.key, file },
                {
                  onSuccess: () => {
                    notifications.show({
                      color: 'green',
                      message: t('monev.evidence.uploaded', { name: file.name }),
                    });
                    setFile(null);
                    if (input.current) input.current.value = '';
                  },
                  onError: (err) => setError(err instanceof ApiError ? err.message : String(err)),
                },
              );
            }}
          >
            {t('monev.evidence.upload')}
          </Button>
        </Group>
      ) : null}
      {uploadFile.isPending ? (
        <Progress value={Math.round(fraction * 100)} aria-label={t('monev.evidence.progress')} />
      ) : null}
      {error ? (
        <Alert color="red" role="alert" p="xs">
          {error}
        </Alert>
      ) : null}
      <RemoveEvidenceModal
        file={removing}
        message={t('milestone.removeText', { name: removing?.originalName ?? '' })}
        remove={remove}
        onClose={() => setRemoving(null)}
        onError={setError}
      />
    </Stack>
  );
}

/**
 * The contract's milestones as they stand today: upcoming, overdue (working days), done on time or
 * late; the unit marks them done and adds evidence; everyone who reads the contract opens the files.
 */
export function MilestonesCard({ contractId }: { contractId: string }) {
  const t = useT();
  const f = useFormat();
  const list = useMilestones(contractId);
  const [marking, setMarking] = useState<Milestone | null>(null);
  return (
    <Card
      withBorder
      radius="md"
      component="section"
      aria-labelledby="contract-milestones-title"
      data-testid="milestones"
    >
      <Title order={2} size="h4" id="contract-milestones-title">
        {t('milestone.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('milestone.hint')}
      </Text>
      {list.isPending ? (
        <Text size="sm">{t('app.loading')}</Text>
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Text size="sm">{t('milestone.none')}</Text>
      ) : (
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {list.data.map((m) => (
            <Paper component="li" key={m.key} withBorder p="sm" radius="sm" data-testid="milestone">
              <Stack gap={6}>
                <Group justify="space-between" align="flex-start" gap="xs">
                  <div style={{ minWidth: 0 }}>
                    <Text fw={600} size="sm">
                      {m.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('milestone.due', { date: f.date(m.dueDate) })}
                      {m.doneOn
                        ? ` · ${t('milestone.doneBy', { date: f.date(m.doneOn), name: m.markedByName ?? '-' })}`
                        : ''}
                    </Text>
                  </div>
                  <Group gap="xs">
                    <StateBadge m={m} />
                    {m.can.mark ? (
                      <Button size="xs" onClick={() => setMarking(m)} data-testid="milestone-mark">
                        {t('milestone.mark')}
                      </Button>
                    ) : null}
                  </Group>
                </Group>
                {m.note ? <Text size="sm">{m.note}</Text> : null}
                <MilestoneEvidence contractId={contractId} milestone={m} />
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {marking ? (
        <MarkModal contractId={contractId} milestone={marking} onClose={() => setMarking(null)} />
      ) : null}
    </Card>
  );
}
