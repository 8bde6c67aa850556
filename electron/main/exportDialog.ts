import { BrowserWindow, dialog } from 'electron';

/** Where an export goes: the system save dialog, with a suggested name. Null: cancelled. */
export async function chooseExportPath(
  suggestedName: string,
  format: 'xlsx' | 'csv',
): Promise<string | null> {
  const window = BrowserWindow.getFocusedWindow();
  const options = {
    defaultPath: suggestedName,
    filters: [{ name: format.toUpperCase(), extensions: [format] }],
  };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return choice.canceled || !choice.filePath ? null : choice.filePath;
}
