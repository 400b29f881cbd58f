import path from 'node:path';
import rule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { unprotectedTransportOptions } from '../support/fix-text';
import { packageMaker } from '../support/packages';

// A handler module that the server's code mounts (`app.post('/mcp', handlePost)`), whose
// transport a helper of the module makes (`makeTransport(id)`): where every call of the helper
// comes after the handler refused a request without the server's key, a rebinding page, which
// has no key, never reaches the transport, wherever the handler is mounted.

const ruleTester = createRuleTester();
const makePackage = packageMaker();

/** The handler module; `gate` refuses a request without the key before the helper is called. */
const HANDLERS = (gate: string, extra = ''): string => `import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const API_KEY = process.env.API_KEY;
if (!API_KEY) throw new Error('API_KEY is required');

function validateKey(req: Request, res: Response): { errored: boolean } {
  if (req.headers.authorization !== \`Bearer \${API_KEY}\`) {
    res.status(401).end();
    return { errored: true };
  }
  return { errored: false };
}

const sessions = new Map<string, StreamableHTTPServerTransport>();

function makeTransport(id: string): StreamableHTTPServerTransport {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => id });
  sessions.set(id, transport);
  return transport;
}

export async function handlePost(req: Request, res: Response): Promise<void> {
  let transport: StreamableHTTPServerTransport;
  if (req.body?.method === 'initialize') {
    ${gate}
    transport = makeTransport(randomUUID());
  } else {
    res.status(400).end();
    return;
  }
  await transport.handleRequest(req, res, req.body);
}
${extra}`;

const INLINE =
  'if (req.headers.authorization !== `Bearer ${API_KEY}`) {\n      res.status(401).end();\n      return;\n    }';
const LOGS_ONLY = "if (req.headers.authorization !== `Bearer ${API_KEY}`) console.warn('a request without the key');";
const BY_RESULT = 'const result = validateKey(req, res);\n    if (result.errored) return;';

/** The handler module, written in a package of its own; its path. */
function handlersBeside(code: string): string {
  const dir = makePackage({ 'src/handlers.ts': code });
  return path.join(dir, 'src', 'handlers.ts');
}

/**
 * The report on the helper's transport (line 19 unless said): with no suggestion, for the port it will serve
 * on is another module's to say.
 */
function unsuggested(code: string, line = 19) {
  const { suggestions: _none, ...report } = unprotectedTransportOptions(code, line, 25);
  return report;
}

/** Another handler that calls the helper with no check before it. */
const UNCHECKED = `
export async function handleGet(req: Request, res: Response): Promise<void> {
  await makeTransport(randomUUID()).handleRequest(req, res);
}
`;

/** The sync `validateKey` of HANDLERS, as written there. */
const SYNC_VALIDATE = `function validateKey(req: Request, res: Response): { errored: boolean } {
  if (req.headers.authorization !== \`Bearer \${API_KEY}\`) {
    res.status(401).end();
    return { errored: true };
  }
  return { errored: false };
}`;

/**
 * HANDLERS with an async `validateKey` that holds the header in a name first (one line longer,
 * so the transport is on line 20), whose verdict the handler's `gate` reads; `opening` goes after
 * the name, to let some requests through.
 */
const VERDICT = (gate: string, opening = ''): string =>
  HANDLERS(gate).replace(
    SYNC_VALIDATE,
    `async function validateKey(req: Request, res: Response): Promise<{ errored: boolean }> {
  const auth = req.headers.authorization;
${opening}  if (!auth || auth !== \`Bearer \${API_KEY}\`) {
    res.status(401).end();
    return { errored: true };
  }
  return { errored: false };
}`,
  );

const DESTRUCTURED_GATE = 'const { errored } = await validateKey(req, res);\n    if (errored) return;';
const WHOLE_GATE = 'const result = await validateKey(req, res);\n    if (result.errored) return;';
const LETS_IN = '  if (!auth) return { errored: false };\n';
const DESTRUCTURED = (opening = ''): string => VERDICT(DESTRUCTURED_GATE, opening);

ruleTester.run("require-dns-rebinding-protection: a helper's verdict, whole or destructured", rule, {
  valid: [
    {
      name: 'the part is true for every request without the header (`const { errored } = await validateKey(req, res)`)',
      code: DESTRUCTURED(),
      filename: handlersBeside(DESTRUCTURED()),
    },
    {
      name: 'the whole verdict, read by property (`if (result.errored) return`)',
      code: VERDICT(WHOLE_GATE),
      filename: handlersBeside(VERDICT(WHOLE_GATE)),
    },
  ],
  invalid: [
    {
      name: 'the helper lets a request without the header through (`if (!auth) return { errored: false }`)',
      code: DESTRUCTURED('  if (!auth) return { errored: false };\n'),
      filename: handlersBeside(DESTRUCTURED('  if (!auth) return { errored: false };\n')),
      errors: [unsuggested(DESTRUCTURED('  if (!auth) return { errored: false };\n'), 21)],
    },
    {
      name: 'the whole verdict of a helper that lets a request without the header through',
      code: VERDICT(WHOLE_GATE, LETS_IN),
      filename: handlersBeside(VERDICT(WHOLE_GATE, LETS_IN)),
      errors: [unsuggested(VERDICT(WHOLE_GATE, LETS_IN), 21)],
    },
    {
      name: 'a gate on the verdict itself, which is always an object (`if (!result) return`)',
      code: VERDICT('const result = await validateKey(req, res);\n    if (!result) return;'),
      filename: handlersBeside(VERDICT('const result = await validateKey(req, res);\n    if (!result) return;')),
      errors: [unsuggested(VERDICT('const result = await validateKey(req, res);\n    if (!result) return;'), 20)],
    },
    {
      name: 'the helper answers differently for the same request: the part is not known',
      code: DESTRUCTURED('  if (!auth && Math.random() < 0.5) return { errored: false };\n'),
      filename: handlersBeside(DESTRUCTURED('  if (!auth && Math.random() < 0.5) return { errored: false };\n')),
      errors: [unsuggested(DESTRUCTURED('  if (!auth && Math.random() < 0.5) return { errored: false };\n'), 21)],
    },
  ],
});

ruleTester.run('require-dns-rebinding-protection: a transport a helper makes after the caller checks a key', rule, {
  valid: [
    { name: 'an inline check before the call', code: HANDLERS(INLINE), filename: handlersBeside(HANDLERS(INLINE)) },
    {
      name: "a helper's verdict that the handler refuses on (`if (result.errored) return`)",
      code: HANDLERS(BY_RESULT),
      filename: handlersBeside(HANDLERS(BY_RESULT)),
    },
  ],
  invalid: [
    {
      name: 'another handler calls the helper with no check',
      code: HANDLERS(INLINE, UNCHECKED),
      filename: handlersBeside(HANDLERS(INLINE, UNCHECKED)),
      errors: [unsuggested(HANDLERS(INLINE, UNCHECKED))],
    },
    {
      name: 'a check that only logs',
      code: HANDLERS(LOGS_ONLY),
      filename: handlersBeside(HANDLERS(LOGS_ONLY)),
      errors: [unsuggested(HANDLERS(LOGS_ONLY))],
    },
  ],
});
