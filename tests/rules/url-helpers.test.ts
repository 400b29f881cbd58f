import rule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { unprotectedTransportOptions } from '../support/fix-text';

// `new URL(req.url, \`http://${req.headers.host}\`)` carries the request's Host in its origin, and
// only there: a URL handed to a helper that reads only its path (`handleHealth(req, res, url)`
// testing `url.pathname`) checks nothing of the Host; one whose helper compares `url.hostname`
// with a constant does.

const ruleTester = createRuleTester();

const SERVER = (helper: string) => `import { createServer } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { server } from './mcp.js';

${helper}

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', \`http://\${req.headers.host ?? 'localhost'}\`);
  if (handled(req, res, url)) return;
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res);
}).listen(3000, '127.0.0.1');
`;

const HEALTH = `function handled(req: { method?: string }, res: { end(body: string): void }, url: URL): boolean {
  if (req.method !== 'GET' || url.pathname !== '/health') return false;
  res.end('ok');
  return true;
}`;

const HOST_CHECK = `function handled(req: { method?: string }, res: { statusCode: number; end(): void }, url: URL): boolean {
  if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') return false;
  res.statusCode = 403;
  res.end();
  return true;
}`;

const PATH_ONLY = SERVER(HEALTH);

ruleTester.run('require-dns-rebinding-protection: a URL handed to a helper', rule, {
  valid: [{ name: 'the helper checks the hostname', code: SERVER(HOST_CHECK) }],
  invalid: [
    {
      name: 'the helper reads only the path',
      code: PATH_ONLY,
      errors: [unprotectedTransportOptions(PATH_ONLY, 14, 25)],
    },
  ],
});

// A Host that is only parsed, or only tested for being there, is not checked: every browser sends
// one, and a rebinding page's name parses like any other.

/** A server whose handler does `check` with the request's Host before it hands the request on. */
const HANDLER = (check: string) => `import { createServer } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
createServer(async (req, res) => {
${check}
  await transport.handleRequest(req, res);
}).listen(3000, '127.0.0.1');
`;

/** The handler's answer for any path but the MCP endpoint's, read from `url`. */
const NOT_FOUND_ELSEWHERE = `  if (url.pathname !== '/mcp') {
    res.statusCode = 404;
    res.end();
    return;
  }`;

const PARSED_IN_TRY = HANDLER(`  let url: URL;
  try {
    url = new URL(req.url ?? '/', \`http://\${req.headers.host}\`);
  } catch {
    res.statusCode = 400;
    res.end();
    return;
  }
${NOT_FOUND_ELSEWHERE}`);
const PRESENT = HANDLER(`  const host = req.headers.host;
  if (!host) {
    res.statusCode = 400;
    res.end();
    return;
  }`);
const COMPARED = HANDLER(`  const host = req.headers.host;
  if (host !== 'localhost:3000' && host !== '127.0.0.1:3000') {
    res.statusCode = 403;
    res.end();
    return;
  }`);

ruleTester.run('require-dns-rebinding-protection: a Host parsed or tested for presence', rule, {
  valid: [{ name: 'a variable holding the Host, compared with the names of the server', code: COMPARED }],
  invalid: [
    {
      name: 'parsed into a URL assigned in a `try`, whose path alone is tested after',
      code: PARSED_IN_TRY,
      errors: [unprotectedTransportOptions(PARSED_IN_TRY, 4, 23)],
    },
    {
      name: 'a variable holding the Host, tested only for being there',
      code: PRESENT,
      errors: [unprotectedTransportOptions(PRESENT, 4, 23)],
    },
  ],
});

// A helper that parses the request's URL with its Host as the base, and hands back nothing when
// that throws: read for its path, or tested for being there, it checks nothing of the Host.

const URL_OF = `function urlOf(req: IncomingMessage): URL | undefined {
  const host = req.headers.host ?? 'localhost';
  try {
    return new URL(req.url ?? '/', \`http://\${host}\`);
  } catch {
    return undefined;
  }
}`;

/** A server whose handler reads the URL `urlOf` hands back with `check`. */
const PARSING_HELPER = (check: string) => `import { createServer, type IncomingMessage } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });

${URL_OF}

createServer(async (req, res) => {
  const url = urlOf(req);
${check}
  await transport.handleRequest(req, res);
}).listen(3000, '127.0.0.1');
`;

const PATH_AND_PRESENCE = PARSING_HELPER(`  if (!url) {
    res.statusCode = 400;
    res.end();
    return;
  }
${NOT_FOUND_ELSEWHERE}`);
const HOSTNAME_CHECKED = PARSING_HELPER(`  if (url?.hostname !== 'localhost' && url?.hostname !== '127.0.0.1') {
    res.statusCode = 403;
    res.end();
    return;
  }`);

ruleTester.run('require-dns-rebinding-protection: a helper that parses the URL with the Host as its base', rule, {
  valid: [
    { name: 'the hostname of what it hands back compared with the names of the server', code: HOSTNAME_CHECKED },
    {
      name: 'the helper compares the hostname itself, and hands back nothing for another',
      code: PATH_AND_PRESENCE.replace(
        URL_OF,
        `function urlOf(req: IncomingMessage): URL | undefined {
  const url = new URL(req.url ?? '/', \`http://\${req.headers.host}\`);
  if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') return undefined;
  return url;
}`,
      ),
    },
  ],
  invalid: [
    {
      name: 'what it hands back tested for being there, then read for its path',
      code: PATH_AND_PRESENCE,
      errors: [unprotectedTransportOptions(PATH_AND_PRESENCE, 4, 23)],
    },
  ],
});
