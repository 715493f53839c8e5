/** First run: the Payside server URL and a personal API token, or Microsoft sign-in when the org set it up. */
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { createApiClient } from '../api/client';
import { createEntraTokenSource, fetchSsoConfig, type SsoConfig } from '../auth/entra-sso';
import { normalizeServerUrl } from '../settings/connection';
import type { SignedIn } from './app';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The sign-in form; checks the connection with GET /v1/me before saving it. */
export function SignIn({ initialServerUrl, onSignedIn }: { initialServerUrl: string; onSignedIn: (session: SignedIn) => void }) {
  const styles = useStyles();
  const [serverUrl, setServerUrl] = useState(initialServerUrl);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sso, setSso] = useState<SsoConfig | null>(null);

  useEffect(() => {
    fetchSsoConfig(normalizeServerUrl(serverUrl)).then(setSso);
  }, [serverUrl]);

  const connect = async (method: 'token' | 'entra') => {
    setBusy(true);
    setError(null);
    try {
      const url = normalizeServerUrl(serverUrl);
      const getToken =
        method === 'token'
          ? async () => token.trim()
          : await createEntraTokenSource(sso?.entraClientId as string, sso?.apiScope as string);
      const me = await createApiClient({ baseUrl: url, getToken }).me();
      if (!me?.user) throw new Error('The server did not answer as Payside does.');
      onSignedIn({ connection: { serverUrl: url, token: method === 'token' ? token.trim() : null, method }, getToken });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.root} onSubmit={(e) => (e.preventDefault(), void connect('token'))}>
      <Title3 as="h1">Connect Payside</Title3>
      <Text className={styles.hint}>See each customer's balance, promises and disputes beside their emails.</Text>
      <Field label="Payside server URL" required>
        <Input value={serverUrl} onChange={(_, d) => setServerUrl(d.value)} type="url" autoComplete="url" />
      </Field>
      <Field label="Personal API token" hint="Ask your Payside admin, or run: npm run payside -- token create" required>
        <Input value={token} onChange={(_, d) => setToken(d.value)} type="password" autoComplete="off" />
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" type="submit" disabled={busy || !token.trim() || !serverUrl.trim()}>
        {busy ? <Spinner size="tiny" label="Connecting…" /> : 'Connect'}
      </Button>
      {sso?.entraClientId && sso.apiScope && (
        <Button type="button" disabled={busy} onClick={() => void connect('entra')}>
          Sign in with Microsoft
        </Button>
      )}
    </form>
  );
}
