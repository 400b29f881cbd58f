// The fix closes the hole: each vulnerable example server is started and attacked the way a hostile
// web page would attack it through the user's browser, then fixed, rebuilt, started again and
// attacked again. It is fixed two ways: with `eslint --fix` under the `fail-closed` config (each
// rule's fail-closed change as its autofix, as the README says to fix on save), and by taking the
// first suggestion of every report under the examples' own config (where that change is the first
// suggestion). Every request goes to 127.0.0.1.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyFirstSuggestions, examplesDir, root, runEslintCli, useFailClosedConfig } from '../support/e2e';
import {
  LOOPBACK,
  type Reply,
  compileServers,
  jsonRpcMessages,
  listeningAddresses,
  send,
  serveFetchHandler,
  startServer,
  stopAllServers,
} from './servers';

/**
 * The five the issue names, the two SDK helpers, which run the same way, NestJS, two MCP frameworks,
 * and a web fetch handler. Bun, Deno and workerd are missing here, so `web-fetch` runs on Node, its
 * handler served by the harness (`FETCH_HANDLERS`). Not started here: `mcp-handler` (a Next.js
 * route, and Next.js is not installed), which is type-checked with the project
 * (`npm run typecheck`) and linted by the examples test instead; nor `connect-vite`, which runs on
 * Node (`vite --config`) but whose attacks Vite 8 refuses before the example's own code: its CORS
 * middleware answers the hostile origin's preflight without granting it and its Host check refuses
 * a rebound Host, both ahead of any plugin middleware (vite/dist/node/chunks/node.js, where
 * `_createServer` installs them before the `configureServer` hooks), and it binds the `server.host`
 * its config names. The harness's attacks as written would show Vite's checks, not the example's.
 * Nor `bun`, whose `Bun.serve()` needs Bun itself (not installed here; the harness's Node adapter
 * serves one `fetch` handler, not a `routes` table): it is type-checked against Bun's own types
 * (`npm run typecheck`) and linted and fixed by the examples test.
 */
const FRAMEWORKS = [
  'express',
  'node-http',
  'hono',
  'fastify',
  'koa',
  'sdk-v1',
  'sdk-v2',
  'nestjs',
  'fastmcp',
  'mcp-lite',
  'web-fetch',
];

/**
 * Examples that export a web `fetch` handler and start no server: the harness serves the handler
 * through @hono/node-server (`serveFetchHandler()`), always on 127.0.0.1. The harness, not the
 * example, decides where it listens, so its bind is not part of the attack: the fix's `hostname`
 * is for Bun, which reads it from the default export.
 */
const FETCH_HANDLERS = new Set(['web-fetch']);

/**
 * Frameworks that check no Host and have no option to (fastmcp 4.20.16 through mcp-proxy 6.7.19):
 * their fix is the credential check alone, which a rebinding page cannot pass without the token.
 */
const NO_HOST_CHECK = new Set(['fastmcp']);

/**
 * Where the token check lands first, the server refuses every request that lacks it, before any
 * MCP handling: a wildcard CORS policy then lets a page read only that refusal, and
 * `no-wildcard-origin` takes it as harmless (docs/threat-model.md), so taking suggestions one at a
 * time leaves the policy as it was. (With `eslint --fix`, every rule's change lands in one pass.)
 */
const TOKEN_BEFORE_EVERYTHING = new Set(['fastmcp']);

/** Transports that run a JSON-RPC body sent as text/plain (mcp-lite 0.10.0 checks no content type). */
const ACCEPTS_SIMPLE_POST = new Set(['mcp-lite']);

/** The two ways a server is fixed: `eslint --fix` with the `fail-closed` config, or every first suggestion. */
const FIXES = ['eslint --fix with the fail-closed config', 'the first suggestion of every report'] as const;
type Fix = (typeof FIXES)[number];

const EVIL_ORIGIN = 'https://evil.example';
const NOTE = 'Notes live in memory and vanish on restart.';
/** The header the CSRF fix reads its token from. */
const TOKEN_HEADER = 'x-mcp-csrf-token';

const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'attack-test', version: '1.0.0' } },
});
const callTool = (name: 'read_note' | 'delete_note'): string =>
  JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name, arguments: { id: 'welcome' } } });

/** A JSON-RPC POST as an MCP client sends it; a page's fetch() can send the same after a preflight. */
const post = (body: string, headers: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
  body,
});

/**
 * What a form post or a no-cors fetch can send from any page without a preflight: a CORS-safelisted
 * content type, here text/plain carrying the JSON-RPC call to the write tool.
 */
const simplePost = {
  method: 'POST',
  headers: { 'content-type': 'text/plain', accept: 'application/json, text/event-stream', origin: EVIL_ORIGIN },
  body: callTool('delete_note'),
};

/** An MCP client's way to a tool: initialize, then call it, in the session the server opened if it opened one. */
async function runTool(
  port: number,
  tool: 'read_note' | 'delete_note',
  headers: Record<string, string>,
): Promise<Reply> {
  const initialize = await send(port, post(INITIALIZE, headers));
  if (initialize.status !== 200) return initialize;
  const session = initialize.headers['mcp-session-id'];
  return send(
    port,
    post(callTool(tool), typeof session === 'string' ? { ...headers, 'mcp-session-id': session } : headers),
  );
}

/** The text a tool returned, if the reply carries a tool result at all. */
function toolText(reply: Reply): string | undefined {
  for (const message of jsonRpcMessages(reply)) {
    const text = (message as { result?: { content?: { text?: unknown }[] } }).result?.content?.[0]?.text;
    if (typeof text === 'string') return text;
  }
  return undefined;
}

/** Whether a browser lets a page on `origin` read this response (the page sends no credentials). */
function grantsOrigin(reply: Reply, origin: string): boolean {
  const allowed = reply.headers['access-control-allow-origin'];
  return allowed === '*' || allowed === origin;
}

/** Whether a browser, given this preflight response, goes on to send the request (Fetch's CORS-preflight check). */
function preflightAllows(reply: Reply, origin: string, method: string, headers: string[]): boolean {
  const list = (name: string): string[] =>
    String(reply.headers[name] ?? '')
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean);
  const methods = list('access-control-allow-methods');
  const allowedHeaders = list('access-control-allow-headers');
  return (
    reply.status >= 200 &&
    reply.status < 300 &&
    grantsOrigin(reply, origin) &&
    (['GET', 'HEAD', 'POST'].includes(method) || methods.includes(method.toLowerCase()) || methods.includes('*')) &&
    headers.every((header) => allowedHeaders.includes(header) || allowedHeaders.includes('*'))
  );
}

const preflight = (origin: string, headers: string[]) => ({
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers.join(',') },
});

/** The headers the write attack's requests carry beyond the safelisted ones, which is what the preflight asks for. */
const requestedHeaders = (sessions: boolean): string[] =>
  sessions ? ['content-type', 'mcp-session-id'] : ['content-type'];

const isLoopback = (address: string): boolean => /^(?:127\.|::1$|::ffff:7f)/u.test(address);

describe('attacks on the example MCP servers, before and after they are fixed', () => {
  const workDir = path.join(root, '.tmp', `e2e-attacks-${process.pid}`);
  const originalDir = path.join(workDir, 'original', 'examples');
  const fixedDirs: Record<Fix, string> = {
    'eslint --fix with the fail-closed config': path.join(workDir, 'fail-closed', 'examples'),
    'the first suggestion of every report': path.join(workDir, 'suggested', 'examples'),
  };
  /** Each framework's vulnerable server, as node runs it: the original and each fixed copy. */
  const servers = new Map<string, { original: string } & Record<Fix, string>>();

  beforeAll(async () => {
    fs.rmSync(workDir, { recursive: true, force: true });
    fs.cpSync(examplesDir, originalDir, { recursive: true });
    for (const dir of Object.values(fixedDirs)) fs.cpSync(examplesDir, dir, { recursive: true });
    const sources = FRAMEWORKS.map((framework) => {
      const file = fs.readdirSync(path.join(examplesDir, framework)).find((name) => name.startsWith('vulnerable.'));
      if (!file) throw new Error(`no vulnerable server in examples/${framework}`);
      return path.join(framework, file);
    });
    const failClosedDir = fixedDirs['eslint --fix with the fail-closed config'];
    useFailClosedConfig(failClosedDir);
    runEslintCli(failClosedDir, ['--fix', ...sources]);
    const suggestedDir = fixedDirs['the first suggestion of every report'];
    await applyFirstSuggestions(
      suggestedDir,
      sources.map((source) => path.join(suggestedDir, source)),
    );
    // Every report had a fix or a suggestion to take: none is left.
    expect(runEslintCli(suggestedDir, sources).flatMap((result) => result.messages)).toEqual([]);
    const copies = (source: string): string[] =>
      [originalDir, ...Object.values(fixedDirs)].map((dir) => path.join(dir, source));
    const typeScript = sources.filter((source) => /\.[mc]?ts$/u.test(source)).flatMap(copies);
    const built = compileServers(typeScript, workDir, path.join(workDir, 'build'));
    for (const [index, framework] of FRAMEWORKS.entries()) {
      const [original, ...fixed] = copies(sources[index]!);
      for (const [fix, file] of FIXES.map((name, at) => [name, fixed[at]!] as const)) {
        expect(fs.readFileSync(file, 'utf8'), `${fix} changed nothing in ${sources[index]}`).not.toBe(
          fs.readFileSync(original!, 'utf8'),
        );
      }
      const node = (file: string): string => built.get(file) ?? file;
      const runnable = (file: string): string =>
        FETCH_HANDLERS.has(framework) ? serveFetchHandler(node(file)) : node(file);
      servers.set(framework, {
        original: runnable(original!),
        ...(Object.fromEntries(FIXES.map((fix, at) => [fix, runnable(fixed[at]!)])) as Record<Fix, string>),
      });
    }
    // Every framework's server built and fixed two ways: bounded by that work, so the limit is the
    // project's hang guard.
  });
  afterEach(stopAllServers);
  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

  describe.each(FRAMEWORKS)('%s', (framework) => {
    it('as written, lets a hostile page read it, call its tools and rebind its host', async () => {
      const server = await startServer(servers.get(framework)!.original);
      try {
        const { port } = server;
        const sessions = typeof (await send(port, post(INITIALIZE, {}))).headers['mcp-session-id'] === 'string';

        // 1. Cross-origin read: the response grants the hostile origin, so the page reads it.
        const read = await send(port, post(INITIALIZE, { origin: EVIL_ORIGIN }));
        expect.soft(read.status, 'cross-origin read').toBe(200);
        expect.soft(grantsOrigin(read, EVIL_ORIGIN), 'cross-origin read: Access-Control-Allow-Origin').toBe(true);
        expect.soft(read.body, 'cross-origin read: the server answers').toContain('"serverInfo"');

        // 3. DNS rebinding, before 2 deletes the note: evil.example now resolves to 127.0.0.1, so the
        // page is same-origin with the server, needs no CORS at all, and its requests carry its Host.
        const rebound = { host: `evil.example:${port}`, origin: `http://evil.example:${port}` };
        const rebind = await runTool(port, 'read_note', rebound);
        expect.soft(rebind.status, 'DNS rebinding').toBe(200);
        expect.soft(toolText(rebind), 'DNS rebinding: the page reads the note').toBe(NOTE);

        // 2. Cross-origin write. A form or no-cors fetch can only send a CORS-safelisted content type;
        // the SDK transports demand application/json (415) or an initialize first (400), so that
        // simple request cannot reach the tool here ...
        const simple = await send(port, simplePost);
        const simpleRuns = ACCEPTS_SIMPLE_POST.has(framework);
        if (simpleRuns) {
          // ... except where the transport reads the body whatever its content type: there the form
          // post alone runs the write tool, with no preflight and nothing CORS could refuse.
          expect.soft(toolText(simple), 'simple text/plain POST: the tool ran').toBe('Deleted "welcome"');
        } else {
          expect.soft(simple.status, 'simple text/plain POST').toBeGreaterThanOrEqual(400);
          expect.soft(simple.status, 'simple text/plain POST').toBeLessThan(500);
          expect.soft(toolText(await runTool(port, 'read_note', {})), 'the note after the simple POST').toBe(NOTE);
        }
        // ... but the CORS policy lets the page send application/json after a preflight, and that runs it.
        const allowed = await send(port, preflight(EVIL_ORIGIN, requestedHeaders(sessions)));
        expect
          .soft(
            preflightAllows(allowed, EVIL_ORIGIN, 'POST', requestedHeaders(sessions)),
            'preflight from the hostile origin',
          )
          .toBe(true);
        const write = await runTool(port, 'delete_note', { origin: EVIL_ORIGIN });
        expect.soft(write.status, 'cross-origin write').toBe(200);
        expect.soft(grantsOrigin(write, EVIL_ORIGIN), 'cross-origin write: the page reads the result').toBe(true);
        expect
          .soft(toolText(write), 'cross-origin write: the tool ran')
          .toBe(simpleRuns ? 'No note "welcome"' : 'Deleted "welcome"');
        expect
          .soft(toolText(await runTool(port, 'read_note', {})), 'the note after the write')
          .toBe('No note "welcome"');

        const addresses = FETCH_HANDLERS.has(framework) ? undefined : listeningAddresses(port);
        if (addresses)
          expect
            .soft(
              addresses.filter((address) => !isLoopback(address)),
              'listens beyond loopback',
            )
            .not.toEqual([]);
      } finally {
        await server.stop();
      }
    }, 30_000);

    it.each(FIXES)(
      'after %s, refuses each attack and still serves its own client',
      async (fix) => {
        const token = randomBytes(16).toString('hex');
        const server = await startServer(servers.get(framework)![fix], { MCP_CSRF_TOKEN: token });
        try {
          const { port } = server;
          const client = { [TOKEN_HEADER]: token };
          const sessions = typeof (await send(port, post(INITIALIZE, client))).headers['mcp-session-id'] === 'string';

          // 1. Cross-origin read: nothing grants the hostile origin (or, where the policy is left
          // as harmless, the server refuses the request before it answers anything).
          const corsKept = TOKEN_BEFORE_EVERYTHING.has(framework) && fix === 'the first suggestion of every report';
          const read = await send(port, post(INITIALIZE, { origin: EVIL_ORIGIN }));
          if (corsKept) expect.soft(read.status, `cross-origin read: ${read.body}`).toBe(403);
          else
            expect
              .soft(
                grantsOrigin(read, EVIL_ORIGIN),
                `cross-origin read got ${read.status} ${JSON.stringify(read.headers)}`,
              )
              .toBe(false);
          expect.soft(read.body, 'cross-origin read').not.toContain('"serverInfo"');

          // 2. Cross-origin write, without the token the page cannot know.
          const simple = await send(port, simplePost);
          expect.soft(simple.status, `simple text/plain POST: ${simple.body}`).toBe(403);
          const refusedPreflight = await send(port, preflight(EVIL_ORIGIN, requestedHeaders(sessions)));
          if (!corsKept)
            expect
              .soft(
                preflightAllows(refusedPreflight, EVIL_ORIGIN, 'POST', requestedHeaders(sessions)),
                `preflight got ${refusedPreflight.status} ${JSON.stringify(refusedPreflight.headers)}`,
              )
              .toBe(false);
          const write = await runTool(port, 'delete_note', { origin: EVIL_ORIGIN });
          expect.soft(write.status, `cross-origin write: ${write.body}`).toBe(403);
          expect.soft(toolText(write), 'cross-origin write: the tool ran').toBeUndefined();

          // 3. DNS rebinding: the page, now same-origin with the server, still cannot send the token.
          const rebound = { host: `evil.example:${port}`, origin: `http://evil.example:${port}` };
          const rebind = await runTool(port, 'delete_note', rebound);
          expect.soft([403, 421], `DNS rebinding got ${rebind.status}: ${rebind.body}`).toContain(rebind.status);
          expect.soft(toolText(rebind), 'DNS rebinding: the tool ran').toBeUndefined();
          if (fix === 'eslint --fix with the fail-closed config' && !NO_HOST_CHECK.has(framework)) {
            // Fixed in one pass, every rule's change lands, the Host check too: the rebound Host is
            // refused even with the right token. A suggestion taken after the token check may find the
            // endpoint already guarded by a credential a rebinding page cannot send, and add none.
            const withToken = await runTool(port, 'delete_note', { ...rebound, ...client });
            expect
              .soft([403, 421], `DNS rebinding with the token got ${withToken.status}: ${withToken.body}`)
              .toContain(withToken.status);
            expect.soft(toolText(withToken), 'DNS rebinding with the token: the tool ran').toBeUndefined();
          }

          // Its own client (loopback Host, no Origin, the token) still gets through, and the note survived.
          for (const host of [`${LOOPBACK}:${port}`, `localhost:${port}`]) {
            const own = await runTool(port, 'read_note', { host, ...client });
            expect.soft(own.status, `own client via ${host}: ${own.body}`).toBe(200);
            expect.soft(toolText(own), `own client via ${host}`).toBe(NOTE);
          }

          const addresses = FETCH_HANDLERS.has(framework) ? undefined : listeningAddresses(port);
          if (addresses) {
            expect.soft(addresses, 'listening addresses').not.toEqual([]);
            expect
              .soft(
                addresses.filter((address) => !isLoopback(address)),
                'listens beyond loopback',
              )
              .toEqual([]);
          }
        } finally {
          await server.stop();
        }
      },
      30_000,
    );
  });
});
