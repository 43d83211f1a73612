import type { FormKind } from '@kayoi/server/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const kindColor: Record<FormKind, string> = {
  new_service: 'teal',
  contract_change: 'blue',
  renewal: 'indigo',
  cancellation: 'red',
  other: 'gray',
};

/** 新規サービス / 契約変更 / 更新 / 解約 / その他. */
export function FormKindBadge({ kind, voided }: { kind: FormKind; voided?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" radius="sm" color={voided ? 'gray' : kindColor[kind]} style={{ flexShrink: 0 }}>
      {t(`forms.kinds.${kind}`)}
    </Badge>
  );
}
