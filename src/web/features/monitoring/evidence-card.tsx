import { useRef, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Input,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import type { Evidence, Realization } from '../../../contract/monitoring';
import { ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { ConfirmModal } from '../../components/confirm-modal';
import { evidenceUrl, useRemoveEvidence, useUploadEvidence, type SlotKey } from './monitoring-api';
import { fileSize } from './monitoring-format';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const EXTENSIONS = /\.(pdf|jpe?g|png)$/i;

const typeLabel = (contentType: string) =>
  contentType === 'application/pdf' ? 'PDF' : contentType === 'image/png' ? 'PNG' : 'JPG';

/** A file whose name and type both say it is not PDF, JPG or PNG is refused before uploading. */
const plainlyWrongType = (file: File) => !TYPES.includes(file.type) && !EXTENSIONS.test(file.name);

/**
 * The evidence of a realization: download links for everyone who reads it; upload (with progress)
 * and removal while the unit may still edit. The server checks the type by the file's bytes.
 */
export function EvidenceCard({ realization: r, slot }: { realization: Realization; slot: SlotKey }) {
  const t = useT();
  const f = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [fraction, setFraction] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Evidence | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const uploadMutation = useUploadEvidence(setFraction);
  const remove = useRemoveEvidence(slot);
  const editable = r.can.edit;

  const explainUpload = (err: unknown, name: string): string => {
    if (!(err instanceof ApiError)) return String(err);
    if (err.status === 415) return t('monev.evidence.badType', { name });
    if (err.status === 413) return `${t('monev.evidence.tooLarge', { name })} ${err.message}`;
    if (err.code === 'NETWORK') return t('error.network');
    return err.message;
  };

  const onUpload = () => {
    if (!file) {
      setError(t('monev.evidence.choose'));
      return;
    }
    if (plainlyWrongType(file)) {
      setError(t('monev.evidence.badType', { name: file.name }));
      return;
    }
    setError(null);
    setFraction(0);
    uploadMutation.mutate(
      { key: slot, file },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('monev.evidence.uploaded', { name: file.name }) });
          setFile(null);
          if (input.current) input.current.value = '';
        },
        onError: (err) => setError(explainUpload(err, file.name)),
      },
    );
  };

  return (
    <Card withBorder radius="md" component="section" aria-labelledby="evidence-title" data-testid="evidence">
      <Stack gap="sm">
        <Title order={2} size="h4" id="evidence-title">
          {t('monev.evidence.title')}
        </Title>
        {r.evidence.length === 0 ? (
          <Text size="sm">{t('monev.evidence.none')}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {r.evidence.map((e) => (
              <Paper component="li" key={e.id} withBorder p="xs" radius="sm" data-testid="evidence-item">
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Anchor
                      href={evidenceUrl(e.id)}
                      download={e.originalName}
                      size="sm"
                      fw={500}
                      style={{ wordBreak: 'break-all' }}
                    >
                      {e.originalName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {typeLabel(e.contentType)} · {fileSize(f, e.sizeBytes)} · {f.dateTime(e.createdAt)}
                    </Text>
                  </div>
                  {editable ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setRemoving(e)}
                      aria-label={t('monev.evidence.removeNamed', { name: e.originalName })}
                    >
                      {t('common.delete')}
                    </Button>
                  ) : null}
                </Group>
              </Paper>
            ))}
          </Stack>
        )}

        {editable ? (
          <Stack gap="xs">
            <Input.Wrapper
              label={t('monev.evidence.file')}
              description={t('monev.evidence.fileHint')}
              id="evidence-file"
              labelElement="label"
            >
              <input
                id="evidence-file"
                ref={input}
                type="file"
                accept={ACCEPT}
                aria-describedby="evidence-file-description"
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  setError(null);
                }}
                style={{ display: 'block', marginTop: 4, maxWidth: '100%' }}
                data-testid="evidence-file"
              />
            </Input.Wrapper>
            <Group>
              <Button
                variant="light"
                onClick={onUpload}
                disabled={!file}
                loading={uploadMutation.isPending}
                data-testid="evidence-upload"
              >
                {t('monev.evidence.upload')}
              </Button>
            </Group>
            {uploadMutation.isPending ? (
              <Stack gap={4}>
                <Text size="sm">{t('monev.evidence.uploading', { name: file?.name ?? '' })}</Text>
                <Progress
                  value={Math.round(fraction * 100)}
                  aria-label={t('monev.evidence.progress')}
                  data-testid="evidence-progress"
                />
              </Stack>
            ) : null}
            {error ? (
              <Alert color="red" role="alert" data-testid="evidence-error">
                {error}
              </Alert>
            ) : null}
          </Stack>
        ) : null}
      </Stack>

      <RemoveEvidenceModal
        file={removing}
        message={t('monev.evidence.removeText', { name: removing?.originalName ?? '' })}
        remove={remove}
        onClose={() => setRemoving(null)}
        onError={setError}
      />
    </Card>
  );
}

/**
 * Asks before removing a file of evidence, removes it with `remove`, and reports the outcome: a
 * notice when removed, `onError` with the server's message otherwise.
 */
export function RemoveEvidenceModal({
  file,
  message,
  remove,
  onClose,
  onError,
}: {
  file: Evidence | null;
  message: string;
  remove: UseMutationResult<unknown, Error, string>;
  onClose: () => void;
  onError: (message: string) => void;
}) {
  const t = useT();
  return (
    <ConfirmModal
      opened={file !== null}
      title={t('monev.evidence.removeTitle')}
      message={message}
      confirmLabel={t('common.delete')}
      danger
      loading={remove.isPending}
      onConfirm={() => {
        if (!file) return;
        remove.mutate(file.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('monev.evidence.removed') });
            onClose();
          },
          onError: (err) => {
            onClose();
            onError(err instanceof ApiError ? err.message : String(err));
          },
        });
      }}
      onClose={onClose}
    />
  );
}
