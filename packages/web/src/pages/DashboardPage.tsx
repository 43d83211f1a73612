import { Dashboard } from '../features/dashboard/components/Dashboard.tsx';

export function DashboardPage() {
  return <Dashboard />;
}
