#!/usr/bin/env node
// The `campaign-desk` command. It runs the TypeScript sources through tsx, so the CLI always
// matches the code in the repository (`npm run cli -- …` does the same).
import { tsImport } from 'tsx/esm/api';

const { runCli } = await tsImport('../electron/cli/main.ts', import.meta.url);
process.exitCode = await runCli(process.argv.slice(2), process);
