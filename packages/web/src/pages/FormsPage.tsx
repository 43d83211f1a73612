import { FormsView } from '../features/forms/components/FormsView.tsx';
import type { FormFilters } from '../features/forms/utils/form-filters.ts';

export function FormsPage({ filters }: { filters: FormFilters }) {
  return <FormsView filters={filters} />;
}
