import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { Entity, McpTransport } from '../frameworks/types';
import type { Route } from './routes';
import { calledMethodName, calledMethodObject, containsNode, plainParameterNames, skipTypeWrappers, walk } from './ast';
import {
  externalRefOf,
  isFunctionNode,
  resolveExpression,
  resolveFunction,
  resolveObjectExpression,
  returnedExpressions,
  type HandlerFunction,
} from './values';
import { entitiesOf, moduleFilterFor } from './facts';
import { importOf, importedFile } from './exports';
import { installedManifestFor } from './installed';
import { packageNameOf } from './module-graph';
import { propertyName, staticValue, variableOf } from './program';

/** The modules of the project through which an MCP package's handler can be imported. */
const REACHES_MCP_PACKAGE = moduleFilterFor('mcp-transport', 'mcp-app', 'mcp-handler', 'mcp-routes');

/**
 * Methods of the MCP SDK's HTTP transports that take a request: v1's
 * `StreamableHTTPServerTransport#handleRequest` and `SSEServerTransport#handlePostMessage`,
 * `@hono/mcp`'s `StreamableHTTPTransport#handleRequest`, and `handleMessage`.
 */
const TRANSPORT_METHODS: ReadonlySet<string> = new Set(['handleRequest', 'handlePostMessage', 'handleMessage']);

const requestMethods = new WeakMap<McpTransport, ReadonlySet<string>>();

/** The methods of a transport that take a request: the SDK's, and those its adapter lists (tmcp's `respond`). */
export function requestMethodsOf(transport: McpTransport): ReadonlySet<string> {
  let methods = requestMethods.get(transport);
  if (!methods) {
    methods = new Set([...TRANSPORT_METHODS, ...(transport.requestMethods ?? [])]);
    requestMethods.set(transport, methods);
  }
  return methods;
}

/**
 * Whether a value was made by a handler factory of an MCP SDK package (`createMcpHandler()`,
 * `toNodeHandler(...)`) or of a package an adapter knows as one (mcp-handler's
 * `createMcpHandler()`): calling it serves MCP.
 */
function isMcpPackageValue(node: TSESTree.Node, depth = 0): boolean {
  if (depth > 4) return false;
  // A name imported from a module of the project that cannot hand on an MCP package's value is
  // not one: that module is not parsed to find out.
  if (node.type === AST_NODE_TYPES.Identifier && variableOf(node)?.defs[0]?.type === 'ImportBinding') {
    const file = importedFile(node);
    if (file !== null && !REACHES_MCP_PACKAGE(file)) return false;
  }
  const value = resolveExpression(node) ?? node;
  // A handler a package exports as it is: xmcp's `xmcpHandler`; or a plugin that registers MCP
  // routes itself (fastify-mcp's `streamableHttp`, elysia-mcp's `mcp()`), as a route's handler.
  if (entitiesOf(value, 'mcp-routes').length > 0) return true;
  if (value.type !== AST_NODE_TYPES.CallExpression) return entitiesOf(value, 'mcp-handler').length > 0;
  const callee = skipTypeWrappers(value.callee);
  // mcp-lite's `transport.bind(server)`: the request handler of an MCP transport.
  if (callee.type === AST_NODE_TYPES.MemberExpression && calledMethodName(value) === 'bind') {
    const transport = skipTypeWrappers(resolveExpression(callee.object) ?? callee.object);
    return entitiesOf(transport, 'mcp-transport').length > 0;
  }
  // The handler factories other packages make on the SDK: Vercel's mcp-handler.
  if (entitiesOf(value, 'mcp-handler').length > 0) return true;
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const imported = importOf(callee);
  // The handler factories (`createMcpHandler`, `toNodeHandler`), not the middleware (`hostHeaderValidation`).
  if (imported && mcpHandlerFactory(imported.specifier, imported.name)) return true;
  const def = variableOf(callee)?.defs[0];
  // `const { createMcpHandler } = require('@modelcontextprotocol/server')`
  if (def?.type === 'Variable') {
    const declarator = def.node as TSESTree.VariableDeclarator;
    const init = declarator.init && skipTypeWrappers(declarator.init);
    const property = def.name.parent;
    if (
      init?.type === AST_NODE_TYPES.CallExpression &&
      init.callee.type === AST_NODE_TYPES.Identifier &&
      init.callee.name === 'require' &&
      init.arguments[0]?.type === AST_NODE_TYPES.Literal &&
      typeof init.arguments[0].value === 'string' &&
      property?.type === AST_NODE_TYPES.Property &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      mcpHandlerFactory(init.arguments[0].value, property.key.name)
    ) {
      return true;
    }
  }
  // `toNodeHandler(createMcpHandler(...))`: an unknown wrapper around an MCP handler serves it too.
  if (value.arguments.some((argument) => isMcpPackageValue(argument, depth + 1))) return true;
  // `statelessHandler(() => new McpServer(…))` of a package (express-mcp-handler): a request
  // handler a package makes from an MCP server factory serves that server.
  return externalRefOf(callee) !== null && value.arguments.some((argument) => makesMcpServer(argument));
}

/** The MCP server classes of the SDK packages (`McpServer`, the low-level `Server`). */
const SDK_SERVER_CLASSES: ReadonlySet<string> = new Set(['McpServer', 'Server']);

/** Whether an argument is a function of the project that returns a new server of an MCP SDK package. */
function makesMcpServer(argument: TSESTree.CallExpressionArgument): boolean {
  if (argument.type === AST_NODE_TYPES.SpreadElement) return false;
  const fn = resolveFunction(argument);
  if (!fn) return false;
  return returnedExpressions(fn).some((returned) => isSdkServer(returned));
}

/**
 * Whether a handler, as registered, passes requests to an MCP transport: it is an MCP handler
 * itself, or a function whose body (or a function of the project it hands the request to) calls
 * `transport.handleRequest(...)`, an MCP handler, or `mcp.fetch(...)` on one.
 */
export function servesMcp(handler: TSESTree.Node): boolean {
  let serves = servesByHandler.get(handler);
  if (serves === undefined) {
    serves = findServesMcp(handler);
    servesByHandler.set(handler, serves);
  }
  return serves;
}

const servesByHandler = new WeakMap<TSESTree.Node, boolean>();

/**
 * Whether a name an MCP package exports makes a request handler that serves MCP: its handler
 * factories (`createMcpHandler`, `toNodeHandler`), not the middleware (`hostHeaderValidation`) nor
 * the OAuth authorization server's endpoints (`authorizationHandler`, `tokenHandler`,
 * `clientRegistrationHandler`, `revocationHandler`, `metadataHandler` of the SDK's
 * `server/auth/handlers/*`, 1.x), which serve OAuth, as `mcpAuthRouter` does.
 *
 * What a v2 handler checks by itself (`@modelcontextprotocol/server` 2.4.0,
 * src/server/createMcpHandler.ts, read in its dist/index.mjs and dist/createMcpHandler-*.d.mts):
 * `createMcpHandler(factory, options)` refuses a POST whose `Content-Type` is not JSON (415), a body
 * over `maxRequestBodySize` (413, 4 MiB by default) and headers that disagree with the body
 * (`-32020`), but its doc says "the entry itself is deliberately validation-free": no `Host` or
 * `Origin` check (it tells the caller to put `hostHeaderValidationResponse` and
 * `originValidationResponse` in front) and no token check (`authInfo` is passed through as given).
 * `toNodeHandler` (`@modelcontextprotocol/node` 2.1.2, src/toNodeHandler.ts) adds no check either.
 */
function mcpHandlerFactory(module: string, name: string): boolean {
  return (
    module.startsWith('@modelcontextprotocol/') &&
    /Handler$/u.test(name) &&
    !/\/auth(?:\/|$)/u.test(module) &&
    !OAUTH_HANDLERS.has(name)
  );
}

const OAUTH_HANDLERS: ReadonlySet<string> = new Set([
  'authorizationHandler',
  'tokenHandler',
  'clientRegistrationHandler',
  'revocationHandler',
  'metadataHandler',
]);

function findServesMcp(handler: TSESTree.Node): boolean {
  if (isMcpPackageValue(skipTypeWrappers(handler)) || boundTransport(handler) !== null) return true;
  const fn = resolveFunction(handler);
  if (!fn) return false;
  if (transportCalls(fn).length > 0 || handsOnWithMcpHandler(fn)) return true;
  const called = handlerCalls(fn, 2).map((call) => call.fn);
  if (called.some((callee) => transportCalls(callee).length > 0)) return true;
  return [fn, ...called, ...[fn, ...called].flatMap((handler) => bodyHandlers(handler))].some(
    (callee) =>
      dispatchesMcpMethods(callee) ||
      callsMcpTool(callee) ||
      feedsConnectedTransport(callee) ||
      feedsMethodRegistry(callee),
  );
}

/**
 * Whether a handler hands what the request says to an object that MCP's methods are registered on
 * by name (`rpc.addMethod('tools/call', …)` of a JSON-RPC library, then `res.json(await
 * rpc.receive(req.body))`): the registry answers the methods it holds.
 */
function feedsMethodRegistry(fn: HandlerFunction): boolean {
  return feedsHeld(
    fn,
    (call) => REGISTRY_ANSWERS.has(calledMethodName(call) ?? ''),
    (reference) => {
      const member = (reference.identifier as TSESTree.Node).parent;
      const call = member?.parent;
      const name =
        call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] ? staticValue(call.arguments[0]) : null;
      return (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === reference.identifier &&
        REGISTRY_ADDS.has(propertyName(member) ?? '') &&
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.callee === member &&
        typeof name?.value === 'string' &&
        MCP_METHODS.has(name.value)
      );
    },
  );
}

/**
 * Whether a handler calls, with what its request (its first parameter) says, a method of an object
 * held by a name (`answers` picks the call) that one of the name's references shows to be what
 * `holds` asks for: a transport a server was connected to, a registry of MCP's methods.
 */
function feedsHeld(
  fn: HandlerFunction,
  answers: (call: TSESTree.CallExpression) => boolean,
  holds: (reference: Scope.Reference) => boolean,
): boolean {
  const [first] = fn.params;
  if (first?.type !== AST_NODE_TYPES.Identifier) return false;
  let feeds = false;
  walk(fn.body, (node) => {
    if (feeds || node.type !== AST_NODE_TYPES.CallExpression || !answers(node)) return;
    const receiver = calledMethodObject(node);
    if (!receiver || !node.arguments.some((argument) => mentionsRequest(argument, first.name))) return;
    const held = skipTypeWrappers(receiver);
    if (held.type !== AST_NODE_TYPES.Identifier) return;
    feeds = (variableOf(held)?.references ?? []).some(holds);
  });
  return feeds;
}

/**
 * Whether a handler hands its request to a call together with an MCP package's handler
 * (`withHeaders(request, handler)` of `const handler = createMcpHandler(…)`): a wrapper given both
 * runs the one with the other.
 */
function handsOnWithMcpHandler(fn: HandlerFunction): boolean {
  const [first] = fn.params;
  if (first?.type !== AST_NODE_TYPES.Identifier) return false;
  let hands = false;
  walk(fn.body, (node) => {
    if (hands || node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length < 2) return;
    const given = node.arguments.map((argument) => skipTypeWrappers(argument));
    hands =
      given.some((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === first.name) &&
      given.some((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && isMcpPackageValue(argument));
  });
  return hands;
}

/**
 * Whether a handler hands what the request says to a transport of the project's own that a
 * server of the MCP SDK was connected to (`mcp.connect(transport)`, then
 * `res.json(await transport.processMessage(req.body))`): the server answers whatever it is fed.
 */
function feedsConnectedTransport(fn: HandlerFunction): boolean {
  return feedsHeld(
    fn,
    () => true,
    (reference) => {
      const call = (reference.identifier as TSESTree.Node).parent;
      return (
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.arguments[0] === reference.identifier &&
        calledMethodName(call) === 'connect' &&
        isSdkServer(calledMethodObject(call))
      );
    },
  );
}

/**
 * How JSON-RPC libraries register a method by name (json-rpc-2.0's `addMethod`, jayson's and
 * others' `register`, `method`, `expose`), and answer a message with the methods they hold
 * (`receive`, `receiveJSON`, `handle`, `call`): not a client's `request('tools/call', …)`.
 */
const REGISTRY_ADDS: ReadonlySet<string> = new Set([
  'addMethod',
  'addMethodAdvanced',
  'registerMethod',
  'register',
  'method',
  'expose',
  // A `Map` of handlers by method name: `methods.set('tools/call', …)`, then `methods.get(body.method)`.
  'set',
]);
const REGISTRY_ANSWERS: ReadonlySet<string> = new Set([
  'get',
  'receive',
  'receiveJSON',
  'receiveRequest',
  'handle',
  'handleRequest',
  'call',
  'dispatch',
  'process',
]);

/**
 * A server of an MCP package, made here or held by a name: `new McpServer(…)`, `new Server(…)` of
 * `@modelcontextprotocol/sdk/server/index.js`, also awaited, and `mcp.server` of an `McpServer`.
 */
function isSdkServer(node: TSESTree.Node | null): boolean {
  if (!node) return false;
  let made = skipTypeWrappers(resolveExpression(skipTypeWrappers(node)) ?? node);
  if (made.type === AST_NODE_TYPES.AwaitExpression) made = skipTypeWrappers(made.argument);
  // `mcp.server.connect(…)` of an `McpServer`.
  if (made.type === AST_NODE_TYPES.MemberExpression && propertyName(made) === 'server')
    made = skipTypeWrappers(resolveExpression(made.object) ?? made.object);
  if (made.type !== AST_NODE_TYPES.NewExpression) return false;
  const ref = externalRefOf(made.callee);
  return (
    ref !== null && ref.module.startsWith('@modelcontextprotocol/') && SDK_SERVER_CLASSES.has(ref.names.at(-1) ?? '')
  );
}

/**
 * Whether a handler runs an MCP tool with what the request says: `client.callTool({ name, arguments })`
 * (the MCP SDK client's method, in a gateway's REST route) whose `name` or `arguments` is read from
 * the request. Not a fixed tool whose other options (a progress callback, `_meta`) or the
 * context's bindings (Hono's `c.env`) mention the handler's parameter.
 */
function callsMcpTool(fn: HandlerFunction): boolean {
  const [first] = fn.params;
  if (first?.type !== AST_NODE_TYPES.Identifier) return false;
  let calls = false;
  walk(fn.body, (node) => {
    if (calls || node.type !== AST_NODE_TYPES.CallExpression) return;
    if (calledMethodName(node) !== 'callTool') {
      // A client of the project's own that writes MCP's `tools/call` (to a child's stdin, say),
      // handed what the request says: `children.runTool(req.body.tool_name, req.body.arguments)`.
      const target = resolveFunction(node.callee);
      calls =
        target !== null &&
        target !== fn &&
        writesToolCall(target) &&
        node.arguments.some((argument) => mentionsRequest(argument, first.name));
      return;
    }
    const [request] = node.arguments;
    if (!request || request.type === AST_NODE_TYPES.SpreadElement) return;
    const options = skipTypeWrappers(request);
    const steered =
      options.type === AST_NODE_TYPES.ObjectExpression
        ? options.properties.flatMap((property) =>
            property.type === AST_NODE_TYPES.Property && ['name', 'arguments'].includes(propertyName(property) ?? '')
              ? [property.value]
              : [],
          )
        : [options];
    calls = steered.some((value) => mentionsRequest(value, first.name));
  });
  return calls;
}

/** Whether a function makes a JSON-RPC message of MCP's `tools/call`: `{ method: 'tools/call', params }`. */
function writesToolCall(fn: HandlerFunction): boolean {
  let writes = false;
  walk(fn.body, (node) => {
    if (writes || node.type !== AST_NODE_TYPES.Property || propertyName(node) !== 'method') return;
    writes = staticValue(node.value)?.value === 'tools/call';
  });
  return writes;
}

/** A web framework context's own bindings, not the request: Hono's `c.env`, `c.var`, `c.get('user')`. */
const CONTEXT_BINDINGS: ReadonlySet<string> = new Set(['env', 'var', 'get', 'set', 'executionCtx']);

/**
 * Whether an expression reads from the request, directly or through a `const` that holds what it
 * read; not inside a function.
 */
function mentionsRequest(expression: TSESTree.Node, request: string): boolean {
  let found = false;
  walk(
    expression,
    (node) => {
      if (found || (node.type !== AST_NODE_TYPES.MemberExpression && node.type !== AST_NODE_TYPES.Identifier)) return;
      found = !readsContextBinding(node, request) && readsFrom(node, request);
    },
    (node) => !isFunctionNode(node) && !readsContextBinding(node, request),
  );
  return found;
}

/** Whether a chain of reads starts at one of the context's bindings (`c.env.REGION`, `c.get('user').id`). */
function readsContextBinding(node: TSESTree.Node, request: string): boolean {
  let current: TSESTree.Node = skipTypeWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.CallExpression) {
    if (
      current.type === AST_NODE_TYPES.MemberExpression &&
      current.object.type === AST_NODE_TYPES.Identifier &&
      current.object.name === request &&
      CONTEXT_BINDINGS.has(propertyName(current) ?? '')
    )
      return true;
    current = skipTypeWrappers(current.type === AST_NODE_TYPES.MemberExpression ? current.object : current.callee);
  }
  return false;
}

/** The MCP methods a hand-written JSON-RPC endpoint answers, and no other protocol's (LSP has `initialize` too). */
export const MCP_METHOD_NAMES: readonly string[] = [
  'tools/call',
  'tools/list',
  'resources/list',
  'resources/read',
  'prompts/get',
  'prompts/list',
];
const MCP_METHODS: ReadonlySet<string> = new Set(MCP_METHOD_NAMES);
/**
 * Whether a file's text names an MCP method in quotes, or the `protocolVersion` that MCP's
 * `initialize` answers with: a first look for hand-written endpoints.
 */
export const MENTIONS_MCP_METHOD = new RegExp(
  `['"\`](?:${MCP_METHOD_NAMES.map((name) => name.replace('/', '\\/')).join('|')})['"\`]|\\bprotocolVersion\\b`,
  'u',
);

/**
 * How many names and calls `readsFrom` follows back to the request: `validation.data` of
 * `schema.safeParse(body)` of `body = await request.json()` takes three.
 */
const MAX_READ_DEPTH = 4;

/**
 * Whether a value is read from the request: `req.body`, `await req.json()`, one made from it
 * (`Schema.parse(req.body)`), or a `const` that holds one (`const body = await req.json()`).
 */
export function readsFrom(node: TSESTree.Node, request: string, depth = 0): boolean {
  let base: TSESTree.Node = skipTypeWrappers(node);
  if (base.type === AST_NODE_TYPES.AwaitExpression) base = skipTypeWrappers(base.argument);
  // `new URL(req.url, base)`: a value made from the request.
  if (base.type === AST_NODE_TYPES.NewExpression) {
    return (
      depth < MAX_READ_DEPTH &&
      base.arguments.some(
        (argument) => argument.type !== AST_NODE_TYPES.SpreadElement && readsFrom(argument, request, depth + 1),
      )
    );
  }
  while (base.type === AST_NODE_TYPES.MemberExpression || base.type === AST_NODE_TYPES.CallExpression) {
    // `Schema.safeParse(req.body).data`: a value made from the request.
    if (
      base.type === AST_NODE_TYPES.CallExpression &&
      depth < MAX_READ_DEPTH &&
      base.arguments.some(
        (argument) => argument.type !== AST_NODE_TYPES.SpreadElement && readsFrom(argument, request, depth + 1),
      )
    )
      return true;
    base = base.type === AST_NODE_TYPES.MemberExpression ? base.object : base.callee;
  }
  if (base.type !== AST_NODE_TYPES.Identifier) return false;
  if (base.name === request) return true;
  const variable = depth < MAX_READ_DEPTH ? variableOf(base) : null;
  const def = variable?.defs[0];
  if (def?.type !== 'Variable') return false;
  // What a `const` is given from the request, not from the context's own bindings (`c.env`).
  const heldFrom = (init: TSESTree.Expression | null): boolean =>
    init !== null && !readsContextBinding(init, request) && readsFrom(init, request, depth + 1);
  // `const { tool, arguments: args } = req.body`: a part of what the request holds.
  if (def.node.id !== def.name) return def.parent?.kind === 'const' && heldFrom(def.node.init);
  if (def.parent?.kind === 'const' && heldFrom(def.node.init)) return true;
  return variable!.references.some((reference) => {
    const id = reference.identifier as TSESTree.Node;
    // `let body; try { body = await request.json() } catch { … }`
    const assignment = id.parent;
    if (
      assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
      assignment.operator === '=' &&
      assignment.left === id &&
      readsFrom(assignment.right, request, depth + 1)
    )
      return true;
    return streamsBodyInto(id, request);
  });
}

/**
 * Whether a name is written, or pushed to, in a listener of the request's `data` event (`let raw =
 * ''; req.on('data', (chunk) => (raw += chunk))`, `req.on('data', (chunk) => chunks.push(chunk))`)
 * or in a loop over the request's chunks (`for await (const chunk of req) raw += chunk`). The name
 * then holds the request's body.
 */
function streamsBodyInto(id: TSESTree.Node, request: string): boolean {
  const member = id.parent;
  const pushed =
    member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === id &&
    propertyName(member) === 'push' &&
    member.parent?.type === AST_NODE_TYPES.CallExpression &&
    member.parent.callee === member;
  const written =
    (member?.type === AST_NODE_TYPES.AssignmentExpression && member.left === id) ||
    (member?.type === AST_NODE_TYPES.UpdateExpression && member.argument === id);
  if (!pushed && !written) return false;
  // `for await (const chunk of req) raw += chunk`
  for (let current: TSESTree.Node | undefined = member; current && !isFunctionNode(current); current = current.parent) {
    if (current.type === AST_NODE_TYPES.ForOfStatement && current.await) {
      const source = skipTypeWrappers(current.right);
      if (source.type === AST_NODE_TYPES.Identifier && source.name === request) return true;
    }
  }
  let listener: TSESTree.Node | undefined = member;
  while (listener && !isFunctionNode(listener)) listener = listener.parent;
  const call = listener?.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== listener) return false;
  if (calledMethodName(call) !== 'on' || staticValue(call.arguments[0]!)?.value !== 'data') return false;
  const emitter = call.callee.type === AST_NODE_TYPES.MemberExpression ? skipTypeWrappers(call.callee.object) : null;
  return emitter?.type === AST_NODE_TYPES.Identifier && emitter.name === request;
}

/**
 * The functions a handler gives the request's body to (`dispatch(req.body)`, `handleRpc(await
 * c.req.json())`), and those they give it to in turn, `depth` deep.
 */
function bodyHandlers(fn: HandlerFunction, depth = 2, seen = new Set<HandlerFunction>([fn])): HandlerFunction[] {
  const [request] = fn.params;
  if (request?.type !== AST_NODE_TYPES.Identifier) return [];
  const found: HandlerFunction[] = [];
  walk(fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const readsRequest = node.arguments.some((argument) => readsFrom(argument, request.name, 0));
    const callee = readsRequest ? resolveFunction(node.callee) : null;
    if (!callee || seen.has(callee)) return;
    seen.add(callee);
    found.push(callee);
    // What it hands the body to in turn: `answer(body)` that calls `route(body)`, the dispatcher.
    if (depth > 1) found.push(...bodyHandlers(callee, depth - 1, seen));
  });
  return found;
}

/**
 * Whether a function answers MCP's JSON-RPC by hand: it tests a value against an MCP method's
 * name (`if (rpc.method === 'tools/call')`, `case 'tools/list':`), or against `'initialize'`
 * where it also names MCP's `protocolVersion` (a language server answers `initialize` too), or
 * looks its handler up in a table keyed by them (`{ 'tools/list': listTools }`, here or in the
 * module). A function that calls one of its parameters (`next()`) hands the request on:
 * middleware, not the endpoint.
 */
function dispatchesMcpMethods(fn: HandlerFunction, body: TSESTree.Node = fn.body): boolean {
  const params = plainParameterNames(fn);
  let dispatches = false;
  let initializes = false;
  let namesProtocolVersion = false;
  let passesOn = false;
  walk(body, (node) => {
    if (passesOn) return;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipTypeWrappers(node.callee);
      if (
        callee.type === AST_NODE_TYPES.Identifier &&
        params.has(callee.name) &&
        variableOf(callee)?.defs[0]?.node === fn
      )
        passesOn = true;
      return;
    }
    if (dispatches) return;
    if (node.type === AST_NODE_TYPES.MemberExpression && node.computed) {
      const table = resolveObjectExpression(node.object);
      dispatches = table !== null && table.properties.some((property) => isMcpMethodKey(property));
      return;
    }
    if (node.type === AST_NODE_TYPES.Identifier && node.name === 'protocolVersion') namesProtocolVersion = true;
    if (node.type !== AST_NODE_TYPES.Literal || typeof node.value !== 'string') return;
    if (node.value === 'protocolVersion') namesProtocolVersion = true;
    const initialize = node.value === 'initialize';
    if (!initialize && !MCP_METHODS.has(node.value)) return;
    const { parent } = node;
    // Compared with what may be a JSON-RPC request's method (`rpc.method === 'tools/call'`,
    // `switch (op)`), not a webhook event's `type`.
    const tested =
      (parent?.type === AST_NODE_TYPES.BinaryExpression &&
        ['===', '==', '!==', '!='].includes(parent.operator) &&
        namesMethod(parent.left === node ? parent.right : parent.left)) ||
      (parent?.type === AST_NODE_TYPES.SwitchCase &&
        parent.test === node &&
        parent.parent?.type === AST_NODE_TYPES.SwitchStatement &&
        namesMethod(parent.parent.discriminant)) ||
      (parent?.type === AST_NODE_TYPES.Property && parent.key === node);
    if (initialize) initializes ||= tested;
    else dispatches = tested;
  });
  return (dispatches || (initializes && namesProtocolVersion)) && !passesOn;
}

/**
 * Whether a branch of a handler serves MCP itself: it answers MCP's methods by hand (as
 * `dispatchesMcpMethods` reads them), or hands the request to an MCP transport it names, in its own
 * code or in a function of the project it gives the body to.
 */
export function branchServesMcp(branch: TSESTree.Node, fn: HandlerFunction): boolean {
  if (dispatchesMcpMethods(fn, branch)) return true;
  // A transport the adapters know: a voice or payments SDK has a `handleRequest` too.
  const knownTransport = (call: TSESTree.CallExpression): boolean => {
    const receiver = calledMethodObject(call);
    return receiver !== null && transportEntities(receiver).entities.length > 0;
  };
  if (transportCalls(fn).some((call) => containsNode(branch, call) && knownTransport(call))) return true;
  if (
    bodyHandlers(fn).some(
      (callee) => callee !== fn && containsNodeOfCallTo(branch, callee) && dispatchesMcpMethods(callee),
    )
  )
    return true;
  // A function or method the branch hands the request to (`this.onMessage(req, res)`) that
  // answers MCP by hand, in its body or in the body handler it streams the request into.
  return handlerCalls(fn, 2).some(
    ({ call, fn: callee }) =>
      containsNode(branch, call) && [callee, ...bodyHandlers(callee)].some((handler) => dispatchesMcpMethods(handler)),
  );
}

/** Whether the `if` branch a plain handler's route is serves MCP in its own code. */
export function routeBranchServesMcp(route: Route): boolean {
  let test: TSESTree.Node = route.node;
  while (test.parent && test.parent.type !== AST_NODE_TYPES.IfStatement && !isFunctionNode(test.parent))
    test = test.parent;
  const branch = test.parent;
  const fn = route.handlers[0] && resolveFunction(route.handlers[0]);
  return (
    branch?.type === AST_NODE_TYPES.IfStatement &&
    branch.test === test &&
    fn !== null &&
    fn !== undefined &&
    containsNode(fn, branch) &&
    branchServesMcp(branch.consequent, fn)
  );
}

/** Whether a branch holds a call of `callee`. */
function containsNodeOfCallTo(branch: TSESTree.Node, callee: HandlerFunction): boolean {
  let found = false;
  walk(branch, (node) => {
    if (!found && node.type === AST_NODE_TYPES.CallExpression) found = resolveFunction(node.callee) === callee;
  });
  return found;
}

/**
 * Whether a compared value may be a JSON-RPC request's method: anything but a name or property
 * that says an event's kind (`event.type`, `payload.action`, `hook.event`), as webhooks name theirs.
 */
function namesMethod(node: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(node);
  const name =
    expression.type === AST_NODE_TYPES.Identifier
      ? expression.name
      : expression.type === AST_NODE_TYPES.MemberExpression
        ? propertyName(expression)
        : null;
  if (name === null || !/^(?:type|event|eventType|kind|action|topic)$/iu.test(name)) return true;
  // `const kind = msg.method`, `const { method: kind } = msg`: named for a kind, holding a method.
  const def = expression.type === AST_NODE_TYPES.Identifier ? variableOf(expression)?.defs[0] : undefined;
  const property = def?.name.parent;
  if (property?.type === AST_NODE_TYPES.Property && property.value === def?.name && propertyName(property) === 'method')
    return true;
  const init = def?.type === 'Variable' && def.node.id === def.name ? def.node.init : null;
  const held = init && skipTypeWrappers(init);
  return held?.type === AST_NODE_TYPES.MemberExpression && /method/iu.test(propertyName(held) ?? '');
}

function isMcpMethodKey(property: TSESTree.ObjectLiteralElement): boolean {
  if (property.type !== AST_NODE_TYPES.Property) return false;
  const key = propertyName(property);
  return key !== null && MCP_METHODS.has(key);
}

/**
 * The transport whose request method a handler is, handed over as it is, its `this` bound
 * (`http.createServer(transport.handleRequest.bind(transport))` hands every request to the
 * transport): where the transport is made.
 */
export function boundTransport(handler: TSESTree.Node): TSESTree.Node | null {
  let method = skipTypeWrappers(handler);
  if (
    method.type === AST_NODE_TYPES.CallExpression &&
    calledMethodName(method) === 'bind' &&
    method.callee.type === AST_NODE_TYPES.MemberExpression
  )
    method = skipTypeWrappers(method.callee.object);
  if (method.type !== AST_NODE_TYPES.MemberExpression || !TRANSPORT_METHODS.has(propertyName(method) ?? ''))
    return null;
  const { made, entities } = transportEntities(method.object);
  return entities.length > 0 ? made : null;
}

/**
 * The calls in a function that hand a request to an MCP transport: `transport.handleRequest(...)`,
 * an MCP handler called directly, or `mcp.fetch(...)` on one. A method of the enclosing class
 * that happens to share a transport method's name (`this.handleRequest(req, res)`) is not one.
 */
export function transportCalls(fn: HandlerFunction): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  walk(fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const method = calledMethodName(node);
    const callee = skipTypeWrappers(node.callee);
    if (method && TRANSPORT_METHODS.has(method)) {
      const ownMethod =
        callee.type === AST_NODE_TYPES.MemberExpression &&
        callee.object.type === AST_NODE_TYPES.ThisExpression &&
        resolveFunction(callee) !== null;
      if (!ownMethod && !madeByOtherPackage(callee)) calls.push(node);
      return;
    }
    // tmcp's `transport.respond(request)`: a method only the transport's own value is asked for.
    if (method && callee.type === AST_NODE_TYPES.MemberExpression && madeByTransportWith(callee.object, method)) {
      calls.push(node);
      return;
    }
    const target = callee.type === AST_NODE_TYPES.MemberExpression && method === 'fetch' ? callee.object : callee;
    // `mcp(req, res)`, or a handler made and called at once: `toNodeHandler(createMcpHandler(f))(req, res)`.
    if (
      (target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.CallExpression) &&
      isMcpPackageValue(target)
    )
      calls.push(node);
  });
  return calls;
}

/**
 * Whether the object a transport-named method is called on was made by a package that is no MCP
 * package (`copilotRuntimeNestEndpoint(…)` of `@copilotkit/runtime`, a voice SDK's client): its
 * `handleRequest(req, res)` serves that package's protocol. Known only of a package installed on
 * its own whose name says no MCP and that depends on no MCP package.
 */
function madeByOtherPackage(callee: TSESTree.Node): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const { made } = transportEntities(callee.object);
  if (made.type !== AST_NODE_TYPES.CallExpression && made.type !== AST_NODE_TYPES.NewExpression) return false;
  const ref = externalRefOf(made.callee);
  if (ref === null || SAYS_MCP_NAME.test(ref.module) || entitiesOf(made, 'mcp-transport').length > 0) return false;
  // Only a package installed on its own, that depends on no MCP package, is known to be of
  // another kind: a package of the workspace (`@acme/core`) may hand out an SDK transport.
  const manifest = installedManifestFor(made, packageNameOf(ref.module));
  return manifest !== null && !manifest.dependencies.some((name) => SAYS_MCP_NAME.test(name));
}

const SAYS_MCP_NAME = /mcp|modelcontextprotocol/iu;

/** Whether a value is a transport whose adapter lists `method` among the methods that take a request. */
function madeByTransportWith(object: TSESTree.Node, method: string): boolean {
  return transportEntities(object).entities.some(
    (entity) => entity.kind === 'mcp-transport' && entity.transport.requestMethods?.includes(method) === true,
  );
}

/**
 * What an object a transport call is made on was made as, by its value: `made` (the
 * `new StreamableHTTPServerTransport(…)` a name holds, say) and the transports the adapters know it as
 * (none for a voice SDK's `handleRequest`).
 */
export function transportEntities(object: TSESTree.Node): {
  made: TSESTree.Node;
  entities: readonly Extract<Entity, { kind: 'mcp-transport' }>[];
} {
  const made = skipTypeWrappers(resolveExpression(object) ?? object);
  return { made, entities: entitiesOf(made, 'mcp-transport') };
}

/**
 * The names a handler's first parameter gives the request: the parameter's own, or those it
 * destructures (Elysia's context, `({ request, body }) => …`, whose parts are the request's).
 */
function requestNames(param: TSESTree.Parameter | undefined): ReadonlySet<string> {
  if (param?.type === AST_NODE_TYPES.Identifier) return new Set([param.name]);
  if (param?.type !== AST_NODE_TYPES.ObjectPattern) return new Set();
  return new Set(
    param.properties.flatMap((property) => {
      const value = property.type === AST_NODE_TYPES.Property ? property.value : property.argument;
      return value.type === AST_NODE_TYPES.Identifier ? [value.name] : [];
    }),
  );
}

/**
 * The functions of the project a handler hands its request to, `depth` calls deep: a call that
 * passes the handler's first parameter (the request, Koa's context, or what Elysia's context
 * holds) to a function the code shows (`handleStreamable(req, res)`, `this.handleRequest(req, res)`).
 */
export function handlerCalls(
  fn: HandlerFunction,
  depth: number,
): { call: TSESTree.CallExpression; fn: HandlerFunction }[] {
  const found: { call: TSESTree.CallExpression; fn: HandlerFunction }[] = [];
  const seen = new Set<HandlerFunction>([fn]);
  const visit = (current: HandlerFunction, level: number): void => {
    const names = requestNames(current.params[0]);
    if (level > depth || names.size === 0) return;
    walk(current.body, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return;
      if (
        !node.arguments.some(
          // `this.handle(req as AuthedRequest, res)`: a cast passes the same request on.
          (argument) => {
            const passed = skipTypeWrappers(argument);
            return passed.type === AST_NODE_TYPES.Identifier && names.has(passed.name);
          },
        )
      ) {
        return;
      }
      const callee = resolveFunction(node.callee);
      if (!callee || seen.has(callee) || callee.body.type !== AST_NODE_TYPES.BlockStatement) return;
      seen.add(callee);
      found.push({ call: node, fn: callee });
      visit(callee, level + 1);
    });
  };
  visit(fn, 1);
  return found;
}
