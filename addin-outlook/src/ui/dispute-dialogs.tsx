/** Open a dispute on selected invoices; resolve or reject one. */
import { Dropdown, Field, Input, Option, Radio, RadioGroup, Text, Textarea } from '@fluentui/react-components';
import type { TDispute, TOpenInvoice } from '@shared/schemas';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { FormDialog } from './form-dialog';
import { formatMoney, parseDecimalInput, toDecimalInput } from './format';

const reasons = [
  ['pricing', 'Pricing'],
  ['quantity', 'Quantity'],
  ['quality', 'Quality'],
  ['not_received', 'Goods or service not received'],
  ['duplicate', 'Duplicate invoice'],
  ['tax', 'Tax'],
  ['terms', 'Payment terms'],
  ['other', 'Other'],
] as const;
type Reason = (typeof reasons)[number][0];

interface OpenProps {
  api: ApiClient;
  customerId: string;
  invoices: TOpenInvoice[];
  locale: string;
  onDone: () => void;
  onClose: () => void;
}

/** Reason, amount (defaults to the selected balances) and a description. */
export function OpenDisputeDialog({ api, customerId, invoices, locale, onDone, onClose }: OpenProps) {
  const currency = invoices[0]?.currency ?? 'USD';
  const total = invoices.reduce((s, i) => s + i.balance, 0);
  const [reason, setReason] = useState<Reason>('pricing');
  const [amount, setAmount] = useState(toDecimalInput(total, currency, locale));
  const [description, setDescription] = useState('');
  const minor = parseDecimalInput(amount, currency, locale);
  const mixed = new Set(invoices.map((i) => i.currency)).size > 1;
  return (
    <FormDialog
      title="Open a dispute"
      submitLabel="Open dispute"
      canSubmit={minor !== null && !mixed}
      onClose={onClose}
      onSubmit={async () => {
        await api.openDispute(customerId, { invoiceIds: invoices.map((i) => i.id), reason, amount: minor ?? undefined, description: description.trim() || null });
        onDone();
      }}
    >
      <Text size={200}>
        {invoices.map((i) => i.number).join(', ')} — open balance {formatMoney(total, currency, locale)}
      </Text>
      {mixed && <Text role="alert">Pick invoices in one currency.</Text>}
      <Field label="Reason" required>
        <Dropdown value={reasons.find((r) => r[0] === reason)?.[1]} selectedOptions={[reason]} onOptionSelect={(_, d) => setReason(d.optionValue as Reason)}>
          {reasons.map(([value, label]) => (
            <Option key={value} value={value}>
              {label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={`Disputed amount (${currency})`} required validationMessage={minor === null ? 'Enter an amount such as 1250.00' : undefined}>
        <Input value={amount} onChange={(_, d) => setAmount(d.value)} inputMode="decimal" />
      </Field>
      <Field label="What is disputed">
        <Textarea value={description} onChange={(_, d) => setDescription(d.value)} resize="vertical" />
      </Field>
    </FormDialog>
  );
}

/** Resolve or reject with a note saying why. */
export function ResolveDisputeDialog({ api, dispute, onDone, onClose }: { api: ApiClient; dispute: TDispute; onDone: () => void; onClose: () => void }) {
  const [status, setStatus] = useState<'resolved' | 'rejected'>('resolved');
  const [note, setNote] = useState('');
  return (
    <FormDialog
      title="Close the dispute"
      submitLabel="Save"
      canSubmit={note.trim().length > 0}
      onClose={onClose}
      onSubmit={async () => {
        await api.resolveDispute(dispute.id, { status, note: note.trim() });
        onDone();
      }}
    >
      <Text size={200}>{dispute.invoices.map((i) => i.number).join(', ')}</Text>
      <RadioGroup value={status} onChange={(_, d) => setStatus(d.value as 'resolved' | 'rejected')} aria-label="Outcome">
        <Radio value="resolved" label="Resolved" />
        <Radio value="rejected" label="Rejected" />
      </RadioGroup>
      <Field label="Resolution note" required>
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
      </Field>
    </FormDialog>
  );
}
