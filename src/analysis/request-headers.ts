import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { importOf, perLintedFile } from './exports';
import { HEADER_READERS as H3_HEADER_READERS } from '../frameworks/h3';
import { HEADER_API } from '../frameworks/registry';
import { calledMethodName, globalPath, skipTypeWrappers } from './ast';
import { variableOf, staticValue, programOf, propertyName, textOf } from './program';
import { externalRefOf, fromH3, memberName, possibleValues } from './values';

/**
 * Request header readers that take a name: express `req.get|header`, Koa `ctx.get`, Hono
 * `c.req.header`, web `headers.get`.
 */
const HEADER_READ_METHODS = HEADER_API.readNameMethods;
/** Properties that hold a request's headers: Node and express `req.headers`, Koa `ctx.request.header`. */
const HEADER_OBJECTS = HEADER_API.readObjects;

function singleValue(node: TSESTree.Node): { value: unknown } | null {
  const values = possibleValues(node);
  return values.length === 1 && values[0]!.known ? { value: values[0]!.value } : null;
}

/** The headers a DNS-rebinding check reads: the request's `Origin` and its `Host`. */
export const ORIGIN_AND_HOST: ReadonlySet<string> = new Set(['origin', 'host']);

/** A header whose name the code decides at run time (`req.headers[key.toLowerCase()]`): one the configuration names. */
export const ANY_HEADER = '*';

/**
 * The lower-cased name of the request header an expression reads (`'*'` when `req.headers[name]`
 * takes a name worked out at run time), or `null`; with `wanted`, `null` for any header but those:
 * `req.headers.authorization`, `req.headers['x-mcp-csrf-token']`, `req.get('X-Token')`,
 * `req.header('Authorization')`, `c.req.header('x-token')`, `ctx.get('X-Token')`,
 * `ctx.request.header.authorization`, `request.headers.get('Authorization')`, h3's
 * `getRequestHeader(event, 'authorization')`.
 */
export function requestHeaderRead(node: TSESTree.Node, wanted?: string | ReadonlySet<string>): string | null {
  const header = readHeader(node, wanted);
  return header === null || wanted === undefined || isWanted(header, wanted) ? header : null;
}

const isWanted = (header: string, wanted: string | ReadonlySet<string>): boolean =>
  typeof wanted === 'string' ? header === wanted : wanted.has(header);

function readHeader(node: TSESTree.Node, wanted: string | ReadonlySet<string> | undefined): string | null {
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return nestHeaderParameter(expression);
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipTypeWrappers(expression.object);
    const name = propertyName(expression);
    // `new URL(request.url).hostname`: a web request's URL is built from its Host header.
    if (HOST_PARTS.has(name ?? '') && isRequestUrl(object)) return 'host';
    // The header named: as written, from a constant (`req.headers[SESSION_HEADER]`, also one of
    // another module), or `'*'` when worked out at run time.
    const header = (): string | null => {
      if (name !== null) return name.toLowerCase();
      if (!expression.computed) return null;
      const held = singleValue(expression.property);
      return typeof held?.value === 'string' ? held.value.toLowerCase() : ANY_HEADER;
    };
    if (object.type === AST_NODE_TYPES.Identifier) {
      // The name read is cheap to see, what the object holds can cost a walk through other
      // modules: a caller that wants only some headers skips every other property of every name.
      // A name worked out at run time (`messages[code]`) can cost as much to follow as the
      // object, which is mostly a table of the module's own: then the object is asked first.
      if (wanted === undefined) {
        if (!holdsRequestHeaders(object)) return null;
      } else {
        const objectFirst = name === null;
        if (objectFirst && !holdsRequestHeaders(object)) return null;
        const named = header();
        if (named === null || !isWanted(named, wanted)) return null;
        if (!objectFirst && !holdsRequestHeaders(object)) return null;
      }
    } else if (object.type !== AST_NODE_TYPES.MemberExpression || !HEADER_OBJECTS.has(propertyName(object) ?? '')) {
      return null;
    }
    // `request.headers.get` called is a method of web `Headers`, read by name below, not a header named `get`.
    const parent = expression.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && skipTypeWrappers(parent.callee) === expression) return null;
    return header();
  }
  // h3's `getRequestHeader(event, 'authorization')`, auto-imported in Nitro.
  if (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.arguments.length === 2 &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    H3_HEADER_READERS.has(expression.callee.name)
  ) {
    if (!fromH3(expression.callee)) return null;
    const name = staticValue(expression.arguments[1]!) ?? singleValue(expression.arguments[1]!);
    return typeof name?.value === 'string' ? name.value.toLowerCase() : null;
  }
  if (expression.type === AST_NODE_TYPES.CallExpression && expression.arguments.length === 1) {
    const method = calledMethodName(expression);
    if (!method || !HEADER_READ_METHODS.has(method)) return null;
    // Hono's `c.get('auth')` reads a variable of the context, which Koa's `ctx.get(…)` would be a header.
    const owner = skipTypeWrappers((skipTypeWrappers(expression.callee) as TSESTree.MemberExpression).object);
    if (
      method === 'get' &&
      owner.type === AST_NODE_TYPES.Identifier &&
      usesHonoNotKoa(programOf(expression)) &&
      !holdsRequestHeaders(owner)
    )
      return null;
    if (!isRequestLike(skipTypeWrappers((skipTypeWrappers(expression.callee) as TSESTree.MemberExpression).object))) {
      return null;
    }
    // A name from a constant of another module (`c.req.header(SESSION_HEADER)`); `map.get(key)`
    // with a name nothing tells is no header read.
    const name = staticValue(expression.arguments[0]!) ?? singleValue(expression.arguments[0]!);
    return typeof name?.value === 'string' ? name.value.toLowerCase() : null;
  }
  return null;
}

/**
 * The header a NestJS handler's parameter holds, read where it is used: `@Headers('host') host`
 * (`Headers` of `@nestjs/common`, given a name).
 */
function nestHeaderParameter(name: TSESTree.Identifier): string | null {
  const def = variableOf(name)?.defs[0];
  if (def?.type !== 'Parameter' || def.name.type !== AST_NODE_TYPES.Identifier) return null;
  for (const decorator of def.name.decorators ?? []) {
    const call = decorator.expression;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier) continue;
    const imported = importOf(call.callee);
    if (imported?.specifier !== '@nestjs/common' || imported.name !== 'Headers') continue;
    const [argument] = call.arguments;
    const header = argument && argument.type !== AST_NODE_TYPES.SpreadElement ? staticValue(argument)?.value : null;
    return typeof header === 'string' ? header.toLowerCase() : null;
  }
  return null;
}

/** What a parameter that is handed a request's headers is called, or typed as. */
const HEADERS_PARAMETER = /^(?:req|request)?headers$/iu;
const HEADERS_TYPE = /\b(?:IncomingHttpHeaders|Headers)\b/u;

/**
 * Whether a name holds a request's headers: `const headers = req.headers`, or a parameter a call
 * of the module hands `req.headers`, or one named or typed for them (`headers:
 * IncomingHttpHeaders`), as a check in another module takes them (`assertKey(req.headers)`).
 */
function holdsRequestHeaders(name: TSESTree.Identifier): boolean {
  const variable = variableOf(name);
  return variable ? variableHoldsRequestHeaders(variable) : false;
}

/**
 * The answer for a binding, the same at each of its reads: a handler's helpers read the request
 * through many references of one parameter, whose values are the arguments of every call.
 */
const variableHoldsRequestHeaders = perLintedFile((variable: Scope.Variable): boolean => {
  const def = variable.defs[0];
  const name = def?.name;
  if (!def || name?.type !== AST_NODE_TYPES.Identifier) return false;
  if (def.type !== 'Variable' && def.type !== 'Parameter') return false;
  // `const { method, url, headers } = req`: the request's headers, destructured from it.
  if (def.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.ObjectPattern && def.node.init) {
    const init = skipTypeWrappers(def.node.init);
    const taken = def.node.id.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        propertyName(property) === 'headers' &&
        (property.value === def.name ||
          (property.value.type === AST_NODE_TYPES.AssignmentPattern && property.value.left === def.name)),
    );
    if (taken) return init.type === AST_NODE_TYPES.Identifier && isRequestLike(init);
  }
  const values = possibleValues(name);
  if (
    values.some((value) => {
      const held = skipTypeWrappers(value.node);
      return held.type === AST_NODE_TYPES.MemberExpression && HEADER_OBJECTS.has(propertyName(held) ?? '');
    })
  ) {
    return true;
  }
  if (def.type !== 'Parameter') return false;
  const annotation = name.typeAnnotation?.typeAnnotation;
  const typed = annotation?.type === AST_NODE_TYPES.TSTypeReference && HEADERS_TYPE.test(textOfType(annotation));
  return typed || HEADERS_PARAMETER.test(name.name);
});

/** The name of a type reference (`IncomingHttpHeaders`, `http.IncomingHttpHeaders`). */
function textOfType(reference: TSESTree.TSTypeReference): string {
  const name = reference.typeName;
  return name.type === AST_NODE_TYPES.Identifier
    ? name.name
    : name.type === AST_NODE_TYPES.TSQualifiedName
      ? name.right.name
      : '';
}

/**
 * The name of a query parameter of the request an expression reads, as `?name` (lower-cased), or
 * `null`: `req.query.token`, `req.query['token']` (express, Fastify, Koa's `ctx.query`), Hono's
 * `c.req.query('token')`, and `url.searchParams.get('token')` of a `new URL(req.url, …)`. A
 * credential there is one a page cannot know, as in a header (an `EventSource` sends no headers,
 * so SSE streams take their token in the query).
 */
export function requestQueryRead(node: TSESTree.Node): string | null {
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipTypeWrappers(expression.object);
    if (object.type !== AST_NODE_TYPES.MemberExpression || propertyName(object) !== 'query') return null;
    if (!isParameterRoot(object.object)) return null;
    const name = propertyName(expression);
    return name === null ? null : `?${name.toLowerCase()}`;
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression || expression.arguments.length !== 1) return null;
  const callee = skipTypeWrappers(expression.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = propertyName(callee);
  const owner = skipTypeWrappers(callee.object);
  const reads =
    // `c.req.query('token')`
    (method === 'query' && owner.type === AST_NODE_TYPES.MemberExpression && propertyName(owner) === 'req') ||
    // `url.searchParams.get('token')`, `new URL(req.url, base).searchParams.get('token')`
    (method === 'get' &&
      owner.type === AST_NODE_TYPES.MemberExpression &&
      propertyName(owner) === 'searchParams' &&
      madeFromRequestUrl(owner.object));
  if (!reads) return null;
  const name = staticValue(expression.arguments[0]!);
  return typeof name?.value === 'string' ? `?${name.value.toLowerCase()}` : null;
}

/** Whether a node is a parameter or a property path into one (`req`, `ctx.request`). */
export function isParameterRoot(node: TSESTree.Node): boolean {
  let current = skipTypeWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipTypeWrappers(current.object);
  return current.type === AST_NODE_TYPES.Identifier && variableOf(current)?.defs[0]?.type === 'Parameter';
}

/** `new URL(req.url, base)` (or a constant holding one), whose `url` is a request parameter's. */
function madeFromRequestUrl(node: TSESTree.Node): boolean {
  let expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const def = variableOf(expression)?.defs[0];
    if (def?.type !== 'Variable' || !def.node.init) return false;
    expression = skipTypeWrappers(def.node.init);
  }
  if (expression.type !== AST_NODE_TYPES.NewExpression || !isUrlConstructor(expression.callee)) return false;
  const [first] = expression.arguments;
  let url = first && skipTypeWrappers(first);
  // `req.url ?? '/'`: Node types the URL as possibly undefined.
  if (url?.type === AST_NODE_TYPES.LogicalExpression && (url.operator === '??' || url.operator === '||'))
    url = skipTypeWrappers(url.left);
  return url?.type === AST_NODE_TYPES.MemberExpression && propertyName(url) === 'url' && isParameterRoot(url.object);
}

const HOST_PARTS = new Set(['host', 'hostname']);

/** `new URL(request.url)`, or a variable that holds one. */
function isRequestUrl(node: TSESTree.Node): boolean {
  let expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const def = variableOf(expression)?.defs[0];
    const init = def?.type === 'Variable' && def.node.init ? skipTypeWrappers(def.node.init) : null;
    if (!init || def?.node.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.node.parent.kind !== 'const')
      return false;
    expression = init;
  }
  if (expression.type !== AST_NODE_TYPES.NewExpression) return false;
  if (!isUrlConstructor(expression.callee)) return false;
  // A web request's `url` is absolute; Node's `new URL(req.url, base)` takes its host from the base.
  if (expression.arguments.length !== 1) return false;
  const [first] = expression.arguments;
  const url = first && skipTypeWrappers(first);
  return url?.type === AST_NODE_TYPES.MemberExpression && propertyName(url) === 'url';
}

/** Objects reached from a request or context whose `get(name)` reads no header. */
const NOT_REQUEST_OBJECTS: ReadonlySet<string> = new Set(['searchParams', 'app', 'locals', 'env', 'var', 'session']);

/**
 * Whether what a header is read from can be a request: a handler's parameter (`req.get`,
 * `ctx.get`), a property of one (`c.req.header`, `request.headers.get`), or anything else the file
 * does not define. `config.get('origin')` on a module-level object or import is not a request.
 */
function isRequestLike(node: TSESTree.Node): boolean {
  // `url.searchParams.get('sessionId')` reads the query string, not a header; express's
  // `req.app.get('mcpClient')` a setting of the app, and `res.locals`/`c.env` what the code stored.
  if (node.type === AST_NODE_TYPES.MemberExpression) return !NOT_REQUEST_OBJECTS.has(propertyName(node) ?? '');
  // `new URLSearchParams(query).get('sessionId')`, `new URL(req.url, base).searchParams`.
  if (node.type === AST_NODE_TYPES.NewExpression) return !isUrlParser(node.callee);
  if (node.type !== AST_NODE_TYPES.Identifier) return true;
  const variable = variableOf(node);
  const def = variable?.defs[0];
  if (!def) return true;
  // `const params = new URLSearchParams(query)`, `const url = new URL(req.url)`.
  const init = def.type === 'Variable' && def.node.init ? skipTypeWrappers(def.node.init) : null;
  if (init?.type === AST_NODE_TYPES.NewExpression && isUrlParser(init.callee)) {
    return false;
  }
  if (def.type === 'ImportBinding' || def.type === 'ClassName' || def.type === 'FunctionName') return false;
  // A module-level variable is shared by every request; a request arrives per call.
  return !(
    def.type === 'Variable' &&
    variable!.scope.type !== 'function' &&
    variable!.scope.type !== 'block' &&
    variable!.scope.type !== 'catch'
  );
}

/**
 * The names bound by destructuring a request's headers: `const { authorization } = req.headers`,
 * with each binding's header name.
 */
export function destructuredHeaderNames(
  declarator: TSESTree.VariableDeclarator,
): { id: TSESTree.Identifier; header: string }[] {
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || !declarator.init) return [];
  const init = skipTypeWrappers(declarator.init);
  let pattern: TSESTree.ObjectPattern = declarator.id;
  if (init.type === AST_NODE_TYPES.Identifier) {
    // `const { headers: { authorization } } = req`: the inner pattern takes the request's headers.
    const nested = declarator.id.properties.find(
      (property): property is TSESTree.Property =>
        property.type === AST_NODE_TYPES.Property &&
        propertyName(property) === 'headers' &&
        property.value.type === AST_NODE_TYPES.ObjectPattern,
    );
    if (!nested || !isRequestLike(init)) return [];
    pattern = nested.value as TSESTree.ObjectPattern;
  } else if (init.type !== AST_NODE_TYPES.MemberExpression || !HEADER_OBJECTS.has(propertyName(init) ?? '')) {
    return [];
  }
  const names: { id: TSESTree.Identifier; header: string }[] = [];
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyName(property);
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (key && value.type === AST_NODE_TYPES.Identifier) names.push({ id: value, header: key.toLowerCase() });
  }
  return names;
}

/** `URL` or `URLSearchParams`: what they are made of is a URL or a query string, not headers. */
function isUrlParser(callee: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(callee);
  return (
    isUrlConstructor(expression) ||
    (expression.type === AST_NODE_TYPES.Identifier && expression.name === 'URLSearchParams')
  );
}

/** The global `URL` (also as `globalThis.URL`, `(globalThis as any).URL`), or the one of `node:url`. */
export function isUrlConstructor(callee: TSESTree.Node): boolean {
  const global = globalPath(callee);
  if (global)
    return global.join('.') === 'URL' || (global.length === 2 && GLOBAL_OBJECTS.has(global[0]!) && global[1] === 'URL');
  // `import { URL } from 'node:url'` (also renamed), `url.URL` of a namespace, `require('url')`.
  // Any other name (`new Client()`, imported from the project) is not followed into its module.
  if (!mayNameUrl(callee)) return false;
  const ref = externalRefOf(callee);
  return (
    ref !== null &&
    (ref.module === 'url' || ref.module === 'node:url') &&
    (ref.names.join('.') === 'URL' || ref.names.join('.') === 'default.URL')
  );
}

const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['globalThis', 'global', 'window', 'self']);

/** A callee that may be `node:url`'s `URL`: a member named `URL`, or a name a module named `url` gives. */
function mayNameUrl(callee: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(callee);
  if (expression.type === AST_NODE_TYPES.MemberExpression) return memberName(expression) === 'URL';
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  if (expression.name === 'URL') return true;
  const def = variableOf(expression)?.defs[0];
  return def !== undefined && /\b(?:node:)?url['"]|\bURL\b/u.test(textOf(def.parent ?? def.node));
}

const honoModules = new WeakMap<TSESTree.Program, boolean>();

/** Whether a module imports Hono (`hono`, `hono/factory`, `@hono/…`) and nothing of Koa. */
function usesHonoNotKoa(program: TSESTree.Program): boolean {
  let answer = honoModules.get(program);
  if (answer === undefined) {
    const sources = program.body.flatMap((statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration ? [statement.source.value] : [],
    );
    answer =
      sources.some((source) => /^(?:hono(?:\/|$)|@hono\/)/u.test(source)) &&
      !sources.some((source) => /^(?:koa(?:\/|$)|@koa\/)/u.test(source));
    honoModules.set(program, answer);
  }
  return answer;
}
