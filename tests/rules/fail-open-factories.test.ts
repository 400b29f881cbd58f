import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { postMcpReport } from '../support/csrf-cases';
import { transportAt, unprotectedTransport } from '../support/fix-text';

// Middleware made by a factory of the project that hands back a pass-through while its key is
// unset (`if (!key) return (_req, _res, next) => next();`) and the token check only once it is
// set. Out of the box the key is unset, and the server checks nothing: what a rebinding page meets
// (require-dns-rebinding-protection wants a check enforced by default). require-csrf-token takes a
// check the owner switches on as theirs to switch on, as it takes `if (!TOKEN) return next()`.

const ruleTester = createRuleTester();

/** An express server that mounts `makeAuth(process.env.API_KEY)`, whose body is `factory`, in front of `POST /mcp`. */
const SERVER = (factory: string, mount = 'makeAuth(process.env.API_KEY)'): string => `import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const checkKey =
  (key: string): RequestHandler =>
  (req, res, next) => {
    if (req.headers.authorization !== \`Bearer \${key}\`) return void res.status(401).end();
    next();
  };

${factory}

const app = express();
app.use(express.json());
app.use(${mount});
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');
`;

/** The same check written out in the factory's own returned function. */
const INLINE_CHECK = `(req: Request, res: Response, next: NextFunction) => {
    if (req.headers.authorization !== \`Bearer \${key}\`) return void res.status(401).end();
    next();
  }`;

/** Factories that let every request on while the key is unset. */
const FAIL_OPEN: readonly (readonly [name: string, factory: string])[] = [
  [
    'an early `return` of a pass-through arrow, then the check written out',
    `function makeAuth(key: string | undefined) {\n  if (!key) return (_req: Request, _res: Response, next: NextFunction) => next();\n  return ${INLINE_CHECK};\n}`,
  ],
  [
    'a warning and a pass-through in a block, then the check of a helper',
    `function makeAuth(key: string | undefined): RequestHandler {\n  if (!key) {\n    console.warn('API_KEY is not set: requests are not authenticated');\n    return (_req, _res, next) => {\n      next();\n    };\n  }\n  return checkKey(key);\n}`,
  ],
  [
    'a conditional between the check and a pass-through',
    `function makeAuth(key: string | undefined): RequestHandler {\n  return key ? checkKey(key) : (_req, _res, next) => next();\n}`,
  ],
  [
    'a pass-through held in a constant',
    `const letEveryoneIn: RequestHandler = (_req, _res, next) => next();\n\nfunction makeAuth(key: string | undefined): RequestHandler {\n  if (key === undefined || key === '') return letEveryoneIn;\n  return checkKey(key);\n}`,
  ],
];

/** Factories whose check runs whatever the environment holds. */
const ENFORCED: readonly (readonly [name: string, factory: string])[] = [
  [
    'a factory that throws while the key is unset',
    `function makeAuth(key: string | undefined) {\n  if (!key) throw new Error('API_KEY is required');\n  return ${INLINE_CHECK};\n}`,
  ],
  [
    'a pass-through only for an option the call leaves off',
    `function makeAuth(key: string | undefined, optional = false): RequestHandler {\n  if (optional) return (_req, _res, next) => next();\n  if (!key) throw new Error('API_KEY is required');\n  return checkKey(key);\n}`,
  ],
  [
    'a returned function that logs and checks: no pass-through',
    `function makeAuth(key: string | undefined) {\n  if (!key) throw new Error('API_KEY is required');\n  return (req: Request, res: Response, next: NextFunction) => {\n    console.log(req.method, req.path);\n    if (req.headers.authorization !== \`Bearer \${key}\`) return void res.status(401).end();\n    next();\n  };\n}`,
  ],
];

ruleTester.run('require-csrf-token: a middleware factory the owner switches on with its key', csrfRule, {
  valid: [
    ...[...FAIL_OPEN, ...ENFORCED].map(([name, factory]) => ({ name, code: SERVER(factory) })),
    {
      name: 'the factory called into a constant, mounted by name',
      code: SERVER(FAIL_OPEN[0]![1], 'auth').replace(
        '\nconst app = express();',
        '\nconst auth = makeAuth(process.env.API_KEY);\nconst app = express();',
      ),
    },
  ],
  invalid: [
    (() => {
      // Not a switch: the pass-through is all it ever returns.
      const code = SERVER(
        'function makeAuth(_key: string | undefined): RequestHandler {\n  return (_req, _res, next) => next();\n}',
      );
      return { name: 'a factory that returns only a pass-through', code, errors: [postMcpReport(code)] };
    })(),
  ],
});

ruleTester.run(
  'require-dns-rebinding-protection: a middleware factory that checks nothing while its key is unset',
  dnsRule,
  {
    valid: ENFORCED.map(([name, factory]) => ({ name, code: SERVER(factory) })),
    invalid: FAIL_OPEN.map(([name, factory]) => {
      const code = SERVER(factory);
      return { name, code, errors: [unprotectedTransport(code, ...transportAt(code))] };
    }),
  },
);
