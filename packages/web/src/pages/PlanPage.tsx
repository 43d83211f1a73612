import { PlanBoard } from '../features/planning/components/PlanBoard.tsx';

export function PlanPage() {
  return <PlanBoard />;
}
