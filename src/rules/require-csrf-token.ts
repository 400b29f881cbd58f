import { fileStyle, inFileStyle, multilineLiteral } from '../fixes/style';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { claimNames, ensureModuleDeclarations, isTypeScriptFile, type ModuleDeclaration } from '../fixes/constants';
import {
  aboveLeadingComments,
  appendArgument,
  appendObjectProperty,
  indentationAt,
  insertArgumentBefore,
  replacePropertyValue,
  withBlockBody,
} from '../fixes/edits';
import {
  calledMethodName,
  containsNode,
  outermostWrapper,
  skipTypeWrappers,
  topLevelStatement,
  walk,
} from '../analysis/ast';
import { frameworkStarts, listsSome, localApps, namesLoopback, servedInProcessOnly } from '../analysis/servers';
import { codeOf, isLinted, moduleOf, placeOf, staticValue, textOf, variableOf } from '../analysis/program';
import { MENTIONS_KNOWN_MODULE } from '../frameworks/registry';
import { createRule } from '../utils/create-rule';
import { outsideEphemeralTests } from '../utils/test-code';
import { FAIL_CLOSED_SCHEMA, failClosed, type FailClosedOption } from '../utils/fail-closed';
import {
  answersOnlyWithError,
  checksCredential,
  functionChecksCredential,
  isCredentialHeader,
  type CheckFinder,
} from '../analysis/credential-checks';
import { mountedPaths, routeIsGuarded, servedLocally } from '../analysis/route-guards';
import { alwaysExits } from '../analysis/guards';
import { answersNothing, answersOnlyConstants, deployedRemotely, mayReadAmbientCredential } from '../analysis/reach';
import { REACH_DEFAULTS, REACH_OPTION_SCHEMA, quietWhen } from '../utils/reach-options';
import { findMcpAppFactories, findMcpTransports, mcpAppValidatesOrigin } from '../analysis/mcp-sdk';
import { MENTIONS_MCP_METHOD, routeBranchServesMcp, servesMcp, transportCalls } from '../analysis/mcp-transports';
import {
  acceptsOnlyPost,
  branchIf,
  findRoutes,
  lastHandlerFunction,
  routesHolding,
  type AppInstance,
  type Route,
} from '../analysis/routes';
import {
  answersSecretComparison,
  decoratorPaths,
  globalGuards,
  guardAuthenticates,
  guardsNothing,
  listGuardsNothing,
  joinNestPath,
  MENTIONS_NEST_COMMON,
  nestDecorator,
  nestMiddlewareGuards,
  nestRouteMethods,
} from '../analysis/nest-routes';
import { mcpModules } from '../analysis/mcp-modules';
import {
  delegateOf,
  externalRefOf,
  findObjectProperty,
  resolveObjectExpression,
  enclosingFunction,
  isFunctionNode,
  possibleValues,
  requireSpecifier,
  resolveExpression,
  resolveFunction,
  returnedExpressions,
  usesOfConstant,
  type HandlerFunction,
} from '../analysis/values';
import { findCorsMiddlewareUses } from '../analysis/cors-middleware';
import { ALLOW_ORIGIN, headerWrites, leavesCorsAlone } from '../analysis/response-headers';
import { entitiesOf } from '../analysis/facts';
import { configFileServer } from '../analysis/config-files';
import { configuredTransports, type ConfiguredTransport } from '../analysis/configured-servers';
import { onlyLooksUpSessions } from '../analysis/sessions';
import { valueWithUnsetEnvironment } from '../analysis/unset-environment';

export type Options = [
  {
    endpoints?: string[];
    tokenHeaders?: string[];
    checkFunctions?: string[];
    trustRemoteDeployments?: boolean;
  } & FailClosedOption,
];
export type MessageIds = 'missingCsrfCheck' | 'requireTokenHeader' | 'useBearerToken' | 'requireWrapperToken';

const DEFAULT_ENDPOINTS = ['/mcp', '/messages', '/message', '/sse'];

/**
 * What a file with an MCP route in it says, when it names no framework: an endpoint path, a
 * transport call, or a method of MCP's that a hand-written JSON-RPC endpoint answers.
 */
function mentionsEndpoint(text: string, endpoints: readonly string[]): boolean {
  return (
    /handleRequest|handlePostMessage|Transport\b/u.test(text) ||
    MENTIONS_MCP_METHOD.test(text) ||
    endpoints.some((endpoint) => text.includes(endpoint))
  );
}
const DEFAULT_TOKEN_HEADERS = ['x-mcp-csrf-token', 'authorization'];
const REFUSAL = "{ error: 'Missing or invalid credentials for this MCP server' }";
/** The challenge a 401 for a missing bearer token carries, as a header property and as arguments. */
const CHALLENGE = "'WWW-Authenticate': 'Bearer'";
const CHALLENGE_PAIR = "'WWW-Authenticate', 'Bearer'";

/** What a fix answers a request without the credential with: 401 for a bearer token, else 403. */
function status(credential: Credential): number {
  return credential.bearer ? 401 : 403;
}

/** The credential a fix asks for: a token in its own header, or an `Authorization: Bearer` token. */
interface Credential {
  readonly header: string;
  readonly check: string;
  readonly tokenName: string;
  readonly envName: string;
  readonly expected: (token: string) => string;
  readonly describe: string;
  /**
   * A missing bearer token is answered as OAuth clients expect it (RFC 6750 section 3): 401 with
   * `WWW-Authenticate: Bearer`; a missing CSRF token is a plain 403.
   */
  readonly bearer: boolean;
}

/** NestJS's route decorators of methods that take POST requests. */
const POST_VERBS: ReadonlySet<string> = new Set(['Post', 'All']);

export default createRule<Options, MessageIds>({
  name: 'require-csrf-token',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require MCP endpoints that accept POST to check a credential that a cross-origin page cannot send',
      recommended: true,
      strictOptions: [{ trustRemoteDeployments: false }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          endpoints: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Paths of MCP endpoints; a route whose path is, or ends in, one of them is checked.',
          },
          tokenHeaders: {
            type: 'array',
            items: { type: 'string' },
            minItems: 1,
            uniqueItems: true,
            description:
              'Request headers that carry the credential. The autofix checks the first one that is not `authorization`; the suggestion checks `Authorization: Bearer`.',
          },
          checkFunctions: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Names of your own functions or middleware that check a credential: calling or registering one counts as a check.',
          },
          trustRemoteDeployments: {
            ...REACH_OPTION_SCHEMA.trustRemoteDeployments,
            description:
              'Leave MCP endpoints alone in a package deployed as a Cloudflare Worker, Vercel or Supabase function when its code reads no cookie or Basic credential: a forged request there is one anyone can send. `false` in `strict`.',
          },
          ...FAIL_CLOSED_SCHEMA,
        },
      },
    ],
    defaultOptions: [
      {
        endpoints: DEFAULT_ENDPOINTS,
        tokenHeaders: DEFAULT_TOKEN_HEADERS,
        checkFunctions: [],
        trustRemoteDeployments: REACH_DEFAULTS.trustRemoteDeployments,
        failClosedFix: false,
      },
    ],
    messages: {
      missingCsrfCheck: '{{route}} accepts MCP requests without a token that a cross-site page cannot send.',
      requireTokenHeader: 'Require a token in the {{header}} header.',
      useBearerToken: 'Require an `Authorization: Bearer` token instead.',
      requireWrapperToken: 'Refuse requests without a token: `required: true`.',
    },
  },
  defaultOptions: [
    {
      endpoints: DEFAULT_ENDPOINTS,
      tokenHeaders: DEFAULT_TOKEN_HEADERS,
      checkFunctions: [],
      trustRemoteDeployments: REACH_DEFAULTS.trustRemoteDeployments,
      failClosedFix: false,
    },
  ],
  create(ruleContext, [options]) {
    const { sourceCode } = ruleContext;
    /** Code the fixes write (in `'`, with `;` and two spaces a level) in the file's own style, its lines after the first at `base`. */
    const styled = (code: string, base = ''): string => inFileStyle(code, fileStyle(sourceCode), base);
    // The MCP servers a test starts on a port the system picks: see `outsideEphemeralTests`.
    // A Worker, Vercel or Supabase function is reached through the platform, by anyone: a
    // forged cross-site request is one they can send with curl, unless the browser adds a
    // credential of its own (a cookie, HTTP Basic auth) that the code reads.
    const context = quietWhen(
      outsideEphemeralTests(ruleContext),
      () =>
        (options.trustRemoteDeployments ?? REACH_DEFAULTS.trustRemoteDeployments) &&
        deployedRemotely(sourceCode.ast) &&
        !mayReadAmbientCredential(sourceCode.ast),
    );
    const endpoints = options.endpoints ?? DEFAULT_ENDPOINTS;
    const tokenHeaders = (options.tokenHeaders ?? DEFAULT_TOKEN_HEADERS).map((header) => header.toLowerCase());
    const typescript = isTypeScriptFile(context.filename);
    const usesMcpSdk = /['"]@modelcontextprotocol\//u.test(sourceCode.text);
    // A file with routes names a framework, an MCP endpoint or an MCP transport somewhere.
    // …or starts an MCP framework's server that another module makes (`server.start({ transportType })`).
    // …or declares NestJS controllers (`@Controller('mcp')`, whose path has no slash).
    if (
      !MENTIONS_KNOWN_MODULE.test(sourceCode.text) &&
      !mentionsEndpoint(sourceCode.text, endpoints) &&
      !MENTIONS_NEST_COMMON.test(sourceCode.text) &&
      frameworkStarts(sourceCode).length === 0
    )
      return {};
    const fixHeader = tokenHeaders.find((header) => header !== 'authorization') ?? 'x-mcp-csrf-token';

    const csrf: Credential = {
      header: fixHeader,
      check: 'hasValidCsrfToken',
      tokenName: 'MCP_CSRF_TOKEN',
      envName: 'MCP_CSRF_TOKEN',
      expected: (token) => token,
      bearer: false,
      describe: `The token every request to the MCP endpoint must carry in the ${fixHeader} header; while it is unset, every request is refused.`,
    };
    const bearer: Credential = {
      header: 'authorization',
      check: 'hasValidBearerToken',
      tokenName: 'MCP_AUTH_TOKEN',
      envName: 'MCP_AUTH_TOKEN',
      expected: (token) => `\`Bearer \${${token}}\``,
      bearer: true,
      describe:
        'The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused.',
    };

    /** What counts as the check: a credential header, the middleware that checks one, or `checkFunctions`. */
    const finder: CheckFinder = {
      known: 'auth',
      checkFunctions: new Set(options.checkFunctions ?? []),
      checksHeader: isCredentialHeader,
      rejectsWhenMissing: true,
    };

    /**
     * On a server bound to loopback, only the user's machine connects; there, a check that refuses
     * a foreign `Origin` turns away every cross-site page, since a browser sends `Origin` with each
     * cross-origin `POST` (docs/threat-model.md). Such a route needs no token: the SDK v2 apps'
     * `Origin` validation, the SDK's `originValidation` middleware, or a check of the header.
     */
    let originFinder: CheckFinder | undefined;
    function originCheckedLocally(route: Route): boolean {
      const local = localApps(sourceCode);
      if (local.size === 0) return false;
      const { apps } = findRoutes(sourceCode);
      if (!servedLocally(route, apps, local)) return false;
      if (!originFinder) {
        const guardedApps = new Set<TSESTree.Node>();
        for (const { call, factory } of findMcpAppFactories(sourceCode)) {
          if (mcpAppValidatesOrigin(call, factory)) guardedApps.add(call);
        }
        originFinder = {
          known: 'host-validation',
          originOnly: true,
          checkFunctions: new Set(),
          checksHeader: (header) => header === 'origin',
          guardedApps,
          rejectsWhenMissing: false,
          // A page on `http://localhost.evil.com` passes `origin.startsWith('http://localhost')`.
          wholeOrigins: true,
        };
      }
      return routeIsGuarded(originFinder, route, apps);
    }

    return {
      'Program:exit'() {
        reportFrameworkServers();
        reportConfiguredTransports();
        reportSelfMountedTransports();
        reportConfigFileServer();
        reportNestControllers();
        // `McpModule.forRoot()` of @rekog/mcp-nest 1.x: its `guards` are the only check in front
        // of its controllers; which guard to add is the owner's choice, so no fix.
        for (const use of mcpModules(sourceCode)) {
          // A guard counts unless the code shows it lets every request through.
          if (use.guards === 'unknown' || (use.guards.length > 0 && !listGuardsNothing(use.guards))) continue;
          // Middleware the module's `configure()` applies to the MCP routes.
          if (use.middleware.some((fn) => functionChecksCredential(finder, fn, 0))) continue;
          context.report({
            node: use.callee,
            messageId: 'missingCsrfCheck',
            data: { route: "@rekog/mcp-nest's `McpModule`" },
          });
        }
        const { routes, apps } = findRoutes(sourceCode);
        if (routes.length === 0) return;
        const unchecked = routes.filter(
          (route) =>
            route.acceptsPost &&
            !route.mounts?.authenticated &&
            isEndpoint(route) &&
            !servedInProcessOnly(route) &&
            !routeIsGuarded(finder, route, apps) &&
            !originCheckedLocally(route) &&
            !sessionsMadeBehindCheck(route) &&
            !takesNoRequest(route) &&
            !checkedInOtherBranch(route, routes, apps),
        );
        unchecked.sort((a, b) => a.node.range[0] - b.node.range[0]);
        // One function's branch of this file reached through two handlers (`http.createServer((req,
        // res) => this.onRequest(req, res))` and its `https` twin) is one route. A branch of another
        // module is reported where each handler is passed.
        const firstOfNode = new Set<TSESTree.Node>();
        const firsts = unchecked.filter(
          (route) => !isLinted(route.node) || (!firstOfNode.has(route.node) && firstOfNode.add(route.node)),
        );
        // Branches of one plain handler that the message cannot tell apart ("The POST branch of this
        // handler" for the branch that reads the body and the rest after `if (req.method !== 'POST')`)
        // are one endpoint, which the one guard at the top of the handler covers: one is reported, on
        // the first method test rather than the whole function.
        const alike = new Map<string, Route[]>();
        const handlerIds = new Map<TSESTree.Node, number>();
        for (const route of firsts) {
          const handler = route.call === null && isLinted(route.node) ? (route.given ?? route.handlers[0]) : undefined;
          if (!handler) continue;
          if (!handlerIds.has(handler)) handlerIds.set(handler, handlerIds.size);
          const key = `${handlerIds.get(handler)} ${describeRoute(route)}`;
          alike.set(key, [...(alike.get(key) ?? []), route]);
        }
        const dropped = new Set(
          [...alike.values()].flatMap((group) => {
            const kept = group.find((route) => !isFunctionNode(route.node)) ?? group[0];
            return group.filter((route) => route !== kept);
          }),
        );
        const distinct = firsts.filter((route) => !dropped.has(route));
        // The declarations go right above the first unchecked route's statement, next to the edit.
        const before = unchecked[0] && topLevelStatement(unchecked[0].node);
        // A handler reported as a route of its own is not reported again for a branch of a function it calls.
        const reportedHere = new Set(
          unchecked.filter((route) => isLinted(route.node)).flatMap((route) => [route.node, route.given ?? route.node]),
        );
        for (const route of distinct) {
          if (!isLinted(route.node)) {
            // A handler of another module, passed in here: reported where it is passed, naming
            // the branch; the guard belongs in that module, which no fix here can reach.
            const anchor = [route.given, ...route.handlers].find((handler) => handler && isLinted(handler));
            if (!anchor || reportedHere.has(anchor)) continue;
            const handler = isFunctionNode(anchor) ? 'a called function' : `\`${textOf(anchor)}\``;
            context.report({
              node: anchor,
              messageId: 'missingCsrfCheck',
              data: { route: `${describeRoute(route, handler)} at ${placeOf(route.node, context)}` },
            });
            continue;
          }
          // A package's plugin that registers the route itself (fastify-mcp, elysia-mcp): a check
          // goes in front of it in a hook of the app, which would guard the app's other routes
          // too, and its token is the owner's to choose: no fix.
          if (route.mounts) {
            context.report({ node: route.node, messageId: 'missingCsrfCheck', data: { route: describeRoute(route) } });
            continue;
          }
          // mcp-handler's `withMcpAuth(handler, verifyToken)`: its own option makes the check refuse.
          const wrapper = tokenOptionalWrapper(route);
          if (wrapper) {
            context.report({
              node: route.node,
              messageId: 'missingCsrfCheck',
              data: { route: describeRoute(route) },
              fix: wrapper.fix && failClosed({ messageId: 'requireWrapperToken', fix: wrapper.fix }),
            });
            continue;
          }
          context.report({
            node: route.node,
            messageId: 'missingCsrfCheck',
            data: { route: describeRoute(route) },
            fix: failClosed({
              messageId: 'requireTokenHeader',
              data: { header: headerDisplay(fixHeader) },
              fix: (fixer) => guardRoute(fixer, route, csrf, before!),
            }),
            suggest: [{ messageId: 'useBearerToken', fix: (fixer) => guardRoute(fixer, route, bearer, before!) }],
          });
        }
      },
    };

    /**
     * mcp-framework's HTTP transports take every request unless an auth provider is set (on the
     * transport, its options or the server). On a loopback host, a non-empty `cors.allowedOrigins`
     * keeps cross-site pages out instead. No fix: the provider and its keys are the owner's choice.
     */
    /**
     * `@rekog/mcp-nest` 2.x's `new StreamableHttpTransport(options)`: it serves its endpoint on the
     * Nest app's HTTP server itself, where no guard or middleware of the project runs, unless
     * `mount: false` or a read of its `httpHandlers` hands the endpoint to a controller of the
     * project (whose own guards the NestJS reading judges). Which guard to add is the owner's
     * choice: no fix.
     */
    function reportSelfMountedTransports(): void {
      for (const { node, transport } of findMcpTransports(sourceCode)) {
        const { selfMounts } = transport;
        if (!selfMounts || !isLinted(node)) continue;
        const given = node.arguments[transport.optionsIndex];
        if (given) {
          const options = given.type === AST_NODE_TYPES.SpreadElement ? null : resolveObjectExpression(given);
          const mount = options ? findObjectProperty(options, selfMounts.option) : null;
          if (!mount || mount.kind === 'unknown') continue;
          if (mount.kind === 'found' && (mount.value === null || staticValue(mount.value)?.value !== true)) continue;
        }
        if (!handedToNoController(node)) continue;
        context.report({
          node: node.callee,
          messageId: 'missingCsrfCheck',
          data: { route: `\`${textOf(node.callee)}\`` },
        });
      }
    }

    /**
     * Whether no code can hand a transport's endpoint to a controller (`httpHandlers`, or
     * `McpHttpControllerFor(transport)`): the transport is made in place in a list
     * (`transports: [new StreamableHttpTransport()]`), or held by a `const` of no export that is
     * only put in such lists.
     */
    function handedToNoController(made: TSESTree.NewExpression): boolean {
      const holder = outermostWrapper(made).parent;
      if (holder?.type === AST_NODE_TYPES.ArrayExpression) return true;
      if (
        holder?.type !== AST_NODE_TYPES.VariableDeclarator ||
        holder.id.type !== AST_NODE_TYPES.Identifier ||
        holder.parent.kind !== 'const' ||
        holder.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration
      )
        return false;
      return (variableOf(holder.id)?.references ?? []).every(
        (reference) =>
          reference.init ||
          outermostWrapper(reference.identifier as TSESTree.Node).parent?.type === AST_NODE_TYPES.ArrayExpression,
      );
    }

    function reportConfiguredTransports(): void {
      for (const transport of configuredTransports(sourceCode)) {
        if (transport.authenticated || transport.optionsUnknown || !isLinted(transport.config)) continue;
        if (transport.validatesOrigin === true && bindsLoopback(transport)) continue;
        context.report({
          node: transport.type,
          messageId: 'missingCsrfCheck',
          data: { route: `${transport.server.module}'s \`${transport.typeName}\` endpoint` },
        });
      }
    }

    /**
     * A framework's config file that turns on its HTTP server (xmcp's `http`): every request is
     * let in unless the middleware module beside it checks a credential. xmcp runs a tool only for
     * a JSON POST, which needs a preflight: a CORS policy of fixed origins answers it no. No fix:
     * the credential and who holds it are the owner's choice.
     */
    function reportConfigFileServer(): void {
      const configured = configFileServer(sourceCode.ast);
      if (!configured || !isLinted(configured.property)) return;
      if (
        configured.settingChecksCredential ||
        configured.middleware.some((handler) => checksCredential(finder, handler))
      )
        return;
      if (!configured.admitsEveryOrigin) return;
      context.report({
        node: configured.property.key,
        messageId: 'missingCsrfCheck',
        data: { route: configured.server.display },
      });
    }

    /** Whether a configured transport binds loopback: its `host` is one, or the default is. */
    function bindsLoopback(transport: ConfiguredTransport): boolean {
      const { host } = transport;
      if (host.kind === 'missing') return transport.bindsLoopbackByDefault;
      if (host.kind !== 'found' || !host.value) return false;
      const values = possibleValues(host.value);
      return values.length > 0 && values.every((value) => value.known && namesLoopback(value.value));
    }

    /**
     * The handler of a route, when it is a token wrapper of an adapter (mcp-handler's
     * `withMcpAuth(handler, verifyToken, options?)`) that lets a request without a token through,
     * and the edit that sets its `required: true` (none where the options are not written inline).
     */
    function tokenOptionalWrapper(route: Route): { fix: ((fixer: RuleFixer) => RuleFix) | null } | null {
      for (const handler of [route.given, ...route.handlers]) {
        if (!handler) continue;
        const expression = skipTypeWrappers(handler);
        const call = skipTypeWrappers(resolveExpression(expression) ?? expression);
        if (call.type !== AST_NODE_TYPES.CallExpression || !isLinted(call)) continue;
        const wrapper = entitiesOf(call, 'auth').find((entity) => entity.kind === 'auth' && entity.auth === 'wrapper');
        if (wrapper?.kind !== 'auth') continue;
        const at = wrapper.optionsArgument ?? 2;
        const options = call.arguments[at];
        if (!options) {
          // `withMcpAuth(handler, verifyToken)`: the options follow; not after a spread, or in the verifier's place.
          const plain =
            call.arguments.length === at && call.arguments.every((a) => a.type !== AST_NODE_TYPES.SpreadElement);
          return { fix: plain ? (fixer) => appendArgument(fixer, sourceCode, call, '{ required: true }') : null };
        }
        if (options.type !== AST_NODE_TYPES.ObjectExpression) return { fix: null };
        const required = findObjectProperty(options, 'required');
        if (required.kind === 'found') {
          const { property } = required;
          // A `required` spread in from a shared constant is not edited for this one call.
          if (property.parent !== options) return { fix: null };
          // `required: true` already, with a verifier that makes up a session without a token: its code to change.
          if (required.value && staticValue(required.value)?.value === true) return { fix: null };
          return { fix: (fixer) => replacePropertyValue(fixer, sourceCode, property, 'true') };
        }
        if (required.kind === 'unknown') return { fix: null };
        return { fix: (fixer) => appendObjectProperty(fixer, sourceCode, options, 'required: true') };
      }
      return null;
    }

    /**
     * MCP frameworks that serve HTTP themselves: fastmcp's `start({ transportType: 'httpStream' })`
     * takes every request unless the server is made with `authenticate` (or `auth`), which mcp-proxy
     * runs before any MCP handling, on every method but the CORS preflight, and whose thrown
     * `Response` it sends as it is (mcp-proxy 6.7.19 `authenticateRequest`). The fix adds one.
     */
    function reportFrameworkServers(): void {
      for (const { start, source, options, authenticated, bindsLoopback, middleware } of frameworkStarts(sourceCode)) {
        if (authenticated || middleware.some((handler) => checksCredential(finder, handler))) continue;
        // On a loopback host, a list of the origins it answers keeps cross-site pages out instead.
        const { originList } = source.mcp;
        if (originList && bindsLoopback && options && listsSome(options, originList) !== false) continue;
        if (source.start?.signature !== 'fastmcp-start') {
          // mcp-use's `oauth` needs a provider and its keys: the owner's choice, so no fix.
          context.report({
            node: start.callee,
            messageId: 'missingCsrfCheck',
            data: { route: `${source.mcp.display} endpoint` },
          });
          continue;
        }
        const keys = source.authenticatedBy ?? [];
        const authenticate = (fixer: RuleFixer, wanted: Credential): RuleFix[] | null => {
          if (!options || !isLinted(options) || keys.some((key) => findObjectProperty(options, key).kind !== 'missing'))
            return null;
          const declared = moduleDeclarations(wanted, false, options);
          if (!declared) return null;
          const { credential, declarations } = declared;
          const refusal = credential.bearer
            ? "{ status: 401, statusText: 'Unauthorized', headers: { 'WWW-Authenticate': 'Bearer' } }"
            : "{ status: 403, statusText: 'Forbidden' }";
          const style = fileStyle(sourceCode);
          const indent = indentationAt(sourceCode, options.range[0]);
          const oneLine = options.loc.start.line === options.loc.end.line;
          const last = options.properties.at(-1);
          // The property's lines follow the line it starts on: one level in, or the object's last property's.
          const base = !oneLine && last ? indentationAt(sourceCode, last.range[0]) : `${indent}${style.indent}`;
          const property = styled(
            [
              'authenticate: async (request) => {',
              `  if (!${credential.check}(request.headers['${credential.header}'])) {`,
              `    throw new Response(null, ${refusal});`,
              '  }',
              '  return {};',
              '}',
            ].join('\n'),
            base,
          );
          // A one-line object grows a multi-line property: it is laid out one property per line.
          const spread = oneLine
            ? fixer.replaceText(
                options,
                multilineLiteral(
                  [...options.properties.map((existing) => sourceCode.getText(existing)), property],
                  style,
                  indent,
                ),
              )
            : appendObjectProperty(fixer, sourceCode, options, property);
          return [
            ...ensureModuleDeclarations(fixer, sourceCode, options, declarations, {
              before: topLevelStatement(options),
            }),
            spread,
          ];
        };
        context.report({
          node: start.callee,
          messageId: 'missingCsrfCheck',
          data: { route: "fastmcp's `httpStream` server" },
          fix: failClosed({
            messageId: 'requireTokenHeader',
            data: { header: headerDisplay(fixHeader) },
            fix: (fixer) => authenticate(fixer, csrf),
          }),
          suggest: [{ messageId: 'useBearerToken', fix: (fixer) => authenticate(fixer, bearer) }],
        });
      }
    }

    /**
     * NestJS controllers: a `@Post()` or `@All()` method of a `@Controller()` class (both from
     * `@nestjs/common`) that hands the request to an MCP transport takes every request unless a
     * guard runs first: `@UseGuards()` on the method or the class, a global guard, or middleware
     * mounted on the route counts as the check. The fix checks the token at the top of the
     * method, through its `@Req()` parameter, and throws Nest's own 403 (or 401) exception.
     */
    function reportNestControllers(): void {
      if (!MENTIONS_NEST_COMMON.test(sourceCode.text)) return;
      // A guard the app runs before every route (`app.useGlobalGuards()`, an `APP_GUARD` provider),
      // looked for once a controller method would be reported.
      let globallyGuarded: boolean | undefined;
      const nestChecks = (fn: HandlerFunction): boolean =>
        functionChecksCredential(finder, fn, 0) || answersSecretComparison(fn);
      const guardedGlobally = (): boolean => {
        globallyGuarded ??=
          globalGuards(moduleOf(sourceCode.ast).file)?.some((guard) => guardAuthenticates(guard, nestChecks)) ?? false;
        return globallyGuarded;
      };
      for (const { cls, controller, member, verb } of nestRouteMethods(sourceCode.ast, POST_VERBS)) {
        if (cls.decorators.some(checksGuard) || member.decorators.some(checksGuard)) continue;
        if (!servesMcp(member.value) || guardedGlobally()) continue;
        // A check at the top of the method itself (what the fix writes).
        if (functionChecksCredential(finder, member.value, 0)) continue;
        const path = joinNestPath(decoratorPaths(controller)?.[0] ?? '', decoratorPaths(verb)?.[0] ?? '');
        // Middleware mounted on the route (`consumer.apply(ApiKeyMiddleware).forRoutes('mcp')`).
        if (
          nestMiddlewareGuards(moduleOf(sourceCode.ast).file, cls, path, 'POST', nestChecks, (node) =>
            checksCredential(finder, node),
          )
        )
          continue;
        const method = nestDecorator(verb) === 'Post' ? 'POST' : 'Every method of';
        // A controller a factory makes for the path it is given (`@Controller(path)`) is named by its class.
        const controllerPath = decoratorPaths(controller);
        const named = controllerPath === null && cls.id ? `\`${cls.id.name}\`` : null;
        const route =
          method === 'POST'
            ? named
              ? `\`POST\` of ${named}`
              : `\`POST ${path}\``
            : `Every method of ${named ?? `\`${path}\``}`;
        context.report({
          node: verb.expression,
          messageId: 'missingCsrfCheck',
          data: { route },
          fix: failClosed({
            messageId: 'requireTokenHeader',
            data: { header: headerDisplay(fixHeader) },
            fix: (fixer) => nestGuard(fixer, cls, member.value, csrf),
          }),
          suggest: [{ messageId: 'useBearerToken', fix: (fixer) => nestGuard(fixer, cls, member.value, bearer) }],
        });
      }
    }

    /** A `@UseGuards()` whose guards the code does not show to let every request through. */
    function checksGuard(decorator: TSESTree.Decorator): boolean {
      return nestDecorator(decorator) === 'UseGuards' && !guardsNothing(decorator);
    }

    /** The token check as the method's first statement, and Nest's exception imported beside the decorators. */
    function nestGuard(
      fixer: RuleFixer,
      cls: TSESTree.ClassDeclaration,
      method: TSESTree.FunctionExpression | TSESTree.TSEmptyBodyFunctionExpression,
      wanted: Credential,
    ): RuleFix[] | null {
      if (method.type !== AST_NODE_TYPES.FunctionExpression || !isLinted(method)) return null;
      const request = method.params.find(
        (param) =>
          param.type === AST_NODE_TYPES.Identifier &&
          param.decorators.some((decorator) => {
            const name = nestDecorator(decorator);
            return name === 'Req' || name === 'Request';
          }),
      );
      if (request?.type !== AST_NODE_TYPES.Identifier) return null;
      const exception = wanted.bearer ? 'UnauthorizedException' : 'ForbiddenException';
      const importFix = addNamedImport(fixer, '@nestjs/common', exception);
      const declared = moduleDeclarations(wanted, false, cls);
      if (!importFix || !declared) return null;
      const { credential, declarations } = declared;
      const guard = insertFirst(fixer, method, [
        `if (!${credential.check}(${request.name}.headers['${credential.header}'])) {`,
        `  throw new ${exception}('Missing or invalid credentials for this MCP server');`,
        '}',
      ]);
      if (!guard) return null;
      return [
        ...(importFix === true ? [] : [importFix]),
        ...ensureModuleDeclarations(fixer, sourceCode, cls, declarations, { before: topLevelStatement(cls) }),
        guard,
      ];
    }

    /**
     * `name` added to the file's named import of `module` (`true` when it is there already);
     * `null` when the file imports the module otherwise.
     */
    function addNamedImport(fixer: RuleFixer, module: string, name: string): RuleFix | true | null {
      for (const statement of sourceCode.ast.body) {
        if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== module) continue;
        if (statement.importKind === 'type') continue;
        const named = statement.specifiers.filter(
          (specifier): specifier is TSESTree.ImportSpecifier => specifier.type === AST_NODE_TYPES.ImportSpecifier,
        );
        if (named.some((specifier) => specifier.local.name === name && specifier.importKind !== 'type')) return true;
        const last = named.at(-1);
        return last ? fixer.insertTextAfter(last, `, ${name}`) : null;
      }
      return null;
    }

    function isEndpoint(route: Route): boolean {
      const { path } = route;
      const serves = (): boolean => route.handlers.some((handler) => servesMcp(handler));
      // `app.use('/mcp', cors())` is middleware on the way to the endpoint, not the endpoint.
      if (route.call && calledMethodName(route.call) === 'use') return serves();
      // `app.all('/mcp', (_req, res) => res.status(405).json(…))`: it turns every request away.
      const answer = lastHandlerFunction(route);
      if (answer && answersOnlyWithError(answer) && !serves()) return false;
      // `app.post('/messages', (req, res) => res.json({ ok: true }))`: a stub that reads and runs nothing.
      if (route.handlers.length === 1 && answer && answersOnlyConstants(answer) && !serves()) return false;
      if (route.framework !== 'node' && answersNothing(route)) return false;
      if (path !== null && matchesEndpoint(path)) return true;
      // `router.post('/')` under `app.use('/mcp', router)`.
      if (
        path !== null &&
        route.app &&
        mountedPaths(route.app, path, findRoutes(sourceCode).apps).some(matchesEndpoint)
      )
        return true;
      // A plain handler's branch for another path (`POST /webhook`) is not the MCP endpoint, even
      // when the same handler serves MCP elsewhere; unless that branch serves MCP itself (`POST
      // /rpc` answering `tools/call`).
      // (A Next.js route file is its own route: a dynamic folder, `app/[transport]`, names no endpoint.)
      if (route.framework === 'node' && path !== null && !route.exportedFor) return routeBranchServesMcp(route);
      // Nor is a POST branch that only reads the body, beside the one that hands it to MCP.
      if (route.framework === 'node' && !route.exportedFor && besideTheMcpBranch(route)) return false;
      // A route that hands requests to an MCP transport is the endpoint, whatever its path.
      return serves();
    }

    /**
     * Whether a route only hands requests to SSE sessions that other routes of the file make, each
     * of which refuses a request without a credential (`GET /sse` behind a bearer check): the
     * message route looks its transport up by the session id the request names, and a cross-site
     * page cannot open a session to learn one. A route that posts to one transport for everyone
     * (no lookup) is reached without any id.
     */
    function sessionsMadeBehindCheck(route: Route): boolean {
      // fastify-mcp's `fastifyMCPSSE` registers the stream's route and the message route at once,
      // behind the same hooks (judged before this): what is left is whether a page reads the stream.
      if (route.mounts) return route.mounts.plugin.sessionsOnly === true && unreadableCrossOrigin(route);
      const handler = lastHandlerFunction(route);
      if (!handler) return false;
      // A handler that only hands the request to a function of the file
      // (`(req, res) => postMessage('/messages', req, res)`) serves what that function does.
      const delegate = delegateOf(handler);
      const fn = delegate?.fn ?? handler;
      const sse = findMcpTransports(sourceCode).filter(({ transport }) => transport.name === 'sse');
      if (sse.length === 0 || sse.some(({ node }) => containsNode(fn, node))) return false;
      if (!onlyLooksUpSessions(fn, 'handlePostMessage', delegate?.request)) return false;
      const { routes, apps } = findRoutes(sourceCode);
      return sse.every(({ node }) => {
        const making = [
          ...routesHolding(routes, node),
          ...routes.filter((other) => {
            const inner = delegatedFunction(other);
            return inner !== null && containsNode(inner, node);
          }),
        ];
        return (
          making.length > 0 &&
          making.every((other) => routeIsGuarded(finder, other, apps) || unreadableCrossOrigin(other))
        );
      });
    }

    /** The function of the file a route's handler only hands its request to, if it does. */
    function delegatedFunction(route: Route): HandlerFunction | null {
      const handler = lastHandlerFunction(route);
      return (handler && delegateOf(handler)?.fn) ?? null;
    }

    /**
     * Whether no page of another site can read what a route answers (the SSE stream that names the
     * session id): the file sets no CORS policy at all, neither middleware nor an
     * `Access-Control-Allow-Origin` header; the route's app is made here, used by no other module
     * and handed to no function (which could add one) but one of the project that adds none
     * (`addsNoCors`) or Node's `http.createServer(app)`; and every middleware it mounts is a
     * package's (`express.json()`), a function of this file, or one of another module that leaves
     * CORS alone (`leavesCorsAlone`: a request-id setter, not one that may set the header); and the
     * app is served on loopback only, where no other machine opens the stream. A rebinding page is
     * same-origin, which `require-dns-rebinding-protection` judges.
     */
    function unreadableCrossOrigin(route: Route): boolean {
      if (!setsNoCors(sourceCode)) return false;
      const { app } = route;
      if (!app || app.typed || app.parent || !isLinted(app.node)) return false;
      // Another machine of the network reads the stream as any client does.
      if (!servedLocally(route, findRoutes(sourceCode).apps, localApps(sourceCode))) return false;
      const declarator = outermostWrapper(app.node).parent;
      if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier)
        return false;
      // A constant of the module, or of the function that sets up the server (`async function
      // main() { const app = express(); … }`), whose every read is in that function.
      const local =
        declarator.parent.kind === 'const' && enclosingFunction(declarator) !== null
          ? (variableOf(declarator.id)?.references ?? []).flatMap((reference) =>
              reference.init ? [] : [reference.identifier as TSESTree.Node],
            )
          : null;
      const used = local ? { complete: true, uses: local } : usesOfConstant(declarator);
      if (!used?.complete) return false;
      // Every use is a method call on the app (`app.get(…)`), in this file; or hands it to a
      // function of the project that leaves CORS alone (`setupOAuthRoutes(app, config)` adding
      // routes), whose own calls on it are among the app's, read below.
      const ownCalls = used.uses.every((use) => {
        if (!isLinted(use)) return false;
        const held = outermostWrapper(use);
        const parent = held.parent;
        if (parent?.type === AST_NODE_TYPES.MemberExpression) return parent.object === held;
        if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee === held) return false;
        // `http.createServer(app)`: Node's server only hands the app its requests.
        if (parent.arguments.at(-1) === held && entitiesOf(parent, 'handler-server').length > 0) return true;
        const fn = resolveFunction(parent.callee);
        return fn !== null && addsNoCors(fn, app);
      });
      if (!ownCalls) return false;
      return app.calls
        .filter((call) => calledMethodName(call) === 'use')
        .every((call) =>
          call.arguments.every((argument) => {
            if (argument.type === AST_NODE_TYPES.SpreadElement) return false;
            const value = skipTypeWrappers(argument);
            if (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.TemplateLiteral) return true;
            const fn = resolveFunction(value);
            // One of another module of the project counts by what it does: it may set other
            // headers and call `next()`, but no CORS header, and hands nothing on that could.
            if (fn) return isLinted(fn) || leavesCorsAlone(fn);
            // `express.json()`: a package's middleware, which sets no CORS header (its CORS ones are found above).
            return value.type === AST_NODE_TYPES.CallExpression && externalRefOf(value.callee) !== null;
          }),
        );
    }

    /** Whether a module sets no CORS policy: no CORS middleware, no `Access-Control-Allow-Origin` written. */
    function setsNoCors(code: Readonly<SourceCode>): boolean {
      return (
        findCorsMiddlewareUses(code).length === 0 && !headerWrites(code).some((write) => write.name === ALLOW_ORIGIN)
      );
    }

    /**
     * Whether a function of the project the app is handed to (`addAuthRoutes(app)`) adds no CORS
     * policy to it: it leaves CORS alone as written, its module sets none, and so do the modules of
     * the handlers it registers on the app (`app.all('*', allowAnyOrigin)` of another module).
     */
    function addsNoCors(fn: HandlerFunction, app: AppInstance): boolean {
      if (!leavesCorsAlone(fn) || !setsNoCors(codeOf(fn))) return false;
      // Its calls on the app, and the calls chained on them (`app.route('*').all(handler)`).
      const registrations = app.calls.filter((call) => containsNode(fn, call));
      for (const call of [...registrations]) {
        for (let chained = outermostWrapper(call).parent; chained?.type === AST_NODE_TYPES.MemberExpression;) {
          const next = chained.parent;
          if (next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== chained) break;
          registrations.push(next);
          chained = outermostWrapper(next).parent;
        }
      }
      // Each argument a path, or a function of a module that sets no CORS: a value of another kind
      // (`openAccess`, a `cors()` another module makes) may be the policy itself.
      return registrations.every((call) =>
        call.arguments.every((argument) => {
          if (argument.type === AST_NODE_TYPES.SpreadElement) return false;
          const value = skipTypeWrappers(argument);
          if (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.TemplateLiteral) return true;
          const handler = resolveFunction(argument);
          return handler !== null && setsNoCors(codeOf(handler));
        }),
      );
    }

    /**
     * Whether a plain handler's branch leads to no MCP transport while another POST branch of the
     * same handler does: `if (req.method === 'POST') body = await readBody(req)` before the branch
     * that calls `transport.handleRequest(req, res, body)`. One report, on the branch that serves.
     */
    function besideTheMcpBranch(route: Route): boolean {
      // The function whose branches these are: the handler, or a method it hands the request to.
      const fn = enclosingFunction(route.node) ?? (route.handlers[0] && resolveFunction(route.handlers[0]));
      if (!fn) return false;
      const calls = transportCalls(fn);
      const leads = (branch: Route): boolean => {
        const statement = branchStatement(branch);
        if (statement === null) return false;
        if (calls.some((call) => containsNode(statement, call))) return true;
        // `if (url.pathname !== '/mcp') return …;` then the transport: the rest of the block is
        // the branch for the requests the test lets on.
        const test = statement.parent;
        const block = test?.parent;
        return (
          test?.type === AST_NODE_TYPES.IfStatement &&
          test.consequent === statement &&
          alwaysExits(statement as TSESTree.Statement) &&
          (block?.type === AST_NODE_TYPES.BlockStatement || block?.type === AST_NODE_TYPES.Program) &&
          calls.some((call) => containsNode(block, call) && call.range[0] > test.range[1])
        );
      };
      if (branchStatement(route) === null || leads(route)) return false;
      return findRoutes(sourceCode).routes.some(
        (other) => other !== route && other.acceptsPost && other.given === route.given && leads(other),
      );
    }

    /** The statement a plain handler's branch runs: the consequent of the `if` whose test is the route's. */
    function branchStatement(route: Route): TSESTree.Node | null {
      return branchIf(route)?.consequent ?? null;
    }

    /**
     * Whether a path is one of `endpoints`, or ends in one. A path that names MCP (`/mcp`) always
     * counts; the generic names (`/messages`, `/sse`) only in a file that uses the MCP SDK, so that
     * a chat app's `/api/messages` is left alone.
     */
    function matchesEndpoint(path: string): boolean {
      const bare = path.replace(/\/\*?$/u, '');
      const matched = endpoints.find((endpoint) => bare === endpoint || bare.endsWith(endpoint));
      if (!matched) return false;
      return /mcp/iu.test(matched) || usesMcpSdk;
    }

    /**
     * The text of a path the file does not spell out: the expression that holds it, or for
     * Fastify's `app.route({ url, … })` the `url` (never the whole options object).
     */
    function pathText(argument: TSESTree.CallExpressionArgument): string | null {
      if (argument.type === AST_NODE_TYPES.SpreadElement) return null;
      const options = skipTypeWrappers(argument);
      // `/${MCP_ROUTES.stream}` without its backticks, which would end the message's code span.
      if (options.type === AST_NODE_TYPES.TemplateLiteral) return textOf(options).slice(1, -1);
      if (options.type !== AST_NODE_TYPES.ObjectExpression) return textOf(argument);
      const url = findObjectProperty(options, 'url');
      return url.kind === 'found' && url.value ? textOf(url.value) : null;
    }

    /**
     * Whether the first argument of a `use()` with more than one is a path the code computes
     * (`at('/mcp')`, a `prefix` parameter): not a function, nor a call that makes middleware.
     */
    function namesPath(argument: TSESTree.Node): boolean {
      const value = skipTypeWrappers(argument);
      if (resolveFunction(value) !== null) return false;
      if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) return true;
      if (value.type !== AST_NODE_TYPES.CallExpression || externalRefOf(value.callee) !== null) return false;
      const maker = resolveFunction(value.callee);
      return (
        maker !== null && returnedExpressions(maker).every((returned) => !isFunctionNode(skipTypeWrappers(returned)))
      );
    }

    function describeRoute(route: Route, handler = 'this handler'): string {
      if (route.exportedFor) return `\`${route.exportedFor} ${route.path ?? ''}\``;
      // A handler of Bun's `routes` table answers every method at its path: it is the route.
      if (route.web && route.path !== null && route.node === route.given) return `Every method of \`${route.path}\``;
      if (route.mounts) {
        const { plugin } = route.mounts;
        if (route.path === null) return `The endpoint of ${plugin.display}`;
        return plugin.everyMethod
          ? `Every method of \`${route.path}\` (${plugin.display})`
          : `\`POST ${route.path}\` (${plugin.display})`;
      }
      if (route.framework === 'node') {
        // A handler that routes by path alone takes every method there.
        // (A route that is the whole handler takes every method its early exits let through.)
        const whole = route.handlers.some((given) => resolveFunction(given) === route.node);
        const method = !whole && /\bmethod\b/u.test(textOf(route.node)) ? 'POST' : 'Every method';
        if (method === 'POST') {
          const path = route.path ?? route.enclosingPath;
          return path ? `\`POST ${path}\` in ${handler}` : `The POST branch of ${handler}`;
        }
        return route.path ? `Every method of \`${route.path}\` in ${handler}` : `Every method of ${handler}`;
      }
      const method = route.call ? calledMethodName(route.call) : null;
      // A path the file does not spell out is named by the expression that holds it.
      const pathArgument = route.call?.arguments[0];
      // `app.use(handler)`: no path to name, and the handler's source is no name;
      // `app.use(at('/mcp'), handler)` is named by its first argument.
      if (
        method === 'use' &&
        route.path === null &&
        pathArgument &&
        route.handlers.includes(pathArgument) &&
        (route.call!.arguments.length === 1 || !namesPath(pathArgument))
      ) {
        return 'This middleware';
      }
      // A router's route by the one path it answers at: `POST /mcp` for `router.post('/')` under `/mcp`.
      const reached =
        route.path !== null && route.app ? mountedPaths(route.app, route.path, findRoutes(sourceCode).apps) : [];
      const own = route.path !== null && matchesEndpoint(route.path);
      const shown =
        reached.length === 1 ? reached[0] : own ? route.path : (reached.find(matchesEndpoint) ?? route.path);
      const path = shown ?? (pathArgument ? pathText(pathArgument) : null);
      if (path === null) return 'This route';
      // `use(path, handler)` whose handler turns every method but POST away first.
      const lastFunction = lastHandlerFunction(route);
      // h3 2's `on('', path, handler)` is its `all` (2.0.1-rc.29 src/h3.ts).
      const everyMethod =
        method === 'use' ||
        method === 'all' ||
        (route.framework === 'h3' &&
          method === 'on' &&
          route.call?.arguments[0] !== undefined &&
          staticValue(route.call.arguments[0])?.value === '');
      if (everyMethod && !(lastFunction && acceptsOnlyPost(lastFunction))) return `Every method of \`${path}\``;
      return `\`POST ${path}\``;
    }

    /**
     * Whether a route goes without a check only where the owner switches the check off: the other
     * branch of the `if` or `?:` it is registered in, the one the server takes out of the box (with
     * no environment variable set), registers the same method and path on the same app with a
     * check (`if (process.env.MCP_AUTH !== 'off') app.post('/mcp', auth, handler); else
     * app.post('/mcp', handler);`). Where the unchecked branch is the default, it is reported.
     */
    function checkedInOtherBranch(route: Route, routes: readonly Route[], apps: readonly AppInstance[]): boolean {
      const { call } = route;
      if (!call || route.path === null) return false;
      for (
        let child: TSESTree.Node = call, parent: TSESTree.Node | undefined = call.parent;
        parent && !isFunctionNode(parent);
        child = parent, parent = parent.parent
      ) {
        const branches =
          parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression
            ? [parent.consequent, parent.alternate]
            : null;
        if (!branches || child === (parent as TSESTree.IfStatement).test) continue;
        const other = branches.find((branch) => branch && branch !== child);
        const byDefault = valueWithUnsetEnvironment((parent as TSESTree.IfStatement).test);
        return (
          other !== undefined &&
          other !== null &&
          byDefault !== null &&
          Boolean(byDefault.value) === (other === branches[0]) &&
          routes.some(
            (twin) =>
              twin !== route &&
              twin.call !== null &&
              containsNode(other, twin.call) &&
              twin.app === route.app &&
              twin.path === route.path &&
              calledMethodName(twin.call) === calledMethodName(call) &&
              routeIsGuarded(finder, twin, apps),
          )
        );
      }
      return false;
    }

    /**
     * A web route whose handler takes no parameter (`'/sse': () => transport.createResponse()` in
     * Bun's `routes`): it never reads the request, so nothing a page sends reaches a tool.
     */
    function takesNoRequest(route: Route): boolean {
      if (route.web !== true || route.handlers.length !== 1) return false;
      const fn = resolveFunction(route.handlers[0]!);
      if (!fn || fn.params.length > 0) return false;
      let readsArguments = false;
      walk(fn.body, (node) => {
        readsArguments ||= node.type === AST_NODE_TYPES.Identifier && node.name === 'arguments';
      });
      return !readsArguments;
    }

    function guardRoute(
      fixer: RuleFixer,
      route: Route,
      wanted: Credential,
      before: TSESTree.ProgramStatement,
    ): RuleFix[] | null {
      const declared = moduleDeclarations(wanted, route.web === true, route.node);
      if (!declared) return null;
      const { credential, declarations } = declared;
      const edit = routeEdit(fixer, route, credential);
      if (!edit) return null;
      // A web handler's guard sits inside the exported handler, so its helpers follow the export
      // (they are read only when a request comes in): the fix then stays clear of the handler's
      // first statement and of the export's other properties, which other rules' fixes edit.
      const place = route.web ? { after: topLevelStatement(route.node) } : { before };
      return [...ensureModuleDeclarations(fixer, sourceCode, route.node, declarations, place), edit];
    }

    /**
     * The token constant and the constant-time check, and the credential that names them: under
     * names of their own where the file has other bindings by those names (`hasValidCsrfToken2`).
     */
    function moduleDeclarations(
      wanted: Credential,
      web: boolean,
      usedAt: TSESTree.Node,
    ): { credential: Credential; declarations: ModuleDeclaration[] } | null {
      const parameter = typescript ? 'value: unknown' : 'value';
      const returns = typescript ? ': boolean' : '';
      // node:crypto's timingSafeEqual when the file has it at hand; else a loop that compares every
      // character, which needs no import (an import spans the fix from the top of the file over
      // other rules' fixes) and no `Buffer` (web runtimes may have neither).
      const compare = web ? null : timingSafeEqualName();
      const claimed = claimNames(
        sourceCode,
        usedAt,
        { token: wanted.tokenName, check: wanted.check },
        ({ token, check }) => ({
          token: {
            name: token,
            text: styled(`/** ${wanted.describe} */\nconst ${token} = process.env.${wanted.envName};`),
          },
          check: {
            name: check,
            text: styled(
              [
                `/** Whether a request header carries ${token}, compared in constant time. */`,
                `function ${check}(${parameter})${returns} {`,
                `  if (!${token} || typeof value !== 'string') return false;`,
                ...(compare
                  ? [
                      `  const expected = Buffer.from(${wanted.expected(token)});`,
                      '  const received = Buffer.from(value);',
                      `  return received.length === expected.length && ${compare}(received, expected);`,
                    ]
                  : [
                      `  const expected = ${wanted.expected(token)};`,
                      '  if (value.length !== expected.length) return false;',
                      '  let difference = 0;',
                      '  for (let index = 0; index < expected.length; index++) {',
                      '    difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);',
                      '  }',
                      '  return difference === 0;',
                    ]),
                '}',
              ].join('\n'),
            ),
          },
        }),
      );
      if (!claimed) return null;
      const { token, check } = claimed.names;
      return { credential: { ...wanted, tokenName: token, check }, declarations: claimed.declarations };
    }

    /**
     * How the file calls node:crypto's `timingSafeEqual` already: by a name it imports or
     * `require`s, or through the module it binds (`crypto.timingSafeEqual`); `null` when it does not.
     */
    function timingSafeEqualName(): string | null {
      const isCrypto = (module: string | null): boolean => module === 'crypto' || module === 'node:crypto';
      for (const statement of sourceCode.ast.body) {
        if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
          if (statement.importKind === 'type' || !isCrypto(statement.source.value)) continue;
          for (const specifier of statement.specifiers) {
            if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) return `${specifier.local.name}.timingSafeEqual`;
            const imported =
              specifier.imported.type === AST_NODE_TYPES.Identifier
                ? specifier.imported.name
                : specifier.imported.value;
            if (specifier.importKind !== 'type' && imported === 'timingSafeEqual') return specifier.local.name;
          }
          continue;
        }
        // CommonJS: `const crypto = require('node:crypto')`, `const { timingSafeEqual } = require('crypto')`.
        if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
        for (const { id, init } of statement.declarations) {
          if (!init || !isCrypto(requireSpecifier(init))) continue;
          if (id.type === AST_NODE_TYPES.Identifier) return `${id.name}.timingSafeEqual`;
          if (id.type !== AST_NODE_TYPES.ObjectPattern) continue;
          for (const property of id.properties) {
            if (
              property.type === AST_NODE_TYPES.Property &&
              !property.computed &&
              property.key.type === AST_NODE_TYPES.Identifier &&
              property.key.name === 'timingSafeEqual' &&
              property.value.type === AST_NODE_TYPES.Identifier
            ) {
              return property.value.name;
            }
          }
        }
      }
      return null;
    }

    /** The edit that makes the route check the credential before its handler runs. */
    function routeEdit(fixer: RuleFixer, route: Route, credential: Credential): RuleFix | null {
      const read = (request: string): string => `${credential.check}(${request})`;
      // Before the first handler that serves MCP (a fallback after it is no place for the check).
      const handler = route.handlers.find((candidate) => servesMcp(candidate)) ?? route.handlers.at(-1);
      switch (route.framework) {
        case 'express': {
          if (!handler) return null;
          const guard = block(handler, [
            `(req, res, next) => {`,
            `  if (!${read(`req.headers['${credential.header}']`)}) {`,
            `    res.status(${status(credential)})${credential.bearer ? `.set(${CHALLENGE_PAIR})` : ''}.json(${REFUSAL});`,
            '    return;',
            '  }',
            '  next();',
            '}',
          ]);
          return insertArgumentBefore(fixer, handler, guard);
        }
        case 'hono': {
          // `openapi(route, handler, hook)` of OpenAPIHono: middleware goes in the route config's
          // `middleware`, which is made with `createRoute()` elsewhere; no edit here.
          if (!handler || (route.call && calledMethodName(route.call) === 'openapi')) return null;
          const guard = block(handler, [
            'async (c, next) => {',
            `  if (!${read(`c.req.header('${credential.header}')`)}) return c.json(${REFUSAL}, ${status(credential)}${credential.bearer ? `, { ${CHALLENGE} }` : ''});`,
            '  await next();',
            '}',
          ]);
          return insertArgumentBefore(fixer, handler, guard);
        }
        case 'koa-router': {
          if (!handler) return null;
          const guard = block(handler, [
            'async (ctx, next) => {',
            `  if (!${read(`ctx.get('${credential.header}')`)}) {`,
            `    ctx.status = ${status(credential)};`,
            ...(credential.bearer ? [`    ctx.set(${CHALLENGE_PAIR});`] : []),
            `    ctx.body = ${REFUSAL};`,
            '    return;',
            '  }',
            '  await next();',
            '}',
          ]);
          return insertArgumentBefore(fixer, handler, guard);
        }
        case 'fastify': {
          const hook = (anchor: TSESTree.Node): string =>
            block(anchor, [
              'async (request, reply) => {',
              `  if (!${read(`request.headers['${credential.header}']`)}) return reply.code(${status(credential)})${credential.bearer ? `.header(${CHALLENGE_PAIR})` : ''}.send(${REFUSAL});`,
              '}',
            ]);
          if (route.options) {
            if (findObjectProperty(route.options, 'preHandler').kind !== 'missing') return null;
            // In a multi-line object the hook goes on a line of its own, indented as the last property is.
            const anchor = route.options.properties.at(-1) ?? route.options;
            return appendObjectProperty(fixer, sourceCode, route.options, `preHandler: ${hook(anchor)}`);
          }
          if (!handler) return null;
          return insertArgumentBefore(fixer, handler, `{ preHandler: ${hook(handler)} }`);
        }
        case 'elysia': {
          // A `beforeHandle` hook in the route's hook object: what it returns is the answer, and
          // `set` gives it a status in every Elysia version (`status()` came in 1.2).
          const hook = [
            'beforeHandle: ({ headers, set }) => {',
            `  if (!${read(`headers['${credential.header}']`)}) {`,
            `    set.status = ${status(credential)};`,
            ...(credential.bearer ? [`    set.headers['www-authenticate'] = 'Bearer';`] : []),
            `    return ${REFUSAL};`,
            '  }',
            '}',
          ];
          if (route.options) {
            if (findObjectProperty(route.options, 'beforeHandle').kind !== 'missing') return null;
            // In a multi-line object the hook goes on a line of its own, indented as the last property is.
            const anchor = route.options.properties.at(-1) ?? route.options;
            return appendObjectProperty(fixer, sourceCode, route.options, block(anchor, hook));
          }
          if (!handler || route.handlers.length !== 1) return null;
          // `post(path, handler)`: the hook object after the handler, one property on its own lines.
          const object = coveredByDirective(handler) ? `{ ${block(handler, hook)} }` : objectBlock(handler, [hook]);
          return fixer.insertTextAfter(handler, `, ${object}`);
        }
        case 'h3': {
          // h3 2 takes one handler a route: the check is a middleware of the route's options, which
          // runs first and answers with what it returns (h3 2.0.1-rc.29 src/middleware.ts).
          const call = route.call;
          const method = call && calledMethodName(call);
          if (!call || !method || method === 'use') return null;
          const [given, options] = call.arguments.slice(method === 'on' ? 2 : 1);
          if (!given || given.type === AST_NODE_TYPES.SpreadElement) return null;
          const lines = [
            '(event) => {',
            `  if (!${read(`event.req.headers.get('${credential.header}')`)}) {`,
            `    return Response.json(${REFUSAL}, { status: ${status(credential)}${credential.bearer ? `, headers: { ${CHALLENGE} }` : ''} });`,
            '  }',
            '}',
          ];
          const middleware = (anchor: TSESTree.Node): string => block(anchor, lines);
          if (!options) {
            const object = coveredByDirective(given)
              ? `{ middleware: [${middleware(given)}] }`
              : objectBlock(given, [['middleware: [', ...inList(lines), ']']]);
            return fixer.insertTextAfter(given, `, ${object}`);
          }
          if (options.type !== AST_NODE_TYPES.ObjectExpression) return null;
          const listed = findObjectProperty(options, 'middleware');
          if (listed.kind === 'missing') {
            const anchor = options.properties.at(-1) ?? options;
            return appendObjectProperty(fixer, sourceCode, options, `middleware: [${middleware(anchor)}]`);
          }
          // `{ middleware: [cors] }`: the check goes first in the list.
          const list = listed.kind === 'found' && listed.value ? skipTypeWrappers(listed.value) : null;
          if (list?.type !== AST_NODE_TYPES.ArrayExpression) return null;
          const first = list.elements[0];
          return first
            ? fixer.insertTextBefore(first, `${middleware(first)}, `)
            : fixer.replaceText(list, `[${middleware(list)}]`);
        }
        case 'node':
        // connect's `use(path, fn)` takes one handler, with Node's request and response: the check
        // goes first in it, as in a `node:http` handler.
        case 'connect':
          return nodeBranchEdit(fixer, route, credential);
        default:
          return null;
      }
    }

    /**
     * `if (req.method === 'POST' && !check(req.headers[...])) { 403 }` as the handler's first
     * statement: before anything else it does (CORS headers, say), so that the fix stays clear of
     * other rules' fixes inside the handler. Other methods, and so CORS preflights, pass.
     */
    function nodeBranchEdit(fixer: RuleFixer, route: Route, credential: Credential): RuleFix | null {
      const fn = route.handlers[0] && resolveFunction(route.handlers[0]);
      // A web handler written as one expression (`fetch: (request) => mcp.fetch(request)`) takes a
      // block body with the check first.
      if (!fn || !isLinted(fn) || (fn.body.type !== AST_NODE_TYPES.BlockStatement && !route.web)) return null;
      const [first, second] = fn.params;
      if (first?.type !== AST_NODE_TYPES.Identifier) return null;
      const request = first.name;
      if (route.web) {
        // A Worker reads its settings from the `env` it is handed, not from `process.env`.
        if (fn.params.length > 1) return null;
        // A web handler answers with a `Response`; a Next.js handler exported for POST takes only POST.
        // (Unless the same function is exported for other methods too: `export { handler as GET, handler as POST }`.)
        const onlyPost =
          route.exportedFor === 'POST' &&
          !findRoutes(sourceCode).routes.some(
            (other) =>
              other.exportedFor !== undefined &&
              other.exportedFor !== 'POST' &&
              other.handlers[0] !== undefined &&
              resolveFunction(other.handlers[0]) === fn,
          );
        const read = `${request}.headers.get('${credential.header}')`;
        const test = onlyPost
          ? `!${credential.check}(${read})`
          : `${request}.method === 'POST' && !${credential.check}(${read})`;
        // Before the statement that leads to the MCP route, after what the handler answers first.
        const leading =
          fn.body.type === AST_NODE_TYPES.BlockStatement
            ? fn.body.body.find((statement) => containsNode(statement, route.node))
            : undefined;
        return insertFirst(
          fixer,
          fn,
          [
            `if (${test}) {`,
            `  return Response.json(${REFUSAL}, { status: ${status(credential)}${credential.bearer ? `, headers: { ${CHALLENGE} }` : ''} });`,
            '}',
          ],
          leading,
        );
      }
      const koa = route.app?.framework === 'koa';
      const test = `${request}.method === 'POST' && !${credential.check}(${koa ? `${request}.get('${credential.header}')` : `${request}.headers['${credential.header}']`})`;
      const lines = koa
        ? [
            `if (${test}) {`,
            `  ${request}.status = ${status(credential)};`,
            ...(credential.bearer ? [`  ${request}.set(${CHALLENGE_PAIR});`] : []),
            `  ${request}.body = ${REFUSAL};`,
            '  return;',
            '}',
          ]
        : second?.type === AST_NODE_TYPES.Identifier
          ? [
              `if (${test}) {`,
              `  ${second.name}.writeHead(${status(credential)}, { 'Content-Type': 'application/json'${credential.bearer ? `, ${CHALLENGE}` : ''} }).end(JSON.stringify(${REFUSAL}));`,
              '  return;',
              '}',
            ]
          : null;
      if (!lines) return null;
      // connect's `use(handler)` may route by hand (`if (req.url !== '/mcp') return next()`): the
      // check goes before the statement that leads to the transport, not before that dispatch.
      const leading =
        route.framework === 'connect' && route.path === null && fn.body.type === AST_NODE_TYPES.BlockStatement
          ? fn.body.body.find((statement) => transportCalls(fn).some((call) => containsNode(statement, call)))
          : undefined;
      return insertFirst(fixer, fn, lines, leading);
    }

    /** Lines as the first statements of a function's body (or before `before`), indented as its body is. */
    function insertFirst(
      fixer: RuleFixer,
      fn: HandlerFunction,
      lines: readonly string[],
      before?: TSESTree.Statement,
    ): RuleFix | null {
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
        return fn.type === AST_NODE_TYPES.ArrowFunctionExpression ? withBlockBody(fixer, sourceCode, fn, lines) : null;
      }
      const firstStatement = before ?? fn.body.body[0];
      const indent = firstStatement
        ? indentationAt(sourceCode, firstStatement.range[0])
        : `${indentationAt(sourceCode, fn.body.range[0])}${fileStyle(sourceCode).indent}`;
      const text = styled(lines.join('\n'), indent);
      // Comments on the lines right above a statement stay with it.
      return firstStatement
        ? fixer.insertTextBeforeRange(aboveLeadingComments(sourceCode, firstStatement).range, `${text}\n${indent}`)
        : fixer.insertTextAfterRange([fn.body.range[0], fn.body.range[0] + 1], `\n${indent}${text}`);
    }

    /** A multi-line snippet indented to sit where `anchor` is. */
    function block(anchor: TSESTree.Node, lines: readonly string[]): string {
      // `// @ts-ignore` or `// eslint-disable-next-line` above the anchor's line covers that line
      // alone: the inserted code stays on it, so that what it covered (a handler's type error) stays covered.
      if (coveredByDirective(anchor)) return styled(lines.map((line) => line.trim()).join(' '));
      return styled(lines.join('\n'), indentationAt(sourceCode, anchor.range[0]));
    }

    /** An object of multi-line properties (each given as its lines), one a line, to sit where `anchor` is. */
    function objectBlock(anchor: TSESTree.Node, properties: readonly (readonly string[])[]): string {
      const style = fileStyle(sourceCode);
      const base = indentationAt(sourceCode, anchor.range[0]);
      const written = properties.map((lines) => styled(lines.join('\n'), `${base}${style.indent}`));
      return multilineLiteral(written, style, base);
    }

    /** Lines of code written as the only item of a multi-line list: one level in, with the file's trailing comma. */
    function inList(lines: readonly string[]): string[] {
      const comma = fileStyle(sourceCode).trailingCommas ? ',' : '';
      return lines.map((line, index) => `  ${line}${index === lines.length - 1 ? comma : ''}`);
    }

    /** Whether a comment on the line above the node's first line tells TypeScript or ESLint to skip that line. */
    function coveredByDirective(node: TSESTree.Node): boolean {
      const line = node.loc.start.line;
      return sourceCode
        .getAllComments()
        .some(
          (comment) =>
            comment.loc.end.line === line - 1 &&
            /^\s*(?:@ts-ignore|@ts-expect-error|eslint-disable-next-line)\b/u.test(
              comment.value.replace(/^\s*\*/u, ''),
            ),
        );
    }
  },
});

function headerDisplay(header: string): string {
  return `\`${header}\``;
}
