import { Alert, Stack } from '@mantine/core';
import dayjs from 'dayjs';
import { Navigate, useParams } from 'react-router';
import { useT } from '../../app/i18n';
import { useSessionQuery } from '../../app/session';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { realizationPath, useContractTerms } from './monitoring-api';
import { defaultPeriodKey } from './monitoring-format';

/**
 * `/monev/:contractId/:indicatorKey` (the link from a contract): opens the indicator's period being
 * reported now, by its frequency and within the contract's term, in the region's calendar.
 */
export function IndicatorRedirectPage() {
  const t = useT();
  const { contractId = '', indicatorKey = '' } = useParams();
  const tz = useSessionQuery().data?.user.region.timezone;
  const contract = useContractTerms(contractId);
  if (contract.isPending) return <PageLoader />;
  if (contract.isError) return <QueryError error={contract.error} onRetry={() => void contract.refetch()} />;
  const indicator = contract.data.indicators.find((i) => i.key === indicatorKey);
  if (!indicator)
    return (
      <Stack>
        <Alert color="yellow" role="alert">
          {t('monev.noIndicator')}
        </Alert>
      </Stack>
    );
  const today = (tz ? dayjs().tz(tz) : dayjs()).format('YYYY-MM-DD');
  const periodKey = defaultPeriodKey(indicator.frequency, contract.data.term, today);
  return <Navigate replace to={realizationPath({ contractId, indicatorKey, periodKey })} />;
}
