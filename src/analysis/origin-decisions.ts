import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { RuleListener, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import {
  calledMethodName,
  calledMethodObject,
  enclosingFunctionOrProgram,
  forEachChild,
  globalPath,
  isLoggingCallee,
  isNullishLiteral,
  iteratedEntryList,
  outermostWrapper,
  iteratedTest,
  skipTypeWrappers,
  walk,
} from './ast';
import { type CorsMiddleware, type CorsMiddlewareUse, findCorsMiddlewareUses, originOptions } from './cors-middleware';
import { alwaysExits, conditionsOnTheWay, originChecksIn, sameOrigin, type ConditionOnTheWay } from './guards';
import { environmentReadName, isRequestOriginRead, originSources } from './origin-source';
import { isUrlConstructor } from './request-headers';
import { findPatternProblem, weakTextMatchExample, type MatchSubject, type TextMatch } from './origin-patterns';
import { entitiesOf, moduleIndex } from './facts';
import { turnsAwaySomewhere } from './credential-checks';
import { ALLOW_ORIGIN, credentialHeaders, headerWrites, type HeaderWrite } from './response-headers';
import {
  findObjectProperty,
  isFunctionNode,
  possibleValues,
  resolveExpression,
  resolveFunction,
  resolveObjectExpression,
  returnedExpressions,
  type HandlerFunction,
} from './values';
import { variableOf, staticValue, propertyName, textOf } from './program';

/**
 * Where a file decides which origins to let in, for rules that judge how it decides: the
 * `origin` option of a CORS middleware (a value, or a function and what it answers), the
 * conditions that guard an `Access-Control-Allow-Origin` header that echoes the request's Origin,
 * and the conditions under which a handler turns a request away because of its Origin.
 */

/** One leaf of a condition that lets an origin in: a call, a comparison, or a value tested for truth. */
export interface OriginTest {
  readonly node: TSESTree.Node;
  /** The value the leaf takes when the origin is let in. */
  readonly allowWhen: boolean;
  /** Other conditions that must hold as well, each with the value it must take. */
  readonly alongside: readonly ConditionOnTheWay[];
  /** An expression that stands for the origin being decided about. */
  readonly origin: TSESTree.Node;
  /** Whether an expression stands for that origin. */
  readonly isOrigin: (node: TSESTree.Node) => boolean;
  /** Whether credentials are allowed beside the decision. */
  readonly credentials: boolean;
  /** Where the linted file makes the decision: a finding in another module is reported there. */
  readonly site: TSESTree.Node;
  /**
   * For a CORS middleware's `origin` function, that function: what it answers decides whether
   * the origin gets in (and an error it hands back turns the request away).
   */
  readonly originFunction?: HandlerFunction;
}

/** The `origin` option of a CORS middleware, when it is not a function. */
export interface OriginOption {
  readonly use: CorsMiddlewareUse;
  readonly property: TSESTree.Property;
  readonly value: TSESTree.Node;
  readonly credentials: boolean;
  readonly site: TSESTree.Node;
}

/** A value an `origin` function answers with, other than a refusal (`false`, `null`, `''`). */
export interface OriginAnswer {
  readonly use: CorsMiddlewareUse;
  readonly value: TSESTree.Node;
  readonly credentials: boolean;
  readonly site: TSESTree.Node;
}

export interface OriginDecisionHandlers {
  option?(option: OriginOption): void;
  answer?(answer: OriginAnswer): void;
  test?(test: OriginTest): void;
  /** Every `Access-Control-Allow-Origin` header the file sets, and whether credentials are allowed beside it. */
  allowOriginHeader?(write: HeaderWrite, credentials: boolean): void;
  /**
   * A cheap first look at the text of an `if`'s test, before any scope work: whether it may hold
   * a test this rule judges. Every test is looked at when it is missing.
   */
  mayJudge?(testText: string): boolean;
  /**
   * A check of the project that an origin gate calls with the origin and that says yes to every
   * origin (`function isAllowedOrigin(origin) { return true; }`): the values it returns.
   */
  alwaysAllows?(check: {
    call: TSESTree.CallExpression;
    returns: readonly TSESTree.Node[];
    site: TSESTree.Node;
    /** Whether credentials are allowed beside the policy the check decides. */
    credentials: boolean;
    /** For a CORS middleware's `origin` function, that function (see `OriginTest`). */
    originFunction?: HandlerFunction;
  }): void;
  /**
   * A test that lets every origin in because a list it looks in holds `'*'`
   * (`allowed.includes('*') || allowed.includes(origin)`, with `allowed` holding `'*'`).
   */
  admitsEvery?(
    admission: WildcardAdmission & {
      test: TSESTree.Node;
      /** The value the test takes when it lets the origin in. */
      allowWhen: boolean;
      credentials: boolean;
      site: TSESTree.Node;
    },
  ): void;
  /**
   * A test that lets every origin in while a list it looks at is empty, where the list can be
   * (`if (allowed.length === 0) return callback(null, true)`, with `allowed` from the environment
   * or `[]`).
   */
  admitsWhenEmpty?(
    admission: EmptyListAdmission & {
      test: TSESTree.Node;
      /** The value the test takes when it lets the origin in. */
      allowWhen: boolean;
      credentials: boolean;
      site: TSESTree.Node;
    },
  ): void;
  /** Called once, after everything else. */
  done?(): void;
}

/** Whether a middleware tests the request's origin against a RegExp given as its `origin` option. */
export function takesOriginPatterns(middleware: CorsMiddleware): boolean {
  return middleware.takesPatterns;
}

/** Listeners that call `handlers` for every place where the file decides on an origin. */
export function originDecisionListeners(
  sourceCode: Readonly<SourceCode>,
  handlers: OriginDecisionHandlers,
): RuleListener {
  const allowOriginWrites: HeaderWrite[] = [];

  const credentialsAround = (node: TSESTree.Node): boolean => credentialHeaders(sourceCode).besides(node);

  const emit = (
    conditions: readonly ConditionOnTheWay[],
    origin: TSESTree.Node,
    isOrigin: (node: TSESTree.Node) => boolean,
    credentials: boolean,
    site: TSESTree.Node,
    originFunction?: HandlerFunction,
  ): void => {
    if (!handlers.test && !handlers.alwaysAllows && !handlers.admitsEvery && !handlers.admitsWhenEmpty) return;
    const onLeaf = (
      node: TSESTree.Node,
      allowWhen: boolean,
      alongside: readonly ConditionOnTheWay[],
      leafIsOrigin: (candidate: TSESTree.Node) => boolean,
      depth: number,
    ): void => {
      // `isAllowedOrigin(origin)`, a check of the project: its own tests decide, with its parameter as the origin.
      const inlined = depth < 2 ? inlineCheck(node, leafIsOrigin) : null;
      if (inlined?.always && allowWhen) {
        handlers.alwaysAllows?.({
          call: skipTypeWrappers(node) as TSESTree.CallExpression,
          returns: inlined.returns,
          site,
          credentials,
          ...(originFunction && { originFunction }),
        });
        return;
      }
      const admission = handlers.admitsEvery ? wildcardAdmission(node, allowWhen, leafIsOrigin) : null;
      if (admission) {
        handlers.admitsEvery?.({ ...admission, test: node, allowWhen, credentials, site });
        return;
      }
      const empty = handlers.admitsWhenEmpty ? emptyListAdmission(node, allowWhen, leafIsOrigin, alongside) : null;
      if (empty) {
        handlers.admitsWhenEmpty?.({ ...empty, test: node, allowWhen, credentials, site });
        return;
      }
      // `allowed.has('*')` of a constant list of literal origins (`allowed.has('*') || allowed.has(origin)`):
      // it can never hold `'*'`, so that test lets nothing in.
      const looked = wildcardLookup(node, allowWhen);
      if (looked && literalListWithoutWildcard(looked.list)) return;
      if (inlined) {
        for (const returned of inlined.returns) {
          decompose(returned, allowWhen, alongside, (inner, innerAllow, innerAlongside) =>
            onLeaf(inner, innerAllow, innerAlongside, inlined.isOrigin, depth + 1),
          );
        }
        return;
      }
      handlers.test?.({
        node,
        allowWhen,
        alongside,
        origin,
        isOrigin: leafIsOrigin,
        credentials,
        site,
        ...(originFunction && { originFunction }),
      });
    };
    conditions.forEach((condition, index) => {
      const others = conditions.filter((_, other) => other !== index);
      decompose(condition.test, condition.value, others, (node, allowWhen, alongside) =>
        onLeaf(node, allowWhen, alongside, isOrigin, 0),
      );
    });
  };

  const analyseOriginFunction = (use: CorsMiddlewareUse, fn: HandlerFunction, credentials: boolean): void => {
    const shape = use.middleware.originFunction;
    const param = (index: number | null): TSESTree.Identifier | null => {
      const candidate = index === null ? undefined : fn.params[index];
      return candidate?.type === AST_NODE_TYPES.Identifier ? candidate : null;
    };
    const originParam = param(shape.origin);
    const callbackName = param(shape.callback)?.name ?? null;
    const isOrigin = (node: TSESTree.Node): boolean =>
      (originParam !== null && sameOrigin(node, originParam)) || isRequestOrigin(node);
    const isCallbackCall = (node: TSESTree.Node): node is TSESTree.CallExpression =>
      node.type === AST_NODE_TYPES.CallExpression &&
      callbackName !== null &&
      node.callee.type === AST_NODE_TYPES.Identifier &&
      node.callee.name === callbackName;

    const answer = (value: TSESTree.Node): void => {
      for (const leaf of allowingLeaves(value)) {
        handlers.answer?.({ use, value: leaf, credentials, site: use.site });
        const conditions = conditionsOnTheWay(leaf);
        // A leaf that is itself a test (`cb(null, origin.endsWith(…))`), or a name that holds one
        // (`const ok = …; cb(null, ok)`), must be true to let the origin in.
        if (isTestLike(leaf) || heldTest(leaf)) conditions.push({ test: leaf, value: true });
        const origin = originParam ?? findRequestOrigin(leaf, conditions);
        if (origin) emit(conditions, origin, isOrigin, credentials, use.site, fn);
      }
    };
    const findRequestOrigin = (leaf: TSESTree.Node, conditions: readonly ConditionOnTheWay[]): TSESTree.Node | null => {
      for (const root of [leaf, ...conditions.map((condition) => condition.test)].flatMap((node) => [
        node,
        heldTest(node) ?? node,
      ])) {
        const found = firstNode(root, readsRequestOrigin);
        if (found) return found;
      }
      return null;
    };

    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
      if (!isCallbackCall(fn.body)) answer(fn.body);
    }
    visitOwnBody(fn, (node) => {
      if (
        node.type === AST_NODE_TYPES.ReturnStatement &&
        node.argument &&
        !isCallbackCall(skipTypeWrappers(node.argument))
      ) {
        answer(node.argument);
      } else if (isCallbackCall(node)) {
        const [error, result] = node.arguments;
        if (error && result && isNullishLiteral(skipTypeWrappers(error))) answer(result);
      }
    });
  };

  const analyseMiddlewares = (): void => {
    for (const use of findCorsMiddlewareUses(sourceCode)) {
      for (const { property, value, credentials } of originOptions(use)) {
        const fn = resolveFunction(value);
        if (fn) analyseOriginFunction(use, fn, credentials);
        else handlers.option?.({ use, property, value, credentials, site: use.site });
      }
    }
  };

  const analyseHeaders = (): void => {
    for (const write of allowOriginWrites) {
      const credentials = credentialsAround(write.site);
      handlers.allowOriginHeader?.(write, credentials);
      for (const source of originSources(write.value)) {
        if (source.kind !== 'request-origin') continue;
        const origin = skipTypeWrappers(source.node);
        const conditions = [...conditionsOnTheWay(source.entry)];
        // An echo prepared in a variable (`const value = ok ? origin : ''`) is decided where it is prepared.
        if (source.node !== source.entry) {
          for (const condition of conditionsOnTheWay(source.node)) {
            if (!conditions.some((known) => known.test === condition.test)) conditions.push(condition);
          }
        }
        emit(conditions, origin, (node) => sameOrigin(node, origin), credentials, write.site);
      }
    }
  };

  /**
   * The `verifyClient(info, done?)` of a `ws` server (ws 8.18 lib/websocket-server.js
   * `handleUpgrade`): `info.origin` is the handshake's Origin; with two parameters the handshake
   * goes on when it calls `done(true)`, with one when it returns a truthy value. Browsers apply no
   * same-origin policy to WebSocket, so what it lets in may connect.
   */
  const analyseWebSocketVerifiers = (): void => {
    for (const made of moduleIndex(sourceCode.ast).news) {
      const [entity] = entitiesOf(made, 'websocket-server');
      if (entity?.kind !== 'websocket-server' || entity.verifyKey !== 'verifyClient') continue;
      const [given] = made.arguments;
      const options = given && given.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectExpression(given) : null;
      const verify = options ? findObjectProperty(options, 'verifyClient') : null;
      const fn = verify?.kind === 'found' && verify.value ? resolveFunction(verify.value) : null;
      const [info, done] = fn?.params ?? [];
      if (!fn || !info) continue;
      const isOrigin = (node: TSESTree.Node): boolean => isHandshakeOrigin(node, info);
      const answer = (value: TSESTree.Node): void => {
        for (const leaf of allowingLeaves(value)) {
          const conditions = conditionsOnTheWay(leaf);
          if (isTestLike(leaf) || heldTest(leaf)) conditions.push({ test: leaf, value: true });
          // `const allowed = !origin || origin === 'null'; if (allowed) done(true)`: the read is
          // where the test is held.
          const origin = [leaf, ...conditions.map((condition) => condition.test)]
            .flatMap((root) => [root, heldTest(root)])
            .map((root) => root && firstNode(root, isOrigin))
            .find((found) => found !== null && found !== undefined);
          if (origin) emit(conditions, origin, isOrigin, false, made);
        }
      };
      if (done?.type === AST_NODE_TYPES.Identifier) {
        visitOwnBody(fn, (node) => {
          if (
            node.type === AST_NODE_TYPES.CallExpression &&
            node.callee.type === AST_NODE_TYPES.Identifier &&
            node.callee.name === done.name &&
            node.arguments[0] &&
            node.arguments[0].type !== AST_NODE_TYPES.SpreadElement
          ) {
            answer(node.arguments[0]);
          }
        });
      } else if (!done) {
        if (fn.body.type !== AST_NODE_TYPES.BlockStatement) answer(fn.body);
        visitOwnBody(fn, (node) => {
          if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) answer(node.argument);
        });
      }
    }
  };

  /**
   * `if (test) …` that turns requests away in one branch (it throws or answers a 4xx status)
   * and lets them through in the other, where the test reads the request's Origin: the value the
   * test takes for the requests it lets through.
   */
  const analyseGates = (): void => {
    for (const { statement, named, allowWhen, origin } of originGates(sourceCode.ast)) {
      if (handlers.mayJudge && !named && !handlers.mayJudge(textOf(statement.test))) continue;
      emit(
        [{ test: statement.test, value: allowWhen }],
        origin,
        isRequestOrigin,
        credentialsAround(statement),
        statement,
      );
    }
  };

  return {
    'Program:exit'() {
      for (const write of headerWrites(sourceCode)) if (write.name === ALLOW_ORIGIN) allowOriginWrites.push(write);
      analyseMiddlewares();
      analyseHeaders();
      if (handlers.test || handlers.alwaysAllows || handlers.admitsEvery || handlers.admitsWhenEmpty) {
        analyseGates();
        analyseWebSocketVerifiers();
      }
      handlers.done?.();
    },
  };
}

/**
 * Whether an expression is the Origin a `ws` `verifyClient` is given in `info`: `info.origin`, the
 * `origin` of `({ origin })`, or a name that holds either (`const origin = info.origin`).
 */
function isHandshakeOrigin(node: TSESTree.Node, info: TSESTree.Parameter, depth = 0): boolean {
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipTypeWrappers(expression.object);
    return (
      info.type === AST_NODE_TYPES.Identifier &&
      object.type === AST_NODE_TYPES.Identifier &&
      object.name === info.name &&
      variableOf(object)?.defs[0]?.name === info &&
      propertyName(expression) === 'origin'
    );
  }
  if (expression.type !== AST_NODE_TYPES.Identifier || depth > 3) return false;
  const def = variableOf(expression)?.defs[0];
  if (!def) return false;
  // `({ origin }) => …`
  if (def.type === 'Parameter' && info.type === AST_NODE_TYPES.ObjectPattern) {
    const property = def.name.parent;
    return (
      property?.type === AST_NODE_TYPES.Property &&
      property.parent === info &&
      property.value === def.name &&
      propertyName(property) === 'origin'
    );
  }
  // `const origin = info.origin`, `const { origin } = info`.
  if (def.type !== 'Variable' || !def.node.init) return false;
  if (def.node.id === def.name) return isHandshakeOrigin(def.node.init, info, depth + 1);
  const property = def.name.parent;
  const init = skipTypeWrappers(def.node.init);
  return (
    property?.type === AST_NODE_TYPES.Property &&
    property.parent === def.node.id &&
    propertyName(property) === 'origin' &&
    info.type === AST_NODE_TYPES.Identifier &&
    init.type === AST_NODE_TYPES.Identifier &&
    init.name === info.name
  );
}

/** Whether a test is, or joins with `&&`/`||` (or negates), a call of a named function: `!isTrusted(origin)`. */
function callsHelper(test: TSESTree.Node): boolean {
  const node = skipTypeWrappers(test);
  if (node.type === AST_NODE_TYPES.CallExpression) return node.callee.type === AST_NODE_TYPES.Identifier;
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') return callsHelper(node.argument);
  if (node.type === AST_NODE_TYPES.LogicalExpression) return callsHelper(node.left) || callsHelper(node.right);
  return false;
}

/**
 * A call of a function of the project that is given the origin (`isAllowedOrigin(origin)`), or
 * given the request and answers with a test of its Origin, read there (`checkOrigin(req)`): the
 * values it returns (other than a refusal), and what stands for the origin in them (the
 * parameter it takes it as, and the caller's own origin).
 */
function inlineCheck(
  node: TSESTree.Node,
  isOrigin: (candidate: TSESTree.Node) => boolean,
): { returns: TSESTree.Node[]; always: boolean; isOrigin: (candidate: TSESTree.Node) => boolean } | null {
  const call = skipTypeWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return null;
  const index = call.arguments.findIndex(
    (argument) => argument.type !== AST_NODE_TYPES.SpreadElement && isOrigin(argument),
  );
  if (index === -1 && call.arguments.length === 0) return null;
  const fn = resolveFunction(call.callee);
  if (!fn) return null;
  const param = index === -1 ? null : fn.params[index];
  if (param !== null && param?.type !== AST_NODE_TYPES.Identifier) return null;
  const all = returnedExpressions(fn);
  const returns = all.filter((value) => staticValue(value)?.value !== false);
  if (returns.length === 0) return null;
  // Handed something else (the request): a check only when what it answers reads the Origin.
  if (!param && !returns.some((returned) => firstNode(returned, isOrigin) !== null)) return null;
  return {
    returns,
    // Every path answers yes, whatever the origin (and no path ends without an answer, nor throws).
    always: endsInReturn(fn) && !mayRefuse(fn) && all.every((value) => staticValue(value)?.value === true),
    isOrigin: (candidate) => isOrigin(candidate) || (param !== null && sameOrigin(candidate, param)),
  };
}

/**
 * Whether a function may refuse what it is given by throwing: a `throw` in its own body, a call of
 * a function of the project that may (followed three deep), or any call the code does not show
 * (`assert.ok(…)`, `invariant(…)`, `Schema.parse(…)`) but logging (`console.log`, `logger.debug`).
 */
export function mayRefuse(fn: HandlerFunction, depth = 0): boolean {
  let refuses = false;
  visitOwnBody(fn, (node) => {
    if (refuses) return;
    if (node.type === AST_NODE_TYPES.ThrowStatement) {
      refuses = true;
      return;
    }
    // `return new Promise((resolve, reject) => jwt.verify(token, key, (err) => err ? reject(err) : …))`:
    // awaited, it throws what it rejects with.
    if (node.type === AST_NODE_TYPES.NewExpression) {
      refuses = rejectsPromise(node);
      return;
    }
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = skipTypeWrappers(node.callee);
    const target = depth < 3 ? resolveFunction(callee) : null;
    if (target) {
      refuses = target !== fn && mayRefuse(target, depth + 1);
      return;
    }
    // A call the code does not show may throw (`assert.ok(…)`, `invariant(…)`, `Schema.parse(…)`),
    // unless it logs: `logger.debug(…)`, `log.warn(…)`.
    refuses = !isLoggingCallee(callee);
  });
  return refuses;
}

/** Whether a `new Promise(executor)` may reject: its executor calls its second parameter. */
function rejectsPromise(made: TSESTree.NewExpression): boolean {
  if (globalPath(skipTypeWrappers(made.callee))?.join('.') !== 'Promise') return false;
  const [executor] = made.arguments;
  if (!executor || !isFunctionNode(executor)) return false;
  const reject = executor.params[1];
  if (reject?.type !== AST_NODE_TYPES.Identifier) return false;
  let calls = false;
  walk(executor, (node) => {
    calls ||=
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.Identifier &&
      node.callee.name === reject.name;
  });
  return calls;
}

/** Whether a function's last statement returns: it does not fall off its end (and answer `undefined`). */
export function endsInReturn(fn: HandlerFunction): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return true;
  return fn.body.body.at(-1)?.type === AST_NODE_TYPES.ReturnStatement;
}

/**
 * Splits a condition at `!`, `&&` and `||` into the leaves that decide it, each with the value it
 * must take for the condition to take `value`, and the other leaves that must hold with it.
 */
function decompose(
  node: TSESTree.Node,
  value: boolean,
  alongside: readonly ConditionOnTheWay[],
  onLeaf: (node: TSESTree.Node, value: boolean, alongside: readonly ConditionOnTheWay[]) => void,
  depth = 0,
): void {
  let expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.ChainExpression) expression = expression.expression;
  if (depth > 12) return;
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') {
    decompose(expression.argument, !value, alongside, onLeaf, depth + 1);
    return;
  }
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator !== '??') {
    const { left, right } = expression;
    // `a && b` true, or `a || b` false: both sides hold together.
    if ((expression.operator === '&&') === value) {
      decompose(left, value, [...alongside, { test: right, value }], onLeaf, depth + 1);
      decompose(right, value, [...alongside, { test: left, value }], onLeaf, depth + 1);
    } else {
      decompose(left, value, alongside, onLeaf, depth + 1);
      decompose(right, value, alongside, onLeaf, depth + 1);
    }
    return;
  }
  // `c ? a : b` takes `value` where `c` holds and `a` does, or `c` does not and `b` does
  // (`pattern.includes('*') ? new RegExp(…).test(origin) : pattern === origin`).
  if (expression.type === AST_NODE_TYPES.ConditionalExpression) {
    const { test, consequent, alternate } = expression;
    decompose(consequent, value, [...alongside, { test, value: true }], onLeaf, depth + 1);
    decompose(alternate, value, [...alongside, { test, value: false }], onLeaf, depth + 1);
    return;
  }
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    // `SUFFIXES.some((suffix) => origin.endsWith(suffix))` is true when its callback is, for some entry.
    const iterated = iteratedTest(expression);
    if (iterated) {
      decompose(iterated.result, value, alongside, onLeaf, depth + 1);
      return;
    }
  }
  // `const allowed = origin.endsWith('example.com'); if (allowed) …`
  const held = expression.type === AST_NODE_TYPES.Identifier ? heldTest(expression) : null;
  if (held) {
    decompose(held, value, alongside, onLeaf, depth + 1);
    return;
  }
  onLeaf(expression, value, alongside);
}

/** The test a name holds (`const allowed = origin === 'null' || …`), for `if (allowed)` and `if (!allowed)`. */
function heldTest(node: TSESTree.Node): TSESTree.Node | null {
  const expression = skipTypeWrappers(node);
  const inner = expression.type === AST_NODE_TYPES.UnaryExpression ? skipTypeWrappers(expression.argument) : expression;
  if (inner.type !== AST_NODE_TYPES.Identifier) return null;
  const resolved = resolveExpression(inner);
  return resolved && resolved !== inner && isTestLike(resolved) ? resolved : null;
}

function isTestLike(node: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  return (
    expression.type === AST_NODE_TYPES.CallExpression ||
    expression.type === AST_NODE_TYPES.BinaryExpression ||
    expression.type === AST_NODE_TYPES.LogicalExpression ||
    expression.type === AST_NODE_TYPES.ChainExpression ||
    (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!')
  );
}

/** The parts of an answer that can be what it answers: both branches of `?:`, the right of `&&`, both sides of `||`. */
function allowingLeaves(node: TSESTree.Node, depth = 0): TSESTree.Node[] {
  const expression = skipTypeWrappers(node);
  if (depth > 12) return [];
  switch (expression.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return allowingLeaves(expression.argument, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return [...allowingLeaves(expression.consequent, depth + 1), ...allowingLeaves(expression.alternate, depth + 1)];
    case AST_NODE_TYPES.LogicalExpression:
      // `a && b` answers `a` only when it is falsy, which refuses.
      return expression.operator === '&&'
        ? allowingLeaves(expression.right, depth + 1)
        : [...allowingLeaves(expression.left, depth + 1), ...allowingLeaves(expression.right, depth + 1)];
    default: {
      const known = staticValue(expression);
      return known && !known.value ? [] : [expression];
    }
  }
}

/** Calls `visit` on every node of a function's body, not entering the functions inside it. */
function visitOwnBody(fn: HandlerFunction, visit: (node: TSESTree.Node) => void): void {
  const own = (node: TSESTree.Node): boolean => node === fn.body || !isFunctionNode(node);
  walk(
    fn.body,
    (node) => {
      if (own(node)) visit(node);
    },
    own,
  );
}

/** Whether each expression asked about is (or holds) the request's Origin: trees are replaced when files change. */
const requestOrigin = new WeakMap<TSESTree.Node, boolean>();

/** Whether an expression is (or holds) the request's Origin header. */
function isRequestOrigin(node: TSESTree.Node): boolean {
  let known = requestOrigin.get(node);
  if (known === undefined) {
    known = originSources(node).some((source) => source.kind === 'request-origin');
    requestOrigin.set(node, known);
  }
  return known;
}

/** A read of the request's Origin, or a name that holds one. */
function readsRequestOrigin(node: TSESTree.Node): boolean {
  return isRequestOriginRead(node) || (node.type === AST_NODE_TYPES.Identifier && isRequestOrigin(node));
}

/**
 * For a gate: a read of the request's Origin, or a name that holds the host parsed from it
 * (`const hostname = new URL(origin).hostname; if (!hostname.startsWith(…)) …`).
 */
function readsRequestOriginOrHost(node: TSESTree.Node): boolean {
  return (
    readsRequestOrigin(node) ||
    (node.type === AST_NODE_TYPES.Identifier && matchSubject(node, isRequestOrigin) !== null)
  );
}

/** An `if` that turns requests away in one branch, whose test reads the request's Origin (or Host). */
interface OriginGate {
  readonly statement: TSESTree.IfStatement;
  /** Its test names a test held elsewhere or made by a helper: its text says nothing. */
  readonly named: boolean;
  /** The value the test takes for the requests it lets through. */
  readonly allowWhen: boolean;
  /** The read of the request's Origin (or Host) the test decides on. */
  readonly origin: TSESTree.Node;
}

const gatesByProgram = new WeakMap<TSESTree.Program, readonly OriginGate[]>();

/**
 * The module's `if (test) …` gates that turn requests away in one branch (they throw or answer a
 * 4xx status) and let them through in the other, where the test reads the request's Origin or
 * Host: worked out once per module, for every origin rule and check that asks.
 */
function originGates(program: TSESTree.Program): readonly OriginGate[] {
  let gates = gatesByProgram.get(program);
  if (gates) return gates;
  const found: OriginGate[] = [];
  for (const statement of moduleIndex(program).ifStatements) {
    const test = skipTypeWrappers(statement.test);
    // `if (!allowed)` names a test held elsewhere, and `if (!isAllowed(origin))` makes it
    // elsewhere: their text says nothing.
    // So does such a call joined to other tests (`origin && !isTrusted(origin)`).
    const inner = test.type === AST_NODE_TYPES.UnaryExpression ? skipTypeWrappers(test.argument) : test;
    const named = inner.type === AST_NODE_TYPES.Identifier || callsHelper(test);
    let allowWhen: boolean;
    if (turnsAway(statement.consequent)) allowWhen = false;
    else if (statement.alternate && turnsAway(statement.alternate)) allowWhen = true;
    else if (alwaysExits(statement.consequent) && turnsAwayNext(statement)) allowWhen = true;
    else continue;
    // `const allowed = origin === 'null' || …; if (!allowed) return …`: the read is where the test is held.
    const held = heldTest(test);
    const origin =
      firstNode(statement.test, readsRequestOriginOrHost) ??
      (held ? firstNode(held, readsRequestOriginOrHost) : null) ??
      (named ? originReadByCheck(held ?? statement.test) : null);
    if (origin) found.push({ statement, named, allowWhen, origin });
  }
  gates = found;
  gatesByProgram.set(program, gates);
  return gates;
}

/**
 * The read of the request's Origin in what a check of the project that a gate calls answers
 * (`if (!checkOrigin(req))`, with `return origin === undefined || origin.includes('localhost')`
 * reading `req.headers.origin` itself): `inlineCheck` reads its tests as the gate's.
 */
function originReadByCheck(test: TSESTree.Node): TSESTree.Node | null {
  let read: TSESTree.Node | null = null;
  firstNode(test, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length === 0) return false;
    const check = resolveFunction(node.callee);
    for (const returned of check ? returnedExpressions(check) : []) read ??= firstNode(returned, readsRequestOrigin);
    return read !== null;
  });
  return read;
}

/** The first node under `root` (in source order, not inside nested functions) that `test` accepts. */
function firstNode(root: TSESTree.Node, test: (node: TSESTree.Node) => boolean): TSESTree.Node | null {
  let found: TSESTree.Node | null = null;
  const stack: TSESTree.Node[] = [root];
  const push = (child: TSESTree.Node): void => {
    stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== root && isFunctionNode(node)) continue;
    if (
      (node.type === AST_NODE_TYPES.Identifier ||
        node.type === AST_NODE_TYPES.MemberExpression ||
        node.type === AST_NODE_TYPES.CallExpression) &&
      test(node)
    ) {
      if (!found || node.range[0] < found.range[0]) found = node;
      continue;
    }
    forEachChild(node, push);
  }
  return found;
}

/**
 * Whether a branch turns the request away, as every check of the analysis asks it
 * (`turnsAwaySomewhere`): it throws, or sets or answers an error status (`res.status(403)`,
 * `c.text(…, 403)`, `new Response(null, { status: 403 })`), or calls a helper of the project that
 * answers only with errors.
 */
function turnsAway(branch: TSESTree.Node): boolean {
  return turnsAwaySomewhere(branch);
}

/** Whether the statement right after `if (…) return …;` turns the request away. */
function turnsAwayNext(statement: TSESTree.IfStatement): boolean {
  const parent = statement.parent;
  if (parent?.type !== AST_NODE_TYPES.BlockStatement && parent?.type !== AST_NODE_TYPES.Program) return false;
  const body = parent.body as TSESTree.Node[];
  const next = body[body.indexOf(statement) + 1];
  // `return res.status(403).end();`, `res.sendStatus(403);`, `throw …`: not the rest of the handler.
  const simple =
    next?.type === AST_NODE_TYPES.ReturnStatement ||
    next?.type === AST_NODE_TYPES.ThrowStatement ||
    next?.type === AST_NODE_TYPES.ExpressionStatement;
  return simple && turnsAway(next);
}

/**
 * Whether an `origin` function says yes (`callback(null, …)`) under a condition that holds for
 * every origin once a list holds `'*'`: `if (allowed.includes('*') || allowed.includes(origin))`.
 */
export function admitsEveryThroughList(
  fn: HandlerFunction,
  originIndex: number | null,
  callbackIndex: number,
): boolean {
  const origin = originIndex === null ? undefined : fn.params[originIndex];
  const callback = fn.params[callbackIndex];
  if (callback?.type !== AST_NODE_TYPES.Identifier) return false;
  const isOrigin = (node: TSESTree.Node): boolean =>
    origin?.type === AST_NODE_TYPES.Identifier && sameOrigin(node, origin);
  let admits = false;
  visitOwnBody(fn, (node) => {
    if (admits || node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = skipTypeWrappers(node.callee);
    const [error, result] = node.arguments;
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== callback.name) return;
    if (!error || !result || !isNullishLiteral(skipTypeWrappers(error))) return;
    if (staticValue(result)?.value === false) return;
    for (const condition of conditionsOnTheWay(node)) {
      decompose(condition.test, condition.value, [], (leaf, allowWhen) => {
        admits ||= wildcardAdmission(leaf, allowWhen, isOrigin) !== null;
      });
    }
  });
  return admits;
}

/** Methods that only read a list or a set. */
const LIST_READS: ReadonlySet<string> = new Set(['has', 'includes', 'indexOf', 'some', 'every', 'find']);

/**
 * Whether a list is a constant of literal strings, none of them `'*'`, that the code only reads
 * (`const allowed = new Set(['http://localhost:6767'])`, then `allowed.has(origin)`): no entry is
 * added, spread in, parsed or handed to other code, so it can never hold `'*'`.
 */
export function literalListWithoutWildcard(list: TSESTree.Node): boolean {
  const name = skipTypeWrappers(list);
  if (name.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableOf(name);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable' || def.parent.kind !== 'const') return false;
  let init = def.node.init && skipTypeWrappers(def.node.init);
  if (
    init?.type === AST_NODE_TYPES.NewExpression &&
    globalPath(init.callee)?.join('.') === 'Set' &&
    init.arguments.length === 1
  ) {
    init = skipTypeWrappers(init.arguments[0]!);
  }
  if (
    init?.type !== AST_NODE_TYPES.ArrayExpression ||
    !init.elements.every(
      (element) =>
        element !== null &&
        element.type === AST_NODE_TYPES.Literal &&
        typeof element.value === 'string' &&
        element.value !== '*',
    )
  )
    return false;
  return variable.references.every((reference) => {
    if (reference.init) return true;
    const used = outermostWrapper(reference.identifier as TSESTree.Node);
    const member = used.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== used) return false;
    const property = propertyName(member);
    if (property === 'length' || property === 'size') return true;
    const call = member.parent;
    return call?.type === AST_NODE_TYPES.CallExpression && call.callee === member && LIST_READS.has(property ?? '');
  });
}

/** A list a test looks for `'*'` in, and where each `'*'` it can hold is written. */
export interface WildcardAdmission {
  readonly list: TSESTree.Node;
  readonly stars: readonly TSESTree.Node[];
}

/**
 * A test that is true, whatever the origin, when a list (or a single configured origin) holds
 * `'*'`, where it must be true to let the origin in: `list.includes('*')`, `set.has('*')`,
 * `list.indexOf('*') !== -1`, `list === '*'`, `list[0] === '*'`; and the `'*'` the code gives that
 * list. `null` when the test is none of these, or the list can hold no `'*'` the code shows.
 */
export function wildcardAdmission(
  node: TSESTree.Node,
  allowWhen: boolean,
  isOrigin: (node: TSESTree.Node) => boolean,
): WildcardAdmission | null {
  const looked = wildcardLookup(node, allowWhen);
  if (!looked || isOrigin(looked.list) || isOrigin(skipTypeWrappers(looked.list))) return null;
  const stars = starsIn(looked.list, looked.single);
  return stars.length > 0 ? { list: looked.list, stars } : null;
}

/**
 * Whether a test, somewhere in it, asks a list (not the origin) for `'*'` or whether it is
 * empty: `allowed.includes('*')`, `allowed.length === 0`. What such a test lets in depends on
 * what the list holds, which `wildcardAdmission` and `emptyListAdmission` judge; a way in behind
 * it is theirs to report, not one that lets in every origin whatever the list holds.
 */
export function testsListForAdmission(test: TSESTree.Node, isOrigin: (node: TSESTree.Node) => boolean): boolean {
  const notOrigin = (list: TSESTree.Node): boolean => !isOrigin(list) && !isOrigin(skipTypeWrappers(list));
  let found = false;
  walk(test, (node) => {
    if (found) return;
    const looked = wildcardLookup(node, true) ?? wildcardLookup(node, false);
    const emptiness = emptinessTest(node);
    found = (looked !== null && notOrigin(looked.list)) || (emptiness !== null && notOrigin(emptiness.list));
  });
  return found;
}

/**
 * The list a test looks for `'*'` in, where it must take `allowWhen` to let the origin in, and
 * whether it is a single origin.
 */
export function wildcardLookup(
  node: TSESTree.Node,
  allowWhen: boolean,
): { list: TSESTree.Node; single: boolean } | null {
  let expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.ChainExpression) expression = expression.expression;
  const isStar = (candidate: TSESTree.Node | undefined): boolean =>
    candidate !== undefined && staticValue(candidate)?.value === '*';
  let list: TSESTree.Node | null = null;
  let single = false;
  if (expression.type === AST_NODE_TYPES.CallExpression && allowWhen) {
    const method = calledMethodName(expression);
    const [argument] = expression.arguments;
    if ((method === 'includes' || method === 'has') && expression.arguments.length === 1 && isStar(argument)) {
      list = (skipTypeWrappers(expression.callee) as TSESTree.MemberExpression).object;
    }
  } else if (expression.type === AST_NODE_TYPES.BinaryExpression) {
    const { left, right, operator } = expression;
    const equal = operator === '===' || operator === '==';
    const unequal = operator === '!==' || operator === '!=';
    if ((equal && allowWhen) || (unequal && !allowWhen)) {
      // `list === '*'`, or its first entry: `list[0] === '*'`.
      const other = isStar(right) ? left : isStar(left) ? right : null;
      const subject = other && skipTypeWrappers(other);
      if (
        subject?.type === AST_NODE_TYPES.MemberExpression &&
        subject.computed &&
        staticValue(subject.property)?.value === 0
      ) {
        list = subject.object;
      } else if (subject) {
        // `LIST.some((entry) => entry === '*' || …)`: an entry stands for its list.
        const entries = iteratedEntryList(subject, expression, allowWhen);
        list = entries ?? subject;
        single = entries === null;
      }
    }
    // `list.indexOf('*') !== -1`, `>= 0`, `> -1`; or `=== -1` where it must be false.
    const index = skipTypeWrappers(left);
    const bound = staticValue(right)?.value;
    if (
      index.type === AST_NODE_TYPES.CallExpression &&
      calledMethodName(index) === 'indexOf' &&
      index.arguments.length === 1 &&
      isStar(index.arguments[0]) &&
      (((operator === '!==' || operator === '!=' || operator === '>') && bound === -1 && allowWhen) ||
        (operator === '>=' && bound === 0 && allowWhen) ||
        ((operator === '===' || operator === '==') && bound === -1 && !allowWhen))
    ) {
      list = (skipTypeWrappers(index.callee) as TSESTree.MemberExpression).object;
    }
  }
  return list ? { list, single } : null;
}

export interface EmptyListAdmission {
  readonly list: TSESTree.Node;
  /** Where the list is made empty: an empty array or `Set`, or the environment read it filters. */
  readonly empties: readonly TSESTree.Node[];
}

/**
 * A test that is true, whatever the origin, when a list is empty, where it must be true to let
 * the origin in: `list.length === 0`, `!list.length`, `list.length < 1`, `set.size === 0` (or
 * `list.length > 0` where it must be false); with the places the code makes that list empty: an
 * empty array or `Set` it can hold, or a read of the environment it filters (unset, as a server
 * runs out of the box, it lists nothing).
 */
export function emptyListAdmission(
  node: TSESTree.Node,
  allowWhen: boolean,
  isOrigin: (node: TSESTree.Node) => boolean,
  alongside: readonly ConditionOnTheWay[] = [],
): EmptyListAdmission | null {
  const test = emptinessTest(node);
  if (!test || test.whenEmpty !== allowWhen) return null;
  const { list } = test;
  if (isOrigin(list) || isOrigin(skipTypeWrappers(list))) return null;
  // What else must hold may hold while the list is empty (not `allowed.includes(origin)`), and
  // says nothing of the origin (`LOCAL.test(origin)`, `!origin`), which would let in only some.
  const key = textOf(skipTypeWrappers(list));
  if (alongside.some((condition) => whileEmpty(condition.test, key) === !condition.value)) return null;
  if (alongside.some(({ test, value }) => firstNode(test, isOrigin) !== null && whenSent(test, isOrigin) !== value))
    return null;
  const empties = emptiesOf(list);
  return empties.length > 0 ? { list, empties } : null;
}

/** `list.length === 0`, `!list.length`, `list.size > 0`…: the list, and the value the test takes when it is empty. */
function emptinessTest(node: TSESTree.Node): { list: TSESTree.Node; whenEmpty: boolean } | null {
  let expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.ChainExpression) expression = expression.expression;
  let size: TSESTree.Node = expression;
  let whenEmpty: boolean;
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') {
    size = skipTypeWrappers(expression.argument);
    whenEmpty = true;
  } else if (expression.type === AST_NODE_TYPES.BinaryExpression) {
    const bound = staticValue(expression.right)?.value;
    if (typeof bound !== 'number' || expression.left.type === AST_NODE_TYPES.PrivateIdentifier) return null;
    size = skipTypeWrappers(expression.left);
    const { operator } = expression;
    if ((operator === '===' || operator === '==') && bound === 0) whenEmpty = true;
    else if ((operator === '!==' || operator === '!=' || operator === '>') && bound === 0) whenEmpty = false;
    else if (operator === '<' && bound === 1) whenEmpty = true;
    else if (operator === '<=' && bound === 0) whenEmpty = true;
    else if (operator === '>=' && bound === 1) whenEmpty = false;
    else return null;
  } else {
    whenEmpty = false;
  }
  if (size.type === AST_NODE_TYPES.ChainExpression) size = size.expression;
  if (size.type !== AST_NODE_TYPES.MemberExpression) return null;
  const name = propertyName(size);
  return name === 'length' || name === 'size' ? { list: size.object, whenEmpty } : null;
}

/**
 * The value a condition takes while the list written `key` is empty, when that decides it: a
 * test of its size, and a lookup in it (`includes`, `has`, `some`), which finds nothing.
 */
function whileEmpty(node: TSESTree.Node, key: string, depth = 0): boolean | undefined {
  let expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.ChainExpression) expression = expression.expression;
  if (depth > 12) return undefined;
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') {
    const inner = whileEmpty(expression.argument, key, depth + 1);
    if (inner !== undefined) return !inner;
  }
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator !== '??') {
    const left = whileEmpty(expression.left, key, depth + 1);
    const right = whileEmpty(expression.right, key, depth + 1);
    const and = expression.operator === '&&';
    // Either side deciding alone (false for `&&`, true for `||`) decides the whole.
    if (left === !and || right === !and) return !and;
    return left === and && right === and ? and : undefined;
  }
  const size = emptinessTest(expression);
  if (size) return textOf(skipTypeWrappers(size.list)) === key ? size.whenEmpty : undefined;
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTypeWrappers(expression.callee);
    const method = calledMethodName(expression);
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      (method === 'includes' || method === 'has' || method === 'some') &&
      textOf(skipTypeWrappers(callee.object)) === key
    ) {
      return false;
    }
  }
  return undefined;
}

/** The methods that put entries into an array, a `Set` or a `Map`. */
const FILLING_METHODS: ReadonlySet<string> = new Set(['add', 'push', 'unshift', 'splice', 'set']);

/**
 * Whether a name's collection gets an entry the code writes after it is made:
 * `allowed.add('https://app.example.com')`. Entries read from the environment
 * (`for (const entry of env.split(',')) allowed.add(entry)`) may be none.
 */
function filledLater(list: TSESTree.Node): boolean {
  const name = skipTypeWrappers(list);
  if (name.type !== AST_NODE_TYPES.Identifier) return false;
  return (variableOf(name)?.references ?? []).some((reference) => {
    const member = (reference.identifier as TSESTree.Node).parent;
    return (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === reference.identifier &&
      FILLING_METHODS.has(propertyName(member) ?? '') &&
      member.parent?.type === AST_NODE_TYPES.CallExpression &&
      member.parent.callee === member &&
      member.parent.arguments.length > 0 &&
      member.parent.arguments.every((argument) => staticValue(skipTypeWrappers(argument)) !== null)
    );
  });
}

/**
 * The value a test takes for any origin a page sends, when only whether there is one decides it
 * (`!origin` is false, `origin === undefined` false, `typeof origin === 'string'` true), or
 * `undefined` when the origin's value matters (`LOCAL.test(origin)`) or the test says nothing.
 */
function whenSent(
  test: TSESTree.Node,
  isOrigin: (node: TSESTree.Node) => boolean,
  depth = 0,
): boolean | string | undefined {
  let expression = skipTypeWrappers(test);
  if (expression.type === AST_NODE_TYPES.ChainExpression) expression = expression.expression;
  if (depth > 8) return undefined;
  if (isOrigin(expression)) return true;
  if (expression.type === AST_NODE_TYPES.UnaryExpression) {
    const inner = whenSent(expression.argument, isOrigin, depth + 1);
    if (expression.operator === '!') return inner === undefined ? undefined : !inner;
    // `typeof origin`: a page's origin is a string.
    return expression.operator === 'typeof' && inner === true ? 'string' : undefined;
  }
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator !== '??') {
    const left = whenSent(expression.left, isOrigin, depth + 1);
    const right = whenSent(expression.right, isOrigin, depth + 1);
    if (left === undefined || right === undefined) return undefined;
    return expression.operator === '&&' ? Boolean(left) && Boolean(right) : Boolean(left) || Boolean(right);
  }
  if (
    expression.type === AST_NODE_TYPES.BinaryExpression &&
    expression.left.type !== AST_NODE_TYPES.PrivateIdentifier
  ) {
    const equal = expression.operator === '===' || expression.operator === '==';
    if (!equal && expression.operator !== '!==' && expression.operator !== '!=') return undefined;
    for (const [side, other] of [
      [expression.left, expression.right],
      [expression.right, expression.left],
    ] as const) {
      const sent = whenSent(side, isOrigin, depth + 1);
      const constant = staticValue(skipTypeWrappers(other));
      if (sent === undefined || !constant) continue;
      // A sent origin is a string other than '': never `null`, `undefined` or ''. Equal to one
      // origin lets in that one; unequal to it, every other.
      if (typeof sent === 'string') return equal === (sent === constant.value);
      if (constant.value == null || constant.value === '') return !equal;
      return equal ? undefined : true;
    }
  }
  return undefined;
}

/** Where a list is made empty: an empty array or `Set` it can hold, or the environment read it filters. */
function emptiesOf(list: TSESTree.Node, depth = 0): TSESTree.Node[] {
  // A collection the code fills (`allowed.add(origin)`, `allowed.push(…)`) is empty only until then.
  if (depth > 3 || filledLater(list)) return [];
  const empties: TSESTree.Node[] = [];
  // Where a value is written: a name's one value, or (for a collection the code fills) what it is declared with.
  const written = (node: TSESTree.Node): TSESTree.Node => {
    const value = resolveExpression(node);
    if (value && value !== node) return skipTypeWrappers(value);
    const def = node.type === AST_NODE_TYPES.Identifier ? variableOf(node)?.defs[0] : undefined;
    return def?.type === 'Variable' && def.node.init ? skipTypeWrappers(def.node.init) : node;
  };
  for (const candidate of possibleValues(list)) {
    if (candidate.known) {
      const { value } = candidate;
      if ((Array.isArray(value) && value.length === 0) || (value instanceof Set && value.size === 0)) {
        empties.push(written(candidate.node));
      }
      continue;
    }
    let made = skipTypeWrappers(candidate.node);
    if (made.type === AST_NODE_TYPES.Identifier) made = written(made);
    // `const allowed = []` that entries read from the environment may be pushed into.
    if (made.type === AST_NODE_TYPES.ArrayExpression && made.elements.length === 0) {
      empties.push(made);
      continue;
    }
    if (made.type === AST_NODE_TYPES.NewExpression && isGlobal(made.callee, 'Set')) {
      // `new Set()`, or a Set made from a list that can be empty (`new Set(env?.split(',') ?? [])`).
      const [from] = made.arguments;
      if (!from) empties.push(made);
      else if (from.type !== AST_NODE_TYPES.SpreadElement) empties.push(...emptiesOf(from, depth + 1));
      continue;
    }
    // `(process.env.ORIGINS ?? '').split(',').filter(Boolean)` lists nothing while the variable is
    // unset; a list made some other way is judged by its fallback (`?? []`, above).
    if (made.type !== AST_NODE_TYPES.CallExpression || calledMethodName(made) !== 'filter') continue;
    const read = firstNode(made, (inner) => environmentReadName(inner) !== undefined);
    if (read) empties.push(read);
  }
  return [...new Set(empties)];
}

/**
 * Where each `'*'` is written that a list (or with `single`, a value) can hold: `['*']`,
 * `new Set(['*'])`, `'*'`.
 */
function starsIn(list: TSESTree.Node, single: boolean): TSESTree.Node[] {
  const stars: TSESTree.Node[] = [];
  const written = (node: TSESTree.Node): TSESTree.Node => skipTypeWrappers(resolveExpression(node) ?? node);
  for (const candidate of possibleValues(list)) {
    if (!candidate.known) {
      // `new Set(['*'])`: what the set is made from.
      const made = skipTypeWrappers(candidate.node);
      if (single || made.type !== AST_NODE_TYPES.NewExpression || !isGlobal(made.callee, 'Set')) continue;
      const [from] = made.arguments;
      if (!from) continue;
      for (const inner of possibleValues(from)) {
        if (inner.known && Array.isArray(inner.value) && inner.value.includes('*')) stars.push(written(inner.node));
      }
      continue;
    }
    const { value } = candidate;
    const listed = Array.isArray(value) ? value.includes('*') : value instanceof Set && value.has('*');
    if (single ? value === '*' : listed) stars.push(written(candidate.node));
  }
  return [...new Set(stars)];
}

/**
 * What a test is applied to, when it is the origin or a host parsed from it:
 * `origin`, `new URL(origin).hostname`, `URL.parse(origin)?.host`, or a constant that holds one.
 */
export function matchSubject(
  node: TSESTree.Node,
  isOrigin: (node: TSESTree.Node) => boolean,
  depth = 0,
): MatchSubject | null {
  let expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.ChainExpression) expression = expression.expression;
  if (depth > 4) return null;
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(expression);
    if (name === 'hostname' || name === 'host') {
      const object = skipTypeWrappers(expression.object);
      const url = parsedUrlArgument(skipTypeWrappers(resolveExpression(object) ?? object));
      if (url && isOrigin(url)) return name;
    }
  }
  if (isOrigin(expression)) return 'origin';
  // `url.hostname.toLowerCase()`: the same text in other letters, or without its spaces.
  if (
    expression.type === AST_NODE_TYPES.CallExpression &&
    /^(?:toLowerCase|toLocaleLowerCase|trim)$/u.test(calledMethodName(expression) ?? '')
  ) {
    const receiver = (skipTypeWrappers(expression.callee) as TSESTree.MemberExpression).object;
    return matchSubject(receiver, isOrigin, depth + 1);
  }
  // `URL.parse(origin)?.host ?? ''`: a fallback for an unparsable origin, which lets in nothing more.
  if (
    expression.type === AST_NODE_TYPES.LogicalExpression &&
    expression.operator !== '&&' &&
    typeof staticValue(expression.right)?.value === 'string'
  ) {
    return matchSubject(expression.left, isOrigin, depth + 1);
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const resolved = resolveExpression(expression);
    if (resolved && resolved !== expression) return matchSubject(resolved, isOrigin, depth + 1);
  }
  return null;
}

/** `x` in `new URL(x)` or `URL.parse(x)`, with `URL` the global (or `node:url`'s). */
function parsedUrlArgument(node: TSESTree.Node): TSESTree.Node | null {
  const [first] = (node as TSESTree.NewExpression | TSESTree.CallExpression).arguments ?? [];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return null;
  if (node.type === AST_NODE_TYPES.NewExpression && isUrlConstructor(node.callee)) return first;
  if (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    isUrlConstructor(node.callee.object) &&
    propertyName(node.callee) === 'parse'
  ) {
    return first;
  }
  return null;
}

/** One entry of an origin allowlist as the file writes it. */
export interface AllowlistEntry {
  readonly node: TSESTree.Node;
  readonly value: unknown;
}

/**
 * The entries of an allowlist, where the file writes them: the elements of an array literal
 * (through constants, spreads, `new Set(...)`, `Object.freeze(...)`, `as const`, both branches of
 * `?:` and `||`), each with its static value (`undefined` when the file does not fix it).
 */
export function allowlistEntries(node: TSESTree.Node, depth = 0): AllowlistEntry[] {
  const expression = skipTypeWrappers(node);
  if (depth > 12) return [];
  switch (expression.type) {
    case AST_NODE_TYPES.ArrayExpression:
      return expression.elements.flatMap((element) => {
        if (!element) return [];
        if (element.type === AST_NODE_TYPES.SpreadElement) return allowlistEntries(element.argument, depth + 1);
        const value = staticValue(element);
        return [{ node: element, value: value?.value }];
      });
    case AST_NODE_TYPES.ConditionalExpression:
      return [
        ...allowlistEntries(expression.consequent, depth + 1),
        ...allowlistEntries(expression.alternate, depth + 1),
      ];
    case AST_NODE_TYPES.LogicalExpression:
      return [...allowlistEntries(expression.left, depth + 1), ...allowlistEntries(expression.right, depth + 1)];
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTypeWrappers(expression.callee);
      const name =
        callee.type === AST_NODE_TYPES.Identifier
          ? callee.name
          : callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier
            ? `${callee.object.name}.${propertyName(callee) ?? ''}`
            : '';
      const [first] = expression.arguments;
      if (
        ['Set', 'Object.freeze', 'Array.from'].includes(name) &&
        first &&
        first.type !== AST_NODE_TYPES.SpreadElement
      ) {
        return allowlistEntries(first, depth + 1);
      }
      return [];
    }
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const resolved = resolveExpression(expression);
      return resolved && resolved !== expression ? allowlistEntries(resolved, depth + 1) : [];
    }
    default:
      return [];
  }
}

/** Array methods that call their function with each element: `LIST.some((item) => …)`. */
const ITERATING_METHODS = new Set(['some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'filter']);

/** The list whose elements a callback parameter takes: `LIST` for `item` in `LIST.some((item) => …)`. */
export function iteratedList(id: TSESTree.Identifier): TSESTree.Node | null {
  const variable = variableOf(id) as {
    defs: { type: string; name: TSESTree.Node; node: TSESTree.Node }[];
  } | null;
  const def = variable?.defs[0];
  if (def?.type !== 'Parameter') return null;
  const fn = def.node;
  if (
    (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) ||
    fn.params[0] !== def.name
  ) {
    return null;
  }
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return null;
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  return ITERATING_METHODS.has(propertyName(callee) ?? '') ? callee.object : null;
}

/** A regular expression an origin is tested against, and where its source is written. */
export interface PatternSource {
  /** What stands for it: the regex literal, `new RegExp(…)`, or a string used as a pattern. */
  readonly node: TSESTree.Node;
  readonly pattern: string;
  readonly flags: string;
  /** The literal that holds the pattern's source, to rewrite it; `null` when the source is built. */
  readonly written: TSESTree.Literal | TSESTree.TemplateLiteral | null;
  /** Whether it is one entry of a list that the test goes through. */
  readonly fromList: boolean;
}

function isGlobal(node: TSESTree.Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && globalPath(node)?.join('.') === name;
}

/** A string written as a literal (or a template without expressions), through constants. */
function writtenString(
  node: TSESTree.Node,
): { literal: TSESTree.Literal | TSESTree.TemplateLiteral; value: string } | null {
  const expression = resolveExpression(node) ?? skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'string')
    return { literal: expression, value: expression.value };
  if (expression.type === AST_NODE_TYPES.TemplateLiteral && expression.expressions.length === 0) {
    return { literal: expression, value: expression.quasis[0]?.value.cooked ?? '' };
  }
  return null;
}

/**
 * The regular expressions a value stands for: regex literals and `new RegExp(…)` (or `RegExp(…)`)
 * with a static source, through constants, arrays, both branches of `?:` and `||`, and the list a
 * callback goes through (`PATTERNS.some((pattern) => pattern.test(origin))`). With `strings`, a
 * string is a pattern too, as `String.prototype.match` takes it.
 */
export function patternSources(node: TSESTree.Node, strings: boolean, fromList = false, depth = 0): PatternSource[] {
  const expression = skipTypeWrappers(node);
  if (depth > 12) return [];
  switch (expression.type) {
    case AST_NODE_TYPES.Literal: {
      if ('regex' in expression && expression.regex) {
        return [
          {
            node: expression,
            pattern: expression.regex.pattern,
            flags: expression.regex.flags,
            written: expression,
            fromList,
          },
        ];
      }
      if (strings && typeof expression.value === 'string') {
        return [{ node: expression, pattern: expression.value, flags: '', written: expression, fromList }];
      }
      return [];
    }
    case AST_NODE_TYPES.TemplateLiteral: {
      const written = strings ? writtenString(expression) : null;
      return written
        ? [{ node: expression, pattern: written.value, flags: '', written: written.literal, fromList }]
        : [];
    }
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression: {
      if (!isGlobal(skipTypeWrappers(expression.callee), 'RegExp')) return [];
      const [source, flags] = expression.arguments;
      if (!source || source.type === AST_NODE_TYPES.SpreadElement) return [];
      const written = writtenString(source);
      const flagValue = flags ? staticValue(flags)?.value : '';
      if (typeof flagValue !== 'string') return [];
      if (!written) {
        // `new RegExp(pattern.replace(/\*/g, '.*'))` of each entry of a list of wildcard origins.
        return builtSources(source).map((pattern) => ({
          node: expression,
          pattern,
          flags: flagValue,
          written: null,
          fromList: true,
        }));
      }
      return [{ node: expression, pattern: written.value, flags: flagValue, written: written.literal, fromList }];
    }
    case AST_NODE_TYPES.ArrayExpression:
      return expression.elements.flatMap((element) =>
        !element
          ? []
          : patternSources(
              element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element,
              strings,
              fromList,
              depth + 1,
            ),
      );
    case AST_NODE_TYPES.ConditionalExpression:
      return [
        ...patternSources(expression.consequent, strings, fromList, depth + 1),
        ...patternSources(expression.alternate, strings, fromList, depth + 1),
      ];
    case AST_NODE_TYPES.LogicalExpression:
      return [
        ...patternSources(expression.left, strings, fromList, depth + 1),
        ...patternSources(expression.right, strings, fromList, depth + 1),
      ];
    case AST_NODE_TYPES.Identifier: {
      const list = iteratedList(expression);
      if (list) return allowlistEntries(list).flatMap((entry) => patternSources(entry.node, strings, true, depth + 1));
      const resolved = resolveExpression(expression);
      return resolved && resolved !== expression ? patternSources(resolved, strings, fromList, depth + 1) : [];
    }
    case AST_NODE_TYPES.MemberExpression: {
      const resolved = resolveExpression(expression);
      return resolved && resolved !== expression ? patternSources(resolved, strings, fromList, depth + 1) : [];
    }
    default:
      return [];
  }
}

/**
 * The sources a pattern built from each entry of a list takes: each `*` of the entry replaced by
 * `.*` (a chain of `replace()` calls with static arguments) on the name a callback goes through
 * the list with (`ALLOWED.some((pattern) => new RegExp(…).test(origin))`), for each entry the
 * replacements change. An entry they leave as it is may be tested otherwise
 * (`pattern.includes('*') ? new RegExp(…) : pattern === origin`).
 */
function builtSources(node: TSESTree.Node): string[] {
  const replacements: { search: string | RegExp; replacement: string }[] = [];
  let current = skipTypeWrappers(node);
  while (current.type === AST_NODE_TYPES.CallExpression && calledMethodName(current) === 'replace') {
    const [search, replacement] = current.arguments;
    const with_ = replacement && staticValue(replacement)?.value;
    const pattern =
      search?.type === AST_NODE_TYPES.Literal && 'regex' in search && search.regex
        ? safeRegExp(search.regex.pattern, search.regex.flags)
        : search
          ? staticValue(search)?.value
          : undefined;
    if ((typeof pattern !== 'string' && !(pattern instanceof RegExp)) || typeof with_ !== 'string') return [];
    replacements.unshift({ search: pattern, replacement: with_ });
    const object = calledMethodObject(current);
    if (!object) return [];
    current = skipTypeWrappers(object);
  }
  if (replacements.length === 0 || current.type !== AST_NODE_TYPES.Identifier) return [];
  const list = iteratedList(current);
  if (!list) return [];
  return allowlistEntries(list).flatMap((entry) => {
    if (typeof entry.value !== 'string') return [];
    const built = replacements.reduce(
      (text, { search, replacement }) => text.replace(search, replacement),
      entry.value,
    );
    return built === entry.value ? [] : [built];
  });
}

/** A regular expression from a literal's parts, or `null` where this engine cannot make it. */
function safeRegExp(pattern: string, flags: string): RegExp | null {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return null;
  }
}

/** A string an origin is tested with (`endsWith(text)`), and where it is written. */
export interface TestedText {
  readonly node: TSESTree.Node;
  readonly value: string;
  /** Whether the string is written right in the test, as a literal. */
  readonly inPlace: boolean;
  /** Whether it is one entry of a list that the test goes through (`SUFFIXES.some((s) => origin.endsWith(s))`). */
  readonly fromList: boolean;
}

/** The strings an argument stands for: a literal, a constant, or each entry of the list a callback goes through. */
export function testedTexts(node: TSESTree.Node): TestedText[] {
  const expression = skipTypeWrappers(node);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const list = iteratedList(expression);
    if (list) {
      return allowlistEntries(list).flatMap((entry) =>
        typeof entry.value === 'string'
          ? [{ node: entry.node, value: entry.value, inPlace: false, fromList: true }]
          : [],
      );
    }
  }
  const value = staticValue(expression)?.value;
  if (typeof value !== 'string') return [];
  const inPlace =
    expression.type === AST_NODE_TYPES.Literal ||
    (expression.type === AST_NODE_TYPES.TemplateLiteral && expression.expressions.length === 0);
  return [{ node: expression, value, inPlace, fromList: false }];
}

// ---------------------------------------------------------------------------------------------
// Tests of part of an origin

/**
 * A test of part of the origin (`origin.startsWith(…)`, `origin.indexOf(…) === 0`), where `check`
 * is the whole test as written, `negated` when it is true for origins that do not match
 * (`indexOf(x) !== 0`).
 */
export interface TextOriginMatch {
  readonly kind: TextMatch;
  readonly check: TSESTree.Node;
  readonly receiver: TSESTree.Node;
  readonly argument: TSESTree.Node;
  readonly subject: MatchSubject;
  readonly negated: boolean;
  readonly call: TSESTree.CallExpression;
}

/** A regular expression the origin is tested against: `/…/.test(origin)`, `origin.match(…)`. */
export interface PatternOriginMatch {
  readonly kind: 'pattern';
  readonly source: PatternSource;
  readonly subject: MatchSubject;
}

export type OriginMatch = TextOriginMatch | PatternOriginMatch;

const TEXT_METHODS: Readonly<Record<string, TextMatch>> = {
  startsWith: 'prefix',
  endsWith: 'suffix',
  includes: 'substring',
};
const UNKNOWN = Symbol('unknown');

/** A method call on a value with a first argument given in place: `origin.startsWith('x')`, `re.test(origin)`. */
function methodCallParts(
  call: TSESTree.CallExpression,
): { method: string; callee: TSESTree.MemberExpression; first: TSESTree.Expression } | null {
  const method = calledMethodName(call);
  const callee = skipTypeWrappers(call.callee);
  const [first] = call.arguments;
  if (
    !method ||
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    !first ||
    first.type === AST_NODE_TYPES.SpreadElement
  )
    return null;
  return { method, callee, first };
}

/**
 * The text and pattern tests of the origin (or a host parsed from it) that a leaf of a condition
 * letting an origin in makes, unless an exact check must hold beside it
 * (`ALLOWED.includes(origin) && origin.startsWith('https://')`: the allowlist decides).
 */
export function originMatchesOf(test: OriginTest): OriginMatch[] {
  if (test.alongside.some((condition) => hasExactCheck(condition.test, condition.value, test))) return [];
  const { node, allowWhen } = test;
  const matches: OriginMatch[] = [];
  const patterns = (patternNode: TSESTree.Node, strings: boolean, subject: MatchSubject | null): void => {
    if (subject)
      for (const source of patternSources(patternNode, strings)) matches.push({ kind: 'pattern', source, subject });
  };
  if (node.type === AST_NODE_TYPES.CallExpression) {
    if (!allowWhen) return [];
    const parts = methodCallParts(node);
    if (!parts) return [];
    const { method, callee, first } = parts;
    const kind = Object.hasOwn(TEXT_METHODS, method) ? TEXT_METHODS[method] : undefined;
    if (kind) {
      const subject = matchSubject(callee.object, test.isOrigin);
      if (subject)
        matches.push({
          kind,
          check: node,
          receiver: callee.object,
          argument: first,
          subject,
          negated: false,
          call: node,
        });
    } else if (method === 'match') patterns(first, true, matchSubject(callee.object, test.isOrigin));
    else if (method === 'test' || method === 'exec') patterns(callee.object, false, matchSubject(first, test.isOrigin));
    return matches;
  }
  if (node.type !== AST_NODE_TYPES.BinaryExpression) return [];
  // `origin.indexOf('x') !== -1`, `origin.indexOf('x') === 0`, `origin.match(re) !== null`.
  for (const [side, other] of [
    [node.left, node.right],
    [node.right, node.left],
  ] as const) {
    const call = skipTypeWrappers(side.type === AST_NODE_TYPES.ChainExpression ? side.expression : side);
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const parts = methodCallParts(call);
    if (!parts) continue;
    const { method, callee, first } = parts;
    const known = staticValue(other);
    const meaning = comparisonMeaning(method, node.operator, known ? known.value : UNKNOWN, side === node.left);
    if (!meaning || meaning.positive !== allowWhen) continue;
    if (meaning.kind === 'pattern') {
      const subjectNode = method === 'exec' ? first : callee.object;
      const patternNode = method === 'exec' ? callee.object : first;
      // `match` and `search` make a pattern of a string they are given.
      patterns(patternNode, method === 'match' || method === 'search', matchSubject(subjectNode, test.isOrigin));
      continue;
    }
    const subject = matchSubject(callee.object, test.isOrigin);
    if (subject)
      matches.push({
        kind: meaning.kind,
        check: node,
        receiver: callee.object,
        argument: first,
        subject,
        negated: !meaning.positive,
        call,
      });
  }
  return matches;
}

/**
 * Whether a test lets in an origin nobody meant that anyone can set up (the reports of
 * `no-unsafe-origin-match`): a prefix, suffix or substring that stops inside a name, or a pattern
 * that is not anchored, escaped or bounded where it needs to be.
 */
export function admitsLookAlike(match: OriginMatch): boolean {
  if (match.kind === 'pattern')
    return findPatternProblem(match.source.pattern, match.source.flags, match.subject) !== null;
  const texts = testedTexts(match.argument);
  // A text the code does not fix (a setting): whatever it is, a site whose name holds it passes.
  if (texts.length === 0) return match.kind === 'substring';
  return texts.some((text) => weakTextMatchExample(match.kind as TextMatch, text.value, match.subject) !== null);
}

/** Whether a condition compares the origin exactly or looks it up in an allowlist (not a weak match). */
function hasExactCheck(condition: TSESTree.Node, value: boolean, test: OriginTest): boolean {
  return originChecksIn(condition, test.origin, value).some((check) => {
    const checkNode = skipTypeWrappers(check.node);
    if (checkNode.type !== AST_NODE_TYPES.CallExpression) return true;
    const method = calledMethodName(checkNode);
    return !method || !['startsWith', 'endsWith', 'match', 'test'].includes(method);
  });
}

/**
 * What a comparison of a call's result means: `indexOf(x) !== -1` is a substring test,
 * `indexOf(x) === 0` a prefix test, `match(re) !== null` a pattern test; `positive` when the
 * comparison is true for a match.
 */
function comparisonMeaning(
  method: string,
  operator: string,
  constant: unknown,
  callOnLeft: boolean,
): { kind: TextMatch | 'pattern'; positive: boolean } | null {
  const equal = operator === '===' || operator === '==';
  const unequal = operator === '!==' || operator === '!=';
  if (method === 'match' || method === 'exec') {
    if (constant !== null && !(constant === undefined && operator.length === 2)) return null;
    return equal || unequal ? { kind: 'pattern', positive: unequal } : null;
  }
  if (method !== 'indexOf' && method !== 'search') return null;
  // `search` answers where a pattern first matches, as `indexOf` does for a text.
  const kind = method === 'search' ? 'pattern' : 'substring';
  if (method === 'search') {
    if (constant === -1 && (equal || unequal)) return { kind, positive: unequal };
    const flippedSearch: Record<string, string> = { '>': '<', '<': '>', '>=': '<=', '<=': '>=' };
    const normalSearch = callOnLeft ? operator : flippedSearch[operator];
    if ((normalSearch === '>' && constant === -1) || (normalSearch === '>=' && constant === 0))
      return { kind, positive: true };
    if ((normalSearch === '<' && constant === 0) || (normalSearch === '<=' && constant === -1))
      return { kind, positive: false };
    return null;
  }
  if (constant === -1 && (equal || unequal)) return { kind: 'substring', positive: unequal };
  if (constant === 0 && (equal || unequal)) return { kind: 'prefix', positive: equal };
  // `i > -1`, `i >= 0`, `i < 0` (and the same written the other way round)
  const flipped: Record<string, string> = { '>': '<', '<': '>', '>=': '<=', '<=': '>=' };
  const normal = callOnLeft ? operator : flipped[operator];
  if ((normal === '>' && constant === -1) || (normal === '>=' && constant === 0))
    return { kind: 'substring', positive: true };
  if ((normal === '<' && constant === 0) || (normal === '<=' && constant === -1))
    return { kind: 'substring', positive: false };
  return null;
}

const looseGates = new WeakMap<TSESTree.Program, ReadonlySet<TSESTree.Node>>();

/**
 * The functions of a module that turn requests away by their Origin (`if (…) return
 * res.status(403)…`, also through a check of the project that reads the Origin itself:
 * `if (!checkOrigin(req))`), and the CORS `origin` functions of its middleware (whose error
 * refuses the request), that let in a look-alike origin (`admitsLookAlike`:
 * `hostname.startsWith('10.')`), or decide with a check of the project that says yes to every
 * origin (`isAllowedOrigin(origin)` whose every path returns `true`): the same tests
 * `no-unsafe-origin-match` and `no-reflected-origin` report. Computed once per module.
 */
export function looseOriginGates(sourceCode: Readonly<SourceCode>): ReadonlySet<TSESTree.Node> {
  let known = looseGates.get(sourceCode.ast);
  if (known) return known;
  const gates = new Set<TSESTree.Node>();
  known = gates;
  looseGates.set(sourceCode.ast, gates);
  // A CORS origin function decides for itself; an `if` for the function it is in.
  const deciding = (site: TSESTree.Node, originFunction: HandlerFunction | undefined): TSESTree.Node | null =>
    originFunction ?? (site.type === AST_NODE_TYPES.IfStatement ? enclosingFunctionOrProgram(site) : null);
  const add = (site: TSESTree.Node, originFunction: HandlerFunction | undefined): void => {
    const decider = deciding(site, originFunction);
    if (decider) gates.add(decider);
  };
  originDecisionListeners(sourceCode, {
    test(test) {
      if (deciding(test.site, test.originFunction) && originMatchesOf(test).some(admitsLookAlike))
        add(test.site, test.originFunction);
    },
    alwaysAllows: ({ site, originFunction }) => add(site, originFunction),
  })['Program:exit']?.(sourceCode.ast);
  return known;
}
