import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const src = join(here, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map(
    (m) => m[1] as string,
  );

describe('the arrows run one way: domains → platform', () => {
  it('no platform file imports a domain, the seed, or the public contract', () => {
    const offending = sourceFiles(here).flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) => spec.startsWith('.') && /\/(domains|seed)\/|contracts\.ts$/.test(join(file, '..', spec)),
        )
        .map((spec) => `${relative(src, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('no domain file imports the public contract back', () => {
    const offending = sourceFiles(join(src, 'domains')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.endsWith('contracts.ts'))
        .map((spec) => `${relative(src, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});
