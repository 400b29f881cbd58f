import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';

// Cloudflare's Agents SDK (src/frameworks/cloudflare-agents.ts): `McpAgent.serve()`, `serveSSE()`
// and `mount()` answer with `Access-Control-Allow-Origin: corsOptions.origin || '*'`, on the class
// or on the project's subclass of it. No origin value refuses every origin, so there is no fix.

const ruleTester = createRuleTester();

const AGENT = `import { McpAgent } from 'agents/mcp';

export class NotesMCP extends McpAgent {
  async init() {}
}
`;

const POLICY = "`McpAgent.serve()`'s `corsOptions` without `origin` (default `*`)";

const STATELESS = `import { createMcpHandler } from 'agents/mcp/server';
import { McpServer } from '@modelcontextprotocol/server';

const makeServer = () => new McpServer({ name: 'notes', version: '1.0.0' });`;

// A Worker package (its wrangler config) whose agent class lives in a module of its own.
const worker = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-agents-'));
fs.writeFileSync(
  path.join(worker, 'package.json'),
  JSON.stringify({ name: 'notes-agent', dependencies: { agents: '^0.21.0' }, devDependencies: { wrangler: '^4.0.0' } }),
);
fs.writeFileSync(path.join(worker, 'wrangler.jsonc'), '{ "name": "notes-agent", "main": "src/index.ts" }');
fs.mkdirSync(path.join(worker, 'src'));
fs.writeFileSync(path.join(worker, 'src', 'agent.ts'), AGENT);
// A package that ships the same Worker beside a Node entry (Express among its dependencies): the
// module that makes the agent runs only on workerd all the same.
const mixed = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-agents-mixed-'));
fs.writeFileSync(
  path.join(mixed, 'package.json'),
  JSON.stringify({ name: 'notes-mcp', dependencies: { agents: '^0.21.0', express: '^5.1.0' } }),
);
fs.writeFileSync(path.join(mixed, 'wrangler.jsonc'), '{ "name": "notes-agent", "main": "build/worker/index.js" }');
fs.mkdirSync(path.join(mixed, 'src'));
afterAll(() => {
  fs.rmSync(worker, { recursive: true, force: true });
  fs.rmSync(mixed, { recursive: true, force: true });
});
const WORKER_ENTRY = `import { NotesMCP } from './agent';

export default NotesMCP.serve('/mcp');`;

ruleTester.run('no-wildcard-origin: Cloudflare agents', wildcardRule, {
  valid: [
    {
      name: 'the origin of the one client that is trusted',
      code: `${AGENT}
export default NotesMCP.serve('/mcp', { corsOptions: { origin: 'https://notes.example.com' } });`,
    },
    {
      name: 'a subclass that declares a serve() of its own',
      code: `import { McpAgent } from 'agents/mcp';

export class OwnServe extends McpAgent {
  static serve(path: string) {
    return { fetch: () => new Response(path) };
  }
}
export default OwnServe.serve('/mcp');`,
    },
    {
      name: 'a subclass whose statics the analysis cannot read (a computed key, a static block) may declare serve() itself',
      code: `import { McpAgent } from 'agents/mcp';

const SERVE = 'serve';
export class Computed extends McpAgent {
  static [SERVE](path: string) {
    return { fetch: () => new Response(path) };
  }
}
export class Blocked extends McpAgent {
  static {
    Object.assign(this, { serve: (path: string) => ({ fetch: () => new Response(path) }) });
  }
}
export const computed = Computed.serve('/a');
export const blocked = Blocked.serve('/b');`,
    },
    {
      name: 'the stateless createMcpHandler() refuses other sites by their Origin, unless told otherwise',
      code: `${STATELESS}
export const checked = createMcpHandler(makeServer, { corsOptions: { origin: '*' } });
export const pinned = createMcpHandler(makeServer, {
  allowedOriginHostnames: '*',
  corsOptions: { origin: 'https://notes.example.com' },
});
export const off = createMcpHandler(makeServer, { allowedOriginHostnames: '*', corsOptions: false });`,
    },
    {
      name: 'serve() of a class that extends no package class',
      code: `class Registry {
  static serve(path: string) {
    return path;
  }
}
class Local extends Registry {}
export default Local.serve('/mcp');`,
    },
    {
      name: 'a Worker: `*` without credentials gives a page nothing it could not fetch itself (trustRemoteDeployments)',
      filename: path.join(worker, 'src', 'index.ts'),
      code: WORKER_ENTRY,
    },
    {
      name: 'the agent module of a Wrangler package that also serves on Node.js from another entry',
      filename: path.join(mixed, 'src', 'worker.ts'),
      code: `${AGENT}\nexport default NotesMCP.serve('/mcp');`,
    },
  ],
  invalid: [
    {
      name: 'the same Worker, strictly: the subclass declared in another module is followed to McpAgent',
      filename: path.join(worker, 'src', 'index.ts'),
      code: WORKER_ENTRY,
      options: [{ trustRemoteDeployments: false }],
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: POLICY, credentials: '' },
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      name: 'the same module of the mixed package, strictly',
      filename: path.join(mixed, 'src', 'worker.ts'),
      code: `${AGENT}\nexport default NotesMCP.serve('/mcp');`,
      options: [{ trustRemoteDeployments: false }],
      errors: [{ messageId: 'wildcardOrigin', data: { policy: POLICY, credentials: '' }, line: 7, suggestions: [] }],
    },
    {
      name: 'serve() with no corsOptions: `*`, reported without a fix',
      code: `${AGENT}
export default NotesMCP.serve('/mcp', { binding: 'NOTES' });`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: POLICY, credentials: '' },
          line: 7,
          column: 16,
          endLine: 7,
          endColumn: 60,
          suggestions: [],
        },
      ],
    },
    {
      name: "an empty origin is `*` too (`origin || '*'`), on serveSSE(), mount() and the class itself",
      code: `${AGENT}
export const sse = NotesMCP.serveSSE('/sse', { corsOptions: { origin: '' } });
export const legacy = NotesMCP.mount('/legacy');
export const direct = McpAgent.serve('/direct', { corsOptions: { origin: '*' } });`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: "`McpAgent.serve()`'s `corsOptions` with an `origin` it treats as `*`", credentials: '' },
          line: 7,
          suggestions: [],
        },
        { messageId: 'wildcardOrigin', data: { policy: POLICY, credentials: '' }, line: 8, suggestions: [] },
        {
          messageId: 'wildcardOrigin',
          data: { policy: "`McpAgent.serve()`'s `corsOptions` with an `origin` that is `*`", credentials: '' },
          line: 9,
          suggestions: [],
        },
      ],
    },
    {
      name: 'the stateless createMcpHandler() with its Origin check off: the `*` default applies',
      code: `${STATELESS}
export const open = createMcpHandler(makeServer, { allowedOriginHostnames: '*' });`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: {
            policy: "agents' `createMcpHandler()` `corsOptions` without `origin` (default `*`)",
            credentials: '',
          },
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 82,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a subclass of a subclass, imported under another name',
      code: `import { McpAgent as Agent } from 'agents/mcp';

class Base extends Agent {}
class Notes extends Base {}
export default Notes.serve('/mcp');`,
      errors: [{ messageId: 'wildcardOrigin', data: { policy: POLICY, credentials: '' }, line: 5, suggestions: [] }],
    },
  ],
});

/** A fetch handler that checks a bearer token inside the branch of each MCP path (`check`) before it serves. */
const CHECKED_IN_BRANCH = (check: string): string => `${AGENT}
export default {
  async fetch(request: Request, env: { API_TOKEN: string }, ctx: ExecutionContext) {
    const url = new URL(request.url);
    if (url.pathname === '/sse') {
      ${check}
      return NotesMCP.serveSSE('/sse').fetch(request, env, ctx);
    }
    return new Response('Not found', { status: 404 });
  },
};`;

ruleTester.run('no-wildcard-origin: Cloudflare agents behind a check in the path branch', wildcardRule, {
  valid: [
    {
      name: "a bearer check in the path's branch, before the agent serves",
      code: CHECKED_IN_BRANCH(
        "if (request.headers.get('Authorization') !== `Bearer ${env.API_TOKEN}`) return new Response(null, { status: 401 });",
      ),
    },
  ],
  invalid: [
    {
      name: 'a check that only wants the header to be there',
      code: CHECKED_IN_BRANCH("if (!request.headers.get('Authorization')) return new Response(null, { status: 401 });"),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: POLICY, credentials: '' },
          line: 12,
          column: 14,
          suggestions: [],
        },
      ],
    },
  ],
});
