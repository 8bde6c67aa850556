import { homedir } from 'node:os';
import { defaultDataDir } from '../../electron/services/paths';
import { startHarness } from './server';

// `npm run start:web`: the app in a normal browser, for machines without Electron.
// Usage: tsx test/harness/run.ts [--data-dir DIR] [--port N]
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};

const dataDir = option('--data-dir') ?? defaultDataDir(process.platform, process.env, homedir());
const port = Number(option('--port') ?? 0);
const harness = await startHarness({ dataDir, port });
process.stdout.write(
  `Campaign Desk (browser harness) — open this URL in a browser:\n  ${harness.url}\n` +
    `Data folder: ${dataDir}\nPress Ctrl-C to stop.\n`,
);
const stop = (): void => {
  void harness.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
