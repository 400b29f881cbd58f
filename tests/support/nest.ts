import path from 'node:path';
import { tokenHelpers } from './fix-text';
import { packageMaker } from './packages';

/**
 * A maker of NestJS packages on disk (`files` under `src/`); it answers the path of the package's
 * controller module.
 */
export function nestPackages(): (files: Record<string, string>) => string {
  const make = packageMaker();
  return (files) => {
    const dir = make(Object.fromEntries(Object.entries(files).map(([name, text]) => [`src/${name}`, text])), {
      name: 'nest-app',
      private: true,
    });
    return path.join(dir, 'src', 'mcp.controller.ts');
  };
}

/** A controller whose `POST /mcp` hands every request to a Streamable HTTP transport. */
export const NEST_CONTROLLER = `import { Controller, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

@Controller()
export class McpController {
  @Post('mcp')
  async handle(@Req() req: Request, @Res() res: Response) {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res, req.body);
  }
}`;

/** NEST_CONTROLLER with `require-csrf-token`'s check at the top of its method. */
export function nestControllerFixed(bearer: boolean): string {
  const [exception, check, header] = bearer
    ? ['UnauthorizedException', 'hasValidBearerToken', 'authorization']
    : ['ForbiddenException', 'hasValidCsrfToken', 'x-mcp-csrf-token'];
  return NEST_CONTROLLER.replace('Req, Res }', `Req, Res, ${exception} }`)
    .replace("streamableHttp.js';\n", `streamableHttp.js';\n\n${tokenHelpers({ bearer })}\n`)
    .replace(
      '(@Req() req: Request, @Res() res: Response) {\n',
      `(@Req() req: Request, @Res() res: Response) {\n    if (!${check}(req.headers['${header}'])) {\n      throw new ${exception}('Missing or invalid credentials for this MCP server');\n    }\n`,
    );
}

/** The report `require-csrf-token` makes on NEST_CONTROLLER's `@Post('mcp')`, with its suggestions. */
export const NEST_CSRF_ERROR = {
  messageId: 'missingCsrfCheck' as const,
  line: 7,
  column: 4,
  endLine: 7,
  endColumn: 15,
  suggestions: [
    { messageId: 'requireTokenHeader' as const, output: nestControllerFixed(false) },
    { messageId: 'useBearerToken' as const, output: nestControllerFixed(true) },
  ],
};

/** The report `require-dns-rebinding-protection` makes on NEST_CONTROLLER's transport. */
export const NEST_DNS_ERROR = {
  messageId: 'unprotectedTransport' as const,
  line: 9,
  column: 27,
  endLine: 9,
  endColumn: 56,
  suggestions: [],
};
