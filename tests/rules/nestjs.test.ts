import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import loopbackRule from '../../src/rules/require-loopback-host';
import reflectedRule from '../../src/rules/no-reflected-origin';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import path from 'node:path';
import { createRuleTester, failClosedFix } from '../rule-tester';
import { guard, missingCheck, tokenHelpers } from '../support/fix-text';
import { nestPackages } from '../support/nest';

// NestJS (src/frameworks/nestjs.ts): `NestFactory.create()` makes an app whose `listen()` binds as
// the platform's does (Node's default on Express, localhost on Fastify), whose `enableCors()` and
// `cors` option are the `cors` package with its defaults, and whose `@Header()` decorator sets a
// response header.

const ruleTester = createRuleTester();

const APP_MODULE = "import { AppModule } from './app.module';";

/** A `@Post('register')` with a `*` header whose `@Body()` the method reads `field` of. */
const REGISTER_CONTROLLER = (field: string): string => `import { Body, Controller, Header, Post } from '@nestjs/common';

@Controller('oauth')
export class RegisterController {
  @Post('register')
  @Header('Access-Control-Allow-Origin', '*')
  register(@Body() body: { ${field}?: string[] }) {
    return { client_id: 'public-client', ${field}: body.${field} ?? [] };
  }
}`;

ruleTester.run('no-wildcard-origin: NestJS', wildcardRule, {
  valid: [
    {
      name: 'enableCors() with a constant allowlist, and the `cors` option turned off',
      code: `import { NestFactory } from '@nestjs/core';
${APP_MODULE}
const app = await NestFactory.create(AppModule, { cors: false });
app.enableCors({ origin: ['https://app.example.com'] });`,
    },
    {
      name: 'a method named enableCors on something that is not a NestJS app',
      code: `const registry = { enableCors() {} };
registry.enableCors();`,
    },
    {
      name: '@Header() of another package, and a NestJS @Header() for another header',
      code: `import { Header as Column } from 'some-orm';
import { Controller, Header, Post } from '@nestjs/common';
@Controller('mcp')
export class McpController {
  @Post()
  @Header('Cache-Control', 'no-store')
  @Column('Access-Control-Allow-Origin', '*')
  handle() {
    return 'ok';
  }
}`,
    },
    {
      name: "@Header('Access-Control-Allow-Origin', '*') on OAuth metadata routes, public by design",
      code: `import { Controller, Get, Header, Options } from '@nestjs/common';
@Controller('.well-known')
export class MetadataController {
  @Get(['oauth-protected-resource', 'oauth-protected-resource/*path'])
  @Header('Access-Control-Allow-Origin', '*')
  metadata() {
    return { resource: 'https://mcp.example.com' };
  }

  @Options('oauth-authorization-server')
  @Header('Access-Control-Allow-Origin', '*')
  preflight() {}
}`,
    },
    {
      name: "@Header('Access-Control-Allow-Origin', '*') on an OAuth client registration: its `@Body()` holds `redirect_uris`",
      code: REGISTER_CONTROLLER('redirect_uris'),
    },
  ],
  invalid: failClosedFix([
    {
      name: '`cors: true` in NestFactory.create() is enableCors() with the defaults: `*`',
      code: `import { NestFactory } from '@nestjs/core';
${APP_MODULE}

async function bootstrap() {
  const app = await NestFactory.create(AppModule, { cors: true });
  await app.listen(3000, '127.0.0.1');
}
void bootstrap();`,
      output: `import { NestFactory } from '@nestjs/core';
${APP_MODULE}

async function bootstrap() {
  const app = await NestFactory.create(AppModule, { cors: { origin: false } });
  await app.listen(3000, '127.0.0.1');
}
void bootstrap();`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: 'NestJS `cors` option without `origin` (default `*`)', credentials: '' },
          line: 5,
          column: 53,
          endLine: 5,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import { NestFactory } from '@nestjs/core';
${APP_MODULE}

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

async function bootstrap() {
  const app = await NestFactory.create(AppModule, { cors: { origin: ALLOWED_ORIGINS } });
  await app.listen(3000, '127.0.0.1');
}
void bootstrap();`,
            },
          ],
        },
      ],
    },
    {
      name: "enableCors({ origin: '*', credentials: true }) on an awaited app",
      code: `import { NestFactory } from '@nestjs/core';
${APP_MODULE}
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: '*', credentials: true });`,
      output: `import { NestFactory } from '@nestjs/core';
${APP_MODULE}
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: false, credentials: true });`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: {
            policy: 'NestJS `enableCors()` with an `origin` that is `*`',
            credentials: '',
          },
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import { NestFactory } from '@nestjs/core';
${APP_MODULE}

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const app = await NestFactory.create(AppModule);
app.enableCors({ origin: ALLOWED_ORIGINS, credentials: true });`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-wildcard-origin: NestJS, by default', wildcardRule, {
  valid: [],
  invalid: [
    {
      name: 'enableCors() with no options: the deny value is the first suggestion',
      code: `import { NestFactory } from '@nestjs/core';
${APP_MODULE}
const app = await NestFactory.create(AppModule);
app.enableCors();`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: 'NestJS `enableCors()` without `origin` (default `*`)', credentials: '' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'denyOrigins',
              output: `import { NestFactory } from '@nestjs/core';
${APP_MODULE}
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: false });`,
            },
            {
              messageId: 'useAllowlist',
              output: `import { NestFactory } from '@nestjs/core';
${APP_MODULE}

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const app = await NestFactory.create(AppModule);
app.enableCors({ origin: ALLOWED_ORIGINS });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a route with a public path and one that is not',
      code: `import { Controller, Get, Header } from '@nestjs/common';
@Controller()
export class MetadataController {
  @Get(['.well-known/oauth-protected-resource', 'tools'])
  @Header('Access-Control-Allow-Origin', '*')
  metadata() {
    return {};
  }
}`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 5,
          column: 4,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `import { Controller, Get, Header } from '@nestjs/common';

const ALLOWED_ORIGIN = 'https://app.example.com';

@Controller()
export class MetadataController {
  @Get(['.well-known/oauth-protected-resource', 'tools'])
  @Header('Access-Control-Allow-Origin', ALLOWED_ORIGIN)
  metadata() {
    return {};
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a POST route that reads no parameter of an OAuth client request',
      code: REGISTER_CONTROLLER('webhook_url'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 6,
          column: 4,
          endLine: 6,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: REGISTER_CONTROLLER('webhook_url')
                .replace(
                  "'@nestjs/common';\n",
                  "'@nestjs/common';\n\nconst ALLOWED_ORIGIN = 'https://app.example.com';\n",
                )
                .replace(
                  "@Header('Access-Control-Allow-Origin', '*')",
                  "@Header('Access-Control-Allow-Origin', ALLOWED_ORIGIN)",
                ),
            },
          ],
        },
      ],
    },
    {
      name: "@Header('Access-Control-Allow-Origin', '*'): the constant goes above the class's decorators",
      code: `import { Controller, Header, Post } from '@nestjs/common';

@Controller('mcp')
export class McpController {
  @Post()
  @Header('Access-Control-Allow-Origin', '*')
  handle() {
    return 'ok';
  }
}`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          line: 6,
          column: 4,
          endLine: 6,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `import { Controller, Header, Post } from '@nestjs/common';

const ALLOWED_ORIGIN = 'https://app.example.com';

@Controller('mcp')
export class McpController {
  @Post()
  @Header('Access-Control-Allow-Origin', ALLOWED_ORIGIN)
  handle() {
    return 'ok';
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-reflected-origin: NestJS', reflectedRule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'enableCors({ origin: true }) echoes every origin',
      code: `import { NestFactory } from '@nestjs/core';
${APP_MODULE}
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: true });`,
      output: `import { NestFactory } from '@nestjs/core';
${APP_MODULE}
const app = await NestFactory.create(AppModule);
app.enableCors({ origin: false });`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: 'NestJS `enableCors()` with `origin: true`', credentials: '' },
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import { NestFactory } from '@nestjs/core';
${APP_MODULE}

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const app = await NestFactory.create(AppModule);
app.enableCors({ origin: ALLOWED_ORIGINS });`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('require-loopback-host: NestJS', loopbackRule, {
  valid: [
    {
      name: 'a loopback host on Express, and no host on Fastify (which binds localhost)',
      code: `import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
${APP_MODULE}
const app = await NestFactory.create(AppModule);
await app.listen(3000, '127.0.0.1');
const fastifyApp = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), { cors: true });
await fastifyApp.listen(3000);`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'listen(port) on Express binds every interface; a string-or-number port keeps its type',
      code: `import { NestFactory } from '@nestjs/core';
${APP_MODULE}
const app = await NestFactory.create(AppModule);
await app.listen(process.env.PORT ?? 3000);`,
      output: `import { NestFactory } from '@nestjs/core';
${APP_MODULE}
const app = await NestFactory.create(AppModule);
await app.listen(process.env.PORT ?? 3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'defaultHost',
          data: { api: '`app.listen()` of NestJS', hostLabel: 'host', binding: "Node's default is `::`" },
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import { NestFactory } from '@nestjs/core';
${APP_MODULE}
const app = await NestFactory.create(AppModule);
await app.listen(process.env.PORT ?? 3000, process.env.HOST ?? '127.0.0.1');`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { NestFactory } from '@nestjs/core';
${APP_MODULE}
const app = await NestFactory.create(AppModule);
await app.listen(process.env.PORT ?? 3000, '::1');`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { NestFactory } from '@nestjs/core';
${APP_MODULE}
const app = await NestFactory.create(AppModule);
await app.listen(process.env.PORT ?? 3000, 'localhost');`,
            },
          ],
        },
      ],
    },
    {
      name: "'0.0.0.0' on the Fastify platform",
      code: `import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
${APP_MODULE}
const app = await NestFactory.create(AppModule, new FastifyAdapter());
await app.listen(3000, '0.0.0.0');`,
      output: `import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
${APP_MODULE}
const app = await NestFactory.create(AppModule, new FastifyAdapter());
await app.listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`app.listen()` of NestJS on Fastify', hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useHostFromEnvironment',
              output: `import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
${APP_MODULE}
const app = await NestFactory.create(AppModule, new FastifyAdapter());
await app.listen(3000, process.env.HOST ?? '127.0.0.1');`,
            },
            {
              messageId: 'useIpv6Loopback',
              output: `import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
${APP_MODULE}
const app = await NestFactory.create(AppModule, new FastifyAdapter());
await app.listen(3000, '::1');`,
            },
            {
              messageId: 'useLocalhost',
              output: `import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
${APP_MODULE}
const app = await NestFactory.create(AppModule, new FastifyAdapter());
await app.listen(3000, 'localhost');`,
            },
          ],
        },
      ],
    },
  ]),
});

const CONTROLLER = (
  guard: string,
  body = '',
): string => `import { Controller, Post, Req, Res${guard ? ', UseGuards' : ''} } from '@nestjs/common';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Request, Response } from 'express';

@Controller('api')${guard}
export class McpController {
  @Post('mcp')
  async handle(@Req() req: Request, @Res() res: Response): Promise<void> {${body}
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res, req.body);
  }
}`;

/**
 * CONTROLLER with the fix's token check, and what it needs above the class; with `guard` (see
 * `guardedBy`), the declarations go after the guard, right before the class.
 */
function controllerFixed(bearer: boolean, guard?: { code: string; use: string }): string {
  const [exception, check, header] = bearer
    ? ['UnauthorizedException', 'hasValidBearerToken', 'authorization']
    : ['ForbiddenException', 'hasValidCsrfToken', 'x-mcp-csrf-token'];
  const code = CONTROLLER(
    guard ? `\n@UseGuards(${guard.use})` : '',
    `
    if (!${check}(req.headers['${header}'])) {
      throw new ${exception}('Missing or invalid credentials for this MCP server');
    }`,
  );
  if (guard) {
    return code
      .replace('Req, Res, UseGuards }', `Req, Res, UseGuards, ${exception} }`)
      .replace("from 'express';\n", `from 'express';\n\n${guard.code}\n\n${tokenHelpers({ bearer })}\n`);
  }
  return code
    .replace('Req, Res }', `Req, Res, ${exception} }`)
    .replace("from 'express';\n", `from 'express';\n\n${tokenHelpers({ bearer })}\n`);
}

/** CONTROLLER guarded by `@UseGuards(${use})` on the class, with `guard` declared above the class. */
const guardedBy = (guard: string, use: string): string =>
  CONTROLLER(`\n@UseGuards(${use})`).replace("from 'express';\n", `from 'express';\n\n${guard}\n`);

const PLACEHOLDER_GUARD = `class OpenGuard {
  canActivate(): boolean {
    console.log('guard: every request passes for now');
    return true;
  }
}`;
const TOKEN_GUARD = `class TokenGuard {
  canActivate(context: { switchToHttp(): { getRequest(): Request } }): boolean {
    return context.switchToHttp().getRequest().headers['x-api-key'] === process.env.API_KEY;
  }
}`;
const HELPER_GUARD = `class TokenGuard {
  canActivate(context: { switchToHttp(): { getRequest(): Request } }): boolean {
    console.log('checking the API key');
    assertApiKey(context.switchToHttp().getRequest());
    return true;
  }
}`;
const THROWING_GUARD = `class TokenGuard {
  async canActivate(context: { switchToHttp(): { getRequest(): Request } }): Promise<boolean> {
    if (!context.switchToHttp().getRequest().headers.authorization) throw new Error('Unauthorized');
    return true;
  }
}`;

const PRESENCE_GUARD = `class WorkspaceGuard {
  canActivate(context: { switchToHttp(): { getRequest(): Request } }): boolean {
    const workspace = context.switchToHttp().getRequest().headers['x-workspace'];
    return typeof workspace === 'string' && workspace.length > 0;
  }
}`;

/** The DNS-rebinding report on CONTROLLER's transport. */
const CONTROLLER_TRANSPORT = {
  messageId: 'unprotectedTransport' as const,
  data: { transport: '`StreamableHTTPServerTransport`' },
  suggestions: [],
};

ruleTester.run('require-dns-rebinding-protection: NestJS controllers a guard runs before', dnsRule, {
  valid: [
    {
      name: "a guard class on @nestjs/passport's `AuthGuard('jwt')`, with no `canActivate` of its own",
      code: guardedBy(
        "import { AuthGuard } from '@nestjs/passport';\nclass JwtAuthGuard extends AuthGuard('jwt') {}",
        'JwtAuthGuard',
      ),
    },
    {
      name: 'one whose `canActivate` lets public routes through and ends in the superclass',
      code: guardedBy(
        `import { AuthGuard } from '@nestjs/passport';
class JwtAuthGuard extends AuthGuard('jwt') {
  canActivate(context: { getHandler(): unknown }) {
    if (isPublic(context.getHandler())) return true;
    return super.canActivate(context);
  }
}`,
        'JwtAuthGuard',
      ),
    },
    { name: 'a guard on the class', code: CONTROLLER('\n@UseGuards(TokenGuard)') },
    { name: 'a guard class that compares a header', code: guardedBy(TOKEN_GUARD, 'TokenGuard') },
    {
      name: 'a guard on the method',
      code: CONTROLLER('')
        .replace('Req, Res }', 'Req, Res, UseGuards }')
        .replace("  @Post('mcp')", "  @Post('mcp')\n  @UseGuards(TokenGuard)"),
    },
  ],
  invalid: [
    {
      name: 'a placeholder guard that lets every request through',
      code: guardedBy(PLACEHOLDER_GUARD, 'OpenGuard'),
      output: null,
      errors: [{ ...CONTROLLER_TRANSPORT, line: 17, column: 27, endLine: 17, endColumn: 56 }],
    },
    {
      name: 'a passport guard whose `handleRequest` lets a request with no user through (an optional JWT)',
      code: guardedBy(
        `import { AuthGuard } from '@nestjs/passport';
class OptionalJwtGuard extends AuthGuard('jwt') {
  handleRequest(error: unknown, user: unknown) {
    return user;
  }
}`,
        'OptionalJwtGuard',
      ),
      output: null,
      errors: [{ ...CONTROLLER_TRANSPORT, line: 17, column: 27, endLine: 17, endColumn: 56 }],
    },
    {
      name: 'a rate limiter checks no credential',
      code: CONTROLLER('\n@UseGuards(ThrottlerGuard)'),
      output: null,
      errors: [{ ...CONTROLLER_TRANSPORT, line: 10, column: 27, endLine: 10, endColumn: 56 }],
    },
    {
      name: 'a guard that only wants a header there: a rebinding page sends it with any value',
      code: guardedBy(PRESENCE_GUARD, 'WorkspaceGuard'),
      output: null,
      errors: [{ ...CONTROLLER_TRANSPORT, line: 17, column: 27, endLine: 17, endColumn: 56 }],
    },
    {
      name: 'no guard',
      code: CONTROLLER(''),
      output: null,
      errors: [{ ...CONTROLLER_TRANSPORT, line: 9, column: 27, endLine: 9, endColumn: 56 }],
    },
    {
      name: '`trustCredentialChecks: false` (strict) counts no guard',
      code: CONTROLLER('\n@UseGuards(TokenGuard)'),
      options: [{ trustCredentialChecks: false }],
      output: null,
      errors: [{ ...CONTROLLER_TRANSPORT, line: 10, column: 27, endLine: 10, endColumn: 56 }],
    },
  ],
});

ruleTester.run('require-csrf-token: NestJS controllers', csrfRule, {
  valid: [
    { name: 'a guard on the class', code: CONTROLLER('\n@UseGuards(TokenGuard)') },
    { name: 'a guard class that compares a header', code: guardedBy(TOKEN_GUARD, 'TokenGuard') },
    { name: 'a guard class that throws, else returns true', code: guardedBy(THROWING_GUARD, 'TokenGuard') },
    { name: 'a guard class that calls a helper, which may throw', code: guardedBy(HELPER_GUARD, 'TokenGuard') },
    {
      name: 'a placeholder guard beside a guard the code does not show',
      code: guardedBy(PLACEHOLDER_GUARD, 'OpenGuard, TokenGuard'),
    },
    { name: 'the check the fix writes, at the top of the method', code: controllerFixed(false) },
    {
      name: 'a @Get() method, and a @Post() that serves no MCP',
      code: `import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Request, Response } from 'express';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
@Controller('mcp')
export class McpController {
  @Get()
  async stream(@Req() req: Request, @Res() res: Response): Promise<void> {
    await transport.handleRequest(req, res);
  }
  @Post('feedback')
  save(): string {
    return 'ok';
  }
}`,
    },
  ],
  invalid: [
    ...(
      [
        ['a guard class whose canActivate returns true', PLACEHOLDER_GUARD, 'OpenGuard'],
        [
          'a guard made with new, resolving true',
          PLACEHOLDER_GUARD.replace('): boolean {', '): Promise<boolean> {').replace(
            'return true;',
            'return Promise.resolve(true);',
          ),
          'new OpenGuard()',
        ],
        [
          'a guard object whose canActivate returns true',
          'const openGuard = { canActivate: () => true };',
          'openGuard',
        ],
      ] as const
    ).map(([name, guard, use]) => ({
      name,
      code: guardedBy(guard, use),
      errors: [
        {
          messageId: 'missingCsrfCheck' as const,
          data: { route: '`POST /api/mcp`' },
          line: 9 + guard.split('\n').length,
          column: 4,
          suggestions: [
            {
              messageId: 'requireTokenHeader' as const,
              data: { header: '`x-mcp-csrf-token`' },
              output: controllerFixed(false, { code: guard, use }),
            },
            { messageId: 'useBearerToken' as const, output: controllerFixed(true, { code: guard, use }) },
          ],
        },
      ],
    })),
    {
      name: 'a @Post() method that hands the request to an MCP transport',
      code: CONTROLLER(''),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /api/mcp`' },
          line: 7,
          column: 4,
          endLine: 7,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: controllerFixed(false),
            },
            { messageId: 'useBearerToken', output: controllerFixed(true) },
          ],
        },
      ],
    },
  ],
});

/** An MCP route on the express app under a NestJS application, with `guard` before its handler. */
const UNDER_NEST = (guard = ''): string => `import { NestFactory } from '@nestjs/core';
import type { Express } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { AppModule } from './app.module';

const app = await NestFactory.create(AppModule);
const server = app.getHttpAdapter().getInstance() as Express;
server.post('/mcp', ${guard}async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
await app.listen(4000, '127.0.0.1');`;

/** `UNDER_NEST` with the check the fix writes, for the token header or the bearer token. */
function underNestFixed(bearer: boolean): string {
  return UNDER_NEST(guard('express', bearer)).replace('server.post(', `\n${tokenHelpers({ bearer })}\n\nserver.post(`);
}

ruleTester.run('require-csrf-token: the express app under a NestJS application', csrfRule, {
  valid: [
    {
      name: 'under a FastifyAdapter held in a constant, a Fastify app: its onRequest hook checks the token',
      code: `import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { AppModule } from './app.module';

const adapter = new FastifyAdapter({ logger: true });
const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter);
const fastify = app.getHttpAdapter().getInstance();
fastify.addHook('onRequest', async (request, reply) => {
  if (request.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) return reply.code(401).send();
});
fastify.post('/mcp', async (request, reply) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(request.raw, reply.raw, request.body);
});
await app.listen(3000, '127.0.0.1');`,
    },
    {
      name: 'an application that mounts middleware of its own (`app.use(requireToken)`) is left unknown',
      code: UNDER_NEST()
        .replace('const server = app.getHttpAdapter()', 'app.use(requireToken);\nconst server = app.getHttpAdapter()')
        .replace(
          "import { AppModule } from './app.module';",
          "import { AppModule } from './app.module';\nimport { requireToken } from './auth';",
        ),
    },
  ],
  invalid: [
    {
      name: '`app.getHttpAdapter().getInstance()` is the express app NestJS wraps: its routes are read',
      code: UNDER_NEST(),
      output: null,
      errors: [missingCheck('`POST /mcp`', [8, 1, 8, 12], underNestFixed)],
    },
  ],
});

/**
 * A controller that hands the request to a provider Nest injects by its class; `decorator` marks
 * the provider (`@Injectable()`, or nothing). `fixed` adds the fix's check to the controller.
 */
const DELEGATING_CONTROLLER = (
  decorator: string,
  fixed?: boolean,
): string => `import { Controller, Injectable, Post, Req, Res${
  fixed ? ', ForbiddenException' : ''
} } from '@nestjs/common';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Request, Response } from 'express';

${decorator}export class McpService {
  async handle(req: Request, res: Response): Promise<void> {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res, req.body);
  }
}
${fixed ? `\n${tokenHelpers()}\n` : ''}
@Controller('api')
export class McpController {
  constructor(private readonly mcp: McpService) {}

  @Post('mcp')
  async post(@Req() req: Request, @Res() res: Response): Promise<void> {${
    fixed
      ? `
    if (!hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
      throw new ForbiddenException('Missing or invalid credentials for this MCP server');
    }`
      : ''
  }
    await this.mcp.handle(req, res);
  }
}`;

ruleTester.run('require-csrf-token: NestJS controllers that hand the request to a provider', csrfRule, {
  valid: [
    {
      name: 'a parameter typed with a class that is no provider: what it holds is not known',
      code: DELEGATING_CONTROLLER(''),
    },
  ],
  invalid: [
    {
      name: 'the provider Nest injects by its class serves MCP: the controller method is the endpoint',
      code: DELEGATING_CONTROLLER('@Injectable()\n'),
      output: null,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /api/mcp`' },
          line: 17,
          column: 4,
          endLine: 17,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: DELEGATING_CONTROLLER('@Injectable()\n', true),
            },
            {
              messageId: 'useBearerToken',
              output: DELEGATING_CONTROLLER('@Injectable()\n', true)
                .replace(/ForbiddenException/gu, 'UnauthorizedException')
                .replace(tokenHelpers(), tokenHelpers({ bearer: true }))
                .replace(
                  "hasValidCsrfToken(req.headers['x-mcp-csrf-token'])",
                  "hasValidBearerToken(req.headers['authorization'])",
                ),
            },
          ],
        },
      ],
    },
  ],
});

/** A controller that answers MCP's JSON-RPC by hand through a service of the file; `decorators` go on the method. */
const HAND_WRITTEN_CONTROLLER = (
  decorators = '',
  check = '',
): string => `import { Body, Controller, Headers, Injectable, Post, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

@Injectable()
export class RpcService {
  answer(message: { id: number; method: string }): unknown {
    if (message.method === 'tools/list') return { jsonrpc: '2.0', id: message.id, result: { tools: [] } };
    return { jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } };
  }
}

@Controller('mcp')
export class McpController {
  constructor(private readonly rpc: RpcService) {}

  @Post()${decorators}
  handle(@Body() message: { id: number; method: string }, @Headers('host') host: string): unknown {${check}
    return this.rpc.answer(message);
  }
}`;

ruleTester.run('require-dns-rebinding-protection: a NestJS controller that answers MCP by hand', dnsRule, {
  valid: [
    { name: 'behind a guard that authenticates', code: HAND_WRITTEN_CONTROLLER("\n  @UseGuards(AuthGuard('jwt'))") },
    {
      name: 'the method refuses a Host that is not local',
      code: HAND_WRITTEN_CONTROLLER(
        '',
        "\n    if (!['localhost:3000', '127.0.0.1:3000'].includes(host)) throw new ForbiddenException();",
      ).replace('Body, Controller,', 'Body, Controller, ForbiddenException,'),
    },
  ],
  invalid: [
    {
      name: 'no guard, no check of Host or Origin',
      code: HAND_WRITTEN_CONTROLLER(),
      errors: [
        {
          messageId: 'unprotectedApp',
          data: { app: '`@Post()` method of a NestJS controller' },
          line: 16,
          column: 4,
          endLine: 16,
          endColumn: 10,
        },
      ],
    },
  ],
});

/**
 * DELEGATING_CONTROLLER's provider, with `check` before (or, with `after`, after) the controller
 * hands the request on.
 */
const CHECKED_DELEGATION = (check: string, after = false): string =>
  DELEGATING_CONTROLLER('@Injectable()\n')
    .replace('Res }', 'Res, ForbiddenException, UnauthorizedException }')
    .replace(
      '    await this.mcp.handle(req, res);',
      after
        ? `    await this.mcp.handle(req, res);\n    ${check}`
        : `    ${check}\n    await this.mcp.handle(req, res);`,
    );

const LOCAL_HOST_CHECK =
  "if (!['localhost:3000', '127.0.0.1:3000'].includes(req.headers.host ?? '')) throw new ForbiddenException();";

/** The DNS-rebinding report on DELEGATING_CONTROLLER's transport, in the provider. */
const PROVIDER_TRANSPORT = { ...CONTROLLER_TRANSPORT, line: 8, column: 27, endLine: 8, endColumn: 56 };

ruleTester.run('require-dns-rebinding-protection: NestJS controllers that hand the request to a provider', dnsRule, {
  valid: [
    {
      name: "the controller checks a token before it hands the request on (require-csrf-token's fix)",
      code: DELEGATING_CONTROLLER('@Injectable()\n', true),
    },
    {
      name: 'the controller refuses a Host that is not local before it hands the request on',
      code: CHECKED_DELEGATION(LOCAL_HOST_CHECK),
    },
    {
      name: 'a Host check counts without `trustCredentialChecks` too',
      code: CHECKED_DELEGATION(LOCAL_HOST_CHECK),
      options: [{ trustCredentialChecks: false }],
    },
    {
      name: 'a guard on the route method runs before it',
      code: DELEGATING_CONTROLLER('@Injectable()\n')
        .replace('Res }', 'Res, UseGuards }')
        .replace("  @Post('mcp')", "  @Post('mcp')\n  @UseGuards(TokenGuard)"),
    },
  ],
  invalid: [
    {
      name: 'no check in the controller',
      code: DELEGATING_CONTROLLER('@Injectable()\n'),
      output: null,
      errors: [PROVIDER_TRANSPORT],
    },
    {
      name: 'a check that only wants the header there: a rebinding page sends any value',
      code: CHECKED_DELEGATION('if (!req.headers.authorization) throw new UnauthorizedException();'),
      output: null,
      errors: [PROVIDER_TRANSPORT],
    },
    {
      name: 'a Host check after the request is handed on, which is answered by then',
      code: CHECKED_DELEGATION(LOCAL_HOST_CHECK, true),
      output: null,
      errors: [PROVIDER_TRANSPORT],
    },
    {
      name: '`trustCredentialChecks: false` (strict) counts no token check',
      code: DELEGATING_CONTROLLER('@Injectable()\n', true),
      options: [{ trustCredentialChecks: false }],
      output: null,
      errors: [PROVIDER_TRANSPORT],
    },
    {
      name: 'a provider that other code of the package calls too: that caller checks nothing',
      code: `${CHECKED_DELEGATION(LOCAL_HOST_CHECK)}

export async function serveDirectly(service: McpService, req: Request, res: Response): Promise<void> {
  await service.handle(req, res);
}`,
      output: null,
      errors: [PROVIDER_TRANSPORT],
    },
  ],
});

/** A provider of its own module that makes the transport for the requests a controller hands it. */
const MCP_SERVICE = `import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

@Injectable()
export class McpService {
  async handle(req: Request, res: Response): Promise<void> {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res, req.body);
  }
}
`;

const nestPackage = nestPackages();

/**
 * A package whose controller module runs `check` before it hands the request to MCP_SERVICE; the
 * path of the service's module.
 */
function servicePackage(check: string): string {
  const controller = nestPackage({
    'mcp.service.ts': MCP_SERVICE,
    'mcp.controller.ts': `import { All, Controller, Req, Res, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { McpService } from './mcp.service';
${tokenHelpers({ bearer: true })}

@Controller('mcp')
export class McpController {
  constructor(private readonly mcp: McpService) {}

  @All()
  async handle(@Req() req: Request, @Res() res: Response): Promise<void> {
    ${check}
    await this.mcp.handle(req, res);
  }
}
`,
  });
  return path.join(path.dirname(controller), 'mcp.service.ts');
}

ruleTester.run('require-dns-rebinding-protection: a provider of another module than its controller', dnsRule, {
  valid: [
    {
      name: 'the controller throws UnauthorizedException without a valid bearer token before it hands the request on',
      code: MCP_SERVICE,
      filename: servicePackage(
        "if (!hasValidBearerToken(req.headers['authorization'])) throw new UnauthorizedException('Invalid token');",
      ),
    },
  ],
  invalid: [
    {
      name: 'the controller only wants an `Authorization` there',
      code: MCP_SERVICE,
      filename: servicePackage("if (!req.headers['authorization']) throw new UnauthorizedException('No token');"),
      output: null,
      errors: [{ ...CONTROLLER_TRANSPORT, line: 8, column: 27, endLine: 8, endColumn: 56 }],
    },
  ],
});

/** A controller a factory declares for the path it is given, whose `@Post()` method runs `check` first. */
const FACTORY_CONTROLLER = (check = ''): string => `import { Controller, Post, Req, Res } from '@nestjs/common';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Request, Response } from 'express';

export function createMcpController(path: string) {
  @Controller(path)
  class McpController {
    @Post()
    async handle(@Req() req: Request, @Res() res: Response): Promise<void> {${check}
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      await transport.handleRequest(req, res, req.body);
    }
  }
  return McpController;
}
`;

ruleTester.run('require-csrf-token: a NestJS controller a factory function declares', csrfRule, {
  valid: [
    {
      name: 'a check of the API key first',
      code: FACTORY_CONTROLLER(`
      if (req.headers['x-api-key'] !== process.env.API_KEY) throw new Error('Unauthorized');`),
    },
  ],
  invalid: [
    {
      name: "no check: named by its class, as its path is the factory caller's",
      code: FACTORY_CONTROLLER(),
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST` of `McpController`' },
          line: 8,
          column: 6,
          endLine: 8,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'requireTokenHeader',
              data: { header: '`x-mcp-csrf-token`' },
              output: FACTORY_CONTROLLER(`
      if (!hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
        throw new ForbiddenException('Missing or invalid credentials for this MCP server');
      }`)
                .replace('Res }', 'Res, ForbiddenException }')
                .replace('\nexport function', `\n${tokenHelpers()}\n\nexport function`),
            },
            {
              messageId: 'useBearerToken',
              output: FACTORY_CONTROLLER(`
      if (!hasValidBearerToken(req.headers['authorization'])) {
        throw new UnauthorizedException('Missing or invalid credentials for this MCP server');
      }`)
                .replace('Res }', 'Res, UnauthorizedException }')
                .replace('\nexport function', `\n${tokenHelpers({ bearer: true })}\n\nexport function`),
            },
          ],
        },
      ],
    },
  ],
});
