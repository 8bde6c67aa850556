import { BrowserWindow, dialog, shell } from 'electron';
import type { ExportHost } from '../services/exports/service';

/**
 * Exports in the desktop app: the system save dialog with the suggested name (list or task,
 * date) and the format's filter; "show in folder" selects the saved file in the file manager.
 */
export const electronExportHost: ExportHost = {
  async chooseTarget(suggestedName, format) {
    const window = BrowserWindow.getFocusedWindow();
    const options = {
      defaultPath: suggestedName,
      filters: [{ name: format === 'xlsx' ? 'Excel (.xlsx)' : 'CSV (.csv)', extensions: [format] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'] as (
        'createDirectory' | 'showOverwriteConfirmation'
      )[],
    };
    const choice = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    return choice.canceled || !choice.filePath ? null : { kind: 'file', path: choice.filePath };
  },
  reveal(path) {
    shell.showItemInFolder(path);
  },
};
