import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { CALL, CONSTRUCT, trackModules } from './imports';
import { findObjectProperty, possibleValues, resolveObjectExpression } from './values';

/**
 * What the MCP SDK offers against DNS rebinding, read from its sources: `@modelcontextprotocol/sdk`
 * 1.x and the 2.x packages `@modelcontextprotocol/express`, `/hono`, `/node`.
 */

/** The v1 HTTP transports whose options carry `enableDnsRebindingProtection` and `allowedHosts`. */
export type V1Transport = 'streamable' | 'sse';

const V1_TRANSPORTS = {
  '@modelcontextprotocol/sdk/server/streamableHttp.js': {
    StreamableHTTPServerTransport: { [CONSTRUCT]: 'streamable' },
  },
  '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js': {
    WebStandardStreamableHTTPServerTransport: { [CONSTRUCT]: 'streamable' },
  },
  '@modelcontextprotocol/sdk/server/sse.js': { SSEServerTransport: { [CONSTRUCT]: 'sse' } },
} as const;

/** `new StreamableHTTPServerTransport(options)` and `new SSEServerTransport(path, res, options)` in the file. */
export function findV1Transports(
  sourceCode: Readonly<SourceCode>,
): { node: TSESTree.NewExpression; kind: V1Transport }[] {
  if (!sourceCode.text.includes('@modelcontextprotocol/sdk')) return [];
  return trackModules<V1Transport>(sourceCode, V1_TRANSPORTS as never)
    .filter(
      (found): found is { node: TSESTree.NewExpression; info: V1Transport } =>
        found.node.type === AST_NODE_TYPES.NewExpression,
    )
    .map(({ node, info }) => ({ node, kind: info }));
}

/** The options argument of a v1 transport: the first for Streamable HTTP, the third for SSE. */
export function transportOptionsIndex(kind: V1Transport): number {
  return kind === 'sse' ? 2 : 0;
}

/**
 * Whether a v1 transport's options turn its own protection on: `enableDnsRebindingProtection: true`
 * and a non-empty `allowedHosts` (v1 checks the `Host` header, port included, against that list).
 */
export function transportProtects(options: TSESTree.Node | undefined): boolean {
  const object = options && resolveObjectExpression(options);
  if (!object) return false;
  const enabled = findObjectProperty(object, 'enableDnsRebindingProtection');
  const on =
    enabled.kind === 'found' &&
    enabled.value !== null &&
    possibleValues(enabled.value).every((value) => value.known && value.value === true);
  if (!on) return false;
  // Either list turns a check on: `allowedHosts` for Host, `allowedOrigins` for Origin.
  return ['allowedHosts', 'allowedOrigins'].some((key) => {
    const list = findObjectProperty(object, key);
    if (list.kind !== 'found' || !list.value) return false;
    return possibleValues(list.value).every(
      (value) => !value.known || (Array.isArray(value.value) && value.value.length > 0),
    );
  });
}

/**
 * The SDK's Host and Origin validation middleware: using one on an app protects the routes after
 * it. Both packages export `hostHeaderValidation`, `localhostHostValidation`, `originValidation`
 * and `localhostOriginValidation`.
 */
export const VALIDATION_MIDDLEWARE = (() => {
  const middleware = {
    hostHeaderValidation: { [CALL]: 'middleware' },
    localhostHostValidation: { [CALL]: 'middleware' },
    originValidation: { [CALL]: 'middleware' },
    localhostOriginValidation: { [CALL]: 'middleware' },
  };
  return {
    '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js': middleware,
    '@modelcontextprotocol/express': middleware,
    '@modelcontextprotocol/hono': middleware,
    '@modelcontextprotocol/node': middleware,
  } as const;
})();

/** The apps the SDK makes, which validate `Host` (and in v2 `Origin`) unless told a non-loopback host. */
export type McpAppFactory = 'express-v1' | 'express-v2' | 'hono-v2';

const APP_FACTORIES = {
  '@modelcontextprotocol/sdk/server/express.js': { createMcpExpressApp: { [CALL]: 'express-v1' } },
  '@modelcontextprotocol/express': { createMcpExpressApp: { [CALL]: 'express-v2' } },
  '@modelcontextprotocol/hono': { createMcpHonoApp: { [CALL]: 'hono-v2' } },
} as const;

export function findMcpAppFactories(
  sourceCode: Readonly<SourceCode>,
): { call: TSESTree.CallExpression; factory: McpAppFactory }[] {
  if (!sourceCode.text.includes('@modelcontextprotocol/')) return [];
  return trackModules<McpAppFactory>(sourceCode, APP_FACTORIES as never)
    .filter(
      (found): found is { node: TSESTree.CallExpression; info: McpAppFactory } =>
        found.node.type === AST_NODE_TYPES.CallExpression,
    )
    .map(({ node, info }) => ({ call: node, factory: info }));
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

export function mcpAppProtection(call: TSESTree.CallExpression, factory: McpAppFactory): AppProtection {
  const [first] = call.arguments;
  if (!first) return { kind: 'on' };
  const options = resolveObjectExpression(first);
  if (!options) return { kind: 'unknown' };
  // v2 validates Origin as well when given `allowedOrigins`; v1 has no such option.
  for (const key of factory === 'express-v1' ? ['allowedHosts'] : ['allowedHosts', 'allowedOrigins']) {
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
