// A notes MCP server on fastmcp. VULNERABLE: any web page can read its responses and call its tools.
import { FastMCP } from 'fastmcp';
import { z } from 'zod';

const PORT = Number(process.env.PORT ?? 3000);
const notes = new Map<string, string>([['welcome', 'Notes live in memory and vanish on restart.']]);

const server = new FastMCP({ name: 'notes', version: '1.0.0' });

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

// fastmcp answers every origin with `Access-Control-Allow-Origin: *` unless told otherwise.
async function main(): Promise<void> {
  // expect-next-line: require-csrf-token, require-dns-rebinding-protection
  await server.start({
    transportType: 'httpStream',
    // expect-next-line: no-wildcard-origin
    httpStream: {
      port: PORT,
      host: '0.0.0.0', // expect: require-loopback-host
      stateless: true,
    },
  });
  console.log(`notes MCP server listening on port ${PORT}`);
}

void main();
