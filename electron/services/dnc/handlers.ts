import type { dncCalls } from '../../../shared/contracts/dnc';
import type { FeatureHandlers } from '../contract/dispatch';
import type { ListsFeature } from '../lists/feature';
import type { DncFeature } from './feature';

/** The `dnc:*` calls over the do-not-call feature (files staged by the lists feature). */
export function dncHandlers(dnc: DncFeature, lists: ListsFeature): FeatureHandlers<typeof dncCalls> {
  return {
    'dnc:list': (query) => dnc.page(query),
    'dnc:add': (request) => dnc.add(request),
    'dnc:addRows': (request) => dnc.addRows(request),
    'dnc:addCall': (request) => dnc.addCall(request),
    'dnc:import': ({ stagedId, ...request }) =>
      lists.useStaged(stagedId, (path) => dnc.importFile(path, request)),
    'dnc:remove': ({ ids }) => dnc.remove(ids),
  };
}
