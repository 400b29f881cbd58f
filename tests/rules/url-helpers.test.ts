import rule from '../../src/rules/require-dns-rebinding-protection';
import { createRuleTester } from '../rule-tester';
import { unprotectedTransport } from '../support/fix-text';

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
      errors: [unprotectedTransport(PATH_ONLY, 14, 25)],
    },
  ],
});
