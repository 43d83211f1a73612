import { Group, Paper, Skeleton, Stack } from '@mantine/core';

/** Placeholder rows while a list loads. */
export function ListSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Stack gap="sm" aria-busy="true" data-testid="list-skeleton">
      {Array.from({ length: rows }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <Paper key={index} withBorder radius="md" p="md">
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={8} style={{ flex: 1 }}>
              <Skeleton height={14} width="55%" radius="sm" />
              <Skeleton height={10} width="35%" radius="sm" />
            </Stack>
            <Skeleton height={22} width={44} radius="xl" />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
