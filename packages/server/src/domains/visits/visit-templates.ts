import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { visitTemplates } from './tables.ts';
import type { visitOutcomes } from './visit-values.ts';

export interface VisitTemplateView {
  id: string;
  name: string;
  outcome: (typeof visitOutcomes)[number];
  satisfaction: number | null;
  notes: string;
  sortOrder: number;
}

/**
 * The routine cases, for a tenant that has defined none (the demo seed writes the same ones as
 * its own): a template pre-fills outcome, satisfaction and notes, so a routine log is
 * open stop → チェックイン → template → 保存.
 */
export const defaultVisitTemplates: readonly VisitTemplateView[] = [
  {
    id: 'default-routine',
    name: '定期訪問・異常なし',
    outcome: 'met',
    satisfaction: 4,
    notes: '定期訪問。在庫・設置状況を確認、異常なし。',
    sortOrder: 1,
  },
  {
    id: 'default-refill',
    name: '補充受付',
    outcome: 'met',
    satisfaction: 4,
    notes: '定期訪問。補充のご注文を受付。',
    sortOrder: 2,
  },
  {
    id: 'default-absent',
    name: '不在',
    outcome: 'absent',
    satisfaction: null,
    notes: 'ご担当者不在。名刺とご案内を置いて退出。',
    sortOrder: 3,
  },
  {
    id: 'default-revisit',
    name: '再訪（担当者不在）',
    outcome: 'revisit',
    satisfaction: null,
    notes: 'ご担当者が外出中。改めて伺うことに。',
    sortOrder: 4,
  },
];

/** GET /api/visit-templates: the tenant's templates by order, or the defaults when it has none. */
export async function listVisitTemplates(tx: Tx, actor: Actor): Promise<VisitTemplateView[]> {
  const rows = await tx
    .select()
    .from(visitTemplates)
    .where(and(eq(visitTemplates.tenantId, actor.tenantId)))
    .orderBy(asc(visitTemplates.sortOrder), asc(visitTemplates.name))
    .limit(100);
  if (rows.length === 0) return [...defaultVisitTemplates];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    outcome: r.outcome,
    satisfaction: r.satisfaction,
    notes: r.notes,
    sortOrder: r.sortOrder,
  }));
}
