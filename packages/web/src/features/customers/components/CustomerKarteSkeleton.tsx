import { Grid, Skeleton, Stack } from '@mantine/core';

/** The カルテ's layout while the customer (or the page's code) loads. */
export function CustomerKarteSkeleton() {
  return (
    <Stack gap="md" aria-busy="true" data-testid="customer-skeleton">
      <Skeleton height={150} radius="md" />
      <Grid>
        {[0, 1, 2, 3].map((key) => (
          <Grid.Col key={key} span={{ base: 6, md: 3 }}>
            <Skeleton height={64} radius="md" />
          </Grid.Col>
        ))}
      </Grid>
      <Skeleton height={220} radius="md" />
    </Stack>
  );
}
