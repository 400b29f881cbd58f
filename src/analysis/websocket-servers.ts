import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { exportNamesWith } from '../frameworks/registry';
import type { Entity } from '../frameworks/types';
import { skipTypeWrappers } from './ast';
import { entitiesOf, mayHoldEntities, moduleIndex } from './facts';
import { nameOf, variableOf } from './program';

/** The names WebSocket servers are exported as (`WebSocketServer`, `Server`), which a `new` calls. */
const WEBSOCKET_SERVER_NAMES = exportNamesWith('websocket-server');
/** A module whose export itself, called, makes a WebSocket server (`require('socket.io')(http)`). */
const MENTIONS_CALLED_WEBSOCKET_MODULE = /['"`]socket\.io['"`]/u;

/** A WebSocket server a module makes, and what the adapters know of it. */
export interface MadeWebSocketServer {
  readonly node: TSESTree.NewExpression | TSESTree.CallExpression;
  readonly entity: Extract<Entity, { kind: 'websocket-server' }>;
}

const serversByProgram = new WeakMap<TSESTree.Program, readonly MadeWebSocketServer[]>();

/**
 * The WebSocket servers a module makes, by the name they are made with (`new WebSocketServer(…)`,
 * `new Server(…)`, or a name an import binds), or a call of a module that makes one
 * (`require('socket.io')(http)`, `socketIO(http)`): not every call of the file. Once per module.
 */
export function webSocketServers(sourceCode: Readonly<SourceCode>): readonly MadeWebSocketServer[] {
  let found = serversByProgram.get(sourceCode.ast);
  if (found) return found;
  found = [];
  if (mayHoldEntities(sourceCode, 'websocket-server')) {
    const index = moduleIndex(sourceCode.ast);
    const candidates = [
      ...index.news.filter(
        (node) => WEBSOCKET_SERVER_NAMES.has(nameOf(skipTypeWrappers(node.callee)) ?? '') || importedName(node.callee),
      ),
      ...(MENTIONS_CALLED_WEBSOCKET_MODULE.test(sourceCode.text)
        ? index.calls.filter((node) => node.callee.type !== AST_NODE_TYPES.MemberExpression)
        : []),
    ];
    found = candidates.flatMap((node) =>
      entitiesOf(node, 'websocket-server').flatMap((entity) =>
        entity.kind === 'websocket-server' ? [{ node, entity }] : [],
      ),
    );
  }
  serversByProgram.set(sourceCode.ast, found);
  return found;
}

/** Whether a callee is a name an import binds (`import { Server as IOServer } from 'socket.io'`). */
function importedName(callee: TSESTree.Node): boolean {
  const expression = skipTypeWrappers(callee);
  return expression.type === AST_NODE_TYPES.Identifier && variableOf(expression)?.defs[0]?.type === 'ImportBinding';
}
