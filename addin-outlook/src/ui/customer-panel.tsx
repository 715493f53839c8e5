/** One customer's payment relationship: header, AR status, invoices, disputes, promises, contacts, timeline. */
import { Button, Divider, makeStyles, tokens } from '@fluentui/react-components';
import type { TCustomerPanel, TDispute, TOpenInvoice } from '@shared/schemas';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import { DisputeList, PromiseList } from './activity-lists';
import { ArSummary } from './ar-summary';
import { ContactList } from './contact-list';
import { CustomerHeader } from './customer-header';
import { InvoiceList } from './invoice-list';
import { LazyPart } from './lazy-part';
import { HoldDialog, NoteDialog, OpenDisputeDialog, PromiseDialog, ResolveDisputeDialog, prefetchPanelParts } from './lazy-views';
import { useCan } from './role';
import { TimelineList } from './timeline-list';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Open = { kind: 'dispute'; invoices: TOpenInvoice[] } | { kind: 'resolve'; dispute: TDispute } | { kind: 'promise' | 'hold' | 'note' } | null;

/** The panel; every action refreshes it through `onChanged`. */
export function CustomerPanel({ api, panel, locale, onChanged }: { api: ApiClient; panel: TCustomerPanel; locale: string; onChanged: () => void }) {
  const styles = useStyles();
  const canCollect = useCan('collector');
  const [open, setOpen] = useState<Open>(null);
  // Bumped after every action: remounts the invoice list, so no selection outlives the action it was for.
  const [actions, setActions] = useState(0);
  const id = panel.customer.id;
  const close = () => setOpen(null);
  const done = () => {
    setActions((n) => n + 1);
    onChanged();
  };
  useEffect(prefetchPanelParts, []);
  return (
    <article className={styles.root} aria-label={`Payment relationship with ${panel.customer.name}`}>
      <CustomerHeader api={api} panel={panel} locale={locale} onChanged={done} />
      <ArSummary panel={panel} locale={locale} />
      <div className={styles.actions} role="toolbar" aria-label="Actions">
        {canCollect && (
          <Button size="small" onClick={() => setOpen({ kind: 'promise' })}>
            Promise to pay
          </Button>
        )}
        <Button size="small" onClick={() => setOpen({ kind: 'hold' })}>
          Set hold
        </Button>
        <Button size="small" onClick={() => setOpen({ kind: 'note' })}>
          Add note
        </Button>
      </div>
      <Divider />
      <InvoiceList
        key={actions}
        invoices={panel.openInvoices}
        disputes={panel.disputes}
        locale={locale}
        onDispute={(invoices) => setOpen({ kind: 'dispute', invoices })}
        onShowDispute={(dispute) => setOpen({ kind: 'resolve', dispute })}
      />
      <DisputeList disputes={panel.disputes} locale={locale} onResolve={(dispute) => setOpen({ kind: 'resolve', dispute })} />
      <PromiseList promises={panel.promises} locale={locale} />
      <ContactList contacts={panel.contacts} onMakePrimary={(c) => void api.updateContact(c.id, { isPrimaryPayer: true }).then(done)} />
      <TimelineList key={panel.timeline.items[0]?.id ?? 'empty'} api={api} customerId={id} first={panel.timeline} locale={locale} />

      <LazyPart key={open?.kind ?? 'none'} onDismiss={close}>
        {open?.kind === 'dispute' && <OpenDisputeDialog api={api} customerId={id} invoices={open.invoices} locale={locale} onDone={done} onClose={close} />}
        {open?.kind === 'resolve' && <ResolveDisputeDialog api={api} dispute={open.dispute} onDone={done} onClose={close} />}
        {open?.kind === 'promise' && <PromiseDialog api={api} customerId={id} currency={panel.customer.currency} locale={locale} onDone={done} onClose={close} />}
        {open?.kind === 'hold' && <HoldDialog api={api} customerId={id} onDone={done} onClose={close} />}
        {open?.kind === 'note' && <NoteDialog api={api} customerId={id} onDone={done} onClose={close} />}
      </LazyPart>
    </article>
  );
}
