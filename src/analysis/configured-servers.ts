import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import type { ConfiguredServer } from '../frameworks/types';
import { entitiesOf, mayHoldEntities, moduleIndex } from './facts';
import { installedVersionFor, isAtLeast } from './installed';
import {
  assignedPropertyValues,
  findObjectProperty,
  nonEmptyList,
  possibleValues,
  resolveObjectExpression,
  type PropertyLookup,
} from './values';

/**
 * The HTTP transports of MCP servers configured at construction (mcp-framework's
 * `new MCPServer({ transport: { type: 'http-stream', options } })`): for each, what its options
 * say about the host, CORS, `Origin` validation and authentication, with the installed version's
 * defaults. The rules read these instead of routes: such a server has no route in the code.
 */
export interface ConfiguredTransport {
  readonly server: ConfiguredServer;
  /** `new MCPServer(…)`. */
  readonly construction: TSESTree.NewExpression;
  /** The transport's config object (`{ type: 'http-stream', options }`). */
  readonly config: TSESTree.ObjectExpression;
  /** Its `type` property: where a report about the transport as a whole goes. */
  readonly type: TSESTree.Property;
  readonly typeName: string;
  /**
   * Its `options` object, when written in the file (`null` when there is none, or it is not an
   * object the file shows).
   */
  readonly options: TSESTree.ObjectExpression | null;
  /** Whether options the analysis cannot read may hold anything (a spread, a value from elsewhere). */
  readonly optionsUnknown: boolean;
  /** The `host` option. */
  readonly host: PropertyLookup;
  /** The `cors` object, when written. */
  readonly cors: TSESTree.ObjectExpression | null;
  /** `cors.allowOrigin`, the `Access-Control-Allow-Origin` it sends (`'*'` when left out). */
  readonly allowOrigin: PropertyLookup;
  /** Whether `cors.allowedOrigins` refuses other origins: a list that is not empty, in a version that has it. */
  readonly validatesOrigin: boolean | 'unknown';
  /** Whether an auth provider refuses requests without a credential (on the transport, its options or the server). */
  readonly authenticated: boolean;
  /** Whether the installed version binds loopback when given no host (an unknown install: the current one does). */
  readonly bindsLoopbackByDefault: boolean;
  /** Whether the installed version has `cors.allowedOrigins` (an unknown install: the current one does). */
  readonly hasOriginList: boolean;
}

const byProgram = new WeakMap<TSESTree.Program, readonly ConfiguredTransport[]>();

export function configuredTransports(sourceCode: Readonly<SourceCode>): readonly ConfiguredTransport[] {
  let found = byProgram.get(sourceCode.ast);
  if (!found) {
    found = mayHoldEntities(sourceCode, 'configured-server') ? findConfiguredTransports(sourceCode) : [];
    byProgram.set(sourceCode.ast, found);
  }
  return found;
}

function findConfiguredTransports(sourceCode: Readonly<SourceCode>): ConfiguredTransport[] {
  const found: ConfiguredTransport[] = [];
  for (const construction of moduleIndex(sourceCode.ast).news) {
    const [entity] = entitiesOf(construction, 'configured-server');
    if (!entity) continue;
    const [first] = construction.arguments;
    const given = first && first.type !== AST_NODE_TYPES.SpreadElement ? first : null;
    // `const config = { name }; if (process.env.PORT) config.transport = { type: 'http-stream', … }`:
    // an options' object the code assigns a transport to after it is made (which `resolveObjectExpression`
    // does not take for its value): the literal, and each transport assigned to it.
    const assigned = given ? assignedPropertyValues(given, 'transport', 0) : null;
    const serverOptions = (given ? resolveObjectExpression(given) : null) ?? assigned?.initial ?? null;
    if (!serverOptions || !given) continue;
    // An `auth` assigned the same way may be set: counted as a provider, so nothing is reported for it.
    const serverAuth =
      hasProvider(findObjectProperty(serverOptions, 'auth')) ||
      (assigned !== null && assignedPropertyValues(given, 'auth', 0) !== null);
    const configs: TSESTree.ObjectExpression[] = [];
    const single = findObjectProperty(serverOptions, 'transport');
    const object = single.kind === 'found' && single.value ? resolveObjectExpression(single.value) : null;
    if (object) configs.push(object);
    for (const write of single.kind === 'missing' ? (assigned?.writes ?? []) : []) {
      const config = resolveObjectExpression(write);
      if (config) configs.push(config);
    }
    const many = findObjectProperty(serverOptions, 'transports');
    const list = many.kind === 'found' && many.value ? many.value : null;
    if (list?.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of list.elements) {
        const config =
          element && element.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectExpression(element) : null;
        if (config) configs.push(config);
      }
    }
    const version = installedVersionFor(construction, entity.server.module);
    for (const config of configs) {
      const transport = readTransport(entity.server, construction, config, serverAuth, version);
      if (transport) found.push(transport);
    }
  }
  return found;
}

function readTransport(
  server: ConfiguredServer,
  construction: TSESTree.NewExpression,
  config: TSESTree.ObjectExpression,
  serverAuth: boolean,
  version: string | null,
): ConfiguredTransport | null {
  const type = findObjectProperty(config, 'type');
  if (type.kind !== 'found' || !type.value) return null;
  // `type: dev ? 'stdio' : 'http-stream'`: it may serve HTTP.
  let typeName: string | null = null;
  for (const name of possibleValues(type.value)) {
    if (name.known && typeof name.value === 'string' && server.httpTypes.includes(name.value)) typeName = name.value;
  }
  if (typeof typeName !== 'string') return null;
  const optionsFound = findObjectProperty(config, 'options');
  const options =
    optionsFound.kind === 'found' && optionsFound.value ? resolveObjectExpression(optionsFound.value) : null;
  const optionsUnknown = optionsFound.kind === 'unknown' || (optionsFound.kind === 'found' && !options);
  const missing: PropertyLookup = { kind: 'missing' };
  const corsFound = options ? findObjectProperty(options, 'cors') : missing;
  const cors = corsFound.kind === 'found' && corsFound.value ? resolveObjectExpression(corsFound.value) : null;
  const hasOriginList = version === null || isAtLeast(version, server.originListSince);
  const allowedOrigins = cors ? findObjectProperty(cors, 'allowedOrigins') : missing;
  let validatesOrigin: boolean | 'unknown' = false;
  if (hasOriginList && allowedOrigins.kind === 'found' && allowedOrigins.value) {
    validatesOrigin = nonEmptyList(allowedOrigins.value);
  } else if (allowedOrigins.kind === 'unknown' || (corsFound.kind === 'found' && !cors)) {
    validatesOrigin = 'unknown';
  }
  const authenticated =
    serverAuth ||
    hasProvider(findObjectProperty(config, 'auth')) ||
    (options !== null && hasProvider(findObjectProperty(options, 'auth')));
  return {
    server,
    construction,
    config,
    type: type.property,
    typeName,
    options,
    optionsUnknown,
    host: options ? findObjectProperty(options, 'host') : optionsUnknown ? { kind: 'unknown' } : missing,
    cors,
    allowOrigin: cors ? findObjectProperty(cors, 'allowOrigin') : missing,
    validatesOrigin,
    authenticated,
    bindsLoopbackByDefault: version === null || isAtLeast(version, server.loopbackSince),
    hasOriginList,
  };
}

/**
 * Whether an `auth` option sets a provider out of the box: an object the file shows with a
 * `provider` (not `auth: undefined`, nor one chosen by a condition or the environment).
 */
function hasProvider(auth: PropertyLookup): boolean {
  if (auth.kind !== 'found' || !auth.value) return false;
  const object = resolveObjectExpression(auth.value);
  if (!object) return false;
  const provider = findObjectProperty(object, 'provider');
  return (
    provider.kind === 'found' &&
    provider.value !== null &&
    possibleValues(provider.value).every((value) => !value.known || value.value != null)
  );
}
