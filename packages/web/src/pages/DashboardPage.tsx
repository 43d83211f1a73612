import { IconChartBar } from '@tabler/icons-react';
import { PlaceholderPage } from './PlaceholderPage.tsx';

export function DashboardPage() {
  return <PlaceholderPage section="dashboard" icon={IconChartBar} />;
}
