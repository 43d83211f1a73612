import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../quotes/api/quote-types.ts';

export const orderStatusColor: Record<OrderStatus, string> = {
  ordered: 'blue',
  arranged: 'grape',
  delivered: 'teal',
  invoiced: 'green',
  cancelled: 'gray',
};

/** 受注 / 手配済 / 納品済 / 請求済 / キャンセル. */
export function OrderStatusBadge({ status, ...props }: { status: OrderStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={orderStatusColor[status]} variant="light" data-testid="order-status" {...props}>
      {t(`orders.status.${status}`)}
    </Badge>
  );
}
