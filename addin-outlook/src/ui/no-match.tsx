/** No customer matched: search for one, or add the sender as a contact of a chosen customer. */
import { Button, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TContactRole } from '@shared/schemas';
import { useState } from 'react';
import { ApiError, type ApiClient } from '../api/client';
import type { Address } from '../office/types';
import { CustomerSearch } from './customer-search';
import { ErrorBar } from './error-bar';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });
const roles: Array<{ value: TContactRole; label: string }> = [
  { value: 'payer', label: 'Payer' },
  { value: 'ap', label: 'Accounts payable' },
  { value: 'approver', label: 'Approver' },
  { value: 'billing', label: 'Billing' },
  { value: 'other', label: 'Other' },
];

/** The empty state: find the customer, then optionally remember the sender for next time. */
export function NoMatch({ api, sender, onPick }: { api: ApiClient; sender: Address | null; onPick: (customerId: string) => void }) {
  const styles = useStyles();
  const [target, setTarget] = useState<{ id: string; name: string } | null>(null);
  const [name, setName] = useState(sender?.name ?? '');
  const [role, setRole] = useState<TContactRole>('ap');
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const addContact = async () => {
    if (!target || !sender) return;
    setSaving(true);
    setError(null);
    try {
      await api.createContact(target.id, { name: name.trim() || sender.email, email: sender.email, role });
      onPick(target.id);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setSaving(false);
    }
  };

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
        <form onSubmit={(e) => (e.preventDefault(), void addContact())} aria-label="Add sender as contact">
          <Text block as="p" size={200}>
            Add {sender.email} as a contact of {target.name} so their emails match next time.
          </Text>
          <Field label="Name">
            <Input value={name} onChange={(_, d) => setName(d.value)} />
          </Field>
          <Field label="Role">
            <Dropdown value={roles.find((r) => r.value === role)?.label} selectedOptions={[role]} onOptionSelect={(_, d) => setRole(d.optionValue as TContactRole)}>
              {roles.map((r) => (
                <Option key={r.value} value={r.value}>
                  {r.label}
                </Option>
              ))}
            </Dropdown>
          </Field>
          {error && <ErrorBar error={error} />}
          <div style={{ display: 'flex', gap: 8, marginTop: 8, flexWrap: 'wrap' }}>
            <Button appearance="primary" type="submit" disabled={saving}>
              Add contact and show
            </Button>
            <Button type="button" onClick={() => onPick(target.id)}>
              Just show {target.name}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
