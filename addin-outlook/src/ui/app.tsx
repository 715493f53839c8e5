/** The pane's root: first-run sign-in, then the pane for the current item. */
import { Spinner } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { createApiClient } from '../api/client';
import { currentUser } from '../office/mailbox';
import { clearConnection, loadConnection, saveConnection, type Connection } from '../settings/connection';
import { Pane } from './pane';
import { LazyPart } from './lazy-part';
import { SignIn } from './lazy-views';

export interface SignedIn {
  connection: Connection;
  getToken: () => Promise<string>;
}

/** Shows sign-in until a connection works, then the pane. */
export function App() {
  const saved = useMemo(loadConnection, []);
  const [session, setSession] = useState<SignedIn | null>(
    saved?.method === 'token' && saved.token ? { connection: saved, getToken: async () => saved.token as string } : null,
  );
  const user = useMemo(currentUser, []);
  const api = useMemo(() => (session ? createApiClient({ baseUrl: session.connection.serverUrl, getToken: session.getToken }) : null), [session]);

  if (!session || !api) {
    return (
      <LazyPart fallback={<Spinner size="small" label="Loading…" />}>
        <SignIn
          initialServerUrl={saved?.serverUrl ?? window.location.origin}
          onSignedIn={(next) => {
            saveConnection(next.connection);
            setSession(next);
          }}
        />
      </LazyPart>
    );
  }
  return (
    <Pane
      api={api}
      user={user}
      serverUrl={session.connection.serverUrl}
      onSignOut={() => {
        clearConnection();
        setSession(null);
      }}
    />
  );
}
