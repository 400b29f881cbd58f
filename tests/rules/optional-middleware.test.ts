import csrfRule from '../../src/rules/require-csrf-token';
import { createRuleTester } from '../rule-tester';
import { tokenSuggestions } from '../support/csrf-cases';

// A factory of the project that returns its token check, or `null` while a setting leaves it off
// (`return settings.auth ? requireBearerAuth({ verifier }) : null`), mounted where it is not null.
// A `null` handler is never mounted (express throws at the `use()`), so what runs is the check,
// and a check the owner switches on is theirs to switch on (docs/rules/require-csrf-token.md); so
// is one that hands back a pass-through while it is off, as `if (!TOKEN) return next()` is.

const ruleTester = createRuleTester();

/** A server whose `authMiddleware()` returns `enabled` or null; `mount` mounts it; the route is on line 18. */
const server = (enabled: string, mount: string) => `import express, { type RequestHandler } from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';

declare const verifier: OAuthTokenVerifier;
const settings = { authEnabled: process.env.AUTH_ENABLED === 'true' };

function authMiddleware(): RequestHandler | null {
  if (!settings.authEnabled) return null;
  return ${enabled};
}

const app = express();
app.use(express.json());
${mount}
app.post('/mcp', async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000, '127.0.0.1');
`;

const BEARER = 'requireBearerAuth({ verifier })';
const HELD = "const auth = authMiddleware();\nif (auth) app.use('/mcp', auth);";
const DIRECT = "if (settings.authEnabled) app.use('/mcp', authMiddleware()!);";
const passing = server('(_req, _res, next) => next()', HELD);
/** The factory hands back a pass-through instead of `null` while the setting is off. */
const passingWhenOff = server(BEARER, HELD).replace(
  '  if (!settings.authEnabled) return null;',
  '  if (!settings.authEnabled) return (_req, _res, next) => next();',
);

/** The report on the unchecked `POST /mcp` of `code` (line 18), with its two suggestions. */
const openRoute = (code: string) => ({
  messageId: 'missingCsrfCheck' as const,
  data: { route: '`POST /mcp`' },
  line: 18,
  column: 1,
  endLine: 18,
  endColumn: 9,
  suggestions: tokenSuggestions(code),
});

ruleTester.run('require-csrf-token: a check its factory returns, or null while it is off', csrfRule, {
  valid: [
    { name: 'held in a constant, mounted where it is not null', code: server(BEARER, HELD) },
    { name: 'called in the mount, under the setting', code: server(BEARER, DIRECT) },
    { name: 'the factory returns a pass-through while the setting is off', code: passingWhenOff },
  ],
  invalid: [
    {
      name: 'the factory returns middleware that checks nothing',
      code: passing,
      errors: [openRoute(passing)],
    },
  ],
});
