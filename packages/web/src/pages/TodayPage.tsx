import { Button } from '@mantine/core';
import { IconSun, IconUsers } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from './PlaceholderPage.tsx';

export function TodayPage() {
  const { t } = useTranslation();
  return (
    <PlaceholderPage
      section="today"
      icon={IconSun}
      actions={
        <Button component={Link} to="/customers" variant="light" leftSection={<IconUsers size={16} />}>
          {t('placeholder.today.action')}
        </Button>
      }
    />
  );
}
