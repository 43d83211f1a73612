import { HandoverSheetView } from '../features/handover/components/HandoverSheetView.tsx';

export function HandoverSheetPage({ sheetId }: { sheetId: string }) {
  return <HandoverSheetView sheetId={sheetId} />;
}
