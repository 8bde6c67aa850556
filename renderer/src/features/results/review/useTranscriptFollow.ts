import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Keeps the current transcript line in view during playback, until the user scrolls the
 * transcript themselves: then following pauses (they are reading something else) and
 * `backToCurrent` resumes it. Scrolls the app makes itself are told apart by a flag.
 */
export function useTranscriptFollow(
  list: RefObject<HTMLElement | null>,
  current: number,
): { following: boolean; onUserScroll: () => void; backToCurrent: () => void } {
  const [following, setFollowing] = useState(true);
  const ours = useRef(false);

  const reveal = useCallback(() => {
    const container = list.current;
    const line = container?.querySelector<HTMLElement>(`[data-line="${current}"]`);
    if (!container || !line) return;
    // The line's whole row (lines said at once share one, both kept in view), measured in the
    // list's scroll space whichever ancestor is positioned.
    const row = line.closest('li') ?? line;
    const top = row.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;
    const bottom = top + row.offsetHeight;
    let next = container.scrollTop;
    if (top < container.scrollTop) next = top;
    else if (bottom > container.scrollTop + container.clientHeight) next = bottom - container.clientHeight;
    if (next !== container.scrollTop) {
      ours.current = true;
      container.scrollTop = next;
    }
  }, [list, current]);

  useEffect(() => {
    if (following && current >= 0) reveal();
  }, [following, current, reveal]);

  return {
    following,
    onUserScroll: () => {
      if (ours.current) {
        ours.current = false;
        return;
      }
      setFollowing(false);
    },
    backToCurrent: () => {
      setFollowing(true);
      reveal();
    },
  };
}
