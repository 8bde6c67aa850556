/** What an endpoint handler receives. */

import type { Reply } from '../codes';
import type { RequestParams } from '../params';
import type { SandboxState } from '../state';

export interface HandlerContext {
  params: RequestParams;
  sandbox: SandboxState;
}

/** One iCall endpoint. Throws SandboxError for documented mistakes. */
export type Handler = (ctx: HandlerContext) => Reply | Promise<Reply>;
