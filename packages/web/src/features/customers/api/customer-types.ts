export type Rank = 'A' | 'B' | 'C';
export type CustomerStatus = 'active' | 'dormant' | 'churned';
export type Honorific = 'onchu' | 'sama';
export type CustomerSort = 'name' | '-name' | 'rank' | 'lastOrderAt' | '-lastOrderAt' | 'nextVisitDue';

export const RANKS: readonly Rank[] = ['A', 'B', 'C'];
export const STATUSES: readonly CustomerStatus[] = ['active', 'dormant', 'churned'];
export const SORTS: readonly CustomerSort[] = [
  'name',
  '-name',
  'rank',
  '-lastOrderAt',
  'lastOrderAt',
  'nextVisitDue',
];

export interface CustomerSummary {
  id: string;
  code: string;
  name: string;
  nameKana: string;
  honorific: Honorific;
  address: string;
  phone: string;
  rank: Rank;
  status: CustomerStatus;
  repId: string | null;
  repName: string | null;
  areaId: string | null;
  areaName: string | null;
  cadenceDays: number;
  lastOrderAt: string | null;
  lastVisitAt: string | null;
  archivedAt: string | null;
}

export interface Contact {
  id?: string;
  name: string;
  nameKana: string;
  title: string;
  phone: string;
  email: string;
  isPrimary: boolean;
}

export interface TimeWindow {
  start: string;
  end: string;
}

export interface Customer extends CustomerSummary {
  postalCode: string;
  lat: number | null;
  lng: number | null;
  contacts: Contact[];
  cadenceToleranceDays: number;
  preferredWeekdays: number[];
  timeWindows: TimeWindow[];
  visitDurationMinutes: number;
  preferences: string;
  cautions: string;
  notes: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  stats: { orderCount: number; revenue12m: number; averageOrderValue: number; lastOrderAt: string | null };
}

export interface CustomerList {
  items: CustomerSummary[];
  nextCursor: string | null;
  total: number;
}

export interface OrderLine {
  productCode: string;
  productName: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  taxRate: 10 | 8;
  amount: number;
}

export interface Order {
  id: string;
  orderNo: string;
  orderedAt: string;
  status: string;
  subtotal: number;
  tax: number;
  total: number;
  lines: OrderLine[];
}

/** Fields sent on create and update. */
export interface CustomerInput {
  code?: string;
  name: string;
  nameKana: string;
  honorific: Honorific;
  postalCode: string;
  address: string;
  phone: string;
  lat?: number | null;
  lng?: number | null;
  repId: string | null;
  areaId: string | null;
  rank: Rank;
  status: CustomerStatus;
  cadenceDays: number;
  cadenceToleranceDays: number;
  preferredWeekdays: number[];
  timeWindows: TimeWindow[];
  visitDurationMinutes: number;
  preferences: string;
  cautions: string;
  notes: string;
  contacts: Contact[];
}

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
