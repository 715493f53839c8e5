/** Read mode: match the open email to a customer, show the panel, log the thread. */
import { Spinner, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { ApiError, type ApiClient } from '../api/client';
import type { MailUser, ReadItem } from '../office/types';
import { CandidatePicker } from './candidate-picker';
import { CustomerPanel } from './customer-panel';
import { ErrorBar } from './error-bar';
import { LogBar } from './log-bar';
import { logRequestOf } from './log-request';
import { NoMatch } from './no-match';
import { useContext } from './use-context';

/** Everything beside one message being read. */
export function ReadView({ api, item, user }: { api: ApiClient; item: ReadItem; user: MailUser }) {
  const [customerId, setCustomerId] = useState<string | null>(null);
  const ctx = useContext(api, item, user, customerId);
  const [logError, setLogError] = useState<ApiError | null>(null);
  const appending = useRef(false);
  const data = ctx.data;

  // A message of an already logged conversation is added to it when opened.
  useEffect(() => {
    if (!data?.thread || data.thread.messageLogged !== false || appending.current) return;
    appending.current = true;
    api.logThread(logRequestOf(item, data.thread.customer.id)).then(
      () => ctx.reload(),
      (e: ApiError) => setLogError(e),
    );
  }, [data, api, item, ctx]);

  const log = async (targetId: string) => {
    setLogError(null);
    try {
      await api.logThread(logRequestOf(item, targetId));
      ctx.reload();
    } catch (e) {
      setLogError(e instanceof ApiError ? e : new ApiError('network', String(e)));
    }
  };

  if (!data && ctx.loading) return <Spinner size="small" label={ctx.slow ? 'Still loading — Payside is slow to answer…' : 'Looking up the customer…'} />;
  if (!data && ctx.error) return <ErrorBar error={ctx.error} onRetry={ctx.reload} />;
  if (!data) return null;

  const panel = data.panel;
  return (
    <>
      {ctx.error && <ErrorBar error={ctx.error} onRetry={ctx.reload} />}
      {logError && <ErrorBar error={logError} onRetry={() => panel && void log(panel.customer.id)} />}
      {ctx.slow && <Text size={200}>Still loading — Payside is slow to answer…</Text>}
      {panel && <LogBar api={api} thread={data.thread} customer={panel.customer} onLog={() => log(panel.customer.id)} onChanged={ctx.reload} />}
      {!panel && data.match.ambiguous && <CandidatePicker candidates={data.match.candidates} onPick={setCustomerId} />}
      {!panel && !data.match.ambiguous && <NoMatch api={api} sender={item.from} onPick={setCustomerId} />}
      {panel && <CustomerPanel api={api} panel={panel} locale={user.locale} onChanged={ctx.reload} />}
    </>
  );
}
