import type { taskCalls } from '../../../shared/contracts/tasks';
import type { FeatureHandlers } from '../contract/dispatch';
import type { TaskService } from './service';

/** The handlers of `contracts/tasks.ts`, joined in createHandlers. */
export function taskHandlers(tasks: TaskService): FeatureHandlers<typeof taskCalls> {
  return {
    'tasks:list': () => tasks.list(),
    'tasks:stats': ({ ids }) => tasks.stats(ids),
    'tasks:options': () => tasks.options(),
    'tasks:create': (draft) => tasks.create(draft),
    'tasks:edit': (edit) => tasks.edit(edit),
    'tasks:pause': ({ id }) => tasks.pause(id),
    'tasks:resume': ({ id }) => tasks.resume(id),
    'tasks:end': ({ id }) => tasks.end(id),
    'tasks:delete': ({ id }) => tasks.remove(id),
    'templates:audio': ({ templateid, index }) => tasks.templateAudio(templateid, index),
  };
}
