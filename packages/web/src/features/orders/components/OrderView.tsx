import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconDownload, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { errorMessage } from '../../../ui/error-message.ts';
import { ListSkeleton } from '../../../ui/ListSkeleton.tsx';
import type { OrderStatus } from '../../quotes/api/quote-types.ts';
import { QuoteTotals } from '../../quotes/components/QuoteTotals.tsx';
import { DocumentLines } from '../../quotes/components/QuoteView.tsx';
import { changeOrderStatus, getOrder, orderConfirmationUrl, orderKeys } from '../api/orders-api.ts';
import { OrderStatusBadge } from './OrderStatusBadge.tsx';

/** The forward path of an order; キャンセル leaves it from any step before 請求済. */
export const orderSteps = [
  'ordered',
  'arranged',
  'delivered',
  'invoiced',
] as const satisfies readonly OrderStatus[];

export const nextOrderStatus = (status: OrderStatus): OrderStatus | null => {
  const index = (orderSteps as readonly OrderStatus[]).indexOf(status);
  return index >= 0 && index < orderSteps.length - 1 ? orderSteps[index + 1]! : null;
};

/** The order page: status steps 受注 → 手配済 → 納品済 → 請求済 (or キャンセル with reason), lines, 注文請書 PDF. */
export function OrderView({ orderId }: { orderId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: orderKeys.one(orderId),
    queryFn: ({ signal }) => getOrder(orderId, signal),
  });
  const [cancelOpen, setCancelOpen] = useState(false);
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: (input: { status: OrderStatus; version: number; reason?: string }) =>
      changeOrderStatus(orderId, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(orderKeys.one(orderId), saved);
      void queryClient.invalidateQueries({ queryKey: orderKeys.lists });
      void queryClient.invalidateQueries({ queryKey: ['desk'] });
      setCancelOpen(false);
    },
  });
  if (query.isPending) return <ListSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const o = query.data;
  const next = nextOrderStatus(o.status);
  const cancelled = o.status === 'cancelled';
  const active = cancelled ? -1 : (orderSteps as readonly OrderStatus[]).indexOf(o.status);
  const when = (status: OrderStatus) => o.history?.findLast((h) => h.toStatus === status);
  return (
    <Stack gap="sm">
      <Group gap={8}>
        <OrderStatusBadge status={o.status} size="lg" />
        <Text ff="monospace" fw={600} data-testid="order-number">
          {o.orderNo}
        </Text>
      </Group>
      <Title order={1} fz={{ base: 20, sm: 24 }}>
        {o.subject || o.customer.name}
      </Title>
      <Group gap="md">
        <Anchor
          size="sm"
          renderRoot={(props) => (
            <Link {...props} to="/customers/$customerId" params={{ customerId: o.customer.id }} />
          )}
        >
          {o.customer.name}
        </Anchor>
        {o.quoteId && (
          <Anchor
            size="sm"
            renderRoot={(props) => <Link {...props} to="/quotes/$quoteId" params={{ quoteId: o.quoteId! }} />}
          >
            {t('orders.fromQuote')}
          </Anchor>
        )}
      </Group>
      {cancelled && (
        <Alert color="gray" icon={<IconX size={18} />}>
          {t('orders.cancelledBecause', { reason: o.cancelReason ?? '' })}
        </Alert>
      )}
      <Stepper active={active + 1} size="sm" data-testid="order-steps" allowNextStepsSelect={false}>
        {orderSteps.map((step) => (
          <Stepper.Step
            key={step}
            label={t(`orders.status.${step}`)}
            description={when(step) ? formatDateTime(when(step)!.at, lang) : undefined}
            color={cancelled ? 'gray' : undefined}
          />
        ))}
      </Stepper>
      <Group gap="xs" wrap="wrap">
        {next && (
          <Button
            h={44}
            rightSection={<IconArrowRight size={16} />}
            loading={mutation.isPending && mutation.variables?.status === next}
            onClick={() => mutation.mutate({ status: next, version: o.version })}
          >
            {t(`orders.advance.${next}`)}
          </Button>
        )}
        {!cancelled && o.status !== 'invoiced' && (
          <Button h={44} variant="light" color="red" onClick={() => setCancelOpen(true)}>
            {t('orders.cancel')}
          </Button>
        )}
        <Button
          h={44}
          variant="default"
          component="a"
          href={orderConfirmationUrl(o.id)}
          download={`${o.orderNo}.pdf`}
          leftSection={<IconDownload size={16} />}
        >
          {t('orders.confirmationPdf')}
        </Button>
      </Group>
      {mutation.isError && (
        <Text c="red" size="sm" role="alert">
          {errorMessage(mutation.error, t)}
        </Text>
      )}
      <DocumentLines lines={o.lines} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <div />
        <QuoteTotals subtotals={o.subtotals} taxes={o.taxes} total={o.total} />
      </SimpleGrid>
      <Modal opened={cancelOpen} onClose={() => setCancelOpen(false)} title={t('orders.cancel')}>
        <Stack gap="sm">
          <Textarea
            label={t('orders.cancelReason')}
            withAsterisk
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button
            color="red"
            disabled={!reason.trim()}
            loading={mutation.isPending && mutation.variables?.status === 'cancelled'}
            onClick={() =>
              mutation.mutate({ status: 'cancelled', version: o.version, reason: reason.trim() })
            }
          >
            {t('orders.cancel')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
