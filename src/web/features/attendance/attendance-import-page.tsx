import { useRef, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Input,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type {
  AttendanceFileQuery,
  AttendanceImport,
  AttendancePreview as Preview,
  PunchMappingDto,
} from '../../../contract/attendance';
import { useApiErrorHandler } from '../../app/forms';
import { useT, type MessageKey } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { PagedTable } from '../../components/paged-table';
import { PageHeader } from '../../components/page-header';
import { useListParams } from '../../components/use-list-params';
import {
  useAttendanceImport,
  useAttendanceImports,
  useCommitAttendance,
  usePreviewAttendance,
} from './attendance-api';
import { AttendancePreview } from './attendance-preview';
import { ColumnMapping, mappingQuery } from './column-mapping';

const statusColor: Record<AttendanceImport['status'], string> = {
  committing: 'yellow',
  committed: 'green',
  failed: 'red',
};

const ACCEPT =
  '.dat,.txt,.log,.csv,.xlsx,text/plain,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DEVICE_MAX = 60;

function percent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
}

/**
 * HR's page for attendance files: choose a file (and the device it came from), send it for a
 * preview with a progress bar, confirm the columns of a CSV or XLSX export, read the counts and the
 * bad lines, then save it all (or the good rows only) and follow the writing; the history below.
 */
export function AttendanceImportPage() {
  const t = useT();
  const f = useFormat();
  const onError = useApiErrorHandler();
  const [params, setParams] = useListParams({});
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [device, setDevice] = useState('');
  const [mapping, setMapping] = useState<PunchMappingDto | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [fraction, setFraction] = useState(0);
  const [committed, setCommitted] = useState<{ result: AttendanceImport; again: boolean } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const previewMutation = usePreviewAttendance(setFraction);
  const commitMutation = useCommitAttendance(setFraction);
  const followed = useAttendanceImport(committed?.result ?? null);
  const history = useAttendanceImports(params.page);
  const result = followed.data ?? committed?.result ?? null;
  const busy = previewMutation.isPending || commitMutation.isPending || result?.status === 'committing';

  const query = (m: PunchMappingDto | null): AttendanceFileQuery => ({
    device: device.trim() || undefined,
    ...(m ? mappingQuery(m) : {}),
  });

  const reset = () => {
    setFile(null);
    setPreview(null);
    setMapping(null);
    setCommitted(null);
    setSkipInvalid(false);
    setFraction(0);
    previewMutation.reset();
    commitMutation.reset();
    if (fileInput.current) fileInput.current.value = '';
  };

  const sendPreview = (m: PunchMappingDto | null) => {
    if (!file) {
      setFileError(t('att.fileRequired'));
      return;
    }
    if (device.trim().length > DEVICE_MAX) return;
    setFraction(0);
    setCommitted(null);
    previewMutation.mutate(
      { file, query: query(m) },
      {
        onSuccess: (p) => {
          setPreview(p);
          setMapping(m);
          setSkipInvalid(false);
        },
        onError: (e) => {
          setPreview(null);
          onError(e);
        },
      },
    );
  };

  const onCommit = () => {
    if (!file || !preview) return;
    setFraction(0);
    commitMutation.mutate(
      { file, query: { ...query(mapping), skipInvalid: skipInvalid ? 'true' : undefined } },
      {
        onSuccess: (i) => {
          setCommitted({
            result: i,
            again: preview.alreadyImported?.id === i.id || i.status !== 'committing',
          });
        },
        onError: (e) => onError(e),
      },
    );
  };

  const isTable = preview !== null && preview.kind !== 'attlog';
  const showPreview = preview !== null && !preview.needsMapping && (!isTable || mapping !== null);
  const hasProblems = preview !== null && (preview.problemLines > 0 || preview.unknownPunches > 0);
  const canSave =
    showPreview &&
    !preview.alreadyImported &&
    committed === null &&
    (preview.canCommit || (skipInvalid && hasProblems)) &&
    preview.toAdd > 0;
  const deviceError = device.trim().length > DEVICE_MAX ? t('att.deviceTooLong') : null;

  return (
    <Stack>
      <PageHeader title={t('att.importTitle')} description={t('att.importIntro')} />
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="att-file-title">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            sendPreview(null);
          }}
        >
          <Stack>
            <Title order={2} size="h3" id="att-file-title">
              {t('att.fileStep')}
            </Title>
            <Input.Wrapper
              label={t('imp.file')}
              description={t('att.fileHint')}
              error={fileError}
              id="att-file"
              labelElement="label"
              required
            >
              <input
                id="att-file"
                ref={fileInput}
                type="file"
                accept={ACCEPT}
                aria-describedby={fileError ? 'att-file-description att-file-error' : 'att-file-description'}
                aria-invalid={fileError ? true : undefined}
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  setFileError(null);
                  setPreview(null);
                  setMapping(null);
                  setCommitted(null);
                  commitMutation.reset();
                }}
                disabled={busy}
                style={{ display: 'block', marginTop: 4, maxWidth: '100%' }}
                data-testid="att-file"
              />
            </Input.Wrapper>
            <TextInput
              label={t('att.device')}
              description={t('att.deviceHint')}
              value={device}
              onChange={(e) => setDevice(e.currentTarget.value)}
              error={deviceError}
              maxLength={DEVICE_MAX + 20}
              disabled={busy}
              maw={420}
              data-testid="att-device"
            />
            <Group>
              <Button
                type="submit"
                loading={previewMutation.isPending}
                disabled={busy}
                data-testid="att-upload"
              >
                {t('att.check')}
              </Button>
              {preview || committed ? (
                <Button variant="default" onClick={reset} disabled={busy}>
                  {t('att.another')}
                </Button>
              ) : null}
            </Group>
            {previewMutation.isPending || commitMutation.isPending ? (
              <Stack gap={4}>
                <Text size="sm">{t('imp.uploading')}</Text>
                <Progress
                  value={Math.round(fraction * 100)}
                  aria-label={t('imp.uploadProgress')}
                  data-testid="att-upload-progress"
                />
              </Stack>
            ) : null}
          </Stack>
        </form>
      </Paper>

      {preview && isTable ? (
        <ColumnMapping
          key={`${preview.fileSha256}-${mapping ? 'confirmed' : 'new'}`}
          preview={preview}
          sentMapping={mapping}
          busy={previewMutation.isPending}
          onConfirm={(m) => sendPreview(m)}
        />
      ) : null}

      {preview && showPreview ? (
        <Paper
          withBorder
          p="md"
          radius="md"
          component="section"
          aria-labelledby="att-preview-title"
          data-testid="att-preview"
        >
          <Stack>
            <Group justify="space-between">
              <Title order={2} size="h3" id="att-preview-title" style={{ wordBreak: 'break-all' }}>
                {t('imp.preview')}: {preview.fileName}
              </Title>
              <Badge variant="light">{t(`att.kind.${preview.kind}` as MessageKey)}</Badge>
            </Group>
            {preview.alreadyImported ? (
              <Alert color="blue" role="status" title={t('att.alreadyTitle')} data-testid="att-already">
                {t('att.already', {
                  when: f.dateTime(preview.alreadyImported.committedAt ?? preview.alreadyImported.createdAt),
                  who: preview.alreadyImported.createdByName ?? t('common.none'),
                  added: f.number(preview.alreadyImported.punchesAdded),
                })}
              </Alert>
            ) : null}
            <AttendancePreview preview={preview} />

            {committed === null && !preview.alreadyImported ? (
              <>
                {hasProblems && !preview.canCommit ? (
                  <Alert color="red" role="alert" data-testid="att-fix-first">
                    {t('att.fixFirst')}
                  </Alert>
                ) : null}
                {hasProblems ? (
                  <Checkbox
                    label={t('att.skipInvalid')}
                    description={t('att.skipInvalidHint', {
                      n: f.number(preview.problemLines + preview.unknownPunches),
                    })}
                    checked={skipInvalid}
                    onChange={(e) => setSkipInvalid(e.currentTarget.checked)}
                    data-testid="att-skip-invalid"
                  />
                ) : null}
                {preview.toAdd === 0 ? (
                  <Alert color="yellow" role="status" data-testid="att-nothing">
                    {preview.duplicatesInDatabase > 0
                      ? t('att.allStored', { n: f.number(preview.duplicatesInDatabase) })
                      : t('att.nothingToAdd')}
                  </Alert>
                ) : null}
              </>
            ) : null}

            {result?.status === 'committing' ? (
              <Stack gap={4}>
                <Text size="sm">
                  {t('att.committing', {
                    done: f.number(result.progressDone),
                    total: f.number(result.progressTotal),
                  })}
                </Text>
                <Progress
                  value={percent(result.progressDone, result.progressTotal)}
                  aria-label={t('imp.commitProgress')}
                  animated
                  data-testid="att-commit-progress"
                />
              </Stack>
            ) : null}
            {result?.status === 'committed' ? (
              <Alert color="green" role="status" data-testid="att-success">
                {committed?.again && preview.alreadyImported
                  ? t('att.committedAgain')
                  : t('att.committed', {
                      added: f.number(result.punchesAdded),
                      duplicates: f.number(result.duplicates),
                      problems: f.number(result.problemCount),
                    })}
              </Alert>
            ) : null}
            {result?.status === 'failed' ? (
              <Alert color="red" role="alert" data-testid="att-failed">
                {t('att.failed')} {result.failureMessage ?? ''}
              </Alert>
            ) : null}

            {committed === null && !preview.alreadyImported ? (
              <Group justify="flex-end">
                <Button
                  onClick={onCommit}
                  disabled={!canSave}
                  loading={commitMutation.isPending}
                  data-testid="att-commit"
                >
                  {t('common.save')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Paper>
      ) : null}

      <section aria-labelledby="att-history-title">
        <Title order={2} size="h3" mb="sm" id="att-history-title">
          {t('imp.history')}
        </Title>
        <PagedTable
          query={history}
          label={t('imp.history')}
          minWidth={900}
          striped
          data-testid="att-history"
          columns={9}
          page={params.page}
          pageSize={10}
          onPageChange={(page) => setParams({ page })}
          head={
            <>
              <Table.Th scope="col">{t('imp.when')}</Table.Th>
              <Table.Th scope="col">{t('imp.fileName')}</Table.Th>
              <Table.Th scope="col">{t('imp.kind')}</Table.Th>
              <Table.Th scope="col">{t('imp.by')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('att.rowsRead')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('att.added')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('att.duplicates')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('att.problemCount')}
              </Table.Th>
              <Table.Th scope="col">{t('common.status')}</Table.Th>
            </>
          }
          row={(i) => (
            <Table.Tr key={i.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(i.committedAt ?? i.createdAt)}</Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>
                {i.fileName}
                {i.device ? (
                  <Text size="xs" c="dimmed">
                    {t('att.deviceIs', { device: i.device })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{t(`att.kind.${i.kind}` as MessageKey)}</Table.Td>
              <Table.Td>{i.createdByName ?? t('common.none')}</Table.Td>
              <Table.Td ta="right">{f.number(i.rowsRead)}</Table.Td>
              <Table.Td ta="right">{f.number(i.punchesAdded)}</Table.Td>
              <Table.Td ta="right">{f.number(i.duplicates)}</Table.Td>
              <Table.Td ta="right">{f.number(i.problemCount)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={statusColor[i.status]}>
                  {t(`att.status.${i.status}` as MessageKey)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          )}
        />
      </section>
    </Stack>
  );
}
