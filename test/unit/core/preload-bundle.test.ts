import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PRELOAD = fileURLToPath(new URL('../../../electron/preload/index.ts', import.meta.url));

describe('the preload bundle', () => {
  it('holds channel names only: no zod, no schemas, no contract declarations', async () => {
    const result = await build({
      entryPoints: [PRELOAD],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((input) => /node_modules\/zod|shared\/(schemas|contracts)\//.test(input))).toEqual(
      [],
    );
    // What is left: the preload itself and the names-only api builder.
    expect(inputs.sort()).toEqual(['electron/preload/index.ts', 'shared/api.ts']);
    expect(result.outputFiles[0]!.text.length).toBeLessThan(20_000);
  });
});
