/** A stand-in for Google's token issuer: RSA keys made here, the JWKS served over local HTTP, ID tokens signed on demand. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

export interface FakeGoogle {
  jwksUrl: string;
  /** How many times the key set was fetched. */
  fetches: () => number;
  /** A Google-style ID token signed with the served key (or `key` for a forgery). */
  sign: (claims: Record<string, unknown>, options: { audience: string; expired?: boolean; issuer?: string; key?: CryptoKey; kid?: string }) => Promise<string>;
  /** A key Google never published, under the same key id. */
  forgeryKey: CryptoKey;
  close: () => Promise<void>;
}

/** Starts the JWKS server. */
export async function startFakeGoogle(): Promise<FakeGoogle> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const forged = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
  let fetches = 0;
  const server: Server = createServer((req, res) => {
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/oauth2/v3/certs`,
    fetches: () => fetches,
    forgeryKey: forged.privateKey,
    sign: (claims, options) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'test-key-1', typ: 'JWT' })
        .setIssuer(options.issuer ?? 'https://accounts.google.com')
        .setAudience(options.audience)
        .setIssuedAt(options.expired ? now - 7200 : now)
        .setExpirationTime(options.expired ? now - 3600 : now + 300)
        .sign(options.key ?? privateKey);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
