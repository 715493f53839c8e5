/** Open invoices, oldest due first: days overdue, balance, predicted pay date; select some to dispute (those already in an open dispute lead to it instead). */
import { Badge, Button, Caption1, Checkbox, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TDispute, TOpenInvoice } from '@shared/schemas';
import { useState } from 'react';
import { formatDate, formatMoney } from './format';
import { useCan } from './role';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  row: { display: 'grid', gridTemplateColumns: 'auto 1fr auto', alignItems: 'start', gap: tokens.spacingHorizontalXS, padding: `${tokens.spacingVerticalXS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  main: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  amount: { textAlign: 'right' },
  late: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  link: { alignSelf: 'start', minWidth: 0, padding: 0, height: 'auto' },
});

interface Props {
  invoices: TOpenInvoice[];
  /** The customer's open disputes: an invoice in one is not disputed again; its dispute is offered. */
  disputes: TDispute[];
  locale: string;
  onDispute: (selected: TOpenInvoice[]) => void;
  onShowDispute: (dispute: TDispute) => void;
}

/** The list; `onDispute` receives the selected invoices. The parent remounts it to clear the selection. */
export function InvoiceList({ invoices, disputes, locale, onDispute, onShowDispute }: Props) {
  const styles = useStyles();
  const canDispute = useCan('collector');
  const disputeOf = (invoiceId: string) => disputes.find((d) => d.status === 'open' && d.invoices.some((x) => x.id === invoiceId));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (id: string, on: boolean) => setSelected((s) => new Set(on ? [...s, id] : [...s].filter((x) => x !== id)));
  if (invoices.length === 0) return null;
  return (
    <section aria-labelledby="invoices-title">
      <Subtitle2 block as="h3" id="invoices-title">
        Open invoices ({invoices.length})
      </Subtitle2>
      <ul className={styles.list}>
        {invoices.map((i) => {
          const dispute = disputeOf(i.id);
          return (
            <li key={i.id} className={styles.row}>
              {canDispute && !dispute ? <Checkbox checked={selected.has(i.id)} onChange={(_, d) => toggle(i.id, Boolean(d.checked))} aria-label={`Select ${i.number}`} /> : <span />}
              <div className={styles.main}>
                <Text weight="semibold" size={200}>
                  {i.number} {(i.disputed || dispute) && <Badge size="small" color="warning" appearance="tint">disputed</Badge>}
                </Text>
                {canDispute && dispute && (
                  <Button size="small" appearance="transparent" className={styles.link} onClick={() => onShowDispute(dispute)} aria-label={`Open the dispute on ${i.number}`}>
                    Open its dispute
                  </Button>
                )}
                <Caption1 className={i.daysPastDue > 0 ? styles.late : styles.muted}>
                  {i.daysPastDue > 0 ? `${i.daysPastDue} days overdue` : `due ${formatDate(i.dueDate, locale)}`}
                </Caption1>
                <Caption1 className={styles.muted} title={i.predictionBasis}>
                  Expected {formatDate(i.predictedPayDate, locale)}
                </Caption1>
              </div>
              <Text size={200} className={styles.amount}>
                {formatMoney(i.balance, i.currency, locale)}
              </Text>
            </li>
          );
        })}
      </ul>
      {canDispute && (
        <Button size="small" disabled={selected.size === 0} onClick={() => onDispute(invoices.filter((i) => selected.has(i.id)))}>
          Dispute selected{selected.size ? ` (${selected.size})` : ''}
        </Button>
      )}
    </section>
  );
}
