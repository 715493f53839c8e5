/** Payer contacts with their roles; one click makes someone the primary payer. */
import { Badge, Button, Caption1, Link, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TContact } from '@shared/schemas';
import { useCan } from './role';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
  body: { display: 'flex', flexDirection: 'column', minWidth: 0 },
});

const roleNames = { payer: 'Payer', ap: 'Accounts payable', approver: 'Approver', billing: 'Billing', other: 'Other' } as const;

/** Contacts, primary payer first. */
export function ContactList({ contacts, onMakePrimary }: { contacts: TContact[]; onMakePrimary: (c: TContact) => void }) {
  const styles = useStyles();
  const canEdit = useCan('collector');
  if (contacts.length === 0) return null;
  return (
    <section aria-labelledby="contacts-title">
      <Subtitle2 block as="h3" id="contacts-title">
        Contacts
      </Subtitle2>
      <ul className={styles.list}>
        {contacts.map((c) => (
          <li key={c.id} className={styles.item}>
            <div className={styles.body}>
              <Text size={200} weight="semibold">
                {c.name} {c.isPrimaryPayer && <Badge size="small" appearance="tint" color="brand">primary payer</Badge>}
              </Text>
              <Caption1>
                {roleNames[c.role]} · <Link href={`mailto:${c.email}`}>{c.email}</Link>
                {c.phone ? ` · ${c.phone}` : ''}
              </Caption1>
            </div>
            {canEdit && !c.isPrimaryPayer && (
              <Button size="small" appearance="subtle" onClick={() => onMakePrimary(c)} aria-label={`Make ${c.name} the primary payer`}>
                Make primary
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
