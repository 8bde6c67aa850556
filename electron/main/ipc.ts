import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type EventName, type EventPayload } from '../../shared/contract';
import type { Dispatch } from '../services/contract/dispatch';

/**
 * The only module in main that touches `ipcMain`: one `handle` per contract channel, each
 * passing the sender frame to the dispatcher, which refuses foreign frames.
 */
export function registerContract(dispatch: Dispatch): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame;
      return dispatch(channel, input, {
        url: frame?.url ?? '',
        isTopFrame: frame !== null && frame !== undefined && frame.parent === null,
      });
    });
  }
}

/** Sends an event to every open window. */
export function broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(event, payload);
  }
}
