import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import {
  calledMethodName,
  containsNode,
  fixedCondition,
  globalPath,
  isEmptyValue,
  isNullishLiteral,
  outermostWrapper,
  parameterName,
  skipTypeWrappers,
  walk,
  wrapperLayers,
} from './ast';
import { ROUTE_SHAPES } from '../frameworks/registry';
import { entitiesOf } from './facts';
import {
  admitsEveryThroughList,
  allowlistEntries,
  endsInReturn,
  iteratedList,
  looseOriginGates,
  mayRefuse,
  wildcardAdmission,
} from './origin-decisions';
import {
  failOpenBranches,
  isPassThrough,
  isPropertyName,
  letsLocalCallersThrough,
  letsMissingThroughByDefault,
  passesWhileUnconfigured,
} from './fail-open';
import { installedBefore } from './installed';
import { environmentReadName } from './origin-source';
import { alwaysExits } from './guards';
import {
  ANY_HEADER,
  destructuredHeaderNames,
  isUrlConstructor,
  requestHeaderRead,
  requestQueryRead,
} from './request-headers';
import {
  callsOf,
  findObjectProperty,
  fromH3,
  isFunctionNode,
  possibleValues,
  holdsThrough,
  resolveExpression,
  resolveFunction,
  resolveObjectExpression,
  returnedExpressions,
  type HandlerFunction,
} from './values';
import { codeOf, nameOf, propertyName, variableOf, staticValue, textOf } from './program';
import { routesRequest } from './routes';

/**
 * Request headers a cross-origin request can carry without a preflight (the CORS-safelisted
 * ones), the ones the browser sets itself, and MCP's own session headers, which anyone can get
 * by opening a session: reading them proves nothing about who sent the request.
 */
const NOT_CREDENTIALS = new Set([
  'accept',
  'accept-language',
  'content-language',
  'content-type',
  'range',
  'origin',
  'host',
  'cookie',
  'referer',
  'user-agent',
  'content-length',
  'mcp-session-id',
  'mcp-protocol-version',
  'last-event-id',
]);

/**
 * Response calls that turn a request away: `res.status(403)`, `reply.code(401)`, `ctx.throw(403)`,
 * `c.json(body, 403)`.
 */
export const REJECTING_METHODS: ReadonlySet<string> = new Set([
  'status',
  'sendStatus',
  'writeHead',
  'code',
  'throw',
  'end',
  'send',
  'json',
  'text',
  'redirect',
]);

/**
 * Checks that Fastify plugins add to the instance or the request, used in a hook:
 * `app.addHook('onRequest', app.csrfProtection)`, `app.auth([...])`, `await request.jwtVerify()`.
 */
const DECORATED_CHECKS = ROUTE_SHAPES.fastify.decoratedChecks ?? new Set<string>();

/** Options under which a JWT middleware takes its token from a cookie, which the browser sends cross-site. */
function readsCookie(call: TSESTree.Node): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments[0]) return false;
  const options = resolveExpression(call.arguments[0]);
  return (
    options?.type === AST_NODE_TYPES.ObjectExpression &&
    options.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        property.key.name === 'cookie',
    )
  );
}

/**
 * Whether a wrapper refuses a request without a token: its options (the third argument, or the one
 * the adapter names) set `required: true`, as every value they can have (`withMcpAuth(handler,
 * verify, { required: true })`), and its verifier does not make up a session for a request that
 * has no token.
 */
function requiresToken(call: TSESTree.Node, optionsArgument = 2, verifiesValue = false): boolean {
  const given = call.type === AST_NODE_TYPES.CallExpression ? call.arguments[optionsArgument] : undefined;
  if (!given || call.type !== AST_NODE_TYPES.CallExpression) return false;
  const options = resolveObjectExpression(given);
  const required = options && findObjectProperty(options, 'required');
  if (!required || required.kind !== 'found' || !required.value) return false;
  const values = possibleValues(required.value);
  if (values.length === 0 || !values.every((value) => value.known && value.value === true)) return false;
  // The verifier: the second argument (`withMcpAuth(handler, verifyToken, …)`), or the
  // `verifyToken` of the options there (xmcp's `withAuth(handler, { verifyToken, required })`).
  const second = call.arguments[1];
  const held = second ? resolveObjectExpression(second) : null;
  const property = held ? findObjectProperty(held, 'verifyToken') : null;
  const verifier =
    property?.kind === 'found'
      ? resolveFunction(property.value ?? property.property.value)
      : second
        ? resolveFunction(second)
        : null;
  if (!verifier) return true;
  // A page that may send the header (through a permissive policy, or after DNS rebinding) sends a made-up token.
  return !answersSessionWithoutToken(verifier) && (!verifiesValue || judgesToken(verifier));
}

/**
 * Whether a verifier `(req, token) => …` answers a session, an object, on a branch taken when it
 * is given no token: `if (!bearerToken) return { token: '', clientId: 'anonymous', scopes: [] }`
 * (also `token === undefined`, inside a `try`, an object held in a constant, or `token ? … : {…}`).
 * The wrapper then hands on every request without a token as one with a session.
 */
function answersSessionWithoutToken(verifier: HandlerFunction): boolean {
  const token = verifier.params[1];
  if (token?.type !== AST_NODE_TYPES.Identifier) return false;
  const isObject = (answer: TSESTree.Node | null | undefined): boolean => {
    if (!answer) return false;
    const expression = skipTypeWrappers(answer);
    const value = skipTypeWrappers(resolveExpression(expression) ?? expression);
    return value.type === AST_NODE_TYPES.ObjectExpression;
  };
  if (verifier.body.type !== AST_NODE_TYPES.BlockStatement) {
    // `(req, token) => token ? verify(token) : GUEST`
    const body = skipTypeWrappers(verifier.body);
    return (
      body.type === AST_NODE_TYPES.ConditionalExpression &&
      ((testsMissing(body.test, token.name) && isObject(body.consequent)) ||
        (testsPresent(body.test, token.name) && isObject(body.alternate)))
    );
  }
  const statements = (block: TSESTree.BlockStatement): TSESTree.Statement[] =>
    block.body.flatMap((statement) =>
      statement.type === AST_NODE_TYPES.TryStatement ? statements(statement.block) : [statement],
    );
  return statements(verifier.body).some((statement) => {
    if (statement.type !== AST_NODE_TYPES.IfStatement || !testsMissing(statement.test, token.name)) return false;
    const taken = statement.consequent;
    const returned =
      taken.type === AST_NODE_TYPES.ReturnStatement
        ? taken
        : taken.type === AST_NODE_TYPES.BlockStatement
          ? taken.body.find((inner): inner is TSESTree.ReturnStatement => inner.type === AST_NODE_TYPES.ReturnStatement)
          : undefined;
    return isObject(returned?.argument);
  });
}

/** `!token`, `token === undefined`, `token == null`, `token === ''`. */
function testsMissing(test: TSESTree.Node, name: string): boolean {
  const expression = skipTypeWrappers(test);
  if (expression.type === AST_NODE_TYPES.UnaryExpression) {
    const argument = skipTypeWrappers(expression.argument);
    return expression.operator === '!' && argument.type === AST_NODE_TYPES.Identifier && argument.name === name;
  }
  return comparedWithEmpty(expression, name, ['===', '==']);
}

/**
 * `token !== undefined` (`!==`, `!=`) or `token === ''` (`===`, `==`): `name` compared, by
 * `operators`, with no value.
 */
function comparedWithEmpty(expression: TSESTree.Node, name: string, operators: readonly string[]): boolean {
  const isToken = (node: TSESTree.Node): boolean => {
    const inner = skipTypeWrappers(node);
    return inner.type === AST_NODE_TYPES.Identifier && inner.name === name;
  };
  if (expression.type !== AST_NODE_TYPES.BinaryExpression || !operators.includes(expression.operator)) return false;
  const empty = (node: TSESTree.Node): boolean => isEmptyValue(skipTypeWrappers(node));
  return (
    expression.left.type !== AST_NODE_TYPES.PrivateIdentifier &&
    ((isToken(expression.left) && empty(expression.right)) || (isToken(expression.right) && empty(expression.left)))
  );
}

/** `token`, `token !== undefined`, `!!token`. */
function testsPresent(test: TSESTree.Node, name: string): boolean {
  const expression = skipTypeWrappers(test);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name === name;
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!')
    return testsMissing(expression.argument, name);
  return comparedWithEmpty(expression, name, ['!==', '!=']);
}

/**
 * Whether a verifier `(req, token) => …` judges the token it is given: hands it to a call
 * (`jwtVerify(token, key)`, `tokens.has(token)`) or compares it with a value. One that only tests
 * that it is there (`if (!token) return undefined; return { token, … }`) takes any made-up token.
 */
function judgesToken(verifier: HandlerFunction): boolean {
  const token = verifier.params[1];
  if (token?.type !== AST_NODE_TYPES.Identifier) return true;
  const variable = variableOf(token);
  if (!variable) return true;
  return variable.references.some((reference) => {
    const read = outermostWrapper(reference.identifier as TSESTree.Node);
    const parent = read.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression)
      return parent.arguments.includes(read as TSESTree.CallExpressionArgument);
    if (parent?.type === AST_NODE_TYPES.BinaryExpression && ['===', '!==', '==', '!='].includes(parent.operator)) {
      return !isEmptyValue(parent.left === read ? parent.right : parent.left);
    }
    return false;
  });
}

/**
 * passport strategies that read a token the browser does not send by itself: `bearer`, `jwt`,
 * `oauth-bearer` and API-key header strategies. Not `local`, `session`, `basic` or
 * `cookie`-based ones, which ride on what the browser sends.
 */
const TOKEN_STRATEGY = /bearer|jwt|api-?key|header/iu;

/** `passport.authenticate('bearer', …)`, `passport.authenticate(['jwt', 'bearer'])`. */
function checksTokenStrategy(call: TSESTree.Node): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments[0]) return false;
  const strategies = possibleValues(call.arguments[0]).flatMap((candidate) =>
    candidate.known ? (Array.isArray(candidate.value) ? candidate.value : [candidate.value]) : [undefined],
  );
  return strategies.length > 0 && strategies.every((name) => typeof name === 'string' && TOKEN_STRATEGY.test(name));
}

/** Which middleware the adapters know counts as a check: auth and CSRF middleware, or Host and Origin validation. */
export type KnownChecks = 'auth' | 'host-validation';

/**
 * `cors({ origin: (origin, callback) => … callback(new Error('…')) })` of the `cors` package: an
 * error its origin function hands back goes to `next(err)`, so a request from an origin it refuses
 * goes no further (cors 2.8.5 lib/index.js, `originCallback`). `callback(null, false)` only leaves
 * the headers out, and lets the request on. With `wholeOrigins`, not a function that lets a
 * look-alike origin in (`origin.startsWith('http://localhost')`: `looseOriginGates`).
 */
function refusesOtherOrigins(node: TSESTree.Node, wholeOrigins: boolean): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  return entitiesOf(node, 'cors').some((entity) => {
    if (entity.kind !== 'cors' || entity.middleware.module !== 'cors') return false;
    const [first] = node.arguments;
    const given = first && first.type !== AST_NODE_TYPES.SpreadElement ? first : null;
    const options = given ? resolveObjectExpression(given) : null;
    const origin = options ? findObjectProperty(options, 'origin') : null;
    // `cors((req, callback) => …)`: an options delegate, whose error goes to `next(err)` as well
    // (cors 2.8.5 lib/index.js, `optionsCallback`).
    const delegate = !options && given ? resolveFunction(given) : null;
    const fn = origin?.kind === 'found' && origin.value ? resolveFunction(origin.value) : delegate;
    const callback = fn?.params[delegate ? 1 : (entity.middleware.originFunction.callback ?? 1)];
    if (!fn || callback?.type !== AST_NODE_TYPES.Identifier) return false;
    if (wholeOrigins && looseOriginGates(codeOf(fn)).has(fn)) return false;
    // `if (allowed.includes('*') || …) callback(null, true)` with a `'*'` listed refuses nothing.
    const { origin: originIndex, callback: callbackIndex } = entity.middleware.originFunction;
    if (!delegate && admitsEveryThroughList(fn, originIndex, callbackIndex ?? 1)) return false;
    // A delegate reads the Origin from the request itself; one that names `'*'` anywhere may let
    // every origin in through a list, which the analysis does not read there.
    if (delegate && /['"`]\*['"`]/u.test(textOf(fn))) return false;
    let refuses = false;
    walk(fn.body, (inner) => {
      if (refuses || inner.type !== AST_NODE_TYPES.CallExpression) return;
      const callee = skipTypeWrappers(inner.callee);
      const [error] = inner.arguments;
      const made = error && skipTypeWrappers(error);
      refuses =
        callee.type === AST_NODE_TYPES.Identifier &&
        callee.name === callback.name &&
        made?.type === AST_NODE_TYPES.NewExpression &&
        made.callee.type === AST_NODE_TYPES.Identifier &&
        /Error$/u.test(made.callee.name) &&
        // A delegate's error must follow from the Origin, not from the path or anything else.
        (!delegate || decidedByOrigin(inner, fn));
    });
    return refuses;
  });
}

/**
 * Whether the tests that lead to `node` in `fn` read the request's Origin: an `if` or `?:` around
 * it, or an `if (…) return …` before it in a block around it
 * (`if (ALLOWED.includes(origin)) return callback(null, …); callback(new Error(…))`).
 */
function decidedByOrigin(node: TSESTree.Node, fn: HandlerFunction): boolean {
  const readsOrigin = (test: TSESTree.Node): boolean => {
    let found = false;
    walk(test, (inner) => {
      if (found) return;
      if (requestHeaderRead(inner, 'origin') !== null) found = true;
      else if (inner.type === AST_NODE_TYPES.Identifier) {
        const init = resolveExpression(inner);
        found = init !== null && init !== inner && requestHeaderRead(skipTypeWrappers(init), 'origin') !== null;
      }
    });
    return found;
  };
  for (
    let child: TSESTree.Node = node, parent = node.parent;
    parent && child !== fn;
    child = parent, parent = parent.parent
  ) {
    if (
      (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) &&
      child !== parent.test &&
      readsOrigin(parent.test)
    )
      return true;
    if (parent.type === AST_NODE_TYPES.BlockStatement) {
      for (const statement of parent.body) {
        if (statement === child) break;
        if (statement.type === AST_NODE_TYPES.IfStatement && readsOrigin(statement.test)) return true;
      }
    }
  }
  return false;
}

/**
 * What a middleware an adapter knows is, as a check: a call that makes one, a JWT middleware
 * (no check when told to read a cookie), or a name destructured from a factory that holds one
 * (`const { doubleCsrfProtection } = doubleCsrf(…)`). `null` when it is none.
 */
function knownCheck(finder: CheckFinder, node: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  // An Origin check for an Origin-only finder, and for one that takes a Host or an Origin check.
  const takesOrigin = finder.originOnly || (finder.known === 'host-validation' && !finder.hostOnly);
  if (takesOrigin && refusesOtherOrigins(expression, finder.wholeOrigins === true)) return true;
  for (const entity of entitiesOf(expression, finder.known)) {
    if (entity.kind === 'host-validation' && finder.known === 'host-validation') {
      if (finder.originOnly ? entity.header === 'origin' : !finder.hostOnly || entity.header === 'host') return true;
      continue;
    }
    if (entity.kind !== 'auth' || finder.known !== 'auth') continue;
    if (entity.auth === 'middleware') return !acceptsEveryToken(expression);
    if (entity.auth === 'plugin') return true;
    if (entity.auth === 'csrf')
      return (
        finder.csrfTokens !== false &&
        !(entity.since && installedBefore(expression, entity.since)) &&
        !(entity.openedBy && answersYesTo(expression, entity.openedBy))
      );
    if (entity.auth === 'jwt') return !readsCookie(expression);
    if (entity.auth === 'strategy') return checksTokenStrategy(expression);
    if (entity.auth === 'wrapper')
      return requiresToken(expression, entity.optionsArgument, finder.verifiesValue === true);
  }
  if (finder.known === 'auth' && instanceBearerMiddleware(expression)) return !acceptsEveryToken(expression);
  if (expression.type === AST_NODE_TYPES.Identifier && finder.known === 'auth') {
    const def = variableOf(expression)?.defs[0];
    const init = def?.type === 'Variable' ? def.node.init : null;
    if (def?.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.ObjectPattern && init) {
      return (
        finder.csrfTokens !== false &&
        entitiesOf(init, 'auth').some((entity) => entity.kind === 'auth' && entity.auth === 'factory')
      );
    }
  }
  return false;
}

/**
 * Whether a call makes bearer middleware from an auth library's instance: `mcpAuth.bearerAuth('jwt')`
 * on a `const mcpAuth = new MCPAuth(config)`.
 */
function instanceBearerMiddleware(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTypeWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(callee);
  const made = resolveExpression(skipTypeWrappers(callee.object));
  if (method === null || !made) return false;
  return entitiesOf(made, 'auth-instance').some((entity) => entity.bearerMiddleware?.includes(method) === true);
}

/**
 * Whether auth middleware is given a verifier that says yes to every token: `bearerAuth({
 * verifyToken: async () => true })`, a placeholder that any `Authorization: Bearer x` passes.
 */
function acceptsEveryToken(middleware: TSESTree.Node): boolean {
  return answersYesTo(middleware, /^verify/u);
}

/** Whether a middleware's options give an option `names` picks a function that only answers `true`. */
function answersYesTo(middleware: TSESTree.Node, names: RegExp): boolean {
  if (middleware.type !== AST_NODE_TYPES.CallExpression) return false;
  const [options] = middleware.arguments;
  const object = options && options.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectExpression(options) : null;
  if (!object) return false;
  return object.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property || !names.test(propertyName(property) ?? '')) return false;
    const verifier = resolveFunction(property.value);
    const answers = verifier ? returnedExpressions(verifier) : [];
    return (
      verifier !== null &&
      answers.length > 0 &&
      answers.every((answer) => staticValue(answer)?.value === true) &&
      !decidesAnything(verifier)
    );
  });
}

/**
 * Whether a function lets a request on as soon as it carries a checked header, whatever its value:
 * a branch whose test only says the header (or a part taken out of it) is there, and that hands
 * the request on (`if (bearer) { next(); return; }`, with `const bearer = /^Bearer (.+)$/.exec(auth)?.[1]`).
 * A test that compares the value or hands it to a call that verifies or looks it up is no such
 * test.
 */
function passesOnPresence(finder: CheckFinder, fn: HandlerFunction): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  return fn.body.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.IfStatement &&
      !statement.alternate &&
      letsThrough(statement.consequent) &&
      presenceOfHeader(finder, statement.test, fn, 0),
  );
}

/** Whether a test is true when a checked header is there, and decides nothing about its value. */
function presenceOfHeader(finder: CheckFinder, test: TSESTree.Node, fn: HandlerFunction, depth: number): boolean {
  if (depth > 3) return false;
  const expression = skipTypeWrappers(test);
  let reads = false;
  let decides = false;
  walk(expression, (node) => {
    if (decides) return;
    const header = requestHeaderRead(node);
    if (header !== null) {
      if (finder.checksHeader(header)) reads = true;
      return;
    }
    if (node.type === AST_NODE_TYPES.BinaryExpression || node.type === AST_NODE_TYPES.UnaryExpression) decides = true;
    else if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '&&') decides = true;
    else if (
      node.type === AST_NODE_TYPES.CallExpression &&
      VERIFYING_CALL.test(nameOf(skipTypeWrappers(node.callee)) ?? '')
    )
      decides = true;
    else if (node.type === AST_NODE_TYPES.AwaitExpression) decides = true;
    else if (node.type === AST_NODE_TYPES.Identifier) {
      // A `const` of the function that holds what the header gave.
      const init = constInit(node);
      if (init && containsNode(fn, init) && presenceOfHeader(finder, init, fn, depth + 1)) reads = true;
    }
  });
  return reads && !decides;
}

/**
 * Whether a header read only fills in a name the code gave another value first (`let id =
 * req.params.id; if (!id) id = req.headers['x-connection-id'];`): a request without the header
 * still has that value, so refusing the name's absence refuses no request for lacking the header.
 */
function fallbackForOtherValue(read: TSESTree.Node): boolean {
  const assignment = outermostWrapper(read).parent;
  if (
    assignment?.type !== AST_NODE_TYPES.AssignmentExpression ||
    assignment.operator !== '=' ||
    assignment.right !== outermostWrapper(read) ||
    assignment.left.type !== AST_NODE_TYPES.Identifier
  )
    return false;
  const variable = variableOf(assignment.left);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'Variable' || def.parent.kind !== 'let') return false;
  const given = def.node.init ? skipTypeWrappers(def.node.init) : null;
  return given !== null && !isNullishLiteral(given) && !containsNode(given, read);
}

/**
 * Whether a header read is one side of an `||` or `??` whose other side reads the request's cookies
 * (`req.cookies?.auth_token || req.headers.authorization?.replace('Bearer ', '')`): a request
 * without the header passes with the cookie, which the browser adds to a cross-site request by
 * itself, so refusing the value's absence refuses no forged request. Not where the check's
 * credential is the cookie itself.
 */
function cookieAlternative(finder: CheckFinder, read: TSESTree.Node): boolean {
  if (finder.checksHeader('cookie')) return false;
  let current = outermostWrapper(read);
  // Up through what is done to the value: `authorization?.replace('Bearer ', '')`, `.trim()`.
  for (let parent = current.parent; parent; parent = current.parent) {
    if (
      (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current) ||
      (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === current) ||
      parent.type === AST_NODE_TYPES.ChainExpression ||
      skipTypeWrappers(parent) !== parent
    ) {
      current = parent;
      continue;
    }
    if (parent.type !== AST_NODE_TYPES.LogicalExpression || parent.operator === '&&') return false;
    const other = parent.left === current ? parent.right : parent.left;
    if (readsCookiesIn(other)) return true;
    current = parent;
  }
  return false;
}

/** Calls that read or test a value and cannot turn a request away: `req.get('origin')`, `origin.startsWith(…)`. */
const READING_METHODS =
  /^(?:get|has|startsWith|endsWith|includes|indexOf|test|match|toLowerCase|toUpperCase|trim|slice|split|replace)$/u;

/**
 * Whether a helper whose answer gates a refusal can only answer yes: it ends in a `return`, every
 * `return` gives `true`, and it throws nothing, awaits nothing and calls nothing but logs and reads (`function
 * originAllowed(req) { … console.warn('foreign origin', origin); return true; }`). It refuses no
 * request, whatever it reads.
 */
function onlyAnswersYes(helper: HandlerFunction): boolean {
  // One that can fall off its end answers `undefined` there, which refuses.
  if (!endsInReturn(helper)) return false;
  // Of the call being read, only what its arguments let run (`if (requireAuth) { … return false; }`).
  const answers = returnedExpressions(helper).filter((answer) => !notTakenForCall(answer, helper));
  if (answers.length === 0 || !answers.every((answer) => staticValue(answer)?.value === true)) return false;
  let decides = false;
  walk(helper.body, (node) => {
    if (decides || notTakenForCall(node, helper)) return;
    if (node.type === AST_NODE_TYPES.ThrowStatement || node.type === AST_NODE_TYPES.AwaitExpression) decides = true;
    else if (node.type === AST_NODE_TYPES.CallExpression) {
      const logs = globalPath(node.callee)?.[0] === 'console';
      if (!logs && !READING_METHODS.test(calledMethodName(node) ?? '')) decides = true;
    }
  });
  return !decides;
}

/**
 * Whether a verifier may turn a token away before it answers `true`: it reads its parameters,
 * throws, awaits or calls anything (`await jwtVerify(token, key)`, `if (…) throw new HTTPException(401)`).
 */
function decidesAnything(verifier: HandlerFunction): boolean {
  const params = new Set(
    verifier.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])),
  );
  if (verifier.params.some((param) => param.type !== AST_NODE_TYPES.Identifier)) return true;
  // A log line (`console.warn('TODO: verify')`, `logger.info(…)`) decides nothing.
  const logs = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.CallExpression &&
    (globalPath(node.callee)?.[0] === 'console' ||
      /^(?:log|debug|info|warn|trace)$/u.test(calledMethodName(node) ?? ''));
  let decides = false;
  walk(
    verifier.body,
    (node) => {
      decides ||=
        !logs(node) &&
        (node.type === AST_NODE_TYPES.ThrowStatement ||
          node.type === AST_NODE_TYPES.AwaitExpression ||
          node.type === AST_NODE_TYPES.CallExpression ||
          (node.type === AST_NODE_TYPES.Identifier && params.has(node.name)));
    },
    (node) => !logs(node),
  );
  return decides;
}

/** Whether a Fastify plugin passed to `register` guards the routes of its scope. */
export function isGuardPlugin(finder: CheckFinder, plugin: TSESTree.Node): boolean {
  return (
    finder.known === 'auth' &&
    entitiesOf(plugin, 'auth').some((entity) => entity.kind === 'auth' && entity.auth === 'plugin')
  );
}

/**
 * How a file's request checks are recognised: the middleware known to check, the function
 * names the user names, and which request headers a check must read (credentials for CSRF,
 * `host` and `origin` for DNS rebinding).
 */
export interface CheckFinder {
  /** Which middleware the adapters know counts as a check. */
  readonly known: KnownChecks;
  readonly checkFunctions: ReadonlySet<string>;
  readonly checksHeader: (header: string) => boolean;
  /** Apps that check every request themselves (an SDK app that validates `Host`), in any module. */
  readonly guardedApps?: { has(app: TSESTree.Node): boolean };
  /** With `known: 'host-validation'`, count only the middleware that validates `Origin`. */
  readonly originOnly?: boolean;
  /** With `known: 'host-validation'`, count only the middleware that validates `Host`. */
  readonly hostOnly?: boolean;
  /**
   * Whether a check must also turn away a request that lacks the header (a credential, which an
   * attacker simply leaves out), rather than only one that carries a wrong value (an `Origin`,
   * which a browser always sends cross-origin).
   */
  readonly rejectsWhenMissing: boolean;
  /**
   * Whether only a check that runs out of the box counts: not one the code makes only when a
   * setting turns it on (`if (config.auth) …`), nor one that lets everything through while its
   * token is unset.
   */
  readonly enforcedByDefault?: boolean;
  /**
   * Keys (`conditionKey`) of settings known to hold where the check runs, because it is installed
   * only under them: a branch of the check that runs only while one is off never runs.
   */
  readonly settled?: ReadonlySet<string>;
  /**
   * Whether the check must compare the value with something the sender cannot know, not only
   * see that it is there: a page the policy lets send any header, or a rebinding page, can send
   * `Authorization: x`. For an Origin check (`rejectsWhenMissing: false`): it must refuse an
   * Origin it does not know, not only a missing one.
   */
  readonly verifiesValue?: boolean;
  /**
   * Whether only an Origin check by exact value counts (`ALLOWED.includes(origin)`): not one that
   * matches a pattern or a part of it (`origin.startsWith(…)`, a regex), which a look-alike
   * origin passes, nor one that depends on the method, which a page picks.
   */
  readonly exactOrigin?: boolean;
  /**
   * Whether an Origin check must turn away look-alike origins: a read of `Origin` in a function
   * whose Origin gate lets one in (`hostname.startsWith('10.')`, a check that says yes to every
   * origin: `looseOriginGates`, what `no-unsafe-origin-match` and `no-reflected-origin` report)
   * does not count. An exact comparison or an allowlist lookup counts, whatever it holds.
   */
  readonly wholeOrigins?: boolean;
  /**
   * Whether CSRF-token middleware counts (`csurf`, `lusca.csrf()`): it does against forged
   * requests, not where the page may read the token (a permissive policy, a rebinding page).
   */
  readonly csrfTokens?: boolean;
  /**
   * Where a check must run for it to count, for middleware that runs before every route and
   * branches on the request (Nitro's `server/middleware`): whether the branches around a node are
   * taken for the route in question.
   */
  readonly runsFor?: (node: TSESTree.Node, fn: HandlerFunction) => boolean;
}

/** Whether a middleware or handler, as written where it is registered, checks a credential. */
export function checksCredential(finder: CheckFinder, node: TSESTree.Node, route?: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  const resolved = skipTypeWrappers(resolveExpression(expression) ?? expression);
  if (knownCheck(finder, expression) || (resolved !== expression && knownCheck(finder, resolved))) return true;
  if (isNamedCheck(finder, expression)) return true;
  // `app.csrfProtection`, `app.auth([...])` in a Fastify hook.
  const member = resolved.type === AST_NODE_TYPES.CallExpression ? skipTypeWrappers(resolved.callee) : resolved;
  if (
    finder.checksHeader('authorization') &&
    member.type === AST_NODE_TYPES.MemberExpression &&
    !member.computed &&
    member.property.type === AST_NODE_TYPES.Identifier &&
    DECORATED_CHECKS.has(member.property.name) &&
    (finder.csrfTokens !== false || member.property.name !== 'csrfProtection')
  ) {
    return true;
  }
  // A list of middleware, inline or in a constant: `[express.json(), requireToken]`.
  if (resolved.type === AST_NODE_TYPES.ArrayExpression) {
    return resolved.elements.some((element) => element !== null && checksCredential(finder, element));
  }
  if (resolved.type === AST_NODE_TYPES.CallExpression) {
    // `createMiddleware(async (c, next) => …)`: the function it is given is the middleware.
    const [wrapper] = entitiesOf(resolved, 'middleware-wrapper');
    const given = wrapper && resolved.arguments[wrapper.argument];
    if (given) return given.type !== AST_NODE_TYPES.SpreadElement && checksCredential(finder, given, route);
    // Middleware made by a function of the file: `requireToken(TOKEN)`, read with the arguments it
    // is given (`bearerAuth({ allowAnonymous: true })` lets a request without a token through).
    const factory = resolveFunction(resolved.callee);
    if (factory) {
      return withArguments(
        resolved,
        factory,
        () =>
          !(finder.enforcedByDefault && returnsPassThrough(factory)) &&
          (functionChecksCredential(finder, factory, 1) || returnsOnlyChecks(finder, factory)),
      );
    }
  }
  const fn = resolveFunction(expression);
  // The function a factory of the project returns, for the arguments it is called with.
  const factory = expression.type === AST_NODE_TYPES.CallExpression ? resolveFunction(expression.callee) : null;
  if (fn !== null && factory !== null && expression.type === AST_NODE_TYPES.CallExpression)
    return withArguments(
      expression,
      factory,
      () =>
        !(finder.enforcedByDefault && returnsPassThrough(factory)) && functionChecksCredential(finder, fn, 0, route),
    );
  if (fn !== null) return functionChecksCredential(finder, fn, 0, route);
  return assignedChecks(finder, expression, route);
}

/**
 * Whether every value a factory of the project returns, but `null` and `undefined`, is a check
 * (`return settings.auth ? requireBearerAuth({ verifier }) : null`): a handler that is `null` is
 * never mounted (express throws at the `use()`), nor answers (Hono fails the request), so what
 * runs is the check. Where a check the owner switches on counts (`enforcedByDefault` unset), a
 * pass-through returned while it is off (`(_req, _res, next) => next()`) is that switch too, as
 * `if (!TOKEN) return next()` is inside a check.
 */
function returnsOnlyChecks(finder: CheckFinder, factory: HandlerFunction): boolean {
  if (readingFactories.has(factory)) return false;
  const all = returnedExpressions(factory);
  const returned = all.filter(
    (value) => !isNullishLiteral(skipTypeWrappers(value)) && (finder.enforcedByDefault || !isPassThrough(value)),
  );
  if (returned.length === 0 || returned.length === all.length) return false;
  readingFactories.add(factory);
  try {
    return returned.every((value) => checksCredential(finder, value));
  } finally {
    readingFactories.delete(factory);
  }
}

/**
 * Whether a factory of the project hands back, for the call being read, middleware that lets every
 * request on: `if (!apiKey) return (_req, _res, next) => next();` before the check it returns once
 * the key is set. While the key is unset, which is how the server runs out of the box, nothing is
 * checked: no check for a finder that wants one enforced by default. A branch the call's arguments
 * rule out (`makeAuth({ optional: false })`) does not count.
 */
function returnsPassThrough(factory: HandlerFunction): boolean {
  return returnedExpressions(factory).some((value) => !notTakenForCall(value, factory) && isPassThrough(value));
}

/** The factories `returnsOnlyChecks` is reading the returns of: one that returns its own call is no check. */
const readingFactories = new Set<HandlerFunction>();

/**
 * Context that the reading of nested code runs under: `value` is what `during(value, read)` set
 * while `read` runs, and what it was before once it returns or throws.
 */
interface Scoped<T> {
  readonly value: T;
  during<R>(value: T, read: () => R): R;
}

function scoped<T>(initial: T): Scoped<T> {
  let current = initial;
  return {
    get value() {
      return current;
    },
    during(value, read) {
      const before = current;
      current = value;
      try {
        return read();
      } finally {
        current = before;
      }
    },
  };
}

/**
 * Whether a function of the project refuses a request without a credential at each of its calls:
 * `if (requireAuth) { … }` runs for none of the calls that pass `requireAuth` false. A function
 * whose calls the module does not all show is read as written.
 */
export function checksCredentialAtEveryCall(finder: CheckFinder, fn: HandlerFunction, route?: TSESTree.Node): boolean {
  const found = callsOf(fn);
  const calls = found?.complete ? found.calls.filter((call) => call.type === AST_NODE_TYPES.CallExpression) : [];
  if (calls.length === 0) return functionChecksCredential(finder, fn, 0, route);
  return calls.every((call) => withArguments(call, fn, () => functionChecksCredential(finder, fn, 0, route)));
}

/** Runs `read` with the parameters of `factory` bound to what `call` gives it (`argumentsOf`). */
function withArguments<T>(call: TSESTree.CallExpression, factory: HandlerFunction, read: () => T): T {
  return withBound(argumentsOf(call, factory), read);
}

/** Runs `read` with `bound` as what the parameters of the function being read hold. */
function withBound<T>(bound: ReadonlyMap<Scope.Variable, unknown>, read: () => T): T {
  return boundArguments.during(bound, read);
}

/**
 * `let auth = null; if (useOAuth) auth = requireBearerAuth(…);` then `app.post('/mcp', auth, …)`:
 * what the variable is given, where it is a middleware. `null` and `undefined` are no middleware
 * a framework would run (express and Koa refuse them when the route is registered), so the
 * route exists only with one of the others.
 */
function assignedChecks(finder: CheckFinder, expression: TSESTree.Node, route: TSESTree.Node | undefined): boolean {
  // `mw`, or a property of what a factory returns (`auth.middleware` of `{ middleware: null }` or
  // `{ middleware: requireBearerAuth(…) }`).
  if (
    expression.type !== AST_NODE_TYPES.Identifier &&
    !(expression.type === AST_NODE_TYPES.MemberExpression && !expression.computed)
  )
    return false;
  const candidates = possibleValues(expression).filter((candidate) => !(candidate.known && candidate.value == null));
  return (
    candidates.length > 0 &&
    candidates.every(
      (candidate) =>
        !candidate.known && candidate.node !== expression && checksCredential(finder, candidate.node, route),
    )
  );
}

/**
 * Whether a check at `node` stands on the way to `route` (a branch of the same handler): no
 * branch holds the check unless it also holds the route. A check in the `GET /admin` branch does
 * not guard `POST /mcp`.
 */
function onTheWayTo(node: TSESTree.Node, route: TSESTree.Node | undefined, fn: HandlerFunction): boolean {
  if (!route) return true;
  // Inside the route's own branch, a check counts wherever it stands, as in a handler of its own
  // (`if (!session) { await authenticate(req); … }` before the session is made).
  if (route.type === AST_NODE_TYPES.IfStatement && containsNode(route.consequent, node)) return true;
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    const branch =
      ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) &&
        child !== parent.test) ||
      parent.type === AST_NODE_TYPES.SwitchCase;
    // A branch on a setting rather than on the request (`if (authToken) { …check… }`) runs for
    // every request while the setting holds: its check is on the way, as the owner's choice.
    if (branch && parent !== route && !containsNode(child, route) && !onSetting(parent, child, fn)) return false;
    // The route's own `else`: for the requests it does not take.
    if (parent === route && parent.type === AST_NODE_TYPES.IfStatement && child === parent.alternate) return false;
  }
  return true;
}

/**
 * Whether a node of `fn` lies in a branch that does not hold the route and always exits (`if
 * (req.method === 'OPTIONS') { …; return; }`): the branch of another route, which the route's
 * requests never take. A branch that goes on (`if (req.url !== '/health') { check }`) may be taken
 * on the way to the route.
 */
function inOtherRoutesBranch(node: TSESTree.Node, route: TSESTree.Node, fn: HandlerFunction): boolean {
  if (!containsNode(fn, node)) return false;
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (containsNode(parent, route)) return false;
    const exits =
      parent.type === AST_NODE_TYPES.IfStatement
        ? child !== parent.test && alwaysExits(child as TSESTree.Statement)
        : parent.type === AST_NODE_TYPES.SwitchCase &&
          child !== parent.test &&
          parent.consequent.some((statement) => alwaysExits(statement));
    if (exits) return true;
  }
  return false;
}

/**
 * Whether `child` is the consequent of an `if` on a setting: a test that reads only names declared
 * outside the handler (`authToken`, `config.auth.enabled`), nothing of the request it is handed.
 */
function onSetting(parent: TSESTree.Node, child: TSESTree.Node, fn: HandlerFunction): boolean {
  if (parent.type !== AST_NODE_TYPES.IfStatement || child !== parent.consequent) return false;
  let setting = true;
  walk(parent.test, (node) => {
    if (!setting || node.type !== AST_NODE_TYPES.Identifier || isPropertyName(node)) return;
    // A global (`process.env.MCP_TOKEN`) is a setting too; a name of the handler is not.
    const declared = variableOf(node)?.defs[0]?.name;
    if (declared && containsNode(fn, declared)) setting = false;
  });
  return setting;
}

/** A function the user named in `checkFunctions`, referred to or called: `requireAuth`, `requireAuth()`. */
function isNamedCheck(finder: CheckFinder, node: TSESTree.Node): boolean {
  if (finder.checkFunctions.size === 0) return false;
  const target = node.type === AST_NODE_TYPES.CallExpression ? skipTypeWrappers(node.callee) : node;
  const name =
    target.type === AST_NODE_TYPES.Identifier
      ? target.name
      : target.type === AST_NODE_TYPES.MemberExpression &&
          !target.computed &&
          target.property.type === AST_NODE_TYPES.Identifier
        ? target.property.name
        : null;
  return name !== null && finder.checkFunctions.has(name);
}

/**
 * Whether a function turns a request away unless it carries a credential: it reads a
 * request header that a cross-origin page cannot set, and a branch that depends on it rejects
 * (returns, throws, or answers with an error status); or it calls a function of the file, or one
 * named in `checkFunctions`, that does.
 */
export function functionChecksCredential(
  finder: CheckFinder,
  fn: HandlerFunction,
  depth: number,
  route?: TSESTree.Node,
  onlyBefore = false,
): boolean {
  // A Host or Origin check that lets everything through until it is configured protects nothing
  // by default: not a check (a credential check that is skipped until a token is set still is).
  if (!finder.rejectsWhenMissing && (failOpenBranches(fn).length > 0 || callsFailOpenCheck(fn))) return false;
  if (finder.enforcedByDefault && passesWhileUnconfigured(fn, finder.settled)) return false;
  // A credential the machine's own callers skip: every page in the user's browser is one.
  if (finder.rejectsWhenMissing && letsLocalCallersThrough(fn)) return false;
  // `if (!token) { if (FALLBACK) return next(); … }`, the fallback on out of the box.
  if (finder.rejectsWhenMissing && letsMissingThroughByDefault(fn)) return false;
  // `if (bearer) return next();` before the real comparison: any made-up value gets through.
  if (finder.verifiesValue && passesOnPresence(finder, fn)) return false;
  if (finder.exactOrigin && matchesLoosely(fn)) return false;
  let checked = false;
  walk(fn.body, (node) => {
    if (checked || !onTheWayTo(node, route, fn) || (finder.runsFor && !finder.runsFor(node, fn))) return;
    // With `onlyBefore`, not what runs after the route's branch (the request is answered by then).
    if (onlyBefore && route && node.range[0] >= route.range[1]) return;
    if (finder.enforcedByDefault && underSetting(node, fn)) return;
    // `if (requireAuth) { … verify(token) … }` in a helper called with `requireAuth` false.
    if (notTakenForCall(node, fn)) return;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      // A known guard called in place: `if (!localhostHostValidation()(req, res)) return;`
      const callee = skipTypeWrappers(node.callee);
      if (knownCheck(finder, callee) || knownCheck(finder, resolveExpression(callee) ?? callee)) {
        checked = true;
        return;
      }
      // `await request.jwtVerify()` throws unless the request carries a valid token.
      if (
        isNamedCheck(finder, node) ||
        (finder.checksHeader('authorization') && calledMethodName(node) === 'jwtVerify')
      ) {
        checked = true;
        return;
      }
      // A helper of the file: `if (!isAuthorized(req)) return res.sendStatus(401)`, or `guard(req, res, next)`.
      if (depth < 2 && node.arguments.length > 0) {
        const callee = resolveFunction(node.callee);
        // `const url = urlOf(req)`, read for its path: see `parsedUrlReadForPath`.
        const declared = outermostWrapper(node).parent;
        const parsesOnly =
          callee !== null &&
          declared?.type === AST_NODE_TYPES.VariableDeclarator &&
          declared.id.type === AST_NODE_TYPES.Identifier &&
          parsedUrlReadForPath(finder, callee, declared.id);
        if (callee && callee !== fn && !parsesOnly) {
          const decides = rejectingIfAround(node, new Map()) !== null;
          const opensByDefault =
            (!finder.rejectsWhenMissing && failOpenBranches(callee).length > 0) ||
            (finder.enforcedByDefault === true && passesWhileUnconfigured(callee)) ||
            withArguments(node, callee, () => onlyAnswersYes(callee));
          // `try { ensureAuth(req) } catch { return res.status(401).end() }`: a helper that reads the
          // credential and throws without it, its throw turned into a refusal.
          const refusedOnThrow = (): boolean => {
            const caught = enclosingTry(node);
            const handler = caught?.handler;
            return (
              !!caught &&
              !!handler &&
              rejects(handler.body) &&
              !answersServerError(handler.body) &&
              mayRefuse(callee) &&
              readsCredential(finder, callee) &&
              // A page can send any value of a header it may send: the helper must judge the value.
              (!finder.verifiesValue || callsJudgingCall(callee)) &&
              reachedWhenAbsent(caught, new Map())
            );
          };
          if (
            !opensByDefault &&
            ((decides
              ? answerDecidingGateOf(fn, () => withArguments(node, callee, () => readsCredential(finder, callee)))
              : helperChecksCredential(finder, node, callee, depth + 1, fn)) ||
              refusedOnThrow())
          ) {
            checked = true;
            return;
          }
        }
      }
    }
    const header = requestHeaderRead(node) ?? hostPropertyRead(node) ?? requestQueryRead(node);
    if (
      header !== null &&
      finder.checksHeader(header) &&
      !looselyChecked(finder, header, fn) &&
      !fallbackForOtherValue(node) &&
      !cookieAlternative(finder, node) &&
      // A form may put any query in its URL: only a value checked against a secret keeps a page out.
      refusedWithout(
        header.startsWith('?') ? { ...finder, rejectsWhenMissing: true, verifiesValue: true } : finder,
        (value) =>
          refusalCounts.during(route && ((refusal) => !inOtherRoutesBranch(refusal, route, fn)), () =>
            decidesRejection(node, 0, value === NOT_MISSING ? new Map() : new Map([[node, value]])),
          ),
      )
    ) {
      checked = true;
      return;
    }
    if (node.type === AST_NODE_TYPES.VariableDeclarator) {
      // `const token = extractBearer(req)`, `const { token } = extractToken(req)`: a helper that
      // reads the credential hands it back (nothing when the request has none).
      const { init } = node;
      // `const session = await auth.api.getMcpSession({ headers })`: better-auth answers `null`
      // unless the request carries a bearer token it issued.
      const awaited = init && skipTypeWrappers(init);
      const call =
        awaited?.type === AST_NODE_TYPES.AwaitExpression ? skipTypeWrappers(awaited.argument) : (awaited ?? null);
      if (
        call?.type === AST_NODE_TYPES.CallExpression &&
        node.id.type === AST_NODE_TYPES.Identifier &&
        finder.checksHeader('authorization') &&
        authInstanceSession(call) === 'bearer'
      ) {
        const id = node.id;
        if (
          refusedWithout({ ...finder, rejectsWhenMissing: true, verifiesValue: false }, (value) =>
            bindingDecidesRejection(id, 0, { known: true, value }),
          )
        ) {
          checked = true;
          return;
        }
      }
      // What it hands back decides this function's gates (`const ok = checkOrigin(req); if (!ok) …`).
      const extracted =
        depth < 2 && init ? answerDecidingGateOf(fn, () => credentialExtractor(finder, init, fn)) : null;
      // A helper that falls back to the session cookie (`getSession(request.headers.get('Cookie'))`)
      // hands a value back for a request without the header, where a cookie is no credential.
      if (
        extracted &&
        !(readsCookies(extracted) && !finder.checksHeader('cookie')) &&
        !(node.id.type === AST_NODE_TYPES.Identifier && parsedUrlReadForPath(finder, extracted, node.id))
      ) {
        const ids =
          node.id.type === AST_NODE_TYPES.Identifier
            ? [node.id]
            : node.id.type === AST_NODE_TYPES.ObjectPattern
              ? node.id.properties.flatMap((property) =>
                  property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier
                    ? [property.value]
                    : [],
                )
              : [];
        // A helper that hands back a user, a session or a constant rather than the header checks
        // its value itself: a forged one gets nothing back.
        const verified = finder.verifiesValue === true && handsBackVerdict(extracted);
        // For a request without the header, a verified helper's verdict is what its returns that
        // such a request reaches say (`return { errored: true }`): held whole (`const result =
        // await validate(req, res); if (result.errored) return;`) or in part (`const { errored }
        // = …`). Worked out once, when first asked.
        let verdict: Readonly<Record<string, unknown>> | null | undefined;
        const held = (value: unknown): boolean =>
          ids.some((id) => {
            if (!verified || value != null) return bindingDecidesRejection(id, 0, { known: true, value });
            if (verdict === undefined) verdict = verdictWithout(finder, extracted);
            const property = id.parent;
            const without =
              node.id.type !== AST_NODE_TYPES.ObjectPattern
                ? verdict && { known: true as const, value: verdict }
                : property?.type === AST_NODE_TYPES.Property && !property.computed
                  ? verdictProperty(verdict, propertyName(property))
                  : null;
            return bindingDecidesRejection(id, 0, without ?? { known: true, value });
          });
        if (
          refusedWithout(
            { ...finder, rejectsWhenMissing: true, verifiesValue: finder.verifiesValue && !verified },
            held,
          )
        ) {
          checked = true;
          return;
        }
      }
      for (const binding of destructuredHeaderNames(node)) {
        const held = (value: unknown): boolean =>
          bindingDecidesRejection(binding.id, 0, value === NOT_MISSING ? { known: false } : { known: true, value });
        if (
          finder.checksHeader(binding.header) &&
          !looselyChecked(finder, binding.header, fn) &&
          refusedWithout(finder, held)
        ) {
          checked = true;
          return;
        }
      }
    }
  });
  return checked;
}

/**
 * Whether a node runs only when a setting says so: inside a branch whose test reads nothing of
 * the request (`if (this.config.auth?.enabled) { … }`).
 */
function underSetting(node: TSESTree.Node, fn: HandlerFunction, depth = 0): boolean {
  const parameters = new Set(
    fn.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])),
  );
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    // A test constants of the module decide (`const REQUIRE_AUTH = true`) is no setting: the
    // branch it takes runs out of the box, the other never.
    if (
      (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) &&
      child !== parent.test &&
      fixedCondition(parent.test) !== null
    ) {
      if (fixedCondition(parent.test) !== (child === parent.consequent)) return true;
      continue;
    }
    if (
      parent.type === AST_NODE_TYPES.LogicalExpression &&
      parent.operator !== '??' &&
      child === parent.right &&
      fixedCondition(parent.left) !== null
    ) {
      if (fixedCondition(parent.left) !== (parent.operator === '&&')) return true;
      continue;
    }
    // `const token = req.headers.get('authorization'); if (authOn && !token) …`: where the value
    // is held, every test of it must run only under a setting.
    if (
      parent.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === child &&
      parent.id.type === AST_NODE_TYPES.Identifier &&
      depth < 2
    ) {
      const reads = (variableOf(parent.id)?.references ?? []).filter((reference) => !reference.init);
      return (
        reads.length > 0 &&
        reads.every((reference) => underSetting(reference.identifier as TSESTree.Node, fn, depth + 1))
      );
    }
    if (
      (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) &&
      child !== parent.test &&
      !readsAny(parent.test, parameters) &&
      // Not a branch for a path or method of the request (`url.pathname === '/mcp'`): the check
      // runs for every request to that route.
      !routesRequest(parent.test) &&
      !(child === parent.consequent && holdsWhileUnset(parent.test))
    ) {
      return true;
    }
    // `if (pathname.startsWith('/mcp') && config.auth.enabled) { check }`: a branch one of whose
    // `&&` sides is a setting that may be off runs only while it is on.
    if (parent.type === AST_NODE_TYPES.IfStatement && child === parent.consequent && optInTest(parent.test, fn)) {
      return true;
    }
    // `if (TOKEN && header !== TOKEN)`, `if (auth.enabled && !authorized(req))`: the right side
    // runs only while a setting holds.
    if (
      parent.type === AST_NODE_TYPES.LogicalExpression &&
      parent.operator === '&&' &&
      child === parent.right &&
      readsOnlySettings(parent.left, fn) &&
      !holdsWhileUnset(parent.left) &&
      mayBeUnset(parent.left, 0) &&
      !letsThroughOnlyWhenTrue(parent)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Whether an `&&` is (a side of) the test of an `if` that only lets the request through: `if
 * (API_KEY && auth === \`Bearer ${API_KEY}\`) return next();`, refused after. Its setting, unset,
 * lets nothing through.
 */
function letsThroughOnlyWhenTrue(logical: TSESTree.LogicalExpression): boolean {
  let top: TSESTree.Node = logical;
  while (top.parent?.type === AST_NODE_TYPES.LogicalExpression && top.parent.operator === '&&') top = top.parent;
  const gate = top.parent;
  return (
    gate?.type === AST_NODE_TYPES.IfStatement &&
    gate.test === top &&
    !gate.alternate &&
    letsThrough(gate.consequent) &&
    refusedAfter(gate)
  );
}

/**
 * Whether a read of `header` in `fn` is an Origin that the function's gate lets look-alikes
 * through with, or, for a check of the project whose answer decides a gate (`if
 * (!checkOrigin(req))`), that the gate of the function calling it does (`gateOfAnswer`).
 */
function looselyChecked(finder: CheckFinder, header: string, fn: HandlerFunction): boolean {
  if (finder.wholeOrigins !== true || header !== 'origin') return false;
  return (
    looseOriginGates(codeOf(fn)).has(fn) ||
    (gateOfAnswer.value !== undefined && looseOriginGates(codeOf(gateOfAnswer.value)).has(gateOfAnswer.value))
  );
}

/** While a helper is read whose answer decides a gate of this function (`if (!checkOrigin(req))`). */
const gateOfAnswer = scoped<HandlerFunction | undefined>(undefined);

/** Runs `read` with `gate` as the function whose gate the helper being read answers for. */
function answerDecidingGateOf<T>(gate: HandlerFunction, read: () => T): T {
  return gateOfAnswer.during(gate, read);
}

/** Methods that match a pattern or a part of a string, which a look-alike origin can satisfy. */
const LOOSE_MATCHES: ReadonlySet<string> = new Set(['startsWith', 'endsWith', 'match', 'test', 'search']);

/**
 * Whether a check (or a function of the project it calls with the request or its Origin) matches
 * loosely or reads the method: `origin.startsWith(…)`, `/…/.test(origin)`, `origin.includes(…)`,
 * `req.method !== 'GET'`.
 */
function matchesLoosely(fn: HandlerFunction, depth = 0): boolean {
  let loose = false;
  walk(fn.body, (node) => {
    if (loose) return;
    if (node.type === AST_NODE_TYPES.MemberExpression && propertyName(node) === 'method') loose = true;
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const method = calledMethodName(node);
    const receiver = method ? (skipTypeWrappers(node.callee) as TSESTree.MemberExpression).object : null;
    // `/^https?:\/\/localhost(?::\d+)?$/.test(origin)`: a pattern anchored at both ends matches whole values.
    if (method === 'test' && receiver && anchoredPattern(receiver)) return;
    // `origin.startsWith(`${allowed}:`)` for each origin of a list: the host ends where the port begins.
    if (method === 'startsWith' && wholeHostPrefix(node.arguments[0])) return;
    if (method && LOOSE_MATCHES.has(method)) loose = true;
    else if ((method === 'includes' || method === 'indexOf') && receiver) {
      // `origin.includes('localhost')` tests a part; `ALLOWED.includes(origin)` a whole value.
      const held = skipTypeWrappers(resolveExpression(receiver) ?? receiver);
      const name = nameOf(skipTypeWrappers(receiver));
      if (requestHeaderRead(held, 'origin') !== null || (name !== null && /origin$/iu.test(name))) loose = true;
    } else if (depth < 2) {
      const callee = resolveFunction(node.callee);
      if (callee && callee !== fn && matchesLoosely(callee, depth + 1)) loose = true;
    }
  });
  return loose;
}

/**
 * An origin up to the `:` before its port (`http://localhost:`, `http://[::1]:`): what starts with
 * it has that whole host. An IPv6 address is bracketed, its colons inside the brackets.
 */
const WHOLE_HOST_PREFIX = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#:@[\]]+|\[[\da-f:.]+\]):$/iu;

/**
 * Whether a `startsWith()` argument is a whole origin's scheme and host up to the port's `:`:
 * written so (`'http://localhost:'`), or made so of each entry of a list of origins the test goes
 * through (`` `${allowed}:` `` in `ALLOWED.some((allowed) => …)`).
 */
function wholeHostPrefix(argument: TSESTree.Node | undefined): boolean {
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return false;
  const written = staticValue(argument)?.value;
  if (typeof written === 'string') return WHOLE_HOST_PREFIX.test(written);
  const template = skipTypeWrappers(argument);
  if (template.type !== AST_NODE_TYPES.TemplateLiteral || template.expressions.length !== 1) return false;
  const [before, after] = template.quasis.map((quasi) => quasi.value.cooked ?? '');
  const [entry] = template.expressions;
  const list = entry?.type === AST_NODE_TYPES.Identifier ? iteratedList(entry) : null;
  if (!list) return false;
  const entries = allowlistEntries(list);
  return (
    entries.length > 0 &&
    entries.every(
      (candidate) =>
        typeof candidate.value === 'string' && WHOLE_HOST_PREFIX.test(`${before}${candidate.value}${after}`),
    )
  );
}

/** A regular expression literal (or a constant holding one) anchored with `^` and `$`. */
function anchoredPattern(node: TSESTree.Node): boolean {
  const held = skipTypeWrappers(resolveExpression(node) ?? node);
  if (held.type !== AST_NODE_TYPES.Literal || !('regex' in held) || !held.regex) return false;
  const { pattern } = held.regex;
  return pattern.startsWith('^') && pattern.endsWith('$') && !pattern.endsWith('\\$');
}

/**
 * Whether a test holds only while a setting that is off out of the box is on: one of its `&&`
 * sides reads only settings that may be unset (`TRUST_LOCAL && isLoopback(req.ip)`).
 */
export function optInTest(test: TSESTree.Node, fn: HandlerFunction): boolean {
  const expression = skipTypeWrappers(test);
  if (expression.type !== AST_NODE_TYPES.LogicalExpression || expression.operator !== '&&') return false;
  return [expression.left, expression.right].some(
    (side) => optInTest(side, fn) || (readsOnlySettings(side, fn) && !holdsWhileUnset(side) && mayBeUnset(side, 0)),
  );
}

/**
 * Whether a setting may be falsy out of the box: read from the environment with no fallback or an
 * empty one (`process.env.MCP_TOKEN`, `env.TOKEN || ''`, `process.env.AUTH === 'true'`), not one
 * that always holds (`process.env.TOKEN ?? randomUUID()`, `enabled: true`, a module that stops when
 * it is unset: `if (!TOKEN) throw …`). Anything else is not known to be unset, and the check counts.
 */
function mayBeUnset(node: TSESTree.Node, depth: number): boolean {
  const expression = skipTypeWrappers(node);
  if (depth > 4) return false;
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier: {
      if (stopsWhileUnset(expression)) return false;
      const resolved = resolveExpression(expression);
      return resolved !== null && resolved !== expression && mayBeUnset(resolved, depth + 1);
    }
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.ChainExpression: {
      if (environmentRead(expression) || runtimeConfigRead(expression)) return true;
      const values = possibleValues(expression);
      return values.some((value) =>
        value.known ? !value.value : value.node !== expression && mayBeUnset(value.node, depth + 1),
      );
    }
    case AST_NODE_TYPES.LogicalExpression:
      // `env.X || ''`, `env.X ?? randomUUID()`: the fallback decides; `a && b` is unset with either.
      return expression.operator === '&&'
        ? mayBeUnset(expression.left, depth + 1) || mayBeUnset(expression.right, depth + 1)
        : mayBeUnset(expression.right, depth + 1);
    case AST_NODE_TYPES.BinaryExpression:
      // `process.env.AUTH === 'true'`
      return !(expression.left.type === AST_NODE_TYPES.PrivateIdentifier) && mayBeUnset(expression.left, depth + 1);
    case AST_NODE_TYPES.Literal:
      return !expression.value;
    case AST_NODE_TYPES.UnaryExpression: {
      // `!!process.env.AUTH_URL` is unset with it; `!X` holds while X is unset.
      const inner = skipTypeWrappers(expression.argument);
      return (
        expression.operator === '!' &&
        inner.type === AST_NODE_TYPES.UnaryExpression &&
        inner.operator === '!' &&
        mayBeUnset(inner.argument, depth + 1)
      );
    }
    case AST_NODE_TYPES.CallExpression: {
      // `Boolean(process.env.AUTH_URL)`
      const [argument] = expression.arguments;
      return (
        textOf(expression.callee) === 'Boolean' &&
        argument !== undefined &&
        argument.type !== AST_NODE_TYPES.SpreadElement &&
        mayBeUnset(argument, depth + 1)
      );
    }
    default:
      return false;
  }
}

/**
 * A value of Nitro's (or Nuxt's) runtime config, `useRuntimeConfig().auth.enabled`: set for each
 * deployment, from the config file's default or a `NITRO_`/`NUXT_` environment variable.
 */
function runtimeConfigRead(node: TSESTree.Node): boolean {
  let object: TSESTree.Node = skipTypeWrappers(node);
  if (object.type === AST_NODE_TYPES.ChainExpression) object = object.expression;
  while (object.type === AST_NODE_TYPES.MemberExpression) object = skipTypeWrappers(object.object);
  if (object.type !== AST_NODE_TYPES.CallExpression || object.callee.type !== AST_NODE_TYPES.Identifier) return false;
  return object.callee.name === 'useRuntimeConfig' && fromH3(object.callee);
}

/** `process.env.X`, `Deno.env.get('X')`, a Worker's `env.X`: a read of the environment. */
function environmentRead(node: TSESTree.Node): boolean {
  const text = textOf(node);
  return /^(?:process\.env|import\.meta\.env|Bun\.env|env)(?:\??\.|\[)/u.test(text) || /^Deno\.env\.get\(/u.test(text);
}

/** Whether the module stops at start while a name is unset: `if (!TOKEN) throw …` (or `process.exit(…)`) at its top. */
function stopsWhileUnset(name: TSESTree.Identifier): boolean {
  const variable = variableOf(name);
  return (variable?.references ?? []).some((reference) => {
    const read = reference.identifier as TSESTree.Node;
    const test = read.parent;
    const statement = test?.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' ? test.parent : null;
    if (statement?.type !== AST_NODE_TYPES.IfStatement || statement.test !== test) return false;
    if (statement.parent?.type !== AST_NODE_TYPES.Program) return false;
    let stops = false;
    walk(statement.consequent, (node) => {
      stops ||=
        node.type === AST_NODE_TYPES.ThrowStatement ||
        (node.type === AST_NODE_TYPES.CallExpression && textOf(node.callee) === 'process.exit');
    });
    return stops;
  });
}

/**
 * Whether a value is made only of what the function finds around it (`TOKEN`, `config.auth.enabled`,
 * `this.options.auth`, `process.env.AUTH`): no parameter and no value of its own, which the request
 * may fix (`pathname === '/mcp'`).
 */
export function readsOnlySettings(node: TSESTree.Node, fn: HandlerFunction, depth = 0): boolean {
  let settings = true;
  walk(node, (inner) => {
    if (!settings || inner.type !== AST_NODE_TYPES.Identifier) return;
    const parent = inner.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === inner && !parent.computed) return;
    const def = variableOf(inner)?.defs[0];
    if (!def || !containsNode(fn, def.name)) return;
    // A value of the handler's own is a setting when it is made of settings alone
    // (`const routing = loadSettings().routing`), not of the request (`const url = new URL(req.url)`).
    const init = def.type === 'Variable' && def.node.id === def.name ? def.node.init : null;
    settings = init !== null && depth < 3 && readsOnlySettings(init, fn, depth + 1);
  });
  return settings;
}

/** Whether an expression mentions any of these names. */
function readsAny(node: TSESTree.Node, names: ReadonlySet<string>): boolean {
  let found = false;
  walk(node, (inner) => {
    if (inner.type === AST_NODE_TYPES.Identifier && names.has(inner.name)) found = true;
  });
  return found;
}

/** `req.hostname`, `ctx.host`, `ctx.hostname`: the `Host` header as the frameworks parse it. */
function hostPropertyRead(node: TSESTree.Node): string | null {
  if (
    node.type !== AST_NODE_TYPES.MemberExpression ||
    node.computed ||
    node.property.type !== AST_NODE_TYPES.Identifier
  )
    return null;
  if (node.property.name !== 'hostname' && node.property.name !== 'host') return null;
  const object = skipTypeWrappers(node.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return null;
  const def = variableOf(object)?.defs[0];
  // Requests reach handlers as parameters; `url.hostname` on a local URL is not the request's Host.
  if (def?.type !== 'Parameter') return null;
  // Nor is a parameter with a default (`opts = {}`: a request is never left out) or one named
  // for options (`config.host`, the API host a setting names).
  if (def.name.parent?.type === AST_NODE_TYPES.AssignmentPattern || OPTION_NAMES.test(object.name)) return null;
  return 'host';
}

const OPTION_NAMES = /^(?:opts|options|config|cfg|conf|settings|params|args|env)$/iu;

/** Whether a function hands the request, or its Origin or Host, to a check of the project that opens by default. */
function callsFailOpenCheck(fn: HandlerFunction): boolean {
  let found = false;
  walk(fn.body, (node) => {
    if (found || node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length === 0) return;
    const callee = resolveFunction(node.callee);
    if (callee && callee !== fn && failOpenBranches(callee).length > 0) found = true;
  });
  return found;
}

/**
 * A request header's value as a forger sends it: present, equal to no secret, and as long as a
 * length test asks (a forger picks the length: 64 characters pass a minimum of the usual sizes).
 */
const FORGED = `\u0000forged${'-'.repeat(57)}`;
/**
 * The credentials a forger sends: FORGED, and FORGED after each scheme a check may ask for
 * (`auth.startsWith('Bearer ')` passes `Bearer ` and anything; `Token `, lower case too).
 */
const FORGERIES: readonly string[] = [
  FORGED,
  ...['Bearer', 'bearer', 'Token', 'token', 'Basic'].map((scheme) => `${scheme} ${FORGED}`),
];
/** No value is assumed: the check only has to refuse a wrong one. */
const NOT_MISSING = Symbol('not missing');

/**
 * Whether a check, asked what it does with the header's value (`decides(value)`), refuses the
 * request that the finder says it must: one without the header (a credential), and also one
 * with a made-up value when the finder wants the value verified; or (for Host and Origin) one
 * with a wrong value, which must be a made-up one when the finder wants the value verified.
 */
function refusedWithout(finder: CheckFinder, decides: (value: unknown) => boolean): boolean {
  // An Origin check against cross-origin reads: a foreign page's Origin must be refused.
  if (!finder.rejectsWhenMissing) return decides(finder.verifiesValue ? FORGED : NOT_MISSING);
  return (
    judgingForgery.during(false, () => decides(undefined)) &&
    (!finder.verifiesValue || judgingForgery.during(true, () => FORGERIES.every(decides)))
  );
}

/** While set, the value under judgement is a made-up one that a forger sends (see `refusedWithout`). */
const judgingForgery = scoped(false);

/** What a property of a verdict (`verdictWithout`) holds, where the helper spells it out; `null` otherwise. */
function verdictProperty(verdict: Readonly<Record<string, unknown>> | null, key: string | null): AbsentValue | null {
  return verdict && key !== null && Object.hasOwn(verdict, key) ? { known: true, value: verdict[key] } : null;
}

/**
 * The verdict a helper hands back to a request without the header, when every `return` such a
 * request gets to gives an object literal (`if (!auth) { …; return { errored: true }; }`): the
 * properties the file spells out whose values agree, as truth, in all of them. `null` when some
 * such `return` gives anything else, or none is reached.
 */
function verdictWithout(finder: CheckFinder, helper: HandlerFunction): Readonly<Record<string, unknown>> | null {
  // The header's reads in the helper, and the reads of the names that hold one, are all missing.
  const absent = new Map<TSESTree.Node, unknown>();
  walk(helper.body, (node) => {
    const header = requestHeaderRead(node);
    if (header === null || !finder.checksHeader(header)) return;
    absent.set(node, undefined);
    const holder = outermostWrapper(node).parent;
    if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) return;
    for (const reference of variableOf(holder.id)?.references ?? []) {
      if (reference.isRead()) absent.set(reference.identifier as TSESTree.Node, undefined);
    }
  });
  if (absent.size === 0) return null;
  const objects: Map<string, unknown>[] = [];
  for (const returned of returnedExpressions(helper)) {
    const statement = outermostWrapper(returned).parent;
    if (statement?.type !== AST_NODE_TYPES.ReturnStatement || !reachedWhenAbsent(statement, absent)) continue;
    const object = skipTypeWrappers(returned);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return null;
    const written = new Map<string, unknown>();
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
      const key = propertyName(property);
      const value = staticValue(property.value);
      if (key !== null && value) written.set(key, value.value);
    }
    objects.push(written);
  }
  const [first, ...others] = objects;
  if (!first) return null;
  const verdict: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of first) {
    if (others.every((other) => other.has(key) && Boolean(other.get(key)) === Boolean(value))) verdict[key] = value;
  }
  verdicts.add(verdict);
  return verdict;
}

/** The verdicts `verdictWithout` made: an absent value read by property (`result.errored`). */
const verdicts = new WeakSet<object>();

/** The helper of the project an initializer calls, when it reads a checked header and returns something. */
function credentialExtractor(finder: CheckFinder, init: TSESTree.Node, fn: HandlerFunction): HandlerFunction | null {
  let expression = skipTypeWrappers(init);
  if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipTypeWrappers(expression.argument);
  if (expression.type !== AST_NODE_TYPES.CallExpression || expression.arguments.length === 0) return null;
  const helper = resolveFunction(expression.callee);
  return helper !== null &&
    helper !== fn &&
    returnedExpressions(helper).length > 0 &&
    readsCredential(finder, helper) &&
    !namedHeaderUnchecked(finder, helper, expression)
    ? helper
    : null;
}

/**
 * Whether a helper reads the header its caller names (`getHeader(event, 'mcp-session-id')` of
 * `function getHeader(event, name) { return event.node.req.headers[name.toLowerCase()]; }`), and
 * this call names one that the finder does not check: every header it reads is keyed by that
 * parameter, so it reads only that header here.
 */
function namedHeaderUnchecked(finder: CheckFinder, helper: HandlerFunction, call: TSESTree.CallExpression): boolean {
  let index: number | null = null;
  let others = false;
  /** The parameter a header's name comes from: `name`, `name.toLowerCase()`, or a constant holding one. */
  const parameterOf = (expression: TSESTree.Node, depth: number): number => {
    let key = skipTypeWrappers(expression);
    if (key.type === AST_NODE_TYPES.CallExpression && key.callee.type === AST_NODE_TYPES.MemberExpression)
      key = skipTypeWrappers(key.callee.object);
    if (key.type !== AST_NODE_TYPES.Identifier) return -1;
    const at = helper.params.findIndex((param) => param.type === AST_NODE_TYPES.Identifier && param.name === key.name);
    if (at >= 0 || depth > 1) return at;
    // `const key = name.toLowerCase(); … headers[key]`
    const def = variableOf(key)?.defs[0];
    return def?.type === 'Variable' && def.node.init && def.parent?.kind === 'const'
      ? parameterOf(def.node.init, depth + 1)
      : -1;
  };
  walk(helper.body, (node) => {
    if (others) return;
    // `headers[name]`, `headers.get(name)`
    const key =
      node.type === AST_NODE_TYPES.MemberExpression && node.computed
        ? node.property
        : node.type === AST_NODE_TYPES.CallExpression
          ? node.arguments[0]
          : undefined;
    if (!key || requestHeaderRead(node) !== ANY_HEADER) return;
    const at = parameterOf(key, 0);
    if (at < 0 || (index !== null && index !== at)) others = true;
    else index = at;
  });
  if (others || index === null) return false;
  const named = call.arguments[index];
  const value = named && staticValue(named)?.value;
  return typeof value === 'string' && !finder.checksHeader(value.toLowerCase());
}

/**
 * What a call that verifies a credential, or looks up what it stands for, is named:
 * `jwt.verify`, `jwtVerify`, `validateApiKey`, `accounts.findByToken`, `keys.get`, `keys.has`,
 * `getUser`, `introspect`. A call named otherwise (`decode`, `toString`, `JSON.parse`, `atob`)
 * hands back what it was given, in another shape.
 */
const VERIFYING_CALL =
  /verif|valid|authent|authori|introspect|check|lookup|find|select|query|compare|^(?:get|has)$|user|session|account|principal|member/iu;

/**
 * Whether every value a helper hands back is a verdict on the header rather than the header (or
 * something made of it), and the helper reaches it by testing the header's value: a constant
 * (`'api-user'`, `null`) behind a comparison with something the request does not hold
 * (`auth.slice(7) === process.env.TOKEN ? 'api-user' : null`), or what a call that verifies it or
 * looks it up answers (`await accounts.findByToken(token)`). `return auth.slice(7)`, `return
 * jwt.decode(token)` and a bare presence test (`if (!auth) return false; return true;`) hand back
 * nothing a forged header would not get too.
 */
function handsBackVerdict(helper: HandlerFunction, depth = 0): boolean {
  // A function the helper hands the header to takes it as its parameters.
  const given = new Set(
    depth === 0
      ? []
      : helper.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [variableOf(param)] : [])),
  );
  /** Whether an expression holds the header, or something made of it by other than a verifying call. */
  const derived = (node: TSESTree.Node, level: number): boolean => {
    let expression = skipTypeWrappers(node);
    if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipTypeWrappers(expression.argument);
    if (expression.type === AST_NODE_TYPES.ChainExpression) expression = expression.expression;
    if (level > 6) return true;
    switch (expression.type) {
      case AST_NODE_TYPES.ConditionalExpression:
        return derived(expression.consequent, level + 1) || derived(expression.alternate, level + 1);
      case AST_NODE_TYPES.LogicalExpression:
        return derived(expression.left, level + 1) || derived(expression.right, level + 1);
      case AST_NODE_TYPES.Literal:
        return false;
      case AST_NODE_TYPES.Identifier: {
        if (expression.name === 'undefined') return false;
        const variable = variableOf(expression);
        if (given.has(variable)) return true;
        // `const { payload } = await jwtVerify(token, key)`: a part of what its initializer answers.
        const def = variable?.defs[0];
        if (def?.type === 'Variable' && def.node.id.type !== AST_NODE_TYPES.Identifier && def.node.init)
          return derived(def.node.init, level + 1);
        const value = resolveExpression(expression);
        // A parameter, or a name whose value the file does not show: it may be the header.
        return !value || value === expression || derived(value, level + 1);
      }
      case AST_NODE_TYPES.CallExpression: {
        if (requestHeaderRead(expression) !== null) return true;
        if (verifyingCall(expression, depth)) return false;
        const callee = skipTypeWrappers(expression.callee);
        return (
          (callee.type === AST_NODE_TYPES.MemberExpression && derived(callee.object, level + 1)) ||
          expression.arguments.some((argument) => derived(argument, level + 1))
        );
      }
      case AST_NODE_TYPES.NewExpression:
        return expression.arguments.some((argument) => derived(argument, level + 1));
      case AST_NODE_TYPES.MemberExpression:
        return requestHeaderRead(expression) !== null || derived(expression.object, level + 1);
      case AST_NODE_TYPES.ObjectExpression:
        return expression.properties.some(
          (property) => property.type !== AST_NODE_TYPES.Property || derived(property.value, level + 1),
        );
      case AST_NODE_TYPES.ArrayExpression:
        return expression.elements.some((element) => element !== null && derived(element, level + 1));
      case AST_NODE_TYPES.TemplateLiteral:
        return expression.expressions.some((inner) => derived(inner, level + 1));
      default:
        return true;
    }
  };
  /**
   * Whether an expression reads the request's header, directly, through the names it uses, or
   * through a helper of the project that hands back what it reads (`bearerToken(req)`).
   */
  const fromHeader = (node: TSESTree.Node): boolean =>
    holdsThrough(
      node,
      (inner) =>
        requestHeaderRead(inner) !== null ||
        (inner.type === AST_NODE_TYPES.Identifier && given.has(variableOf(inner))) ||
        (inner.type === AST_NODE_TYPES.CallExpression && handsBackHeader(inner, helper)),
      6,
    );
  /** A value that says nothing about what was sent: `null`, `undefined`, `''`. */
  const empty = (node: TSESTree.Node): boolean => {
    const value = staticValue(skipTypeWrappers(node));
    return value !== null && (value.value == null || value.value === '');
  };
  // The helper tests the header's value against something the request does not hold, or hands it
  // to a call that verifies it.
  let tests = false;
  walk(helper.body, (node) => {
    if (tests) return;
    if (node.type === AST_NODE_TYPES.BinaryExpression && ['===', '!==', '==', '!='].includes(node.operator)) {
      const { left, right } = node;
      if (left.type === AST_NODE_TYPES.PrivateIdentifier) return;
      for (const [side, other] of [
        [left, right],
        [right, left],
      ] as const) {
        const constant = staticValue(skipTypeWrappers(other));
        if (
          fromHeader(side) &&
          // Its type or its length says nothing of whether it is the secret.
          !(side.type === AST_NODE_TYPES.UnaryExpression && side.operator === 'typeof') &&
          !(side.type === AST_NODE_TYPES.MemberExpression && /^(?:length|size)$/u.test(propertyName(side) ?? '')) &&
          typeof constant?.value !== 'number' &&
          !fromHeader(other) &&
          !empty(other) &&
          !AUTH_SCHEME.test(String(constant?.value ?? ''))
        ) {
          tests = true;
        }
      }
    } else if (node.type === AST_NODE_TYPES.CallExpression && verifyingCall(node, depth)) {
      tests = node.arguments.some((argument) => fromHeader(argument));
    }
  });
  return tests && returnedExpressions(helper).every((value) => !derived(value, 0));
}

/**
 * Whether a call of a function of the project (not `within` itself) hands back what it reads of a
 * request header: `bearerToken(req)`, which answers `req.headers.authorization?.slice(7)`.
 */
function handsBackHeader(call: TSESTree.CallExpression, within: HandlerFunction): boolean {
  const helper = resolveFunction(call.callee);
  return (
    helper !== null &&
    helper !== within &&
    returnedExpressions(helper).some((value) => holdsThrough(value, (inner) => requestHeaderRead(inner) !== null, 6))
  );
}

/** The name of an authentication scheme, which a header's value is tested for before its token. */
const AUTH_SCHEME = /^(?:bearer|basic|token|digest|api-?key)\s*$/iu;

/**
 * A call that verifies a credential or looks up what it stands for: a function of the project
 * that hands back a verdict itself (`handsBackVerdict`, two levels deep), or else one of a package
 * or an object the file does not show, by its name (`jwt.verify`, `accounts.findByToken`).
 */
function verifyingCall(call: TSESTree.CallExpression, depth: number): boolean {
  const own = resolveFunction(call.callee);
  if (own) return depth < 2 && handsBackVerdict(own, depth + 1);
  const name = nameOf(skipTypeWrappers(call.callee));
  return name !== null && VERIFYING_CALL.test(name);
}

/** The calls that read a request's cookies by their name alone: `parseCookies(req)`, `getCookie(c, name)`. */
const COOKIE_READS = /^(?:getCookie|getSignedCookie|parseCookies?)$/u;

/**
 * Which session a call of an auth library's instance answers (`auth.api.getMcpSession({ headers })`
 * of `const auth = betterAuth(…)`, also in another module): the one in its cookie, the one of a
 * bearer token it verifies, or `null` for any other call.
 */
export function authInstanceSession(call: TSESTree.CallExpression): 'cookie' | 'bearer' | null {
  const path: string[] = [];
  let base: TSESTree.Node = skipTypeWrappers(call.callee);
  while (base.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(base);
    if (name === null) return null;
    path.unshift(name);
    base = skipTypeWrappers(base.object);
  }
  if (path.length === 0) return null;
  const made = resolveExpression(base);
  if (made?.type !== AST_NODE_TYPES.CallExpression) return null;
  const same = (wanted: readonly string[]): boolean =>
    wanted.length === path.length && wanted.every((name, index) => name === path[index]);
  for (const entity of entitiesOf(made, 'auth-instance')) {
    if (same(entity.bearerSession)) return 'bearer';
    if (same(entity.cookieSession)) return 'cookie';
  }
  return null;
}

/**
 * Whether a function reads the request's cookies: the `Cookie` header, `req.cookies` or
 * `req.signedCookies` (express's cookie-parser), Next.js's `request.cookies`, a cookie helper, or
 * a library's call that reads one (`cookies()` of `next/headers`, NextAuth's `getServerSession()`).
 */
function readsCookies(fn: HandlerFunction): boolean {
  return readsCookiesIn(fn.body);
}

/** `readsCookies` of any code: whether it reads the request's cookies somewhere in it. */
function readsCookiesIn(root: TSESTree.Node): boolean {
  let reads = false;
  walk(root, (node) => {
    if (reads) return;
    if (requestHeaderRead(node, 'cookie') !== null) reads = true;
    else if (
      node.type === AST_NODE_TYPES.MemberExpression &&
      /^(?:cookies|signedCookies)$/u.test(propertyName(node) ?? '')
    )
      reads = true;
    else if (
      node.type === AST_NODE_TYPES.CallExpression &&
      (COOKIE_READS.test(nameOf(skipTypeWrappers(node.callee)) ?? '') ||
        entitiesOf(node, 'cookie-read').length > 0 ||
        authInstanceSession(node) === 'cookie')
    )
      reads = true;
  });
  return reads;
}

/**
 * Whether a function reads a checked header at all (for helpers whose caller rejects), itself or
 * through a helper of the project it calls with arguments (`const token = extractBearer(req)`).
 */
function readsCredential(finder: CheckFinder, fn: HandlerFunction, depth = 0): boolean {
  let reads = false;
  walk(fn.body, (node) => {
    if (reads || notTakenForCall(node, fn)) return;
    const header = requestHeaderRead(node) ?? hostPropertyRead(node) ?? requestQueryRead(node);
    // `if (config.enableBearerAuth) { …header… } return true;`: out of the box it reads nothing.
    if (header !== null && finder.checksHeader(header) && !looselyChecked(finder, header, fn))
      reads = !(finder.enforcedByDefault && underSetting(node, fn));
    else if (depth < 2 && node.type === AST_NODE_TYPES.CallExpression && node.arguments.length > 0) {
      // A helper that reads it (`const token = extractBearer(req)`), whose value this function
      // then judges (`return token === API_KEY`): not a rate limiter keyed by it.
      // Or one that throws when the request has none (`bearerFrom(req)`), where this function
      // answers that throw with `false` (`catch { return false; }`): its caller's `if` refuses.
      // What is done with a token that is there is this function's, as for a header it reads
      // itself: the helper need only refuse its absence.
      const helper = resolveFunction(node.callee);
      if (
        helper &&
        helper !== fn &&
        readsCredential(finder, helper, depth + 1) &&
        (judges(fn, node) ||
          (throwAnswersFalse(fn, node) &&
            helperChecksCredential({ ...finder, verifiesValue: false }, node, helper, depth + 1, fn)))
      )
        reads = !(finder.enforcedByDefault && underSetting(node, fn));
    }
  });
  return reads;
}

/**
 * Whether `fn` answers a throw of `call` with a falsy value: the call lies in the block of a `try`
 * of `fn` whose `catch` returns only falsy constants (`return false`, `return null`) and always
 * returns or throws again. A boolean helper that catches the throw of a token reader so
 * (`try { bearerFrom(req) … } catch { return false; }`) says no for a request without the token.
 */
function throwAnswersFalse(fn: HandlerFunction, call: TSESTree.CallExpression): boolean {
  let child: TSESTree.Node = call;
  for (let parent: TSESTree.Node | undefined = call.parent; parent && parent !== fn; parent = parent.parent) {
    if (isFunctionNode(parent)) return false;
    const inner = child;
    child = parent;
    if (parent.type !== AST_NODE_TYPES.TryStatement || parent.block !== inner || !parent.handler) continue;
    const answer = parent.handler.body;
    let falsy = true;
    walk(
      answer,
      (node) => {
        if (node.type !== AST_NODE_TYPES.ReturnStatement) return;
        const value = node.argument ? staticValue(node.argument) : { value: undefined };
        falsy &&= value !== null && !value.value;
      },
      (node) => node === answer || !isFunctionNode(node),
    );
    return falsy && alwaysExits(answer);
  }
  return false;
}

/** Whether a function calls one named for judging a credential (`verifyToken(tokens, token)`). */
function callsJudgingCall(fn: HandlerFunction): boolean {
  let found = false;
  walk(fn.body, (node) => {
    found ||=
      node.type === AST_NODE_TYPES.CallExpression && JUDGING_CALL.test(nameOf(skipTypeWrappers(node.callee)) ?? '');
  });
  return found;
}

/** What a call that judges a credential is named: `verify`, `validate`, `authenticate`, `compare`. */
const JUDGING_CALL = /verif|valid|authent|authori|introspect|check|compare|equal/iu;

/**
 * Whether a function judges what `call` hands back: compares it (`===`, `!==`) with something the
 * request does not hold, or gives it to a call that verifies it (`jwt.verify(token)`).
 */
function judges(fn: HandlerFunction, call: TSESTree.CallExpression): boolean {
  // The names it is held in (`const token = readToken(req)`, or destructured from what it hands
  // back: `const { apiKey } = contextFromHeaders(headers)`), which a value may be followed past.
  const holder = outermostWrapper(call).parent;
  const held = new Set<Scope.Variable>();
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init && outermostWrapper(call) === holder.init) {
    const ids =
      holder.id.type === AST_NODE_TYPES.Identifier
        ? [holder.id]
        : holder.id.type === AST_NODE_TYPES.ObjectPattern
          ? holder.id.properties.flatMap((property) => {
              if (property.type !== AST_NODE_TYPES.Property) return [];
              const value =
                property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
              return value.type === AST_NODE_TYPES.Identifier ? [value] : [];
            })
          : [];
    for (const id of ids) {
      const variable = variableOf(id);
      if (variable) held.add(variable);
    }
  }
  const heldName = (variable: Scope.Variable | null): boolean => variable !== null && held.has(variable);
  const holds = (node: TSESTree.Node): boolean =>
    holdsThrough(
      node,
      (inner) => inner === call || (inner.type === AST_NODE_TYPES.Identifier && heldName(variableOf(inner))),
      4,
    );
  return judgesHeld(fn, holds, call, 0);
}

/**
 * Whether a function judges a value that `holds` finds: compares it, hands it to a call named for
 * judging, or to a function of the project that judges the parameter it takes it as
 * (`userFromToken(token)`, which hands it to `jwtVerify`), two deep. Not in `call` itself.
 */
function judgesHeld(
  fn: HandlerFunction,
  holds: (node: TSESTree.Node) => boolean,
  call: TSESTree.CallExpression | null,
  depth: number,
): boolean {
  let found = false;
  walk(fn.body, (node) => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.BinaryExpression && ['===', '!==', '==', '!='].includes(node.operator)) {
      const { left, right } = node;
      if (left.type === AST_NODE_TYPES.PrivateIdentifier) return;
      found = (holds(left) && !holds(right)) || (holds(right) && !holds(left));
    } else if (node.type === AST_NODE_TYPES.CallExpression && node !== call) {
      const name = nameOf(skipTypeWrappers(node.callee));
      found = name !== null && JUDGING_CALL.test(name) && node.arguments.some((argument) => holds(argument));
      if (found || depth >= 2) return;
      const index = node.arguments.findIndex((argument) => holds(argument));
      const callee = index === -1 ? null : resolveFunction(node.callee);
      const param = callee && callee !== fn ? callee.params[index] : undefined;
      const variable = param?.type === AST_NODE_TYPES.Identifier ? variableOf(param) : null;
      found =
        variable !== null &&
        judgesHeld(
          callee!,
          (inner) =>
            holdsThrough(
              inner,
              (value) => value.type === AST_NODE_TYPES.Identifier && variableOf(value) === variable,
              4,
            ),
          null,
          depth + 1,
        );
    }
  });
  return found;
}

/**
 * While set, the refusals `decidesRejection` counts: those on the way to the route whose check is
 * sought. A header read at the top of a plain handler (`const origin = req.headers.origin`) may
 * be refused only in the branch of another route (`if (req.method === 'OPTIONS') { if (!allowed)
 * return 403; … return; }`), which the route's requests never take.
 */
const refusalCounts = scoped<((refusal: TSESTree.Node) => boolean) | undefined>(undefined);

/**
 * While a variable made from the header is followed (`const token = auth.split(' ')[1]`), what the
 * values it was made from hold without the header: a refusal of `token` inside `if (auth) { … }`
 * is not reached by a request without it, whatever `token` would hold.
 */
const madeFrom = scoped<Absent | undefined>(undefined);

/** `absent` with what the followed variable was made from: the reads an enclosing test may make. */
function withMadeFrom(absent: Absent): Absent {
  return madeFrom.value ? new Map([...madeFrom.value, ...absent]) : absent;
}

/**
 * Whether the value read at `node` decides a branch that rejects the request when the header is
 * missing, directly or through a variable. A check that only rejects a wrong value of a header
 * the attacker can leave out (`if (auth && auth !== expected)`) is no check.
 */
function decidesRejection(node: TSESTree.Node, depth = 0, absent: Absent = new Map([[node, undefined]])): boolean {
  if (depth > 3) return false;
  // `new URL(req.url, `http://${req.headers.host}`).pathname`: the path decides, not the header.
  if (onlyPathOfUrl(node)) return false;
  const refusal = rejectingIfAround(node, absent);
  if (refusal && (!refusalCounts.value || refusalCounts.value(refusal))) return true;
  // `const token = req.headers.authorization;` then `if (token !== expected) return …`
  let current: TSESTree.Node = node;
  while (
    current.parent &&
    current.parent.type !== AST_NODE_TYPES.VariableDeclarator &&
    !(current.parent.type === AST_NODE_TYPES.AssignmentExpression && current.parent.right === current) &&
    !isStatement(current.parent)
  ) {
    current = current.parent;
  }
  const declarator = current.parent;
  if (
    declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    (declarator.id.type === AST_NODE_TYPES.Identifier || declarator.id.type === AST_NODE_TYPES.ArrayPattern)
  ) {
    // What the variable holds when the header is missing, if the file shows it (`?? ''` gives '').
    // A header it falls back to that is no credential (`req.headers['mcp-session-id'] ||
    // req.headers['x-session-id']`) is there if the page wants it: the variable holds it then.
    // With no value assumed (a check of Host or Origin, which must refuse a wrong value), a
    // variable that holds the header itself holds one the page sent, as the header read in a test
    // is taken (`otherHeadersSent`): `const host = req.headers.host; if (!host) …` refuses nobody.
    const held: AbsentValue =
      declarator.init && absent.size > 0
        ? absentValue(declarator.init, new Map([...otherHeadersSent(declarator.init, absent), ...absent]))
        : declarator.init && absent.size === 0 && holdsSentHeader(declarator.init)
          ? { known: true, value: FORGED }
          : { known: false };
    const id = declarator.id;
    return madeFrom.during(new Map([...(madeFrom.value ?? []), ...absent]), () => {
      if (id.type === AST_NODE_TYPES.Identifier) {
        // `const url = new URL(req.url, \`http://${req.headers.host}\`)`: its path and query come
        // from the request's path, whatever the header says; only its other reads can decide.
        const pathOnlyFromRequest = declarator.init !== null && inUrlBase(node, declarator.init);
        return bindingDecidesRejection(id, depth, held, pathOnlyFromRequest);
      }
      // `const [scheme, token] = auth?.split(' ') || [];`: each name holds its element of what the
      // value is without the header (here `[]`, so `undefined`).
      return id.elements.some((element, index) => {
        if (element?.type !== AST_NODE_TYPES.Identifier) return false;
        const item: AbsentValue =
          held.known && Array.isArray(held.value) ? { known: true, value: held.value[index] } : { known: false };
        return bindingDecidesRejection(element, depth, item);
      });
    });
  }
  // `let token; if (isBearer(auth)) token = auth.slice(7);`: without the header the variable keeps
  // what it was declared with.
  if (
    declarator?.type === AST_NODE_TYPES.AssignmentExpression &&
    declarator.operator === '=' &&
    declarator.left.type === AST_NODE_TYPES.Identifier
  ) {
    const def = variableOf(declarator.left)?.defs[0];
    if (def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier) return false;
    const init = def.node.init;
    // What it was declared with, as far as it is known without the header (`process.env.KEY ||
    // req.headers['x-key']` holds the environment's key as the server is set up).
    // The request's other headers in it are missing too: the forger sends none of them.
    const missing = new Map<TSESTree.Node, unknown>();
    if (init)
      walk(init, (node) => {
        if (requestHeaderRead(node) !== null) missing.set(node, undefined);
      });
    const declared = init ? absentValue(init, missing) : null;
    const held: AbsentValue =
      !init || staticValue(init)?.value === undefined
        ? declared?.known
          ? declared
          : { known: true, value: undefined }
        : { known: false };
    return bindingDecidesRejection(def.node.id, depth, held);
  }
  return false;
}

/** The parts of a URL that come from its input, not its base (for an input that is a path). */
const PATH_PARTS = new Set(['pathname', 'search', 'searchParams', 'hash']);

/**
 * Whether `node` lies in the base of `new URL(input, base)` whose path or query is all that is
 * read (`new URL(req.url, \`http://${req.headers.host}\`).pathname`, or a variable holding it that
 * is read only so): the base decides the origin of the URL, never its path.
 */
function onlyPathOfUrl(node: TSESTree.Node): boolean {
  let child = node;
  for (let parent = node.parent; parent && !isStatement(parent); child = parent, parent = parent.parent) {
    if (parent.type !== AST_NODE_TYPES.NewExpression) continue;
    if (parent.arguments[1] !== child || !isUrlConstructor(parent.callee)) return false;
    const made = outermostWrapper(parent);
    const use = made.parent;
    if (use?.type === AST_NODE_TYPES.MemberExpression && use.object === made) return readsPathOnly(use);
    // `let url; try { url = new URL(…) } catch { … }`: every read of the variable.
    if (
      use?.type === AST_NODE_TYPES.AssignmentExpression &&
      use.operator === '=' &&
      use.right === made &&
      use.left.type === AST_NODE_TYPES.Identifier
    ) {
      return (variableOf(use.left)?.references ?? []).every(
        (reference) => reference.isWrite() || pathOnlyRead(reference.identifier as TSESTree.Node),
      );
    }
    if (use?.type !== AST_NODE_TYPES.VariableDeclarator || use.init !== made) return false;
    if (use.id.type === AST_NODE_TYPES.ObjectPattern) {
      return use.id.properties.every(
        (property) => property.type === AST_NODE_TYPES.Property && PATH_PARTS.has(propertyName(property) ?? ''),
      );
    }
    if (use.id.type !== AST_NODE_TYPES.Identifier) return false;
    return (variableOf(use.id)?.references ?? []).every(
      (reference) => reference.init || pathOnlyRead(reference.identifier as TSESTree.Node),
    );
  }
  return false;
}

function readsPathOnly(member: TSESTree.MemberExpression): boolean {
  return !member.computed && PATH_PARTS.has(propertyName(member) ?? '');
}

/**
 * Whether a read of a URL takes only its path or query: `url.pathname`, or the URL handed to a
 * function of the project that reads only those of it (`handleHealth(req, res, url)` testing
 * `url.pathname !== '/health'`), one call deep.
 */
function pathOnlyRead(read: TSESTree.Node, handedOn = false): boolean {
  const held = outermostWrapper(read);
  const parent = held.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === held) return readsPathOnly(parent);
  if (handedOn || parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee === held) return false;
  const fn = resolveFunction(parent.callee);
  const name = fn ? parameterName(fn.params[parent.arguments.indexOf(held as TSESTree.CallExpressionArgument)]) : null;
  const variable = name ? variableOf(name) : null;
  return (
    !!variable &&
    variable.references.every(
      (reference) => reference.init || pathOnlyRead(reference.identifier as TSESTree.Node, true),
    )
  );
}

/**
 * `const url = urlOf(req)` of a helper that reads the header only as the base of the URL it parses
 * (`new URL(req.url, \`http://${req.headers.host}\`)`, nothing when that throws), with the URL read
 * only for its path or tested for being there: the path is the request's whatever the header
 * says, and a name a rebinding page uses parses like any other.
 */
function parsedUrlReadForPath(finder: CheckFinder, helper: HandlerFunction, id: TSESTree.Identifier): boolean {
  let reads = 0;
  let elsewhere = false;
  walk(helper.body, (node) => {
    if (elsewhere) return;
    const header = requestHeaderRead(node) ?? hostPropertyRead(node);
    if (header === null || !finder.checksHeader(header)) return;
    reads++;
    if (!inSomeUrlBase(node) && !heldForUrlBase(node)) elsewhere = true;
  });
  if (reads === 0 || elsewhere || !handsBackParsedUrl(helper)) return false;
  return (variableOf(id)?.references ?? []).every(
    (reference) =>
      reference.init || pathOnlyRead(reference.identifier as TSESTree.Node) || presenceTest(reference.identifier),
  );
}

/**
 * Whether a helper hands back only a URL it parses, or nothing: each `return` gives a `new URL(…)`,
 * a constant holding one that is read for nothing but its path on the way, or `null`/`undefined`.
 * Not one that compares the URL's hostname first (`if (url.hostname !== 'localhost') return
 * undefined`), nor one that hands back a verdict.
 */
function handsBackParsedUrl(helper: HandlerFunction): boolean {
  return returnedExpressions(helper).every((returned) => {
    const value = skipTypeWrappers(returned);
    if (isNullishLiteral(value)) return true;
    if (value.type === AST_NODE_TYPES.NewExpression) return isUrlConstructor(value.callee);
    if (value.type !== AST_NODE_TYPES.Identifier) return false;
    const def = variableOf(value)?.defs[0];
    const init = def?.type === 'Variable' && def.node.id === def.name ? def.node.init : null;
    const made = init && skipTypeWrappers(init);
    return (
      made?.type === AST_NODE_TYPES.NewExpression &&
      isUrlConstructor(made.callee) &&
      (variableOf(value)?.references ?? []).every(
        (reference) =>
          reference.init ||
          outermostWrapper(reference.identifier as TSESTree.Node).parent?.type === AST_NODE_TYPES.ReturnStatement ||
          pathOnlyRead(reference.identifier as TSESTree.Node),
      )
    );
  });
}

/** A read held in a variable used only in URL bases: `const host = req.headers.host ?? 'localhost'`. */
function heldForUrlBase(read: TSESTree.Node): boolean {
  let current = outermostWrapper(read);
  while (current.parent?.type === AST_NODE_TYPES.LogicalExpression) current = outermostWrapper(current.parent);
  const declarator = current.parent;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== current ||
    declarator.id.type !== AST_NODE_TYPES.Identifier
  )
    return false;
  const references = variableOf(declarator.id)?.references ?? [];
  return references.every((reference) => reference.init || inSomeUrlBase(reference.identifier as TSESTree.Node));
}

/** Whether `node` lies in the base of a `new URL(input, base)`. */
function inSomeUrlBase(node: TSESTree.Node): boolean {
  let child = node;
  for (let parent = node.parent; parent && !isStatement(parent); child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.NewExpression && isUrlConstructor(parent.callee))
      return parent.arguments[1] === child;
  }
  return false;
}

/** A read that tests only whether a value is there: `!url`, `if (url)`, `url == null`, `url === undefined`. */
function presenceTest(read: TSESTree.Node): boolean {
  const held = outermostWrapper(read);
  const parent = held.parent;
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') return true;
  if (
    (parent?.type === AST_NODE_TYPES.IfStatement || parent?.type === AST_NODE_TYPES.ConditionalExpression) &&
    parent.test === held
  )
    return true;
  if (parent?.type !== AST_NODE_TYPES.BinaryExpression || !['===', '!==', '==', '!='].includes(parent.operator))
    return false;
  return isNullishLiteral(skipTypeWrappers(parent.left === held ? parent.right : parent.left));
}

/** Whether `node` lies in the base of the `new URL(input, base)` that `init` is. */
function inUrlBase(node: TSESTree.Node, init: TSESTree.Node): boolean {
  const made = skipTypeWrappers(init);
  return (
    made.type === AST_NODE_TYPES.NewExpression &&
    isUrlConstructor(made.callee) &&
    made.arguments[1] !== undefined &&
    containsNode(made.arguments[1], node)
  );
}

function bindingDecidesRejection(
  id: TSESTree.Identifier,
  depth = 0,
  held: AbsentValue = { known: true, value: undefined },
  skipPathReads = false,
): boolean {
  const variable = variableOf(id);
  const reads = (variable?.references ?? [])
    .filter((reference) => reference.isRead())
    .map((reference) => reference.identifier as TSESTree.Node)
    .filter((read) => !skipPathReads || !pathOnlyRead(read));
  // Every read of the variable holds the same value: `auth && auth !== expected` is false without it.
  const absent: Absent = held.known ? new Map(reads.map((read) => [read, held.value])) : new Map();
  return reads.some((identifier) => decidesRejection(identifier, depth + 1, absent));
}

const NO_ORIGIN = (): boolean => false;

/** The values that expressions holding the header take when it is missing: the read itself is `undefined`. */
type Absent = ReadonlyMap<TSESTree.Node, unknown>;

/** What a value of the environment stands for when the server runs as set up: some non-empty text. */
const CONFIGURED = '\u0000configured';

/** What an expression evaluates to when the header read at `absent` is missing. */
type AbsentValue = { readonly known: true; readonly value: unknown } | { readonly known: false };

/**
 * Whether an expression is a string whatever its parts hold (a template literal, `+` with one, a
 * token made for the run, a setting that falls back to one, a constant holding one): a missing
 * header never equals it.
 */
function alwaysString(node: TSESTree.Node, depth = 0): boolean {
  const expression = skipTypeWrappers(node);
  if (depth > 4) return false;
  switch (expression.type) {
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    case AST_NODE_TYPES.Literal:
      return typeof expression.value === 'string';
    case AST_NODE_TYPES.BinaryExpression:
      return expression.operator === '+' && (alwaysString(expression.left) || alwaysString(expression.right));
    // `process.argv[2] || randomBytes(24).toString('hex')`, `process.env.KEY ?? randomUUID()`: a
    // setting that is unset gives way to a token made for the run (as `mayBeUnset` reads it).
    case AST_NODE_TYPES.LogicalExpression:
      return expression.operator !== '&&' && (madeForTheRun(expression.right) || writtenNonEmpty(expression.right));
    case AST_NODE_TYPES.CallExpression:
      return madeForTheRun(expression);
    // A constant that holds one.
    case AST_NODE_TYPES.Identifier: {
      const init = constInit(expression);
      return init !== null && alwaysString(init, depth + 1);
    }
    default:
      return false;
  }
}

/**
 * A token made for the run, never empty: `randomUUID()` (of `node:crypto` or the global `crypto`),
 * `randomBytes(24).toString('hex')`.
 */
function madeForTheRun(node: TSESTree.Node): boolean {
  const call = skipTypeWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.optional) return false;
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.optional) return false;
  if ((calledMethodName(call) ?? nameOf(callee)) === 'randomUUID') return call.arguments.length === 0;
  if (calledMethodName(call) !== 'toString' || callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  let bytes = skipTypeWrappers(callee.object);
  // `Buffer.from(randomBytes(24))`
  if (bytes.type === AST_NODE_TYPES.CallExpression && textOf(bytes.callee) === 'Buffer.from' && bytes.arguments[0])
    bytes = skipTypeWrappers(bytes.arguments[0]);
  return (
    bytes.type === AST_NODE_TYPES.CallExpression &&
    !bytes.optional &&
    (calledMethodName(bytes) ?? nameOf(skipTypeWrappers(bytes.callee))) === 'randomBytes'
  );
}

/** A string written in the code that is never empty: `'dev-key'`, `` `key-${n}` ``. */
function writtenNonEmpty(node: TSESTree.Node): boolean {
  const value = skipTypeWrappers(node);
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'string' && value.value !== '';
  return value.type === AST_NODE_TYPES.TemplateLiteral && value.quasis.some((quasi) => quasi.value.cooked !== '');
}

/** What a `const` name is initialised with (`const KEY = …`; not a name a pattern destructures). */
function constInit(id: TSESTree.Identifier): TSESTree.Expression | null {
  const def = variableOf(id)?.defs[0];
  return def?.type === 'Variable' && def.node.id === def.name && def.parent.kind === 'const' ? def.node.init : null;
}

/**
 * Whether only the truth of an expression is read: the test of an `if` or `?:`, under `!`, or a
 * side of such an `&&`/`||`.
 */
function readForTruth(node: TSESTree.Node): boolean {
  const parent = outermostWrapper(node).parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression)
    return parent.test === outermostWrapper(node);
  if (parent.type === AST_NODE_TYPES.UnaryExpression) return parent.operator === '!';
  return parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator !== '??' && readForTruth(parent);
}

function absentValue(node: TSESTree.Node, absent: Absent): AbsentValue {
  const unknown: AbsentValue = { known: false };
  const expression = skipTypeWrappers(node);
  // The read may be recorded at any layer of its wrappers: the walk that found it visits the
  // optional chain inside `req.headers?.authorization as string` as well as the `as` and the member.
  const layer = wrapperLayers(node).find((inner) => absent.has(inner));
  if (layer) return { known: true, value: absent.get(layer) };
  // `allowed.includes('*')`, `allowed[0] === '*'` where the code gives `allowed` a `'*'`: true as
  // the server runs out of the box, whatever the request (a gate that lets every origin in).
  if (expression.type === AST_NODE_TYPES.CallExpression || expression.type === AST_NODE_TYPES.BinaryExpression) {
    if (wildcardAdmission(expression, true, NO_ORIGIN)) return { known: true, value: true };
    if (wildcardAdmission(expression, false, NO_ORIGIN)) return { known: true, value: false };
  }
  switch (expression.type) {
    case AST_NODE_TYPES.ChainExpression:
      return absentValue(expression.expression, absent);
    case AST_NODE_TYPES.MemberExpression: {
      const object = absentValue(expression.object, absent);
      // `result.errored` of a helper's verdict: what the helper spells out, else not known.
      if (object.known && typeof object.value === 'object' && object.value !== null && verdicts.has(object.value)) {
        const verdict = object.value as Readonly<Record<string, unknown>>;
        return verdictProperty(verdict, expression.computed ? null : propertyName(expression)) ?? unknown;
      }
      // `auth?.slice(7)` is undefined too; `auth.slice(7)` throws, which turns the request away.
      if (object.known && object.value == null && expression.optional) return { known: true, value: undefined };
      // `token.length === 0`: a presence test, which a made-up value passes.
      if (
        object.known &&
        typeof object.value === 'string' &&
        !expression.computed &&
        propertyName(expression) === 'length'
      )
        return { known: true, value: object.value.length };
      return unknown;
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = absentValue(expression.callee, absent);
      if (callee.known && callee.value == null) return { known: true, value: undefined };
      return (
        stringMethodAnswer(expression, absent) ??
        constantAnswer(expression) ??
        guardClauseAnswer(expression, absent) ??
        unknown
      );
    }
    case AST_NODE_TYPES.UnaryExpression: {
      const argument = absentValue(expression.argument, absent);
      if (!argument.known) return unknown;
      if (expression.operator === '!') return { known: true, value: !argument.value };
      if (expression.operator === 'typeof') return { known: true, value: typeof argument.value };
      return unknown;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      const left = absentValue(expression.left, absent);
      const right = absentValue(expression.right, absent);
      // `auth === \`Bearer ${API_KEY}\``: a missing header is no string, whatever the key is.
      const equality = ['===', '!==', '==', '!='].includes(expression.operator);
      const nullish = (side: AbsentValue): boolean => side.known && side.value == null;
      if (
        equality &&
        ((nullish(left) && alwaysString(expression.right)) || (nullish(right) && alwaysString(expression.left)))
      )
        return { known: true, value: expression.operator === '!==' || expression.operator === '!=' };
      if (!left.known || !right.known) return unknown;
      switch (expression.operator) {
        case '===':
          return { known: true, value: left.value === right.value };
        case '!==':
          return { known: true, value: left.value !== right.value };
        case '==':
          return { known: true, value: left.value == right.value };
        case '!=':
          return { known: true, value: left.value != right.value };
        case '<':
        case '<=':
        case '>':
        case '>=': {
          if (typeof left.value !== 'number' || typeof right.value !== 'number') return unknown;
          const [a, b] = [left.value, right.value];
          const value =
            expression.operator === '<'
              ? a < b
              : expression.operator === '<='
                ? a <= b
                : expression.operator === '>'
                  ? a > b
                  : a >= b;
          return { known: true, value };
        }
        default:
          return unknown;
      }
    }
    case AST_NODE_TYPES.LogicalExpression: {
      // A fallback to a value of the environment (`process.env.UPSTREAM_KEY || req.headers['x-key']`,
      // or the other way round): as the server is set up to run, it holds one, so a request
      // without the header gets one all the same.
      if (expression.operator !== '&&') {
        const configured = (side: TSESTree.Node): boolean => environmentReadName(side) !== undefined;
        if (configured(expression.left)) return { known: true, value: CONFIGURED };
        const first = absentValue(expression.left, absent);
        if (first.known && !first.value && configured(expression.right)) return { known: true, value: CONFIGURED };
      }
      const left = absentValue(expression.left, absent);
      if (!left.known) {
        // `API_KEY && auth === \`Bearer ${API_KEY}\``: false whatever the setting, when its right side is.
        // (Only where its truth alone is read: its value may be the left side's, `undefined`.)
        const right =
          expression.operator === '&&' && readForTruth(expression) ? absentValue(expression.right, absent) : unknown;
        return right.known && !right.value ? right : unknown;
      }
      if (expression.operator === '&&') return left.value ? absentValue(expression.right, absent) : left;
      if (expression.operator === '||') return left.value ? left : absentValue(expression.right, absent);
      return left.value != null ? left : absentValue(expression.right, absent);
    }
    case AST_NODE_TYPES.Identifier: {
      const bound = boundArguments.value;
      const variable = bound && variableOf(expression);
      if (variable && bound.has(variable)) return { known: true, value: bound.get(variable) };
      const value = staticValue(expression);
      if (value) return { known: true, value: value.value };
      // `const token = process.env.TOKEN || req.headers['x-token']`: as the server is set up to run,
      // the environment's value, with or without the header (as the fallback read in place is).
      const init = constInit(expression);
      const fallback = init && skipTypeWrappers(init);
      return fallback?.type === AST_NODE_TYPES.LogicalExpression &&
        fallback.operator !== '&&' &&
        environmentReadName(fallback.left) !== undefined &&
        requestHeaderRead(skipTypeWrappers(fallback.right)) !== null
        ? { known: true, value: CONFIGURED }
        : unknown;
    }
    default: {
      const value = staticValue(expression);
      return value ? { known: true, value: value.value } : unknown;
    }
  }
}

/** String methods whose answer depends only on the string and their arguments. */
const STRING_METHODS: ReadonlySet<string> = new Set([
  'startsWith',
  'endsWith',
  'includes',
  'toLowerCase',
  'toUpperCase',
  'trim',
  'trimStart',
  'trimEnd',
  'slice',
  'substring',
]);

/**
 * What a string method answers on a value known without the header or with a forged one, given
 * constant arguments: `auth.startsWith('Bearer ')`, which a forger's `Bearer …` passes.
 */
function stringMethodAnswer(call: TSESTree.CallExpression, absent: Absent): AbsentValue | null {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return null;
  const method = propertyName(callee);
  if (method === null || !STRING_METHODS.has(method)) return null;
  const receiver = absentValue(callee.object, absent);
  if (!receiver.known || typeof receiver.value !== 'string') return null;
  const args: unknown[] = [];
  for (const argument of call.arguments) {
    const value = argument.type === AST_NODE_TYPES.SpreadElement ? null : staticValue(argument);
    if (!value || (typeof value.value !== 'string' && typeof value.value !== 'number')) return null;
    args.push(value.value);
  }
  const fn = (String.prototype as unknown as Record<string, (...values: unknown[]) => unknown>)[method]!;
  return { known: true, value: fn.apply(receiver.value, args) };
}

/**
 * What a function of the project answers whatever it is given, when every path returns the same
 * constant and nothing may refuse by throwing: `function isAllowedOrigin(origin) { return true; }`
 * (a stub, logging aside), so that
 * `if (!isAllowedOrigin(origin)) throw …` never refuses.
 */
function constantAnswer(call: TSESTree.CallExpression): AbsentValue | null {
  const fn = resolveFunction(call.callee);
  if (!fn || fn.async || fn.generator) return null;
  const returned = returnedExpressions(fn);
  const first = returned[0] && staticValue(returned[0]);
  if (!first || typeof first.value !== 'boolean') return null;
  // A stub: every path returns the constant, and nothing on the way may refuse by throwing.
  if (!endsInReturn(fn) || mayRefuse(fn) || !returned.every((value) => staticValue(value)?.value === first.value))
    return null;
  return { known: true, value: first.value };
}

/**
 * What a function of the project answers for the missing header, when its first statement returns
 * a constant for it: `readBearer(req.headers.authorization)` whose body starts
 * `if (!value) return undefined;`.
 */
function guardClauseAnswer(call: TSESTree.CallExpression, absent: Absent): AbsentValue | null {
  const helper = resolveFunction(call.callee);
  if (!helper || helper.async || helper.generator || helper.body.type !== AST_NODE_TYPES.BlockStatement) return null;
  const [first] = helper.body.body;
  if (first?.type !== AST_NODE_TYPES.IfStatement) return null;
  const exit =
    first.consequent.type === AST_NODE_TYPES.BlockStatement && first.consequent.body.length === 1
      ? first.consequent.body[0]
      : first.consequent;
  if (exit?.type !== AST_NODE_TYPES.ReturnStatement) return null;
  const answer = exit.argument ? staticValue(exit.argument) : { value: undefined };
  if (!answer) return null;
  const bound = new Map<Scope.Variable, unknown>();
  for (const [index, param] of helper.params.entries()) {
    const name = parameterName(param);
    const argument = call.arguments[index];
    if (!name || !argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
    const variable = variableOf(name);
    const value = absentValue(argument, absent);
    if (variable && value.known && !variable.references.some((reference) => reference.isWrite() && !reference.init))
      bound.set(variable, value.value);
  }
  if (bound.size === 0) return null;
  return withBound(bound, () => {
    const test = absentValue(first.test, new Map());
    return test.known && Boolean(test.value) ? { known: true, value: answer.value } : null;
  });
}

/** Whether a test, taken as true (`when`) or false, can lead to its branch when the header is missing. */
function possibleWhenAbsent(test: TSESTree.Node, absent: Absent, when: boolean): boolean {
  const value = absentValue(test, absent);
  return !value.known || Boolean(value.value) === when;
}

function isStatement(node: TSESTree.Node): boolean {
  return /Statement$|Declaration$/u.test(node.type);
}

/**
 * The `if` (or `?:`, `assert(…)`, `try`) around `node` that rejects the request when the header
 * read at `absent` is missing, and that a request without it reaches.
 */
function rejectingIfAround(node: TSESTree.Node, absent: Absent): TSESTree.Node | null {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && !isStatement(parent)) {
    // `ctx.assert(token === expected, 401)`, `assert(valid)`: they throw when the test is false.
    if (
      parent.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments.includes(child as TSESTree.CallExpressionArgument)
    ) {
      const method =
        calledMethodName(parent) ?? (parent.callee.type === AST_NODE_TYPES.Identifier ? parent.callee.name : null);
      if (method === 'assert' && parent.arguments[0] === child && possibleWhenAbsent(child, absent, false)) {
        return reachedWhenAbsent(parent, absent, withMadeFrom(absent)) ? parent : null;
      }
    }
    // `return token === expected ? next() : res.status(403).end()`
    if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test === child) {
      const rejecting =
        (rejects(parent.consequent) && possibleWhenAbsent(child, absent, true)) ||
        (rejects(parent.alternate) && possibleWhenAbsent(child, absent, false));
      if (rejecting && reachedWhenAbsent(parent, absent, withMadeFrom(absent))) return parent;
    }
    child = parent;
    parent = parent.parent;
  }
  if (parent?.type === AST_NODE_TYPES.IfStatement && parent.test === child) {
    // `req.headers.authorization && req.headers.authorization !== T`: every read of it is missing.
    // Any other header of the request is there if the page wants it to be (a preflight approves it
    // where the policy says so): `!auth && !req.headers['mcp-session-id']` turns away only those
    // who send neither, and a page sends the session header.
    const missing = new Map([...otherHeadersSent(child, absent), ...absent, ...relatedReads(child, absent)]);
    // `if (auth) { if (!auth.startsWith('Bearer ')) return …; }`: an `if` inside that tests the
    // value again decides at its own read, for the value the request carries; the outer one only
    // says the header is there.
    const testsValueAgain = (test: TSESTree.Node): boolean =>
      [...absent.keys()].some((read) => containsNode(test, read));
    const rejecting =
      (rejects(parent.consequent, testsValueAgain) && possibleWhenAbsent(child, missing, true)) ||
      (parent.alternate !== null &&
        rejects(parent.alternate, testsValueAgain) &&
        possibleWhenAbsent(child, missing, false));
    if (rejecting && reachedWhenAbsent(parent, absent, withMadeFrom(absent))) return parent;
    // `if (token === expected) return next(); return res.status(401).end();`: the request with the
    // credential is let through, and every other one refused after.
    // Without the header the test must be false; with a made-up value it must not be known true.
    const test = absentValue(child, missing);
    const forged = [...absent.values()].some((value) => value !== undefined);
    // A helper's verdict (`if (isAuthorized(req)) return next();`, asked with nothing absent): the
    // helper reads the credential, and the gate lets through only what it says yes to.
    const verdict = absent.size === 0;
    if (
      (forged || verdict ? !(test.known && test.value) : test.known && !test.value) &&
      !parent.alternate &&
      letsThrough(parent.consequent) &&
      refusedAfter(parent) &&
      reachedWhenAbsent(parent, absent)
    ) {
      return parent;
    }
  }
  // `try { verify(req.headers.authorization) } catch { return res.status(401).end() }`: the value goes
  // into a call that can throw on it, and the request that makes it throw is turned away.
  // A catch that answers only 500 handles whatever failed: the value must go into a verification
  // (`jwt.verify(token)`), not only be handed on (`asyncLocalStorage.run(key, …)`).
  // A value packed into an object of other data (`runTool(name, { ...args, sessionId })`) goes
  // into a call that may fail on any of it: only a verification counts then. A function of the
  // project that cannot throw (`mayRefuse`) fails on nothing it is given.
  const tryStatement = enclosingTry(node);
  const call = tryStatement?.handler ? passedToCall(node, tryStatement) : null;
  const callee = call && textOf(call.callee);
  const target = call && resolveFunction(call.callee);
  if (
    tryStatement?.handler &&
    callee &&
    !(target && !mayRefuse(target)) &&
    // A promise a function hands back rejects past the `try` unless it is awaited there.
    !(target && answersPromise(target) && !awaitedAt(call)) &&
    rejects(tryStatement.handler.body) &&
    (VERIFYING_CALLEE.test(callee) ||
      (!heldInObject(node) &&
        (target
          ? throwsOnParameter(
              target,
              call.arguments.findIndex((argument) => containsNode(argument, node)),
            ) && !answersServerError(tryStatement.handler.body)
          : !answersNoAuthError(tryStatement.handler.body)))) &&
    // The call itself, not only the `try`: `if (requireAuth) { … verify(token) }` in a call that
    // passes `requireAuth` false never verifies; nor does `if (auth) { … verify(token) }`, for a
    // `token` made from the header a request leaves out.
    reachedWhenAbsent(call, absent, withMadeFrom(absent)) &&
    // A made-up value signed with a key the source spells out (`jwt.verify(token, process.env.JWT_SECRET
    // || 'change-me')`) passes: anyone who reads the code can sign one.
    !(judgingForgery.value && keyedBySourceSecret(call))
  ) {
    return tryStatement;
  }
  return null;
}

/**
 * Whether a function of the project throws on what its parameter at `index` holds: a `throw` in a
 * branch whose test reads it (`if (key !== EXPECTED) throw …`). One that throws for another reason
 * (`dispatch(body, sessionId)` on an unknown method) fails on nothing about that value. A
 * parameter that is destructured or spread into is not followed, and counts.
 */
function throwsOnParameter(fn: HandlerFunction, index: number): boolean {
  const param = fn.params[index];
  const name = param && parameterName(param);
  const variable = name ? variableOf(name) : null;
  if (!variable) return true;
  const reads = new Set(variable.references.map((reference) => reference.identifier as TSESTree.Node));
  let throws = false;
  walk(fn.body, (node) => {
    if (throws || (node.type !== AST_NODE_TYPES.IfStatement && node.type !== AST_NODE_TYPES.ConditionalExpression))
      return;
    let tested = false;
    walk(node.test, (inner) => {
      tested ||= reads.has(inner);
    });
    if (!tested) return;
    walk(node, (inner) => {
      throws ||= inner.type === AST_NODE_TYPES.ThrowStatement;
    });
  });
  return throws;
}

/** Whether a function hands back a promise: it is `async`, or returns `new Promise(…)`. */
function answersPromise(fn: HandlerFunction): boolean {
  return (
    fn.async ||
    returnedExpressions(fn).some((value) => {
      const made = skipTypeWrappers(value);
      return made.type === AST_NODE_TYPES.NewExpression && nameOf(skipTypeWrappers(made.callee)) === 'Promise';
    })
  );
}

/** Whether a call's value is awaited where it is made (`await verify(token)`). */
function awaitedAt(call: TSESTree.Node): boolean {
  return outermostWrapper(call).parent?.type === AST_NODE_TYPES.AwaitExpression;
}

/** Whether a name holds an object literal (`const args = { ...params, sessionId: sid }`), not a value alone. */
function heldInObject(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const def = variableOf(node)?.defs[0];
  const init = def?.type === 'Variable' ? def.node.init : null;
  return init !== null && init !== undefined && skipTypeWrappers(init).type === AST_NODE_TYPES.ObjectExpression;
}

/** Calls that record a value rather than check it: `console.log`, `logger.info`, `log.debug`, `span.setAttribute`. */
const LOGGING_CALLEE =
  /(?:^|\.)(?:console|logger|log|logging|telemetry|span|tracer)\b|\.(?:log|debug|info|warn|warning|error|trace|verbose|setAttribute|setAttributes)$/iu;

/** Built-in calls that take any value without throwing: `Array.isArray(header)` tests its type. */
const NEVER_THROWS =
  /^(?:Array\.isArray|Number\.is(?:Integer|SafeInteger|Finite|NaN)|Object\.is|isNaN|isFinite|Boolean|String)$/u;

/**
 * Whether `node` is passed, as the value it is, to a call inside `within` that is not mere
 * logging: not once it is coerced to a flag (`!!auth`) or packed into an object (`{ hasAuth: … }`),
 * which a call cannot fail on.
 */
function passedToCall(
  node: TSESTree.Node,
  within: TSESTree.Node,
): TSESTree.CallExpression | TSESTree.NewExpression | null {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== within; child = parent, parent = parent.parent) {
    if (
      (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') ||
      parent.type === AST_NODE_TYPES.ObjectExpression ||
      parent.type === AST_NODE_TYPES.TemplateLiteral
    ) {
      return null;
    }
    if (
      (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
      parent.arguments.includes(child as TSESTree.CallExpressionArgument)
    ) {
      const callee = textOf(parent.callee);
      return !LOGGING_CALLEE.test(callee) && !NEVER_THROWS.test(callee) && !storedInCollection(parent) ? parent : null;
    }
  }
  return null;
}

/** The methods of `Map`, `Set` and arrays that take any value without throwing: they store or look it up. */
const COLLECTION_METHODS: ReadonlySet<string> = new Set([
  'set',
  'get',
  'has',
  'delete',
  'add',
  'push',
  'unshift',
  'includes',
  'indexOf',
]);

/**
 * `sessions.set(id, info)` on a `new Map()` (or `Set`) or an array of the module: it throws on
 * nothing it is given. (Not a `WeakMap`, which throws on a key that is no object.)
 */
function storedInCollection(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = calledMethodName(call);
  if (method === null || !COLLECTION_METHODS.has(method)) return false;
  let made: TSESTree.Node = skipTypeWrappers(call.callee.object);
  if (made.type === AST_NODE_TYPES.Identifier) {
    // `const sessions = new Map()`: a constant that holds the collection it is made with.
    const def = variableOf(made)?.defs[0];
    const init = def?.type === 'Variable' && def.parent?.kind === 'const' ? def.node.init : null;
    if (!init) return false;
    made = skipTypeWrappers(init);
  }
  if (made.type === AST_NODE_TYPES.ArrayExpression) return true;
  return (
    made.type === AST_NODE_TYPES.NewExpression &&
    made.callee.type === AST_NODE_TYPES.Identifier &&
    (made.callee.name === 'Map' || made.callee.name === 'Set') &&
    globalPath(made.callee) !== null
  );
}

/**
 * Whether a verification's key can be text written in the source: an argument after the value
 * that may be a non-empty string literal, as a fallback (`process.env.JWT_SECRET || 'secret'`) or
 * alone. Out of the box the server then verifies with a key anyone can read.
 */
function keyedBySourceSecret(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  return call.arguments
    .slice(1)
    .some(
      (argument) =>
        argument.type !== AST_NODE_TYPES.SpreadElement &&
        possibleValues(argument).some((value) => value.known && typeof value.value === 'string' && value.value !== ''),
    );
}

/** Calls named for checking what they are given: `jwt.verify(token)`, `validateApiKey(key)`, `decodeToken(t)`. */
const VERIFYING_CALLEE = /verif|valid|check|auth|decode|assert|jwt/iu;

/** The `try` whose block holds `node`, within its function. */
function enclosingTry(node: TSESTree.Node): TSESTree.TryStatement | null {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child) return parent;
    if (/Function/u.test(parent.type)) return null;
  }
  return null;
}

/**
 * Whether a request without the header gets to `node`: no enclosing branch needs the header
 * present, and no earlier `if` turned it away. `enclosing` adds, for the enclosing branches only,
 * what a followed variable was made from (`madeFrom`): an earlier refusal of the header itself is
 * a check of its own, judged at its own read.
 */
function reachedWhenAbsent(node: TSESTree.Node, absent: Absent, enclosing: Absent = absent): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && !/Function/u.test(parent.type); child = parent, parent = parent.parent) {
    // `if (!token) { …; return; }` before it: a request without the header has left by then.
    if (parent.type === AST_NODE_TYPES.BlockStatement) {
      for (const statement of parent.body) {
        if (statement === child) break;
        if (statement.type !== AST_NODE_TYPES.IfStatement || !alwaysExits(statement.consequent)) continue;
        const test = absentValue(statement.test, relatedReads(statement.test, absent));
        if (test.known && Boolean(test.value)) return false;
      }
    }
    if (
      (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) &&
      child !== parent.test
    ) {
      // Only tests about this header can be judged; `if (auth) { … }` is not reached without it.
      if (!possibleWhenAbsent(parent.test, relatedReads(parent.test, enclosing), child === parent.consequent)) {
        return false;
      }
    }
  }
  return true;
}

/**
 * The reads in `test` of request headers other than the one `absent` stands for and other than
 * credentials, each taken as present with a value the page chose: whether the page sends them
 * (`Mcp-Session-Id`, `X-Requested-With`) is its own choice.
 */
function otherHeadersSent(test: TSESTree.Node, absent: Absent): Map<TSESTree.Node, unknown> {
  const texts = new Set([...absent.keys()].map((node) => requestHeaderRead(node)));
  const sent = new Map<TSESTree.Node, unknown>();
  walk(test, (node) => {
    const header = requestHeaderRead(node);
    // Another credential (`!auth && !apiKey`, each checked after) is a way in only with its value.
    if (header === null || texts.has(header) || absent.has(node) || isCredentialHeader(header)) return;
    sent.set(node, FORGED);
  });
  return sent;
}

/** Whether an initializer is a read of a request header that is no credential (`req.headers.host`). */
function holdsSentHeader(init: TSESTree.Node): boolean {
  const header = requestHeaderRead(skipTypeWrappers(init));
  return header !== null && !isCredentialHeader(header);
}

/** The reads in `test` of the same header as `absent` (the same text, or the same variable). */
function relatedReads(test: TSESTree.Node, absent: Absent): Map<TSESTree.Node, unknown> {
  const texts = new Map([...absent].map(([node, value]) => [textOf(node), value]));
  const related = new Map<TSESTree.Node, unknown>();
  walk(test, (node) => {
    const text = textOf(node);
    if (
      texts.has(text) &&
      (node.type === AST_NODE_TYPES.Identifier ||
        node.type === AST_NODE_TYPES.MemberExpression ||
        node.type === AST_NODE_TYPES.CallExpression)
    ) {
      related.set(node, texts.get(text));
    }
  });
  return related;
}

/**
 * Whether a helper the handler calls turns the request away. Called as a statement (`guard(req,
 * res, next)`) or returned, its `return` ends the handling; one whose value the handler goes on with
 * (`const token = extractToken(req)`) hands a value back there instead, so only its throws and error
 * answers refuse.
 */
function helperChecksCredential(
  finder: CheckFinder,
  call: TSESTree.CallExpression,
  helper: HandlerFunction,
  depth: number,
  within: HandlerFunction,
): boolean {
  let current: TSESTree.Node = outermostWrapper(call);
  while (current.parent?.type === AST_NODE_TYPES.AwaitExpression) current = outermostWrapper(current.parent);
  const { parent } = current;
  // Returned, also as an arrow's body (`(c) => handleMcp(c)`): its answer is the handler's.
  const valueUsed =
    parent?.type !== AST_NODE_TYPES.ExpressionStatement &&
    parent?.type !== AST_NODE_TYPES.ReturnStatement &&
    !(parent === within && parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === current);
  const before = returnsHandBack;
  const beforeTruthy = truthyReturnsRefuse;
  if (valueUsed) returnsHandBack = true;
  // `const problem = checkOrigin(req); if (problem) return res.status(403).end(…)`: what the
  // helper hands back when it is truthy (an error message) turns the request away.
  truthyReturnsRefuse = valueUsed && refusedWhenTruthy(parent);
  try {
    const read = (): boolean => withArguments(call, helper, () => functionChecksCredential(finder, helper, depth));
    // Its answer is what the caller's gate decides by.
    return valueUsed ? answerDecidingGateOf(within, read) : read();
  } finally {
    returnsHandBack = before;
    truthyReturnsRefuse = beforeTruthy;
  }
}

/**
 * Whether a `const` that holds a call's value is tested as such (`if (problem)`) in a branch that
 * turns the request away.
 */
function refusedWhenTruthy(holder: TSESTree.Node | undefined): boolean {
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) return false;
  if (holder.parent?.type !== AST_NODE_TYPES.VariableDeclaration || holder.parent.kind !== 'const') return false;
  return (variableOf(holder.id)?.references ?? []).some((reference) => {
    const read = reference.identifier as TSESTree.Node;
    const test = read.parent;
    return test?.type === AST_NODE_TYPES.IfStatement && test.test === read && rejects(test.consequent);
  });
}

/** Whether a returned value is truthy as written: a message, an object, an error. */
function writtenTruthy(node: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  if (
    expression.type === AST_NODE_TYPES.ObjectExpression ||
    expression.type === AST_NODE_TYPES.ArrayExpression ||
    expression.type === AST_NODE_TYPES.NewExpression ||
    (expression.type === AST_NODE_TYPES.TemplateLiteral && expression.quasis.some((quasi) => quasi.value.cooked !== ''))
  )
    return true;
  const value = staticValue(expression);
  return value !== null && Boolean(value.value);
}

/**
 * Whether a returned value is an error answer that the caller sends back: `new Response(…, { status:
 * 401 })`, `Response.json(…, { status: 403 })`, `c.text('Unauthorized', 401)`, or a call of a
 * function of the project every return of which is one.
 */
function answersWithError(node: TSESTree.Node, depth = 0): boolean {
  const expression = skipTypeWrappers(node);
  switch (expression.type) {
    case AST_NODE_TYPES.ConditionalExpression:
      return answersWithError(expression.consequent, depth) || answersWithError(expression.alternate, depth);
    case AST_NODE_TYPES.LogicalExpression:
      return answersWithError(expression.left, depth) || answersWithError(expression.right, depth);
    case AST_NODE_TYPES.AwaitExpression:
      return answersWithError(expression.argument, depth);
    case AST_NODE_TYPES.NewExpression:
      // `new Response(body, { status: 401 })`, `new NextResponse(…)`
      return (
        RESPONSE_CLASSES.has(nameOf(skipTypeWrappers(expression.callee)) ?? '') && initIsError(expression.arguments[1])
      );
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTypeWrappers(expression.callee);
      const method = calledMethodName(expression);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const object = skipTypeWrappers(callee.object);
        // `Response.json(body, { status: 403 })`, `Response.error()`
        if (object.type === AST_NODE_TYPES.Identifier && RESPONSE_CLASSES.has(object.name)) {
          return method === 'error' || (method === 'json' && initIsError(expression.arguments[1]));
        }
        // Hono's `c.json(body, 401)`, `c.text('Unauthorized', 403)`
        if (method !== null && RESPONSE_HELPERS.has(method)) return isErrorStatus(expression.arguments[1]);
      }
      if (depth >= 2) return false;
      const fn = resolveFunction(expression.callee);
      const returned = fn ? returnedExpressions(fn) : [];
      return returned.length > 0 && returned.every((value) => answersWithError(value, depth + 1));
    }
    default:
      return false;
  }
}

const RESPONSE_CLASSES: ReadonlySet<string> = new Set(['Response', 'NextResponse']);
/** Context methods that answer with a body and the status as their second argument (Hono). */
const RESPONSE_HELPERS: ReadonlySet<string> = new Set(['json', 'text', 'html', 'body', 'newResponse']);

function isErrorStatus(node: TSESTree.Node | undefined): boolean {
  const status = node && node.type !== AST_NODE_TYPES.SpreadElement ? staticValue(node)?.value : undefined;
  return typeof status === 'number' && status >= 400 && status < 600;
}

/** A `ResponseInit` whose `status` is an error. */
function initIsError(node: TSESTree.Node | undefined): boolean {
  const init = node && node.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectExpression(node) : null;
  if (!init) return false;
  const status = findObjectProperty(init, 'status');
  return status.kind === 'found' && status.value !== null && isErrorStatus(status.value);
}

/** While a helper's value is asked about: its `return` hands a value back rather than ending the handling. */
let returnsHandBack = false;
/** While a helper's value is asked about that its caller refuses the request on when truthy. */
let truthyReturnsRefuse = false;

/** Whether a branch turns the request away: `return`, `throw`, or an answer with an error status. */
function rejects(branch: TSESTree.Node, apart?: (test: TSESTree.Node) => boolean): boolean {
  // `if (wait > 0) { res.status(429).end(); return; }`: a rate limit, which any caller may reach
  // with a key of its own making, decides nothing about a credential.
  if (onlyRateLimits(branch)) return false;
  // `if (allowAnonymous) { next(); return; }` in a call that sets it: the request goes on there,
  // and nothing after it in the branch runs.
  if (branch.type === AST_NODE_TYPES.BlockStatement) {
    for (const statement of branch.body) {
      if (statement.type === AST_NODE_TYPES.IfStatement && ruledIn(statement.test) && letsThrough(statement.consequent))
        return false;
      if (rejectsAnywhere(statement, apart)) return true;
    }
    return false;
  }
  return rejectsAnywhere(branch, apart);
}

/** Whether every status a branch answers with or throws is 429 (Too Many Requests), and it sets one. */
function onlyRateLimits(branch: TSESTree.Node): boolean {
  const statuses: unknown[] = [];
  walk(branch, (node) => {
    if (node.type === AST_NODE_TYPES.ThrowStatement) {
      statuses.push(thrownStatus(node));
      return;
    }
    const status = statusSetBy(node);
    if (status !== NO_STATUS) statuses.push(status);
    else if (
      node.type === AST_NODE_TYPES.CallExpression &&
      RESPONSE_HELPERS.has(calledMethodName(node) ?? '') &&
      node.arguments[1] &&
      node.arguments[1].type !== AST_NODE_TYPES.SpreadElement
    )
      statuses.push(staticValue(node.arguments[1])?.value);
  });
  return statuses.length > 0 && statuses.every((status) => status === RATE_LIMITED);
}

const RATE_LIMITED = 429;

/**
 * Whether a statement or expression turns the request away somewhere in it; not inside an `if`
 * whose test `apart` says is judged on its own.
 */
function rejectsAnywhere(branch: TSESTree.Node, apart?: (test: TSESTree.Node) => boolean): boolean {
  let found = false;
  const judgedApart = (node: TSESTree.Node): boolean =>
    apart !== undefined && node.type === AST_NODE_TYPES.IfStatement && apart(node.test);
  walk(
    branch,
    (node) => {
      if (found || judgedApart(node)) return;
      // `else if (required) throw …` in a helper called with `required` false: only its `else` runs.
      if (node.type === AST_NODE_TYPES.IfStatement && ruledOut(node.test)) {
        if (node.alternate && rejects(node.alternate)) found = true;
        return;
      }
      // `if (allowAnonymous) …` in a call that sets it: only its consequent runs.
      if (node.type === AST_NODE_TYPES.IfStatement && ruledIn(node.test)) {
        if (rejects(node.consequent)) found = true;
        return;
      }
      if (
        node.type === AST_NODE_TYPES.ThrowStatement ||
        (node.type === AST_NODE_TYPES.ReturnStatement &&
          !handsOnToNext(node) &&
          (!returnsHandBack ||
            (node.argument !== null &&
              (answersWithError(node.argument) || (truthyReturnsRefuse && writtenTruthy(node.argument))))))
      )
        found = true;
      else if (node.type === AST_NODE_TYPES.CallExpression) {
        const method = calledMethodName(node);
        if ((method && REJECTING_METHODS.has(method)) || sendsErrorAnswer(node)) found = true;
      } else if (
        node.type === AST_NODE_TYPES.AssignmentExpression &&
        node.left.type === AST_NODE_TYPES.MemberExpression
      ) {
        if (node.left.property.type === AST_NODE_TYPES.Identifier && node.left.property.name === 'status') found = true;
      }
    },
    (node) =>
      !judgedApart(node) && !(node.type === AST_NODE_TYPES.IfStatement && (ruledOut(node.test) || ruledIn(node.test))),
  );
  return found;
}

/** `return next();`, or a bare `return;` right after `next();`: middleware handing the request on. */
function handsOnToNext(statement: TSESTree.ReturnStatement): boolean {
  const callsNext = (node: TSESTree.Node | null | undefined): boolean => {
    let expression = node && skipTypeWrappers(node);
    if (expression?.type === AST_NODE_TYPES.AwaitExpression) expression = skipTypeWrappers(expression.argument);
    return (
      expression?.type === AST_NODE_TYPES.CallExpression &&
      expression.callee.type === AST_NODE_TYPES.Identifier &&
      expression.callee.name === 'next'
    );
  };
  if (statement.argument) return callsNext(statement.argument);
  const block = statement.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement) return false;
  const before = block.body[block.body.indexOf(statement) - 1];
  return before?.type === AST_NODE_TYPES.ExpressionStatement && callsNext(before.expression);
}

/**
 * The arguments of the helper call being read, by the helper's parameter: what its tests of them
 * come to (`parseAuth(req, false)` makes `if (required)` false). Unknown arguments are left out.
 */
const boundArguments = scoped<ReadonlyMap<Scope.Variable, unknown> | null>(null);

/** Whether a test is false for the helper call being read, whatever the request holds. */
function ruledOut(test: TSESTree.Node): boolean {
  const value = boundTestValue(test);
  return value !== null && value.known && !value.value;
}

/** Whether a test is true for the helper call being read, whatever the request holds. */
function ruledIn(test: TSESTree.Node): boolean {
  const value = boundTestValue(test);
  return value !== null && value.known && Boolean(value.value);
}

/**
 * What a test holds for the helper call being read, `null` when none is: worked out once per test
 * and call (`notTakenForCall` asks it of every enclosing test of every node of the helper).
 */
function boundTestValue(test: TSESTree.Node): AbsentValue | null {
  const bound = boundArguments.value;
  if (!bound) return null;
  let answers = testValues.get(bound);
  if (!answers) testValues.set(bound, (answers = new Map()));
  let value = answers.get(test);
  if (!value) answers.set(test, (value = absentValue(test, new Map())));
  return value;
}

const testValues = new WeakMap<ReadonlyMap<Scope.Variable, unknown>, Map<TSESTree.Node, AbsentValue>>();

/**
 * Whether a node lies in a branch that the helper call being read never takes: the consequent of
 * an `if` (or `&&`, `?:`) whose test its arguments rule out, or the alternative of one they rule in.
 */
function notTakenForCall(node: TSESTree.Node, fn: HandlerFunction): boolean {
  if (!boundArguments.value) return false;
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
      if (child === parent.consequent && ruledOut(parent.test)) return true;
      if (child === parent.alternate && ruledIn(parent.test)) return true;
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right) {
      if (parent.operator === '&&' && ruledOut(parent.left)) return true;
      if (parent.operator === '||' && ruledIn(parent.left)) return true;
    }
  }
  return false;
}

/** What a helper's parameters hold for one call: the static arguments, or `undefined` for one left out. */
function argumentsOf(call: TSESTree.CallExpression, helper: HandlerFunction): Map<Scope.Variable, unknown> {
  const bound = new Map<Scope.Variable, unknown>();
  for (const [index, param] of helper.params.entries()) {
    if (param.type === AST_NODE_TYPES.ObjectPattern) {
      bindOptions(bound, param, call.arguments, index);
      continue;
    }
    const name = parameterName(param);
    const variable = name && variableOf(name);
    if (!variable || call.arguments.slice(0, index + 1).some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) {
      continue;
    }
    // A parameter the helper writes (`if (req.method === 'POST') required = true`) is not the argument.
    if (variable.references.some((reference) => reference.isWrite() && !reference.init)) continue;
    const argument = call.arguments[index];
    const passed = argument ? staticValue(argument) : { value: undefined };
    if (!passed) continue;
    // An `undefined` argument takes the default, as a left-out one does.
    const value =
      passed.value === undefined && param.type === AST_NODE_TYPES.AssignmentPattern ? staticValue(param.right) : passed;
    if (value) bound.set(variable, value.value);
  }
  return bound;
}

/**
 * What the names of a destructured options parameter (`{ allowAnonymous }`) hold for one call whose
 * argument is an object the file shows: each property's static value, or `undefined` (or the
 * default) for one it leaves out. Nothing for options it cannot read (a spread, a value from elsewhere).
 */
function bindOptions(
  bound: Map<Scope.Variable, unknown>,
  pattern: TSESTree.ObjectPattern,
  args: readonly TSESTree.CallExpressionArgument[],
  index: number,
): void {
  if (args.slice(0, index + 1).some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) return;
  const argument = args[index];
  const object = argument && argument.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectExpression(argument) : null;
  if (argument && !object) return;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) return;
    const key = propertyName(property);
    const target = property.value;
    const id =
      target.type === AST_NODE_TYPES.Identifier
        ? target
        : target.type === AST_NODE_TYPES.AssignmentPattern && target.left.type === AST_NODE_TYPES.Identifier
          ? target.left
          : null;
    const variable = id && variableOf(id);
    if (!key || !variable || variable.references.some((reference) => reference.isWrite() && !reference.init)) continue;
    const found = object ? findObjectProperty(object, key) : ({ kind: 'missing' } as const);
    if (found.kind === 'unknown') return;
    const passed = found.kind === 'found' ? (found.value ? staticValue(found.value) : null) : { value: undefined };
    if (!passed) continue;
    const value =
      passed.value === undefined && target.type === AST_NODE_TYPES.AssignmentPattern
        ? staticValue(target.right)
        : passed;
    if (value) bound.set(variable, value.value);
  }
}

/**
 * Whether a call hands the response to a function of the project that answers it with an error,
 * and with nothing else: `sendUnauthorized(res)` whose body is `res.status(401).json(…)`.
 */
function sendsErrorAnswer(call: TSESTree.CallExpression): boolean {
  // Called for what it does, as a statement (`sendUnauthorized(res);`, `return deny(res);`), by name.
  const used = outermostWrapper(call).parent;
  const statement =
    used?.type === AST_NODE_TYPES.ExpressionStatement ||
    used?.type === AST_NODE_TYPES.ReturnStatement ||
    (used?.type === AST_NODE_TYPES.AwaitExpression &&
      (used.parent?.type === AST_NODE_TYPES.ExpressionStatement ||
        used.parent?.type === AST_NODE_TYPES.ReturnStatement));
  if (!statement || call.arguments.length === 0 || skipTypeWrappers(call.callee).type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  const fn = resolveFunction(call.callee);
  return fn !== null && fn.body.type === AST_NODE_TYPES.BlockStatement && setsOnlyErrorStatuses(fn);
}

/** A question about a function, answered once per function. */
function perFunction(answer: (fn: HandlerFunction) => boolean): (fn: HandlerFunction) => boolean {
  const answers = new WeakMap<HandlerFunction, boolean>();
  return (fn) => {
    let known = answers.get(fn);
    if (known === undefined) {
      known = answer(fn);
      answers.set(fn, known);
    }
    return known;
  };
}

const setsOnlyErrorStatuses = perFunction((fn) =>
  setsOnlyStatusesFrom(fn.body, 400, (node) => node === fn.body || !isFunctionNode(node)),
);

/** A branch that ends the handler's work without refusing: `return;`, `return next();`, `{ next(); return; }`. */
function letsThrough(branch: TSESTree.Statement): boolean {
  const body = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body : [branch];
  return body.at(-1)?.type === AST_NODE_TYPES.ReturnStatement && !body.some(refuses);
}

/** Whether the statement list holding an `if` ends, unconditionally, in a refusal. */
function refusedAfter(statement: TSESTree.IfStatement, depth = 0): boolean {
  const block = statement.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement) return false;
  const after = block.body.slice(block.body.indexOf(statement) + 1);
  // `if (auth) { const [scheme, token] = auth.split(' '); if (…) return next(); } res.status(401)…`:
  // the last statement of an `if` with no `else` goes on after that `if`.
  const outer = block.parent;
  if (after.length === 0 && outer?.type === AST_NODE_TYPES.IfStatement && outer.consequent === block && depth < 3)
    return !outer.alternate && refusedAfter(outer, depth + 1);
  const last = after.at(-1);
  return (
    last !== undefined &&
    (last.type === AST_NODE_TYPES.ReturnStatement ||
      last.type === AST_NODE_TYPES.ThrowStatement ||
      last.type === AST_NODE_TYPES.ExpressionStatement) &&
    refuses(last)
  );
}

/**
 * Whether code turns a request away somewhere: a throw, an error status set or answered
 * (`res.status(403)`, `c.json(body, 403)`, `new Response(null, { status: 403 })`), or a helper
 * of the project that answers only with errors.
 */
export function turnsAwaySomewhere(root: TSESTree.Node): boolean {
  let found = false;
  walk(root, (node) => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.ReturnStatement) found = node.argument !== null && answersWithError(node.argument);
    else if (node.type === AST_NODE_TYPES.CallExpression) found = answersWithError(node) || sendsErrorAnswer(node);
    found ||= refuses(node);
  });
  return found;
}

/**
 * A throw, or an answer with an error status: `res.status(401)`, `reply.code(403)`,
 * `ctx.throw(401)`, `ctx.status = 401`.
 */
function refuses(node: TSESTree.Node): boolean {
  let found = false;
  walk(node, (inner) => {
    if (found) return;
    if (inner.type === AST_NODE_TYPES.ThrowStatement) found = true;
    else {
      const status = statusSetBy(inner);
      if (typeof status === 'number' && status >= 400) found = true;
    }
  });
  return found;
}

const NO_STATUS = Symbol('no status');

/**
 * The status a node answers with, as far as the file fixes it: `res.status(401)`, `reply.code(403)`,
 * `ctx.status = 403` (`undefined` where it is not fixed); `NO_STATUS` for a node that sets none.
 */
function statusSetBy(node: TSESTree.Node): unknown {
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const method = calledMethodName(node);
    const [first] = node.arguments;
    return method && ERROR_STATUS_METHODS.has(method) && first ? staticValue(first)?.value : NO_STATUS;
  }
  if (
    node.type === AST_NODE_TYPES.AssignmentExpression &&
    node.left.type === AST_NODE_TYPES.MemberExpression &&
    // `ctx.status = 403` (Koa), `res.statusCode = 403` (node:http)
    (propertyName(node.left) === 'status' || propertyName(node.left) === 'statusCode')
  )
    return staticValue(node.right)?.value;
  return NO_STATUS;
}

/** Statements and expressions that make a handler's answer depend on something. */
const BRANCHING: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.IfStatement,
  AST_NODE_TYPES.SwitchStatement,
  AST_NODE_TYPES.TryStatement,
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.FunctionDeclaration,
]);

/**
 * Whether a handler turns every request away, whatever it holds: it never looks at the request,
 * sets no status but errors (at least one), and branches nowhere, but for the exits it may start
 * with that answer nothing (`leadingSilentExits`). `app.all('/mcp', (_req, res) =>
 * res.status(405).json(…))` after the routes that serve MCP is no endpoint of its own.
 */
export const answersOnlyWithError = perFunction((fn) => {
  const [request] = fn.params;
  // `if (req.method === 'POST') return;` first: what it lets go is answered here by nothing.
  const exits = leadingSilentExits(fn);
  const readOutsideExits = (variable: Scope.Variable | null): boolean =>
    variable === null ||
    variable.references.some((reference) => !exits.some((exit) => containsNode(exit.test, reference.identifier)));
  if (request && (request.type !== AST_NODE_TYPES.Identifier || readOutsideExits(variableOf(request)))) {
    return false;
  }
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    // One answer, not one of several: `() => new Response(null, { status: 405 })`.
    let branches = false;
    walk(fn.body, (node) => {
      if (BRANCHING.has(node.type)) branches = true;
    });
    if (!branches && answersWithError(fn.body)) return true;
  }
  let errors = 0;
  let other = false;
  walk(
    fn.body,
    (node) => {
      if (node !== fn.body && BRANCHING.has(node.type) && !exits.includes(node as TSESTree.IfStatement)) other = true;
      // `throw new HTTPException(405, …)` (Hono): the framework answers with that status.
      if (node.type === AST_NODE_TYPES.ThrowStatement) {
        const thrown = thrownStatus(node);
        if (thrown !== null && thrown >= 400) errors++;
        else other = true;
        return;
      }
      const status = statusSetBy(node);
      if (status === NO_STATUS) {
        if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && answersWithError(node.argument)) errors++;
        return;
      }
      if (typeof status === 'number' && status >= 400) errors++;
      else other = true;
    },
    (node) => !other && (node === fn.body || !BRANCHING.has(node.type)),
  );
  return errors > 0 && !other;
});

/**
 * The `if`s a handler's body starts with that leave without answering or handing the request to
 * anything but the framework's `next`: `if (req.method === 'POST') return;`, `if (…) return
 * next();`, `if (…) { next(); return; }`, each testing what the request is and calling nothing
 * (not `if (await transport.handleRequest(req, res)) return;`). Express answers such a request
 * by nothing at all, or, through `next()`, by the routes registered after, each judged on its own
 * (express 5.3.0 hands `next` to router 2.3.0, `lib/route.js` `dispatch()`).
 */
function leadingSilentExits(fn: HandlerFunction): TSESTree.IfStatement[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [];
  const later = new Set(
    fn.params.slice(1).flatMap((param) => {
      const variable = param.type === AST_NODE_TYPES.Identifier ? variableOf(param) : null;
      return variable ? [variable] : [];
    }),
  );
  /** `next()` of a parameter after the request, with no argument. */
  const handsOn = (node: TSESTree.Node | null | undefined): boolean => {
    const call = node && skipTypeWrappers(node);
    const callee = call?.type === AST_NODE_TYPES.CallExpression ? skipTypeWrappers(call.callee) : null;
    return (
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.arguments.length === 0 &&
      callee?.type === AST_NODE_TYPES.Identifier &&
      later.has(variableOf(callee)!)
    );
  };
  const silent = (statement: TSESTree.Statement): boolean => {
    if (statement.type === AST_NODE_TYPES.ReturnStatement) return !statement.argument || handsOn(statement.argument);
    if (statement.type !== AST_NODE_TYPES.BlockStatement) return false;
    const [first, second, ...rest] = statement.body;
    if (!first || rest.length > 0) return false;
    if (!second) return silent(first);
    return (
      first.type === AST_NODE_TYPES.ExpressionStatement &&
      handsOn(first.expression) &&
      second.type === AST_NODE_TYPES.ReturnStatement &&
      !second.argument
    );
  };
  const callsNothing = (test: TSESTree.Node): boolean => {
    let calls = false;
    walk(test, (node) => {
      calls ||=
        node.type === AST_NODE_TYPES.CallExpression ||
        node.type === AST_NODE_TYPES.NewExpression ||
        node.type === AST_NODE_TYPES.AwaitExpression ||
        node.type === AST_NODE_TYPES.YieldExpression ||
        node.type === AST_NODE_TYPES.AssignmentExpression ||
        node.type === AST_NODE_TYPES.UpdateExpression ||
        node.type === AST_NODE_TYPES.TaggedTemplateExpression;
    });
    return !calls;
  };
  const exits: TSESTree.IfStatement[] = [];
  for (const statement of fn.body.body) {
    if (
      statement.type !== AST_NODE_TYPES.IfStatement ||
      statement.alternate ||
      !silent(statement.consequent) ||
      !callsNothing(statement.test)
    )
      break;
    exits.push(statement);
  }
  return exits;
}

/**
 * The status an HTTP error thrown with one answers with: `throw new HTTPException(405, …)` (Hono's
 * `hono/http-exception`), NestJS's `new HttpException(body, 403)` and its named exceptions
 * (`new UnauthorizedException()`), `throw createError(401)` (http-errors, h3).
 */
function thrownStatus(statement: TSESTree.ThrowStatement): number | null {
  const thrown = skipTypeWrappers(statement.argument);
  if (thrown.type !== AST_NODE_TYPES.NewExpression && thrown.type !== AST_NODE_TYPES.CallExpression) return null;
  const callee = skipTypeWrappers(thrown.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
  if (name === null) return null;
  // NestJS's exceptions of one status (`@nestjs/common`: `new UnauthorizedException()`).
  const named = Object.hasOwn(NEST_EXCEPTION_STATUS, name) ? NEST_EXCEPTION_STATUS[name] : undefined;
  if (named !== undefined) return named;
  if (!/^(?:HTTPException|HttpException|HttpError|createError|createHttpError)$/u.test(name)) return null;
  const valueOf = (argument: TSESTree.CallExpressionArgument | undefined): unknown =>
    argument && argument.type !== AST_NODE_TYPES.SpreadElement ? staticValue(argument)?.value : undefined;
  const [first, second] = thrown.arguments;
  const status = valueOf(first);
  if (typeof status === 'number') return status;
  // NestJS's `new HttpException(response, status)` takes the status second.
  const after = name === 'HttpException' ? valueOf(second) : undefined;
  return typeof after === 'number' ? after : null;
}

/** NestJS's built-in exceptions and the status each answers with (`@nestjs/common` 11). */
const NEST_EXCEPTION_STATUS: Readonly<Record<string, number>> = {
  BadRequestException: 400,
  UnauthorizedException: 401,
  ForbiddenException: 403,
  NotFoundException: 404,
  MethodNotAllowedException: 405,
  InternalServerErrorException: 500,
  NotImplementedException: 501,
  BadGatewayException: 502,
  ServiceUnavailableException: 503,
  ThrottlerException: 429,
};

/**
 * Whether a branch answers only with a server error (`res.status(500).json(…)`): a catch-all for
 * whatever failed, not the refusal of a request that lacks a credential.
 */
function answersServerError(node: TSESTree.Node): boolean {
  return setsOnlyStatusesFrom(node, 500);
}

/**
 * Whether a branch answers only with statuses that say nothing about credentials: a server error,
 * or a client error other than 401, 403 and 407 (`res.status(400)` for a body that failed to parse).
 * A `catch` that answers so handles whatever failed in its `try`, not a refused credential.
 */
function answersNoAuthError(node: TSESTree.Node): boolean {
  const statuses = statusesSet(node);
  return statuses.length > 0 && statuses.every((status) => typeof status === 'number' && !AUTH_STATUSES.has(status));
}

/** Unauthorized, Forbidden, Proxy Authentication Required. */
const AUTH_STATUSES: ReadonlySet<number> = new Set([401, 403, 407]);

/** Whether `root` sets a status, and every status it sets is known and at least `lowest`. */
function setsOnlyStatusesFrom(
  root: TSESTree.Node,
  lowest: number,
  descend?: (node: TSESTree.Node) => boolean,
): boolean {
  const statuses = statusesSet(root, descend);
  return statuses.length > 0 && statuses.every((status) => typeof status === 'number' && status >= lowest);
}

/**
 * The statuses `root` answers with or throws (`res.status(401)`, `throw new HTTPException(403)`),
 * each as written (`undefined` or a name's value where it is not static); a rethrow (`throw error`)
 * answers nothing here and adds none.
 */
function statusesSet(root: TSESTree.Node, descend?: (node: TSESTree.Node) => boolean): unknown[] {
  const statuses: unknown[] = [];
  walk(
    root,
    (node) => {
      if (node.type === AST_NODE_TYPES.ThrowStatement) {
        const thrown = thrownStatus(node);
        if (thrown !== null) statuses.push(thrown);
        return;
      }
      const status = statusSetBy(node);
      if (status !== NO_STATUS) statuses.push(status);
    },
    descend,
  );
  return statuses;
}

/** Response calls whose first argument is the status: `status`, `code`, `sendStatus`, `writeHead`, `throw`. */
const ERROR_STATUS_METHODS = new Set(['status', 'code', 'sendStatus', 'writeHead', 'throw']);

/**
 * MCP's session header under another name (`x-mcp-session-id`), whose value anyone gets by
 * opening a session. (A plain `x-session-id` may be one a login hands out.)
 */
const SESSION_ID_HEADER = /(?:^|-)mcp-?session-?id$/u;

/** Query parameter names that hold a secret: `?token`, `?api_key`, `?auth`, `?signature`, `?password`. */
const QUERY_CREDENTIAL = /token|key|secret|auth|sig(?:nature)?$|pass(?:word)?/u;

/** The credential headers: every request header except the ones a cross-origin form can send or anyone can obtain. */
export function isCredentialHeader(name: string): boolean {
  // A query parameter (`?token`, from `requestQueryRead`) named as a secret: not a session or
  // connection id, which any client can open, nor any other value a form may put in a URL.
  if (name.startsWith('?')) return QUERY_CREDENTIAL.test(name) && !/session|sid$/u.test(name);
  return !NOT_CREDENTIALS.has(name) && !SESSION_ID_HEADER.test(name);
}

/** First words of a setting that turns a protection off when set: `disableAuth`, `DANGEROUSLY_OMIT_AUTH`, `noAuth`. */
const TURNS_OFF: ReadonlySet<string> = new Set([
  'disable',
  'skip',
  'omit',
  'bypass',
  'insecure',
  'unsafe',
  'dangerously',
  'no',
  'not',
  'without',
]);

/** The words of a name: `disableAuth` and `DISABLE_AUTH` are `disable`, `auth`. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .split(/[\s_$-]+/u)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/**
 * Whether a setting is a switch that the code turns on out of the box: every value it is written
 * with is `true` (`requireAuth: true` in a defaults object), and the rest comes from outside (`{
 * ...DEFAULTS, ...saved }`, a caller's options). What a user saves is the user's choice; a page
 * meets the default.
 */
export function onByDefault(node: TSESTree.Node): boolean {
  const read = skipTypeWrappers(node);
  if (
    read.type !== AST_NODE_TYPES.Identifier &&
    read.type !== AST_NODE_TYPES.MemberExpression &&
    read.type !== AST_NODE_TYPES.ChainExpression
  )
    return false;
  const values = possibleValues(read);
  return (
    values.some((value) => value.known && value.value === true) &&
    values.every((value) => !value.known || value.value === true)
  );
}

/**
 * Whether a condition holds while the setting it reads is unset: `!options.disableAuth`,
 * `!process.env.DANGEROUSLY_OMIT_AUTH` (the negation of a setting that turns something off).
 */
export function holdsWhileUnset(test: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(test);
  // `settings.requireAuth` with `DEFAULTS = { requireAuth: true }`: on out of the box.
  if (onByDefault(expression)) return true;
  if (expression.type !== AST_NODE_TYPES.UnaryExpression || expression.operator !== '!') return false;
  const read = skipTypeWrappers(expression.argument);
  const name = nameOf(read);
  const words = name === null ? [] : wordsOf(name);
  if (!(words.length > 1 && (TURNS_OFF.has(words[0]!) || words.at(-1) === 'disabled'))) return false;
  // A setting read (`options.disableAuth`, `process.env.SKIP_AUTH`, a parameter), not a value the
  // code works out itself (`const skipAuth = !process.env.MCP_TOKEN` is set when the token is not).
  if (read.type === AST_NODE_TYPES.Identifier) {
    const def = variableOf(read)?.defs[0];
    return !(def?.type === 'Variable' && def.node.init);
  }
  const values = possibleValues(read);
  return values.some((value) => !value.known) || values.every((value) => value.known && !value.value);
}
