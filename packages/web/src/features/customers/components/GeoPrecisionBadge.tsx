import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GeoPrecision } from '../api/customer-types.ts';

/** How trustworthy the pin is: green to the lot, blue to the block, yellow the municipality only. */
export const GEO_PRECISION_COLORS: Record<GeoPrecision, string> = {
  banchi: 'teal',
  chome: 'blue',
  city: 'yellow',
  manual: 'grape',
  none: 'red',
};

/** 番地 / 町丁目 / 市区町村 / 手動 / 位置未設定, with what it means as a tooltip. */
export function GeoPrecisionBadge({ precision, ...props }: { precision: GeoPrecision } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge
      color={GEO_PRECISION_COLORS[precision]}
      variant="light"
      radius="sm"
      title={t(`customer.position.precisionHelp.${precision}`)}
      data-testid="geo-precision"
      {...props}
    >
      {t(`customer.position.precision.${precision}`)}
    </Badge>
  );
}
