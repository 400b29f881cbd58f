import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { HEADER_SETTERS as H3_HEADER_SETTERS, HEADERS_SETTERS as H3_HEADERS_SETTERS } from '../frameworks/h3';
import { HEADER_API, entitiesOfKind } from '../frameworks/registry';
import { calledMethodName, enclosingFunctionOrProgram, outermostWrapper, skipTypeWrappers, walk } from './ast';
import { moduleIndex, trackedNodes } from './facts';
import {
  findObjectProperty,
  fromH3,
  possibleValues,
  resolveExpression,
  resolveFunction,
  resolveObjectExpression,
  returnedExpressions,
  type HandlerFunction,
} from './values';
import { declaredVariables, isLinted, moduleOf, propertyName, staticValue, textOf, variableOf } from './program';
import path from 'node:path';
import { importsModuleMatching, nearestManifest } from './module-graph';
import { SAYS_MCP } from './mcp-scope';

/** One response header set in code. */
export interface HeaderWrite {
  /** The header's name, lower-cased. */
  readonly name: string;
  /** The value expression as written. */
  readonly value: TSESTree.Node;
  /**
   * What sets it: a call such as `res.setHeader(name, value)`, a property of a headers object,
   * a `[name, value]` pair, or an assignment `headers[name] = value`.
   */
  readonly node: TSESTree.Node;
  readonly form: 'call' | 'property' | 'pair' | 'assignment';
  /**
   * Where the linted file sets it: `node` itself, or (for a headers object of another module)
   * the call in this file that applies it.
   */
  readonly site: TSESTree.Node;
}

export const ALLOW_ORIGIN = 'access-control-allow-origin';
export const ALLOW_CREDENTIALS = 'access-control-allow-credentials';

const HEADER_NAMES: ReadonlySet<string> = new Set([ALLOW_ORIGIN, ALLOW_CREDENTIALS]);

const writesByProgram = new WeakMap<TSESTree.Program, readonly HeaderWrite[]>();

/**
 * Every `Access-Control-Allow-Origin` and `Access-Control-Allow-Credentials` header the linted
 * file sets, through any header API an adapter knows, with the value as written: computed once
 * per file and shared by every rule. Header objects are followed through constants, spreads and
 * other modules; an object literal with one of these keys sets it wherever it goes (a headers
 * object kept in a field or handed to a helper that copies it onto the response). Each header is
 * listed once however many places use it.
 */
export function headerWrites(sourceCode: Readonly<SourceCode>): readonly HeaderWrite[] {
  let writes = writesByProgram.get(sourceCode.ast);
  if (!writes) {
    writes = mayWriteHeaders(sourceCode) ? findHeaderWrites(sourceCode) : [];
    writesByProgram.set(sourceCode.ast, writes);
  }
  return writes;
}

/**
 * Whether a file may set either header: its text names one, or, in a file that says MCP, a module
 * it imports does, where a headers constant the file uses may be written (`{ ...corsHeaders }`).
 */
export function mayWriteHeaders(sourceCode: Readonly<SourceCode>): boolean {
  // Asked by the rule before it reads the writes, and by `headerWrites`: answered once per file.
  let may = mayWriteByProgram.get(sourceCode.ast);
  if (may === undefined) {
    may = findMayWriteHeaders(sourceCode);
    mayWriteByProgram.set(sourceCode.ast, may);
  }
  return may;
}

const mayWriteByProgram = new WeakMap<TSESTree.Program, boolean>();

function findMayWriteHeaders(sourceCode: Readonly<SourceCode>): boolean {
  if (mentionsHeaders(sourceCode.text)) return true;
  // Only in a file that says MCP, in its text or its path (`app/api/mcp/route.ts`): a site's
  // functions share one headers module (Supabase's `_shared/cors.ts`).
  const { file } = moduleOf(sourceCode.ast);
  return (
    (SAYS_MCP.test(sourceCode.text) ||
      // The path in the package ends the whole path: one that says nothing needs no package looked up.
      (file !== null && SAYS_MCP.test(file) && SAYS_MCP.test(pathInPackage(file)))) &&
    importsModuleMatching(file, sourceCode.text, mentionsHeaders)
  );
}

/** A file's path from the folder of its nearest `package.json` (so not the folder the project sits in). */
function pathInPackage(file: string): string {
  const dir = path.dirname(file);
  return path.relative(nearestManifest(dir)?.dir ?? dir, file);
}

/** The text of a file that sets either header: the name itself, or a constant's name for it. */
function mentionsHeaders(text: string): boolean {
  // The case of `ACAO` is spelled out: a word boundary that opens a case-insensitive Unicode
  // pattern makes V8 try every position of the text, ten times slower on a whole file.
  return /access-control-allow|allow_(?:origin|credentials)/iu.test(text) || /\b[Aa][Cc][Aa][OoCc]\b/u.test(text);
}

function findHeaderWrites(sourceCode: Readonly<SourceCode>): HeaderWrite[] {
  const writes: HeaderWrite[] = [];
  const seen = new Set<TSESTree.Node>();
  const emit = (write: Omit<HeaderWrite, 'site'>, site: TSESTree.Node): void => {
    if (seen.has(write.node)) return;
    seen.add(write.node);
    writes.push({ ...write, site: isLinted(write.node) ? write.node : site });
  };
  const staticName = (node: TSESTree.Node): string | null => {
    const result = staticValue(node);
    return typeof result?.value === 'string' ? result.value.toLowerCase() : null;
  };

  /** Every header in a headers object, or in an array of `[name, value]` pairs. */
  const visitHeaders = (node: TSESTree.Node, outer: TSESTree.Node, depth = 0): void => {
    if (depth > 8) return;
    // What another module writes is reported at the nearest expression of the linted file that takes it.
    const site = isLinted(node) ? node : outer;
    const resolved = resolveExpression(node);
    if (!resolved) return;
    // `corsHeaders(req.headers.origin)`: each headers object the function of the project returns,
    // whose names are its own whatever the arguments.
    if (resolved.type === AST_NODE_TYPES.CallExpression) {
      const fn = resolveFunction(resolved.callee);
      if (fn) for (const returned of returnedExpressions(fn)) visitHeaders(returned, site, depth + 1);
      return;
    }
    // `withMaxAge ? this.corsHeadersWithMaxAge : this.corsHeaders`: either object is set.
    if (resolved.type === AST_NODE_TYPES.ConditionalExpression) {
      visitHeaders(resolved.consequent, site, depth + 1);
      visitHeaders(resolved.alternate, site, depth + 1);
      return;
    }
    if (resolved.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of resolved.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) {
          visitHeaders(property.argument, site, depth + 1);
          continue;
        }
        const key = propertyName(property);
        if (key === null || !HEADER_NAMES.has(key.toLowerCase())) continue;
        if (property.kind !== 'init' || property.method) continue;
        emit({ name: key.toLowerCase(), value: property.value, node: property, form: 'property' }, site);
      }
    } else if (resolved.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of resolved.elements) {
        if (element?.type === AST_NODE_TYPES.SpreadElement) {
          visitHeaders(element.argument, site, depth + 1);
          continue;
        }
        const pair = element && resolveExpression(element);
        if (pair?.type !== AST_NODE_TYPES.ArrayExpression || pair.elements.length !== 2) continue;
        const [nameNode, valueNode] = pair.elements;
        if (!nameNode || !valueNode || nameNode.type === AST_NODE_TYPES.SpreadElement) continue;
        const name = staticName(nameNode);
        if (name && HEADER_NAMES.has(name)) emit({ name, value: valueNode, node: pair, form: 'pair' }, site);
      }
    }
  };

  /** A `ResponseInit`-like object: its `headers` property. */
  const visitResponseInit = (node: TSESTree.Node, site: TSESTree.Node): void => {
    const init = resolveObjectExpression(node);
    if (!init) return;
    const headers = findObjectProperty(init, 'headers');
    if (headers.kind === 'found' && headers.value) visitHeaders(headers.value, site);
  };

  const index = moduleIndex(sourceCode.ast);
  for (const [node, entities] of trackedNodes(sourceCode)) {
    if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) continue;
    const [first, second] = node.arguments;
    for (const entity of entitiesOfKind(entities, 'web-headers')) {
      if (entity.role === 'name-value' && first && second) {
        const name = staticName(first);
        if (name && HEADER_NAMES.has(name)) emit({ name, value: second, node, form: 'call' }, node);
      } else if (entity.role === 'headers' && first) visitHeaders(first, node);
      else if (entity.role === 'iterate' && first && !onlyReadsEntries(node)) visitHeaders(first, node);
      else if ((entity.role === 'response' || entity.role === 'response-json') && second)
        visitResponseInit(second, node);
      // `NextResponse.next({ headers })`: the options come first.
      else if (entity.role === 'response-init' && first) visitResponseInit(first, node);
    }
  }
  // h3's `setResponseHeader(event, name, value)` and `setResponseHeaders(event, headers)`,
  // auto-imported in Nitro (a name bound nowhere) or imported from h3.
  for (const call of index.calls) {
    const { callee } = call;
    if (callee.type !== AST_NODE_TYPES.Identifier) continue;
    const one = H3_HEADER_SETTERS.has(callee.name);
    if (!one && !H3_HEADERS_SETTERS.has(callee.name)) continue;
    if (!fromH3(callee)) continue;
    const [, nameOrHeaders, value] = call.arguments;
    if (!nameOrHeaders || nameOrHeaders.type === AST_NODE_TYPES.SpreadElement) continue;
    if (!one) {
      visitHeaders(nameOrHeaders, call);
      continue;
    }
    const name = staticName(nameOrHeaders);
    if (name && HEADER_NAMES.has(name) && value && value.type !== AST_NODE_TYPES.SpreadElement)
      emit({ name, value, node: call, form: 'call' }, call);
  }
  for (const [method, calls] of index.methodCalls) {
    const nameValue = HEADER_API.setNameValue.has(method);
    const object = HEADER_API.setObject.has(method);
    const last = HEADER_API.setLastArgument.has(method);
    const helper = HEADER_API.responseHelpers.has(method);
    if (!nameValue && !object && !last && !helper) continue;
    for (const call of calls) {
      const args = call.arguments;
      if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) continue;
      if (nameValue && args.length >= 2) {
        const name = staticName(args[0]!);
        if (name && HEADER_NAMES.has(name)) emit({ name, value: args[1]!, node: call, form: 'call' }, call);
      } else if (object && args.length === 1) {
        visitHeaders(args[0]!, call);
      } else if (last && args.length >= 2) {
        visitHeaders(args.at(-1)!, call);
      } else if (helper && args.length >= 2) {
        if (args.length >= 3) visitHeaders(args[2]!, call);
        else visitResponseInit(args[1]!, call);
      }
    }
  }
  for (const assignment of index.assignments) {
    const target = assignment.left;
    if (target.type !== AST_NODE_TYPES.MemberExpression || assignment.operator !== '=') continue;
    const name = propertyName(target);
    if (name && HEADER_NAMES.has(name.toLowerCase())) {
      emit({ name: name.toLowerCase(), value: assignment.right, node: assignment, form: 'assignment' }, assignment);
    }
  }
  for (const loop of index.forInStatements) visitHeaders(loop.right, loop);
  // What a serverless function answers with (`return { statusCode: 200, headers, body }`, AWS
  // Lambda's proxy integration and Netlify Functions): the platform sends its `headers`.
  for (const result of index.statusObjects) {
    if (!isAnswered(result)) continue;
    const headers = findObjectProperty(result, 'headers');
    if (headers.kind === 'found' && headers.value) visitHeaders(headers.value, result);
  }
  // A helper of the project that copies a headers object onto the response:
  // `setResponseHeaders(res, { ...this.getCorsHeaders() })`.
  for (const call of index.calls) {
    if (call.arguments.length < 2) continue;
    const callee = skipTypeWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const fn = resolveFunction(callee);
    if (!fn) continue;
    for (const position of headerCopyingParameters(fn)) {
      const argument = call.arguments[position];
      if (argument && argument.type !== AST_NODE_TYPES.SpreadElement) visitHeaders(argument, call);
    }
  }
  return writes.sort((a, b) => a.site.range[0] - b.site.range[0]);
}

/**
 * Whether a function answers with an object: it returns it (also as an arrow's body, or through a
 * `const` it returns), not hands it to a call or compares it with something.
 */
function isAnswered(result: TSESTree.ObjectExpression): boolean {
  const held = outermostWrapper(result);
  const parent = held.parent;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) return true;
  if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === held) return true;
  if (
    parent?.type !== AST_NODE_TYPES.VariableDeclarator ||
    parent.id.type !== AST_NODE_TYPES.Identifier ||
    parent.parent.kind !== 'const'
  )
    return false;
  const references = variableOf(parent.id)?.references ?? [];
  return references.some(
    (reference) =>
      outermostWrapper(reference.identifier as TSESTree.Node).parent?.type === AST_NODE_TYPES.ReturnStatement,
  );
}

/**
 * Whether the entries of `Object.entries(object)` (or its keys) go through a loop that only reads
 * with them: `for (const [name, value] of Object.entries(expected))
 * expect(response.headers.get(name)).toBe(value)` checks the headers a test expects. A loop that
 * hands a name or a value anywhere else (`res.setHeader(name, value)`, `list.push([name, value])`,
 * `{ [name]: value }`), and any other use of the entries, may copy them.
 */
function onlyReadsEntries(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const holder = outermostWrapper(call);
  const parent = holder.parent;
  let pattern: TSESTree.Node | null = null;
  let body: TSESTree.Node | null = null;
  if (parent?.type === AST_NODE_TYPES.ForOfStatement && parent.right === holder) {
    const left = parent.left;
    pattern = left.type === AST_NODE_TYPES.VariableDeclaration ? (left.declarations[0]?.id ?? null) : null;
    body = parent.body;
  } else if (
    parent?.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === holder &&
    propertyName(parent) === 'forEach' &&
    parent.parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.parent.callee === parent
  ) {
    const callback = parent.parent.arguments[0];
    if (
      callback?.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
      callback?.type !== AST_NODE_TYPES.FunctionExpression
    )
      return false;
    pattern = callback.params[0] ?? null;
    body = callback.body;
  }
  if (!pattern || !body) return false;
  const names = new Set<string>();
  if (pattern.type === AST_NODE_TYPES.Identifier) names.add(pattern.name);
  else if (pattern.type === AST_NODE_TYPES.ArrayPattern) {
    for (const element of pattern.elements) {
      if (element?.type === AST_NODE_TYPES.Identifier) names.add(element.name);
      else if (element) return false;
    }
  } else return false;
  let copies = false;
  walk(body, (node) => {
    if (copies || node.type !== AST_NODE_TYPES.Identifier || !names.has(node.name)) return;
    const use = node.parent;
    // A property key or a member name is not the variable.
    if (use?.type === AST_NODE_TYPES.MemberExpression && use.property === node && !use.computed) return;
    if (use?.type === AST_NODE_TYPES.Property && use.key === node && !use.computed) {
      copies = true;
      return;
    }
    if (use?.type === AST_NODE_TYPES.BinaryExpression && COMPARISONS.has(use.operator)) return;
    if (
      use?.type === AST_NODE_TYPES.CallExpression &&
      use.arguments.includes(node) &&
      READING_CALLEE.test(textOf(use.callee))
    )
      return;
    copies = true;
  });
  return !copies;
}

const COMPARISONS = new Set(['===', '!==', '==', '!=']);

/** Calls that read or check with a value: `headers.get(name)`, `expect(x).toBe(value)`, `console.log`. */
const READING_CALLEE =
  /^(?:expect|assert(?:\.\w+)?|console\.\w+)$|\.(?:get|has|includes|toBe|toEqual|toStrictEqual|toMatch|toContain|toHaveProperty)$/u;

const copyingParameters = new WeakMap<HandlerFunction, readonly number[]>();

/**
 * The parameters of a function that it copies onto a response as headers: it goes through them
 * (`Object.entries(headers)`, `for (const name in headers)`) and sets response headers by name
 * and value. Worked out once per function.
 */
function headerCopyingParameters(fn: HandlerFunction): readonly number[] {
  let positions = copyingParameters.get(fn);
  if (positions) return positions;
  positions = [];
  copyingParameters.set(fn, positions);
  const names = fn.params.map((param) => (param.type === AST_NODE_TYPES.Identifier ? param.name : null));
  if (names.every((name) => name === null)) return positions;
  const iterated = new Set<string>();
  let setsHeaders = false;
  walk(fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const method = calledMethodName(node);
      if (method && HEADER_API.setNameValue.has(method) && node.arguments.length >= 2) setsHeaders = true;
      if (method === 'entries' || method === 'keys') {
        const [first] = node.arguments;
        if (first?.type === AST_NODE_TYPES.Identifier) iterated.add(first.name);
      }
    } else if (node.type === AST_NODE_TYPES.ForInStatement && node.right.type === AST_NODE_TYPES.Identifier) {
      iterated.add(node.right.name);
    }
  });
  if (setsHeaders) {
    names.forEach((name, position) => {
      if (name !== null && iterated.has(name)) (positions as number[]).push(position);
    });
  }
  return positions;
}

const credentialsByProgram = new WeakMap<TSESTree.Program, CredentialHeaders>();

/** Where the linted file sends `Access-Control-Allow-Credentials: true`. */
export interface CredentialHeaders {
  /** Whether a place in the code sends the header beside it: in the same function, or the same headers object. */
  besides(node: TSESTree.Node): boolean;
}

/**
 * Where the linted file sends `Access-Control-Allow-Credentials: true`, to tell whether an origin
 * policy comes with credentials.
 */
export function credentialHeaders(sourceCode: Readonly<SourceCode>): CredentialHeaders {
  let found = credentialsByProgram.get(sourceCode.ast);
  if (found) return found;
  /** Functions that send the header, and headers objects that hold it. */
  const scopes = new Set<TSESTree.Node>();
  for (const write of headerWrites(sourceCode)) {
    if (write.name !== ALLOW_CREDENTIALS) continue;
    const on = possibleValues(write.value).some(
      (value) => value.known && (value.value === true || value.value === 'true'),
    );
    if (!on) continue;
    scopes.add(enclosingFunctionOrProgram(write.site));
    if (write.form === 'property' && write.node.parent) scopes.add(write.node.parent);
  }
  found = {
    besides: (node) =>
      scopes.has(enclosingFunctionOrProgram(node)) || (node.parent !== undefined && scopes.has(node.parent)),
  };
  credentialsByProgram.set(sourceCode.ast, found);
  return found;
}

/** A middleware's parameters it may only read from, or call (`next`), to keep out of CORS. */
const MAX_MIDDLEWARE_PARAMETERS = 4;

/**
 * Whether a middleware function (of another module of the project: a request-id setter, a logger)
 * leaves the CORS policy alone: it names no `Access-Control-` header and no CORS package, sets
 * only headers whose names it fixes (`res.setHeader('X-Request-Id', id)`), and hands the request,
 * the response, their app (`req.app`) and `next` to nothing: it reads their properties and calls
 * `next()`, so nothing it calls can set such a header either. Judged by what it does, not where
 * it lives.
 */
export function leavesCorsAlone(fn: HandlerFunction): boolean {
  if (fn.params.length > MAX_MIDDLEWARE_PARAMETERS || /access-control-|\bcors\b/iu.test(textOf(fn))) return false;
  for (const param of fn.params) {
    if (param.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = declaredVariables(fn).find((declared) => declared.name === param.name);
    for (const reference of variable?.references ?? []) {
      const use = outermostWrapper(reference.identifier as TSESTree.Node);
      const parent = use.parent;
      // `next()`, `next(error)`.
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === use) continue;
      if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== use) return false;
      if (propertyName(parent) === 'app') return false;
      const call = outermostWrapper(parent).parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== outermostWrapper(parent)) continue;
      const method = calledMethodName(call);
      const setsHeaders =
        method !== null &&
        (HEADER_API.setNameValue.has(method) ||
          HEADER_API.setObject.has(method) ||
          HEADER_API.setLastArgument.has(method) ||
          HEADER_API.responseHelpers.has(method));
      if (!setsHeaders) continue;
      // Only a header named here: `res.set('X-Trace', id)`, not `res.set(HEADERS)` or `res.writeHead(200, HEADERS)`.
      const [name] = call.arguments;
      const fixed = name && HEADER_API.setNameValue.has(method) ? staticValue(name)?.value : undefined;
      if (typeof fixed !== 'string' || fixed.toLowerCase().startsWith('access-control-')) return false;
    }
  }
  return true;
}
