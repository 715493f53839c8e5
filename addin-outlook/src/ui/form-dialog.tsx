/** A dialog around a form: busy state, problem shown inline, input kept when saving fails. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { ErrorBar } from './error-bar';
import { useClosingDialog } from './use-closing-dialog';

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

interface FormDialogProps {
  title: string;
  submitLabel: string;
  onSubmit: () => Promise<void>;
  onClose: () => void;
  canSubmit?: boolean;
  children: ReactNode;
}

/** Calls onSubmit; closes on success, otherwise stays open with the error and the user's input. */
export function FormDialog({ title, submitLabel, onSubmit, onClose, canSubmit = true, children }: FormDialogProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const dialog = useClosingDialog(onClose);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit();
      dialog.close();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={dialog.open} onOpenChange={(_, d) => !d.open && dialog.close()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={(e) => (e.preventDefault(), void submit())}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {children}
              {error && (error instanceof ApiError ? <ErrorBar error={error} onRetry={() => void submit()} /> : <ErrorBar error={new ApiError('http', error.message)} />)}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy || !canSubmit}>
                {busy ? 'Saving…' : submitLabel}
              </Button>
              <Button type="button" onClick={dialog.close}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
