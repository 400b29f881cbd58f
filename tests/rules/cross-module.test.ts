import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index';
import { tokenHelpers } from '../support/fix-text';
import {
  clearModuleGraph,
  declaresOwnFunction,
  expireResolutions,
  exportReaches,
  moduleGraphStats,
} from '../../src/analysis/module-graph';

// The rules follow values into the other modules of a project, which the module graph reads from
// disk: these tests lint real files of a fixture project through the ESLint class, as a user's
// `eslint .` does, rather than code strings that have no neighbours.

const project = path.resolve(__dirname, '../fixtures/project');

const RULES = [
  'require-loopback-host',
  'no-wildcard-origin',
  'no-reflected-origin',
  'no-env-allowed-origins',
  'require-csrf-token',
  'require-dns-rebinding-protection',
] as const;
type RuleName = (typeof RULES)[number];

const ALL_RULES: Linter.RulesRecord = Object.fromEntries(RULES.map((rule) => [`mcp-cors/${rule}`, 'error']));
// The strict option makes a host the analysis could not follow visible as `unknownHost`, so that a
// bad module is seen to leave the value unknown rather than to hide a report some other way.
const UNKNOWN_HOSTS: Linter.RulesRecord = { 'mcp-cors/require-loopback-host': ['error', { reportUnknownHosts: true }] };

function eslintFor(cwd: string, rules: Linter.RulesRecord, fix = false): ESLint {
  return new ESLint({
    cwd,
    fix,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{ts,js,mjs,cjs}'],
        languageOptions: { parser: tsParser },
        plugins: { 'mcp-cors': plugin },
        rules,
      },
    ],
  });
}

// A fail-closed change (deny the origin, require the token, bind loopback) is the first suggestion
// by default; `--fix` applies it with `failClosedFix`, as the `fail-closed` config sets it.
const FAIL_CLOSED_RULES: Linter.RulesRecord = Object.fromEntries(
  RULES.map((rule) => [`mcp-cors/${rule}`, ['error', { failClosedFix: true }]]),
);

/** A split list is matched exactly by `cors()`: only `reportExactAllowlists` (strict) reports it. */
const EXACT_ALLOWLISTS: Linter.RulesRecord = {
  ...ALL_RULES,
  'mcp-cors/no-env-allowed-origins': ['error', { reportExactAllowlists: true }],
};

const linter = eslintFor(project, ALL_RULES);
const fixer = eslintFor(project, FAIL_CLOSED_RULES, true);
const defaultFixer = eslintFor(project, ALL_RULES, true);

interface Report {
  ruleId: string | null;
  messageId: string | undefined;
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
  message: string;
  hasFix: boolean;
  suggestions: number;
}

function summarise(result: ESLint.LintResult): Report[] {
  return result.messages.map((message) => ({
    ruleId: message.ruleId,
    messageId: message.messageId,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
    message: message.message,
    hasFix: message.fix !== undefined,
    suggestions: message.suggestions?.length ?? 0,
  }));
}

/** One expected report; the message is the rule's own template filled with `data`, so the data is what is checked. */
function report(
  rule: RuleName,
  messageId: string,
  [line, column, endLine, endColumn]: readonly [number, number, number, number],
  data: Readonly<Record<string, string>>,
  { hasFix, suggestions }: { hasFix: boolean; suggestions: number },
): Report {
  const template = (plugin.rules[rule].meta.messages as Record<string, string | undefined>)[messageId];
  if (template === undefined) throw new Error(`${rule} has no message ${messageId}`);
  const message = template.replace(/\{\{\s*(\w+)\s*\}\}/gu, (_, key: string) => {
    const value = data[key];
    if (value === undefined) throw new Error(`${rule}/${messageId} needs {{${key}}}`);
    return value;
  });
  return { ruleId: `mcp-cors/${rule}`, messageId, line, column, endLine, endColumn, message, hasFix, suggestions };
}

/** A value another module writes is named where this file uses it, and nothing in this file is rewritten. */
const FOREIGN = { hasFix: false, suggestions: 0 };
/** By default, a fail-closed change in this file is a suggestion before the others, not a fix. */
const FAIL_CLOSED_ORIGIN = { hasFix: false, suggestions: 2 }; // denyOrigins, useAllowlist
const FAIL_CLOSED_CSRF = { hasFix: false, suggestions: 2 }; // requireTokenHeader, useBearerToken
const FAIL_CLOSED_HOST = { hasFix: false, suggestions: 3 }; // useIpv4Loopback, useIpv6Loopback, useLocalhost
/** The SDK's Host validation middleware on the Express app or router of the transport's routes. */
const FAIL_CLOSED_REBINDING = { hasFix: false, suggestions: 1 }; // validateHost
/** A default host also gets `process.env.HOST ?? '127.0.0.1'` after `127.0.0.1`. */
const FAIL_CLOSED_DEFAULT_HOST = { hasFix: false, suggestions: 4 };

const EXPRESS_LISTEN = '`app.listen()` of Express';

/** The strict option's report for an Express host the analysis could not follow to a value. */
function unknownHost(at: readonly [number, number, number, number]): Report {
  const data = { api: EXPRESS_LISTEN, hostLabel: 'host' };
  // No fallback suggestion: the second argument of `listen(3000, HOST)` might be a callback.
  return report('require-loopback-host', 'unknownHost', at, data, { hasFix: false, suggestions: 0 });
}

async function lint(file: string, eslint = linter): Promise<ESLint.LintResult> {
  const [result] = await eslint.lintFiles([file]);
  if (!result) throw new Error(`${file} was not linted`);
  expect(result.messages.filter((message) => message.fatal)).toEqual([]);
  return result;
}

/** The reports on a file linted with the module cache empty, and how many modules were parsed for it. */
async function lintCold(file: string, eslint = linter): Promise<{ reports: Report[]; loads: number }> {
  clearModuleGraph();
  const before = moduleGraphStats().loads;
  const reports = summarise(await lint(file, eslint));
  return { reports, loads: moduleGraphStats().loads - before };
}

/** The file as `--fix` leaves it with `failClosedFix` on. */
async function fixed(file: string): Promise<string | undefined> {
  return (await lint(file, fixer)).output;
}

const NODE_DEFAULT_BINDING = "Node's default is `::`";
const CSRF = { route: '`POST /mcp`', header: '`x-mcp-csrf-token`' };

describe("Deno's deps.ts: packages re-exported from `npm:` and `jsr:` specifiers", () => {
  it('follows the re-exports to the packages their bare specifiers name', async () => {
    expect(summarise(await lint('src/deno/main.ts')).map((entry) => [entry.ruleId, entry.line])).toEqual([
      ['mcp-cors/no-wildcard-origin', 4],
      ['mcp-cors/require-csrf-token', 5],
      ['mcp-cors/require-dns-rebinding-protection', 5],
    ]);
  });
});

describe('a host in settings another module makes, handed through a constructor into a field', () => {
  it('reports the field read where the app listens, naming where the host is written', async () => {
    expect(summarise(await lint('src/gateway/server.ts'))).toEqual([
      report('require-csrf-token', 'missingCsrfCheck', [11, 5, 11, 18], CSRF, FAIL_CLOSED_CSRF),
      report(
        'require-loopback-host',
        'everyInterface',
        [17, 39, 17, 55],
        {
          api: '`app.listen()` of Express',
          hostLabel: 'host',
          values: "`'0.0.0.0'` (from ./config.ts:7)",
        },
        FOREIGN,
      ),
    ]);
  });
});

describe('a host constant behind a barrel (`export *`, `.js` specifiers for `.ts` files, `as const`)', () => {
  it('reports the public host at the hostname, naming the constant', async () => {
    expect(summarise(await lint('src/hono-public.ts'))).toEqual([
      report(
        'require-loopback-host',
        'everyInterface',
        [10, 33, 10, 60],
        {
          api: '`serve()` from `@hono/node-server`',
          hostLabel: '`hostname`',
          values: "`'0.0.0.0'` (from src/constants/http.constants.ts:3)",
        },
        FOREIGN,
      ),
    ]);
    expect(await fixed('src/hono-public.ts')).toBeUndefined();
  });

  it('accepts the loopback constant reached the same way', async () => {
    expect(summarise(await lint('src/hono-local.ts'))).toEqual([]);
  });
});

describe('an app exported under another name (`export { server as app }`)', () => {
  it('reports `app.listen(PORT)` and adds the loopback host', async () => {
    expect(summarise(await lint('src/main.ts'))).toEqual([
      report(
        'require-loopback-host',
        'defaultHost',
        [4, 5, 4, 11],
        { api: EXPRESS_LISTEN, hostLabel: 'host', binding: NODE_DEFAULT_BINDING },
        FAIL_CLOSED_DEFAULT_HOST,
      ),
    ]);
    // Without `failClosedFix`, `--fix` leaves the host to the owner.
    expect((await lint('src/main.ts', defaultFixer)).output).toBeUndefined();
    expect(await fixed('src/main.ts')).toBe(`import { app } from './app.js';

const PORT = 3000;
app.listen(PORT, '127.0.0.1');
`);
  });

  it('accepts `app.listen(PORT, "127.0.0.1")`', async () => {
    expect(summarise(await lint('src/main-local.ts'))).toEqual([]);
  });
});

describe("a server started in another module with its caller's host", () => {
  it('judges an `undefined` given to a destructured host by its default, as JS binds the default', async () => {
    expect(summarise(await lint('src/relay/start.ts'))).toEqual([
      report(
        'require-loopback-host',
        'everyInterface',
        [6, 39, 6, 48],
        {
          api: '`server.listen()` in `startRelay()`',
          hostLabel: 'host',
          values: "`'0.0.0.0'`",
        },
        FAIL_CLOSED_HOST,
      ),
      // startOpenRelay's default is '0.0.0.0': the `undefined` given to it binds every interface.
      report(
        'require-loopback-host',
        'everyInterface',
        [7, 43, 7, 52],
        {
          api: '`server.listen()` in `startOpenRelay()`',
          hostLabel: 'host',
          values: '`undefined`',
        },
        FAIL_CLOSED_HOST,
      ),
    ]);
  });

  it('follows a host handed over as `bindTo`, in a file whose only other word for it is `.bind()`', async () => {
    expect(summarise(await lint('src/bind/main.ts'))).toEqual([
      report(
        'require-loopback-host',
        'everyInterface',
        [5, 15, 5, 21],
        {
          api: '`server.listen()` in `serveOn()`',
          hostLabel: 'host',
          values: "`'0.0.0.0'`",
        },
        FAIL_CLOSED_HOST,
      ),
    ]);
  });

  it('follows a host named `MCP_BIND`, or written as it is, handed to a server start of another module', async () => {
    const through = {
      api: '`server.listen()` in `serveOn()`',
      hostLabel: 'host',
      values: "`'0.0.0.0'`",
    };
    expect(summarise(await lint('src/bind/main-named.ts'))).toEqual([
      report('require-loopback-host', 'everyInterface', [4, 15, 4, 23], through, FAIL_CLOSED_HOST),
    ]);
    expect(summarise(await lint('src/bind/main-literal.ts'))).toEqual([
      report('require-loopback-host', 'everyInterface', [3, 15, 3, 24], through, FAIL_CLOSED_HOST),
    ]);
  });

  it('reports the public host where the caller passes it, and fixes it there', async () => {
    expect(summarise(await lint('src/start-public.ts'))).toEqual([
      report(
        'require-loopback-host',
        'everyInterface',
        [3, 37, 3, 46],
        { api: '`Bun.serve()` in `startHttp()`', hostLabel: '`hostname`', values: "`'0.0.0.0'`" },
        FAIL_CLOSED_HOST,
      ),
      report(
        'require-loopback-host',
        'everyInterface',
        [4, 35, 4, 39],
        {
          api: '`server.listen()` in `startNodeHttp()`',
          hostLabel: 'host',
          values: "`'::'`",
        },
        FAIL_CLOSED_HOST,
      ),
    ]);
    expect(await fixed('src/start-public.ts')).toBe(`import { startHttp, startNodeHttp } from './http-server.js';

await startHttp({ port: 3000, host: '127.0.0.1' });
startNodeHttp({ port: 3001, host: '127.0.0.1' });
`);
  });

  it("accepts a loopback host, and no host at all (the function's loopback default)", async () => {
    expect(summarise(await lint('src/start-local.ts'))).toEqual([]);
  });

  it("takes a host the caller may leave `undefined` through the callee's `??` and `||` defaults", async () => {
    // `options.host ?? '127.0.0.1'` and `options.host ?? process.env.HOST ?? 'localhost'` bind loopback
    // for `undefined`; `options.host || '0.0.0.0'` binds every interface.
    expect(summarise(await lint('src/start-flag.ts'))).toEqual([
      report(
        'require-loopback-host',
        'everyInterface',
        [4, 51, 4, 60],
        {
          api: '`server.listen()` in `startOpenHttp()`',
          hostLabel: 'host',
          values: '`undefined`',
        },
        FAIL_CLOSED_HOST,
      ),
    ]);
  });
});

describe('CORS options from a factory in another module', () => {
  it('reports `cors(corsOptions())` where it is mounted, naming the option, with no fix', async () => {
    expect(summarise(await lint('src/reflected.ts'))).toEqual([
      report(
        'no-reflected-origin',
        'reflectedOrigin',
        [6, 9, 6, 28],
        { policy: '`cors()` with `origin: true` (from src/cors-options.ts:2)', credentials: ', credentials included' },
        FOREIGN,
      ),
    ]);
    expect(await fixed('src/reflected.ts')).toBeUndefined();
  });

  it('accepts a factory that returns an allowlist', async () => {
    expect(summarise(await lint('src/reflected-strict.ts'))).toEqual([]);
  });
});

describe('a config object behind a package.json "imports" alias (`#config/*`)', () => {
  it('reports `origin: SERVER_CONFIG.CORS_ORIGIN` (`true`), naming where the `true` is, and fixes the option here', async () => {
    expect(summarise(await lint('src/fastify-cors.ts'))).toEqual([
      report(
        'no-reflected-origin',
        'reflectedOrigin',
        [6, 32, 6, 65],
        { policy: '`@fastify/cors` with `origin: true` (from src/config/server.ts:2)', credentials: '' },
        FAIL_CLOSED_ORIGIN,
      ),
    ]);
    expect(await fixed('src/fastify-cors.ts')).toBe(`import Fastify from 'fastify';
import cors from '@fastify/cors';
import { SERVER_CONFIG } from '#config/server';

const fastify = Fastify();
await fastify.register(cors, { origin: false });
`);
  });

  it('accepts the allowlist of the same object', async () => {
    expect(summarise(await lint('src/fastify-cors-strict.ts'))).toEqual([]);
  });

  it('reports an origin allowlist read from the environment in that module, where it is used', async () => {
    expect(summarise(await lint('src/env-origins.ts'))).toEqual([]);
    expect(summarise(await lint('src/env-origins.ts', eslintFor(project, EXACT_ALLOWLISTS)))).toEqual([
      report(
        'no-env-allowed-origins',
        'envAllowedOrigins',
        [6, 9, 6, 42],
        { name: '`MCP_ALLOWED_ORIGINS` (from src/config/origins.ts:1)', credentials: '' },
        FOREIGN,
      ),
    ]);
    expect(await fixed('src/env-origins.ts')).toBeUndefined();
  });

  it('reports an allowlist whose only `process.env` read is in the imported module', async () => {
    expect(summarise(await lint('src/env-origins-bare.ts', eslintFor(project, EXACT_ALLOWLISTS)))).toEqual([
      report(
        'no-env-allowed-origins',
        'envAllowedOrigins',
        [6, 9, 6, 42],
        { name: '`MCP_ALLOWED_ORIGINS` (from src/config/origins.ts:1)', credentials: '' },
        FOREIGN,
      ),
    ]);
  });
});

describe("a router the project builds and mounts at a path (`app.use('/mcp', adapter.router())`)", () => {
  /** The report on the `cors()` of the sites that mount src/mounted/key-router.ts's routers. */
  const OPEN_KEYED_CORS = report(
    'no-wildcard-origin',
    'wildcardOrigin',
    [7, 9, 7, 79],
    { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
    FAIL_CLOSED_ORIGIN,
  );

  it('counts it as endpoints the policy reaches, whatever public route the file shows', async () => {
    expect(summarise(await lint('src/mounted/site.ts'))).toEqual([
      report(
        'no-wildcard-origin',
        'wildcardOrigin',
        [6, 9, 6, 15],
        { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
        FAIL_CLOSED_ORIGIN,
      ),
    ]);
  });

  it('leaves a package middleware mounted at a path (`express.static()`) beside a public route alone', async () => {
    expect(summarise(await lint('src/mounted/static-site.ts'))).toEqual([]);
  });

  it("leaves middleware the project makes and mounts at a path (`requestLogger('api')`) alone", async () => {
    expect(summarise(await lint('src/mounted/logged-site.ts'))).toEqual([]);
  });

  it("reads the routes of a router another module's function makes and returns: a key check in them makes `*` moot", async () => {
    expect(summarise(await lint('src/mounted/keyed-site.ts'))).toEqual([]);
    expect(summarise(await lint('src/mounted/open-site.ts'))).toEqual([OPEN_KEYED_CORS]);
  });

  it('takes such a router as unknown when it mounts a router of its own, whose routes it does not list', async () => {
    expect(summarise(await lint('src/mounted/nesting-site.ts'))).toEqual([OPEN_KEYED_CORS]);
  });
});

describe('a router or app a function makes and returns, which the modules that call it mount', () => {
  it('judges its routes and policy behind the checks of every mount: none here when each is guarded', async () => {
    expect(summarise(await lint('src/factories/mcp-router.ts'))).toEqual([]);
    expect(summarise(await lint('src/factories/mcp-app.ts'))).toEqual([]);
    expect(summarise(await lint('src/factories/guarded-site.ts'))).toEqual([]);
  });

  it('reports them when one mount has no check in front of it', async () => {
    // Mounted by two calls of the factory, or one result held in a constant and mounted twice.
    expect(summarise(await lint('src/factories/held-router.ts'))).toEqual(
      summarise(await lint('src/factories/open-router.ts')),
    );
    expect(summarise(await lint('src/factories/open-router.ts'))).toEqual([
      report(
        'no-wildcard-origin',
        'wildcardOrigin',
        [9, 14, 9, 20],
        { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
        FAIL_CLOSED_ORIGIN,
      ),
      report('require-csrf-token', 'missingCsrfCheck', [10, 3, 10, 14], CSRF, FAIL_CLOSED_CSRF),
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [11, 27, 11, 56],
        { transport: '`StreamableHTTPServerTransport`' },
        // The SDK's Host validation on the router where it is made, before its routes: no port needed.
        FAIL_CLOSED_REBINDING,
      ),
    ]);
  });
});

describe('a Supabase Edge Function (supabase/functions/<name>/ beside supabase/config.toml)', () => {
  const strict = eslintFor(project, {
    'mcp-cors/require-csrf-token': ['error', { trustRemoteDeployments: false }],
    'mcp-cors/require-dns-rebinding-protection': ['error', { trustRemoteDeployments: false }],
  });
  const transport = report(
    'require-dns-rebinding-protection',
    'unprotectedTransport',
    [5, 23, 5, 46],
    { transport: '`StreamableHttpTransport`' },
    { hasFix: false, suggestions: 0 },
  );

  it('binds nothing, is reached by its project hostname, and with `verify_jwt` (the default) takes only requests with a JWT', async () => {
    expect(summarise(await lint('supabase/functions/guarded/index.ts'))).toEqual([]);
  });

  it('with `verify_jwt = false` takes requests from anyone, who gain nothing by forging one in a browser', async () => {
    expect(summarise(await lint('supabase/functions/open/index.ts'))).toEqual([]);
    // The same, when a package script deploys it `--no-verify-jwt`.
    expect(summarise(await lint('supabase/functions/scripted/index.ts'))).toEqual([]);
  });

  it('its shared code (`_shared/`) binds nothing either', async () => {
    expect(summarise(await lint('supabase/functions/_shared/serve.ts', eslintFor(project, UNKNOWN_HOSTS)))).toEqual([]);
  });

  it('`trustRemoteDeployments: false` (strict) reports the route and the transport where no JWT is verified', async () => {
    const csrf = (line: number) =>
      report(
        'require-csrf-token',
        'missingCsrfCheck',
        [line, 1, line, 8],
        { route: 'Every method of `/mcp`', header: CSRF.header },
        FAIL_CLOSED_CSRF,
      );
    expect(summarise(await lint('supabase/functions/open/index.ts', strict))).toEqual([transport, csrf(9)]);
    expect(summarise(await lint('supabase/functions/scripted/index.ts', strict))).toEqual([transport, csrf(9)]);
    expect(summarise(await lint('supabase/functions/guarded/index.ts', strict))).toEqual([]);
  });
});

describe('a Fastify auth plugin of its own module', () => {
  it('guards the app that registers it when fastify-plugin shares its hook, and not when it keeps it to its scope', async () => {
    expect(summarise(await lint('src/fastify-auth/routes.ts'))).toEqual([
      report(
        'require-csrf-token',
        'missingCsrfCheck',
        [12, 3, 12, 11],
        { route: '`POST /mcp`', header: CSRF.header },
        FAIL_CLOSED_CSRF,
      ),
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [13, 27, 13, 56],
        { transport: '`StreamableHTTPServerTransport`' },
        FOREIGN,
      ),
    ]);
  });
});

describe('a Fastify plugin a module exports, which the modules that import it register', () => {
  it('judges its routes behind the hooks of every app that registers it: none behind a bearer hook', async () => {
    // A `FastifyPluginAsync` constant, a function declaration with a `FastifyInstance` parameter,
    // and `export default fp(routes)` of fastify-plugin.
    expect(summarise(await lint('src/fastify-plugins/guarded-routes.ts'))).toEqual([]);
    expect(summarise(await lint('src/fastify-plugins/declared-routes.ts'))).toEqual([]);
    expect(summarise(await lint('src/fastify-plugins/wrapped-routes.ts'))).toEqual([]);
    // `export default fp(async (app) => { … })`, with no name of its own.
    expect(summarise(await lint('src/fastify-plugins/default-fp.ts'))).toEqual([]);
  });

  it('reports an `export default fp(…)` plugin that an app with no check registers', async () => {
    expect(summarise(await lint('src/fastify-plugins/open-default-fp.ts'))).toEqual([
      report(
        'require-csrf-token',
        'missingCsrfCheck',
        [5, 3, 5, 11],
        { route: '`POST /open-default`', header: CSRF.header },
        FAIL_CLOSED_CSRF,
      ),
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [6, 27, 6, 56],
        { transport: '`StreamableHTTPServerTransport`' },
        FOREIGN,
      ),
    ]);
  });

  it('reports them when one app registers the plugin with no check in front of it', async () => {
    expect(summarise(await lint('src/fastify-plugins/open-routes.ts'))).toEqual([
      report(
        'require-csrf-token',
        'missingCsrfCheck',
        [5, 3, 5, 16],
        { route: '`POST /mcp`', header: CSRF.header },
        FAIL_CLOSED_CSRF,
      ),
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [6, 27, 6, 56],
        { transport: '`StreamableHTTPServerTransport`' },
        FOREIGN,
      ),
    ]);
  });
});

describe('a Fastify plugin that opens CORS, behind the token hook of the app that registers it', () => {
  const open = (line: number, column: number, endColumn: number) =>
    report(
      'no-reflected-origin',
      'reflectedOrigin',
      [line, column, line, endColumn],
      { policy: '`@fastify/cors` with `origin: true`', credentials: '' },
      FAIL_CLOSED_ORIGIN,
    );

  it('accepts a policy the plugin installs under the very setting the registrar adds its token hook under', async () => {
    // The hook's own `if (!settings.enabled) return;` never runs there: `settings` is that setting's object.
    expect(summarise(await lint('src/fastify-cors-plugins/gated-cors.ts'))).toEqual([]);
  });

  it('reports it when that hook also skips its check unless the environment turns it on', async () => {
    expect(summarise(await lint('src/fastify-cors-plugins/env-gated-cors.ts'))).toEqual([open(10, 30, 42)]);
  });

  it('accepts a policy of a plugin registered after a token hook for every request', async () => {
    expect(summarise(await lint('src/fastify-cors-plugins/open-cors.ts'))).toEqual([]);
  });

  it('reports a policy installed with the hook off, or under another setting', async () => {
    expect(summarise(await lint('src/fastify-cors-plugins/ungated-cors.ts'))).toEqual([open(8, 30, 42)]);
    expect(summarise(await lint('src/fastify-cors-plugins/other-gate-cors.ts'))).toEqual([open(9, 32, 44)]);
  });

  it('reports a policy of an encapsulated plugin registered before the hook', async () => {
    expect(summarise(await lint('src/fastify-cors-plugins/late-cors.ts'))).toEqual([open(6, 30, 42)]);
  });
});

describe('a CORS policy a function of another module returns, judged where each call installs it', () => {
  it('accepts one installed only on an app whose routes check a bearer token, and reports one an open app installs too', async () => {
    expect(summarise(await lint('src/policy-helpers/policy.ts'))).toEqual([
      report(
        'no-reflected-origin',
        'reflectedOrigin',
        [9, 17, 9, 29],
        { policy: '`cors()` with `origin: true`', credentials: '' },
        FAIL_CLOSED_ORIGIN,
      ),
    ]);
  });
});

describe('server options a function spreads from its parameter, given by the modules that import it', () => {
  it('reports `Bun.serve({ ...options })` that no caller gives a host, and adds it before the spread', async () => {
    expect(summarise(await lint('src/spread-options/serve.ts'))).toEqual([
      report(
        'require-loopback-host',
        'defaultHost',
        [5, 14, 5, 19],
        { api: '`Bun.serve()`', hostLabel: '`hostname`', binding: 'default `0.0.0.0`' },
        FAIL_CLOSED_DEFAULT_HOST,
      ),
    ]);
    expect(await fixed('src/spread-options/serve.ts')).toBe(`import { Hono } from 'hono';

/** Serves an app with Bun; the options a caller gives go to \`Bun.serve\`. */
export default function serveApp(app: Hono, options?: { port?: number; hostname?: string }) {
  return Bun.serve({ hostname: '127.0.0.1', ...options, fetch: app.fetch });
}
`);
  });
});

describe("a test module's helper that makes a transport, and the tests that import it", () => {
  it('leaves it alone when only tests that start no server import it, and reports it when one serves it', async () => {
    expect(summarise(await lint('src/__tests__/helpers.ts'))).toEqual([]);
    expect(summarise(await lint('src/__tests__/served/helpers.ts'))).toEqual([
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [5, 14, 5, 43],
        { transport: '`StreamableHTTPServerTransport`' },
        FOREIGN,
      ),
    ]);
  });
});

describe('a handler a method makes on an instance as it is made (`new McpRouter().handler()`)', () => {
  it('judges the transport behind the checks of the route that mounts it', async () => {
    expect(summarise(await lint('src/made-instance/router.ts'))).toEqual([]);
    expect(summarise(await lint('src/made-instance/open-router.ts'))).toEqual([
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [9, 29, 9, 58],
        { transport: '`StreamableHTTPServerTransport`' },
        FOREIGN,
      ),
    ]);
  });
});

describe('transports made by a sessions class that another class keeps in a field', () => {
  it('follows an instance handed to the constructor of a router class that keeps it (`constructor(private sessions)`)', async () => {
    // The router's route is at `/rpc`: found through the field, not through its path.
    expect(summarise(await lint('src/kept-sessions/sessions.ts'))).toEqual([]);
    expect(summarise(await lint('src/kept-sessions-open/sessions.ts'))).toEqual([
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [8, 27, 8, 56],
        { transport: '`StreamableHTTPServerTransport`' },
        FOREIGN,
      ),
    ]);
  });

  it('judges a transport whose callers cannot be followed by the MCP routes of the modules that import its module', async () => {
    // `private readonly store = new SessionStore()`, read in a private method the route's handler calls.
    expect(summarise(await lint('src/field-sessions/sessions.ts'))).toEqual([]);
    expect(summarise(await lint('src/field-sessions-open/sessions.ts'))).toEqual([
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [8, 27, 8, 56],
        { transport: '`StreamableHTTPServerTransport`' },
        FOREIGN,
      ),
    ]);
  });
});

describe('a router or sub-app a module exports, which the modules that import it mount', () => {
  it('judges its routes behind the checks of every mount: none when each import is mounted behind one', async () => {
    expect(summarise(await lint('src/exported-routers/guarded-router.ts'))).toEqual([]);
    expect(summarise(await lint('src/exported-routers/mcp-app.ts'))).toEqual([]);
  });

  it('also when the module registers its routes in the expression that makes it (`new Hono().on(…)`)', async () => {
    expect(summarise(await lint('src/exported-routers/chained-app.ts'))).toEqual([]);
    expect(summarise(await lint('src/exported-routers/chained-router.ts'))).toEqual([]);
    // `export default express.Router().post(…)`, with no name of its own.
    expect(summarise(await lint('src/exported-routers/default-chained.ts'))).toEqual([]);
    // CommonJS: `module.exports = express.Router().post(…)`.
    expect(summarise(await lint('src/exported-routers/cjs-router.cjs'))).toEqual([]);
  });

  it('reports them when one mount has no check in front of it', async () => {
    expect(summarise(await lint('src/exported-routers/open-router.ts'))).toEqual([
      report(
        'require-csrf-token',
        'missingCsrfCheck',
        [5, 1, 5, 16],
        { route: '`POST /`', header: CSRF.header },
        FAIL_CLOSED_CSRF,
      ),
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [6, 25, 6, 54],
        { transport: '`StreamableHTTPServerTransport`' },
        FAIL_CLOSED_REBINDING,
      ),
    ]);
  });
});

describe('a transport made by a handler factory of one module, mounted in another', () => {
  it('is behind the Host check of the SDK app it is mounted on there: no report', async () => {
    expect(summarise(await lint('src/handler-factory/post-handler.ts'))).toEqual([]);
  });

  it('is behind the Origin check of the plain handler a factory returns, which a server of another module is given', async () => {
    expect(summarise(await lint('src/handler-factory/plain-checked.ts'))).toEqual([]);
  });

  it('is reported when that handler checks nothing, also when the server is given it through a constant', async () => {
    expect(summarise(await lint('src/handler-factory/plain-open.ts'))).toEqual([
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [7, 27, 7, 56],
        { transport: '`StreamableHTTPServerTransport`' },
        FOREIGN,
      ),
    ]);
  });

  it('also through a router of a third module that the Host-checking app mounts', async () => {
    expect(summarise(await lint('src/handler-router/stream-handler.ts'))).toEqual([]);
  });

  it('is reported when the app it is mounted on checks no Host', async () => {
    expect(summarise(await lint('src/handler-factory/open-handler.ts'))).toEqual([
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [5, 25, 5, 54],
        { transport: '`StreamableHTTPServerTransport`' },
        FOREIGN,
      ),
    ]);
  });
});

describe("an instance method a router takes from a module's instance (`router.post('/mcp', auth.require, guarded.post)`)", () => {
  it("judges the method's transport by the routes that take it: behind the bearer check, or open", async () => {
    /** The DNS report on the transport a controller's `post` makes at `line`. */
    const unprotected = (line: number) =>
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [line, 27, line, 56],
        { transport: '`StreamableHTTPServerTransport`' },
        // The hosts to allow depend on the port, which the module that starts the server holds.
        FOREIGN,
      );
    // GuardedController (line 8) is routed behind the check only; OpenController (15) without;
    // AdminController (23) behind it, but a subclass's method calls it from a route without.
    expect(summarise(await lint('src/instance-methods/controllers.ts'))).toEqual([unprotected(15), unprotected(23)]);
  });
});

describe('a credential check of a class of another module whose fallback switch a field keeps', () => {
  it('follows `this.fallback` to the arguments of `new Auth(…)` in the module that makes it', async () => {
    // Off until the environment turns it on: out of the box a request without a token is refused.
    expect(summarise(await lint('src/fallback-auth-off/server.ts'))).toEqual([]);
    // On unless the environment turns it off: a request without a token goes on with the server's.
    expect(summarise(await lint('src/fallback-auth/server.ts'))).toEqual([
      report('require-csrf-token', 'missingCsrfCheck', [8, 1, 8, 9], CSRF, FAIL_CLOSED_CSRF),
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [12, 27, 12, 56],
        { transport: '`StreamableHTTPServerTransport`' },
        { hasFix: false, suggestions: 1 },
      ),
    ]);
  });
});

describe('CORS middleware made in another module, behind a tsconfig "paths" alias (`@/lib/*`, from an extended config)', () => {
  it('reports `app.use(corsMiddleware)` at the mount, naming where it is made, with no fix', async () => {
    expect(summarise(await lint('src/wildcard-mount.ts'))).toEqual([
      report(
        'no-wildcard-origin',
        'wildcardOrigin',
        [5, 9, 5, 23],
        { policy: '`cors()` with an `origin` that is `*` (from src/lib/cors-middleware.ts:3)', credentials: '' },
        FOREIGN,
      ),
    ]);
    expect(await fixed('src/wildcard-mount.ts')).toBeUndefined();
  });

  it('accepts middleware made with an allowlist', async () => {
    expect(summarise(await lint('src/wildcard-mount-strict.ts'))).toEqual([]);
  });

  it('reports `cors(CREDENTIALS_ONLY)` with `{ credentials: true }` imported, and edits neither file', async () => {
    expect(summarise(await lint('src/gaps/cors-without-origin.ts'))).toEqual([
      report(
        'no-wildcard-origin',
        'wildcardOrigin',
        [6, 9, 6, 31],
        { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
        FOREIGN,
      ),
    ]);
    expect(await fixed('src/gaps/cors-without-origin.ts')).toBeUndefined();
  });
});

describe('transports made at the top of a module that routes of another module serve', () => {
  const DNS = { transport: '`StreamableHttpTransport`' };

  it("accepts a handler constant that another module's routes call behind a bearer check", async () => {
    expect(summarise(await lint('src/handoff/guarded-handler.ts'))).toEqual([]);
    expect(summarise(await lint('src/handoff/guarded-app.ts'))).toEqual([]);
  });

  it("accepts a transport constant whose handleRequest another module's routes call behind a bearer check", async () => {
    expect(summarise(await lint('src/handoff/sdk-transport.ts'))).toEqual([]);
  });

  it("accepts routes a default export's member adds to an app that another module guards first", async () => {
    expect(summarise(await lint('src/handoff/bootstrap-guarded-routes.ts'))).toEqual([]);
    expect(summarise(await lint('src/handoff/bootstrap-guarded.ts'))).toEqual([]);
  });

  it("reports routes a default export's member adds to an app that nothing guards", async () => {
    expect(summarise(await lint('src/handoff/bootstrap-open-routes.ts'))).toEqual([
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [5, 25, 5, 54],
        { transport: '`StreamableHTTPServerTransport`' },
        FOREIGN,
      ),
      report('require-csrf-token', 'missingCsrfCheck', [11, 3, 11, 11], CSRF, FAIL_CLOSED_CSRF),
    ]);
  });

  it("reads a member another member calls through this as called from elsewhere: the unguarded app's route is reported", async () => {
    const reports = summarise(await lint('src/handoff/bootstrap-this-routes.ts'));
    expect(reports.filter((entry) => entry.ruleId === 'mcp-cors/require-dns-rebinding-protection')).toEqual([
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [8, 29, 8, 58],
        { transport: '`StreamableHTTPServerTransport`' },
        FOREIGN,
      ),
    ]);
  });

  it('reports routes a function adds to two apps when one of them checks only after the call', async () => {
    expect(summarise(await lint('src/handoff/shared-routes.ts'))).toEqual([
      report('require-csrf-token', 'missingCsrfCheck', [6, 3, 6, 11], CSRF, FAIL_CLOSED_CSRF),
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [7, 27, 7, 56],
        { transport: '`StreamableHTTPServerTransport`' },
        FOREIGN,
      ),
    ]);
  });

  it('reports the transport when the routes that serve its handler check nothing', async () => {
    expect(summarise(await lint('src/handoff/open-handler.ts'))).toEqual([
      report('require-dns-rebinding-protection', 'unprotectedTransport', [6, 30, 6, 53], DNS, FOREIGN),
    ]);
  });
});

describe('route guards made by a factory in another module', () => {
  it('accepts `app.post("/mcp", requireToken(), handler)` when the middleware refuses a request without a Bearer token', async () => {
    expect(summarise(await lint('src/csrf-guarded.ts'))).toEqual([]);
  });

  it('reports the route when the middleware only logs the header', async () => {
    expect(summarise(await lint('src/csrf-logged.ts'))).toEqual([
      report('require-csrf-token', 'missingCsrfCheck', [6, 1, 6, 9], CSRF, FAIL_CLOSED_CSRF),
    ]);
    expect((await lint('src/csrf-logged.ts', defaultFixer)).output).toBeUndefined();
    expect(await fixed('src/csrf-logged.ts')).toBe(`import express from 'express';
import { logAuthorization } from '@/lib/auth';

const app = express();
app.use(express.json());

${tokenHelpers()}

app.post('/mcp', logAuthorization(), (req, res, next) => {
  if (!hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
    res.status(403).json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, async (req, res) => {
  res.json({ received: req.body });
});
`);
  });

  it('accepts routes that refuse a request by a static method of an imported class, own or inherited', async () => {
    expect(summarise(await lint('src/csrf-static.ts'))).toEqual([]);
  });

  it('reports the route when the static method it calls only logs the header', async () => {
    expect(summarise(await lint('src/csrf-static-logged.ts'))).toEqual([
      report('require-csrf-token', 'missingCsrfCheck', [6, 1, 6, 9], CSRF, FAIL_CLOSED_CSRF),
    ]);
  });

  it('reports `fastify.post("/mcp", ROUTE_OPTIONS, handler)` with imported route options, with no fix to make there', async () => {
    expect(summarise(await lint('src/gaps/fastify-route-options.ts'))).toEqual([
      report('require-csrf-token', 'missingCsrfCheck', [5, 1, 5, 13], CSRF, FOREIGN),
    ]);
    expect(await fixed('src/gaps/fastify-route-options.ts')).toBeUndefined();
  });

  it('reports the POST branch of an imported plain handler where the server is given it, naming the branch', async () => {
    expect(summarise(await lint('src/gaps/node-handler.ts'))).toEqual([
      report(
        'require-csrf-token',
        'missingCsrfCheck',
        [4, 14, 4, 27],
        { ...CSRF, route: '`POST /mcp` in `handleRequest` at ./options.ts:13' },
        FOREIGN,
      ),
    ]);
    expect(await fixed('src/gaps/node-handler.ts')).toBeUndefined();
  });

  it('names an inline handler by what it does, and reports a handler with a POST branch of its own once', async () => {
    expect(summarise(await lint('src/gaps/node-handler-inline.ts'))).toEqual([
      report(
        'require-csrf-token',
        'missingCsrfCheck',
        [5, 14, 7, 2],
        { ...CSRF, route: '`POST /mcp` in a called function at ./options.ts:13' },
        FOREIGN,
      ),
      report(
        'require-csrf-token',
        'missingCsrfCheck',
        [11, 7, 11, 28],
        { ...CSRF, route: '`POST /mcp` in this handler' },
        FAIL_CLOSED_CSRF,
      ),
    ]);
  });
});

describe('a policy mounted at a path held by a frozen constant of another module', () => {
  it('accepts `cors()` mounted at a public metadata path of a router handed on, and reports it at the MCP path', async () => {
    expect(summarise(await lint('src/metadata/routers.ts'))).toEqual([
      report(
        'no-wildcard-origin',
        'wildcardOrigin',
        [18, 34, 18, 40],
        { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
        FAIL_CLOSED_ORIGIN,
      ),
    ]);
  });
});

describe('a workspace package re-exporting the framework (`@acme/server-kit` from apps/mcp)', () => {
  it('reports `app.use(cors())` of @koa/cors and `app.listen(3000)` of Koa through the re-exports', async () => {
    expect(summarise(await lint('apps/mcp/src/server.ts'))).toEqual([
      report(
        'no-wildcard-origin',
        'wildcardOrigin',
        [4, 9, 4, 15],
        { policy: '`@koa/cors` without `origin` (default `*`)', credentials: '' },
        FAIL_CLOSED_ORIGIN,
      ),
      report(
        'require-loopback-host',
        'defaultHost',
        [5, 5, 5, 11],
        { api: '`app.listen()` of Koa', hostLabel: 'host', binding: NODE_DEFAULT_BINDING },
        FAIL_CLOSED_DEFAULT_HOST,
      ),
    ]);
    expect(await fixed('apps/mcp/src/server.ts')).toBe(`import { App, cors } from '@acme/server-kit';

const app = new App();
app.use(cors({ origin: () => '' }));
app.listen(3000, '127.0.0.1');
`);
  });

  it('accepts the same app with an allowlist and a loopback host', async () => {
    expect(summarise(await lint('apps/mcp/src/server-local.ts'))).toEqual([]);
  });
});

describe('CommonJS (`module.exports`, `exports.x`, `require` without an extension)', () => {
  it('reports a host destructured from `require("./config")` of `module.exports = { HOST }`', async () => {
    expect(summarise(await lint('src/cjs/server.cjs'))).toEqual([
      report(
        'require-loopback-host',
        'everyInterface',
        [5, 18, 5, 22],
        { api: EXPRESS_LISTEN, hostLabel: 'host', values: "`'0.0.0.0'` (from ./config.cjs:1)" },
        FOREIGN,
      ),
    ]);
    expect(await fixed('src/cjs/server.cjs')).toBeUndefined();
  });

  it('reports `config.HOST` of a module that sets `exports.HOST`', async () => {
    expect(summarise(await lint('src/cjs/server-exports.cjs'))).toEqual([
      report(
        'require-loopback-host',
        'everyInterface',
        [5, 25, 5, 36],
        { api: EXPRESS_LISTEN, hostLabel: 'host', values: "`'0.0.0.0'` (from ./config-public-exports.cjs:1)" },
        FOREIGN,
      ),
    ]);
  });

  it('accepts a loopback `exports.HOST`', async () => {
    expect(summarise(await lint('src/cjs/server-local.cjs'))).toEqual([]);
  });

  it('reads `config.HOST` of an ES default import of a module that sets `exports.HOST`', async () => {
    expect(summarise(await lint('src/gaps/default-import-of-exports.ts'))).toEqual([
      report(
        'require-loopback-host',
        'everyInterface',
        [5, 25, 5, 36],
        { api: EXPRESS_LISTEN, hostLabel: 'host', values: "`'0.0.0.0'` (from src/cjs/config-public-exports.cjs:1)" },
        FOREIGN,
      ),
    ]);
  });
});

describe('an app held in a class field (`this.app = express()`)', () => {
  it('reports the route a method adds, and guards it in place', async () => {
    expect(summarise(await lint('src/mcp-server.ts'))).toEqual([
      report('require-csrf-token', 'missingCsrfCheck', [12, 5, 12, 18], CSRF, FAIL_CLOSED_CSRF),
    ]);
    expect(await fixed('src/mcp-server.ts')).toBe(`import express, { type Express } from 'express';

${tokenHelpers()}

export class McpHttpServer {
  protected readonly app: Express;

  constructor(private readonly port: number) {
    this.app = express();
    this.app.use(express.json());
  }

  registerRoutes(): void {
    this.app.post('/mcp', (req, res, next) => {
      if (!hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
        res.status(403).json({ error: 'Missing or invalid credentials for this MCP server' });
        return;
      }
      next();
    }, async (req, res) => {
      res.json({ received: req.body });
    });
  }

  start(): void {
    this.app.listen(this.port, '127.0.0.1');
  }
}
`);
  });

  it('reports a route that a subclass in another module adds to the inherited field', async () => {
    expect(summarise(await lint('src/tool-server.ts'))).toEqual([
      report('require-csrf-token', 'missingCsrfCheck', [6, 5, 6, 18], CSRF, FAIL_CLOSED_CSRF),
    ]);
  });

  it('accepts a subclass route guarded by the imported token middleware', async () => {
    expect(summarise(await lint('src/guarded-server.ts'))).toEqual([]);
  });
});

describe('MCP SDK options from another module', () => {
  it('reports a transport whose options are imported: no fix writes them, the middleware goes on the app', async () => {
    const reports = summarise(await lint('src/gaps/transport-options.ts'));
    expect(reports.filter((entry) => entry.ruleId === 'mcp-cors/require-dns-rebinding-protection')).toEqual([
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [7, 25, 7, 54],
        { transport: '`StreamableHTTPServerTransport`' },
        FAIL_CLOSED_REBINDING,
      ),
    ]);
  });

  it('reports imported app options that turn validation off at the argument, naming where the host is written', async () => {
    expect(summarise(await lint('src/gaps/mcp-app-options.ts'))).toEqual([
      report(
        'require-dns-rebinding-protection',
        'validationTurnedOff',
        [4, 33, 4, 51],
        { factory: 'createMcpExpressApp', host: "'0.0.0.0'", place: ' (from ./options.ts:8)' },
        FOREIGN,
      ),
    ]);
  });
});

describe('import cycles and a missing module', () => {
  it('follows names through modules that re-export each other, and gives up on a name that never settles', async () => {
    const publicHost = report(
      'require-loopback-host',
      'everyInterface',
      [7, 18, 7, 29],
      { api: EXPRESS_LISTEN, hostLabel: 'host', values: "`'0.0.0.0'` (from src/cycle/b.ts:1)" },
      FOREIGN,
    );
    expect(summarise(await lint('src/cycle-user.ts'))).toEqual([publicHost]);
    // `LOOP` and `NOWHERE` are declared by neither module: their hosts are unknown, not a crash or a hang.
    expect(summarise(await lint('src/cycle-user.ts', eslintFor(project, UNKNOWN_HOSTS)))).toEqual([
      publicHost,
      unknownHost([8, 18, 8, 22]),
      unknownHost([9, 18, 9, 25]),
    ]);
  });

  it('leaves the host of a module that does not exist unknown', async () => {
    expect(summarise(await lint('src/missing-user.ts'))).toEqual([]);
    expect(summarise(await lint('src/missing-user.ts', eslintFor(project, UNKNOWN_HOSTS)))).toEqual([
      unknownHost([5, 18, 5, 22]),
    ]);
  });
});

describe('modules the graph must not read', () => {
  // Made at test time in a copy of the project, never committed: prettier cannot format a syntax
  // error, git keeps no empty directory, and 5 MB of padding has no place in the repository.
  let copy: string;
  const PUBLIC_HOST_MODULE = "export const HOST = '0.0.0.0';\n";
  const userOf = (specifier: string): string =>
    `import express from 'express';\nimport { HOST } from '${specifier}';\n\nconst app = express();\napp.listen(3000, HOST);\n`;
  const BAD_INPUTS: readonly (readonly [name: string, specifier: string])[] = [
    ['a module over the size limit', './huge.js'],
    ['a module with a syntax error', './broken.js'],
    ['a directory named like a file', './settings.ts'],
    ['a link to itself', './loop.js'],
  ];

  beforeAll(() => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-cross-module-'));
    fs.cpSync(project, copy, { recursive: true });
    const bad = path.join(copy, 'src/bad');
    fs.mkdirSync(bad);
    // Over the 1 MB limit with the public host first: read at all, it would be reported.
    fs.writeFileSync(path.join(bad, 'huge.ts'), `${PUBLIC_HOST_MODULE}/* ${'x'.repeat(5 * 1024 * 1024)} */\n`);
    fs.writeFileSync(path.join(bad, 'broken.ts'), `${PUBLIC_HOST_MODULE}export const = ;\n`);
    fs.mkdirSync(path.join(bad, 'settings.ts'));
    fs.symlinkSync('loop.ts', path.join(bad, 'loop.ts'));
    fs.writeFileSync(path.join(bad, 'small.ts'), PUBLIC_HOST_MODULE);
    fs.writeFileSync(path.join(bad, 'user-control.ts'), userOf('./small.js'));
    BAD_INPUTS.forEach(([, specifier], index) =>
      fs.writeFileSync(path.join(bad, `user-${index}.ts`), userOf(specifier)),
    );
  });
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

  it('reports the same module when it is small and well-formed (the control)', async () => {
    const result = await lint('src/bad/user-control.ts', eslintFor(copy, ALL_RULES));
    expect(summarise(result)).toEqual([
      report(
        'require-loopback-host',
        'everyInterface',
        [5, 18, 5, 22],
        { api: EXPRESS_LISTEN, hostLabel: 'host', values: "`'0.0.0.0'` (from ./small.ts:1)" },
        FOREIGN,
      ),
    ]);
  });

  it.each(BAD_INPUTS.map(([name], index) => [name, index] as const))(
    'leaves the host imported from %s unknown',
    async (_, index) => {
      const file = `src/bad/user-${index}.ts`;
      expect(summarise(await lint(file, eslintFor(copy, ALL_RULES)))).toEqual([]);
      expect(summarise(await lint(file, eslintFor(copy, UNKNOWN_HOSTS)))).toEqual([unknownHost([5, 18, 5, 22])]);
    },
  );
});

describe('a long-running process (an editor, eslint_d)', () => {
  let copy: string;
  beforeAll(() => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-long-running-'));
    fs.cpSync(project, copy, { recursive: true });
  });
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

  it('sees a module created after an import of it failed, once resolutions have expired', async () => {
    const eslint = eslintFor(copy, ALL_RULES);
    expect(summarise(await lint('src/missing-user.ts', eslint))).toEqual([]);
    fs.writeFileSync(path.join(copy, 'src/does-not-exist.ts'), "export const HOST = '0.0.0.0';\n");
    expireResolutions(Date.now() + 60_000);
    expect(summarise(await lint('src/missing-user.ts', eslint))).toEqual([
      report(
        'require-loopback-host',
        'everyInterface',
        [5, 18, 5, 22],
        { api: EXPRESS_LISTEN, hostLabel: 'host', values: "`'0.0.0.0'` (from src/does-not-exist.ts:1)" },
        FOREIGN,
      ),
    ]);
  });

  it('sees a `paths` alias added to tsconfig.json, once resolutions have expired', async () => {
    const eslint = eslintFor(copy, ALL_RULES);
    fs.writeFileSync(
      path.join(copy, 'src/alias-user.ts'),
      "import express from 'express';\nimport { HOST } from '~host';\n\nconst app = express();\napp.listen(3000, HOST);\n",
    );
    fs.writeFileSync(path.join(copy, 'src/alias-host.ts'), "export const HOST = '::';\n");
    expect(summarise(await lint('src/alias-user.ts', eslint))).toEqual([]);
    const tsconfigFile = path.join(copy, 'tsconfig.base.json');
    const tsconfig = JSON.parse(fs.readFileSync(tsconfigFile, 'utf8')) as {
      compilerOptions: { paths: Record<string, string[]> };
    };
    tsconfig.compilerOptions.paths['~host'] = ['./src/alias-host.ts'];
    fs.writeFileSync(tsconfigFile, JSON.stringify(tsconfig, null, 2));
    expireResolutions(Date.now() + 120_000);
    expect(summarise(await lint('src/alias-user.ts', eslint))).toEqual([
      report(
        'require-loopback-host',
        'everyInterface',
        [5, 18, 5, 22],
        { api: EXPRESS_LISTEN, hostLabel: 'host', values: "`'::'` (from src/alias-host.ts:1)" },
        FOREIGN,
      ),
    ]);
  });
});

describe('a settings object of another module whose host its code assigns', () => {
  it('reports the host the object starts with, named where it is written, with no fix here', async () => {
    expect(summarise(await lint('src/mutable/server.ts'))).toEqual([
      report(
        'require-loopback-host',
        'everyInterface',
        [6, 25, 6, 36],
        { api: EXPRESS_LISTEN, hostLabel: 'host', values: "`'0.0.0.0'` (from ./config.ts:4)" },
        FOREIGN,
      ),
    ]);
  });
});

describe('the place of a value in another module, as the message names it', () => {
  it.each([
    ["relative to the linted file's folder for a module of the same package one folder up", 'app', '../config.ts:2'],
    ["relative to the linted file's folder for a module two folders up", 'app/routes', '../../config.ts:2'],
    ['relative to the working directory for a module three folders up', 'app/routes/v1', 'src/places/config.ts:2'],
  ])('is %s', async (_, folder, place) => {
    expect(summarise(await lint(`src/places/${folder}/server.ts`))).toEqual([
      report(
        'require-loopback-host',
        'everyInterface',
        [5, 18, 5, 27],
        { api: EXPRESS_LISTEN, hostLabel: 'host', values: `\`'0.0.0.0'\` (from ${place})` },
        FOREIGN,
      ),
    ]);
  });
});

describe('a type annotation naming an export of another module', () => {
  const hostsOnly = eslintFor(project, { 'mcp-cors/require-loopback-host': 'error' });
  const gatewayHost = {
    api: EXPRESS_LISTEN,
    hostLabel: 'host',
    values: "`'0.0.0.0'` (from ./gateway.ts:3)",
  };

  it('reads the class it names for the fields an instance carries, also through an index', async () => {
    expect(summarise(await lint('src/typed/class-server.ts', hostsOnly))).toEqual([
      report('require-loopback-host', 'everyInterface', [6, 28, 6, 40], gatewayHost, FOREIGN),
    ]);
    expect(summarise(await lint('src/typed/barrel-server.ts', hostsOnly))).toEqual([
      report('require-loopback-host', 'everyInterface', [6, 28, 6, 40], gatewayHost, FOREIGN),
    ]);
  });

  it('does not parse a module of types alone, which can give no class', async () => {
    expect(await lintCold('src/typed/server.ts', hostsOnly)).toEqual({ reports: [], loads: 0 });
  });
});

describe('calls into helper modules that cannot lead to a server', () => {
  const csrfOnly = eslintFor(project, { 'mcp-cors/require-csrf-token': 'error' });

  it('finds a server factory re-exported under new names through two modules', async () => {
    expect(summarise(await lint('src/lazy/server.ts', csrfOnly))).toEqual([
      report(
        'require-csrf-token',
        'missingCsrfCheck',
        [9, 7, 9, 28],
        { ...CSRF, route: '`POST /mcp` in this handler' },
        FAIL_CLOSED_CSRF,
      ),
    ]);
  });

  it('reads only the modules on the way to it, not the helpers whose imports reach no server package', async () => {
    clearModuleGraph();
    const before = moduleGraphStats().loads;
    await lint('src/lazy/server.ts', csrfOnly);
    // http-kit.ts and http-kit-inner.ts. tools.ts and format.ts name no package that makes a
    // server; banner.ts uses node:http, but declares `banner` as a function of its own;
    // transports.ts says 'http' only as a word and imports node:http only for a type.
    expect(moduleGraphStats().loads - before).toBe(2);
  });

  it('follows a host argument only into a helper whose module can reach a server package', async () => {
    const hostsOnly = eslintFor(project, { 'mcp-cors/require-loopback-host': 'error' });
    clearModuleGraph();
    const before = moduleGraphStats().loads;
    expect(summarise(await lint('src/lazy/server.ts', hostsOnly))).toEqual([]);
    // http-kit.ts and http-kit-inner.ts make the server. banner.ts imports node:http, but is not
    // read for `banner(3000, 'localhost')`: a loopback literal is no host this rule reports, wherever
    // it goes. Nor is tools.ts, for `describeTool('echo')`.
    expect(moduleGraphStats().loads - before).toBe(2);
  });
});

describe('exportReaches: a name followed through barrels to where it is declared', () => {
  const barrels = path.join(project, 'src/barrels');
  const at = (file: string): string => path.join(barrels, file);
  const NODE_HTTP = new Set(['http']);

  it('leads to the package only the names that come from it', () => {
    expireResolutions(Date.now() + 120_000);
    const index = at('index.ts');
    // `export * from './http-app'` declares createHttpApp with node:http; `export * as web` is that module whole.
    expect(exportReaches(index, 'createHttpApp', NODE_HTTP)).toBe(true);
    expect(exportReaches(index, 'web', NODE_HTTP)).toBe(true);
    expect(exportReaches(index, '*', NODE_HTTP)).toBe(true);
    // text.ts (through a star, importing the barrel back), clock.ts (renamed), the barrel's own
    // constant, a name nothing exports: none of them can hand on a server.
    expect(exportReaches(index, 'shout', NODE_HTTP)).toBe(false);
    expect(exportReaches(index, 'Timer', NODE_HTTP)).toBe(false);
    expect(exportReaches(index, 'Clock', NODE_HTTP)).toBe(false);
    expect(exportReaches(index, 'VERSION', NODE_HTTP)).toBe(false);
    expect(exportReaches(index, 'missing', NODE_HTTP)).toBe(false);
    // Read from the text, a star cannot tell a type from a value: a type of the factory's module counts.
    expect(exportReaches(index, 'Greeting', NODE_HTTP)).toBe(true);
    expect(exportReaches(at('text.ts'), 'shout', NODE_HTTP)).toBe(false);
    // Modules that import names: the importer of the factory leads there, the importer of helpers nowhere.
    expect(exportReaches(at('server-user.ts'), '*', NODE_HTTP)).toBe(true);
    expect(exportReaches(at('helpers-user.ts'), 'stamp', NODE_HTTP)).toBe(false);
  });

  it('takes a CommonJS module whole, and answers the same in any order of questions', () => {
    expireResolutions(Date.now() + 240_000);
    expect(exportReaches(at('text.ts'), 'shout', NODE_HTTP)).toBe(false);
    expect(exportReaches(at('index.ts'), 'VERSION', NODE_HTTP)).toBe(false);
    expect(exportReaches(at('index.ts'), 'createHttpApp', NODE_HTTP)).toBe(true);
    expect(exportReaches(at('legacy.cjs'), 'label', NODE_HTTP)).toBe(true);
    expect(exportReaches(at('missing.ts'), 'anything', NODE_HTTP)).toBe(false);
  });

  it('reads name lists with comments in them, and a dynamic import beside a static one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-lists-'));
    const write = (name: string, text: string): string => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    try {
      write('server.ts', "export { createServer } from 'node:http';\nexport const helper = 1;\n");
      const barrel = write(
        'barrel.ts',
        "export {\n  // factories\n  createServer, /* and */ helper,\n} from './server';\n",
      );
      const user = write(
        'user.ts',
        "import { /* the factory */ createServer } from './barrel';\nexport const app = createServer();\n",
      );
      const dynamic = write(
        'dynamic.ts',
        "import { helper } from './server';\nexport async function getApp() {\n  const { createServer } = await import('./server');\n  return createServer(() => helper);\n}\n",
      );
      expireResolutions(Date.now() + 480_000);
      expect(exportReaches(barrel, 'createServer', NODE_HTTP)).toBe(true);
      expect(exportReaches(user, 'app', NODE_HTTP)).toBe(true);
      expect(exportReaches(dynamic, 'getApp', NODE_HTTP)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers through a chain of barrels deeper than it follows name by name, without a stack overflow', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-barrels-'));
    try {
      const depth = 450;
      for (let index = 0; index < depth; index++) {
        fs.writeFileSync(
          path.join(dir, `m${index}.ts`),
          `export * from './m${index + 1}';\nexport const own${index} = ${index};\n`,
        );
      }
      fs.writeFileSync(path.join(dir, `m${depth}.ts`), "export { createServer as makeServer } from 'node:http';\n");
      expireResolutions(Date.now() + 360_000);
      expect(exportReaches(path.join(dir, 'm0.ts'), 'makeServer', NODE_HTTP)).toBe(true);
      expect(exportReaches(path.join(dir, 'm0.ts'), 'own3', NODE_HTTP)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a server made by a factory that a barrel re-exports, by name or in a namespace', async () => {
    const hostsOnly = eslintFor(project, { 'mcp-cors/require-loopback-host': 'error' });
    const nodeListen = {
      api: '`server.listen()` on a `node:http` server',
      hostLabel: 'host',
      binding: "Node's default is `::`",
    };
    expect(summarise(await lint('src/barrels/server-user.ts', hostsOnly))).toEqual([
      report('require-loopback-host', 'defaultHost', [4, 17, 4, 23], nodeListen, FAIL_CLOSED_DEFAULT_HOST),
    ]);
    expect(summarise(await lint('src/barrels/namespace-user.ts', hostsOnly))).toEqual([
      report('require-loopback-host', 'defaultHost', [3, 21, 3, 27], nodeListen, FAIL_CLOSED_DEFAULT_HOST),
    ]);
  });

  it('does not read the barrel for a file that takes only helpers from it', async () => {
    expect(await lintCold('src/barrels/helpers-user.ts')).toEqual({ reports: [], loads: 0 });
  });
});

describe("a package's own source imported by relative path (the MCP SDK's examples)", () => {
  it('reads the class the source declares as the package export it is', async () => {
    const rebinding = eslintFor(project, { 'mcp-cors/require-dns-rebinding-protection': 'error' });
    const [transport] = summarise(await lint('vendor/mcp-sdk/src/examples/sse-server.ts', rebinding));
    expect(transport).toMatchObject({
      messageId: 'unprotectedTransport',
      line: 7,
      column: 25,
      message: '`SSEServerTransport` accepts any Host: a web page can reach it through DNS rebinding.',
    });
  });
});

describe('declaresOwnFunction: the lexical look that spares parsing a helper module', () => {
  it('tells the exports a module declares as its own functions or classes from those it takes from elsewhere', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-declares-'));
    const file = path.join(dir, 'helpers.ts');
    fs.writeFileSync(
      file,
      [
        'export function plain() {}',
        'export default async function asyncDefault() {}',
        'export function* generator() {}',
        'export class Service {}',
        'export abstract class Base {}',
        'export const arrow = async (port: number): Promise<void> => {};',
        'export const destructured = ({ host = pick(1) }: Options) => host;',
        'export const typed: Handler = function () {};',
        'export let tight = async(x) => x;',
        '// export function inComment() {}',
        'export const alias = http.createServer;',
        "export { createServer as renamed } from 'node:http';",
        'export const parenthesised = (condition ? first : second);',
        'export const fnType: (a: A) => B = (a) => a;',
      ].join('\n'),
    );
    const own = ['plain', 'asyncDefault', 'generator', 'Service', 'Base', 'arrow', 'destructured', 'typed', 'tight'];
    // Not its own, or not sure (a function type before `=` is not told apart): the module is parsed.
    const notOwn = ['inComment', 'alias', 'renamed', 'parenthesised', 'fnType', 'absent'];
    try {
      expect(own.filter((name) => !declaresOwnFunction(file, name))).toEqual([]);
      expect(notOwn.filter((name) => declaresOwnFunction(file, name))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the module cache', () => {
  it("holds the modules the analysis read, not ESLint's tree of each linted file", async () => {
    clearModuleGraph();
    await lint('src/lazy/format.ts');
    await lint('src/lazy/tools.ts');
    // Neither file leads a rule anywhere: nothing is held, though tools.ts imports format.ts.
    expect(moduleGraphStats().modules).toBe(0);
  });
});

describe('a token check in a wrapper around the handler, with its parts in another module', () => {
  it('accepts a wrapper that answers 401 through a function of the file when the token is missing', async () => {
    // The wrapper tests only that a token is there: no cross-site page can send one, but a page
    // that DNS rebinding made same-origin can send any, so the transport still lacks its Host check.
    expect(summarise(await lint('src/csrf-wrapped.ts'))).toEqual([
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [24, 29, 24, 58],
        { transport: '`StreamableHTTPServerTransport`' },
        { hasFix: false, suggestions: 1 },
      ),
    ]);
  });

  it('reports the route when that function answers 200', async () => {
    expect(summarise(await lint('src/csrf-wrapped-logged.ts'))).toEqual([
      report('require-csrf-token', 'missingCsrfCheck', [23, 1, 23, 9], CSRF, FAIL_CLOSED_CSRF),
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [26, 29, 26, 58],
        { transport: '`StreamableHTTPServerTransport`' },
        { hasFix: false, suggestions: 1 },
      ),
    ]);
  });
});

describe('a headers constant written in a module the file imports', () => {
  it('reports the `*` it holds where a response takes it, through an index that re-exports it', async () => {
    expect(summarise(await lint('src/web-headers/handler.ts'))).toEqual([
      report(
        'no-wildcard-origin',
        'wildcardOrigin',
        [6, 19, 6, 32],
        { policy: '`Access-Control-Allow-Origin: *` (from ./shared/headers.ts:3)', credentials: '' },
        FOREIGN,
      ),
    ]);
  });

  it('reads nothing into imported headers that set no CORS header', async () => {
    expect(summarise(await lint('src/web-headers/plain-handler.ts'))).toEqual([]);
  });

  it('follows the import only in a file that says MCP (a site shares one headers module among all its functions)', async () => {
    expect(summarise(await lint('src/web-headers/site-function.ts'))).toEqual([]);
  });
});

describe('a header named by a constant of another module (`req.headers[SESSION_HEADER]`)', () => {
  it("reads the header the constant names: MCP's session id, which is no credential", async () => {
    expect(summarise(await lint('src/session-header/server.ts'))).toEqual([
      report('require-csrf-token', 'missingCsrfCheck', [11, 1, 11, 9], CSRF, FAIL_CLOSED_CSRF),
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [15, 21, 15, 50],
        { transport: '`StreamableHTTPServerTransport`' },
        { hasFix: false, suggestions: 1 },
      ),
    ]);
  });
});

describe('the callers of a helper that other modules import through a barrel', () => {
  it('follows `export * from` to the routes that call the helper: behind their key check, its transport is not reported', async () => {
    expect(summarise(await lint('src/keyed/run.ts'))).toEqual([]);
  });

  it('a barrel that renames the helper hides its callers: the MCP routes of the modules that import it decide', async () => {
    // The one route of the importers checks the key first; in `keyed-renamed-open`, it checks nothing.
    expect(summarise(await lint('src/keyed-renamed/run.ts'))).toEqual([]);
    expect(summarise(await lint('src/keyed-renamed-open/run.ts'))).toEqual([
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [7, 25, 7, 54],
        { transport: '`StreamableHTTPServerTransport`' },
        { hasFix: false, suggestions: 0 },
      ),
    ]);
  });
});

describe('routes on an app that callers in other modules hand a function, with the check they hand it too', () => {
  it('reads the routes of `mountMcp(app, server, guard)` with the app and guard of its callers: a token check counts', async () => {
    expect(summarise(await lint('src/guard-param/routes.js'))).toEqual([]);
  });

  it('a guard that only logs checks nothing: the transport and the message route are reported', async () => {
    expect(summarise(await lint('src/guard-param-open/routes.js'))).toEqual([
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [8, 27, 8, 45],
        { transport: '`SSEServerTransport`' },
        { hasFix: false, suggestions: 0 },
      ),
      report(
        'require-csrf-token',
        'missingCsrfCheck',
        [12, 3, 12, 11],
        { route: '`POST /messages`' },
        FAIL_CLOSED_CSRF,
      ),
    ]);
  });
});

describe('the callers of a CommonJS module that `require()` it', () => {
  it('reads `routes.mountMcp(app, server, guard)` of a module bound whole: a token check counts', async () => {
    expect(summarise(await lint('src/guard-param-cjs/routes.cjs'))).toEqual([]);
  });

  it('reads `const { mountMcp } = require(…)`: a guard that only logs is no check', async () => {
    expect(summarise(await lint('src/guard-param-cjs-open/routes.cjs'))).toEqual([
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [8, 27, 8, 45],
        { transport: '`SSEServerTransport`' },
        { hasFix: false, suggestions: 0 },
      ),
      report(
        'require-csrf-token',
        'missingCsrfCheck',
        [12, 3, 12, 11],
        { route: '`POST /messages`' },
        FAIL_CLOSED_CSRF,
      ),
    ]);
  });
});

describe('CommonJS callers that stay partly unknown', () => {
  const reported = [
    report(
      'require-dns-rebinding-protection',
      'unprotectedTransport',
      [8, 27, 8, 45],
      { transport: '`SSEServerTransport`' },
      { hasFix: false, suggestions: 0 },
    ),
    report('require-csrf-token', 'missingCsrfCheck', [12, 3, 12, 11], { route: '`POST /messages`' }, FAIL_CLOSED_CSRF),
  ];

  it("an ES module's default import of the module holds its `module.exports`: its call with no check counts", async () => {
    expect(summarise(await lint('src/cjs-imported/routes.cjs'))).toEqual(reported);
  });

  it('a package that loads modules by a computed path (`require(path.join(__dirname, name))`) may call it anywhere', async () => {
    expect(summarise(await lint('src/cjs-loaded/routes.cjs'))).toEqual(reported);
  });

  it("a package that loads modules by a path it adds up (`require('./' + name)`) may call it anywhere", async () => {
    expect(summarise(await lint('src/cjs-concat/routes.cjs'))).toEqual(reported);
  });

  it("an ES module's namespace import of the module reads `routes.mountMcp(…)` as a call of it: a token check counts", async () => {
    expect(summarise(await lint('src/cjs-ns/routes.cjs'))).toEqual([]);
  });
});

describe('what a handler hands its requests to in another module', () => {
  it('a NestJS controller hands the body to an injected service of another module that answers MCP methods', async () => {
    const csrf = summarise(await lint('src/nest-rpc/mcp.controller.ts')).filter(
      (message) => message.ruleId === 'mcp-cors/require-csrf-token',
    );
    expect(csrf).toEqual([
      report(
        'require-csrf-token',
        'missingCsrfCheck',
        [8, 4, 8, 10],
        { route: '`POST /mcp`' },
        {
          hasFix: false,
          suggestions: 0,
        },
      ),
    ]);
  });

  it("a REST route hands the tool the request names to a client of the project that writes MCP's tools/call", async () => {
    expect(summarise(await lint('src/dispatch/tool-gateway.ts'))).toEqual([
      report(
        'require-dns-rebinding-protection',
        'unprotectedApp',
        [5, 13, 5, 22],
        { app: '`express()` app' },
        {
          hasFix: false,
          suggestions: 1,
        },
      ),
      report(
        'require-csrf-token',
        'missingCsrfCheck',
        [9, 1, 9, 9],
        { route: '`POST /v1/tools/run`' },
        FAIL_CLOSED_CSRF,
      ),
    ]);
  });

  it('a method the handler hands the request to streams the body into an imported class that answers MCP methods', async () => {
    expect(summarise(await lint('src/dispatch/class-server.ts'))).toEqual([
      report(
        'require-csrf-token',
        'missingCsrfCheck',
        [11, 13, 11, 34],
        { route: '`POST /rpc` in this handler' },
        FAIL_CLOSED_CSRF,
      ),
      report(
        'require-dns-rebinding-protection',
        'unprotectedApp',
        [11, 13, 11, 34],
        { app: 'request handler' },
        { hasFix: false, suggestions: 1 },
      ),
    ]);
  });

  it('a route at a path that does not say MCP hands the request to an imported class that answers MCP methods', async () => {
    expect(summarise(await lint('src/dispatch/workspaces.ts'))).toEqual([
      report(
        'require-dns-rebinding-protection',
        'unprotectedApp',
        [4, 13, 4, 22],
        { app: '`Fastify()` app' },
        {
          hasFix: false,
          suggestions: 1,
        },
      ),
      report('require-csrf-token', 'missingCsrfCheck', [8, 1, 8, 9], { route: '`POST /w/:slug`' }, FAIL_CLOSED_CSRF),
    ]);
  });

  it('a body streamed in and given to an imported JSON-RPC dispatcher of MCP methods: the handler serves MCP', async () => {
    expect(summarise(await lint('src/dispatch/server.ts'))).toEqual([
      report(
        'require-csrf-token',
        'missingCsrfCheck',
        [6, 9, 6, 30],
        { route: '`POST /mcp` in this handler' },
        FAIL_CLOSED_CSRF,
      ),
      report(
        'require-dns-rebinding-protection',
        'unprotectedApp',
        [6, 9, 6, 30],
        { app: 'request handler' },
        { hasFix: false, suggestions: 1 },
      ),
    ]);
  });

  it('a transport made with its protection on in another module: judged there, not as an app that checks nothing', async () => {
    expect(summarise(await lint('src/shared-transport/app.ts'))).toEqual([
      report('require-csrf-token', 'missingCsrfCheck', [8, 1, 8, 9], CSRF, FAIL_CLOSED_CSRF),
    ]);
  });
});

describe('an app a class owns and hands out through a method of its own', () => {
  it("reads `host.route('/mcp').all(…)` as a route of the class's app, behind the key check it installs", async () => {
    expect(summarise(await lint('src/wrapped-app/notes.ts'))).toEqual([]);
    expect(summarise(await lint('src/wrapped-app/main.ts'))).toEqual([]);
  });
});

describe("an app handed to @cloudflare/workers-oauth-provider's OAuthProvider", () => {
  it('takes the routes under `apiRoute` of an app that is only the API handler as checked by the provider', async () => {
    expect(summarise(await lint('src/oauth-provider/api.ts'))).toEqual([]);
  });

  it('reports an app that is also the default handler, which gets requests with no token', async () => {
    expect(summarise(await lint('src/oauth-provider/outside-api.ts'))).toEqual([
      report(
        'require-csrf-token',
        'missingCsrfCheck',
        [7, 1, 7, 12],
        { route: 'Every method of `/mcp`', header: CSRF.header },
        FAIL_CLOSED_CSRF,
      ),
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [8, 25, 8, 48],
        { transport: '`StreamableHTTPTransport`' },
        FOREIGN,
      ),
    ]);
  });
});

describe('a setup function that mounts a guard and a route on the app it is handed, called from two modules', () => {
  it('takes the guard it mounts on its parameter as every caller app’s', async () => {
    expect(summarise(await lint('src/setup-two-callers/routes.ts'))).toEqual([]);
  });
});

describe('middleware that a function of another module mounts on the app it is handed', () => {
  it('guards the routes another function adds after it, where the module that makes the app calls both', async () => {
    expect(summarise(await lint('src/setup-middleware/endpoints.ts'))).toEqual([]);
  });

  it('guards nothing the app registered before the call that hands it over', async () => {
    expect(summarise(await lint('src/setup-middleware-late/endpoints.ts'))).toEqual([
      report('require-csrf-token', 'missingCsrfCheck', [6, 3, 6, 11], CSRF, FAIL_CLOSED_CSRF),
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [8, 27, 8, 56],
        { transport: '`StreamableHTTPServerTransport`' },
        { hasFix: false, suggestions: 0 },
      ),
    ]);
  });

  it('guards the routes the linted file adds after `installGuards(app)` (CommonJS)', async () => {
    expect(summarise(await lint('src/setup-middleware-cjs/main.cjs'))).toEqual([]);
  });

  it('reports the route the linted file adds before `installGuards(app)` (CommonJS)', async () => {
    expect(summarise(await lint('src/setup-middleware-cjs/late.cjs'))).toEqual([
      report('require-csrf-token', 'missingCsrfCheck', [8, 1, 8, 9], CSRF, FAIL_CLOSED_CSRF),
      report(
        'require-dns-rebinding-protection',
        'unprotectedTransport',
        [10, 25, 10, 54],
        { transport: '`StreamableHTTPServerTransport`' },
        { hasFix: false, suggestions: 1 },
      ),
    ]);
  });
});
