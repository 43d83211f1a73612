import type { TaxCategory } from '@kayoi/server/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** 軽減 8% (food and drink) stands out; 標準 10% stays quiet. */
export function TaxBadge({ category }: { category: TaxCategory }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant={category === 'reduced' ? 'filled' : 'light'}
      color={category === 'reduced' ? 'orange' : 'gray'}
      radius="sm"
      size="sm"
      data-testid={`tax-${category}`}
    >
      {t(`catalog.tax.${category}`)}
    </Badge>
  );
}
