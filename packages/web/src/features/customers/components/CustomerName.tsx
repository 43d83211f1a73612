import { useTranslation } from 'react-i18next';
import type { Honorific } from '../api/customer-types.ts';

/** Company name followed by its honorific in a lighter weight: 「山田商店 御中」. */
export function CustomerName({ name, honorific }: { name: string; honorific: Honorific }) {
  const { t } = useTranslation();
  return (
    <>
      {name}
      <span
        style={{
          fontWeight: 400,
          fontSize: '0.85em',
          color: 'var(--mantine-color-dimmed)',
          marginLeft: '0.35em',
        }}
      >
        {t(`customers.honorific.${honorific}`)}
      </span>
    </>
  );
}
