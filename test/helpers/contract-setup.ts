/** Fails a test for a contract violation its app answered even when the caller swallowed the error (a real listener answers 500 instead). */
import { afterEach } from 'vitest';
import { unclaimedViolations } from './openapi-contract';

afterEach(() => {
  const found = unclaimedViolations.splice(0);
  if (found.length) throw new Error(`Responses broke /v1/openapi.json:\n${found.map((v) => `  ${v.operation} answered ${v.status}: ${v.message}`).join('\n')}`);
});
