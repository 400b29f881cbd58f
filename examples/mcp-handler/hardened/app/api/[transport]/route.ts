// A notes MCP server as a Next.js route on Vercel's mcp-handler. HARDENED: every request must carry
// the bearer token in MCP_TOKEN; a page of another site, or one that DNS rebinding sends here, has none.
import { timingSafeEqual } from 'node:crypto';
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

/** Whether a bearer token is MCP_TOKEN, compared in constant time; never while MCP_TOKEN is unset. */
function isValidToken(token: string | undefined): token is string {
  const expected = process.env.MCP_TOKEN;
  if (!expected || token === undefined) return false;
  const [received, wanted] = [Buffer.from(token), Buffer.from(expected)];
  return received.length === wanted.length && timingSafeEqual(received, wanted);
}

// `required: true`: a request without a valid token gets 401 with `WWW-Authenticate`.
const authHandler = withMcpAuth(
  handler,
  (_request, bearerToken) =>
    isValidToken(bearerToken) ? { token: bearerToken, clientId: 'notes-client', scopes: [] } : undefined,
  { required: true },
);

export { authHandler as GET, authHandler as POST, authHandler as DELETE };
