import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { exportNamesWith } from '../frameworks/registry';
import type { McpAppFactory, McpTransport } from '../frameworks/types';
import { skipTypeWrappers, walk } from './ast';
import { constructedEntitiesOf, entitiesOf, mayHoldEntities, moduleIndex, trackedNodes } from './facts';
import { valueWithUnsetEnvironment } from './unset-environment';
import { propertyName, variableOf } from './program';
import { classOf, findObjectProperty, isFunctionNode, possibleValues, resolveObjectExpression } from './values';

export type { McpAppFactory, McpTransport } from '../frameworks/types';

/** The names the SDK's transports and app factories are exported under. */
const TRANSPORT_NAMES = exportNamesWith('mcp-transport');
const APP_FACTORY_NAMES = exportNamesWith('mcp-app');

/** The name a call or `new` calls: `StreamableHTTPServerTransport`, `createMcpExpressApp`. */
function calleeName(node: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const callee = skipTypeWrappers(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : null;
}

/**
 * `new StreamableHTTPServerTransport(options)` and `new SSEServerTransport(path, res, options)` in
 * the linted file: imported from the SDK, through the project's own modules, or (in the SDK's
 * own repository) by relative path.
 */
export function findMcpTransports(sourceCode: Readonly<SourceCode>): readonly McpTransportMade[] {
  // Asked by several rules of one file: read once per file.
  let found = transportsByProgram.get(sourceCode.ast);
  if (!found) {
    found = readMcpTransports(sourceCode);
    transportsByProgram.set(sourceCode.ast, found);
  }
  return found;
}

/** A transport the linted file makes: the `new` expression, and what the adapters know of it. */
interface McpTransportMade {
  readonly node: TSESTree.NewExpression;
  readonly transport: McpTransport;
}

const transportsByProgram = new WeakMap<TSESTree.Program, readonly McpTransportMade[]>();

function readMcpTransports(sourceCode: Readonly<SourceCode>): McpTransportMade[] {
  const found: McpTransportMade[] = [];
  if (!mayHoldEntities(sourceCode, 'mcp-transport')) return found;
  const tracked = trackedNodes(sourceCode);
  for (const node of moduleIndex(sourceCode.ast).news) {
    if (!tracked.has(node) && !TRANSPORT_NAMES.has(calleeName(node) ?? '')) {
      const inherited = subclassedTransport(node);
      if (inherited) found.push({ node, transport: inherited });
      continue;
    }
    for (const entity of entitiesOf(node, 'mcp-transport')) {
      if (entity.kind === 'mcp-transport') found.push({ node, transport: entity.transport });
    }
  }
  return found;
}

/**
 * The SDK transport a class of the project extends, where `new` of the class hands its arguments
 * to the transport as they are: the class has no constructor of its own, or one that passes its
 * parameters to `super()` in their order (`class LoggingTransport extends
 * StreamableHTTPServerTransport { … }`, also of another module).
 */
function subclassedTransport(node: TSESTree.NewExpression): McpTransport | null {
  const cls = classOf(node.callee);
  if (!cls?.superClass) return null;
  const [entity] = constructedEntitiesOf(cls.superClass, 'mcp-transport');
  if (!entity) return null;
  const constructor = cls.body.body.find(
    (member): member is TSESTree.MethodDefinition =>
      member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor',
  );
  if (!constructor) return entity.transport;
  const params = constructor.value.params;
  let passes = false;
  walk(constructor.value.body ?? constructor.value, (inner) => {
    if (inner.type !== AST_NODE_TYPES.CallExpression || inner.callee.type !== AST_NODE_TYPES.Super) return;
    passes =
      inner.arguments.length === params.length &&
      inner.arguments.every((argument, index) => {
        const param = params[index];
        return (
          argument.type === AST_NODE_TYPES.Identifier &&
          param?.type === AST_NODE_TYPES.Identifier &&
          argument.name === param.name
        );
      });
  });
  // Not when the constructor changes what it hands on: `options = { ...options, … }`, `options.x = …`.
  const unchanged = params.every((param) => {
    const variable = param.type === AST_NODE_TYPES.Identifier ? variableOf(param) : null;
    return (
      variable !== null &&
      variable.references.every((reference) => {
        if (reference.isWrite()) return false;
        const member = reference.identifier.parent;
        return !(
          member?.type === AST_NODE_TYPES.MemberExpression &&
          member.object === reference.identifier &&
          member.parent?.type === AST_NODE_TYPES.AssignmentExpression &&
          member.parent.left === member
        );
      })
    );
  });
  return passes && unchanged ? entity.transport : null;
}

/** The SDK's app factories called in the linted file. */
export function findMcpAppFactories(
  sourceCode: Readonly<SourceCode>,
): { call: TSESTree.CallExpression; factory: McpAppFactory }[] {
  const found: { call: TSESTree.CallExpression; factory: McpAppFactory }[] = [];
  if (!mayHoldEntities(sourceCode, 'mcp-app')) return found;
  const tracked = trackedNodes(sourceCode);
  for (const call of moduleIndex(sourceCode.ast).calls) {
    if (!tracked.has(call) && !APP_FACTORY_NAMES.has(calleeName(call) ?? '')) continue;
    for (const entity of entitiesOf(call, 'mcp-app')) {
      if (entity.kind === 'mcp-app') found.push({ call, factory: entity.factory });
    }
  }
  return found;
}

/**
 * Whether a v1 transport's options turn its own protection on: `enableDnsRebindingProtection: true`
 * and a non-empty `allowedHosts` (v1 checks the `Host` header, port included, against that list).
 */
export function transportProtects(
  options: TSESTree.Node | undefined,
  switched: boolean = true,
  listsKey?: string,
): boolean | 'unknown' {
  const object = options && resolveObjectExpression(options);
  if (!object)
    return options && options.type !== AST_NODE_TYPES.SpreadElement && !isFunctionNode(options) ? 'unknown' : false;
  if (listsKey !== undefined) {
    // `security: { allowedHosts: 'localhost' }` (@rekog/mcp-nest 2.x).
    const held = findObjectProperty(object, listsKey);
    if (held.kind === 'unknown') return 'unknown';
    if (held.kind === 'missing' || !held.value) return false;
    const lists = resolveObjectExpression(held.value);
    return lists ? listsProtect(lists, true) : 'unknown';
  }
  // mcp-lite has no switch: a list turns its check on.
  if (!switched) return listsProtect(object);
  const enabled = findObjectProperty(object, 'enableDnsRebindingProtection');
  // Options spread in from code the analysis cannot read (`...dnsRebindingOptions()`) may switch it on.
  if (enabled.kind === 'unknown') return 'unknown';
  const on =
    enabled.kind === 'found' &&
    enabled.value !== null &&
    (possibleValues(enabled.value).every((value) => value.known && value.value === true) ||
      // On unless the operator turns it off: `process.env.DNS_PROTECTION !== 'false'`.
      valueWithUnsetEnvironment(enabled.value)?.value === true);
  if (!on) return false;
  return listsProtect(object);
}

/**
 * Either list turns a check on: `allowedHosts` for Host, `allowedOrigins` for Origin. In
 * `@rekog/mcp-nest` 2.x's `security` (`localhostKeyword`), `'localhost'` stands for the localhost
 * names, and an empty list refuses every request (the SDK's `validateHostHeader(host, [])`).
 */
function listsProtect(object: TSESTree.ObjectExpression, localhostKeyword = false): boolean {
  return ['allowedHosts', 'allowedOrigins'].some((key) => {
    const list = findObjectProperty(object, key);
    if (list.kind !== 'found' || !list.value) return false;
    return possibleValues(list.value).every(
      (value) =>
        !value.known ||
        (Array.isArray(value.value) && (value.value.length > 0 || localhostKeyword)) ||
        (localhostKeyword && value.value === 'localhost'),
    );
  });
}

// createMcpExpressApp / createMcpHonoApp: `host` defaults to '127.0.0.1'; for '127.0.0.1',
// 'localhost' and '::1' the Host (v2: and Origin) validation is applied; otherwise only when
// `allowedHosts` is given.
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** What an SDK app's options say about its validation: on, off (with the `host` that turns it off), or unknown. */
export type AppProtection =
  | { readonly kind: 'on' }
  | {
      readonly kind: 'off';
      readonly host: TSESTree.Property;
      readonly value: TSESTree.Node;
      readonly options: TSESTree.ObjectExpression;
    }
  | { readonly kind: 'unknown' };

/**
 * Whether an SDK app refuses requests whose `Origin` is not allowed: a v2 app given
 * `allowedOrigins`, or whose `host` is loopback (the default). Absent an `Origin`, it lets a
 * request through; a browser sends one with every cross-origin `POST`.
 */
export function mcpAppValidatesOrigin(call: TSESTree.CallExpression, factory: McpAppFactory): boolean {
  if (!factory.validatesOrigin) return false;
  const [first] = call.arguments;
  if (!first) return true;
  const options = resolveObjectExpression(first);
  if (!options) return false;
  const origins = findObjectProperty(options, 'allowedOrigins');
  if (origins.kind === 'unknown') return false;
  // A list the file shows (`originValidation(list)` refuses every other origin); not one from the environment.
  if (origins.kind === 'found') {
    const lists = origins.value ? possibleValues(origins.value) : [];
    return lists.length > 0 && lists.every((list) => list.known && Array.isArray(list.value));
  }
  const host = findObjectProperty(options, 'host');
  if (host.kind === 'missing') return true;
  if (host.kind === 'unknown' || !host.value) return false;
  return possibleValues(host.value).every(
    (value) => value.known && typeof value.value === 'string' && LOOPBACK_HOSTS.has(value.value),
  );
}

export function mcpAppProtection(call: TSESTree.CallExpression, factory: McpAppFactory): AppProtection {
  const [first] = call.arguments;
  if (!first) return { kind: 'on' };
  const options = resolveObjectExpression(first);
  if (!options) return { kind: 'unknown' };
  // v2 validates Origin as well when given `allowedOrigins`; v1 has no such option.
  for (const key of factory.allowedKeys) {
    const allowed = findObjectProperty(options, key);
    if (allowed.kind !== 'missing') return { kind: allowed.kind === 'found' ? 'on' : 'unknown' };
  }
  const host = findObjectProperty(options, 'host');
  if (host.kind === 'missing') return { kind: 'on' };
  if (host.kind === 'unknown' || !host.value) return { kind: 'unknown' };
  const values = possibleValues(host.value);
  const unsafe = values.some(
    (value) =>
      value.known && (typeof value.value !== 'string' || !LOOPBACK_HOSTS.has(value.value)) && value.value !== undefined,
  );
  if (unsafe) return { kind: 'off', host: host.property, value: host.value, options };
  return values.every((value) => value.known) ? { kind: 'on' } : { kind: 'unknown' };
}
