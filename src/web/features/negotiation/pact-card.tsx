import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Modal,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { agreementRoutes, type Pact, type signatories } from '../../../contract/agreements';
import { routeUrl } from '../../app/api';
import { oneField, useDialogErrorHandler } from '../../app/forms';
import { useT, type MessageKey } from '../../app/i18n';
import { useFormat } from '../../app/session';
import { FieldRow } from '../../components/field-row';
import { useSignPact } from './negotiation-api';

type Signatory = (typeof signatories)[number];

/** The signer re-enters their password; signing is recorded with its time and cannot be undone. */
function SignModal({
  pact,
  as,
  onClose,
  onConflict,
}: {
  pact: Pact;
  as: Signatory;
  onClose: () => void;
  onConflict: () => void;
}) {
  const t = useT();
  const sign = useSignPact();
  const explain = useDialogErrorHandler();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const role = t(`pact.as.${as}` as MessageKey);

  return (
    <Modal opened onClose={onClose} title={t('pact.signTitle', { role })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!password) {
            setError(t('pact.passwordRequired'));
            return;
          }
          setGeneral(null);
          sign.mutate(
            { proposalId: pact.proposalId, body: { as, password } },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: t('pact.signed') });
                onClose();
              },
              onError: (err) => {
                setPassword('');
                explain(err, {
                  onConflict: () => {
                    onConflict();
                    onClose();
                  },
                  onFields: oneField('password', setError),
                  onGeneral: setGeneral,
                });
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm">{t('pact.signExplain', { number: pact.number, role })}</Text>
          <Text size="sm">{t('pact.signIrreversible')}</Text>
          <Text size="xs" c="dimmed">
            {t('pact.hash')}:{' '}
            <Code style={{ wordBreak: 'break-all' }} data-testid="sign-hash">
              {pact.contentHash}
            </Code>
          </Text>
          {general ? (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          ) : null}
          <PasswordInput
            label={t('pact.password')}
            description={t('pact.passwordHint')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            data-autofocus
            data-testid="sign-password"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={sign.isPending} data-testid="sign-submit">
              {t('pact.signConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Signature({
  label,
  party,
  signature,
}: {
  label: string;
  party: string;
  signature: Pact['signatures']['opdHead'];
}) {
  const t = useT();
  const f = useFormat();
  return (
    <FieldRow label={label}>
      {signature ? (
        <>
          {signature.name}
          <Text span size="xs" c="dimmed" fw={400} display="block">
            {t('pact.signedAt', { date: f.dateTime(signature.signedAt) })}
          </Text>
        </>
      ) : (
        <>
          {party}
          <Text span size="xs" fw={600} c="var(--mantine-color-orange-light-color)" display="block">
            {t('pact.notSigned')}
          </Text>
        </>
      )}
    </FieldRow>
  );
}

/** The integrity pact of a proposal: its number, hash, verification, signatures and signing. */
export function PactCard({ pact, onConflict }: { pact: Pact; onConflict: () => void }) {
  const t = useT();
  const [signingAs, setSigningAs] = useState<Signatory | null>(null);
  const pdf = routeUrl(agreementRoutes.pactPdf, { params: { id: pact.proposalId } });
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="pact-title" data-testid="pact-card">
      <Group justify="space-between" align="flex-start" mb="sm" gap="xs">
        <Title order={2} size="h4" id="pact-title">
          {t('pact.title')}
        </Title>
        <Badge variant="light" color={pact.outcome === 'agreed' ? 'green' : 'red'} tt="none">
          {t(`pact.outcome.${pact.outcome}` as MessageKey)}
        </Badge>
      </Group>
      <Stack component="dl" gap={6} m={0}>
        <FieldRow label={t('pact.number')}>
          <span data-testid="pact-number">{pact.number}</span>
        </FieldRow>
        {pact.outcome === 'refused' && pact.content.refusalReason ? (
          <FieldRow label={t('pact.refusalReason')}>{pact.content.refusalReason}</FieldRow>
        ) : null}
        <FieldRow label={t('pact.hash')}>
          <Code style={{ wordBreak: 'break-all' }} data-testid="pact-hash">
            {pact.contentHash}
          </Code>
        </FieldRow>
        <FieldRow label={t('pact.code')}>
          <Code data-testid="pact-code">{pact.verificationCode}</Code>
        </FieldRow>
        <FieldRow label={t('pact.verifyUrl')}>
          <Anchor
            href={pact.verificationUrl}
            target="_blank"
            rel="noopener"
            style={{ wordBreak: 'break-all' }}
            size="sm"
          >
            {pact.verificationUrl}
          </Anchor>
        </FieldRow>
        <Signature
          label={t('pact.as.opd_head')}
          party={pact.content.opdHead.name}
          signature={pact.signatures.opdHead}
        />
        <Signature
          label={pact.content.headOfRegion.title || t('pact.as.head_of_region')}
          party={pact.content.headOfRegion.name}
          signature={pact.signatures.headOfRegion}
        />
      </Stack>
      <Group mt="md" gap="xs">
        <Button component="a" href={pdf} target="_blank" rel="noopener" variant="default">
          {t('pact.download')}
        </Button>
        {pact.canSignAs.map((as) => (
          <Button key={as} onClick={() => setSigningAs(as)} data-testid={`pact-sign-${as}`}>
            {t('pact.signAs', { role: t(`pact.as.${as}` as MessageKey) })}
          </Button>
        ))}
        {pact.contractId ? (
          <Button component={Link} to={`/kontrak/${pact.contractId}`} variant="light">
            {t('pact.openContract')}
          </Button>
        ) : null}
      </Group>
      {signingAs ? (
        <SignModal pact={pact} as={signingAs} onClose={() => setSigningAs(null)} onConflict={onConflict} />
      ) : null}
    </Card>
  );
}
