import type { ReactNode } from 'react';
import { Badge, Text, type BadgeProps, type MantineColor } from '@mantine/core';
import dayjs from 'dayjs';
import {
  rewardEventLabels,
  rewardStateLabels,
  sanctionEventLabels,
  sanctionStateLabels,
  type RewardEvent,
  type RewardState,
  type SanctionEvent,
  type SanctionState,
} from '../../../contract/discipline';
import { useFormat, useSessionQuery } from '../../app/session';
import { formatNip } from '../civil-servants/nip-parts';
import { periodsOfYear, usePeriodLabel } from '../monitoring/monitoring-format';

// The labels of the due-process machines are the contract's (the server's machine uses the same).
export { rewardEventLabels, rewardStateLabels, sanctionEventLabels, sanctionStateLabels };
export type { RewardEvent, RewardState, SanctionEvent, SanctionState };

const sanctionStateColors: Record<SanctionState, MantineColor> = {
  proposed: 'blue',
  approved: 'cyan',
  rejected: 'gray',
  notified: 'yellow',
  appealed: 'orange',
  upheld: 'grape',
  revoked: 'teal',
  active: 'red',
  completed: 'dark',
  cancelled: 'gray',
};

const rewardStateColors: Record<RewardState, MantineColor> = {
  proposed: 'blue',
  approved: 'cyan',
  rejected: 'gray',
  granted: 'green',
  cancelled: 'gray',
};

// Badges in narrow table cells wrap rather than being cut off ("Keberatan diajukan").
const wrappingBadge = {
  root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.3 },
} as const;

/** A label of `labels`, or the raw value when it is unknown (a newer server). */
export function labelOf<K extends string>(labels: Record<K, string>, key: string): string {
  return (labels as Record<string, string>)[key] ?? key;
}

export function SanctionStateBadge({ state, size }: { state: SanctionState; size?: BadgeProps['size'] }) {
  return (
    <Badge
      variant="light"
      color={sanctionStateColors[state]}
      tt="none"
      size={size}
      styles={wrappingBadge}
      data-testid="case-state"
    >
      {labelOf(sanctionStateLabels, state)}
    </Badge>
  );
}

export function RewardStateBadge({ state, size }: { state: RewardState; size?: BadgeProps['size'] }) {
  return (
    <Badge
      variant="light"
      color={rewardStateColors[state]}
      tt="none"
      size={size}
      styles={wrappingBadge}
      data-testid="case-state"
    >
      {labelOf(rewardStateLabels, state)}
    </Badge>
  );
}

/** The vest's label as it is printed on it: white capitals on black. */
export function VestBadge({ label, size }: { label: string; size?: BadgeProps['size'] }) {
  return (
    <Badge
      color="#000"
      c="#fff"
      radius="sm"
      size={size}
      className="discipline-vest"
      styles={{
        root: {
          height: 'auto',
          minHeight: 'var(--badge-height)',
          maxWidth: 'none',
          flexShrink: 0,
          letterSpacing: 0.5,
        },
        label: { whiteSpace: 'nowrap', overflow: 'visible', textOverflow: 'clip' },
      }}
      data-testid="vest-label"
    >
      {label}
    </Badge>
  );
}

/** The subject of a case: name, NIP (when a person) and unit. */
export function SubjectCell({
  name,
  nip,
  workUnitName,
}: {
  name: ReactNode;
  nip: string | null;
  workUnitName: string;
}) {
  return (
    <>
      <Text size="sm" fw={500} component="div">
        {name}
      </Text>
      {nip ? (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          NIP {formatNip(nip)}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {workUnitName}
      </Text>
    </>
  );
}

export const subjectKindLabels: Record<string, string> = {
  opd_head: 'Kepala Perangkat Daerah',
  asn: 'ASN',
  work_unit: 'Perangkat Daerah',
};

/** "5 hari kerja". */
export const workingDaysText = (n: number) => `${n} hari kerja`;

/** Today's day (YYYY-MM-DD) in the region's time zone. */
export function useRegionToday(): string {
  const tz = useSessionQuery().data?.user.region.timezone;
  return (tz ? dayjs().tz(tz) : dayjs()).format('YYYY-MM-DD');
}

/**
 * When something was recorded for a day: the clock time (HH.mm, region's time zone) when it was on
 * that day, else the date and time (a record made later).
 */
export function useTimeFormat(): (iso: string | null, day: string) => string {
  const tz = useSessionQuery().data?.user.region.timezone;
  const f = useFormat();
  return (iso, day) => {
    if (!iso) return '—';
    const at = tz ? dayjs(iso).tz(tz) : dayjs(iso);
    return at.format('YYYY-MM-DD') === day ? at.format('HH.mm') : f.dateTime(iso);
  };
}

/** Sanction states after which the roster records nothing more. */
export const finalSanctionStates: readonly SanctionState[] = [
  'rejected',
  'revoked',
  'completed',
  'cancelled',
];

/**
 * The evaluation periods to filter by, newest first: the years, quarters and months of this year
 * and the one before.
 */
export function usePeriodOptions(today: string) {
  const label = usePeriodLabel();
  const year = Number(today.slice(0, 4));
  const month = today.slice(0, 7);
  return [year, year - 1].map((y) => ({
    group: String(y),
    items: [
      { value: String(y), label: label(String(y)) },
      ...periodsOfYear('quarterly', y)
        .filter((p) => `${y}-${String(p.index * 3 - 2).padStart(2, '0')}` <= month)
        .reverse()
        .map((p) => ({ value: p.key, label: label(p.key) })),
      ...periodsOfYear('monthly', y)
        .filter((p) => `${y}-${String(p.index).padStart(2, '0')}` <= month)
        .reverse()
        .map((p) => ({ value: p.key, label: label(p.key) })),
    ],
  }));
}
