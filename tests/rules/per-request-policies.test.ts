import rule from '../../src/rules/no-wildcard-origin';
import { createRuleTester } from '../rule-tester';

// Middleware that picks one of two CORS policies per request runs the open one only where it picks
// it: called in a branch only a public path takes (and that ends there), or picked by such a test
// (`(isDiscovery ? open : strict)(req, res, next)`). For a public document alone, `*` is right; picked
// for a private path, it is this rule's.

const ruleTester = createRuleTester();

const PICKED = (path: string, mount = '') => `import express from 'express';
import cors from 'cors';

const open = cors({ origin: '*', methods: ['GET'] });
const strict = cors({ origin: ['https://app.example.com'] });

const app = express();
app.use(${mount}(req, res, next) => (req.path === '${path}' ? open : strict)(req, res, next));
app.post('/mcp', (req, res) => res.json({ jsonrpc: '2.0', id: req.body.id, result: { tools: [] } }));
app.listen(3000, '127.0.0.1');
`;

const BRANCHED = `import express from 'express';
import cors from 'cors';

const open = cors({ origin: '*', methods: ['GET'] });
const strict = cors({ origin: ['https://app.example.com'] });

const app = express();
app.use((req, res, next) => {
  if (req.path === '/.well-known/oauth-protected-resource') return open(req, res, next);
  return strict(req, res, next);
});
app.post('/mcp', (req, res) => res.json({ jsonrpc: '2.0', id: req.body.id, result: { tools: [] } }));
app.listen(3000, '127.0.0.1');
`;

const PRIVATE = PICKED('/api/notes');
/** The picking middleware on a router that an app mounts at `/mcp`: `req.path` is below it there. */
const ON_ROUTER = `import express from 'express';
import cors from 'cors';

const open = cors({ origin: '*', methods: ['GET'] });
const strict = cors({ origin: ['https://app.example.com'] });

const mcp = express.Router();
mcp.use((req, res, next) => (req.path === '/.well-known/oauth-protected-resource' ? open : strict)(req, res, next));
mcp.post('/', (req, res) => res.json({ jsonrpc: '2.0', id: req.body.id, result: { tools: [] } }));

const app = express();
app.use('/mcp', mcp);
app.listen(3000, '127.0.0.1');
`;
/** Under a mount, `req.path` is the rest of the path: this picks the policy for `/mcp/.well-known/…`. */
const UNDER_MOUNT = PICKED('/.well-known/oauth-protected-resource', "'/mcp', ");

/** The report on `open`'s options, with its suggestions. */
const wildcard = (code: string) => ({
  messageId: 'wildcardOrigin' as const,
  data: { policy: '`cors()` with an `origin` that is `*`', credentials: '' },
  line: 4,
  column: 21,
  endLine: 4,
  endColumn: 32,
  suggestions: [
    { messageId: 'denyOrigins' as const, output: code.replace("origin: '*'", 'origin: false') },
    {
      messageId: 'useAllowlist' as const,
      output: code.replace(
        "\nconst open = cors({ origin: '*'",
        "\nconst ALLOWED_ORIGINS: string[] = ['https://app.example.com'];\n\nconst open = cors({ origin: ALLOWED_ORIGINS",
      ),
    },
  ],
});

ruleTester.run('no-wildcard-origin: a policy picked per request', rule, {
  valid: [
    { name: 'picked for the discovery document', code: PICKED('/.well-known/oauth-protected-resource') },
    { name: 'run in a branch for the discovery document that returns', code: BRANCHED },
  ],
  invalid: [
    { name: 'picked on a router mounted under a path', code: ON_ROUTER, errors: [wildcard(ON_ROUTER)] },
    {
      name: 'picked by middleware mounted under a path',
      code: UNDER_MOUNT,
      errors: [wildcard(UNDER_MOUNT)],
    },
    {
      name: 'picked for a private path',
      code: PRIVATE,
      errors: [wildcard(PRIVATE)],
    },
  ],
});
