import { ASTUtils, AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';

/**
 * Parentheses for fixes: whether an expression, written where another stood or as the operand of
 * an operator a fix writes, still binds as one expression there.
 *
 * ESLint keeps its `getPrecedence` and typescript-eslint its `getOperatorPrecedence` internal;
 * `ASTUtils.isParenthesized` is the part a plugin can use. The scale below is ESLint's, with
 * TypeScript's `as`, `satisfies` and `!`, and `??` a level of its own, since it mixes with neither
 * `||` nor `&&` without parentheses.
 */
const enum Level {
  Sequence = 0,
  /** Assignment, arrow functions, `yield`. */
  Assignment = 1,
  Conditional = 2,
  Coalesce = 3,
  Or = 4,
  And = 5,
  BitwiseOr = 6,
  BitwiseXor = 7,
  BitwiseAnd = 8,
  Equality = 9,
  /** `<`, `in`, `instanceof`, and TypeScript's `as` and `satisfies`. */
  Relational = 10,
  Shift = 11,
  Additive = 12,
  Multiplicative = 13,
  Exponent = 14,
  /** `!x`, `await x`, `<T>x`. */
  Unary = 15,
  Postfix = 16,
  /** Calls and optional chains: an object or a callee, not the callee of `new`. */
  Call = 17,
  New = 18,
  /** Names, literals, members, anything already in brackets of its own. */
  Primary = 19,
}

const BINARY_LEVELS: Readonly<Record<string, Level>> = {
  '|': Level.BitwiseOr,
  '^': Level.BitwiseXor,
  '&': Level.BitwiseAnd,
  '==': Level.Equality,
  '!=': Level.Equality,
  '===': Level.Equality,
  '!==': Level.Equality,
  '<': Level.Relational,
  '<=': Level.Relational,
  '>': Level.Relational,
  '>=': Level.Relational,
  in: Level.Relational,
  instanceof: Level.Relational,
  '<<': Level.Shift,
  '>>': Level.Shift,
  '>>>': Level.Shift,
  '+': Level.Additive,
  '-': Level.Additive,
  '*': Level.Multiplicative,
  '/': Level.Multiplicative,
  '%': Level.Multiplicative,
  '**': Level.Exponent,
  '||': Level.Or,
  '&&': Level.And,
  '??': Level.Coalesce,
};

/** How tightly an expression binds. */
function levelOf(node: TSESTree.Node): Level {
  switch (node.type) {
    case AST_NODE_TYPES.SequenceExpression:
      return Level.Sequence;
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.YieldExpression:
      return Level.Assignment;
    case AST_NODE_TYPES.ConditionalExpression:
      return Level.Conditional;
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return BINARY_LEVELS[node.operator] ?? Level.Sequence;
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return Level.Relational;
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return Level.Unary;
    case AST_NODE_TYPES.UpdateExpression:
      return node.prefix ? Level.Unary : Level.Postfix;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.ImportExpression:
      return Level.Call;
    case AST_NODE_TYPES.NewExpression:
      return Level.New;
    default:
      return Level.Primary;
  }
}

/**
 * What an expression must be to stand in a place without parentheses: at least `least`, or
 * (`chains`) the operator of the place itself where it is associative (`a || b` on either side of
 * `||`). `operand` marks the operand of an operator, where an arrow function or a type assertion
 * is put in parentheses for the reader even when the grammar would not need them, as Prettier
 * prints them (`dev ? (() => '') : ORIGIN`, `list || ([] as string[])`).
 */
interface Place {
  readonly least: Level;
  readonly chains?: string;
  readonly operand: boolean;
}

const ANYWHERE: Place = { least: Level.Assignment, operand: false };

/** The place of the operand on one side of a binary or logical operator. */
function sideOf(operator: string, side: 'left' | 'right'): Place {
  const level = BINARY_LEVELS[operator] ?? Level.Primary;
  // `-a ** b` is a syntax error; `a ** b ** c` is `a ** (b ** c)`.
  if (operator === '**') return { least: side === 'left' ? Level.Postfix : Level.Exponent, operand: true };
  // `a ?? b || c` is a syntax error: only `??` itself, or anything tighter than `||` and `&&`.
  if (operator === '??') return { least: Level.BitwiseOr, chains: '??', operand: true };
  // `||` and `&&` are associative in value and in what they evaluate.
  if (operator === '||' || operator === '&&') return { least: level, chains: operator, operand: true };
  return { least: side === 'left' ? level : ((level + 1) as Level), operand: true };
}

/** What the place of `node` in its parent asks of an expression written there instead. */
function placeOf(node: TSESTree.Node): Place {
  const parent = node.parent;
  if (!parent) return ANYWHERE;
  switch (parent.type) {
    case AST_NODE_TYPES.ChainExpression:
      return placeOf(parent);
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node ? { least: Level.Call, operand: true } : ANYWHERE;
    case AST_NODE_TYPES.CallExpression:
      return parent.callee === node ? { least: Level.Call, operand: true } : ANYWHERE;
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === node ? { least: Level.Primary, operand: true } : ANYWHERE;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return parent.tag === node ? { least: Level.Call, operand: true } : ANYWHERE;
    case AST_NODE_TYPES.TSNonNullExpression:
      return { least: Level.Call, operand: true };
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return { least: Level.Unary, operand: true };
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return { least: Level.Relational, operand: true };
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return sideOf(parent.operator, parent.left === node ? 'left' : 'right');
    case AST_NODE_TYPES.ConditionalExpression:
      // The grammar takes `a || b ? c : d`; a reader is spared working out which operator wins.
      return parent.test === node
        ? { least: Level.BitwiseOr, operand: true }
        : { least: Level.Assignment, operand: true };
    case AST_NODE_TYPES.SequenceExpression:
    case AST_NODE_TYPES.ExpressionStatement:
      return { least: Level.Sequence, operand: false };
    default:
      return ANYWHERE;
  }
}

/** Whether `expression` binds as one expression in `place`. */
function fits(expression: TSESTree.Node, place: Place): boolean {
  if (place.operand && isUnclearOperand(expression)) return false;
  const level = levelOf(expression);
  if (place.chains !== undefined && 'operator' in expression && expression.operator === place.chains) {
    return expression.type === AST_NODE_TYPES.LogicalExpression;
  }
  return level >= place.least;
}

/** An arrow function, assignment or type assertion, which an operator's operand shows in parentheses. */
function isUnclearOperand(expression: TSESTree.Node): boolean {
  return (
    levelOf(expression) <= Level.Assignment ||
    expression.type === AST_NODE_TYPES.TSAsExpression ||
    expression.type === AST_NODE_TYPES.TSSatisfiesExpression
  );
}

const parsedTexts = new Map<string, TSESTree.Node | null>();

/** Code that cannot be anything but one primary expression: a name, a member path, a plain literal. */
const PLAIN = /^(?:[\w$]+(?:\.[\w$]+)*|'[^'\\\n]*'|"[^"\\\n]*"|\[\]|\{\})$/u;

/**
 * The expression a fix's text is, as a parser reads it (once a text). `null` for what does not
 * parse: a fragment, or TypeScript where TypeScript is not installed.
 */
function expressionOf(text: string): TSESTree.Node | null {
  let expression = parsedTexts.get(text);
  if (expression !== undefined) return expression;
  expression = null;
  try {
    const { parse } =
      require('@typescript-eslint/typescript-estree') as typeof import('@typescript-eslint/typescript-estree');
    // In parentheses, so that `{}` is an object and `function () {}` an expression; ESTree does
    // not keep them. The line break ends a line comment the text may end with.
    const [statement] = parse(`(${text}\n)`, { loggerFn: false }).body;
    if (statement?.type === AST_NODE_TYPES.ExpressionStatement) expression = statement.expression;
  } catch {
    expression = null;
  }
  parsedTexts.set(text, expression);
  return expression;
}

/** Whether `text` binds as one expression in `place`; what does not parse is taken not to. */
function textFits(text: string, place: Place): boolean {
  if (PLAIN.test(text)) return true;
  const expression = expressionOf(text);
  return expression !== null && fits(expression, place);
}

const bracketed = (text: string): string => `(${text})`;

/**
 * `text`, an expression, to write in place of `node`: in parentheses where it would not bind there
 * as one expression (`cond ? a : b` in place of an operand of `||`), or as the operand of an
 * operator would read ambiguously (an arrow function or an `as` expression). Parentheses `node`
 * already has in the source stay, and do.
 */
export function inPlaceOf(sourceCode: Readonly<SourceCode>, node: TSESTree.Node, text: string): string {
  const outer = node.parent?.type === AST_NODE_TYPES.ChainExpression ? node.parent : node;
  if (ASTUtils.isParenthesized(outer, sourceCode)) return text;
  return textFits(text, placeOf(outer)) ? text : bracketed(text);
}

/** The operators a fix writes around an operand. */
export type OperandOf =
  | 'object' // `operand.method()`, `operand.property`
  | '!' // `!operand`
  | '??'; // `operand ?? fallback`

const OPERAND_PLACES: Readonly<Record<OperandOf, Place>> = {
  object: { least: Level.Call, operand: true },
  '!': { least: Level.Unary, operand: true },
  '??': sideOf('??', 'left'),
};

/**
 * The text of an expression as the operand a fix writes it into (`operand.startsWith(…)`,
 * `!(operand)`, `operand ?? '127.0.0.1'`), in parentheses where it would not bind as one there.
 * `expression` is the node the text is of, or `null` for new code, which is parsed.
 */
export function asOperandOf(operator: OperandOf, text: string, expression: TSESTree.Node | null = null): string {
  const place = OPERAND_PLACES[operator];
  const fitting = expression ? fits(expression, place) : textFits(text, place);
  return fitting ? text : bracketed(text);
}
