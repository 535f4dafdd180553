import { Alert, Group, Paper, Stack, Text } from '@mantine/core';
import { ApiError } from '../../app/api';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { useListParams } from '../../components/use-list-params';
import { useLatenessRules, useMyLateness } from './lateness-api';
import { MonthInput, monthOrDefault, RulesLegend, ServantMonthView } from './lateness-format';
import { useLt } from './lateness-text';

/**
 * "Kehadiran saya": the signed-in ASN's month (last month unless another is chosen), with the recap,
 * the bands as a chart and every day with why it counts. An account without an ASN record gets the
 * server's reason.
 */
export function MyAttendancePage() {
  const lt = useLt();
  const me = useMe();
  const tz = me.region.timezone;
  const [params, setParams] = useListParams({ bulan: '' });
  const month = monthOrDefault(params.bulan, tz);
  const q = useMyLateness(month);
  const rules = useLatenessRules();
  const noAsn = q.error instanceof ApiError && q.error.code === 'NOT_FOUND';

  return (
    <Stack>
      <PageHeader title={lt('my.title')} description={lt('my.intro')} />
      <Paper withBorder p="md" radius="md">
        <Group align="flex-end" justify="space-between">
          <MonthInput
            value={month}
            onChange={(bulan) => setParams({ bulan })}
            timeZone={tz}
            data-testid="month-picker"
          />
          {q.data ? (
            <Stack gap={0} align="flex-end">
              <Text fw={600} data-testid="asn-name">
                {q.data.civilServant.name}
              </Text>
              <Text size="sm" c="dimmed">
                NIP {q.data.civilServant.nip} · {q.data.civilServant.workUnitName}
              </Text>
            </Stack>
          ) : null}
        </Group>
      </Paper>
      {q.isPending ? (
        <PageLoader />
      ) : noAsn ? (
        <Alert color="yellow" role="alert" title={lt('my.noAsn')} data-testid="no-asn">
          {(q.error as ApiError).message}
        </Alert>
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <ServantMonthView data={q.data} />
      )}
      {rules.data && !noAsn ? <RulesLegend rules={rules.data.rules} /> : null}
    </Stack>
  );
}
