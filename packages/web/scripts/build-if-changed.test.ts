import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashSources, needsBuild, STAMP_PATH } from './build-if-changed.ts';

/** A repository-shaped folder with a web source file and, optionally, a build. */
function buildRepo({ built }: { built: boolean }) {
  const root = mkdtempSync(join(tmpdir(), 'kayoi-build-'));
  mkdirSync(join(root, 'packages/web/src'), { recursive: true });
  writeFileSync(join(root, 'packages/web/src/main.tsx'), 'render()');
  writeFileSync(join(root, 'packages/web/index.html'), '<div id="root"></div>');
  if (built) {
    mkdirSync(join(root, 'packages/web/dist'), { recursive: true });
    writeFileSync(join(root, 'packages/web/dist/index.html'), '<built>');
    writeFileSync(join(root, STAMP_PATH), `${hashSources(root)}\n`);
  }
  return root;
}

describe('npm start builds the web app only when its sources changed', () => {
  it('builds when there is no build yet', () => {
    expect(needsBuild(buildRepo({ built: false }))).toBe(true);
  });

  it('skips the build when nothing changed since the stamped one', () => {
    expect(needsBuild(buildRepo({ built: true }))).toBe(false);
  });

  it('builds again after a source edit, but not after a test edit', () => {
    const root = buildRepo({ built: true });
    writeFileSync(join(root, 'packages/web/src/main.test.tsx'), 'it()');
    expect(needsBuild(root)).toBe(false);
    writeFileSync(join(root, 'packages/web/src/main.tsx'), 'render(<App />)');
    expect(needsBuild(root)).toBe(true);
  });
});
