import { Button } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyPanel } from '../ui/EmptyPanel.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyPanel
      icon={<IconMapOff size={28} />}
      title={t('notFound.title')}
      description={t('notFound.body')}
      actions={
        <Button component={Link} to="/" variant="light">
          {t('notFound.home')}
        </Button>
      }
    />
  );
}
