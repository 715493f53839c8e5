/** The signed-in pane: follows the selected item and shows read or compose mode. */
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TRole } from '@shared/schemas';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { MailUser } from '../office/types';
import { LazyPart } from './lazy-part';
import { ComposeView } from './lazy-views';
import { ReadView } from './read-view';
import { RoleContext } from './role';
import { useMailItem } from './use-mail-item';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS, boxSizing: 'border-box', maxWidth: '100%' },
  footer: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalL },
});

/** Renders the view for the current item; a new selection remounts it, so nothing carries over. */
export function Pane({ api, user, serverUrl, onSignOut }: { api: ApiClient; user: MailUser; serverUrl: string; onSignOut: () => void }) {
  const styles = useStyles();
  const { item, generation, error } = useMailItem();
  const [role, setRole] = useState<TRole>('viewer');
  useEffect(() => {
    api.me().then((me) => setRole(me.user.role), () => setRole('viewer'));
  }, [api]);
  return (
    <RoleContext.Provider value={role}>
    <main className={styles.root}>
      {error && <Text role="alert">Could not read this message: {error}</Text>}
      {!item && !error && <Spinner size="small" label="Reading the message…" />}
      {item?.mode === 'read' && <ReadView key={`${generation}:${item.key}`} api={api} item={item} user={user} />}
      {item?.mode === 'compose' && (
        <LazyPart fallback={<Spinner size="small" label="Loading…" />}>
          <ComposeView key={`${generation}:${item.key}`} api={api} item={item} user={user} />
        </LazyPart>
      )}
      <footer className={styles.footer}>
        <Text size={100} truncate wrap={false} title={serverUrl}>
          {new URL(serverUrl).host}
        </Text>
        <Button size="small" appearance="subtle" onClick={onSignOut}>
          Sign out
        </Button>
      </footer>
    </main>
    </RoleContext.Provider>
  );
}
