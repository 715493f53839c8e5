import { getOrgSettings } from '../../../api/src/services/org/get-org-settings';
import { homepageCard } from '../cards/navigation-cards';
import { showCard } from '../cards/responses';
import type { GmailHandler } from './context';

/** Homepage trigger: who is signed in, and customer search. */
export const handleHomepage: GmailHandler = async (_event, ctx) => {
  const org = await getOrgSettings(ctx.db, ctx.principal.orgId);
  return showCard(homepageCard({ name: ctx.principal.name, organization: org.name }, ctx.link));
};
