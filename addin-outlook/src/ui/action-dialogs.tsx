/** Record a promise to pay, set a hold, add a note. */
import { Field, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { FormDialog } from './form-dialog';
import { parseDecimalInput, toDecimalInput } from './format';

interface DialogProps {
  api: ApiClient;
  customerId: string;
  onDone: () => void;
  onClose: () => void;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Amount in the customer's currency and the promised date. */
export function PromiseDialog({ api, customerId, currency, locale, onDone, onClose }: DialogProps & { currency: string; locale: string }) {
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const minor = parseDecimalInput(amount, currency, locale);
  return (
    <FormDialog
      title="Record a promise to pay"
      submitLabel="Record promise"
      canSubmit={minor !== null && /^\d{4}-\d{2}-\d{2}$/.test(date)}
      onClose={onClose}
      onSubmit={async () => {
        await api.createPromise(customerId, { amount: minor as number, currency, promisedDate: date, note: note.trim() || null });
        onDone();
      }}
    >
      <Field label={`Amount (${currency})`} required>
        <Input value={amount} onChange={(_, d) => setAmount(d.value)} inputMode="decimal" placeholder={`e.g. ${toDecimalInput(1_250_000, currency, locale)}`} />
      </Field>
      <Field label="Promised payment date" required>
        <Input type="date" min={today()} value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      <Field label="Note">
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
      </Field>
    </FormDialog>
  );
}

/** "Don't chase until …" with the reason. */
export function HoldDialog({ api, customerId, onDone, onClose }: DialogProps) {
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title="Set a hold"
      submitLabel="Set hold"
      canSubmit={/^\d{4}-\d{2}-\d{2}$/.test(until) && reason.trim().length > 0}
      onClose={onClose}
      onSubmit={async () => {
        await api.createHold(customerId, { until, reason: reason.trim() });
        onDone();
      }}
    >
      <Field label="Don't chase until" required>
        <Input type="date" min={today()} value={until} onChange={(_, d) => setUntil(d.value)} />
      </Field>
      <Field label="Reason" required hint="e.g. Renewal in negotiation">
        <Input value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
    </FormDialog>
  );
}

/** A note on the customer (about this thread, when it is logged). */
export function NoteDialog({ api, customerId, threadId, onDone, onClose }: DialogProps & { threadId?: string }) {
  const [body, setBody] = useState('');
  return (
    <FormDialog
      title="Add a note"
      submitLabel="Add note"
      canSubmit={body.trim().length > 0}
      onClose={onClose}
      onSubmit={async () => {
        await api.createNote(customerId, { body: body.trim(), ...(threadId ? { threadId } : {}) });
        onDone();
      }}
    >
      <Field label="Note" required>
        <Textarea value={body} onChange={(_, d) => setBody(d.value)} resize="vertical" rows={4} />
      </Field>
    </FormDialog>
  );
}
