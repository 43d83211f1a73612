import { Anchor, Group } from '@mantine/core';
import { IconArrowLeft, IconLock } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/hooks/useMe.ts';
import { WebhooksPanel } from '../features/webhooks/components/WebhooksPanel.tsx';
import { EmptyPanel } from '../ui/EmptyPanel.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** 設定 › Webhook 連携 (admins). */
export function WebhooksPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader
        title={t('webhooks.title')}
        subtitle={t('webhooks.subtitle')}
        above={
          <Anchor component={Link} to="/settings" size="sm">
            <Group gap={4}>
              <IconArrowLeft size={14} />
              {t('webhooks.back')}
            </Group>
          </Anchor>
        }
      />
      {me.user.role === 'admin' ? (
        <WebhooksPanel />
      ) : (
        <EmptyPanel
          icon={<IconLock size={20} />}
          title={t('webhooks.adminsOnly')}
          description={t('webhooks.adminsOnlyHelp')}
        />
      )}
    </>
  );
}
