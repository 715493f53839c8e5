/**
 * The app every API and Gmail test builds: `createApp` of api/src/app.ts with each response of a /v1
 * operation checked against the app's own OpenAPI document (openapi-contract.ts), so the document
 * cannot drift from what the API answers. Tests import `createApp` from here, never from api/src/app
 * directly (test/api/openapi-contract.test.ts keeps it so).
 */
import { createApp as createApiApp, type AppDeps } from '../../api/src/app';
import { checkResponsesOf, type CheckOptions } from './openapi-contract';

/** `createApp` whose responses are checked against /v1/openapi.json (a violation fails the request's test). */
export function createApp(deps: AppDeps, options?: CheckOptions): ReturnType<typeof createApiApp> {
  return checkResponsesOf(createApiApp(deps), options);
}
