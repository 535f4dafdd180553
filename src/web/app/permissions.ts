import type { Me } from '../../contract/auth';
import type { Role } from '../../contract/common';

/**
 * What the UI offers to whom. The server decides (and scopes to the user's unit); this only hides
 * what would be refused anyway.
 */
export function hasRole(me: Me, ...roles: Role[]): boolean {
  return me.roles.some((r) => roles.includes(r.role));
}

export const can = {
  manageRegion: (me: Me) => hasRole(me, 'region_admin'),
  /** Every signed-in user reads the cycles (units draft against their phases, rubric and themes). */
  readCycles: (_me: Me) => true,
  manageCycles: (me: Me) => hasRole(me, 'region_admin'),
  readProposals: (me: Me) => hasRole(me, 'region_admin', 'head_of_region', 'opd_head', 'opd_operator'),
  /** Drafting is the OPD's: the lead unit is the drafter's own unit. */
  draftProposals: (me: Me) => hasRole(me, 'opd_head', 'opd_operator'),
  /** Panelists see the sessions they sit on, OPD roles those of their proposals (the server scopes). */
  readSessions: (me: Me) =>
    hasRole(me, 'region_admin', 'head_of_region', 'panelist', 'opd_head', 'opd_operator'),
  manageSessions: (me: Me) => hasRole(me, 'region_admin'),
  /**
   * Signed contracts: the region's leaders, the verifiers (who check realizations against them) and
   * the units (the server scopes units to their own and those they contribute to).
   */
  readContracts: (me: Me) =>
    hasRole(me, 'region_admin', 'head_of_region', 'verifier', 'opd_head', 'opd_operator'),
  /** Monitoring of realizations: the units' to-do list and entry, and those who oversee or verify them. */
  monitor: (me: Me) => hasRole(me, 'opd_head', 'opd_operator', 'region_admin', 'head_of_region', 'verifier'),
  /** Region-wide monitoring views (every unit, with a unit filter). */
  monitorRegion: (me: Me) => hasRole(me, 'region_admin', 'head_of_region', 'verifier'),
  verificationQueue: (me: Me) => hasRole(me, 'verifier', 'region_admin'),
  /** The performance dashboards (region overview); OPD roles read their own unit's scorecard. */
  readPerformance: (me: Me) =>
    hasRole(me, 'region_admin', 'head_of_region', 'verifier', 'opd_head', 'opd_operator', 'national_viewer'),
  /** Region-wide monev reports (PDF, XLSX). */
  regionReports: (me: Me) => hasRole(me, 'region_admin', 'head_of_region', 'verifier'),
  /** Closing a reporting period, and reopening it with a reason. */
  closePeriods: (me: Me) => hasRole(me, 'region_admin'),
  listWorkUnits: (_me: Me) => true,
  writeWorkUnits: (me: Me) => hasRole(me, 'region_admin', 'hr_officer'),
  listCivilServants: (me: Me) => hasRole(me, 'region_admin', 'hr_officer', 'opd_head', 'opd_operator'),
  writeCivilServants: (me: Me) => hasRole(me, 'region_admin', 'hr_officer'),
  importData: (me: Me) => hasRole(me, 'region_admin', 'hr_officer'),
  /** Attendance files, device PINs, excuses and work schedules: HR (BKPSDM) and the region admin. */
  manageAttendance: (me: Me) => hasRole(me, 'region_admin', 'hr_officer'),
  /** Everyone's own month ("Kehadiran saya"); an account without an ASN record is told so there. */
  readOwnAttendance: (_me: Me) => true,
  /** Lateness recaps: HR, the inspectorate, the region's leaders, and an OPD head (own unit, server scope). */
  readLateness: (me: Me) =>
    hasRole(me, 'region_admin', 'head_of_region', 'hr_officer', 'verifier', 'opd_head'),
  /** Sanctions and rewards: every user reads their own (the server scopes); the list shows what they may see. */
  readCases: (_me: Me) => true,
  /** The rules of the regulation (Perwali): read by those who oversee them, written by the region admin. */
  readRules: (me: Me) => hasRole(me, 'region_admin', 'head_of_region', 'hr_officer', 'verifier'),
  manageRules: (me: Me) => hasRole(me, 'region_admin'),
  /** Evaluation runs (preview and commit: the proposer of the sanctions and rewards). */
  runEvaluation: (me: Me) => hasRole(me, 'region_admin', 'hr_officer'),
  /** The morning roster: HR records vests; leaders and unit heads read it (the server scopes units). */
  readRoster: (me: Me) => hasRole(me, 'region_admin', 'head_of_region', 'hr_officer', 'verifier', 'opd_head'),
  recordRoster: (me: Me) => hasRole(me, 'region_admin', 'hr_officer'),
  /** The head of region's dashboard of sanctions and rewards. */
  readDisciplineDashboard: (me: Me) =>
    hasRole(me, 'region_admin', 'head_of_region', 'hr_officer', 'verifier'),
  manageUsers: (me: Me) => hasRole(me, 'region_admin'),
  readAudit: (me: Me) => hasRole(me, 'region_admin'),
};
export type Permission = keyof typeof can;
