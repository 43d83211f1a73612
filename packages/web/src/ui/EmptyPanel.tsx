import { EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyPanelProps {
  icon: ReactNode;
  title: string;
  description: string;
  actions?: ReactNode;
  badge?: ReactNode;
  /** Without the surrounding panel, for use inside a card that already has one. */
  bare?: boolean;
}

/** A friendly empty state inside a soft panel: what is missing, why, and what to do next. */
export function EmptyPanel({ icon, title, description, actions, badge, bare }: EmptyPanelProps) {
  const state = (
    <EmptyState
      variant="light"
      icon={icon}
      title={title}
      description={description}
      size="md"
      py={bare ? 'md' : 0}
    >
      {badge}
      {actions && <EmptyState.Actions>{actions}</EmptyState.Actions>}
    </EmptyState>
  );
  if (bare) return state;
  return (
    <Paper withBorder radius="lg" p={{ base: 'lg', sm: 'xl' }} bg="var(--mantine-color-body)">
      {state}
    </Paper>
  );
}
