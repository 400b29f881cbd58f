import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { calledMethodName, containsNode, skipTypeWrappers, walk } from './ast';
import { declaredVariables, propertyName, variableOf } from './program';
import {
  callsOf,
  enclosingFunction,
  isFunctionNode,
  resolveExpression,
  resolveFunction,
  returnedExpressions,
} from './values';

/** How many places one question follows the transport and its handler to. */
const MAX_PLACES = 200;

/** The methods of a transport that take a request (the SDK's, and an adapter's `requestMethods`). */
type RequestMethods = ReadonlySet<string>;

/**
 * Whether an MCP transport is only ever driven by the code around it, with requests that code
 * builds: mcp-lite's `transport.bind(server)` whose handler is called as `handler(new Request(…))`,
 * or `transport.handleRequest(request)` with such a request; and neither the transport nor its
 * handler goes anywhere else (exported, passed to a call other than an MCP server's `connect()`,
 * stored in an object or a property, or returned to code the module does not show). A server's
 * unit tests drive it this way; no server hands it a browser's request.
 */
export function drivenOnlyInProcess(transport: TSESTree.NewExpression, requestMethods: RequestMethods): boolean {
  const seen = new Set<TSESTree.Node>();
  const pending: { node: TSESTree.Node; handler: boolean }[] = [{ node: transport, handler: false }];
  let driven = false;
  while (pending.length > 0) {
    if (seen.size > MAX_PLACES) return false;
    const { node, handler } = pending.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    const current = outermostCarrier(node);
    const parent = current.parent;
    if (!parent) return false;
    const follow = (next: TSESTree.Node, isHandler = handler): void => {
      pending.push({ node: next, handler: isHandler });
    };
    switch (parent.type) {
      case AST_NODE_TYPES.ExpressionStatement:
        break;
      case AST_NODE_TYPES.VariableDeclarator: {
        if (parent.init !== current || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
        if (!followReads(declaredVariables(parent), follow)) return false;
        break;
      }
      case AST_NODE_TYPES.AssignmentExpression: {
        if (parent.right !== current || parent.operator !== '=' || parent.left.type !== AST_NODE_TYPES.Identifier)
          return false;
        if (parent.parent?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
        const variable = variableOf(parent.left);
        if (!variable || !followReads([variable], follow)) return false;
        break;
      }
      case AST_NODE_TYPES.MemberExpression: {
        if (parent.object !== current) return false;
        const call = parent.parent;
        if (call?.type === AST_NODE_TYPES.AssignmentExpression && call.left === parent) break;
        if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent || handler) return false;
        const method = propertyName(parent);
        if (method === 'bind') follow(call, true);
        else if (method !== null && requestMethods.has(method)) {
          if (!builtInProcess(call.arguments[0])) return false;
          driven = true;
        }
        break;
      }
      case AST_NODE_TYPES.CallExpression: {
        if (parent.callee === current && handler) {
          if (!builtInProcess(parent.arguments[0])) return false;
          driven = true;
        } else if (handler || !connectsMcpServer(parent)) return false;
        break;
      }
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ArrowFunctionExpression: {
        if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body !== current) return false;
        const fn = parent.type === AST_NODE_TYPES.ReturnStatement ? enclosingFunction(parent) : parent;
        const calls = fn && callsOf(fn, true);
        if (!calls?.complete) return false;
        for (const call of calls.calls) follow(call);
        break;
      }
      default:
        return false;
    }
  }
  return driven;
}

/**
 * `server.connect(transport)` on an MCP server: `new McpServer(…)` or `new Server(…)` (or the
 * `.server` of one), which answers the transport's messages and hands it to no one; also
 * `server.withTransport(transport)` on `@zuplo/mcp`'s `new MCPServer(…)`. Any other `connect` may
 * serve it.
 */
function connectsMcpServer(call: TSESTree.CallExpression): boolean {
  const method = calledMethodName(call);
  if ((method !== 'connect' && method !== 'withTransport') || call.callee.type !== AST_NODE_TYPES.MemberExpression)
    return false;
  let receiver = skipTypeWrappers(call.callee.object);
  if (receiver.type === AST_NODE_TYPES.MemberExpression && propertyName(receiver) === 'server')
    receiver = skipTypeWrappers(receiver.object);
  const made = skipTypeWrappers(resolveExpression(receiver) ?? receiver);
  if (made.type !== AST_NODE_TYPES.NewExpression) return false;
  const callee = skipTypeWrappers(made.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  return method === 'connect' ? MCP_SERVER_CLASSES.has(callee.name) : callee.name === 'MCPServer';
}

/** The MCP server classes of the SDK (`McpServer`, the low-level `Server`) and of mcp-lite and tmcp (`McpServer`). */
const MCP_SERVER_CLASSES: ReadonlySet<string> = new Set(['McpServer', 'Server']);

/** Climbs from a value through what only passes it on: type wrappers, `await`, `?.`. */
function outermostCarrier(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (let parent = current.parent; parent; parent = current.parent) {
    if (
      skipTypeWrappers(parent) === parent &&
      parent.type !== AST_NODE_TYPES.AwaitExpression &&
      parent.type !== AST_NODE_TYPES.ChainExpression
    )
      break;
    current = parent;
  }
  return current;
}

/** Queues each read of the variables; `false` when one is exported. */
function followReads(variables: readonly Scope.Variable[], follow: (node: TSESTree.Node) => void): boolean {
  for (const variable of variables) {
    const declarator = variable.defs[0]?.node;
    if (declarator?.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return false;
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const identifier = reference.identifier as TSESTree.Node;
      if (identifier.parent?.type === AST_NODE_TYPES.ExportSpecifier) return false;
      follow(identifier);
    }
  }
  return true;
}

/**
 * Whether a request is one the code builds itself: `new Request(…)` of the global `Request`, an
 * object literal (a mock of Node's request), or what a function of the project returns that
 * only returns such requests; built from nothing a callback is handed (a server's request
 * handler that converts its `req` into a `Request` serves the transport).
 */
function builtInProcess(node: TSESTree.Node | undefined, depth = 0): boolean {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement || depth > 4) return false;
  const value = heldValue(node, 0);
  if (value === null) return false;
  if (value.type === AST_NODE_TYPES.ObjectExpression) return !fromCallback(value, 0);
  if (value.type === AST_NODE_TYPES.NewExpression) {
    const callee = skipTypeWrappers(value.callee);
    return (
      callee.type === AST_NODE_TYPES.Identifier &&
      callee.name === 'Request' &&
      !variableOf(callee)?.defs.length &&
      !value.arguments.some((argument) => fromCallback(argument, 0))
    );
  }
  if (value.type !== AST_NODE_TYPES.CallExpression || value.arguments.some((argument) => fromCallback(argument, 0)))
    return false;
  const fn = resolveFunction(value.callee);
  const returned = fn ? returnedExpressions(fn) : [];
  return returned.length > 0 && returned.every((expression) => builtInProcess(expression, depth + 1));
}

/**
 * What an expression holds, through `await` and the variables that hold it where they are
 * declared, stopping at a call (whose arguments `builtInProcess` reads, unlike
 * `resolveExpression`, which would go on into the function it calls). `null` when a variable is
 * written more than once or is no variable of the code.
 */
function heldValue(node: TSESTree.Node, depth: number): TSESTree.Node | null {
  let value = skipTypeWrappers(node);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = skipTypeWrappers(value.argument);
  if (value.type !== AST_NODE_TYPES.Identifier) return value;
  const variable = variableOf(value);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || !def.node.init || def.node.id.type !== AST_NODE_TYPES.Identifier || depth > 4)
    return null;
  if (variable!.references.some((reference) => reference.isWrite() && reference.identifier !== def.name)) return null;
  return heldValue(def.node.init, depth + 1);
}

/**
 * Whether an expression reads a parameter of a function handed to a call (`(req, res) => …` given
 * to a server or a route, or a named one), or of one whose calls the module does not all show,
 * directly or through the variables it reads. A helper's parameters stand for what its callers
 * pass, which `builtInProcess` reads at the call.
 */
function fromCallback(node: TSESTree.Node, depth: number): boolean {
  if (depth > 3) return true;
  let found = false;
  walk(node, (child) => {
    if (found || child.type !== AST_NODE_TYPES.Identifier) return;
    const def = variableOf(child)?.defs[0];
    if (def?.type === 'Parameter') {
      // A function handed to a call, written there or named (`app.post('/mcp', onMcp)`), is
      // called with what the caller has: only the calls of one the module calls itself and
      // hands nowhere are read (at the call, by `builtInProcess`).
      const fn = def.node;
      const calls = isFunctionNode(fn) ? callsOf(fn, true) : null;
      found = !calls?.complete;
    } else if (def?.type === 'Variable' && def.node.init && !containsNode(def.node, child)) {
      found = fromCallback(def.node.init, depth + 1);
    }
  });
  return found;
}
