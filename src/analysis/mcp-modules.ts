import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { skipTypeWrappers } from './ast';
import { entitiesOf, mayHoldEntities, moduleIndex } from './facts';
import { isLinted, propertyName } from './program';
import { findObjectProperty, possibleValues, resolveExpression, resolveObjectExpression } from './values';

/** `McpModule.forRoot(options)` of `@rekog/mcp-nest` 1.x that serves MCP over HTTP (see its adapter). */
export interface McpModuleUse {
  readonly call: TSESTree.CallExpression;
  /** `forRoot` in `McpModule.forRoot(…)`: where reports go. */
  readonly callee: TSESTree.Node;
  /** Whether `guards` lists a guard; `'unknown'` where the options are made elsewhere or at run time. */
  readonly guarded: boolean | 'unknown';
}

/** The HTTP transports of `McpTransportType`, by member name and by value. */
const HTTP_TRANSPORTS: ReadonlySet<string> = new Set(['SSE', 'STREAMABLE_HTTP', 'sse', 'streamable-http']);

const byProgram = new WeakMap<TSESTree.Program, readonly McpModuleUse[]>();

export function mcpModules(sourceCode: Readonly<SourceCode>): readonly McpModuleUse[] {
  let found = byProgram.get(sourceCode.ast);
  if (!found) {
    found = mayHoldEntities(sourceCode, 'mcp-module') ? findMcpModules(sourceCode) : [];
    byProgram.set(sourceCode.ast, found);
  }
  return found;
}

function findMcpModules(sourceCode: Readonly<SourceCode>): McpModuleUse[] {
  const found: McpModuleUse[] = [];
  for (const call of moduleIndex(sourceCode.ast).calls) {
    const [entity] = entitiesOf(call, 'mcp-module');
    if (!entity || !isLinted(call)) continue;
    const callee = skipTypeWrappers(call.callee);
    const at = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
    // `forRootAsync({ useFactory })`: every option but `transport` (the default, HTTP included) comes later.
    if (entity.async) {
      found.push({ call, callee: at, guarded: 'unknown' });
      continue;
    }
    const [first] = call.arguments;
    const options = first && first.type !== AST_NODE_TYPES.SpreadElement ? resolveObjectExpression(first) : null;
    if (!options) continue;
    const transport = findObjectProperty(options, 'transport');
    if (transport.kind === 'unknown' || (transport.kind === 'found' && !servesHttp(transport.value))) continue;
    const guards = findObjectProperty(options, 'guards');
    const guarded =
      guards.kind === 'missing'
        ? false
        : guards.kind === 'found' && guards.value
          ? listsGuard(guards.value)
          : 'unknown';
    found.push({ call, callee: at, guarded });
  }
  return found;
}

/** Whether a `transport` option lists SSE or Streamable HTTP (`McpTransportType.SSE`, `'streamable-http'`). */
function servesHttp(value: TSESTree.Node | null): boolean {
  if (!value) return false;
  const expression = skipTypeWrappers(value);
  const entries = expression.type === AST_NODE_TYPES.ArrayExpression ? expression.elements : [expression];
  return entries.some((entry) => {
    if (!entry || entry.type === AST_NODE_TYPES.SpreadElement) return true;
    const member = skipTypeWrappers(entry);
    if (member.type === AST_NODE_TYPES.MemberExpression) return HTTP_TRANSPORTS.has(propertyName(member) ?? '');
    return possibleValues(member).some(
      (candidate) => !candidate.known || (typeof candidate.value === 'string' && HTTP_TRANSPORTS.has(candidate.value)),
    );
  });
}

/** Whether a `guards` value lists a guard: `[ApiKeyGuard]` (classes the code need not show), not `[]`. */
function listsGuard(value: TSESTree.Node): boolean | 'unknown' {
  const list = skipTypeWrappers(resolveExpression(value) ?? value);
  if (list.type !== AST_NODE_TYPES.ArrayExpression) return 'unknown';
  if (list.elements.some((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement)) return true;
  return list.elements.length === 0 ? false : 'unknown';
}
