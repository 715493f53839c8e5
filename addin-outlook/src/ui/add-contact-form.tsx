/** After choosing a customer for an unmatched email: add the sender as its contact, with a role. */
import { Button, Dropdown, Field, Input, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TContactRole } from '@shared/schemas';
import { useState } from 'react';
import { ApiError, type ApiClient } from '../api/client';
import type { Address } from '../office/types';
import { ErrorBar } from './error-bar';

const useStyles = makeStyles({ buttons: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS, flexWrap: 'wrap' } });
const roles: Array<{ value: TContactRole; label: string }> = [
  { value: 'payer', label: 'Payer' },
  { value: 'ap', label: 'Accounts payable' },
  { value: 'approver', label: 'Approver' },
  { value: 'billing', label: 'Billing' },
  { value: 'other', label: 'Other' },
];

/** The form; saving (or "Just show") calls onPick with the customer. */
export function AddContactForm({ api, target, sender, onPick }: { api: ApiClient; target: { id: string; name: string }; sender: Address; onPick: (customerId: string) => void }) {
  const styles = useStyles();
  const [name, setName] = useState(sender.name);
  const [role, setRole] = useState<TContactRole>('ap');
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const addContact = async () => {
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
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={saving}>
          Add contact and show
        </Button>
        <Button type="button" onClick={() => onPick(target.id)}>
          Just show {target.name}
        </Button>
      </div>
    </form>
  );
}
