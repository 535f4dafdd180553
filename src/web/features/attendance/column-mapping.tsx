import { useState } from 'react';
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import {
  punchDateFormats,
  type AttendancePreview,
  type AttendanceFileQuery,
  type PunchMappingDto,
} from '../../../contract/attendance';
import { useT, type MessageKey } from '../../app/i18n';
import { TableScroll } from '../../components/table-scroll';

const columnFields = ['pin', 'nip', 'datetime', 'date', 'time', 'status', 'verify'] as const;
type ColumnField = (typeof columnFields)[number];

const emptyMapping: PunchMappingDto = {
  pin: null,
  nip: null,
  date: null,
  time: null,
  datetime: null,
  dateFormat: 'YYYY-MM-DD',
  status: null,
  verify: null,
};

/** The query of the preview and the commit for a confirmed mapping. */
export function mappingQuery(m: PunchMappingDto): AttendanceFileQuery {
  return {
    pinColumn: m.pin ?? undefined,
    nipColumn: m.nip ?? undefined,
    dateColumn: m.date ?? undefined,
    timeColumn: m.time ?? undefined,
    datetimeColumn: m.datetime ?? undefined,
    statusColumn: m.status ?? undefined,
    verifyColumn: m.verify ?? undefined,
    dateFormat: m.dateFormat,
  };
}

/** What the user must choose before the server can read punches; Indonesian messages by field. */
function checkMapping(m: PunchMappingDto): Partial<Record<ColumnField, string>> {
  const errors: Partial<Record<ColumnField, string>> = {};
  if (!m.pin && !m.nip) errors.pin = 'Pilih kolom PIN atau kolom NIP';
  if (m.pin && m.nip) errors.nip = 'Pilih kolom PIN atau kolom NIP, tidak keduanya';
  if (!m.datetime && !m.date) errors.datetime = 'Pilih kolom tanggal-jam, atau kolom tanggal dan kolom jam';
  if (!m.datetime && m.date && !m.time) errors.time = 'Pilih kolom jam';
  if (m.datetime && (m.date || m.time)) errors.date = 'Kolom tanggal-jam sudah dipilih; kosongkan kolom ini';
  return errors;
}

/** The server's mapping errors by field (paths like `pin` or `pinColumn`); the rest in one list. */
function serverErrors(preview: AttendancePreview) {
  const byField: Partial<Record<ColumnField, string>> = {};
  const other: string[] = [];
  for (const e of preview.mappingErrors) {
    const key = e.path.replace(/Column$/, '').replace(/^mapping\./, '') as ColumnField;
    if ((columnFields as readonly string[]).includes(key) && !byField[key]) byField[key] = e.message;
    else other.push(e.message);
  }
  return { byField, other };
}

/**
 * The column mapping of a CSV or XLSX file: one select per meaning, prefilled with the server's
 * guess (or the mapping last sent), the first rows of the file to check against, then "confirm".
 */
export function ColumnMapping({
  preview,
  sentMapping,
  busy,
  onConfirm,
}: {
  preview: AttendancePreview;
  /** The mapping the user confirmed and the preview was read with, or null for a first reading. */
  sentMapping: PunchMappingDto | null;
  busy: boolean;
  onConfirm: (mapping: PunchMappingDto) => void;
}) {
  const t = useT();
  const [mapping, setMapping] = useState<PunchMappingDto>(
    preview.mapping ?? sentMapping ?? preview.suggestedMapping ?? emptyMapping,
  );
  const [errors, setErrors] = useState<Partial<Record<ColumnField, string>>>({});
  // The first reading of a file is sent without a mapping: its "choose the columns" message is this
  // form's purpose, not an error yet.
  const server = sentMapping ? serverErrors(preview) : { byField: {}, other: [] };
  const headerOptions = preview.headers.map((h) => ({ value: h, label: h }));

  const set = (patch: Partial<PunchMappingDto>) => {
    setMapping((m) => ({ ...m, ...patch }));
    setErrors({});
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="mapping-title">
      <form
        noValidate
        data-testid="column-mapping"
        onSubmit={(e) => {
          e.preventDefault();
          const found = checkMapping(mapping);
          setErrors(found);
          if (Object.keys(found).length === 0) onConfirm(mapping);
        }}
      >
        <Stack>
          <div>
            <Title order={2} size="h3" id="mapping-title">
              {t('att.mapping')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('att.mappingHint')}
            </Text>
          </div>
          {server.other.length > 0 ? (
            <Alert color="red" role="alert">
              {server.other.join(' ')}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            {columnFields.map((field) => (
              <Select
                key={field}
                label={t(`att.col.${field}` as MessageKey)}
                placeholder={t('att.noColumn')}
                data={headerOptions}
                value={mapping[field]}
                onChange={(v) => set({ [field]: v } as Partial<PunchMappingDto>)}
                clearable
                error={errors[field] ?? server.byField[field]}
                data-testid={`mapping-${field}`}
              />
            ))}
            <Select
              label={t('att.dateFormat')}
              data={punchDateFormats.map((f) => ({ value: f, label: f }))}
              value={mapping.dateFormat}
              onChange={(v) => v && set({ dateFormat: v as PunchMappingDto['dateFormat'] })}
              allowDeselect={false}
              data-testid="mapping-dateFormat"
            />
          </SimpleGrid>
          {preview.sampleRows.length > 0 ? (
            <TableScroll label={t('att.sampleRows')} minWidth={Math.max(400, preview.headers.length * 110)}>
              <Table striped withTableBorder data-testid="mapping-sample">
                <Table.Caption>{t('att.sampleRows')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    {preview.headers.map((h) => (
                      <Table.Th key={h} scope="col">
                        {h}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.sampleRows.map((row, i) => (
                    <Table.Tr key={i}>
                      {preview.headers.map((h, j) => (
                        <Table.Td key={h}>{row[j] ?? ''}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={busy} data-testid="mapping-confirm">
              {t('att.mappingConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
