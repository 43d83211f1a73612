import { BriefingView } from '../features/briefing/components/BriefingView.tsx';

export function BriefingPage({ customerId }: { customerId: string }) {
  return <BriefingView customerId={customerId} />;
}
