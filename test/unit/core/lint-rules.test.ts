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

  it('ban the native prompt / confirm / alert in the renderer', async () => {
    for (const call of ['window.prompt("name")', 'window.confirm("sure?")', 'alert("hi")', 'confirm("x")']) {
      const ids = await ruleIds(`export const a = ${call};\n`, 'renderer/src/features/x.tsx');
      expect(ids.some((id) => id === 'no-restricted-globals' || id === 'no-restricted-properties')).toBe(
        true,
      );
    }
    expect(await ruleIds('export const a = window.location.hash;\n', 'renderer/src/features/x.tsx')).toEqual(
      [],
    );
  });

  it('keep electron/services/ free of electron', async () => {
    expect(
      await ruleIds("import { app } from 'electron';\nexport const a = app;\n", 'electron/services/x.ts'),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        "import updater from 'electron-updater';\nexport const a = updater;\n",
        'electron/services/x.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds(
        "import updater from 'electron-updater';\nexport const a = updater;\n",
        'electron/main/updates.ts',
      ),
    ).toEqual([]);
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

  it('let only the provider registry import a provider’s folder', async () => {
    const sobot =
      "import { createSobotClient } from '../sobot/index';\nexport const a = createSobotClient;\n";
    expect(await ruleIds(sobot, 'electron/services/tasks/service.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(sobot, 'electron/services/uploads/runner.ts')).toContain('no-restricted-imports');
    const deep =
      "import { toProviderCall } from '../../services/sobot/provider/calls';\nexport const a = toProviderCall;\n";
    expect(await ruleIds(deep, 'electron/cli/commands/results.ts')).toContain('no-restricted-imports');
    const main =
      "import { sobotFactory } from '../services/sobot/provider/index';\nexport const a = sobotFactory;\n";
    expect(await ruleIds(main, 'electron/main/index.ts')).toContain('no-restricted-imports');
    const huawei = "import { sign } from '../huawei/signer';\nexport const a = sign;\n";
    expect(await ruleIds(huawei, 'electron/services/results/feature.ts')).toContain('no-restricted-imports');
    // The registry, and a provider's own modules, may.
    expect(
      await ruleIds(
        "import { sobotFactory } from '../sobot/provider/index';\nexport const a = sobotFactory;\n",
        'electron/services/providers/registry.ts',
      ),
    ).toEqual([]);
    expect(
      await ruleIds(
        "import { createSobotClient } from '../client';\nexport const a = createSobotClient;\n",
        'electron/services/sobot/provider/index.ts',
      ),
    ).toEqual([]);
    // Neutral modules stay importable.
    expect(
      await ruleIds(
        "import { providerFactory } from '../providers/registry';\nexport const a = providerFactory;\n",
        'electron/services/tasks/service.ts',
      ),
    ).toEqual([]);
    // A provider's folder still may not import electron.
    expect(
      await ruleIds(
        "import { app } from 'electron';\nexport const a = app;\n",
        'electron/services/sobot/client.ts',
      ),
    ).toContain('no-restricted-imports');
  });
});
