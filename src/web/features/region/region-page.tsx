import { Stack } from '@mantine/core';
import { useT } from '../../app/i18n';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { MissionsPanel } from './missions-panel';
import { RegionProfileForm } from './region-profile-form';
import { useRegion } from './region-api';

export function RegionPage() {
  const t = useT();
  const region = useRegion();
  return (
    <Stack>
      <PageHeader title={t('region.title')} />
      {region.isPending ? (
        <PageLoader />
      ) : region.isError ? (
        <QueryError error={region.error} onRetry={() => void region.refetch()} />
      ) : (
        <RegionProfileForm region={region.data} onReload={() => region.refetch()} />
      )}
      <MissionsPanel />
    </Stack>
  );
}
