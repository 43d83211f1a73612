import { Anchor, Badge, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UnplannedList as UnplannedData } from '../api/plan-types.ts';

/** Customers the plan could not visit, each with the reason in the caller's language. */
export function UnplannedList({ items }: { items: UnplannedData['unplanned'] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="plan-unplanned">
      <Group gap="xs" mb="sm">
        <Title order={2} fz="md">
          {t('plan.unplanned.title')}
        </Title>
        <Badge variant="light" color={items.length ? 'orange' : 'gray'}>
          {t('plan.unplanned.count', { count: items.length })}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plan.unplanned.none')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={360} type="auto">
          <Stack gap={8} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((item) => (
              <li key={item.customerId}>
                <Anchor
                  renderRoot={(props) => (
                    <Link to="/customers/$customerId" params={{ customerId: item.customerId }} {...props} />
                  )}
                  size="sm"
                  fw={600}
                >
                  {item.customerName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {item.message}
                </Text>
              </li>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}
