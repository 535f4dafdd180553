import type { ReactNode } from 'react';
import dayjs from 'dayjs';
import { Group, Text } from '@mantine/core';
import { useLocale } from '../../app/i18n';

/** A session day written out, e.g. "Senin, 12 Mei 2027". */
export function useSessionDate(): (date: string) => string {
  const { locale } = useLocale();
  return (date) => dayjs(date).locale(locale).format('dddd, D MMMM YYYY');
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} fw={500} ta="right">
        {children}
      </Text>
    </Group>
  );
}
