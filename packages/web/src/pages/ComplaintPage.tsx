import { ComplaintDetailView } from '../features/complaints/components/ComplaintDetailView.tsx';

export function ComplaintPage({ complaintId }: { complaintId: string }) {
  return <ComplaintDetailView complaintId={complaintId} />;
}
