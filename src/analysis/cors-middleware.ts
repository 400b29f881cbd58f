import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { appendObjectProperty } from '../fixes/edits';
import {
  calledMethodName,
  calledMethodObject,
  containsNode,
  isNullishLiteral,
  outermostWrapper,
  skipTypeWrappers,
  walk,
} from './ast';
import { CORS_MIDDLEWARES } from '../frameworks/cors-packages';
import {
  MENTIONS_DEFAULT_CORS_METHOD,
  MENTIONS_DEFAULT_CORS_MODULE,
  MENTIONS_SELF_SERVING_MODULE,
  corsMethodsOfAdapters,
  entitiesOfKind,
  exportNamesWith,
} from '../frameworks/registry';
import type { CorsMiddleware, Entity, OptionValue } from '../frameworks/types';
import { entitiesOf, mayHoldEntities, moduleIndex, trackedNodes } from './facts';
import { configFileServer, type ConfigFileHttp } from './config-files';
import { typedCorsValues } from './cors-types';
import { installedVersionFor, isAtLeast } from './installed';
import { mentionsAny } from './imports';
import { isLinted, propertyName, variableOf } from './program';
import {
  conditionsOnTheWay,
  findOriginGuard,
  isPresenceTest,
  onlyWithoutOrigin,
  sameOrigin,
  sourceGuard,
} from './guards';
import { testsListForAdmission } from './origin-decisions';
import { holdsWhileUnset } from './credential-checks';
import { originSources } from './origin-source';
import { frameworkStarts, madeWithOption, serverSourceOf } from './servers';
import {
  callsOf,
  findObjectProperty,
  isFunctionNode,
  possibleValues,
  resolveExpression,
  resolveFunction,
  resolveObjectExpression,
  resolveObjectWhenSet,
} from './values';

export type { CorsMiddleware } from '../frameworks/types';

/** One place where a file sets up a CORS middleware. */
export interface CorsMiddlewareUse {
  readonly middleware: CorsMiddleware;
  /**
   * `cors(...)`, `fastify.register(cors, ...)`, or the call or `new` whose options hold them
   * (`new MCPServer({ cors })`); for declared options, the object.
   */
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.ObjectExpression;
  /** The options argument as written, `null` when there is none, `undefined` when it cannot be read (a spread). */
  readonly options: TSESTree.Node | null | undefined;
  /** Where the linted file sets it up: `call`, or (for middleware made in another module) where it is mounted. */
  readonly site: TSESTree.Node;
  /**
   * Where options go when there are none (`options` is `null`) and the call takes them somewhere
   * other than as an argument: fastmcp's `cors` inside `httpStream`. Gets `{ origin: … }`.
   */
  readonly insertOptions?: (fixer: RuleFixer, optionsText: string) => RuleFix;
  /**
   * The server that applies it checks a credential on every request before any MCP handling
   * (`new FastMCP({ authenticate })`): the threat model's bearer-token server.
   */
  readonly authenticated?: boolean;
  /** The installed package does not take the options a fix would write (`optionsSince`): no fix. */
  readonly unfixable?: boolean;
  /**
   * Options the code declares for this middleware by their type (`const corsConfig: CorsOptions =
   * { … }`) rather than hands to it: `call` is then the object, which only says what it sets.
   */
  readonly declared?: boolean;
}

/** Per file: several rules ask, and the answer depends on the file alone. */
const usesByFile = new WeakMap<object, CorsMiddlewareUse[]>();

/** The names the CORS packages export their middleware under. */
const CORS_NAMES = exportNamesWith('cors');

/** The methods that take a CORS middleware's options (`create` of `NestFactory`, `serve` of `McpAgent`). */
const CORS_OPTION_METHODS = exportNamesWith('cors-option');

/** The app methods that set up CORS (`enableCors`, fastmcp's `start`). */
const CORS_METHODS: ReadonlySet<string> = corsMethodsOfAdapters();

/**
 * The options of a middleware that a call holds below its first argument (`start({ httpStream:
 * { cors } })`), when the call sets it up: `null` when it does not (another transport, or CORS
 * turned off), and a use whose options are unknown when the file does not show them.
 */
function nestedOptionsUse(
  sourceCode: Readonly<SourceCode>,
  call: TSESTree.CallExpression,
  middleware: CorsMiddleware,
): CorsMiddlewareUse | null {
  const [first] = call.arguments;
  const unknown: CorsMiddlewareUse = { middleware, call, options: undefined, site: call };
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return null;
  let object = resolveObjectExpression(first);
  if (!object) return null;
  if (middleware.onlyWhen && !holdsOption(object, middleware.onlyWhen)) return null;
  const path = middleware.optionsPath ?? [];
  // Where a report about options left out belongs: the key of the object that would hold them.
  let holderKey: TSESTree.Node = call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.property : call;
  for (const [index, key] of path.entries()) {
    const found = findObjectProperty(object, key);
    if (found.kind === 'unknown') return unknown;
    const last = index === path.length - 1;
    if (found.kind === 'missing') {
      // `start({ transportType: 'httpStream' })` with no `httpStream`: the options would need a port
      // the file does not show, so there is no fix.
      if (!last) return { ...unknown, options: null, site: holderKey, unfixable: true };
      const holder = object;
      return {
        middleware,
        call,
        options: null,
        site: holderKey,
        ...(isLinted(holder)
          ? {
              insertOptions: (fixer: RuleFixer, text: string) =>
                appendObjectProperty(fixer, sourceCode, holder, `${key}: ${text}`),
            }
          : {}),
      };
    }
    if (!found.value) return unknown;
    if (last) {
      if (isFalse(found.value)) return null;
      return { middleware, call, options: found.value, site: found.property };
    }
    // `httpStream: http ? { port } : undefined`: the options whenever they are set.
    const inner = resolveObjectWhenSet(found.value);
    if (!inner) return unknown;
    object = inner;
    holderKey = found.property.key;
  }
  return null;
}

/** Whether an options object sets `key` to `value` (as one of its possible values). */
function holdsOption(object: TSESTree.ObjectExpression, { key, value }: OptionValue): boolean {
  const found = findObjectProperty(object, key);
  const values: readonly unknown[] = typeof value === 'string' ? [value] : value;
  return (
    found.kind === 'found' &&
    !!found.value &&
    possibleValues(found.value).some((candidate) => candidate.known && values.includes(candidate.value))
  );
}

/** Whether one of the options objects a call shows sets `key` to `value`. */
function optionIs(options: readonly TSESTree.CallExpressionArgument[], when: OptionValue): boolean {
  return options.some((option) => {
    const object = option.type === AST_NODE_TYPES.SpreadElement ? null : resolveObjectExpression(option);
    return object !== null && holdsOption(object, when);
  });
}

function isFalse(node: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  return expression.type === AST_NODE_TYPES.Literal && expression.value === false;
}

/**
 * Every CORS middleware the linted file sets up, found by what was imported (also through the
 * project's own modules, which may re-export a package under another name), and every one made
 * in another module that the file mounts (`app.use(corsMiddleware)`).
 */
export function findCorsMiddlewareUses(sourceCode: Readonly<SourceCode>): CorsMiddlewareUse[] {
  let uses = usesByFile.get(sourceCode.ast);
  if (!uses) {
    const { text } = sourceCode;
    uses =
      mentionsAny(sourceCode, MENTIONS_CORS) ||
      MENTIONS_SELF_SERVING_MODULE.test(text) ||
      mayAnswerCorsByDefault(sourceCode)
        ? collectCorsMiddlewareUses(sourceCode)
        : [];
    usesByFile.set(sourceCode.ast, uses);
  }
  return uses;
}

/**
 * Whether a file may call a method that answers CORS with its defaults when given no CORS options
 * (`McpAgent.serve()`, also on a subclass that another module declares), or turn on a server
 * that does (`http: true` in `xmcp.config.ts`, a FastMCP server of another module's), though its
 * text never says CORS.
 */
export function mayAnswerCorsByDefault(sourceCode: Readonly<SourceCode>): boolean {
  const { text } = sourceCode;
  return (
    MENTIONS_DEFAULT_CORS_MODULE.test(text) ||
    (MENTIONS_DEFAULT_CORS_METHOD.test(text) && mayHoldEntities(sourceCode, 'cors-option')) ||
    configFileServer(sourceCode.ast) !== null ||
    // `server.start({ transportType: 'httpStream' })` of a FastMCP server another module makes.
    frameworkStarts(sourceCode).length > 0
  );
}

/**
 * A file that uses a CORS middleware says so: the package or its export, or a name that holds one
 * (or it names a framework that applies one unasked).
 */
const MENTIONS_CORS = /cors/iu;

/** `import('…')` in a file's text. */
const DYNAMIC_IMPORT = /\bimport\s*\(/u;

function collectCorsMiddlewareUses(sourceCode: Readonly<SourceCode>): CorsMiddlewareUse[] {
  const uses: CorsMiddlewareUse[] = [];
  const seen = new Set<TSESTree.Node>();
  const add = (use: CorsMiddlewareUse): void => {
    if (seen.has(use.call)) return;
    seen.add(use.call);
    uses.push(use.middleware.noDenyValue ? { ...use, unfixable: true } : use);
  };
  const useOf = (node: TSESTree.Node, middleware: CorsMiddleware, site: TSESTree.Node | null): void => {
    if (middleware.usage === 'call') {
      if (node.type === AST_NODE_TYPES.CallExpression)
        add({ middleware, call: node, options: argumentAt(node, 0), site: site ?? node });
    } else {
      const call = registeringCall(node);
      if (call) add({ middleware, call, options: argumentAt(call, 1), site: site ?? call });
    }
  };
  const tracked = trackedNodes(sourceCode);
  for (const [node, entities] of tracked) {
    for (const { middleware } of entitiesOfKind(entities, 'cors')) useOf(node, middleware, null);
  }
  // Options that a call hands on to a CORS middleware: `NestFactory.create(AppModule, { cors: true })`.
  const optionUses = (node: TSESTree.CallExpression | TSESTree.NewExpression, entities: readonly Entity[]): void => {
    // A server whose options check a credential on every request: `new MCPServer({ oauth })`.
    const [server] = entitiesOfKind(entities, 'server');
    const authenticated = server ? madeWithOption(node, server.source.authenticatedBy ?? []) : false;
    for (const { middleware, argument, key, byDefault, onlyWhen, ignoresKey } of entitiesOfKind(
      entities,
      'cors-option',
    )) {
      const options = node.arguments.slice(argument);
      if (onlyWhen && !optionIs(options, onlyWhen)) continue;
      if (ignoresKey) {
        // No option of the call changes it: a report with nothing to edit.
        add({
          middleware,
          call: node,
          options: null,
          site: node.callee,
          authenticated,
          unfixable: true,
        });
        continue;
      }
      const value = options
        .map((option) => (option.type === AST_NODE_TYPES.SpreadElement ? null : resolveObjectExpression(option)))
        .map((object) => object && findObjectProperty(object, key))
        .find((found) => found?.kind !== 'missing' && found !== null);
      if (value?.kind === 'found' && value.value && !isFalse(value.value)) {
        add({ middleware, call: node, options: value.value, site: value.property, authenticated });
      } else if (byDefault && value === undefined) {
        // Left out, by options the file shows (or no options at all): the defaults apply. Where the
        // options would go is not one argument a fix can fill.
        const shown = options.every(
          (option) => option.type !== AST_NODE_TYPES.SpreadElement && resolveObjectExpression(option) !== null,
        );
        // One options object written here (`new MCPServer({ name })`) takes the key beside the others,
        // where the installed package takes it.
        const [only] = options;
        const holder =
          options.length === 1 && only?.type === AST_NODE_TYPES.ObjectExpression && isLinted(only) ? only : null;
        const takes = takesOptions(node, middleware);
        add({
          middleware,
          call: node,
          options: shown ? null : undefined,
          // A report about options left out belongs on what is made, not on every line of its options.
          site: node.type === AST_NODE_TYPES.NewExpression ? node.callee : node,
          authenticated,
          ...(holder && takes
            ? {
                insertOptions: (fixer: RuleFixer, text: string) =>
                  appendObjectProperty(fixer, sourceCode, holder, `${key}: ${text}`),
              }
            : { unfixable: true }),
        });
      }
    }
  };
  for (const [node, entities] of tracked) {
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression)
      optionUses(node, entities);
  }
  const index = moduleIndex(sourceCode.ast);
  // Methods of an app that set up CORS: NestJS's `app.enableCors(options)`, fastmcp's `start()`.
  for (const method of CORS_METHODS) {
    for (const call of index.methodCalls.get(method) ?? []) {
      const receiver = calledMethodObject(call);
      const source = receiver && serverSourceOf(receiver);
      const middleware = source?.corsMethods?.[method];
      if (!receiver || !source || !middleware) continue;
      if (!middleware.optionsPath) {
        useOf(call, middleware, null);
        continue;
      }
      const use = nestedOptionsUse(sourceCode, call, middleware);
      if (!use) continue;
      add({
        ...use,
        authenticated: madeWithOption(receiver, source.authenticatedBy ?? []),
        unfixable: use.unfixable === true || !takesOptions(call, middleware),
      });
    }
  }
  // A package loaded when the server starts, which the tracker of static imports does not follow:
  // `const cors = await import('cors'); app.use(cors.default())`.
  const loadsLater = DYNAMIC_IMPORT.test(sourceCode.text);
  for (const call of index.calls) {
    const callee = skipTypeWrappers(call.callee);
    const named = callee.type === AST_NODE_TYPES.Identifier && CORS_NAMES.has(callee.name);
    const loadedDefault =
      loadsLater && callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'default';
    if (tracked.has(call) || !(named || loadedDefault)) continue;
    for (const { middleware } of entitiesOf(call, 'cors')) useOf(call, middleware, null);
  }
  // A method that takes CORS options, reached through the project's own code: a subclass of a
  // package's class (`NotesAgent.serve('/mcp')` for `McpAgent.serve`).
  for (const method of CORS_OPTION_METHODS) {
    for (const call of index.methodCalls.get(method) ?? []) {
      if (!tracked.has(call)) optionUses(call, entitiesOf(call));
    }
  }
  for (const call of index.methodCalls.get('register') ?? []) {
    const [plugin] = call.arguments;
    if (!plugin || plugin.type === AST_NODE_TYPES.SpreadElement || tracked.has(plugin)) continue;
    for (const { middleware } of entitiesOf(plugin, 'cors')) useOf(plugin, middleware, null);
  }
  for (const node of index.importExpressions) {
    const source = node.source.type === AST_NODE_TYPES.Literal ? node.source.value : null;
    const middleware = CORS_MIDDLEWARES.find(
      (candidate) => candidate.usage === 'register' && candidate.module === source,
    );
    if (middleware) useOf(node, middleware, null);
  }
  // Middleware made in another module and mounted here: `app.use(corsMiddleware)`.
  for (const [method, calls] of index.methodCalls) {
    if (method !== 'use' && method !== 'register' && method !== 'all' && method !== 'options') continue;
    for (const call of calls) {
      for (const argument of call.arguments) {
        if (argument.type === AST_NODE_TYPES.SpreadElement) continue;
        const made = skipTypeWrappers(resolveExpression(argument) ?? argument);
        if (made.type !== AST_NODE_TYPES.CallExpression || isLinted(made)) continue;
        for (const { middleware } of entitiesOf(made, 'cors')) useOf(made, middleware, argument);
      }
    }
  }
  // A framework's config file (xmcp's `http.cors`, its defaults when left out).
  const configured = configFileServer(sourceCode.ast);
  const configuredUse = configured && configFileUse(sourceCode, configured);
  if (configuredUse) add(configuredUse);
  // Options declared by their type, which this file does not hand to a middleware itself.
  const handed = new Set(
    uses.map((use) => use.options && skipTypeWrappers(resolveExpression(use.options) ?? use.options)),
  );
  for (const typed of typedCorsValues(sourceCode)) {
    if (typed.part !== 'options' || handed.has(typed.object)) continue;
    add({
      middleware: typed.middleware,
      call: typed.object,
      options: typed.object,
      site: typed.object,
      declared: true,
    });
  }
  return uses.sort((a, b) => a.site.range[0] - b.site.range[0]);
}

/** The CORS middleware of a framework's config file: its `cors` setting, or the defaults where there is none. */
function configFileUse(sourceCode: Readonly<SourceCode>, configured: ConfigFileHttp): CorsMiddlewareUse | null {
  const { server, property, settings, cors } = configured;
  const base = {
    middleware: configured.corsMiddleware,
    call: settings ?? (property.parent as TSESTree.ObjectExpression),
    authenticated: configured.authenticated,
  };
  if (cors.kind === 'found' && cors.value) return { ...base, options: cors.value, site: cors.property };
  if (cors.kind !== 'missing') return { ...base, options: undefined, site: property.key, unfixable: true };
  // Left out where the installed version's defaults name no origin (xmcp before 0.1.7): no policy.
  if (!configured.corsMiddleware.isWildcardOrigin(undefined)) return null;
  if (!isLinted(property) || (settings && !isLinted(settings)))
    return { ...base, options: null, site: property.key, unfixable: true };
  // `http: true` becomes `http: { cors: { … } }`; settings written here take `cors` beside the others.
  const insertOptions = settings
    ? (fixer: RuleFixer, text: string) =>
        appendObjectProperty(fixer, sourceCode, settings, `${server.corsKey}: ${text}`)
    : (fixer: RuleFixer, text: string) => fixer.replaceText(property.value, `{ ${server.corsKey}: ${text} }`);
  return { ...base, options: null, site: property.key, insertOptions };
}

/**
 * Whether the package installed for the file takes the options a fix writes: any version when the
 * middleware names none (`optionsSince`), else that one or later (an unknown install does not).
 */
function takesOptions(node: TSESTree.Node, middleware: CorsMiddleware): boolean {
  if (middleware.optionsSince === undefined) return true;
  const installed = installedVersionFor(node, middleware.module);
  return installed !== null && isAtLeast(installed, middleware.optionsSince);
}

/** `app.register(plugin, options)` where `plugin` is this very reference. */
function registeringCall(pluginReference: TSESTree.Node): TSESTree.CallExpression | null {
  const current = outermostWrapper(pluginReference);
  const call = current.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== current) return null;
  return calledMethodName(call) === 'register' ? call : null;
}

function argumentAt(call: TSESTree.CallExpression, index: number): TSESTree.Node | null | undefined {
  for (let position = 0; position <= index; position++) {
    const argument = call.arguments[position];
    if (!argument) return null;
    if (argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  }
  return call.arguments[index];
}

/**
 * One shape the options argument can take at run time. A ternary or `||` fallback gives
 * several: `cors(dev ? { origin: '*' } : undefined)` is an object or nothing.
 */
export type CorsOptionsBranch =
  /**
   * No options: the middleware's defaults apply. `node` is what stands for them, `null` for no
   * argument. `passedOn` when the options come from a caller who leaves them out
   * (`cors(config.cors)`, called with no `cors`): that call; no edit here can give them.
   */
  | {
      readonly kind: 'missing';
      readonly node: TSESTree.Node | null;
      /** The call that leaves them out, when a caller does (`passedOn`). */
      readonly passedOn?: TSESTree.Node;
    }
  /** An object literal the file shows. */
  | { readonly kind: 'object'; readonly object: TSESTree.ObjectExpression }
  /** Anything the file does not show: a parameter, an import, a call. */
  | { readonly kind: 'unknown' };

/** The shapes a middleware's options can take, through variables, ternaries and fallbacks. */
export function corsOptionsBranches(use: CorsMiddlewareUse): CorsOptionsBranch[] {
  if (use.options === undefined) return [{ kind: 'unknown' }];
  if (use.options === null) return [{ kind: 'missing', node: null }];
  const branches: CorsOptionsBranch[] = [];
  const visit = (node: TSESTree.Node, depth: number): void => {
    const expression = skipTypeWrappers(node);
    if (depth > 8) {
      branches.push({ kind: 'unknown' });
      return;
    }
    // `cors: true` of NestJS asks for the defaults, as no options do.
    const defaults =
      use.middleware.trueMeansDefaults === true &&
      expression.type === AST_NODE_TYPES.Literal &&
      expression.value === true;
    if (isNullishLiteral(expression) || defaults) {
      branches.push({ kind: 'missing', node: expression });
      return;
    }
    if (expression.type === AST_NODE_TYPES.ConditionalExpression) {
      visit(expression.consequent, depth + 1);
      visit(expression.alternate, depth + 1);
      return;
    }
    if (expression.type === AST_NODE_TYPES.LogicalExpression) {
      // `opts.cors || { origin: ALLOWED }`, `?? …`: options left out on the left are never what
      // the middleware gets; the right side is.
      const before = branches.length;
      visit(expression.left, depth + 1);
      if (expression.operator !== '&&') {
        const left = branches.splice(before);
        branches.push(...left.filter((branch) => branch.kind !== 'missing'));
      }
      visit(expression.right, depth + 1);
      return;
    }
    // `cors((req, callback) => callback(null, { origin: true }))`, `cors(corsOptions)` with a
    // function of the file: each request's options are what the function hands its callback.
    const { optionsDelegateCallback } = use.middleware;
    const delegate = optionsDelegateCallback !== undefined ? resolveFunction(expression) : null;
    if (delegate) {
      const handed = delegatedOptions(delegate, optionsDelegateCallback!);
      if (handed === null) branches.push({ kind: 'unknown' });
      else for (const options of handed) visit(options, depth + 1);
      return;
    }
    const resolved = resolveExpression(expression);
    if (resolved && resolved !== expression) {
      visit(resolved, depth + 1);
      return;
    }
    // `{ enabled: false }` (mcp-use 2): no policy at all.
    const { disabledBy } = use.middleware;
    if (expression.type === AST_NODE_TYPES.ObjectExpression && disabledBy) {
      const off = findObjectProperty(expression, disabledBy);
      const values = off.kind === 'found' && off.value ? possibleValues(off.value) : [];
      if (values.length > 0 && values.every((value) => value.known && value.value === false)) return;
    }
    if (expression.type === AST_NODE_TYPES.ObjectExpression) {
      // `{ delegator: (req, cb) => … }`: a function decides each request's options. One that may
      // be falsy (`delegator: dynamic ? resolve : undefined`, `dynamic && resolve`) leaves the
      // written ones in force: @fastify/cors tests `opts.delegator`.
      const { perRequestOptions } = use.middleware;
      const delegated = perRequestOptions ? findObjectProperty(expression, perRequestOptions) : null;
      const delegates = delegated?.kind === 'found' && delegated.value !== null;
      const mayBeMissing =
        delegates &&
        possibleValues(delegated.value!).some((candidate) =>
          candidate.known ? !candidate.value : isTestValue(candidate.node),
        );
      if (delegates) branches.push({ kind: 'unknown' });
      if (!delegates || mayBeMissing) branches.push({ kind: 'object', object: expression });
      return;
    }
    // `cors(config.cors)` where a call of the function gives `config` no `cors`: the defaults.
    const passed = expression.type === AST_NODE_TYPES.MemberExpression ? optionsFromCallers(expression) : null;
    if (passed) {
      if (passed.unset) branches.push({ kind: 'missing', node: expression, passedOn: passed.unset });
      for (const given of passed.given) visit(given, depth + 1);
      if (passed.unknown) branches.push({ kind: 'unknown' });
      return;
    }
    branches.push({ kind: 'unknown' });
  };
  visit(use.options, 0);
  return branches;
}

/**
 * The options a per-request options function hands its callback, the parameter at `index`:
 * the second argument of each call `callback(null, options)` (a call with an error hands none), in
 * its body or in a function nested there. `null` when the callback goes anywhere else (handed to
 * another function, stored), or is never called with options.
 */
function delegatedOptions(fn: TSESTree.FunctionLike, index: number): TSESTree.Node[] | null {
  const parameter = fn.params[index];
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return null;
  const handed: TSESTree.Node[] = [];
  for (const reference of variableOf(parameter)?.references ?? []) {
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return null;
    const [error, options] = call.arguments;
    if (!error || !options || options.type === AST_NODE_TYPES.SpreadElement) continue;
    if (!isNullishLiteral(skipTypeWrappers(error))) continue;
    handed.push(options);
  }
  return handed.length > 0 ? handed : null;
}

/**
 * Whether a value the analysis cannot fix is a test's answer, `true` or `false`
 * (`process.env.DYNAMIC === '1'` of `dynamic && resolve`), rather than a function from elsewhere.
 */
function isTestValue(node: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  return (
    (expression.type === AST_NODE_TYPES.BinaryExpression &&
      ['===', '!==', '==', '!=', '<', '<=', '>', '>=', 'in', 'instanceof'].includes(expression.operator)) ||
    (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!')
  );
}

/** Whether an options object turns credentials on, by the middleware's own test of the value. */
export function allowsCredentials(middleware: CorsMiddleware, object: TSESTree.ObjectExpression): boolean {
  const credentials = findObjectProperty(object, 'credentials');
  // Left out where the middleware turns them on by default.
  if (credentials.kind === 'missing') return middleware.credentialsByDefault === true;
  // Credentials set only under a condition (`...(origin !== '*' && { credentials: true })`) may
  // hold apart from the origin they would matter beside: not counted, as an unknown value is not.
  // But a condition that holds while a setting is unset (`...(!process.env.NOT_SECURED ? { credentials:
  // true } : {})`) turns them on out of the box.
  if (credentials.kind !== 'found' || (credentials.conditional && !onOutOfTheBox(credentials.property))) return false;
  const { property, value } = credentials;
  // `credentials(ctx) { return true; }` and `credentials: () => true` (Koa takes a function).
  const returned = functionResult(property.method ? property.value : value);
  const target = returned ?? value;
  if (!target) return false;
  return possibleValues(target).some((candidate) => candidate.known && middleware.isCredentialsOn(candidate.value));
}

/**
 * Whether a property spread in under a condition (`...(test ? { credentials: true } : {})`,
 * `...(test && { … })`) is there out of the box: the test holds while the setting it reads is unset.
 */
function onOutOfTheBox(property: TSESTree.Property): boolean {
  const object = property.parent;
  const holder = object?.parent;
  const test =
    holder?.type === AST_NODE_TYPES.ConditionalExpression && holder.consequent === object
      ? holder.test
      : holder?.type === AST_NODE_TYPES.LogicalExpression && holder.operator === '&&' && holder.right === object
        ? holder.left
        : null;
  return test !== null && holdsWhileUnset(test);
}

/** The returned expression of a function with a single `return` or an expression body. */
function functionResult(node: TSESTree.Node | null): TSESTree.Node | null {
  if (node?.type !== AST_NODE_TYPES.ArrowFunctionExpression && node?.type !== AST_NODE_TYPES.FunctionExpression) {
    return null;
  }
  if (node.body.type !== AST_NODE_TYPES.BlockStatement) return node.body;
  const [only] = node.body.body;
  return node.body.body.length === 1 && only?.type === AST_NODE_TYPES.ReturnStatement ? only.argument : null;
}

/**
 * Where an origin function lets every origin in, or `null`: an `origin` option that is a function
 * (inline, or named in this file) returning or calling back with an allowing value anywhere in its
 * own body, with no check of the origin on the way to it, reached with an Origin. In `reflect` mode
 * the allowing values are `true`, the first parameter (the request's origin in `cors`,
 * `@fastify/cors` and `hono/cors`), a presence test of it (`!!origin`, `origin !== undefined`), and
 * a read of the request's Origin header (`ctx.get('Origin')` in `@koa/cors`); in `wildcard` mode,
 * `'*'`. Covers `(origin, cb) => cb(null, true)`, `cb(null, origin)`, `(origin) => origin`, `(ctx)
 * => '*'`.
 */
export function unconditionalAllow(
  node: TSESTree.Node,
  mode: 'reflect' | 'wildcard' = 'reflect',
): TSESTree.Node | null {
  const fn = resolveFunction(node);
  if (!fn) return null;
  const [originParam, callbackParam] = fn.params;
  const originName = originParam?.type === AST_NODE_TYPES.Identifier ? originParam.name : null;
  const callbackName = callbackParam?.type === AST_NODE_TYPES.Identifier ? callbackParam.name : null;

  /** Whether a value lets in whoever asks, somewhere no check of the origin guards it. */
  const allows = (value: TSESTree.Node | null | undefined): boolean => {
    if (!value) return false;
    const expression = skipTypeWrappers(value);
    if (mode === 'wildcard') {
      return originSources(expression).some(
        (source) =>
          source.kind === 'literal' && source.value === '*' && !sourceGuard(source, originParam ?? source.node),
      );
    }
    if (originParam && isPresenceTest(expression, originParam)) {
      return !findOriginGuard(expression, originParam);
    }
    if (expression.type === AST_NODE_TYPES.Identifier && expression.name === originName) {
      return !findOriginGuard(expression, expression);
    }
    return originSources(expression).some((source) => {
      const isOriginParam =
        source.kind === 'unknown' && source.node.type === AST_NODE_TYPES.Identifier && source.node.name === originName;
      const allowing =
        isOriginParam || source.kind === 'request-origin' || (source.kind === 'literal' && source.value === true);
      // A read of the request's Origin is checked as itself; `true` or the parameter as the parameter.
      const checked = source.kind === 'request-origin' ? source.node : (originParam ?? source.node);
      return allowing && !sourceGuard(source, checked);
    });
  };
  const callsBackAllowing = (expression: TSESTree.Node | null | undefined): boolean => {
    const call = expression && skipTypeWrappers(expression);
    if (call?.type !== AST_NODE_TYPES.CallExpression || !callbackName) return false;
    const callee = skipTypeWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== callbackName) return false;
    const [error, result] = call.arguments;
    return error !== undefined && isNullishLiteral(skipTypeWrappers(error)) && allows(result);
  };
  const site = (expression: TSESTree.Node | null | undefined): boolean =>
    allows(expression) || callsBackAllowing(expression);

  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return site(fn.body) ? fn.body : null;
  const body = fn.body;
  // A `return` or callback call written directly in the block, with no check of the origin before it.
  const direct = (statement: TSESTree.Node): TSESTree.Node | null => {
    if (statement.type === AST_NODE_TYPES.ReturnStatement) return site(statement.argument) ? statement.argument : null;
    if (statement.type === AST_NODE_TYPES.ExpressionStatement)
      return callsBackAllowing(statement.expression) ? statement.expression : null;
    return null;
  };
  // One inside a branch (`if (c.req.path.startsWith('/oauth2/')) return origin;`), judged with the
  // conditions on the way to it, as an echo is: it lets every origin in when they say nothing of
  // the origin but that there is one (the path, `Math.random()`, `if (origin)`). Any other test of
  // the origin may be the check (`ALLOWED.includes(origin)`), a branch taken only without an
  // Origin lets in no page, and a test of a list (`allowed.includes('*')`, `allowed.length === 0`)
  // lets in what the list decides, which the list reports (`wildcardInList`, `emptyListAdmits`) judge.
  const isOrigin = (inner: TSESTree.Node): boolean => originParam !== undefined && sameOrigin(inner, originParam);
  const nested = (node: TSESTree.Node): boolean =>
    originParam !== undefined &&
    !onlyWithoutOrigin(node, originParam) &&
    conditionsOnTheWay(node).every(
      (condition) => saysOnlyPresence(condition.test, originParam) && !testsListForAdmission(condition.test, isOrigin),
    );
  const sites: { node: TSESTree.Node; allowing: boolean }[] = [];
  walk(
    body,
    (inner) => {
      if (inner.parent === body) {
        const allowing = direct(inner);
        if (allowing) sites.push({ node: allowing, allowing: true });
      } else if (inner.type === AST_NODE_TYPES.ReturnStatement && inner.argument) {
        sites.push({ node: inner.argument, allowing: site(inner.argument) && nested(inner.argument) });
      } else if (
        inner.type === AST_NODE_TYPES.CallExpression &&
        inner.parent.type !== AST_NODE_TYPES.ReturnStatement &&
        !(inner.parent.type === AST_NODE_TYPES.ExpressionStatement && inner.parent.parent === body)
      ) {
        sites.push({ node: inner, allowing: callsBackAllowing(inner) && nested(inner) });
      }
    },
    (inner) => inner === body || !isFunctionNode(inner),
  );
  sites.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return sites.find((candidate) => candidate.allowing)?.node ?? null;
}

/**
 * Whether a test says nothing of the origin but whether there is one: it reads it only as a
 * truth value or in a presence test (`origin`, `!origin`, `origin !== undefined`), or not at all
 * (`c.req.path.startsWith('/oauth2/')`).
 */
function saysOnlyPresence(test: TSESTree.Node, origin: TSESTree.Node): boolean {
  const variable = origin.type === AST_NODE_TYPES.Identifier ? variableOf(origin) : null;
  let only = variable !== null;
  walk(test, (inner) => {
    if (!only || inner.type !== AST_NODE_TYPES.Identifier || variableOf(inner) !== variable) return;
    let use: TSESTree.Node = outermostWrapper(inner);
    while (use.parent?.type === AST_NODE_TYPES.UnaryExpression && use.parent.operator === '!') use = use.parent;
    const parent = use.parent;
    only =
      use === test ||
      (parent?.type === AST_NODE_TYPES.LogicalExpression && parent.operator !== '??') ||
      (parent !== undefined && isPresenceTest(parent, origin)) ||
      (parent?.type === AST_NODE_TYPES.UnaryExpression &&
        parent.operator === 'typeof' &&
        parent.parent !== undefined &&
        isPresenceTest(parent.parent, origin));
  });
  return only;
}

/** One `origin` option a middleware is given, in one shape of its options. */
export interface OriginOption {
  /** The options object that holds it. */
  readonly object: TSESTree.ObjectExpression;
  readonly property: TSESTree.Property;
  /** Its value: an expression, or the function of a method `origin(o, cb) { … }`. */
  readonly value: TSESTree.Node;
  /** Whether the same options turn credentials on. */
  readonly credentials: boolean;
}

/**
 * What a property of a parameter holds across the calls of its function that the code shows
 * (`config.cors` of `createAgentApp(config = {})`, called as `createAgentApp()`): whether some call
 * leaves it unset, the values others give it, and whether any, or a call not shown, is unknown.
 */
function optionsFromCallers(
  member: TSESTree.MemberExpression,
): { unset: TSESTree.Node | null; given: TSESTree.Node[]; unknown: boolean } | null {
  const object = skipTypeWrappers(member.object);
  const name = propertyName(member);
  const def = object.type === AST_NODE_TYPES.Identifier ? variableOf(object)?.defs[0] : undefined;
  if (name === null || def?.type !== 'Parameter' || !isFunctionNode(def.node)) return null;
  const fn = def.node;
  const index = fn.params.findIndex((param) => containsNode(param, def.name));
  const param = fn.params[index];
  if (!param || (param.type !== AST_NODE_TYPES.Identifier && param.type !== AST_NODE_TYPES.AssignmentPattern))
    return null;
  const fallback = param.type === AST_NODE_TYPES.AssignmentPattern ? param.right : null;
  // Calls the module does not show (an exported function's) may give anything; one it shows that
  // leaves the options out is a server with the defaults all the same.
  const found = callsOf(fn);
  if (!found || found.calls.length === 0) return null;
  const result = { unset: null as TSESTree.Node | null, given: [] as TSESTree.Node[], unknown: !found.complete };
  for (const call of found.calls) {
    if (call.arguments.slice(0, index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) {
      result.unknown = true;
      continue;
    }
    const argument = call.arguments[index] ?? fallback;
    const options = argument && resolveObjectExpression(argument);
    const lookup = options ? findObjectProperty(options, name) : null;
    if (!lookup || lookup.kind === 'unknown') result.unknown = true;
    else if (lookup.kind === 'missing') result.unset ??= call;
    else if (lookup.value) result.given.push(lookup.value);
    else result.unknown = true;
  }
  return result.unset !== null || result.given.length > 0 ? result : null;
}

/** The `origin` options a middleware use is given, across every shape its options can take. */
export function originOptions(use: CorsMiddlewareUse): OriginOption[] {
  const found: OriginOption[] = [];
  for (const branch of corsOptionsBranches(use)) {
    if (branch.kind !== 'object') continue;
    const origin = findObjectProperty(branch.object, 'origin');
    if (origin.kind !== 'found') continue;
    const { property } = origin;
    const value = origin.value ?? (property.method ? property.value : null);
    if (!value) continue;
    found.push({
      object: branch.object,
      property,
      value,
      credentials: allowsCredentials(use.middleware, branch.object),
    });
  }
  return found;
}
