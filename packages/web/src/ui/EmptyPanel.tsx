import { EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyPanelProps {
  icon: ReactNode;
  title: string;
  description: string;
  actions?: ReactNode;
  badge?: ReactNode;
}

/** A friendly empty state inside a soft panel: what is missing, why, and what to do next. */
export function EmptyPanel({ icon, title, description, actions, badge }: EmptyPanelProps) {
  return (
    <Paper withBorder radius="lg" p={{ base: 'lg', sm: 'xl' }} bg="var(--mantine-color-body)">
      <EmptyState variant="light" icon={icon} title={title} description={description} size="md">
        {badge}
        {actions && <EmptyState.Actions>{actions}</EmptyState.Actions>}
      </EmptyState>
    </Paper>
  );
}
