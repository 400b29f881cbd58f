import { inFileStyle, type FileStyle } from '../../src/fixes/style';
/** How the declarations of `require-csrf-token`'s fix are written for a file. */
export interface TokenHelperOptions {
  /** The bearer token (`Authorization: Bearer …`) instead of the token header. */
  readonly bearer?: boolean;
  /** Plain JavaScript, with no types: an ES module, or CommonJS. */
  readonly js?: 'esm' | 'commonjs';
  /** The header the token header fix reads. */
  readonly header?: string;
  /**
   * How the file calls a timingSafeEqual of node:crypto it has already (`safeEqual`,
   * `crypto.timingSafeEqual`): the check compares `Buffer`s with it. Without it, the check compares
   * in a loop, and the fix imports nothing.
   */
  readonly imported?: string;
  /** The style of the file (default: `'`, `;`, two spaces and trailing commas), which the fix writes in. */
  readonly style?: FileStyle;
}

const DEFAULT_STYLE: FileStyle = { quote: "'", semicolons: true, indent: '  ', trailingCommas: true };

/**
 * The declarations the token fix adds, as the rule writes them: the token read from the
 * environment, and its constant-time check.
 */
export function tokenHelpers({
  bearer = false,
  js,
  header = 'x-mcp-csrf-token',
  imported,
  style = DEFAULT_STYLE,
}: TokenHelperOptions = {}): string {
  const [token, check, describe, expected] = bearer
    ? [
        'MCP_AUTH_TOKEN',
        'hasValidBearerToken',
        'The bearer token every request to the MCP endpoint must carry; while it is unset, every request is refused.',
        '`Bearer ${MCP_AUTH_TOKEN}`',
      ]
    : [
        'MCP_CSRF_TOKEN',
        'hasValidCsrfToken',
        `The token every request to the MCP endpoint must carry in the ${header} header; while it is unset, every request is refused.`,
        'MCP_CSRF_TOKEN',
      ];
  const head = `/** ${describe} */
const ${token} = process.env.${token};

/** Whether a request header carries ${token}, compared in constant time. */
function ${check}(value${js ? ')' : ': unknown): boolean'} {
  if (!${token} || typeof value !== 'string') return false;`;
  if (imported) {
    return inFileStyle(
      `${head}
  const expected = Buffer.from(${expected});
  const received = Buffer.from(value);
  return received.length === expected.length && ${imported}(received, expected);
}`,
      style,
    );
  }
  return inFileStyle(
    `${head}
  const expected = ${expected};
  if (value.length !== expected.length) return false;
  let difference = 0;
  for (let index = 0; index < expected.length; index++) {
    difference |= value.charCodeAt(index) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}`,
    style,
  );
}

/** Where the token fix puts its check: a middleware before the handler, or a test atop the handler's body. */
export type GuardKind = 'express' | 'hono' | 'fastify' | 'koa' | 'koa handler' | 'node:http' | 'elysia' | 'h3';

/** What the token fix answers a request without the token with. */
export const REFUSAL = "{ error: 'Missing or invalid credentials for this MCP server' }";

/**
 * The check the token fix writes, in the words of `kind`, with every line but the first indented
 * by `indent`. A middleware ends with the `, ` before the handler; a test atop a handler's body
 * (node:http, a Koa handler) ends with the indent of the statement after it; Elysia's is the
 * `beforeHandle` property of a route's hook object, and h3's a route middleware, with nothing after it.
 */
export function guard(
  kind: GuardKind,
  bearer: boolean,
  {
    indent = '',
    header = 'x-mcp-csrf-token',
    style = DEFAULT_STYLE,
  }: { indent?: string; header?: string; style?: FileStyle } = {},
): string {
  return inFileStyle(guardText(kind, bearer, indent, header), style);
}

function guardText(kind: GuardKind, bearer: boolean, indent: string, header: string): string {
  const check = bearer ? 'hasValidBearerToken' : 'hasValidCsrfToken';
  const name = bearer ? 'authorization' : header;
  const status = bearer ? 401 : 403;
  const koaRefusal = (at: string): string =>
    `${at}  ctx.status = ${status};
${bearer ? `${at}  ctx.set('WWW-Authenticate', 'Bearer');\n` : ''}${at}  ctx.body = ${REFUSAL};
${at}  return;
${at}}`;
  switch (kind) {
    case 'express':
      return `(req, res, next) => {
${indent}  if (!${check}(req.headers['${name}'])) {
${indent}    res.status(${status})${bearer ? ".set('WWW-Authenticate', 'Bearer')" : ''}.json(${REFUSAL});
${indent}    return;
${indent}  }
${indent}  next();
${indent}}, `;
    case 'hono':
      return `async (c, next) => {
${indent}  if (!${check}(c.req.header('${name}'))) return c.json(${REFUSAL}, ${status}${bearer ? ", { 'WWW-Authenticate': 'Bearer' }" : ''});
${indent}  await next();
${indent}}, `;
    case 'fastify':
      return `preHandler: async (request, reply) => {
${indent}  if (!${check}(request.headers['${name}'])) return reply.code(${status})${bearer ? ".header('WWW-Authenticate', 'Bearer')" : ''}.send(${REFUSAL});
${indent}} `;
    case 'koa':
      return `async (ctx, next) => {
${indent}  if (!${check}(ctx.get('${name}'))) {
${koaRefusal(`${indent}  `)}
${indent}  await next();
${indent}}, `;
    case 'koa handler':
      return `if (ctx.method === 'POST' && !${check}(ctx.get('${name}'))) {
${koaRefusal(indent)}
${indent}`;
    case 'elysia':
      return `beforeHandle: ({ headers, set }) => {
${indent}  if (!${check}(headers['${name}'])) {
${indent}    set.status = ${status};
${bearer ? `${indent}    set.headers['www-authenticate'] = 'Bearer';\n` : ''}${indent}    return ${REFUSAL};
${indent}  }
${indent}}`;
    case 'h3':
      return `(event) => {
${indent}  if (!${check}(event.req.headers.get('${name}'))) {
${indent}    return Response.json(${REFUSAL}, { status: ${status}${bearer ? ", headers: { 'WWW-Authenticate': 'Bearer' }" : ''} });
${indent}  }
${indent}}`;
    case 'node:http':
      return `if (req.method === 'POST' && !${check}(req.headers['${name}'])) {
${indent}  res.writeHead(${status}, { 'Content-Type': 'application/json'${bearer ? ", 'WWW-Authenticate': 'Bearer'" : ''} }).end(JSON.stringify(${REFUSAL}));
${indent}  return;
${indent}}
${indent}`;
  }
}

/**
 * The report on a route that checks no token, at `[line, column, endLine, endColumn]`, with its two
 * suggestions: the token header check and the bearer check, as `fixed(bearer)` writes the file.
 */
export function missingCheck(
  route: string,
  [line, column, endLine, endColumn]: readonly [number, number, number, number],
  fixed: (bearer: boolean) => string,
) {
  return {
    messageId: 'missingCsrfCheck' as const,
    data: { route },
    line,
    column,
    endLine,
    endColumn,
    suggestions: [
      { messageId: 'requireTokenHeader' as const, data: { header: '`x-mcp-csrf-token`' }, output: fixed(false) },
      { messageId: 'useBearerToken' as const, output: fixed(true) },
    ],
  };
}

/**
 * The three loopback suggestions of `require-loopback-host` for an explicit host, as `output(host)`
 * writes the file.
 */
export function loopbackHostSuggestions(output: (host: string) => string) {
  return (
    [
      ['useIpv4Loopback', "'127.0.0.1'"],
      ['useIpv6Loopback', "'::1'"],
      ['useLocalhost', "'localhost'"],
    ] as const
  ).map(([messageId, host]) => ({ messageId, output: output(host) }));
}

/**
 * The suggestions of `require-loopback-host` for a host that listens on every interface, each with
 * the host it writes, in the order the rule offers them (the fail-closed `127.0.0.1` first).
 */
export const LOOPBACK_HOSTS = [
  ['useIpv4Loopback', "'127.0.0.1'"],
  ['useHostFromEnvironment', "process.env.HOST ?? '127.0.0.1'"],
  ['useIpv6Loopback', "'::1'"],
  ['useLocalhost', "'localhost'"],
] as const;

/**
 * The report on a `node:http` server's `listen(port)` with no host (`api` names the server), and its
 * four suggestions, each as `hosted(', host')` writes it.
 */
export function nodeDefaultHost(
  line: number,
  hosted: (host: string) => string,
  api = '`server.listen()` on a `node:http` server',
) {
  return {
    messageId: 'defaultHost' as const,
    data: { api, hostLabel: 'host', binding: "Node's default is `::`" },
    line,
    column: 8,
    endLine: line,
    endColumn: 14,
    suggestions: LOOPBACK_HOSTS.map(([messageId, host]) => ({ messageId, output: hosted(`, ${host}`) })),
  };
}

/** Where `code` makes its `StreamableHTTPServerTransport`: the line and column of the class's name. */
export function transportAt(code: string): [line: number, column: number] {
  const lines = code.split('\n');
  const line = lines.findIndex((text) => text.includes('new StreamableHTTPServerTransport'));
  return [line + 1, lines[line]!.indexOf('StreamableHTTPServerTransport') + 1];
}

/** Where `require-dns-rebinding-protection`'s fix imports the SDK's Host validation middleware from. */
export const HOST_VALIDATION_MODULE = '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';

/**
 * `code` as `require-dns-rebinding-protection` fixes a v1 transport served by the Express app or
 * router `app` where the installed SDK (1.24.0 or later) has the Host validation middleware:
 * `app.use(localhostHostValidation());` on the line after the one-line statement that makes
 * `app`, and the middleware imported (or required, in a file that calls `require`) after the
 * last import or `require` at the top (or the file's last import, where its imports follow other code).
 */
export function hostValidated(code: string, app = 'app'): string {
  const lines = code.split('\n');
  const made = lines.findIndex((line) => new RegExp(`^\\s*(?:export )?(?:const|let|var) ${app} = `).test(line));
  if (made === -1) throw new Error(`no \`${app}\` made on a line of its own`);
  const indent = /^\s*/.exec(lines[made]!)![0];
  lines.splice(made + 1, 0, `${indent}${app}.use(localhostHostValidation());`);
  const requires = /\brequire\(/.test(code);
  const opening = (line: string): boolean =>
    /^import\b.*['"];$/.test(line) || /^(?:const|let|var) .* = require\(['"][^'"]+['"]\)[.\w]*;$/.test(line);
  let last = -1;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (opening(line)) last = index;
    else if (/^import\b[^;]*$/.test(line)) {
      // An import over several lines, to its `from '…';`.
      while (index < lines.length - 1 && !/\bfrom ['"][^'"]+['"];$/.test(lines[index]!)) index++;
      last = index;
    } else if (line.trim() !== '' && !line.startsWith('//')) break;
  }
  // Imports that follow other code (`function …` first): after the last of them.
  if (last === -1) last = lines.findLastIndex((line) => /^import\b.*['"];$/.test(line));
  if (last === -1) throw new Error('no import or require');
  lines.splice(
    last + 1,
    0,
    requires
      ? `const { localhostHostValidation } = require('${HOST_VALIDATION_MODULE}');`
      : `import { localhostHostValidation } from '${HOST_VALIDATION_MODULE}';`,
  );
  return lines.join('\n');
}

/**
 * The report of `require-dns-rebinding-protection` on a `StreamableHTTPServerTransport` made with
 * `{ sessionIdGenerator: undefined }` at `line` and `column`, where no Express app of the file serves
 * it (or the installed SDK predates the middleware), and its suggestion, which turns the transport's
 * protection on for a server on `port`.
 */
export function unprotectedTransportOptions(code: string, line: number, column: number, port = 3000) {
  return {
    messageId: 'unprotectedTransport' as const,
    data: { transport: '`StreamableHTTPServerTransport`' },
    line,
    column,
    endLine: line,
    endColumn: column + 'StreamableHTTPServerTransport'.length,
    suggestions: [
      {
        messageId: 'enableProtection' as const,
        output: code.replace(
          '{ sessionIdGenerator: undefined }',
          `{ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['127.0.0.1:${port}', 'localhost:${port}'] }`,
        ),
      },
    ],
  };
}

/**
 * The report of `require-dns-rebinding-protection` on a `StreamableHTTPServerTransport` at `line`
 * and `column`, made in a route of the Express app `app`, and its suggestion, which puts the SDK's
 * Host validation middleware in front of the app's routes (see `hostValidated`).
 */
export function unprotectedTransport(code: string, line: number, column: number, app = 'app') {
  return {
    messageId: 'unprotectedTransport' as const,
    data: { transport: '`StreamableHTTPServerTransport`' },
    line,
    column,
    endLine: line,
    endColumn: column + 'StreamableHTTPServerTransport'.length,
    suggestions: [{ messageId: 'validateHost' as const, output: hostValidated(code, app) }],
  };
}
