import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { containsNode, parameterName, skipTypeWrappers, walk } from './ast';
import { destructuredHeaderNames, isParameterRoot, requestHeaderRead } from './request-headers';
import {
  conditionalLeaves,
  findObjectProperty,
  holdsThrough,
  isFunctionNode,
  resolveExpression,
  resolveFunction,
  returnedExpressions,
  writtenValues,
  type HandlerFunction,
} from './values';
import { returnsReshaped } from './value-escape';
import { importOf } from './exports';
import { calledMethodName } from './ast';
import { variableOf, staticValue, propertyName } from './program';

/** Where a value that ends up as an allowed origin comes from. */
export type OriginSourceKind =
  /** A value written in the source: `'https://app.example.com'`, `'*'`, `true`. */
  | 'literal'
  /** The request's own `Origin` header: echoing it back allows whoever asks. */
  | 'request-origin'
  /** An environment variable: whoever edits the environment decides. */
  | 'environment'
  /** Anything else: a parameter, a call, an import. */
  | 'unknown';

export interface OriginSource {
  readonly kind: OriginSourceKind;
  /** The read itself: `'*'`, `req.headers.origin`, `process.env.CORS_ORIGINS`. */
  readonly node: TSESTree.Node;
  /** The static value, for literals. */
  readonly value?: unknown;
  /** The variable's name, for environment reads whose name is static. */
  readonly envName?: string | null;
  /**
   * Where the value enters the expression that was asked about: the read itself, or the name
   * through which it arrives (`origin` in `ALLOWED.has(origin) ? origin : ''`). Checks that
   * guard the value are found by walking up from here.
   */
  readonly entry: TSESTree.Node;
}

const MAX_DEPTH = 16;

/** An origin's scheme and whole host, up to the colon before its port: `http://localhost:`, `http://[::1]:`. */
const SCHEME_AND_HOST = /^[a-z][\d+.a-z-]*:\/\/(?:[^\s#/:?@[\]]+|\[[\d.:a-f]+\]):$/iu;

/** Methods that derive a list or a string of origins from another without adding any. */
const PASS_THROUGH_METHODS = new Set([
  'split',
  'map',
  'filter',
  'trim',
  'trimStart',
  'trimEnd',
  'toLowerCase',
  'flat',
  'flatMap',
  'slice',
  'concat',
  'replace',
  'replaceAll',
  'sort',
  'toString',
]);
/** Global functions and constructors that do the same: `new Set(list)`, `JSON.parse(text)`. */
const PASS_THROUGH_CALLEES = new Set(['Set', 'Array.from', 'Array.of', 'JSON.parse', 'String', 'Object.freeze']);

/**
 * Whether an expression reads the request's Origin header: `req.headers.origin`,
 * `req.headers['origin']`, `req.get('origin')`, `req.header('Origin')`, `c.req.header('origin')`,
 * `ctx.get('Origin')`, `ctx.request.header.origin`, `request.headers.get('Origin')`.
 */
export function isRequestOriginRead(node: TSESTree.Node): boolean {
  return requestHeaderRead(node, 'origin') !== null;
}

/** Parts of a request whose values its sender writes: the query string, the body, the route's parameters. */
const SENDER_WRITTEN = new Set(['query', 'body', 'params', 'searchParams']);

/**
 * Whether an expression reads a value the request's sender writes, other than its Origin: the
 * `Referer` header, a query-string, body or route parameter (`req.query.origin`,
 * `req.body.origin`, `ctx.request.body.origin`, `c.req.query('origin')`,
 * `url.searchParams.get('origin')`). Echoing one into `Access-Control-Allow-Origin` allows
 * whoever asks, as echoing the Origin does.
 */
export function isSenderWrittenRead(node: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  const header = requestHeaderRead(expression);
  if (header === 'referer' || header === 'referrer') return true;
  // `req.query.origin`, `req.body['origin']`
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipTypeWrappers(expression.object);
    return (
      object.type === AST_NODE_TYPES.MemberExpression &&
      SENDER_WRITTEN.has(propertyName(object) ?? '') &&
      isParameterRoot(object)
    );
  }
  // `c.req.query('origin')`, `url.searchParams.get('origin')`
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTypeWrappers(expression.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = propertyName(callee);
    if ((method === 'query' || method === 'param') && isParameterRoot(callee.object)) return true;
    const owner = skipTypeWrappers(callee.object);
    return method === 'get' && owner.type === AST_NODE_TYPES.MemberExpression && propertyName(owner) === 'searchParams';
  }
  return false;
}

/**
 * The name of the environment variable an expression reads, `null` when the name is not static,
 * or `undefined` when it reads none: `process.env.X`, `process.env['X']`, `import.meta.env.X`,
 * `Bun.env.X`, `Deno.env.get('X')`, Workers-style `env.X` and `c.env.X`.
 */
export function environmentReadName(node: TSESTree.Node): string | null | undefined {
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipTypeWrappers(expression.object);
    if (!isEnvironmentObject(object)) return undefined;
    return propertyName(expression);
  }
  if (expression.type === AST_NODE_TYPES.CallExpression && expression.arguments.length >= 1) {
    const callee = skipTypeWrappers(expression.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = propertyName(callee);
    const owner = skipTypeWrappers(callee.object);
    const reads =
      (method === 'get' && isEnvironmentObject(owner)) ||
      ((method === 'get' || method === 'getOrThrow') && isConfigService(owner));
    if (!reads) return undefined;
    const name = staticValue(expression.arguments[0]!);
    // `config.get('cors.origins')`: a dotted path names a configuration namespace, not a variable.
    if (method !== 'get' || !isEnvironmentObject(owner)) {
      if (typeof name?.value !== 'string' || name.value.includes('.')) return undefined;
    }
    return typeof name?.value === 'string' ? name.value : null;
  }
  return undefined;
}

/**
 * `@nestjs/config`'s `ConfigService`, whose `get('X')` and `getOrThrow('X')` read the environment
 * variable `X` (or a `.env` file's) unless a configuration factory names it otherwise: a name typed
 * as one (`private readonly config: ConfigService`, also as `this.config`), or one taken from the
 * app (`const config = app.get(ConfigService)`).
 */
export function isConfigService(node: TSESTree.Node): boolean {
  let declared: TSESTree.Node | null = null;
  if (node.type === AST_NODE_TYPES.Identifier) {
    const def = variableOf(node)?.defs[0];
    if (def?.type === 'Parameter') declared = def.name;
    else if (def?.type === 'Variable' && def.node.init) {
      const init = skipTypeWrappers(def.node.init);
      const made =
        init.type === AST_NODE_TYPES.AwaitExpression ? skipTypeWrappers(init.argument) : (init as TSESTree.Node);
      if (made.type === AST_NODE_TYPES.CallExpression && made.arguments[0])
        return namesConfigService(made.arguments[0]);
      declared = def.node.id;
    }
  } else if (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.ThisExpression &&
    !node.computed &&
    node.property.type === AST_NODE_TYPES.Identifier
  ) {
    declared = classMemberDeclaration(node, node.property.name);
  }
  const annotation =
    declared && 'typeAnnotation' in declared
      ? (declared.typeAnnotation as TSESTree.TSTypeAnnotation | undefined)
      : undefined;
  const type = annotation?.typeAnnotation;
  return type?.type === AST_NODE_TYPES.TSTypeReference && namesConfigService(type.typeName);
}

/** Whether a name is `ConfigService` imported from `@nestjs/config`. */
function namesConfigService(node: TSESTree.Node): boolean {
  const imported = node.type === AST_NODE_TYPES.Identifier ? importOf(node) : null;
  return imported?.specifier === '@nestjs/config' && imported.name === 'ConfigService';
}

/** The declaration of `this.name` in the class around a node: a field, or a constructor's parameter property. */
export function classMemberDeclaration(node: TSESTree.Node, name: string): TSESTree.Node | null {
  let cls: TSESTree.Node | undefined = node.parent;
  while (cls && cls.type !== AST_NODE_TYPES.ClassBody) cls = cls.parent;
  if (!cls) return null;
  for (const member of cls.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && propertyName(member) === name) return member;
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'constructor') continue;
    for (const param of member.value.params) {
      if (param.type === AST_NODE_TYPES.TSParameterProperty && param.parameter.type === AST_NODE_TYPES.Identifier) {
        if (param.parameter.name === name) return param.parameter;
      }
    }
  }
  return null;
}

/**
 * `process.env`, `import.meta.env`, `Bun.env`, `Deno.env`, a handler context's `c.env`, a
 * Workers handler's `env` parameter, and a local alias of any of them (`const env = process.env`).
 * A local object with an `env` property is not the environment.
 */
export function isEnvironmentObject(node: TSESTree.Node, depth = 0): boolean {
  if (depth > 4) return false;
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    if (propertyName(node) !== 'env') return false;
    const owner = skipTypeWrappers(node.object);
    if (owner.type === AST_NODE_TYPES.MetaProperty) return true;
    if (owner.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = variableOf(owner) as {
      defs: { type: string; node: TSESTree.Node }[];
    } | null;
    // `process`, `Bun` and `Deno` as globals (or declared ambiently), or a parameter such as Hono's `c`.
    if (!variable || variable.defs.length === 0) return ['process', 'Bun', 'Deno'].includes(owner.name);
    return (
      variable.defs.some((def) => def.type === 'Parameter') ||
      (['process', 'Bun', 'Deno'].includes(owner.name) &&
        variable.defs.every((def) => def.type !== 'Variable' || isAmbient(def)))
    );
  }
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(node) as {
      defs: { type: string; node: TSESTree.Node }[];
    } | null;
    if (!variable) return false;
    // Workers' `fetch(request, env)` (also `scheduled(event, env)`, a Durable Object's
    // `constructor(ctx, env)`, a factory's `createApp(env)`): a first or second parameter named env,
    // not a later one of a callback (markdown-it's render rules `(tokens, idx, options, env, self)`).
    if (
      node.name === 'env' &&
      variable.defs.some((def) => {
        const fn = def.node as TSESTree.Node;
        if (def.type !== 'Parameter' || !isFunctionNode(fn)) return false;
        const index = fn.params.findIndex((param) => parameterName(param)?.name === 'env');
        return index === 0 || index === 1;
      })
    )
      return true;
    const resolved = resolveExpression(node);
    return resolved !== null && resolved !== node && isEnvironmentObject(skipTypeWrappers(resolved), depth + 1);
  }
  // `overrides ? { ...process.env, ...overrides } : process.env`: every branch is the environment.
  if (node.type === AST_NODE_TYPES.ConditionalExpression) {
    return (
      isEnvironmentObject(skipTypeWrappers(node.consequent), depth + 1) &&
      isEnvironmentObject(skipTypeWrappers(node.alternate), depth + 1)
    );
  }
  if (node.type === AST_NODE_TYPES.LogicalExpression) {
    return (
      isEnvironmentObject(skipTypeWrappers(node.left), depth + 1) ||
      isEnvironmentObject(skipTypeWrappers(node.right), depth + 1)
    );
  }
  // `{ ...process.env, ...overrides }`: the environment, some names overridden.
  if (node.type === AST_NODE_TYPES.ObjectExpression) {
    return node.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.SpreadElement &&
        isEnvironmentObject(skipTypeWrappers(property.argument), depth + 1),
    );
  }
  // `clean(process.env)`, `Object.assign({}, process.env)`: a copy of the environment, by its names;
  // also t3-env's `createEnv({ server, runtimeEnv: process.env })` (or a `runtimeEnv` that maps
  // each name to its read: `{ APP_URL: process.env.APP_URL }`).
  if (node.type === AST_NODE_TYPES.CallExpression) {
    // `createEnv(schema)` of the project, whose every `return` is the environment parsed
    // (`return schema.parse(process.env)`).
    const factory = resolveFunction(node.callee);
    if (factory) {
      const returned = returnedExpressions(factory);
      if (returned.length > 0 && returned.every((value) => isEnvironmentObject(skipTypeWrappers(value), depth + 1)))
        return true;
    }
    return (
      node.arguments.length <= 2 &&
      node.arguments.some((argument) => {
        if (argument.type === AST_NODE_TYPES.SpreadElement) return false;
        const value = skipTypeWrappers(argument);
        if (isEnvironmentObject(value, depth + 1)) return true;
        if (value.type !== AST_NODE_TYPES.ObjectExpression) return false;
        const runtime = findObjectProperty(value, 'runtimeEnv');
        const given = runtime.kind === 'found' && runtime.value ? skipTypeWrappers(runtime.value) : null;
        if (!given) return false;
        if (isEnvironmentObject(given, depth + 1)) return true;
        return (
          given.type === AST_NODE_TYPES.ObjectExpression &&
          given.properties.length > 0 &&
          given.properties.every(
            (property) =>
              property.type === AST_NODE_TYPES.Property &&
              propertyName(property) !== null &&
              environmentReadName(property.value) === propertyName(property),
          )
        );
      })
    );
  }
  return false;
}

/** `declare const Deno: …` describes a global; it does not make a local one. */
function isAmbient(def: { node: TSESTree.Node }): boolean {
  let current: TSESTree.Node | undefined = def.node;
  while (current && current.type !== AST_NODE_TYPES.VariableDeclaration) current = current.parent;
  return current?.type === AST_NODE_TYPES.VariableDeclaration && current.declare === true;
}

/**
 * Every source an allowed-origin value can come from, following it through variables,
 * destructuring, default parameters, constant objects, both sides of `?:`, `||` and `??`, and
 * pass-through calls such as `.split(',')`, `.map(...)`, `new Set(...)` and `JSON.parse(...)`.
 */
export function originSources(node: TSESTree.Node): OriginSource[] {
  const sources: OriginSource[] = [];
  const seen = new Set<TSESTree.Node>();

  const visit = (current: TSESTree.Node, depth: number, via?: TSESTree.Node): void => {
    const expression = skipTypeWrappers(current);
    const entry = via ?? expression;
    if (depth > MAX_DEPTH || seen.has(expression)) {
      sources.push({ kind: 'unknown', node: expression, entry });
      return;
    }
    seen.add(expression);

    if (isRequestOriginRead(expression) || isSenderWrittenRead(expression)) {
      sources.push({ kind: 'request-origin', node: expression, entry });
      return;
    }
    const envName = environmentReadName(expression);
    if (envName !== undefined) {
      sources.push({ kind: 'environment', node: expression, envName, entry });
      return;
    }
    const literal = staticValue(expression);
    if (literal) {
      sources.push({ kind: 'literal', node: expression, value: literal.value, entry });
      return;
    }

    switch (expression.type) {
      case AST_NODE_TYPES.ConditionalExpression:
        visit(expression.consequent, depth + 1, via);
        visit(expression.alternate, depth + 1, via);
        return;
      case AST_NODE_TYPES.LogicalExpression: {
        // `a && b` only yields `a` when it is falsy, and no falsy value allows an origin.
        if (expression.operator !== '&&') visit(expression.left, depth + 1, via);
        visit(expression.right, depth + 1, via);
        return;
      }
      case AST_NODE_TYPES.ChainExpression:
        visit(expression.expression, depth + 1, via);
        return;
      case AST_NODE_TYPES.Identifier: {
        const held = heldValues(expression);
        if (held.length > 0) {
          for (const value of held) visit(value, depth + 1, entry);
          return;
        }
        const parameterDefault = defaultParameterValue(expression);
        if (parameterDefault) visit(parameterDefault, depth + 1, entry);
        const before = sources.length;
        destructuredFrom(expression, (source) => sources.push({ ...source, entry }));
        if (!parameterDefault && sources.length === before) {
          sources.push({ kind: 'unknown', node: expression, entry });
        }
        return;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const resolved = resolveExpression(expression);
        if (resolved && resolved !== expression) {
          visit(resolved, depth + 1, entry);
          return;
        }
        // `origins[0]` of a list: one of its entries, from where the list comes from.
        if (expression.computed && typeof staticValue(expression.property)?.value === 'number') {
          visit(expression.object, depth + 1, entry);
          return;
        }
        break;
      }
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        const passed = passedThrough(expression);
        if (passed) {
          visit(passed, depth + 1, via);
          // `defaults.concat(extra)`: what it adds comes from its arguments too.
          if (expression.type === AST_NODE_TYPES.CallExpression && concatenates(expression)) {
            for (const argument of expression.arguments) {
              visit(argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument, depth + 1, via);
            }
          }
          return;
        }
        // `parseCsv(process.env.CORS_ORIGINS)`: a function of the project that reshapes an argument
        // into what it returns yields that argument's sources, and whatever else it returns.
        const fn = expression.type === AST_NODE_TYPES.CallExpression ? resolveFunction(expression.callee) : null;
        // `getEnvVar('ALLOWED_ORIGINS', fallback)`, whose body returns `process.env[key] || fallback`:
        // the call reads the variable its argument names, and yields its other arguments too.
        const keyIndex = fn ? environmentKeyParameter(fn) : -1;
        const key = keyIndex >= 0 ? (expression as TSESTree.CallExpression).arguments[keyIndex] : undefined;
        const keyName = key && key.type !== AST_NODE_TYPES.SpreadElement ? staticValue(key)?.value : undefined;
        if (typeof keyName === 'string') {
          sources.push({ kind: 'environment', node: expression, envName: keyName, entry });
          for (const [index, argument] of expression.arguments.entries()) {
            if (index !== keyIndex && argument.type !== AST_NODE_TYPES.SpreadElement) visit(argument, depth + 1, via);
          }
          return;
        }
        const reshaped = fn
          ? expression.arguments.flatMap((argument, index) =>
              argument.type !== AST_NODE_TYPES.SpreadElement && returnsReshaped(fn, index) ? [{ argument, index }] : [],
            )
          : [];
        if (fn && reshaped.length > 0) {
          for (const { argument } of reshaped) visit(argument, depth + 1, via);
          const params = reshaped.map(({ index }) => fn.params[index]!);
          for (const returned of returnedExpressions(fn)) {
            if (!params.some((param) => mentionsParameter(returned, param))) visit(returned, depth + 1, via);
          }
          return;
        }
        // `(() => { if (production) return process.env.CORS_ORIGIN!.split(','); return true; })()`,
        // `allowedOrigins()`: a function of the project called with nothing yields what it returns.
        if (fn && expression.arguments.length === 0) {
          const returned = returnedExpressions(fn);
          if (returned.length > 0) {
            for (const value of returned) visit(value, depth + 1, via);
            return;
          }
        }
        // `pickOrigin(req.headers.origin)`, returning `dev ? '*' : …` or `list[0]`: the origins it
        // gives on its own are among the values; what it makes of its arguments is not known here.
        // (A check that answers `true` whatever it is given is reported as such, not as what it allows.)
        if (fn && expression.arguments.length > 0) {
          const returned = returnedExpressions(fn).flatMap(conditionalLeaves);
          const own = returned.filter((value) => {
            const fixed = staticValue(value);
            return (
              (fixed === null || typeof fixed.value === 'string') &&
              !fn.params.some((param) => mentionsParameter(value, param))
            );
          });
          for (const value of own) visit(value, depth + 1, via);
          if (own.length > 0 && own.length === returned.length) return;
        }
        break;
      }
      case AST_NODE_TYPES.ArrayExpression:
        for (const element of expression.elements) {
          if (!element) continue;
          const inner = element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element;
          visit(inner, depth + 1, via);
        }
        return;
      case AST_NODE_TYPES.TemplateLiteral: {
        // `http://console.localhost:${PORT}`: what follows a whole scheme and host is a port or a
        // path, which can change no site's origin into this one; unless the text is then split
        // into several origins, or names more than one (`…:${PORT},${EXTRA}`).
        // The host may be a constant of its own (`http://${HOST}:${PORT}`, `const HOST = '127.0.0.1'`).
        const { fixed, rest } = fixedPrefix(expression);
        const split =
          expression.parent?.type === AST_NODE_TYPES.MemberExpression &&
          expression.parent.object === expression &&
          propertyName(expression.parent) === 'split';
        if (
          rest < expression.expressions.length &&
          fixed !== null &&
          SCHEME_AND_HOST.test(fixed) &&
          !split &&
          expression.quasis.slice(rest + 1).every((quasi) => !/[\s,]/u.test(quasi.value.cooked ?? ','))
        ) {
          const text =
            fixed +
            expression.quasis
              .slice(rest + 1)
              .map((quasi) => quasi.value.cooked ?? '')
              .join('');
          sources.push({ kind: 'literal', node: expression, value: text, entry });
          return;
        }
        for (const inner of expression.expressions) visit(inner, depth + 1, via);
        if (expression.expressions.length > 0) return;
        break;
      }
      default:
        break;
    }
    sources.push({ kind: 'unknown', node: expression, entry });
  };

  visit(node, 0);
  return sources;
}

/**
 * The text a template literal starts with, as far as the code fixes it: its first part, and each
 * value after it that is a constant string or number with the part that follows
 * (`http://${HOST}:` for `const HOST = 'localhost'`); `rest` is the index of the first value that
 * is not one.
 */
function fixedPrefix(template: TSESTree.TemplateLiteral): { fixed: string | null; rest: number } {
  let fixed = template.quasis[0]!.value.cooked;
  let rest = 0;
  for (; rest < template.expressions.length && fixed !== null; rest++) {
    const value = staticValue(template.expressions[rest]!)?.value;
    if (typeof value !== 'string' && typeof value !== 'number') break;
    const next = template.quasis[rest + 1]!.value.cooked;
    fixed = next === null ? null : fixed + String(value) + next;
  }
  return { fixed, rest };
}

/**
 * The values a name holds, as far as the code shows them: every value a `let` or `var` is given
 * (`reassignedValues`), else the one `resolveExpression` finds; none for a parameter.
 */
export function heldValues(id: TSESTree.Identifier): TSESTree.Node[] {
  const reassigned = reassignedValues(id);
  if (reassigned) return reassigned;
  const resolved = resolveExpression(id);
  return resolved && resolved !== id ? [resolved] : [];
}

/**
 * The values a `let` or `var` is given by assignments, with its initialiser if it has one
 * (`let allow = null; … allow = origin;`, `let allow; if (ok) allow = origin;`); `null` for a name
 * given only its initialiser, or written in a way not followed (`+=`, a pattern).
 */
function reassignedValues(id: TSESTree.Identifier): TSESTree.Node[] | null {
  const variable = variableOf(id);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable') return null;
  const written = writtenValues(variable);
  const writes = variable.references.filter((reference) => reference.isWrite()).length;
  // `let allow; if (ok) allow = origin;`: given once, but only where the code assigns it.
  const assigned = written.length > 1 || (written.length === 1 && def.node.init === null);
  return assigned && written.length === writes ? written : null;
}

/**
 * The parameter a function returns the environment variable of: `key` in
 * `(key, fallback) => process.env[key] || fallback` (every value it returns reads it, or a
 * parameter), `-1` when there is none.
 */
function environmentKeyParameter(fn: HandlerFunction): number {
  const returned = returnedExpressions(fn);
  if (returned.length === 0) return -1;
  // What a `const` of the function holds, for `const value = process.env[key]; return value ?? fallback;`.
  const held = new Set<TSESTree.Node>();
  for (const value of returned) {
    walk(value, (node) => {
      if (node.type !== AST_NODE_TYPES.Identifier) return;
      const def = variableOf(node)?.defs[0];
      if (def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init && containsNode(fn, def.node))
        held.add(def.node.init);
    });
  }
  let index = -1;
  for (const value of [...returned, ...held]) {
    walk(value, (node) => {
      if (index >= 0 || node.type !== AST_NODE_TYPES.MemberExpression || !node.computed) return;
      if (!isEnvironmentObject(skipTypeWrappers(node.object))) return;
      const property = skipTypeWrappers(node.property);
      if (property.type !== AST_NODE_TYPES.Identifier) return;
      index = fn.params.findIndex((param) => parameterName(param)?.name === property.name);
    });
  }
  return index;
}

/** Whether an expression reads a parameter (any other pattern than a plain name counts as read). */
function mentionsParameter(node: TSESTree.Node, param: TSESTree.Parameter): boolean {
  const name = parameterName(param);
  const variable = name && variableOf(name);
  if (!variable) return true;
  return variable.references.some((reference) => containsNode(node, reference.identifier as TSESTree.Node));
}

/** `list.concat(more)`: a list that holds its arguments' entries as well as its receiver's. */
function concatenates(call: TSESTree.CallExpression): boolean {
  const callee = skipTypeWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'concat';
}

/** What a pass-through call derives its value from: `x` in `x.split(',')`, `new Set(x)`, `JSON.parse(x)`. */
function passedThrough(call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Node | null {
  const callee = skipTypeWrappers(call.callee);
  if (call.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = propertyName(callee);
    if (method && PASS_THROUGH_METHODS.has(method)) return callee.object;
  }
  const calleeText =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier
        ? `${callee.object.name}.${propertyName(callee) ?? ''}`
        : null;
  const first = call.arguments[0];
  if (calleeText && PASS_THROUGH_CALLEES.has(calleeText) && first && first.type !== AST_NODE_TYPES.SpreadElement) {
    return first;
  }
  return null;
}

/** The default value of a parameter, which is one of the values it can take. */
function defaultParameterValue(id: TSESTree.Identifier): TSESTree.Expression | null {
  const variable = variableOf(id) as {
    defs: { type: string; name: TSESTree.Identifier }[];
  } | null;
  const def = variable?.defs[0];
  if (!def || def.type !== 'Parameter') return null;
  const pattern = def.name.parent;
  return pattern?.type === AST_NODE_TYPES.AssignmentPattern && pattern.left === def.name ? pattern.right : null;
}

/**
 * A binding destructured from the request's headers or the environment:
 * `const { origin } = req.headers`, `const { CORS_ORIGINS } = process.env`.
 */
function destructuredFrom(id: TSESTree.Identifier, onSource: (source: OriginSource) => void): void {
  const variable = variableOf(id) as {
    defs: { type: string; name: TSESTree.Identifier; node: TSESTree.Node }[];
  } | null;
  const def = variable?.defs[0];
  if (!def || def.type !== 'Variable') return;
  const declarator = def.node as TSESTree.VariableDeclarator;
  if (!declarator.init || declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return;
  const property = def.name.parent;
  const owner = property?.type === AST_NODE_TYPES.AssignmentPattern ? property.parent : property;
  if (owner?.type !== AST_NODE_TYPES.Property || owner.parent !== declarator.id) return;
  const key = propertyName(owner);
  const init = skipTypeWrappers(declarator.init);
  if (destructuredHeaderNames(declarator).some((binding) => binding.id === def.name && binding.header === 'origin')) {
    onSource({ kind: 'request-origin', node: id, entry: id });
    return;
  }
  if (key !== null && isEnvironmentObject(init)) {
    onSource({ kind: 'environment', node: owner, envName: key, entry: owner });
  }
}

/**
 * The largest expression around a read that only passes its value on (`.split(',')`, `.map(...)`,
 * `new Set(...)`, `JSON.parse(...)`, `?.`, a `??` or `||` fallback after it), up to whatever holds
 * it: what a fix replaces to cut the read out without leaving a half-converted value behind.
 */
export function carrierOf(read: TSESTree.Node): TSESTree.Node {
  let current = read;
  for (;;) {
    const parent = current.parent;
    if (!parent) return current;
    if (skipTypeWrappers(parent) !== parent || parent.type === AST_NODE_TYPES.ChainExpression) {
      current = parent;
      continue;
    }
    // `http://localhost${process.env.SUFFIX}`: the read is a piece of the origin, the template all of it.
    if (
      (parent.type === AST_NODE_TYPES.LogicalExpression && parent.left === current) ||
      parent.type === AST_NODE_TYPES.TemplateLiteral
    ) {
      current = parent;
      continue;
    }
    if (
      parent.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === current &&
      parent.parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.parent.callee === parent &&
      PASS_THROUGH_METHODS.has(propertyName(parent) ?? '')
    ) {
      current = parent.parent;
      continue;
    }
    if (
      (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
      ((parent.arguments[0] === current && passedThrough(parent) === current) ||
        (parent.type === AST_NODE_TYPES.CallExpression &&
          concatenates(parent) &&
          parent.arguments.includes(current as TSESTree.CallExpressionArgument)))
    ) {
      current = parent;
      continue;
    }
    return current;
  }
}

/**
 * Whether a `'*'` is chosen only where a value from the environment already says `*`:
 * `configured === '*' ? '*' : configured.split(',')`, `if (ALLOWED.includes('*'))
 * res.setHeader('Access-Control-Allow-Origin', '*')`. The wildcard is then the environment's,
 * which `no-env-allowed-origins` reports; out of the box the policy is another.
 */
export function copiesConfiguredWildcard(literal: TSESTree.Node): boolean {
  let child: TSESTree.Node = literal;
  for (let parent = literal.parent, steps = 0; parent && steps < 12; child = parent, parent = parent.parent, steps++) {
    if (isFunctionNode(parent)) return false;
    if (parent.type === AST_NODE_TYPES.ConditionalExpression || parent.type === AST_NODE_TYPES.IfStatement) {
      if (child === parent.test) continue;
      const says = configuredWildcardTest(parent.test);
      if (says !== null && says === (child === parent.consequent)) return true;
    }
    if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right && parent.operator !== '??') {
      const says = configuredWildcardTest(parent.left);
      if (says !== null && says === (parent.operator === '&&')) return true;
    }
  }
  return false;
}

/**
 * Whether a test asks if a value from the environment is `*`: `true` when it holds for `*`
 * (`x === '*'`, `list.includes('*')`, and such a test among `&&`), `false` when it holds for any
 * other (`x !== '*'`, `!list.includes('*')`), `null` when it asks nothing of the kind.
 */
function configuredWildcardTest(node: TSESTree.Node): boolean | null {
  const test = skipTypeWrappers(node);
  // From the environment, with no `'*'` of the source's on the way (`process.env.X || '*'` is `*`
  // out of the box).
  const configured = (value: TSESTree.Node): boolean =>
    holdsThrough(value, (inner) => environmentReadName(inner) !== undefined, 4) &&
    !holdsThrough(value, (inner) => staticValue(inner)?.value === '*', 4);
  const star = (value: TSESTree.Node | undefined): boolean => value !== undefined && staticValue(value)?.value === '*';
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
    const inner = configuredWildcardTest(test.argument);
    return inner === null ? null : !inner;
  }
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&') {
    return configuredWildcardTest(test.left) === true || configuredWildcardTest(test.right) === true ? true : null;
  }
  if (test.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(test.operator)) {
    const other = star(test.left) ? test.right : star(test.right) ? test.left : null;
    if (!other || other.type === AST_NODE_TYPES.PrivateIdentifier || !configured(other)) return null;
    return test.operator === '===' || test.operator === '==';
  }
  if (test.type === AST_NODE_TYPES.CallExpression) {
    const method = calledMethodName(test);
    const callee = skipTypeWrappers(test.callee);
    if ((method === 'includes' || method === 'has') && callee.type === AST_NODE_TYPES.MemberExpression) {
      return star(test.arguments[0]) && configured(callee.object) ? true : null;
    }
  }
  return null;
}
