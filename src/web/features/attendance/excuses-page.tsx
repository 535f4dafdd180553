import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { excuseBody, excuseKinds, type ExcuseDto, type ExcuseKindDto } from '../../../contract/attendance';
import { useApiErrorHandler, useDialogErrorHandler, validateWith } from '../../app/forms';
import { useT, type MessageKey, type Translate } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { CivilServantSelect } from '../../components/civil-servant-select';
import { ConfirmModal } from '../../components/confirm-modal';
import { FilterCard } from '../../components/filter-card';
import { FilterSelect } from '../../components/filter-select';
import { FormModal } from '../../components/form-modal';
import { PagedTable } from '../../components/paged-table';
import { PageHeader } from '../../components/page-header';
import { SearchInput } from '../../components/search-input';
import { useListParams } from '../../components/use-list-params';
import { PAGE_SIZE, useCreateExcuse, useDeleteExcuse, useExcuses } from './attendance-api';

const kindColor: Record<ExcuseKindDto, string> = { leave: 'blue', sick: 'orange', official_travel: 'grape' };
export const excuseKindLabel = (t: Translate, k: ExcuseKindDto) => t(`exc.kind.${k}` as MessageKey);

interface Values {
  civilServantId: string | null;
  kind: ExcuseKindDto;
  start: string;
  end: string;
  note: string;
}

/** Record a leave, sick day or official travel for one ASN over a date range. */
function ExcuseModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const explain = useDialogErrorHandler();
  const create = useCreateExcuse();
  const [values, setValues] = useState<Values>({
    civilServantId: null,
    kind: 'leave',
    start: '',
    end: '',
    note: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const set = (patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k];
      return next;
    });
  };

  const submit = () => {
    setGeneral(null);
    const found: Record<string, string> = {};
    if (!values.civilServantId) found.civilServantId = t('exc.pickAsn');
    if (!values.start) found.start = t('exc.startRequired');
    if (!values.end) found.end = t('exc.endRequired');
    const v = validateWith(excuseBody, {
      civilServantId: values.civilServantId ?? '',
      kind: values.kind,
      start: values.start,
      end: values.end,
      note: values.note.trim() || null,
    });
    if (!v.ok) for (const [k, m] of Object.entries(v.errors)) found[k] ??= m;
    if (!found.start && !found.end && values.end < values.start) found.end = t('exc.endBeforeStart');
    setErrors(found);
    if (Object.keys(found).length > 0 || !v.ok) return;
    create.mutate(v.data, {
      onSuccess: (x) => {
        notifications.show({
          color: 'green',
          message: t('exc.saved', {
            kind: excuseKindLabel(t, x.kind),
            name: x.name,
            from: f.date(x.start),
            to: f.date(x.end),
          }),
        });
        onClose();
      },
      onError: (err) =>
        explain(err, {
          onConflict: () => setGeneral(err instanceof Error ? err.message : String(err)),
          onFields: (fields) => {
            const shown = fields.filter((x) =>
              ['civilServantId', 'kind', 'start', 'end', 'note'].includes(x.path),
            );
            if (shown.length === 0) return false;
            setErrors(Object.fromEntries(shown.map((x) => [x.path, x.message])));
            return true;
          },
          onGeneral: setGeneral,
        }),
    });
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('exc.addTitle')}
      saving={create.isPending}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {general ? (
        <Alert color="red" role="alert">
          {general}
        </Alert>
      ) : null}
      <CivilServantSelect
        label={t('exc.asn')}
        placeholder={t('pin.civilServantHint')}
        required
        value={values.civilServantId}
        onChange={(v) => set({ civilServantId: v })}
        error={errors.civilServantId}
        data-autofocus
        data-testid="exc-asn"
      />
      <Select
        label={t('exc.kind')}
        required
        data={excuseKinds.map((k) => ({ value: k, label: excuseKindLabel(t, k) }))}
        value={values.kind}
        onChange={(v) => v && set({ kind: v as ExcuseKindDto })}
        allowDeselect={false}
        error={errors.kind}
        data-testid="exc-kind"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput
          type="date"
          label={t('exc.start')}
          required
          value={values.start}
          onChange={(e) => set({ start: e.currentTarget.value })}
          error={errors.start}
          data-testid="exc-start"
        />
        <TextInput
          type="date"
          label={t('exc.end')}
          required
          value={values.end}
          onChange={(e) => set({ end: e.currentTarget.value })}
          error={errors.end}
          data-testid="exc-end"
        />
      </SimpleGrid>
      <Textarea
        label={t('exc.note')}
        autosize
        minRows={2}
        maxLength={500}
        value={values.note}
        onChange={(e) => set({ note: e.currentTarget.value })}
        error={errors.note}
        data-testid="exc-note"
      />
    </FormModal>
  );
}

/** HR's list of leave, sick days and official travel: searchable by NIP or name, by kind, paged. */
export function ExcusesPage() {
  const t = useT();
  const f = useFormat();
  const onError = useApiErrorHandler();
  const [params, setParams] = useListParams({ q: '', jenis: '' });
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<ExcuseDto | null>(null);
  const excuses = useExcuses({ page: params.page, q: params.q, kind: params.jenis });
  const remove = useDeleteExcuse();

  return (
    <Stack>
      <PageHeader
        title={t('exc.title')}
        description={t('exc.intro')}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/impor?jenis=excuses" variant="default" data-testid="exc-import">
              {t('exc.import')}
            </Button>
            <Button onClick={() => setAdding(true)} data-testid="exc-add">
              {t('exc.add')}
            </Button>
          </Group>
        }
      />
      <FilterCard cols={{ base: 1, sm: 2 }}>
        <SearchInput
          label={t('exc.search')}
          value={params.q}
          onSearch={(q) => setParams({ q })}
          data-testid="exc-search"
        />
        <FilterSelect
          label={t('exc.kind')}
          data={excuseKinds.map((k) => ({ value: k, label: excuseKindLabel(t, k) }))}
          value={params.jenis}
          onChange={(jenis) => setParams({ jenis })}
          data-testid="exc-kind-filter"
        />
      </FilterCard>
      <PagedTable
        query={excuses}
        label={t('exc.title')}
        minWidth={860}
        striped
        data-testid="exc-table"
        columns={6}
        page={params.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => setParams({ page })}
        head={
          <>
            <Table.Th scope="col">{t('exc.asn')}</Table.Th>
            <Table.Th scope="col">{t('pin.unit')}</Table.Th>
            <Table.Th scope="col">{t('exc.kind')}</Table.Th>
            <Table.Th scope="col">{t('exc.dates')}</Table.Th>
            <Table.Th scope="col">{t('exc.note')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </>
        }
        row={(x) => (
          <Table.Tr key={x.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {x.name}
              </Text>
              <Text size="xs" c="dimmed">
                NIP {x.nip}
              </Text>
            </Table.Td>
            <Table.Td>{x.workUnitName}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Badge
                variant="light"
                color={kindColor[x.kind]}
                tt="none"
                styles={{ label: { overflow: 'visible' } }}
              >
                {excuseKindLabel(t, x.kind)}
              </Badge>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {x.start === x.end ? f.date(x.start) : `${f.date(x.start)} – ${f.date(x.end)}`}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{x.note ?? t('common.none')}</Text>
              {x.createdByName ? (
                <Text size="xs" c="dimmed">
                  {t('exc.by', { name: x.createdByName })}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                onClick={() => setRemoving(x)}
                aria-label={t('exc.removeLabel', { kind: excuseKindLabel(t, x.kind), name: x.name })}
              >
                {t('common.delete')}
              </Button>
            </Table.Td>
          </Table.Tr>
        )}
      />

      {adding ? <ExcuseModal onClose={() => setAdding(false)} /> : null}
      <ConfirmModal
        opened={removing !== null}
        title={t('exc.removeTitle')}
        message={
          removing
            ? t('exc.removeText', {
                kind: excuseKindLabel(t, removing.kind),
                name: removing.name,
                from: f.date(removing.start),
                to: f.date(removing.end),
              })
            : ''
        }
        confirmLabel={t('common.delete')}
        danger
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(
            { id: removing.id, version: removing.version },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('exc.removed') });
                setRemoving(null);
              },
              onError: (e) => {
                onError(e);
                setRemoving(null);
              },
            },
          )
        }
      />
    </Stack>
  );
}
