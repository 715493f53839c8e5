/** The customer's name, behaviour label with its reason, and active holds. */
import { Badge, Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TCustomerPanel } from '@shared/schemas';
import type { ApiClient } from '../api/client';
import { formatDate } from './format';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  reason: { color: tokens.colorNeutralForeground2 },
});

const labels = {
  new: { text: 'New', color: 'informative' },
  reliable: { text: 'Reliable', color: 'success' },
  'pays-late-predictably': { text: 'Pays late, predictably', color: 'warning' },
  slipping: { text: 'Slipping', color: 'severe' },
  'at-risk': { text: 'At risk', color: 'danger' },
} as const;

/** Name, label and reason, then a banner per active hold. */
export function CustomerHeader({ api, panel, locale, onChanged }: { api: ApiClient; panel: TCustomerPanel; locale: string; onChanged: () => void }) {
  const styles = useStyles();
  const label = labels[panel.status.behaviour.label];
  return (
    <header className={styles.header}>
      <div className={styles.title}>
        <Subtitle1 as="h2">{panel.customer.name}</Subtitle1>
        <Badge appearance="filled" color={label.color}>
          {label.text}
        </Badge>
      </div>
      <Text size={200} className={styles.reason}>
        {panel.status.behaviour.reason}
      </Text>
      {panel.holds.map((hold) => (
        <MessageBar key={hold.id} intent="warning" layout="multiline" aria-label="Hold">
          <MessageBarBody>
            <MessageBarTitle>Don't chase until {formatDate(hold.until, locale)}</MessageBarTitle>
            {hold.reason}
            {hold.setBy ? ` — set by ${hold.setBy.name}` : ''}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void api.clearHold(hold.id).then(onChanged)}>
              Clear hold
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
    </header>
  );
}
