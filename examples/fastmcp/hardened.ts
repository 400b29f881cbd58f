// A notes MCP server on fastmcp, hardened against cross-origin use, DNS rebinding and CSRF.
import { timingSafeEqual } from 'node:crypto';
import { FastMCP } from 'fastmcp';
import { z } from 'zod';

const PORT = Number(process.env.PORT ?? 3000);
const ALLOWED_ORIGINS = ['http://localhost:6274', 'http://127.0.0.1:6274'];
const CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;
const notes = new Map<string, string>([['welcome', 'Notes live in memory and vanish on restart.']]);

/** Refuses every request while MCP_CSRF_TOKEN is unset. */
function hasCsrfToken(given: string | string[] | undefined): boolean {
  if (!CSRF_TOKEN || typeof given !== 'string') return false;
  const expected = Buffer.from(CSRF_TOKEN);
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const server = new FastMCP({
  name: 'notes',
  version: '1.0.0',
  // Runs before any MCP handling: a page on another origin, or a rebinding page, cannot send the token.
  authenticate: async (request) => {
    if (!hasCsrfToken(request.headers['x-mcp-csrf-token'])) {
      throw new Response(null, { status: 403, statusText: 'Forbidden' });
    }
    return {};
  },
});

server.addTool({
  name: 'read_note',
  description: 'Read a note by its id',
  parameters: z.object({ id: z.string() }),
  execute: async ({ id }) => notes.get(id) ?? `No note "${id}"`,
});

server.addTool({
  name: 'delete_note',
  description: 'Delete a note by its id',
  parameters: z.object({ id: z.string() }),
  annotations: { destructiveHint: true },
  execute: async ({ id }) => (notes.delete(id) ? `Deleted "${id}"` : `No note "${id}"`),
});

async function main(): Promise<void> {
  await server.start({
    transportType: 'httpStream',
    httpStream: {
      port: PORT,
      host: '127.0.0.1',
      stateless: true,
      cors: {
        origin: ALLOWED_ORIGINS,
        allowedHeaders: ['Content-Type', 'Accept', 'Mcp-Protocol-Version', 'X-MCP-CSRF-Token'],
      },
    },
  });
  console.log(`notes MCP server listening on port ${PORT}`);
}

void main();
