import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError, setUnauthenticatedHandler } from './api';
import { LocaleProvider, useLocale, useT } from './i18n';
import { dropSession } from './session';
import { cssVariablesResolver, makeTheme } from './theme';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // Client errors (4xx) will not change on retry.
        retry: (count, err) =>
          !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}

/** Mantine and its date pickers in the current locale. */
function LocalizedMantine({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  const t = useT();
  const theme = useMemo(() => makeTheme({ close: t('common.close'), clear: t('common.clear') }), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <DatesProvider settings={{ locale, firstDayOfWeek: 1, weekendDays: [0, 6] }}>{children}</DatesProvider>
    </MantineProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  useEffect(() => {
    setUnauthenticatedHandler(() => dropSession(queryClient));
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <LocalizedMantine>
          <Notifications position="bottom-right" />
          {children}
        </LocalizedMantine>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
