import { ScreenPlaceholder } from '../../components/ScreenPlaceholder';

/** The Tasks screen (its feature arrives in a later issue). */
export function TasksPage() {
  return <ScreenPlaceholder screen="tasks" />;
}
