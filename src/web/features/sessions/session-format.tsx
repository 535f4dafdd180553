import dayjs from 'dayjs';
import { Badge, type MantineColor } from '@mantine/core';
import type { SessionStatus } from '../../../contract/sessions';
import { useLocale, useT, type MessageKey } from '../../app/i18n';

/** A session day written out, e.g. "Senin, 12 Mei 2027". */
export function useSessionDate(): (date: string) => string {
  const { locale } = useLocale();
  return (date) => dayjs(date).locale(locale).format('dddd, D MMMM YYYY');
}

/** Rows of session summaries use the shared label/value row. */
export { FieldRow as Field } from '../../components/field-row';

const statusColors: Record<SessionStatus, MantineColor> = {
  scheduled: 'blue',
  in_progress: 'orange',
  closed: 'green',
  cancelled: 'red',
};

/** Where a session stands (Terjadwal, Berlangsung, Selesai, Dibatalkan) as a coloured badge. */
export function SessionStatusBadge({ status, size }: { status: SessionStatus; size?: 'md' | 'lg' }) {
  const t = useT();
  return (
    <Badge
      variant="light"
      color={statusColors[status]}
      tt="none"
      size={size}
      // Beside a title or a sentence it keeps its whole word rather than shrinking to "Terj…".
      style={{ flexShrink: 0 }}
      data-testid="session-status"
    >
      {t(`session.status.${status}` as MessageKey)}
    </Badge>
  );
}
