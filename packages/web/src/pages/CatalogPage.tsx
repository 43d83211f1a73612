import { useMe } from '../features/auth/hooks/useMe.ts';
import { CatalogView } from '../features/catalog/components/CatalogView.tsx';

export function CatalogPage() {
  const me = useMe();
  return <CatalogView userRole={me.user.role} />;
}
