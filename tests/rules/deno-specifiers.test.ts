import loopbackRule from '../../src/rules/require-loopback-host';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { loopbackHostSuggestions } from '../support/fix-text';
import { createRuleTester } from '../rule-tester';

// Deno imports packages by `npm:` and `jsr:` specifiers, with a version after the name
// (`npm:hono@4/cors`), and Hono's modules also under their JSR name (`jsr:@hono/hono/cors`): they
// are the same modules as the bare specifiers Node resolves.

const ruleTester = createRuleTester();

const DENO_SERVER = (hono: string, mcp: string): string => `import { Hono } from '${hono}';
import { cors } from '${hono}/cors';
import { StreamableHTTPTransport } from '${mcp}';

const app = new Hono();
app.use('*', cors({ origin: '*' }));
app.all('/mcp', (c) => new StreamableHTTPTransport().handleRequest(c));
Deno.serve({ port: 8001, hostname: '127.0.0.1' }, app.fetch);`;

const SPECIFIERS = [
  ['npm:hono@4', 'npm:@hono/mcp@0.1'],
  ['jsr:@hono/hono@4', 'npm:@hono/mcp'],
  ['jsr:@hono/hono', 'npm:@hono/mcp@^0.1.4'],
] as const;

/** One case per pair of specifiers, each with the one report `report(code)` makes of DENO_SERVER. */
function cases<T>(report: (code: string) => T) {
  return SPECIFIERS.map(([hono, mcp]) => {
    const code = DENO_SERVER(hono, mcp);
    return { name: `${hono} and ${mcp}`, code, output: null, errors: [report(code)] };
  });
}

ruleTester.run('no-wildcard-origin: Deno specifiers', wildcardRule, {
  valid: [],
  invalid: cases((code) => ({
    messageId: 'wildcardOrigin' as const,
    data: { policy: '`hono/cors` with an `origin` that is `*`', credentials: '' },
    line: 6,
    column: 21,
    endLine: 6,
    endColumn: 32,
    suggestions: [
      { messageId: 'denyOrigins' as const, output: code.replace("origin: '*'", 'origin: []') },
      {
        messageId: 'useAllowlist' as const,
        output: code
          .replace('\nconst app', "\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\nconst app")
          .replace("origin: '*'", 'origin: ALLOWED_ORIGINS'),
      },
    ],
  })),
});

ruleTester.run('require-dns-rebinding-protection: Deno specifiers', dnsRule, {
  valid: [],
  invalid: cases((code) => ({
    messageId: 'unprotectedTransport' as const,
    data: { transport: '`StreamableHTTPTransport`' },
    line: 7,
    column: 28,
    endLine: 7,
    endColumn: 51,
    suggestions: [
      {
        messageId: 'enableProtection' as const,
        output: code.replace(
          'new StreamableHTTPTransport()',
          "new StreamableHTTPTransport({ enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:8001', 'localhost:8001'] })",
        ),
      },
    ],
  })),
});

// Deno's standard library before 1.0 served with `serve(handler, options?)` of `std/http/server.ts`
// (by URL, or by JSR name), on `options.hostname ?? '0.0.0.0'`.
const STD_SERVE = (specifier: string, options: string): string => `import { serve } from '${specifier}';
import { handleMcp } from './mcp.ts';

await serve((request: Request) => handleMcp(request)${options});`;

const stdBound = (specifier: string, hostname: string): string =>
  STD_SERVE(specifier, `, { port: 8000, hostname: ${hostname} }`);

ruleTester.run("require-loopback-host: Deno std's serve()", loopbackRule, {
  valid: [
    { name: 'bound to loopback', code: stdBound('https://deno.land/std@0.220.1/http/server.ts', "'127.0.0.1'") },
    { name: "another module's serve() is not std's", code: STD_SERVE('https://deno.land/x/oak@v12.6.1/mod.ts', '') },
  ],
  invalid: [
    {
      name: 'by URL, with options but no hostname',
      code: STD_SERVE('https://deno.land/std@0.220.1/http/server.ts', ', { port: 8000 }'),
      output: null,
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: "`serve()` from Deno's std/http", hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 12,
          suggestions: loopbackHostSuggestions((host) =>
            stdBound('https://deno.land/std@0.220.1/http/server.ts', host),
          ),
        },
      ],
    },
    {
      name: 'by JSR name, with no options: they go after the handler',
      code: STD_SERVE('jsr:@std/http@0.224/server', ''),
      output: null,
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: "`serve()` from Deno's std/http", hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 12,
          suggestions: loopbackHostSuggestions((host) =>
            STD_SERVE('jsr:@std/http@0.224/server', `, { hostname: ${host} }`),
          ),
        },
      ],
    },
  ],
});
