import type { Me } from '../../contract/auth';
import type { MessageKey } from './i18n';
import { can, type Permission } from './permissions';

export interface NavItem {
  to: string;
  label: MessageKey;
  permission: Permission | null;
  /** A group: the entries under it (shown when the user holds their permission). */
  children?: NavItem[];
}

/** The navbar, in order; an item shows when the user holds its permission. */
export const navItems: NavItem[] = [
  { to: '/', label: 'nav.home', permission: null },
  { to: '/kehadiran/saya', label: 'nav.myAttendance', permission: 'readOwnAttendance' },
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
  {
    to: '/kehadiran',
    label: 'nav.attendance',
    // The readers of the recaps see the group; HR's entries stay HR's.
    permission: 'readLateness',
    children: [
      { to: '/kehadiran/rekap', label: 'nav.latenessRecap', permission: 'readLateness' },
      { to: '/kehadiran/impor', label: 'nav.attendanceImport', permission: 'manageAttendance' },
      { to: '/kehadiran/pin-mesin', label: 'nav.devicePins', permission: 'manageAttendance' },
      { to: '/kehadiran/izin', label: 'nav.excuses', permission: 'manageAttendance' },
      { to: '/kehadiran/jadwal', label: 'nav.schedule', permission: 'manageAttendance' },
      { to: '/kehadiran/aturan', label: 'nav.latenessRules', permission: 'manageAttendance' },
    ],
  },
  {
    to: '/disiplin',
    label: 'nav.discipline',
    permission: 'readCases',
    children: [
      { to: '/disiplin/sanksi', label: 'nav.sanctions', permission: 'readCases' },
      { to: '/disiplin/penghargaan', label: 'nav.rewards', permission: 'readCases' },
      { to: '/disiplin/apel', label: 'nav.roster', permission: 'readRoster' },
      { to: '/disiplin/evaluasi', label: 'nav.evaluation', permission: 'runEvaluation' },
      { to: '/disiplin/aturan', label: 'nav.rules', permission: 'readRules' },
      { to: '/disiplin/dasbor', label: 'nav.disciplineDashboard', permission: 'readDisciplineDashboard' },
    ],
  },
  { to: '/pengguna', label: 'nav.users', permission: 'manageUsers' },
  { to: '/audit', label: 'nav.audit', permission: 'readAudit' },
];

export function navFor(me: Me): NavItem[] {
  const allowed = (i: NavItem) => i.permission === null || can[i.permission](me);
  return navItems
    .filter(allowed)
    .map((i) => (i.children ? { ...i, children: i.children.filter(allowed) } : i))
    .filter((i) => !i.children || i.children.length > 0);
}
