import { useRef, useState } from 'react';
import { Alert, Anchor, Button, Group, Input, Paper, Progress, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SanctionDto } from '../../../contract/discipline';
import { ApiError } from '../../app/api';
import { useDialogErrorHandler, oneField } from '../../app/forms';
import { useFormat } from '../../app/session';
import { FieldRow } from '../../components/field-row';
import { fileSize } from '../monitoring/monitoring-format';
import { CaseCard } from './case-parts';
import { appealFileUrl, useSanctionTransition, useUploadAppealFile } from './discipline-api';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const EXTENSIONS = /\.(pdf|jpe?g|png)$/i;
const MAX_REASON = 2000;

const typeLabel = (contentType: string) =>
  contentType === 'application/pdf' ? 'PDF' : contentType === 'image/png' ? 'PNG' : 'JPG';

/** A file whose name and type both say it is not PDF, JPG or PNG is refused before uploading. */
const plainlyWrongType = (file: File) => !TYPES.includes(file.type) && !EXTENSIONS.test(file.name);

/** The evidence files of an appeal, with download links. */
function AppealFiles({ sanction: s }: { sanction: SanctionDto }) {
  const f = useFormat();
  if (s.appealFiles.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="appeal-files-none">
        Belum ada bukti yang dilampirkan.
      </Text>
    );
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Bukti keberatan">
      {s.appealFiles.map((file) => (
        <Paper component="li" key={file.id} withBorder p="xs" radius="sm" data-testid="appeal-file">
          <Anchor
            href={appealFileUrl(s.id, file.id)}
            download={file.name}
            size="sm"
            fw={500}
            style={{ wordBreak: 'break-all' }}
            aria-label={`Unduh ${file.name}`}
          >
            {file.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {typeLabel(file.contentType)} · {fileSize(f, file.sizeBytes)} · {f.dateTime(file.uploadedAt)}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

/** Upload of one evidence file (PDF, JPG or PNG) with progress; the server checks the bytes. */
function AppealUpload({ sanctionId }: { sanctionId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [fraction, setFraction] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const mutation = useUploadAppealFile(sanctionId, setFraction);

  const explain = (err: unknown, name: string): string => {
    if (!(err instanceof ApiError)) return String(err);
    if (err.status === 415) return `Berkas ${name} bukan PDF, JPG atau PNG.`;
    if (err.status === 413) return `Berkas ${name} terlalu besar. ${err.message}`;
    if (err.code === 'NETWORK') return 'Tidak dapat terhubung ke server. Periksa koneksi Anda.';
    return err.message;
  };

  const onUpload = () => {
    if (!file) {
      setError('Pilih berkas terlebih dahulu.');
      return;
    }
    if (plainlyWrongType(file)) {
      setError(`Berkas ${file.name} bukan PDF, JPG atau PNG.`);
      return;
    }
    setError(null);
    setFraction(0);
    mutation.mutate(file, {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', message: `Bukti ${saved.name} dilampirkan.` });
        setFile(null);
        if (input.current) input.current.value = '';
      },
      onError: (err) => setError(explain(err, file.name)),
    });
  };

  return (
    <Stack gap="xs">
      <Input.Wrapper
        label="Lampirkan bukti"
        description="PDF, JPG atau PNG. Bukti yang sudah dilampirkan tidak dapat dihapus."
        id="appeal-file"
        labelElement="label"
      >
        <input
          id="appeal-file"
          ref={input}
          type="file"
          accept={ACCEPT}
          aria-describedby="appeal-file-description"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setError(null);
          }}
          style={{ display: 'block', marginTop: 4, maxWidth: '100%' }}
          data-testid="appeal-file-input"
        />
      </Input.Wrapper>
      <Group>
        <Button
          variant="light"
          onClick={onUpload}
          disabled={!file}
          loading={mutation.isPending}
          data-testid="appeal-file-upload"
        >
          Unggah bukti
        </Button>
      </Group>
      {mutation.isPending ? (
        <Stack gap={4}>
          <Text size="sm">Mengunggah {file?.name ?? ''}…</Text>
          <Progress value={Math.round(fraction * 100)} aria-label="Kemajuan unggahan" />
        </Stack>
      ) : null}
      {error ? (
        <Alert color="red" role="alert" data-testid="appeal-file-error">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** The subject's appeal: the reason (required) sent as the `appeal` event. */
function AppealForm({
  sanction: s,
  onConflict,
}: {
  sanction: SanctionDto;
  onConflict: (err: unknown) => void;
}) {
  const transition = useSanctionTransition(s.id);
  const explain = useDialogErrorHandler();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);

  return (
    <form
      noValidate
      aria-label="Formulir keberatan"
      onSubmit={(e) => {
        e.preventDefault();
        const r = reason.trim();
        if (!r) {
          setError('Alasan keberatan wajib diisi');
          return;
        }
        setGeneral(null);
        transition.mutate(
          { event: 'appeal', reason: r, version: s.version },
          {
            onSuccess: () => {
              notifications.show({
                color: 'green',
                message: 'Keberatan diajukan. Pejabat Penyetuju akan memutuskannya.',
              });
              setReason('');
            },
            onError: (err) =>
              explain(err, {
                onConflict: () => onConflict(err),
                onFields: oneField('reason', setError),
                onGeneral: setGeneral,
              }),
          },
        );
      }}
    >
      <Stack gap="sm">
        {general ? (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        ) : null}
        <Textarea
          label="Alasan keberatan"
          description="Jelaskan mengapa fakta atau sanksi ini tidak tepat. Bukti dilampirkan di atas, juga sesudah keberatan diajukan."
          required
          autosize
          minRows={4}
          maxLength={MAX_REASON}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-testid="appeal-reason"
        />
        <Group>
          <Button type="submit" loading={transition.isPending} data-testid="appeal-submit">
            Ajukan keberatan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The appeal (keberatan): its deadline; while the subject may appeal, the form and the evidence upload;
 * once filed, the reason and the files.
 */
export function AppealCard({
  sanction: s,
  onConflict,
}: {
  sanction: SanctionDto;
  onConflict: (err: unknown) => void;
}) {
  const f = useFormat();
  const mayAppeal = s.events.includes('appeal');
  const filed = s.appealReason !== null || s.appealedAt !== null;
  return (
    <CaseCard id="case-appeal" title="Keberatan" testId="case-appeal">
      <Stack gap="sm">
        <Stack component="dl" gap={6} m={0}>
          <FieldRow label="Diberitahukan">{f.date(s.notifiedOn)}</FieldRow>
          <FieldRow label="Batas pengajuan keberatan">
            <span data-testid="appeal-deadline">{f.date(s.appealDeadline)}</span>
          </FieldRow>
          {filed ? <FieldRow label="Diajukan">{f.dateTime(s.appealedAt)}</FieldRow> : null}
        </Stack>
        {filed ? (
          <div>
            <Text size="sm" c="dimmed">
              Alasan keberatan
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="appeal-reason-text">
              {s.appealReason ?? '—'}
            </Text>
          </div>
        ) : mayAppeal ? (
          <Alert color="blue" data-testid="appeal-open">
            Anda dapat mengajukan keberatan dengan alasan dan bukti sampai {f.date(s.appealDeadline)}. Sanksi
            tidak berlaku selama keberatan belum diputuskan.
          </Alert>
        ) : (
          <Text size="sm" c="dimmed" data-testid="appeal-none">
            {s.state === 'proposed' || s.state === 'approved'
              ? 'Keberatan dapat diajukan setelah sanksi diberitahukan.'
              : 'Tidak ada keberatan yang diajukan.'}
          </Text>
        )}
        {filed || mayAppeal || s.appealFiles.length > 0 ? (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              Bukti keberatan
            </Text>
            <AppealFiles sanction={s} />
          </Stack>
        ) : null}
        {s.canAddAppealFiles ? <AppealUpload sanctionId={s.id} /> : null}
        {mayAppeal ? <AppealForm sanction={s} onConflict={onConflict} /> : null}
      </Stack>
    </CaseCard>
  );
}
