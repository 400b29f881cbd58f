import path from 'node:path';
import { Linter } from 'eslint';
import * as parser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';
import { CASES_ROOT } from './rule-tester';

/**
 * Rules whose fail-closed changes land in the same function: ESLint applies, in one pass, only
 * fixes whose ranges neither overlap nor touch, and leaves the rest for another pass. These cases
 * lint with the opt-in `fail-closed` config and check that every fix is applied in the first pass.
 */
function lintFailClosed(
  code: string,
  file = 'server.ts',
): { ruleIds: (string | null)[]; ranges: [number, number][]; left: Linter.LintMessage[] } {
  const linter = new Linter({ configType: 'flat', cwd: CASES_ROOT });
  const config = [
    { files: ['**/*.ts'], languageOptions: { parser } },
    ...[plugin.configs['fail-closed']].flat(),
  ] as Linter.Config[];
  const filename = path.join(CASES_ROOT, file);
  const messages = linter.verify(code, config, filename);
  const ranges = messages.flatMap((message) => (message.fix ? [message.fix.range] : []));
  // One pass of ESLint's fixer, as `SourceCodeFixer` applies it, then what is left to report.
  const sorted = [...messages].filter((message) => message.fix).sort((a, b) => a.fix!.range[0] - b.fix!.range[0]);
  let output = '';
  let at = 0;
  for (const { fix } of sorted) {
    if (fix!.range[0] < at) continue;
    output += code.slice(at, fix!.range[0]) + fix!.text;
    at = fix!.range[1];
  }
  output += code.slice(at);
  const left = linter.verify(output, config, filename);
  return { ruleIds: messages.map((message) => message.ruleId).sort(), ranges, left };
}

/** Whether ESLint's fixer can apply every range in one pass: sorted, each ends before the next starts. */
function applyInOnePass(ranges: readonly (readonly [number, number])[]): boolean {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return sorted.every((range, index) => index === 0 || sorted[index - 1]![1] < range[0]);
}

describe('fail-closed fixes of several rules in one handler', () => {
  it("a Bun route's handler: the Host check and the token check apply in one pass", () => {
    const code = `import { createMcpHandler } from '@modelcontextprotocol/server';
const mcp = createMcpHandler(() => buildServer());
Bun.serve({
  hostname: '127.0.0.1',
  routes: {
    '/mcp': {
      POST: async (request: Request) => {
        const response = await mcp.fetch(request);
        return response;
      },
    },
  },
});
`;
    const { ruleIds, ranges, left } = lintFailClosed(code);
    expect(ruleIds).toEqual(['mcp-cors/require-csrf-token', 'mcp-cors/require-dns-rebinding-protection']);
    expect(ranges).toHaveLength(2);
    expect(applyInOnePass(ranges)).toBe(true);
    expect(left).toEqual([]);
  });

  it('a Next.js route handler: the same', () => {
    const code = `import { createMcpHandler } from '@modelcontextprotocol/server';
const mcp = createMcpHandler(() => buildServer());
export async function POST(request: Request): Promise<Response> {
  // One handler answers every tool call.
  return mcp.fetch(request);
}
`;
    const { ruleIds, ranges, left } = lintFailClosed(code, 'app/mcp/route.ts');
    expect(ruleIds).toEqual(['mcp-cors/require-csrf-token', 'mcp-cors/require-dns-rebinding-protection']);
    expect(ranges).toHaveLength(2);
    expect(applyInOnePass(ranges)).toBe(true);
    expect(left).toEqual([]);
  });
});
