import { CALL, type Adapter, type Entity, type TraceNode } from './types';

/**
 * Test clients that hand an app, the request listener at `argument`, the requests a test makes:
 *
 * - supertest 7 (index.js, lib/test.js `serverAddress` and `end`, lib/agent.js): `request(app)` and
 *   `request.agent(app)` wrap the listener in `http.createServer(app)`, `listen(0)` on a port the
 *   system picks for each request, and close the server when the request ends: the app is served
 *   for the length of one request of the test, at a port only the test knows.
 * - light-my-request 6 (index.js `inject(dispatchFunc, options)`, exported as the module, its
 *   `default` and `inject`): calls the listener with a request and a response it makes itself,
 *   opening no socket (Fastify's `app.inject()` is built on it).
 */
const client: readonly Entity[] = [{ kind: 'test-client', argument: 0 }];
const supertest: TraceNode = { [CALL]: client, agent: { [CALL]: client } };
const inject: TraceNode = { [CALL]: client, inject: { [CALL]: client } };

export const testClientsAdapter: Adapter = {
  name: 'test-clients',
  modules: {
    // A CommonJS module's default import is the module itself (the tracker's 'legacy' mode).
    supertest: { ...supertest, default: supertest },
    'light-my-request': { ...inject, default: inject },
  },
};
