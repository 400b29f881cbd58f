// A notes MCP server on NestJS, hardened against cross-origin use, DNS rebinding and CSRF.
import 'reflect-metadata';
import { timingSafeEqual } from 'node:crypto';
import {
  Controller,
  ForbiddenException,
  Module,
  Post,
  Req,
  Res,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Request, Response } from 'express';
import { z } from 'zod';

const PORT = Number(process.env.PORT ?? 3000);
const ALLOWED_ORIGINS = ['http://localhost:6274', 'http://127.0.0.1:6274'];
const ALLOWED_HOSTS = [`127.0.0.1:${PORT}`, `localhost:${PORT}`, `[::1]:${PORT}`];
const CSRF_TOKEN = process.env.MCP_CSRF_TOKEN;
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

/** Refuses every request while MCP_CSRF_TOKEN is unset. */
function hasCsrfToken(given: string | undefined): boolean {
  if (!CSRF_TOKEN || !given) return false;
  const expected = Buffer.from(CSRF_TOKEN);
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A page on another origin cannot send this header without a preflight, and CORS refuses that preflight. */
class CsrfTokenGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (!hasCsrfToken(request.get('x-mcp-csrf-token'))) throw new ForbiddenException('Missing or invalid CSRF token');
    return true;
  }
}

@Controller('mcp')
class McpController {
  @Post()
  @UseGuards(CsrfTokenGuard)
  async handle(@Req() req: Request, @Res() res: Response): Promise<void> {
    const server = buildServer();
    // The SDK answers 403 to a Host or Origin that is not listed.
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableDnsRebindingProtection: true,
      allowedHosts: ALLOWED_HOSTS,
      allowedOrigins: ALLOWED_ORIGINS,
    });
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
  const app = await NestFactory.create(AppModule);
  app.enableCors({
    origin: ALLOWED_ORIGINS,
    allowedHeaders: ['Content-Type', 'Mcp-Protocol-Version', 'X-MCP-CSRF-Token'],
  });
  await app.listen(PORT, '127.0.0.1');
  console.log(`notes MCP server listening on http://127.0.0.1:${PORT}/mcp`);
}

void bootstrap();
