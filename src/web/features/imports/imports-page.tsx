import { useRef, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Input,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useSearchParams } from 'react-router';
import { importKinds, type ImportBatch, type ImportKind } from '../../../contract/imports';
import { useApiErrorHandler } from '../../app/forms';
import { useT, type MessageKey } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { TableScroll } from '../../components/table-scroll';
import { ImportPreview } from './import-preview';
import {
  templateUrl,
  useCommitImport,
  useImportBatch,
  useImportHistory,
  useUploadImport,
} from './imports-api';

const statusColor: Record<ImportBatch['status'], string> = {
  previewed: 'blue',
  committing: 'yellow',
  committed: 'green',
  failed: 'red',
  rejected: 'red',
};

function percent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
}

export function ImportsPage() {
  const t = useT();
  const f = useFormat();
  const onError = useApiErrorHandler();
  // `?jenis=excuses` (from the excuses page) opens the page on that kind.
  const [search] = useSearchParams();
  const asked = search.get('jenis');
  const [kind, setKind] = useState<ImportKind>(
    importKinds.includes(asked as ImportKind) ? (asked as ImportKind) : 'civil_servants',
  );
  const [file, setFile] = useState<File | null>(null);
  const [uploadFraction, setUploadFraction] = useState(0);
  const [uploaded, setUploaded] = useState<ImportBatch | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const uploadMutation = useUploadImport(setUploadFraction);
  const commit = useCommitImport();
  const batchQuery = useImportBatch(uploaded?.id ?? null, uploaded);
  const history = useImportHistory();
  const batch = batchQuery.data ?? uploaded;

  const reset = () => {
    setUploaded(null);
    setFile(null);
    setUploadFraction(0);
    commit.reset();
    uploadMutation.reset();
    if (fileInput.current) fileInput.current.value = '';
  };

  const onUpload = () => {
    if (!file) return;
    setUploaded(null);
    setUploadFraction(0);
    commit.reset();
    uploadMutation.mutate({ kind, file }, { onSuccess: (b) => setUploaded(b), onError: (e) => onError(e) });
  };

  const onCommit = () => {
    if (!batch) return;
    commit.mutate(batch.id, {
      onSuccess: (b) => {
        // Starts the 500 ms polling (status is `committing`).
        setUploaded(b);
        void batchQuery.refetch();
      },
      onError: (e) => onError(e),
    });
  };

  const status = batch?.status;
  const canCommit = batch !== null && status === 'previewed' && batch.errorCount === 0 && batch.validRows > 0;

  return (
    <Stack>
      <PageHeader title={t('imp.title')} />
      <Paper withBorder p="md" radius="md">
        <Stack>
          <div>
            <Text component="span" id="import-kind-label" size="sm" fw={500} display="block" mb={4}>
              {t('imp.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="import-kind-label"
              value={kind}
              onChange={(v) => {
                setKind(v as ImportKind);
                reset();
              }}
              data={importKinds.map((k) => ({ value: k, label: t(`imp.kind.${k}` as MessageKey) }))}
              disabled={uploadMutation.isPending || status === 'committing'}
              data-testid="import-kind"
            />
          </div>
          <Anchor href={templateUrl(kind)} download size="sm" data-testid="import-template">
            {t('imp.template')} ({t(`imp.kind.${kind}` as MessageKey)})
          </Anchor>
          <Input.Wrapper
            label={t('imp.file')}
            description={t('imp.fileHint')}
            id="import-file"
            labelElement="label"
          >
            <input
              id="import-file"
              ref={fileInput}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="import-file-description"
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setUploaded(null);
                commit.reset();
              }}
              style={{ display: 'block', marginTop: 4, maxWidth: '100%' }}
              data-testid="import-file"
            />
          </Input.Wrapper>
          <Group>
            <Button
              onClick={onUpload}
              disabled={!file || status === 'committing'}
              loading={uploadMutation.isPending}
            >
              {t('imp.upload')}
            </Button>
          </Group>
          {uploadMutation.isPending ? (
            <Stack gap={4}>
              <Text size="sm">{t('imp.uploading')}</Text>
              <Progress
                value={Math.round(uploadFraction * 100)}
                aria-label={t('imp.uploadProgress')}
                data-testid="upload-progress"
              />
            </Stack>
          ) : null}
        </Stack>
      </Paper>

      {batch ? (
        <Paper withBorder p="md" radius="md" data-testid="import-preview">
          <Stack>
            <Group justify="space-between">
              <Title order={2} size="h3">
                {t('imp.preview')}: {batch.fileName}
              </Title>
              <Badge variant="light" color={statusColor[batch.status]} data-testid="import-status">
                {t(`imp.status.${batch.status}` as MessageKey)}
              </Badge>
            </Group>
            <ImportPreview batch={batch} />

            {(status === 'previewed' || status === 'rejected') && batch.errorCount > 0 ? (
              <Alert color="red" role="alert" data-testid="import-fix-first">
                {t('imp.fixFirst')}
              </Alert>
            ) : null}
            {status === 'previewed' && batch.errorCount === 0 && batch.validRows === 0 ? (
              <Alert color="yellow">{t('imp.nothingToSave')}</Alert>
            ) : null}
            {status === 'rejected' && batch.errorCount === 0 ? (
              <Alert color="red" role="alert">
                {t('imp.rejected')}
              </Alert>
            ) : null}

            {status === 'committing' ? (
              <Stack gap={4}>
                <Text size="sm">
                  {t('imp.committing', {
                    done: f.number(batch.progressDone),
                    total: f.number(batch.validRows),
                  })}
                </Text>
                <Progress
                  value={percent(batch.progressDone, batch.validRows)}
                  aria-label={t('imp.commitProgress')}
                  animated
                  data-testid="commit-progress"
                />
              </Stack>
            ) : null}
            {status === 'committed' ? (
              <Alert color="green" role="status" data-testid="import-success">
                {t('imp.committed', {
                  created: f.number(batch.toCreate),
                  updated: f.number(batch.toUpdate),
                  unchanged: f.number(batch.unchanged),
                })}
              </Alert>
            ) : null}
            {status === 'failed' ? (
              <Alert color="red" role="alert" data-testid="import-failed">
                {t('imp.failed')}
              </Alert>
            ) : null}

            <Group justify="flex-end">
              {status === 'committed' || status === 'failed' ? (
                <Button variant="default" onClick={reset}>
                  {t('imp.again')}
                </Button>
              ) : null}
              {status === 'previewed' || status === 'rejected' || status === 'committing' ? (
                <Button
                  onClick={onCommit}
                  disabled={!canCommit}
                  loading={commit.isPending || status === 'committing'}
                  data-testid="import-commit"
                >
                  {t('imp.commit')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Paper>
      ) : null}

      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="sm">
          {t('imp.history')}
        </Title>
        {history.isError ? <QueryError error={history.error} onRetry={() => void history.refetch()} /> : null}
        {history.data && history.data.items.length === 0 ? <Text>{t('imp.noHistory')}</Text> : null}
        {history.data && history.data.items.length > 0 ? (
          <TableScroll label={t('imp.history')} minWidth={640}>
            <Table striped data-testid="import-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('imp.when')}</Table.Th>
                  <Table.Th scope="col">{t('imp.kind')}</Table.Th>
                  <Table.Th scope="col">{t('imp.fileName')}</Table.Th>
                  <Table.Th scope="col">{t('imp.by')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('imp.totalRows')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('imp.errorCount')}
                  </Table.Th>
                  <Table.Th scope="col">{t('common.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.data.items.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(b.createdAt)}</Table.Td>
                    <Table.Td>{t(`imp.kind.${b.kind}` as MessageKey)}</Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{b.fileName}</Table.Td>
                    <Table.Td>{b.createdByName ?? t('common.none')}</Table.Td>
                    <Table.Td ta="right">{f.number(b.totalRows)}</Table.Td>
                    <Table.Td ta="right">{f.number(b.errorCount)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={statusColor[b.status]}>
                        {t(`imp.status.${b.status}` as MessageKey)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ) : null}
      </Paper>
    </Stack>
  );
}
