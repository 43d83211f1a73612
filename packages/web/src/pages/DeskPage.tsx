import { DeskView } from '../features/desk/components/DeskView.tsx';
import type { DeskFilters } from '../features/desk/utils/desk-filters.ts';

export function DeskPage({ filters }: { filters: DeskFilters }) {
  return <DeskView filters={filters} />;
}
