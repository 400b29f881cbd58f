import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';

// @rekog/mcp-nest 1.x (src/frameworks/rekog-mcp-nest.ts): `McpModule.forRoot(options)` mounts
// controllers for its SSE and Streamable HTTP endpoints (unless `transport` leaves both out) that
// check neither Host nor Origin; its `guards` (default none) are the only check in front of them.

const ruleTester = createRuleTester();

/** An app module importing `McpModule.forRoot(${options})`; line 7 holds `forRoot`. */
const appModule = (
  options: string,
  imports = "import { McpModule } from '@rekog/mcp-nest';",
): string => `import { Module } from '@nestjs/common';
${imports}
import { NotesTool } from './notes.tool';

@Module({
  imports: [
    McpModule.forRoot(${options}),
  ],
  providers: [NotesTool],
})
export class AppModule {}`;

const NAMED = "{ name: 'notes', version: '1.0.0' }";
const WITH_TYPES = "import { McpModule, McpTransportType } from '@rekog/mcp-nest';";
const GUARDED = "import { McpModule } from '@rekog/mcp-nest';\nimport { ApiKeyGuard } from './api-key.guard';";
const AT = { line: 7, column: 15, endLine: 7, endColumn: 22 };

/**
 * An app module whose `guards` lists `TokenGuard`, declared above it with `canActivate(context)`
 * doing `body`; `forRoot` moves down by the guard's lines and its import's.
 */
function withGuard(body: string): { code: string; at: typeof AT } {
  const guard = `class TokenGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
${body
  .split('\n')
  .map((line) => `    ${line}`)
  .join('\n')}
  }
}
`;
  const code = appModule(
    "{ name: 'notes', version: '1.0.0', guards: [TokenGuard] }",
    "import { McpModule } from '@rekog/mcp-nest';\nimport { CanActivate, ExecutionContext } from '@nestjs/common';",
  ).replace('\n@Module(', `\n${guard}\n@Module(`);
  // The guard's lines, and the second import line.
  const shift = guard.split('\n').length + 1;
  return { code, at: { ...AT, line: AT.line + shift, endLine: AT.endLine + shift } };
}

/** A guard that compares the API key with the configured one, and refuses without it. */
const API_KEY_GUARD = withGuard(
  "return context.switchToHttp().getRequest().headers['x-api-key'] === process.env.API_KEY;",
);
/** A placeholder guard: it lets every request in. */
const PLACEHOLDER_GUARD = withGuard('return true;');
/** A guard that lets every request in while its token is unset. */
const OPTIONAL_GUARD = withGuard(`const expected = process.env.MCP_TOKEN;
if (!expected) return true;
const request = context.switchToHttp().getRequest();
if (request.headers.authorization !== \`Bearer \${expected}\`) throw new UnauthorizedException();
return true;`);

const ASYNC = appModule("{ useFactory: () => ({ name: 'notes', version: '1.0.0' }) }").replace(
  'McpModule.forRoot(',
  'McpModule.forRootAsync(',
);

ruleTester.run('require-dns-rebinding-protection: rekog mcp-nest', dnsRule, {
  valid: [
    {
      name: 'stdio only',
      code: appModule("{ name: 'notes', version: '1.0.0', transport: McpTransportType.STDIO }", WITH_TYPES),
    },
    {
      name: 'guards in front of the controllers: a credential a rebinding page lacks',
      code: appModule("{ name: 'notes', version: '1.0.0', guards: [ApiKeyGuard] }", GUARDED),
    },
    { name: 'a McpModule of another package', code: appModule(NAMED, "import { McpModule } from './mcp.module';") },
    { name: 'a guard of the file that compares the API key with a secret', code: API_KEY_GUARD.code },
  ],
  invalid: [
    {
      name: 'a placeholder guard that lets every request in',
      code: PLACEHOLDER_GUARD.code,
      errors: [{ messageId: 'unprotectedApp', ...PLACEHOLDER_GUARD.at }],
    },
    {
      name: 'a guard that lets every request in while its token is unset',
      code: OPTIONAL_GUARD.code,
      errors: [{ messageId: 'unprotectedApp', ...OPTIONAL_GUARD.at }],
    },
    {
      name: 'a guard that only limits the rate',
      code: appModule(
        "{ name: 'notes', version: '1.0.0', guards: [ThrottlerGuard] }",
        "import { McpModule } from '@rekog/mcp-nest';\nimport { ThrottlerGuard } from '@nestjs/throttler';",
      ),
      errors: [{ messageId: 'unprotectedApp', ...AT, line: 8, endLine: 8 }],
    },
    {
      name: 'the default transports, SSE and Streamable HTTP among them',
      code: appModule(NAMED),
      errors: [
        { messageId: 'unprotectedApp', data: { app: '`McpModule` of @rekog/mcp-nest' }, ...AT, suggestions: [] },
      ],
    },
    {
      name: 'Streamable HTTP named by its value',
      code: appModule("{ name: 'notes', version: '1.0.0', transport: ['streamable-http'] }"),
      errors: [{ messageId: 'unprotectedApp', ...AT }],
    },
    {
      name: 'SSE beside stdio',
      code: appModule(
        "{ name: 'notes', version: '1.0.0', transport: [McpTransportType.STDIO, McpTransportType.SSE] }",
        WITH_TYPES,
      ),
      errors: [{ messageId: 'unprotectedApp', ...AT }],
    },
    {
      name: 'forRootAsync(): its factory cannot leave the HTTP transports out',
      code: ASYNC,
      errors: [{ messageId: 'unprotectedApp', line: 7, column: 15, endColumn: 27 }],
    },
  ],
});

ruleTester.run('require-csrf-token: rekog mcp-nest', csrfRule, {
  valid: [
    {
      name: 'stdio only',
      code: appModule("{ name: 'notes', version: '1.0.0', transport: McpTransportType.STDIO }", WITH_TYPES),
    },
    {
      name: 'a guard in front of the controllers',
      code: appModule("{ name: 'notes', version: '1.0.0', guards: [ApiKeyGuard] }", GUARDED),
    },
    { name: 'forRootAsync(): the guards come from its factory', code: ASYNC },
    { name: 'a guard of the file that compares the API key with a secret', code: API_KEY_GUARD.code },
  ],
  invalid: [
    {
      name: 'a placeholder guard that lets every request in',
      code: PLACEHOLDER_GUARD.code,
      errors: [{ messageId: 'missingCsrfCheck', ...PLACEHOLDER_GUARD.at }],
    },
    {
      name: 'no guards: every controller takes every request',
      code: appModule(NAMED),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: "@rekog/mcp-nest's `McpModule`" },
          ...AT,
          suggestions: [],
        },
      ],
    },
    {
      name: 'an empty guard list',
      code: appModule("{ name: 'notes', version: '1.0.0', guards: [] }"),
      errors: [{ messageId: 'missingCsrfCheck', ...AT }],
    },
  ],
});

// @rekog/mcp-nest 2.x: `new StreamableHttpTransport(options)`, handed to `McpStrategy`, checks
// `Origin` and `Host` only against the lists in `options.security`; with none it checks neither.

/** A 2.x server whose transport is made with `options`; `guard` decorates a controller that takes its route over. */
const STRATEGY = (
  options: string,
  guard = '',
): string => `import { Controller, Module, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { McpHttpControllerFor, McpStrategy, StreamableHttpTransport } from '@rekog/mcp-nest';
import { BearerGuard } from './bearer.guard';
import { NotesTool } from './notes.tool';

const transport = new StreamableHttpTransport(${options});
const strategy = new McpStrategy({ name: 'notes', version: '1.0.0', transports: [transport] });

@Controller('mcp')
${guard}class McpController extends McpHttpControllerFor(transport) {}

@Module({ controllers: [McpController, NotesTool], providers: [BearerGuard] })
class AppModule {}

const app = await NestFactory.create(AppModule);
strategy.setHttpAdapter(app.getHttpAdapter());
app.connectMicroservice({ strategy });
await app.startAllMicroservices();
await app.listen(3000, '127.0.0.1');`;

const SECURITY = "security: { allowedHosts: 'localhost', allowedOrigins: 'localhost' }";

/** The report on STRATEGY's `StreamableHttpTransport`, whose suggestion turns both checks on (`output`). */
const transportReport = (output: string) => ({
  messageId: 'unprotectedTransport' as const,
  data: { transport: '`StreamableHttpTransport`' },
  line: 7,
  column: 23,
  endLine: 7,
  endColumn: 46,
  suggestions: [{ messageId: 'enableProtection' as const, output }],
});

ruleTester.run('require-dns-rebinding-protection: rekog mcp-nest 2.x transports', dnsRule, {
  valid: [
    { name: 'both lists at the localhost names', code: STRATEGY(`{ ${SECURITY} }`) },
    { name: 'a list of hosts', code: STRATEGY("{ security: { allowedHosts: ['notes.localhost'] } }") },
    { name: 'an empty list, which refuses every Host', code: STRATEGY('{ security: { allowedHosts: [] } }') },
    { name: 'a guarded controller takes the route over', code: STRATEGY('', '@UseGuards(BearerGuard)\n') },
  ],
  invalid: [
    {
      name: 'no options',
      code: STRATEGY(''),
      output: null,
      errors: [transportReport(STRATEGY(`{ ${SECURITY} }`))],
    },
    {
      name: 'options without `security`',
      code: STRATEGY('{ statefulMode: true }'),
      output: null,
      errors: [transportReport(STRATEGY(`{ statefulMode: true, ${SECURITY} }`))],
    },
  ],
});

/**
 * A 2.x server whose transport serves its own endpoint (no controller takes it over), made with
 * `options`, `held` in a constant or in place (the transport on line 5 or 8).
 */
const SELF_MOUNTED = (options: string, held = false): string => `import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MCP_STRATEGY, McpStrategy, StreamableHttpTransport } from '@rekog/mcp-nest';

${
  held
    ? `const transport = new StreamableHttpTransport(${options});
const strategy = new McpStrategy({ name: 'notes', version: '1.0.0', transports: [transport] });`
    : `const strategy = new McpStrategy({
  name: 'notes',
  version: '1.0.0',
  transports: [new StreamableHttpTransport(${options})],
});`
}

@Module({ providers: [{ provide: MCP_STRATEGY, useValue: strategy }] })
class AppModule {}

const app = await NestFactory.create(AppModule);
strategy.setHttpAdapter(app.getHttpAdapter());
app.connectMicroservice({ strategy });
await app.startAllMicroservices();
await app.listen(3000, '127.0.0.1');`;

/** The report on a self-mounted transport at `line` and `column` (no fix: the guard is the owner's choice). */
const selfMountedReport = (line: number, column: number) => ({
  messageId: 'missingCsrfCheck' as const,
  data: { route: '`StreamableHttpTransport`' },
  line,
  column,
  endLine: line,
  endColumn: column + 23,
});

ruleTester.run('require-csrf-token: rekog mcp-nest 2.x transports that serve their own endpoint', csrfRule, {
  valid: [
    { name: '`mount: false`: a controller of the project serves it', code: SELF_MOUNTED('{ mount: false }') },
    {
      name: 'a controller made from the transport takes the route over, behind a guard',
      code: STRATEGY('', '@UseGuards(BearerGuard)\n'),
    },
    { name: 'options the file does not show', code: SELF_MOUNTED('transportOptions') },
  ],
  invalid: [
    {
      name: 'made in place in the strategy, with no options',
      code: SELF_MOUNTED(''),
      errors: [selfMountedReport(8, 20)],
    },
    {
      name: 'held by a constant only put in the list, `mount: true`',
      code: SELF_MOUNTED('{ mount: true, statefulMode: true }', true),
      errors: [selfMountedReport(5, 23)],
    },
  ],
});

/**
 * An app module whose `configure()` applies a middleware class to `routes`; `check` is the body of
 * its `use(req, res, next)` before `next()`.
 */
const withMiddleware = (
  check: string,
  routes = "{ path: 'mcp', method: RequestMethod.ALL }",
  options = "{ name: 'notes', version: '1.0.0', transport: [McpTransportType.STREAMABLE_HTTP] }",
): string =>
  `import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { McpModule, McpTransportType } from '@rekog/mcp-nest';
import type { NextFunction, Request, Response } from 'express';

class RequireTokenMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    ${check}
    next();
  }
}

@Module({
  imports: [
    McpModule.forRoot(${options}),
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequireTokenMiddleware).forRoutes(${routes});
  }
}`;

const BEARER_CHECK =
  'if (req.headers.authorization !== `Bearer ${process.env.MCP_TOKEN}`) return void res.status(401).end();';
const HEADER_PRESENT =
  "const workspace = req.headers['x-workspace'];\n    if (typeof workspace !== 'string' || workspace.length === 0) return void res.status(400).end();";
/** `forRoot` with BEARER_CHECK (one line); HEADER_PRESENT takes two. */
const AT_MIDDLEWARE = { line: 14, column: 15, endLine: 14, endColumn: 22 };

ruleTester.run('require-csrf-token: rekog mcp-nest behind middleware the module applies', csrfRule, {
  valid: [
    { name: 'a bearer check applied to `mcp`', code: withMiddleware(BEARER_CHECK) },
    {
      name: 'a custom header a cross-site page cannot send, on every path',
      code: withMiddleware(HEADER_PRESENT, "'*'"),
    },
    {
      name: 'under an `apiPrefix`, applied to every route under it (`v1/*`)',
      code: withMiddleware(BEARER_CHECK, "'v1/*'", "{ name: 'notes', version: '1.0.0', apiPrefix: 'v1' }"),
    },
    {
      name: 'under an `apiPrefix`, applied to the endpoint under it',
      code: withMiddleware(
        BEARER_CHECK,
        "'v1/mcp'",
        "{ name: 'notes', version: '1.0.0', transport: [McpTransportType.STREAMABLE_HTTP], apiPrefix: 'v1' }",
      ),
    },
    {
      name: 'with the default transports, applied to both endpoints that take POST',
      code: withMiddleware(BEARER_CHECK, "'mcp', 'messages'", "{ name: 'notes', version: '1.0.0' }"),
    },
  ],
  invalid: [
    {
      name: 'with the default transports, applied to `mcp` only: the SSE `messages` endpoint is open',
      code: withMiddleware(BEARER_CHECK, "'mcp'", "{ name: 'notes', version: '1.0.0' }"),
      errors: [{ messageId: 'missingCsrfCheck', ...AT_MIDDLEWARE, suggestions: [] }],
    },
    {
      name: 'applied to a path under the endpoint, which Nest matches as written',
      code: withMiddleware(BEARER_CHECK, "'mcp/admin'"),
      errors: [{ messageId: 'missingCsrfCheck', ...AT_MIDDLEWARE, suggestions: [] }],
    },
    {
      name: 'applied to `mcp` where `mcpEndpoint` moved the endpoint',
      code: withMiddleware(
        BEARER_CHECK,
        "'mcp'",
        "{ name: 'notes', version: '1.0.0', transport: [McpTransportType.STREAMABLE_HTTP], mcpEndpoint: 'api/mcp' }",
      ),
      errors: [{ messageId: 'missingCsrfCheck', ...AT_MIDDLEWARE, suggestions: [] }],
    },
    {
      name: 'under an `apiPrefix`, applied to the path without it',
      code: withMiddleware(
        BEARER_CHECK,
        "'mcp'",
        "{ name: 'notes', version: '1.0.0', transport: [McpTransportType.STREAMABLE_HTTP], apiPrefix: 'v1' }",
      ),
      errors: [{ messageId: 'missingCsrfCheck', ...AT_MIDDLEWARE, suggestions: [] }],
    },
    {
      name: 'applied to other routes only',
      code: withMiddleware(BEARER_CHECK, "'api'"),
      errors: [{ messageId: 'missingCsrfCheck', ...AT_MIDDLEWARE, suggestions: [] }],
    },
    {
      name: 'applied to GET only: the POST that calls tools passes',
      code: withMiddleware(BEARER_CHECK, "{ path: 'mcp', method: RequestMethod.GET }"),
      errors: [{ messageId: 'missingCsrfCheck', ...AT_MIDDLEWARE, suggestions: [] }],
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: rekog mcp-nest behind middleware the module applies', dnsRule, {
  valid: [
    {
      name: 'a bearer check applied to `mcp`: a credential a rebinding page lacks',
      code: withMiddleware(BEARER_CHECK),
    },
  ],
  invalid: [
    {
      name: 'the presence of a header, which a rebinding page (same-origin) sends with any value',
      code: withMiddleware(HEADER_PRESENT),
      errors: [{ messageId: 'unprotectedApp', ...AT_MIDDLEWARE, line: 15, endLine: 15, suggestions: [] }],
    },
    {
      name: '`trustCredentialChecks: false` (strict) counts no credential check',
      code: withMiddleware(BEARER_CHECK),
      options: [{ trustCredentialChecks: false }],
      errors: [{ messageId: 'unprotectedApp', ...AT_MIDDLEWARE, suggestions: [] }],
    },
  ],
});
