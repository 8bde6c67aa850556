import { ScreenPlaceholder } from '../../components/ScreenPlaceholder';

/** The Results screen (its feature arrives in a later issue). */
export function ResultsPage() {
  return <ScreenPlaceholder screen="results" />;
}
