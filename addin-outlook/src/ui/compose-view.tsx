/** Compose mode: the recipients' customer at a glance (holds first), and the open-invoice statement. */
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { renderStatementHtml } from '@shared/statement';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { insertHtmlAtCursor } from '../office/mailbox';
import type { ComposeItem, MailUser } from '../office/types';
import { ArSummary } from './ar-summary';
import { CandidatePicker } from './candidate-picker';
import { CustomerHeader } from './customer-header';
import { CustomerSearch } from './customer-search';
import { ErrorBar } from './error-bar';
import { formatMoney } from './format';
import { useContext } from './use-context';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** Status of whoever the message is addressed to, and "Insert open-invoice statement". */
export function ComposeView({ api, item, user }: { api: ApiClient; item: ComposeItem; user: MailUser }) {
  const styles = useStyles();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const ctx = useContext(api, item, user, customerId);
  const [inserted, setInserted] = useState<string | null>(null);
  const [insertError, setInsertError] = useState<string | null>(null);
  const panel = ctx.data?.panel;

  const insert = async () => {
    if (!panel) return;
    setInsertError(null);
    try {
      const html = renderStatementHtml({ customerName: panel.customer.name, asOf: panel.status.asOf, invoices: panel.openInvoices }, user.locale);
      await insertHtmlAtCursor(html);
      const totals = panel.status.totals.map((t) => formatMoney(t.outstanding, t.currency, user.locale)).join(' + ');
      setInserted(`Inserted ${panel.openInvoices.length} open invoices (${totals || 'nothing outstanding'}).`);
    } catch (e) {
      setInsertError((e as Error).message);
    }
  };

  if (item.to.length + item.cc.length === 0 && !customerId) return <Text>Add recipients to see their customer's account status.</Text>;
  if (!ctx.data && ctx.loading) return <Spinner size="small" label="Looking up the recipients' customer…" />;
  if (!ctx.data && ctx.error) return <ErrorBar error={ctx.error} onRetry={ctx.reload} />;
  if (!ctx.data) return null;
  return (
    <section className={styles.root} aria-label="Recipients' account">
      {ctx.error && <ErrorBar error={ctx.error} onRetry={ctx.reload} />}
      {!panel && ctx.data.match.ambiguous && <CandidatePicker candidates={ctx.data.match.candidates} onPick={setCustomerId} />}
      {!panel && !ctx.data.match.ambiguous && (
        <>
          <Text>No customer among the recipients.</Text>
          <CustomerSearch api={api} actionLabel="Choose" onPick={(h) => setCustomerId(h.customer.id)} />
        </>
      )}
      {panel && (
        <>
          <CustomerHeader api={api} panel={panel} locale={user.locale} onChanged={ctx.reload} />
          <Button appearance="primary" onClick={() => void insert()}>
            Insert open-invoice statement
          </Button>
          {inserted && (
            <MessageBar intent="success">
              <MessageBarBody>{inserted}</MessageBarBody>
            </MessageBar>
          )}
          {insertError && (
            <MessageBar intent="error">
              <MessageBarBody>{insertError}</MessageBarBody>
            </MessageBar>
          )}
          <ArSummary panel={panel} locale={user.locale} />
        </>
      )}
    </section>
  );
}
