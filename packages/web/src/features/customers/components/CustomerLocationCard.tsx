import { Alert, Anchor, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCurrentLocation, IconExternalLink, IconMapPin, IconMapPinOff } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { formatDate } from '../../../lib/format.ts';
import type { Customer } from '../api/customer-types.ts';
import { useRelocateCustomer, useUpdateCustomer } from '../hooks/useCustomerMutations.ts';
import { GeoPrecisionBadge } from './GeoPrecisionBadge.tsx';

const CustomerMap = lazy(() => import('./CustomerMap.tsx'));

/** Where a pin placed from scratch starts: central Osaka. */
export const DEFAULT_MAP_CENTER = { lat: 34.6937, lng: 135.5023 };

export const mapsSearchUrl = (customer: Pick<Customer, 'lat' | 'lng' | 'address'>): string => {
  const query =
    customer.lat !== null && customer.lng !== null ? `${customer.lat},${customer.lng}` : customer.address;
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}`;
};

type Position = { lat: number; lng: number };

/** Why a customer has no position, in the user's words. */
export function missingPositionReason(customer: Pick<Customer, 'address' | 'geocodedAt'>): {
  key: 'noAddress' | 'notFound' | 'failed';
  date?: string;
} {
  if (customer.address.trim() === '') return { key: 'noAddress' };
  if (customer.geocodedAt) return { key: 'notFound', date: customer.geocodedAt };
  return { key: 'failed' };
}

/**
 * Where the customer is: the map with a pin that can be dragged to correct it (saved with the
 * version read, as manual), the precision the address reached, and, without a position, why and
 * what to do (retry the address search, or place the pin by hand).
 */
export function CustomerLocationCard({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateCustomer(customer.id);
  const relocate = useRelocateCustomer(customer.id);
  const [pending, setPending] = useState<Position | null>(null);
  const [placing, setPlacing] = useState(false);
  const editable = customer.archivedAt === null;
  const stored =
    customer.lat !== null && customer.lng !== null ? { lat: customer.lat, lng: customer.lng } : null;
  const shown = pending ?? stored ?? (placing ? DEFAULT_MAP_CENTER : null);

  const fail = (error: unknown) =>
    notifications.show({
      color: 'red',
      message:
        error instanceof ApiError && error.isConflict
          ? t('customer.position.conflict')
          : error instanceof Error
            ? error.message
            : String(error),
    });
  const save = () => {
    if (!pending) return;
    update
      .mutateAsync({ version: customer.version, lat: pending.lat, lng: pending.lng })
      .then(() => {
        setPending(null);
        setPlacing(false);
        notifications.show({ color: 'teal', message: t('customer.position.saved') });
      })
      .catch(fail);
  };
  const retry = () =>
    relocate
      .mutateAsync(customer.version)
      .then((next) =>
        notifications.show({
          color: next.lat !== null ? 'teal' : 'yellow',
          message: next.lat !== null ? t('customer.position.relocated') : t('customer.position.stillMissing'),
        }),
      )
      .catch(fail);

  const reason = missingPositionReason(customer);
  return (
    <Paper withBorder p="md" data-testid="location-card">
      <Group justify="space-between" mb="sm" gap="xs">
        <Group gap="xs">
          <Title order={2} fz="md">
            {t('customer.location')}
          </Title>
          <GeoPrecisionBadge precision={pending ? 'manual' : customer.geoPrecision} />
        </Group>
        {(stored || customer.address) && (
          <Anchor href={mapsSearchUrl(customer)} target="_blank" rel="noopener noreferrer" size="sm">
            <Group gap={4}>
              {t('customer.openMap')}
              <IconExternalLink size={14} />
            </Group>
          </Anchor>
        )}
      </Group>
      <Stack gap="sm">
        {!stored && (
          <Alert color="red" variant="light" icon={<IconMapPinOff size={18} />} p="sm">
            <Text size="sm" fw={600}>
              {t('customer.position.missingTitle')}
            </Text>
            <Text size="sm">
              {t(`customer.position.reason.${reason.key}`, {
                date: reason.date ? formatDate(reason.date, i18n.language) : '',
              })}
            </Text>
          </Alert>
        )}
        {stored && customer.geoPrecision === 'city' && !pending && (
          <Text size="sm" c="yellow.9">
            {t('customer.position.approximate')}
          </Text>
        )}
        {shown && (
          <div
            style={{
              height: 200,
              borderRadius: 'var(--mantine-radius-md)',
              overflow: 'hidden',
              isolation: 'isolate',
            }}
          >
            <Suspense fallback={<Skeleton height={200} />}>
              <CustomerMap
                lat={shown.lat}
                lng={shown.lng}
                zoom={stored || pending ? 16 : 12}
                label={t('customer.location')}
                pinLabel={t('customer.position.pin')}
                onMove={editable ? setPending : undefined}
              />
            </Suspense>
          </div>
        )}
        {editable && shown && !pending && (
          <Text size="xs" c="dimmed">
            {t('customer.position.dragHint')}
          </Text>
        )}
        {pending && (
          <Group gap="xs" justify="flex-end">
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                setPending(null);
                setPlacing(false);
              }}
            >
              {t('customer.position.undo')}
            </Button>
            <Button
              size="xs"
              leftSection={<IconMapPin size={14} />}
              loading={update.isPending}
              onClick={save}
            >
              {t('customer.position.savePin')}
            </Button>
          </Group>
        )}
        {editable && !stored && !pending && (
          <Group gap="xs">
            {customer.address.trim() !== '' && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconCurrentLocation size={14} />}
                loading={relocate.isPending}
                onClick={() => void retry()}
              >
                {t('customer.position.retry')}
              </Button>
            )}
            {!placing && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconMapPin size={14} />}
                onClick={() => setPlacing(true)}
              >
                {t('customer.position.place')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
