import { IconCalendarWeek } from '@tabler/icons-react';
import { PlaceholderPage } from './PlaceholderPage.tsx';

export function PlanPage() {
  return <PlaceholderPage section="plan" icon={IconCalendarWeek} />;
}
