import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { TestCaseError } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../src/rules/require-dns-rebinding-protection';
import { commonjs, createRuleTester, esm, failClosedFix } from '../rule-tester';

// From SDK 1.24.0 a v1 transport's `enableDnsRebindingProtection` and `allowedHosts` are deprecated
// in favour of the Host validation middleware of
// `@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js`. Where that version is
// installed and the transport's routes are on one Express app or router of the file, the fix puts
// `localhostHostValidation()` on the app right after the statement that makes it, and imports it;
// with an older SDK, an unknown one, or no such app, it writes the options as before.

const ruleTester = createRuleTester();

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A project with the MCP SDK installed at `version` (none for `null`); returns the path of a file in it. */
function withSdk(version: string | null, file = 'server.ts'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-host-validation-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'notes-mcp', private: true }));
  if (version !== null) {
    const sdk = path.join(dir, 'node_modules', '@modelcontextprotocol', 'sdk');
    fs.mkdirSync(sdk, { recursive: true });
    fs.writeFileSync(path.join(sdk, 'package.json'), JSON.stringify({ name: '@modelcontextprotocol/sdk', version }));
  }
  return path.join(dir, file);
}

const SDK_1_24 = withSdk('1.24.0');
const SDK_1_23 = withSdk('1.23.1');
const NO_SDK = withSdk(null);

const STREAMABLE = `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const app = express();
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

const STREAMABLE_VALIDATED = `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { localhostHostValidation } from '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';

const app = express();
app.use(localhostHostValidation());
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`;

const STREAMABLE_OPTIONS = STREAMABLE.replace(
  '{ sessionIdGenerator: undefined }',
  "{ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] }",
);

/** The report on STREAMABLE's transport (line 7), with `suggestions` as given. */
const streamableReport = (
  suggestions: { messageId: 'validateHost' | 'enableProtection'; output: string }[],
): TestCaseError<MessageIds> => ({
  messageId: 'unprotectedTransport',
  data: { transport: '`StreamableHTTPServerTransport`' },
  line: 7,
  column: 25,
  endLine: 7,
  endColumn: 54,
  suggestions,
});

const CJS = `const express = require('express');
const { SSEServerTransport } = require('@modelcontextprotocol/sdk/server/sse.js');

const app = express();
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/messages', res);
  await transport.start();
});
app.listen(3000, '127.0.0.1');
`;

const ESM_ROUTER = `import express from "express"
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js"

export const router = express.Router() // the MCP routes
router.all("/mcp", async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined })
  await transport.handleRequest(req, res, req.body)
})
`;

ruleTester.run("require-dns-rebinding-protection: the SDK's Host validation middleware", rule, {
  valid: [
    {
      name: 'the fixed server: the middleware on the app before its routes',
      filename: SDK_1_24,
      code: STREAMABLE_VALIDATED,
    },
  ],
  invalid: [
    ...failClosedFix<MessageIds, Options>([
      {
        name: 'SDK 1.24.0: on the Express app, after the statement that makes it, and imported after the imports',
        filename: SDK_1_24,
        code: STREAMABLE,
        output: STREAMABLE_VALIDATED,
        errors: [streamableReport([])],
      },
      {
        name: 'SDK 1.23.1 has no middleware: the transport options, as before',
        filename: SDK_1_23,
        code: STREAMABLE,
        output: STREAMABLE_OPTIONS,
        errors: [streamableReport([])],
      },
      {
        name: 'an SDK whose version is unknown: the transport options, which every version since 1.13.3 reads',
        filename: NO_SDK,
        code: STREAMABLE,
        output: STREAMABLE_OPTIONS,
        errors: [streamableReport([])],
      },
      {
        name: 'CommonJS: required after the requires, for an SSE transport',
        ...commonjs,
        filename: withSdk('1.24.0', 'server.cjs'),
        code: CJS,
        output: `const express = require('express');
const { SSEServerTransport } = require('@modelcontextprotocol/sdk/server/sse.js');
const { localhostHostValidation } = require('@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js');

const app = express();
app.use(localhostHostValidation());
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/messages', res);
  await transport.start();
});
app.listen(3000, '127.0.0.1');
`,
        errors: [
          {
            messageId: 'unprotectedTransport' as const,
            data: { transport: '`SSEServerTransport`' },
            line: 6,
            column: 25,
            endLine: 6,
            endColumn: 43,
            suggestions: [],
          },
        ],
      },
      {
        name: "ESM: an exported router, in the file's quotes and without semicolons, after the comment that ends its line",
        ...esm,
        filename: withSdk('1.32.2', 'router.mjs'),
        code: ESM_ROUTER,
        output: `import express from "express"
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js"
import { localhostHostValidation } from "@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js"

export const router = express.Router() // the MCP routes
router.use(localhostHostValidation())
router.all("/mcp", async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined })
  await transport.handleRequest(req, res, req.body)
})
`,
        errors: [
          {
            messageId: 'unprotectedTransport' as const,
            data: { transport: '`StreamableHTTPServerTransport`' },
            line: 6,
            column: 25,
            endLine: 6,
            endColumn: 54,
            suggestions: [],
          },
        ],
      },
      {
        name: 'an app made in a function: the middleware follows it there, at its indentation',
        filename: SDK_1_24,
        code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export function start(port: number) {
  const app = express();
  app.post('/mcp', async (req, res) => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res, req.body);
  });
  return app.listen(port, '127.0.0.1');
}`,
        output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { localhostHostValidation } from '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';

export function start(port: number) {
  const app = express();
  app.use(localhostHostValidation());
  app.post('/mcp', async (req, res) => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res, req.body);
  });
  return app.listen(port, '127.0.0.1');
}`,
        errors: [
          {
            messageId: 'unprotectedTransport' as const,
            data: { transport: '`StreamableHTTPServerTransport`' },
            line: 7,
            column: 27,
            endLine: 7,
            endColumn: 56,
            suggestions: [],
          },
        ],
      },
      {
        name: "a binding of the file's own by the middleware's name: no clash, the transport options instead",
        filename: SDK_1_24,
        code: STREAMABLE.replace(
          '\nconst app = express();',
          '\nfunction localhostHostValidation(): void {}\nlocalhostHostValidation();\nconst app = express();',
        ),
        output: STREAMABLE_OPTIONS.replace(
          '\nconst app = express();',
          '\nfunction localhostHostValidation(): void {}\nlocalhostHostValidation();\nconst app = express();',
        ),
        errors: [{ ...streamableReport([]), line: 9, endLine: 9 }],
      },
      {
        name: 'routes on two apps: no one place before them all, the transport options instead',
        filename: SDK_1_24,
        code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const handle = async (req: express.Request, res: express.Response) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
};
const app = express();
const admin = express();
app.post('/mcp', handle);
admin.post('/mcp', handle);
app.listen(3000, '127.0.0.1');
admin.listen(3001, '127.0.0.1');`,
        output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const handle = async (req: express.Request, res: express.Response) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] });
  await transport.handleRequest(req, res, req.body);
};
const app = express();
const admin = express();
app.post('/mcp', handle);
admin.post('/mcp', handle);
app.listen(3000, '127.0.0.1');
admin.listen(3001, '127.0.0.1');`,
        errors: [{ ...streamableReport([]), line: 5, endLine: 5 }],
      },
      {
        name: 'a plain node:http handler has no Express app: the transport options',
        filename: SDK_1_24,
        code: `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

http
  .createServer(async (req, res) => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res);
  })
  .listen(3000, '127.0.0.1');`,
        output: `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

http
  .createServer(async (req, res) => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] });
    await transport.handleRequest(req, res);
  })
  .listen(3000, '127.0.0.1');`,
        errors: [{ ...streamableReport([]), line: 6, column: 27, endLine: 6, endColumn: 56 }],
      },
    ]),
    {
      name: 'by default, the middleware is the first suggestion, not an autofix',
      filename: SDK_1_24,
      code: STREAMABLE,
      output: null,
      errors: [streamableReport([{ messageId: 'validateHost', output: STREAMABLE_VALIDATED }])],
    },
    {
      name: 'by default with SDK 1.23.1, turning on the transport options is the suggestion',
      filename: SDK_1_23,
      code: STREAMABLE,
      output: null,
      errors: [streamableReport([{ messageId: 'enableProtection', output: STREAMABLE_OPTIONS }])],
    },
  ],
});

// An Express app that answers MCP by hand, in a file of the SDK v1: the fix makes it with the SDK's
// `createMcpExpressApp()`, which validates Host. 1.24.0 and 1.24.1 export it from the server's
// index; server/express.js first ships in 1.24.2; before 1.24.0 there is none.
const BY_HAND = `import express from 'express';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { callTool } from './tools.js';

const app = express();
app.use(express.json());
app.post('/rpc', async (req, res) => {
  const { id, method, params } = req.body;
  if (method !== 'tools/call') return res.status(404).end();
  const result: CallToolResult = await callTool(params);
  res.json({ jsonrpc: '2.0', id, result });
});
app.listen(3000, '127.0.0.1');`;

/** BY_HAND with its app made by `createMcpExpressApp` imported from `module`. */
const madeByFactory = (module: string): string =>
  BY_HAND.replace(
    "import { callTool } from './tools.js';\n",
    `import { callTool } from './tools.js';\nimport { createMcpExpressApp } from '${module}';\n`,
  ).replace('const app = express();', 'const app = createMcpExpressApp();');

const appReport = (suggestions: TestCaseError<MessageIds>['suggestions']): TestCaseError<MessageIds> => ({
  messageId: 'unprotectedApp',
  data: { app: '`express()` app' },
  line: 5,
  column: 13,
  endLine: 5,
  endColumn: 22,
  suggestions,
});

ruleTester.run<MessageIds, Options>(
  'require-dns-rebinding-protection: createMcpExpressApp where the SDK has it',
  rule,
  {
    valid: [
      {
        name: "an app of 1.24.1's createMcpExpressApp, from the server index, validates Host by default",
        code: madeByFactory('@modelcontextprotocol/sdk/server/index.js'),
        filename: withSdk('1.24.1'),
      },
    ],
    invalid: [
      {
        name: 'SDK 1.24.1: imported from the server index',
        code: BY_HAND,
        filename: withSdk('1.24.1'),
        errors: [
          appReport([
            { messageId: 'validateHost', output: madeByFactory('@modelcontextprotocol/sdk/server/index.js') },
          ]),
        ],
      },
      {
        name: 'SDK 1.24.2: imported from server/express.js',
        code: BY_HAND,
        filename: withSdk('1.24.2'),
        errors: [
          appReport([
            { messageId: 'validateHost', output: madeByFactory('@modelcontextprotocol/sdk/server/express.js') },
          ]),
        ],
      },
      {
        name: "1.24.1's createMcpExpressApp from the server index, told to bind every interface",
        code: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/index.js';
export const app = createMcpExpressApp({ host: '0.0.0.0' });`,
        filename: withSdk('1.24.1'),
        output: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/index.js';
export const app = createMcpExpressApp({ host: '127.0.0.1' });`,
        options: [{ failClosedFix: true }],
        errors: [
          {
            messageId: 'validationTurnedOff',
            data: { factory: 'createMcpExpressApp', host: "'0.0.0.0'", place: '' },
            line: 2,
            column: 42,
            endLine: 2,
            endColumn: 57,
            suggestions: [
              {
                messageId: 'addAllowedHosts',
                output: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/index.js';
export const app = createMcpExpressApp({ host: '0.0.0.0', allowedHosts: ['localhost', '127.0.0.1', '[::1]'] });`,
              },
            ],
          },
        ],
      },
      {
        name: 'SDK 1.23.1 has no createMcpExpressApp: no change',
        code: BY_HAND,
        filename: SDK_1_23,
        errors: [appReport([])],
      },
    ],
  },
);
