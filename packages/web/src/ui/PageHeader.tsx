import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
  above?: ReactNode;
}

/** Page title row: title and subtitle on the left, actions on the right (wrapping under on phones). */
export function PageHeader({ title, subtitle, actions, above }: PageHeaderProps) {
  const { t } = useTranslation();
  useDocumentTitle(typeof title === 'string' ? `${title} | ${t('app.name')}` : t('app.name'));
  return (
    <Stack gap={4} mb="md">
      {above}
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Title order={1} fz={{ base: 22, sm: 26 }} lh={1.3}>
            {title}
          </Title>
          {subtitle && (
            <Text c="dimmed" size="sm">
              {subtitle}
            </Text>
          )}
        </Stack>
        {actions && (
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  );
}
