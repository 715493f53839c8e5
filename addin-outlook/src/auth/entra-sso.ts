/**
 * Microsoft Entra single sign-on through MSAL's nested app authentication:
 * Outlook hands the add-in a token for our API without a separate login.
 * Loaded lazily so MSAL is not in the pane's initial JavaScript.
 * @see https://learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in
 */

export interface SsoConfig {
  entraClientId: string | null;
  apiScope: string | null;
}

/** The server's SSO settings (null fields when the organisation has not configured Entra). */
export async function fetchSsoConfig(serverUrl: string): Promise<SsoConfig> {
  try {
    const res = await fetch(`${serverUrl}/outlook/config.json`);
    if (!res.ok) return { entraClientId: null, apiScope: null };
    return (await res.json()) as SsoConfig;
  } catch {
    return { entraClientId: null, apiScope: null };
  }
}

/** A function returning a fresh Entra access token for the Payside API. */
export async function createEntraTokenSource(clientId: string, scope: string): Promise<() => Promise<string>> {
  const { createNestablePublicClientApplication } = await import('@azure/msal-browser');
  const pca = await createNestablePublicClientApplication({ auth: { clientId, authority: 'https://login.microsoftonline.com/common' } });
  return async () => {
    const request = { scopes: [scope], account: pca.getActiveAccount() ?? undefined };
    try {
      return (await pca.acquireTokenSilent(request)).accessToken;
    } catch {
      const result = await pca.acquireTokenPopup({ scopes: [scope] });
      pca.setActiveAccount(result.account);
      return result.accessToken;
    }
  };
}
