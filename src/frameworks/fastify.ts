import { CALL, READ, type Adapter, type Entity } from './types';

// fastify 5 lib/server.js: `listen(listenOptions = { port: 0, host: 'localhost' }, cb)` and then
// `host = listenOptions.host ?? 'localhost'` when there is no `path`: a missing or nullish host binds
// localhost (127.0.0.1 and ::1); `''` reaches Node, which takes it as no host.
/**
 * fastify 5 types/instance.d.ts: methods that return the instance they are called on
 * (`withTypeProvider<T>()` only retypes it; `decorate` and the `set…` methods chain).
 */
const SAME_INSTANCE = [
  'withTypeProvider',
  'setValidatorCompiler',
  'setSerializerCompiler',
  'setErrorHandler',
  'setNotFoundHandler',
  'decorate',
  'decorateRequest',
  'decorateReply',
  'addSchema',
] as const;

/** What `Fastify()` makes: an app, and a server whose `listen()` binds localhost by default. */
export const FASTIFY_APP: readonly Entity[] = [
  { kind: 'app', framework: 'fastify' },
  {
    kind: 'server',
    source: {
      listen: {
        display: '`fastify.listen()`',
        hostLabel: 'host',
        defaultBinding: null,
        signature: 'fastify-listen',
        hostKey: 'host',
        socketKey: 'path',
      },
      fetchHandler: false,
      // fastify 5 types/instance.d.ts: `register`, `addHook`, `route` and the shorthand route
      // methods return the instance.
      returnsItself: new Set([
        'register',
        'addHook',
        'route',
        'get',
        'post',
        'put',
        'patch',
        'delete',
        'all',
        ...SAME_INSTANCE,
      ]),
    },
  },
];

/**
 * Fastify apps and plugin scopes. Of the Fastify auth plugins, only @fastify/bearer-auth guards
 * the routes of its scope by being registered (its `addHook` option defaults to true);
 * @fastify/auth, /jwt and /csrf-protection only decorate the instance with checks that a hook must
 * call (`decoratedChecks`). Not @fastify/basic-auth's `basicAuth`: browsers resend remembered
 * Basic credentials cross-site.
 */
export const fastifyAdapter: Adapter = {
  name: 'fastify',
  modules: {
    fastify: { [CALL]: FASTIFY_APP, fastify: { [CALL]: FASTIFY_APP }, default: { [CALL]: FASTIFY_APP } },
    '@fastify/bearer-auth': {
      [READ]: [{ kind: 'auth', auth: 'plugin' }],
      default: { [READ]: [{ kind: 'auth', auth: 'plugin' }] },
    },
  },
  routes: {
    verbs: new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']),
    ordered: false,
    chains: false,
    returnsApp: new Set(SAME_INSTANCE),
    guardHooks: new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler']),
    special: 'fastify',
    decoratedChecks: new Set(['csrfProtection', 'authenticate', 'verifyBearerAuth', 'auth', 'jwtVerify']),
  },
  headers: {
    // fastify 5 lib/reply.js: `reply.header(key, value)`, `reply.headers({ … })`; `request.headers`.
    setNameValue: ['header'],
    setObject: ['headers'],
    readObjects: ['headers'],
  },
};
