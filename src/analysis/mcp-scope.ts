import { builtinModules } from 'node:module';
import path from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import {
  calledMethodName,
  calledMethodObject,
  containsNode,
  isLoggingCallee,
  outermostWrapper,
  skipTypeWrappers,
  textWithout,
  walk,
} from './ast';
import { entitiesOf, mayHoldEntities, moduleIndex, takesOnlyClientModules } from './facts';
import { codeOf, declaredVariables, isLinted, moduleOf, programOf, propertyName, variableOf } from './program';
import {
  bareSpecifier,
  importersOf,
  inWorkspace,
  packageNameOf,
  packageNeverSays,
  packagesReached,
  workspaceDependents,
  isPackageEntry,
  reachesPackage,
  reachesPackageOnlyThrough,
  reachesText,
  resolveSpecifier,
  runByBun,
  servedByDeno,
} from './module-graph';
import { importedFile, loadModule } from './exports';
import { samePlace } from './exported-values';
import { KNOWN_MODULES, MCP_PACKAGES, ROUTE_VERBS } from '../frameworks/registry';
import { APP_RUNNERS, isEndpoint } from './reach';
import { MENTIONS_MCP_METHOD, servesMcp } from './mcp-transports';
import { findRoutes, isPathRead, madeApp, type AppInstance, type Route } from './routes';
import { exportedValue, serverStarts, startedApp } from './servers';
import { webSocketServers } from './websocket-servers';
import {
  callsOf,
  declaratorHolding,
  enclosingClass,
  enclosingFunction,
  externalRefOf,
  resolveExpression,
  resolveFunction,
  resolveObjectExpression,
  resultPlaces,
  type HandlerFunction,
} from './values';

/**
 * Whether the analysis can show that the servers a file starts serve no MCP at all (a monitoring
 * app with `/health` and `/metrics`, a plain web app beside the MCP server): the file never says
 * MCP (`mcp`, `modelcontextprotocol`, in any case, in its code: strings and names, not comments);
 * nothing it imports can lead to an MCP SDK transport, app or handler, or an MCP framework; it
 * makes every app it registers routes on (and at least one endpoint), which no other code can reach
 * (a local variable that is only called on or run by a server, or a private class field only called
 * on or read for `locals`); and every route is handled by a function of the file or by a package's
 * middleware. Anything else may serve MCP.
 */
export function servesNoMcp(sourceCode: Readonly<SourceCode>): boolean {
  let answer = answers.get(sourceCode.ast);
  if (answer === undefined) {
    answer = findServesNoMcp(sourceCode) || inPackageOfNoMcp(sourceCode);
    answers.set(sourceCode.ast, answer);
  }
  return answer;
}

const answers = new WeakMap<TSESTree.Program, boolean>();

/** Path segments of MCP endpoints: a route there may serve MCP whatever the file says. */
const MCP_PATH = /(?:^|\/)(?:[^/]*mcp[^/]*|sse|messages?|rpc)(?:\/|$)/iu;

/** Whether a route's path may be an MCP endpoint's: it names one, and no document (`/mcp-client.json`). */
function mcpEndpointPath(path: string): boolean {
  return MCP_PATH.test(path) && !DOCUMENT_PATH.test(path);
}

/**
 * Whether a route may serve MCP: its path is unknown, the root (of a router that may be mounted
 * at `/mcp`) or an MCP endpoint's, a handler is not a function the analysis reads (a parameter),
 * or one passes requests to an MCP transport. `false` for `router.post('/token', …)` whose
 * handlers, functions of the project, serve none.
 */
export function mayServeMcp(route: Route): boolean {
  return (
    route.path === null ||
    /^\/?$/u.test(route.path) ||
    mcpEndpointPath(route.path) ||
    route.handlers.some((handler) => (!resolveFunction(handler) && !packageMiddleware(handler)) || servesMcp(handler))
  );
}

/** A package's middleware, made or named: `express.json()`, `bearerAuth({ … })`. */
export function packageMiddleware(handler: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(handler);
  return externalRefOf(expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression) !== null;
}

/**
 * `servesNoMcp`, and nothing left open: every endpoint has a path, none of them an MCP endpoint's
 * (`/mcp`, `/sse`, `/messages`, `/rpc`); every route is handled by a function of the file or by a
 * package an adapter knows (`cors()`, `express.json()`), not one from an unknown package; and every
 * relative import of the file resolves to a module the analysis reads. What the origin rules ask
 * before leaving a server's policies alone.
 */
export function servesNoMcpSurely(sourceCode: Readonly<SourceCode>): boolean {
  return servesNoMcp(sourceCode) && (nothingLeftOpen(sourceCode) || inPackageOfNoMcp(sourceCode));
}

/** Asked by `servesNoMcpSurely`, and by `servesNoMcp` of a file that says MCP only in comments. */
function nothingLeftOpen(sourceCode: Readonly<SourceCode>): boolean {
  let answer = openAnswers.get(sourceCode.ast);
  if (answer === undefined) {
    answer = findNothingLeftOpen(sourceCode);
    openAnswers.set(sourceCode.ast, answer);
  }
  return answer;
}

const openAnswers = new WeakMap<TSESTree.Program, boolean>();

/** Whether every relative import of the file resolves to a module the analysis reads. */
function relativeImportsResolve(sourceCode: Readonly<SourceCode>): boolean {
  const file = moduleOf(sourceCode.ast).file;
  return sourceCode.ast.body.every((statement) => {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration) return true;
    const specifier = statement.source.value;
    return !specifier.startsWith('.') || (file !== null && resolveSpecifier(file, specifier) !== null);
  });
}

function findNothingLeftOpen(sourceCode: Readonly<SourceCode>): boolean {
  if (!relativeImportsResolve(sourceCode)) return false;
  const { routes, apps } = findRoutes(sourceCode);
  const noMcpRouter = (handler: TSESTree.Node): boolean => importedRouterOfNoMcp(handler, sourceCode);
  return routes.every(
    (route) =>
      // Middleware without a path (`app.use(cors())`) serves no endpoint of its own; nor does a
      // router of no MCP (`app.use(router)`) serve an MCP one.
      (route.path === null ? !isEndpoint(route) || route.handlers.every(noMcpRouter) : !mcpEndpointPath(route.path)) &&
      route.handlers.every((handler) => {
        if (resolveFunction(handler)) return true;
        const expression = skipTypeWrappers(handler);
        // A router of the file (`app.use('/v2', router)`), whose own routes are judged here too.
        if (isAppOf(apps, expression) || noMcpRouter(expression)) return true;
        const made = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
        const ref = externalRefOf(made);
        return ref !== null && KNOWN_MODULES.has(ref.module);
      }),
  );
}

/** Whether a text says MCP anywhere, in any case: in names, strings or comments. */
export const SAYS_MCP = /mcp|modelcontextprotocol/iu;

/**
 * Whether nothing in the linted file's package can serve MCP: no module of it, tests included,
 * says MCP (`SAYS_MCP`, but for this plugin's own name in a lint config or a directive) or names
 * one of MCP's methods, nor does its manifest (its name, its dependencies), and the same holds for
 * each package of the project its modules import (`packageNeverSays`) and each package of its
 * workspace that depends on it. A dashboard or a mock API in a package of its own, beside the MCP
 * server's: its servers are no MCP servers, whatever they run.
 */
export function inPackageOfNoMcp(sourceCode: Readonly<SourceCode>): boolean {
  let answer = packageAnswers.get(sourceCode.ast);
  if (answer === undefined) packageAnswers.set(sourceCode.ast, (answer = findInPackageOfNoMcp(sourceCode)));
  return answer;
}

const packageAnswers = new WeakMap<TSESTree.Program, boolean>();

function findInPackageOfNoMcp(sourceCode: Readonly<SourceCode>): boolean {
  const { file } = moduleOf(sourceCode.ast);
  if (file === null || saysMcpOrMethod(sourceCode.text) || exportsAnything(sourceCode)) return false;
  // A module that passes requests on (`http.request(upstream)`, `fetch(…)`, `req.pipe(…)`) may
  // front an MCP server written in another language: its code need not say so.
  if (FORWARDS.test(sourceCode.text)) return false;
  // Handlers of a package the adapters do not know (`http.createServer(handler)` of
  // `@acme/assistant-server`), or a proxy's, may serve MCP whatever this package says.
  const packages = packagesReached(file, sourceCode.text);
  if (
    !packages ||
    !packages.every((specifier) => {
      const bare = bareSpecifier(specifier);
      const name = packageNameOf(bare);
      return (
        builtinModules.includes(bare.replace(/^node:/u, '')) ||
        ((KNOWN_MODULES.has(bare) || KNOWN_MODULES.has(name)) && !/proxy/iu.test(bare))
      );
    })
  )
    return false;
  return (
    packageNeverSays(path.dirname(file), saysMcpOrMethod) &&
    // The packages of the workspace that depend on it may add MCP routes to an app it takes from
    // another module of its package (`import { app } from './app'; app.listen(port)`); not to one
    // it makes itself, since it exports nothing.
    (ownsItsServers(sourceCode) || workspaceDependents(file).every((dir) => packageNeverSays(dir, saysMcpOrMethod)))
  );
}

/**
 * Whether every app the module routes on and every server it starts is made in the module itself
 * (`express()`, `http.createServer(…)`, `new WebSocketServer({ port })`, `Bun.serve(…)`), none
 * taken from another module: in a module that exports nothing, no other code can reach them.
 */
function ownsItsServers(sourceCode: Readonly<SourceCode>): boolean {
  const madeHere = (node: TSESTree.Node): boolean => {
    const made = skipTypeWrappers(resolveExpression(node) ?? node);
    return (
      programOf(made) === sourceCode.ast &&
      (made.type === AST_NODE_TYPES.CallExpression || made.type === AST_NODE_TYPES.NewExpression)
    );
  };
  if (!findRoutes(sourceCode).apps.every((app) => madeHere(app.node))) return false;
  return serverStarts(sourceCode).every(({ call }) => {
    if (call.type !== AST_NODE_TYPES.CallExpression) return call.type === AST_NODE_TYPES.NewExpression;
    const receiver = call.callee.type === AST_NODE_TYPES.MemberExpression ? calledMethodObject(call) : null;
    // `serve({ fetch })`, or a global's method (`Bun.serve(…)`, `Deno.serve(…)`).
    if (receiver === null) return true;
    if (receiver.type === AST_NODE_TYPES.Identifier && (variableOf(receiver)?.defs.length ?? 0) === 0) return true;
    return madeHere(receiver);
  });
}

/** Calls that hand a request on to another server. */
const FORWARDS = /\.pipe\s*\(|\brequest\s*\(|\bfetch\s*\(|\bproxy/iu;

/**
 * Whether a module hands anything to other modules (`export`, `module.exports`, `exports.x =`): an
 * app it exports may be given MCP routes by a module of another package that imports it.
 */
function exportsAnything(sourceCode: Readonly<SourceCode>): boolean {
  return (
    sourceCode.ast.body.some(
      (statement) =>
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
        statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
        statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
        statement.type === AST_NODE_TYPES.TSExportAssignment,
    ) || /\bmodule\.exports\b|\bexports\.\w+\s*=/u.test(sourceCode.text)
  );
}

function saysMcpOrMethod(text: string): boolean {
  // This plugin's own name, in a lint config (`import mcpCors from 'eslint-plugin-mcp-cors'`) or a
  // directive (`mcp-cors/require-loopback-host`); not `mcp-cors-proxy`.
  const own = text.replace(/(?<![\w-])(?:eslint-plugin-)?mcp-cors(?![\w-])(?:\/[\w-]+)?|\b\w*[mM]cpCors\w*\b/gu, '');
  return SAYS_MCP.test(own) || MENTIONS_MCP_METHOD.test(own);
}

/**
 * The file's text without what only describes the code: its comments (but for directives,
 * `eslint-disable …`), what it logs (`console.log('Notes MCP app on :8081')`) and what it answers
 * with (`res.json({ service: 'mcp-dashboard' })`); and without its uses of MCP as a client
 * (`clientUses`), which name a server the code calls, not one it is.
 */
function codeWithoutNotes(sourceCode: Readonly<SourceCode>): string {
  const notes: (readonly [number, number])[] = sourceCode
    .getAllComments()
    .filter((comment) => !/^\s*(?:eslint|global\b)/u.test(comment.value))
    .map((comment) => comment.range);
  notes.push(...clientUses(sourceCode));
  const index = moduleIndex(sourceCode.ast);
  for (const call of [...index.calls, ...index.news]) {
    const first = call.arguments[0];
    const last = call.arguments.at(-1);
    if (first && last && (isLoggingCallee(call.callee) || answersWithBody(call)))
      notes.push([first.range[0], last.range[1]]);
    // `app.get('/mcp-inspector-client.json', …)`: a document's path, not an endpoint.
    if (
      first?.type === AST_NODE_TYPES.Literal &&
      typeof first.value === 'string' &&
      DOCUMENT_PATH.test(first.value) &&
      call.type === AST_NODE_TYPES.CallExpression &&
      ROUTE_VERBS.has(calledMethodName(call) ?? '')
    )
      notes.push(first.range);
  }
  return textWithout(sourceCode.text, notes);
}

/**
 * A path that names a document by its type (`/client-metadata.json`, `/mcp.svg`): a file the
 * route serves. Not `/mcp/tools.call`, whose dot names a method.
 */
const DOCUMENT_PATH = /^\/[^?#]*\.(?:json|jsonld|txt|html?|xml|ya?ml|md|svg|png|ico|jpe?g|gif|webp|css|js|pdf)$/iu;

/**
 * Where the file uses MCP only as a client: an import of the SDK's client modules, or of a module
 * of the project that reaches MCP packages only through them (`import { readUpstream } from
 * './upstream'`), and each use of a name it binds, a call on one with its arguments
 * (`readUpstream('https://tools.example/mcp', uri)`, `new Client(…)`); and the uses of a variable
 * such a call gives its value to (`const mcpClient = new Client(…)`).
 */
function clientUses(sourceCode: Readonly<SourceCode>): (readonly [number, number])[] {
  const { file } = moduleOf(sourceCode.ast);
  const ranges: (readonly [number, number])[] = [];
  const uses = (variable: Scope.Variable): void => {
    for (const reference of variable.references) {
      const use = useOf(reference.identifier);
      ranges.push(use.range);
      // `const mcpClient = new Client(…)`: the variable holds a client too.
      const declarator = use.parent?.type === AST_NODE_TYPES.AwaitExpression ? use.parent.parent : use.parent;
      if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier) {
        ranges.push(declarator.id.range);
        const held = variableOf(declarator.id);
        if (held && held !== variable) for (const again of held.references) ranges.push(useOf(again.identifier).range);
      }
    }
  };
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
    const specifier = statement.source.value;
    if (!MCP_CLIENT_MODULE.test(specifier) && !(specifier.startsWith('.') && clientOnlyModule(file, specifier)))
      continue;
    ranges.push(statement.range);
    for (const variable of declaredVariables(statement)) uses(variable);
  }
  return ranges;
}

/**
 * A name's use: the call made on it with its arguments (`readUpstream(url)`, `client.close()`, `new
 * Client(…)`), else the name.
 */
function useOf(id: TSESTree.Identifier | TSESTree.JSXIdentifier): TSESTree.Node {
  let node: TSESTree.Node = id;
  while (node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node) node = node.parent;
  const call = node.parent;
  const called =
    (call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) &&
    call.callee === node;
  return called ? call : id;
}

/** Whether a module of the project reaches MCP packages only through the SDK's client modules. */
function clientOnlyModule(file: string | null, specifier: string): boolean {
  const target = file === null ? null : resolveSpecifier(file, specifier);
  return target !== null && reachesPackageOnlyThrough(target, MCP_PACKAGES, MCP_CLIENT_MODULE);
}

/** Methods that answer a request with a body: `res.json(…)`, `res.send(…)`, `c.text(…)`, `reply.send(…)`. */
const BODY_METHODS: ReadonlySet<string> = new Set(['json', 'send', 'end', 'write', 'text', 'html']);

/**
 * Whether a call answers with what it is given (`res.json({ service: 'mcp-dashboard' })`,
 * `new Response('…')`, `Response.json(…)`): what an answer says is no endpoint.
 */
function answersWithBody(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = skipTypeWrappers(call.callee);
  if (call.type === AST_NODE_TYPES.NewExpression)
    return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Response';
  return callee.type === AST_NODE_TYPES.MemberExpression && BODY_METHODS.has(calledMethodName(call) ?? '');
}

function findServesNoMcp(sourceCode: Readonly<SourceCode>): boolean {
  // A comment or a log line that names MCP (not a directive such as `eslint-disable … mcp-cors/…`)
  // says nothing of the endpoints, but a proxy or bridge may be described only there: then none
  // of them may be at an MCP path or be a handler of an unknown package.
  const saysMcp = SAYS_MCP.test(sourceCode.text);
  if (saysMcp && SAYS_MCP.test(codeWithoutNotes(sourceCode))) return false;
  if (saysMcp && !nothingLeftOpen(sourceCode)) return false;
  if (
    mayHoldEntities(sourceCode, 'mcp-transport', 'mcp-app', 'mcp-handler', 'configured-server') &&
    !takesOnlyClientModules(sourceCode, MCP_PACKAGES, MCP_CLIENT_MODULE)
  )
    return false;
  // A WebSocket server of the file may relay MCP messages (a bridge to an editor or a browser
  // extension), which no route shows.
  if (webSocketServers(sourceCode).length > 0) return false;
  const { routes, apps } = findRoutes(sourceCode);
  // `serve({ fetch: app.fetch })` or `app.listen(port)` of an app another module of the package
  // makes and exports, which serves no MCP (`routerOfNoMcp`): the entry of a plain web service.
  // (A file that names MCP only in notes has left nothing open, as asked above.)
  if (routes.length === 0 && servesOnlyAppsOfNoMcp(sourceCode)) return true;
  if (routes.length === 0 && apps.length === 0 && startsNestAppOfNoMcp(sourceCode)) return true;
  // Middleware alone answers nothing the analysis can judge: an app needs endpoints of its own,
  // or a plain server a handler of the file that routes by hand (through a table of its own
  // functions) and hands nothing to MCP.
  // (A file that names MCP, if only in a comment, may describe such a handler as a proxy.)
  // (A router of no MCP that another module makes, mounted here, has its endpoints there.)
  if (
    !routes.some(isEndpoint) &&
    !apps.some((app) =>
      app.calls.some(
        (call) =>
          (calledMethodName(call) === 'use' || calledMethodName(call) === 'route') &&
          call.arguments.some((argument) => mountsRouterWithEndpoints(argument, sourceCode)),
      ),
    ) &&
    !handsAppToRegistrarWithEndpoints(sourceCode, apps) &&
    !(!saysMcp && routes.length === 0 && apps.length === 0 && ownPlainHandlers(sourceCode))
  ) {
    return false;
  }
  if (routes.length === 0 && MENTIONS_MCP_METHOD.test(sourceCode.text)) return false;
  // MCP answered by hand at any path (`POST /rpc` dispatching `tools/call`), in a file that need not say MCP.
  if (MENTIONS_MCP_METHOD.test(sourceCode.text) && routes.some((route) => route.handlers.some(servesMcp))) return false;
  if (!apps.every((app) => (isLinted(app.node) && staysHere(app)) || routerOfNoMcp(madeApp(app), sourceCode)))
    return false;
  if (handlerFunctions(sourceCode, routes).some(callsIntoMcpModule)) return false;
  return routes.every(
    (route) =>
      (route.app !== null || route.framework === 'node') &&
      route.handlers.length > 0 &&
      route.handlers.every((handler) => {
        const fn = resolveFunction(handler);
        // One of another module of the project counts where that module reaches no MCP package
        // (an error handler, a logger), other than through the SDK's client modules.
        if (fn) return isLinted(fn) || !moduleReachesMcp(fn);
        // A router of the file mounted on its app (`app.use('/api', router)`): its routes are judged here too.
        const expression = skipTypeWrappers(handler);
        if (isAppOf(apps, expression) || importedRouterOfNoMcp(expression, sourceCode)) return true;
        // A package's middleware: `express.json()`, `cors()` (the file reaches no MCP package).
        return packageMiddleware(expression);
      }),
  );
}

/**
 * Whether the file's servers are all NestJS apps (`const app = await NestFactory.create(AppModule);
 * await app.listen(3000)`) and nothing it reaches through the project's imports, where Nest finds
 * the app's modules and controllers, reaches an MCP package (but as a client) or answers MCP's
 * methods by hand.
 */
function startsNestAppOfNoMcp(sourceCode: Readonly<SourceCode>): boolean {
  const { file } = moduleOf(sourceCode.ast);
  const starts = serverStarts(sourceCode);
  return (
    file !== null &&
    starts.length > 0 &&
    starts.every((start) => {
      const made = startedApp(start);
      const ref = made?.type === AST_NODE_TYPES.CallExpression ? externalRefOf(made.callee) : null;
      return ref?.module === '@nestjs/core' && ref.names.join('.') === 'NestFactory.create' && !handedOn(made!);
    }) &&
    // Where the app's modules are: every module the file imports is one the analysis reads.
    relativeImportsResolve(sourceCode) &&
    !reachesPackage(file, MCP_PACKAGES, MCP_CLIENT_MODULE) &&
    !reachesText(file, MENTIONS_MCP_METHOD)
  );
}

/**
 * Whether the app a call makes, held in a variable (`const app = await NestFactory.create(…)`), is
 * given to a function (`setupWebSocket(app, …)`), which may add routes or servers to it; not to
 * `@nestjs/swagger`, which reads its routes for the OpenAPI document and serves that document and
 * its UI (`SwaggerModule.setup('docs', app, document)`).
 */
function handedOn(made: TSESTree.Node): boolean {
  const holder = declaratorHolding(made);
  if (!holder) return true;
  return (variableOf(holder.id)?.references ?? []).some((reference) => {
    const used = outermostWrapper(reference.identifier);
    const parent = used.parent;
    return (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments.includes(used as TSESTree.CallExpressionArgument) &&
      externalRefOf(parent.callee)?.module !== '@nestjs/swagger'
    );
  });
}

/** Whether the file starts servers, and each serves an app of another module that serves no MCP. */
function servesOnlyAppsOfNoMcp(sourceCode: Readonly<SourceCode>): boolean {
  const starts = serverStarts(sourceCode);
  return (
    starts.length > 0 &&
    starts.every((start) => {
      const made = startedApp(start);
      if (made === null || isLinted(made)) return false;
      const { file } = moduleOf(made);
      // An app with endpoints of its own (middleware alone answers nothing the analysis can
      // judge), in a module that other packages cannot import, and that no importer hands on;
      // or one a function makes for this call alone.
      return (
        file !== null &&
        answersRequests(made) &&
        (freshAppOfNoMcp(made, sourceCode) ||
          (!isPackageEntry(file) && routerOfNoMcp(made, sourceCode) && !reexportedByImporters(file)))
      );
    })
  );
}

function isFunctionOrClass(node: TSESTree.Node | null | undefined): boolean {
  return (
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.ClassDeclaration ||
    node?.type === AST_NODE_TYPES.TSInterfaceDeclaration ||
    node?.type === AST_NODE_TYPES.TSTypeAliasDeclaration
  );
}

/** `module.exports = …`, `module.exports.x = …`, `exports.x = …`. */
function assignsModuleExports(expression: TSESTree.Expression): boolean {
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression) return false;
  let target: TSESTree.Node = expression.left;
  while (target.type === AST_NODE_TYPES.MemberExpression) {
    const object: TSESTree.Node = target.object;
    if (object.type === AST_NODE_TYPES.Identifier && (object.name === 'module' || object.name === 'exports'))
      return true;
    target = object;
  }
  return false;
}

/**
 * Whether an app has endpoints of its own, or mounts apps or routers of the project
 * (`app.route('/', healthRoute)`, `app.use('/api', router)`), whose own routes answer: not
 * middleware alone, which answers nothing the analysis can judge.
 */
function answersRequests(made: TSESTree.Node): boolean {
  const { routes, apps } = findRoutes(codeOf(made));
  if (routes.some((route) => route.app?.node === made && isEndpoint(route))) return true;
  const app = apps.find((candidate) => candidate.node === made);
  return (
    app?.calls.some((call) => {
      const method = calledMethodName(call);
      return (method === 'use' || method === 'route') && call.arguments.some(mountsApp);
    }) ?? false
  );
}

/**
 * Whether a handler is an app or router of the project (`app.route('/', healthRoute)`), whose own
 * routes answer; also a Koa router's middleware (`app.use(router.routes())`).
 */
function mountsApp(handler: TSESTree.Node): boolean {
  let expression = skipTypeWrappers(handler);
  if (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.arguments.length === 0 &&
    expression.callee.type === AST_NODE_TYPES.MemberExpression &&
    KOA_ROUTER_MIDDLEWARE.has(calledMethodName(expression) ?? '')
  ) {
    expression = skipTypeWrappers(expression.callee.object);
  }
  const made = skipTypeWrappers(resolveExpression(expression) ?? expression);
  return made !== expression && entitiesOf(made, 'app').length > 0;
}

/** The methods of a `@koa/router` router that give the middleware an app mounts it with. */
const KOA_ROUTER_MIDDLEWARE: ReadonlySet<string> = new Set(['routes', 'middleware']);

/**
 * Whether a module of the package re-exports what `file` exports (`export { app } from './app'`,
 * `export * from './app'`, or an imported name exported again): its own importers, which
 * `importersOf(file)` does not list, may add routes to it.
 */
function reexportedByImporters(file: string): boolean {
  // Every module that imports the file: a default import names no export the text must hold.
  return (importersOf(file, ['default']) ?? []).some((importer) => {
    const program = loadModule(importer);
    if (!program) return true;
    const local = new Set<string>();
    for (const statement of program.body) {
      if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
      if (resolveSpecifier(importer, statement.source.value) !== file) continue;
      for (const specifier of statement.specifiers) local.add(specifier.local.name);
    }
    return program.body.some((statement) => {
      if (statement.type === AST_NODE_TYPES.ExportAllDeclaration) return true;
      if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source) {
        return resolveSpecifier(importer, statement.source.value) === file;
      }
      // `export { app }`, `export const http = app`, `export default { app }`, `module.exports = { app }`;
      // not a function or class the module exports, which only uses it.
      const declaration =
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
        statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
          ? statement.declaration
          : null;
      const exporting =
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
        (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && !isFunctionOrClass(declaration)) ||
        (statement.type === AST_NODE_TYPES.ExpressionStatement && assignsModuleExports(statement.expression));
      if (!exporting || isFunctionOrClass(declaration)) return false;
      // Imported some way the module does not show (`require`): it may be handed on.
      if (local.size === 0) return true;
      let named = false;
      walk(statement, (node) => {
        if (!named && node.type === AST_NODE_TYPES.Identifier && local.has(node.name)) named = true;
      });
      return named;
    });
  });
}

/** Whether a handler is a router another module of the package makes, which serves no MCP (`routerOfNoMcp`). */
export function importedRouterOfNoMcp(handler: TSESTree.Node, linted: Readonly<SourceCode>): boolean {
  const expression = skipTypeWrappers(handler);
  const imported = skipTypeWrappers(resolveExpression(expression) ?? expression);
  return imported !== expression && routerOfNoMcp(imported, linted);
}

/**
 * Whether a handler is a router of no MCP that another module makes (`importedRouterOfNoMcp`),
 * with an endpoint of its own there: `hono.route('/', createApp())`, whose `createApp()` adds
 * `app.get('/api/items', …)`.
 */
function mountsRouterWithEndpoints(handler: TSESTree.Node, linted: Readonly<SourceCode>): boolean {
  if (!importedRouterOfNoMcp(handler, linted)) return false;
  const expression = skipTypeWrappers(handler);
  const made = skipTypeWrappers(resolveExpression(expression) ?? expression);
  return findRoutes(codeOf(made)).routes.some((route) => route.app?.node === made && isEndpoint(route));
}

/**
 * Whether an app is a router another module of the package makes and exports (`export default
 * router`, mounted here with `app.use('/api', router)`) that serves no MCP: its module reaches no
 * MCP package (but as a client), says MCP nowhere in its code and answers none of MCP's methods,
 * and every other module of the package that imports the router reaches no MCP package either, so
 * none adds an MCP route to it.
 */
/**
 * The file of a module that can add no MCP to what it is handed or makes: it reaches no MCP
 * package (but as a client), says MCP nowhere in its code (notes aside) and answers none of MCP's
 * methods. `null` for any other module, or one read from no file.
 */
function fileOfNoMcp(code: Readonly<SourceCode>): string | null {
  const { file } = moduleOf(code.ast);
  if (file === null || reachesPackage(file, MCP_PACKAGES, MCP_CLIENT_MODULE)) return null;
  if (MENTIONS_MCP_METHOD.test(code.text) || (SAYS_MCP.test(code.text) && SAYS_MCP.test(codeWithoutNotes(code))))
    return null;
  return file;
}

function routerOfNoMcp(made: TSESTree.Node, linted: Readonly<SourceCode>): boolean {
  if (isLinted(made) || entitiesOf(made, 'app').length === 0) return false;
  const file = fileOfNoMcp(codeOf(made));
  if (file === null) return false;
  const names = exportNames(made);
  if (names.length === 0) return false;
  const importers = importersOf(file, names);
  const here = moduleOf(linted.ast).file;
  return (
    importers !== null &&
    importers.every((importer) => importer === here || !reachesPackage(importer, MCP_PACKAGES, MCP_CLIENT_MODULE))
  );
}

/**
 * Whether an app is made, afresh at each call, by a function another module of the project
 * exports (`export function createApp(config, store) { const app = new Koa(); …; return app; }`),
 * and serves no MCP: that module reaches no MCP package (but as a client), says MCP nowhere in its
 * code and answers none of MCP's methods; and what the linted file hands the function, if it takes
 * anything, cannot serve MCP either, for the linted file reaches no MCP package and no module that
 * answers an MCP method by hand. Others may import
 * the function, from the package's entry too, but the apps they make are theirs, not this one.
 */
function freshAppOfNoMcp(made: TSESTree.Node, linted: Readonly<SourceCode>): boolean {
  if (isLinted(made) || entitiesOf(made, 'app').length === 0) return false;
  const factory = exportedFactoryOf(made);
  if (factory === null) return false;
  const file = fileOfNoMcp(codeOf(made));
  if (file === null) return false;
  if (factory.params.length === 0) return true;
  const here = moduleOf(linted.ast).file;
  return (
    here !== null &&
    !MENTIONS_MCP_METHOD.test(linted.text) &&
    !reachesPackage(here, MCP_PACKAGES, MCP_CLIENT_MODULE) &&
    !reachesText(here, MENTIONS_MCP_METHOD)
  );
}

/**
 * The function declaration a module exports that makes an app and returns it: `made` held by a
 * `const` of its body that it returns, or returned as it is made. Not one that hands back an app
 * of the module (`let app; export function getApp() { return (app ??= express()); }`).
 */
function exportedFactoryOf(made: TSESTree.Node): TSESTree.FunctionDeclaration | null {
  const holder = outermostWrapper(made).parent;
  let statement: TSESTree.ReturnStatement | null = holder?.type === AST_NODE_TYPES.ReturnStatement ? holder : null;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
    const variable = variableOf(holder.id);
    // A `let` given another value, or a `const` of the module, is not made afresh here.
    if (variable?.scope.type !== 'function' || holder.parent.kind !== 'const') return null;
    statement = returnOf(variable);
  }
  if (!statement) return null;
  const fn = enclosingFunction(statement);
  return fn?.type === AST_NODE_TYPES.FunctionDeclaration && returnedBy(statement, true).length > 0 ? fn : null;
}

/**
 * The names under which a module hands out an app it makes: `export default app`, `export const
 * app = …`, `export { app }`; or, for an app a function makes and returns (`export function
 * createApp() { const app = express(); …; return app; }`), the function's, if it takes nothing.
 */
function exportNames(made: TSESTree.Node): string[] {
  const holder = outermostWrapper(made).parent;
  // `export default new Hono().get(…)`
  if (holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return ['default'];
  if (holder?.type === AST_NODE_TYPES.ReturnStatement) return returnedBy(holder);
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = variableOf(holder.id);
  const names = exportedAs(variable);
  // `export const app = new Hono()`
  if (holder.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) names.push(holder.id.name);
  if (names.length > 0 || !variable) return names;
  // `const app = express(); …; return app;` in a factory the module exports.
  const statement = returnOf(variable);
  return statement ? returnedBy(statement) : [];
}

/** The `return` that hands back what a name holds (`const app = express(); …; return app;`). */
function returnOf(variable: Scope.Variable): TSESTree.ReturnStatement | null {
  const returned = variable.references.find(
    (reference) => outermostWrapper(reference.identifier).parent?.type === AST_NODE_TYPES.ReturnStatement,
  );
  const statement = returned && outermostWrapper(returned.identifier).parent;
  return statement?.type === AST_NODE_TYPES.ReturnStatement ? statement : null;
}

/**
 * The export names of the function a `return` belongs to, when it is a declaration the module
 * exports that takes nothing (or `withParameters`): a caller could hand one that takes options a
 * handler that serves MCP (`createApp({ onRpc })`).
 */
function returnedBy(statement: TSESTree.ReturnStatement, withParameters = false): string[] {
  const fn = enclosingFunction(statement);
  if (fn?.type !== AST_NODE_TYPES.FunctionDeclaration || !fn.id || (fn.params.length > 0 && !withParameters)) return [];
  if (fn.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return [fn.id.name];
  if (fn.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return ['default'];
  return exportedAs(variableOf(fn.id));
}

/** The names a binding's ES exports give it (`export default app`, `export { app as http }`). */
function exportedAs(variable: Scope.Variable | null): string[] {
  return (variable?.references ?? []).flatMap((reference) => {
    const name = exportsName(reference.identifier);
    return name === null ? [] : [name];
  });
}

/** Whether a handler is one of `apps` (a router of the file, whose own routes are among the file's). */
function isAppOf(apps: readonly AppInstance[], handler: TSESTree.Node): boolean {
  const made = skipTypeWrappers(resolveExpression(handler) ?? handler);
  return apps.some((app) => app.node === made);
}

/** Whether the module a function is written in reaches an MCP package (not only as a client). */
function moduleReachesMcp(fn: HandlerFunction): boolean {
  const { file } = moduleOf(fn);
  return file === null || reachesPackage(file, MCP_PACKAGES, MCP_CLIENT_MODULE);
}

/** The functions of the file that handle the file's routes and its plain servers' requests. */
function handlerFunctions(sourceCode: Readonly<SourceCode>, routes: readonly Route[]): HandlerFunction[] {
  const given = [...routes.flatMap((route) => route.handlers), ...plainServerHandlers(sourceCode)];
  return [...new Set(given.map((handler) => resolveFunction(handler)))].filter(
    (fn): fn is HandlerFunction => fn !== null && isLinted(fn),
  );
}

/** The handlers the file gives plain servers: `http.createServer(handler)`, `new Server(handler)`. */
function plainServerHandlers(sourceCode: Readonly<SourceCode>): TSESTree.Node[] {
  if (!mayHoldEntities(sourceCode, 'handler-server')) return [];
  const index = moduleIndex(sourceCode.ast);
  return [...index.calls, ...index.news].flatMap((call) => {
    const handler = call.arguments.at(-1);
    return handler && entitiesOf(call, 'handler-server').length > 0 ? [handler] : [];
  });
}

/**
 * The MCP SDK's client modules, its in-process transport (`InMemoryTransport` of
 * `sdk/inMemory.js`, a linked pair of transports within one process), and the shared modules of
 * schemas and helpers that make no server (`sdk/shared/auth.js`, the OAuth metadata schemas a
 * client parses; SDK 1.x `dist/esm/shared/`): a module that uses MCP only through them serves none
 * over the network.
 */
const MCP_CLIENT_MODULE =
  /^@modelcontextprotocol\/(?:sdk\/client(?:\/|$)|sdk\/inMemory(?:\.js)?$|sdk\/shared\/(?:auth|auth-utils|metadataUtils|uriTemplate|toolNameValidation|mediaType)(?:\.js)?$|client$)/u;

/**
 * Whether a handler calls (in its body or a callback of it) a function that another module of
 * the project exports and that module reaches an MCP package (`runTool(name, args)` from
 * `./tools`, which imports the SDK): the server may hand its requests to MCP tools.
 */
function callsIntoMcpModule(fn: HandlerFunction): boolean {
  let calls = false;
  walk(fn.body, (node) => {
    if (calls || (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression)) return;
    let callee = skipTypeWrappers(node.callee);
    // `tools.run(…)` of `import * as tools from './tools'`.
    while (callee.type === AST_NODE_TYPES.MemberExpression) callee = skipTypeWrappers(callee.object);
    if (callee.type !== AST_NODE_TYPES.Identifier) return;
    const file = importedFile(callee);
    calls = file !== null && reachesPackage(file, MCP_PACKAGES, MCP_CLIENT_MODULE);
  });
  return calls;
}

/**
 * Whether the file gives plain servers (`http.createServer(handler)`) handlers that route through
 * a table of the file: each looks its function up by the request's path (`actions[pathname]`) in
 * an object whose keys are paths, none an MCP endpoint's, and whose values are functions of the
 * file that hand no request to an MCP transport; or that read no request body (`readsNoBody`) and
 * answer with files (`servesFiles`).
 */
function ownPlainHandlers(sourceCode: Readonly<SourceCode>): boolean {
  const handlers = plainServerHandlers(sourceCode);
  return (
    handlers.length > 0 &&
    handlers.every((handler) => {
      const fn = resolveFunction(handler);
      return (
        fn !== null &&
        isLinted(fn) &&
        !servesMcp(handler) &&
        (routesThroughOwnTable(fn) || (readsNoBody(fn) && servesFiles(fn))) &&
        handsRequestToOwnCode(fn)
      );
    })
  );
}

/**
 * Whether a handler reads of its request only what names the resource (`req.url`, `req.method`,
 * `req.headers`), never the body (no `req.on('data', …)`, `for await (… of req)`, `req.pipe(…)`, nor
 * the request handed on): MCP's messages come in request bodies, so such a handler (a static file
 * server: `readFile(path.join(root, req.url))`) cannot take one.
 */
function readsNoBody(fn: HandlerFunction): boolean {
  const [request] = fn.params;
  const variable = request?.type === AST_NODE_TYPES.Identifier ? variableOf(request) : null;
  return (
    variable !== null &&
    variable.references.length > 0 &&
    variable.references.every((reference) => {
      const read = outermostWrapper(reference.identifier as TSESTree.Node);
      const member = read.parent;
      return (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === read &&
        RESOURCE_FIELDS.has(propertyName(member) ?? '') &&
        !(member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member) &&
        !(member.parent.type === AST_NODE_TYPES.AssignmentExpression && member.parent.left === member)
      );
    })
  );
}

/**
 * Whether a handler answers with files it reads from disk (`readFile`, `createReadStream` of
 * `node:fs` or `node:fs/promises`): a static file server, as a demo page or a UI is served.
 */
function servesFiles(fn: HandlerFunction): boolean {
  let reads = false;
  walk(fn.body, (node) => {
    if (reads || node.type !== AST_NODE_TYPES.CallExpression) return;
    const ref = externalRefOf(node.callee);
    reads = ref !== null && FS_MODULES.has(ref.module.replace(/^node:/u, '')) && FILE_READS.has(ref.names.at(-1) ?? '');
  });
  return reads;
}

const FS_MODULES: ReadonlySet<string> = new Set(['fs', 'fs/promises']);
const FILE_READS: ReadonlySet<string> = new Set(['readFile', 'readFileSync', 'createReadStream']);

/** What a request names the resource and its caller with, apart from its body. */
const RESOURCE_FIELDS: ReadonlySet<string> = new Set(['url', 'method', 'headers', 'httpVersion']);

/**
 * Whether a handler hands its request (or response) to no call but of functions of the file and
 * the request's and response's own methods: not `proxy.web(req, res)` for the other paths.
 */
function handsRequestToOwnCode(fn: HandlerFunction): boolean {
  const names = new Set(fn.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
  let own = true;
  walk(fn.body, (node) => {
    if (!own || (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression)) return;
    const handsOn = node.arguments.some((argument) => {
      const passed = skipTypeWrappers(argument);
      return passed.type === AST_NODE_TYPES.Identifier && names.has(passed.name);
    });
    if (!handsOn) return;
    const target = resolveFunction(node.callee);
    own = target !== null && isLinted(target);
  });
  return own;
}

function routesThroughOwnTable(fn: HandlerFunction): boolean {
  let found = false;
  walk(fn.body, (node) => {
    if (found || node.type !== AST_NODE_TYPES.MemberExpression || !node.computed || !isPathRead(node.property)) return;
    const table = resolveObjectExpression(node.object);
    found =
      table !== null &&
      table.properties.length > 0 &&
      table.properties.every((property) => {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) return false;
        const key = property.key.type === AST_NODE_TYPES.Literal ? property.key.value : null;
        const action = resolveFunction(property.value);
        return (
          typeof key === 'string' &&
          key.startsWith('/') &&
          !MCP_PATH.test(key) &&
          action !== null &&
          isLinted(action) &&
          !servesMcp(property.value)
        );
      });
  });
  return found;
}

/**
 * An app's own objects, which hand the app to no one: Express's state (express 5
 * lib/application.js `app.locals`, `app.settings`) and Fastify's logger (fastify 5 `app.log`, a pino
 * logger: `app.log.error(err)`).
 */
const APP_STATE: ReadonlySet<string> = new Set(['locals', 'settings', 'log']);

/** Whether no code but this file's can reach an app: it cannot be handed routes from elsewhere. */
function staysHere(app: AppInstance): boolean {
  // A Fastify plugin's scope (`app.register(async (instance) => { … })`) is reached only through
  // the app it is registered on.
  if (app.parent) {
    // …unless its parameter is handed on (`registerTools(instance)`), which may add routes.
    const references = app.node.type === AST_NODE_TYPES.Identifier ? (variableOf(app.node)?.references ?? []) : [];
    return references.every((reference) => usedInPlace(reference.identifier)) && staysHere(app.parent);
  }
  // `const app = Fastify().withTypeProvider<T>()`: the name holds the app.
  const made = madeApp(app);
  const holder = outermostWrapper(made).parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
    const references = variableOf(holder.id)?.references ?? [];
    const served = references.some((reference) => servedByRuntime(reference.identifier));
    // Exported only for the package's tests (`export default app` for supertest): no module that
    // runs it adds routes.
    // Or exported by a module that no module of its package imports, which is no entry of the
    // package either: a script run on its own (`tsx example.ts`) whose export nothing reads.
    const unread = exportedForTestsOnly(holder.id, references) || exportedToNobody(holder.id, references);
    if (
      ((exportedValue(made) && !served) || holder.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) &&
      !unread
    )
      return false;
    return references.every(
      (reference) =>
        reference.init ||
        usedInPlace(reference.identifier) ||
        servedByRuntime(reference.identifier) ||
        returnedToUseInPlace(reference.identifier) ||
        (unread && exportsName(reference.identifier) !== null),
    );
  }
  // `new Elysia().get(…).listen(3000)`: started where it is made, and held by no name.
  if (holder?.type === AST_NODE_TYPES.MemberExpression && holder.object === outermostWrapper(made)) {
    const started = holder.parent;
    return (
      started?.type === AST_NODE_TYPES.CallExpression &&
      started.callee === holder &&
      usedInPlace(made) &&
      // The server the call hands back goes nowhere either (`export default new Hono().listen()` might).
      outermostWrapper(started).parent?.type === AST_NODE_TYPES.ExpressionStatement
    );
  }
  // `this.app = express()` in a class, into a private field, or the field's own initializer
  // (`private app = express()`).
  const assigned =
    holder?.type === AST_NODE_TYPES.AssignmentExpression &&
    holder.right === app.node &&
    holder.left.type === AST_NODE_TYPES.MemberExpression &&
    holder.left.object.type === AST_NODE_TYPES.ThisExpression &&
    !holder.left.computed;
  const initialised =
    holder?.type === AST_NODE_TYPES.PropertyDefinition &&
    holder.value === app.node &&
    !holder.computed &&
    !holder.static;
  if (assigned || initialised) {
    const own = holder.type === AST_NODE_TYPES.AssignmentExpression ? holder.left : null;
    const field =
      own?.type === AST_NODE_TYPES.MemberExpression ? own.property : (holder as TSESTree.PropertyDefinition).key;
    // The class `this` is, in a method of it (not in a plain function).
    const cls = holder.type === AST_NODE_TYPES.PropertyDefinition ? holder.parent.parent : enclosingClass(holder);
    if (!cls) return false;
    const name =
      field.type === AST_NODE_TYPES.Identifier || field.type === AST_NODE_TYPES.PrivateIdentifier ? field.name : null;
    if (name === null) return false;
    const isPrivate =
      field.type === AST_NODE_TYPES.PrivateIdentifier ||
      (holder.type === AST_NODE_TYPES.PropertyDefinition && holder.accessibility === 'private') ||
      cls.body.body.some(
        (member) =>
          member.type === AST_NODE_TYPES.PropertyDefinition &&
          member.accessibility === 'private' &&
          member.key.type === AST_NODE_TYPES.Identifier &&
          member.key.name === name,
      );
    if (!isPrivate) return false;
    // Every other `this.<field>` of the class is a call on the app (`this.app.get(…)`).
    return moduleIndex(holder).memberExpressions.every(
      (member) =>
        !containsNode(cls, member) ||
        member === own ||
        member.object.type !== AST_NODE_TYPES.ThisExpression ||
        member.computed ||
        (member.property.type !== AST_NODE_TYPES.Identifier &&
          member.property.type !== AST_NODE_TYPES.PrivateIdentifier) ||
        member.property.name !== name ||
        usedInPlace(member),
    );
  }
  return false;
}

/**
 * Whether a name's module exports it (`export default app`, `export { app }`, `export const app`)
 * for its tests: it is no entry of its package (nor in a workspace, whose other packages may import
 * it by a deep path), tests of the package import it, and no other module does.
 */
function exportedForTestsOnly(id: TSESTree.Identifier, references: readonly Scope.Reference[]): boolean {
  const { file } = moduleOf(id);
  if (!file || isPackageEntry(file) || inWorkspace(file)) return false;
  const names = exportedNames(id, references);
  if (names.length === 0 || importersOf(file, names)?.length !== 0) return false;
  return (importersOf(file, names, true)?.length ?? 0) > 0;
}

/**
 * Whether a name's module exports it (`export default app`) where nothing can read it: the module
 * is no entry of its package, and no module of the package imports it, tests included.
 */
function exportedToNobody(id: TSESTree.Identifier, references: readonly Scope.Reference[]): boolean {
  const { file } = moduleOf(id);
  if (!file || isPackageEntry(file)) return false;
  const names = exportedNames(id, references);
  return names.length > 0 && importersOf(file, names)?.length === 0 && importersOf(file, names, true)?.length === 0;
}

/** The names a module exports a binding under, by its references (`export default app`) and its declaration. */
function exportedNames(id: TSESTree.Identifier, references: readonly Scope.Reference[]): string[] {
  const names = references.flatMap((reference) => {
    const name = exportsName(reference.identifier);
    return name === null ? [] : [name];
  });
  if (id.parent?.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) names.push(id.name);
  return names;
}

/** The name an ES export of a reference gives it (`default`, or the exported name), or `null`. */
function exportsName(node: TSESTree.Node): string | null {
  const parent = outermostWrapper(node).parent;
  if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return 'default';
  if (parent?.type === AST_NODE_TYPES.ExportSpecifier && parent.local === node) {
    return parent.exported.type === AST_NODE_TYPES.Identifier ? parent.exported.name : String(parent.exported.value);
  }
  return null;
}

/**
 * `export default app` in a module that Bun or `deno serve` runs and no module of its package
 * imports: the runtime serves it, and nothing else adds to it.
 */
function servedByRuntime(node: TSESTree.Node): boolean {
  const current = outermostWrapper(node);
  if (current.parent?.type !== AST_NODE_TYPES.ExportDefaultDeclaration) return false;
  const { file } = moduleOf(node);
  if (!file || !(runByBun(file) || servedByDeno(file))) return false;
  return importersOf(file, ['default'])?.length === 0;
}

/**
 * `app.get(…)`, `app!.listen(…)`, `http.createServer(app)`, `app.fetch` given to a server
 * (`serve({ fetch: app.fetch })`, `Deno.serve(options, app.fetch)`), or a router mounted on an app
 * of the file (`app.use('/api', router)`): a use that hands the app to nothing else.
 */
function usedInPlace(node: TSESTree.Node): boolean {
  const current = outermostWrapper(node);
  const parent = current.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === current) {
    if (!parent.computed && parent.property.type === AST_NODE_TYPES.Identifier && parent.property.name === 'fetch') {
      return givenToServer(parent);
    }
    // `app.locals.onDone?.()`, `app.log.error(err)`: the app's own state or logger, which hands the app to no one.
    if (!parent.computed && parent.property.type === AST_NODE_TYPES.Identifier && APP_STATE.has(parent.property.name)) {
      return true;
    }
    return parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent;
  }
  if (
    parent?.type !== AST_NODE_TYPES.CallExpression ||
    !parent.arguments.includes(current as TSESTree.CallExpressionArgument)
  )
    return false;
  if (entitiesOf(parent, 'server', 'start', 'handler-server').length > 0) return true;
  // `export const GET = handle(app)` of `hono/vercel`: a platform runs the app as it is.
  if (APP_RUNNERS.has(externalRefOf(parent.callee)?.module ?? '')) return true;
  // `app.use('/api', router)`: mounted on an app of the file, whose own routes are judged with it.
  const method = calledMethodName(parent);
  if (
    (method === 'use' || method === 'route') &&
    findRoutes(codeOf(parent)).apps.some((app) => app.calls.includes(parent) && isLinted(app.node))
  )
    return true;
  // `registerTraceRoutes(router, store)`: handed to a function of no MCP that only registers on it.
  return registrarOfNoMcp(parent, parent.arguments.indexOf(current as TSESTree.CallExpressionArgument)) !== null;
}

/**
 * The parameter of the function a call hands an app to at `index`, when that function registers
 * routes on the app and can add no MCP to it (`registerTraceRoutes(router, store)`, whose module
 * adds `router.get('/traces', …)`): the function is another module's of the project, that module
 * reaches no MCP package (but as a client), says MCP nowhere in its code and answers none of MCP's
 * methods, and every use of the parameter is a call of one of the app's methods, which hands the
 * app to no other code. `null` for any other call.
 */
function registrarOfNoMcp(call: TSESTree.CallExpression, index: number): TSESTree.Identifier | null {
  const fn = index >= 0 ? resolveFunction(call.callee) : null;
  const param = fn?.params[index];
  if (!fn || isLinted(fn) || param?.type !== AST_NODE_TYPES.Identifier) return null;
  if (fileOfNoMcp(codeOf(fn)) === null) return null;
  const variable = declaredVariables(fn).find((declared) => declared.name === param.name);
  if (!variable || variable.references.length === 0) return null;
  const onlyCalledOn = variable.references.every((reference) => {
    if (reference.isWrite()) return false;
    const held = outermostWrapper(reference.identifier as TSESTree.Node);
    const member = held.parent;
    return (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === held &&
      member.parent?.type === AST_NODE_TYPES.CallExpression &&
      member.parent.callee === member
    );
  });
  return onlyCalledOn ? param : null;
}

/**
 * Whether the file hands an app of its own to a function of no MCP (`registrarOfNoMcp`) that
 * registers an endpoint on it there: the app's endpoints are in that module.
 */
function handsAppToRegistrarWithEndpoints(sourceCode: Readonly<SourceCode>, apps: readonly AppInstance[]): boolean {
  return moduleIndex(sourceCode.ast).calls.some((call) =>
    call.arguments.some((argument, index) => {
      const expression = skipTypeWrappers(argument);
      if (!isAppOf(apps, expression)) return false;
      const param = registrarOfNoMcp(call, index);
      const fn = param?.parent;
      // The registrar's module reads the parameter as an app of its type, or as this app, from
      // its own reading of the linted file (matched by its place).
      const made = skipTypeWrappers(resolveExpression(expression) ?? expression);
      const file = moduleOf(made).file;
      const handed = (node: TSESTree.Node | undefined): boolean =>
        node === param || (node !== undefined && file !== null && samePlace(node, file, made));
      return (
        !!fn &&
        findRoutes(codeOf(fn)).routes.some(
          (route) => handed(route.app?.node) && containsNode(fn, route.node) && isEndpoint(route),
        )
      );
    }),
  );
}

/**
 * Whether an app a factory returns (`function buildApp() { const app = Fastify(); …; return app; }`)
 * is only started by every call of the factory, each in its own module: `(await buildApp()).listen(…)`,
 * or a `const` each read of which starts it, registers on it or mounts it on an app of the file. A
 * factory whose calls the package does not all show may hand the app to code that adds routes.
 */
function returnedToUseInPlace(read: TSESTree.Node): boolean {
  const statement = outermostWrapper(read).parent;
  if (statement?.type !== AST_NODE_TYPES.ReturnStatement) return false;
  const factory = enclosingFunction(statement);
  const found = factory ? callsOf(factory) : null;
  if (!found?.complete || found.calls.length === 0) return false;
  // Calls in other modules might add routes there, which this file's reading does not see.
  return found.calls.every((call) => {
    if (programOf(call) !== programOf(read)) return false;
    const places = resultPlaces(call);
    return places !== null && places.length > 0 && places.every(usedInPlace);
  });
}

/** `app.fetch` as the `fetch` of a server's options, or as an argument of the call that starts one. */
function givenToServer(fetch: TSESTree.MemberExpression): boolean {
  const current = outermostWrapper(fetch);
  let call = current.parent;
  if (
    call?.type === AST_NODE_TYPES.Property &&
    call.value === current &&
    !call.computed &&
    call.key.type === AST_NODE_TYPES.Identifier &&
    call.key.name === 'fetch'
  ) {
    call = call.parent?.parent;
  }
  return (
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.arguments.some((argument) => containsNode(argument, current)) &&
    entitiesOf(call, 'server', 'start', 'handler-server').length > 0
  );
}
