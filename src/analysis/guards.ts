import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { calledMethodName, isEmptyValue, iteratedEntryList, iteratedTest, skipTypeWrappers, walk } from './ast';
import { requestHeaderRead } from './request-headers';
import { heldValues, isRequestOriginRead, originSources, type OriginSource } from './origin-source';
import { literalListWithoutWildcard, matchSubject, wildcardLookup } from './origin-decisions';
import {
  callsOf,
  enclosingFunction,
  possibleValues,
  resolveExpression,
  resolveFunction,
  returnedExpressions,
  type HandlerFunction,
} from './values';
import { propertyName, variableOf, staticValue, textOf } from './program';

/**
 * A check that decides whether an origin is allowed: membership in a collection
 * (`ALLOWED.has(origin)`, `.includes(origin)`, `.indexOf(origin) !== -1`), an exact comparison
 * (`origin === 'https://app.example.com'`), a helper the file calls with the origin, or a pattern
 * test. `collection` is what it checks against, when there is one.
 */
export interface OriginCheck {
  readonly node: TSESTree.Node;
  readonly checked: TSESTree.Node;
  readonly collection: TSESTree.Node | null;
}

const MEMBERSHIP_METHODS = new Set(['has', 'includes']);
/** String tests that decide something about the origin (weak ones are no-unsafe-origin-match's business). */
const STRING_TESTS = new Set(['startsWith', 'endsWith', 'match', 'test']);
/** Calls that take the origin but check nothing. */
const NOT_CHECKS = new Set(['Boolean', 'String', 'Number', 'isNaN', 'encodeURIComponent', 'console.log']);

/**
 * Whether two expressions stand for the same origin: the same variable, or both reads of the
 * request's Origin header.
 */
export function sameOrigin(a: TSESTree.Node, b: TSESTree.Node): boolean {
  const left = withoutFallback(a);
  const right = withoutFallback(b);
  if (left.type === AST_NODE_TYPES.Identifier && right.type === AST_NODE_TYPES.Identifier) {
    const leftVariable = variableOf(left);
    if (leftVariable && leftVariable === variableOf(right)) return true;
  }
  if (textOf(left) === textOf(right)) return true;
  const fromRequest = (node: TSESTree.Node): boolean =>
    originSources(node).some((source) => source.kind === 'request-origin');
  return fromRequest(left) && fromRequest(right);
}

/**
 * The host of the origin, parsed: `new URL(origin).hostname` (or `.host`), or a name that holds
 * it (`const host = new URL(origin).hostname`), as `matchSubject` reads it. A test of it decides
 * which origins pass.
 */
function isOriginHost(node: TSESTree.Node, origin: TSESTree.Node): boolean {
  const subject = matchSubject(node, (candidate) => sameOrigin(candidate, origin));
  return subject === 'hostname' || subject === 'host';
}

/** `origin ?? ''` and `origin || ''` check the origin itself: a fixed fallback adds no origin. */
function withoutFallback(node: TSESTree.Node): TSESTree.Node {
  let current = skipTypeWrappers(node);
  while (
    current.type === AST_NODE_TYPES.LogicalExpression &&
    current.operator !== '&&' &&
    staticValue(current.right) !== null
  ) {
    current = skipTypeWrappers(current.left);
  }
  return current;
}

/**
 * The checks of `origin` that `test` makes when it is true (`positive`) or false. A conjunction
 * is a check when any part is; a disjunction only when every part is.
 */
export function originChecksIn(test: TSESTree.Node, origin: TSESTree.Node, positive = true, depth = 0): OriginCheck[] {
  const expression = skipTypeWrappers(test);
  if (depth > 8) return [];
  switch (expression.type) {
    case AST_NODE_TYPES.ChainExpression:
      // `ALLOWED?.includes(origin)`
      return originChecksIn(expression.expression, origin, positive, depth + 1);
    case AST_NODE_TYPES.UnaryExpression:
      return expression.operator === '!' ? originChecksIn(expression.argument, origin, !positive, depth + 1) : [];
    case AST_NODE_TYPES.LogicalExpression: {
      if (expression.operator === '??') return [];
      const left = originChecksIn(expression.left, origin, positive, depth + 1);
      const right = originChecksIn(expression.right, origin, positive, depth + 1);
      // `a && b` true, or `a || b` false: both hold, so one check is enough.
      if ((expression.operator === '&&') === positive) return [...left, ...right];
      // Otherwise either may hold: each side must check the origin or find it absent
      // (`!origin || ALLOWED.has(origin)`): echoing a missing Origin allows nobody.
      // A side that asks a constant literal list for `'*'` (`allowed.has('*') || allowed.has(origin)`)
      // never holds: the other side decides (`asksListForWildcard`).
      const covered = (side: TSESTree.Node, checks: OriginCheck[]): boolean =>
        checks.length > 0 || isAbsent(side, origin, positive) || asksListForWildcard(side, origin, positive);
      const checks = [...left, ...right];
      return checks.length > 0 && covered(expression.left, left) && covered(expression.right, right) ? checks : [];
    }
    case AST_NODE_TYPES.BinaryExpression: {
      const { operator } = expression;
      const equal = operator === '===' || operator === '==';
      const unequal = operator === '!==' || operator === '!=';
      if (!equal && !unequal) {
        // `LIST.indexOf(origin) > -1`, `>= 0`
        if ((operator === '>' || operator === '>=') && positive) return indexOfCheck(expression.left, origin);
        return [];
      }
      // `x === -1` / `x !== -1` around indexOf
      const indexSide = [expression.left, expression.right].find((side) => isMinusOne(side));
      if (indexSide) {
        const other = indexSide === expression.left ? expression.right : expression.left;
        return unequal === positive ? indexOfCheck(other, origin) : [];
      }
      if (equal !== positive) return [];
      for (const [side, other] of [
        [expression.left, expression.right],
        [expression.right, expression.left],
      ] as const) {
        if (!(sameOrigin(side, origin) || isOriginHost(side, origin)) || sameOrigin(other, origin)) continue;
        const value = staticValue(other);
        // Equal to a fixed origin decides (equal to `''` too: echoing it allows nobody); equal to
        // `*`, `undefined` or `null` does not. A comparison with something the file does not fix
        // (a setting) decides too: what it is compared with is then the allowlist.
        if (value ? typeof value.value === 'string' && value.value !== '*' : true) {
          // An entry of a list the test goes through (`LIST.some((entry) => entry === origin)`)
          // stands for the list, which decides as `LIST.includes(origin)` does.
          const list = value ? null : iteratedEntryList(other, expression, positive);
          if (list && containsWildcard(list)) return [];
          return [{ node: expression, checked: side, collection: value ? null : (list ?? other) }];
        }
      }
      return [];
    }
    case AST_NODE_TYPES.CallExpression: {
      // `TRUSTED.some((pattern) => pattern.test(origin))` true, or `LIST.every((entry) => entry !== origin)`
      // false: the callback's test holds for some element, so the origin passed it (an element it is
      // compared with stands for the list: `iteratedEntryList`).
      const iterated = iteratedTest(expression);
      if (iterated) {
        if ((iterated.method === 'some') !== positive) return [];
        return originChecksIn(iterated.result, origin, positive, depth + 1);
      }
      if (!positive) return [];
      const method = calledMethodName(expression);
      const [first] = expression.arguments;
      const callee = skipTypeWrappers(expression.callee);
      if (method && MEMBERSHIP_METHODS.has(method) && first && sameOrigin(first, origin)) {
        const collection = (callee as TSESTree.MemberExpression).object;
        // `'https://a.example https://b.example'.includes(origin)` is a substring test: any piece passes.
        if (containsWildcard(collection) || isStringValue(collection)) return [];
        return [{ node: expression, checked: first, collection }];
      }
      if (method && STRING_TESTS.has(method)) {
        const subject = method === 'test' ? first : (callee as TSESTree.MemberExpression).object;
        return subject && (sameOrigin(subject, origin) || isOriginHost(subject, origin))
          ? [{ node: expression, checked: subject, collection: null }]
          : [];
      }
      // A helper the file calls with the origin (`isAllowedOrigin(origin)`) decides what it decides.
      const name = textOf(callee);
      const argument = expression.arguments.find((candidate) => sameOrigin(candidate, origin));
      if (argument && !NOT_CHECKS.has(name)) return [{ node: expression, checked: argument, collection: null }];
      // One called with the request whose Origin is echoed, which reads that Origin itself
      // (`originOk(req)`), decides it too.
      const request = helperGivenRequest(expression, origin);
      return request ? [{ node: expression, checked: request, collection: null }] : [];
    }
    case AST_NODE_TYPES.Identifier: {
      // `const allowed = ALLOWED.has(origin); if (allowed) …`
      const resolved = resolveExpression(expression);
      return resolved && resolved !== expression ? originChecksIn(resolved, origin, positive, depth + 1) : [];
    }
    case AST_NODE_TYPES.MemberExpression: {
      // The verdict of a helper given the origin: `const result = validateOrigin(origin, host);
      // if (!result.ok) return …`, `checkOrigin(origin).allowed`.
      const name = propertyName(expression);
      if (name === null || !VERDICT_PROPERTIES.has(name)) return [];
      const object = skipTypeWrappers(expression.object);
      // The call that made it as written (a value would step into the helper's own returns).
      const def = object.type === AST_NODE_TYPES.Identifier ? variableOf(object)?.defs[0] : undefined;
      const made =
        object.type !== AST_NODE_TYPES.Identifier
          ? object
          : def?.type === 'Variable' && def.node.init && def.node.id === def.name && def.parent?.kind === 'const'
            ? def.node.init
            : null;
      const call = made && skipTypeWrappers(made);
      // A function of the project's (a library's `safeParse(origin).success` checks a format, a
      // write's `.ok` nothing): what it decides, its own body shows.
      if (call?.type !== AST_NODE_TYPES.CallExpression || !resolveFunction(call.callee)) return [];
      return originChecksIn(call, origin, positive, depth + 1);
    }
    default:
      return [];
  }
}

/**
 * The argument of a call that is the request `origin` is read from (`req` of `req.headers.origin`),
 * when the function of the project it calls reads the `Origin` header of that parameter.
 */
function helperGivenRequest(call: TSESTree.CallExpression, origin: TSESTree.Node): TSESTree.Node | null {
  const request = readRequest(origin);
  return request ? helperReadsOriginOf(call, request) : null;
}

/** `helperGivenRequest` for the request variable itself. */
function helperReadsOriginOf(call: TSESTree.CallExpression, request: Scope.Variable): TSESTree.Node | null {
  const index = call.arguments.findIndex((argument) => {
    const expression = skipTypeWrappers(argument);
    return expression.type === AST_NODE_TYPES.Identifier && variableOf(expression) === request;
  });
  const fn = index === -1 ? null : resolveFunction(call.callee);
  const param = fn?.params[index];
  const held = param?.type === AST_NODE_TYPES.Identifier ? variableOf(param) : null;
  if (!fn || !held) return null;
  // A helper that answers yes whatever it reads, and throws nothing, decides nothing (`return true`
  // after a log line); one that throws on a foreign Origin (`assertOrigin(req)`) does.
  const returned = returnedExpressions(fn);
  // A throw under a test that compares or looks something up (`if (!ALLOWED.has(origin)) throw …`),
  // not one that only sees the header is missing (`if (!origin) throw …`).
  let throws = false;
  walk(fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.ThrowStatement) return;
    for (let child: TSESTree.Node = node; child.parent && child.parent !== fn; child = child.parent) {
      const parent: TSESTree.Node = child.parent;
      if (parent.type === AST_NODE_TYPES.IfStatement && child !== parent.test) {
        if (decidesByValue(parent.test)) throws = true;
        return;
      }
    }
  });
  if (!throws && returned.length > 0 && returned.every((value) => staticValue(value)?.value === true)) return null;
  // A helper that compares nothing (`try { new URL(origin); return true } catch { return false }`
  // sees only that the Origin is well formed) admits every site.
  if (!comparesSomething(fn.body)) return null;
  let reads = false;
  walk(fn.body, (node) => {
    if (!reads && requestHeaderRead(node, 'origin') !== null && readRequest(node) === held && !logged(node))
      reads = true;
  });
  return reads ? call.arguments[index]! : null;
}

/** Methods that look a value up or match it against something. */
const LOOKUPS: ReadonlySet<string> = new Set([
  'includes',
  'has',
  'indexOf',
  'test',
  'match',
  'startsWith',
  'endsWith',
  'some',
  'find',
  'get',
]);

/** Whether code compares a value with another (`a === b`, not with `undefined`) or looks it up (`list.includes(x)`). */
function comparesSomething(root: TSESTree.Node): boolean {
  let compares = false;
  walk(root, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && LOOKUPS.has(calledMethodName(node) ?? '')) compares = true;
    if (comparesWithValue(node)) compares = true;
  });
  return compares;
}

/** `a === b`, `a !== b` (also loose), with neither side `undefined`, `null` or `''`: a comparison with a value. */
function comparesWithValue(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.BinaryExpression &&
    ['===', '!==', '==', '!='].includes(node.operator) &&
    ![node.left, node.right].some((side) => side.type !== AST_NODE_TYPES.PrivateIdentifier && isEmptyValue(side))
  );
}

/** Whether a test compares a value with another, or asks a call about it (`list.includes(x)`, `a !== b`). */
function decidesByValue(test: TSESTree.Node): boolean {
  let decides = false;
  walk(test, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression || comparesWithValue(node)) decides = true;
  });
  return decides;
}

/** Whether a value is only handed to logging: `console.log('origin', origin)`, `logger.info(…)`. */
function logged(node: TSESTree.Node): boolean {
  const call = node.parent;
  return (
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.arguments.includes(node as TSESTree.CallExpressionArgument) &&
    /^(?:console|logger|log)\.\w+$/u.test(textOf(call.callee))
  );
}

/** The variable of the request an Origin read reads (`req` of `req.headers.origin`, `c.req.header('origin')`). */
function readRequest(node: TSESTree.Node): Scope.Variable | null {
  const expression = skipTypeWrappers(node);
  const read = expression.type === AST_NODE_TYPES.Identifier ? resolveExpression(expression) : expression;
  if (!read || requestHeaderRead(read, 'origin') === null) return null;
  let root: TSESTree.Node = skipTypeWrappers(read);
  while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression)
    root = skipTypeWrappers(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
  return root.type === AST_NODE_TYPES.Identifier ? variableOf(root) : null;
}

/** Properties that hold a check's verdict in the result object it returns. */
const VERDICT_PROPERTIES: ReadonlySet<string> = new Set([
  'ok',
  'allowed',
  'valid',
  'isValid',
  'isAllowed',
  'success',
  'permitted',
  'accepted',
]);

/**
 * Whether `test` being `positive` means the origin is missing: `!origin`,
 * `origin === undefined`, `origin == null`, `origin === ''`, `typeof origin === 'undefined'`.
 */
function isAbsent(test: TSESTree.Node, origin: TSESTree.Node, positive: boolean): boolean {
  return absentWhen(test, (node) => sameOrigin(node, origin), positive);
}

/** `isAbsent`, with what stands for the origin told by `isOrigin`. */
function absentWhen(test: TSESTree.Node, isOrigin: (node: TSESTree.Node) => boolean, positive: boolean): boolean {
  const expression = skipTypeWrappers(test);
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') {
    return absentWhen(expression.argument, isOrigin, !positive);
  }
  if (expression.type !== AST_NODE_TYPES.BinaryExpression) {
    // A bare `origin` is true when present.
    return !positive && isOrigin(expression);
  }
  const equal = expression.operator === '===' || expression.operator === '==';
  const unequal = expression.operator === '!==' || expression.operator === '!=';
  if ((!equal && !unequal) || equal !== positive) return false;
  for (const [side, other] of [
    [expression.left, expression.right],
    [expression.right, expression.left],
  ] as const) {
    const subject = side.type === AST_NODE_TYPES.UnaryExpression && side.operator === 'typeof' ? side.argument : side;
    if (!isOrigin(subject)) continue;
    const value = staticValue(other);
    if (value && (value.value == null || value.value === '' || (subject !== side && value.value === 'undefined')))
      return true;
  }
  return false;
}

/**
 * Whether `test` is true exactly when the origin is present: `!!origin`, `Boolean(origin)`,
 * `origin !== undefined`, `origin != null`, `typeof origin === 'string'`. Answering yes to such a
 * test allows every origin that asks.
 */
export function isPresenceTest(test: TSESTree.Node, origin: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(test);
  if (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.Identifier &&
    expression.callee.name === 'Boolean' &&
    expression.arguments[0]
  ) {
    return sameOrigin(expression.arguments[0], origin);
  }
  if (
    expression.type === AST_NODE_TYPES.BinaryExpression &&
    (expression.operator === '===' || expression.operator === '==') &&
    expression.left.type === AST_NODE_TYPES.UnaryExpression &&
    expression.left.operator === 'typeof'
  ) {
    return sameOrigin(expression.left.argument, origin) && staticValue(expression.right)?.value === 'string';
  }
  return expression.type !== AST_NODE_TYPES.Identifier && isAbsent(expression, origin, false);
}

function isMinusOne(node: TSESTree.Node): boolean {
  return staticValue(node)?.value === -1;
}

function indexOfCheck(node: TSESTree.Node, origin: TSESTree.Node): OriginCheck[] {
  const call = skipTypeWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return [];
  if (calledMethodName(call) !== 'indexOf') return [];
  const [first] = call.arguments;
  if (!first || !sameOrigin(first, origin)) return [];
  const collection = (skipTypeWrappers(call.callee) as TSESTree.MemberExpression).object;
  return containsWildcard(collection) ? [] : [{ node: call, checked: first, collection }];
}

/** A collection that is a string, where `includes` tests for a substring. */
function isStringValue(node: TSESTree.Node): boolean {
  const value = staticValue(node)?.value;
  // `'*'.includes(origin)` passes no Origin a browser sends (see `containsWildcard`).
  return typeof value === 'string' && value !== '*';
}

/**
 * An allowlist that lists `*` allows everything, and checking membership in it decides nothing.
 * Read from the values the collection can hold where it is used: a parameter that every call
 * gives a list never holds its default (`list: string[] | '*' = '*'`), and the string `'*'`
 * itself holds no origin (`'*'.includes(origin)` passes no Origin a browser sends).
 */
function containsWildcard(collection: TSESTree.Node): boolean {
  return possibleValues(collection).some((candidate) => {
    if (!candidate.known) {
      return originSources(candidate.node).some((source) => source.kind === 'literal' && source.value === '*');
    }
    const { value } = candidate;
    return (Array.isArray(value) && value.includes('*')) || (value instanceof Set && value.has('*'));
  });
}

/** Whether a statement always leaves its function (or loop): `return`, `throw`, or a block ending in one. */
export function alwaysExits(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.BreakStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some(alwaysExits);
    case AST_NODE_TYPES.IfStatement:
      return statement.alternate !== null && alwaysExits(statement.consequent) && alwaysExits(statement.alternate);
    default:
      return false;
  }
}

/**
 * The check that guards `site` (where an origin is used, e.g. echoed into a header), if the
 * origin can only get there after passing one: inside the true branch of `if (check)`, `check ?`
 * or `check &&`, the false branch of `if (!check)`, a `switch (origin)` case with a literal, or
 * after `if (!check) return …` earlier in the same function. A truthiness test is no check.
 */
export function findOriginGuard(site: TSESTree.Node, origin: TSESTree.Node): OriginCheck | null {
  let child: TSESTree.Node = site;
  let parent = site.parent;
  while (parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression: {
        if (child === parent.test) break;
        const positive = child === parent.consequent;
        const [check] = originChecksIn(parent.test, origin, positive);
        if (check) return check;
        break;
      }
      case AST_NODE_TYPES.LogicalExpression: {
        if (child !== parent.right) break;
        const positive = parent.operator === '&&';
        if (parent.operator === '??') break;
        const [check] = originChecksIn(parent.left, origin, positive);
        if (check) return check;
        break;
      }
      case AST_NODE_TYPES.SwitchCase: {
        const statement = parent.parent;
        if (
          parent.test &&
          sameOrigin(statement.discriminant, origin) &&
          typeof staticValue(parent.test)?.value === 'string'
        ) {
          return { node: parent, checked: statement.discriminant, collection: null };
        }
        break;
      }
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program: {
        const index = (parent.body as TSESTree.Node[]).indexOf(child);
        for (const earlier of (parent.body as TSESTree.Statement[]).slice(0, Math.max(index, 0))) {
          if (earlier.type !== AST_NODE_TYPES.IfStatement || !alwaysExits(earlier.consequent)) continue;
          const [check] = originChecksIn(earlier.test, origin, false);
          if (check) return check;
        }
        break;
      }
      default:
        break;
    }
    if (
      parent.type === AST_NODE_TYPES.FunctionDeclaration ||
      parent.type === AST_NODE_TYPES.FunctionExpression ||
      parent.type === AST_NODE_TYPES.ArrowFunctionExpression
    ) {
      // A helper given the request: its callers decide (`setCors(req, res)` after a check).
      const request = readRequest(origin);
      return request ? callersGuard(parent, request, 0) : null;
    }
    child = parent;
    parent = parent.parent;
  }
  return null;
}

/**
 * Whether a test asks a constant list of literal origins for `'*'` (`literalListWithoutWildcard`),
 * where it must take `positive`: it never holds, so the other side decides alone.
 */
function asksListForWildcard(test: TSESTree.Node, origin: TSESTree.Node, positive: boolean): boolean {
  const looked = wildcardLookup(test, positive);
  return looked !== null && !sameOrigin(looked.list, origin) && literalListWithoutWildcard(looked.list);
}

/** How many names deep `sourceGuard` follows a value into what holds it. */
const MAX_HELD_DEPTH = 4;

/**
 * The check that guards a source of an allowed origin (of `originSources()`) where the value is
 * used: `findOriginGuard` from where it enters, with the origin as `checked` (the read itself, or
 * an origin function's parameter); or, where it enters through a name that holds one value
 * (`const allow = ALLOWED.includes(origin) ? origin : ALLOWED[0];` then the echo of `allow`), the
 * guard of every way that same source gets into that value, found inside it as for the value
 * written in place.
 */
export function sourceGuard(source: OriginSource, checked: TSESTree.Node, depth = 0): OriginCheck | null {
  const direct = findOriginGuard(source.entry, checked);
  const entry = skipTypeWrappers(source.entry);
  if (direct || depth >= MAX_HELD_DEPTH || entry.type !== AST_NODE_TYPES.Identifier) return direct;
  // Through each value the name holds (`let allow = null; if (ALLOWED.has(origin)) allow = origin;`),
  // the same read or literal, arriving by each of its ways in (a second way is told as `unknown`).
  const ways = heldValues(entry).flatMap((held) => originSources(held).filter((inner) => inner.node === source.node));
  let guard: OriginCheck | null = null;
  for (const way of ways) {
    guard = sourceGuard(way, checked, depth + 1);
    if (!guard) return null;
  }
  return guard;
}

/** How many helpers up `findOriginGuard` follows the calls of a function that reads the Origin itself. */
const MAX_CALLER_DEPTH = 2;

/**
 * The guard of a helper that is given the request (`setCors(req, res)`, its parameter `request`):
 * every call of it, in its module and the modules that import it, comes after a check of the
 * Origin of the request it is given (`if (!originAllowed(req)) return res.status(403).end();`).
 */
function callersGuard(fn: HandlerFunction, request: Scope.Variable, depth: number): OriginCheck | null {
  const def = request.defs[0];
  if (depth >= MAX_CALLER_DEPTH || def?.type !== 'Parameter' || def.node !== fn) return null;
  const index = fn.params.findIndex((param) => param === def.name);
  const found = index === -1 ? null : callsOf(fn);
  if (!found?.complete || found.calls.length === 0) return null;
  let guard: OriginCheck | null = null;
  for (const call of found.calls) {
    const given = call.arguments[index];
    const expression = given && skipTypeWrappers(given);
    const caller = expression?.type === AST_NODE_TYPES.Identifier ? variableOf(expression) : null;
    guard = caller ? requestGuardAt(call, caller, depth + 1) : null;
    if (!guard) return null;
  }
  return guard;
}

/**
 * The check of the Origin of `request` that every way to `site` passes, in its function or (a
 * helper again) its callers'.
 */
function requestGuardAt(site: TSESTree.Node, request: Scope.Variable, depth: number): OriginCheck | null {
  for (const { test, value } of conditionsOnTheWay(site)) {
    // A read of that request's Origin in the test (`ALLOWED.includes(req.headers.origin)`), or a
    // helper given the request (`originAllowed(req)`).
    let read: TSESTree.Node | null = null;
    walk(test, (node) => {
      if (!read && readRequest(node) === request) read = node;
    });
    const [check] = read ? originChecksIn(test, read, value) : requestChecksIn(test, request, value);
    if (check) return check;
  }
  const fn = enclosingFunction(site);
  return fn ? callersGuard(fn, request, depth) : null;
}

/**
 * `originChecksIn` for a test that reads no Origin itself but hands the request to a helper that
 * checks it (`!originAllowed(req)`).
 */
function requestChecksIn(test: TSESTree.Node, request: Scope.Variable, positive: boolean, depth = 0): OriginCheck[] {
  const expression = skipTypeWrappers(test);
  if (depth > 8) return [];
  switch (expression.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return expression.operator === '!' ? requestChecksIn(expression.argument, request, !positive, depth + 1) : [];
    case AST_NODE_TYPES.LogicalExpression: {
      if (expression.operator === '??') return [];
      const left = requestChecksIn(expression.left, request, positive, depth + 1);
      const right = requestChecksIn(expression.right, request, positive, depth + 1);
      // `a && b` true, or `a || b` false: both hold, so one check is enough; otherwise both must check.
      if ((expression.operator === '&&') === positive) return [...left, ...right];
      return left.length > 0 && right.length > 0 ? [...left, ...right] : [];
    }
    case AST_NODE_TYPES.CallExpression: {
      const checked = positive ? helperReadsOriginOf(expression, request) : null;
      return checked ? [{ node: expression, checked, collection: null }] : [];
    }
    case AST_NODE_TYPES.Identifier: {
      const resolved = resolveExpression(expression);
      return resolved && resolved !== expression ? requestChecksIn(resolved, request, positive, depth + 1) : [];
    }
    default:
      return [];
  }
}

/**
 * Every check of an origin made anywhere inside `node`, whatever its polarity: where allowlists
 * hide. For an origin function (`(origin, cb) => cb(null, ALLOWED.includes(origin))`), the origin
 * is its first parameter.
 */
export function originChecksWithin(node: TSESTree.Node, origin?: TSESTree.Node): OriginCheck[] {
  let root = skipTypeWrappers(node);
  let subject = origin;
  if (root.type === AST_NODE_TYPES.ArrowFunctionExpression || root.type === AST_NODE_TYPES.FunctionExpression) {
    const [originParam] = root.params;
    subject = originParam?.type === AST_NODE_TYPES.Identifier ? originParam : undefined;
    root = root.body;
  }
  const checks: OriginCheck[] = [];
  walk(root, (inner) => {
    if (inner.type !== AST_NODE_TYPES.CallExpression && inner.type !== AST_NODE_TYPES.BinaryExpression) return;
    const found = subject ? originChecksIn(inner, subject) : [];
    if (found.length > 0) {
      checks.push(...found);
      return;
    }
    // Koa's origin functions take the context: `ALLOWED.includes(ctx.get('Origin'))`.
    const operands = inner.type === AST_NODE_TYPES.CallExpression ? inner.arguments : [inner.left, inner.right];
    const read = operands.find((operand) => isRequestOriginRead(operand));
    if (read) checks.push(...originChecksIn(inner, read));
  });
  return checks;
}

/**
 * Every check of `origin` in the conditions that lead to `site` within its function, complete
 * guards or not: `if (!list || list.includes(origin))` checks against `list` without guarding.
 */
export function originChecksOnTheWay(site: TSESTree.Node, origin: TSESTree.Node): OriginCheck[] {
  return conditionsOnTheWay(site).flatMap((condition) => originChecksWithin(condition.test, origin));
}

/**
 * A condition that stands between the start of a function and a place in it, with the value it
 * must take for the code to get there.
 */
export interface ConditionOnTheWay {
  readonly test: TSESTree.Node;
  readonly value: boolean;
}

/**
 * The conditions that lead to `site` within its function, with the value each must take: the
 * test of an `if` or `?:` (true in the consequent, false in the alternate), the left side of
 * `&&` (true) or `||` (false) when `site` is on the right, and the test of an earlier
 * `if (test) return …;` (or `throw`) in an enclosing block (false). What `originChecksOnTheWay`
 * walks, with polarity, and whatever the tests are about.
 */
export function conditionsOnTheWay(site: TSESTree.Node): ConditionOnTheWay[] {
  const conditions: ConditionOnTheWay[] = [];
  let child: TSESTree.Node = site;
  let parent = site.parent;
  while (parent) {
    if (
      (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) &&
      child !== parent.test
    ) {
      conditions.push({ test: parent.test, value: child === parent.consequent });
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right && parent.operator !== '??') {
      conditions.push({ test: parent.left, value: parent.operator === '&&' });
    } else if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) {
      const index = (parent.body as TSESTree.Node[]).indexOf(child);
      for (const earlier of (parent.body as TSESTree.Statement[]).slice(0, Math.max(index, 0))) {
        if (earlier.type === AST_NODE_TYPES.IfStatement && alwaysExits(earlier.consequent)) {
          conditions.push({ test: earlier.test, value: false });
        }
      }
    }
    if (
      parent.type === AST_NODE_TYPES.FunctionDeclaration ||
      parent.type === AST_NODE_TYPES.FunctionExpression ||
      parent.type === AST_NODE_TYPES.ArrowFunctionExpression
    ) {
      break;
    }
    child = parent;
    parent = parent.parent;
  }
  return conditions;
}

/**
 * Whether code at `site` runs only for a request that carries no `Origin` header:
 * `if (!origin) …`, the `else` of `if (origin)`, `if (origin === undefined)`; with `origin`, a
 * test of that too (an origin function's parameter). A browser sends
 * `Origin` with every cross-origin request, so what such a branch answers is never read by a page
 * of another site.
 */
export function onlyWithoutOrigin(site: TSESTree.Node, origin?: TSESTree.Node): boolean {
  const isOrigin = (node: TSESTree.Node): boolean =>
    holdsRequestOrigin(node) || (origin !== undefined && sameOrigin(node, origin));
  return conditionsOnTheWay(site).some((condition) => absentOriginTest(condition.test, condition.value, isOrigin, 0));
}

/**
 * Whether a test taking `value` means the request has no Origin: a test of `isAbsent`'s on the
 * request's Origin, or a combination of them that holds only then.
 */
function absentOriginTest(
  node: TSESTree.Node,
  value: boolean,
  isOrigin: (node: TSESTree.Node) => boolean,
  depth: number,
): boolean {
  let test = skipTypeWrappers(node);
  if (test.type === AST_NODE_TYPES.ChainExpression) test = test.expression;
  if (depth > 4) return false;
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
    return absentOriginTest(test.argument, !value, isOrigin, depth + 1);
  }
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator !== '??') {
    const left = absentOriginTest(test.left, value, isOrigin, depth + 1);
    const right = absentOriginTest(test.right, value, isOrigin, depth + 1);
    // `a && b` true, or `a || b` false: both sides hold, so either may say so; otherwise either
    // side may be the one that holds, so both must.
    return (test.operator === '&&') === value ? left || right : left && right;
  }
  return absentWhen(test, isOrigin, value);
}

function holdsRequestOrigin(node: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  if (isRequestOriginRead(expression)) return true;
  return (
    expression.type === AST_NODE_TYPES.Identifier &&
    originSources(expression).some((source) => source.kind === 'request-origin')
  );
}
