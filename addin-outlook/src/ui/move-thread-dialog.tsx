/** Move a logged thread to another customer. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError, type ApiClient } from '../api/client';
import { CustomerSearch } from './customer-search';
import { ErrorBar } from './error-bar';
import { useClosingDialog } from './use-closing-dialog';

/** A dialog with a customer search; choosing moves the thread. */
export function MoveThreadDialog({ api, threadId, onClose, onMoved }: { api: ApiClient; threadId: string; onClose: () => void; onMoved: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const dialog = useClosingDialog(onClose);
  const move = async (customerId: string) => {
    try {
      await api.moveThread(threadId, customerId);
      dialog.close();
      onMoved();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <Dialog open={dialog.open} onOpenChange={(_, d) => !d.open && dialog.close()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Move thread to another customer</DialogTitle>
          <DialogContent>
            <CustomerSearch api={api} actionLabel="Move to" onPick={(h) => void move(h.customer.id)} />
            {error && <ErrorBar error={error} />}
          </DialogContent>
          <DialogActions>
            <Button onClick={dialog.close}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
