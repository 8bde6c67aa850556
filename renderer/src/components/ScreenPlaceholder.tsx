import { useT } from '../i18n/useT';
import { EmptyState } from './EmptyState';

type Screen = 'lists' | 'tasks' | 'results';

/** A screen whose feature has not landed yet: its heading and an empty state saying what will be here. */
export function ScreenPlaceholder({ screen }: { screen: Screen }) {
  const t = useT();
  return (
    <>
      <h1>{t(`${screen}.title`)}</h1>
      <EmptyState title={t(`${screen}.empty.title`)} body={t(`${screen}.empty.body`)} />
    </>
  );
}
