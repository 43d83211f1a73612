import { Button, Divider, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconLogout, IconWebhook } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/hooks/useMe.ts';
import { useSignOut } from '../features/auth/hooks/useSignOut.ts';
import { CompanyProfileSection } from '../features/company/components/CompanyProfileSection.tsx';
import { OwnAccountSection } from '../features/people/components/OwnAccountSection.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Stack gap="md" maw={640}>
        <Paper withBorder p="lg">
          <Title order={2} fz="md" mb="sm">
            {t('settings.languageSection')}
          </Title>
          <LanguageSwitch description={t('settings.languageHelp')} maw={280} />
        </Paper>
        <Paper withBorder p="lg">
          <Title order={2} fz="md" mb="md">
            {t('settings.account')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <Field label={t('settings.name')} testId="settings-user-name">
              {me.user.name}
            </Field>
            <Field label={t('settings.email')}>{me.user.email}</Field>
            <Field label={t('settings.tenant')} testId="settings-tenant">
              {me.tenant.name}
            </Field>
            <Field label={t('settings.role')} testId="settings-role">
              {t(`roles.${me.user.role}`)}
            </Field>
            <Field label={t('settings.team')}>{me.team?.name ?? t('settings.noTeam')}</Field>
          </SimpleGrid>
          <Divider my="lg" />
          <Button
            color="red"
            variant="light"
            leftSection={<IconLogout size={16} />}
            onClick={() => signOut.mutate()}
            loading={signOut.isPending}
          >
            {t('signOut.action')}
          </Button>
        </Paper>
        <OwnAccountSection />
        {me.user.role === 'admin' && <CompanyProfileSection />}
        {me.user.role === 'admin' && (
          <Paper withBorder p="lg">
            <Title order={2} fz="md" mb={4}>
              {t('webhooks.settingsTitle')}
            </Title>
            <Group justify="space-between" align="flex-end" gap="sm">
              <Text size="sm" c="dimmed" style={{ flex: '1 1 16rem' }}>
                {t('webhooks.settingsHelp')}
              </Text>
              <Button
                component={Link}
                to="/settings/webhooks"
                variant="light"
                leftSection={<IconWebhook size={16} />}
              >
                {t('webhooks.open')}
              </Button>
            </Group>
          </Paper>
        )}
      </Stack>
    </>
  );
}
