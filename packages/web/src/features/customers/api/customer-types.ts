import {
  type CreateCustomerBody,
  type CustomerContact,
  type CustomerSort,
  type CustomerStatus,
  customerRanks,
  customerStatuses,
  type GeoPrecision,
  type PurchaseOrder,
  type Rank,
} from '@kayoi/server/contracts';

export type {
  Customer,
  CustomerExportCheck as ExportCheck,
  CustomerFigures,
  CustomerHistory,
  CustomerPage as CustomerList,
  CustomerPositionIssues as PositionIssues,
  CustomerSort,
  CustomerStatus,
  CustomerSummary,
  HistoryEntry,
  Honorific,
  PurchaseOrderLine as OrderLine,
  Rank,
  TimeWindow,
} from '@kayoi/server/contracts';
export type { GeoPrecision };

export const RANKS: readonly Rank[] = customerRanks;
export const STATUSES: readonly CustomerStatus[] = customerStatuses;
/** The sort menu's order (descending last order first). */
export const SORTS: readonly CustomerSort[] = [
  'name',
  '-name',
  'rank',
  '-lastOrderAt',
  'lastOrderAt',
  'nextVisitDue',
];

/** A contact as the form edits it: one not saved yet has no id. */
export type Contact = Omit<CustomerContact, 'id'> & { id?: string };

export type Order = PurchaseOrder;

/**
 * Fields sent on create and update: every editable field, the code and position optional. The
 * form never names a new customer's id itself (the server's optional `id` is for offline clients).
 */
export type CustomerInput = Omit<Required<CreateCustomerBody>, 'id' | 'code' | 'lat' | 'lng' | 'contacts'> &
  Pick<CreateCustomerBody, 'code' | 'lat' | 'lng'> & { contacts: Contact[] };

export interface Area {
  id: string;
  name: string;
}

export interface UserSummary {
  id: string;
  name: string;
  role: string;
  teamId: string | null;
}
