import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { guard, missingCheck, tokenHelpers } from '../support/fix-text';

// A fix writes only APIs the project has: `require-dns-rebinding-protection` replaces `express()`
// with the MCP SDK's `createMcpExpressApp()` only where the installed SDK has it (v1 since 1.24.0,
// v2 in `@modelcontextprotocol/express`), read from the node_modules above the linted file. (The
// repository's own tests run with both installed, and show the fix.)

const ruleTester = createRuleTester();

/** A project whose installed packages are these (name → version). */
function projectWith(packages: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-installed-'));
  for (const [name, version] of Object.entries(packages)) {
    fs.mkdirSync(path.join(dir, 'node_modules', name), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }));
  }
  return dir;
}

const v2WithoutExpress = projectWith({
  '@modelcontextprotocol/server': '2.4.0',
  '@modelcontextprotocol/node': '2.1.2',
});
/** Hono before 4.6.5, whose `csrf()` let a POST with no Content-Type through (GHSA-2234-fmw7-43wr). */
const oldHono = projectWith({ hono: '4.6.4' });
const currentHono = projectWith({ hono: '4.12.30' });
afterAll(() => {
  for (const dir of [v2WithoutExpress, oldHono, currentHono]) fs.rmSync(dir, { recursive: true, force: true });
});

const V2_APP = `import express from 'express';
import { createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';

const serveMcp = toNodeHandler(createMcpHandler(() => buildServer()));
const app = express();
app.all('/mcp', (req, res) => serveMcp(req, res, req.body));`;

ruleTester.run('require-dns-rebinding-protection: the installed MCP SDK', dnsRule, {
  valid: [],
  invalid: [
    {
      name: 'v2 without @modelcontextprotocol/express installed: reported with no fix that imports it',
      filename: path.join(v2WithoutExpress, 'server.ts'),
      code: V2_APP,
      errors: [{ messageId: 'unprotectedApp', data: { app: '`express()` app' }, line: 6, suggestions: [] }],
    },
  ],
});

const HONO_CSRF = `import { Hono } from 'hono';
import { csrf } from 'hono/csrf';

const app = new Hono();
app.use('*', csrf());
app.post('/mcp', (c) => transport.handleRequest(c));`;

ruleTester.run("require-csrf-token: Hono's csrf() by the installed version", csrfRule, {
  valid: [
    {
      name: 'hono 4.12: a POST with no Content-Type is checked too',
      filename: path.join(currentHono, 'app.ts'),
      code: HONO_CSRF,
    },
  ],
  invalid: [
    {
      name: 'hono 4.6.4: a POST with no Content-Type gets through it',
      filename: path.join(oldHono, 'app.ts'),
      code: HONO_CSRF,
      errors: [
        missingCheck('`POST /mcp`', [6, 1, 6, 9], (bearer) =>
          HONO_CSRF.replace(
            "app.post('/mcp', ",
            `\n${tokenHelpers({ bearer })}\n\napp.post('/mcp', ${guard('hono', bearer)}`,
          ),
        ),
      ],
    },
  ],
});
