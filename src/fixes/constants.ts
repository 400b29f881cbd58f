import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@eslint-community/eslint-utils';
import type { RuleFix, RuleFixer, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { topLevelStatement } from '../utils/ast';

/** A placeholder origin: obviously not the user's, so that nobody keeps it by accident. */
export const PLACEHOLDER_ORIGIN = 'https://app.example.com';

/**
 * A module-level constant for a fix to refer to. When the name is already bound where the
 * fix uses it, that binding is reused and nothing is inserted; otherwise the declaration goes
 * after the imports that precede the code being fixed (or right before that code), so that it
 * exists before anything reads it.
 */
export function ensureModuleConstant(
  fixer: RuleFixer,
  sourceCode: Readonly<SourceCode>,
  usedAt: TSESTree.Node,
  name: string,
  initText: string,
): RuleFix[] {
  if (findVariable(sourceCode.getScope(usedAt) as never, name)) return [];
  const declaration = `const ${name} = ${initText};`;
  const statement = topLevelStatement(usedAt);
  const program = statement.parent as TSESTree.Program;
  const index = program.body.indexOf(statement);
  const lastImport = program.body
    .slice(0, index)
    .findLast((candidate) => candidate.type === AST_NODE_TYPES.ImportDeclaration);
  if (lastImport) {
    const blankLineFollows = /^[ \t]*\r?\n[ \t]*\r?\n/u.test(sourceCode.text.slice(lastImport.range[1]));
    return [fixer.insertTextAfter(lastImport, `\n\n${declaration}${blankLineFollows ? '' : '\n'}`)];
  }
  const firstToken = sourceCode.getFirstToken(statement)!;
  // A comment right above the statement (its JSDoc, say) stays with it.
  const comments = sourceCode.getCommentsBefore(firstToken);
  let anchor: TSESTree.Node | TSESTree.Token | TSESTree.Comment = firstToken;
  for (let index = comments.length - 1; index >= 0; index--) {
    const comment = comments[index]!;
    if (comment.loc.end.line < anchor.loc.start.line - 1) break;
    anchor = comment;
  }
  return [fixer.insertTextBeforeRange(anchor.range, `${declaration}\n\n`)];
}
