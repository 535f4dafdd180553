import { useRef, useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Input,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useSearchParams } from 'react-router';
import type { DevicePin, DevicePinUpload } from '../../../contract/attendance';
import { useApiErrorHandler, useDialogErrorHandler } from '../../app/forms';
import { useT } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { CivilServantSelect } from '../../components/civil-servant-select';
import { ConfirmModal } from '../../components/confirm-modal';
import { FilterCard } from '../../components/filter-card';
import { FormModal } from '../../components/form-modal';
import { PagedTable } from '../../components/paged-table';
import { PageHeader } from '../../components/page-header';
import { SearchInput } from '../../components/search-input';
import { TableScroll } from '../../components/table-scroll';
import { useListParams } from '../../components/use-list-params';
import {
  PAGE_SIZE,
  useDeleteDevicePin,
  useDevicePins,
  useSetDevicePin,
  useUploadDevicePins,
} from './attendance-api';

type Editing = { mode: 'new'; pin: string; device: string } | { mode: 'edit'; item: DevicePin };

/** Add a PIN (device, PIN, ASN) or give an existing PIN to another ASN. */
function DevicePinModal({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const t = useT();
  const explain = useDialogErrorHandler();
  const save = useSetDevicePin();
  const item = editing.mode === 'edit' ? editing.item : null;
  const [device, setDevice] = useState(
    item ? (item.device ?? '') : editing.mode === 'new' ? editing.device : '',
  );
  const [pin, setPin] = useState(item ? item.pin : editing.mode === 'new' ? editing.pin : '');
  const [civilServantId, setCivilServantId] = useState<string | null>(item?.civilServantId ?? null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const submit = () => {
    const found: Record<string, string> = {};
    if (!pin.trim()) found.pin = 'PIN wajib diisi';
    else if (pin.trim().length > 24) found.pin = 'PIN terlalu panjang';
    if (device.trim().length > 60) found.device = 'Nama mesin paling banyak 60 karakter';
    if (!civilServantId) found.civilServantId = 'Pilih ASN pemilik PIN ini';
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length > 0 || !civilServantId) return;
    save.mutate(
      {
        device: device.trim() || null,
        pin: pin.trim(),
        civilServantId,
        ...(item ? { version: item.version } : {}),
      },
      {
        onSuccess: (p) => {
          notifications.show({ color: 'green', message: t('pin.saved', { pin: p.pin, name: p.name }) });
          onClose();
        },
        onError: (err) =>
          explain(err, {
            onConflict: () => setGeneral(t('error.versionConflict')),
            onFields: (fields) => {
              const mine = fields.filter((f) => ['pin', 'device', 'civilServantId'].includes(f.path));
              if (mine.length === 0) return false;
              setErrors(Object.fromEntries(mine.map((f) => [f.path, f.message])));
              return true;
            },
            onGeneral: setGeneral,
          }),
      },
    );
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={item ? t('pin.editTitle', { pin: item.pin }) : t('pin.addTitle')}
      saving={save.isPending}
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
      <TextInput
        label={t('pin.pin')}
        required
        value={pin}
        onChange={(e) => setPin(e.currentTarget.value)}
        error={errors.pin}
        disabled={item !== null}
        data-autofocus={item ? undefined : true}
        data-testid="pin-pin"
      />
      <TextInput
        label={t('pin.device')}
        description={t('pin.deviceHint')}
        value={device}
        onChange={(e) => setDevice(e.currentTarget.value)}
        error={errors.device}
        disabled={item !== null}
        data-testid="pin-device"
      />
      <CivilServantSelect
        label={t('pin.civilServant')}
        placeholder={t('pin.civilServantHint')}
        required
        value={civilServantId}
        currentLabel={item ? `${item.name} — ${item.nip}` : null}
        onChange={(v) => {
          setCivilServantId(v);
          setErrors((e) => ({ ...e, civilServantId: '' }));
        }}
        error={errors.civilServantId || undefined}
        comboboxProps={{ withinPortal: true }}
        data-testid="pin-civil-servant"
      />
    </FormModal>
  );
}

/** Bulk mapping from a CSV or XLSX file with columns pin, nip and optionally mesin: check, then save. */
function PinUpload() {
  const t = useT();
  const f = useFormat();
  const onError = useApiErrorHandler();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [device, setDevice] = useState('');
  const [fraction, setFraction] = useState(0);
  const [result, setResult] = useState<DevicePinUpload | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadDevicePins(setFraction);

  const send = (dryRun: boolean) => {
    if (!file) {
      setFileError(t('att.fileRequired'));
      return;
    }
    setFraction(0);
    upload.mutate(
      { file, device: device.trim() || undefined, dryRun },
      {
        onSuccess: (r) => {
          setResult(r);
          if (r.written) {
            notifications.show({ color: 'green', message: t('pin.uploadDone', { n: f.number(r.rows) }) });
            setFile(null);
            if (input.current) input.current.value = '';
          }
        },
        onError: (e) => onError(e),
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="pin-upload-title">
      <Stack>
        <div>
          <Title order={2} size="h3" id="pin-upload-title">
            {t('pin.uploadTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('pin.uploadHint')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Input.Wrapper label={t('imp.file')} error={fileError} id="pin-file" labelElement="label" required>
            <input
              id="pin-file"
              ref={input}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? 'pin-file-error' : undefined}
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setFileError(null);
                setResult(null);
              }}
              style={{ display: 'block', marginTop: 4, maxWidth: '100%' }}
              data-testid="pin-file"
            />
          </Input.Wrapper>
          <TextInput
            label={t('pin.device')}
            description={t('pin.uploadDeviceHint')}
            value={device}
            onChange={(e) => setDevice(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Group>
          <Button
            variant="default"
            onClick={() => send(true)}
            loading={upload.isPending && upload.variables?.dryRun}
          >
            {t('pin.uploadCheck')}
          </Button>
          <Button onClick={() => send(false)} loading={upload.isPending && !upload.variables?.dryRun}>
            {t('pin.uploadSave')}
          </Button>
        </Group>
        {upload.isPending ? (
          <Progress value={Math.round(fraction * 100)} aria-label={t('imp.uploadProgress')} />
        ) : null}
        {result ? (
          <Stack gap="xs" data-testid="pin-upload-result">
            <Alert
              color={result.problems.length > 0 ? 'red' : result.written ? 'green' : 'blue'}
              role={result.problems.length > 0 ? 'alert' : 'status'}
            >
              {t('pin.uploadResult', {
                rows: f.number(result.rows),
                created: f.number(result.created),
                updated: f.number(result.updated),
                unchanged: f.number(result.unchanged),
              })}{' '}
              {result.problems.length > 0
                ? t('pin.uploadProblems')
                : result.written
                  ? t('pin.uploadWritten')
                  : t('pin.uploadDry')}
            </Alert>
            {result.problems.length > 0 ? (
              <TableScroll label={t('att.problems')} minWidth={360} maxHeight={320}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" w={90}>
                        {t('imp.line')}
                      </Table.Th>
                      <Table.Th scope="col">{t('att.reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.problems.map((p, i) => (
                      <Table.Tr key={`${p.line}-${i}`}>
                        <Table.Td>{p.line}</Table.Td>
                        <Table.Td>{p.reason}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

/**
 * The device PIN to ASN mapping: searchable and paged; add, change the ASN of a PIN, delete; and the
 * bulk upload. `?pin=..&mesin=..` (from an import's unknown PINs) opens the add dialog prefilled.
 */
export function DevicePinsPage() {
  const t = useT();
  const onError = useApiErrorHandler();
  const [params, setParams] = useListParams({ q: '' });
  const [sp, setSp] = useSearchParams();
  const linkedPin = sp.get('pin');
  const [editing, setEditing] = useState<Editing | null>(() =>
    linkedPin ? { mode: 'new', pin: linkedPin, device: sp.get('mesin') ?? '' } : null,
  );
  const [removing, setRemoving] = useState<DevicePin | null>(null);
  const pins = useDevicePins({ page: params.page, q: params.q });
  const remove = useDeleteDevicePin();

  const closeEditor = () => {
    setEditing(null);
    if (linkedPin) {
      // The link's parameters have done their work; Back should not reopen the dialog.
      setSp(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.delete('pin');
          next.delete('mesin');
          return next;
        },
        { replace: true },
      );
    }
  };

  return (
    <Stack>
      <PageHeader
        title={t('pin.title')}
        description={t('pin.intro')}
        actions={
          <Button onClick={() => setEditing({ mode: 'new', pin: '', device: '' })} data-testid="pin-add">
            {t('pin.add')}
          </Button>
        }
      />
      <FilterCard cols={{ base: 1, sm: 2 }}>
        <SearchInput
          label={t('pin.search')}
          value={params.q}
          onSearch={(q) => setParams({ q })}
          data-testid="pin-search"
        />
      </FilterCard>
      <PagedTable
        query={pins}
        label={t('pin.title')}
        minWidth={760}
        striped
        data-testid="pin-table"
        columns={6}
        page={params.page}
        pageSize={PAGE_SIZE}
        onPageChange={(page) => setParams({ page })}
        head={
          <>
            <Table.Th scope="col">{t('pin.pin')}</Table.Th>
            <Table.Th scope="col">{t('pin.device')}</Table.Th>
            <Table.Th scope="col">NIP</Table.Th>
            <Table.Th scope="col">{t('att.name')}</Table.Th>
            <Table.Th scope="col">{t('pin.unit')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </>
        }
        row={(p) => (
          <Table.Tr key={p.id} data-pin={p.pin}>
            <Table.Td fw={600}>{p.pin}</Table.Td>
            <Table.Td>{p.device ?? t('pin.allDevices')}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.nip}</Table.Td>
            <Table.Td>{p.name}</Table.Td>
            <Table.Td>{p.workUnitName}</Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => setEditing({ mode: 'edit', item: p })}
                  aria-label={t('pin.editLabel', { pin: p.pin })}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  onClick={() => setRemoving(p)}
                  aria-label={t('pin.removeLabel', { pin: p.pin })}
                >
                  {t('common.delete')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <PinUpload />

      {editing ? <DevicePinModal editing={editing} onClose={closeEditor} /> : null}
      <ConfirmModal
        opened={removing !== null}
        title={t('pin.removeTitle')}
        message={
          removing
            ? t('pin.removeText', {
                pin: removing.pin,
                device: removing.device ?? t('pin.allDevices'),
                name: removing.name,
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
                notifications.show({ color: 'green', message: t('pin.removed', { pin: removing.pin }) });
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
