import type { Api } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the preload (desktop app) or the harness client (browser tests). */
    readonly api: Api;
  }
}

export {};
