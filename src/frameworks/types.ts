import type { TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

/**
 * What the plugin knows about one package (or one runtime's globals): which of its exports make
 * an app, a server, a CORS middleware, an auth check or an MCP transport, and how each behaves.
 * Each fact is read from the package's own source; the adapter names the version and file beside it.
 */
/** A property of an options object and the value (or the values) it must have. */
export interface OptionValue {
  readonly key: string;
  readonly value: string | readonly string[];
}

export interface Adapter {
  readonly name: string;
  /** Exports the analysis tracks, by module name as code imports it (`node:` prefixes are added for Node's own). */
  readonly modules?: Readonly<Record<string, TraceNode>>;
  /** Globals the analysis tracks (`Bun`, `Deno`, `Response`). */
  readonly globals?: Readonly<Record<string, TraceNode>>;
  /** How apps of this framework take routes and middleware. */
  readonly routes?: RouteShape;
  /** How its request and response objects read and set headers. */
  readonly headers?: HeaderApi;
  /** Servers it runs from settings in a file of their own (xmcp's `xmcp.config.ts`), with no code of the project's. */
  readonly configFiles?: readonly ConfigFileServer[];
  /**
   * Modules that run only on Cloudflare Workers: a module that imports one is Worker code, whatever
   * else its package holds.
   */
  readonly workerOnlyModules?: readonly string[];
}

/** The methods and properties through which code reads request headers and sets response headers. */
export interface HeaderApi {
  /** Methods that set one response header from a name and a value: `res.setHeader(name, value)`. */
  readonly setNameValue?: readonly string[];
  /** Methods that take an object of response headers as their only argument: `res.set({ … })`. */
  readonly setObject?: readonly string[];
  /** Methods whose last argument is an object of response headers: `res.writeHead(status, headers)`. */
  readonly setLastArgument?: readonly string[];
  /** Response helpers that take headers third, or a `ResponseInit` second: `c.json(data, status, headers)`. */
  readonly responseHelpers?: readonly string[];
  /** Methods that read one request header by name: `req.get('origin')`. */
  readonly readNameMethods?: readonly string[];
  /** Properties that hold a request's headers: `req.headers`. */
  readonly readObjects?: readonly string[];
}

export const { CALL, CONSTRUCT, READ } = ASTUtils.ReferenceTracker;

/**
 * A trace map node in the shape `ReferenceTracker` reads: property names lead deeper, and the
 * `CALL`, `CONSTRUCT` and `READ` keys hold what a call, a `new` or a read of that export is.
 */
export interface TraceNode {
  readonly [CALL]?: readonly Entity[];
  readonly [CONSTRUCT]?: readonly Entity[];
  readonly [READ]?: readonly Entity[];
  readonly [name: string]: TraceNode;
}

/** The frameworks whose routes the plugin reads. */
export type AppFramework = 'express' | 'hono' | 'fastify' | 'koa' | 'koa-router' | 'connect' | 'elysia' | 'h3';

/** What an export of a package is, to the analysis. One export may be several (an MCP app is an Express app). */
export type Entity =
  /** Makes an app or router that takes routes. */
  | { readonly kind: 'app'; readonly framework: AppFramework }
  /** Makes a server or app whose `.listen()` starts a server, or whose `.fetch` handles requests. */
  | { readonly kind: 'server'; readonly source: ServerSource }
  /** Starts a server from options: `serve({ fetch, port })`, `Bun.serve(...)`. */
  | { readonly kind: 'start'; readonly api: StartApi }
  /** Makes a plain server from a request handler: `http.createServer(handler)`. */
  | { readonly kind: 'handler-server' }
  /** A CORS middleware: `cors(options)`, or `register(cors, options)`. */
  | { readonly kind: 'cors'; readonly middleware: CorsMiddleware }
  /**
   * A call whose options object, at `argument` or after it, holds a CORS middleware's options under
   * `key`: NestJS's `NestFactory.create(AppModule, { cors: true })`.
   */
  | {
      readonly kind: 'cors-option';
      readonly middleware: CorsMiddleware;
      readonly argument: number;
      readonly key: string;
      /**
       * The middleware applies with its defaults when the options leave `key` out (`McpAgent.serve()`
       * answers with CORS headers unasked); otherwise only a `key` that is there sets it up.
       */
      readonly byDefault?: boolean;
      /** A property of the same options object that must have this value for the middleware to matter at all. */
      readonly onlyWhen?: OptionValue;
      /**
       * The call always applies the middleware with its defaults: it does not hand on what `key`
       * says (mcp-use's deprecated `createMCPServer()` drops `cors`).
       */
      readonly ignoresKey?: boolean;
    }
  /** An authentication or CSRF middleware: using it counts as a credential check. */
  | {
      readonly kind: 'auth';
      readonly auth: AuthKind;
      /** The first version of `module` whose middleware refuses as the kind says; an older install does not. */
      readonly since?: { readonly module: string; readonly version: string };
      /** An option of the middleware that, given a function answering only `true`, lets everything in. */
      readonly openedBy?: RegExp;
      /** The middleware checks only requests whose path starts with this, and lets every other on. */
      readonly guardsPathsUnder?: string;
      /** For a `wrapper`: the argument that holds its options (`required`); the third when absent. */
      readonly optionsArgument?: number;
    }
  /** Makes middleware that reads or adds to a request and hands it on, answering no endpoint: `cookieParser()`. */
  | { readonly kind: 'pass-through' }
  /** A call that reads the request's cookies, or the session kept in one: `cookies()` of `next/headers`. */
  | { readonly kind: 'cookie-read' }
  /**
   * Makes an auth library's instance, whose methods at these paths take the request's headers and
   * answer the session: from its cookie (`cookieSession`), or from an `Authorization: Bearer` token
   * it verifies, `null` without one (`bearerSession`): better-auth's `betterAuth()`.
   */
  | {
      readonly kind: 'auth-instance';
      readonly cookieSession: readonly string[];
      readonly bearerSession: readonly string[];
      /**
       * Its methods that make middleware answering 401 without a valid `Authorization: Bearer`
       * token: mcp-auth's `new MCPAuth(config).bearerAuth(verify)`.
       */
      readonly bearerMiddleware?: readonly string[];
    }
  /** A call that returns, as the middleware, the function at `argument`: Hono's `createMiddleware(fn)`. */
  | { readonly kind: 'middleware-wrapper'; readonly argument: number }
  /** Middleware that refuses requests for other hosts or origins (the MCP SDK's). */
  /** Middleware that refuses requests whose `Host` (or `Origin`) is not in a list. */
  | { readonly kind: 'host-validation'; readonly header: 'host' | 'origin' }
  /** An MCP SDK HTTP transport with DNS-rebinding options. */
  | { readonly kind: 'mcp-transport'; readonly transport: McpTransport }
  /** An MCP SDK app factory that validates Host (and Origin) for a loopback host. */
  | { readonly kind: 'mcp-app'; readonly factory: McpAppFactory }
  /**
   * Makes (called) or is (read) a web request handler that serves MCP: mcp-handler's
   * `createMcpHandler(…)`, xmcp's `xmcpHandler`.
   */
  | { readonly kind: 'mcp-handler' }
  /**
   * Makes a WebSocket server, which a page of any site may connect to: `new WebSocketServer(options)`
   * of `ws`, which refuses a connection only through the option `verifyKey` (or code that checks `Origin`).
   */
  | {
      readonly kind: 'websocket-server';
      readonly verifyKey: string;
      /** Where its options are: the first argument (`ws`), or the last (Socket.IO's `new Server(http, options)`). */
      readonly optionsAt?: 'last';
      /** The `verifyKey` function a suggestion adds, refusing every page (any `Origin`); `ws`'s by default. */
      readonly refuseAll?: string;
      /**
       * Whether its handshake may come over HTTP long-polling (Socket.IO's default transports),
       * where a DNS-rebinding page's same-origin GET carries no `Origin`: only a check of `Host`
       * (or WebSocket-only `transports`) keeps that page out.
       */
      readonly polls?: boolean;
    }
  /**
   * Makes an MCP server that runs its own HTTP transports, as its construction options say:
   * mcp-framework's `new MCPServer({ transport: { type: 'http-stream', options } })`.
   */
  | { readonly kind: 'configured-server'; readonly server: ConfiguredServer }
  /**
   * A NestJS module that mounts MCP controllers as its options say: `McpModule.forRoot(options)` of
   * `@rekog/mcp-nest` 1.x (`async`: `forRootAsync()`, whose options a factory makes at run time).
   */
  | { readonly kind: 'mcp-module'; readonly async: boolean }
  /**
   * A package's plugin that registers MCP routes itself on the app it is given, with no route in the
   * project's code: fastify-mcp's `streamableHttp` (read, and passed to `app.register(plugin, options)`),
   * elysia-mcp's `mcp(options)` (called, and passed to `app.use()`).
   */
  | { readonly kind: 'mcp-routes'; readonly routes: McpRoutesPlugin }
  /**
   * Makes middleware that answers with the files of a directory and hands every other request on:
   * `express.static(dir)`, `serve-static`, Hono's `serveStatic({ root })`.
   */
  | { readonly kind: 'static-files' }
  /**
   * Hands the app (a request listener) at `argument` the requests a test makes, for as long as one
   * request lasts or with no socket at all: supertest's `request(app)`, light-my-request's `inject(app, …)`.
   */
  | { readonly kind: 'test-client'; readonly argument: number }
  /**
   * Web `Headers`, `Response` and the loops that copy a headers object; `name-value` sets one
   * response header from its two arguments (NestJS's `@Header(name, value)`).
   */
  | {
      readonly kind: 'web-headers';
      readonly role: 'headers' | 'response' | 'response-json' | 'response-init' | 'iterate' | 'name-value';
    };

export type AuthKind =
  /** A call makes the middleware. */
  | 'middleware'
  /** A call makes a JWT middleware, which checks nothing when told to read a cookie. */
  | 'jwt'
  /** A call makes CSRF-token middleware: a token a page of another site cannot read, but a credential of no one. */
  | 'csrf'
  /** A call makes passport's middleware, which checks what its strategy (the first argument) checks. */
  | 'strategy'
  /** A call makes an object that holds one (`doubleCsrf()`). */
  | 'factory'
  /** A Fastify plugin that guards its scope when registered. */
  | 'plugin'
  /**
   * A call wraps a request handler in a bearer-token check that refuses a request without a token
   * only when its options (the third argument, or `optionsArgument`) say `required: true`:
   * mcp-handler's `withMcpAuth`, xmcp's `withAuth`.
   */
  | 'wrapper';

/** One way of starting a server, and what it binds when it is not told where. */
export interface ServerApi {
  /** How messages name the call: "`app.listen()` of Express". */
  readonly display: string;
  /** How messages name the address it takes: "host", or "`hostname`" for an option of that name. */
  readonly hostLabel: string;
  /**
   * What it binds when it is given no host, as a clause for messages; `null` when that is the
   * loopback interface (Fastify), so that leaving the host out is safe.
   */
  readonly defaultBinding: string | null;
}

/** The shapes in which the APIs take their address. */
export type StartSignature =
  /** `net.Server#listen`: `(port?, host?, backlog?, cb?)`, `(path, ...)`, `(options, cb?)`, `(handle, ...)`. */
  | 'node-listen'
  /** Fastify 5: `listen(options?, cb?)`, and Fastify 4's deprecated `listen(port, host?, backlog?, cb?)`. */
  | 'fastify-listen'
  /** `serve(options, cb?)` of `@hono/node-server`, `Bun.serve(options)`. */
  | 'serve-options'
  /** `Deno.serve(handler)`, `Deno.serve(options, handler)`, `Deno.serve({ handler, ...options })`. */
  | 'deno-serve'
  /** `serve(handler, options?)` of Deno's standard library (`std/http/server.ts`, before std 1.0). */
  | 'handler-options'
  /** `serve(app, options?)` of h3 2: srvx's `serve({ fetch: app.fetch, ...options })`, on Node, Bun or Deno. */
  | 'app-options'
  /** fastmcp's `start({ transportType: 'httpStream', httpStream: { port, host } })`. */
  | 'fastmcp-start'
  /**
   * `new WebSocketServer({ port, host })` of `ws`: with a `port` it makes and starts a server of its
   * own on `host`; with `server` or `noServer` it binds nothing.
   */
  | 'ws-options'
  /**
   * mcp-use's `server.listen(port?, options?)`: the host in `options.host` (`hostKey`, mcp-use 2),
   * else in the options the server was made with (`new MCPServer({ host })`).
   */
  | 'construction-host'
  /**
   * Elysia's `app.listen(port | options, cb?)`: a port (or a numeric string) binds the default; an
   * options object holds the host under `hostKey`, over the app's construction options' `serve`.
   */
  | 'port-or-options'
  /**
   * hapi's `server.start()`: the server's construction options hold the address, `address` before
   * `host`; a `port` string that names no number is a Unix socket.
   */
  | 'hapi-start'
  /**
   * A server with no host option at all (`@chatmcp/sdk`'s `RestServerTransport`): every interface,
   * whatever it is given.
   */
  | 'no-host';

export interface StartApi extends ServerApi {
  readonly signature: StartSignature;
  /** The options key that holds the host. */
  readonly hostKey: 'host' | 'hostname';
  /** The options key that makes it listen on a Unix socket instead of a port, if it has one. */
  readonly socketKey: 'path' | 'unix' | null;
  /** Whether its options' `fetch` (or `handler`), or a function argument, is a request handler of the code's own. */
  readonly handlesFetch?: boolean;
  /**
   * With `option` in its options, the handler's `server.upgrade(request)` (`method`) accepts a
   * WebSocket handshake: Bun's `websocket` and `upgrade`.
   */
  readonly upgrades?: { readonly option: string; readonly method: string };
  /**
   * With `'construction-host'`: whether the call's second argument holds options with a host of
   * their own (mcp-use 2).
   */
  readonly listenOptions?: boolean;
  /**
   * Versions of the package before `version` bind every interface whatever they are given (they
   * have no host option): `binding` says so in messages.
   */
  readonly everyInterfaceBefore?: { readonly module: string; readonly version: string; readonly binding: string };
  /**
   * Its TypeScript signature takes a host after a port typed `number | string` (NestJS), where
   * Node's `listen(port: number, hostname: string)` wants a number.
   */
  readonly portTakesString?: boolean;
}

/** Something whose `.listen()` starts a server, or whose `.fetch` is a request handler (a Hono app). */
export interface ServerSource {
  readonly listen: StartApi | null;
  /** Its `fetch` property handles requests, so it can be handed to `serve()` as the handler. */
  readonly fetchHandler: boolean;
  /** Methods that return the object itself, so that `express().use(cors()).listen()` is followed. */
  readonly returnsItself: ReadonlySet<string>;
  /**
   * The argument that, when it is a server of its own, is the HTTP platform that decides how the
   * app listens: NestJS's `NestFactory.create(AppModule, new FastifyAdapter())`.
   */
  readonly platformArgument?: number;
  /**
   * A method that starts the server from options (fastmcp's `server.start({ httpStream })`), as
   * `listen` starts the others.
   */
  readonly start?: StartApi;
  /** The name of the method `start` is (`start` by default; `startServer` of `@chatmcp/sdk`'s transport). */
  readonly startMethod?: string;
  /**
   * Options of the call that makes the server (`new FastMCP({ authenticate })`) that make it
   * check a credential on every request before any MCP handling.
   */
  readonly authenticatedBy?: readonly string[];
  /** Methods that set up a CORS middleware from the options they take first: NestJS's `app.enableCors(options)`. */
  readonly corsMethods?: Readonly<Record<string, CorsMiddleware>>;
  /** The argument that holds the options it is made with (`createMCPServer(name, options)`); the first by default. */
  readonly optionsArgument?: number;
  /**
   * The construction option whose object the start call's options are spread over (Elysia's
   * `new Elysia({ serve: { hostname } })`): a host there counts where the call gives none.
   */
  readonly constructionServe?: string;
  /** The server is an MCP framework's own HTTP server, which serves MCP with no route in the code. */
  readonly mcp?: McpFrameworkServer;
  /**
   * Methods that make and return another server: `createNestApplication()` of a compiled NestJS
   * testing module. Its `platformArgument` is read from that call.
   */
  readonly makes?: Readonly<Record<string, ServerSource>>;
}

/** An MCP framework that serves MCP over HTTP itself (fastmcp, mcp-use), and what guards it. */
export interface McpFrameworkServer {
  /** How messages name it: "fastmcp `httpStream` server". */
  readonly display: string;
  /** The package, whose installed version decides `hostListSince`. */
  readonly module: string;
  /**
   * The construction option whose non-empty list makes it refuse requests for other hosts (mcp-use
   * 1's `allowedOrigins`, whose hostnames it checks `Host` against); none where it has no Host check.
   */
  readonly hostList?: string;
  /** The oldest version that checks `hostList`; an older install ignores it. */
  readonly hostListSince?: string;
  /** Whether it checks `Host` on its own when it binds a loopback host (mcp-use 2). */
  readonly checksHostOnLoopback?: boolean;
  /**
   * The construction option whose non-empty list makes it refuse a request that carries another
   * `Origin` (mcp-use 2's `allowedOrigins`, for every method but GET and HEAD).
   */
  readonly originList?: string;
}

/** What one CORS middleware package accepts and does by default. */
export interface CorsMiddleware {
  /** The npm package. */
  readonly module: string;
  /** How the code uses it, for messages: "`cors()`". */
  readonly display: string;
  /** Express, Hono and Koa call a factory; Fastify registers a plugin. */
  readonly usage: 'call' | 'register';
  /** Whether a static `origin` value lets every origin in. */
  isWildcardOrigin(value: unknown): boolean;
  /** Source text of an `origin` value that lets no origin in. */
  readonly denyOrigin: string;
  /** Source text of an `origin` value that lets in only the origins in the array `allowlist`. */
  allowlistOrigin(allowlist: string): string;
  /** With `credentials: true` and its default origin, the middleware echoes the request's Origin. */
  readonly credentialsReflectByDefault: boolean;
  /** Whether a static `credentials` value turns credentials on. */
  isCredentialsOn(value: unknown): boolean;
  /** `origin: true` echoes the request's Origin (cors, @fastify/cors). */
  readonly reflectsOnTrue: boolean;
  /**
   * How it calls an `origin` function: which parameter is the request's origin and which the
   * callback that takes `(error, answer)`; `null` for none.
   */
  readonly originFunction: { readonly origin: number | null; readonly callback: number | null };
  /** Whether its `origin` option may be a RegExp (or an array that holds some), tested against the request's origin. */
  readonly takesPatterns: boolean;
  /** Whether an array `origin` lets in exactly its string members (`'*'` among them is no wildcard). */
  readonly matchesArraysExactly: boolean;
  /** The names its type declarations give its options: `CorsOptions`; a value typed so holds its options. */
  readonly optionsTypes: readonly string[];
  /** Whether it answers an `Origin: null` with no CORS headers, whatever its options say (fastmcp's mcp-proxy). */
  readonly refusesNullOrigin?: boolean;
  /** Whether options of `true` mean its defaults (NestJS's `cors: true`), so that `true` is replaced by options. */
  readonly trueMeansDefaults?: boolean;
  /**
   * Where a method that sets it up (`corsMethods`) holds its options, below its first argument:
   * `['httpStream', 'cors']` for fastmcp's `start()`. Without this, the first argument is the options.
   */
  readonly optionsPath?: readonly string[];
  /**
   * The oldest version of `module` that takes the options a fix writes; an older or unknown
   * install gets no fix. (fastmcp's `httpStream.cors` came in 4.3.0.)
   */
  readonly optionsSince?: string;
  /**
   * No `origin` value lets no origin in (`McpAgent.serve()` sends the string it is given, and `*`
   * for an empty one): a fix cannot close it without the origin the owner trusts, so there is none.
   */
  readonly noDenyValue?: boolean;
  /**
   * A property of that first argument that must have this value (or one of these) for the method to
   * set it up at all.
   */
  readonly onlyWhen?: OptionValue;
  /** With `origin` left out it answers each request with its own origin (mcp-use 2), not `*`. */
  readonly reflectsWhenMissing?: boolean;
  /** Called with no options at all it applies its defaults (`cors()` of @elysiajs/cors), rather than staying off. */
  readonly defaultsWithoutOptions?: boolean;
  /** Credentials are on unless the options turn them off (@elysiajs/cors's `credentials = true`). */
  readonly credentialsByDefault?: boolean;
  /**
   * Versions of a package (the middleware's own or one it runs on) before `version` answer every
   * request with its own origin and `Access-Control-Allow-Credentials: true`, whatever the options.
   */
  readonly echoesBefore?: { readonly module: string; readonly version: string };
  /** With `origin` left out of its options it sends no `Access-Control-Allow-Origin` (tmcp); `true` is still `*`. */
  readonly noOriginWhenMissing?: boolean;
  /** An options property that turns the middleware off: mcp-use 2's `enabled: false`. */
  readonly disabledBy?: string;
  /**
   * An option that hands each request's options to a function (`delegator` of `@fastify/cors`):
   * with it, the other options written beside it are not the policy.
   */
  readonly perRequestOptions?: string;
  /**
   * The options may be a function that hands each request's options to the callback it is given
   * as this parameter (`cors((req, callback) => callback(null, options))`).
   */
  readonly optionsDelegateCallback?: number;
  /**
   * Properties a fix writes beside `origin` when it writes the options whole, where they replace
   * defaults that clients rely on: mcp-use's `exposeHeaders: ['mcp-session-id']`.
   */
  readonly createdOptions?: string;
}

/** The MCP SDK's HTTP transports whose options carry `enableDnsRebindingProtection` and `allowedHosts`. */
export interface McpTransport {
  readonly name: 'streamable' | 'sse';
  /** Which argument holds the options: the first for Streamable HTTP, the third for SSE. */
  readonly optionsIndex: number;
  /**
   * Where its DNS-rebinding protection is switched on: in its own options (v1's
   * `enableDnsRebindingProtection` and `allowedHosts`), by the lists alone (mcp-lite's
   * `allowedHosts` and `allowedOrigins`, with no switch), or only by validation in front of it (v2,
   * whose transports have no such options).
   */
  readonly protection: 'options' | 'middleware' | 'lists';
  /**
   * With `protection: 'options'`, the first version of the package whose transport reads them:
   * installed (or locked) older, it ignores them, and only validation in front of it protects it.
   */
  readonly optionsSince?: { readonly module: string; readonly version: string };
  /**
   * With `protection: 'options'`, the Express middleware the package deprecates those options for
   * (`name()` from `module`), from the version of `package` that has it: where that is installed,
   * a fix puts it in front of the routes instead of writing the deprecated options.
   */
  readonly deprecatedFor?: {
    readonly package: string;
    readonly version: string;
    readonly module: string;
    readonly name: string;
  };
  /**
   * Its methods that take a request besides the SDK's `handleRequest` and `handlePostMessage`
   * (tmcp's `respond`): counted only on a value this transport made, as the names are common.
   */
  readonly requestMethods?: readonly string[];
  /**
   * With `protection: 'lists'`, the option that holds the lists, and what a fix adds to the
   * options to turn both checks on: `@rekog/mcp-nest` 2.x's `security`.
   */
  readonly lists?: { readonly key: string; readonly fix: string };
  /**
   * For a transport that serves its own endpoint on the app's HTTP server, outside any route the
   * project writes (so no guard or middleware of the project runs before it): the option that
   * turns that off, where the project's own controller serves it instead (`@rekog/mcp-nest` 2.x's
   * `mount: false`; a controller made from the transport, `McpHttpControllerFor(transport)` or
   * its `httpHandlers`, turns it off too).
   */
  readonly selfMounts?: { readonly option: string };
}

/** A plugin of a package that registers MCP routes on the app it is registered on, and what they check. */
export interface McpRoutesPlugin {
  /** How messages name it: "fastify-mcp's `streamableHttp`". */
  readonly display: string;
  /**
   * How an app takes it: Fastify's `app.register(plugin, options)`, with the options beside the
   * plugin; Elysia's `app.use(plugin(options))`, with the options in the call that makes it.
   */
  readonly mountedBy: 'register' | 'use';
  /** The option that holds the path of its route that takes POSTs. */
  readonly pathOption: string;
  /** The path when the option is left out; `null` where the option is required. */
  readonly defaultPath: string | null;
  /** Whether that route takes every method (Elysia's `all`), not only POST. */
  readonly everyMethod: boolean;
  /**
   * Its POST route only hands messages to the SSE sessions its GET stream opened, looked up by the
   * id the request names (the MCP SDK's legacy SSE transport): a page that cannot read the stream
   * cannot learn an id.
   */
  readonly sessionsOnly?: boolean;
  /** Options that, given, put a credential check of the project's own in front of its routes. */
  readonly authenticatedBy?: readonly string[];
}

/** The apps the SDK makes, which validate `Host` (and in v2 `Origin`) unless told a non-loopback host. */
export interface McpAppFactory {
  readonly name: 'createMcpExpressApp' | 'createMcpHonoApp' | 'createMcpFastifyApp';
  /** v2 validates Origin too when given `allowedOrigins`; v1 has no such option. */
  readonly allowedKeys: readonly string[];
  /**
   * Whether the app validates `Origin` as well as `Host` for a loopback `host` (v2:
   * `localhostOriginValidation()`); v1 checks `Host` only.
   */
  readonly validatesOrigin: boolean;
}

/** An MCP server whose construction options configure its HTTP transports, and what they default to. */
export interface ConfiguredServer {
  /** How messages name it: "mcp-framework's `MCPServer`". */
  readonly display: string;
  /** The package, whose installed version decides the defaults below. */
  readonly module: string;
  /** The transport types that serve HTTP. */
  readonly httpTypes: readonly string[];
  /** The version since which a transport given no `host` binds loopback; before it, every interface. */
  readonly loopbackSince: string;
  /** The version since which `cors.allowedOrigins` refuses other origins (an empty list allows all). */
  readonly originListSince: string;
}

/**
 * An MCP framework that serves HTTP itself from the settings of a config file it reads by name
 * (xmcp's `xmcp.config.ts`, whose default export's `http` turns the server on), and what they default to.
 */
export interface ConfigFileServer {
  /** How messages name it: "xmcp's `http` server". */
  readonly display: string;
  /** The package, whose installed version decides `simplePostsBefore`. */
  readonly module: string;
  /** The file's name, in the project's root. */
  readonly fileName: string;
  /** The key of the default export that turns the server on: `true`, or an object of its settings. */
  readonly httpKey: string;
  /** The setting that holds the host it binds; the framework's default is loopback. */
  readonly hostKey: string;
  /** The setting that holds its CORS options, and what they take and default to. */
  readonly corsKey: string;
  readonly cors: CorsMiddleware;
  /**
   * A setting of the default export that hands the server to another framework instead (xmcp's
   * `experimental.adapter`).
   */
  readonly servedElsewhereBy: readonly string[];
  /** The module, beside the config file, whose default export is middleware run before every request. */
  readonly middlewareModule: string;
  /** The setting of the HTTP settings that holds the MCP endpoint's path, and its default. */
  readonly endpoint: { readonly key: string; readonly byDefault: string };
  /**
   * A setting of the default export that puts a bearer-token check before every request, in
   * versions before `before` (xmcp's `experimental.oauth`, removed in 0.7.0); a later or unknown install ignores it.
   */
  readonly authenticatedBy?: { readonly path: readonly string[]; readonly before: string };
  /** The oldest version whose CORS answers `*` when no origin is set; an older one sends no usable origin. */
  readonly wildcardByDefaultSince: string;
}

/** How an app of one framework takes routes, middleware, hooks and sub-apps. */
export interface RouteShape {
  /** Methods that register a route for one verb, or (`use`, `all`) for every verb. */
  readonly verbs: ReadonlySet<string>;
  /** Whether middleware runs in the order it is registered (not for Fastify's hooks). */
  readonly ordered: boolean;
  /** Methods whose result is the app again, so that chained registrations are followed. */
  readonly chains: boolean;
  /**
   * Other methods whose result is the same app (Fastify's `withTypeProvider<T>()`), where
   * registrations do not chain: what a name holds made that way is the app.
   */
  readonly returnsApp?: ReadonlySet<string>;
  /** Hooks that run before the handler: `onRequest`, `preHandler` (Fastify). */
  readonly guardHooks?: ReadonlySet<string>;
  /**
   * Fastify's `route({ method, url, handler })`, Hono's `on(method, path, ...handlers)`, express's
   * `route(path).post(...)`, h3 2's `on(method, path, handler, { middleware })`.
   */
  readonly special?: 'fastify' | 'hono' | 'express' | 'connect' | 'elysia' | 'h3';
  /**
   * App methods that add a hook to the routes registered after them, run before their handlers
   * (Elysia's `onBeforeHandle(fn)`, `derive(fn)`); a hook may be given after an options object.
   */
  readonly hookMethods?: ReadonlySet<string>;
  /** Checks a framework plugin adds to the instance or the request: `app.csrfProtection`, `request.jwtVerify()`. */
  readonly decoratedChecks?: ReadonlySet<string>;
}

/** A node known to the analysis, with what it is. */
export interface TrackedNode {
  readonly node: TSESTree.Node;
  readonly entities: readonly Entity[];
}
