import type { listCalls } from '../../../shared/contracts/lists';
import type { FeatureHandlers } from '../contract/dispatch';
import type { ListsFeature } from './feature';

/** The `lists:*` calls over the lists feature. */
export function listHandlers(lists: ListsFeature): FeatureHandlers<typeof listCalls> {
  const { store } = lists;
  return {
    'lists:all': () => lists.all(),
    'lists:get': ({ listId }) => lists.get(listId),
    'lists:stage': ({ name, bytes }) => lists.stage(name, bytes),
    'lists:inspect': ({ stagedId, ...options }) => lists.inspect(stagedId, options),
    'lists:import': ({ stagedId, ...request }) => lists.import(stagedId, request),
    'lists:cancelImport': ({ stagedId }) => lists.cancelImport(stagedId),
    'lists:rows': ({ listId, offset, limit }) => store.getRows(listId, offset, limit),
    'lists:rowsByIds': ({ listId, ids }) => lists.rowsByIds(listId, ids),
    'lists:query': ({ listId, ...query }) => lists.queryRowIds(listId, query),
    'lists:problems': ({ listId }) => lists.problems(listId),
    'lists:edit': ({ listId, edits }) => lists.edit(listId, edits),
    'lists:rename': ({ listId, name }) => lists.rename(listId, name),
    'lists:duplicate': ({ listId, name }) => lists.duplicate(listId, name),
    'lists:delete': ({ listId }) => lists.delete(listId),
  };
}
