import { Alert, List } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SkippedProduct } from '../api/quote-prefill-api.ts';

/** Products a link asked for that the new quote could not add (unknown, or no longer sold). */
export function SkippedProductsNotice({ skipped }: { skipped: readonly SkippedProduct[] }) {
  const { t } = useTranslation();
  if (skipped.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconInfoCircle size={18} />}
      title={t('signals.prefill.skippedTitle', { count: skipped.length })}
      data-testid="prefill-skipped"
    >
      <List size="sm" spacing={2}>
        {skipped.map((s) => (
          <List.Item key={s.ref}>
            {s.reason === 'inactive'
              ? t('signals.prefill.inactive', { name: s.name ?? s.ref })
              : t('signals.prefill.unknown', { ref: s.ref })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
