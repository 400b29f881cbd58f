import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';

/** How a file writes what the fixes write too: its strings' quote, and whether statements end with `;`. */
export interface FileStyle {
  readonly quote: "'" | '"';
  readonly semicolons: boolean;
}

const styles = new WeakMap<TSESTree.Program, FileStyle>();

/**
 * The style of the file, read once per Program: the quote of most of its string literals (those
 * that hold the other quote say nothing: `"it's"` is written so in any style), and whether most
 * of its statements that may end with `;` do. A file that shows neither gets `'` and `;`, as the
 * fixes wrote before they read the file.
 */
export function fileStyle(sourceCode: Readonly<SourceCode>): FileStyle {
  const cached = styles.get(sourceCode.ast);
  if (cached) return cached;
  const style: FileStyle = { quote: fileQuote(sourceCode), semicolons: endsWithSemicolons(sourceCode) };
  styles.set(sourceCode.ast, style);
  return style;
}

/** `text` as a string literal in the file's quote. */
export function quoted(text: string, { quote }: Pick<FileStyle, 'quote'>): string {
  const escaped = text
    .replaceAll('\\', '\\\\')
    .replaceAll(quote, `\\${quote}`)
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r');
  return `${quote}${escaped}${quote}`;
}

/** What ends a statement in the file: `;`, or nothing. */
export function statementEnd({ semicolons }: Pick<FileStyle, 'semicolons'>): string {
  return semicolons ? ';' : '';
}

/**
 * Code the fixes write in single quotes and with semicolons, rewritten in the file's style: each
 * `'…'` literal in its quote, and each `;` that ends a line (or the text) dropped where the file
 * writes none. `;` inside a literal or a `for (…;…;…)` head stays, as does any text in backquotes.
 */
export function inFileStyle(code: string, style: FileStyle): string {
  if (style.quote === "'" && style.semicolons) return code;
  let result = '';
  let index = 0;
  while (index < code.length) {
    const char = code[index]!;
    const comment = code.startsWith('//', index) ? '\n' : code.startsWith('/*', index) ? '*/' : null;
    if (comment) {
      // A comment's words (`the request's origin`) are no code.
      const end = code.indexOf(comment, index + 2);
      const stop = end === -1 ? code.length : comment === '*/' ? end + 2 : end;
      result += code.slice(index, stop);
      index = stop;
    } else if (char === "'" || char === '"' || char === '`') {
      const end = literalEnd(code, index);
      const literal = code.slice(index, end);
      result += char === "'" && style.quote === '"' ? quoted(unquoteSingle(literal), style) : literal;
      index = end;
    } else if (char === ';' && !style.semicolons && /^[ \t]*(?:\n|$)/u.test(code.slice(index + 1))) {
      index += 1;
    } else {
      result += char;
      index += 1;
    }
  }
  return result;
}

/** The index just after the literal that opens at `start`. */
function literalEnd(code: string, start: number): number {
  const quote = code[start];
  let index = start + 1;
  while (index < code.length && code[index] !== quote) index += code[index] === '\\' ? 2 : 1;
  return index + 1;
}

/** The text of a `'…'` literal the fixes wrote (which escape only `\` and `'`). */
function unquoteSingle(literal: string): string {
  return literal.slice(1, -1).replaceAll(/\\(.)/gu, '$1');
}

function fileQuote(sourceCode: Readonly<SourceCode>): FileStyle['quote'] {
  let single = 0;
  let double = 0;
  for (const token of sourceCode.ast.tokens) {
    if (token.type !== 'String') continue;
    if (token.value.startsWith('"') && !token.value.includes("'")) double += 1;
    else if (token.value.startsWith("'") && !token.value.includes('"')) single += 1;
  }
  return double > single ? '"' : "'";
}

/** Statements that end with `;` in a file that writes semicolons. */
const ENDED = new Set<string>([
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.BreakStatement,
  AST_NODE_TYPES.ContinueStatement,
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.ExportAllDeclaration,
  AST_NODE_TYPES.DoWhileStatement,
  AST_NODE_TYPES.TSTypeAliasDeclaration,
  AST_NODE_TYPES.PropertyDefinition,
]);

function endsWithSemicolons(sourceCode: Readonly<SourceCode>): boolean {
  let with_ = 0;
  let without = 0;
  const visit = (node: TSESTree.Node): void => {
    if (isEnded(node)) {
      if (sourceCode.getLastToken(node)?.value === ';') with_ += 1;
      else without += 1;
    }
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
      }
    }
  };
  visit(sourceCode.ast);
  return with_ >= without;
}

function isEnded(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.VariableDeclaration) {
    // `for (const x of xs)` and `for (let i = 0; …)` hold declarations that end with no `;` of their own.
    const parent = node.parent;
    return !(
      (parent.type === AST_NODE_TYPES.ForStatement && parent.init === node) ||
      ((parent.type === AST_NODE_TYPES.ForInStatement || parent.type === AST_NODE_TYPES.ForOfStatement) &&
        parent.left === node)
    );
  }
  if (node.type === AST_NODE_TYPES.ExportNamedDeclaration) return node.declaration === null;
  if (node.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
    return ![
      AST_NODE_TYPES.FunctionDeclaration,
      AST_NODE_TYPES.ClassDeclaration,
      AST_NODE_TYPES.TSInterfaceDeclaration,
    ].includes(node.declaration.type as AST_NODE_TYPES);
  }
  return ENDED.has(node.type);
}
