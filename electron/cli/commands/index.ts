import type { CliCommand } from '../command';
import { infoCommand } from './info';
import { prefsCommand } from './prefs';

/** Every command of `campaign-desk`, in `--help` order. Later issues add theirs here. */
export const COMMANDS: readonly CliCommand[] = [infoCommand, prefsCommand];
