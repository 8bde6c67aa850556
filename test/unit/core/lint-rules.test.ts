import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering of design.md is enforced by eslint.config.js; these prove each rule bites.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('layering lint rules', () => {
  it('keep shared/ free of Node, Electron and DOM', async () => {
    expect(
      await ruleIds(
        "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
        'shared/x.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds("import { app } from 'electron';\nexport const a = app;\n", 'shared/x.ts'),
    ).toContain('no-restricted-imports');
    expect(await ruleIds('export const a = window.location;\n', 'shared/x.ts')).toContain(
      'no-restricted-globals',
    );
    expect(await ruleIds('export const a = process.env;\n', 'shared/x.ts')).toContain(
      'no-restricted-globals',
    );
    expect(await ruleIds("import { z } from 'zod';\nexport const a = z.string();\n", 'shared/x.ts')).toEqual(
      [],
    );
  });

  it('keep electron/services/ free of electron', async () => {
    expect(
      await ruleIds("import { app } from 'electron';\nexport const a = app;\n", 'electron/services/x.ts'),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds("import { join } from 'node:path';\nexport const a = join;\n", 'electron/services/x.ts'),
    ).toEqual([]);
  });

  it('ban raw ipcMain / ipcRenderer outside the two IPC helper files', async () => {
    const main = "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n";
    expect(await ruleIds(main, 'electron/main/window.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(main, 'electron/main/ipc.ts')).toEqual([]);
    const renderer = "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n";
    expect(await ruleIds(renderer, 'renderer/src/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(renderer, 'electron/preload/index.ts')).toEqual([]);
    expect(
      await ruleIds(
        "import { BrowserWindow } from 'electron';\nexport const a = BrowserWindow;\n",
        'electron/main/window.ts',
      ),
    ).toEqual([]);
  });
});
