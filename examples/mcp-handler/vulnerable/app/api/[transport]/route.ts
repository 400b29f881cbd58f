// A notes MCP server as a Next.js route on Vercel's mcp-handler. VULNERABLE: any web page the user
// opens can call its tools (`next dev` serves it on localhost), and DNS rebinding is not stopped.
import { createMcpHandler, withMcpAuth } from 'mcp-handler';
import { z } from 'zod';

const notes = new Map<string, string>([['welcome', 'Notes live in memory and vanish on restart.']]);

const handler = createMcpHandler((server) => {
  server.registerTool(
    'read_note',
    { description: 'Read a note by its id', inputSchema: z.object({ id: z.string() }) },
    async ({ id }) => ({ content: [{ type: 'text', text: notes.get(id) ?? `No note "${id}"` }] }),
  );
  server.registerTool(
    'delete_note',
    { description: 'Delete a note by its id', inputSchema: z.object({ id: z.string() }) },
    async ({ id }) => ({ content: [{ type: 'text', text: notes.delete(id) ? `Deleted "${id}"` : `No note "${id}"` }] }),
  );
});

// The token is checked when one is sent, but by default (`required: false`) a request without one gets in.
const authHandler = withMcpAuth(handler, (_request, bearerToken) =>
  bearerToken !== undefined && bearerToken === process.env.MCP_TOKEN
    ? { token: bearerToken, clientId: 'notes-client', scopes: [] }
    : undefined,
);

// expect-next-line: require-csrf-token, require-dns-rebinding-protection
export { authHandler as GET, authHandler as POST, authHandler as DELETE };
