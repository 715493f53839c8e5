/** Builds the `onClick.action` of a button: the endpoint's public URL plus signed parameters. */
import { signParameters } from './auth/sign-parameters';
import type { ActionLinker } from './cards/card-types';
import { endpointUrl, GMAIL_ACTIONS } from './endpoints';

/** A linker for one user: every button it makes only works for that user, at that endpoint. */
export function createActionLinker(options: { baseUrl: string; secret: string; userId: string }): ActionLinker {
  return (action, params = {}) => {
    const path = GMAIL_ACTIONS[action];
    return { function: endpointUrl(options.baseUrl, path), parameters: signParameters({ secret: options.secret, path, userId: options.userId }, params) };
  };
}
