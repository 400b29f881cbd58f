import path from 'node:path';
import envRule from '../../src/rules/no-env-allowed-origins';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';
import { packageMaker } from '../support/packages';

// What a route answers can make it public wherever it is mounted: an OAuth discovery document
// (RFC 9728's protected resource metadata, RFC 8414's authorization server metadata) is published
// for any client to read, so `cors()` on a router that answers only that document gives a page
// nothing, even in a library whose user mounts the router at a path of their choosing. A
// registration endpoint is known by the client metadata it parses, also with the project's own
// zod schema of it; and Hono answers an error with a status given in a `ResponseInit`.

const ruleTester = createRuleTester();
const makePackage = packageMaker();

/**
 * A library's router for one metadata document, with `cors()` on its route: `document` is what
 * `router.get('/')` answers.
 */
const metadataRouter = (document: string, answer = 'res.status(200).json(metadata);') => `import express from 'express';
import cors from 'cors';

export interface Options {
  resource: string;
  issuer: string;
}

export function metadataRouter(options: Options) {
  const metadata = ${document};

  const router = express.Router();
  router.get('/', cors(), (_req, res) => {
    ${answer}
  });
  return router;
}
`;

/** The module of `code`, as the entry of a library: its user mounts the router wherever they like. */
function libraryEntry(code: string): string {
  const dir = makePackage({ 'src/index.ts': code }, { name: 'mcp-auth-kit', main: 'src/index.ts' });
  return path.join(dir, 'src', 'index.ts');
}

const RESOURCE_METADATA = `{
    resource: options.resource,
    authorization_servers: [options.issuer],
    bearer_methods_supported: ['header'],
  }`;

const SERVER_METADATA = `{
    issuer: options.issuer,
    authorization_endpoint: \`\${options.issuer}/authorize\`,
    token_endpoint: \`\${options.issuer}/token\`,
  }`;

const ALLOWLIST = "const ALLOWED_ORIGINS: string[] = ['https://app.example.com'];";

/** The 1-based line of the first line of `code` that holds `text`. */
const lineOf = (code: string, text: string): number => code.split('\n').findIndex((line) => line.includes(text)) + 1;

/** The report on the router's `cors()`, with its two suggestions. */
function routerWildcard(code: string) {
  return {
    messageId: 'wildcardOrigin' as const,
    data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
    line: lineOf(code, 'cors()'),
    column: code.split('\n')[lineOf(code, 'cors()') - 1]!.indexOf('cors()') + 1,
    endLine: lineOf(code, 'cors()'),
    endColumn: code.split('\n')[lineOf(code, 'cors()') - 1]!.indexOf('cors()') + 7,
    suggestions: [
      { messageId: 'denyOrigins' as const, output: code.replace('cors()', 'cors({ origin: false })') },
      {
        messageId: 'useAllowlist' as const,
        output: code
          .replace('cors()', 'cors({ origin: ALLOWED_ORIGINS })')
          .replace('\nexport interface', `\n${ALLOWLIST}\n\nexport interface`),
      },
    ],
  };
}

const notMetadata = metadataRouter(`{
    resource: options.resource,
    notes: ['draft'],
  }`);
/** Discovery metadata with a member the specifications do not name. */
const extraMember = metadataRouter(`{
    resource: options.resource,
    authorization_servers: [options.issuer],
    api_key: process.env.API_KEY,
  }`);
/** Discovery metadata with everything else spread into it. */
const spreadIn = metadataRouter(`{
    ...options,
    resource: options.resource,
    authorization_servers: [options.issuer],
  }`);
/** The metadata router with `cors()` on the whole router, which a caller may mount at the root. */
const routerWide = metadataRouter(RESOURCE_METADATA).replace(
  "router.get('/', cors(), (_req, res) => {",
  "router.use(cors());\n  router.get('/', (_req, res) => {",
);
const auditsToo = metadataRouter(RESOURCE_METADATA, 'audit(_req.headers);\n    res.json(metadata);').replace(
  '\nexport function metadataRouter',
  '\ndeclare function audit(headers: unknown): void;\n\nexport function metadataRouter',
);

/** A server whose `/register` parses the body with `schema`, under `cors()` on line 17. */
const registration = (schema: string) => `import express from 'express';
import cors from 'cors';
import { z } from 'zod';
import { randomUUID } from 'node:crypto';

const ClientMetadataSchema = ${schema};

const app = express();
app.use(express.json());
app.post('/mcp', (req, res) => {
  if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) {
    res.status(401).end();
    return;
  }
  res.json({});
});
app.use(cors());
app.post('/register', (req, res) => {
  const parsed = ClientMetadataSchema.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: 'invalid_client_metadata' });
    return;
  }
  res.status(201).json({ ...parsed.data, client_id: randomUUID() });
});
app.listen(3000, '127.0.0.1');
`;

const clientSchema = registration(`z
  .object({
    redirect_uris: z.array(z.string().url()),
    client_name: z.string().optional(),
  })
  .strip()`);
const profileSchema = registration(`z.object({ name: z.string(), email: z.string() })`);
/** A schema whose `redirect_uris` may be left out: any request body with other fields passes it. */
const optionalUris = registration(`z.object({ method: z.string(), redirect_uris: z.array(z.string()).optional() })`);

/** A Hono app whose GET `/mcp` refuses with `init`; `cors()` on line 4. */
const honoRefusal = (init: string) => `import { Hono } from 'hono';
import { cors } from 'hono/cors';
const app = new Hono();
app.use('*', cors({ origin: '*' }));
app.post('/mcp', async (c) => {
  if (c.req.header('authorization') !== \`Bearer \${process.env.MCP_TOKEN}\`) {
    return c.json({ error: 'invalid_token' }, { status: 401 });
  }
  return c.json({ jsonrpc: '2.0', id: null, result: {} });
});
app.get('/mcp', (c) => c.json({ error: 'Method not allowed' }, ${init}));
export default app;
`;

/** The report on the registration server's `app.use(cors())` (line 17), with its two suggestions. */
const registrationWildcard = (code: string) => ({
  messageId: 'wildcardOrigin' as const,
  data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
  line: 17,
  column: 9,
  endLine: 17,
  endColumn: 15,
  suggestions: [
    { messageId: 'denyOrigins' as const, output: code.replace('cors()', 'cors({ origin: false })') },
    {
      messageId: 'useAllowlist' as const,
      output: code
        .replace('cors()', 'cors({ origin: ALLOWED_ORIGINS })')
        .replace('\nconst ClientMetadataSchema', `\n${ALLOWLIST}\n\nconst ClientMetadataSchema`),
    },
  ],
});

ruleTester.run('no-wildcard-origin: routes public by what they answer', wildcardRule, {
  valid: [
    {
      name: "protected resource metadata, on a library's router mounted wherever its user likes",
      code: metadataRouter(RESOURCE_METADATA),
      filename: libraryEntry(metadataRouter(RESOURCE_METADATA)),
    },
    {
      name: 'authorization server metadata, answered with `res.json()`',
      code: metadataRouter(SERVER_METADATA, 'res.json(metadata);'),
      filename: libraryEntry(metadataRouter(SERVER_METADATA, 'res.json(metadata);')),
    },
    {
      name: "client registration parsed with the project's zod schema of client metadata",
      code: clientSchema,
    },
    {
      name: 'a Hono route that refuses with a `ResponseInit` holding the status, beside a bearer-checked one',
      code: honoRefusal('{ status: 405 }'),
    },
  ],
  invalid: [
    {
      name: 'a document without the members of discovery metadata',
      code: notMetadata,
      filename: libraryEntry(notMetadata),
      errors: [routerWildcard(notMetadata)],
    },
    {
      name: 'a document with a member the specifications do not name',
      code: extraMember,
      filename: libraryEntry(extraMember),
      errors: [routerWildcard(extraMember)],
    },
    {
      name: 'a document with another object spread into it',
      code: spreadIn,
      filename: libraryEntry(spreadIn),
      errors: [routerWildcard(spreadIn)],
    },
    {
      name: "`cors()` on the whole of a library's router, which its user may mount at the root, before other routes",
      code: routerWide,
      filename: libraryEntry(routerWide),
      errors: [routerWildcard(routerWide)],
    },
    {
      name: 'a handler that does more than answer the document',
      code: auditsToo,
      filename: libraryEntry(auditsToo),
      errors: [routerWildcard(auditsToo)],
    },
    {
      name: 'a schema of something else than client metadata',
      code: profileSchema,
      errors: [registrationWildcard(profileSchema)],
    },
    {
      name: 'a schema whose `redirect_uris` may be left out',
      code: optionalUris,
      errors: [registrationWildcard(optionalUris)],
    },
    {
      name: 'a Hono route whose `ResponseInit` holds a success status',
      code: honoRefusal('{ status: 200 }'),
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`hono/cors` with an `origin` that is `*`', credentials: '' },
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 32,
          suggestions: [
            { messageId: 'denyOrigins', output: honoRefusal('{ status: 200 }').replace("origin: '*'", 'origin: []') },
            {
              messageId: 'useAllowlist',
              output: honoRefusal('{ status: 200 }')
                .replace("origin: '*'", 'origin: ALLOWED_ORIGINS')
                .replace("'hono/cors';\nconst app", `'hono/cors';\n\n${ALLOWLIST}\n\nconst app`),
            },
          ],
        },
      ],
    },
  ],
});

/**
 * A server whose policy, an origin from the environment, reaches an OAuth authorization endpoint
 * that reads `parameter` from the query, a token endpoint, and a bearer-checked `/mcp`.
 */
const authorizationServer = (parameter: string, client = 'client_id') => `import express from 'express';

const app = express();
const allowedOrigin = process.env.MCP_CORS_ORIGIN || 'http://localhost:6274';
app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', allowedOrigin);
  next();
});
app.get('/authorize', (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const value = url.searchParams.get('${parameter}');
  const client = url.searchParams.get('${client}');
  if (!value || !client) {
    res.status(400).json({ error: 'invalid_request' });
    return;
  }
  res.redirect(\`https://login.example.com/authorize?${parameter}=\${encodeURIComponent(value)}\`);
});
app.post('/token', (req, res) => {
  if (req.body.grant_type !== 'authorization_code') {
    res.status(400).json({ error: 'unsupported_grant_type' });
    return;
  }
  res.json({ access_token: 'issued', token_type: 'Bearer' });
});
app.post('/mcp', (req, res) => {
  if (req.headers.authorization !== \`Bearer \${process.env.MCP_TOKEN}\`) {
    res.status(401).end();
    return;
  }
  res.json({});
});
app.listen(3000, '127.0.0.1');
`;

ruleTester.run('no-env-allowed-origins: OAuth endpoints beside a bearer-checked MCP endpoint', envRule, {
  valid: [
    {
      name: 'an authorization endpoint (it reads `code_challenge`), a token endpoint and `/mcp` behind a bearer check',
      code: authorizationServer('code_challenge'),
    },
    {
      name: 'the authorization endpoint known by `response_type`',
      code: authorizationServer('response_type'),
    },
    {
      name: 'the authorization endpoint naming its client by `redirect_uri`',
      code: authorizationServer('code_challenge', 'redirect_uri'),
    },
  ],
  invalid: [
    {
      name: 'a GET route that reads no parameter of an authorization request',
      code: authorizationServer('page'),
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`MCP_CORS_ORIGIN`', credentials: '' },
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 50,
          suggestions: [
            // The origin the file falls back to is the allowlist kept first.
            {
              messageId: 'useConstantAllowlist',
              output: authorizationServer('page').replace(
                "process.env.MCP_CORS_ORIGIN || 'http://localhost:6274'",
                "'http://localhost:6274'",
              ),
            },
            {
              messageId: 'useEmptyAllowlist',
              output: authorizationServer('page').replace(
                "process.env.MCP_CORS_ORIGIN || 'http://localhost:6274'",
                "'' /* was env MCP_CORS_ORIGIN: list the allowed origins here */",
              ),
            },
          ],
        },
      ],
    },
    {
      name: '`response_type` read as a format switch, by a route that names no client',
      code: authorizationServer('response_type', 'page'),
      errors: [
        {
          messageId: 'envAllowedOrigins',
          data: { name: '`MCP_CORS_ORIGIN`', credentials: '' },
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 50,
          suggestions: [
            // The origin the file falls back to is the allowlist kept first.
            {
              messageId: 'useConstantAllowlist',
              output: authorizationServer('response_type', 'page').replace(
                "process.env.MCP_CORS_ORIGIN || 'http://localhost:6274'",
                "'http://localhost:6274'",
              ),
            },
            {
              messageId: 'useEmptyAllowlist',
              output: authorizationServer('response_type', 'page').replace(
                "process.env.MCP_CORS_ORIGIN || 'http://localhost:6274'",
                "'' /* was env MCP_CORS_ORIGIN: list the allowed origins here */",
              ),
            },
          ],
        },
      ],
    },
  ],
});
