/** No customer matched: search for one, or add the sender as a contact of a chosen customer. */
import { MessageBar, MessageBarBody, Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import type { Address } from '../office/types';
import { CustomerSearch } from './customer-search';
import { LazyPart } from './lazy-part';
import { AddContactForm } from './lazy-views';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** The empty state: find the customer, then optionally remember the sender for next time. */
export function NoMatch({ api, sender, onPick }: { api: ApiClient; sender: Address | null; onPick: (customerId: string) => void }) {
  const styles = useStyles();
  const [target, setTarget] = useState<{ id: string; name: string } | null>(null);
  return (
    <section className={styles.root} aria-labelledby="nomatch-title">
      <Subtitle2 block as="h2" id="nomatch-title">
        No customer matches this email
      </Subtitle2>
      <CustomerSearch api={api} actionLabel="Choose" onPick={(h) => setTarget({ id: h.customer.id, name: h.customer.name })} />
      {target && (
        <MessageBar intent="info">
          <MessageBarBody>
            <Text>
              Chosen: <strong>{target.name}</strong>
            </Text>
          </MessageBarBody>
        </MessageBar>
      )}
      {target && sender && (
        <LazyPart key={target.id} fallback={<Spinner size="tiny" />}>
          <AddContactForm api={api} target={target} sender={sender} onPick={onPick} />
        </LazyPart>
      )}
    </section>
  );
}
