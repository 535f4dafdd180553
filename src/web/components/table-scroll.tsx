import type { ReactNode } from 'react';
import { Table } from '@mantine/core';

/**
 * Horizontal (and optionally vertical) scrolling for wide tables on phones. The scrolling box is
 * focusable and named so keyboard users can scroll it (axe: scrollable-region-focusable).
 */
export function TableScroll({
  label,
  minWidth,
  maxHeight,
  children,
}: {
  label: string;
  minWidth: number;
  maxHeight?: number;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer
      type="native"
      minWidth={minWidth}
      maxHeight={maxHeight}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      {children}
    </Table.ScrollContainer>
  );
}
