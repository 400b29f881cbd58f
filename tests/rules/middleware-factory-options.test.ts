import csrfRule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { guard, missingCheck, tokenHelpers } from '../support/fix-text';

// Middleware made by a factory of the project is read with the options it is given: a bearer check
// that lets a request without a token through when told to (`allowAnonymous: true`) checks nothing
// for a cross-site page. The token comes from a helper whose first statement answers `undefined`
// for a missing header, so what follows the `if (!token)` branch is not reached without one.

const ruleTester = createRuleTester();

/**
 * An SDK app bound to every interface whose `/mcp` sits behind `bearerAuth({ issuer,
 * allowAnonymous: <anonymous> })`.
 */
const server = (anonymous: string): string => `import type { Request, Response } from 'express';
import { createMcpExpressApp } from '@modelcontextprotocol/express';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const mcp = toNodeHandler(createMcpHandler(() => new McpServer({ name: 'notes', version: '1.0.0' })));

function readBearer(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const [scheme, token] = value.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) return undefined;
  return token;
}

function bearerAuth({ issuer, allowAnonymous = false }: { issuer: string; allowAnonymous?: boolean }) {
  const keys = createRemoteJWKSet(new URL(\`\${issuer}/jwks\`));
  return async (req: Request, res: Response, next: () => void) => {
    const token = readBearer(req.headers.authorization);
    if (!token) {
      if (allowAnonymous) {
        next();
        return;
      }
      res.status(401).json({ error: 'No token provided.' });
      return;
    }
    try {
      await jwtVerify(token, keys, { issuer });
      next();
    } catch {
      res.status(401).json({ error: 'Invalid token.' });
    }
  };
}

const issuer = process.env.ISSUER ?? '';
const app = createMcpExpressApp({ host: '0.0.0.0' });
app.all('/mcp', bearerAuth({ issuer${anonymous} }), (req, res) => void mcp(req, res, req.body));
app.listen(3000, '127.0.0.1');
`;

const ANONYMOUS = server(', allowAnonymous: true');
/** The same check, written as a refusal unless anonymous requests are allowed, then `return next()`. */
const refusalFirst = (anonymous: string): string =>
  server(anonymous).replace(
    `      if (allowAnonymous) {
        next();
        return;
      }
      res.status(401).json({ error: 'No token provided.' });
      return;`,
    `      if (!allowAnonymous) {
        res.status(401).json({ error: 'No token provided.' });
        return;
      }
      return next();`,
  );
const ROUTE_LINE = 39;

ruleTester.run('require-csrf-token: middleware made by a factory, read with its options', csrfRule, {
  valid: [
    { name: 'the refusal written first, with allowAnonymous: false', code: refusalFirst(', allowAnonymous: false') },
    { name: 'allowAnonymous: false', code: server(', allowAnonymous: false') },
    { name: 'allowAnonymous left out: its default, false', code: server('') },
    {
      name: 'allowAnonymous from a value the file does not fix',
      code: server(', allowAnonymous: process.env.ANON === "1"'),
    },
  ],
  invalid: [
    {
      name: 'the refusal written first, `return next()` after it, with allowAnonymous: true',
      code: refusalFirst(', allowAnonymous: true'),
      errors: [
        missingCheck('Every method of `/mcp`', [ROUTE_LINE - 1, 1, ROUTE_LINE - 1, 8], (bearer) =>
          refusalFirst(', allowAnonymous: true')
            .replace(
              "const app = createMcpExpressApp({ host: '0.0.0.0' });\n",
              `const app = createMcpExpressApp({ host: '0.0.0.0' });\n\n${tokenHelpers({ bearer })}\n\n`,
            )
            .replace('allowAnonymous: true }), ', `allowAnonymous: true }), ${guard('express', bearer)}`),
        ),
      ],
    },
    {
      name: 'allowAnonymous: true lets a request without a token through',
      code: ANONYMOUS,
      errors: [
        missingCheck('Every method of `/mcp`', [ROUTE_LINE, 1, ROUTE_LINE, 8], (bearer) =>
          ANONYMOUS.replace(
            "const app = createMcpExpressApp({ host: '0.0.0.0' });\n",
            `const app = createMcpExpressApp({ host: '0.0.0.0' });\n\n${tokenHelpers({ bearer })}\n\n`,
          ).replace('allowAnonymous: true }), ', `allowAnonymous: true }), ${guard('express', bearer)}`),
        ),
      ],
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: middleware made by a factory, read with its options', dnsRule, {
  valid: [{ name: 'allowAnonymous: false: a rebinding page has no token', code: server(', allowAnonymous: false') }],
  invalid: [
    {
      name: 'allowAnonymous: true: the Host check the host option turns off is all there was',
      code: ANONYMOUS,
      errors: [
        {
          messageId: 'validationTurnedOff',
          data: { factory: 'createMcpExpressApp', host: "'0.0.0.0'", place: '' },
          line: ROUTE_LINE - 1,
          column: 35,
          endLine: ROUTE_LINE - 1,
          endColumn: 50,
          suggestions: [
            { messageId: 'useLoopbackHost', output: ANONYMOUS.replace("host: '0.0.0.0'", "host: '127.0.0.1'") },
            {
              messageId: 'addAllowedHosts',
              output: ANONYMOUS.replace(
                "host: '0.0.0.0'",
                "host: '0.0.0.0', allowedHosts: ['localhost', '127.0.0.1', '[::1]']",
              ),
            },
          ],
        },
      ],
    },
  ],
});
