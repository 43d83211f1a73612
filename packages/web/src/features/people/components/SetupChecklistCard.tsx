import type { SetupItemKey } from '@kayoi/server/contracts';
import { Anchor, Group, Paper, Progress, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { setupQueryOptions } from '../hooks/usePeople.ts';

/** Where each checklist item is done in the app. */
const destinationOf: Record<SetupItemKey, string> = {
  companyProfile: '/settings',
  areas: '/organization',
  teams: '/organization',
  people: '/people',
  workingProfiles: '/people',
  products: '/catalog',
  customers: '/customers/import',
};

const searchOf = (key: SetupItemKey) =>
  key === 'areas' ? { tab: 'areas' } : key === 'teams' ? { tab: 'teams' } : undefined;

/** The new company's setup checklist: each item done or not, computed by the server from the data. */
export function SetupChecklistCard() {
  const { t } = useTranslation();
  const setup = useQuery(setupQueryOptions);
  if (setup.isPending) return <Skeleton height={320} />;
  if (setup.isError) return <ErrorState error={setup.error} onRetry={() => setup.refetch()} />;
  const { items, done, total } = setup.data;
  return (
    <Paper withBorder p="lg" radius="md" maw={720}>
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="md">
          {t('people.setup.progress', { done, total })}
        </Title>
      </Group>
      <Progress
        value={(done / total) * 100}
        mb="md"
        aria-label={t('people.setup.progress', { done, total })}
      />
      <Stack gap="sm">
        {items.map((item) => (
          <Group key={item.key} gap="sm" wrap="nowrap" align="flex-start" data-testid={`setup-${item.key}`}>
            <ThemeIcon
              size={28}
              radius="xl"
              variant={item.done ? 'filled' : 'light'}
              color={item.done ? 'teal' : 'gray'}
              aria-label={item.done ? t('people.setup.done') : t('people.setup.todo')}
            >
              {item.done ? <IconCheck size={16} /> : <IconCircleDashed size={16} />}
            </ThemeIcon>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor
                component={Link}
                to={destinationOf[item.key]}
                search={searchOf(item.key) as never}
                fw={600}
                c={item.done ? 'dimmed' : undefined}
              >
                {t(`people.setup.items.${item.key}.title`)}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t(`people.setup.items.${item.key}.help`)}
              </Text>
            </Stack>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
