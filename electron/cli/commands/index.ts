import type { CliCommand } from '../command';
import { accountsCommand } from './accounts';
import { dncCommand } from './dnc';
import { exportCommand } from './export';
import { importCommand } from './import';
import { infoCommand } from './info';
import { inspectCommand } from './inspect';
import { listsCommand } from './lists';
import { prefsCommand } from './prefs';
import { sandboxCommand } from './sandbox';
import { tasksCommand } from './tasks';
import { exportResultsCommand, resultsCommand, syncCommand } from './results';
import { uploadCommand } from './upload';

/** Every command of `campaign-desk`, in `--help` order. Later issues add theirs here. */
export const COMMANDS: readonly CliCommand[] = [
  infoCommand,
  prefsCommand,
  accountsCommand,
  sandboxCommand,
  inspectCommand,
  importCommand,
  listsCommand,
  exportCommand,
  tasksCommand,
  uploadCommand,
  dncCommand,
  syncCommand,
  resultsCommand,
  exportResultsCommand,
];
