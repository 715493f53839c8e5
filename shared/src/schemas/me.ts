/** Who the caller is: the add-ins show it and hide what the role cannot do. */
import { z } from 'zod';
import { ZRole, ZUuid } from './common';

export const ZMe = z
  .object({
    user: z.object({ id: ZUuid, name: z.string(), email: z.string(), role: ZRole }),
    organization: z.object({ id: ZUuid, slug: z.string(), name: z.string(), timeZone: z.string() }),
  })
  .meta({ id: 'Me' });
export type TMe = z.infer<typeof ZMe>;
