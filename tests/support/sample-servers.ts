// Servers that more than one rule's tests read: each test states what its rule reports on them.

/**
 * A node:http handler that routes by the path of a URL made on the Host header, reads a client
 * name (testing whether it is an array), and has two POST branches: one reads the body, the next
 * hands it to MCP.
 */
export const ROUTED_BY_PATH = `import http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });

http
  .createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', \`http://\${req.headers.host}\`).pathname;
    try {
      if (path !== '/mcp') {
        res.writeHead(404).end();
        return;
      }
      const client = req.headers['x-client-name'];
      console.log(Array.isArray(client) ? client[0] : client);
      let body: unknown;
      if (req.method === 'POST') {
        body = JSON.parse(await readBody(req));
      }
      if (req.method === 'POST') {
        await transport.handleRequest(req, res, body);
        return;
      }
      res.writeHead(405).end();
    } catch {
      res.writeHead(500).end();
    }
  })
  .listen(3000, '127.0.0.1');`;
