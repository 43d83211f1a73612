import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.ts';
import { combinationDays, cordeauToProblem, isCordeauText, parseCordeau } from '../src/io/cordeau.ts';

// Type 1 (PVRP): 1 vehicle a day, 3 customers, 2 days; customer 3 is visited on both days.
const pvrp = `1 1 3 2\r
0 10\r
0 10\r
 0   0   0 0 0 0 0\r
 1  10   0 0 4 1 2 2 1\r
 2 -10   0 0 4 1 2 2 1\r
 3   0  10 0 2 2 1 3\r
`;

// Type 5 (PVRPTW): windows at the end of each line, route duration 50.
const pvrptw = `5 2 2 4 1
50 20
50 20
50 20
50 20
0 0 0 0 0 0 0 0 1000
1 3 4 2 5 2 2 10 5 100 200
2 -3 -4 1 5 1 1 8 0 1000
`;

describe('Cordeau periodic format', () => {
  it('reads the head, the day limits and the nodes', () => {
    expect(isCordeauText(pvrp)).toBe(true);
    const instance = parseCordeau(pvrp);
    expect(instance).toMatchObject({ type: 1, vehicles: 1, customers: 3, days: 2, hasTimeWindows: false });
    expect(instance.limits).toEqual([
      { duration: 0, capacity: 10 },
      { duration: 0, capacity: 10 },
    ]);
    expect(instance.nodes[3]).toMatchObject({ number: 3, demand: 2, frequency: 2, combinations: [3] });
  });

  it('reads combination codes left to right as days', () => {
    expect(combinationDays(10, 4)).toEqual([0, 2]);
    expect(combinationDays(1, 4)).toEqual([3]);
    expect(combinationDays(3, 2)).toEqual([0, 1]);
    const problem = cordeauToProblem(parseCordeau(pvrptw));
    expect(problem.customers[0]!.combinations).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });

  it('turns windows and the route duration into the model', () => {
    const problem = cordeauToProblem(parseCordeau(pvrptw));
    expect(problem.days).toHaveLength(4);
    expect(problem.days[0]!.vehicles).toHaveLength(2);
    const vehicle = problem.days[0]!.vehicles[0]!;
    expect(vehicle.maxDurationSeconds).toBe(50 * 10_000);
    expect(vehicle.shift).toEqual([0, 1000 * 10_000]);
    expect(problem.customers[0]!.timeWindows).toEqual([[100 * 10_000, 200 * 10_000]]);
    expect(problem.customers[0]!.serviceSeconds).toBe(2 * 10_000);
  });

  it('is answered by the CLI in the checker shape', () => {
    const folder = mkdtempSync(join(tmpdir(), 'kayoi-cordeau-'));
    const file = join(folder, 'tiny.txt');
    writeFileSync(file, pvrp);
    const result = runCli([file, '--iterations', '20', '--seed', '2']);
    expect(result.stderr).toBe('');
    const answer = JSON.parse(result.stdout);
    expect(answer.days).toHaveLength(2);
    const visits = answer.days.map((day: number[][]) => day.flat().sort());
    expect(visits[0].includes(3) && visits[1].includes(3)).toBe(true);
    expect([...visits[0], ...visits[1]].sort()).toEqual([1, 2, 3, 3]);
    // 1 and 2 together (0→1→3→2→0 and 0→3→0) or apart cost the same: 2 × (10 + √200 + 10).
    expect(answer.cost).toBeCloseTo(2 * (10 + Math.hypot(10, 10) + 10), 4);
  });
});
