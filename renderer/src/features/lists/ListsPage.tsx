import { ScreenPlaceholder } from '../../components/ScreenPlaceholder';

/** The Lists screen (its feature arrives in a later issue). */
export function ListsPage() {
  return <ScreenPlaceholder screen="lists" />;
}
