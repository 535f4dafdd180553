import type { ReactNode } from 'react';
import { Badge, Box, Group, Text, type BadgeProps } from '@mantine/core';
import type { RuleDto } from '../../../contract/discipline';
import type { Formatters } from '../../app/i18n';
import { escalationText, kindColors, kindLabels, type RuleKind } from './discipline-format';

/** The vest as it is printed: white letters on black. */
export function VestBadge({ label, size = 'md' }: { label: string; size?: BadgeProps['size'] }) {
  return (
    <Badge
      color="dark.9"
      variant="filled"
      radius="sm"
      size={size}
      tt="uppercase"
      style={{ letterSpacing: 1 }}
    >
      {label}
    </Badge>
  );
}

export function KindBadge({ kind, size }: { kind: RuleKind; size?: BadgeProps['size'] }) {
  return (
    <Badge color={kindColors[kind]} variant="light" size={size} tt="none">
      {kindLabels[kind]}
    </Badge>
  );
}

export function ExampleBasisBadge() {
  return (
    <Badge color="yellow" variant="light" tt="none" data-testid="example-basis">
      Dasar hukum masih contoh: sesuaikan
    </Badge>
  );
}

/** "SUKA TERLAMBAT · 5 hari kerja" or the certificate's text. */
export function ConsequenceView({ rule }: { rule: Pick<RuleDto, 'consequence'> }) {
  const c = rule.consequence;
  if (c.kind === 'vest')
    return (
      <Group gap={6} wrap="wrap">
        <VestBadge label={c.label} />
        <Text size="sm">{c.workingDays} hari kerja</Text>
      </Group>
    );
  return (
    <Text size="sm">
      {/^piagam/i.test(c.text.trim()) ? null : (
        <Text span fw={500}>
          Piagam:{' '}
        </Text>
      )}
      {c.text}
    </Text>
  );
}

export const escalationOrNone = (rule: Pick<RuleDto, 'escalation' | 'kind'>) =>
  escalationText(rule.escalation) ?? (rule.kind === 'sanction' ? 'Tanpa pemberatan' : '—');

export function validityText(rule: Pick<RuleDto, 'validFrom' | 'validUntil'>, f: Formatters): string {
  if (!rule.validFrom && !rule.validUntil) return 'Tanpa batas waktu';
  if (rule.validFrom && rule.validUntil) return `${f.date(rule.validFrom)} – ${f.date(rule.validUntil)}`;
  if (rule.validFrom) return `Sejak ${f.date(rule.validFrom)}`;
  return `Sampai ${f.date(rule.validUntil)}`;
}

/** A list of label/value rows that stays two columns on a phone (labels narrow, values wrap). */
export function DefList({ children }: { children: ReactNode }) {
  return (
    <Box
      component="dl"
      m={0}
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(84px, 132px) minmax(0, 1fr)',
        columnGap: 'var(--mantine-spacing-sm)',
        rowGap: 6,
      }}
    >
      {children}
    </Box>
  );
}

export function DefRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Box component="dd" m={0} fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Box>
    </>
  );
}
