import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSolomon, SOLOMON_SCALE, solomonToProblem } from '../src/io/solomon.ts';
import { solutionToVroom, vroomToProblem } from '../src/io/vroom.ts';
import { SolverError } from '../src/model/solver-error.ts';
import { solve } from '../src/solve.ts';

const fixture = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');

describe('Solomon format', () => {
  it('reads the fleet, capacity and rows (CRLF) with the depot first', () => {
    const instance = parseSolomon(fixture('./fixtures/tiny12.txt'));
    expect(instance.vehicles).toBe(4);
    expect(instance.capacity).toBe(60);
    expect(instance.customers).toHaveLength(13);
    expect(instance.customers[0]!.number).toBe(0);
  });

  it('rounds travel times up so integer feasibility implies real feasibility', () => {
    const instance = parseSolomon(fixture('./fixtures/tiny12.txt'));
    const problem = solomonToProblem(instance);
    const [a, b] = [instance.customers[0]!, instance.customers[1]!];
    const real = Math.hypot(a.x - b.x, a.y - b.y) * SOLOMON_SCALE;
    expect(problem.matrices!.durations[0]![1]).toBeGreaterThanOrEqual(real);
    expect(problem.matrices!.durations[0]![1]! - real).toBeLessThan(1);
  });
});

describe('VROOM format', () => {
  const input = JSON.parse(fixture('../docs/examples/vroom-input.json'));

  it('maps jobs, vehicles, breaks and matrices, ignoring unknown keys', () => {
    const problem = vroomToProblem({ ...input, options: { g: true } });
    expect(problem.jobs).toHaveLength(8);
    expect(problem.vehicles[0]!.breaks![0]!.serviceSeconds).toBe(2700);
    expect(problem.vehicles[1]!.shift).toEqual([30600, 63000]);
    expect(problem.costBasis).toBe('duration');
  });

  it('rejects shipments with a clear message', () => {
    expect(() => vroomToProblem({ ...input, shipments: [{}] })).toThrow(SolverError);
  });

  it('writes routes with start, jobs, break and end steps and a summary that adds up', () => {
    const problem = vroomToProblem(input);
    const output = solutionToVroom(problem, solve(problem, { maxIterations: 30 })) as {
      summary: { cost: number; routes: number };
      routes: { cost: number; steps: { type: string }[] }[];
    };
    expect(output.summary.routes).toBe(output.routes.length);
    expect(output.routes.reduce((a, r) => a + r.cost, 0)).toBe(output.summary.cost);
    for (const route of output.routes) {
      expect(route.steps[0]!.type).toBe('start');
      expect(route.steps.at(-1)!.type).toBe('end');
    }
  });

  it('answers with coordinates when the input gave coordinates instead of matrices', () => {
    const problem = vroomToProblem({
      vehicles: [{ id: 1, start: [139.7, 35.68], end: [139.7, 35.68] }],
      jobs: [{ id: 9, location: [139.72, 35.69], service: 300 }],
    });
    const output = solutionToVroom(problem, solve(problem)) as {
      routes: { steps: { type: string; location?: number[]; location_index?: number }[] }[];
    };
    const steps = output.routes[0]!.steps;
    expect(steps.map((s) => s.location)).toEqual([
      [139.7, 35.68],
      [139.72, 35.69],
      [139.7, 35.68],
    ]);
    expect(steps.every((s) => s.location_index === undefined)).toBe(true);
  });
});
