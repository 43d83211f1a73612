import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SignInForm } from '../features/auth/components/SignInForm.tsx';
import { safeRedirect } from '../features/auth/utils/safe-redirect.ts';
import { SignUpLink } from '../features/signup/components/SignUpLink.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import classes from './SignInPage.module.css';

export function SignInPage({ redirect }: { redirect?: string }) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <Box className={classes.page}>
      <Group justify="flex-end" p="md">
        <LanguageSwitch size="xs" w={140} />
      </Group>
      <Center px="md" pb="xl" className={classes.center}>
        <Stack w="100%" maw={400} gap="lg">
          <Stack gap={6} align="center">
            <Box className={classes.logo} aria-hidden>
              通
            </Box>
            <Text fw={700} fz={22}>
              {t('app.name')}
            </Text>
            <Text c="dimmed" size="sm">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
            <Title order={1} fz={20} mb={4}>
              {t('signIn.title')}
            </Title>
            <Text c="dimmed" size="sm" mb="lg">
              {t('signIn.subtitle')}
            </Text>
            <SignInForm onSignedIn={() => router.history.replace(safeRedirect(redirect))} />
          </Paper>
          <SignUpLink />
        </Stack>
      </Center>
    </Box>
  );
}
