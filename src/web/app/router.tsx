import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { PageLoader } from '../components/page-loader';
import { LoginPage } from '../features/auth/login-page';
import { ProtectedLayout } from './app-layout';
import type { Permission } from './permissions';
import { RequirePermission } from './require-permission';
import { RouteError } from './route-error';

// Pages load on first visit, so the login page does not wait for charts and date pickers.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const HomePage = page(() => import('../features/home/home-page'), 'HomePage');
const RegionPage = page(() => import('../features/region/region-page'), 'RegionPage');
const CalendarPage = page(() => import('../features/calendar/calendar-page'), 'CalendarPage');
const CyclesPage = page(() => import('../features/cycles/cycles-page'), 'CyclesPage');
const CycleDetailPage = page(() => import('../features/cycles/cycle-detail-page'), 'CycleDetailPage');
const BoardPage = page(() => import('../features/board/board-page'), 'BoardPage');
const ProposalsPage = page(() => import('../features/proposals/proposals-page'), 'ProposalsPage');
const ProposalDetailPage = page(
  () => import('../features/proposals/proposal-detail-page'),
  'ProposalDetailPage',
);
const SessionsPage = page(() => import('../features/sessions/sessions-page'), 'SessionsPage');
const NegotiationPage = page(() => import('../features/negotiation/negotiation-page'), 'NegotiationPage');
const ContractsPage = page(() => import('../features/contracts/contracts-page'), 'ContractsPage');
const ContractDetailPage = page(
  () => import('../features/contracts/contract-detail-page'),
  'ContractDetailPage',
);
const MonevPage = page(() => import('../features/monitoring/monev-page'), 'MonevPage');
const RealizationPage = page(() => import('../features/monitoring/realization-page'), 'RealizationPage');
const IndicatorRedirectPage = page(
  () => import('../features/monitoring/indicator-redirect-page'),
  'IndicatorRedirectPage',
);
const VerificationQueuePage = page(
  () => import('../features/monitoring/verification-queue-page'),
  'VerificationQueuePage',
);
const VerificationPage = page(() => import('../features/verification/verification-page'), 'VerificationPage');
const PerformancePage = page(() => import('../features/dashboards/performance-page'), 'PerformancePage');
const ScorecardPage = page(() => import('../features/dashboards/scorecard-page'), 'ScorecardPage');
const WallPage = page(() => import('../features/dashboards/wall-page'), 'WallPage');
const SessionDetailPage = page(() => import('../features/sessions/session-detail-page'), 'SessionDetailPage');
const ScoringPage = page(() => import('../features/sessions/scoring-page'), 'ScoringPage');
const WorkUnitsPage = page(() => import('../features/work-units/work-units-page'), 'WorkUnitsPage');
const CivilServantsPage = page(
  () => import('../features/civil-servants/civil-servants-page'),
  'CivilServantsPage',
);
const CivilServantCreatePage = page(
  () => import('../features/civil-servants/civil-servant-create-page'),
  'CivilServantCreatePage',
);
const CivilServantDetailPage = page(
  () => import('../features/civil-servants/civil-servant-detail-page'),
  'CivilServantDetailPage',
);
const ImportsPage = page(() => import('../features/imports/imports-page'), 'ImportsPage');
const AttendanceImportPage = page(
  () => import('../features/attendance/attendance-import-page'),
  'AttendanceImportPage',
);
const DevicePinsPage = page(() => import('../features/attendance/device-pins-page'), 'DevicePinsPage');
const ExcusesPage = page(() => import('../features/attendance/excuses-page'), 'ExcusesPage');
const SchedulePage = page(() => import('../features/attendance/schedule-page'), 'SchedulePage');
const MyAttendancePage = page(() => import('../features/lateness/my-attendance-page'), 'MyAttendancePage');
const LatenessRecapPage = page(() => import('../features/lateness/lateness-recap-page'), 'LatenessRecapPage');
const LatenessRulesPage = page(() => import('../features/lateness/lateness-rules-page'), 'LatenessRulesPage');
const SanctionsPage = page(() => import('../features/discipline/sanctions-page'), 'SanctionsPage');
const SanctionDetailPage = page(
  () => import('../features/discipline/sanction-detail-page'),
  'SanctionDetailPage',
);
const RewardsPage = page(() => import('../features/discipline/rewards-page'), 'RewardsPage');
const RewardDetailPage = page(() => import('../features/discipline/reward-detail-page'), 'RewardDetailPage');
const RosterPage = page(() => import('../features/discipline/roster-page'), 'RosterPage');
const RulesPage = page(() => import('../features/discipline-admin/rules-page'), 'RulesPage');
const EvaluationPage = page(() => import('../features/discipline-admin/evaluation-page'), 'EvaluationPage');
const DisciplineDashboardPage = page(
  () => import('../features/discipline-admin/discipline-dashboard-page'),
  'DisciplineDashboardPage',
);
const UsersPage = page(() => import('../features/users/users-page'), 'UsersPage');
const AuditPage = page(() => import('../features/audit/audit-page'), 'AuditPage');
const NotFoundPage = page(() => import('../features/not-found/not-found-page'), 'NotFoundPage');

function Page({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const content = <Suspense fallback={<PageLoader />}>{children}</Suspense>;
  return permission ? <RequirePermission permission={permission}>{content}</RequirePermission> : content;
}

/** Indonesian paths, as users read and share them. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    // Public: anyone checks a pact's verification code, without logging in.
    path: '/verifikasi/:code',
    element: (
      <Page>
        <VerificationPage />
      </Page>
    ),
    errorElement: <RouteError />,
  },
  {
    // The command-center wall: full screen without the shell; the page itself requires the login.
    path: '/kinerja/dinding',
    element: (
      <Page>
        <WallPage />
      </Page>
    ),
    errorElement: <RouteError />,
  },
  {
    path: '/',
    element: <ProtectedLayout />,
    errorElement: <RouteError />,
    children: [
      {
        // Page-level error boundary: a crashing page keeps the shell and navigation.
        errorElement: <RouteError />,
        children: [
          {
            index: true,
            element: (
              <Page>
                <HomePage />
              </Page>
            ),
          },
          {
            path: 'siklus',
            element: (
              <Page permission="readCycles">
                <CyclesPage />
              </Page>
            ),
          },
          {
            path: 'siklus/:id',
            element: (
              <Page permission="readCycles">
                <CycleDetailPage />
              </Page>
            ),
          },
          {
            path: 'siklus/:id/papan',
            element: (
              <Page permission="readCycles">
                <BoardPage />
              </Page>
            ),
          },
          {
            path: 'usulan',
            element: (
              <Page permission="readProposals">
                <ProposalsPage />
              </Page>
            ),
          },
          {
            path: 'usulan/:id',
            element: (
              <Page permission="readProposals">
                <ProposalDetailPage />
              </Page>
            ),
          },
          {
            path: 'usulan/:id/negosiasi',
            element: (
              <Page permission="readProposals">
                <NegotiationPage />
              </Page>
            ),
          },
          {
            path: 'kontrak',
            element: (
              <Page permission="readContracts">
                <ContractsPage />
              </Page>
            ),
          },
          {
            path: 'kontrak/:id',
            element: (
              <Page permission="readContracts">
                <ContractDetailPage />
              </Page>
            ),
          },
          {
            path: 'monev',
            element: (
              <Page permission="monitor">
                <MonevPage />
              </Page>
            ),
          },
          {
            path: 'monev/verifikasi',
            element: (
              <Page permission="verificationQueue">
                <VerificationQueuePage />
              </Page>
            ),
          },
          {
            path: 'monev/:contractId/:indicatorKey',
            element: (
              <Page permission="monitor">
                <IndicatorRedirectPage />
              </Page>
            ),
          },
          {
            path: 'monev/:contractId/:indicatorKey/:periodKey',
            element: (
              <Page permission="monitor">
                <RealizationPage />
              </Page>
            ),
          },
          {
            path: 'kinerja',
            element: (
              <Page permission="readPerformance">
                <PerformancePage />
              </Page>
            ),
          },
          {
            path: 'kinerja/opd/:unitId',
            element: (
              <Page permission="readPerformance">
                <ScorecardPage />
              </Page>
            ),
          },
          {
            path: 'sidang',
            element: (
              <Page permission="readSessions">
                <SessionsPage />
              </Page>
            ),
          },
          {
            path: 'sidang/:id',
            element: (
              <Page permission="readSessions">
                <SessionDetailPage />
              </Page>
            ),
          },
          {
            path: 'sidang/:id/nilai/:proposalId',
            element: (
              <Page permission="readSessions">
                <ScoringPage />
              </Page>
            ),
          },
          {
            path: 'profil-daerah',
            element: (
              <Page permission="manageRegion">
                <RegionPage />
              </Page>
            ),
          },
          {
            path: 'pengaturan/kalender',
            element: (
              <Page permission="manageRegion">
                <CalendarPage />
              </Page>
            ),
          },
          {
            path: 'perangkat-daerah',
            element: (
              <Page permission="listWorkUnits">
                <WorkUnitsPage />
              </Page>
            ),
          },
          {
            path: 'asn',
            element: (
              <Page permission="listCivilServants">
                <CivilServantsPage />
              </Page>
            ),
          },
          {
            path: 'asn/baru',
            element: (
              <Page permission="writeCivilServants">
                <CivilServantCreatePage />
              </Page>
            ),
          },
          {
            path: 'asn/:id',
            element: (
              <Page permission="listCivilServants">
                <CivilServantDetailPage />
              </Page>
            ),
          },
          {
            path: 'impor',
            element: (
              <Page permission="importData">
                <ImportsPage />
              </Page>
            ),
          },
          {
            path: 'kehadiran',
            element: <Navigate to="/kehadiran/impor" replace />,
          },
          {
            path: 'kehadiran/impor',
            element: (
              <Page permission="manageAttendance">
                <AttendanceImportPage />
              </Page>
            ),
          },
          {
            path: 'kehadiran/pin-mesin',
            element: (
              <Page permission="manageAttendance">
                <DevicePinsPage />
              </Page>
            ),
          },
          {
            path: 'kehadiran/izin',
            element: (
              <Page permission="manageAttendance">
                <ExcusesPage />
              </Page>
            ),
          },
          {
            path: 'kehadiran/jadwal',
            element: (
              <Page permission="manageAttendance">
                <SchedulePage />
              </Page>
            ),
          },
          {
            path: 'kehadiran/saya',
            element: (
              <Page permission="readOwnAttendance">
                <MyAttendancePage />
              </Page>
            ),
          },
          {
            path: 'kehadiran/rekap',
            element: (
              <Page permission="readLateness">
                <LatenessRecapPage />
              </Page>
            ),
          },
          {
            path: 'kehadiran/aturan',
            element: (
              <Page permission="manageAttendance">
                <LatenessRulesPage />
              </Page>
            ),
          },
          {
            path: 'disiplin',
            element: <Navigate to="/disiplin/sanksi" replace />,
          },
          {
            path: 'disiplin/sanksi',
            element: (
              <Page permission="readCases">
                <SanctionsPage />
              </Page>
            ),
          },
          {
            path: 'disiplin/sanksi/:id',
            element: (
              <Page permission="readCases">
                <SanctionDetailPage />
              </Page>
            ),
          },
          {
            path: 'disiplin/penghargaan',
            element: (
              <Page permission="readCases">
                <RewardsPage />
              </Page>
            ),
          },
          {
            path: 'disiplin/penghargaan/:id',
            element: (
              <Page permission="readCases">
                <RewardDetailPage />
              </Page>
            ),
          },
          {
            path: 'disiplin/apel',
            element: (
              <Page permission="readRoster">
                <RosterPage />
              </Page>
            ),
          },
          {
            path: 'disiplin/evaluasi',
            element: (
              <Page permission="runEvaluation">
                <EvaluationPage />
              </Page>
            ),
          },
          {
            path: 'disiplin/aturan',
            element: (
              <Page permission="readRules">
                <RulesPage />
              </Page>
            ),
          },
          {
            path: 'disiplin/dasbor',
            element: (
              <Page permission="readDisciplineDashboard">
                <DisciplineDashboardPage />
              </Page>
            ),
          },
          {
            path: 'pengguna',
            element: (
              <Page permission="manageUsers">
                <UsersPage />
              </Page>
            ),
          },
          {
            path: 'audit',
            element: (
              <Page permission="readAudit">
                <AuditPage />
              </Page>
            ),
          },
          {
            path: '*',
            element: (
              <Page>
                <NotFoundPage />
              </Page>
            ),
          },
        ],
      },
    ],
  },
]);
