/**
 * Closes a Fluent dialog by setting open=false first and unmounting it only after
 * its exit animation. Unmounting earlier leaves the app root aria-hidden, so
 * screen readers (and role-based tests) would lose the whole pane.
 * @see https://github.com/microsoft/fluentui/issues/35139
 */
import { useEffect, useState } from 'react';

/** Longer than the dialog's exit motion (about 250 ms). */
const EXIT_MS = 500;

/** `open` for the Dialog, and `close()` that lets it close before calling `onClosed`. */
export function useClosingDialog(onClosed: () => void) {
  const [open, setOpen] = useState(true);
  useEffect(() => {
    if (open) return;
    const timer = setTimeout(() => {
      onClosed();
      // Fluent can still leave the app root aria-hidden (fluentui#35139): clear it once no dialog is open.
      setTimeout(() => {
        if (!document.querySelector('[role=dialog], [role=alertdialog]')) document.getElementById('root')?.removeAttribute('aria-hidden');
      }, 50);
    }, EXIT_MS);
    return () => clearTimeout(timer);
  }, [open, onClosed]);
  return { open, close: () => setOpen(false) };
}
