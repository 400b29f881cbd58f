import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  calledMethodName,
  calledMethodObject,
  containsNode,
  isEmptyValue,
  parameterName,
  skipTypeWrappers,
  walk,
} from './ast';
import { codeOf, programOf, propertyName, staticValue, textOf, variableOf } from './program';
import { onByDefault, optInTest, readsOnlySettings, turnsAwaySomewhere } from './credential-checks';
import { matchSubject } from './origin-decisions';
import { moduleIndex } from './module-index';
import { destructuredHeaderNames, isUrlConstructor, ORIGIN_AND_HOST, requestHeaderRead } from './request-headers';
import { servesMcp } from './mcp-transports';
import { neverHolds } from './conditions';
import { valueWithUnsetEnvironment } from './unset-environment';
import {
  callsOf,
  enclosingFunction,
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
  walkOwn(fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.IfStatement && allowsAll(node.consequent, fn) && testsMissingList(node.test, fn)) {
      branches.push(node);
    }
  });
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
 * Whether a function tests the request's Origin or Host against `subject`, or a value the module
 * makes of it (`const allowed = new Set(list.split(','))`): a call on it with the value or a
 * callback (`allowed.includes(origin)`, `list.some((entry) => …)`), a call that takes both
 * (`matchesAny(origin, list)`), or a comparison (`pinned === origin`).
 */
function testedAgainstRequest(subject: TSESTree.Node, fn: HandlerFunction): boolean {
  const first = shape(subject);
  if (first === null) return false;
  const wanted = new Set([first, ...derivedNames(first, fn)]);
  const isSubject = (node: TSESTree.Node): boolean => wanted.has(shape(node) ?? '');
  let found = false;
  walkOwn(fn.body, (node) => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const object = node.callee.type === AST_NODE_TYPES.MemberExpression ? node.callee.object : null;
      // A callback counts where the list's entries are tested with it (`list.some((entry) => …)`),
      // not a listener (`upstream.on('error', …)` of a request a proxy makes from the site it looked up).
      const iterates = ITERATING.has(calledMethodName(node) ?? '');
      found =
        (object !== null &&
          isSubject(object) &&
          node.arguments.some((argument) => (isFunctionNode(argument) ? iterates : holdsRequestValue(argument, fn)))) ||
        // Another argument than the list: `validate(key, db)` with `key` read from the request is no test of a list.
        (node.arguments.some(isSubject) &&
          node.arguments.some((argument) => !isSubject(argument) && holdsRequestValue(argument, fn)));
    } else if (node.type === AST_NODE_TYPES.BinaryExpression && /^[!=]==?$/u.test(node.operator)) {
      const { left, right } = node;
      found =
        left.type !== AST_NODE_TYPES.PrivateIdentifier &&
        ((isSubject(left) && holdsRequestValue(right, fn)) || (isSubject(right) && holdsRequestValue(left, fn)));
    }
  });
  return found;
}

/** Methods that test a list's entries with a callback. */
const ITERATING: ReadonlySet<string> = new Set(['some', 'every', 'find', 'findIndex', 'filter', 'includes']);

/** The names of the module's (and `fn`'s) constants made from the value named `subject`. */
function derivedNames(subject: string, fn: HandlerFunction): readonly string[] {
  const program = programOf(fn);
  let byShape = derivedByProgram.get(program);
  if (!byShape) {
    // Once per module: each constant's name under the shapes of the values it is made of.
    byShape = new Map();
    for (const declarator of moduleIndex(program).variableDeclarators) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
      const name = declarator.id.name;
      const shapes = new Set<string>();
      walkOwn(declarator.init, (node) => {
        const found = shape(node);
        if (found !== null) shapes.add(found);
      });
      for (const found of shapes) byShape.set(found, [...(byShape.get(found) ?? []), name]);
    }
    derivedByProgram.set(program, byShape);
  }
  return byShape.get(subject) ?? [];
}

const derivedByProgram = new WeakMap<TSESTree.Program, Map<string, string[]>>();

/**
 * Whether an expression is built from the request's Origin or Host (`req.headers.host ?? ''`,
 * `origin.toLowerCase()`), also through the names it reads (`const origin = req.headers.origin ??
 * ''`, `const { origin } = req.headers`).
 */
function holdsRequestValue(node: TSESTree.Node, fn: HandlerFunction, depth = 0): boolean {
  let found = false;
  walkOwn(node, (inner) => {
    if (found) return;
    found = isRequestValue(inner, fn);
    if (found || depth > 2 || inner.type !== AST_NODE_TYPES.Identifier || isPropertyName(inner)) return;
    const def = variableOf(inner)?.defs[0];
    if (def?.type !== 'Variable') return;
    const header = destructuredHeaderNames(def.node).find((name) => name.id.name === inner.name)?.header;
    if (header !== undefined) found = header === 'origin' || header === 'host';
    else if (def.node.init && def.node.id.type === AST_NODE_TYPES.Identifier) {
      found = holdsRequestValue(def.node.init, fn, depth + 1);
    }
  });
  return found;
}

/** Whether an identifier names a property (`req.origin`'s `origin`, a key), not a variable. */
export function isPropertyName(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  return (
    (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === identifier && !parent.computed) ||
    (parent?.type === AST_NODE_TYPES.Property && parent.key === identifier && !parent.computed && !parent.shorthand)
  );
}

/**
 * A node's path of names (`this.config.allowed`), whatever its optional chaining, to compare two
 * reads of one value.
 */
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
 * next()`, `if (!config.provider) return { data: {} }`). On by choice is not on by default. A
 * branch on a setting `settled` holds never runs (`conditionKey`).
 */
export function passesWhileUnconfigured(fn: HandlerFunction, settled?: ReadonlySet<string>): boolean {
  if (failOpenBranches(fn).some((branch) => !neverHolds(branch.test, settled))) return true;
  let found = false;
  walkOwn(fn.body, (node) => {
    found ||=
      node.type === AST_NODE_TYPES.IfStatement &&
      !neverHolds(node.test, settled) &&
      (answersSuccess(node.consequent) || handsRequestOn(node.consequent, fn)) &&
      testsMissingList(node.test, fn);
  });
  return found;
}

/**
 * Whether a value is middleware that lets every request on and does nothing else: `(_req, _res,
 * next) => next()`, `async (_c, next) => { await next(); }`, also through a name
 * (`const noCheck: RequestHandler = (…) => next()`). Logging beside the call changes nothing.
 */
export function isPassThrough(node: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.ConditionalExpression) {
    return isPassThrough(expression.consequent) || isPassThrough(expression.alternate);
  }
  const fn = isFunctionNode(expression) ? expression : resolveFunction(expression);
  const next = fn?.params.at(-1);
  if (!fn || fn.params.length < 2 || next?.type !== AST_NODE_TYPES.Identifier) return false;
  const callsNext = (value: TSESTree.Node | null | undefined): boolean => {
    let call = value && skipTypeWrappers(value);
    if (
      call?.type === AST_NODE_TYPES.AwaitExpression ||
      (call?.type === AST_NODE_TYPES.UnaryExpression && call.operator === 'void')
    )
      call = skipTypeWrappers(call.argument);
    return (
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.callee.type === AST_NODE_TYPES.Identifier &&
      call.callee.name === next.name
    );
  };
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return callsNext(fn.body);
  const statements = fn.body.body;
  return (
    statements.some(
      (statement) =>
        (statement.type === AST_NODE_TYPES.ExpressionStatement && callsNext(statement.expression)) ||
        (statement.type === AST_NODE_TYPES.ReturnStatement && callsNext(statement.argument)),
    ) &&
    statements.every(
      (statement) =>
        (statement.type === AST_NODE_TYPES.ExpressionStatement &&
          (callsNext(statement.expression) || /^console\./u.test(textOf(calleeOf(statement.expression))))) ||
        (statement.type === AST_NODE_TYPES.ReturnStatement && callsNext(statement.argument)),
    )
  );
}

/** The callee of a call, or the expression itself. */
function calleeOf(expression: TSESTree.Expression): TSESTree.Node {
  const inner = skipTypeWrappers(expression);
  return inner.type === AST_NODE_TYPES.CallExpression ? inner.callee : inner;
}

/**
 * Whether a credential check lets a request without its credential through out of the box: inside
 * the branch for a missing credential (`if (!token) { … }`), a branch on a setting hands the request
 * on (`if (FALLBACK) return next();`, a server-held token put in the caller's place), unless the
 * setting is known to be off while the environment is unset (`process.env.FALLBACK === 'true'`,
 * `false`). The setting is read through what the project gives it: `const FALLBACK =
 * process.env.FALLBACK !== 'false'`, or `this.fallback` kept from `new Auth(process.env.FALLBACK
 * !== 'false')`. One whose value cannot be told (`new Auth(loadConfig().fallback)`, a class made
 * outside the package) may be on, and the check is taken to let such a request through: where the
 * analysis cannot tell, it reports. A branch that wants a credential of its own (`if (ALLOW_KEY) {
 * if (req.query.key !== KEY) return res.status(401).end(); return next(); }`) is no pass-through.
 */
export function letsMissingThroughByDefault(fn: HandlerFunction): boolean {
  let found = false;
  walkOwn(fn.body, (node) => {
    if (found || node.type !== AST_NODE_TYPES.IfStatement) return;
    if (!allowsAll(node.consequent, fn) && !handsRequestOn(node.consequent, fn)) return;
    // A switch of the server's, not a test of the request (`if (req.method === 'OPTIONS')`).
    if (!readsOnlySettings(node.test, fn) || turnsAwaySomewhere(node.consequent)) return;
    const setting = valueWithUnsetEnvironment(node.test);
    if (setting && !setting.value) return;
    for (let parent: TSESTree.Node | undefined = node.parent; parent && parent !== fn.body; parent = parent.parent) {
      if (parent.type !== AST_NODE_TYPES.IfStatement || !containsNode(parent.consequent, node)) continue;
      const subject = missingSubject(skipTypeWrappers(parent.test));
      if (subject !== null && readsRequestHeader(skipTypeWrappers(resolveExpression(subject) ?? subject))) {
        found = true;
        return;
      }
    }
  });
  return found;
}

/**
 * Whether a credential check lets a request from the machine itself through without one: an early
 * branch, on the client's address (`req.socket.remoteAddress`, `req.ip`) tested against loopback,
 * that lets the request on (`if (ip === '127.0.0.1') return next()`). Every page in the user's
 * browser connects from loopback, so the check never applies to them.
 */
export function letsLocalCallersThrough(fn: HandlerFunction): boolean {
  let found = false;
  walkOwn(fn.body, (node) => {
    found ||=
      node.type === AST_NODE_TYPES.IfStatement &&
      (allowsAll(node.consequent, fn) || handsRequestOn(node.consequent, fn)) &&
      testsLoopbackClient(node.test) &&
      // Not a branch that wants a credential of its own (`req.ip === '127.0.0.1' && auth === …`,
      // or a local key checked inside it).
      !readsRequestHeader(node.test) &&
      !turnsAwaySomewhere(node.consequent) &&
      // `TRUST_LOCAL && isLoopback(req.ip)`: off out of the box.
      !optInTest(node.test, fn);
  });
  return found;
}

/** Whether an expression reads a request header. */
function readsRequestHeader(root: TSESTree.Node): boolean {
  let reads = false;
  walkOwn(root, (node) => {
    reads ||= requestHeaderRead(node) !== null;
  });
  return reads;
}

/** The properties that hold the address a request comes from (node's `socket.remoteAddress`, express's `req.ip`). */
const CLIENT_ADDRESSES: ReadonlySet<string> = new Set(['remoteAddress', 'ip']);
/** How a test names loopback: an address, `localhost`, or a function named for it (`isLoopback(ip)`). */
const LOOPBACK_TEXT = /^(?:127\.0\.0\.1|::1|::ffff:127\.0\.0\.1|localhost)$/u;

/** Whether a test reads the client's address and compares it with loopback. */
function testsLoopbackClient(test: TSESTree.Node): boolean {
  let address = false;
  let loopback = false;
  walkOwn(test, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression && CLIENT_ADDRESSES.has(propertyName(node) ?? '')) address = true;
    if (node.type === AST_NODE_TYPES.Identifier && !isPropertyName(node)) {
      const value = resolveExpression(node);
      if (value && value !== node && value.type === AST_NODE_TYPES.MemberExpression)
        address ||= CLIENT_ADDRESSES.has(propertyName(value) ?? '');
      loopback ||=
        /loopback|localhost|^isLocal/iu.test(node.name) && node.parent?.type === AST_NODE_TYPES.CallExpression;
    }
    const value = node.type === AST_NODE_TYPES.Literal ? node.value : null;
    if (typeof value === 'string' && LOOPBACK_TEXT.test(value)) loopback = true;
    if (node.type === AST_NODE_TYPES.Identifier && !isPropertyName(node)) {
      for (const candidate of stringsHeld(node)) if (LOOPBACK_TEXT.test(candidate)) loopback = true;
    }
  });
  return address && loopback;
}

/** The strings (or strings of a list) a name may hold: `LOCAL_ADDRESSES = ['127.0.0.1', '::1']`. */
function stringsHeld(node: TSESTree.Identifier): string[] {
  const value = staticValue(node)?.value;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === 'string');
  if (value instanceof Set) return [...value].filter((entry): entry is string => typeof entry === 'string');
  return [];
}

/**
 * `return mcp(request)`: a web handler's branch that answers with what the handler it hands the
 * request to answers, as `next()` lets it on.
 */
function handsRequestOn(statement: TSESTree.Statement, fn: HandlerFunction): boolean {
  const body = statement.type === AST_NODE_TYPES.BlockStatement ? statement.body : [statement];
  const last = body.at(-1);
  if (last?.type !== AST_NODE_TYPES.ReturnStatement || !last.argument) return false;
  let value = skipTypeWrappers(last.argument);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = skipTypeWrappers(value.argument);
  const [request] = fn.params;
  if (value.type !== AST_NODE_TYPES.CallExpression || request?.type !== AST_NODE_TYPES.Identifier) return false;
  const handsOn = (call: TSESTree.CallExpression): boolean =>
    call.arguments.some((argument) => {
      const given = skipTypeWrappers(argument);
      return given.type === AST_NODE_TYPES.Identifier && given.name === request.name;
    });
  if (!handsOn(value)) return false;
  // The handler the request goes to once the check passes: one that serves MCP (`return
  // mcp(request)`), or the one the function's last statement answers with, unless what it gives
  // back is always an error (`return errorResponse(request, 503)`).
  if (servesMcp(value.callee)) return true;
  const end = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body.at(-1) : null;
  if (end?.type !== AST_NODE_TYPES.ReturnStatement || !end.argument || containsNode(statement, end)) return false;
  let answer = skipTypeWrappers(end.argument);
  if (answer.type === AST_NODE_TYPES.AwaitExpression) answer = skipTypeWrappers(answer.argument);
  if (answer.type !== AST_NODE_TYPES.CallExpression || textOf(answer.callee) !== textOf(value.callee)) return false;
  const helper = resolveFunction(value.callee);
  return handsOn(answer) && !(helper && answersOnlyErrors(helper));
}

/**
 * Whether every answer of a function is an error response (`Response.json(body, { status })` with a
 * status of 400 or more).
 */
function answersOnlyErrors(fn: HandlerFunction): boolean {
  const returned = returnedExpressions(fn);
  return (
    returned.length > 0 &&
    returned.every((value) => {
      const expression = skipTypeWrappers(value);
      if (expression.type !== AST_NODE_TYPES.CallExpression && expression.type !== AST_NODE_TYPES.NewExpression)
        return false;
      // A status among the arguments or their `{ status }`, other than a constant under 400.
      return expression.arguments.some((argument) => {
        if (argument.type === AST_NODE_TYPES.SpreadElement) return false;
        const object = skipTypeWrappers(argument);
        const status =
          object.type === AST_NODE_TYPES.ObjectExpression
            ? object.properties.find(
                (property): property is TSESTree.Property =>
                  property.type === AST_NODE_TYPES.Property && propertyName(property) === 'status',
              )?.value
            : null;
        if (!status) return false;
        const known = staticValue(status);
        return known === null || (typeof known.value === 'number' && known.value >= 400);
      });
    })
  );
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

/**
 * `return true`, `return next()`, `{ next(); return; }`: the request goes on. The function's last
 * parameter is what hands it on, whatever its name (Fastify's `done`); in a Fastify async hook
 * (`async (request, reply) => …`), a bare `return` does.
 */
function allowsAll(statement: TSESTree.Statement, fn: HandlerFunction): boolean {
  const body = statement.type === AST_NODE_TYPES.BlockStatement ? statement.body : [statement];
  const last = body.at(-1);
  if (last?.type !== AST_NODE_TYPES.ReturnStatement) return false;
  const value = last.argument && skipTypeWrappers(last.argument);
  if (value && staticValue(value)?.value === true) return true;
  if (!value && isFastifyAsyncHook(fn)) return true;
  const handOn = fn.params.length >= 3 ? parameterName(fn.params.at(-1))?.name : null;
  const callsNext = (node: TSESTree.Node | null | undefined): boolean => {
    const call = node && skipTypeWrappers(node);
    return (
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.callee.type === AST_NODE_TYPES.Identifier &&
      (call.callee.name === 'next' || call.callee.name === handOn)
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
 * Whether a function is a Fastify async hook, where returning nothing lets the request go on: an
 * async function of a request and a reply (named `reply`, typed `FastifyReply`, or answering
 * with `reply.code(…)`, which Express's response does not have), with no parameter to hand on with.
 */
function isFastifyAsyncHook(fn: HandlerFunction): boolean {
  const reply = fn.params[1];
  if (!fn.async || fn.params.length !== 2 || reply?.type !== AST_NODE_TYPES.Identifier) return false;
  if (reply.name === 'reply') return true;
  const annotation = reply.typeAnnotation?.typeAnnotation;
  if (
    annotation?.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    annotation.typeName.name === 'FastifyReply'
  )
    return true;
  let answers = false;
  walkOwn(fn.body, (node) => {
    answers ||=
      node.type === AST_NODE_TYPES.CallExpression &&
      calledMethodName(node) === 'code' &&
      calledMethodObject(node)?.type === AST_NODE_TYPES.Identifier &&
      (calledMethodObject(node) as TSESTree.Identifier).name === reply.name;
  });
  return answers;
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
  // `!config.OAUTH_ENABLED && !config.AUTH_TOKEN`: true when neither is set, as it runs out of the box.
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '&&') {
    return testsMissingList(expression.left, fn) && testsMissingList(expression.right, fn);
  }
  const subject = missingSubject(expression);
  // `!settings.requireAuth` with `requireAuth: true` written as the default: a switch turned off by choice.
  return subject !== null && !isRequestValue(subject, fn) && !onByDefault(subject);
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
    // `token === ''`: an empty setting is a missing one.
    if (isEmptyValue(other)) return skipTypeWrappers(side);
    if (staticValue(other)?.value === 0) return lengthOf(skipTypeWrappers(side));
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
function isRequestValue(node: TSESTree.Node, fn: HandlerFunction, depth = 0): boolean {
  const expression = skipTypeWrappers(node);
  const resolved = skipTypeWrappers(resolveExpression(expression) ?? expression);
  if (requestHeaderRead(resolved, ORIGIN_AND_HOST) !== null) return true;
  // `typeof req.headers.origin === 'string' ? req.headers.origin : undefined`, `req.headers.origin ?? ''`:
  // the header, or nothing.
  if (depth < 3 && resolved.type === AST_NODE_TYPES.ConditionalExpression) {
    const sides = [resolved.consequent, resolved.alternate];
    return (
      sides.some((side) => !isEmptyValue(side)) &&
      sides.every((side) => isEmptyValue(side) || isRequestValue(side, fn, depth + 1))
    );
  }
  if (depth < 3 && resolved.type === AST_NODE_TYPES.LogicalExpression && resolved.operator !== '&&') {
    return isRequestValue(resolved.left, fn, depth + 1) && isEmptyValue(resolved.right);
  }
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
 * request's `Host` names (`origin !== new URL(request.url).origin`, `` origin !==
 * `${req.protocol}://${req.get('host')}` ``, or a helper of the project handed the request that
 * builds it): a same-origin check. It stops a cross-site page, but a DNS-rebinding page's `Origin`
 * and `Host` both name the attacker's host, so it lets that page through. Empty when the function
 * also compares `Origin` with anything else (a list, a constant).
 */
export function hostDerivedOriginTests(fn: HandlerFunction): readonly TSESTree.BinaryExpression[] {
  const found: TSESTree.BinaryExpression[] = [];
  let other = false;
  walkOwn(fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      // `allowed.includes(origin)`, `isLoopback(new URL(origin).hostname)`: a test against something
      // else; not a log line or a header that carries it on.
      if (
        !CARRYING_METHODS.has(calledMethodName(node) ?? '') &&
        node.arguments.some((argument) => holdsOrigin(argument))
      ) {
        other = true;
      }
      return;
    }
    if (node.type !== AST_NODE_TYPES.BinaryExpression || !/^[!=]==?$/u.test(node.operator)) return;
    if (node.left.type === AST_NODE_TYPES.PrivateIdentifier) return;
    // `typeof origin !== 'string'`: whether there is one at all.
    if (isTypeTest(node.left) || isTypeTest(node.right)) return;
    const partner = isOriginRead(node.left) ? node.right : isOriginRead(node.right) ? node.left : null;
    // `new URL(origin).host === req.headers.host`: the host the Origin names, with the request's own.
    const parsedPartner = partner
      ? null
      : parsedOriginHost(node.left)
        ? node.right
        : parsedOriginHost(node.right)
          ? node.left
          : null;
    if (parsedPartner) {
      if (staticValue(parsedPartner) === null && derivesFromRequestHost(parsedPartner, fn, 0, new Set()))
        found.push(node);
      else other = true;
      return;
    }
    if (!partner) {
      // `new URL(origin).hostname === 'localhost'`: a test of what the Origin names.
      if (holdsOrigin(node.left) || holdsOrigin(node.right)) other = true;
      return;
    }
    // `origin === undefined`: whether there is one at all.
    const value = staticValue(partner);
    if (value !== null && value.value == null) return;
    if (value === null && derivesFromRequestHost(partner, fn, 0, new Set())) found.push(node);
    else other = true;
  });
  return other ? [] : found;
}

/** `typeof x`: a test of a value's type, not of what it is. */
function isTypeTest(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'typeof';
}

/** `new URL(origin).host` (or `.hostname`), also held in a constant: the host the request's Origin names. */
function parsedOriginHost(node: TSESTree.Node): boolean {
  const subject = matchSubject(node, isOriginRead);
  return subject === 'host' || subject === 'hostname';
}

/** Methods that carry a value on rather than test it: logging, response headers and bodies. */
const CARRYING_METHODS: ReadonlySet<string> = new Set([
  'log',
  'info',
  'warn',
  'error',
  'debug',
  'trace',
  'set',
  'setHeader',
  'header',
  'append',
  'json',
  'send',
  'end',
  'write',
]);

/**
 * Whether a module checks the request's Host itself: a read of `Host` decides, in the test of an
 * `if` that turns the request away, whether it is (`if (!ALLOWED_HOSTS.includes(req.headers.host))
 * return res.status(403).end()`), also through a name it is kept in or a helper it is handed to.
 * An Origin compared with the request's own origin is then the same-origin check it looks like.
 */
export function checksHostSomewhere(program: TSESTree.Program): boolean {
  const { memberExpressions, calls } = moduleIndex(program);
  return [...memberExpressions, ...calls].some(
    (node) => readsRequestHost(node) && !comparedWithOrigin(node) && decidesRefusal(node, 0),
  );
}

/**
 * Whether a read of the request's Host is compared with what its Origin names
 * (`new URL(origin).host !== req.headers.host`): a same-origin check, not a check of the Host.
 */
function comparedWithOrigin(read: TSESTree.Node): boolean {
  let child: TSESTree.Node = read;
  let parent = read.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TemplateLiteral ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child) ||
      (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === child))
  ) {
    child = parent;
    parent = parent.parent;
  }
  if (parent?.type !== AST_NODE_TYPES.BinaryExpression || parent.left.type === AST_NODE_TYPES.PrivateIdentifier)
    return false;
  const other = parent.left === child ? parent.right : parent.left;
  return holdsOrigin(other);
}

/**
 * Whether a Host read decides a refusal: it is compared or handed to a test (not only checked for
 * presence, which every request passes) in the test of an `if` with a branch that turns the request
 * away, also through a name it is kept in, or returned by a predicate whose call does so.
 */
function decidesRefusal(node: TSESTree.Node, depth: number, answer = false): boolean {
  // A predicate's answer is itself the test (`if (!hostAllowed(req))`).
  let tested = answer;
  for (let current: TSESTree.Node = node; current.parent; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (
      (parent.type === AST_NODE_TYPES.BinaryExpression && /^[!=]==?$/u.test(parent.operator)) ||
      (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(current as TSESTree.Expression))
    ) {
      tested = true;
    }
    if (parent.type === AST_NODE_TYPES.IfStatement) {
      if (current !== parent.test || !tested) return false;
      return [parent.consequent, parent.alternate].some(
        (branch) => branch !== null && (turnsAwaySomewhere(branch) || returnsFalse(branch)),
      );
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current) {
      if (depth > 1 || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
      return (variableOf(parent.id)?.references ?? []).some(
        (reference) => !reference.init && decidesRefusal(reference.identifier as TSESTree.Node, depth + 1, tested),
      );
    }
    // `return ALLOWED_HOSTS.has(req.headers.host)` in a predicate: where it is called decides.
    if (parent.type === AST_NODE_TYPES.ReturnStatement || (isFunctionNode(parent) && parent.body === current)) {
      if (!tested || depth > 1) return false;
      const fn = parent.type === AST_NODE_TYPES.ReturnStatement ? enclosingFunction(parent) : parent;
      const found = fn ? callsOf(fn) : null;
      return found !== null && found.calls.some((call) => decidesRefusal(call, depth + 1, true));
    }
    if (
      isFunctionNode(parent) ||
      parent.type === AST_NODE_TYPES.ExpressionStatement ||
      parent.type === AST_NODE_TYPES.TemplateLiteral
    ) {
      return false;
    }
  }
  return false;
}

/** `return false` as a branch's last statement: a predicate's no. */
function returnsFalse(branch: TSESTree.Statement): boolean {
  const last = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body.at(-1) : branch;
  return (
    last?.type === AST_NODE_TYPES.ReturnStatement &&
    last.argument !== null &&
    staticValue(last.argument)?.value === false
  );
}

/** Whether an expression holds the request's Origin: `origin`, `new URL(origin).hostname`, a name made of it. */
function holdsOrigin(node: TSESTree.Node, depth = 0): boolean {
  let found = false;
  walkOwn(node, (inner) => {
    if (found) return;
    if (requestHeaderRead(inner, 'origin') !== null) found = true;
    else if (depth < 2 && inner.type === AST_NODE_TYPES.Identifier && !isPropertyName(inner)) {
      const def = variableOf(inner)?.defs[0];
      if (def?.type === 'Variable' && def.node.init) found = holdsOrigin(def.node.init, depth + 1);
    }
  });
  return found;
}

/** Walks a function's own code: the functions nested in it are visited, not entered. */
function walkOwn(root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  walk(root, visit, (node) => node === root || !isFunctionNode(node));
}

/** A read of the request's Origin header, or a name bound to one (`const origin = req.headers.origin`). */
function isOriginRead(node: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  const resolved = skipTypeWrappers(resolveExpression(expression) ?? expression);
  return requestHeaderRead(resolved, 'origin') !== null;
}

/** Headers whose value is the host the request was sent to. */
const HOST_HEADERS: ReadonlySet<string> = new Set(['host', 'x-forwarded-host']);

/**
 * Whether a value is built from the host the request names: its `Host` (or `X-Forwarded-Host`)
 * header, a framework's `req.hostname`/`ctx.host`, a web request's URL; in the expression, the
 * constant it names, or a function of the project it hands a parameter of `fn` to.
 */
function derivesFromRequestHost(
  node: TSESTree.Node,
  fn: HandlerFunction,
  depth: number,
  seen: Set<TSESTree.Node>,
): boolean {
  if (depth > 4 || seen.has(node)) return false;
  seen.add(node);
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
    else if (inner.type === AST_NODE_TYPES.Identifier && inner !== resolved && !isPropertyName(inner)) {
      const value = resolveExpression(inner);
      found = value !== null && value !== inner && derivesFromRequestHost(value, fn, depth + 1, seen);
    } else if (inner.type === AST_NODE_TYPES.CallExpression && passesRequest(inner)) {
      const helper = resolveFunction(inner.callee);
      found =
        helper !== null &&
        helper !== fn &&
        returnedExpressions(helper).some((returned) => derivesFromRequestHost(returned, helper, depth + 1, seen));
    }
  });
  return found;
}

/** Whether a call hands a request on (`ownOrigin(req)`). */
function passesRequest(call: TSESTree.CallExpression): boolean {
  return call.arguments.some((argument) => isRequestObject(argument));
}

/**
 * `req.headers.host`, `req.get('host')`, `req.hostname`, `ctx.host`, `new URL(request.url)`
 * (`c.req.url`) of a request.
 */
function readsRequestHost(node: TSESTree.Node): boolean {
  if (requestHeaderRead(node, HOST_HEADERS) !== null) return true;
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(node);
    return (name === 'hostname' || name === 'host') && isRequestObject(node.object);
  }
  // A web `Request`'s URL is absolute: `new URL(request.url).origin` is the origin its Host names.
  if (node.type === AST_NODE_TYPES.NewExpression && node.arguments.length === 1 && isUrlConstructor(node.callee)) {
    const [argument] = node.arguments;
    const url = argument && skipTypeWrappers(argument);
    if (url?.type !== AST_NODE_TYPES.MemberExpression || propertyName(url) !== 'url') return false;
    // Hono's `c.req.url` and `c.req.raw.url`.
    let object = skipTypeWrappers(url.object);
    while (object.type === AST_NODE_TYPES.MemberExpression && /^(?:req|raw)$/u.test(propertyName(object) ?? '')) {
      object = skipTypeWrappers(object.object);
    }
    return isRequestObject(object);
  }
  return false;
}

/** Type names of requests and of the contexts that hold one. */
const REQUEST_TYPE = /Request|IncomingMessage|Context/u;
/** The names handlers give a request or its context. */
const REQUEST_NAMES: ReadonlySet<string> = new Set(['req', 'request', 'c', 'ctx', 'context']);

/**
 * Whether a node is a request (or a framework's context) a function is given: a parameter typed
 * as one, or one without a type named as one or whose headers the function reads. Not an
 * options or config parameter (`options.host`, `new URL(config.url)`).
 */
function isRequestObject(node: TSESTree.Node): boolean {
  const object = skipTypeWrappers(node);
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableOf(object);
  const def = variable?.defs[0];
  if (def?.type !== 'Parameter') return false;
  const declared = def.name as TSESTree.Identifier;
  const annotation = declared.typeAnnotation?.typeAnnotation;
  if (annotation) return REQUEST_TYPE.test(codeOf(annotation).getText(annotation));
  if (REQUEST_NAMES.has(object.name)) return true;
  return variable!.references.some((reference) => {
    const parent = (reference.identifier as TSESTree.Node).parent;
    return parent?.type === AST_NODE_TYPES.MemberExpression && propertyName(parent) === 'headers';
  });
}

/**
 * Whether every call of a check function the code shows, all of them, hands it the origin of a
 * `message` event (`this.accepts(event.origin)` in a `window.addEventListener('message', …)`
 * listener): it checks no HTTP request.
 */
export function calledOnlyWithOtherValues(fn: HandlerFunction, param: TSESTree.Identifier): boolean {
  const index = fn.params.indexOf(param);
  const found = index < 0 ? null : callsOf(fn);
  return (
    found !== null &&
    found.complete &&
    found.calls.length > 0 &&
    found.calls.every((call) => {
      const argument = call.arguments[index];
      return argument !== undefined && isMessageEventOrigin(argument);
    })
  );
}

/**
 * `event.origin` of a listener for `message` events (`addEventListener('message', (event) => …)`,
 * `on('message', …)`), or of a parameter declared as a `MessageEvent`.
 */
function isMessageEventOrigin(argument: TSESTree.Node): boolean {
  const value = skipTypeWrappers(argument);
  if (value.type !== AST_NODE_TYPES.MemberExpression || propertyName(value) !== 'origin') return false;
  const object = skipTypeWrappers(value.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const def = variableOf(object)?.defs[0];
  if (def?.type !== 'Parameter' || !isFunctionNode(def.node)) return false;
  // A parameter declared as a DOM `MessageEvent` (`private onMessage(event: MessageEvent)`).
  const annotation = def.name.type === AST_NODE_TYPES.Identifier ? def.name.typeAnnotation?.typeAnnotation : undefined;
  if (
    annotation?.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    annotation.typeName.name === 'MessageEvent' &&
    // The DOM's, not a type of the project's own of that name.
    variableOf(annotation.typeName) === null
  )
    return true;
  const listener = def.node;
  const call = listener.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== listener) return false;
  const method = calledMethodName(call);
  const [event] = call.arguments;
  return (
    (method === 'addEventListener' || method === 'on') && event !== undefined && staticValue(event)?.value === 'message'
  );
}
