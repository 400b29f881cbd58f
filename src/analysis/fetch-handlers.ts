import path from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { outermostWrapper, skipTypeWrappers } from './ast';
import { entitiesOf, mayHoldEntities, moduleIndex } from './facts';
import { servesMcp } from './mcp-transports';
import { importOf } from './exports';
import { EVENT_HANDLER_MAKERS, NITRO_PACKAGES } from '../frameworks/h3';
import { manifestDependsOn } from './module-graph';
import { isLinted, moduleOf, propertyName, staticValue } from './program';
import {
  findObjectProperty,
  fromH3,
  isFunctionNode,
  resolveExpression,
  resolveFunction,
  resolveObjectExpression,
  usesOfConstant,
  usesOfDefaultExport,
  type HandlerFunction,
  type ValueUses,
} from './values';

/**
 * Web-standard request handlers: functions that take a `Request` and return a `Response`.
 *
 * - `export default { fetch(request, env, ctx) { … } }`: a Cloudflare Worker, or a Bun server
 *   (Bun serves a default export that has a `fetch`; Workers run it on Cloudflare's edge);
 * - `Bun.serve({ fetch })`, `Deno.serve(handler)`, `Deno.serve(options, handler)`,
 *   `Deno.serve({ handler })`;
 * - Next.js App Router route handlers: `export async function POST(request)` (or
 *   `export { handler as POST }`) in `app/**​/route.ts`, whose path is the folder's (vercel/next.js
 *   docs/01-app/03-api-reference/03-file-conventions/route.mdx, commit 3a40fa8: a `route.js` file
 *   exports one function per method of `GET`, `POST`, `PUT`, `PATCH`, `DELETE`, `HEAD` and
 *   `OPTIONS`, given a `Request`);
 * - TanStack Start server routes: `createFileRoute('/api/mcp')({ server: { handlers: { POST } } })`,
 *   `createServerFileRoute('/api/mcp').methods({ POST })`, `createAPIFileRoute('/api/mcp')({ POST })`,
 *   whose handlers are given `{ request }`.
 */
export interface FetchHandler {
  /** The function; `null` for a Next.js route exported as an MCP package's handler (`createMcpHandler(…)`). */
  readonly fn: HandlerFunction | null;
  /** The handler as the file hands it over (the function, or the name it is exported as). */
  readonly given: TSESTree.Node;
  /**
   * For a Next.js route handler or an entry of Bun's `routes`: its path and the HTTP method it
   * answers (`ALL_METHODS` for every method).
   */
  readonly route?: { readonly path: string; readonly method: string };
  /**
   * For a Nitro file route, the folder whose modules' handlers run before it, for every route
   * (`server/middleware`).
   */
  readonly middlewareDir?: string;
}

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * `app/**​/route.ts` of a Next.js App Router project (also under `src/`: vercel/next.js
 * docs/01-app/03-api-reference/03-file-conventions/src-folder.mdx, commit c36ebc9, "move the `app`
 * Router folder or `pages` Router folder to `src/app` or `src/pages`").
 */
const NEXT_ROUTE_FILE = /(?:^|[/\\])app((?:[/\\][^/\\]+)*)[/\\]route\.[cm]?[jt]sx?$/u;

const byProgram = new WeakMap<TSESTree.Program, readonly FetchHandler[]>();

export function fetchHandlers(sourceCode: Readonly<SourceCode>): readonly FetchHandler[] {
  let found = byProgram.get(sourceCode.ast);
  if (!found) {
    found = findFetchHandlers(sourceCode);
    byProgram.set(sourceCode.ast, found);
  }
  return found;
}

function findFetchHandlers(sourceCode: Readonly<SourceCode>): FetchHandler[] {
  const handlers: FetchHandler[] = [];
  const program = sourceCode.ast;
  // `export default { fetch }`
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExportDefaultDeclaration) continue;
    const object = skipTypeWrappers(resolveExpression(statement.declaration) ?? statement.declaration);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const fetch = findObjectProperty(object, 'fetch');
    const fn = fetch.kind === 'found' ? resolveFunction(fetch.value ?? fetch.property.value) : null;
    if (fn && fetch.kind === 'found') handlers.push({ fn, given: fetch.property.key });
    // `export default { '/mcp': handler }` that a module of the package hands to Bun as its
    // `routes` (`Bun.serve({ routes })`): a route table of its own.
    else if (
      fetch.kind === 'missing' &&
      pathKeyed(object) &&
      servedAsRoutes(usesOfDefaultExport(statement.declaration))
    ) {
      handlers.push(...routeTable(object));
    }
  }
  // `export const routes = { '/mcp': handler }`, handed over the same way.
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    if (statement.declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declaration.declarations) {
      const object = declarator.init && skipTypeWrappers(declarator.init);
      if (object?.type !== AST_NODE_TYPES.ObjectExpression || !pathKeyed(object)) continue;
      if (servedAsRoutes(usesOfConstant(declarator))) handlers.push(...routeTable(object));
    }
  }
  // `Bun.serve({ fetch })`, `Deno.serve(…)`
  const serves = /\bserve\b/u.test(sourceCode.text) && mayHoldEntities(sourceCode, 'start');
  for (const call of serves ? moduleIndex(program).calls : []) {
    // By what it is, not by its name: `import { serve as listen } from 'srvx'`.
    const [start] = entitiesOf(call, 'start');
    if (start?.kind !== 'start' || !start.api.handlesFetch) continue;
    const handler = serveHandler(call);
    const fn = handler && resolveFunction(handler);
    if (fn && handler) handlers.push({ fn, given: handler });
    handlers.push(...bunRoutes(call));
  }
  // Next.js route handlers
  const inside = projectPath(program);
  const match = inside ? NEXT_ROUTE_FILE.exec(inside) : null;
  if (match) {
    const path = nextPath(match[1] ?? '');
    for (const { name, node } of exportedFunctions(program)) {
      if (!HTTP_METHODS.has(name)) continue;
      const fn = resolveFunction(node);
      // `const handler = createMcpHandler(…); export { handler as POST }`: the package's handler is the route.
      if (fn || servesMcp(node)) handlers.push({ fn, given: node, route: { path, method: name } });
    }
  }
  if (TANSTACK_ROUTE.test(sourceCode.text)) handlers.push(...tanstackRoutes(program));
  if (inside && EVENT_HANDLER_MAKER.test(sourceCode.text)) {
    const nitro = nitroRoute(program, inside);
    if (nitro) handlers.push(nitro);
  }
  return handlers;
}

/**
 * A Nitro file route (nitropack 2.x docs, "Server routes"; Nuxt serves its `server/` folder with
 * Nitro): a module under `routes/` (at its own path) or `api/` (at `/api/…`) of the server's
 * folder, `index` at its folder's path and `[id]` a parameter; `name.post.ts` answers POST alone,
 * `name.ts` every method.
 */
const NITRO_ROUTE_FILE =
  /(?:^|[/\\])(routes|api)((?:[/\\][^/\\]+)*?)[/\\]([^/\\]+?)(?:\.(get|post|put|patch|delete|head|options))?\.[cm]?[jt]s$/u;
/** A file that may make an h3 handler, by name (the first look). */
const EVENT_HANDLER_MAKER = new RegExp(`\\b(?:${[...EVENT_HANDLER_MAKERS].join('|')})\\b`, 'u');

/**
 * The handler of a Nitro file route: `export default defineEventHandler(handler)` (also
 * `eventHandler`, and the object form's `handler`); the folder beside `routes/` and `api/` named
 * `middleware` holds the handlers Nitro runs before every route. An object with `onRequest` hooks
 * is left alone.
 */
function nitroRoute(program: TSESTree.Program, inside: string): FetchHandler | null {
  const match = NITRO_ROUTE_FILE.exec(inside);
  const file = moduleOf(program).file;
  if (!match || !file || !manifestDependsOn(file, NITRO_PACKAGES)) return null;
  const made = defaultEventHandler(program);
  if (!made) return null;
  const [, folder, sub, name, method] = match;
  const routePath = nextPath(`${folder === 'api' ? '/api' : ''}${sub ?? ''}${name === 'index' ? '' : `/${name}`}`);
  // `…/server/routes/mcp.post.ts` → `…/server/middleware`.
  const depth = (sub ?? '').split(/[/\\]/u).filter(Boolean).length + 1;
  const base = path.resolve(path.dirname(file), ...Array<string>(depth).fill('..'));
  return {
    ...made,
    route: { path: routePath, method: method ? method.toUpperCase() : ALL_METHODS },
    middlewareDir: path.join(base, 'middleware'),
  };
}

/** The function of `export default defineEventHandler(fn)`, and where it is made. */
export function defaultEventHandler(program: TSESTree.Program): { fn: HandlerFunction; given: TSESTree.Node } | null {
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExportDefaultDeclaration) continue;
    const call = skipTypeWrappers(resolveExpression(statement.declaration) ?? statement.declaration);
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier) return null;
    if (!EVENT_HANDLER_MAKERS.has(call.callee.name)) return null;
    if (!fromH3(call.callee)) return null;
    const [argument] = call.arguments;
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return null;
    const fn = resolveFunction(argument);
    if (fn) return { fn, given: call.callee };
    const options = resolveObjectExpression(argument);
    if (!options || findObjectProperty(options, 'onRequest').kind !== 'missing') return null;
    const handler = findObjectProperty(options, 'handler');
    const held = handler.kind === 'found' ? resolveFunction(handler.value ?? handler.property.value) : null;
    return held ? { fn: held, given: call.callee } : null;
  }
  return null;
}

/** What a TanStack Start file route is made with. */
const TANSTACK_ROUTE = /\bcreate(?:Server|API)?FileRoute\b/u;
/** TanStack's router and Start packages, which export the route makers (`@tanstack/react-start/server`). */
const TANSTACK_PACKAGE = /^@tanstack\/(?:react|solid|vue)-(?:router|start)(?:\/|$)|^@tanstack\/start(?:\/|$)/u;

/**
 * The server handlers of TanStack Start's file routes, by the path the route maker is given:
 * `createFileRoute(path)({ server: { handlers } })` (Start 1.121 and later),
 * `createServerFileRoute(path).methods(handlers)` (before), `createAPIFileRoute(path)(handlers)`
 * (earlier still); `handlers` maps methods (`ANY` for every one) to functions.
 */
function tanstackRoutes(program: TSESTree.Program): FetchHandler[] {
  const found: FetchHandler[] = [];
  for (const call of moduleIndex(program).calls) {
    // `maker(path)(options)` or `maker(path).methods(handlers)`.
    const callee = skipTypeWrappers(call.callee);
    const made =
      callee.type === AST_NODE_TYPES.CallExpression
        ? callee
        : callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'methods'
          ? skipTypeWrappers(callee.object)
          : null;
    if (made?.type !== AST_NODE_TYPES.CallExpression || made.callee.type !== AST_NODE_TYPES.Identifier) continue;
    const maker = made.callee.name;
    if (!/^create(?:Server|API)?FileRoute$/u.test(maker) || !importedFromTanstack(made.callee)) continue;
    const [pathArgument] = made.arguments;
    const path = pathArgument && pathArgument.type !== AST_NODE_TYPES.SpreadElement ? staticValue(pathArgument) : null;
    const [argument] = call.arguments;
    if (typeof path?.value !== 'string' || !argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
    let table = resolveObjectExpression(argument);
    if (maker === 'createFileRoute' && table) {
      const server = findObjectProperty(table, 'server');
      const options = server.kind === 'found' && server.value ? resolveObjectExpression(server.value) : null;
      const handlers = options ? findObjectProperty(options, 'handlers') : null;
      table = handlers?.kind === 'found' && handlers.value ? resolveObjectExpression(handlers.value) : null;
    }
    for (const entry of table?.properties ?? []) {
      if (entry.type !== AST_NODE_TYPES.Property) continue;
      const method = propertyName(entry);
      const fn = resolveFunction(entry.value);
      if (method === null || !fn || (method !== 'ANY' && !HTTP_METHODS.has(method))) continue;
      found.push({
        fn,
        given: entry.value,
        route: { path: path.value, method: method === 'ANY' ? ALL_METHODS : method },
      });
    }
  }
  return found;
}

/** Whether a name is imported from one of TanStack's router or Start packages. */
function importedFromTanstack(id: TSESTree.Identifier): boolean {
  const imported = importOf(id);
  return imported !== null && TANSTACK_PACKAGE.test(imported.specifier);
}

/**
 * The linted module's path inside the project: only folders inside it count, so a project that
 * itself lives in `/app` or `/pages` has no route folder.
 */
function projectPath(program: TSESTree.Program): string | null {
  const file = moduleOf(program).file;
  const relative = file && path.isAbsolute(file) ? path.relative(process.cwd(), file) : file;
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * `pages/api/**​/name.ts` of a Next.js Pages Router project (also under `src/`): "Any file inside the
 * folder `pages/api` is mapped to `/api/*` and will be treated as an API endpoint" (vercel/next.js
 * docs/02-pages/03-building-your-application/01-routing/07-api-routes.mdx, commit 0da644a).
 */
const NEXT_API_FILE = /(?:^|[/\\])pages[/\\]api((?:[/\\][^/\\]+)*?)[/\\]([^/\\]+)\.[cm]?[jt]sx?$/u;

/**
 * The API route of a Next.js Pages Router module: the function it exports as default
 * (`export default async function handler(req, res)`), a Node request handler that answers every
 * method at the path of its file (`pages/api/mcp.ts` at `/api/mcp`, `pages/api/[id]/index.ts` at
 * `/api/:id`).
 */
export function nextApiRoute(
  program: TSESTree.Program,
): { fn: HandlerFunction; given: TSESTree.Node; path: string } | null {
  const inside = projectPath(program);
  const match = inside ? NEXT_API_FILE.exec(inside) : null;
  if (!match) return null;
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExportDefaultDeclaration) continue;
    const { declaration } = statement;
    const fn = resolveFunction(declaration);
    if (!fn) return null;
    const given =
      declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id ? declaration.id : declaration;
    const name = match[2] === 'index' ? '' : `/${match[2]}`;
    return { fn, given, path: nextPath(`/api${match[1] ?? ''}${name}`) };
  }
  return null;
}

/** The request handler a `serve()` call is given: `fetch` or `handler` of the options, or a function argument. */
function serveHandler(call: TSESTree.CallExpression): TSESTree.Node | null {
  for (const argument of [...call.arguments].reverse()) {
    if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
    // `Deno.serve(handler)` with `handler` a function declared elsewhere in the project.
    if (isFunctionNode(skipTypeWrappers(argument)) || resolveFunction(argument)) return argument;
    const object = skipTypeWrappers(resolveExpression(argument) ?? argument);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const key of ['fetch', 'handler']) {
      const found = findObjectProperty(object, key);
      // `fetch: handler`, or the method `fetch(request) { … }`.
      if (found.kind === 'found') return found.value ?? found.property.value;
    }
  }
  return null;
}

/**
 * The handlers of Bun's `routes` table (Bun 1.2.3 and later), `Bun.serve({ routes: { '/mcp':
 * handler, '/api': { GET: list, POST: create } } })`: a function answers every method at its
 * path, a table of methods each of its methods; a static `Response` is no handler.
 */
function bunRoutes(call: TSESTree.CallExpression): FetchHandler[] {
  const [first] = call.arguments;
  const options = first && first.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectExpression(first) : null;
  const table = options ? findObjectProperty(options, 'routes') : null;
  const routes = table?.kind === 'found' && table.value ? resolveObjectExpression(table.value) : null;
  // A table another module exports is read where it is written (`servedAsRoutes`).
  return routes && isLinted(routes) ? routeTable(routes) : [];
}

/** Whether an object has a key that is a path (`'/mcp'`), as a route table does. */
function pathKeyed(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some(
    (property) => property.type === AST_NODE_TYPES.Property && propertyName(property)?.startsWith('/') === true,
  );
}

/**
 * Whether what a module exports is handed to Bun as the `routes` of a server it starts, in a
 * module of the package that imports it (`found`, its uses): `import routes from './routes';
 * Bun.serve({ routes })`.
 */
function servedAsRoutes(found: ValueUses | null): boolean {
  return (
    found?.uses.some((use) => {
      const value = outermostWrapper(use);
      const property = value.parent;
      if (property?.type !== AST_NODE_TYPES.Property || property.value !== value) return false;
      if (propertyName(property) !== 'routes') return false;
      const call = property.parent.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== property.parent) return false;
      const [start] = entitiesOf(call, 'start');
      return start?.kind === 'start' && start.api.handlesFetch === true;
    }) ?? false
  );
}

/**
 * The handlers of a Bun `routes` table: a function answers every method at its path, a table of
 * methods each of its methods.
 */
function routeTable(routes: TSESTree.ObjectExpression): FetchHandler[] {
  const found: FetchHandler[] = [];
  for (const property of routes.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const path = propertyName(property);
    if (path === null || !path.startsWith('/')) continue;
    const fn = resolveFunction(property.value);
    if (fn) {
      found.push({ fn, given: property.value, route: { path, method: ALL_METHODS } });
      continue;
    }
    const methods = resolveObjectExpression(property.value);
    for (const entry of methods?.properties ?? []) {
      if (entry.type !== AST_NODE_TYPES.Property) continue;
      const method = propertyName(entry);
      const handler = resolveFunction(entry.value);
      if (method !== null && HTTP_METHODS.has(method) && handler) {
        found.push({ fn: handler, given: entry.value, route: { path, method } });
      }
    }
  }
  return found;
}

/** The method of a handler that answers every method at its path (a function in Bun's `routes`). */
export const ALL_METHODS = '*';

/**
 * `app/(group)/api/[transport]` → `/api/:transport`: route groups (`(folder)`) and parallel-route
 * slots (`@folder`) add nothing to the path, `[id]`, `[...slug]` and `[[...slug]]` are parameters
 * (vercel/next.js docs/01-app/03-api-reference/03-file-conventions/route-groups.mdx, commit 067f379,
 * parallel-routes.mdx and dynamic-routes.mdx: "Slots are not route segments and do not affect the
 * URL structure").
 */
export function nextPath(folders: string): string {
  const segments = folders
    .split(/[/\\]/u)
    .filter((segment) => segment !== '' && !/^\(.*\)$/u.test(segment) && !segment.startsWith('@'))
    .map((segment) => segment.replace(/^\[+\.{0,3}([^\]]+)\]+$/u, ':$1'));
  return `/${segments.join('/')}`;
}

/** The functions a module exports by name: `export function POST`, `export const POST = …`, `export { h as POST }`. */
function exportedFunctions(program: TSESTree.Program): { name: string; node: TSESTree.Node }[] {
  const found: { name: string; node: TSESTree.Node }[] = [];
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    const { declaration } = statement;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) {
      found.push({ name: declaration.id.name, node: declaration.id });
    } else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init) {
          found.push({ name: declarator.id.name, node: declarator.id });
        }
      }
    }
    if (statement.source) continue;
    for (const specifier of statement.specifiers) {
      const { exported } = specifier;
      const name = exported.type === AST_NODE_TYPES.Identifier ? exported.name : exported.value;
      found.push({ name, node: specifier.local });
    }
  }
  return found;
}
