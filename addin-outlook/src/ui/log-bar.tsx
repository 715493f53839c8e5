/** "Log to account" or "Logged to … by …", with move and unlog one menu away. */
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TContextResponse, TCustomer } from '@shared/schemas';
import { useState } from 'react';
import { ApiError, type ApiClient } from '../api/client';
import { ErrorBar } from './error-bar';
import { formatWhen } from './format';
import { LazyPart } from './lazy-part';
import { MoveThreadDialog } from './lazy-views';
import { useCan } from './role';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, justifyContent: 'space-between' },
  logged: { color: tokens.colorPaletteGreenForeground1 },
});

interface LogBarProps {
  api: ApiClient;
  thread: TContextResponse['thread'];
  customer: TCustomer;
  onLog: () => Promise<void>;
  onChanged: () => void;
}

/** The thread's state for this customer and what can be done with it. */
export function LogBar({ api, thread, customer, onLog, onChanged }: LogBarProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [moving, setMoving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const canLog = useCan('collector');

  if (!thread && !canLog) return null;
  if (!thread) {
    return (
      <div className={styles.bar}>
        <Button appearance="primary" disabled={busy} onClick={() => (setBusy(true), void onLog().finally(() => setBusy(false)))}>
          {busy ? 'Logging…' : `Log to ${customer.name}`}
        </Button>
      </div>
    );
  }
  const unlog = async () => {
    try {
      await api.unlogThread(thread.id);
      onChanged();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <>
      <div className={styles.bar}>
        <Text className={styles.logged} size={200} role="status">
          Logged to <strong>{thread.customer.name}</strong>
          {thread.loggedBy ? ` by ${thread.loggedBy.name}` : ''}, {formatWhen(thread.loggedAt, navigator.language)}
        </Text>
        {canLog && (
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button size="small" appearance="subtle" aria-label="Thread actions">
              ⋯
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => setMoving(true)}>Move to another customer…</MenuItem>
              <MenuItem onClick={() => void unlog()}>Unlog this thread</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
        )}
      </div>
      {error && <ErrorBar error={error} />}
      {moving && (
        <LazyPart onDismiss={() => setMoving(false)}>
          <MoveThreadDialog api={api} threadId={thread.id} onClose={() => setMoving(false)} onMoved={onChanged} />
        </LazyPart>
      )}
    </>
  );
}
