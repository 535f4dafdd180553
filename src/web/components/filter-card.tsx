import type { ReactNode } from 'react';
import { Paper, SimpleGrid, type SimpleGridProps } from '@mantine/core';

/** The bordered card of filters above a list: the fields in a responsive grid, then `footer`. */
export function FilterCard({
  cols,
  footer,
  children,
}: {
  cols: SimpleGridProps['cols'];
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md">
      <SimpleGrid cols={cols}>{children}</SimpleGrid>
      {footer}
    </Paper>
  );
}
