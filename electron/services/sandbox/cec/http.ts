/**
 * The CEC sandbox's HTTP face, mounted on the sandbox server beside the Sobot routes: routing,
 * body caps, auth-v2 verification of every CC-iSales and CC-FS request from the bytes received,
 * injected faults and latency, request accounting, and the answers. A handler never throws:
 * what goes wrong answers the service's own failure shape.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseByteRange } from '../../http/byteRange';
import type { FaultTable } from '../faults';
import { GATEWAY_ERROR_PAGE } from '../faults';
import type { RequestCounter } from '../stats';
import { recordingMs, renderCecRecording } from './audio';
import { downloadIvrFile, downloadRecord, type CcfsReply } from './ccfs';
import { CecReject, ccfsFail, isalesFail } from './codes';
import * as isales from './isales';
import { appraiseDetail, issueToken } from './qc';
import { OBS_PREFIX } from './render';
import { routeOf, type CecFaultKind, type CecOperation, type Route } from './routes';
import type { CecState } from './state';
import { verifyRequest } from './verify';

export type { CecFaultKind, CecOperation } from './routes';

const JSON_TYPE = 'application/json;charset=UTF-8';
const MAX_BODY = 1024 * 1024;

const HANDLERS: Partial<Record<CecOperation, (req: isales.IsalesRequest) => Record<string, unknown>>> = {
  createCampaign: isales.createCampaign,
  listCampaigns: isales.listCampaigns,
  campaignDetail: isales.campaignDetail,
  pauseCampaign: isales.pauseCampaign,
  resumeCampaign: isales.resumeCampaign,
  deleteCampaign: isales.deleteCampaign,
  addNumbers: isales.addNumbers,
  deleteNumbers: isales.deleteNumbers,
  callResults: isales.callResults,
  callResultDetail: isales.callResultDetail,
  statistics: isales.statistics,
};

/** What the CEC routes need from the sandbox around them. */
export interface CecRouteDeps {
  state: CecState;
  faults: FaultTable<CecFaultKind>;
  counter: RequestCounter;
  latencyMs: number;
  /** The real clock (signature times, token expiry). */
  realNow(): number;
  /** A monotonic clock in ms (the ≥ 1 s rule). */
  monoNow(): number;
  catchUp(): void;
  delay(ms: number): Promise<void>;
}

/** The last signature refusals, for tests and the log (never the header itself). */
export interface SignatureLog {
  refusals: { operation: string; reason: string }[];
  /** The exact bytes of the last signed request received, for tests that re-sign them. */
  lastSigned: { method: string; rawUrl: string; headers: Record<string, string>; body: Buffer } | null;
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > MAX_BODY) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string | null, body: Buffer | string): void {
  if (res.destroyed || res.headersSent) return;
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...(type ? { 'content-type': type } : {}), 'content-length': bytes.length });
  res.end(bytes);
}

function parseJsonBody(bytes: Buffer): Record<string, unknown> | null | 'invalid' {
  const text = bytes.toString('utf8').trim();
  if (text === '') return null;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : 'invalid';
  } catch {
    return 'invalid';
  }
}

/** Builds the CEC request handler. */
export function createCecRoutes(deps: CecRouteDeps) {
  const log: SignatureLog = { refusals: [], lastSigned: null };

  const failureBody = (route: Route, code: string, message?: string): Record<string, unknown> =>
    route.service === 'ccfs' ? ccfsFail(code, message) : isalesFail(code, message);

  const run = async (route: Route, req: IncomingMessage, url: URL, body: Buffer, arrivedAt: number) => {
    const { state } = deps;
    if (route.service === 'qc') {
      const json = parseJsonBody(body);
      const parsed = json === 'invalid' ? null : json;
      const header = (name: string): string | undefined => {
        const v = req.headers[name];
        return Array.isArray(v) ? v[0] : v;
      };
      const reply =
        route.operation === 'qcToken'
          ? issueToken(state, parsed, header('x-token-expire'), deps.realNow())
          : appraiseDetail(
              state,
              { authorization: header('authorization'), appKey: header('x-app-key') },
              parsed,
              deps.realNow(),
            );
      return {
        status: reply.status,
        type: reply.body ? JSON_TYPE : null,
        body: reply.body ? JSON.stringify(reply.body) : '',
      };
    }
    const json = parseJsonBody(body);
    if (json === 'invalid')
      return {
        status: 200,
        type: JSON_TYPE,
        body: JSON.stringify(failureBody(route, '0200001', 'body is not JSON')),
      };
    if (route.service === 'ccfs') {
      const reply: CcfsReply =
        route.operation === 'downloadRecord' ? downloadRecord(state, json) : downloadIvrFile(json);
      return reply.kind === 'file'
        ? { status: 200, type: 'Application/Octet-stream;charset=UTF-8', body: reply.bytes }
        : { status: 200, type: JSON_TYPE, body: JSON.stringify(reply.body) };
    }
    const handler = HANDLERS[route.operation]!;
    try {
      const reply = handler({
        state,
        body: json,
        query: url.searchParams,
        ...(route.campaignId ? { campaignId: route.campaignId } : {}),
        ...(route.callId ? { callId: route.callId } : {}),
        arrivedAt,
      });
      return { status: 200, type: JSON_TYPE, body: JSON.stringify(reply) };
    } catch (error) {
      if (error instanceof CecReject)
        return { status: 200, type: JSON_TYPE, body: JSON.stringify(isalesFail(error.code, error.message)) };
      state.log.error('cec sandbox handler failed', { operation: route.operation, error: String(error) });
      return { status: 200, type: JSON_TYPE, body: JSON.stringify(isalesFail('0200006')) };
    } finally {
      if (route.changes) state.touch();
    }
  };

  const serveObs = (req: IncomingMessage, res: ServerResponse, path: string): void => {
    const callId = decodeURIComponent(path.slice(OBS_PREFIX.length));
    const call = deps.state.store.callsById.get(callId);
    if (!call || call.plan.recording !== 'url' || recordingMs(call) === 0)
      return send(
        res,
        404,
        'application/xml',
        '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code></Error>',
      );
    const bytes = renderCecRecording(call);
    const range = parseByteRange(req.headers.range, bytes.length);
    if (range === 'invalid') return send(res, 416, null, '');
    const [start, end] = range ?? [0, bytes.length - 1];
    res.writeHead(range ? 206 : 200, {
      'content-type': 'audio/wav',
      'accept-ranges': 'bytes',
      'content-length': end - start + 1,
      ...(range ? { 'content-range': `bytes ${start}-${end}/${bytes.length}` } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : bytes.subarray(start, end + 1));
  };

  return {
    log,
    /** Whether the path belongs to the CEC routes. */
    owns(path: string): boolean {
      return routeOf('GET', path) !== null || routeOf('POST', path) !== null;
    },
    /** Answers one CEC request. */
    async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
      const arrivedAt = deps.monoNow();
      // The sandbox's own clock in every answer, as a server's Date: a client told "401" can
      // tell a skewed clock from a wrong key by it.
      res.setHeader('date', new Date(deps.realNow()).toUTCString());
      const method = req.method ?? 'GET';
      const route = routeOf(method, url.pathname);
      const operation = typeof route === 'object' && route ? route.operation : 'unknown';
      const done = deps.counter.begin(`cec:${operation}`, method, String(req.headers['content-type'] ?? ''));
      res.once('close', done);
      if (route === null || route === 'wrong_method' || route === 'wrong_vdn') {
        req.resume();
        const status = route === 'wrong_method' ? 405 : route === 'wrong_vdn' ? 200 : 404;
        const body = route === 'wrong_vdn' ? isalesFail('0200001', 'vdnId') : { error: 'Not Found' };
        return send(res, status, JSON_TYPE, JSON.stringify(body));
      }
      const fault = deps.faults.take(route.operation);
      if (fault === 'reset') {
        req.socket.destroy();
        return;
      }
      if (route.service === 'obs') {
        req.resume();
        deps.catchUp();
        await deps.delay(deps.latencyMs);
        return serveObs(req, res, url.pathname);
      }
      const body = await readBody(req);
      if (body === null)
        return send(res, 413, JSON_TYPE, JSON.stringify(isalesFail('0200001', 'body too large')));
      if (route.service !== 'qc') {
        const refusal = verifyRequest(req, body, deps.realNow());
        if (refusal === null) {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
          log.lastSigned = { method, rawUrl: req.url ?? '/', headers, body };
        } else {
          log.refusals.push({ operation: route.operation, reason: refusal });
          await deps.delay(deps.latencyMs);
          return send(res, 401, null, '');
        }
      }
      if (fault === 'http401') return send(res, 401, null, '');
      if (fault?.startsWith('late:')) await deps.delay(Number(fault.slice(5)));
      deps.catchUp();
      if (fault === 'html') return send(res, 502, 'text/html', GATEWAY_ERROR_PAGE);
      if (fault === 'empty') return send(res, 200, JSON_TYPE, '');
      if (fault?.startsWith('code:'))
        return send(res, 200, JSON_TYPE, JSON.stringify(failureBody(route, fault.slice(5))));
      const answer = await run(route, req, url, body, arrivedAt);
      await deps.delay(deps.latencyMs);
      let payload: Buffer | string = answer.body;
      if (fault === 'truncated')
        payload = Buffer.from(payload).subarray(0, Math.max(1, Math.floor(Buffer.byteLength(payload) / 2)));
      send(res, answer.status, answer.type, payload);
    },
  };
}

/** The CEC route handler's type. */
export type CecRoutes = ReturnType<typeof createCecRoutes>;
