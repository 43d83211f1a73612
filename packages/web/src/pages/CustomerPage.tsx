import { Stack } from '@mantine/core';
import { BackToCustomers, CustomerKarte } from '../features/customers/components/CustomerKarte.tsx';

export function CustomerPage({ customerId }: { customerId: string }) {
  return (
    <Stack gap="sm">
      <BackToCustomers />
      <CustomerKarte customerId={customerId} />
    </Stack>
  );
}
