import { useEffect, useState, type ReactNode } from 'react';
import { Anchor, Box, Group, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { Link, Navigate, useLocation } from 'react-router';
import type { Overview } from '../../../contract/dashboards';
import { useLocale, useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { sessionExpired, useSessionQuery } from '../../app/session';
import { PageLoader } from '../../components/page-loader';
import { useDocumentTitle } from '../../components/page-header';
import { useOverview } from './dashboards-api';
import { formatScore, lightHex, predicateColor } from './dashboards-format';
import { useYearParam } from './performance-page';
import { RankingChart } from './ranking-chart';

const ROTATE_MS = 15_000;
const REFRESH_MS = 60_000;
const bg = '#0b0d12';
const panelBg = '#161a23';
const fg = '#f1f3f5';
const dim = '#adb5bd';

/**
 * The command-center wall: full screen, dark, very large type; rotates between panels and refreshes
 * itself, so it runs unattended on a big screen. Outside the app shell but behind the login.
 */
export function WallPage() {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isPending) return <PageLoader />;
  if (!session.data)
    return (
      <Navigate
        to="/login"
        replace
        state={{ from: location.pathname + location.search, expired: sessionExpired() }}
      />
    );
  return (
    <Wall
      allowed={can.readPerformance(session.data.user)}
      timeZone={session.data.user.region.timezone}
      regionName={session.data.user.region.name}
    />
  );
}

function useNow(everyMs: number) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(id);
  }, [everyMs]);
  return now;
}

function Wall({ allowed, timeZone, regionName }: { allowed: boolean; timeZone: string; regionName: string }) {
  const t = useT();
  const { locale } = useLocale();
  const [year] = useYearParam();
  const overview = useOverview(year, { refetchInterval: REFRESH_MS, enabled: allowed });
  const reduced = useReducedMotion();
  const now = useNow(1000);
  const [panel, setPanel] = useState(0);
  useDocumentTitle(t('perf.wallTitle'));

  const panels = overview.data ? makePanels(overview.data) : [];
  const count = panels.length;
  useEffect(() => {
    if (count < 2) return;
    const id = window.setInterval(() => setPanel((p) => (p + 1) % count), ROTATE_MS);
    return () => window.clearInterval(id);
  }, [count]);

  const lang = locale === 'en' ? 'en-GB' : 'id-ID';
  const clock = new Intl.DateTimeFormat(lang, { timeZone, hour: '2-digit', minute: '2-digit' }).format(now);
  const date = new Intl.DateTimeFormat(lang, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(now);
  const updated = overview.dataUpdatedAt
    ? new Intl.DateTimeFormat(lang, {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }).format(overview.dataUpdatedAt)
    : '—';

  const current = count > 0 ? panels[panel % count] : null;

  return (
    <Box
      component="main"
      data-testid="wall"
      style={{
        position: 'fixed',
        inset: 0,
        background: bg,
        color: fg,
        display: 'flex',
        flexDirection: 'column',
        overflow: 'hidden',
        colorScheme: 'dark',
      }}
    >
      <Group justify="space-between" align="flex-end" px={48} pt={28} pb={12} wrap="nowrap">
        <div>
          <Text fz={28} c={dim} fw={500}>
            {regionName} · {year}
          </Text>
          <Title order={1} fz={52} c={fg} lh={1.1}>
            {current ? current.title(t) : t('perf.wallTitle')}
          </Title>
        </div>
        <Stack gap={0} align="flex-end">
          <Text
            fz={72}
            fw={700}
            lh={1}
            c={fg}
            style={{ fontVariantNumeric: 'tabular-nums' }}
            data-testid="wall-clock"
          >
            {clock}
          </Text>
          <Text fz={24} c={dim}>
            {date}
          </Text>
        </Stack>
      </Group>

      <Box style={{ flex: 1, minHeight: 0, padding: '12px 48px' }} aria-live="polite">
        {!allowed ? (
          <Text fz={36}>{t('error.forbidden')}</Text>
        ) : overview.isPending ? (
          <Text fz={36} c={dim}>
            {t('app.loading')}
          </Text>
        ) : overview.isError && !overview.data ? (
          <Text fz={36} c="#ff8787">
            {t('common.loadFailed')}
          </Text>
        ) : current ? (
          <Box
            key={current.key}
            data-panel={current.key}
            style={{ height: '100%', animation: reduced ? 'none' : 'wall-fade 600ms ease-out' }}
          >
            {current.render(t)}
          </Box>
        ) : null}
      </Box>

      <Group justify="space-between" px={48} pb={20} pt={8} wrap="nowrap">
        <Anchor component={Link} to={`/kinerja?tahun=${year}`} c={dim} fz={16} data-testid="wall-exit">
          ← {t('perf.exitWall')}
        </Anchor>
        <Group gap={12} wrap="nowrap">
          {panels.map((p, i) => (
            <Box
              key={p.key}
              aria-hidden
              style={{
                width: 14,
                height: 14,
                borderRadius: '50%',
                background: i === panel % count ? fg : '#495057',
              }}
            />
          ))}
          {count > 0 ? (
            <VisuallyHidden>{t('perf.panelN', { n: (panel % count) + 1, total: count })}</VisuallyHidden>
          ) : null}
        </Group>
        <Text fz={16} c={dim} data-testid="wall-updated">
          {t('perf.updated', { time: updated })}
        </Text>
      </Group>
      <style>{'@keyframes wall-fade { from { opacity: 0; } to { opacity: 1; } }'}</style>
    </Box>
  );
}

type T = ReturnType<typeof useT>;
interface Panel {
  key: string;
  title: (t: T) => string;
  render: (t: T) => ReactNode;
}

function BigStat({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Box style={{ background: panelBg, borderRadius: 16, padding: '24px 32px' }}>
      <Text fz={30} c={dim} fw={500}>
        {label}
      </Text>
      <Text fz={110} fw={800} lh={1.05} c={color ?? fg} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Box>
  );
}

function makePanels(o: Overview): Panel[] {
  const redUnits = o.units.filter((u) => u.lights.red > 0).sort((a, b) => b.lights.red - a.lights.red);
  return [
    {
      key: 'summary',
      title: (t) => t('perf.title'),
      render: (t) => (
        <Group align="stretch" gap={32} wrap="nowrap" h="100%">
          <Box
            style={{
              background: panelBg,
              borderRadius: 16,
              padding: '32px 40px',
              flex: '0 0 38%',
              display: 'flex',
              flexDirection: 'column',
              justifyContent: 'center',
            }}
            data-testid="wall-score"
          >
            <Text fz={34} c={dim} fw={500}>
              {t('perf.regionScore')}
            </Text>
            <Text fz={200} fw={800} lh={1} c={fg} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatScore(o.score)}
            </Text>
            <Text fz={56} fw={700} c={predicateColor(o.predicate)} style={{ filter: 'brightness(1.35)' }}>
              {o.predicate?.label ?? t('perf.noScore')}
            </Text>
          </Box>
          <SimpleGrid cols={2} spacing={32} style={{ flex: 1 }}>
            <BigStat
              label={t('perf.lateReports')}
              value={String(o.counts.lateReports)}
              color={o.counts.lateReports > 0 ? '#ff8787' : undefined}
            />
            <BigStat
              label={t('perf.overdueMilestones')}
              value={String(o.counts.overdueMilestones)}
              color={o.counts.overdueMilestones > 0 ? '#ffc078' : undefined}
            />
            <BigStat label={t('perf.awaitingVerification')} value={String(o.counts.awaitingVerification)} />
            <BigStat
              label={t('perf.redIndicators')}
              value={String(o.counts.red)}
              color={o.counts.red > 0 ? '#ff8787' : undefined}
            />
          </SimpleGrid>
        </Group>
      ),
    },
    {
      key: 'ranking',
      title: (t) => t('perf.ranking'),
      render: (t) =>
        o.units.some((u) => u.score !== null) ? (
          <RankingChart units={o.units} large maxUnits={12} />
        ) : (
          <Text fz={36} c={dim}>
            {t('perf.rankingEmpty')}
          </Text>
        ),
    },
    {
      key: 'themes',
      title: (t) => t('perf.themes'),
      render: (t) =>
        o.themes.length === 0 ? (
          <Text fz={36} c={dim}>
            {t('perf.themesEmpty')}
          </Text>
        ) : (
          <SimpleGrid cols={o.themes.length > 4 ? 3 : 2} spacing={28}>
            {o.themes.slice(0, 6).map((th) => (
              <Box
                key={th.themeId}
                style={{
                  background: panelBg,
                  borderRadius: 16,
                  padding: '20px 28px',
                  borderLeft: `12px solid ${predicateColor(th.predicate)}`,
                }}
              >
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <div style={{ minWidth: 0 }}>
                    <Text fz={22} c={dim}>
                      {t('perf.missionN', { n: th.missionNumber })}
                    </Text>
                    <Text fz={34} fw={700} lh={1.15} c={fg}>
                      {th.name}
                    </Text>
                  </div>
                  <Stack gap={0} align="flex-end">
                    <Text fz={64} fw={800} lh={1} c={fg}>
                      {formatScore(th.score)}
                    </Text>
                    <Text fz={24} fw={600} c={dim}>
                      {th.predicate?.label ?? ''}
                    </Text>
                  </Stack>
                </Group>
                <Stack gap={2} mt={8}>
                  {th.contributors.slice(0, 4).map((c, i) => (
                    <Group key={`${c.unitName}-${i}`} justify="space-between" wrap="nowrap">
                      <Text fz={22} c={dim} truncate>
                        {c.unitName}
                      </Text>
                      <Text fz={22} fw={600} c={fg}>
                        {formatScore(c.score)}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Box>
            ))}
          </SimpleGrid>
        ),
    },
    {
      key: 'red',
      title: (t) => t('perf.wallRedUnits'),
      render: (t) =>
        redUnits.length === 0 ? (
          <Text fz={48} c="#8ce99a" fw={600}>
            {t('perf.wallNoRed')}
          </Text>
        ) : (
          <Stack gap={16}>
            {redUnits.slice(0, 8).map((u) => (
              <Group
                key={u.unitId}
                justify="space-between"
                wrap="nowrap"
                style={{ background: panelBg, borderRadius: 14, padding: '14px 28px' }}
              >
                <Text fz={38} fw={600} c={fg} truncate>
                  {u.name}
                </Text>
                <Group gap={28} wrap="nowrap">
                  {(['red', 'amber', 'green'] as const).map((l) => (
                    <Group key={l} gap={10} wrap="nowrap">
                      <Box style={{ width: 30, height: 30, borderRadius: '50%', background: lightHex[l] }} />
                      <Text fz={40} fw={800} c={fg}>
                        {u.lights[l]}
                      </Text>
                    </Group>
                  ))}
                </Group>
              </Group>
            ))}
          </Stack>
        ),
    },
  ];
}
