import type { Stop } from '@kayoi/server/contracts';
import { Alert, Badge, Button, Card, Collapse, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBrandApple,
  IconBrandGoogleMaps,
  IconClipboardText,
  IconFileDescription,
  IconFileInvoice,
  IconLogin,
  IconLogout,
  IconPhone,
  IconPlayerSkipForward,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { APP_TIME_ZONE } from '../../../lib/format.ts';

export const timeOf = (iso: string | null): string =>
  iso
    ? new Intl.DateTimeFormat('en-GB', {
        timeZone: APP_TIME_ZONE,
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      }).format(new Date(iso))
    : '';

const statusColor = { planned: 'gray', checked_in: 'blue', done: 'green', skipped: 'orange' } as const;

interface StopCardProps {
  stop: Stop;
  index: number;
  open: boolean;
  onToggle: () => void;
  onCheckIn: () => void;
  onCheckOut: () => void;
  onLog: () => void;
  onSkip: () => void;
  busy: boolean;
  unsent: boolean;
  readOnly?: boolean;
}

/** One stop of the day: number, time, name; opened, the actions a rep needs at the door. */
export function StopCard({
  stop,
  index,
  open,
  onToggle,
  onCheckIn,
  onCheckOut,
  onLog,
  onSkip,
  busy,
  unsent,
  readOnly,
}: StopCardProps) {
  const { t } = useTranslation();
  const c = stop.customer;
  const tel = c.phone.replace(/[^0-9+]/g, '');
  return (
    <Card withBorder radius="md" p="sm" data-testid="stop-card" data-status={stop.status}>
      <UnstyledButton
        onClick={onToggle}
        aria-expanded={open}
        style={{ display: 'block', width: '100%' }}
        data-testid="stop-open"
      >
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Badge size="xl" circle variant="filled" color={statusColor[stop.status]} aria-hidden>
            {index + 1}
          </Badge>
          <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
            <Group gap={6} wrap="nowrap">
              <Text fw={700} size="sm">
                {stop.plannedStart ? timeOf(stop.plannedStart) : t('today.unplanned')}
              </Text>
              {stop.fixed && (
                <Badge size="xs" variant="outline">
                  {t('today.fixed')}
                </Badge>
              )}
              <Badge size="xs" variant="light" color={statusColor[stop.status]}>
                {t(`today.status.${stop.status}`)}
              </Badge>
              {unsent && (
                <Badge size="xs" color="orange" data-testid="stop-unsent">
                  {t('visit.log.unsent')}
                </Badge>
              )}
            </Group>
            <Text fw={600} truncate>
              {c.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {c.address}
            </Text>
          </Stack>
        </Group>
      </UnstyledButton>
      {c.cautions && (
        <Text size="xs" c="red.8" mt={4} lineClamp={1}>
          <IconAlertTriangle size={12} /> {c.cautions}
        </Text>
      )}
      {stop.farFromCustomer !== null && (
        <Alert color="yellow" p={6} mt={6} icon={<IconAlertTriangle size={16} />} data-testid="far-flag">
          {t('today.far', { metres: stop.farFromCustomer })}
        </Alert>
      )}
      {stop.skip && (
        <Text size="xs" c="orange.8" mt={4}>
          {t(`today.skipReason.${stop.skip.code}`)} {stop.skip.note}
        </Text>
      )}
      {stop.log && (
        <Text size="xs" c="dimmed" mt={4} lineClamp={2}>
          {t(`visit.outcome.${stop.log.outcome}`)} · {stop.log.notes}
        </Text>
      )}
      <Collapse expanded={open}>
        <Stack gap="xs" mt="sm">
          <Group gap="xs" grow>
            <Button
              component="a"
              href={stop.navigation.google}
              target="_blank"
              rel="noreferrer"
              variant="light"
              h={44}
              leftSection={<IconBrandGoogleMaps size={18} />}
            >
              Google
            </Button>
            <Button
              component="a"
              href={stop.navigation.apple}
              target="_blank"
              rel="noreferrer"
              variant="light"
              h={44}
              leftSection={<IconBrandApple size={18} />}
            >
              Apple
            </Button>
            <Button
              component="a"
              href={`tel:${tel}`}
              variant="light"
              color="teal"
              h={44}
              disabled={!tel}
              leftSection={<IconPhone size={18} />}
            >
              {t('today.call')}
            </Button>
          </Group>
          <Button
            renderRoot={(props) => (
              <Link {...props} to="/customers/$customerId/briefing" params={{ customerId: c.id }} />
            )}
            variant="default"
            h={44}
            leftSection={<IconFileDescription size={18} />}
          >
            {t('today.briefing')}
          </Button>
          {!readOnly && (
            <Group gap="xs" grow>
              {stop.status === 'planned' && (
                <Button h={48} onClick={onCheckIn} loading={busy} leftSection={<IconLogin size={18} />}>
                  {t('today.checkIn')}
                </Button>
              )}
              {stop.status === 'checked_in' && (
                <Button
                  h={48}
                  variant="light"
                  onClick={onCheckOut}
                  loading={busy}
                  leftSection={<IconLogout size={18} />}
                >
                  {t('today.checkOut')}
                </Button>
              )}
              {(stop.status === 'checked_in' || stop.status === 'done') && stop.visitId && (
                <Button h={48} color="green" onClick={onLog} leftSection={<IconClipboardText size={18} />}>
                  {stop.log ? t('today.editLog') : t('today.log')}
                </Button>
              )}
              {stop.status === 'done' && stop.visitId && (
                <Button
                  h={48}
                  variant="light"
                  renderRoot={(props) => (
                    <Link
                      {...props}
                      to="/quotes/new"
                      search={{ customerId: c.id, visitId: stop.visitId ?? undefined }}
                    />
                  )}
                  leftSection={<IconFileInvoice size={18} />}
                  data-testid="stop-quote"
                >
                  {t('today.quote')}
                </Button>
              )}
              {stop.status === 'planned' && stop.plannedVisitId && (
                <Button
                  h={48}
                  variant="subtle"
                  color="orange"
                  onClick={onSkip}
                  leftSection={<IconPlayerSkipForward size={18} />}
                >
                  {t('today.skip')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </Collapse>
    </Card>
  );
}
