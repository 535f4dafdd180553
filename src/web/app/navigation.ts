import type { Me } from '../../contract/auth';
import type { MessageKey } from './i18n';
import { can, type Permission } from './permissions';

export interface NavItem {
  to: string;
  label: MessageKey;
  permission: Permission | null;
}

/** The navbar, in order; an item shows when the user holds its permission. */
export const navItems: NavItem[] = [
  { to: '/', label: 'nav.home', permission: null },
  { to: '/siklus', label: 'nav.cycles', permission: 'readCycles' },
  { to: '/usulan', label: 'nav.proposals', permission: 'readProposals' },
  { to: '/sidang', label: 'nav.sessions', permission: 'readSessions' },
  { to: '/kontrak', label: 'nav.contracts', permission: 'readContracts' },
  { to: '/monev', label: 'nav.monitoring', permission: 'monitor' },
  { to: '/kinerja', label: 'nav.performance', permission: 'readPerformance' },
  { to: '/profil-daerah', label: 'nav.region', permission: 'manageRegion' },
  { to: '/pengaturan/kalender', label: 'nav.calendar', permission: 'manageRegion' },
  { to: '/perangkat-daerah', label: 'nav.workUnits', permission: 'listWorkUnits' },
  { to: '/asn', label: 'nav.civilServants', permission: 'listCivilServants' },
  { to: '/impor', label: 'nav.imports', permission: 'importData' },
  { to: '/pengguna', label: 'nav.users', permission: 'manageUsers' },
  { to: '/audit', label: 'nav.audit', permission: 'readAudit' },
];

export function navFor(me: Me): NavItem[] {
  return navItems.filter((i) => i.permission === null || can[i.permission](me));
}
