/** Search customers by name, domain, contact email or invoice number. */
import { Button, Field, Input, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TCustomerSearchResponse } from '@shared/schemas';
import { useState } from 'react';
import { ApiError, type ApiClient } from '../api/client';
import { ErrorBar } from './error-bar';

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  results: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hit: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

type Hit = TCustomerSearchResponse['items'][number];

/** A search box and its results; each result has an action button. */
export function CustomerSearch({ api, actionLabel, onPick }: { api: ApiClient; actionLabel: string; onPick: (hit: Hit) => void }) {
  const styles = useStyles();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const search = async () => {
    setBusy(true);
    setError(null);
    try {
      setHits((await api.searchCustomers(q)).items);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <form className={styles.form} role="search" onSubmit={(e) => (e.preventDefault(), void search())}>
        <Field label="Find a customer" style={{ flexGrow: 1, minWidth: 0 }}>
          <Input value={q} onChange={(_, d) => setQ(d.value)} placeholder="Name, domain, email or invoice no." />
        </Field>
        <Button type="submit" disabled={busy}>
          Search
        </Button>
      </form>
      {busy && <Spinner size="tiny" label="Searching…" />}
      {error && <ErrorBar error={error} onRetry={() => void search()} />}
      {hits && hits.length === 0 && <Text size={200}>No customer matches “{q}”.</Text>}
      {hits && hits.length > 0 && (
        <ul className={styles.results} aria-label="Search results">
          {hits.map((h) => (
            <li key={h.customer.id} className={styles.hit}>
              <Text size={200} truncate wrap={false} title={`${h.customer.name} — ${h.matchedText}`}>
                {h.customer.name}
              </Text>
              <Button size="small" onClick={() => onPick(h)} aria-label={`${actionLabel} ${h.customer.name}`}>
                {actionLabel}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
