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

/** The two suggestions of an unchecked express route, as `fixed` writes the file with each. */
export const tokenSuggestions = (code: string, fixed: (code: string, bearer: boolean) => string = tokenFixed) => [
  {
    messageId: 'requireTokenHeader' as const,
    data: { header: '`x-mcp-csrf-token`' },
    output: fixed(code, false),
  },
  { messageId: 'useBearerToken' as const, output: fixed(code, true) },
];

/** The line of an express file's `app.post('/mcp', …)`. */
export const postMcpLine = (code: string): number =>
  code.split('\n').findIndex((line) => line.startsWith("app.post('/mcp'")) + 1;

/** The report on an express file's unchecked `app.post('/mcp', …)`, with its suggestions as `fixed` writes them. */
export const postMcpReport = (code: string, fixed: (code: string, bearer: boolean) => string = tokenFixed) => ({
  messageId: 'missingCsrfCheck' as const,
  data: { route: '`POST /mcp`' },
  line: postMcpLine(code),
  column: 1,
  endLine: postMcpLine(code),
  endColumn: 9,
  suggestions: tokenSuggestions(code, fixed),
});
