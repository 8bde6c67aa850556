#!/usr/bin/env node
// The `campaign-desk` command. It runs the TypeScript sources through tsx, so the CLI always
// matches the code in the repository (`npm run cli -- …` does the same).
import { tsImport } from 'tsx/esm/api';

const { runAsProgram } = await tsImport('../electron/cli/main.ts', import.meta.url);
runAsProgram(process.argv.slice(2));
