import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { errorMessage } from '../../../ui/error-message.ts';
import { useSignIn } from '../hooks/useSignIn.ts';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Email and password form; calls `onSignedIn` once the session cookie is set and the user is loaded. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) =>
        !value.trim()
          ? t('signIn.emailRequired')
          : EMAIL_PATTERN.test(value.trim())
            ? null
            : t('signIn.emailInvalid'),
      password: (value) => (value ? null : t('signIn.passwordRequired')),
    },
  });

  const failure = signIn.error;
  const failureText =
    failure instanceof ApiError && (failure.status === 401 || failure.status === 400)
      ? t('signIn.invalid')
      : failure
        ? errorMessage(failure, t)
        : null;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        signIn.mutate({ email: values.email.trim(), password: values.password }, { onSuccess: onSignedIn }),
      )}
    >
      <Stack gap="md">
        {failureText && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {failureText}
          </Alert>
        )}
        <TextInput
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          size="md"
          required
          key={form.key('email')}
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label={t('signIn.password')}
          autoComplete="current-password"
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.toggleVisibility') }}
          size="md"
          required
          key={form.key('password')}
          {...form.getInputProps('password')}
        />
        <Button type="submit" size="md" fullWidth loading={signIn.isPending} mt="xs">
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}
