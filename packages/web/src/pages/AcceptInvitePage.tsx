import { Alert, Anchor, Box, Center, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { fetchInvitation } from '../features/people/api/people-api.ts';
import { SetPasswordForm } from '../features/people/components/SetPasswordForm.tsx';
import { errorMessage } from '../ui/error-message.ts';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import classes from './SignInPage.module.css';

/** /invite/$token (accept an invitation) and /reset-password/$token (a one-time reset link). */
export function AcceptInvitePage({ token, mode }: { token: string; mode: 'invitation' | 'reset' }) {
  const { t } = useTranslation();
  const router = useRouter();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => fetchInvitation(token, signal),
    enabled: mode === 'invitation',
    retry: false,
  });
  return (
    <Box className={classes.page}>
      <Group justify="flex-end" p="md">
        <LanguageSwitch size="xs" w={140} />
      </Group>
      <Center px="md" pb="xl" className={classes.center}>
        <Stack w="100%" maw={420} gap="lg">
          <Stack gap={6} align="center">
            <Box className={classes.logo} aria-hidden>
              通
            </Box>
            <Text fw={700} fz={22}>
              {t('app.name')}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
            {mode === 'reset' ? (
              <>
                <Title order={1} fz={20} mb="lg">
                  {t('people.resetTitle')}
                </Title>
                <SetPasswordForm mode="reset" token={token} onDone={() => router.history.replace('/')} />
              </>
            ) : invitation.isPending ? (
              <Skeleton height={240} />
            ) : invitation.isError ? (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(invitation.error, t)}
              </Alert>
            ) : (
              <>
                <Title order={1} fz={20} mb={4}>
                  {t('people.acceptTitle', { company: invitation.data.companyName })}
                </Title>
                <Text c="dimmed" size="sm" mb="lg">
                  {t('people.acceptSubtitle', {
                    email: invitation.data.email,
                    role: t(`roles.${invitation.data.role}`),
                  })}
                </Text>
                <SetPasswordForm
                  mode="invitation"
                  token={token}
                  initialName={invitation.data.name}
                  onDone={() => router.history.replace('/')}
                />
              </>
            )}
          </Paper>
          <Text size="sm" ta="center">
            <Anchor component={Link} to="/sign-in">
              {t('signup.signIn')}
            </Anchor>
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
