interface EmptyStateProps {
  title: string;
  body: string;
}

/** What a screen shows before it has anything: what will be here and how to get it. */
export function EmptyState({ title, body }: EmptyStateProps) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <p>{body}</p>
    </section>
  );
}
