import noWildcardOriginRule from '../../src/rules/no-wildcard-origin';
import noReflectedOriginRule from '../../src/rules/no-reflected-origin';
import requireDnsRebindingProtectionRule from '../../src/rules/require-dns-rebinding-protection';
import requireCsrfTokenRule from '../../src/rules/require-csrf-token';
import { commonjs, createRuleTester, esm, failClosedFix } from '../rule-tester';

// The threat model the rules assume, case by case: a permissive policy on public metadata or in
// front of endpoints that refuse requests without a credential, a guard that covers every MCP
// endpoint or misses one, credentials a rebinding or cross-site page can or cannot send. Next to
// each safe shape, the nearest variant that is not safe and must still be reported.

const ruleTester = createRuleTester();

ruleTester.run('no-wildcard-origin: public metadata a header serves', noWildcardOriginRule, {
  valid: [
    {
      name: '`*` on the OAuth protected-resource metadata',
      code: `import express from 'express';
const app = express();
app.get('/.well-known/oauth-protected-resource', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.json({ resource: 'https://mcp.example.com/mcp', authorization_servers: ['https://auth.example.com'] });
});`,
    },
  ],
  invalid: failClosedFix([
    {
      name: '`*` on an endpoint that lists the tools',
      code: `import express from 'express';
import { listTools } from './tools.js';
const app = express();
app.get('/api/tools', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.json(listTools());
});`,
      output: `import express from 'express';
import { listTools } from './tools.js';
const app = express();
app.get('/api/tools', (req, res) => {
  res.json(listTools());
});`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `import express from 'express';
import { listTools } from './tools.js';

const ALLOWED_ORIGIN = 'https://app.example.com';

const app = express();
app.get('/api/tools', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.json(listTools());
});`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-reflected-origin: public metadata a header serves', noReflectedOriginRule, {
  valid: [
    {
      name: 'the Origin echoed on the OAuth protected-resource metadata',
      code: `import express from 'express';
const app = express();
app.get('/.well-known/oauth-protected-resource', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '');
  res.json({ resource: 'https://mcp.example.com/mcp', authorization_servers: ['https://auth.example.com'] });
});`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'the Origin echoed on an endpoint that lists the tools',
      code: `import express from 'express';
import { listTools } from './tools.js';
const app = express();
app.get('/api/tools', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '');
  res.json(listTools());
});`,
      output: `import express from 'express';
import { listTools } from './tools.js';
const app = express();

const ALLOWED_ORIGINS: string[] = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

app.get('/api/tools', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', allowedOrigin(req.headers.origin));
  res.json(listTools());
});`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import express from 'express';
import { listTools } from './tools.js';
const app = express();

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

app.get('/api/tools', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', allowedOrigin(req.headers.origin));
  res.json(listTools());
});`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-wildcard-origin: publicPaths', noWildcardOriginRule, {
  valid: [
    {
      name: '`/status` named public',
      code: `import express from 'express';
import { sessions } from './sessions.js';
const app = express();
app.get('/status', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.json({ version: '1.4.0', sessions: sessions.size });
});`,
      options: [{ publicPaths: ['/status'] }],
    },
  ],
  invalid: failClosedFix([
    {
      name: '`/status` without the option',
      code: `import express from 'express';
import { sessions } from './sessions.js';
const app = express();
app.get('/status', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.json({ version: '1.4.0', sessions: sessions.size });
});`,
      output: `import express from 'express';
import { sessions } from './sessions.js';
const app = express();
app.get('/status', (req, res) => {
  res.json({ version: '1.4.0', sessions: sessions.size });
});`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `import express from 'express';
import { sessions } from './sessions.js';

const ALLOWED_ORIGIN = 'https://app.example.com';

const app = express();
app.get('/status', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.json({ version: '1.4.0', sessions: sessions.size });
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'the option replaces the default list: `/health` is no longer public',
      code: `import express from 'express';
import { sessions } from './sessions.js';
const app = express();
app.get('/health', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.json({ sessions: sessions.size });
});`,
      options: [{ publicPaths: ['/status'] }],
      output: `import express from 'express';
import { sessions } from './sessions.js';
const app = express();
app.get('/health', (req, res) => {
  res.json({ sessions: sessions.size });
});`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`Access-Control-Allow-Origin: *`', credentials: '' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useAllowedOrigin',
              output: `import express from 'express';
import { sessions } from './sessions.js';

const ALLOWED_ORIGIN = 'https://app.example.com';

const app = express();
app.get('/health', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.json({ sessions: sessions.size });
});`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-reflected-origin: publicPaths', noReflectedOriginRule, {
  valid: [
    {
      name: '`/status` named public, the Origin echoed',
      code: `import express from 'express';
import { sessions } from './sessions.js';
const app = express();
app.get('/status', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '');
  res.json({ version: '1.4.0', sessions: sessions.size });
});`,
      options: [{ publicPaths: ['/status'] }],
    },
  ],
  invalid: failClosedFix([
    {
      name: '`/status` without the option, the Origin echoed',
      code: `import express from 'express';
import { sessions } from './sessions.js';
const app = express();
app.get('/status', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '');
  res.json({ version: '1.4.0', sessions: sessions.size });
});`,
      output: `import express from 'express';
import { sessions } from './sessions.js';
const app = express();

const ALLOWED_ORIGINS: string[] = [];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

app.get('/status', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', allowedOrigin(req.headers.origin));
  res.json({ version: '1.4.0', sessions: sessions.size });
});`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`Access-Control-Allow-Origin`', credentials: '' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import express from 'express';
import { sessions } from './sessions.js';
const app = express();

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

/** The request's origin when ALLOWED_ORIGINS lists it, else '' (which matches no origin). */
function allowedOrigin(origin: unknown): string {
  return typeof origin === 'string' && ALLOWED_ORIGINS.includes(origin) ? origin : '';
}

app.get('/status', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', allowedOrigin(req.headers.origin));
  res.json({ version: '1.4.0', sessions: sessions.size });
});`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-reflected-origin: every MCP endpoint behind a bearer token', noReflectedOriginRule, {
  valid: [
    {
      name: '`cors({ origin: true })` on an app whose MCP endpoint requires a bearer token',
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: true }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
    },
    {
      name: 'CommonJS: `cors({ origin: true })` in front of a bearer-guarded endpoint',
      code: `const cors = require('cors');
const express = require('express');
const { requireBearerAuth } = require('@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { server, verifier } = require('./mcp.js');
const app = express();
app.use(cors({ origin: true }));
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      ...commonjs,
    },
  ],
  invalid: failClosedFix([
    {
      name: '`cors({ origin: true })` with credentials allowed',
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: true, credentials: true }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
      output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: false, credentials: true }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: ', credentials included' },
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS, credentials: true }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
            },
          ],
        },
      ],
    },
    {
      name: '`cors({ origin: true })` also reaching an SSE message endpoint the guard does not cover',
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: true }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
const sse = new Map<string, SSEServerTransport>();
app.post('/messages', async (req, res) => {
  const transport = sse.get(String(req.query.sessionId));
  if (!transport) return res.status(404).end();
  await transport.handlePostMessage(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
      output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: false }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
const sse = new Map<string, SSEServerTransport>();
app.post('/messages', async (req, res) => {
  const transport = sse.get(String(req.query.sessionId));
  if (!transport) return res.status(404).end();
  await transport.handlePostMessage(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
const sse = new Map<string, SSEServerTransport>();
app.post('/messages', async (req, res) => {
  const transport = sse.get(String(req.query.sessionId));
  if (!transport) return res.status(404).end();
  await transport.handlePostMessage(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
            },
          ],
        },
      ],
    },
    {
      name: '`cors({ origin: true })` with `trustCredentialChecks: false`',
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: true }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
      options: [{ trustCredentialChecks: false }],
      output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: false }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
            },
          ],
        },
      ],
    },
    {
      name: '`cors({ origin: true })` with the guard registered after the route',
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: true }));
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.use('/mcp', requireBearerAuth({ verifier }));
app.listen(3000, '127.0.0.1');`,
      output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: false }));
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.use('/mcp', requireBearerAuth({ verifier }));
app.listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.use('/mcp', requireBearerAuth({ verifier }));
app.listen(3000, '127.0.0.1');`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS: the same endpoint without the guard',
      code: `const cors = require('cors');
const express = require('express');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { server } = require('./mcp.js');
const app = express();
app.use(cors({ origin: true }));
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      ...commonjs,
      output: `const cors = require('cors');
const express = require('express');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { server } = require('./mcp.js');
const app = express();
app.use(cors({ origin: false }));
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `const cors = require('cors');
const express = require('express');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { server } = require('./mcp.js');

const ALLOWED_ORIGINS = ['https://app.example.com'];

const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-wildcard-origin: every MCP endpoint behind a bearer token', noWildcardOriginRule, {
  valid: [
    {
      name: '`cors()` on an app whose MCP endpoint requires a bearer token',
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors());
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
    },
  ],
  invalid: failClosedFix([
    {
      name: '`cors()` with credentials allowed',
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ credentials: true }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
      output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ credentials: true, origin: false }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: ', credentials included' },
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ credentials: true, origin: ALLOWED_ORIGINS }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
            },
          ],
        },
      ],
    },
    {
      name: '`cors()` also reaching an SSE message endpoint the guard does not cover',
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors());
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
const sse = new Map<string, SSEServerTransport>();
app.post('/messages', async (req, res) => {
  const transport = sse.get(String(req.query.sessionId));
  if (!transport) return res.status(404).end();
  await transport.handlePostMessage(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
      output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: false }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
const sse = new Map<string, SSEServerTransport>();
app.post('/messages', async (req, res) => {
  const transport = sse.get(String(req.query.sessionId));
  if (!transport) return res.status(404).end();
  await transport.handlePostMessage(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 10,
          column: 9,
          endLine: 10,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
const sse = new Map<string, SSEServerTransport>();
app.post('/messages', async (req, res) => {
  const transport = sse.get(String(req.query.sessionId));
  if (!transport) return res.status(404).end();
  await transport.handlePostMessage(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
            },
          ],
        },
      ],
    },
    {
      name: '`cors()` with `trustCredentialChecks: false`',
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors());
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
      options: [{ trustCredentialChecks: false }],
      output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: false }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
            },
          ],
        },
      ],
    },
    {
      name: '`cors()` with the guard registered after the route',
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors());
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.use('/mcp', requireBearerAuth({ verifier }));
app.listen(3000, '127.0.0.1');`,
      output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: false }));
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.use('/mcp', requireBearerAuth({ verifier }));
app.listen(3000, '127.0.0.1');`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.use('/mcp', requireBearerAuth({ verifier }));
app.listen(3000, '127.0.0.1');`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-reflected-origin: a guard mounted on a list of paths', noReflectedOriginRule, {
  valid: [
    {
      name: "`['/sse', '/message']` covers both SSE endpoints",
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const transports = new Map<string, SSEServerTransport>();
const app = express();
app.use(cors({ origin: true }));
app.use(['/sse', '/message'], requireBearerAuth({ verifier }));
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/message', res);
  transports.set(transport.sessionId, transport);
  res.on('close', () => transports.delete(transport.sessionId));
  await server.connect(transport);
});
app.post('/message', async (req, res) => {
  const transport = transports.get(String(req.query.sessionId));
  if (!transport) return res.status(404).end();
  await transport.handlePostMessage(req, res);
});`,
    },
  ],
  invalid: failClosedFix([
    {
      name: "`['/sse']` leaves the message endpoint open",
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const transports = new Map<string, SSEServerTransport>();
const app = express();
app.use(cors({ origin: true }));
app.use(['/sse'], requireBearerAuth({ verifier }));
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/message', res);
  transports.set(transport.sessionId, transport);
  res.on('close', () => transports.delete(transport.sessionId));
  await server.connect(transport);
});
app.post('/message', async (req, res) => {
  const transport = transports.get(String(req.query.sessionId));
  if (!transport) return res.status(404).end();
  await transport.handlePostMessage(req, res);
});`,
      output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const transports = new Map<string, SSEServerTransport>();
const app = express();
app.use(cors({ origin: false }));
app.use(['/sse'], requireBearerAuth({ verifier }));
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/message', res);
  transports.set(transport.sessionId, transport);
  res.on('close', () => transports.delete(transport.sessionId));
  await server.connect(transport);
});
app.post('/message', async (req, res) => {
  const transport = transports.get(String(req.query.sessionId));
  if (!transport) return res.status(404).end();
  await transport.handlePostMessage(req, res);
});`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { verifier } from './auth.js';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const transports = new Map<string, SSEServerTransport>();
const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));
app.use(['/sse'], requireBearerAuth({ verifier }));
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/message', res);
  transports.set(transport.sessionId, transport);
  res.on('close', () => transports.delete(transport.sessionId));
  await server.connect(transport);
});
app.post('/message', async (req, res) => {
  const transport = transports.get(String(req.query.sessionId));
  if (!transport) return res.status(404).end();
  await transport.handlePostMessage(req, res);
});`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-wildcard-origin: a guard mounted on a list of paths', noWildcardOriginRule, {
  valid: [
    {
      name: "`cors()`: `['/sse', '/message']` covers both SSE endpoints",
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const transports = new Map<string, SSEServerTransport>();
const app = express();
app.use(cors());
app.use(['/sse', '/message'], requireBearerAuth({ verifier }));
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/message', res);
  transports.set(transport.sessionId, transport);
  res.on('close', () => transports.delete(transport.sessionId));
  await server.connect(transport);
});
app.post('/message', async (req, res) => {
  const transport = transports.get(String(req.query.sessionId));
  if (!transport) return res.status(404).end();
  await transport.handlePostMessage(req, res);
});`,
    },
  ],
  invalid: failClosedFix([
    {
      name: "`cors()`: `['/sse']` leaves the message endpoint open",
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const transports = new Map<string, SSEServerTransport>();
const app = express();
app.use(cors());
app.use(['/sse'], requireBearerAuth({ verifier }));
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/message', res);
  transports.set(transport.sessionId, transport);
  res.on('close', () => transports.delete(transport.sessionId));
  await server.connect(transport);
});
app.post('/message', async (req, res) => {
  const transport = transports.get(String(req.query.sessionId));
  if (!transport) return res.status(404).end();
  await transport.handlePostMessage(req, res);
});`,
      output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const transports = new Map<string, SSEServerTransport>();
const app = express();
app.use(cors({ origin: false }));
app.use(['/sse'], requireBearerAuth({ verifier }));
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/message', res);
  transports.set(transport.sessionId, transport);
  res.on('close', () => transports.delete(transport.sessionId));
  await server.connect(transport);
});
app.post('/message', async (req, res) => {
  const transport = transports.get(String(req.query.sessionId));
  if (!transport) return res.status(404).end();
  await transport.handlePostMessage(req, res);
});`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 10,
          column: 9,
          endLine: 10,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { verifier } from './auth.js';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const transports = new Map<string, SSEServerTransport>();
const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));
app.use(['/sse'], requireBearerAuth({ verifier }));
app.get('/sse', async (req, res) => {
  const transport = new SSEServerTransport('/message', res);
  transports.set(transport.sessionId, transport);
  res.on('close', () => transports.delete(transport.sessionId));
  await server.connect(transport);
});
app.post('/message', async (req, res) => {
  const transport = transports.get(String(req.query.sessionId));
  if (!transport) return res.status(404).end();
  await transport.handlePostMessage(req, res);
});`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-wildcard-origin: a preflight route beside the app-level policy', noWildcardOriginRule, {
  valid: [
    {
      name: "`app.options('*', cors())` on a bearer-guarded server",
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors());
app.options('*', cors());
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
    },
  ],
  invalid: failClosedFix([
    {
      name: "`app.options('*', cors())` on a server without a guard",
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors());
app.options('*', cors());
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: false }));
app.options('*', cors({ origin: false }));
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));
app.options('*', cors());
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
            },
          ],
        },
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors());
app.options('*', cors({ origin: ALLOWED_ORIGINS }));
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-wildcard-origin: a status route beside guarded MCP endpoints', noWildcardOriginRule, {
  valid: [
    {
      name: "a root route that answers `{ status: 'ok' }`",
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors());
app.use(express.json());
app.get('/', (req, res) => res.json({ status: 'ok' }));
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'a root route that answers the uptime',
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors());
app.use(express.json());
app.get('/', (req, res) => res.json({ uptime: process.uptime() }));
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: false }));
app.use(express.json());
app.get('/', (req, res) => res.json({ uptime: process.uptime() }));
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));
app.use(express.json());
app.get('/', (req, res) => res.json({ uptime: process.uptime() }));
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-reflected-origin: a status route beside guarded MCP endpoints', noReflectedOriginRule, {
  valid: [
    {
      name: "`cors({ origin: true })`: a root route that answers `{ status: 'ok' }`",
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: true }));
app.use(express.json());
app.get('/', (req, res) => res.json({ status: 'ok' }));
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
    },
  ],
  invalid: failClosedFix([
    {
      name: '`cors({ origin: true })`: a root route that answers the uptime',
      code: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: true }));
app.use(express.json());
app.get('/', (req, res) => res.json({ uptime: process.uptime() }));
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: false }));
app.use(express.json());
app.get('/', (req, res) => res.json({ uptime: process.uptime() }));
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));
app.use(express.json());
app.get('/', (req, res) => res.json({ uptime: process.uptime() }));
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-wildcard-origin: an app handed to a function of the project', noWildcardOriginRule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: '`cors()` on an app `registerRoutes(app)` adds routes to',
      code: `import cors from 'cors';
import express, { type Express } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
import { exportNotes } from './notes.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
function registerRoutes(target: Express): void {
  target.get('/export', (req, res) => res.json(exportNotes()));
}
const app = express();
app.use(cors());
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
registerRoutes(app);`,
      output: `import cors from 'cors';
import express, { type Express } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
import { exportNotes } from './notes.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
function registerRoutes(target: Express): void {
  target.get('/export', (req, res) => res.json(exportNotes()));
}
const app = express();
app.use(cors({ origin: false }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
registerRoutes(app);`,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 13,
          column: 9,
          endLine: 13,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import express, { type Express } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
import { exportNotes } from './notes.js';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new McpServer({ name: 'notes', version: '1.0.0' });
function registerRoutes(target: Express): void {
  target.get('/export', (req, res) => res.json(exportNotes()));
}
const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
registerRoutes(app);`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('no-reflected-origin: an app handed to a function of the project', noReflectedOriginRule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: '`cors({ origin: true })` on an app `registerRoutes(app)` adds routes to',
      code: `import cors from 'cors';
import express, { type Express } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
import { exportNotes } from './notes.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
function registerRoutes(target: Express): void {
  target.get('/export', (req, res) => res.json(exportNotes()));
}
const app = express();
app.use(cors({ origin: true }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
registerRoutes(app);`,
      output: `import cors from 'cors';
import express, { type Express } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
import { exportNotes } from './notes.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
function registerRoutes(target: Express): void {
  target.get('/export', (req, res) => res.json(exportNotes()));
}
const app = express();
app.use(cors({ origin: false }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
registerRoutes(app);`,
      errors: [
        {
          messageId: 'reflectedOrigin',
          data: { policy: '`cors()` with `origin: true`', credentials: '' },
          line: 13,
          column: 16,
          endLine: 13,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'useAllowlist',
              output: `import cors from 'cors';
import express, { type Express } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
import { exportNotes } from './notes.js';

const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];

const server = new McpServer({ name: 'notes', version: '1.0.0' });
function registerRoutes(target: Express): void {
  target.get('/export', (req, res) => res.json(exportNotes()));
}
const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS }));
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier }));
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
registerRoutes(app);`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run(
  'require-dns-rebinding-protection: a transport behind a bearer token',
  requireDnsRebindingProtectionRule,
  {
    valid: [
      {
        name: '`requireBearerAuth()` on the route that makes the transport',
        code: `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
      },
    ],
    invalid: failClosedFix([
      {
        name: 'the same with `trustCredentialChecks: false`',
        code: `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
        options: [{ trustCredentialChecks: false }],
        output: `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
        errors: [
          {
            messageId: 'unprotectedTransport',
            data: { transport: '`StreamableHTTPServerTransport`' },
            line: 10,
            column: 25,
            endLine: 10,
            endColumn: 54,
            suggestions: [],
          },
        ],
      },
      {
        name: 'the same without the guard',
        code: `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
        output: `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:3000', 'localhost:3000'] });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');`,
        errors: [
          {
            messageId: 'unprotectedTransport',
            data: { transport: '`StreamableHTTPServerTransport`' },
            line: 8,
            column: 25,
            endLine: 8,
            endColumn: 54,
            suggestions: [],
          },
        ],
      },
    ]),
  },
);

ruleTester.run('require-dns-rebinding-protection: a session cookie', requireDnsRebindingProtectionRule, {
  valid: [
    {
      name: 'a middleware that refuses requests without a known session cookie',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { sessions } from './sessions.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
function requireSession(req: Request, res: Response, next: NextFunction) {
  const sid = /(?:^|;\\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (!sid || !sessions.has(sid)) return res.status(401).end();
  next();
}
const app = express();
app.use(express.json());
app.use(requireSession);
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
    },
  ],
  invalid: [
    {
      name: 'a middleware that only logs the cookie',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { sessions } from './sessions.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
function requireSession(req: Request, res: Response, next: NextFunction) {
  console.log('session', req.headers.cookie);
  next();
}
const app = express();
app.use(express.json());
app.use(requireSession);
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      output: null,
      errors: [
        {
          messageId: 'unprotectedTransport',
          data: { transport: '`StreamableHTTPServerTransport`' },
          line: 14,
          column: 25,
          endLine: 14,
          endColumn: 54,
          suggestions: [],
        },
      ],
    },
  ],
});

ruleTester.run('require-csrf-token: a session cookie', requireCsrfTokenRule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'a cookie check is no CSRF defence: the browser sends cookies cross-site',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { sessions } from './sessions.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
function requireSession(req: Request, res: Response, next: NextFunction) {
  if (!req.headers.cookie) return res.status(401).end();
  next();
}
const app = express();
app.use(express.json());
app.use(requireSession);
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      output: `import express, { type Request, type Response, type NextFunction } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { sessions } from './sessions.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
function requireSession(req: Request, res: Response, next: NextFunction) {
  if (!req.headers.cookie) return res.status(401).end();
  next();
}
const app = express();
app.use(express.json());
app.use(requireSession);

import { timingSafeEqual } from 'node:crypto';

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(MCP_CSRF_TOKEN);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', (req, res, next) => {
  if (!hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
    res.status(403).json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 13,
          column: 1,
          endLine: 13,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express, { type Request, type Response, type NextFunction } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { sessions } from './sessions.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
function requireSession(req: Request, res: Response, next: NextFunction) {
  if (!req.headers.cookie) return res.status(401).end();
  next();
}
const app = express();
app.use(express.json());
app.use(requireSession);

import { timingSafeEqual } from 'node:crypto';

/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value: unknown): boolean {
  if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(\`Bearer \${MCP_AUTH_TOKEN}\`);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', (req, res, next) => {
  if (!hasValidBearerToken(req.headers['authorization'])) {
    res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a known-session cookie check is no CSRF defence either',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { sessions } from './sessions.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
function requireSession(req: Request, res: Response, next: NextFunction) {
  const sid = /(?:^|;\\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (!sid || !sessions.has(sid)) return res.status(401).end();
  next();
}
const app = express();
app.use(express.json());
app.use(requireSession);
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      output: `import express, { type Request, type Response, type NextFunction } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { sessions } from './sessions.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
function requireSession(req: Request, res: Response, next: NextFunction) {
  const sid = /(?:^|;\\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (!sid || !sessions.has(sid)) return res.status(401).end();
  next();
}
const app = express();
app.use(express.json());
app.use(requireSession);

import { timingSafeEqual } from 'node:crypto';

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(MCP_CSRF_TOKEN);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', (req, res, next) => {
  if (!hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
    res.status(403).json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 14,
          column: 1,
          endLine: 14,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express, { type Request, type Response, type NextFunction } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { sessions } from './sessions.js';
const server = new McpServer({ name: 'notes', version: '1.0.0' });
function requireSession(req: Request, res: Response, next: NextFunction) {
  const sid = /(?:^|;\\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (!sid || !sessions.has(sid)) return res.status(401).end();
  next();
}
const app = express();
app.use(express.json());
app.use(requireSession);

import { timingSafeEqual } from 'node:crypto';

/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value: unknown): boolean {
  if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(\`Bearer \${MCP_AUTH_TOKEN}\`);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', (req, res, next) => {
  if (!hasValidBearerToken(req.headers['authorization'])) {
    res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run(
  'require-dns-rebinding-protection: a token check that is off until configured',
  requireDnsRebindingProtectionRule,
  {
    valid: [
      {
        name: 'the check refuses every request while `config.authToken` is unset',
        code: `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const config = { authToken: process.env.MCP_AUTH_TOKEN };
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
app.use((req, res, next) => {
  if (!config.authToken || req.headers.authorization !== \`Bearer \${config.authToken}\`) return res.status(401).end();
  next();
});
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      },
      {
        name: 'the check refuses every request while `TOKEN` is unset',
        code: `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const TOKEN = process.env.MCP_AUTH_TOKEN;
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
app.use((req, res, next) => {
  if (!TOKEN) return res.status(503).end();
  if (req.headers.authorization !== \`Bearer \${TOKEN}\`) return res.status(401).end();
  next();
});
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
      },
    ],
    invalid: [
      {
        name: 'the check runs only when `config.authToken` is set',
        code: `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const config = { authToken: process.env.MCP_AUTH_TOKEN };
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
app.use((req, res, next) => {
  if (config.authToken) {
    if (req.headers.authorization !== \`Bearer \${config.authToken}\`) return res.status(401).end();
  }
  next();
});
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
        output: null,
        errors: [
          {
            messageId: 'unprotectedTransport',
            data: { transport: '`StreamableHTTPServerTransport`' },
            line: 15,
            column: 25,
            endLine: 15,
            endColumn: 54,
            suggestions: [],
          },
        ],
      },
      {
        name: 'the check lets every request through while `TOKEN` is unset',
        code: `import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const TOKEN = process.env.MCP_AUTH_TOKEN;
const server = new McpServer({ name: 'notes', version: '1.0.0' });
const app = express();
app.use(express.json());
app.use((req, res, next) => {
  if (!TOKEN) return next();
  if (req.headers.authorization !== \`Bearer \${TOKEN}\`) return res.status(401).end();
  next();
});
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});`,
        output: null,
        errors: [
          {
            messageId: 'unprotectedTransport',
            data: { transport: '`StreamableHTTPServerTransport`' },
            line: 14,
            column: 25,
            endLine: 14,
            endColumn: 54,
            suggestions: [],
          },
        ],
      },
    ],
  },
);

ruleTester.run('require-csrf-token: a guard that only some routes get', requireCsrfTokenRule, {
  valid: [],
  invalid: failClosedFix([
    {
      name: 'the route registered without the guard is reported, the one with it is not',
      code: `import express, { type RequestHandler } from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const handler: RequestHandler = (req, res) => transport.handleRequest(req, res, req.body);
let auth: RequestHandler | null = null;
if (process.env.OAUTH) auth = requireBearerAuth({ verifier });
const app = express();
app.use(express.json());
if (auth) app.post('/mcp', auth, handler);
else app.post('/mcp', handler);`,
      output: `import express, { type RequestHandler } from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const handler: RequestHandler = (req, res) => transport.handleRequest(req, res, req.body);
let auth: RequestHandler | null = null;
if (process.env.OAUTH) auth = requireBearerAuth({ verifier });
const app = express();
app.use(express.json());

import { timingSafeEqual } from 'node:crypto';

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(MCP_CSRF_TOKEN);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

if (auth) app.post('/mcp', auth, handler);
else app.post('/mcp', (req, res, next) => {
  if (!hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
    res.status(403).json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, handler);`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 12,
          column: 6,
          endLine: 12,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express, { type RequestHandler } from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './auth.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const handler: RequestHandler = (req, res) => transport.handleRequest(req, res, req.body);
let auth: RequestHandler | null = null;
if (process.env.OAUTH) auth = requireBearerAuth({ verifier });
const app = express();
app.use(express.json());

import { timingSafeEqual } from 'node:crypto';

/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value: unknown): boolean {
  if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(\`Bearer \${MCP_AUTH_TOKEN}\`);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

if (auth) app.post('/mcp', auth, handler);
else app.post('/mcp', (req, res, next) => {
  if (!hasValidBearerToken(req.headers['authorization'])) {
    res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, handler);`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('require-csrf-token: a helper that reads the token', requireCsrfTokenRule, {
  valid: [
    {
      name: 'a bearer token read by `bearerOf(req)`, refused when missing',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function bearerOf(req: Request): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}
function requireToken(req: Request, res: Response, next: NextFunction) {
  const token = bearerOf(req);
  if (!token) return res.status(401).end();
  next();
}
const app = express();
app.use(express.json());
app.post('/mcp', requireToken, (req, res) => transport.handleRequest(req, res, req.body));`,
    },
    {
      name: 'a token destructured from `readCredentials(req)`, refused when missing',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function readCredentials(req: Request) {
  return { token: req.headers['x-api-key'] };
}
function requireToken(req: Request, res: Response, next: NextFunction) {
  const { token } = readCredentials(req);
  if (!token) return res.status(401).end();
  next();
}
const app = express();
app.use(express.json());
app.post('/mcp', requireToken, (req, res) => transport.handleRequest(req, res, req.body));`,
    },
    {
      name: 'ESM JavaScript: `bearerOf(req)` refused when missing',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function bearerOf(req) {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}
function requireToken(req, res, next) {
  const token = bearerOf(req);
  if (!token) return res.status(401).end();
  next();
}
const app = express();
app.post('/mcp', requireToken, (req, res) => transport.handleRequest(req, res, req.body));`,
      ...esm,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'a middleware that only logs the token from `bearerOf(req)`',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function bearerOf(req: Request): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}
function requireToken(req: Request, res: Response, next: NextFunction) {
  const token = bearerOf(req);
  console.log('token', token);
  next();
}
const app = express();
app.use(express.json());
app.post('/mcp', requireToken, (req, res) => transport.handleRequest(req, res, req.body));`,
      output: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function bearerOf(req: Request): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}
function requireToken(req: Request, res: Response, next: NextFunction) {
  const token = bearerOf(req);
  console.log('token', token);
  next();
}
const app = express();
app.use(express.json());

import { timingSafeEqual } from 'node:crypto';

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(MCP_CSRF_TOKEN);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', requireToken, (req, res, next) => {
  if (!hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
    res.status(403).json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, (req, res) => transport.handleRequest(req, res, req.body));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 15,
          column: 1,
          endLine: 15,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function bearerOf(req: Request): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}
function requireToken(req: Request, res: Response, next: NextFunction) {
  const token = bearerOf(req);
  console.log('token', token);
  next();
}
const app = express();
app.use(express.json());

import { timingSafeEqual } from 'node:crypto';

/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value: unknown): boolean {
  if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(\`Bearer \${MCP_AUTH_TOKEN}\`);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', requireToken, (req, res, next) => {
  if (!hasValidBearerToken(req.headers['authorization'])) {
    res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, (req, res) => transport.handleRequest(req, res, req.body));`,
            },
          ],
        },
      ],
    },
    {
      name: 'a middleware that only logs the token from `readCredentials(req)`',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function readCredentials(req: Request) {
  return { token: req.headers['x-api-key'] };
}
function requireToken(req: Request, res: Response, next: NextFunction) {
  const { token } = readCredentials(req);
  console.log('token', token);
  next();
}
const app = express();
app.use(express.json());
app.post('/mcp', requireToken, (req, res) => transport.handleRequest(req, res, req.body));`,
      output: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function readCredentials(req: Request) {
  return { token: req.headers['x-api-key'] };
}
function requireToken(req: Request, res: Response, next: NextFunction) {
  const { token } = readCredentials(req);
  console.log('token', token);
  next();
}
const app = express();
app.use(express.json());

import { timingSafeEqual } from 'node:crypto';

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(MCP_CSRF_TOKEN);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', requireToken, (req, res, next) => {
  if (!hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
    res.status(403).json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, (req, res) => transport.handleRequest(req, res, req.body));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 14,
          column: 1,
          endLine: 14,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function readCredentials(req: Request) {
  return { token: req.headers['x-api-key'] };
}
function requireToken(req: Request, res: Response, next: NextFunction) {
  const { token } = readCredentials(req);
  console.log('token', token);
  next();
}
const app = express();
app.use(express.json());

import { timingSafeEqual } from 'node:crypto';

/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value: unknown): boolean {
  if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(\`Bearer \${MCP_AUTH_TOKEN}\`);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', requireToken, (req, res, next) => {
  if (!hasValidBearerToken(req.headers['authorization'])) {
    res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, (req, res) => transport.handleRequest(req, res, req.body));`,
            },
          ],
        },
      ],
    },
    {
      name: 'ESM JavaScript: `bearerOf(req)` only logged',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function bearerOf(req) {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}
function requireToken(req, res, next) {
  console.log('token', bearerOf(req));
  next();
}
const app = express();
app.post('/mcp', requireToken, (req, res) => transport.handleRequest(req, res, req.body));`,
      ...esm,
      output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function bearerOf(req) {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}
function requireToken(req, res, next) {
  console.log('token', bearerOf(req));
  next();
}
const app = express();

import { timingSafeEqual } from 'node:crypto';

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value) {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(MCP_CSRF_TOKEN);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', requireToken, (req, res, next) => {
  if (!hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
    res.status(403).json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, (req, res) => transport.handleRequest(req, res, req.body));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 13,
          column: 1,
          endLine: 13,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function bearerOf(req) {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}
function requireToken(req, res, next) {
  console.log('token', bearerOf(req));
  next();
}
const app = express();

import { timingSafeEqual } from 'node:crypto';

/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value) {
  if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(\`Bearer \${MCP_AUTH_TOKEN}\`);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', requireToken, (req, res, next) => {
  if (!hasValidBearerToken(req.headers['authorization'])) {
    res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, (req, res) => transport.handleRequest(req, res, req.body));`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('require-csrf-token: a factory whose middleware reads its options', requireCsrfTokenRule, {
  valid: [
    {
      name: '`requireToken({ token })` refuses a wrong `Authorization` header',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function requireToken(options: { token: string }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.authorization !== \`Bearer \${options.token}\`) return res.status(401).end();
    next();
  };
}
const token = process.env.MCP_AUTH_TOKEN ?? '';
const app = express();
app.use(express.json());
app.post('/mcp', requireToken({ token }), (req, res) => transport.handleRequest(req, res, req.body));`,
    },
  ],
  invalid: failClosedFix([
    {
      name: '`requireToken({ token })` that only warns about a wrong header',
      code: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function requireToken(options: { token: string }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.authorization !== \`Bearer \${options.token}\`) console.warn('unexpected token');
    next();
  };
}
const token = process.env.MCP_AUTH_TOKEN ?? '';
const app = express();
app.use(express.json());
app.post('/mcp', requireToken({ token }), (req, res) => transport.handleRequest(req, res, req.body));`,
      output: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function requireToken(options: { token: string }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.authorization !== \`Bearer \${options.token}\`) console.warn('unexpected token');
    next();
  };
}
const token = process.env.MCP_AUTH_TOKEN ?? '';
const app = express();
app.use(express.json());

import { timingSafeEqual } from 'node:crypto';

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(MCP_CSRF_TOKEN);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', requireToken({ token }), (req, res, next) => {
  if (!hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
    res.status(403).json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, (req, res) => transport.handleRequest(req, res, req.body));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 13,
          column: 1,
          endLine: 13,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express, { type Request, type Response, type NextFunction } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
function requireToken(options: { token: string }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.authorization !== \`Bearer \${options.token}\`) console.warn('unexpected token');
    next();
  };
}
const token = process.env.MCP_AUTH_TOKEN ?? '';
const app = express();
app.use(express.json());

import { timingSafeEqual } from 'node:crypto';

/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value: unknown): boolean {
  if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(\`Bearer \${MCP_AUTH_TOKEN}\`);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', requireToken({ token }), (req, res, next) => {
  if (!hasValidBearerToken(req.headers['authorization'])) {
    res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, (req, res) => transport.handleRequest(req, res, req.body));`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('require-csrf-token: a query parameter', requireCsrfTokenRule, {
  valid: [
    {
      name: 'the same shape reading the `x-mcp-csrf-token` header',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.post('/mcp', (req, res) => {
  const token = req.get('x-mcp-csrf-token');
  if (!token) return res.status(403).end();
  return transport.handleRequest(req, res, req.body);
});`,
    },
  ],
  invalid: failClosedFix([
    {
      name: '`sessionId` read through `new URL(req.url, base).searchParams`',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.post('/mcp', (req, res) => {
  const sessionId = new URL(req.url, 'http://localhost').searchParams.get('sessionId');
  if (!sessionId) return res.status(400).end();
  return transport.handleRequest(req, res, req.body);
});`,
      output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());

import { timingSafeEqual } from 'node:crypto';

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(MCP_CSRF_TOKEN);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', (req, res, next) => {
  if (!hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
    res.status(403).json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, (req, res) => {
  const sessionId = new URL(req.url, 'http://localhost').searchParams.get('sessionId');
  if (!sessionId) return res.status(400).end();
  return transport.handleRequest(req, res, req.body);
});`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());

import { timingSafeEqual } from 'node:crypto';

/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value: unknown): boolean {
  if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(\`Bearer \${MCP_AUTH_TOKEN}\`);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', (req, res, next) => {
  if (!hasValidBearerToken(req.headers['authorization'])) {
    res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, (req, res) => {
  const sessionId = new URL(req.url, 'http://localhost').searchParams.get('sessionId');
  if (!sessionId) return res.status(400).end();
  return transport.handleRequest(req, res, req.body);
});`,
            },
          ],
        },
      ],
    },
  ]),
});

ruleTester.run('require-csrf-token: auth middleware of other vendors', requireCsrfTokenRule, {
  valid: [
    {
      name: "`auth()` from 'express-oauth2-jwt-bearer'",
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { auth } from 'express-oauth2-jwt-bearer';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.use(auth({ audience: 'https://mcp.example.com', issuerBaseURL: 'https://example.auth0.com/' }));
app.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));`,
    },
    {
      name: "`descopeMcpBearerAuth()` from '@descope/mcp-express'",
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { descopeMcpBearerAuth } from '@descope/mcp-express';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.use(descopeMcpBearerAuth());
app.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));`,
    },
    {
      name: "`mcpAuthClerk` from '@clerk/mcp-tools/express', used as it is",
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { mcpAuthClerk } from '@clerk/mcp-tools/express';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.use('/mcp', mcpAuthClerk);
app.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));`,
    },
  ],
  invalid: failClosedFix([
    {
      name: 'a local `auth()` that lets every request through',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Request, Response, NextFunction } from 'express';
function auth(options: { audience: string }) {
  return (req: Request, res: Response, next: NextFunction) => next();
}
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.use(auth({ audience: 'https://mcp.example.com' }));
app.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));`,
      output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Request, Response, NextFunction } from 'express';
function auth(options: { audience: string }) {
  return (req: Request, res: Response, next: NextFunction) => next();
}
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.use(auth({ audience: 'https://mcp.example.com' }));

import { timingSafeEqual } from 'node:crypto';

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(MCP_CSRF_TOKEN);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', (req, res, next) => {
  if (!hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
    res.status(403).json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, (req, res) => transport.handleRequest(req, res, req.body));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 11,
          column: 1,
          endLine: 11,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Request, Response, NextFunction } from 'express';
function auth(options: { audience: string }) {
  return (req: Request, res: Response, next: NextFunction) => next();
}
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.use(auth({ audience: 'https://mcp.example.com' }));

import { timingSafeEqual } from 'node:crypto';

/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value: unknown): boolean {
  if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(\`Bearer \${MCP_AUTH_TOKEN}\`);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', (req, res, next) => {
  if (!hasValidBearerToken(req.headers['authorization'])) {
    res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, (req, res) => transport.handleRequest(req, res, req.body));`,
            },
          ],
        },
      ],
    },
    {
      name: '`descopeMcpBearerAuth()` registered after the route',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { descopeMcpBearerAuth } from '@descope/mcp-express';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));
app.use(descopeMcpBearerAuth());`,
      output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { descopeMcpBearerAuth } from '@descope/mcp-express';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());

import { timingSafeEqual } from 'node:crypto';

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(MCP_CSRF_TOKEN);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', (req, res, next) => {
  if (!hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
    res.status(403).json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, (req, res) => transport.handleRequest(req, res, req.body));
app.use(descopeMcpBearerAuth());`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { descopeMcpBearerAuth } from '@descope/mcp-express';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());

import { timingSafeEqual } from 'node:crypto';

/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value: unknown): boolean {
  if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(\`Bearer \${MCP_AUTH_TOKEN}\`);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', (req, res, next) => {
  if (!hasValidBearerToken(req.headers['authorization'])) {
    res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, (req, res) => transport.handleRequest(req, res, req.body));
app.use(descopeMcpBearerAuth());`,
            },
          ],
        },
      ],
    },
    {
      name: '`mcpAuthClerk` mounted on another path',
      code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { mcpAuthClerk } from '@clerk/mcp-tools/express';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.use('/admin', mcpAuthClerk);
app.post('/mcp', (req, res) => transport.handleRequest(req, res, req.body));`,
      output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { mcpAuthClerk } from '@clerk/mcp-tools/express';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.use('/admin', mcpAuthClerk);

import { timingSafeEqual } from 'node:crypto';

/** The token every request to the MCP endpoint must carry in the x-mcp-csrf-token header; while it is unset, every request is refused. */
const MCP_CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;

/** Whether a request header carries MCP_CSRF_TOKEN, compared in constant time. */
function hasValidCsrfToken(value: unknown): boolean {
  if (!MCP_CSRF_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(MCP_CSRF_TOKEN);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', (req, res, next) => {
  if (!hasValidCsrfToken(req.headers['x-mcp-csrf-token'])) {
    res.status(403).json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, (req, res) => transport.handleRequest(req, res, req.body));`,
      errors: [
        {
          messageId: 'missingCsrfCheck',
          data: { route: '`POST /mcp`' },
          line: 8,
          column: 1,
          endLine: 8,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'useBearerToken',
              output: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { mcpAuthClerk } from '@clerk/mcp-tools/express';
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
const app = express();
app.use(express.json());
app.use('/admin', mcpAuthClerk);

import { timingSafeEqual } from 'node:crypto';

/** The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused. */
const MCP_AUTH_TOKEN = process.env.MCP_AUTH_TOKEN;

/** Whether a request header carries MCP_AUTH_TOKEN, compared in constant time. */
function hasValidBearerToken(value: unknown): boolean {
  if (!MCP_AUTH_TOKEN || typeof value !== 'string') return false;
  const expected = Buffer.from(\`Bearer \${MCP_AUTH_TOKEN}\`);
  const received = Buffer.from(value);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

app.post('/mcp', (req, res, next) => {
  if (!hasValidBearerToken(req.headers['authorization'])) {
    res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Missing or invalid credentials for this MCP server' });
    return;
  }
  next();
}, (req, res) => transport.handleRequest(req, res, req.body));`,
            },
          ],
        },
      ],
    },
  ]),
});
