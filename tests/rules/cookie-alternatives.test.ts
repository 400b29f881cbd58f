import rule from '../../src/rules/require-csrf-token';
import dnsRule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { guard, missingCheck, tokenHelpers } from '../support/fix-text';

// A check that takes its token from a cookie when the request carries no `Authorization`
// (`req.cookies?.session || req.headers.authorization`) lets a request through on the cookie alone,
// and the browser adds the cookie to a forged cross-site request by itself: no defence against
// one. A rebinding page reaches the server under its own host name, whose cookies are not the
// server's: there the check still keeps it out.

const ruleTester = createRuleTester();

/** An express app whose middleware takes the token from `source` (the `app.post` on line 13). */
const TOKEN_FROM = (source: string): string => `import express from 'express';
import cookieParser from 'cookie-parser';

const app = express();
app.use(cookieParser());

function authenticate(req: express.Request, res: express.Response, next: express.NextFunction) {
  const token = ${source};
  if (!token || !verifyToken(token)) return res.status(401).json({ error: 'unauthorized' });
  next();
}

app.post('/mcp', authenticate, (req, res) => transport.handleRequest(req, res, req.body));
app.listen(3000, '127.0.0.1');`;

const COOKIE_OR_BEARER = "req.cookies?.session || req.headers.authorization?.replace('Bearer ', '')";

/** `TOKEN_FROM(source)` with the token fix: the declarations before the route, the check after its middleware. */
const fixed = (source: string) => (bearer: boolean) =>
  TOKEN_FROM(source).replace(
    "app.post('/mcp', authenticate, ",
    `${tokenHelpers({ bearer })}\n\napp.post('/mcp', authenticate, ${guard('express', bearer)}`,
  );

ruleTester.run('require-csrf-token: a token taken from a cookie when the header is missing', rule, {
  valid: [
    {
      name: 'the bearer token alone',
      code: TOKEN_FROM("req.headers.authorization?.replace('Bearer ', '')"),
    },
    {
      name: 'the header read beside a cookie in another test (`&&`): both are needed',
      code: TOKEN_FROM("req.cookies?.session && req.headers.authorization?.replace('Bearer ', '')"),
    },
  ],
  invalid: [
    {
      name: 'the cookie first, the bearer token as the fallback',
      code: TOKEN_FROM(COOKIE_OR_BEARER),
      output: null,
      errors: [missingCheck('`POST /mcp`', [13, 1, 13, 9], fixed(COOKIE_OR_BEARER))],
    },
    {
      name: 'the bearer token first, the cookie as the fallback (`??`)',
      code: TOKEN_FROM('req.headers.authorization ?? req.signedCookies.session'),
      output: null,
      errors: [
        missingCheck('`POST /mcp`', [13, 1, 13, 9], fixed('req.headers.authorization ?? req.signedCookies.session')),
      ],
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: a token taken from a cookie when the header is missing', dnsRule, {
  valid: [
    {
      name: "a rebinding page's request carries neither the header nor the server's cookie",
      code: TOKEN_FROM(COOKIE_OR_BEARER),
    },
  ],
  invalid: [],
});
