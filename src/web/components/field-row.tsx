import type { ReactNode } from 'react';
import { Group, Text } from '@mantine/core';

/** One label/value row of a summary card, inside a `<dl>`. */
export function FieldRow({ label, children }: { label: string; children: ReactNode }) {
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
