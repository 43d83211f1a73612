import { Anchor, Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SignUpForm } from '../features/signup/components/SignUpForm.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import classes from './SignInPage.module.css';

export function SignUpPage() {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <Box className={classes.page}>
      <Group justify="flex-end" p="md">
        <LanguageSwitch size="xs" w={140} />
      </Group>
      <Center px="md" pb="xl" className={classes.center}>
        <Stack w="100%" maw={440} gap="lg">
          <Stack gap={6} align="center">
            <Box className={classes.logo} aria-hidden>
              通
            </Box>
            <Text fw={700} fz={22}>
              {t('app.name')}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
            <Title order={1} fz={20} mb={4}>
              {t('signup.title')}
            </Title>
            <Text c="dimmed" size="sm" mb="lg">
              {t('signup.subtitle')}
            </Text>
            <SignUpForm onSignedUp={() => router.history.replace('/setup')} />
          </Paper>
          <Text size="sm" ta="center">
            {t('signup.haveAccount')}{' '}
            <Anchor component={Link} to="/sign-in">
              {t('signup.signIn')}
            </Anchor>
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
