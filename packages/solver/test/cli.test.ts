import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const solomonFile = here('./fixtures/tiny12.txt');
const vroomFile = here('../docs/examples/vroom-input.json');
const scratch = mkdtempSync(join(tmpdir(), 'kayoi-cli-'));
const write = (name: string, content: unknown) => {
  const path = join(scratch, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('kayoi-solve CLI', () => {
  it('answers a Solomon file with customer numbers per route and the real distance', () => {
    const result = runCli([solomonFile, '--iterations', '50', '--seed', '3']);
    expect(result.exitCode).toBe(0);
    const answer = JSON.parse(result.stdout);
    const served = answer.routes.flat().sort((a: number, b: number) => a - b);
    expect(served).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(answer.vehicles).toBe(answer.routes.length);
    expect(answer.distance).toBeGreaterThan(0);
  });

  it('answers VROOM JSON in VROOM output shape', () => {
    const result = runCli([vroomFile, '--iterations', '50']);
    expect(result.exitCode).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer.code).toBe(0);
    expect(answer.summary.routes).toBe(answer.routes.length);
    const steps = answer.routes.flatMap((r: { steps: { type: string }[] }) => r.steps);
    expect(steps.filter((s: { type: string }) => s.type === 'break')).toHaveLength(answer.routes.length);
    const jobs = steps.filter((s: { type: string }) => s.type === 'job').length;
    expect(jobs + answer.unassigned.length).toBe(8);
    for (const route of answer.routes) {
      for (let i = 1; i < route.steps.length; i++) {
        expect(route.steps[i].arrival).toBeGreaterThanOrEqual(route.steps[i - 1].arrival);
      }
    }
  });

  it('minimises vehicles first when asked', () => {
    const result = runCli([solomonFile, '--iterations', '200', '--objective', 'vehicles-distance']);
    expect(result.exitCode).toBe(0);
    const distanceOnly = JSON.parse(runCli([solomonFile, '--iterations', '200']).stdout);
    expect(JSON.parse(result.stdout).vehicles).toBeLessThanOrEqual(distanceOnly.vehicles);
  });

  it('reports a missing file clearly', () => {
    const result = runCli([join(scratch, 'missing.json')]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^kayoi-solve: unreadable file: .*missing\.json: no such file\n$/);
  });

  it('reports malformed JSON clearly', () => {
    const result = runCli([write('bad.json', '{"vehicles": [')]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/not valid JSON/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports an inconsistent matrix', () => {
    const path = write('matrix.json', {
      vehicles: [{ id: 1, start_index: 0 }],
      jobs: [{ id: 1, location_index: 2 }],
      matrices: {
        car: {
          durations: [
            [0, 1],
            [1, 0],
          ],
        },
      },
    });
    const result = runCli([path]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/inconsistent matrix: location index 2 is outside the 2×2 matrix/);
  });

  it('reports a ragged matrix row', () => {
    const path = write('ragged.json', {
      vehicles: [{ id: 1, start_index: 0 }],
      jobs: [{ id: 1, location_index: 1 }],
      matrices: { car: { durations: [[0, 1], [1]] } },
    });
    const result = runCli([path]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/durations matrix row 1 has 1 entries, expected 2/);
  });

  it('reports a job no vehicle can ever reach', () => {
    const path = write('unreachable.json', {
      vehicles: [{ id: 1, start_index: 0, end_index: 0, time_window: [0, 100] }],
      jobs: [
        { id: 7, location_index: 1, time_windows: [[0, 100]] },
        { id: 8, location_index: 1, time_windows: [[500, 600]] },
      ],
      matrices: {
        car: {
          durations: [
            [0, 10],
            [10, 0],
          ],
        },
      },
    });
    const result = runCli([path]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'kayoi-solve: unreachable job: no vehicle can ever serve job 8 (time windows, shift, skills or capacity)\n',
    );
  });

  it('rejects a file in an unknown format and bad options', () => {
    expect(runCli([write('notes.txt', 'hello')]).stderr).toMatch(/unknown input format/);
    expect(runCli([solomonFile, '--objective', 'time']).exitCode).toBe(2);
    expect(runCli([solomonFile, '--time-limit', 'soon']).stderr).toMatch(
      /--time-limit must be a non-negative number/,
    );
    expect(runCli([]).stderr).toMatch(/missing FILE/);
  });

  it('runs as a real process through the bin shim', () => {
    const bin = here('../bin/kayoi-solve.js');
    const output = execFileSync(process.execPath, [bin, solomonFile, '--iterations', '20'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(output).routes.flat()).toHaveLength(12);
    const failed = spawnSync(process.execPath, [bin, join(scratch, 'nope.txt')], { encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/^kayoi-solve: unreadable file/);
  });
});
