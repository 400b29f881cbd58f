import rule from '../../src/rules/no-unsafe-origin-match';
import { commonjs, createRuleTester, esm } from '../rule-tester';

const ruleTester = createRuleTester();

ruleTester.run('no-unsafe-origin-match', rule, {
  valid: [
    {
      name: 'exact origins and allowlists, in an origin function and before an echo',
      code: `import cors from 'cors';
const ALLOWED_ORIGINS = ['https://app.example.com', 'http://localhost:6274'];
app.use(cors({ origin: (origin, callback) => callback(null, origin === undefined || ALLOWED_ORIGINS.includes(origin)) }));
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin === 'https://app.example.com' || (origin !== undefined && ALLOWED_ORIGINS.includes(origin))) {
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  next();
});`,
    },
    {
      // A branch that only counts a status it never answers turns no request away: no gate.
      name: 'a loose test of the Origin whose branch only counts a 403 and turns nothing away',
      code: `app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && !origin.startsWith('http://localhost')) refusals.count({ status: 403 });
  next();
});`,
    },
    {
      name: 'anchored and escaped patterns as a cors and a fastify origin option',
      code: `import cors from 'cors';
import fastifyCors from '@fastify/cors';
app.use(cors({ origin: [/^https:\\/\\/app\\.example\\.com$/, /^http:\\/\\/localhost(:\\d+)?$/i, 'https://admin.example.com'] }));
app.use(cors({ origin: new RegExp('^https://(www\\\\.)?example\\\\.com$') }));
await fastify.register(fastifyCors, { origin: [/\\.example\\.com$/, /^https:\\/\\/[a-z0-9-]+\\.example\\.com$/, /^https:\\/\\/.+\\.example\\.com$/] });`,
    },
    {
      name: 'suffixes from a dot, prefixes up to the port, and a parsed hostname compared exactly',
      code: `app.use((req, res, next) => {
  const origin = req.get('origin');
  if (origin?.endsWith('.example.com')) res.set('Access-Control-Allow-Origin', origin);
  if (origin?.startsWith('http://localhost:') || origin === 'http://localhost') res.set('Access-Control-Allow-Origin', origin);
  if (origin && URL.canParse(origin) && new URL(origin).hostname === 'localhost') res.set('Access-Control-Allow-Origin', origin);
  if (origin?.endsWith('//example.com')) res.set('Access-Control-Allow-Origin', origin);
  next();
});`,
    },
    {
      name: 'patterns whose loose parts reach only names nobody can register',
      code: `import cors from 'cors';
app.use(cors({ origin: [/^https:\\/\\/example.com$/, /^http:\\/\\/127.0.0.1(:\\d+)?$/, /^http:\\/\\/.*localhost$/, /localhost:\\d+$/] }));
app.use(cors({ origin: [/app\\.example\\.com$/, /^https:\\/\\/.*app\\.example\\.com$/] }));
app.use(cors({ origin: (origin, callback) => callback(null, !origin || origin.endsWith('app.example.com') || origin.endsWith('-preview.example.com')) }));`,
    },
    {
      name: 'a scheme check and a single-label host, which nobody can register',
      code: `app.use((req, res, next) => {
  const origin = req.headers.origin ?? '';
  if (!origin.startsWith('https://')) return res.status(403).end();
  if (!origin.endsWith('localhost:3000') && !origin.includes('//localhost:')) return res.status(403).end();
  next();
});`,
    },
    {
      name: 'prefix and substring checks on paths, the Host header and other strings that are not origins',
      code: `app.use((req, res, next) => {
  if (req.path.startsWith('/mcp') && !req.headers.host?.startsWith('localhost')) return res.status(403).end();
  if (req.url?.includes('localhost')) return res.status(400).end();
  if (/localhost/.test(req.headers.host ?? '')) return res.status(403).end();
  if (process.env.PUBLIC_URL?.startsWith('http://localhost')) console.log('dev');
  next();
});
window.addEventListener('message', (event) => {
  if (!event.origin.startsWith('https://example.com')) return;
});
if (location.origin.endsWith('example.com')) console.log('prod');`,
    },
    {
      name: 'a weak check that turns origins away, and one beside an exact allowlist check',
      code: `const ALLOWED_ORIGINS = new Set(['http://localhost:6274']);
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin?.includes('evil')) return res.status(403).end();
  if (origin && ALLOWED_ORIGINS.has(origin) && origin.startsWith('http://localhost')) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
    },
    {
      name: 'patterns where hono and koa take no pattern, and an origin option of something else',
      code: `import { cors } from 'hono/cors';
import koaCors from '@koa/cors';
import myCors from './my-cors';
honoApp.use(cors({ origin: ['https://app.example.com'] }));
koaApp.use(koaCors({ origin: 'https://app.example.com' }));
app.use(myCors({ origin: /example\\.com$/ }));
const settings = { origin: /localhost/ };`,
    },
    {
      name: 'a parameter named origin that is not the request Origin, and a pattern for koa',
      code: `import koaCors from '@koa/cors';
function isLocalUrl(origin: string): number {
  if (!origin.startsWith('http://localhost')) return 403;
  return 200;
}
koaApp.use(koaCors({ origin: /localhost/ as never }));`,
    },
    {
      name: 'a fixed header value guarded by a weak check echoes nothing',
      code: `app.use((req, res, next) => {
  if (req.headers.origin?.endsWith('example.com')) res.setHeader('Access-Control-Allow-Origin', 'https://example.com');
  next();
});`,
    },
    {
      name: 'a host followed by a port, a path or the end, which an origin only ends with a port or the end',
      code: `import cors from 'cors';
app.use(cors({ origin: [/^https:\\/\\/[a-z0-9-]+\\.example\\.com(:|\\/|$)/, /^http:\\/\\/localhost([:/?#]|$)/i], credentials: true }));
app.use((req, res, next) => {
  const origin = req.headers.origin ?? '';
  if (!/^https:\\/\\/app\\.example\\.com(?:\\/|:\\d+|$)/.test(origin)) return res.status(403).end();
  if (!/^([a-z]+\\.)?example\\.com(\\/|$)/.test(new URL(origin).hostname)) return res.status(403).end();
  if (!origin.includes('example.com:x')) return res.status(403).end();
  next();
});`,
    },
  ],
  invalid: [
    {
      name: 'a host boundary group after a wildcard host: the origin shown has no path',
      code: `import cors from 'cors';
app.use(cors({ origin: /^https:\\/\\/.*example\\.com(:|\\/|$)/, credentials: true }));
app.use(cors({ origin: [/\\/localhost/] }));`,
      output: `import cors from 'cors';
app.use(cors({ origin: /^https:\\/\\/.*example\\.com(:|\\/|$)/, credentials: true }));
app.use(cors({ origin: [/\\/localhost(?::\\d+)?$/] }));`,
      errors: [
        {
          messageId: 'unsafeOriginPattern',
          data: {
            pattern: '/^https:\\/\\/.*example\\.com(:|\\/|$)/',
            problem: 'has a wildcard in the host that runs into its names',
            example: 'https://evilexample.com',
            credentials: ', credentials included',
          },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 59,
          suggestions: [],
        },
        {
          messageId: 'unsafeOriginPattern',
          data: {
            pattern: '/\\/localhost/',
            problem: 'has no `$` after the host',
            example: 'https://localhost.evil.com',
            credentials: '',
          },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a cors pattern without a left anchor, with credentials',
      code: `import cors from 'cors';
app.use(cors({ origin: /example\\.com$/, credentials: true }));`,
      output: `import cors from 'cors';
app.use(cors({ origin: /(?:\\/\\/|\\.)example\\.com$/, credentials: true }));`,
      errors: [
        {
          messageId: 'unsafeOriginPattern',
          data: {
            pattern: '/example\\.com$/',
            problem: 'has no `^` (nor `//` or `\\.`) before the host',
            example: 'https://evilexample.com',
            credentials: ', credentials included',
          },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 39,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a cors array with an unescaped dot and a RegExp built from a string without $',
      code: `import cors from 'cors';
app.use(cors({
  origin: [/^https:\\/\\/app.example\\.com$/, 'https://admin.example.com', new RegExp('^http://localhost', 'i')],
}));`,
      output: `import cors from 'cors';
app.use(cors({
  origin: [/^https:\\/\\/app\\.example\\.com$/, 'https://admin.example.com', new RegExp('^http://localhost(?::\\\\d+)?$', 'i')],
}));`,
      errors: [
        {
          messageId: 'unsafeOriginPattern',
          data: {
            pattern: '/^https:\\/\\/app.example\\.com$/',
            problem: 'has an unescaped `.` in the host, which matches any character',
            example: 'https://appxexample.com',
            credentials: '',
          },
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 42,
          suggestions: [],
        },
        {
          messageId: 'unsafeOriginPattern',
          data: {
            pattern: "new RegExp('^http://localhost', 'i')",
            problem: 'has no `$` after the host',
            example: 'http://localhost.evil.com',
            credentials: '',
          },
          line: 3,
          column: 73,
          endLine: 3,
          endColumn: 109,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a wildcard in the host: no autofix',
      code: `import cors from 'cors';
app.use(cors({ origin: /^https:\\/\\/.*example\\.com$/ }));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeOriginPattern',
          data: {
            pattern: '/^https:\\/\\/.*example\\.com$/',
            problem: 'has a wildcard in the host that runs into its names',
            example: 'https://evilexample.com',
            credentials: '',
          },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 52,
          suggestions: [],
        },
      ],
    },
    {
      name: 'fastify with a bare pattern from a constant, and alternatives without their own anchors',
      code: `import fastifyCors from '@fastify/cors';
const LOCAL = /localhost/;
await fastify.register(fastifyCors, { origin: [LOCAL, /^https:\\/\\/a\\.example\\.com|https:\\/\\/b\\.example\\.com$/] });`,
      output: `import fastifyCors from '@fastify/cors';
const LOCAL = /(?:\\/\\/|\\.)localhost(?::\\d+)?$/;
await fastify.register(fastifyCors, { origin: [LOCAL, /^https:\\/\\/a\\.example\\.com(?::\\d+)?$|^https:\\/\\/b\\.example\\.com$/] });`,
      errors: [
        {
          messageId: 'unsafeOriginPattern',
          data: {
            pattern: '/localhost/',
            problem: 'has no `$` after the host',
            example: 'https://localhost.evil.com',
            credentials: '',
          },
          line: 2,
          column: 15,
          endLine: 2,
          endColumn: 26,
          suggestions: [],
        },
        {
          messageId: 'unsafeOriginPattern',
          data: {
            pattern: '/^https:\\/\\/a\\.example\\.com|https:\\/\\/b\\.example\\.com$/',
            problem: 'has no `$` after the host',
            example: 'https://a.example.com.evil.com',
            credentials: '',
          },
          line: 3,
          column: 55,
          endLine: 3,
          endColumn: 110,
          suggestions: [],
        },
      ],
    },
    {
      name: 'an endsWith in a cors origin function',
      code: `import cors from 'cors';
app.use(cors({ origin: (origin, callback) => callback(null, !origin || origin.endsWith('example.com')) }));`,
      output: `import cors from 'cors';
app.use(cors({ origin: (origin, callback) => callback(null, !origin || origin.endsWith('//example.com') || origin.endsWith('.example.com')) }));`,
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`origin.endsWith('example.com')`",
            example: 'https://evilexample.com',
            credentials: '',
          },
          line: 2,
          column: 72,
          endLine: 2,
          endColumn: 102,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a startsWith that guards the callback in a cors origin method',
      code: `import cors from 'cors';
app.use(cors({
  origin(origin, callback) {
    if (origin && origin.startsWith('http://localhost')) return callback(null, true);
    callback(new Error('Not allowed by CORS'));
  },
  credentials: true,
}));`,
      output: `import cors from 'cors';
app.use(cors({
  origin(origin, callback) {
    if (origin && (origin === 'http://localhost' || origin.startsWith('http://localhost:'))) return callback(null, true);
    callback(new Error('Not allowed by CORS'));
  },
  credentials: true,
}));`,
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`origin.startsWith('http://localhost')`",
            example: 'http://localhost.evil.com',
            credentials: ', credentials included',
          },
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 56,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a hono origin function with a weak suffix in a ternary',
      code: `import { cors } from 'hono/cors';
honoApp.use('/mcp', cors({ origin: (origin) => (origin.endsWith('example.com') ? origin : null) }));`,
      output: `import { cors } from 'hono/cors';
honoApp.use('/mcp', cors({ origin: (origin) => ((origin.endsWith('//example.com') || origin.endsWith('.example.com')) ? origin : null) }));`,
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`origin.endsWith('example.com')`",
            example: 'https://evilexample.com',
            credentials: '',
          },
          line: 2,
          column: 49,
          endLine: 2,
          endColumn: 79,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a koa origin function with includes on the request Origin: a suggestion',
      code: `import koaCors from '@koa/cors';
koaApp.use(koaCors({ origin: (ctx) => (ctx.get('Origin').includes('localhost') ? ctx.get('Origin') : '') }));`,
      output: null,
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`ctx.get('Origin').includes('localhost')`",
            example: 'https://localhost.evil.com',
            credentials: '',
          },
          line: 2,
          column: 40,
          endLine: 2,
          endColumn: 79,
          suggestions: [
            {
              messageId: 'matchWholeHost',
              output: `import koaCors from '@koa/cors';
koaApp.use(koaCors({ origin: (ctx) => (/^https?:\\/\\/localhost(?::\\d+)?$/.test(ctx.get('Origin')) ? ctx.get('Origin') : '') }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'an echo guarded by a weak prefix, with credentials in the same function',
      code: `app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && origin.startsWith('http://localhost')) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});`,
      output: `app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && (origin === 'http://localhost' || origin.startsWith('http://localhost:'))) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});`,
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`origin.startsWith('http://localhost')`",
            example: 'http://localhost.evil.com',
            credentials: ', credentials included',
          },
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 54,
          suggestions: [],
        },
      ],
    },
    {
      name: 'echoes guarded by includes and indexOf',
      code: `app.use((req, res, next) => {
  const origin = req.headers.origin ?? '';
  if (origin.includes('example.com')) res.setHeader('Access-Control-Allow-Origin', origin);
  if (origin.indexOf('localhost') !== -1) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
      output: null,
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`origin.includes('example.com')`",
            example: 'https://example.com.evil.com',
            credentials: '',
          },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'matchWholeHost',
              output: `app.use((req, res, next) => {
  const origin = req.headers.origin ?? '';
  if (/^https?:\\/\\/(?:[a-z\\d-]+\\.)*example\\.com(?::\\d+)?$/.test(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  if (origin.indexOf('localhost') !== -1) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
            },
          ],
        },
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`origin.indexOf('localhost') !== -1`",
            example: 'https://localhost.evil.com',
            credentials: '',
          },
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'matchWholeHost',
              output: `app.use((req, res, next) => {
  const origin = req.headers.origin ?? '';
  if (origin.includes('example.com')) res.setHeader('Access-Control-Allow-Origin', origin);
  if (/^https?:\\/\\/localhost(?::\\d+)?$/.test(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'a DNS-rebinding style check that turns away other origins',
      code: `app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && !origin.startsWith('http://localhost')) return res.status(403).json({ error: 'Origin not allowed' });
  next();
});`,
      output: `app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && !(origin === 'http://localhost' || origin.startsWith('http://localhost:'))) return res.status(403).json({ error: 'Origin not allowed' });
  next();
});`,
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`origin.startsWith('http://localhost')`",
            example: 'http://localhost.evil.com',
            credentials: '',
          },
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 55,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a hono middleware that turns away origins a bare pattern does not match',
      code: `honoApp.use('/mcp', async (c, next) => {
  const origin = c.req.header('Origin');
  if (origin !== undefined && !/localhost/.test(origin)) return c.text('Forbidden', 403);
  await next();
});`,
      output: `honoApp.use('/mcp', async (c, next) => {
  const origin = c.req.header('Origin');
  if (origin !== undefined && !/(?:\\/\\/|\\.)localhost(?::\\d+)?$/.test(origin)) return c.text('Forbidden', 403);
  await next();
});`,
      errors: [
        {
          messageId: 'unsafeOriginPattern',
          data: {
            pattern: '/localhost/',
            problem: 'has no `$` after the host',
            example: 'https://localhost.evil.com',
            credentials: '',
          },
          line: 3,
          column: 32,
          endLine: 3,
          endColumn: 43,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a parsed hostname with a weak suffix before an echo',
      code: `app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && new URL(origin).hostname.endsWith('example.com')) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
      output: `app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && (new URL(origin).hostname === 'example.com' || new URL(origin).hostname.endsWith('.example.com'))) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`new URL(origin).hostname.endsWith('example.com')`",
            example: 'https://evilexample.com',
            credentials: '',
          },
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 65,
          suggestions: [],
        },
      ],
    },
    {
      name: 'indexOf(...) === 0 is a prefix test, and one that turns away',
      code: `app.use((req, res, next) => {
  const origin = req.headers.origin ?? '';
  if (origin.indexOf('http://127.0.0.1') === 0) res.setHeader('Access-Control-Allow-Origin', origin);
  if (origin.indexOf('http://localhost') !== 0) return res.sendStatus(403);
  next();
});`,
      output: `app.use((req, res, next) => {
  const origin = req.headers.origin ?? '';
  if (origin === 'http://127.0.0.1' || origin.startsWith('http://127.0.0.1:')) res.setHeader('Access-Control-Allow-Origin', origin);
  if (!(origin === 'http://localhost' || origin.startsWith('http://localhost:'))) return res.sendStatus(403);
  next();
});`,
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`origin.indexOf('http://127.0.0.1') === 0`",
            example: 'http://127.0.0.1.evil.com',
            credentials: '',
          },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 47,
          suggestions: [],
        },
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`origin.indexOf('http://localhost') !== 0`",
            example: 'http://localhost.evil.com',
            credentials: '',
          },
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 47,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a list of suffixes and a list of patterns that an origin function goes through',
      code: `import cors from 'cors';
const ALLOWED_SUFFIXES = ['example.com', '.example.org'];
const ALLOWED_PATTERNS = [/^https:\\/\\/app\\.example\\.com$/, /^http:\\/\\/localhost/];
app.use(cors({
  origin: (origin, callback) =>
    callback(null, !origin || ALLOWED_SUFFIXES.some((suffix) => origin.endsWith(suffix)) || ALLOWED_PATTERNS.some((pattern) => pattern.test(origin))),
}));`,
      output: `import cors from 'cors';
const ALLOWED_SUFFIXES = ['example.com', '.example.org'];
const ALLOWED_PATTERNS = [/^https:\\/\\/app\\.example\\.com$/, /^http:\\/\\/localhost(?::\\d+)?$/];
app.use(cors({
  origin: (origin, callback) =>
    callback(null, !origin || ALLOWED_SUFFIXES.some((suffix) => origin.endsWith(suffix)) || ALLOWED_PATTERNS.some((pattern) => pattern.test(origin))),
}));`,
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`endsWith('example.com')`",
            example: 'https://evilexample.com',
            credentials: '',
          },
          line: 2,
          column: 27,
          endLine: 2,
          endColumn: 40,
          suggestions: [],
        },
        {
          messageId: 'unsafeOriginPattern',
          data: {
            pattern: '/^http:\\/\\/localhost/',
            problem: 'has no `$` after the host',
            example: 'http://localhost.evil.com',
            credentials: '',
          },
          line: 3,
          column: 60,
          endLine: 3,
          endColumn: 81,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a test held in a constant, a suffix from a constant, and match with a string',
      code: `const TRUSTED_DOMAIN = 'example.com';
app.use((req, res, next) => {
  const origin = req.headers.origin ?? '';
  const trusted = origin.endsWith(TRUSTED_DOMAIN);
  if (trusted) res.setHeader('Access-Control-Allow-Origin', origin);
  if (origin.match('example.org')) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
      output: `const TRUSTED_DOMAIN = 'example.com';
app.use((req, res, next) => {
  const origin = req.headers.origin ?? '';
  const trusted = origin.endsWith(\`//\${TRUSTED_DOMAIN}\`) || origin.endsWith(\`.\${TRUSTED_DOMAIN}\`);
  if (trusted) res.setHeader('Access-Control-Allow-Origin', origin);
  if (origin.match('(?:\\\\/\\\\/|\\\\.)example\\\\.org(?::\\\\d+)?$')) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: '`origin.endsWith(TRUSTED_DOMAIN)`',
            example: 'https://evilexample.com',
            credentials: '',
          },
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 50,
          suggestions: [],
        },
        {
          messageId: 'unsafeOriginPattern',
          data: {
            pattern: "'example.org'",
            problem: 'has no `$` after the host',
            example: 'https://example.org.evil.com',
            credentials: '',
          },
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a suffix under a hosting platform where anyone gets a subdomain',
      code: `app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin?.endsWith('my-mcp-client.vercel.app')) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
      output: `app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin?.endsWith('//my-mcp-client.vercel.app') || origin?.endsWith('.my-mcp-client.vercel.app')) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`origin?.endsWith('my-mcp-client.vercel.app')`",
            example: 'https://evilmy-mcp-client.vercel.app',
            credentials: '',
          },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 51,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a port-only suffix: no autofix',
      code: `app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin?.endsWith(':6274')) res.setHeader('Access-Control-Allow-Origin', origin);
  next();
});`,
      output: null,
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`origin?.endsWith(':6274')`",
            example: 'https://evil.com:6274',
            credentials: '',
          },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 32,
          suggestions: [],
        },
      ],
    },
    {
      name: 'CommonJS express',
      code: `const express = require('express');
const app = express();
app.use(function (req, res, next) {
  const origin = req.header('Origin');
  if (origin && origin.endsWith('example.com')) res.header('Access-Control-Allow-Origin', origin);
  next();
});`,
      ...commonjs,
      output: `const express = require('express');
const app = express();
app.use(function (req, res, next) {
  const origin = req.header('Origin');
  if (origin && (origin.endsWith('//example.com') || origin.endsWith('.example.com'))) res.header('Access-Control-Allow-Origin', origin);
  next();
});`,
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`origin.endsWith('example.com')`",
            example: 'https://evilexample.com',
            credentials: '',
          },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 47,
          suggestions: [],
        },
      ],
    },
    {
      name: 'CommonJS cors, required under another name, with a pattern from a ternary',
      code: `const corsMiddleware = require('cors');
const dev = process.env.NODE_ENV !== 'production';
app.use(corsMiddleware({ origin: dev ? /localhost/ : 'https://app.example.com' }));`,
      ...commonjs,
      output: `const corsMiddleware = require('cors');
const dev = process.env.NODE_ENV !== 'production';
app.use(corsMiddleware({ origin: dev ? /(?:\\/\\/|\\.)localhost(?::\\d+)?$/ : 'https://app.example.com' }));`,
      errors: [
        {
          messageId: 'unsafeOriginPattern',
          data: {
            pattern: '/localhost/',
            problem: 'has no `$` after the host',
            example: 'https://localhost.evil.com',
            credentials: '',
          },
          line: 3,
          column: 40,
          endLine: 3,
          endColumn: 51,
          suggestions: [],
        },
      ],
    },
    {
      name: 'ESM JavaScript web handler with an optional chain',
      code: `export default {
  async fetch(request) {
    const origin = request.headers.get('Origin');
    if (origin !== null && !origin?.startsWith('http://localhost')) return new Response('Forbidden', { status: 403 });
    return new Response('{}');
  },
};`,
      ...esm,
      output: `export default {
  async fetch(request) {
    const origin = request.headers.get('Origin');
    if (origin !== null && !(origin === 'http://localhost' || origin?.startsWith('http://localhost:'))) return new Response('Forbidden', { status: 403 });
    return new Response('{}');
  },
};`,
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`origin?.startsWith('http://localhost')`",
            example: 'http://localhost.evil.com',
            credentials: '',
          },
          line: 4,
          column: 29,
          endLine: 4,
          endColumn: 67,
          suggestions: [],
        },
      ],
    },
  ],
});

/** Middleware that refuses a request unless the test held in `allowed` passes. */
const HELD_GATE = (test: string): string => `import express from 'express';
import { handleMcp } from './mcp.js';

const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin ?? '';
  const allowed = ${test};
  if (!allowed) return res.status(403).end();
  next();
});
app.post('/mcp', handleMcp);
app.listen(3000, '127.0.0.1');`;

ruleTester.run('no-unsafe-origin-match: a test held in a constant that the gate reads', rule, {
  valid: [{ name: 'an exact comparison', code: HELD_GATE("origin === 'https://app.example.com'") }],
  invalid: [
    {
      name: "`const allowed = origin.endsWith('example.com'); if (!allowed) return …`",
      code: HELD_GATE("origin.endsWith('example.com')"),
      output: HELD_GATE("origin.endsWith('//example.com') || origin.endsWith('.example.com')"),
      errors: [{ messageId: 'unsafeOriginCheck', line: 7, column: 19, endLine: 7, endColumn: 49 }],
    },
  ],
});

/** An express gate that refuses a present Origin its helper does not trust, with `test` in the helper. */
const HELPER_BEHIND_PRESENCE = (test: string): string => `import express from 'express';

function isTrusted(origin: string): boolean {
  return ${test};
}

const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && !isTrusted(origin)) return void res.status(403).end();
  next();
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run('no-unsafe-origin-match: a helper behind a presence test in the same condition', rule, {
  valid: [{ name: 'an exact comparison', code: HELPER_BEHIND_PRESENCE("origin === 'http://localhost:6274'") }],
  invalid: [
    {
      name: '`origin && !isTrusted(origin)` with a prefix test in the helper',
      code: HELPER_BEHIND_PRESENCE("origin.startsWith('http://localhost')"),
      output: HELPER_BEHIND_PRESENCE("origin === 'http://localhost' || origin.startsWith('http://localhost:')"),
      errors: [{ messageId: 'unsafeOriginCheck', line: 4, column: 10, endLine: 4, endColumn: 47 }],
    },
  ],
});

/**
 * An express gate that refuses what its helper says no to, a helper handed the request that reads
 * its Origin and answers `test`.
 */
const HELPER_READING_ORIGIN = (test: string): string => `import express from 'express';

function isTrusted(req: express.Request): boolean {
  const origin = req.headers.origin;
  return origin === undefined || ${test};
}

const app = express();
app.use((req, res, next) => {
  if (!isTrusted(req)) return void res.status(403).end();
  next();
});
app.listen(3000, '127.0.0.1');`;

ruleTester.run('no-unsafe-origin-match: a helper handed the request that reads the Origin itself', rule, {
  valid: [{ name: 'an exact comparison', code: HELPER_READING_ORIGIN("origin === 'http://localhost:6274'") }],
  invalid: [
    {
      name: '`if (!isTrusted(req))` with a prefix test of the Origin in the helper',
      code: HELPER_READING_ORIGIN("origin.startsWith('http://localhost')"),
      output: HELPER_READING_ORIGIN("origin === 'http://localhost' || origin.startsWith('http://localhost:')"),
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`origin.startsWith('http://localhost')`",
            example: 'http://localhost.evil.com',
            credentials: '',
          },
          line: 5,
          column: 34,
          endLine: 5,
          endColumn: 71,
        },
      ],
    },
  ],
});

/** An express gate that tests the host parsed from the request's Origin, held in a name, with `test`. */
const PARSED_HOST_GATE = (test: string, parsed = 'new URL(origin).hostname'): string => `import express from 'express';

const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (!origin) return next();
  const hostname = ${parsed};
  if (!${test}) return void res.status(403).end();
  next();
});
app.listen(3000, '127.0.0.1');`;

/** A web handler that refuses a request whose Origin's parsed host fails `test`. */
const WEB_PARSED_HOST_GATE = (test: string): string => `export default {
  async fetch(request: Request): Promise<Response> {
    const origin = request.headers.get('origin') ?? '';
    const host = URL.parse(origin)?.host ?? '';
    if (!${test}) return new Response('Forbidden', { status: 403 });
    return new Response('ok');
  },
};`;

ruleTester.run('no-unsafe-origin-match: a host parsed from the Origin and held in a name', rule, {
  valid: [
    { name: 'the parsed hostname compared exactly', code: PARSED_HOST_GATE("(hostname === 'localhost')") },
    {
      name: "a prefix test of the request URL's hostname, which is no origin",
      code: PARSED_HOST_GATE(
        "hostname.startsWith('localhost')",
        "new URL(req.url ?? '/', 'http://localhost').hostname",
      ),
    },
  ],
  invalid: [
    {
      name: "`const hostname = new URL(origin).hostname; if (!hostname.startsWith('localhost')) …`",
      code: PARSED_HOST_GATE("hostname.startsWith('localhost')"),
      output: PARSED_HOST_GATE("(hostname === 'localhost')"),
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`hostname.startsWith('localhost')`",
            example: 'https://localhost.evil.com',
            credentials: '',
          },
          line: 8,
          column: 8,
          endLine: 8,
          endColumn: 40,
        },
      ],
    },
    {
      name: "a web handler's `URL.parse(origin)?.host` held in a name, with a weak suffix",
      code: WEB_PARSED_HOST_GATE("host.endsWith('example.com')"),
      output: WEB_PARSED_HOST_GATE("(host === 'example.com' || host.endsWith('.example.com'))"),
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: { check: "`host.endsWith('example.com')`", example: 'https://evilexample.com', credentials: '' },
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 38,
        },
      ],
    },
  ],
});

/** A cors origin option (`origin`) with credentials, on a local express app. */
const PLATFORM_CORS = (origin: string): string => `import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: ${origin}, credentials: true }));
app.listen(3000, '127.0.0.1');`;

/** The report of a pattern with a wildcard right under a name anyone can register under. */
const registrableWildcard = (
  pattern: string,
  example: string,
  [line, column, endLine, endColumn]: readonly [number, number, number, number],
) => ({
  messageId: 'unsafeOriginPattern' as const,
  data: {
    pattern,
    problem: 'has a wildcard for a name anyone can register',
    example,
    credentials: ', credentials included',
  },
  line,
  column,
  endLine,
  endColumn,
  suggestions: [],
});

ruleTester.run('no-unsafe-origin-match: every subdomain of a hosting platform', rule, {
  valid: [
    {
      name: "a wildcard under a team's own name on the platform, and under a name someone owns",
      code: PLATFORM_CORS(
        '[/^https:\\/\\/[a-z0-9-]+\\.my-team\\.vercel\\.app$/, /^https:\\/\\/.+\\.example\\.co\\.uk$/, /^https:\\/\\/([a-z0-9-]+\\.)*example\\.com$/]',
      ),
    },
    {
      name: 'a wildcard under a name nobody registers, and an address of a private network',
      code: PLATFORM_CORS(
        '[/^http:\\/\\/.*\\.localhost(?::\\d+)?$/, /^http:\\/\\/192\\.168\\.\\d+\\.\\d+(?::\\d+)?$/]',
      ),
    },
    {
      name: 'a suffix with a dot under a name someone owns, and a hostname equal to a platform app',
      code: `import express from 'express';

const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && !origin.endsWith('.example.com') && new URL(origin).hostname !== 'my-app.vercel.app') return void res.status(403).end();
  next();
});`,
    },
  ],
  invalid: [
    {
      name: 'a wildcard label right under workers.dev and vercel.app',
      code: PLATFORM_CORS('[/^https:\\/\\/.*\\.workers\\.dev$/, /^https:\\/\\/[a-z0-9-]+\\.vercel\\.app$/]'),
      output: null,
      errors: [
        registrableWildcard('/^https:\\/\\/.*\\.workers\\.dev$/', 'https://evil.workers.dev', [5, 25, 5, 55]),
        registrableWildcard('/^https:\\/\\/[a-z0-9-]+\\.vercel\\.app$/', 'https://evil.vercel.app', [5, 57, 5, 94]),
      ],
    },
    {
      name: 'any depth of subdomains of github.io, in an optional group',
      code: PLATFORM_CORS('/^https:\\/\\/([\\w-]+\\.)*github\\.io$/'),
      output: null,
      errors: [
        registrableWildcard('/^https:\\/\\/([\\w-]+\\.)*github\\.io$/', 'https://evil.github.io', [5, 24, 5, 59]),
      ],
    },
    {
      name: "a suffix that starts with a dot, on the origin and on a parsed hostname: every user's app passes",
      code: `import express from 'express';

const app = express();
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (origin && !origin.endsWith('.netlify.app') && !new URL(origin).hostname.endsWith('.pages.dev')) return void res.status(403).end();
  next();
});`,
      output: null,
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`origin.endsWith('.netlify.app')`",
            example: 'https://evil.netlify.app',
            credentials: '',
          },
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 49,
          suggestions: [],
        },
        {
          messageId: 'unsafeOriginCheck',
          data: {
            check: "`new URL(origin).hostname.endsWith('.pages.dev')`",
            example: 'https://evil.pages.dev',
            credentials: '',
          },
          line: 6,
          column: 54,
          endLine: 6,
          endColumn: 101,
          suggestions: [],
        },
      ],
    },
  ],
});

/** An MCP bridge whose `ws` server lets a handshake in when `test` holds for its Origin. */
const WS_VERIFY = (test: string): string => `import { WebSocketServer } from 'ws';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const mcp = new McpServer({ name: 'bridge', version: '1.0.0' });
const wss = new WebSocketServer({
  port: 8765,
  host: '127.0.0.1',
  verifyClient: ({ origin }: { origin?: string }) => origin === undefined || ${test},
});`;

ruleTester.run("no-unsafe-origin-match: a ws server's verifyClient", rule, {
  valid: [{ name: 'an exact comparison', code: WS_VERIFY("origin === 'http://localhost:6274'") }],
  invalid: [
    {
      name: 'a prefix test on the handshake Origin',
      code: WS_VERIFY("origin.startsWith('http://localhost')"),
      output: WS_VERIFY("origin === 'http://localhost' || origin.startsWith('http://localhost:')"),
      errors: [{ messageId: 'unsafeOriginCheck', line: 8, column: 78, endLine: 8, endColumn: 115 }],
    },
  ],
});

/**
 * An express app whose `cors` origin function answers `answer`, a test of the request's origin
 * against WILDCARDS (origins with `*` for a label) or held first in `const ok`.
 */
const WILDCARD_LIST = (test: string, held = false): string => `import express from 'express';
import cors from 'cors';

const WILDCARDS = ['https://*.example.com', 'http://localhost:3000'];

const app = express();
app.use(
  cors({
    origin: (origin, callback) => {
${held ? `      const ok = !origin || WILDCARDS.some((entry) => ${test});\n      callback(null, ok);` : `      callback(null, !origin || WILDCARDS.some((entry) => ${test}));`}
    },
  }),
);
app.listen(3000, '127.0.0.1');`;

const TO_REGEX = "new RegExp(entry.replace(/\\*/g, '[a-z0-9-]+'))";

/** The report on the RegExp built from each wildcard entry, at `line`, `column`. */
const builtPattern = (line: number, column: number) => ({
  messageId: 'unsafeOriginPattern' as const,
  data: {
    pattern: TO_REGEX,
    problem: 'has no `$` after the host',
    example: 'https://a.example.com.evil.com',
    credentials: '',
  },
  line,
  column,
  endLine: line,
  endColumn: column + TO_REGEX.length,
  suggestions: [],
});

ruleTester.run('no-unsafe-origin-match: a pattern built from each entry of a list of wildcard origins', rule, {
  valid: [
    {
      name: 'each `*` made a label, escaped and anchored: no report for what it cannot read',
      code: WILDCARD_LIST(
        "entry.includes('*') ? new RegExp(`^${entry.replace(/\\./g, '\\\\.').replace(/\\*/g, '[a-z0-9-]+')}$`).test(origin) : entry === origin",
      ),
    },
    {
      name: 'exact comparisons only',
      code: WILDCARD_LIST('entry === origin'),
    },
  ],
  invalid: [
    {
      name: 'an entry with `*` made a pattern with no `^` or `$`, behind `entry.includes(…)` in a `?:`',
      code: WILDCARD_LIST(`entry.includes('*') ? ${TO_REGEX}.test(origin) : entry === origin`),
      output: null,
      errors: [builtPattern(10, 81)],
    },
    {
      name: 'the same, held in `const ok` that the callback answers',
      code: WILDCARD_LIST(`entry.includes('*') ? ${TO_REGEX}.test(origin) : entry === origin`, true),
      output: null,
      errors: [builtPattern(10, 77)],
    },
  ],
});

ruleTester.run("no-unsafe-origin-match: the suggestion in the file's quotes", rule, {
  valid: [],
  invalid: [
    {
      name: 'an optional check gets its empty fallback in double quotes',
      code: `import express from "express"
const app = express()
app.use((req, res, next) => {
  const origin = req.headers.origin
  if (origin?.includes("example.com")) res.set("Access-Control-Allow-Origin", origin)
  next()
})`,
      output: null,
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'matchWholeHost',
              output: `import express from "express"
const app = express()
app.use((req, res, next) => {
  const origin = req.headers.origin
  if (/^https?:\\/\\/(?:[a-z\\d-]+\\.)*example\\.com(?::\\d+)?$/.test(origin ?? "")) res.set("Access-Control-Allow-Origin", origin)
  next()
})`,
            },
          ],
        },
      ],
    },
  ],
});
