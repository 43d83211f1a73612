import type { Plan, PlanDay, PlannedVisit } from '../api/plan-types.ts';

/** `2027-01-11T09:30` in Tokyo as an ISO instant. */
export const tokyo = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`).toISOString();

export const buildVisit = (overrides: Partial<PlannedVisit> & { start?: string } = {}): PlannedVisit => {
  const date = overrides.date ?? '2027-01-11';
  const start = overrides.start ?? '10:00';
  const [h, m] = start.split(':').map(Number) as [number, number];
  const end = `${String(h + (m + 30 >= 60 ? 1 : 0)).padStart(2, '0')}:${String((m + 30) % 60).padStart(2, '0')}`;
  const { start: _start, ...rest } = overrides;
  return {
    id: 'pv1',
    planId: 'plan1',
    customerId: 'cus1',
    customerName: '山田商店',
    address: '大阪府大阪市北区梅田1-1-1',
    lat: 34.7,
    lng: 135.5,
    repId: 'rep1',
    date,
    seq: 1,
    plannedArrival: tokyo(date, start),
    plannedStart: tokyo(date, start),
    plannedDeparture: tokyo(date, end),
    travelSecondsBefore: 600,
    status: 'planned',
    pinned: false,
    fixed: false,
    version: 1,
    ...rest,
  } as PlannedVisit;
};

export const buildDay = (overrides: Partial<PlanDay> = {}): PlanDay => {
  const date = overrides.date ?? '2027-01-11';
  return {
    repId: 'rep1',
    repName: '田中 翔太',
    date,
    visitCount: 6,
    travelSeconds: 5400,
    firstStart: tokyo(date, '08:45'),
    lastEnd: tokyo(date, '17:20'),
    startPlace: { lat: 34.7, lng: 135.49, label: '梅田営業所' },
    endPlace: { lat: 34.7, lng: 135.49, label: '梅田営業所' },
    lunch: { start: tokyo(date, '12:00'), end: tokyo(date, '13:00') },
    ...overrides,
  };
};

export const buildPlan = (overrides: Partial<Plan> = {}): Plan => ({
  id: 'plan1',
  teamId: 'team1',
  areaId: null,
  startDate: '2027-01-11',
  days: 10,
  status: 'ready',
  jobId: 'job1',
  createdBy: 'u1',
  createdAt: '2027-01-08T01:00:00.000Z',
  finishedAt: '2027-01-08T01:00:20.000Z',
  summary: { travelSeconds: 36000, visits: 120, unplanned: 2, movedVisits: 0 },
  version: 1,
  progress: null,
  ...overrides,
});
