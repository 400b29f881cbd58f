import { CORS } from './cors-packages';
import { FORWARDED_TO_NODE, nodeListen } from './node';
import { CALL, CONSTRUCT, type Adapter, type CorsMiddleware, type Entity, type ServerSource } from './types';

// @nestjs/core 12.5.1 nest-application.js:278-280: `enableCors(options)` calls the HTTP adapter's
// `enableCors`, which on Express is `this.use(cors(options))` (@nestjs/platform-express 12.5.1
// adapters/express-adapter.js:296-298): the `cors` package with its defaults, `origin: '*'`.
const ENABLE_CORS: CorsMiddleware = {
  ...CORS,
  module: '@nestjs/core',
  display: 'NestJS `enableCors()`',
  optionsTypes: [],
};

// @nestjs/core 12.5.1 nest-application.js:84-93: the `cors` option of `NestFactory.create()` calls
// `enableCors()` with no options when it is `true`, and with the object (or delegate) otherwise.
const CORS_OPTION: CorsMiddleware = {
  ...CORS,
  module: '@nestjs/core',
  display: 'NestJS `cors` option',
  optionsTypes: [],
  trueMeansDefaults: true,
};

// @nestjs/core 12.5.1 nest-application.js:304-334: `listen(port, ...args)` hands its arguments to
// the HTTP adapter's `listen`, which on Express is `httpServer.listen(port, ...args)`
// (adapters/express-adapter.js:249-251): with no hostname, Node's default, every interface.
// `use()` returns the application (nest-application.js `use(...args) { …; return this; }`).
// @nestjs/common 12.5.1 interfaces/nest-application.interface.d.ts:89-90 types it
// `listen(port: number | string, hostname: string, callback?)`.
const NEST_APP: ServerSource = {
  listen: { ...nodeListen('`app.listen()` of NestJS', FORWARDED_TO_NODE), portTakesString: true },
  fetchHandler: false,
  returnsItself: new Set(['use', 'setGlobalPrefix', 'useGlobalGuards', 'useGlobalPipes', 'useGlobalInterceptors']),
  platformArgument: 1,
  corsMethods: { enableCors: ENABLE_CORS },
};

// @nestjs/platform-fastify 12.5.0 adapters/fastify-adapter.js:423-457: `listen(port, ...args)` sets
// `options.host = args[0]` and calls Fastify's `listen(options)`, which binds localhost when the
// host is undefined. `enableCors(options)` registers @fastify/cors, whose defaults and `origin`
// values (`'*'`, `true`, `false`) read as the `cors` package's do.
const NEST_FASTIFY_APP: ServerSource = {
  listen: {
    display: '`app.listen()` of NestJS on Fastify',
    hostLabel: 'host',
    defaultBinding: null,
    signature: 'node-listen',
    hostKey: 'host',
    socketKey: 'path',
    portTakesString: true,
  },
  fetchHandler: false,
  returnsItself: NEST_APP.returnsItself,
  corsMethods: { enableCors: ENABLE_CORS },
};

// @nestjs/testing 11: `Test.createTestingModule(metadata)` makes a TestingModuleBuilder, whose
// `override…()` calls lead back to it (`overrideProvider(p).useValue(v)`) and whose `compile()`
// resolves to a TestingModule; its `createNestApplication(httpAdapter?, options?)` makes an app
// as `NestFactory.create()` does (testing-module.js), on the adapter given first.
const NEST_TESTING_MODULE: ServerSource = {
  listen: null,
  fetchHandler: false,
  returnsItself: new Set([
    'compile',
    'overrideProvider',
    'overrideGuard',
    'overrideInterceptor',
    'overrideFilter',
    'overridePipe',
    'overrideModule',
    'useValue',
    'useClass',
    'useFactory',
    'useModule',
    'setLogger',
  ]),
  makes: { createNestApplication: { ...NEST_APP, platformArgument: 0 } },
};

const CREATE: readonly Entity[] = [
  { kind: 'server', source: NEST_APP },
  { kind: 'cors-option', middleware: CORS_OPTION, argument: 1, key: 'cors' },
];

/**
 * NestJS applications: `NestFactory.create()` (and a testing module's `createNestApplication()`),
 * their `listen()`, `enableCors()` and `cors` option, and the `@Header()` decorator.
 */
export const nestjsAdapter: Adapter = {
  name: 'nestjs',
  modules: {
    '@nestjs/core': { NestFactory: { create: { [CALL]: CREATE } } },
    // @nestjs/common 12.5.1 decorators/http/header.decorator.js:17-22: `@Header(name, value)` sets a
    // static response header on the route's responses.
    '@nestjs/common': { Header: { [CALL]: [{ kind: 'web-headers', role: 'name-value' }] } },
    '@nestjs/platform-fastify': { FastifyAdapter: { [CONSTRUCT]: [{ kind: 'server', source: NEST_FASTIFY_APP }] } },
    '@nestjs/testing': { Test: { createTestingModule: { [CALL]: [{ kind: 'server', source: NEST_TESTING_MODULE }] } } },
  },
};
