import { Anchor, Badge, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMail, IconPhone, IconStarFilled } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../api/customer-types.ts';

/** People at the customer, primary contact first, with tap-to-call and mail links. */
export function CustomerContactsCard({ contacts }: { contacts: Contact[] }) {
  const { t } = useTranslation();
  const sorted = [...contacts].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="md" mb="sm">
        {t('customer.contacts')}
      </Title>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('customer.noContacts')}
        </Text>
      ) : (
        <Stack gap="sm">
          {sorted.map((contact, index) => (
            <Fragment key={contact.id ?? `${contact.name}-${index}`}>
              {index > 0 && <Divider />}
              <Stack gap={2}>
                <Group gap={6}>
                  <Text fw={600} size="sm">
                    {contact.name}
                  </Text>
                  {contact.isPrimary && (
                    <Badge size="xs" variant="light" leftSection={<IconStarFilled size={10} />}>
                      {t('customer.primary')}
                    </Badge>
                  )}
                </Group>
                {(contact.title || contact.nameKana) && (
                  <Text size="xs" c="dimmed">
                    {[contact.title, contact.nameKana].filter(Boolean).join(' ・ ')}
                  </Text>
                )}
                <Group gap="md">
                  {contact.phone && (
                    <Anchor href={`tel:${contact.phone}`} size="sm">
                      <Group gap={4} wrap="nowrap">
                        <IconPhone size={14} />
                        {contact.phone}
                      </Group>
                    </Anchor>
                  )}
                  {contact.email && (
                    <Anchor href={`mailto:${contact.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      <Group gap={4} wrap="nowrap">
                        <IconMail size={14} />
                        {contact.email}
                      </Group>
                    </Anchor>
                  )}
                </Group>
              </Stack>
            </Fragment>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
