import { fileStyle, inFileStyle } from '../fixes/style';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { bindingState, ensureModuleDeclarations, importDeclaration, isTypeScriptFile } from '../fixes/constants';
import {
  appendArgument,
  appendObjectProperty,
  indentationAt,
  inlineLeaves,
  replacePropertyValue,
  withBlockBody,
} from '../fixes/edits';
import { inPlaceOf } from '../fixes/parentheses';
import {
  calledMethodName,
  calledMethodObject,
  containsNode,
  enclosingFunctionOrProgram,
  isNullishLiteral,
  outermostWrapper,
  passesName,
  plainParameterNames,
  skipTypeWrappers,
  topLevelStatement,
  walk,
} from '../analysis/ast';
import { mentionsAny } from '../analysis/imports';
import { installedBefore, installedVersionFor, isAtLeast, oldestPeerVersion } from '../analysis/installed';
import { entitiesOf, moduleIndex } from '../analysis/facts';
import {
  calledOnlyWithOtherValues,
  checksHostSomewhere,
  failOpenListBranches,
  hostDerivedOriginTests,
  isPropertyName,
} from '../analysis/fail-open';
import {
  codeOf,
  isLinted,
  moduleOf,
  placeOf,
  programOf,
  propertyName,
  staticValue,
  variableOf,
  textOf,
} from '../analysis/program';
import { destructuredHeaderNames, ORIGIN_AND_HOST, requestHeaderRead } from '../analysis/request-headers';
import {
  MENTIONS_CONFIGURED_SERVER_MODULE,
  MENTIONS_MCP_ROUTES_MODULE,
  MENTIONS_KNOWN_MODULE,
  MENTIONS_SELF_SERVING_MODULE,
  MCP_PACKAGES,
  UPGRADE_METHODS,
  exportNamesWith,
  mentionsModuleWith,
} from '../frameworks/registry';
import { configFileServer } from '../analysis/config-files';
import { configuredTransports } from '../analysis/configured-servers';
import { originAllowlistFix } from '../fixes/configured';
import { createRule } from '../utils/create-rule';
import { outsideEphemeralTests } from '../utils/test-code';
import { webSocketServers } from '../analysis/websocket-servers';
import { FAIL_CLOSED_SCHEMA, failClosed, type FailClosedOption } from '../utils/fail-closed';
import {
  REJECTING_METHODS,
  checksCredential,
  checksCredentialAtEveryCall,
  functionChecksCredential,
  turnsAwaySomewhere,
  type CheckFinder,
} from '../analysis/credential-checks';
import {
  MENTIONS_MCP_METHOD,
  handlerCalls,
  requestMethodsOf,
  routeBranchServesMcp,
  servesMcp,
  transportCalls,
  transportEntities,
} from '../analysis/mcp-transports';
import { importsModuleMatching, isTestFile, manifestDependsOn, reachesText } from '../analysis/module-graph';
import { drivenOnlyInProcess } from '../analysis/in-process';
import {
  findMcpAppFactories,
  findMcpTransports,
  mcpAppProtection,
  transportProtects,
  type McpAppFactory,
  type McpTransport,
} from '../analysis/mcp-sdk';
import { routeIsGuarded } from '../analysis/route-guards';
import {
  CREDENTIAL_FINDER,
  REBINDING_CREDENTIAL_FINDER,
  deployedRemotely,
  routesHandledBy,
  importerMcpRoutes,
  routesUsingConstant,
  startsNoServer,
} from '../analysis/reach';
import { REACH_DEFAULTS, REACH_OPTION_SCHEMA, quietWhen } from '../utils/reach-options';
import { findRoutes, routesHolding, type AppInstance, type Route } from '../analysis/routes';
import {
  frameworkStarts,
  inTest,
  listsSome,
  onlyTestImporters,
  servedInProcessOnly,
  serverStarts,
  type ServerStart,
} from '../analysis/servers';
import { mcpModules } from '../analysis/mcp-modules';
import { SAYS_MCP, mayServeMcp } from '../analysis/mcp-scope';
import {
  callsOf,
  enclosingFunction,
  externalRefOf,
  findObjectProperty,
  possibleValues,
  resolveExpression,
  resolveReceiver,
  resolveFunction,
  resolveObjectExpression,
  isFunctionNode,
  returnedExpressions,
  outermostFunction,
  type HandlerFunction,
} from '../analysis/values';
import {
  answersSecretComparison,
  globalGuards,
  guardAuthenticates,
  guardsCredential,
  guardsNothing,
  MENTIONS_NEST_COMMON,
  decoratorPaths,
  joinNestPath,
  nestDecorator,
  nestMiddlewareGuards,
  nestRouteMethods,
  providerMethodCalls,
} from '../analysis/nest-routes';
import { REKOG_MCP_NEST } from '../frameworks/rekog-mcp-nest';

export type Options = [{ trustCredentialChecks?: boolean; trustRemoteDeployments?: boolean } & FailClosedOption];
export type MessageIds =
  | 'unprotectedTransport'
  | 'streamWithoutOrigin'
  | 'validationTurnedOff'
  | 'unprotectedApp'
  | 'enableProtection'
  | 'useLoopbackHost'
  | 'validateHost'
  | 'addAllowedHosts'
  | 'failOpenCheck'
  | 'refuseUntilConfigured'
  | 'unprotectedWebSocket'
  | 'refuseWebPages'
  | 'sameOriginCheck'
  | 'optionsIgnored';

/**
 * A file this rule can say something about names the MCP SDK, or one of the SDK exports it
 * judges (a transport, an app factory, a validation middleware): the SDK's own examples import
 * them by relative path. Or it answers MCP's JSON-RPC by hand, and names one of its methods.
 */
const MENTIONS_MCP = new RegExp(
  `@modelcontextprotocol/|${MENTIONS_MCP_METHOD.source}|${MENTIONS_SELF_SERVING_MODULE.source}|${MENTIONS_CONFIGURED_SERVER_MODULE.source}|${MENTIONS_MCP_ROUTES_MODULE.source}|\\b(?:${[...exportNamesWith('mcp-transport', 'mcp-app', 'mcp-handler', 'host-validation')].join('|')})\\b`,
  'u',
);
/** A quoted path that ends in `/mcp` (`'/mcp'`, `'/api/mcp'`). */
const MENTIONS_MCP_PATH = /['"`][^'"`\s]*\/mcp['"`/]/u;
/** A route that takes POST requests, which JSON-RPC answered by hand needs: `app.post(`, `@Post(`. */
const REGISTERS_POST_ROUTE = /\.(?:post|all|route|on)\s*\(|@(?:Post|All)\s*\(/u;
/** NestJS's route decorators of methods that may take MCP's requests. */
const NEST_VERBS: ReadonlySet<string> = new Set(['Post', 'All', 'Get']);
const mentionsMcpMethod = (text: string): boolean => MENTIONS_MCP_METHOD.test(text);
/**
 * A file that imports `ws`, or calls a method that accepts a WebSocket handshake (Bun's
 * `server.upgrade(req)`), and says MCP somewhere (`SAYS_MCP`), or takes messages from its clients
 * in a package that uses an MCP package (a bridge that relays commands): a WebSocket server of an
 * MCP server.
 */
const MENTIONS_WEBSOCKET_MODULE = mentionsModuleWith('websocket-server');
/**
 * A WebSocket server that takes messages from its clients: `socket.on('message', …)`, Bun's
 * `websocket: { message(ws, data) {…} }` (also with types, `message(ws: ServerWebSocket, data)`),
 * Socket.IO's `socket.on('task:create', …)`.
 */
const TAKES_MESSAGES =
  /\.(?:on|once|addEventListener)\(\s*['"`]message['"`]|\bmessage\s*\(\s*\w+\s*[:,]|\bmessage\s*:\s*(?:async\s+)?(?:\(|function\b|\w+\s*=>)|\bsocket\.on\(\s*['"`](?!(?:disconnect|disconnecting|error)['"`])/u;
const MENTIONS_UPGRADE = new RegExp(`\\.(?:${[...UPGRADE_METHODS].join('|')})\\s*\\(`, 'u');
/** Methods that test a value's membership in a list. */
const MEMBERSHIP_METHODS: ReadonlySet<string> = new Set(['includes', 'has', 'indexOf', 'some', 'test']);
/** What turns a WebSocket handshake or connection away: closing it, or answering the upgrade request. */
const REFUSING_CALLS: ReadonlySet<string> = new Set([
  'close',
  'destroy',
  'terminate',
  'end',
  'writeHead',
  'write',
  // Socket.IO's `socket.disconnect(true)`.
  'disconnect',
]);
/** Text that may start a server: `.listen(`, `serve(`, `createServer(`. */
const MAY_START_SERVER = /\.listen\s*\(|\bserve\s*\(|\bcreate(?:Secure)?Server\s*\(/u;
/** How many test modules importing a test helper are read before it is taken as served. */
const MAX_TEST_IMPORTERS = 50;
/** Text that may export a value: `export`, `module.exports`, `exports.x`. */
const EXPORTS = /\bexport\b|\bexports\b/u;
const LOCAL_HOSTNAMES = "['localhost', '127.0.0.1', '[::1]']";
/** A check of `Host` or `Origin`: the validation middleware the adapters know, or a check of either header. */
const HOST_FINDER: CheckFinder = {
  known: 'host-validation',
  checkFunctions: new Set(),
  checksHeader: (header) => header === 'host' || header === 'origin',
  // Every request has a Host, and a browser sends Origin cross-origin: a check of a wrong value is the check.
  rejectsWhenMissing: false,
  // A rebinding page's origin is a name of the attacker's: `http://10.attacker.example:3000` passes
  // `startsWith('10.')`.
  wholeOrigins: true,
};
/**
 * A check that keeps a rebinding page from opening a legacy SSE stream, which a GET opens: a
 * same-origin GET (`new EventSource('/sse')`) carries no `Origin`, so an Origin check must also
 * refuse a request without one; a Host check (or the SDK's Host validation) is enough as it is.
 */
const STREAM_ORIGIN_FINDER: CheckFinder = {
  known: 'host-validation',
  hostOnly: true,
  checkFunctions: new Set(),
  checksHeader: (header) => header === 'origin',
  rejectsWhenMissing: true,
  wholeOrigins: true,
};
const STREAM_HOST_FINDER: CheckFinder = {
  ...HOST_FINDER,
  hostOnly: true,
  checksHeader: (header) => header === 'host',
};
/** The hosts on which mcp-use 2 checks `Host` by itself (`#validationPolicy`, compared as written). */
const LOCALHOST_NAMES: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '::1']);
/** The first Vite whose dev server checks `Host` before the middleware of plugins. */
const VITE_HOST_CHECK_FIRST = '7.0.0';
/** The first Vite 6 whose dev server checks `Host` at all (after the hooks, before what they return). */
const VITE_HOST_CHECK = '6.0.9';
/**
 * A file that may check the Origin or Host header by hand: the word in any case. (`mentionsAny`
 * runs it without the `i` flag on the lower-case text: a word boundary that opens a
 * case-insensitive Unicode pattern makes V8 try every position of the text, ten times slower.)
 */
const MENTIONS_HOST_OR_ORIGIN = /\borigin\b|\bhost(?:name)?\b/iu;

/**
 * Whether a predicate can answer no: a `return` of `false`, or of a test (`allowed.includes(origin)`),
 * not one that hands the request on or answers it (`return next()`, `return res.end()`).
 */
function answersFalse(fn: HandlerFunction): boolean {
  const parameters = plainParameterNames(fn);
  return returnedExpressions(fn).some((value) => {
    const known = staticValue(value);
    if (known) return known.value === false;
    const expression = skipTypeWrappers(value);
    if (expression.type !== AST_NODE_TYPES.CallExpression) return true;
    const callee = skipTypeWrappers(expression.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) return !parameters.has(callee.name);
    return !ANSWERING_METHODS.has(calledMethodName(expression) ?? '');
  });
}

/** Methods that answer a request or hand it on, rather than test something: the response's, and `next`. */
const ANSWERING_METHODS: ReadonlySet<string> = new Set([...REJECTING_METHODS, 'body', 'next']);

/**
 * The header a function checks, when it is a Host or Origin check: it reads the request's
 * Origin or Host header, or compares a parameter named for one with a list or a value.
 */
/**
 * A parameter named for the request's `Host` or `Origin` value: `origin`, `host`, `hostname`,
 * `requestOrigin`, `hostHeader`; not an identifier or a list (`hostId`, `allowedHosts`, `ghost`).
 */
const HOST_OR_ORIGIN_NAME = /^(?:[a-z]+_?)?(?:origin|host|hostname|Origin|Host|Hostname)(?:_?[hH]eader)?$/u;

/** Per module: the SDK apps it makes that validate `Host`. */
const validatingByProgram = new WeakMap<TSESTree.Program, ReadonlySet<TSESTree.Node>>();

function checkedHeader(fn: HandlerFunction): 'Origin' | 'Host' | null {
  let found: 'Origin' | 'Host' | null = null;
  walk(fn.body, (node) => {
    if (found) return;
    const header = requestHeaderRead(node, ORIGIN_AND_HOST);
    if (header === 'origin') found = 'Origin';
    else if (header === 'host') found = 'Host';
  });
  if (found) return found;
  for (const param of fn.params) {
    if (param.type !== AST_NODE_TYPES.Identifier || !HOST_OR_ORIGIN_NAME.test(param.name)) continue;
    const compared = (variableOf(param)?.references ?? []).some((reference) => {
      const parent = (reference.identifier as TSESTree.Node).parent;
      return (
        (parent?.type === AST_NODE_TYPES.BinaryExpression && /^[!=]==?$/u.test(parent.operator)) ||
        (parent?.type === AST_NODE_TYPES.CallExpression &&
          parent.arguments.includes(reference.identifier as TSESTree.Expression))
      );
    });
    // A function the module calls only with other values (a `message` event's origin, a cache key) checks no request.
    if (compared && !calledOnlyWithOtherValues(fn, param)) return /origin/iu.test(param.name) ? 'Origin' : 'Host';
  }
  return null;
}

export default createRule<Options, MessageIds>({
  name: 'require-dns-rebinding-protection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require MCP HTTP endpoints to validate the Host or Origin header against DNS rebinding',
      recommended: true,
      strictOptions: [{ trustCredentialChecks: false, trustRemoteDeployments: false }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          trustCredentialChecks: {
            ...REACH_OPTION_SCHEMA.trustCredentialChecks,
            description:
              'Leave an MCP endpoint alone when it refuses requests without a bearer token, custom-header credential or session cookie, which a DNS-rebinding page cannot send. `false` in `strict`.',
          },
          trustRemoteDeployments: {
            ...REACH_OPTION_SCHEMA.trustRemoteDeployments,
            description:
              "Leave MCP endpoints alone in a package deployed as a Cloudflare Worker or Vercel Function, which the platform reaches by its own hostname, not by the user's network. `false` in `strict`.",
          },
          ...FAIL_CLOSED_SCHEMA,
        },
      },
    ],
    defaultOptions: [
      {
        trustCredentialChecks: REACH_DEFAULTS.trustCredentialChecks,
        trustRemoteDeployments: REACH_DEFAULTS.trustRemoteDeployments,
        failClosedFix: false,
      },
    ],
    messages: {
      unprotectedTransport: '{{transport}} accepts any Host: a web page can reach it through DNS rebinding.',
      streamWithoutOrigin:
        "{{transport}}'s Origin check lets a GET without Origin open the stream, as a DNS-rebinding page's does.",
      optionsIgnored:
        '{{transport}} of {{module}} {{installed}} ignores DNS-rebinding options (read since {{since}}): any Host gets in.',
      validationTurnedOff:
        '`host: {{host}}`{{place}} turns off the Host check of `{{factory}}()` against DNS rebinding.',
      unprotectedApp: 'This {{app}} serves MCP without checking Host or Origin: DNS rebinding lets a web page in.',
      enableProtection: "Turn on the transport's DNS-rebinding protection.",
      useLoopbackHost: 'Use the loopback host `127.0.0.1`.',
      validateHost: 'Refuse requests whose Host is not localhost.',
      addAllowedHosts: 'Keep this host and list the served hosts in `allowedHosts`.',
      failOpenCheck: 'This {{header}} check lets every request through while its allowlist is unset.',
      refuseUntilConfigured: 'Let no request through until the allowlist is set.',
      unprotectedWebSocket:
        '{{server}} accepts connections from pages of any site: browsers let any page open a WebSocket.',
      refuseWebPages: 'Refuse connections that a web page opens (any `Origin`).',
      sameOriginCheck: "This compares Origin with the request's own Host, which a DNS-rebinding page sets to match.",
    },
  },
  defaultOptions: [
    {
      trustCredentialChecks: REACH_DEFAULTS.trustCredentialChecks,
      trustRemoteDeployments: REACH_DEFAULTS.trustRemoteDeployments,
      failClosedFix: false,
    },
  ],
  create(ruleContext, [options]) {
    const { sourceCode } = ruleContext;
    /** Code the fixes write (in `'` and with `;`) in the file's own quotes and semicolons. */
    /** Code the fixes write (in `'`, with `;` and two spaces a level) in the file's own style, its lines after the first at `base`. */
    const styled = (code: string, base = ''): string => inFileStyle(code, fileStyle(sourceCode), base);
    const trustCredentialChecks = options.trustCredentialChecks ?? REACH_DEFAULTS.trustCredentialChecks;
    const trustRemoteDeployments = options.trustRemoteDeployments ?? REACH_DEFAULTS.trustRemoteDeployments;
    // The MCP servers a test starts on a port the system picks: see `outsideEphemeralTests`.
    // A Worker or Vercel Function is reached by the platform's hostname for it: a rebinding
    // name is routed elsewhere, and the user's network position gains a page nothing.
    // So is a Supabase Edge Function, which the edge runtime serves behind Supabase's gateway.
    const context = quietWhen(
      outsideEphemeralTests(ruleContext),
      () => trustRemoteDeployments && deployedRemotely(sourceCode.ast),
    );
    const checksHostOrOrigin = mentionsAny(sourceCode, MENTIONS_HOST_OR_ORIGIN);
    const websockets =
      (MENTIONS_WEBSOCKET_MODULE.test(sourceCode.text) || MENTIONS_UPGRADE.test(sourceCode.text)) &&
      (SAYS_MCP.test(sourceCode.text) ||
        (TAKES_MESSAGES.test(sourceCode.text) && manifestDependsOn(moduleOf(sourceCode.ast).file, MCP_PACKAGES)));
    const { file } = moduleOf(sourceCode.ast);
    // Or it routes `'/mcp'` to a hand-written JSON-RPC dispatcher that it imports.
    const mentionsMcp =
      MENTIONS_MCP.test(sourceCode.text) ||
      configFileServer(sourceCode.ast) !== null ||
      // (at any path, in a file of a framework: `app.all('/w/:slug', (req, reply) => rpc.handle(req, reply))`).
      ((MENTIONS_MCP_PATH.test(sourceCode.text) ||
        ((MENTIONS_KNOWN_MODULE.test(sourceCode.text) || MENTIONS_NEST_COMMON.test(sourceCode.text)) &&
          REGISTERS_POST_ROUTE.test(sourceCode.text))) &&
        importsModuleMatching(file, sourceCode.text, mentionsMcpMethod)) ||
      // `server.start({ transportType: 'httpStream' })` of a FastMCP server another module makes.
      frameworkStarts(sourceCode).length > 0;
    if (!mentionsMcp && !checksHostOrOrigin && !websockets) return {};
    /**
     * mcp-framework's HTTP transports check no `Host`, and `Origin` only against a non-empty
     * `cors.allowedOrigins`; an auth provider keeps a rebinding page out too.
     */
    function reportConfiguredTransports(): void {
      for (const transport of configuredTransports(sourceCode)) {
        if (transport.validatesOrigin !== false || transport.optionsUnknown || !isLinted(transport.config)) continue;
        if (trustCredentialChecks && transport.authenticated) continue;
        const fix = originAllowlistFix(sourceCode, transport, isTypeScriptFile(context.filename));
        context.report({
          node: transport.type,
          messageId: 'unprotectedApp',
          data: { app: `${transport.server.module} \`${transport.typeName}\` transport` },
          fix: fix && failClosed({ messageId: 'enableProtection', fix }),
        });
      }
    }

    /** The SDK apps a module makes that validate `Host` (their `host` option leaves it on). */
    function validatingApps(code: Readonly<SourceCode>): ReadonlySet<TSESTree.Node> {
      let found = validatingByProgram.get(code.ast);
      if (!found) {
        found = new Set(
          findMcpAppFactories(code)
            .filter(({ call, factory }) => mcpAppProtection(call, factory).kind !== 'off')
            .map(({ call }) => call),
        );
        validatingByProgram.set(code.ast, found);
      }
      return found;
    }

    /**
     * A framework's config file that turns on its HTTP server (xmcp's `http`), which checks neither
     * Host nor Origin and has no setting for either: reported without a fix, unless the middleware
     * module beside the file checks one of them, or a credential a rebinding page lacks.
     */
    function reportConfigFileServer(): void {
      const configured = configFileServer(sourceCode.ast);
      if (!configured || !isLinted(configured.property)) return;
      if (trustCredentialChecks && configured.settingChecksCredential) return;
      if (
        configured.middleware.some(
          (handler) =>
            checksCredential(HOST_FINDER, handler) ||
            (trustCredentialChecks && checksCredential(REBINDING_CREDENTIAL_FINDER, handler)),
        )
      )
        return;
      const { server } = configured;
      context.report({
        node: configured.property.key,
        messageId: 'unprotectedApp',
        data: { app: `${server.module} \`${server.httpKey}\` server` },
      });
    }

    /**
     * WebSocket servers of an MCP server's file that accept a page of any site: no `verifyClient`
     * in their options, and no `'connection'` or `'upgrade'` listener of the file that reads the
     * `Origin` (or `Host`) header. Browsers send `Origin` with the handshake but apply no
     * same-origin policy to WebSocket: checking it is the server's job.
     */
    function reportWebSocketServers(): void {
      const servers = webSocketServers(sourceCode);
      if (servers.length === 0) return;
      // A handshake reaches the server through the HTTP server's `'upgrade'` listener, which any
      // WebSocket server of the file may be handed: an Origin check there covers them all.
      const upgradeChecked = listenersCheckOrigin('upgrade', null);
      // Or one that turns away every handshake without a credential a rebinding page lacks (a token
      // in the URL the page cannot know: `searchParams.get('token') !== TOKEN`).
      const upgradeCredential = trustCredentialChecks && listenersCheckCredential('upgrade', null);
      const typescript = isTypeScriptFile(context.filename);
      for (const { node, entity } of servers) {
        // A test's fake server, made in a test module or a function a test runner is given
        // (`it('relays', () => { const fake = new WebSocketServer({ port: 0 }) })`): it lives as
        // long as the test and is no server a user runs. A server of a product module stays
        // reported, whichever tests import it.
        if (inTest(node)) continue;
        const { verifyKey } = entity;
        const { given, options } = webSocketOptions(node, entity.optionsAt === 'last');
        if (options === undefined) continue;
        // A same-origin polling handshake carries no `Origin`: then only a `Host` check counts.
        const hostNeeded = entity.polls === true && !onlyWebSocketTransport(options);
        const verify = options ? findObjectProperty(options, verifyKey) : ({ kind: 'missing' } as const);
        if (verify.kind === 'unknown') continue;
        if (
          verify.kind === 'found' &&
          !letsEveryoneIn(verify.value, verifyKey) &&
          keepsPagesOut(verify.value, hostNeeded, entity.polls === true)
        ) {
          continue;
        }
        if (
          ((upgradeChecked || upgradeCredential) && !entity.polls) ||
          (!entity.polls && handshakesCheckOrigin(node)) ||
          listenersCheckOrigin('connection', node, hostNeeded) ||
          middlewareChecksOrigin(node, hostNeeded) ||
          (trustCredentialChecks && listenersCheckCredential('connection', node))
        ) {
          continue;
        }
        const check =
          entity.refuseAll ?? (typescript ? '({ origin }: { origin?: string }) => !origin' : '({ origin }) => !origin');
        const property = `${verifyKey}: ${styled(check)}`;
        context.report({
          node: node.callee,
          messageId: 'unprotectedWebSocket',
          data: { server: `\`${textOf(node.callee)}\`` },
          suggest:
            verify.kind !== 'missing' || !isLinted(node)
              ? []
              : options
                ? isLinted(options) && options === skipTypeWrappers(given!)
                  ? [
                      {
                        messageId: 'refuseWebPages',
                        fix: (fixer) => appendObjectProperty(fixer, sourceCode, options, property),
                      },
                    ]
                  : []
                : [
                    {
                      messageId: 'refuseWebPages',
                      fix: (fixer) => appendArgument(fixer, sourceCode, node, `{ ${property} }`),
                    },
                  ],
        });
      }
    }

    /**
     * Servers whose request handler accepts a WebSocket handshake (`Bun.serve({ websocket, fetch })`
     * with `server.upgrade(req)` in `fetch`) and neither reads `Origin` nor turns a request away.
     */
    function reportUpgradingHandlers(): void {
      const index = moduleIndex(sourceCode.ast);
      if (![...UPGRADE_METHODS].some((method) => index.methodCalls.has(method))) return;
      for (const call of index.calls) {
        const [start] = entitiesOf(call, 'start');
        const upgrades = start?.kind === 'start' ? start.api.upgrades : undefined;
        const [first] = call.arguments;
        if (!start || !upgrades || !first || first.type === AST_NODE_TYPES.SpreadElement || inTest(call)) continue;
        const options = resolveObjectExpression(first);
        if (!options || findObjectProperty(options, upgrades.option).kind === 'missing') continue;
        const fetch = findObjectProperty(options, 'fetch');
        const fn = fetch.kind === 'found' ? resolveFunction(fetch.value ?? fetch.property.value) : null;
        if (!fn) continue;
        const accepting = (index.methodCalls.get(upgrades.method) ?? []).filter(
          (upgrade) =>
            containsNode(fn, upgrade) &&
            !originDecidesBefore(upgrade, fn) &&
            !(trustCredentialChecks && functionChecksCredential(REBINDING_CREDENTIAL_FINDER, fn, 0, upgrade)),
        );
        // The Origin handed to the socket (`upgrade(req, { data: { origin } })`) and checked when it opens.
        if (
          accepting.length === 0 ||
          (readsHeader(fn, 'origin') && closesOnOpen(findObjectProperty(options, upgrades.option)))
        ) {
          continue;
        }
        for (const upgrade of accepting) {
          const [request] = upgrade.arguments;
          const statement = statementIn(upgrade, fn);
          const param = fn.params[0];
          context.report({
            node: upgrade.callee,
            messageId: 'unprotectedWebSocket',
            data: { server: start.api.display },
            suggest:
              request?.type === AST_NODE_TYPES.Identifier &&
              param?.type === AST_NODE_TYPES.Identifier &&
              param.name === request.name &&
              statement &&
              isLinted(statement)
                ? [
                    {
                      messageId: 'refuseWebPages',
                      fix: (fixer) =>
                        fixer.insertTextBefore(
                          statement,
                          `${styled(`if (${request.name}.headers.has('origin')) return new Response(null, { status: 403 });`)}\n${indentationAt(sourceCode, statement.range[0])}`,
                        ),
                    },
                  ]
                : [],
          });
        }
      }
    }

    /**
     * The statement of `fn`'s body, of a block in it or of a `switch` case, that holds `node`;
     * `null` when none does, or when a nested function lies between.
     */
    function statementIn(node: TSESTree.Node, fn: HandlerFunction): TSESTree.Statement | null {
      for (let current: TSESTree.Node = node; current.parent && current !== fn; current = current.parent) {
        if (isFunctionNode(current)) return null;
        const { parent } = current;
        if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.SwitchCase) {
          return parent.type === AST_NODE_TYPES.SwitchCase && parent.test === current
            ? null
            : (current as TSESTree.Statement);
        }
      }
      return null;
    }

    /**
     * Whether the request's Origin decides, before `upgrade`, whether it happens: an `if` on it
     * that turns the request away (`if (!allowed(origin)) return new Response(null, { status: 403 })`),
     * or one whose branch alone upgrades (`if (ORIGINS.has(origin)) return server.upgrade(req)`).
     */
    function originDecidesBefore(upgrade: TSESTree.Node, fn: HandlerFunction, closesSocket = false): boolean {
      for (let current: TSESTree.Node = upgrade; current !== fn && current.parent; current = current.parent) {
        const { parent } = current;
        if (
          parent.type === AST_NODE_TYPES.IfStatement &&
          current === parent.consequent &&
          testsOrigin(parent.test, fn)
        ) {
          return true;
        }
        const siblings =
          parent.type === AST_NODE_TYPES.BlockStatement
            ? parent.body
            : parent.type === AST_NODE_TYPES.SwitchCase
              ? parent.consequent
              : [];
        for (const statement of siblings) {
          if (statement === current) break;
          if (
            statement.type === AST_NODE_TYPES.IfStatement &&
            testsOrigin(statement.test, fn) &&
            (turnsAwaySomewhere(statement.consequent) ||
              answersInstead(statement.consequent) ||
              (closesSocket && refusingBranch(statement.consequent)))
          ) {
            return true;
          }
        }
      }
      return false;
    }

    /** Whether a method call is made on `server`, or on a name that holds it (`this.wss.handleUpgrade(…)`). */
    function calledOn(call: TSESTree.CallExpression, server: TSESTree.Node): boolean {
      const receiver = calledMethodObject(call);
      return receiver !== null && skipTypeWrappers(resolveReceiver(receiver) ?? receiver) === server;
    }

    /**
     * Whether every handshake a WebSocket server is handed by hand (`wss.handleUpgrade(req, socket,
     * head, cb)` for `noServer: true`, in a method of the class that holds it or a function of the
     * file) comes after an Origin decision in the same function: `if (!ALLOWED.includes(origin)) {
     * socket.destroy(); return; }`, or the call inside `if (ALLOWED.includes(origin))`.
     */
    function handshakesCheckOrigin(server: TSESTree.Node): boolean {
      const handed = (moduleIndex(sourceCode.ast).methodCalls.get('handleUpgrade') ?? []).filter((call) =>
        calledOn(call, server),
      );
      return (
        handed.length > 0 &&
        handed.every((call) => {
          const fn = enclosingFunction(call);
          return fn !== null && originDecidesBefore(call, fn, true);
        })
      );
    }

    /** Whether a branch answers with a value of its own (`return rejected`), so the upgrade after it does not run. */
    function answersInstead(branch: TSESTree.Statement): boolean {
      const last = branch.type === AST_NODE_TYPES.BlockStatement ? branch.body.at(-1) : branch;
      return last?.type === AST_NODE_TYPES.ReturnStatement && last.argument !== null;
    }

    /**
     * Whether a test reads the request's Origin: itself, through a name it keeps, or in a helper it
     * hands the request to.
     */
    function testsOrigin(test: TSESTree.Node, fn: HandlerFunction, seen = new Set<TSESTree.Node>()): boolean {
      if (seen.has(test)) return false;
      seen.add(test);
      let found = false;
      walk(test, (node) => {
        if (found) return;
        if (requestHeaderRead(node, 'origin') !== null) found = true;
        else if (node.type === AST_NODE_TYPES.Identifier && !isPropertyName(node)) {
          const def = variableOf(node)?.defs[0];
          found =
            def?.type === 'Variable' &&
            def.node.init !== null &&
            containsNode(fn, def.node) &&
            testsOrigin(def.node.init, fn, seen);
        } else if (node.type === AST_NODE_TYPES.CallExpression && passesName(node, plainParameterNames(fn))) {
          const helper = resolveFunction(node.callee);
          found = helper !== null && helper !== fn && readsHeader(helper, 'origin');
        }
      });
      return found;
    }

    /** Whether Bun's `websocket` handlers close a socket when it opens (`open(ws) { if (…) ws.close(); }`). */
    function closesOnOpen(websocket: ReturnType<typeof findObjectProperty>): boolean {
      const handlers = websocket.kind === 'found' && websocket.value ? resolveObjectExpression(websocket.value) : null;
      const open = handlers ? findObjectProperty(handlers, 'open') : null;
      const fn = open?.kind === 'found' ? resolveFunction(open.value ?? open.property.value) : null;
      let closes = false;
      if (fn) {
        walk(fn.body, (node) => {
          closes ||= node.type === AST_NODE_TYPES.CallExpression && calledMethodName(node) === 'close';
        });
      }
      return closes;
    }

    /**
     * The options a WebSocket server is made with: the first argument (`ws`), or for Socket.IO the
     * last of two (`new Server(httpServer, options)`) or a lone object (`new Server({ … })`); a lone
     * other argument is the HTTP server or port, and there are no options (`null`). `undefined` where
     * options are given that the file does not show (a spread, a name it cannot follow).
     */
    function webSocketOptions(
      node: TSESTree.CallExpression | TSESTree.NewExpression,
      last: boolean,
    ): { given: TSESTree.Node | undefined; options: TSESTree.ObjectExpression | null | undefined } {
      const given = last ? node.arguments.at(-1) : node.arguments[0];
      if (!given) return { given, options: last ? null : undefined };
      if (given.type === AST_NODE_TYPES.SpreadElement) return { given, options: undefined };
      const resolved = resolveObjectExpression(given);
      if (resolved) return { given, options: resolved };
      return { given, options: last && node.arguments.length === 1 && isServerOrPort(given) ? null : undefined };
    }

    /**
     * Whether a lone argument is an HTTP server or a port rather than options: a number, a server
     * made by a call (`createServer()`, `new http.Server()`), or a name typed as a server.
     */
    function isServerOrPort(node: TSESTree.Node): boolean {
      const value = skipTypeWrappers(node);
      if (typeof staticValue(value)?.value === 'number') return true;
      const made = skipTypeWrappers(resolveExpression(value) ?? value);
      if (made.type === AST_NODE_TYPES.CallExpression || made.type === AST_NODE_TYPES.NewExpression) return true;
      const named = value.type === AST_NODE_TYPES.MemberExpression ? value.property : value;
      if (named.type !== AST_NODE_TYPES.Identifier) return false;
      const def = value.type === AST_NODE_TYPES.Identifier ? variableOf(value)?.defs[0] : undefined;
      const declared = def && 'typeAnnotation' in def.name ? def.name.typeAnnotation?.typeAnnotation : undefined;
      return declared ? /Server\b/u.test(textOf(declared)) : /server$/iu.test(named.name);
    }

    /** Whether Socket.IO's `transports` option leaves out long-polling (`transports: ['websocket']`). */
    function onlyWebSocketTransport(options: TSESTree.ObjectExpression | null): boolean {
      const transports = options ? findObjectProperty(options, 'transports') : null;
      if (transports?.kind !== 'found' || !transports.value) return false;
      const values = possibleValues(transports.value);
      return (
        values.length > 0 &&
        values.every((value) => value.known && Array.isArray(value.value) && !value.value.includes('polling'))
      );
    }

    /**
     * Whether a WebSocket check keeps web pages out: it reads `Origin`, and where a rebinding page's
     * handshake may carry none (`hostNeeded`: Socket.IO's polling), also reads `Host` or refuses a
     * handshake without `Origin` (an allowlist the missing value is not in).
     */
    function keepsPagesOut(value: TSESTree.Node | null | undefined, hostNeeded: boolean, readsRequest = true): boolean {
      const fn = value ? resolveFunction(value) : null;
      if (!fn) return false;
      // ws hands `verifyClient` the Origin as `info.origin`, which is no read of the request.
      if (!readsRequest) return true;
      if (!readsHeader(fn, 'origin')) return false;
      return !hostNeeded || readsHeader(fn, 'host') || refusesWithoutOrigin(fn);
    }

    /**
     * Whether a check tests `Origin` against a list (`ALLOWED.has(origin)`) and lets no request
     * without one through: no `!origin` (or `origin === undefined`) but in the test of an `if`
     * whose branch refuses.
     */
    function refusesWithoutOrigin(fn: HandlerFunction): boolean {
      let listed = false;
      let passes = false;
      walk(fn.body, (node) => {
        if (
          node.type === AST_NODE_TYPES.CallExpression &&
          MEMBERSHIP_METHODS.has(calledMethodName(node) ?? '') &&
          node.arguments.some((argument) => testsOrigin(argument, fn))
        ) {
          listed = true;
        }
        if (!absenceOfOrigin(node, fn)) return;
        let current: TSESTree.Node = node;
        while (
          current.parent &&
          current.parent.type !== AST_NODE_TYPES.IfStatement &&
          !isFunctionNode(current.parent)
        ) {
          current = current.parent;
        }
        const branch = current.parent;
        if (
          branch?.type !== AST_NODE_TYPES.IfStatement ||
          branch.test !== current ||
          !refusingBranch(branch.consequent)
        ) {
          passes = true;
        }
      });
      return listed && !passes;
    }

    /** `!origin`, `origin === undefined`, `origin == null`: a test for a missing Origin. */
    function absenceOfOrigin(node: TSESTree.Node, fn: HandlerFunction): boolean {
      if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') return testsOrigin(node.argument, fn);
      if (node.type !== AST_NODE_TYPES.BinaryExpression || !/^[!=]==?$/u.test(node.operator)) return false;
      if (node.left.type === AST_NODE_TYPES.PrivateIdentifier) return false;
      const [value, other] = isNullishLiteral(node.right) ? [node.left, node.right] : [node.right, node.left];
      return isNullishLiteral(other) && node.operator.startsWith('=') && testsOrigin(value, fn);
    }

    /**
     * A branch that turns a handshake away: an error answer, `socket.destroy()`, `next(err)`,
     * `callback(null, false)`.
     */
    function refusingBranch(branch: TSESTree.Statement): boolean {
      if (turnsAwaySomewhere(branch)) return true;
      let refuses = false;
      walk(branch, (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression) return;
        if (REFUSING_CALLS.has(calledMethodName(node) ?? '')) refuses = true;
        const [first, second] = node.arguments;
        if (node.callee.type === AST_NODE_TYPES.Identifier && first) {
          refuses ||=
            first.type === AST_NODE_TYPES.NewExpression ||
            (second !== undefined && staticValue(second)?.value === false);
        }
      });
      return refuses;
    }

    /**
     * Whether `server.use(middleware)` of the file (Socket.IO's `io.use((socket, next) => …)`) reads
     * `Origin` and hands an error on (`next(new Error('origin not allowed'))`).
     */
    function middlewareChecksOrigin(server: TSESTree.Node, hostNeeded: boolean): boolean {
      return (moduleIndex(sourceCode.ast).methodCalls.get('use') ?? []).some((call) => {
        const receiver = calledMethodObject(call);
        const held = receiver && skipTypeWrappers(resolveExpression(receiver) ?? receiver);
        const fn = held === server && call.arguments[0] ? resolveFunction(call.arguments[0]) : null;
        const next = fn?.params.at(-1);
        if (!fn || next?.type !== AST_NODE_TYPES.Identifier || !keepsPagesOut(fn, hostNeeded)) {
          return false;
        }
        let refuses = false;
        walk(fn.body, (node) => {
          refuses ||=
            node.type === AST_NODE_TYPES.CallExpression &&
            node.callee.type === AST_NODE_TYPES.Identifier &&
            node.callee.name === next.name &&
            node.arguments.length > 0;
        });
        return refuses;
      });
    }

    /**
     * `verifyClient: () => true`, `allowRequest: (req, callback) => callback(null, true)`, or
     * `undefined`: no client is refused.
     */
    function letsEveryoneIn(value: TSESTree.Node | null | undefined, verifyKey: string): boolean {
      if (!value) return false;
      if (isNullishLiteral(skipTypeWrappers(value))) return true;
      const fn = resolveFunction(value);
      if (!fn) return false;
      // ws's `verifyClient(info, done)` answers `done(result)`; engine.io's `allowRequest(req,
      // callback)` `callback(err, success)`.
      const answerAt = verifyKey === 'verifyClient' ? 0 : 1;
      const callback = fn.params[1];
      if (callback?.type === AST_NODE_TYPES.Identifier) {
        const answers: TSESTree.CallExpression[] = [];
        walk(fn.body, (node) => {
          if (
            node.type === AST_NODE_TYPES.CallExpression &&
            node.callee.type === AST_NODE_TYPES.Identifier &&
            node.callee.name === callback.name
          ) {
            answers.push(node);
          }
        });
        if (answers.length > 0) {
          return answers.every((answer) => {
            const verdict = answer.arguments[answerAt];
            return verdict !== undefined && staticValue(verdict)?.value === true;
          });
        }
      }
      const returned = returnedExpressions(fn);
      return returned.length > 0 && returned.every((expression) => staticValue(expression)?.value === true);
    }

    /**
     * The listeners for `event` (`x.on(event, fn)`, `once`, `addListener`), on `server`, or on
     * anything when `null`.
     */
    function listenersFor(event: string, server: TSESTree.Node | null): HandlerFunction[] {
      return moduleIndex(sourceCode.ast).calls.flatMap((call) => {
        const [name, listener] = call.arguments;
        const method = calledMethodName(call);
        if (!listener || !name || (method !== 'on' && method !== 'once' && method !== 'addListener')) return [];
        if (staticValue(name)?.value !== event) return [];
        if (server && !calledOn(call, server)) return [];
        const fn = resolveFunction(listener);
        return fn ? [fn] : [];
      });
    }

    /**
     * Whether a listener for `event` (on `server`, or on anything when `null`) reads the request's
     * `Origin` and can turn the connection away (`socket.close()`, `socket.destroy()`, an answer),
     * in itself or in a function of the project it hands the request to.
     */
    function listenersCheckOrigin(event: string, server: TSESTree.Node | null, hostNeeded = false): boolean {
      return listenersFor(event, server).some((fn) => checksOriginAndRefuses(fn) && keepsPagesOut(fn, hostNeeded));
    }

    /**
     * Whether a listener for `event` on `server` closes every connection that lacks a credential a
     * page cannot send (a browser's WebSocket handshake carries no `Authorization` and no header of
     * the page's choosing): a rebinding page holds none.
     */
    function listenersCheckCredential(event: string, server: TSESTree.Node | null): boolean {
      // Not a cookie: a page of another site opens the socket with the user's cookies.
      return listenersFor(event, server).some(
        (fn) => closesConnections(fn) && functionChecksCredential(CREDENTIAL_FINDER, fn, 0),
      );
    }

    /** Whether a function can close a connection or answer its handshake (`socket.destroy()`, `ws.close()`). */
    function closesConnections(fn: HandlerFunction): boolean {
      let closes = false;
      walk(fn.body, (node) => {
        closes ||= node.type === AST_NODE_TYPES.CallExpression && REFUSING_CALLS.has(calledMethodName(node) ?? '');
      });
      return closes;
    }

    /**
     * Whether a listener reads `Origin`, itself or in a function of the project it hands one of its
     * parameters to (`if (!originAllowed(req)) socket.destroy()`), and can close the connection.
     */
    function checksOriginAndRefuses(fn: HandlerFunction): boolean {
      return closesConnections(fn) && readsHeader(fn, 'origin');
    }

    /** Whether a value is an argument of a `console` method (`console.log('from', req.headers.host)`). */
    function loggedOnly(node: TSESTree.Node): boolean {
      const call = outermostWrapper(node).parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression)
        return false;
      const object = skipTypeWrappers(call.callee.object);
      return object.type === AST_NODE_TYPES.Identifier && object.name === 'console';
    }

    /** Whether a function reads a request header, itself or in a function of the project it hands a parameter to. */
    function readsHeader(fn: HandlerFunction, header: string): boolean {
      const params = plainParameterNames(fn);
      let reads = false;
      const readsIn = (body: TSESTree.Node): void =>
        walk(body, (node) => {
          // A read only logged decides nothing.
          if (requestHeaderRead(node, header) !== null && !loggedOnly(node)) reads = true;
          // `const { host, origin } = req.headers`
          if (node.type === AST_NODE_TYPES.VariableDeclarator) {
            reads ||= destructuredHeaderNames(node).some((binding) => binding.header === header);
          }
        });
      readsIn(fn.body);
      walk(fn.body, (node) => {
        if (reads || node.type !== AST_NODE_TYPES.CallExpression || !passesName(node, params)) return;
        const helper = resolveFunction(node.callee);
        if (helper && helper !== fn) readsIn(helper.body);
      });
      return reads;
    }

    return {
      'Program:exit'() {
        if (checksHostOrOrigin) reportFailOpenChecks();
        if (checksHostOrOrigin && SAYS_MCP.test(sourceCode.text)) reportSameOriginChecks();
        if (websockets) {
          reportWebSocketServers();
          reportUpgradingHandlers();
        }
        if (!mentionsMcp) return;
        reportFrameworkServers();
        reportMcpModules();
        reportHandWrittenNestControllers();
        reportConfiguredTransports();
        reportConfigFileServer();
        const factories = findMcpAppFactories(sourceCode);
        // The SDK apps of this file that validate Host, and those whose `host` option turns it off:
        // reported once, at that option.
        const guardedApps = validatingApps(sourceCode);
        const turnedOff = new Map<TSESTree.Node, () => void>();
        for (const { call, factory } of factories) {
          const protection = mcpAppProtection(call, factory);
          if (protection.kind !== 'off') continue;
          turnedOff.set(call, () =>
            reportTurnedOff(call, factory, protection.host, protection.value, protection.options),
          );
        }

        const { routes, apps } = findRoutes(sourceCode);
        // The SDK apps that validate Host: this file's, and those of the modules that mount its routes.
        const finder: CheckFinder = {
          ...HOST_FINDER,
          guardedApps: { has: (app) => validatingApps(codeOf(app)).has(app) },
        };
        const mcpRoutes = routes.filter(
          (route) => !servedInProcessOnly(route) && route.handlers.some((handler) => servesMcp(handler)),
        );
        // A rebinding page has none of the user's credentials for this host: a route that refuses
        // requests without one is out of its reach (docs/threat-model.md).
        // `stream`: the route opens a legacy SSE stream (see `streamGuarded`).
        const guarded = (route: Route, stream = false): boolean => {
          // A route of another module that mounts a handler of this one: that module's apps, and
          // the SDK apps there that validate Host (`createMcpExpressApp({ host: 'localhost' })`).
          const known = isLinted(route.node) ? apps : findRoutes(codeOf(route.node)).apps;
          return (
            devServerChecksHost(route) ||
            (routeIsGuarded(finder, route, known) && (!stream || streamGuarded(route, known))) ||
            (trustCredentialChecks &&
              (routeIsGuarded(REBINDING_CREDENTIAL_FINDER, route, known) || route.mounts?.authenticated === true))
          );
        };
        // The routes of this file that post to a legacy SSE stream (`transport.handlePostMessage(…)`).
        let messageRoutes: Route[] | null = null;
        /**
         * Whether a check on a route that opens a legacy SSE stream keeps a rebinding page out: the
         * page opens it with a same-origin GET, which carries no `Origin`, and learns the session
         * from it. So an Origin check there must refuse a request without `Origin`, unless the
         * route is POST only or every route that posts to the stream checks Host or Origin too
         * (every POST carries `Origin`). Where the file shows no such route, the check counts.
         */
        const streamGuarded = (route: Route, known: readonly AppInstance[]): boolean => {
          if (route.call ? calledMethodName(route.call) === 'post' : route.exportedFor === 'POST') return true;
          const withApps = { guardedApps: finder.guardedApps };
          if (
            routeIsGuarded({ ...STREAM_ORIGIN_FINDER, ...withApps }, route, known) ||
            routeIsGuarded({ ...STREAM_HOST_FINDER, ...withApps }, route, known)
          )
            return true;
          messageRoutes ??= routes.filter((candidate) =>
            candidate.handlers.some((handler) => {
              const fn = resolveFunction(handler);
              let posts = false;
              if (fn)
                walk(fn.body, (node) => {
                  posts ||=
                    node.type === AST_NODE_TYPES.CallExpression && calledMethodName(node) === 'handlePostMessage';
                });
              return posts;
            }),
          );
          return messageRoutes.every((candidate) => candidate === route || guarded(candidate));
        };

        // An app whose Host check a `host` option turns off, whose MCP routes (as the file shows
        // them) all refuse a request without a credential: a rebinding page has none.
        for (const [call, report] of turnedOff) {
          const served = mcpRoutes.filter((route) => route.app && rootApp(route.app, apps).node === call);
          if (trustCredentialChecks && served.length > 0 && served.every((route) => guarded(route))) continue;
          report();
        }

        const transports = findMcpTransports(sourceCode);
        for (const made of transports) {
          // v2 transports have no protection of their own, nor v1's before its options came: only
          // what is in front of them counts, and no fix writes options they would ignore.
          const since = made.transport.optionsSince;
          const ignored = since && installedBefore(made.node, since) ? since : null;
          const transport = ignored
            ? { ...made, transport: { ...made.transport, protection: 'middleware' as const } }
            : made;
          if (servedNowhere(transport.node, transport.transport)) continue;
          const options = transport.node.arguments[transport.transport.optionsIndex];
          const { protection } = transport.transport;
          if (
            protection !== 'middleware' &&
            transportProtects(options, protection === 'options', transport.transport.lists?.key) !== false
          )
            continue;
          // The routes that make this transport, or (for one made elsewhere) every route that serves MCP.
          const making = routesHolding(routes, transport.node);
          // Made in a handler that other modules mount: the routes they mount it on; made at the
          // top of a module: the routes that use the constant holding it or its handler.
          const outermost = making.length > 0 ? null : outermostFunction(transport.node);
          const mounted =
            making.length > 0
              ? null
              : outermost
                ? routesHandledBy(outermost)
                : moduleTransportRoutes(transport.node, transport.transport);
          // Made in a module of no routes whose callers cannot be followed (a session manager kept in
          // a field of a router class): the routes that serve MCP in the modules that import it.
          const madeIn = mounted === null && mcpRoutes.length === 0 ? moduleOf(transport.node).file : null;
          const serving =
            making.length > 0 ? making : (mounted ?? (madeIn !== null ? (importerMcpRoutes(madeIn) ?? []) : mcpRoutes));
          // Routes of apps a test hands requests in the process (`app.request(…)`): no page reaches them.
          if (serving.length > 0 && serving.every((route) => servedInProcessOnly(route))) continue;
          const stream = transport.transport.name === 'sse';
          if (serving.length > 0 && serving.every((route) => guarded(route, stream))) continue;
          if (serving.length > 0 && serving.every((route) => route.app && turnedOff.has(rootApp(route.app, apps).node)))
            continue;
          if (trustCredentialChecks && (guardedNestController(transport.node) || guardedNestMethod(transport.node)))
            continue;
          if (checkedByNestControllers(transport.node)) continue;
          // Made in a handler of an app the analysis does not know (`this.app = opts.app ??
          // express()`) that refuses the request before it: that check is on every way to it.
          // Not in a function that registers routes (`async function main()`): it builds the
          // server and handles no request, and its routes' handlers check only their own.
          const maker = making.length === 0 ? enclosingFunction(transport.node) : null;
          const checksOnTheWay = (fn: HandlerFunction, target: TSESTree.Node): boolean =>
            !routes.some((route) => route.handlers.some((handler) => containsNode(fn, handler))) &&
            (checksCredentialAtEveryCall(HOST_FINDER, fn, target) ||
              (trustCredentialChecks && checksCredentialAtEveryCall(REBINDING_CREDENTIAL_FINDER, fn, target)));
          if (maker && checksOnTheWay(maker, transport.node)) continue;
          // Made by a helper of the file (`setupTransport(sessionId, …)`) that only handlers call,
          // each after it refused a request without a credential: the check is on every way to it.
          if (maker && calledOnlyAfterChecks(maker, checksOnTheWay)) continue;
          // Options written for a version that reads them: say why they do nothing here.
          if (ignored && transportProtects(options, true) !== false) {
            context.report({
              node: transport.node.callee,
              messageId: 'optionsIgnored',
              data: {
                transport: `\`${textOf(transport.node.callee)}\``,
                module: ignored.module,
                installed: installedVersionFor(transport.node, ignored.module) ?? '',
                since: ignored.version,
              },
            });
            continue;
          }
          // Guarded but for an Origin check that lets the stream's GET in: say so.
          const loose = stream && serving.length > 0 && serving.every((route) => guarded(route));
          reportTransport(
            transport.node,
            transport.transport,
            options,
            serving,
            loose ? 'streamWithoutOrigin' : undefined,
          );
        }
        if (transports.length > 0) return;

        // v2 and other handlers: the app that serves them must validate.
        const reportedApps = new Set<AppInstance>();
        const reportedHandlers = new Set<TSESTree.Node>();
        // A plain handler is reported once, at the first of its branches that serves MCP itself
        // (`POST /mcp`), not at another that the handler's MCP code only shares (`POST
        // /mcp/admin/reset`); app routes in the order they are found.
        const rank = (route: Route): number => (route.path === null || routeBranchServesMcp(route) ? 0 : 1);
        // Of one handler exported for several methods, the POST (MCP's requests) is the one reported.
        const notPost = (route: Route): number =>
          route.exportedFor !== undefined && route.exportedFor !== 'POST' ? 1 : 0;
        const plain = mcpRoutes.filter((route) => !route.app && isLinted(route.node));
        const ordered = [
          ...plain.sort((a, b) => rank(a) - rank(b) || notPost(a) - notPost(b) || a.node.range[0] - b.node.range[0]),
          ...mcpRoutes.filter((route) => !plain.includes(route)),
        ];
        for (const route of ordered) {
          if (guarded(route) || servedByTransportMadeElsewhere(route)) continue;
          if (!route.app) {
            // A plain `node:http` handler: one report per handler.
            // One handler exported for several methods (`export { handler as GET, handler as POST }`) once.
            const given = route.handlers[0];
            const resolved = given && (resolveFunction(given) ?? resolveExpression(given) ?? given);
            // An import of a package's handler resolves to no node of the project: its binding is the one handler.
            const handler =
              resolved?.type === AST_NODE_TYPES.Identifier
                ? (variableOf(resolved)?.identifiers[0] ?? resolved)
                : resolved;
            if (handler && !reportedHandlers.has(handler)) {
              reportedHandlers.add(handler);
              reportHandler(route);
            }
            continue;
          }
          const root = rootApp(route.app, apps);
          if (reportedApps.has(root) || guardedApps.has(root.node) || turnedOff.has(root.node)) continue;
          reportedApps.add(root);
          if (!isLinted(root.node)) {
            // An app another module makes and hands to this one's routes (`mcpRoutes(app)` of a
            // route module): reported at the first such route, naming where the app is made. The
            // check belongs to that module, which no fix here can reach.
            context.report({
              node: route.node,
              messageId: 'unprotectedApp',
              data: { app: `\`${textOf(root.node)}\` app of ${placeOf(root.node, context)}` },
            });
            continue;
          }
          reportApp(root);
        }
      },
    };

    /**
     * Whether a route hands its requests to a transport that another module makes
     * (`import { transport } from './transport'`): that module's lint judges it, with the routes
     * of the modules that import it.
     */
    function servedByTransportMadeElsewhere(route: Route): boolean {
      return route.handlers.some((handler) => {
        const fn = resolveFunction(handler);
        return (
          fn !== null &&
          transportCalls(fn).some((call) => {
            const receiver = calledMethodObject(call);
            const transport = receiver && transportEntities(receiver);
            return (
              transport !== null &&
              transport.made.type === AST_NODE_TYPES.NewExpression &&
              !isLinted(transport.made) &&
              transport.entities.length > 0
            );
          })
        );
      });
    }

    /**
     * The routes that run a transport made at the top of a module, through the constant that
     * holds it (`transport.handleRequest(req, res)` in routes, here or in modules that import
     * it) or the constant that holds its handler (`export const handleMcp = transport.bind(mcp)`).
     * `null` when it is used any other way.
     */
    function moduleTransportRoutes(node: TSESTree.NewExpression, transport: McpTransport): Route[] | null {
      const made = outermostWrapper(node);
      const holder = made.parent;
      if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === made) {
        if (holder.id.type !== AST_NODE_TYPES.Identifier) return null;
        const reads = (variableOf(holder.id)?.references ?? []).filter((reference) => reference.isRead());
        const [only] = reads;
        // `const transport = new X(); export const handleMcp = transport.bind(mcp);`
        const bound = reads.length === 1 && only ? boundConstant(only.identifier as TSESTree.Node) : null;
        if (bound) return routesUsingConstant(bound);
        return routesUsingConstant(holder, requestMethodsOf(transport));
      }
      const bound = boundConstant(made);
      return bound && routesUsingConstant(bound);
    }

    /** The constant that holds `value.bind(…)`: `const handleMcp = transport.bind(mcp)`. */
    function boundConstant(value: TSESTree.Node): TSESTree.VariableDeclarator | null {
      const member = outermostWrapper(value).parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || propertyName(member) !== 'bind') return null;
      const call = member.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return null;
      const declarator = outermostWrapper(call).parent;
      return declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === outermostWrapper(call)
        ? declarator
        : null;
    }

    /**
     * A Streamable HTTP transport that only the code around it hands requests, built in place
     * (a server's unit tests): no web page reaches it. An SSE transport serves the response it
     * is made with.
     */
    /**
     * Whether a transport of `@rekog/mcp-nest` 2.x is served through a controller of the module
     * (`class McpController extends McpHttpControllerFor(transport)`, which takes the route over)
     * that a `@UseGuards()` guards.
     */
    function guardedNestController(node: TSESTree.NewExpression): boolean {
      const holder = node.parent;
      if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) {
        return false;
      }
      return (variableOf(holder.id)?.references ?? []).some((reference) => {
        const call = (reference.identifier as TSESTree.Node).parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== reference.identifier) return false;
        const ref = externalRefOf(call.callee);
        if (ref?.module !== REKOG_MCP_NEST || ref.names.at(-1) !== 'McpHttpControllerFor') return false;
        const cls = call.parent;
        return (
          (cls?.type === AST_NODE_TYPES.ClassDeclaration || cls?.type === AST_NODE_TYPES.ClassExpression) &&
          cls.superClass === call &&
          cls.decorators.some((decorator) => nestDecorator(decorator) === 'UseGuards' && !guardsNothing(decorator))
        );
      });
    }

    /**
     * Whether a transport is made in a method of a NestJS `@Controller()` that a `@UseGuards()` on
     * the method or its class guards, as `require-csrf-token` counts it: the guard runs before the
     * method, and a rebinding page has no credential to pass it.
     */
    function guardedNestMethod(node: TSESTree.NewExpression): boolean {
      let fn = enclosingFunction(node);
      while (fn && fn.parent?.type !== AST_NODE_TYPES.MethodDefinition) fn = enclosingFunction(fn);
      const method = fn?.parent;
      if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.static) return false;
      const cls = method.parent.parent;
      if (cls.type !== AST_NODE_TYPES.ClassDeclaration && cls.type !== AST_NODE_TYPES.ClassExpression) return false;
      return nestMethodGuarded(cls, method, node);
    }

    /**
     * Whether a transport is made in a method of a NestJS provider that only route methods of
     * controllers hand requests to (`this.mcp.handle(req, res)`, see `providerMethodCalls`), each
     * checking before the call as a method that makes the transport itself would: `Host` or
     * `Origin` in its body, or (with `trustCredentialChecks`) a credential there
     * (`if (!valid(req.headers.authorization)) throw new UnauthorizedException()`) or a guard
     * that runs first.
     */
    function checkedByNestControllers(node: TSESTree.NewExpression): boolean {
      if (!MENTIONS_NEST_COMMON.test(sourceCode.text)) return false;
      const fn = outermostFunction(node);
      const method = fn?.parent;
      if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== fn) return false;
      const calls = providerMethodCalls(method);
      return (
        calls !== null &&
        calls.length > 0 &&
        calls.every(({ route, call }) => {
          const handler = route.member.value;
          // Not a check after the call: the request is answered by then.
          return (
            functionChecksCredential(HOST_FINDER, handler, 0, call, true) ||
            (trustCredentialChecks &&
              (nestMethodGuarded(route.cls, route.member, call) ||
                functionChecksCredential(REBINDING_CREDENTIAL_FINDER, handler, 0, call, true)))
          );
        })
      );
    }

    /** Whether a method of a NestJS `@Controller()` class runs behind a guard that wants a credential. */
    function nestMethodGuarded(
      cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
      method: TSESTree.MethodDefinition,
      node: TSESTree.Node,
    ): boolean {
      // A guard that refuses a request without a credential compared with a secret: not a rate
      // limiter, nor one that only wants a header there (a rebinding page sends any value).
      const guards = (decorator: TSESTree.Decorator): boolean =>
        nestDecorator(decorator) === 'UseGuards' &&
        guardsCredential(
          decorator,
          (fn) => functionChecksCredential(REBINDING_CREDENTIAL_FINDER, fn, 0) || answersSecretComparison(fn),
        );
      const controller = cls.decorators.find((decorator) => nestDecorator(decorator) === 'Controller');
      if (!controller) return false;
      if (cls.decorators.some(guards) || method.decorators.some(guards)) return true;
      const checks = (fn: HandlerFunction): boolean =>
        functionChecksCredential(REBINDING_CREDENTIAL_FINDER, fn, 0) || answersSecretComparison(fn);
      // A guard the app runs before every route (`app.useGlobalGuards()`, an `APP_GUARD` provider).
      if ((globalGuards(moduleOf(node).file) ?? []).some((guard) => guardAuthenticates(guard, checks))) return true;
      // Middleware mounted on the route (`consumer.apply(ApiKeyMiddleware).forRoutes('mcp')`).
      const verb = method.decorators.find((decorator) => NEST_VERBS.has(nestDecorator(decorator) ?? ''));
      const paths = verb ? decoratorPaths(verb) : null;
      const path = joinNestPath(decoratorPaths(controller)?.[0] ?? '', paths?.[0] ?? '');
      const named = verb ? nestDecorator(verb) : null;
      return nestMiddlewareGuards(moduleOf(node).file, cls, path, named?.toUpperCase() ?? 'ALL', checks, (given) =>
        checksCredential(REBINDING_CREDENTIAL_FINDER, given),
      );
    }

    function servedNowhere(node: TSESTree.NewExpression, transport: McpTransport): boolean {
      // A test module that starts no server, itself or through the modules it imports, and exports
      // nothing another module could serve, exercises the transports it makes in the process
      // (`store.set('s1', new StreamableHTTPServerTransport())`). Any `listen(`, `serve(` or
      // `createServer(` in its text may start one the analysis does not know (`app.server.listen()`).
      const { file, code } = moduleOf(node);
      if (
        file !== null &&
        isTestFile(file) &&
        !MAY_START_SERVER.test(code.text) &&
        (!EXPORTS.test(code.text) || usedOnlyByTestsThatServeNothing(programOf(node))) &&
        startsNoServer(programOf(node))
      )
        return true;
      return transport.name === 'streamable' && drivenOnlyInProcess(node, requestMethodsOf(transport));
    }

    /**
     * Whether what a test module exports (a helper that makes a transport, `tests/utils.ts`) is
     * imported by test modules of its package and only by them, none of which may start a server
     * (no `listen(`, `serve(` or `createServer(` in its text or the modules it imports; at most
     * `MAX_TEST_IMPORTERS` of them are read): the transports are exercised in the
     * process. Not where a module that is no test imports it, where nothing imports it (another
     * package may), or where that cannot be told.
     */
    function usedOnlyByTestsThatServeNothing(program: TSESTree.Program): boolean {
      const tests = onlyTestImporters(program);
      return (
        tests !== null &&
        tests.length > 0 &&
        tests.length <= MAX_TEST_IMPORTERS &&
        tests.every((test) => !reachesText(test, MAY_START_SERVER))
      );
    }

    /**
     * Middleware a Vite plugin mounts on the dev server (`server.middlewares.use(…)` in
     * `configureServer`): since Vite 7.0.0 the dev server validates `Host` (its `server.allowedHosts`)
     * before any plugin's middleware runs (vite 7.0.0-8.3.8 `_createServer`; 6.x added its check
     * after them). An install the file does not show is taken to be a current one.
     */
    function devServerChecksHost(route: Route): boolean {
      if (route.app?.devServer !== 'vite') return false;
      // A plugin package runs on its users' Vite: the oldest its peer range allows decides.
      const version = oldestPeerVersion(route.app.node, 'vite') ?? installedVersionFor(route.app.node, 'vite');
      if (version === null || isAtLeast(version, VITE_HOST_CHECK_FIRST)) return true;
      // Middleware a hook adds from the function it returns runs after Vite's own, since 6.0.9 also
      // after its Host check.
      return route.call !== null && isAtLeast(version, VITE_HOST_CHECK) && inReturnedHook(route.call, route.app.node);
    }

    /** Whether a call lies in the function that a `configureServer(server)` hook returns. */
    function inReturnedHook(call: TSESTree.Node, server: TSESTree.Node): boolean {
      const hook = server.parent;
      if (!hook || !isFunctionNode(hook)) return false;
      return returnedExpressions(hook).some((returned) => isFunctionNode(returned) && containsNode(returned, call));
    }

    /**
     * `McpModule.forRoot()` of `@rekog/mcp-nest` 1.x: its controllers check neither Host nor
     * Origin, and have no option to; only its `guards`, a credential a rebinding page lacks, make
     * that moot. Reported without a fix (2.x checks both against localhost names by default).
     */
    /**
     * NestJS controllers that answer MCP by hand (a `@Post()`, `@All()` or `@Get()` method that hands
     * the body to a dispatcher of MCP's methods, an injected service of another module included),
     * with no transport of the SDK behind them (whose own report covers it): each such method
     * that checks neither Host nor Origin, and (with `trustCredentialChecks`) runs behind no guard
     * or check of a credential.
     */
    function reportHandWrittenNestControllers(): void {
      if (!MENTIONS_NEST_COMMON.test(sourceCode.text)) return;
      for (const { cls, member, verb } of nestRouteMethods(sourceCode.ast, NEST_VERBS)) {
        const fn = member.value;
        if (!servesMcp(fn)) continue;
        const handedOn = handlerCalls(fn, 2).map((call) => call.fn);
        if ([fn, ...handedOn].some((handler) => transportCalls(handler).length > 0)) continue;
        if (functionChecksCredential(HOST_FINDER, fn, 0)) continue;
        if (
          trustCredentialChecks &&
          (nestMethodGuarded(cls, member, member) || functionChecksCredential(REBINDING_CREDENTIAL_FINDER, fn, 0))
        )
          continue;
        context.report({
          node: verb.expression,
          messageId: 'unprotectedApp',
          data: { app: `\`@${nestDecorator(verb)}()\` method of a NestJS controller` },
        });
      }
    }

    function reportMcpModules(): void {
      for (const use of mcpModules(sourceCode)) {
        // A guard that keeps a rebinding page out, as on a controller (`@UseGuards()`).
        if (
          trustCredentialChecks &&
          use.guards !== 'unknown' &&
          use.guards.some((guard) =>
            guardAuthenticates(
              guard,
              (fn) => functionChecksCredential(REBINDING_CREDENTIAL_FINDER, fn, 0) || answersSecretComparison(fn),
            ),
          )
        )
          continue;
        // Middleware the module's `configure()` applies to the MCP routes: a Host or Origin check,
        // or (trusted) a credential check.
        if (
          use.middleware.some(
            (fn) =>
              functionChecksCredential(HOST_FINDER, fn, 0) ||
              (trustCredentialChecks && functionChecksCredential(REBINDING_CREDENTIAL_FINDER, fn, 0)),
          )
        )
          continue;
        context.report({
          node: use.callee,
          messageId: 'unprotectedApp',
          data: { app: '`McpModule` of @rekog/mcp-nest' },
        });
      }
    }

    /**
     * MCP frameworks that serve HTTP themselves and check neither Host nor Origin: fastmcp's
     * `start({ transportType: 'httpStream' })` (fastmcp 4.20.16 and mcp-proxy 6.7.19 have no
     * Host or Origin check and no option for one). Unless the server checks a credential on every
     * request (`authenticate`), which a rebinding page does not have, there is nothing to turn on:
     * reported without a fix.
     */
    function reportFrameworkServers(): void {
      for (const framework of frameworkStarts(sourceCode)) {
        const { start, source, options, authenticated, bindsLoopback, installed, middleware } = framework;
        if (trustCredentialChecks && authenticated) continue;
        // `server.use(check)` in front of it: a Host or Origin check, or a credential a rebinding page lacks.
        if (
          middleware.some(
            (handler) =>
              checksCredential(HOST_FINDER, handler) ||
              (trustCredentialChecks && checksCredential(REBINDING_CREDENTIAL_FINDER, handler)),
          )
        )
          continue;
        const { mcp } = source;
        // mcp-use 2 checks Host against localhost names when it binds one of them (by that name),
        // and against them and `allowedHosts` whenever that is given, even empty.
        if (mcp.checksHostOnLoopback) {
          const { host } = start;
          const named =
            host.kind === 'default' ||
            (host.kind === 'given' &&
              possibleValues(host.value).every(
                (value) => value.known && typeof value.value === 'string' && LOCALHOST_NAMES.has(value.value),
              ));
          if (named) continue;
          if (mcp.hostList && options && findObjectProperty(options, mcp.hostList).kind !== 'missing') continue;
        }
        let fix: ((fixer: RuleFixer) => RuleFix) | null = null;
        if (mcp.hostList) {
          // An install older than the option ignores it.
          const honoured = installed === null || isAtLeast(installed, mcp.hostListSince ?? '0.0.0');
          const listed = options ? listsSome(options, mcp.hostList) : 'unknown';
          if (honoured && listed !== false) continue;
          // Served on loopback, the hostnames its clients use there; a server made elsewhere or a
          // list the file does not show is not edited, nor for an install without the option.
          const found = options && findObjectProperty(options, mcp.hostList);
          if (
            options &&
            isLinted(options) &&
            bindsLoopback &&
            !mcp.checksHostOnLoopback &&
            installed !== null &&
            honoured &&
            found?.kind === 'missing'
          ) {
            fix = (fixer) =>
              appendObjectProperty(
                fixer,
                sourceCode,
                options,
                styled(`${mcp.hostList}: ['http://localhost', 'http://127.0.0.1']`),
              );
          }
        }
        context.report({
          node: start.callee,
          messageId: 'unprotectedApp',
          data: { app: mcp.display },
          fix: fix && failClosed({ messageId: 'validateHost', fix }),
        });
      }
    }

    /**
     * Host and Origin checks of this file that let every request through until their allowlist
     * is configured: the branch that does it.
     */
    function reportFailOpenChecks(): void {
      const seen = new Set<TSESTree.Node>();
      for (const statement of moduleIndex(sourceCode.ast).ifStatements) {
        const fn = enclosingFunction(statement);
        if (!fn || seen.has(fn)) continue;
        seen.add(fn);
        // The branches first: a look at the function's own statements, where the header check
        // walks its nested functions too.
        const branches = failOpenListBranches(fn);
        if (branches.length === 0) continue;
        const header = checkedHeader(fn);
        if (!header) continue;
        // A CORS middleware that only leaves its headers out for other origins refuses nothing,
        // configured or not: no check, which the origin rules judge as a policy.
        if (!turnsAwaySomewhere(fn.body) && !answersFalse(fn)) continue;
        for (const branch of branches) {
          const consequent =
            branch.consequent.type === AST_NODE_TYPES.BlockStatement
              ? branch.consequent.body.at(-1)
              : branch.consequent;
          // Only a predicate's `return true` turns into a refusal; `return next()` in a middleware has
          // no such one-word change (a `false` there would leave the request hanging).
          const returned = consequent?.type === AST_NODE_TYPES.ReturnStatement ? consequent.argument : null;
          const returnsTrue = returned?.type === AST_NODE_TYPES.Literal && returned.value === true ? returned : null;
          context.report({
            node: branch.test,
            messageId: 'failOpenCheck',
            data: { header },
            suggest: returnsTrue
              ? [{ messageId: 'refuseUntilConfigured', fix: (fixer) => fixer.replaceText(returnsTrue, 'false') }]
              : [],
          });
        }
      }
    }

    /**
     * Origin checks that compare `Origin` only with the origin the request's own `Host` names: a
     * DNS-rebinding page passes them (in a file that says MCP).
     */
    function reportSameOriginChecks(): void {
      const index = moduleIndex(sourceCode.ast);
      const checks = new Set<HandlerFunction>();
      for (const node of [...index.memberExpressions, ...index.calls]) {
        if (requestHeaderRead(node, 'origin') === null) continue;
        const fn = enclosingFunction(node);
        if (fn) checks.add(fn);
      }
      const found: TSESTree.Node[] = [];
      for (const fn of checks) {
        const tests = hostDerivedOriginTests(fn);
        if (tests.length === 0 || !(turnsAwaySomewhere(fn.body) || answersFalse(fn))) continue;
        // A check that only runs on routes serving no MCP (an OAuth `/token` endpoint beside the
        // server) leaves the MCP endpoint's own protection to the other reports.
        const own = findRoutes(sourceCode).routes.filter((route) =>
          route.handlers.some((handler) => resolveFunction(handler) === fn),
        );
        const routes = own.length > 0 ? own : routesHandledBy(fn);
        if (routes !== null && routes.length > 0 && !routes.some(mayServeMcp)) continue;
        found.push(...tests);
      }
      // Most files compare no Origin with the Host: the question below, which looks at every
      // member expression of the file, is asked only of those that do.
      if (found.length === 0) return;
      // With `Host` checked (by the file, an SDK app or the SDK's middleware), comparing `Origin`
      // with it is a sound same-origin check.
      if (checksHostSomewhere(sourceCode.ast)) return;
      if (findMcpAppFactories(sourceCode).some(({ call, factory }) => mcpAppProtection(call, factory).kind === 'on')) {
        return;
      }
      if (index.calls.some((call) => entitiesOf(call, 'host-validation').length > 0)) return;
      for (const test of found) context.report({ node: test, messageId: 'sameOriginCheck' });
    }

    function reportTurnedOff(
      call: TSESTree.CallExpression,
      factory: McpAppFactory,
      property: TSESTree.Property,
      value: TSESTree.Node,
      options: TSESTree.ObjectExpression,
    ): void {
      const { name } = factory;
      if (!isLinted(property)) {
        // Options written in another module: reported at the call, naming them; no fix reaches them.
        const place = placeOf(property, context);
        context.report({
          node: call.arguments[0] ?? call,
          messageId: 'validationTurnedOff',
          data: { factory: name, host: textOf(value), place: ` (from ${place})` },
        });
        return;
      }
      const candidates = possibleValues(value);
      const unsafe = candidates.filter((candidate) => candidate.known);
      const leaves = inlineLeaves(value, candidates, unsafe);
      context.report({
        node: property,
        messageId: 'validationTurnedOff',
        data: { factory: name, host: textOf(value), place: '' },
        fix: failClosed({
          messageId: 'useLoopbackHost',
          fix: (fixer) =>
            leaves
              ? leaves.map((leaf) => fixer.replaceText(leaf, inPlaceOf(sourceCode, leaf, styled("'127.0.0.1'"))))
              : replacePropertyValue(fixer, sourceCode, property, styled("'127.0.0.1'")),
        }),
        suggest: [
          {
            messageId: 'addAllowedHosts',
            fix: (fixer) =>
              appendObjectProperty(fixer, sourceCode, options, `allowedHosts: ${styled(LOCAL_HOSTNAMES)}`),
          },
        ],
      });
    }

    function reportTransport(
      node: TSESTree.NewExpression,
      transport: McpTransport,
      options: TSESTree.Node | undefined,
      serving: readonly Route[],
      messageId: 'unprotectedTransport' | 'streamWithoutOrigin' = 'unprotectedTransport',
    ): void {
      const middleware = validationMiddlewareFix(node, transport, serving);
      if (middleware) {
        context.report({
          node: node.callee,
          messageId,
          data: { transport: `\`${textOf(node.callee)}\`` },
          fix: failClosed({ messageId: 'validateHost', fix: middleware }),
        });
        return;
      }
      const hosts = transport.lists ? null : allowedHostsText(node);
      const switched = transport.protection === 'options';
      const properties: readonly string[] | null = transport.lists
        ? [styled(transport.lists.fix)]
        : hosts
          ? switched
            ? ['enableDnsRebindingProtection: true', `allowedHosts: ${hosts}`]
            : [`allowedHosts: ${hosts}`]
          : null;
      context.report({
        node: node.callee,
        messageId,
        data: { transport: `\`${textOf(node.callee)}\`` },
        fix: failClosed({
          messageId: 'enableProtection',
          fix: (fixer) => {
            if (!properties || transport.protection === 'middleware') return null;
            if (!options) {
              if (node.arguments.length !== transport.optionsIndex) return null;
              return appendArgument(fixer, sourceCode, node, `{ ${properties.join(', ')} }`);
            }
            const object = resolveObjectExpression(options);
            if (!object) return null;
            const keys = transport.lists ? [transport.lists.key] : ['enableDnsRebindingProtection', 'allowedHosts'];
            if (keys.some((key) => findObjectProperty(object, key).kind !== 'missing')) return null;
            return appendObjectProperty(fixer, sourceCode, object, properties);
          },
        }),
      });
    }

    /**
     * The middleware that the installed SDK deprecates a v1 transport's options for, used on the
     * Express app or router of every route that serves the transport, on the line after the
     * statement that makes it (`const app = express();` then `app.use(localhostHostValidation());`),
     * so that it runs before all of the app's routes, as `createMcpExpressApp()` runs it; and
     * imported. Not on the route itself: the fix would then reach from the imports down over the
     * CORS middleware and the route that other rules' fixes change (the CSRF guard goes in front
     * of the same handler), and one `--fix` pass could apply only one of them. `null` where the SDK
     * is older or its version unknown, where the routes are not all on one Express app or router
     * that a statement of this file makes, or where the middleware's name is the file's own.
     */
    function validationMiddlewareFix(
      node: TSESTree.NewExpression,
      transport: McpTransport,
      serving: readonly Route[],
    ): ((fixer: RuleFixer) => RuleFix[]) | null {
      const middleware = transport.deprecatedFor;
      if (!middleware) return null;
      const installed = installedVersionFor(node, middleware.package);
      if (installed === null || !isAtLeast(installed, middleware.version)) return null;
      const [app, ...others] = new Set(serving.map((route) => route.app));
      // Connect's response has no `status()` and `json()`, which the middleware answers with.
      if (!app || others.length > 0 || app.framework !== 'express' || app.typed || !isLinted(app.node)) return null;
      const declarator = app.node.parent;
      if (
        declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
        declarator.init !== app.node ||
        declarator.id.type !== AST_NODE_TYPES.Identifier
      )
        return null;
      const declaration = declarator.parent;
      if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) return null;
      // `export const app = express()`: the middleware follows the whole export.
      const statement =
        declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent : declaration;
      // A route chained on the app as it is made would come before the middleware.
      if (serving.some((route) => containsNode(statement, route.node))) return null;
      const declared = importDeclaration(sourceCode, middleware.name, middleware.module);
      if (bindingState(sourceCode, app.node, declared) === 'taken') return null;
      const name = declarator.id.name;
      // After a comment that ends the statement's line, which stays with it.
      const anchor =
        sourceCode
          .getCommentsAfter(statement)
          .filter((comment) => comment.loc.start.line === statement.loc.end.line)
          .at(-1) ?? statement;
      const indent = indentationAt(sourceCode, statement.range[0]);
      return (fixer) => [
        ...ensureModuleDeclarations(fixer, sourceCode, app.node, [declared]),
        fixer.insertTextAfterRange(anchor.range, `\n${indent}${styled(`${name}.use(${middleware.name}());`)}`),
      ];
    }

    /**
     * `allowedHosts` for the port the file listens on: v1 compares the whole `Host` header, port
     * included. `null` when the file shows no port.
     */
    function allowedHostsText(transport: TSESTree.Node): string | null {
      for (const start of serverStarts(sourceCode)) {
        const port = portOf(start.call);
        if (!port) continue;
        const expression = skipTypeWrappers(port);
        const value = possibleValues(expression);
        if (
          value.length === 1 &&
          value[0]!.known &&
          (typeof value[0]!.value === 'number' || typeof value[0]!.value === 'string')
        ) {
          const literal = String(value[0]!.value);
          if (/^\d+$/u.test(literal) && literal !== '0')
            return styled(`['127.0.0.1:${literal}', 'localhost:${literal}']`);
        }
        // `PORT` from the module's top level, declared before the transport reads it: the hosts follow it.
        if (
          expression.type === AST_NODE_TYPES.Identifier &&
          isModuleLevel(expression) &&
          declaredBefore(expression, transport)
        ) {
          return `[\`127.0.0.1:\${${expression.name}}\`, \`localhost:\${${expression.name}}\`]`;
        }
      }
      return null;
    }

    function portOf(call: ServerStart['call']): TSESTree.Node | null {
      if (call.type === AST_NODE_TYPES.Identifier || call.type === AST_NODE_TYPES.NewExpression) return null;
      if (call.type === AST_NODE_TYPES.ObjectExpression) {
        const port = findObjectProperty(call, 'port');
        return port.kind === 'found' ? port.value : null;
      }
      const [first] = call.arguments;
      if (!first || first.type === AST_NODE_TYPES.SpreadElement) return null;
      const object = resolveObjectExpression(first);
      if (object) {
        const port = findObjectProperty(object, 'port');
        return port.kind === 'found' ? port.value : null;
      }
      return first;
    }

    /**
     * Whether a module-level variable is initialised by the time `user` reads it: declared
     * above it, or read only inside a function (which runs later, per request).
     */
    function declaredBefore(id: TSESTree.Identifier, user: TSESTree.Node): boolean {
      const variable = sourceCode.getScope(id).references.find((reference) => reference.identifier === id)?.resolved;
      const declared = variable?.defs[0]?.name;
      if (!declared) return false;
      if (declared.range[0] < user.range[0]) return true;
      return topLevelStatement(user) !== user && enclosingFunctionOrProgram(user).type !== AST_NODE_TYPES.Program;
    }

    function isModuleLevel(id: TSESTree.Identifier): boolean {
      const variable = sourceCode.getScope(id).references.find((reference) => reference.identifier === id)?.resolved;
      // The program's own scope: `module`, `global`, or CommonJS's function scope around the file.
      return variable !== null && variable !== undefined && variable.scope.block.type === AST_NODE_TYPES.Program;
    }

    /** The app a router ends up mounted on, or the app itself. */
    function rootApp(app: AppInstance, apps: readonly AppInstance[]): AppInstance {
      let current = app;
      for (let depth = 0; depth < 5; depth++) {
        if (current.parent) {
          current = current.parent;
          continue;
        }
        const mountedOn = apps.find(
          (candidate) =>
            candidate !== current &&
            candidate.calls.some((call) =>
              call.arguments.some((argument) => (resolveExpression(argument) ?? argument) === current.node),
            ),
        );
        if (!mountedOn) break;
        current = mountedOn;
      }
      return current;
    }

    function reportApp(app: AppInstance): void {
      // A class that extends the framework's app (`class McpRoutes extends Hono`): reported at its
      // name, and named by it.
      const made = app.node;
      const cls =
        made.type === AST_NODE_TYPES.ClassDeclaration || made.type === AST_NODE_TYPES.ClassExpression ? made : null;
      const creation = cls ? (cls.id ?? cls.superClass ?? cls) : made;
      const appText = `\`${cls?.id ? cls.id.name : textOf(creation)}\` app`;
      // A Host check in the app's own hook: Fastify's `onRequest`, Elysia's `onRequest`, h3's `use()`.
      const hostHook =
        app.framework === 'fastify'
          ? (fixer: RuleFixer) => fastifyHostHook(fixer, creation)
          : app.framework === 'elysia' && creation.type === AST_NODE_TYPES.NewExpression
            ? (fixer: RuleFixer) => elysiaHostHook(fixer, creation)
            : app.framework === 'h3' && creation.type === AST_NODE_TYPES.NewExpression
              ? (fixer: RuleFixer) => h3HostMiddleware(fixer, creation)
              : null;
      if (hostHook) {
        context.report({
          node: creation,
          messageId: 'unprotectedApp',
          data: { app: appText },
          fix: failClosed({ messageId: 'validateHost', fix: hostHook }),
        });
        return;
      }
      if (app.framework !== 'express' && app.framework !== 'hono') {
        context.report({
          node: creation,
          messageId: 'unprotectedApp',
          data: { app: appText },
        });
        return;
      }
      const hono = app.framework === 'hono';
      const factory = hono ? 'createMcpHonoApp' : 'createMcpExpressApp';
      const replaceable =
        (hono &&
          creation.type === AST_NODE_TYPES.NewExpression &&
          creation.arguments.length === 0 &&
          !creation.typeArguments) ||
        (app.framework === 'express' &&
          creation.type === AST_NODE_TYPES.CallExpression &&
          creation.arguments.length === 0 &&
          creation.callee.type === AST_NODE_TYPES.Identifier &&
          // A router is no app: `createMcpExpressApp()` would not type as the `Router` it stands for.
          externalRefOf(creation.callee)?.names.at(-1) !== 'Router');
      const v1 = !hono && /['"]@modelcontextprotocol\/sdk\//u.test(sourceCode.text);
      const pkg = hono
        ? '@modelcontextprotocol/hono'
        : v1
          ? '@modelcontextprotocol/sdk'
          : '@modelcontextprotocol/express';
      const installed = installedVersionFor(creation, pkg);
      // Only a factory the project has: v1's createMcpExpressApp came in @modelcontextprotocol/sdk
      // 1.24.0, in the server's index, and moved to server/express.js in 1.24.2; the v2 packages
      // are installed on their own.
      const moduleName = !v1
        ? pkg
        : installed !== null && isAtLeast(installed, '1.24.2')
          ? '@modelcontextprotocol/sdk/server/express.js'
          : '@modelcontextprotocol/sdk/server/index.js';
      const available = installed !== null && (!v1 || isAtLeast(installed, '1.24.0'));
      const factoryImport = importDeclaration(sourceCode, factory, moduleName);
      context.report({
        node: creation,
        messageId: 'unprotectedApp',
        data: { app: appText },
        fix: failClosed({
          messageId: 'validateHost',
          fix: (fixer): RuleFix[] | null => {
            // A binding of the file's own by the factory's name is not the factory.
            if (!replaceable || !available || bindingState(sourceCode, creation, factoryImport) === 'taken')
              return null;
            return [
              ...ensureModuleDeclarations(fixer, sourceCode, creation, [factoryImport], {
                before: topLevelStatement(creation),
              }),
              fixer.replaceText(creation, `${factory}()`),
            ];
          },
        }),
      });
    }

    /** A plain handler: a Host check as its first statement. */
    function reportHandler(route: Route): void {
      context.report({
        node: route.node,
        messageId: 'unprotectedApp',
        data: { app: 'request handler' },
        fix: failClosed({
          messageId: 'validateHost',
          fix: (fixer) => {
            const fn = route.handlers[0] && resolveFunction(route.handlers[0]);
            if (!fn) return null;
            const [request, response] = fn.params;
            if (request?.type !== AST_NODE_TYPES.Identifier) return null;
            const comment = '// DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.';
            const webCheck = [
              comment,
              `if (!${LOCAL_HOSTNAMES}.includes(new URL(${request.name}.url).hostname)) {`,
              "  return Response.json({ error: 'Host not allowed' }, { status: 403 });",
              '}',
            ];
            if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
              // A web handler written as one expression takes a block body with the check first.
              return route.web && fn.type === AST_NODE_TYPES.ArrowFunctionExpression
                ? withBlockBody(fixer, sourceCode, fn, webCheck)
                : null;
            }
            const first = fn.body.body[0];
            const brace = sourceCode.getFirstToken(fn.body)!;
            const next = sourceCode.getTokenAfter(brace, { includeComments: true })!;
            // What follows the `{` on its own line (`{ return mcp(request); }`) moves to a line of its own.
            const sameLine = next !== sourceCode.getLastToken(fn.body) && next.loc.start.line === brace.loc.end.line;
            const indent =
              first && !sameLine
                ? indentationAt(sourceCode, first.range[0])
                : `${indentationAt(sourceCode, fn.body.range[0])}${fileStyle(sourceCode).indent}`;
            let lines: string[];
            if (route.web) {
              // A web handler: the `Request`'s own Host, and a `Response` to refuse with.
              lines = webCheck;
            } else {
              if (response?.type !== AST_NODE_TYPES.Identifier) return null;
              lines = [
                comment,
                `if (!${LOCAL_HOSTNAMES}.includes((${request.name}.headers.host ?? '').replace(/:\\d+$/, ''))) {`,
                `  ${response.name}.writeHead(403, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'Host not allowed' }));`,
                '  return;',
                '}',
              ];
            }
            const text = styled(lines.join('\n'), indent);
            // Right after the body's `{`: the same text as before the first statement, above any
            // comments on it, and clear of the place where another rule's check (require-csrf-token's)
            // goes, so that `--fix` applies both in one pass.
            return sameLine
              ? fixer.replaceTextRange([brace.range[1], next.range[0]], `\n${indent}${text}\n${indent}`)
              : fixer.insertTextAfter(brace, `\n${indent}${text}`);
          },
        }),
      });
    }

    /** `app.addHook('onRequest', …)` right after `const app = Fastify()`, refusing other hosts. */
    /**
     * Elysia: an `onRequest` hook chained right on `new Elysia()`, so that it runs before every
     * route registered after it (all of them). Bun and srvx build `request.url` from the Host header.
     */
    function elysiaHostHook(fixer: RuleFixer, creation: TSESTree.NewExpression): RuleFix {
      return chainOnCreation(fixer, creation, [
        '.onRequest(({ request, set }) => {',
        '  // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.',
        `  if (!${LOCAL_HOSTNAMES}.includes(new URL(request.url).hostname)) {`,
        '    set.status = 403;',
        "    return { error: 'Host not allowed' };",
        '  }',
        '})',
      ]);
    }

    /**
     * h3 2: a middleware on the app as it is made (`new H3().use(…)`), which runs before every route
     * wherever `use` comes (h3 2.0.1-rc.29 src/h3.ts), and answers with the `Response` it returns.
     */
    function h3HostMiddleware(fixer: RuleFixer, creation: TSESTree.NewExpression): RuleFix {
      return chainOnCreation(fixer, creation, [
        '.use((event) => {',
        '  // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.',
        `  if (!${LOCAL_HOSTNAMES}.includes(new URL(event.req.url).hostname)) {`,
        "    return Response.json({ error: 'Host not allowed' }, { status: 403 });",
        '  }',
        '})',
      ]);
    }

    /**
     * A call chained right on an app as it is made (`new Elysia()`, `new H3()`), in the file's
     * style: on a chain written one call a line, it is a line of the chain too.
     */
    function chainOnCreation(fixer: RuleFixer, creation: TSESTree.NewExpression, lines: readonly string[]): RuleFix {
      const member = creation.parent;
      const chained =
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === creation &&
        member.property.loc.start.line > creation.loc.end.line;
      const indent = indentationAt(sourceCode, chained ? member.property.range[0] : creation.range[0]);
      return fixer.insertTextAfter(creation, `${chained ? `\n${indent}` : ''}${styled(lines.join('\n'), indent)}`);
    }

    function fastifyHostHook(fixer: RuleFixer, creation: TSESTree.Node): RuleFix | null {
      const declarator = creation.parent;
      if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier)
        return null;
      const declaration = declarator.parent;
      if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) return null;
      // `export const app = Fastify()`: the hook follows the whole export.
      const statement =
        declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent : declaration;
      const name = declarator.id.name;
      const indent = indentationAt(sourceCode, statement.range[0]);
      const hook = [
        `${name}.addHook('onRequest', async (request, reply) => {`,
        '  // DNS rebinding: a hostile name pointed at this machine still arrives with its own Host.',
        "  const hostname = (request.headers.host ?? '').replace(/:\\d+$/, '');",
        `  if (!${LOCAL_HOSTNAMES}.includes(hostname)) return reply.code(403).send({ error: 'Host not allowed' });`,
        '});',
      ];
      return fixer.insertTextAfter(statement, `\n${indent}${styled(hook.join('\n'), indent)}`);
    }
  },
});

/**
 * Whether every call of a function is one the module shows (`callsOf`), each made by another
 * function (no call at the top of the module) after the check `checksOnTheWay` finds in it.
 */
function calledOnlyAfterChecks(
  fn: HandlerFunction,
  checksOnTheWay: (caller: HandlerFunction, target: TSESTree.Node) => boolean,
): boolean {
  const found = callsOf(fn);
  if (!found?.complete || found.calls.length === 0) return false;
  return found.calls.every((call) => {
    const caller = enclosingFunction(call);
    return caller !== null && caller !== fn && !containsNode(fn, caller) && checksOnTheWay(caller, call);
  });
}
