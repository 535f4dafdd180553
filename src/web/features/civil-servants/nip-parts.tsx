import { Group, Paper, Text } from '@mantine/core';
import { checkNip } from '../../../contract/nip';
import { useT } from '../../app/i18n';
import { useFormat } from '../../app/session';

/** Groups an NIP as it is printed on official documents: 19850312 201001 1 001. */
export function formatNip(nip: string): string {
  const n = nip.replace(/\s+/g, '');
  if (n.length !== 18) return nip;
  return `${n.slice(0, 8)} ${n.slice(8, 14)} ${n.slice(14, 15)} ${n.slice(15)}`;
}

/** The four parts encoded in an NIP, decoded with the contract's `checkNip`. */
export function NipParts({ nip }: { nip: string }) {
  const t = useT();
  const f = useFormat();
  const r = checkNip(nip);
  if (!r.ok) return null;
  const n = nip.replace(/\s+/g, '');
  const parts = [
    { label: t('asn.nipBirth'), digits: n.slice(0, 8), value: f.date(r.parts.birthDate) },
    { label: t('asn.nipAppointment'), digits: n.slice(8, 14), value: f.month(r.parts.appointment) },
    { label: t('asn.nipSex'), digits: n.slice(14, 15), value: t(`sex.${r.parts.sex}`) },
    { label: t('asn.nipSerial'), digits: n.slice(15), value: String(r.parts.serial) },
  ];
  return (
    <Group gap="xs" data-testid="nip-parts" role="list">
      {parts.map((p) => (
        <Paper key={p.label} withBorder px="sm" py={6} radius="sm" role="listitem">
          <Text ff="monospace" fw={700}>
            {p.digits}
          </Text>
          <Text size="xs">
            {p.label}: {p.value}
          </Text>
        </Paper>
      ))}
    </Group>
  );
}
