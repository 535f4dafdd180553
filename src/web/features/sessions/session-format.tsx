import dayjs from 'dayjs';
import { useLocale } from '../../app/i18n';

/** A session day written out, e.g. "Senin, 12 Mei 2027". */
export function useSessionDate(): (date: string) => string {
  const { locale } = useLocale();
  return (date) => dayjs(date).locale(locale).format('dddd, D MMMM YYYY');
}

/** Rows of session summaries use the shared label/value row. */
export { FieldRow as Field } from '../../components/field-row';
