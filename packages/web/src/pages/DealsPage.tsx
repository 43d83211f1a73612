import { IconFileInvoice } from '@tabler/icons-react';
import { PlaceholderPage } from './PlaceholderPage.tsx';

export function DealsPage() {
  return <PlaceholderPage section="deals" icon={IconFileInvoice} />;
}
