import { baseUrlProblem, missing } from '../../providers/accountRules';
import { isValidTimeZone } from '../time';
import { pemCertificates } from '../tls';
import { parseFlows, parseCallerNumbers } from './settings';

/** The first wrong field of a CEC account, or null (see ProviderFactory.checkAccount). */
export function checkCecAccount(
  settings: Record<string, string>,
  secrets: Record<string, string>,
  stored: ReadonlySet<string>,
): { field: string; reason: string } | null {
  const urlProblem = baseUrlProblem(settings['baseUrl'] ?? '');
  if (urlProblem) return { field: 'baseUrl', reason: urlProblem };
  const qc = (settings['qcDomain'] ?? '').trim();
  if (qc !== '') {
    const qcProblem = baseUrlProblem(qc);
    if (qcProblem) return { field: 'qcDomain', reason: qcProblem };
  }
  const vdn = (settings['vdnId'] ?? '').trim();
  if (!/^\d{1,4}$/.test(vdn) || Number(vdn) < 1) return { field: 'vdnId', reason: '1 to 9999' };
  const cc = (settings['ccId'] ?? '').trim();
  if (cc !== '' && !/^\d{1,9}$/.test(cc)) return { field: 'ccId', reason: 'a whole number' };
  const zone = (settings['timeZone'] ?? '').trim();
  if (zone !== '' && !isValidTimeZone(zone))
    return { field: 'timeZone', reason: 'not a known IANA time zone' };
  const pem = (settings['caPem'] ?? '').trim();
  if (pem !== '') {
    try {
      pemCertificates(pem);
    } catch {
      return { field: 'caPem', reason: 'no PEM certificate in it' };
    }
  }
  if (parseCallerNumbers(settings['callerNumbers'] ?? '') === null)
    return { field: 'callerNumbers', reason: '1 to 24 of 0-9 * # each' };
  if (parseFlows(settings['flows'] ?? '') === null)
    return { field: 'flows', reason: 'access code=name, comma-separated' };
  for (const name of ['ak', 'sk'])
    if (missing(secrets[name]) && !stored.has(name)) return { field: name, reason: 'required' };
  // The QC pair goes together: one without the other cannot fetch a token.
  const has = (name: string): boolean => !missing(secrets[name]) || stored.has(name);
  if (has('qc_app_key') !== has('qc_app_secret'))
    return { field: has('qc_app_key') ? 'qc_app_secret' : 'qc_app_key', reason: 'required with the other' };
  if (has('qc_app_key') && qc === '') return { field: 'qcDomain', reason: 'required for quality inspection' };
  return null;
}
