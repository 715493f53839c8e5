/** The caller's role, so the pane only offers what the role may do (the API enforces it too). */
import type { TRole } from '@shared/schemas';
import { createContext, useContext } from 'react';

export const RoleContext = createContext<TRole>('viewer');

/** Whether the current user may do what needs `min`. */
export function useCan(min: TRole): boolean {
  const role = useContext(RoleContext);
  const rank = { viewer: 0, collector: 1, admin: 2 } as const;
  return rank[role] >= rank[min];
}
