import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import rule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';

// A transport ignores the DNS-rebinding options of a version newer than the one installed: the
// MCP SDK's read them from 1.13.3, @hono/mcp's from 0.2.0. There, options written by hand protect
// nothing, and no fix writes them.

const ruleTester = createRuleTester();

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A project with `packages` installed at those versions; returns the path of its `server.ts`. */
function installed(packages: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-transport-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'notes-mcp', dependencies: packages }));
  for (const [name, version] of Object.entries(packages)) {
    fs.mkdirSync(path.join(dir, 'node_modules', name), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }));
  }
  return path.join(dir, 'server.ts');
}

const honoServer = (options: string): string => `import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { StreamableHTTPTransport } from '@hono/mcp';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const app = new Hono();
app.all('/mcp', async (c) => {
  const transport = new StreamableHTTPTransport(${options});
  await new McpServer({ name: 'notes', version: '1.0.0' }).connect(transport);
  return transport.handleRequest(c);
});
serve({ fetch: app.fetch, port: 3800, hostname: '127.0.0.1' });`;

const sdkServer = (options: string): string => `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const app = express();
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport(${options});
  await new McpServer({ name: 'notes', version: '1.0.0' }).connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3800, '127.0.0.1');`;

const PROTECTED = `{
    enableDnsRebindingProtection: true,
    allowedHosts: ['127.0.0.1:3800', 'localhost:3800'],
  }`;
const STATELESS = '{ sessionIdGenerator: undefined }';

const hono010 = installed({ '@hono/mcp': '0.1.1' });
const hono020 = installed({ '@hono/mcp': '0.2.0' });
const sdk1132 = installed({ '@modelcontextprotocol/sdk': '1.13.2' });
const sdk1133 = installed({ '@modelcontextprotocol/sdk': '1.13.3' });

ruleTester.run('transport-versions', rule, {
  valid: [
    { name: '@hono/mcp 0.2.0 reads the options', code: honoServer(PROTECTED), filename: hono020 },
    { name: 'the SDK reads them from 1.13.3', code: sdkServer(PROTECTED), filename: sdk1133 },
  ],
  invalid: [
    {
      name: '@hono/mcp 0.1.1 ignores options written by hand: the report says so',
      code: honoServer(PROTECTED),
      filename: hono010,
      output: null,
      errors: [
        {
          messageId: 'optionsIgnored',
          data: {
            transport: '`StreamableHTTPTransport`',
            module: '@hono/mcp',
            installed: '0.1.1',
            since: '0.2.0',
          },
          line: 8,
          column: 25,
          endLine: 8,
          endColumn: 48,
        },
      ],
    },
    {
      name: '@hono/mcp 0.1.1 without options: reported, with no change that writes options it would ignore',
      code: honoServer(''),
      filename: hono010,
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPTransport`' },
          line: 8,
          column: 25,
          endLine: 8,
          endColumn: 48,
        },
      ],
    },
    {
      name: 'the SDK 1.13.2 ignores them too',
      code: sdkServer(PROTECTED),
      filename: sdk1132,
      output: null,
      errors: [
        {
          messageId: 'optionsIgnored',
          data: {
            transport: '`StreamableHTTPServerTransport`',
            module: '@modelcontextprotocol/sdk',
            installed: '1.13.2',
            since: '1.13.3',
          },
          line: 8,
          column: 25,
          endLine: 8,
          endColumn: 54,
        },
      ],
    },
    {
      name: 'on the SDK 1.13.3 the change that writes them is offered',
      code: sdkServer(STATELESS),
      filename: sdk1133,
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 8,
          column: 25,
          endLine: 8,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'enableProtection',
              output: sdkServer(
                "{ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3800', 'localhost:3800'] }",
              ),
            },
          ],
        },
      ],
    },
  ],
});
