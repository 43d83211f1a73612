import { Text, type TextProps, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, relativeDay } from '../lib/format.ts';

interface RelativeDateProps extends TextProps {
  value: string | null | undefined;
  /** Label for a missing date; defaults to 「記録なし」. */
  emptyLabel?: string;
}

/** 「3日前」 style date with the exact Tokyo date in a tooltip and the datetime attribute. */
export function RelativeDate({ value, emptyLabel, ...textProps }: RelativeDateProps) {
  const { t, i18n } = useTranslation();
  if (!value) {
    return (
      <Text component="span" c="dimmed" {...textProps}>
        {emptyLabel ?? t('relative.never')}
      </Text>
    );
  }
  const relative = relativeDay(value);
  const label =
    'count' in relative
      ? t(`relative.${relative.unit}`, { count: relative.count })
      : t(`relative.${relative.unit}`);
  const exact = formatDate(value, i18n.language);
  return (
    <Tooltip label={exact} openDelay={300}>
      <Text component="time" dateTime={value} title={exact} {...textProps}>
        {label}
      </Text>
    </Tooltip>
  );
}
