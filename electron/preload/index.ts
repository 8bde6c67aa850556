import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from '../../shared/api';
import type { EventName } from '../../shared/contract';

// The only module in the renderer process that touches ipcRenderer. It exposes `window.api`:
// one function per contract entry and one subscribe function per event, nothing generic.
contextBridge.exposeInMainWorld(
  'api',
  createApi({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    subscribe(event: EventName, listener) {
      const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(event, wrapped);
      return () => {
        ipcRenderer.removeListener(event, wrapped);
      };
    },
  }),
);
