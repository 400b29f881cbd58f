// A notes MCP server on plain node:http. VULNERABLE: any web page can call its tools, with credentials.
'use strict';

const http = require('node:http');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { z } = require('zod');

const port = Number(process.env.PORT) || 3000;
const notes = new Map([['welcome', 'Notes live in memory and vanish on restart.']]);

function buildServer() {
  const server = new McpServer({ name: 'notes', version: '1.0.0' });
  server.registerTool(
    'read_note',
    { description: 'Read a note by its id', inputSchema: { id: z.string() } },
    async ({ id }) => ({ content: [{ type: 'text', text: notes.get(id) ?? `No note "${id}"` }] }),
  );
  server.registerTool(
    'delete_note',
    { description: 'Delete a note by its id', inputSchema: { id: z.string() } },
    async ({ id }) => ({ content: [{ type: 'text', text: notes.delete(id) ? `Deleted "${id}"` : `No note "${id}"` }] }),
  );
  return server;
}

const httpServer = http.createServer(async (req, res) => {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'Access-Control-Allow-Origin': '*', // expect: no-wildcard-origin
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type, Mcp-Protocol-Version',
    });
    res.end();
    return;
  }

  res.setHeader('Access-Control-Allow-Origin', '*'); // expect: no-wildcard-origin
  res.setHeader('Access-Control-Allow-Credentials', 'true');

  // expect-next-line: require-csrf-token
  if (req.url !== '/mcp' || req.method !== 'POST') {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }

  const server = buildServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }); // expect: require-dns-rebinding-protection
  res.on('close', () => {
    transport.close();
    server.close();
  });
  try {
    await server.connect(transport);
    await transport.handleRequest(req, res);
  } catch (err) {
    console.error('MCP request failed', err);
    if (!res.headersSent) res.writeHead(500).end();
  }
});

// expect-next-line: require-loopback-host
httpServer.listen(port, () => {
  console.log(`notes MCP server listening on port ${port}`);
});
