import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';
import { appendObjectProperty, replaceExpression } from '../fixes/edits';
import { asOperandOf, inPlaceOf } from '../fixes/parentheses';
import { fileStyle, quoted, type FileStyle } from '../fixes/style';
import { skipTypeWrappers, walk } from '../analysis/ast';
import { mentionsAny } from '../analysis/imports';
import { servesNoMcp } from '../analysis/mcp-scope';
import type { ServerApi, StartApi } from '../frameworks/types';
import { createRule } from '../utils/create-rule';
import { configFileServer, type ConfigFileHttp } from '../analysis/config-files';
import { configuredTransports, type ConfiguredTransport } from '../analysis/configured-servers';
import { FAIL_CLOSED_SCHEMA, failClosed, type FailClosedOption } from '../utils/fail-closed';
import {
  hostInputs,
  hostScope,
  normalizeHost,
  namesEveryInterface,
  defaultBinding,
  ephemeralTestStart,
  serverStarts,
  type HostScope,
  type ServerStart,
} from '../analysis/servers';
import { importedFile } from '../analysis/exports';
import { moduleFilterFor, moduleIndex } from '../analysis/facts';
import {
  codeOf,
  isLinted,
  moduleOf,
  placeOf,
  propertyName,
  staticValue,
  textOf,
  variableOf,
} from '../analysis/program';
import { MENTIONS_EXPORT, exportedConstantOf, importingPrograms, samePlace } from '../analysis/exported-values';
import { valueSites, type ValueSite } from '../analysis/sites';
import {
  findObjectProperty,
  possibleValues,
  resolveExpression,
  resolveFunction,
  resolveObjectExpression,
  type PossibleValue,
} from '../analysis/values';

export type Options = [
  {
    /** Hosts besides loopback that a server may bind. */
    allowedHosts?: string[];
    /** Also report a host whose value the file does not show. */
    reportUnknownHosts?: boolean;
  } & FailClosedOption,
];
export type MessageIds =
  | 'defaultHost'
  | 'everyInterface'
  | 'nonLoopbackHost'
  | 'unknownHost'
  | 'useIpv4Loopback'
  | 'useIpv6Loopback'
  | 'useLocalhost'
  | 'useLoopbackFallback'
  | 'useHostFromEnvironment';

/** The hosts the fixes write, as code in the file's quote. */
interface LoopbackHosts {
  readonly ipv4: string;
  readonly ipv6: string;
  readonly localhost: string;
  /** The host from the environment, loopback when it is unset: container and PaaS deployments set `HOST`. */
  readonly fromEnvironment: string;
}

function loopbackHosts(style: FileStyle): LoopbackHosts {
  const ipv4 = quoted('127.0.0.1', style);
  return {
    ipv4,
    ipv6: quoted('::1', style),
    localhost: quoted('localhost', style),
    fromEnvironment: `process.env.HOST ?? ${ipv4}`,
  };
}

const DEFAULT_OPTIONS: Required<Options[0]> = { allowedHosts: [], reportUnknownHosts: false, failClosedFix: false };

export default createRule<Options, MessageIds>({
  name: 'require-loopback-host',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require MCP servers to listen on a loopback host, not on every network interface',
      recommended: true,
      strictOptions: [{ reportUnknownHosts: true }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowedHosts: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Hosts besides loopback that a server may bind, such as a VPN or container address; compared with the host as written.',
          },
          reportUnknownHosts: {
            type: 'boolean',
            description:
              'Also report a host whose value the file does not show, such as a parameter or an environment variable with no fallback.',
          },
          ...FAIL_CLOSED_SCHEMA,
        },
      },
    ],
    defaultOptions: [DEFAULT_OPTIONS],
    messages: {
      defaultHost: '{{api}} with no {{hostLabel}} binds every interface ({{binding}}).',
      everyInterface: '{{api}} binds every interface when its {{hostLabel}} is {{values}}.',
      nonLoopbackHost: '{{api}} binds {{values}}, not a loopback address: other machines can reach it.',
      unknownHost: '{{api}} binds a {{hostLabel}} this file does not show, which may be every interface.',
      useIpv4Loopback: 'Bind the IPv4 loopback address, `127.0.0.1`.',
      useIpv6Loopback: 'Bind the IPv6 loopback address, `::1`.',
      useLocalhost: 'Bind `localhost`, which resolves to the loopback interface.',
      useLoopbackFallback: 'Fall back to `127.0.0.1` when the host is unset.',
      useHostFromEnvironment: 'Bind `process.env.HOST`, or `127.0.0.1` when it is unset.',
    },
  },
  defaultOptions: [DEFAULT_OPTIONS],
  create(context, [options]) {
    const { sourceCode } = context;
    const allowedHosts = new Set((options.allowedHosts ?? []).map(normalizeHost));
    const reportUnknownHosts = options.reportUnknownHosts ?? false;
    /** Read when a fix is offered, not in files with nothing to report. */
    const loopback = (): LoopbackHosts => loopbackHosts(fileStyle(sourceCode));

    /** What a host value lets in, with the hosts the user allowed counting as safe. */
    const scopeOf = (serverStart: ServerStart, candidate: PossibleValue): HostScope | null => {
      if (!candidate.known) return null;
      if (typeof candidate.value === 'string' && allowedHosts.has(normalizeHost(candidate.value))) return 'loopback';
      return hostScope(serverStart.api, candidate.value);
    };

    /**
     * Where a value is written, so that a fix changes it there: the literal in `const HOST = '0.0.0.0'`
     * rather than `HOST` where it is used, so that every use (a log line, the URL it prints) agrees.
     */
    const writtenAt = (candidate: PossibleValue): TSESTree.Node => {
      const node = skipTypeWrappers(candidate.node);
      if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression)
        return candidate.node;
      return resolveExpression(node) ?? candidate.node;
    };

    /** One fix that writes `text` in place of each of these values. */
    const replaceValues = (candidates: readonly PossibleValue[], text: string) => {
      // Only a value written as one (`'0.0.0.0'`, `undefined`) is replaced; a host that is missing
      // (an argument left out, an option with no default, named by its flags) has nothing in its
      // place to edit.
      if (!candidates.every((candidate) => isWrittenValue(writtenAt(candidate), candidate))) return () => null;
      const nodes = [...new Set(candidates.map(writtenAt))];
      return (fixer: RuleFixer): RuleFix[] => nodes.map((node) => replaceExpression(fixer, node, text));
    };

    /** Each value where it is reported, once however many servers bind it. */
    const reported = new Set<TSESTree.Node>();
    /** ` (from src/config.ts:12)` for a value another module writes. */
    const from = (site: ValueSite): string => (site.foreign ? ` (from ${placeOf(site.foreign.node, context)})` : '');

    /** Whether the server runs where `process.env` is there to read (not Deno's `serve`). */
    // Deno's own servers (`Deno.serve()`, std's `serve()`) run where `process` may not be.
    const readsProcessEnv = (api: ServerApi): boolean => {
      const { signature } = api as Partial<StartApi>;
      return signature !== 'deno-serve' && signature !== 'handler-options';
    };

    const describeValues = (candidates: readonly PossibleValue[]): string =>
      [...new Set(candidates.flatMap((candidate) => (candidate.known ? [describeValue(candidate.value)] : [])))].join(
        ' or ',
      );

    const reportStart = (serverStart: ServerStart): void => {
      // A test's server on a port the system picks (`await app.listen(0)` in `beforeAll(…)`).
      if (ephemeralTestStart(serverStart)) return;
      const { api, host, callee } = serverStart;
      switch (host.kind) {
        case 'socket':
          return;
        case 'unknown':
          if (reportUnknownHosts) {
            context.report({
              node: callee,
              messageId: 'unknownHost',
              data: { api: api.display, hostLabel: api.hostLabel },
            });
          }
          return;
        case 'default': {
          const binding = defaultBinding(api, host);
          if (binding === null) return;
          const { addHost } = host;
          context.report({
            node: callee,
            messageId: 'defaultHost',
            data: { api: api.display, hostLabel: api.hostLabel, binding },
            fix:
              addHost && failClosed({ messageId: 'useIpv4Loopback', fix: (fixer) => addHost(fixer, loopback().ipv4) }),
            suggest: addHost
              ? [
                  ...(readsProcessEnv(api)
                    ? [
                        {
                          messageId: 'useHostFromEnvironment' as const,
                          fix: (fixer: RuleFixer) => addHost(fixer, loopback().fromEnvironment),
                        },
                      ]
                    : []),
                  { messageId: 'useIpv6Loopback', fix: (fixer) => addHost(fixer, loopback().ipv6) },
                  { messageId: 'useLocalhost', fix: (fixer) => addHost(fixer, loopback().localhost) },
                ]
              : [],
          });
          return;
        }
        case 'given':
          break;
      }

      const candidates = possibleValues(host.value);
      const scopes = candidates.map((candidate) => scopeOf(serverStart, candidate));
      const withScope = (scope: HostScope): PossibleValue[] => candidates.filter((_, index) => scopes[index] === scope);

      const everyInterface = withScope('every-interface');
      if (everyInterface.length > 0) {
        // At the value where this file writes it (a default, a constant: where the fix goes), or here.
        for (const site of valueSites(host.node, host.value, everyInterface)) {
          if (reported.has(site.node)) continue;
          reported.add(site.node);
          context.report({
            node: site.node,
            messageId: 'everyInterface',
            data: { api: api.display, hostLabel: api.hostLabel, values: describeValues(site.values) + from(site) },
            fix: failClosed({ messageId: 'useIpv4Loopback', fix: replaceValues(site.values, loopback().ipv4) }),
            suggest: [
              // `'0.0.0.0'` written as the host argument itself can become the host from the environment.
              ...(readsProcessEnv(api) && site.values.length === 1 && site.values[0]!.node === host.value
                ? [
                    {
                      messageId: 'useHostFromEnvironment' as const,
                      fix: replaceValues(site.values, loopback().fromEnvironment),
                    },
                  ]
                : []),
              { messageId: 'useIpv6Loopback', fix: replaceValues(site.values, loopback().ipv6) },
              { messageId: 'useLocalhost', fix: replaceValues(site.values, loopback().localhost) },
            ],
          });
        }
        return;
      }

      const elsewhere = withScope('other');
      if (elsewhere.length > 0) {
        for (const site of valueSites(host.node, host.value, elsewhere)) {
          if (reported.has(site.node)) continue;
          reported.add(site.node);
          // The code names an address on purpose: moving it is the user's call, so no autofix.
          context.report({
            node: site.node,
            messageId: 'nonLoopbackHost',
            data: { api: api.display, values: describeValues(site.values) + from(site) },
            suggest: [
              { messageId: 'useIpv4Loopback', fix: replaceValues(site.values, loopback().ipv4) },
              { messageId: 'useIpv6Loopback', fix: replaceValues(site.values, loopback().ipv6) },
              { messageId: 'useLocalhost', fix: replaceValues(site.values, loopback().localhost) },
            ],
          });
        }
        return;
      }

      // A loopback value among the candidates (a default, a fallback) is what the code means to bind.
      if (!reportUnknownHosts || scopes.some((scope) => scope !== null)) return;
      const { value, certain } = host;
      context.report({
        node: host.node,
        messageId: 'unknownHost',
        data: { api: api.display, hostLabel: api.hostLabel },
        suggest: certain
          ? [
              {
                messageId: 'useLoopbackFallback',
                fix: (fixer) =>
                  replaceExpression(
                    fixer,
                    value,
                    inPlaceOf(sourceCode, value, `${asOperandOf('??', textOf(value), value)} ?? ${loopback().ipv4}`),
                  ),
              },
            ]
          : [],
      });
    };

    /**
     * A function of another module that starts a server with a host its caller passes
     * (`createHttpServer({ host: '0.0.0.0' })`): the value this file passes is what is bound.
     */
    const reportHostArguments = (): void => {
      for (const call of moduleIndex(sourceCode.ast).calls) {
        if (!call.arguments.some(mayBeHost) || !calleeIsImported(call)) continue;
        const fn = resolveFunction(call.callee);
        if (!fn || isLinted(fn)) continue;
        for (const { index, path, start, fallbacks } of hostInputs(fn)) {
          const value = argumentPath(call.arguments[index], path);
          if (!value || !isLinted(value)) continue;
          // `{ host = '127.0.0.1' }` or `options.host ?? 'localhost'` given `undefined` binds its
          // default: nothing to report when that default is loopback, also from the environment with
          // a loopback fallback (`options.host ?? process.env.HOST ?? 'localhost'`), as where the host is given.
          const fallbackScopes = fallbacks.flatMap((fallback) =>
            possibleValues(fallback).map((candidate) => scopeOf(start, candidate)),
          );
          const loopbackDefault =
            fallbackScopes.includes('loopback') &&
            fallbackScopes.every((scope) => scope === 'loopback' || scope === null);
          const candidates = possibleValues(value).filter(
            (candidate) =>
              !(loopbackDefault && candidate.known && candidate.value === undefined) &&
              scopeOf(start, candidate) === 'every-interface',
          );
          for (const site of valueSites(value, value, candidates)) {
            if (reported.has(site.node)) continue;
            reported.add(site.node);
            // The server and the helper that starts it, short: `server.listen()` in `startRelay()`
            // (a `node:http` server's kind left out, which the helper's name stands for).
            const started = start.api.display.replace(/^(`[^`]+`) on an? .*$/u, '$1');
            const api = `${started} in \`${textOf(call.callee)}()\``;
            context.report({
              node: site.node,
              messageId: 'everyInterface',
              data: { api, hostLabel: start.api.hostLabel, values: describeValues(site.values) + from(site) },
              fix: failClosed({ messageId: 'useIpv4Loopback', fix: replaceValues(site.values, loopback().ipv4) }),
              suggest: [
                { messageId: 'useIpv6Loopback', fix: replaceValues(site.values, loopback().ipv6) },
                { messageId: 'useLocalhost', fix: replaceValues(site.values, loopback().localhost) },
              ],
            });
          }
        }
      }
    };

    /**
     * The HTTP transports of a server configured at construction (mcp-framework), read as a server
     * start: the `host` of their options, or the installed version's default where there is none.
     */
    const configuredStart = (transport: ConfiguredTransport): ServerStart => {
      const { server, typeName, host, options, config } = transport;
      const api: ServerApi = {
        display: `${server.module}'s \`${typeName}\` transport`,
        hostLabel: '`host`',
        defaultBinding: null,
      };
      // Before `loopbackSince` there is no `host` option: `listen(port)` whatever the options say,
      // and only an upgrade changes that.
      if (!transport.bindsLoopbackByDefault) {
        const binding = `${server.module} before ${server.loopbackSince} has no \`host\` option`;
        return { api, call: config, callee: transport.type, host: { kind: 'default', addHost: null, binding } };
      }
      const addHost =
        !isLinted(config) || transport.optionsUnknown
          ? null
          : options
            ? (fixer: RuleFixer, hostText: string) =>
                appendObjectProperty(fixer, sourceCode, options, `host: ${hostText}`)
            : (fixer: RuleFixer, hostText: string) =>
                appendObjectProperty(fixer, sourceCode, config, `options: { host: ${hostText} }`);
      const reading: ServerStart['host'] =
        host.kind === 'found' && host.value
          ? { kind: 'given', node: host.property, value: host.value, certain: true }
          : host.kind === 'unknown'
            ? { kind: 'unknown' }
            : { kind: 'default', addHost };
      return { api, call: config, callee: transport.type, host: reading };
    };

    /**
     * A host that binds every interface, written in a constant this module exports
     * (`export const DEFAULT_HOST = '0.0.0.0'`, `export const CONFIG = { BIND: '::' }`) and bound
     * by a server another module of the package starts with it: reported here too, where the fix
     * can change it, naming that server.
     */
    const reportExportedHosts = (): void => {
      const { file } = moduleOf(sourceCode.ast);
      if (!file) return;
      for (const literal of everyInterfaceLiterals(sourceCode.ast)) {
        if (reported.has(literal)) continue;
        const name = exportedConstantOf(literal);
        if (!name) continue;
        const start = startBinding(file, name, literal);
        if (!start) continue;
        reported.add(literal);
        const values: PossibleValue[] = [{ known: true, value: (literal as TSESTree.Literal).value, node: literal }];
        context.report({
          node: literal,
          messageId: 'everyInterface',
          data: {
            api: `${start.api.display} (${placeOf(start.callee, context)})`,
            hostLabel: start.api.hostLabel,
            values: describeValues(values),
          },
          fix: failClosed({ messageId: 'useIpv4Loopback', fix: replaceValues(values, loopback().ipv4) }),
          suggest: [
            { messageId: 'useIpv6Loopback', fix: replaceValues(values, loopback().ipv6) },
            { messageId: 'useLocalhost', fix: replaceValues(values, loopback().localhost) },
          ],
        });
      }
    };

    /** A framework's config file that turns its HTTP server on (xmcp's `http`): its host, loopback by default. */
    const configFileStart = (configured: ConfigFileHttp): ServerStart => {
      const { server, property, settings, host } = configured;
      const api: ServerApi = {
        display: server.display,
        hostLabel: `\`${server.httpKey}.${server.hostKey}\``,
        defaultBinding: null,
      };
      const reading: ServerStart['host'] =
        host.kind === 'found' && host.value
          ? { kind: 'given', node: host.property, value: host.value, certain: true }
          : host.kind === 'missing'
            ? { kind: 'default', addHost: null }
            : { kind: 'unknown' };
      const call = settings ?? (property.parent as TSESTree.ObjectExpression);
      return { api, call, callee: property.key, host: reading };
    };

    return {
      'Program:exit'() {
        if (EVERY_INTERFACE_LITERAL.test(sourceCode.text) && MENTIONS_EXPORT.test(sourceCode.text))
          reportExportedHosts();
        const starts = serverStarts(sourceCode);
        // A server the analysis can show serves no MCP (a monitoring app beside the MCP server) is not this rule's.
        if (starts.length > 0 && !servesNoMcp(sourceCode)) for (const serverStart of starts) reportStart(serverStart);
        for (const transport of configuredTransports(sourceCode)) reportStart(configuredStart(transport));
        const configured = configFileServer(sourceCode.ast);
        if (configured) reportStart(configFileStart(configured));
        if (mentionsAny(sourceCode, MENTIONS_HOST) || MENTIONS_EVERY_INTERFACE.test(sourceCode.text))
          reportHostArguments();
      },
    };
  },
});

/**
 * Whether a node writes the value: a literal, a template without expressions or `undefined` that
 * says it (not the flags of an option whose missing default is the value).
 */
function isWrittenValue(node: TSESTree.Node, candidate: PossibleValue): boolean {
  const expression = skipTypeWrappers(node);
  if (!candidate.known) return false;
  if (expression.type === AST_NODE_TYPES.Identifier)
    return expression.name === 'undefined' && candidate.value === undefined;
  return (
    (expression.type === AST_NODE_TYPES.Literal ||
      (expression.type === AST_NODE_TYPES.TemplateLiteral && expression.expressions.length === 0)) &&
    staticValue(expression)?.value === candidate.value
  );
}

/**
 * A module that may export a host that binds every interface: `export`, and `'0.0.0.0'` or `'::'`
 * (two linear tests).
 */
const EVERY_INTERFACE_LITERAL = /['"`](?:0\.0\.0\.0|::0?)['"`]/u;

/** The string literals of a module that bind every interface as a host. */
function everyInterfaceLiterals(program: TSESTree.Program): TSESTree.Literal[] {
  const found: TSESTree.Literal[] = [];
  walk(program, (node) => {
    if (node.type === AST_NODE_TYPES.Literal && namesEveryInterface(node.value) && node.value !== '') found.push(node);
  });
  return found;
}

/** A server that a module importing the constant holding `literal` (of the linted module) starts on it. */
function startBinding(file: string, name: string, literal: TSESTree.Node): ServerStart | null {
  for (const program of importingPrograms(file, name)) {
    for (const start of serverStarts(codeOf(program))) {
      if (start.host.kind !== 'given') continue;
      if (
        possibleValues(start.host.value).some(
          (candidate) => candidate.known && samePlace(candidate.node, file, literal),
        )
      )
        return start;
    }
  }
  return null;
}

/**
 * A file that may hand a host to a function that starts a server: `host`, `address`, `bind`,
 * `bindTo`, `MCP_BIND`, not a function's `.bind(this)` nor the word `binding`, which most packages hold.
 */
const MENTIONS_HOST = /host|address|bind(?!\s*\(|ings?\b)/iu;
/** Or a host that binds every interface, written as it is: `startServer(3000, '0.0.0.0')`. */
const MENTIONS_EVERY_INTERFACE = /0\.0\.0\.0|['"`]::['"`]/u;

/**
 * Whether a call's callee comes from an import or `require` (`startServer()`, `server.start()`):
 * only another module's function can start a server this file does not show.
 */
/** The modules of the project whose imports reach a package that makes or starts a server. */
const REACHES_SERVER_PACKAGE = moduleFilterFor('server', 'start');

function calleeIsImported(call: TSESTree.CallExpression): boolean {
  let root: TSESTree.Node = skipTypeWrappers(call.callee);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipTypeWrappers(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const def = variableOf(root)?.defs[0];
  if (def?.type === 'ImportBinding') {
    // A function that starts a server lives in a module whose imports reach a server package.
    const file = importedFile(root);
    return file === null || REACHES_SERVER_PACKAGE(file);
  }
  const init = def?.type === 'Variable' ? def.node.init : null;
  return init !== null && init !== undefined && /\brequire\s*\(|\bimport\s*\(/u.test(textOf(init));
}

/** An argument that may carry a host: an object with a host-like key, or a name that says host. */
function mayBeHost(argument: TSESTree.CallExpressionArgument): boolean {
  const expression = skipTypeWrappers(argument);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) {
    return expression.properties.some(
      (property) => property.type === AST_NODE_TYPES.SpreadElement || MENTIONS_HOST.test(propertyName(property) ?? ''),
    );
  }
  // A literal is a host worth following only if it binds every interface (the only values reported
  // here): `logger.info('…')` and `logId(1001)` are not.
  if (expression.type === AST_NODE_TYPES.Literal)
    return expression.value === null || namesEveryInterface(expression.value);
  return MENTIONS_HOST.test(textOf(expression));
}

/** The value at a property path of an argument: `config.host` of `{ host: '0.0.0.0' }`. */
function argumentPath(
  argument: TSESTree.CallExpressionArgument | undefined,
  path: readonly string[],
): TSESTree.Node | null {
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return null;
  let value: TSESTree.Node = argument;
  for (const key of path) {
    const object = resolveObjectExpression(value);
    const found = object && findObjectProperty(object, key);
    if (found?.kind !== 'found' || !found.value) return null;
    value = found.value;
  }
  return value;
}

/** A host value as code: `'0.0.0.0'`, `undefined`. */
function describeValue(value: unknown): string {
  return `\`${typeof value === 'string' ? `'${value}'` : String(value)}\``;
}
