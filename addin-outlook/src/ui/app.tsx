/** The pane's root: first-run sign-in, then the pane for the current item. */
import { useMemo, useState } from 'react';
import { createApiClient } from '../api/client';
import { currentUser } from '../office/mailbox';
import { clearConnection, loadConnection, saveConnection, type Connection } from '../settings/connection';
import { Pane } from './pane';
import { SignIn } from './sign-in';

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
      <SignIn
        initialServerUrl={saved?.serverUrl ?? window.location.origin}
        onSignedIn={(next) => {
          saveConnection(next.connection);
          setSession(next);
        }}
      />
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
