import path from 'node:path';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { packageMaker } from '../support/packages';

// A request pipeline in an abstract base class: `dispatch()` checks the request, then hands it to
// `this.handle(req, res)`, which a subclass (maybe in another module) implements by making the
// SDK transport. A `protected` or `private` method only the classes may call is reached only
// through those checks.

const ruleTester = createRuleTester();
const makePackage = packageMaker();

/** The base class, with `checks` before it hands the request on. */
const base = (checks: string) => `import http, { type IncomingMessage, type ServerResponse } from 'node:http';

const ALLOWED_HOSTS = new Set(['127.0.0.1:3000', 'localhost:3000']);

export abstract class BaseHost {
  start(): void {
    http.createServer((req, res) => void this.dispatch(req, res)).listen(3000, '127.0.0.1');
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
${checks}
    await this.handle(req, res);
  }

  protected abstract handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}
`;

const HOST_CHECK = `    if (!ALLOWED_HOSTS.has(req.headers.host ?? '')) {
      res.writeHead(403).end();
      return;
    }`;
const BEARER_CHECK = `    if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) {
      res.writeHead(401).end();
      return;
    }`;

/** The subclass: `handle` (with `access`) hands the request to `serve`, which makes the transport (line 12). */
const subclass = (access = 'protected') => `import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { BaseHost } from './base.js';

export class HttpHost extends BaseHost {
  ${access} async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    await this.serve(req, res);
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res);
  }
}
`;

/** The subclass's module, beside a base class with `checks`. */
function hostBeside(checks: string, access?: string): string {
  const dir = makePackage({ 'src/base.ts': base(checks), 'src/http.ts': subclass(access) });
  return path.join(dir, 'src', 'http.ts');
}

const UNPROTECTED = {
  messageId: 'unprotectedTransport',
  data: { transport: '`StreamableHTTPServerTransport`' },
  line: 12,
  column: 27,
  endLine: 12,
  endColumn: 56,
} as const;

ruleTester.run('require-dns-rebinding-protection: checks in a base class pipeline', dnsRule, {
  valid: [
    { name: 'the base class checks Host', code: subclass(), filename: hostBeside(HOST_CHECK) },
    { name: 'the base class checks a bearer token', code: subclass(), filename: hostBeside(BEARER_CHECK) },
    { name: 'a `private` step of the pipeline', code: subclass('private'), filename: hostBeside(HOST_CHECK) },
  ],
  invalid: [
    {
      name: 'the base class checks nothing',
      code: subclass(),
      filename: hostBeside('    // no check'),
      errors: [UNPROTECTED],
    },
    {
      name: 'a public `handle`, which any code may call',
      code: subclass('public'),
      filename: hostBeside(HOST_CHECK, 'public'),
      errors: [UNPROTECTED],
    },
  ],
});
