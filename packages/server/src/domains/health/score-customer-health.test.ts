import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HealthFacts, scoreCustomerHealth } from './score-customer-health.ts';

/** A monthly customer seen last week, ordering steadily, happy: nothing to report. */
const buildFacts = (overrides: Partial<HealthFacts> = {}): HealthFacts => ({
  cadenceDays: 28,
  cadenceToleranceDays: 3,
  daysSinceVisit: 7,
  daysSinceOrder: 10,
  daysSinceCreated: 800,
  openComplaints: [],
  orders: { recentCount: 3, recentAmount: 90_000, previousCount: 12, previousAmount: 360_000 },
  satisfaction: { recentMean: 4, recentAnswers: 3, previousMean: 4.2, previousAnswers: 10 },
  ...overrides,
});

const severity = fc.constantFrom('low', 'medium', 'high', 'critical' as const);
const complaint = fc.record({
  severity,
  daysOpen: fc.integer({ min: 0, max: 400 }),
  daysPastDue: fc.integer({ min: -20, max: 400 }),
});
const facts: fc.Arbitrary<HealthFacts> = fc
  .record({
    cadenceDays: fc.integer({ min: 1, max: 365 }),
    cadenceToleranceDays: fc.integer({ min: 0, max: 30 }),
    daysSinceVisit: fc.option(fc.integer({ min: 0, max: 1000 })),
    daysSinceOrder: fc.option(fc.integer({ min: 0, max: 1000 })),
    daysSinceCreated: fc.integer({ min: 0, max: 3000 }),
    openComplaints: fc.array(complaint, { maxLength: 6 }),
    orders: fc.record({
      recentCount: fc.integer({ min: 0, max: 50 }),
      recentAmount: fc.integer({ min: 0, max: 5_000_000 }),
      previousCount: fc.integer({ min: 0, max: 200 }),
      previousAmount: fc.integer({ min: 0, max: 20_000_000 }),
    }),
    satisfaction: fc.record({
      recentMean: fc.option(fc.double({ min: 1, max: 5, noNaN: true })),
      recentAnswers: fc.integer({ min: 0, max: 10 }),
      previousMean: fc.option(fc.double({ min: 1, max: 5, noNaN: true })),
      previousAnswers: fc.integer({ min: 0, max: 40 }),
    }),
  })
  .map((f) => ({
    ...f,
    daysSinceCreated: Math.max(f.daysSinceCreated, f.daysSinceVisit ?? 0, f.daysSinceOrder ?? 0),
  }));

describe('scoreCustomerHealth', () => {
  it('gives a customer seen on time, ordering steadily and satisfied 100 with no reasons', () => {
    expect(scoreCustomerHealth(buildFacts())).toEqual({ score: 100, risk: 0, band: 'good', reasons: [] });
  });

  it('counts an overdue visit against the cadence and tolerance, growing with the days late', () => {
    // 28 + 3 days allowed; seen 45 days ago → 14 days late → 10 + 20·14/28 = 20.
    const late = scoreCustomerHealth(buildFacts({ daysSinceVisit: 45 }));
    expect(late.reasons).toEqual([
      {
        code: 'visit_overdue',
        penalty: 20,
        params: { overdueDays: 14, cadenceDays: 28, daysSinceVisit: 45 },
      },
    ]);
    expect(late.score).toBe(80);
    expect(scoreCustomerHealth(buildFacts({ daysSinceVisit: 31 })).reasons).toEqual([]);
    expect(scoreCustomerHealth(buildFacts({ daysSinceVisit: 200 })).reasons[0]?.penalty).toBe(30);
  });

  it('weighs an open complaint by its severity, its age and whether it is past due', () => {
    const health = scoreCustomerHealth(
      buildFacts({
        openComplaints: [
          { severity: 'high', daysOpen: 30, daysPastDue: 25 },
          { severity: 'low', daysOpen: 3, daysPastDue: -8 },
        ],
      }),
    );
    // high 14 + age 30 d → 2 fortnights → 4 + past due 5 = 23; low 4.
    expect(health.reasons).toEqual([
      {
        code: 'open_complaints',
        penalty: 27,
        params: { count: 2, oldestDays: 30, overdueCount: 1, worstSeverity: 'high' },
      },
    ]);
    expect(health.band).toBe('good');
  });

  it('flags orders falling against the customer’s own trailing year', () => {
    // 12 orders / 360,000 yen a year → 3 orders / 88,767 yen expected in 90 days; 1 order of 20,000 came.
    const health = scoreCustomerHealth(
      buildFacts({
        orders: { recentCount: 1, recentAmount: 20_000, previousCount: 12, previousAmount: 360_000 },
      }),
    );
    expect(health.reasons).toEqual([
      {
        code: 'orders_falling',
        penalty: 17,
        params: {
          recentOrders: 1,
          expectedOrders: 3,
          recentAmount: 20_000,
          expectedAmount: 88_767,
          dropPercent: 77,
        },
      },
    ]);
  });

  it('reads no trend into a customer with fewer than 3 orders in the trailing year', () => {
    const health = scoreCustomerHealth(
      buildFacts({ orders: { recentCount: 0, recentAmount: 0, previousCount: 2, previousAmount: 50_000 } }),
    );
    expect(health.reasons).toEqual([]);
  });

  it('flags satisfaction falling by half a point or more, not a small dip', () => {
    const falling = scoreCustomerHealth(
      buildFacts({
        satisfaction: { recentMean: 2.5, recentAnswers: 2, previousMean: 4.25, previousAnswers: 8 },
      }),
    );
    expect(falling.reasons).toEqual([
      {
        code: 'satisfaction_falling',
        penalty: 15,
        params: { recentMean: 2.5, previousMean: 4.25, recentAnswers: 2 },
      },
    ]);
    const dip = buildFacts({
      satisfaction: { recentMean: 3.9, recentAnswers: 2, previousMean: 4.3, previousAnswers: 8 },
    });
    expect(scoreCustomerHealth(dip).reasons).toEqual([]);
  });

  it('calls 90 days without a visit or an order a long silence, on top of the overdue visit', () => {
    const health = scoreCustomerHealth(buildFacts({ daysSinceVisit: 130, daysSinceOrder: 150 }));
    expect(health.reasons.map((r) => r.code)).toEqual(['visit_overdue', 'long_silence']);
    expect(health.reasons[1]).toEqual({ code: 'long_silence', penalty: 20, params: { days: 130 } });
    expect(health.score).toBe(50);
    expect(health.band).toBe('watch');
  });

  it('puts a customer with every warning sign at risk, floored at 0', () => {
    const health = scoreCustomerHealth(
      buildFacts({
        daysSinceVisit: 300,
        daysSinceOrder: 300,
        openComplaints: [
          { severity: 'critical', daysOpen: 120, daysPastDue: 119 },
          { severity: 'high', daysOpen: 60, daysPastDue: 57 },
        ],
        orders: { recentCount: 0, recentAmount: 0, previousCount: 10, previousAmount: 500_000 },
        satisfaction: { recentMean: 1, recentAnswers: 1, previousMean: 4, previousAnswers: 5 },
      }),
    );
    expect(health.score).toBe(0);
    expect(health.risk).toBe(100);
    expect(health.band).toBe('at_risk');
    expect(health.reasons.map((r) => r.code)).toEqual([
      'open_complaints',
      'visit_overdue',
      'orders_falling',
      'long_silence',
      'satisfaction_falling',
    ]);
  });

  it('stays within 0–100, with risk its complement and the reasons summing to the loss', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const h = scoreCustomerHealth(f);
        expect(h.score).toBeGreaterThanOrEqual(0);
        expect(h.score).toBeLessThanOrEqual(100);
        expect(h.risk).toBe(100 - h.score);
        expect(h.score).toBe(Math.max(0, 100 - h.reasons.reduce((s, r) => s + r.penalty, 0)));
        for (const r of h.reasons) expect(r.penalty).toBeGreaterThan(0);
      }),
    );
  });

  it('never gets healthier for one more open complaint', () => {
    fc.assert(
      fc.property(facts, complaint, (f, extra) => {
        const before = scoreCustomerHealth(f).score;
        const after = scoreCustomerHealth({ ...f, openComplaints: [...f.openComplaints, extra] }).score;
        expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('never gets healthier as time passes without a visit or an order', () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 1, max: 200 }), (f, days) => {
        const later: HealthFacts = {
          ...f,
          daysSinceVisit: f.daysSinceVisit === null ? null : f.daysSinceVisit + days,
          daysSinceOrder: f.daysSinceOrder === null ? null : f.daysSinceOrder + days,
          daysSinceCreated: f.daysSinceCreated + days,
        };
        expect(scoreCustomerHealth(later).score).toBeLessThanOrEqual(scoreCustomerHealth(f).score);
      }),
    );
  });

  it('never gets less healthy for one more recent order', () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 0, max: 500_000 }), (f, amount) => {
        const more: HealthFacts = {
          ...f,
          orders: {
            ...f.orders,
            recentCount: f.orders.recentCount + 1,
            recentAmount: f.orders.recentAmount + amount,
          },
        };
        expect(scoreCustomerHealth(more).score).toBeGreaterThanOrEqual(scoreCustomerHealth(f).score);
      }),
    );
  });
});
