import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { RuleListener, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { calledMethodName, enclosingFunctionOrProgram, skipTypeWrappers } from './ast';
import { CALL, CONSTRUCT, trackGlobals } from './imports';
import { findObjectProperty, possibleValues, resolveExpression, resolveObjectExpression } from './values';
import { staticValue, propertyName } from './program';

/** One response header set in code. */
export interface HeaderWrite {
  /** The header's name, lower-cased. */
  readonly name: string;
  /** The value expression as written. */
  readonly value: TSESTree.Node;
  /**
   * What sets it: a call such as `res.setHeader(name, value)`, a property of a headers object,
   * a `[name, value]` pair, or an assignment `headers[name] = value`.
   */
  readonly node: TSESTree.Node;
  readonly form: 'call' | 'property' | 'pair' | 'assignment';
}

export const ALLOW_ORIGIN = 'access-control-allow-origin';
export const ALLOW_CREDENTIALS = 'access-control-allow-credentials';

/**
 * Methods that set one header from a name and a value, across frameworks: Node's
 * `res.setHeader`, express `res.header|set|append`, Fastify `reply.header`, Koa `ctx.set|append`,
 * Hono `c.header`, web `headers.set|append`.
 */
const NAME_VALUE_METHODS = new Set(['setHeader', 'header', 'set', 'append', 'appendHeader']);
/** Methods that take an object of headers as their only argument: express `res.set({...})`, Fastify `reply.headers({...})`. */
const HEADER_OBJECT_METHODS = new Set(['set', 'header', 'headers', 'setHeaders']);
/** Hono's response helpers: `c.json(data, status, headers)` or `c.json(data, { headers })`. */
const HONO_RESPONSE_METHODS = new Set(['json', 'text', 'html', 'body', 'newResponse']);
const GLOBAL_TRACE_MAP = {
  Headers: { [CONSTRUCT]: 'headers' },
  Response: { [CONSTRUCT]: 'response', json: { [CALL]: 'response-json' } },
  // Loops that copy a headers object onto a response: `for (const [k, v] of Object.entries(h))`.
  Object: { entries: { [CALL]: 'iterate' }, keys: { [CALL]: 'iterate' } },
} as const;

/**
 * Listeners that report every response header a file sets whose name is in `names`, through
 * any header API this plugin knows, with the value as written. Header objects are followed
 * through constants and spreads; each header is reported once however many places use it.
 */
export function headerWriteListeners(
  sourceCode: Readonly<SourceCode>,
  names: ReadonlySet<string>,
  onWrite: (write: HeaderWrite) => void,
): RuleListener {
  const seen = new Set<TSESTree.Node>();
  const emit = (write: HeaderWrite): void => {
    if (seen.has(write.node)) return;
    seen.add(write.node);
    onWrite(write);
  };

  const staticName = (node: TSESTree.Node): string | null => {
    const result = staticValue(node);
    return typeof result?.value === 'string' ? result.value.toLowerCase() : null;
  };

  /** Every header in a headers object, or in an array of `[name, value]` pairs. */
  const visitHeaders = (node: TSESTree.Node, depth = 0): void => {
    if (depth > 8) return;
    const resolved = resolveExpression(node);
    if (!resolved) return;
    if (resolved.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of resolved.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) {
          visitHeaders(property.argument, depth + 1);
          continue;
        }
        const key = propertyName(property);
        if (key === null || !names.has(key.toLowerCase())) continue;
        if (property.kind !== 'init' || property.method) continue;
        emit({ name: key.toLowerCase(), value: property.value, node: property, form: 'property' });
      }
    } else if (resolved.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of resolved.elements) {
        if (element?.type === AST_NODE_TYPES.SpreadElement) {
          visitHeaders(element.argument, depth + 1);
          continue;
        }
        const pair = element && resolveExpression(element);
        if (pair?.type !== AST_NODE_TYPES.ArrayExpression || pair.elements.length !== 2) continue;
        const [nameNode, valueNode] = pair.elements;
        if (!nameNode || !valueNode || nameNode.type === AST_NODE_TYPES.SpreadElement) continue;
        const name = staticName(nameNode);
        if (name && names.has(name)) emit({ name, value: valueNode, node: pair, form: 'pair' });
      }
    }
  };

  /** A `ResponseInit`-like object: its `headers` property. */
  const visitResponseInit = (node: TSESTree.Node): void => {
    const init = resolveObjectExpression(node);
    if (!init) return;
    const headers = findObjectProperty(init, 'headers');
    if (headers.kind === 'found' && headers.value) visitHeaders(headers.value);
  };

  return {
    Program() {
      for (const { node, info } of trackGlobals(sourceCode, GLOBAL_TRACE_MAP as never)) {
        if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) continue;
        const [first, second] = node.arguments;
        if (info === 'headers' && first) visitHeaders(first);
        else if ((info === 'response' || info === 'response-json') && second) visitResponseInit(second);
        else if (info === 'iterate' && first) visitHeaders(first);
      }
    },
    CallExpression(call) {
      const callee = skipTypeWrappers(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method =
        !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier
          ? callee.property.name
          : calledMethodName(call);
      if (method === null) return;
      const args = call.arguments;
      if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return;
      if (NAME_VALUE_METHODS.has(method) && args.length >= 2) {
        const name = staticName(args[0]!);
        if (name && names.has(name)) emit({ name, value: args[1]!, node: call, form: 'call' });
        return;
      }
      if (HEADER_OBJECT_METHODS.has(method) && args.length === 1) {
        visitHeaders(args[0]!);
        return;
      }
      if (method === 'writeHead' && args.length >= 2) {
        visitHeaders(args.at(-1)!);
        return;
      }
      if (HONO_RESPONSE_METHODS.has(method) && args.length >= 2) {
        if (args.length >= 3) visitHeaders(args[2]!);
        else visitResponseInit(args[1]!);
      }
    },
    AssignmentExpression(assignment) {
      const target = assignment.left;
      if (target.type !== AST_NODE_TYPES.MemberExpression || assignment.operator !== '=') return;
      const name = propertyName(target);
      if (name && names.has(name.toLowerCase())) {
        emit({ name: name.toLowerCase(), value: assignment.right, node: assignment, form: 'assignment' });
      }
    },
    ForInStatement(loop) {
      visitHeaders(loop.right);
    },
  };
}

/**
 * Where a file sends `Access-Control-Allow-Credentials: true`, to tell whether an origin policy
 * comes with credentials: `note` each header write, then ask `besides` about a place in the code.
 */
export function credentialsTracker(): {
  note(write: HeaderWrite): void;
  besides(node: TSESTree.Node): boolean;
} {
  /** Functions that send the header, and headers objects that hold it. */
  const scopes = new Set<TSESTree.Node>();
  return {
    note(write) {
      if (write.name !== ALLOW_CREDENTIALS) return;
      const on = possibleValues(write.value).some(
        (value) => value.known && (value.value === true || value.value === 'true'),
      );
      if (!on) return;
      scopes.add(enclosingFunctionOrProgram(write.node));
      if (write.form === 'property' && write.node.parent) scopes.add(write.node.parent);
    },
    besides(node) {
      return scopes.has(enclosingFunctionOrProgram(node)) || (node.parent !== undefined && scopes.has(node.parent));
    },
  };
}
