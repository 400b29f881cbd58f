import path from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { CONFIG_FILE_SERVERS } from '../frameworks/registry';
import type { ConfigFileServer, CorsMiddleware } from '../frameworks/types';
import { skipTypeWrappers } from './ast';
import { checksCredential } from './credential-checks';
import { exportedBy, loadModule } from './exports';
import { installedVersionFor, isAtLeast } from './installed';
import { entitiesOf } from './facts';
import { moduleOf, staticValue } from './program';
import { CREDENTIAL_FINDER } from './reach';
import {
  findObjectProperty,
  possibleValues,
  resolveExpression,
  resolveObjectExpression,
  type PropertyLookup,
} from './values';

/**
 * The HTTP server an MCP framework runs from a config file of its own (xmcp's `xmcp.config.ts`):
 * the file is all the code there is for it, so the rules judge its settings there.
 */
export interface ConfigFileHttp {
  readonly server: ConfigFileServer;
  /** The property that turns the server on (`http`): where a report about the server as a whole goes. */
  readonly property: TSESTree.Property;
  /** Its settings object, `null` for `http: true` (the defaults). */
  readonly settings: TSESTree.ObjectExpression | null;
  /** The host setting (`missing`: the framework's loopback default). */
  readonly host: PropertyLookup;
  /** The CORS setting. */
  readonly cors: PropertyLookup;
  /**
   * The middleware the module beside the config file exports, which runs before every MCP request
   * (but what checks only other paths than the endpoint's).
   */
  readonly middleware: readonly TSESTree.Node[];
  /**
   * Whether a setting of the config checks a credential on every request (xmcp's
   * `experimental.oauth` before 0.7.0).
   */
  readonly settingChecksCredential: boolean;
  /** Whether that setting, or the middleware, checks a credential on every request. */
  readonly authenticated: boolean;
  /** Whether its CORS policy may answer a page of any site: left out, `*`, `true`, or a value the file does not fix. */
  readonly admitsEveryOrigin: boolean;
  /** Its CORS middleware as the installed version takes it (no `*` default before `wildcardByDefaultSince`). */
  readonly corsMiddleware: CorsMiddleware;
}

const byProgram = new WeakMap<TSESTree.Program, ConfigFileHttp | null>();

/** The linted file's framework server, when the file is a framework's config file that turns one on. */
export function configFileServer(program: TSESTree.Program): ConfigFileHttp | null {
  let found = byProgram.get(program);
  if (found === undefined) {
    found = readConfigFile(program);
    byProgram.set(program, found);
  }
  return found;
}

function readConfigFile(program: TSESTree.Program): ConfigFileHttp | null {
  const { file } = moduleOf(program);
  if (!file) return null;
  const name = path.basename(file);
  const server = CONFIG_FILE_SERVERS.find((candidate) => candidate.fileName === name);
  if (!server) return null;
  const exported = defaultExport(program);
  const config = exported && resolveObjectExpression(exported);
  if (!config) return null;
  // `experimental: { adapter: 'nextjs' }`: another framework serves it, through routes of its own.
  if (propertyAt(config, server.servedElsewhereBy).kind !== 'missing') return null;
  const http = findObjectProperty(config, server.httpKey);
  if (http.kind !== 'found' || !http.value || http.property.parent !== config) return null;
  const value = skipTypeWrappers(http.value);
  let settings: TSESTree.ObjectExpression | null = null;
  if (value.type === AST_NODE_TYPES.Literal) {
    if (value.value !== true) return null;
  } else {
    settings = resolveObjectExpression(value);
    // Settings the file does not show (a value from elsewhere) are not judged.
    if (!settings) return null;
  }
  const missing: PropertyLookup = { kind: 'missing' };
  const installed = installedVersionFor(program, server.module);
  const cors = settings ? findObjectProperty(settings, server.corsKey) : missing;
  // Middleware that checks only other paths than the endpoint's checks nothing of it.
  const endpoint = endpointOf(settings, server);
  const middleware = middlewareOf(file, server).filter((handler) => coversEndpoint(handler, endpoint));
  const settingChecksCredential = authenticatedBySetting(config, server, installed);
  // An older install sends an origin no page matches when none is set.
  const corsMiddleware: CorsMiddleware =
    installed !== null && !isAtLeast(installed, server.wildcardByDefaultSince)
      ? {
          ...server.cors,
          noOriginWhenMissing: true,
          isWildcardOrigin: (value) => value !== undefined && server.cors.isWildcardOrigin(value),
        }
      : server.cors;
  return {
    server,
    property: http.property,
    settings,
    host: settings ? findObjectProperty(settings, server.hostKey) : missing,
    cors,
    middleware,
    settingChecksCredential,
    authenticated:
      settingChecksCredential || middleware.some((handler) => checksCredential(CREDENTIAL_FINDER, handler)),
    admitsEveryOrigin: admitsEveryOrigin(corsMiddleware, cors),
    corsMiddleware,
  };
}

/** The MCP endpoint's path the settings give (`endpoint: '/'`), its default, or `null` when they do not show it. */
function endpointOf(settings: TSESTree.ObjectExpression | null, server: ConfigFileServer): string | null {
  const { key, byDefault } = server.endpoint;
  const found = settings ? findObjectProperty(settings, key) : ({ kind: 'missing' } as const);
  if (found.kind === 'missing') return byDefault;
  const value = found.kind === 'found' && found.value ? staticValue(found.value)?.value : undefined;
  return typeof value === 'string' ? value : null;
}

/**
 * Whether middleware runs its check for the endpoint: not one that checks only paths under a prefix
 * (`auth0Provider()` of `@xmcp-dev/auth0`, `/mcp`) the endpoint is not under, or may not be.
 */
function coversEndpoint(handler: TSESTree.Node, endpoint: string | null): boolean {
  const under = entitiesOf(handler, 'auth').find((entity) => entity.guardsPathsUnder !== undefined)?.guardsPathsUnder;
  return under === undefined || (endpoint !== null && endpoint.startsWith(under));
}

/** Whether a setting of the config puts a credential check before every request, in the installed version. */
function authenticatedBySetting(
  config: TSESTree.ObjectExpression,
  server: ConfigFileServer,
  installed: string | null,
): boolean {
  const { authenticatedBy } = server;
  if (!authenticatedBy || installed === null || isAtLeast(installed, authenticatedBy.before)) return false;
  const found = propertyAt(config, authenticatedBy.path);
  return found.kind === 'found' && found.value !== null && resolveObjectExpression(found.value) !== null;
}

/**
 * The property at the end of a path of keys (`experimental.adapter`): `missing` where a key on the
 * way is left out, `unknown` where what holds one is not an object the file shows.
 */
function propertyAt(object: TSESTree.ObjectExpression, path: readonly string[]): PropertyLookup {
  let found: PropertyLookup = { kind: 'missing' };
  let holder: TSESTree.ObjectExpression | null = object;
  for (const key of path) {
    if (!holder) return { kind: 'unknown' };
    found = findObjectProperty(holder, key);
    if (found.kind !== 'found') return found;
    holder = found.value && resolveObjectExpression(found.value);
  }
  return found;
}

/**
 * What a module exports as its default (`export default config`, `export default { … } satisfies
 * XmcpConfig`, `export default function middleware(…) { … }`, `export { middleware as default }`).
 */
function defaultExport(program: TSESTree.Program): TSESTree.Node | null {
  const exported = exportedBy({ kind: 'program', program }, 'default');
  return exported?.kind === 'node' && exported.node !== program ? exported.node : null;
}

/** The middleware the module beside the config file exports as its default: one, or a list. */
function middlewareOf(configFile: string, server: ConfigFileServer): TSESTree.Node[] {
  const program = loadModule(path.join(path.dirname(configFile), server.middlewareModule));
  const exported = program && defaultExport(program);
  if (!exported) return [];
  const value = skipTypeWrappers(resolveExpression(exported) ?? exported);
  if (value.type !== AST_NODE_TYPES.ArrayExpression) return [value];
  return value.elements.filter(
    (element): element is TSESTree.Expression => element !== null && element.type !== AST_NODE_TYPES.SpreadElement,
  );
}

/**
 * Whether a CORS setting may let a page of any site through a preflight: no `origin` (the
 * default), or one value it may take that is the wildcard, `true`, or not fixed by the file.
 */
function admitsEveryOrigin(middleware: CorsMiddleware, cors: PropertyLookup): boolean {
  if (cors.kind !== 'found' || !cors.value) return cors.kind !== 'missing' || middleware.isWildcardOrigin(undefined);
  const object = resolveObjectExpression(cors.value);
  if (!object) return true;
  const origin = findObjectProperty(object, 'origin');
  if (origin.kind === 'missing') return middleware.isWildcardOrigin(undefined);
  if (origin.kind !== 'found' || !origin.value) return true;
  const values = possibleValues(origin.value);
  return (
    values.length === 0 ||
    values.some(
      (value) =>
        !value.known ||
        value.value === true ||
        middleware.isWildcardOrigin(value.value) ||
        (typeof value.value !== 'string' && value.value !== false && !Array.isArray(value.value)),
    )
  );
}
