import type {
  CommitHandoverBody,
  Handover,
  HandoverPreview,
  HandoverSelection,
  HandoverSheet,
  HandoverSheetList,
  IntroVisitBody,
} from '@kayoi/server/contracts';
import { apiFetch, buildQuery } from '../../../lib/http.ts';

export const previewHandover = (selection: HandoverSelection): Promise<HandoverPreview> =>
  apiFetch<HandoverPreview>('/api/handovers/preview', { method: 'POST', body: selection });

export const commitHandover = (body: CommitHandoverBody, idempotencyKey: string): Promise<Handover> =>
  apiFetch<Handover>('/api/handovers', { method: 'POST', body, idempotencyKey });

export interface SheetListQuery {
  scope?: 'mine' | 'all';
  handoverId?: string | undefined;
}

export const listHandoverSheets = (query: SheetListQuery, signal?: AbortSignal): Promise<HandoverSheetList> =>
  apiFetch<HandoverSheetList>(`/api/handovers/sheets${buildQuery({ ...query })}`, { signal });

export const getHandoverSheet = (id: string, signal?: AbortSignal): Promise<HandoverSheet> =>
  apiFetch<HandoverSheet>(`/api/handovers/sheets/${encodeURIComponent(id)}`, { signal });

export const handoverKeys = {
  all: ['handovers'] as const,
  sheets: (query: SheetListQuery) => ['handovers', 'sheets', query] as const,
  sheet: (id: string) => ['handovers', 'sheet', id] as const,
};

export const acceptIntroVisit = (
  id: string,
  body: IntroVisitBody,
  idempotencyKey: string,
): Promise<HandoverSheet> =>
  apiFetch<HandoverSheet>(`/api/handovers/sheets/${encodeURIComponent(id)}/intro-visit`, {
    method: 'POST',
    body,
    idempotencyKey,
  });
