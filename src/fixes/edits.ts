import { ASTUtils, AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { containsNode } from '../analysis/ast';
import { editable } from './foreign';
import { fileStyle, inFileStyle, statementEnd } from './style';

type Range = readonly [number, number];

/**
 * Where text that goes above `start` (a statement or its first token) begins: at `start`, or at the
 * first of the comments on the lines right above it (its JSDoc, say), which stay with it. A comment
 * that ends the line above (`foo(); // note`) belongs to that line's code.
 */
export function aboveLeadingComments(
  sourceCode: Readonly<SourceCode>,
  start: TSESTree.Node | TSESTree.Token,
): TSESTree.Node | TSESTree.Token | TSESTree.Comment {
  const comments = sourceCode.getCommentsBefore(start);
  let anchor: TSESTree.Node | TSESTree.Token | TSESTree.Comment = start;
  for (let index = comments.length - 1; index >= 0; index--) {
    const comment = comments[index]!;
    if (comment.loc.end.line < anchor.loc.start.line - 1) break;
    // `#!/usr/bin/env node` must stay the file's first line.
    if (sourceCode.text.startsWith('#!', comment.range[0])) break;
    const before = sourceCode.lines[comment.loc.start.line - 1]!.slice(0, comment.loc.start.column);
    if (before.trim() !== '') break;
    anchor = comment;
  }
  return anchor;
}

/** The indentation of the line a position is on. */
export function indentationAt(sourceCode: Readonly<SourceCode>, index: number): string {
  const lineStart = sourceCode.text.lastIndexOf('\n', index - 1) + 1;
  return /^[ \t]*/.exec(sourceCode.text.slice(lineStart))![0];
}

/**
 * Gives a one-expression arrow function a block body that runs `lines` first and then returns the
 * expression: `(request) => mcp.fetch(request)` becomes `(request) => { …lines; return
 * mcp.fetch(request); }`, one statement a line, indented from the arrow's line. `lines` are code as
 * the fixes write it (see `inFileStyle`), which goes in the file's style. `null` for an arrow whose
 * body is a block already.
 */
export function withBlockBody(
  fixer: RuleFixer,
  sourceCode: Readonly<SourceCode>,
  fn: TSESTree.ArrowFunctionExpression,
  lines: readonly string[],
): RuleFix | null {
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) return null;
  const arrow = sourceCode.getTokenBefore(fn.body, {
    filter: (token) => token.type === 'Punctuator' && token.value === '=>',
  });
  if (!arrow) return null;
  // The arrow ends where its body does, parentheses around an object literal included.
  const expression = sourceCode.text.slice(arrow.range[1], fn.range[1]).trim();
  const style = fileStyle(sourceCode);
  const indent = indentationAt(sourceCode, fn.range[0]);
  const inner = `${indent}${style.indent}`;
  const statements = `${inFileStyle(lines.join('\n'), style, inner)}\n${inner}return ${expression}${statementEnd(style)}`;
  return fixer.replaceTextRange([arrow.range[1], fn.range[1]], ` {\n${inner}${statements}\n${indent}}`);
}

/**
 * Widens a range that is alone on its lines to the whole lines, so that removing it leaves
 * no blank line behind. A range that shares a line with other code is returned as it is.
 */
function wholeLines(sourceCode: Readonly<SourceCode>, [start, end]: Range): Range {
  const { text } = sourceCode;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = text.length;
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  if (before.trim() !== '' || (after.trim() !== '' && !/^\s*\/\//.test(after))) return [start, end];
  if (after.trim() !== '') return [start, end];
  return [lineStart, Math.min(lineEnd + 1, text.length)];
}

/** Statement lists in which a statement can be dropped without leaving invalid code behind. */
function isInStatementList(statement: TSESTree.Node): boolean {
  const parent = statement.parent;
  return (
    parent?.type === AST_NODE_TYPES.Program ||
    parent?.type === AST_NODE_TYPES.BlockStatement ||
    parent?.type === AST_NODE_TYPES.StaticBlock ||
    parent?.type === AST_NODE_TYPES.SwitchCase
  );
}

/**
 * The expression statement that consists of just this expression (through `await` and `void`),
 * if removing that statement leaves valid code; else `null`.
 */
export function removableStatementOf(expression: TSESTree.Node): TSESTree.ExpressionStatement | null {
  let current = expression;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.AwaitExpression ||
      (current.parent.type === AST_NODE_TYPES.UnaryExpression && current.parent.operator === 'void'))
  ) {
    current = current.parent;
  }
  const statement = current.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || !isInStatementList(statement)) return null;
  return statement;
}

/** Removes a statement, and its line when nothing else is on it. */
export function removeStatement(
  fixer: RuleFixer,
  sourceCode: Readonly<SourceCode>,
  statement: TSESTree.Statement,
): RuleFix {
  return fixer.removeRange(wholeLines(sourceCode, editable(statement).range));
}

/**
 * Removes one element of a comma-separated list (an object's property, an array's element)
 * with the comma that belongs to it, and its line when nothing else is on it.
 */
export function removeListElement(fixer: RuleFixer, sourceCode: Readonly<SourceCode>, element: TSESTree.Node): RuleFix {
  const list = editable(element).parent;
  const siblings =
    list?.type === AST_NODE_TYPES.ObjectExpression
      ? list.properties
      : list?.type === AST_NODE_TYPES.ArrayExpression
        ? list.elements
        : null;
  if (list && siblings?.length === 1 && list.loc.start.line === list.loc.end.line) {
    // `{ only }` → `{}`: nothing is left between the brackets.
    return fixer.removeRange([list.range[0] + 1, list.range[1] - 1]);
  }
  const after = sourceCode.getTokenAfter(element);
  if (after && ASTUtils.isCommaToken(after)) {
    const next = sourceCode.getTokenAfter(after, { includeComments: true });
    const sameLine = next && next.loc.start.line === after.loc.end.line;
    // `a, b` → `b`: take the comma and the space up to the next element.
    const end = sameLine ? next.range[0] : after.range[1];
    return fixer.removeRange(wholeLines(sourceCode, [element.range[0], end]));
  }
  const before = sourceCode.getTokenBefore(element);
  if (before && ASTUtils.isCommaToken(before)) {
    // The last element without a trailing comma: the comma before it goes instead.
    return fixer.removeRange([before.range[0], element.range[1]]);
  }
  return fixer.removeRange(wholeLines(sourceCode, element.range));
}

/**
 * Adds a property at the end of an object literal, after any spreads so that it wins,
 * in the object's own layout: `{}` → `{ p }`, `{ a }` → `{ a, p }`, and one line per property
 * with the same indentation when the object spans lines, with a comma after the last where the
 * object has one (or, for an empty one, where the file's multi-line literals do).
 */
export function appendObjectProperty(
  fixer: RuleFixer,
  sourceCode: Readonly<SourceCode>,
  object: TSESTree.ObjectExpression,
  propertyText: string | readonly string[],
): RuleFix {
  // Several properties go one per line in a multi-line object, side by side in a one-line one.
  const texts = typeof propertyText === 'string' ? [propertyText] : propertyText;
  const inline = texts.join(', ');
  const closing = sourceCode.getLastToken(editable(object))!;
  const last = object.properties.at(-1);
  if (!last) {
    const inside = sourceCode.text.slice(object.range[0] + 1, closing.range[0]);
    if (inside.includes('\n')) {
      const style = fileStyle(sourceCode);
      const indent = indentationAt(sourceCode, closing.range[0]);
      const inner = `${indent}${style.indent}`;
      return fixer.replaceTextRange(
        [object.range[0] + 1, closing.range[0]],
        `\n${inner}${texts.join(`,\n${inner}`)}${style.trailingCommas ? ',' : ''}\n${indent}`,
      );
    }
    return fixer.replaceTextRange([object.range[0] + 1, closing.range[0]], ` ${inline} `);
  }
  const afterLast = sourceCode.getTokenAfter(last)!;
  const hasTrailingComma = ASTUtils.isCommaToken(afterLast);
  const multiline = closing.loc.start.line > last.loc.end.line;
  if (multiline) {
    const indent = indentationAt(sourceCode, last.range[0]);
    const anchor = hasTrailingComma ? afterLast : last;
    return fixer.insertTextAfterRange(
      anchor.range,
      `${hasTrailingComma ? '' : ','}\n${indent}${texts.join(`,\n${indent}`)}${hasTrailingComma ? ',' : ''}`,
    );
  }
  if (hasTrailingComma) return fixer.insertTextAfter(afterLast, ` ${inline}`);
  return fixer.insertTextAfter(last, `, ${inline}`);
}

/**
 * Adds a property to an object right before one of its properties or spreads (`hostname` before
 * `...options`, which may then still set it): on a line of its own where that one starts a line,
 * beside it elsewhere.
 */
export function insertObjectPropertyBefore(
  fixer: RuleFixer,
  sourceCode: Readonly<SourceCode>,
  before: TSESTree.Node,
  propertyText: string,
): RuleFix {
  const ownLine = (sourceCode.getTokenBefore(before)?.loc.end.line ?? before.loc.start.line) < before.loc.start.line;
  return fixer.insertTextBefore(
    before,
    ownLine ? `${propertyText},\n${indentationAt(sourceCode, before.range[0])}` : `${propertyText}, `,
  );
}

/**
 * Adds a property to an object right after one of its properties (`hostname` after `port`), on a
 * line of its own in a multi-line object, below any comment that ends the property's line;
 * elsewhere, at the end of the object.
 */
export function insertObjectPropertyAfter(
  fixer: RuleFixer,
  sourceCode: Readonly<SourceCode>,
  object: TSESTree.ObjectExpression,
  after: TSESTree.Node,
  propertyText: string,
): RuleFix {
  const comma = sourceCode.getTokenAfter(after);
  const closing = sourceCode.getLastToken(editable(object))!;
  if (
    after === object.properties.at(-1) ||
    !comma ||
    !ASTUtils.isCommaToken(comma) ||
    closing.loc.start.line === after.loc.end.line
  )
    return appendObjectProperty(fixer, sourceCode, object, propertyText);
  const comment = sourceCode
    .getCommentsAfter(comma)
    .find((candidate) => candidate.loc.start.line === comma.loc.end.line);
  const anchor = comment ?? comma;
  return fixer.insertTextAfterRange(anchor.range, `\n${indentationAt(sourceCode, after.range[0])}${propertyText},`);
}

/** Replaces a property's value; a shorthand `{ origin }` becomes `{ origin: value }`. */
export function replacePropertyValue(
  fixer: RuleFixer,
  sourceCode: Readonly<SourceCode>,
  property: TSESTree.Property,
  valueText: string,
): RuleFix {
  if (editable(property).shorthand) {
    return fixer.insertTextAfter(property.key, `: ${valueText}`);
  }
  if (property.method || property.kind !== 'init') {
    const keyText = sourceCode.getText(property.key);
    return fixer.replaceText(property, `${property.computed ? `[${keyText}]` : keyText}: ${valueText}`);
  }
  return fixer.replaceText(property.value, valueText);
}

/** Adds an argument after the last one: `f()` → `f(arg)`, `f(a)` → `f(a, arg)`. */
export function appendArgument(
  fixer: RuleFixer,
  sourceCode: Readonly<SourceCode>,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  argumentText: string,
): RuleFix {
  const closing = sourceCode.getLastToken(editable(call))!;
  const last = call.arguments.at(-1);
  if (!last) return fixer.insertTextBefore(closing, argumentText);
  const afterLast = sourceCode.getTokenAfter(last)!;
  if (ASTUtils.isCommaToken(afterLast)) return fixer.insertTextAfter(afterLast, ` ${argumentText}`);
  return fixer.insertTextAfter(last, `, ${argumentText}`);
}

/**
 * Which parts of a value a fix should replace: the matching leaves when each is written inside
 * the value and something else could be kept (`dev ? '*' : ORIGIN` keeps `ORIGIN`), or `null`
 * for the whole value (it matches throughout, or the match comes from a constant elsewhere).
 */
export function inlineLeaves(
  value: TSESTree.Node,
  candidates: readonly { readonly node: TSESTree.Node }[],
  matches: readonly { readonly node: TSESTree.Node }[],
): TSESTree.Node[] | null {
  const inside = (node: TSESTree.Node): boolean => containsNode(value, node);
  if (matches.length === 0 || matches.length >= candidates.length || !matches.every((match) => inside(match.node))) {
    return null;
  }
  return matches.map((match) => match.node);
}

/** Adds an argument in front of an existing one: `f(a, cb)` → `f(a, arg, cb)`. */
export function insertArgumentBefore(fixer: RuleFixer, argument: TSESTree.Node, argumentText: string): RuleFix {
  return fixer.insertTextBefore(editable(argument), `${argumentText}, `);
}

/**
 * Replaces an expression with another where it is written; the value of a shorthand property
 * `{ host }` becomes `{ host: text }`, which keeps the key.
 */
export function replaceExpression(fixer: RuleFixer, expression: TSESTree.Node, text: string): RuleFix {
  const parent = editable(expression).parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === expression) {
    return fixer.insertTextAfter(parent.key, `: ${text}`);
  }
  return fixer.replaceText(expression, text);
}

/** What a comment that a deny-all origin value gets says, in the words of the rules' fix titles. */
export const DENY_ALL_COMMENT = 'no cross-origin reads';

/**
 * Comments that say the origin lets every site in: "allow all origins", "any domain", "wildcard",
 * `'*'`, "reflect the request's origin", "permissive", "unrestricted".
 */
const ALLOWS_EVERY_ORIGIN =
  /\b(?:all|any|every)\s+(?:cross[- ]?)?(?:origin|domain|site|host|client|request|website|page)s?\b|\b(?:allow|accept|permit|open)\w*\s+(?:to\s+|from\s+)?(?:all|any(?:one|body|thing)?|every(?:one|body|thing)?)\b|\bcors\s+(?:for\s+|to\s+)?(?:all|any|every)\w*|\bwildcard\b|\bpermissive\b|\bunrestricted\b|\bno\s+(?:cors\s+)?restrictions?\b|(?:^|[\s'"`(])\*(?=$|[\s'"`),.;:])|\b(?:reflect|echo|mirror)\w*\b.*\borigin/iu;

/** Comments that say no other site may read: what a deny-all value needs no second comment for. */
const DENIES_EVERY_ORIGIN =
  /\bno\s+cross[- ]?origin\b|\b(?:deny|denies|block|refuse|disallow|reject)\w*\b|\bsame[- ]origin\b|\bno\s+(?:cors|origins?)\b|\bcors\s+(?:off|disabled)\b/iu;

/**
 * The edits that keep an `origin` property's comments true when a fix replaces its value: a
 * comment at the end of its line or on the line above it that says every origin is allowed
 * goes, or, for a value that allows none (`deniesAll`), says so instead; a deny-all value with
 * no comment that says so gets one at the end of its line, where the property ends a line (a
 * one-line object gets none). Other comments stay as they are.
 */
export function originCommentEdits(
  fixer: RuleFixer,
  sourceCode: Readonly<SourceCode>,
  property: TSESTree.Property,
  deniesAll: boolean,
): RuleFix[] {
  if (editable(property) !== property) return [];
  const fixes: RuleFix[] = [];
  const comma = sourceCode.getTokenAfter(property);
  const end = comma && ASTUtils.isCommaToken(comma) ? comma : property;
  const next = sourceCode.getTokenAfter(end);
  const endsLine = !next || next.loc.start.line > end.loc.end.line;
  // The comment that ends the property's line, after whatever else is on it (`}));`).
  let last: TSESTree.Node | TSESTree.Token = end;
  for (
    let token = sourceCode.getTokenAfter(last);
    token && token.loc.start.line === end.loc.end.line;
    token = sourceCode.getTokenAfter(token)
  ) {
    last = token;
  }
  const trailing = sourceCode.getCommentsAfter(last).find((comment) => comment.loc.start.line === end.loc.end.line);
  const rewritten = (comment: TSESTree.Comment): string =>
    comment.type === AST_TOKEN_TYPES.Line ? `// ${DENY_ALL_COMMENT}` : `/* ${DENY_ALL_COMMENT} */`;
  let said = false;
  let trailingKept = false;
  if (trailing && ALLOWS_EVERY_ORIGIN.test(trailing.value)) {
    if (deniesAll) {
      fixes.push(fixer.replaceText(trailing, rewritten(trailing)));
      said = true;
    } else {
      fixes.push(
        fixer.removeRange([
          sourceCode.getTokenBefore(trailing, { includeComments: true })!.range[1],
          trailing.range[1],
        ]),
      );
    }
  } else if (trailing) {
    trailingKept = true;
    said = DENIES_EVERY_ORIGIN.test(trailing.value);
  }
  // A comment on a line of its own right above the property.
  const above = sourceCode.getCommentsBefore(property).at(-1);
  const ownLine =
    above !== undefined &&
    above.loc.end.line === property.loc.start.line - 1 &&
    (sourceCode.getTokenBefore(above)?.loc.end.line ?? 0) < above.loc.start.line;
  if (ownLine && ALLOWS_EVERY_ORIGIN.test(above.value)) {
    if (deniesAll && !said && (trailingKept || !endsLine)) {
      fixes.push(fixer.replaceText(above, rewritten(above)));
      said = true;
    } else {
      fixes.push(fixer.removeRange(wholeLines(sourceCode, above.range)));
    }
  } else if (ownLine) {
    said ||= DENIES_EVERY_ORIGIN.test(above.value);
  }
  if (deniesAll && !said && endsLine) {
    const startsLine = (sourceCode.getTokenBefore(property)?.loc.end.line ?? 0) < property.loc.start.line;
    // Beside a comment of the user's own, on the line above.
    if (!trailingKept) fixes.push(fixer.insertTextAfter(end, ` // ${DENY_ALL_COMMENT}`));
    else if (startsLine) {
      const indent = indentationAt(sourceCode, property.range[0]);
      fixes.push(fixer.insertTextBefore(property, `// ${DENY_ALL_COMMENT}\n${indent}`));
    }
  }
  return fixes;
}
