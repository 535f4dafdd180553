import { useState } from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Center,
  Code,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import type { PactVerification } from '../../../contract/agreements';
import { ApiError } from '../../app/api';
import { makeFormatters, useLocale, useT, type MessageKey } from '../../app/i18n';
import { LanguageSwitch } from '../../components/language-switch';
import { useDocumentTitle } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { useVerification } from './verification-api';

const CODE = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;

/** Instants in the pact's region's time zone (WIB, WITA, WIT), whoever reads them and from wherever. */
function useInstant(timeZone: string) {
  const { locale } = useLocale();
  const f = makeFormatters(locale, timeZone);
  return (iso: string | null) => (iso ? f.dateTime(iso) : null);
}

function Result({ pact: p }: { pact: PactVerification }) {
  const t = useT();
  const instant = useInstant(p.timezone);
  const signedAt = {
    opd_head: p.signatures.opdHeadSignedAt,
    head_of_region: p.signatures.headOfRegionSignedAt,
  } as const;
  return (
    <Stack data-testid="verification-result">
      <Alert color="green" role="status" title={t('verify.found')}>
        {t('verify.foundText')}
      </Alert>
      <Stack component="dl" gap="xs" m={0}>
        {(
          [
            [
              'verify.number',
              <Text span fw={700} key="n" data-testid="verify-number">
                {p.number}
              </Text>,
            ],
            ['verify.region', p.regionName],
            ['verify.cycle', p.cycleName],
            ['verify.program', p.programTitle],
            [
              'verify.outcome',
              <Badge key="o" variant="light" color={p.outcome === 'agreed' ? 'green' : 'red'} tt="none">
                {t(`pact.outcome.${p.outcome}` as MessageKey)}
              </Badge>,
            ],
            ['verify.issuedAt', instant(p.issuedAt)],
          ] as const
        ).map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="sm" c="dimmed">
              {t(label)}
            </Text>
            <Text component="dd" m={0} fw={500}>
              {value}
            </Text>
          </div>
        ))}
      </Stack>
      <Table.ScrollContainer minWidth={0} type="native">
        <Table verticalSpacing="xs" withTableBorder data-testid="verify-parties">
          <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600, paddingBottom: 4 }}>
            {t('verify.parties')}
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('verify.office')}</Table.Th>
              <Table.Th scope="col">{t('verify.name')}</Table.Th>
              <Table.Th scope="col">{t('verify.signedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.parties.map((party) => (
              <Table.Tr key={party.role}>
                <Table.Th scope="row" style={{ fontWeight: 400 }}>
                  {party.office}
                </Table.Th>
                <Table.Td>{party.name}</Table.Td>
                <Table.Td>
                  {instant(signedAt[party.role]) ?? (
                    <Text span size="sm" fw={600} c="var(--mantine-color-orange-light-color)">
                      {t('pact.notSigned')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <div>
        <Text size="sm" c="dimmed">
          {t('verify.hash')}
        </Text>
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="verify-hash">
          {p.contentHash}
        </Code>
        <Text size="xs" c="dimmed" mt={4}>
          {t('verify.hashHint')}
        </Text>
      </div>
    </Stack>
  );
}

/** Public page: anyone checks a pact by the code printed (and in the QR) on it. */
export function VerificationPage() {
  const t = useT();
  useDocumentTitle(t('verify.title'));
  const navigate = useNavigate();
  const { code: raw = '' } = useParams();
  const code = raw.trim().toUpperCase();
  const wellFormed = CODE.test(code);
  const result = useVerification(wellFormed ? code : '');
  const [input, setInput] = useState(code);
  const [inputError, setInputError] = useState<string | null>(null);

  const problem = !wellFormed
    ? 'malformed'
    : result.isError
      ? result.error instanceof ApiError && result.error.status === 404
        ? 'unknown'
        : result.error instanceof ApiError && result.error.status === 400
          ? 'malformed'
          : 'failed'
      : null;

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
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md" w="100%" maw={640}>
          <Stack>
            <div>
              <Title order={1} size="h2">
                {t('verify.title')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('verify.subtitle')}
              </Text>
            </div>
            <Text size="sm">
              {t('verify.code')}: <Code>{code || t('common.none')}</Code>
            </Text>
            {wellFormed && result.isPending ? <PageLoader /> : null}
            {result.data ? <Result pact={result.data} /> : null}
            {problem === 'unknown' ? (
              <Alert color="red" role="alert" title={t('verify.unknownTitle')} data-testid="verify-unknown">
                {t('verify.unknown')}
              </Alert>
            ) : problem === 'malformed' ? (
              <Alert
                color="red"
                role="alert"
                title={t('verify.malformedTitle')}
                data-testid="verify-malformed"
              >
                {t('verify.malformed')}
              </Alert>
            ) : problem === 'failed' ? (
              <Alert color="red" role="alert" title={t('common.loadFailed')}>
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">
                    {result.error instanceof ApiError && result.error.code !== 'NETWORK'
                      ? result.error.message
                      : t('error.network')}
                  </Text>
                  <Button size="xs" variant="default" onClick={() => void result.refetch()}>
                    {t('common.retry')}
                  </Button>
                </Stack>
              </Alert>
            ) : null}
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                const next = input.trim().toUpperCase();
                if (!CODE.test(next)) {
                  setInputError(t('verify.malformed'));
                  return;
                }
                setInputError(null);
                navigate(`/verifikasi/${next}`);
              }}
            >
              <Stack gap="xs" align="flex-start">
                <TextInput
                  label={t('verify.another')}
                  description={t('verify.codeFormat')}
                  placeholder="ABCD-EFGH-JK12"
                  autoCapitalize="characters"
                  spellCheck={false}
                  value={input}
                  onChange={(e) => {
                    setInput(e.currentTarget.value);
                    setInputError(null);
                  }}
                  error={inputError}
                  w="100%"
                  maw={320}
                />
                <Button type="submit" variant="default">
                  {t('verify.check')}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
