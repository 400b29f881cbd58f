import path from 'node:path';
import { Linter } from 'eslint';
import * as espree from 'espree';
import tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';
import { CASES_ROOT } from './rule-tester';

// Each rule meets its threat written many ways. Seed programs (one framework idiom each, with
// `// expect: rule` markers on the lines that must draw a report) are rewritten by transformations
// that leave what the code does unchanged: renamed bindings, type wrappers, parentheses, optional
// chains, computed keys, spreads, options moved into a variable. Every variant must lint without
// an exception and draw the same reports as the seed.

interface Seed {
  name: string;
  /** `ts` is parsed by @typescript-eslint/parser, the others by ESLint's own parser. */
  extension: 'ts' | 'js' | 'cjs' | 'mjs';
  code: string;
}

const SEEDS: Seed[] = [
  {
    name: 'express cors() with defaults',
    extension: 'ts',
    code: `import express from 'express';
import cors from 'cors';
const app = express();
app.use(cors()); // expect: no-wildcard-origin
app.listen(3000); // expect: require-loopback-host
`,
  },
  {
    name: "express cors origin '*' with credentials",
    extension: 'ts',
    code: `import express from 'express';
import cors from 'cors';
const app = express();
app.use(cors({ origin: '*', credentials: true })); // expect: no-wildcard-origin
app.listen(3000, '127.0.0.1');
`,
  },
  {
    name: 'express cors origin: true from an options constant (CommonJS)',
    extension: 'cjs',
    code: `const express = require('express');
const cors = require('cors');
const app = express();
const corsOptions = { origin: true, credentials: true }; // expect: no-reflected-origin
app.use(cors(corsOptions));
app.listen(3000, 'localhost');
`,
  },
  {
    name: 'express cors origin callback that always allows',
    extension: 'ts',
    code: `import cors from 'cors';
import express from 'express';
const app = express();
app.use(
  cors({
    origin: (origin, callback) => callback(null, true), // expect: no-reflected-origin
    credentials: true,
  }),
);
`,
  },
  {
    name: 'express cors origins from the environment',
    extension: 'ts',
    code: `import cors from 'cors';
import express from 'express';
const app = express();
// With credentials: a list matched exactly and sent without them is left to \`strict\`.
const allowed = process.env.CORS_ORIGINS?.split(',') ?? []; // expect: no-env-allowed-origins
app.use(cors({ origin: allowed, credentials: true }));
app.listen(3000, '::1');
`,
  },
  {
    name: 'express header echoing the Origin (ESM JavaScript)',
    extension: 'mjs',
    code: `import express from 'express';
const app = express();
app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', req.get('origin')); // expect: no-reflected-origin
  res.header('Access-Control-Allow-Credentials', 'true');
  next();
});
app.listen(process.env.PORT || 3000); // expect: require-loopback-host
`,
  },
  {
    name: 'express header from a destructured environment variable (CommonJS)',
    extension: 'cjs',
    code: `const express = require('express');
const app = express();
const { CORS_ORIGIN } = process.env; // expect: no-env-allowed-origins
app.use((req, res, next) => {
  res.set('Access-Control-Allow-Origin', CORS_ORIGIN);
  next();
});
`,
  },
  {
    name: 'hono cors() and serve() with defaults',
    extension: 'ts',
    code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { serve } from '@hono/node-server';
const app = new Hono();
app.use('/mcp', cors()); // expect: no-wildcard-origin
serve({ fetch: app.fetch, port: 3000 }); // expect: require-loopback-host
`,
  },
  {
    name: 'hono c.header echoing the Origin',
    extension: 'ts',
    code: `import { Hono } from 'hono';
const app = new Hono();
app.use('*', async (c, next) => {
  await next();
  c.header('Access-Control-Allow-Origin', c.req.header('origin') ?? ''); // expect: no-reflected-origin
  c.header('Access-Control-Allow-Credentials', 'true');
});
`,
  },
  {
    name: 'fastify cors origin: true and listen on every interface (ESM JavaScript)',
    extension: 'mjs',
    code: `import Fastify from 'fastify';
import cors from '@fastify/cors';
const fastify = Fastify();
await fastify.register(cors, { origin: true }); // expect: no-reflected-origin
await fastify.listen({ port: 3000, host: '0.0.0.0' }); // expect: require-loopback-host
`,
  },
  {
    name: "fastify cors origin '*'",
    extension: 'ts',
    code: `import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';
const app = Fastify({ logger: true });
app.register(fastifyCors, { origin: '*' }); // expect: no-wildcard-origin
app.listen({ port: 8080 });
`,
  },
  {
    name: 'koa cors with credentials and ctx.set echoing the Origin',
    extension: 'ts',
    code: `import Koa from 'koa';
import cors from '@koa/cors';
const app = new Koa();
app.use(cors({ credentials: true })); // expect: no-wildcard-origin
app.use(async (ctx) => {
  ctx.set('Access-Control-Allow-Origin', ctx.get('Origin')); // expect: no-reflected-origin
  ctx.body = 'ok';
});
app.listen(3000, '0.0.0.0'); // expect: require-loopback-host
`,
  },
  {
    name: 'node:http setHeader and writeHead (CommonJS)',
    extension: 'cjs',
    code: `const http = require('node:http');
const server = http.createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', '*'); // expect: no-wildcard-origin
  res.writeHead(200, { 'Access-Control-Allow-Origin': req.headers.origin }); // expect: no-reflected-origin
  res.end('ok');
});
server.listen(8080); // expect: require-loopback-host
`,
  },
  {
    name: 'node:http host from the environment with an every-interface fallback',
    extension: 'ts',
    code: `import { createServer } from 'node:http';
const HOST = process.env.HOST ?? '0.0.0.0'; // expect: require-loopback-host
createServer((req, res) => {
  res.end('ok');
}).listen(3000, HOST);
`,
  },
  {
    name: 'web Headers and Response init',
    extension: 'ts',
    code: `export default {
  async fetch(request: Request): Promise<Response> {
    const headers = new Headers({ 'Access-Control-Allow-Origin': '*' }); // expect: no-wildcard-origin
    headers.set('Access-Control-Allow-Origin', request.headers.get('Origin') ?? ''); // expect: no-reflected-origin
    return new Response('ok', { headers: { 'Access-Control-Allow-Origin': '*' } }); // expect: no-wildcard-origin
  },
};
`,
  },
  {
    name: 'Workers env origin in a Response header',
    extension: 'ts',
    code: `export default {
  async fetch(request: Request, env: { ALLOWED_ORIGIN: string }): Promise<Response> {
    return new Response(null, { headers: { 'Access-Control-Allow-Origin': env.ALLOWED_ORIGIN } }); // expect: no-env-allowed-origins
  },
};
`,
  },
  {
    name: 'environment origins handed to another module',
    extension: 'ts',
    code: `import { configure } from './server';
configure({ allowedOrigins: process.env.ALLOWED_ORIGINS }); // expect: no-env-allowed-origins
`,
  },
  {
    name: 'MCP SDK createMcpExpressApp listening with no host',
    extension: 'ts',
    code: `import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
const app = createMcpExpressApp();
app.listen(3000); // expect: require-loopback-host
`,
  },
  {
    name: 'Bun.serve on every interface',
    extension: 'ts',
    code: `Bun.serve({ port: 3000, hostname: '0.0.0.0', fetch: () => new Response('ok') }); // expect: require-loopback-host
`,
  },
  {
    name: 'Deno.serve with a handler only',
    extension: 'ts',
    code: `Deno.serve((request: Request) => new Response('ok')); // expect: require-loopback-host
`,
  },
  {
    name: 'hono cors with a wildcard in one branch and credentials',
    extension: 'ts',
    code: `import { Hono } from 'hono';
import { cors } from 'hono/cors';
const dev = process.argv.includes('--dev');
const options = {
  origin: dev ? '*' : 'https://app.example.com', // expect: no-wildcard-origin
  credentials: true,
};
const app = new Hono();
app.use('/mcp/*', cors(options));
`,
  },
  {
    name: 'express res.set with a headers object (CommonJS)',
    extension: 'cjs',
    code: `const express = require('express');
const app = express();
app.get('/mcp', (req, res) => {
  res.set({ 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/event-stream' }); // expect: no-wildcard-origin
  res.end();
});
`,
  },
  {
    name: 'cors origin from import.meta.env',
    extension: 'ts',
    code: `import cors from 'cors';
import express from 'express';
const app = express();
app.use(cors({ origin: import.meta.env.CORS_ORIGIN })); // expect: no-env-allowed-origins
`,
  },
  {
    name: 'express MCP endpoint that accepts POST without a credential check',
    extension: 'ts',
    code: `import express from 'express';
const app = express();
app.post('/mcp', async (req, res) => { // expect: require-csrf-token
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');
`,
  },
  {
    name: 'MCP SDK transport without DNS rebinding protection',
    extension: 'ts',
    code: `import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
const app = express();
app.post('/mcp', async (req, res) => { // expect: require-csrf-token
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }); // expect: require-dns-rebinding-protection
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');
`,
  },
  {
    name: 'safe: express MCP endpoint that checks a custom header first',
    extension: 'ts',
    code: `import express from 'express';
function hasToken(value: unknown): boolean {
  return typeof value === 'string' && value === process.env.MCP_TOKEN;
}
const app = express();
app.post('/mcp', async (req, res) => {
  if (!hasToken(req.headers['x-mcp-csrf-token'])) return res.status(403).end();
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');
`,
  },
  {
    name: 'safe: express cors with a constant allowlist',
    extension: 'ts',
    code: `import cors from 'cors';
import express from 'express';
const ALLOWED_ORIGINS = ['https://app.example.com'];
const app = express();
app.use(cors({ origin: ALLOWED_ORIGINS, credentials: true }));
app.listen(3000, '127.0.0.1');
`,
  },
  {
    name: 'safe: node:http echoing the Origin after an allowlist check (CommonJS)',
    extension: 'cjs',
    code: `const http = require('node:http');
const ALLOWED = new Set(['https://app.example.com']);
http.createServer((req, res) => {
  const origin = req.headers.origin;
  if (origin && ALLOWED.has(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  res.end();
}).listen(8080, 'localhost');
`,
  },
  {
    name: 'safe: look-alike cors, origin and listen',
    extension: 'ts',
    code: `const config = { origin: '*' };
const emitter = { listen(port: number) { return port; } };
emitter.listen(3000);
function cors(options?: { origin?: string }) { return options; }
cors({ origin: '*' });
console.log(config);
`,
  },
];

// --- Editing source by its AST -----------------------------------------------------------------

type Node = TSESTree.Node;

interface Parsed {
  code: string;
  ast: TSESTree.Program;
  scopeManager: TSESLint.Scope.ScopeManager;
  parents: Map<Node, Node>;
  nodes: Node[];
  typescript: boolean;
}

function parse(seed: Seed, code: string): Parsed {
  const { ast, scopeManager, visitorKeys } = tsParser.parseForESLint(code, {
    sourceType: seed.extension === 'cjs' ? 'script' : 'module',
    ecmaVersion: 'latest',
    range: true,
    loc: true,
  });
  const parents = new Map<Node, Node>();
  const nodes: Node[] = [];
  const visit = (node: Node): void => {
    nodes.push(node);
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof (child as Node).type === 'string') {
          parents.set(child as Node, node);
          visit(child as Node);
        }
      }
    }
  };
  visit(ast as Node);
  return {
    code,
    ast: ast as TSESTree.Program,
    scopeManager: scopeManager as unknown as TSESLint.Scope.ScopeManager,
    parents,
    nodes,
    typescript: seed.extension === 'ts',
  };
}

/** Replace `[start, end)` with `text`; at one position, lower `order` goes first. */
interface Edit {
  start: number;
  end: number;
  text: string;
  order: number;
}

function applyEdits(code: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.order - b.order);
  let output = '';
  let position = 0;
  for (const edit of sorted) {
    if (edit.start < position) throw new Error(`overlapping edits at ${edit.start}`);
    output += code.slice(position, edit.start) + edit.text;
    position = edit.end;
  }
  return output + code.slice(position);
}

/**
 * Wraps a node in `before … after`. Where wrappers meet at one position, closing ones go first,
 * innermost first, then opening ones, outermost first, and both before a replacement.
 */
function wrap(node: Node, before: string, after: string): Edit[] {
  const size = node.range[1] - node.range[0];
  return [
    { start: node.range[0], end: node.range[0], text: before, order: -1e9 - size },
    { start: node.range[1], end: node.range[1], text: after, order: -2e9 + size },
  ];
}

const isRequireOrImport = (node: Node): boolean =>
  (node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require') ||
  node.type === AST_NODE_TYPES.ImportExpression;

/** Where an expression can be wrapped without changing what the code does. */
const POSITIONS: Record<string, (parsed: Parsed, typeWrapper: boolean) => Node[]> = {
  arguments: ({ nodes }, typeWrapper) =>
    nodes.flatMap((node) =>
      (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) &&
      // A module name is syntax to bundlers and to Node's CommonJS loader, not a value.
      !(typeWrapper && isRequireOrImport(node))
        ? node.arguments.filter((argument) => argument.type !== AST_NODE_TYPES.SpreadElement)
        : [],
    ),
  'property values': ({ nodes }) =>
    nodes.flatMap((node) =>
      node.type === AST_NODE_TYPES.ObjectExpression
        ? node.properties.flatMap((property) =>
            property.type === AST_NODE_TYPES.Property &&
            !property.shorthand &&
            !property.method &&
            property.kind === 'init'
              ? [property.value]
              : [],
          )
        : [],
    ),
  initializers: ({ nodes }, typeWrapper) =>
    nodes.flatMap((node) =>
      node.type === AST_NODE_TYPES.VariableDeclarator && node.init && !(typeWrapper && isRequireOrImport(node.init))
        ? [node.init]
        : [],
    ),
  receivers: ({ nodes }) =>
    nodes.flatMap((node) =>
      node.type === AST_NODE_TYPES.MemberExpression &&
      node.object.type !== AST_NODE_TYPES.Super &&
      node.object.type !== AST_NODE_TYPES.MetaProperty &&
      !endsOptionalChain(node.object)
        ? [node.object]
        : [],
    ),
  callees: ({ nodes }) =>
    nodes.flatMap((node) =>
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type !== AST_NODE_TYPES.Super &&
      !isRequireOrImport(node) &&
      !endsOptionalChain(node.callee)
        ? [node.callee]
        : [],
    ),
  'returned values': ({ nodes }) =>
    nodes.flatMap((node) =>
      node.type === AST_NODE_TYPES.ArrowFunctionExpression && node.expression
        ? [node.body]
        : node.type === AST_NODE_TYPES.ReturnStatement && node.argument
          ? [node.argument]
          : [],
    ),
};

// The operand keeps parentheses of its own, for an arrow function: `((req, res) => {}) as any`.
const WRAPPERS: { name: string; typescript: boolean; before: string; after: string }[] = [
  { name: 'parentheses', typescript: false, before: '(', after: ')' },
  { name: '`as any`', typescript: true, before: '((', after: ') as any)' },
  { name: '`satisfies unknown`', typescript: true, before: '((', after: ') satisfies unknown)' },
  { name: 'a non-null assertion', typescript: true, before: '((', after: '))!' },
  { name: 'an `<any>` assertion', typescript: true, before: '(<any>(', after: '))' },
];

/**
 * Whether an expression ends in an optional link: wrapping `a?.b` in `a?.b.c` or `a?.b()` would cut
 * the chain, and `(a?.b).c` throws where `a?.b.c` gives `undefined`.
 */
function endsOptionalChain(node: Node): boolean {
  let current: Node = node;
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      if (current.optional) return true;
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      if (current.optional) return true;
      current = current.callee;
    } else if (current.type === AST_NODE_TYPES.TSNonNullExpression) {
      current = current.expression;
    } else {
      return false;
    }
  }
}

/** Names whose spelling is the only thing a rule can go by: a Workers handler's `env` parameter. */
const KEEP_NAMES = new Set(['env']);

/** Renames every binding the file declares, with its references, imports and shorthand properties. */
function renameBindings(parsed: Parsed): Edit[] {
  const edits = new Map<number, Edit>();
  for (const scope of parsed.scopeManager.scopes) {
    for (const variable of scope.variables) {
      if (variable.defs.length === 0 || KEEP_NAMES.has(variable.name)) continue;
      const renamed = `${variable.name}Renamed`;
      const identifiers = [...variable.identifiers, ...variable.references.map((reference) => reference.identifier)];
      for (const identifier of identifiers as TSESTree.Identifier[]) {
        const start = identifier.range[0];
        // A TypeScript identifier's range covers its type annotation: replace the name alone.
        const end = start + identifier.name.length;
        const parent = parsed.parents.get(identifier);
        const holder = parent?.type === AST_NODE_TYPES.AssignmentPattern ? parsed.parents.get(parent) : parent;
        let text = renamed;
        if (holder?.type === AST_NODE_TYPES.Property && holder.shorthand) {
          text = `${identifier.name}: ${renamed}`;
        } else if (
          parent?.type === AST_NODE_TYPES.ImportSpecifier &&
          parent.imported.range[0] === parent.local.range[0]
        ) {
          text = `${identifier.name} as ${renamed}`;
        }
        edits.set(start, { start, end, text, order: 0 });
      }
    }
  }
  return [...edits.values()];
}

/** The member expressions that are written to, with the chains they hang from: `a.b.c = 1`. */
function assignmentTargets(parsed: Parsed): Set<Node> {
  const targets = new Set<Node>();
  const mark = (node: Node): void => {
    let current: Node = node;
    while (current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.CallExpression) {
      targets.add(current);
      current = current.type === AST_NODE_TYPES.MemberExpression ? current.object : current.callee;
    }
  };
  for (const node of parsed.nodes) {
    if (node.type === AST_NODE_TYPES.AssignmentExpression) mark(node.left);
    else if (node.type === AST_NODE_TYPES.UpdateExpression) mark(node.argument);
    else if (node.type === AST_NODE_TYPES.ForInStatement || node.type === AST_NODE_TYPES.ForOfStatement)
      mark(node.left);
    else if (node.type === AST_NODE_TYPES.NewExpression) mark(node.callee);
    else if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) mark(node.tag);
  }
  return targets;
}

/** The offset of the `.` (or `[`) that opens a member's property. */
function accessorOffset(parsed: Parsed, member: TSESTree.MemberExpression): number {
  const between = parsed.code.slice(member.object.range[1], member.property.range[0]);
  const offset = between.search(member.computed ? /\[/u : /\./u);
  if (offset < 0) throw new Error(`no accessor in ${parsed.code.slice(...member.range)}`);
  return member.object.range[1] + offset;
}

/** `a.b` → `a?.b` and `a[b]` → `a?.[b]`, except where a chain may not stand (a written target, `new`). */
function optionalChains(parsed: Parsed): Edit[] {
  const targets = assignmentTargets(parsed);
  return parsed.nodes.flatMap((node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.optional || targets.has(node)) return [];
    if (node.object.type === AST_NODE_TYPES.Super || node.property.type === AST_NODE_TYPES.PrivateIdentifier) return [];
    const offset = accessorOffset(parsed, node);
    return [{ start: offset, end: offset, text: node.computed ? '?.' : '?', order: 0 }];
  });
}

/** `a.b` → `a['b']`, and `{ b: v }` → `{ ['b']: v }` in object literals and patterns. */
function computedKeys(parsed: Parsed): Edit[] {
  return parsed.nodes.flatMap((node): Edit[] => {
    if (
      node.type === AST_NODE_TYPES.MemberExpression &&
      !node.computed &&
      node.property.type === AST_NODE_TYPES.Identifier &&
      node.object.type !== AST_NODE_TYPES.MetaProperty
    ) {
      const offset = accessorOffset(parsed, node);
      const text = `${node.optional ? '?.' : ''}['${node.property.name}']`;
      return [{ start: offset - (node.optional ? 1 : 0), end: node.property.range[1], text, order: 0 }];
    }
    if (node.type === AST_NODE_TYPES.Property && !node.computed) {
      const key =
        node.key.type === AST_NODE_TYPES.Identifier
          ? node.key.name
          : node.key.type === AST_NODE_TYPES.Literal && typeof node.key.value === 'string'
            ? node.key.value
            : null;
      if (key === null || key === '__proto__') return [];
      const quoted = `[${JSON.stringify(key)}]`;
      if (!node.shorthand) return [{ start: node.key.range[0], end: node.key.range[1], text: quoted, order: 0 }];
      // `{ origin }` and `{ host = '0.0.0.0' }`: the key is written once more.
      return [{ start: node.key.range[0], end: node.key.range[0], text: `${quoted}: `, order: 0 }];
    }
    return [];
  });
}

/** `{ a, b }` → `{ ...{ a, b } }`. */
function spreadObjects(parsed: Parsed): Edit[] {
  return parsed.nodes.flatMap((node) =>
    node.type === AST_NODE_TYPES.ObjectExpression ? wrap(node, '{ ...', ' }') : [],
  );
}

const FUNCTIONS = new Set<string>([
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.FunctionDeclaration,
]);

/** `f({ ... })` → `const hoisted = { ... };\nf(hoisted)`, in the same block, before the statement. */
function hoistOptions(parsed: Parsed): Edit[] {
  const edits: Edit[] = [];
  const hoisted: Node[] = [];
  let count = 0;
  for (const node of parsed.nodes) {
    const call = parsed.parents.get(node);
    if (
      node.type !== AST_NODE_TYPES.ObjectExpression ||
      (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) ||
      !call.arguments.includes(node) ||
      hoisted.some((outer) => outer.range[0] <= node.range[0] && node.range[1] <= outer.range[1])
    ) {
      continue;
    }
    // The statement that holds the call, with no function in between (its bindings stay in scope).
    let statement: Node | undefined = call;
    while (statement) {
      const parent = parsed.parents.get(statement);
      if (!parent || FUNCTIONS.has(statement.type)) {
        statement = undefined;
        break;
      }
      if (parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.BlockStatement) break;
      statement = parent;
    }
    if (!statement) continue;
    const name = `hoisted${count++}`;
    const line = parsed.code.slice(0, statement.range[0]).split('\n').at(-1)!;
    const indent = /^\s*/u.exec(line)![0];
    const text = parsed.code.slice(...node.range);
    hoisted.push(node);
    edits.push(
      { start: statement.range[0], end: statement.range[0], text: `const ${name} = ${text};\n${indent}`, order: count },
      { start: node.range[0], end: node.range[1], text: name, order: 0 },
    );
  }
  return edits;
}

interface Transformation {
  name: string;
  /** Whether each report stays on its line; if not, the reports are compared per rule. */
  keepsLines: boolean;
  applies(seed: Seed): boolean;
  edits(parsed: Parsed): Edit[];
}

const TRANSFORMATIONS: Transformation[] = [
  { name: 'renamed bindings', keepsLines: true, applies: () => true, edits: renameBindings },
  { name: 'optional chains', keepsLines: true, applies: () => true, edits: optionalChains },
  { name: 'computed keys', keepsLines: true, applies: () => true, edits: computedKeys },
  { name: 'objects spread into objects', keepsLines: true, applies: () => true, edits: spreadObjects },
  { name: 'options moved into a variable', keepsLines: false, applies: () => true, edits: hoistOptions },
  ...WRAPPERS.flatMap(({ name, typescript, before, after }) =>
    Object.entries(POSITIONS).map(([position, nodes]): Transformation => ({
      name: `${position} in ${name}`,
      keepsLines: true,
      applies: (seed) => !typescript || seed.extension === 'ts',
      edits: (parsed) => nodes(parsed, typescript).flatMap((node) => wrap(node, before, after)),
    })),
  ),
];

// --- Linting ---------------------------------------------------------------------------------------

const linter = new Linter();

function lint(seed: Seed, code: string): Linter.LintMessage[] {
  const parser =
    seed.extension === 'ts'
      ? { parser: tsParser, sourceType: 'module' as const }
      : { parser: espree, sourceType: seed.extension === 'cjs' ? ('commonjs' as const) : ('module' as const) };
  return linter.verify(
    code,
    [{ files: ['**/*.{ts,js,cjs,mjs}'], languageOptions: { ...parser, ecmaVersion: 'latest' } }, plugin.configs.all],
    { filename: path.join(CASES_ROOT, 'fuzz', `server.${seed.extension}`) },
  );
}

/** `rule@line` for each `// expect: rule-a, rule-b` marker. */
function expectedReports(code: string): string[] {
  return code
    .split('\n')
    .flatMap((line, index) => {
      const marker = /\/\/ expect: ([\w\s,-]+)$/u.exec(line);
      return marker ? marker[1]!.split(',').map((rule) => `mcp-cors/${rule.trim()}@${index + 1}`) : [];
    })
    .sort();
}

const reportsOf = (messages: Linter.LintMessage[]): string[] => {
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`parse error at ${fatal.line}:${fatal.column}: ${fatal.message}`);
  return messages.map((message) => `${message.ruleId}@${message.line}`).sort();
};
const perRule = (reports: string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const report of reports) {
    const rule = report.slice(0, report.lastIndexOf('@'));
    counts[rule] = (counts[rule] ?? 0) + 1;
  }
  return counts;
};

describe.each(SEEDS.map((seed) => [seed.name, seed] as const))('%s', (_, seed) => {
  const expected = expectedReports(seed.code);

  it('draws the reports its markers list', () => {
    expect(reportsOf(lint(seed, seed.code))).toEqual(expected);
  });

  const variants = TRANSFORMATIONS.filter((transformation) => transformation.applies(seed)).flatMap(
    (transformation) => {
      const code = applyEdits(seed.code, transformation.edits(parse(seed, seed.code)));
      return code === seed.code ? [] : [[transformation.name, transformation, code] as const];
    },
  );

  it.each(variants)('the same reports with %s', (_name, transformation, code) => {
    // An exception fails here with the rule's stack; the variant's code is in the message below.
    const actual = reportsOf(lint(seed, code));
    if (transformation.keepsLines) expect(actual, code).toEqual(expected);
    else expect(perRule(actual), code).toEqual(perRule(expected));
  });
});
