import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { loginBody } from '../../../contract/auth';
import { ApiError } from '../../app/api';
import { validateWith } from '../../app/forms';
import { useT } from '../../app/i18n';
import { useLogin, useSessionQuery } from '../../app/session';
import { LanguageSwitch } from '../../components/language-switch';
import { PageLoader } from '../../components/page-loader';
import { useDocumentTitle } from '../../components/page-header';
import { usePublicRegions } from './auth-api';

interface LoginState {
  from?: string;
  expired?: boolean;
}

export function LoginPage() {
  const t = useT();
  useDocumentTitle(t('login.title'));
  const session = useSessionQuery();
  const location = useLocation();
  const navigate = useNavigate();
  const state = (location.state ?? {}) as LoginState;
  const regions = usePublicRegions();
  const login = useLogin();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm({ initialValues: { regionSlug: '', username: '', password: '' } });

  // Pre-select the region when there is only one.
  const regionList = regions.data ?? [];
  useEffect(() => {
    if (regionList.length === 1 && !form.getValues().regionSlug)
      form.setFieldValue('regionSlug', regionList[0].slug);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [regionList.length]);

  if (session.isPending) return <PageLoader />;
  if (session.data) return <Navigate to={state.from && state.from !== '/login' ? state.from : '/'} replace />;

  const onSubmit = form.onSubmit((values) => {
    setServerError(null);
    const v = validateWith(loginBody, values);
    if (!v.ok) {
      form.setErrors(v.errors);
      return;
    }
    login.mutate(v.data, {
      onSuccess: () => navigate(state.from && state.from !== '/login' ? state.from : '/', { replace: true }),
      onError: (err) => {
        if (err instanceof ApiError) {
          if (err.fields.length)
            form.setErrors(Object.fromEntries(err.fields.map((f) => [f.path, f.message])));
          setServerError(err.code === 'NETWORK' ? t('error.network') : err.message);
        } else setServerError(String(err));
        form.setFieldValue('password', '');
      },
    });
  });

  return (
    <Box bg="var(--mantine-color-gray-0)" mih="100vh">
      <Box component="header" p="md">
        <Group justify="space-between">
          <Text fw={700} size="lg">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
      </Box>
      <Center component="main" px="md" pb="xl">
        <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
          <Stack>
            <div>
              <Title order={1} size="h2">
                {t('login.title')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('login.subtitle')}
              </Text>
            </div>
            {state.expired && !serverError ? (
              <Alert color="yellow" role="status">
                {t('login.sessionExpired')}
              </Alert>
            ) : null}
            {serverError ? (
              <Alert color="red" title={t('login.failed')} role="alert" data-testid="login-error">
                {serverError}
              </Alert>
            ) : null}
            {regions.isError ? (
              <Alert color="red" role="alert">
                {t('error.network')}
              </Alert>
            ) : null}
            <form onSubmit={onSubmit} noValidate>
              <Stack>
                <Select
                  label={t('login.region')}
                  placeholder={t('login.regionPlaceholder')}
                  data={regionList.map((r) => ({ value: r.slug, label: r.name }))}
                  searchable={regionList.length > 8}
                  nothingFoundMessage={t('login.noRegions')}
                  required
                  withAsterisk={false}
                  allowDeselect={false}
                  disabled={regions.isPending}
                  {...form.getInputProps('regionSlug')}
                />
                <TextInput
                  label={t('login.username')}
                  autoComplete="username"
                  required
                  withAsterisk={false}
                  autoCapitalize="none"
                  spellCheck={false}
                  {...form.getInputProps('username')}
                />
                <PasswordInput
                  label={t('login.password')}
                  autoComplete="current-password"
                  required
                  withAsterisk={false}
                  {...form.getInputProps('password')}
                />
                <Button type="submit" loading={login.isPending} fullWidth>
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
