import { PlanScreen } from '../features/planning/components/PlanBoard.tsx';

export function PlanPage() {
  return <PlanScreen />;
}
