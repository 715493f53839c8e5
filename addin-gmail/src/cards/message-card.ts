/** The contextual card of an open message: the customer, a picker when ambiguous, or the no-match card. */
import type { TContextResponse, TRole } from '@shared/schemas';
import type { ActionLinker, Card } from './card-types';
import { customerCard } from './customer-card';
import { noMatchCard, pickerCard, type Sender } from './navigation-cards';

/** Chooses the card the way the Outlook pane chooses its view. */
export function messageCard(input: { context: TContextResponse; sender: Sender | null; role: TRole; link: ActionLinker }): Card {
  const { context, sender, role, link } = input;
  if (context.match.ambiguous) return pickerCard(context.match.candidates, link, 'message', sender);
  if (!context.panel) return noMatchCard(link, 'message', sender);
  return customerCard({ panel: context.panel, role, link, message: { thread: context.thread, otherCandidates: context.match.candidates } });
}
