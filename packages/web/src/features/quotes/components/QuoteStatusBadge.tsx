import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuoteStatus } from '../api/quote-types.ts';

export const quoteStatusColor: Record<QuoteStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  accepted: 'teal',
  lost: 'red',
  expired: 'orange',
  superseded: 'dark',
};

/** 下書き / 提出済 / 受注 / 失注 / 期限切れ / 旧版. */
export function QuoteStatusBadge({ status, ...props }: { status: QuoteStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={quoteStatusColor[status]} variant="light" data-testid="quote-status" {...props}>
      {t(`quotes.status.${status}`)}
    </Badge>
  );
}
