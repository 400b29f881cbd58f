import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calledMethodName, skipTypeWrappers } from './ast';
import { propertyName, staticValue, variableOf, visitorKeys } from './program';
import { moduleIndex } from './module-index';
import { isUrlConstructor, requestHeaderRead } from './request-headers';
import {
  isFunctionNode,
  resolveExpression,
  resolveFunction,
  returnedExpressions,
  type HandlerFunction,
} from './values';

/**
 * Host and Origin checks that let every request through until they are configured: an early
 * `return true` (or `next()`) when the allowlist they check against is missing or empty
 * (`if (!config.allowedOrigins?.length) return true`). Such a check protects nothing by default,
 * and a local server's default is what DNS rebinding meets. A request that carries no Origin at
 * all (`if (!origin) return true`, a client that is not a browser) is another matter, and no
 * such branch.
 */

const cache = new WeakMap<HandlerFunction, readonly TSESTree.IfStatement[]>();

/** The branches of a check function that let every request through while its allowlist is unset. */
export function failOpenBranches(fn: HandlerFunction): readonly TSESTree.IfStatement[] {
  let found = cache.get(fn);
  if (found) return found;
  const branches: TSESTree.IfStatement[] = [];
  const stack: TSESTree.Node[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== fn.body && isFunctionNode(node)) continue;
    if (node.type === AST_NODE_TYPES.IfStatement && allowsAll(node.consequent) && testsMissingList(node.test, fn)) {
      branches.push(node);
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(child) ? child : [child];
      for (const item of children)
        if (item && typeof (item as TSESTree.Node).type === 'string') stack.push(item as TSESTree.Node);
    }
  }
  found = branches.sort((a, b) => a.range[0] - b.range[0]);
  cache.set(fn, found);
  return found;
}

/**
 * The branches of `failOpenBranches` whose missing list is the one the check tests the request's
 * Origin or Host against (`if (!allowed) return true` beside `allowed.includes(origin)`), not
 * some other value that happens to be missing (a cache entry's token).
 */
export function failOpenListBranches(fn: HandlerFunction): readonly TSESTree.IfStatement[] {
  return failOpenBranches(fn).filter((branch) =>
    missingSubjects(branch.test).some((subject) => testedAgainstRequest(subject, fn)),
  );
}

/** The values a test checks for absence, on either side of `||`. */
function missingSubjects(test: TSESTree.Node): TSESTree.Node[] {
  const expression = skipTypeWrappers(test);
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '||') {
    return [...missingSubjects(expression.left), ...missingSubjects(expression.right)];
  }
  const subject = missingSubject(expression);
  return subject ? [subject] : [];
}

/**
 * Whether a function tests the request's Origin or Host against `subject`: a call on it with the
 * value or a callback (`allowed.includes(origin)`, `list.some((entry) => …)`), or a comparison
 * (`pinned === origin`).
 */
function testedAgainstRequest(subject: TSESTree.Node, fn: HandlerFunction): boolean {
  const wanted = shape(subject);
  if (wanted === null) return false;
  const text = (node: TSESTree.Node): string | null => shape(node);
  let found = false;
  walkOwn(fn.body, (node) => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
      const object = skipTypeWrappers(node.callee.object);
      found =
        text(object) === wanted &&
        node.arguments.some((argument) => isFunctionNode(argument) || holdsRequestValue(argument, fn));
    } else if (node.type === AST_NODE_TYPES.BinaryExpression && /^[!=]==?$/u.test(node.operator)) {
      const { left, right } = node;
      found =
        left.type !== AST_NODE_TYPES.PrivateIdentifier &&
        ((text(left) === wanted && holdsRequestValue(right, fn)) ||
          (text(right) === wanted && holdsRequestValue(left, fn)));
    }
  });
  return found;
}

/** Whether an expression is built from the request's Origin or Host: `req.headers.host ?? ''`, `origin.toLowerCase()`. */
function holdsRequestValue(node: TSESTree.Node, fn: HandlerFunction): boolean {
  let found = false;
  walkOwn(node, (inner) => {
    found ||= isRequestValue(inner, fn);
  });
  return found;
}

/** A node's path of names (`this.config.allowed`), whatever its optional chaining, to compare two reads of one value. */
function shape(node: TSESTree.Node): string | null {
  const expression = skipTypeWrappers(node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(expression);
    const object = shape(expression.object);
    return name === null || object === null ? null : `${object}.${name}`;
  }
  return null;
}

/**
 * Whether a credential check lets every request through until it is configured: a branch, on a
 * setting that is missing, that lets the request on or answers success (`if (!token) return
 * next()`, `if (!config.provider) return { data: {} }`). On by choice is not on by default.
 */
export function passesWhileUnconfigured(fn: HandlerFunction): boolean {
  if (failOpenBranches(fn).length > 0) return true;
  let found = false;
  const stack: TSESTree.Node[] = [fn.body];
  while (stack.length > 0 && !found) {
    const node = stack.pop()!;
    if (node !== fn.body && isFunctionNode(node)) continue;
    if (
      node.type === AST_NODE_TYPES.IfStatement &&
      answersSuccess(node.consequent) &&
      testsMissingList(node.test, fn)
    ) {
      found = true;
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(child) ? child : [child];
      for (const item of children)
        if (item && typeof (item as TSESTree.Node).type === 'string') stack.push(item as TSESTree.Node);
    }
  }
  return found;
}

/** `return { data: {} }`, `return 'ok'`: a value that means yes to the caller. */
function answersSuccess(statement: TSESTree.Statement): boolean {
  const body = statement.type === AST_NODE_TYPES.BlockStatement ? statement.body : [statement];
  const last = body.at(-1);
  if (last?.type !== AST_NODE_TYPES.ReturnStatement || !last.argument) return false;
  const value = skipTypeWrappers(last.argument);
  if (value.type === AST_NODE_TYPES.ObjectExpression) return true;
  const literal = staticValue(value);
  return literal !== null && Boolean(literal.value);
}

/** `return true`, `return next()`, `{ next(); return; }`: the request goes on. */
function allowsAll(statement: TSESTree.Statement): boolean {
  const body = statement.type === AST_NODE_TYPES.BlockStatement ? statement.body : [statement];
  const last = body.at(-1);
  if (last?.type !== AST_NODE_TYPES.ReturnStatement) return false;
  const value = last.argument && skipTypeWrappers(last.argument);
  if (value && staticValue(value)?.value === true) return true;
  const callsNext = (node: TSESTree.Node | null | undefined): boolean => {
    const call = node && skipTypeWrappers(node);
    return (
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.callee.type === AST_NODE_TYPES.Identifier &&
      call.callee.name === 'next'
    );
  };
  if (callsNext(value)) return true;
  return body.some(
    (inner) =>
      inner.type === AST_NODE_TYPES.ExpressionStatement &&
      (callsNext(inner.expression) ||
        (inner.expression.type === AST_NODE_TYPES.AwaitExpression && callsNext(inner.expression.argument))),
  );
}

/**
 * Whether a test is true when something other than the request's Origin or Host is missing or
 * empty: `!list`, `list === undefined`, `list == null`, `token === ''`, `!list.length`,
 * `list.length === 0`, `list.size === 0`, on either side of `||`.
 */
function testsMissingList(test: TSESTree.Node, fn: HandlerFunction): boolean {
  const expression = skipTypeWrappers(test);
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '||') {
    return testsMissingList(expression.left, fn) || testsMissingList(expression.right, fn);
  }
  const subject = missingSubject(expression);
  return subject !== null && !isRequestValue(subject, fn);
}

/** What a test checks for absence or emptiness, or `null`. */
function missingSubject(test: TSESTree.Node): TSESTree.Node | null {
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
    const argument = skipTypeWrappers(test.argument);
    return lengthOf(argument) ?? (argument.type === AST_NODE_TYPES.ChainExpression ? argument.expression : argument);
  }
  if (test.type !== AST_NODE_TYPES.BinaryExpression) return null;
  const { operator } = test;
  if (operator !== '===' && operator !== '==') return null;
  for (const [side, other] of [
    [test.left, test.right],
    [test.right, test.left],
  ] as const) {
    const value = staticValue(other);
    if (!value) continue;
    // `token === ''`: an empty setting is a missing one.
    if (value.value === undefined || value.value === null || value.value === '') return skipTypeWrappers(side);
    if (value.value === 0) return lengthOf(skipTypeWrappers(side));
  }
  return null;
}

/** `x` in `x.length` and `x.size`. */
function lengthOf(node: TSESTree.Node): TSESTree.Node | null {
  const expression = node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node;
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = propertyName(expression);
  return name === 'length' || name === 'size' ? skipTypeWrappers(expression.object) : null;
}

/** Whether a value is the request's Origin or Host: a read of the header, or the check's parameter for it. */
function isRequestValue(node: TSESTree.Node, fn: HandlerFunction): boolean {
  const expression = skipTypeWrappers(node);
  const resolved = skipTypeWrappers(resolveExpression(expression) ?? expression);
  const header = requestHeaderRead(resolved);
  if (header === 'origin' || header === 'host') return true;
  if (resolved.type === AST_NODE_TYPES.CallExpression && /^(?:get|header)$/u.test(calledMethodName(resolved) ?? '')) {
    return true;
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const def = variableOf(expression)?.defs[0];
    if (def?.type === 'Parameter' && def.node === fn) return /origin|host/iu.test(expression.name);
  }
  return false;
}

/**
 * The tests of a check function that compare the request's `Origin` with the origin the same
 * request's `Host` names (`origin !== new URL(request.url).origin`, `` origin !== `${req.protocol}://${req.get('host')}` ``,
 * or a helper of the project handed the request that builds it): a same-origin check. It stops a
 * cross-site page, but a DNS-rebinding page's `Origin` and `Host` both name the attacker's host,
 * so it lets that page through. Empty when the function also compares `Origin` with anything else
 * (a list, a constant).
 */
export function hostDerivedOriginTests(fn: HandlerFunction): readonly TSESTree.BinaryExpression[] {
  const found: TSESTree.BinaryExpression[] = [];
  let other = false;
  walkOwn(fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      // `allowed.includes(origin)`, `pattern.test(origin)`: a test against something else.
      if (node.arguments.some((argument) => isOriginRead(argument))) other = true;
      return;
    }
    if (node.type !== AST_NODE_TYPES.BinaryExpression || !/^[!=]==?$/u.test(node.operator)) return;
    const partner = isOriginRead(node.left) ? node.right : isOriginRead(node.right) ? node.left : null;
    if (!partner || partner.type === AST_NODE_TYPES.PrivateIdentifier) return;
    // `origin === undefined`: whether there is one at all.
    const value = staticValue(partner);
    if (value !== null && value.value == null) return;
    if (value === null && derivesFromRequestHost(partner, fn)) found.push(node);
    else other = true;
  });
  return other ? [] : found;
}

/** Walks a function's own code, not the functions nested in it. */
function walkOwn(root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== root && isFunctionNode(node)) continue;
    visit(node);
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child])
        if (item && typeof (item as TSESTree.Node).type === 'string') stack.push(item as TSESTree.Node);
    }
  }
}

/** A read of the request's Origin header, or a name bound to one (`const origin = req.headers.origin`). */
function isOriginRead(node: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  const resolved = skipTypeWrappers(resolveExpression(expression) ?? expression);
  return requestHeaderRead(resolved) === 'origin';
}

/** Headers whose value is the host the request was sent to. */
const HOST_HEADERS: ReadonlySet<string> = new Set(['host', 'x-forwarded-host']);

/**
 * Whether a value is built from the host the request names: its `Host` (or `X-Forwarded-Host`)
 * header, a framework's `req.hostname`/`ctx.host`, a web request's URL; in the expression, the
 * constant it names, or a function of the project it hands a parameter of `fn` to.
 */
function derivesFromRequestHost(node: TSESTree.Node, fn: HandlerFunction, depth = 0): boolean {
  if (depth > 4) return false;
  const expression = skipTypeWrappers(node);
  // A name's value; an expression is walked whole (`header ?? `${req.hostname}``), not one of its possible values.
  const resolved =
    expression.type === AST_NODE_TYPES.Identifier
      ? skipTypeWrappers(resolveExpression(expression) ?? expression)
      : expression;
  let found = false;
  walkOwn(resolved, (inner) => {
    if (found) return;
    if (readsRequestHost(inner)) found = true;
    // A name the value is built from: `${protocol}://${host}`.
    else if (inner.type === AST_NODE_TYPES.Identifier && inner !== resolved) {
      const value = resolveExpression(inner);
      found = value !== null && value !== inner && derivesFromRequestHost(value, fn, depth + 1);
    } else if (inner.type === AST_NODE_TYPES.CallExpression && passesParameter(inner)) {
      const helper = resolveFunction(inner.callee);
      found =
        helper !== null &&
        helper !== fn &&
        returnedExpressions(helper).some((returned) => derivesFromRequestHost(returned, helper, depth + 1));
    }
  });
  return found;
}

/** Whether a call hands one of `fn`'s parameters on. */
function passesParameter(call: TSESTree.CallExpression): boolean {
  return call.arguments.some((argument) => {
    const value = skipTypeWrappers(argument);
    return isParameter(value);
  });
}

/** `req.headers.host`, `req.get('host')`, `req.hostname`, `ctx.host`, `new URL(request.url)` of a parameter. */
function readsRequestHost(node: TSESTree.Node): boolean {
  const header = requestHeaderRead(node);
  if (header !== null) return HOST_HEADERS.has(header);
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(node);
    if (name !== 'hostname' && name !== 'host') return false;
    return isParameter(node.object);
  }
  // A web `Request`'s URL is absolute: `new URL(request.url).origin` is the origin its Host names.
  if (node.type === AST_NODE_TYPES.NewExpression && node.arguments.length === 1 && isUrlConstructor(node.callee)) {
    const [argument] = node.arguments;
    const url = argument && skipTypeWrappers(argument);
    return url?.type === AST_NODE_TYPES.MemberExpression && propertyName(url) === 'url' && isParameter(url.object);
  }
  return false;
}

/** Whether a node is a parameter (the request, as handlers and helpers get it): `req`, not a local `url`. */
function isParameter(node: TSESTree.Node): boolean {
  const object = skipTypeWrappers(node);
  return object.type === AST_NODE_TYPES.Identifier && variableOf(object)?.defs[0]?.type === 'Parameter';
}

/**
 * Whether the module calls a check function only with values that are no request's Origin or Host
 * at `param` (`this.accepts(event.origin)` of a `message` event, `isFresh(hostname)` of a cache):
 * then it checks no HTTP request. `false` when the module shows no call (an export, a callback).
 */
export function calledOnlyWithOtherValues(fn: HandlerFunction, param: TSESTree.Identifier): boolean {
  const index = fn.params.indexOf(param);
  if (index < 0) return false;
  const calls = callsOf(fn);
  return (
    calls.length > 0 &&
    calls.every((call) => {
      const argument = call.arguments[index];
      return argument !== undefined && !feedsRequestValue(argument);
    })
  );
}

/** The calls of a function in its module: by its name, or `this.name(…)` for a method of a class. */
function callsOf(fn: HandlerFunction): TSESTree.CallExpression[] {
  const holder = fn.parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return callsByName(fn.id);
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
    return callsByName(holder.id);
  }
  if (holder?.type === AST_NODE_TYPES.MethodDefinition || holder?.type === AST_NODE_TYPES.PropertyDefinition) {
    const name = holder.key.type === AST_NODE_TYPES.Identifier ? holder.key.name : null;
    const cls = holder.parent.parent;
    if (!name) return [];
    return (moduleIndex(fn).methodCalls.get(name) ?? []).filter(
      (call) =>
        call.callee.type === AST_NODE_TYPES.MemberExpression &&
        call.callee.object.type === AST_NODE_TYPES.ThisExpression &&
        call.range[0] >= cls.range[0] &&
        call.range[1] <= cls.range[1],
    );
  }
  return [];
}

function callsByName(id: TSESTree.Identifier): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variableOf(id)?.references ?? []) {
    const identifier = reference.identifier as TSESTree.Node;
    const parent = identifier.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier) calls.push(parent);
    // Handed on as a value (a callback, middleware): who calls it is not shown.
    else if (!reference.init) return [];
  }
  return calls;
}

/**
 * Whether an argument may be a request's Origin or Host: a read of the header, a framework's
 * `req.hostname`, a web request's URL, or a parameter of the caller (which a request may fill).
 */
function feedsRequestValue(argument: TSESTree.Node): boolean {
  let found = false;
  walkOwn(argument, (node) => {
    if (found) return;
    const resolved = node.type === AST_NODE_TYPES.Identifier ? skipTypeWrappers(resolveExpression(node) ?? node) : node;
    const header = requestHeaderRead(resolved);
    if (header === 'origin' || header === 'host' || readsRequestHost(resolved)) found = true;
    else if (node.type === AST_NODE_TYPES.Identifier && node.parent?.type !== AST_NODE_TYPES.MemberExpression) {
      found = variableOf(node)?.defs[0]?.type === 'Parameter';
    }
  });
  return found;
}
