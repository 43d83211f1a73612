import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import {
  IconCopy,
  IconDownload,
  IconEdit,
  IconFileCheck,
  IconGitBranch,
  IconSend,
  IconThumbDown,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatYen } from '../../../lib/format.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { errorMessage } from '../../../ui/error-message.ts';
import { ListSkeleton } from '../../../ui/ListSkeleton.tsx';
import { useIsDesktop } from '../../../ui/useIsDesktop.ts';
import { orderKeys } from '../../orders/api/orders-api.ts';
import type { DocumentLine, Quote } from '../api/quote-types.ts';
import {
  acceptQuote,
  getQuote,
  issueQuote,
  loseQuote,
  quoteKeys,
  quotePdfUrl,
  reviseQuote,
} from '../api/quotes-api.ts';
import { QuoteStatusBadge } from './QuoteStatusBadge.tsx';
import { QuoteTotals } from './QuoteTotals.tsx';

const day = (d: string | null, language: string) => (d ? formatDate(`${d}T03:00:00Z`, language) : '');

/** A stored line's amount as shown: a discount as ▲. */
export const signedAmount = (line: Pick<DocumentLine, 'kind' | 'amount'>, language: string) =>
  `${line.kind === 'discount' ? '▲' : ''}${formatYen(line.amount, language)}`;

const unitPriceText = (value: string | number, language: string) => {
  const [whole, fraction] = String(value).split('.');
  const formatted = formatYen(Number(whole), language);
  return fraction && Number(fraction) !== 0 ? `${formatted}.${fraction.replace(/0+$/, '')}` : formatted;
};

export function DocumentLines({ lines }: { lines: DocumentLine[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const isDesktop = useIsDesktop();
  if (!isDesktop) {
    return (
      <Stack gap={6}>
        {lines.map((line) => (
          <Paper key={line.lineNo} withBorder p="xs" data-testid="document-line">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text size="sm" fw={600} style={{ minWidth: 0 }}>
                {line.name}
                {line.taxRate === 8 && ' ※'}
              </Text>
              <Text size="sm" fw={700} ff="monospace" c={line.kind === 'discount' ? 'red' : undefined}>
                {signedAmount(line, lang)}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {line.quantity}
              {line.unit} × {unitPriceText(line.unitPrice, lang)} · {line.taxRate}%
              {line.note ? ` · ${line.note}` : ''}
            </Text>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('quotes.line.name')}</Table.Th>
          <Table.Th ta="right">{t('quotes.line.quantity')}</Table.Th>
          <Table.Th>{t('quotes.line.unit')}</Table.Th>
          <Table.Th ta="right">{t('quotes.line.unitPrice')}</Table.Th>
          <Table.Th ta="right">{t('quotes.line.taxRate')}</Table.Th>
          <Table.Th ta="right">{t('quotes.line.amount')}</Table.Th>
          <Table.Th>{t('quotes.line.note')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line) => (
          <Table.Tr key={line.lineNo} data-testid="document-line">
            <Table.Td>
              {line.productCode && (
                <Text span size="xs" c="dimmed" ff="monospace" mr={6}>
                  {line.productCode}
                </Text>
              )}
              {line.name}
              {line.taxRate === 8 && ' ※'}
            </Table.Td>
            <Table.Td ta="right">{line.quantity}</Table.Td>
            <Table.Td>{line.unit}</Table.Td>
            <Table.Td ta="right" ff="monospace">
              {unitPriceText(line.unitPrice, lang)}
            </Table.Td>
            <Table.Td ta="right">{line.taxRate}%</Table.Td>
            <Table.Td ta="right" ff="monospace" c={line.kind === 'discount' ? 'red' : undefined}>
              {signedAmount(line, lang)}
            </Table.Td>
            <Table.Td>{line.note}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type Action = 'issue' | 'revise' | 'accept' | 'lose';

/** The quote page: status, fields, lines and totals, the actions its status allows, the revisions. */
export function QuoteView({ quoteId }: { quoteId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: quoteKeys.one(quoteId),
    queryFn: ({ signal }) => getQuote(quoteId, signal),
  });
  const [loseOpen, setLoseOpen] = useState(false);
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: async ({ action, quote }: { action: Action; quote: Quote }): Promise<Quote> => {
      switch (action) {
        case 'issue':
          return issueQuote(quote.id, quote.version);
        case 'revise':
          return reviseQuote(quote.id);
        case 'accept':
          return (await acceptQuote(quote.id, quote.version)).quote;
        case 'lose':
          return loseQuote(quote.id, quote.version, reason.trim());
      }
    },
    onSuccess: async (saved, { action }) => {
      queryClient.setQueryData(quoteKeys.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: quoteKeys.lists });
      void queryClient.invalidateQueries({ queryKey: ['desk'] });
      if (action === 'accept') void queryClient.invalidateQueries({ queryKey: orderKeys.all });
      if (action === 'lose') setLoseOpen(false);
      if (action === 'revise') {
        void queryClient.invalidateQueries({ queryKey: quoteKeys.one(quoteId) });
        await navigate({ to: '/quotes/$quoteId/edit', params: { quoteId: saved.id } });
      }
    },
  });
  if (query.isPending) return <ListSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const q = query.data;
  const run = (action: Action) => mutation.mutate({ action, quote: q });
  const busy = (action: Action) => mutation.isPending && mutation.variables?.action === action;
  const canRevise = q.status === 'submitted' || q.status === 'expired' || q.status === 'lost';
  // An expired quote cannot be accepted (the server answers quote_expired): revise and issue again.
  const canAccept = q.status === 'submitted';
  const canLose = q.status === 'submitted' || q.status === 'expired';
  return (
    <Stack gap="sm">
      <Group gap={8} wrap="wrap">
        <QuoteStatusBadge status={q.status} size="lg" />
        <Text ff="monospace" fw={600} data-testid="quote-number">
          {q.quoteNo}
          {q.revision > 1 ? ` ${t('quotes.revisionN', { n: q.revision })}` : ''}
        </Text>
        {q.issuedAt && (
          <Text size="sm" c="dimmed">
            {t('quotes.issuedAt', { at: formatDateTime(q.issuedAt, lang) })}
          </Text>
        )}
      </Group>
      <Title order={1} fz={{ base: 20, sm: 24 }}>
        {q.subject}
      </Title>
      <Anchor
        size="sm"
        renderRoot={(props) => (
          <Link {...props} to="/customers/$customerId" params={{ customerId: q.customer.id }} />
        )}
      >
        {q.customer.name}
      </Anchor>

      {q.orderId && (
        <Alert color="teal" icon={<IconFileCheck size={18} />}>
          <Anchor
            fw={700}
            data-testid="quote-order-link"
            renderRoot={(props) => <Link {...props} to="/orders/$orderId" params={{ orderId: q.orderId! }} />}
          >
            {t('quotes.openOrder')}
          </Anchor>
        </Alert>
      )}
      {q.status === 'lost' && q.lostReason && (
        <Alert color="red">{t('quotes.lostBecause', { reason: q.lostReason })}</Alert>
      )}
      {q.status === 'superseded' && <Alert color="gray">{t('quotes.supersededHint')}</Alert>}

      <Group gap="xs" wrap="wrap">
        {q.status === 'draft' && (
          <>
            <Button
              h={44}
              variant="default"
              leftSection={<IconEdit size={16} />}
              renderRoot={(props) => (
                <Link {...props} to="/quotes/$quoteId/edit" params={{ quoteId: q.id }} />
              )}
            >
              {t('common.edit')}
            </Button>
            <Button
              h={44}
              leftSection={<IconSend size={16} />}
              loading={busy('issue')}
              onClick={() => run('issue')}
            >
              {t('quotes.action.issue')}
            </Button>
          </>
        )}
        {canAccept && (
          <Button
            h={44}
            color="teal"
            leftSection={<IconFileCheck size={16} />}
            loading={busy('accept')}
            onClick={() => run('accept')}
          >
            {t('quotes.action.accept')}
          </Button>
        )}
        {canRevise && (
          <Button
            h={44}
            variant="light"
            leftSection={<IconGitBranch size={16} />}
            loading={busy('revise')}
            onClick={() => run('revise')}
          >
            {t('quotes.action.revise')}
          </Button>
        )}
        {canLose && (
          <Button
            h={44}
            variant="light"
            color="red"
            leftSection={<IconThumbDown size={16} />}
            onClick={() => setLoseOpen(true)}
          >
            {t('quotes.action.lose')}
          </Button>
        )}
        <Button
          h={44}
          variant="default"
          component="a"
          href={quotePdfUrl(q.id)}
          download={`${q.quoteNo}${q.revision > 1 ? `-${q.revision}` : ''}.pdf`}
          leftSection={<IconDownload size={16} />}
          data-testid="quote-pdf"
        >
          {t('quotes.action.pdf')}
        </Button>
        <Button
          h={44}
          variant="subtle"
          leftSection={<IconCopy size={16} />}
          renderRoot={(props) => <Link {...props} to="/quotes/new" search={{ sourceQuoteId: q.id }} />}
        >
          {t('quotes.action.copy')}
        </Button>
      </Group>
      {mutation.isError && (
        <Text c="red" size="sm" role="alert">
          {errorMessage(mutation.error, t)}
        </Text>
      )}

      <Card withBorder p="sm">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          <Field label={t('quotes.field.deliveryDate')} value={day(q.deliveryDate, lang)} />
          <Field label={t('quotes.field.deliveryPlace')} value={q.deliveryPlace} />
          <Field label={t('quotes.field.paymentTerms')} value={q.paymentTerms} />
          <Field label={t('quotes.field.validUntil')} value={day(q.validUntil, lang)} />
        </SimpleGrid>
      </Card>

      <DocumentLines lines={q.lines} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Stack gap={4}>
          {q.remarks && (
            <>
              <Text size="sm" fw={600}>
                {t('quotes.field.remarks')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {q.remarks}
              </Text>
            </>
          )}
        </Stack>
        <QuoteTotals subtotals={q.subtotals} taxes={q.taxes} total={q.total} />
      </SimpleGrid>

      {q.revisions.length > 1 && (
        <Stack gap={4}>
          <Title order={2} fz={16}>
            {t('quotes.revisions')}
          </Title>
          {q.revisions.map((r) => (
            <Group key={r.id} gap="xs" data-testid="quote-revision">
              <Anchor
                size="sm"
                fw={r.id === q.id ? 700 : 400}
                renderRoot={(props) => <Link {...props} to="/quotes/$quoteId" params={{ quoteId: r.id }} />}
              >
                {t('quotes.revisionN', { n: r.revision })}
              </Anchor>
              <QuoteStatusBadge status={r.status} size="sm" data-testid="revision-status" />
              <Text size="sm" ff="monospace">
                {formatYen(r.total, lang)}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDate(r.issuedAt, lang)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}

      <Modal opened={loseOpen} onClose={() => setLoseOpen(false)} title={t('quotes.action.lose')}>
        <Stack gap="sm">
          <Textarea
            label={t('quotes.lostReason')}
            withAsterisk
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button color="red" disabled={!reason.trim()} loading={busy('lose')} onClick={() => run('lose')}>
            {t('quotes.action.lose')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || t('common.notSet')}</Text>
    </Stack>
  );
}
