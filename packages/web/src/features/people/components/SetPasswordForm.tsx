import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { errorMessage } from '../../../ui/error-message.ts';
import { meQueryOptions } from '../../auth/hooks/useMe.ts';
import { acceptInvitation, resetPassword } from '../api/people-api.ts';

/**
 * Sets a password through a one-time link: accepting an invitation (with the name, prefilled) or
 * a password reset. Signs in and calls `onDone`.
 */
export function SetPasswordForm({
  mode,
  token,
  initialName,
  onDone,
}: {
  mode: 'invitation' | 'reset';
  token: string;
  initialName?: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const submit = useMutation({
    mutationFn: async ({ name, password }: { name: string; password: string }) => {
      queryClient.clear();
      if (mode === 'invitation')
        await acceptInvitation(token, { password, ...(name.trim() && { name: name.trim() }) });
      else await resetPassword(token, { password });
      return queryClient.fetchQuery(meQueryOptions);
    },
  });
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: initialName ?? '', password: '', confirm: '' },
    validate: {
      password: (v) => (v.length >= 8 ? null : t('people.passwordTooShort')),
      confirm: (v, values) => (v === values.password ? null : t('people.passwordMismatch')),
    },
  });
  const fields = submit.error instanceof ApiError ? submit.error.fields : {};
  return (
    <form noValidate onSubmit={form.onSubmit((v) => submit.mutate(v, { onSuccess: onDone }))}>
      <Stack gap="md">
        {submit.error && !Object.keys(fields).length && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(submit.error, t)}
          </Alert>
        )}
        {mode === 'invitation' && (
          <TextInput
            label={t('people.name')}
            size="md"
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
        )}
        <PasswordInput
          label={t('people.newPassword')}
          description={t('signup.passwordHelp')}
          autoComplete="new-password"
          size="md"
          required
          key={form.key('password')}
          {...form.getInputProps('password')}
          error={form.getInputProps('password').error ?? fields.password}
        />
        <PasswordInput
          label={t('people.confirmPassword')}
          autoComplete="new-password"
          size="md"
          required
          key={form.key('confirm')}
          {...form.getInputProps('confirm')}
        />
        <Button type="submit" size="md" fullWidth loading={submit.isPending}>
          {mode === 'invitation' ? t('people.acceptSubmit') : t('people.resetSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
