import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeoPrecision } from '../api/customer-types.ts';
import { DEFAULT_MAP_CENTER } from './CustomerLocationCard.tsx';
import { GeoPrecisionBadge } from './GeoPrecisionBadge.tsx';

const CustomerMap = lazy(() => import('./CustomerMap.tsx'));

interface FormPositionPickerProps {
  lat: number | '';
  lng: number | '';
  /** The stored precision (edit), or undefined for a new customer. */
  precision: GeoPrecision | undefined;
  /** Whether lat/lng differ from what was loaded (then the position is the user's). */
  moved: boolean;
  onMove: (position: { lat: number; lng: number }) => void;
}

/**
 * The edit form's map: the precision the stored position reached and a pin to drag, which writes
 * 緯度/経度 (saved with the rest of the form, as a manual position). Without coordinates the
 * address is located when the form is saved; the pin can still be placed by hand.
 */
export function FormPositionPicker({ lat, lng, precision, moved, onMove }: FormPositionPickerProps) {
  const { t } = useTranslation();
  const [placing, setPlacing] = useState(false);
  const known = lat !== '' && lng !== '';
  const shown = known ? { lat, lng } : placing ? DEFAULT_MAP_CENTER : null;
  return (
    <Stack gap="xs" data-testid="form-position">
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {t('customerForm.position.title')}
        </Text>
        {(precision || moved) && <GeoPrecisionBadge precision={moved ? 'manual' : (precision ?? 'none')} />}
      </Group>
      <Text size="xs" c="dimmed">
        {t('customerForm.position.help')}
      </Text>
      {shown ? (
        <div
          style={{
            height: 220,
            borderRadius: 'var(--mantine-radius-md)',
            overflow: 'hidden',
            isolation: 'isolate',
          }}
        >
          <Suspense fallback={<Skeleton height={220} />}>
            <CustomerMap
              lat={shown.lat}
              lng={shown.lng}
              zoom={known ? 16 : 12}
              label={t('customerForm.position.title')}
              pinLabel={t('customer.position.pin')}
              onMove={onMove}
            />
          </Suspense>
        </div>
      ) : (
        <Group>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconMapPin size={14} />}
            onClick={() => setPlacing(true)}
          >
            {t('customerForm.position.place')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
