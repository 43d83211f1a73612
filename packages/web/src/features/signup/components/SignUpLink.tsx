import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { fetchSignUpStatus } from '../api/signup-api.ts';

/** "New to Kayoi? Register your company", only where the installation accepts sign-ups. */
export function SignUpLink() {
  const { t } = useTranslation();
  const status = useQuery({ queryKey: ['signup-status'], queryFn: fetchSignUpStatus, staleTime: Infinity });
  if (!status.data?.enabled) return null;
  return (
    <Text size="sm" ta="center">
      {t('signup.prompt')}{' '}
      <Anchor component={Link} to="/sign-up" data-testid="sign-up-link">
        {t('signup.link')}
      </Anchor>
    </Text>
  );
}
