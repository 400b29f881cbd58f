import fs from 'node:fs';
import path from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { skipTypeWrappers } from './ast';
import { isModuleExports, loadModule } from './exports';
import { nextPath } from './fetch-handlers';
import { sourceModulesUnder } from './module-graph';
import { SAYS_MCP, mayServeMcp } from './mcp-scope';
import { codeOf, moduleOf, staticValue } from './program';
import { CREDENTIAL_FINDER, DEFAULT_PUBLIC_PATHS, isPublicPath } from './reach';
import { routeIsGuarded } from './route-guards';
import { findRoutes, type Route } from './routes';
import { findObjectProperty, isFunctionNode, resolveExpression, returnedExpressions } from './values';

/**
 * Next.js's config files, in the order it looks for them in the project's root (next 15
 * `CONFIG_FILES`; it finds the first that exists, and refuses `.cjs`, `.cts`, `.mts`).
 */
const CONFIG_FILES: readonly string[] = ['next.config.js', 'next.config.mjs', 'next.config.ts'];
/** The folders Next.js serves routes from, beside its config: the App Router's and the Pages Router's API. */
const ROUTE_FOLDERS = ['app', 'src/app', 'pages/api', 'src/pages/api'];
/** How many modules of those folders are read for one config file. */
const MAX_ROUTE_MODULES = 300;
/** How many wrappers (`withSentryConfig(withMDX(config))`) are looked through to the config object. */
const MAX_WRAPPERS = 4;

/** An `Access-Control-Allow-Origin` header of Next.js's `headers()` config, and the MCP routes it covers. */
export interface NextOriginHeader {
  /** The header's `{ key, value }` object. */
  readonly header: TSESTree.ObjectExpression;
  /**
   * What goes when the header goes: the header, or the whole `{ source, headers }` entry when it is
   * the entry's only header (Next.js refuses to start on an entry whose `headers` is empty); `null`
   * where neither is written in its list (a list or an entry held in a constant, which other entries
   * may share).
   */
  readonly removable: TSESTree.ObjectExpression | null;
  /** Its `value`. */
  readonly value: TSESTree.Node;
  /** The `source` path pattern of the entry it is in (`/api/:path*`). */
  readonly source: string;
  /**
   * Whether the value sends back the request's `Origin`: a `:name` that the entry's `has` takes from
   * the `Origin` header with any value (`{ type: 'header', key: 'origin', value: '(?<name>.*)' }`,
   * or with no `value`, by its key).
   */
  readonly echoes: boolean;
  /** Whether the entry also sends `Access-Control-Allow-Credentials: true`. */
  readonly credentials: boolean;
  /** The routes of the project under the pattern that may serve MCP and refuse no request without a credential. */
  readonly routes: readonly Route[];
}

/**
 * The `Access-Control-Allow-Origin` headers that a Next.js config file's `headers()` sets over a
 * route of the project that may serve MCP: `async headers() { return [{ source: '/api/:path*',
 * headers: [{ key: 'Access-Control-Allow-Origin', value: '*' }] }] }` (Next.js docs, "headers":
 * each entry's headers are sent on every response whose path matches `source`, routes and static
 * files alike). A pattern that names an MCP endpoint itself (`/mcp`, `/sse`) covers one whatever the
 * routes, as a rewrite may serve it.
 */
export function nextOriginHeaders(
  sourceCode: Readonly<SourceCode>,
  trustCredentialChecks: boolean,
): NextOriginHeader[] {
  const { file } = moduleOf(sourceCode.ast);
  const index = file === null ? -1 : CONFIG_FILES.indexOf(path.basename(file));
  if (file === null || index < 0) return [];
  // A config Next.js does not load, beside the one it finds first.
  if (CONFIG_FILES.slice(0, index).some((name) => fs.existsSync(path.join(path.dirname(file), name)))) return [];
  const found: NextOriginHeader[] = [];
  let project: ReturnType<typeof mcpRoutes> | null = null;
  for (const config of configObjects(sourceCode.ast)) {
    for (const entry of headerEntries(config)) {
      const source = findObjectProperty(entry, 'source');
      const pattern = source.kind === 'found' && source.value ? staticValue(source.value)?.value : null;
      const headers = findObjectProperty(entry, 'headers');
      const list = headers.kind === 'found' && headers.value ? resolveExpression(headers.value) : null;
      if (typeof pattern !== 'string' || list?.type !== AST_NODE_TYPES.ArrayExpression) continue;
      for (const element of list.elements) {
        const header = element && resolveExpression(element);
        if (header?.type !== AST_NODE_TYPES.ObjectExpression) continue;
        const name = staticProperty(header, 'key');
        const value = findObjectProperty(header, 'value');
        if (typeof name !== 'string' || name.toLowerCase() !== 'access-control-allow-origin') continue;
        if (value.kind !== 'found' || !value.value) continue;
        project ??= mcpRoutes(path.dirname(file));
        const matches = sourceMatcher(pattern);
        const covered = project.routes.filter(
          (route) =>
            route.path !== null &&
            matches(route.path) &&
            !(trustCredentialChecks && routeIsGuarded(CREDENTIAL_FINDER, route, findRoutes(codeOf(route.node)).apps)),
        );
        if (covered.length > 0 || project.unread.some(matches) || MCP_SOURCE.test(pattern)) {
          const inList = (node: TSESTree.Node, holder: TSESTree.Node | null | undefined): boolean =>
            holder?.type === AST_NODE_TYPES.ArrayExpression && node.parent === holder;
          const listInline = headers.kind === 'found' && headers.value === list;
          const removable =
            list.elements.length > 1
              ? inList(header, list)
                ? header
                : null
              : listInline && inList(entry, entry.parent)
                ? entry
                : null;
          found.push({
            header,
            removable,
            value: value.value,
            source: pattern,
            routes: covered,
            echoes: echoesOrigin(entry, value.value),
            credentials: list.elements.some((element) => {
              const other = element && resolveExpression(element);
              if (other?.type !== AST_NODE_TYPES.ObjectExpression) return false;
              const named = staticProperty(other, 'key');
              return (
                typeof named === 'string' &&
                named.toLowerCase() === 'access-control-allow-credentials' &&
                String(staticProperty(other, 'value') ?? null).toLowerCase() === 'true'
              );
            }),
          });
        }
      }
    }
  }
  return found;
}

/** The static value of an object's property (`key` of `{ key: 'Access-Control-Allow-Origin' }`), or `undefined`. */
function staticProperty(object: TSESTree.ObjectExpression, name: string): unknown {
  const found = findObjectProperty(object, name);
  return found.kind === 'found' && found.value ? staticValue(found.value)?.value : undefined;
}

/** Capture patterns that take any value: `.*`, `.+`, `[^]*`. */
const ANY_VALUE = /^(?:\.\*|\.\+|\[\^\]\*|\[\^\]\+|\[\\s\\S\]\*|\[\\s\\S\]\+)$/u;

/** Whether a header value is a `:name` the entry's `has` takes from the request's `Origin`, whatever it is. */
function echoesOrigin(entry: TSESTree.ObjectExpression, value: TSESTree.Node): boolean {
  const text = staticValue(value)?.value;
  const param = typeof text === 'string' ? /^:(\w+)$/u.exec(text)?.[1] : undefined;
  if (param === undefined) return false;
  const has = findObjectProperty(entry, 'has');
  const conditions = has.kind === 'found' && has.value ? resolveExpression(has.value) : null;
  if (conditions?.type !== AST_NODE_TYPES.ArrayExpression) return false;
  return conditions.elements.some((element) => {
    const condition = element && resolveExpression(element);
    if (condition?.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const read = (name: string): unknown => staticProperty(condition, name);
    if (read('type') !== 'header' || String(read('key')).toLowerCase() !== 'origin') return false;
    const pattern = read('value');
    // With no `value`, the header's value is the parameter named by its key.
    if (pattern === undefined) return param.toLowerCase() === 'origin';
    if (typeof pattern !== 'string') return false;
    const group = new RegExp(`\\(\\?<${param}>(.*)\\)`, 'u').exec(pattern)?.[1];
    return group !== undefined && ANY_VALUE.test(group);
  });
}

/** Next.js's middleware (`proxy` since Next.js 16), at the project's root or in `src/`. */
const MIDDLEWARE_FILE = /^(?:middleware|proxy)\.[jt]s$/u;

const middlewareAnswers = new WeakMap<TSESTree.Program, boolean>();

/**
 * Whether a module is Next.js middleware whose `config.matcher` runs it only for paths that reach
 * no route of the project that may serve MCP, none of them named for MCP: `export const config = {
 * matcher: '/api/public/:path*' }` (also a list, and `{ source }` entries; Next.js docs,
 * "Middleware": without a matcher it runs for every path).
 */
export function middlewareOfNoMcp(program: TSESTree.Program): boolean {
  let answer = middlewareAnswers.get(program);
  if (answer === undefined) {
    answer = findMiddlewareOfNoMcp(program);
    middlewareAnswers.set(program, answer);
  }
  return answer;
}

function findMiddlewareOfNoMcp(program: TSESTree.Program): boolean {
  const { file } = moduleOf(program);
  if (file === null || !MIDDLEWARE_FILE.test(path.basename(file))) return false;
  const patterns = matcherPatterns(program);
  if (patterns === null || patterns.length === 0) return false;
  const dir = path.dirname(file);
  const root = path.basename(dir) === 'src' ? path.dirname(dir) : dir;
  // With no route folder beside it, what the middleware runs for cannot be told.
  if (!ROUTE_FOLDERS.some((folder) => fs.existsSync(path.join(root, folder)))) return false;
  const { routes, unread } = mcpRoutes(root);
  return patterns.every((pattern) => {
    if (MCP_SOURCE.test(pattern)) return false;
    const matches = sourceMatcher(pattern);
    return !routes.some((route) => route.path !== null && matches(route.path)) && !unread.some(matches);
  });
}

/** The patterns of `export const config = { matcher }`, or `null` where they are not all static. */
function matcherPatterns(program: TSESTree.Program): string[] | null {
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    const { declaration } = statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.id.name !== 'config' || !declarator.init) {
        continue;
      }
      const config = resolveExpression(declarator.init);
      if (config?.type !== AST_NODE_TYPES.ObjectExpression) return null;
      const matcher = findObjectProperty(config, 'matcher');
      if (matcher.kind !== 'found' || !matcher.value) return null;
      const value = resolveExpression(matcher.value) ?? matcher.value;
      const items = value.type === AST_NODE_TYPES.ArrayExpression ? value.elements : [value];
      const patterns: string[] = [];
      for (const item of items) {
        if (!item || item.type === AST_NODE_TYPES.SpreadElement) return null;
        const entry = resolveExpression(item) ?? item;
        const source = entry.type === AST_NODE_TYPES.ObjectExpression ? findObjectProperty(entry, 'source') : null;
        const text = staticValue(
          source ? (source.kind === 'found' && source.value ? source.value : entry) : entry,
        )?.value;
        if (typeof text !== 'string') return null;
        patterns.push(text);
      }
      return patterns;
    }
  }
  return null;
}

/** A `source` that names an MCP endpoint: `/mcp`, `/api/mcp/:path*` (`/sse` may be any site's events). */
const MCP_SOURCE = /(?:^|\/)[^/:]*mcp[^/]*(?:\/|$)/iu;

/**
 * The config objects a config file exports: `module.exports = nextConfig`, `export default
 * nextConfig`, through wrappers (`withSentryConfig(nextConfig, { … })`) and a config function
 * (`(phase) => ({ … })`).
 */
function configObjects(program: TSESTree.Program): TSESTree.ObjectExpression[] {
  const found: TSESTree.ObjectExpression[] = [];
  const add = (node: TSESTree.Node, depth: number): void => {
    if (depth > MAX_WRAPPERS) return;
    const expression = skipTypeWrappers(resolveExpression(node) ?? node);
    if (expression.type === AST_NODE_TYPES.ObjectExpression) {
      if (!found.includes(expression)) found.push(expression);
    } else if (expression.type === AST_NODE_TYPES.CallExpression) {
      for (const argument of expression.arguments) {
        if (argument.type !== AST_NODE_TYPES.SpreadElement) add(argument, depth + 1);
      }
    } else if (isFunctionNode(expression)) {
      for (const returned of returnedExpressions(expression)) add(returned, depth + 1);
    }
  };
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) add(statement.declaration, 0);
    else if (
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.AssignmentExpression &&
      isModuleExports(statement.expression.left)
    ) {
      add(statement.expression.right, 0);
    }
  }
  return found;
}

/** The entries `{ source, headers }` that a config's `headers()` returns. */
function headerEntries(config: TSESTree.ObjectExpression): TSESTree.ObjectExpression[] {
  const headers = findObjectProperty(config, 'headers');
  if (headers.kind !== 'found') return [];
  const fn = skipTypeWrappers(resolveExpression(headers.property.value) ?? headers.property.value);
  if (!isFunctionNode(fn)) return [];
  const entries: TSESTree.ObjectExpression[] = [];
  for (const returned of returnedExpressions(fn)) {
    let list = skipTypeWrappers(returned);
    if (list.type === AST_NODE_TYPES.AwaitExpression) list = skipTypeWrappers(list.argument);
    const array = resolveExpression(list);
    if (array?.type !== AST_NODE_TYPES.ArrayExpression) continue;
    for (const element of array.elements) {
      const entry = element && element.type !== AST_NODE_TYPES.SpreadElement ? resolveExpression(element) : null;
      if (entry?.type === AST_NODE_TYPES.ObjectExpression) entries.push(entry);
    }
  }
  return entries;
}

/**
 * Whether a route's path (`/api/:transport`) is one a `source` pattern matches. Next.js reads
 * `source` with path-to-regexp: `:name` one segment, `:name*` none or more, `:name+` one or
 * more, `:name?` at most one, `:name(regex)` and `(regex)` what the regex matches. A route's own
 * dynamic segment stands for any one segment; a pattern that cannot be read matches every path.
 */
function sourceMatcher(pattern: string): (routePath: string) => boolean {
  let expression: RegExp;
  try {
    expression = new RegExp(`^${patternSource(pattern)}/?$`, 'iu');
  } catch {
    return () => true;
  }
  return (routePath) => expression.test(routePath.replace(/:[^/]+/gu, 'x'));
}

const PATTERN_PART =
  /(\/?):(\w+)(\((?:[^()\\]|\\.|\([^()]*\))*\))?([*+?])?|(\/?)(\((?:[^()\\]|\\.|\([^()]*\))*\))([*+?])?|((?:[^:(/]|\/(?![:(]))+)/gy;

function patternSource(pattern: string): string {
  let source = '';
  PATTERN_PART.lastIndex = 0;
  let index = 0;
  while (index < pattern.length) {
    PATTERN_PART.lastIndex = index;
    const part = PATTERN_PART.exec(pattern);
    if (!part) throw new Error('unread pattern');
    index = PATTERN_PART.lastIndex;
    if (part[8] !== undefined) {
      source += part[8].replace(/[.+?^${}()|[\]\\*]/gu, '\\$&');
      continue;
    }
    const slash = (part[1] ?? part[5] ?? '') === '/' ? '/' : '';
    const group = part[3] ?? part[6] ?? '([^/]+?)';
    const modifier = part[4] ?? part[7];
    const escapedSlash = slash ? '\\/' : '';
    if (modifier === '*') source += `(?:${escapedSlash}${group}(?:\\/${group})*)?`;
    else if (modifier === '+') source += `${escapedSlash}${group}(?:\\/${group})*`;
    else if (modifier === '?') source += `(?:${escapedSlash}${group})?`;
    else source += `${escapedSlash}${group}`;
  }
  return source;
}

/**
 * The routes of the project's Next.js route files (App Router, Pages Router API) that may serve
 * MCP; and the paths of route files that say MCP whose routes the analysis does not read (a
 * handler it cannot follow), which may serve it too.
 */
function mcpRoutes(root: string): { readonly routes: Route[]; readonly unread: string[] } {
  const routes: Route[] = [];
  const unread: string[] = [];
  const folders = ROUTE_FOLDERS.map((folder) => path.join(root, folder));
  // Under the Pages Router's `api` folder every module is a route; under `app/`, `route.ts` alone.
  const routeModule = (folder: string, name: string): boolean =>
    folder.endsWith('api') || /^route\.[cm]?[jt]sx?$/u.test(name);
  for (const file of sourceModulesUnder(folders, 10, MAX_ROUTE_MODULES, routeModule)) {
    const program = loadModule(file);
    const found = program ? findRoutes(codeOf(program)).routes.filter((route) => route.path !== null) : [];
    if (found.length === 0) {
      const at = routeFilePath(folders, file);
      // (Not one at a public path, `/.well-known/oauth-protected-resource/mcp`: metadata by design.)
      if (at !== null && !isPublicPath(at, DEFAULT_PUBLIC_PATHS) && (!program || SAYS_MCP.test(codeOf(program).text)))
        unread.push(at);
      continue;
    }
    routes.push(...found.filter((route) => mayServeMcp(route)));
  }
  return { routes, unread };
}

/** The path a route file answers at: its folders under `app/` (`/api/:transport`), or `/api/…` under `pages/api/`. */
function routeFilePath(folders: readonly string[], file: string): string | null {
  for (const folder of folders) {
    const relative = path.relative(folder, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
    const parts = relative.split(path.sep);
    const name = parts.pop()!.replace(/\.[^.]+$/u, '');
    return nextPath(
      folder.endsWith('api') ? ['api', ...parts, ...(name === 'index' ? [] : [name])].join('/') : parts.join('/'),
    );
  }
  return null;
}
