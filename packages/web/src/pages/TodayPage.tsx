import { Button } from '@mantine/core';
import { IconMessageExclamation, IconUsersGroup } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/hooks/useMe.ts';
import { TodayView } from '../features/today/components/TodayView.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function TodayPage() {
  const { t } = useTranslation();
  const me = useMe();
  const manages = me.user.role === 'manager' || me.user.role === 'admin';
  return (
    <>
      <PageHeader
        title={t('today.title')}
        actions={
          <>
            <Button
              variant="default"
              h={44}
              leftSection={<IconMessageExclamation size={18} />}
              renderRoot={(props) => <Link {...props} to="/complaints" />}
            >
              {t('complaints.title')}
            </Button>
            {manages && (
              <Button
                variant="light"
                h={44}
                leftSection={<IconUsersGroup size={18} />}
                renderRoot={(props) => <Link {...props} to="/field" />}
              >
                {t('field.title')}
              </Button>
            )}
          </>
        }
      />
      <TodayView />
    </>
  );
}
