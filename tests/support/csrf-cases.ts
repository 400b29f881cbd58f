import { guard, tokenHelpers } from './fix-text';

// Expected outputs that both files of require-csrf-token's tests build.

/** `code` with the token fix on its `app.post('/mcp', …)` (or `app.all`): the declarations right above that route. */
export function fixedAt(code: string, route: string, kind: 'express' | 'hono', bearer: boolean): string {
  return code.replace(route, `\n${tokenHelpers({ bearer })}\n\n${route}${guard(kind, bearer)}`);
}

/** The one report, on the route at `line`, with its fix and suggestion. */
export function openRoute(
  code: string,
  line: number,
  endColumn: number,
  route: string,
  kind: 'express' | 'hono',
  all = false,
) {
  return {
    code,
    output: fixedAt(code, route, kind, false),
    errors: [
      {
        messageId: 'missingCsrfCheck' as const,
        data: { route: all ? 'Every method of `/mcp`' : '`POST /mcp`' },
        line,
        column: 1,
        endLine: line,
        endColumn,
        suggestions: [{ messageId: 'useBearerToken' as const, output: fixedAt(code, route, kind, true) }],
      },
    ],
  };
}

/** Any express file with one unchecked `POST /mcp`: the token fix applied to it. */
export const tokenFixed = (code: string, bearer: boolean): string =>
  code.replace(
    "\napp.post('/mcp', ",
    `\n\n${tokenHelpers({ bearer })}\n\napp.post('/mcp', ${guard('express', bearer)}`,
  );

/** The two suggestions of an unchecked express route. */
export const tokenSuggestions = (code: string) => [
  {
    messageId: 'requireTokenHeader' as const,
    data: { header: '`x-mcp-csrf-token`' },
    output: tokenFixed(code, false),
  },
  { messageId: 'useBearerToken' as const, output: tokenFixed(code, true) },
];
