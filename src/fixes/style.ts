import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';

/**
 * How a file writes what the fixes write too: its strings' quote, whether statements end with `;`,
 * one level of its indentation, and whether its multi-line object and array literals put a comma
 * after their last item.
 */
export interface FileStyle {
  readonly quote: "'" | '"';
  readonly semicolons: boolean;
  /** A tab, or so many spaces. */
  readonly indent: string;
  readonly trailingCommas: boolean;
}

const styles = new WeakMap<TSESTree.Program, FileStyle>();

/**
 * The style of the file, read once per Program: the quote of most of its string literals (those
 * that hold the other quote say nothing: `"it's"` is written so in any style), whether most of its
 * statements that may end with `;` do, the indentation its first indented lines step by, and
 * whether most of its multi-line literals end with a comma. A file that shows none of them gets
 * `'`, `;`, two spaces and trailing commas, as the fixes wrote before they read the file.
 */
export function fileStyle(sourceCode: Readonly<SourceCode>): FileStyle {
  const cached = styles.get(sourceCode.ast);
  if (cached) return cached;
  const style: FileStyle = {
    quote: fileQuote(sourceCode),
    ...statementsAndLiterals(sourceCode),
    indent: indentUnit(sourceCode),
  };
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
 * Code the fixes write in single quotes, with semicolons and two spaces a level, rewritten in the
 * file's style: each `'…'` literal in its quote, each `;` that ends a line (or the text) dropped
 * where the file writes none, and each line after the first indented by the file's own unit a
 * level, after `base`: the indentation of the line the code goes into. `;` inside a literal or a
 * `for (…;…;…)` head stays, as does any text in backquotes.
 */
export function inFileStyle(code: string, style: FileStyle, base = ''): string {
  if (style.quote === "'" && style.semicolons && style.indent === '  ' && base === '') return code;
  let result = '';
  let index = 0;
  while (index < code.length) {
    const char = code[index]!;
    const comment = code.startsWith('//', index) ? '\n' : code.startsWith('/*', index) ? '*/' : null;
    if (comment) {
      // A comment's words (`the request's origin`) are no code, but the lines of a `/** … */` are indented.
      const end = code.indexOf(comment, index + 2);
      const stop = end === -1 ? code.length : comment === '*/' ? end + 2 : end;
      result += code
        .slice(index, stop)
        .replaceAll(/\n( *)/gu, (_, spaces: string) => `\n${lineStart(spaces, style, base)}`);
      index = stop;
    } else if (char === '\n') {
      const spaces = /^ */u.exec(code.slice(index + 1))![0];
      const blank = /^(?:\n|$)/u.test(code.slice(index + 1 + spaces.length));
      result += `\n${blank ? '' : lineStart(spaces, style, base)}`;
      index += 1 + spaces.length;
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

/** `inFileStyle` for one file: what a rule hands the code its fixes write through. */
export function styledFor(sourceCode: Readonly<SourceCode>): (code: string, base?: string) => string {
  return (code, base = '') => inFileStyle(code, fileStyle(sourceCode), base);
}

/** The indentation of a line the fixes wrote with `spaces` (two a level; one more lines up a `/**`'s `*`). */
function lineStart(spaces: string, { indent }: Pick<FileStyle, 'indent'>, base: string): string {
  return `${base}${indent.repeat(Math.floor(spaces.length / 2))}${spaces.length % 2 === 1 ? ' ' : ''}`;
}

/**
 * Items written one a line in a multi-line object (or, with `[]`, array) literal that opens on a
 * line indented by `base`, with a comma after the last one where the file puts one. An item of
 * several lines comes with its lines after the first one level deeper than `base` (as
 * `inFileStyle` writes them with `base + style.indent`).
 */
export function multilineLiteral(
  items: readonly string[],
  style: Pick<FileStyle, 'indent' | 'trailingCommas'>,
  base: string,
  [open, close]: '{}' | '[]' = '{}',
): string {
  const inner = `${base}${style.indent}`;
  const comma = style.trailingCommas ? ',' : '';
  return `${open}\n${items.map((item) => `${inner}${item}`).join(',\n')}${comma}\n${base}${close}`;
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

/** Literals whose items may end with a comma, and whose last item's comma is a choice of style. */
const LISTS = new Set<string>([
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.ObjectPattern,
  AST_NODE_TYPES.ArrayPattern,
]);

/** Whether most statements end with `;`, and most multi-line literals with a comma (on a tie, they do). */
function statementsAndLiterals(sourceCode: Readonly<SourceCode>): Pick<FileStyle, 'semicolons' | 'trailingCommas'> {
  let with_ = 0;
  let without = 0;
  let trailing = 0;
  let notTrailing = 0;
  const visit = (node: TSESTree.Node): void => {
    if (isEnded(node)) {
      if (sourceCode.getLastToken(node)?.value === ';') with_ += 1;
      else without += 1;
    }
    if (LISTS.has(node.type)) {
      const list = node as
        TSESTree.ObjectExpression | TSESTree.ArrayExpression | TSESTree.ObjectPattern | TSESTree.ArrayPattern;
      const last = 'elements' in list ? list.elements.at(-1) : list.properties.at(-1);
      // An empty literal says nothing, and `[a, ...rest]` may not end with a comma.
      const after = last && last.type !== AST_NODE_TYPES.RestElement ? sourceCode.getTokenAfter(last) : null;
      const closing = after?.value === ',' ? sourceCode.getTokenAfter(after) : after;
      if (last && closing && closing.loc.start.line > last.loc.end.line) {
        if (after!.value === ',') trailing += 1;
        else notTrailing += 1;
      }
    }
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
      }
    }
  };
  visit(sourceCode.ast);
  return { semicolons: with_ >= without, trailingCommas: trailing >= notTrailing };
}

/** How many of a file's indented lines `indentUnit` reads: enough to see its habit, few enough to cost nothing. */
const INDENTED_LINES_READ = 200;

/**
 * One level of the file's indentation: a tab where most of its first indented lines start with
 * one, else the number of spaces by which a line most often goes deeper than the line above it
 * (a continuation line's deeper step is the rarer one). Lines that start inside a comment or a
 * template literal are not counted. Two spaces when no line is indented.
 */
function indentUnit(sourceCode: Readonly<SourceCode>): string {
  let tabs = 0;
  let spaced = 0;
  let previous = 0;
  const steps = new Map<number, number>();
  let lastLine = 0;
  for (const token of sourceCode.ast.tokens) {
    const line = token.loc.start.line;
    if (line <= lastLine) {
      lastLine = Math.max(lastLine, token.loc.end.line);
      continue;
    }
    lastLine = token.loc.end.line;
    const leading = sourceCode.lines[line - 1]!.slice(0, token.loc.start.column);
    // A line that opens with a comment, or whose indentation is not all blank.
    if (!/^[ \t]*$/u.test(leading)) continue;
    if (leading.startsWith('\t')) tabs += 1;
    else if (leading.length > 0) spaced += 1;
    if (!leading.startsWith('\t')) {
      if (leading.length > previous && leading.length - previous <= 8) {
        const step = leading.length - previous;
        steps.set(step, (steps.get(step) ?? 0) + 1);
      }
      previous = leading.length;
    }
    if (tabs + spaced >= INDENTED_LINES_READ) break;
  }
  if (tabs > spaced) return '\t';
  let unit = 2;
  let seen = 0;
  for (const [step, count] of [...steps].sort(([a], [b]) => a - b)) {
    if (count > seen) {
      unit = step;
      seen = count;
    }
  }
  return ' '.repeat(unit);
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
