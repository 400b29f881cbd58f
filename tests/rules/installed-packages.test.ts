import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';

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
afterAll(() => {
  for (const dir of [v2WithoutExpress]) fs.rmSync(dir, { recursive: true, force: true });
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
