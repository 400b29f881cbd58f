import type { TSESTree } from '@typescript-eslint/utils';
import { isLinted } from '../analysis/program';

/** An edit the analysis aimed at another module's code, which ESLint cannot make from the linted file. */
export class ForeignEdit extends Error {}

/**
 * The node itself, when it is the linted file's to edit. Values and checks followed into other
 * modules must never turn into edits of the linted file's text at their offsets: the fix is
 * dropped instead (the report stays).
 */
export function editable<Node extends TSESTree.Node | TSESTree.Token>(node: Node): Node {
  if ('type' in node && (node as TSESTree.Node).parent !== undefined && !isLinted(node as TSESTree.Node)) {
    throw new ForeignEdit();
  }
  return node;
}
