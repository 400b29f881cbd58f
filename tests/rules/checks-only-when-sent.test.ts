import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import wildcardRule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';
import { postMcpReport } from '../support/csrf-cases';
import { transportAt, unprotectedTransport } from '../support/fix-text';

// A credential check that runs only when the request carries the header: the value is taken apart
// inside `if (auth) { … }` and refused there when it is wrong, but a request that leaves the
// header out never enters the block, and goes on to the MCP endpoint. A cross-site page sends no
// `Authorization`; a rebinding page need not either.

const ruleTester = createRuleTester();

/**
 * An express server whose middleware runs `check` on `const auth = req.headers.authorization`, in
 * front of `POST /mcp`.
 */
const CHECKED = (
  check: string,
  cors = false,
): string => `${cors ? "import cors from 'cors';\n" : ''}import express from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const app = express();
app.use(express.json());${cors ? '\napp.use(cors());' : ''}
app.use((req, res, next) => {
  const auth = req.headers.authorization;
${check}
  next();
});
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');

declare function verifyIssuedToken(token: string): string | null;
`;

const REFUSE = 'return void res.status(401).end();';

/** Checks a request without the header never reaches. */
const ONLY_WHEN_SENT: readonly (readonly [name: string, check: string])[] = [
  [
    '`if (auth) { const token = auth.split(…)[1]; if (!token …) … }`',
    `  if (auth) {\n    const token = auth.split(' ')[1];\n    if (!token || token !== process.env.MCP_TOKEN) ${REFUSE}\n  }`,
  ],
  [
    '`if (auth) { const [scheme, token] = auth.split(…); … }`',
    `  if (auth) {\n    const [scheme, token] = auth.split(' ');\n    if (scheme !== 'Bearer' || token !== process.env.MCP_TOKEN) ${REFUSE}\n  }`,
  ],
  [
    "`if (typeof auth === 'string') { const token = auth.slice(7); … }`",
    `  if (typeof auth === 'string') {\n    const token = auth.slice(7);\n    if (token !== process.env.MCP_TOKEN) ${REFUSE}\n  }`,
  ],
  [
    '`if (auth) { const token = …; try { verify(token) } catch { refuse } }`',
    `  if (auth) {\n    const token = auth.split(' ')[1];\n    try {\n      verifyIssuedToken(token);\n    } catch {\n      ${REFUSE}\n    }\n  }`,
  ],
];

/** A verifier of the tokens the server issued: a value a page cannot make up. */
const VERIFY = 'const clientId = verifyIssuedToken(token);';

/** The same checks with the missing header turned away too. */
const REFUSED_WHEN_MISSING: readonly (readonly [name: string, check: string])[] = [
  [
    'a missing or non-bearer header refused first, then the token verified by a helper',
    `  if (!auth || !auth.startsWith('Bearer ')) ${REFUSE}\n  const token = auth.substring(7);\n  if (!token) ${REFUSE}\n  ${VERIFY}\n  if (!clientId) ${REFUSE}`,
  ],
  [
    'a missing header refused first, then the token taken apart and compared',
    `  if (!auth) ${REFUSE}\n  const token = auth.split(' ')[1];\n  if (!token || token !== process.env.MCP_TOKEN) ${REFUSE}`,
  ],
  [
    'the block for a sent header, and an `else` that refuses the rest',
    `  if (auth) {\n    const token = auth.split(' ')[1];\n    if (!token || token !== process.env.MCP_TOKEN) ${REFUSE}\n  } else {\n    ${REFUSE}\n  }`,
  ],
  [
    'the token taken apart outside any test of the header, and a throw of its verifier refused',
    `  const token = auth?.split(' ')[1] ?? '';\n  try {\n    verifyIssuedToken(token);\n  } catch {\n    ${REFUSE}\n  }`,
  ],
];

/**
 * A middleware of a class that refuses a missing or non-bearer header first, then takes the token
 * apart and has it verified: the later refusals are not reached without the header, which the
 * first one turned away, and that is no reason to drop the check.
 */
const CLASS_MIDDLEWARE = `import express, { type NextFunction, type Request, type Response } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

class TokenService {
  validateToken(token: string): string | null {
    return token === process.env.ISSUED_TOKEN ? 'client' : null;
  }
}

class AuthMiddleware {
  constructor(private readonly tokens: TokenService) {
    this.requireAuth = this.requireAuth.bind(this);
  }

  requireAuth(req: Request, res: Response, next: NextFunction): void {
    if (!req.headers.authorization || !req.headers.authorization.startsWith('Bearer ')) {
      res.status(401).send('Unauthorized');
      return;
    }
    const token = req.headers.authorization.substring(7);
    if (!token) {
      res.status(401).send('Unauthorized');
      return;
    }
    const clientId = this.tokens.validateToken(token);
    if (!clientId) {
      res.status(401).send('Unauthorized');
      return;
    }
    next();
  }
}

const auth = new AuthMiddleware(new TokenService());
const app = express();
app.use(express.json());
app.post('/mcp', auth.requireAuth, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');
`;

ruleTester.run('require-csrf-token: a check that runs only when the header is sent', csrfRule, {
  valid: [
    ...REFUSED_WHEN_MISSING.map(([name, check]) => ({ name, code: CHECKED(check) })),
    { name: 'a class middleware: refused when missing, then verified', code: CLASS_MIDDLEWARE },
  ],
  invalid: ONLY_WHEN_SENT.map(([name, check]) => {
    const code = CHECKED(check);
    return { name, code, errors: [postMcpReport(code)] };
  }),
});

ruleTester.run('require-dns-rebinding-protection: a check that runs only when the header is sent', dnsRule, {
  valid: [
    ...REFUSED_WHEN_MISSING.map(([name, check]) => ({ name, code: CHECKED(check) })),
    { name: 'a class middleware: refused when missing, then verified', code: CLASS_MIDDLEWARE },
  ],
  invalid: ONLY_WHEN_SENT.map(([name, check]) => {
    const code = CHECKED(check);
    return { name, code, errors: [unprotectedTransport(code, ...transportAt(code))] };
  }),
});

// A bearer check makes a wildcard moot (a page cannot send the token); one a page passes by
// sending no header at all does not.
ruleTester.run('no-wildcard-origin: a bearer check that runs only when the header is sent', wildcardRule, {
  valid: REFUSED_WHEN_MISSING.map(([name, check]) => ({ name, code: CHECKED(check, true) })),
  invalid: ONLY_WHEN_SENT.map(([name, check]) => {
    const code = CHECKED(check, true);
    return {
      name,
      code,
      errors: [
        {
          messageId: 'wildcardOrigin',
          data: { policy: '`cors()` without `origin` (default `*`)', credentials: '' },
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 15,
          suggestions: [
            { messageId: 'denyOrigins', output: code.replace('app.use(cors());', 'app.use(cors({ origin: false }));') },
            {
              messageId: 'useAllowlist',
              output: code
                .replace('app.use(cors());', 'app.use(cors({ origin: ALLOWED_ORIGINS }));')
                .replace(
                  '\nconst app = express();',
                  "\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\nconst app = express();",
                ),
            },
          ],
        },
      ],
    };
  }),
});
