import type { Translate } from '../app/i18n';

/** Options of the active/inactive/all filter used by list pages (`active` query of the contract). */
export function activeFilterOptions(t: Translate) {
  return [
    { value: 'true', label: t('common.active') },
    { value: 'false', label: t('common.inactive') },
    { value: 'all', label: t('common.all') },
  ];
}
export type ActiveFilter = 'true' | 'false' | 'all';
