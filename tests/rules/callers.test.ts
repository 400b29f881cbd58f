import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { beforeEach, describe, expect, it } from 'vitest';
import plugin from '../../src/index';
import { clearModuleGraph, importersOf } from '../../src/analysis/module-graph';

// A function a module exports is called by the modules of its package that import it: its
// parameters take their arguments, and what it returns is used where they use it. The rules read
// those callers (test modules aside) when the module alone cannot tell: a handler factory that the
// importer mounts on a public path, a routes function handed an app that checks a bearer token, a
// start function handed a host. The fixture package is `tests/fixtures/callers`.

const fixture = path.resolve(__dirname, '../fixtures/callers');
const file = (name: string): string => path.join(fixture, 'src', name);

async function lint(name: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: fixture,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { 'mcp-cors': plugin } },
      plugin.configs.recommended,
    ],
  });
  const [result] = await eslint.lintFiles([file(name)]);
  return result!.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`);
}

beforeEach(() => clearModuleGraph());

describe('the modules that import a module', () => {
  it('are the modules of its package whose imports resolve to it and that name the export, tests left out', () => {
    expect(importersOf(file('card.ts'), ['statusCardHandler'])).toEqual([file('web.ts')]);
    expect(importersOf(file('http.ts'), ['startHttp'])).toEqual([file('main.ts')]);
    expect([...(importersOf(file('badge.ts'), ['statusBadgeHandler']) ?? [])].sort()).toEqual(
      [file('index.ts'), file('web.ts')].sort(),
    );
    // No module names it: none.
    expect(importersOf(file('card.ts'), ['somethingElse'])).toEqual([]);
  });

  it('are not known outside a package', () => {
    expect(importersOf(path.join(path.parse(fixture).root, 'server.ts'), ['start'])).toBeNull();
  });
});

describe('handler factories mounted by the modules that import them', () => {
  it('a `*` in a handler that every caller mounts on a public path: no report', async () => {
    expect(await lint('card.ts')).toEqual([]);
  });

  it('a `*` in a handler that a caller mounts on a private path: reported', async () => {
    expect(await lint('info.ts')).toEqual([
      '6:5 mcp-cors/no-wildcard-origin `Access-Control-Allow-Origin: *` lets any site read the responses.',
    ]);
  });

  it('a `*` in a handler the package entry also exports, for callers it cannot see: reported', async () => {
    expect(await lint('badge.ts')).toEqual([
      '6:5 mcp-cors/no-wildcard-origin `Access-Control-Allow-Origin: *` lets any site read the responses.',
    ]);
  });
});

describe('routes functions handed an app by the modules that import them', () => {
  it('an MCP route added to an app whose onRequest hook checks a bearer token: no report', async () => {
    expect(await lint('routes.ts')).toEqual([]);
  });

  it('the same route added to an app with no check: reported by both rules', async () => {
    expect(await lint('open-routes.ts')).toEqual([
      '6:3 mcp-cors/require-csrf-token `POST /mcp` accepts MCP requests without a token that a cross-site page cannot send.',
      '7:27 mcp-cors/require-dns-rebinding-protection `StreamableHTTPServerTransport` accepts any Host: a web page can reach it through DNS rebinding.',
    ]);
  });
});

describe('routes on an app the callers hand over, at a path a name holds', () => {
  it('`app.post(MCP_PATH, …)` with no import of the framework and no type: reported by both rules', async () => {
    expect(await lint('path-routes.ts')).toEqual([
      '7:25 mcp-cors/require-dns-rebinding-protection `StreamableHTTPServerTransport` accepts any Host: a web page can reach it through DNS rebinding.',
      '12:3 mcp-cors/require-csrf-token `POST /mcp` accepts MCP requests without a token that a cross-site page cannot send.',
    ]);
  });

  it("`app.post(config.mcpEndpoint, …)` behind the caller's bearer check on `/mcp`: no report", async () => {
    expect(await lint('guarded-path-routes.ts')).toEqual([]);
  });
});

describe('parameters given their values by the modules that import the function', () => {
  it("a host passed by the entry script is reported where it is bound, naming the caller (a test's call aside)", async () => {
    expect(await lint('http.ts')).toEqual([
      "5:68 mcp-cors/require-loopback-host `server.listen()` on a `node:http` server binds every interface when its host is `'0.0.0.0'` (from src/main.ts:3).",
    ]);
  });
});

describe('hosts exported by a module and bound by the servers of the modules that import them', () => {
  it('are reported where they are written, naming the server, through a barrel too; a constant that is only printed is not', async () => {
    expect(await lint('settings/network.ts')).toEqual([
      "2:29 mcp-cors/require-loopback-host `server.listen()` on a `node:http` server (src/bind.ts:5) binds every interface when its host is `'0.0.0.0'`.",
      "5:18 mcp-cors/require-loopback-host `app.listen()` of Express (src/admin.ts:5) binds every interface when its host is `'::'`.",
    ]);
  });

  it('the fail-closed change, the first suggestion, binds loopback in the constant', async () => {
    const eslint = new ESLint({
      cwd: fixture,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { 'mcp-cors': plugin } },
        plugin.configs['fail-closed'],
      ],
      fix: true,
    });
    const [result] = await eslint.lintFiles([file('settings/network.ts')]);
    expect(result!.output).toBe(
      fs
        .readFileSync(file('settings/network.ts'), 'utf8')
        .replace("DEFAULT_HOST = '0.0.0.0'", "DEFAULT_HOST = '127.0.0.1'")
        .replace("bind: '::'", "bind: '127.0.0.1'"),
    );
  });
});

describe('what the callers do not settle', () => {
  it("a package's entry keeps the callers of other packages: its default host is reported whatever its own CLI passes", async () => {
    expect(await lint('../packages/lib/src/server.ts')).toEqual([
      "4:50 mcp-cors/require-loopback-host `server.listen()` on a `node:http` server binds every interface when its host is `'0.0.0.0'`.",
    ]);
  });

  it('a handler factory exported by `export { name }` is judged by its callers like `export function`', async () => {
    expect(await lint('card-named.ts')).toEqual([]);
  });

  it('a policy set by other code of a function whose returned handler a caller mounts on a public path: reported', async () => {
    expect(await lint('setup.ts')).toEqual([
      '5:3 mcp-cors/require-csrf-token `POST /mcp` accepts MCP requests without a token that a cross-site page cannot send.',
      '6:5 mcp-cors/no-wildcard-origin `Access-Control-Allow-Origin: *` lets any site read the responses.',
    ]);
  });
});

describe('CORS origins exported by a module and given to a middleware by the modules that import it', () => {
  it('`origin: true` in an exported config is reported where it is written, naming the middleware; a flag beside it is not', async () => {
    expect(await lint('settings/cors.ts')).toEqual([
      '2:16 mcp-cors/no-reflected-origin `@fastify/cors` with `origin: true` (src/cors-server.ts:6) echoes any Origin: any site can read the responses.',
    ]);
  });

  it("the fail-closed change denies every origin in the constant, with the middleware's own deny value", async () => {
    const eslint = new ESLint({
      cwd: fixture,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { 'mcp-cors': plugin } },
        { rules: { 'mcp-cors/no-reflected-origin': ['error', { failClosedFix: true }] } },
      ],
      fix: true,
    });
    const [result] = await eslint.lintFiles([file('settings/cors.ts')]);
    expect(result!.output).toBe(
      fs.readFileSync(file('settings/cors.ts'), 'utf8').replace('CORS_ORIGIN: true', 'CORS_ORIGIN: false'),
    );
  });
});

describe('apps handed to classes, and handlers mounted by other modules', () => {
  it("a route a subclass adds to the app its base class's constructor keeps, made by a static factory's caller", async () => {
    expect(await lint('transports/http.ts')).toEqual([
      '8:5 mcp-cors/require-csrf-token `POST /mcp` accepts MCP requests without a token that a cross-site page cannot send.',
      '9:29 mcp-cors/require-dns-rebinding-protection `StreamableHTTPServerTransport` accepts any Host: a web page can reach it through DNS rebinding.',
    ]);
  });

  it('a transport made by a helper of a handler that another module mounts behind a bearer check (directly, or called from an arrow): no report', async () => {
    expect(await lint('handlers/sessions.ts')).toEqual([]);
    expect(await lint('handlers/mcp.ts')).toEqual([]);
  });

  it('a transport made by a handler that another module mounts with no check: reported', async () => {
    expect(await lint('handlers/open-mcp.ts')).toEqual([
      '6:25 mcp-cors/require-dns-rebinding-protection `StreamableHTTPServerTransport` accepts any Host: a web page can reach it through DNS rebinding.',
    ]);
  });
});
