import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { errorMessage } from '../../../ui/error-message.ts';
import { meQueryOptions } from '../../auth/hooks/useMe.ts';
import { signUp } from '../api/signup-api.ts';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A new company and its first admin; calls `onSignedUp` once signed in as that admin. */
export function SignUpForm({ onSignedUp }: { onSignedUp: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: async (input: {
      companyName: string;
      adminName: string;
      email: string;
      password: string;
    }) => {
      queryClient.clear();
      await signUp(input);
      return queryClient.fetchQuery(meQueryOptions);
    },
  });
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { companyName: '', adminName: '', email: '', password: '' },
    validate: {
      companyName: (v) => (v.trim() ? null : t('signup.companyNameRequired')),
      adminName: (v) => (v.trim() ? null : t('signup.adminNameRequired')),
      email: (v) => (EMAIL_PATTERN.test(v.trim()) ? null : t('signup.emailInvalid')),
      password: (v) => (v.length >= 8 ? null : t('signup.passwordTooShort')),
    },
  });
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  const fieldProps = (name: 'companyName' | 'adminName' | 'email' | 'password') => {
    const props = form.getInputProps(name);
    return { ...props, error: props.error ?? fields[name] };
  };
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        create.mutate(
          {
            companyName: v.companyName.trim(),
            adminName: v.adminName.trim(),
            email: v.email.trim(),
            password: v.password,
          },
          { onSuccess: onSignedUp },
        ),
      )}
    >
      <Stack gap="md">
        {create.error && !Object.keys(fields).length && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(create.error, t)}
          </Alert>
        )}
        <TextInput
          label={t('signup.companyName')}
          placeholder={t('signup.companyNamePlaceholder')}
          autoComplete="organization"
          size="md"
          required
          key={form.key('companyName')}
          {...fieldProps('companyName')}
        />
        <TextInput
          label={t('signup.adminName')}
          autoComplete="name"
          size="md"
          required
          key={form.key('adminName')}
          {...fieldProps('adminName')}
        />
        <TextInput
          label={t('signup.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          size="md"
          required
          key={form.key('email')}
          {...fieldProps('email')}
        />
        <PasswordInput
          label={t('signup.password')}
          description={t('signup.passwordHelp')}
          autoComplete="new-password"
          size="md"
          required
          key={form.key('password')}
          {...fieldProps('password')}
        />
        <Button type="submit" size="md" fullWidth loading={create.isPending} mt="xs">
          {t('signup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
