import { Alert, Anchor, Button, Group, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { errorMessage } from '../../../ui/error-message.ts';
import { useMe } from '../../auth/hooks/useMe.ts';
import { changeOwnPassword, updateMe } from '../api/people-api.ts';

/** Settings: one's own password, and (for admins) the way to the people page and the checklist. */
export function OwnAccountSection() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  // The language picked on this page is kept with the account, for the next sign-in anywhere.
  useEffect(() => {
    const save = (language: string) => {
      if (language === 'ja' || language === 'en') updateMe({ language }).catch(() => {});
    };
    i18n.on('languageChanged', save);
    return () => i18n.off('languageChanged', save);
  }, [i18n]);
  const change = useMutation({ mutationFn: changeOwnPassword });
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { current: '', next: '' },
    validate: {
      current: (v) => (v ? null : t('people.passwordRequired')),
      next: (v) => (v.length >= 8 ? null : t('people.passwordTooShort')),
    },
  });
  const fields = change.error instanceof ApiError ? change.error.fields : {};
  return (
    <>
      {(me.user.role === 'admin' || me.user.role === 'manager') && (
        <Paper withBorder p="lg">
          <Title order={2} fz="md" mb="sm">
            {t('people.adminSection')}
          </Title>
          <Group gap="lg">
            <Anchor component={Link} to="/people">
              {t('people.title')}
            </Anchor>
            {me.user.role === 'admin' && (
              <Anchor component={Link} to="/setup">
                {t('people.setup.title')}
              </Anchor>
            )}
          </Group>
        </Paper>
      )}
      <Paper withBorder p="lg">
        <Title order={2} fz="md" mb="sm">
          {t('people.changePassword')}
        </Title>
        <form
          noValidate
          onSubmit={form.onSubmit((values) => change.mutate(values, { onSuccess: () => form.reset() }))}
        >
          <Stack gap="sm" maw={360}>
            {change.isSuccess && (
              <Alert color="teal" variant="light" icon={<IconCheck size={18} />}>
                {t('people.passwordChanged')}
              </Alert>
            )}
            {change.error && !Object.keys(fields).length && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(change.error, t)}
              </Alert>
            )}
            <PasswordInput
              label={t('people.currentPassword')}
              autoComplete="current-password"
              key={form.key('current')}
              {...form.getInputProps('current')}
              error={form.getInputProps('current').error ?? fields.current}
            />
            <PasswordInput
              label={t('people.newPassword')}
              autoComplete="new-password"
              key={form.key('next')}
              {...form.getInputProps('next')}
              error={form.getInputProps('next').error ?? fields.next}
            />
            <Group>
              <Button type="submit" loading={change.isPending}>
                {t('people.savePassword')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
