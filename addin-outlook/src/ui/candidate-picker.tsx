/** Several customers could be this email's: list them with the reasons and let the user pick. */
import { Button, Caption1, Card, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TMatchCandidate } from '@shared/schemas';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyle: 'none' },
  reasons: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

/** The candidate list; picking one shows that customer. */
export function CandidatePicker({ candidates, onPick }: { candidates: TMatchCandidate[]; onPick: (customerId: string) => void }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="picker-title">
      <Subtitle2 block as="h2" id="picker-title">
        Which customer is this?
      </Subtitle2>
      <Text block as="p" size={200}>
        This email could belong to {candidates.length} customers.
      </Text>
      <ul className={styles.list}>
        {candidates.map((c) => (
          <li key={c.customer.id}>
            <Card>
              <Text weight="semibold">{c.customer.name}</Text>
              <ul className={styles.reasons}>
                {c.reasons.map((r) => (
                  <li key={r.text}>
                    <Caption1>{r.text}</Caption1>
                  </li>
                ))}
              </ul>
              <Button size="small" onClick={() => onPick(c.customer.id)} aria-label={`Show ${c.customer.name}`}>
                This one
              </Button>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
