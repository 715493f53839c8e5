/** The selected (or composed) mail item, re-read on ItemChanged while the pane is pinned. */
import { useEffect, useState } from 'react';
import { onItemChanged, readCurrentItem } from '../office/mailbox';
import type { MailItem } from '../office/types';

export interface MailItemState {
  item: MailItem | null;
  /** Increments on every selection change, so stale async work can be dropped. */
  generation: number;
  error: string | null;
}

/** Tracks the current item; clears it at once when the selection changes. */
export function useMailItem(): MailItemState {
  const [state, setState] = useState<MailItemState>({ item: null, generation: 0, error: null });
  useEffect(() => {
    let generation = 0;
    let disposed = false;
    let unsubscribe: (() => void) | undefined;
    const load = () => {
      const mine = ++generation;
      setState({ item: null, generation: mine, error: null });
      readCurrentItem().then(
        (item) => !disposed && mine === generation && setState({ item, generation: mine, error: null }),
        (error: Error) => !disposed && mine === generation && setState({ item: null, generation: mine, error: error.message }),
      );
    };
    load();
    onItemChanged(load).then((off) => (unsubscribe = off));
    return () => {
      disposed = true;
      unsubscribe?.();
    };
  }, []);
  return state;
}
