// A notes MCP server on NestJS. VULNERABLE: any web page can read its responses and call its tools.
import 'reflect-metadata';
import { Controller, Module, Post, Req, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Request, Response } from 'express';
import { z } from 'zod';

const PORT = Number(process.env.PORT ?? 3000);
const notes = new Map<string, string>([['welcome', 'Notes live in memory and vanish on restart.']]);

function buildServer(): McpServer {
  const server = new McpServer({ name: 'notes', version: '1.0.0' });
  server.registerTool(
    'read_note',
    { description: 'Read a note by its id', inputSchema: { id: z.string() } },
    async ({ id }) => ({ content: [{ type: 'text', text: notes.get(id) ?? `No note "${id}"` }] }),
  );
  server.registerTool(
    'delete_note',
    { description: 'Delete a note by its id', inputSchema: { id: z.string() }, annotations: { destructiveHint: true } },
    async ({ id }) => ({ content: [{ type: 'text', text: notes.delete(id) ? `Deleted "${id}"` : `No note "${id}"` }] }),
  );
  return server;
}

@Controller('mcp')
class McpController {
  // Stateless: a fresh server and transport for every request.
  // expect-next-line: require-csrf-token
  @Post()
  async handle(@Req() req: Request, @Res() res: Response): Promise<void> {
    const server = buildServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined }); // expect: require-dns-rebinding-protection
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  }
}

@Module({ controllers: [McpController] })
class AppModule {}

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule, { cors: true }); // expect: no-wildcard-origin
  await app.listen(PORT); // expect: require-loopback-host
  console.log(`notes MCP server listening on port ${PORT}`);
}

void bootstrap();
