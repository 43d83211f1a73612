import { Button, SegmentedControl, Stack } from '@mantine/core';
import { IconExchange } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/hooks/useMe.ts';
import { HandoverSheetsList } from '../features/handover/components/HandoverSheetsList.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function HandoversPage({ handoverId }: { handoverId?: string | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  const mover = me.user.role !== 'rep';
  const [scope, setScope] = useState<'mine' | 'all'>(mover && handoverId ? 'all' : 'mine');
  return (
    <>
      <PageHeader
        title={t('handover.sheets.title')}
        subtitle={t('handover.sheets.subtitle')}
        actions={
          mover && (
            <Button component={Link} to="/handovers/new" leftSection={<IconExchange size={16} />}>
              {t('handover.reassign.title')}
            </Button>
          )
        }
      />
      <Stack gap="sm">
        {mover && (
          <SegmentedControl
            value={scope}
            onChange={(v) => setScope(v as 'mine' | 'all')}
            data={[
              { value: 'mine', label: t('handover.sheets.mine') },
              { value: 'all', label: t('handover.sheets.all') },
            ]}
            w="fit-content"
          />
        )}
        <HandoverSheetsList query={{ scope, handoverId }} />
      </Stack>
    </>
  );
}
