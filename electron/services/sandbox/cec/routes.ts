/**
 * The CEC sandbox's routes: which operation a method and path name, and the fault kinds the
 * operations can be given.
 */
import { OBS_PREFIX } from './render';
import { CEC_SANDBOX_VDN_ID } from './tenant';

/**
 * Faults of the CEC routes: the Sobot sandbox's kinds (`code:NNNNNNN` answers that code in the
 * service's envelope — `code:0300008` is CC-FS flow control), plus `http401` (the platform
 * refusing a signature) and `late:<ms>` — the request is applied only after `ms`, typically
 * after the client gave up waiting, which is the case where it cannot know what happened.
 */
export type CecFaultKind =
  'html' | 'truncated' | 'empty' | 'reset' | 'http401' | `code:${string}` | `late:${number}`;

/** The CEC operations, by which faults are armed and requests counted. */
export type CecOperation =
  | 'createCampaign'
  | 'listCampaigns'
  | 'campaignDetail'
  | 'pauseCampaign'
  | 'resumeCampaign'
  | 'deleteCampaign'
  | 'addNumbers'
  | 'deleteNumbers'
  | 'callResults'
  | 'callResultDetail'
  | 'statistics'
  | 'downloadRecord'
  | 'downloadFile'
  | 'qcToken'
  | 'qcDetail'
  | 'obs';

export type Service = 'isales' | 'ccfs' | 'qc' | 'obs';

export interface Route {
  operation: CecOperation;
  service: Service;
  changes?: true;
  campaignId?: string;
  callId?: string;
}

const V1 = '/rest/isales/v1/openapi/campaigns/';
const V2 = '/rest/isales/v2/openapi/campaigns/';

/** Which operation a method and path name; null for none of the CEC routes. */
export function routeOf(method: string, path: string): Route | 'wrong_vdn' | 'wrong_method' | null {
  if (path === '/CCFS/resource/ccfs/downloadRecord')
    return method === 'POST' ? { operation: 'downloadRecord', service: 'ccfs' } : 'wrong_method';
  if (path === '/CCFS/resource/ccfs/ivr/downloadFile')
    return method === 'POST' ? { operation: 'downloadFile', service: 'ccfs' } : 'wrong_method';
  if (path === '/apigovernance/api/oauth/tokenByAkSk')
    return method === 'POST' ? { operation: 'qcToken', service: 'qc' } : 'wrong_method';
  if (path === '/apiaccess/CCSQM/rest/ccisqm/v1/appraisecall/detail')
    return method === 'POST' ? { operation: 'qcDetail', service: 'qc' } : 'wrong_method';
  if (path.startsWith(OBS_PREFIX))
    return method === 'GET' || method === 'HEAD' ? { operation: 'obs', service: 'obs' } : 'wrong_method';
  const v2 = path.startsWith(V2);
  if (!v2 && !path.startsWith(V1)) return null;
  const [vdn, ...rest] = path.slice(V1.length).split('/').map(decodeURIComponent);
  if (vdn !== String(CEC_SANDBOX_VDN_ID)) return 'wrong_vdn';
  const is = (m: string, r: Route): Route | 'wrong_method' => (method === m ? r : 'wrong_method');
  if (v2) {
    if (rest.length === 0)
      return is('POST', { operation: 'createCampaign', service: 'isales', changes: true });
    if (rest.length === 1 && rest[0] === 'statistics')
      return is('GET', { operation: 'statistics', service: 'isales' });
    return null;
  }
  if (rest.length === 0)
    return method === 'POST'
      ? { operation: 'createCampaign', service: 'isales', changes: true }
      : is('GET', { operation: 'listCampaigns', service: 'isales' });
  const [a, b, c] = rest;
  if (a === 'calldata' && b && rest.length === 2)
    return is('POST', { operation: 'addNumbers', service: 'isales', changes: true, campaignId: b });
  if (a === 'calldata' && b && c === 'delete' && rest.length === 3)
    return is('POST', { operation: 'deleteNumbers', service: 'isales', changes: true, campaignId: b });
  if (a === 'callresult' && b && rest.length === 2)
    return is('POST', { operation: 'callResults', service: 'isales', campaignId: b });
  if (a === 'callresultdetail' && b && rest.length === 2)
    return is('GET', { operation: 'callResultDetail', service: 'isales', callId: b });
  if (rest.length === 1 && a)
    return method === 'DELETE'
      ? { operation: 'deleteCampaign', service: 'isales', changes: true, campaignId: a }
      : is('GET', { operation: 'campaignDetail', service: 'isales', campaignId: a });
  if (rest.length === 2 && a && (b === 'pause' || b === 'resume'))
    return is('PUT', {
      operation: b === 'pause' ? 'pauseCampaign' : 'resumeCampaign',
      service: 'isales',
      changes: true,
      campaignId: a,
    });
  return null;
}
