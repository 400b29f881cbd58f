import { parseForESLint } from '@typescript-eslint/parser';
import { simpleTraverse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceCode as TSSourceCode } from '@typescript-eslint/utils/ts-eslint';
import { SourceCode } from 'eslint';
import { describe, expect, it } from 'vitest';
import { asOperandOf, inPlaceOf } from '../src/fixes/parentheses';
import rule from '../src/rules/no-unsafe-origin-match';
import { createRuleTester } from './rule-tester';

/**
 * `code` with the place a fix writes to between `«` and `»`: the node that spans it exactly, and
 * the source code it is in.
 */
function place(marked: string): { node: TSESTree.Node; sourceCode: TSSourceCode } {
  const start = marked.indexOf('«');
  const end = marked.indexOf('»') - 1;
  const text = marked.replace('«', '').replace('»', '');
  const { ast, visitorKeys } = parseForESLint(text, { range: true, loc: true, tokens: true, comment: true });
  let found: TSESTree.Node | undefined;
  simpleTraverse(
    ast,
    {
      visitorKeys,
      enter(node) {
        // The outermost expression of the span: `a?.b` is its chain, not the member inside it.
        const statement = node.type === 'Program' || node.type === 'ExpressionStatement';
        if (!found && !statement && node.range[0] === start && node.range[1] === end) found = node;
      },
    },
    true,
  );
  if (!found) throw new Error(`no node spans «» in ${marked}`);
  const sourceCode = new SourceCode({ text, ast: ast as never, visitorKeys: visitorKeys as never });
  return { node: found, sourceCode: sourceCode as unknown as TSSourceCode };
}

/** The code once the text is written in place of the marked node. */
function replaced(marked: string, text: string): string {
  const { node, sourceCode } = place(marked);
  const written = inPlaceOf(sourceCode, node, text);
  return sourceCode.text.slice(0, node.range[0]) + written + sourceCode.text.slice(node.range[1]);
}

describe('inPlaceOf', () => {
  it.each([
    // The grammar asks for them.
    ['a || «b»', 'c ?? d', 'a || (c ?? d)'],
    ['«a» ?? b', 'c || d', '(c || d) ?? b'],
    ['a && «b»', 'c || d', 'a && (c || d)'],
    ['!«a»', 'b === c', '!(b === c)'],
    ['«a».toString()', 'b === c', '(b === c).toString()'],
    ['«a»()', 'b || c', '(b || c)()'],
    ['new «A»()', 'f()', 'new (f())()'],
    ['a - «b»', 'c - d', 'a - (c - d)'],
    ['«a» ** 2', '-b', '(-b) ** 2'],
    ['f(«a»)', 'b, c', 'f((b, c))'],
    ['«a»?.b', 'c ?? d', '(c ?? d)?.b'],
    ['«a» satisfies boolean', 'b === c', '(b === c) satisfies boolean'],
    // And where they would not change a thing, none.
    ['a ?? «b»', 'c ?? d', 'a ?? c ?? d'],
    ['a || «b»', 'c === d || e', 'a || c === d || e'],
    ['«a» - b', 'c - d', 'c - d - b'],
    ['2 ** «a»', '-b', '2 ** -b'],
    ['if («a») {}', 'b || c', 'if (b || c) {}'],
    ['f(«a»)', '() => 1', 'f(() => 1)'],
    ['const x = { origin: «a» };', '() => 1', 'const x = { origin: () => 1 };'],
    ['!«a»', 'b.c()', '!b.c()'],
    ['«a».has(x)', 'new Set(list)', 'new Set(list).has(x)'],
    ['c ? «a» : d', "'127.0.0.1'", "c ? '127.0.0.1' : d"],
    // For the reader: an arrow function or a type assertion among operators, and a logical
    // condition of `?:`, as Prettier and no-mixed-operators put them.
    ['c ? «a» : d', "() => ''", "c ? (() => '') : d"],
    ["a ?? «'*'»", "() => ''", "a ?? (() => '')"],
    ['a || «b»', '[] as string[]', 'a || ([] as string[])'],
    ['«a» as string', '() => 1', '(() => 1) as string'],
    ['«a» ? 1 : 2', 'b || c', '(b || c) ? 1 : 2'],
    // Parentheses the code has already stay, and are enough.
    ['a && («b»)', 'c || d', 'a && (c || d)'],
    ['!(«a»)', 'b === c', '!(b === c)'],
    // What does not parse as one expression is taken not to bind.
    ['a || «b»', 'c ||', 'a || (c ||)'],
  ])('%s with %s', (marked, text, expected) => {
    expect(replaced(marked, text)).toBe(expected);
  });
});

describe('asOperandOf', () => {
  /** The operand as a node of its own code, as the rules hand it over. */
  const operand = (text: string): TSESTree.Node => place(`«${text}»`).node;

  it.each([
    ['object', 'origin', 'origin'],
    ['object', 'req.headers.origin', 'req.headers.origin'],
    ['object', 'origin!', 'origin!'],
    ['object', 'getOrigin()', 'getOrigin()'],
    ['object', 'new URL(url)', 'new URL(url)'],
    ['object', 'await getOrigin()', '(await getOrigin())'],
    ['object', 'origin as string', '(origin as string)'],
    ['object', 'a || b', '(a || b)'],
    ['!', 'origin.endsWith(x)', 'origin.endsWith(x)'],
    ['!', 'a === b || c.endsWith(d)', '(a === b || c.endsWith(d))'],
    ['??', 'process.env.HOST', 'process.env.HOST'],
    ['??', 'a ?? b', 'a ?? b'],
    ['??', 'a | b', 'a | b'],
    ['??', 'await host()', 'await host()'],
    ['??', 'a || b', '(a || b)'],
    ['??', 'a && b', '(a && b)'],
    ['??', 'c ? a : b', '(c ? a : b)'],
  ] as const)('%s: %s', (operator, text, expected) => {
    // The same from the node the text is of as from the text alone, which is parsed.
    expect(asOperandOf(operator, text, operand(text))).toBe(expected);
    expect(asOperandOf(operator, text)).toBe(expected);
  });
});

// no-unsafe-origin-match put its rewrite of a check that was already in parentheses in another
// pair of its own: `((origin === … || …)) && …`.
createRuleTester().run('a check already in parentheses gets no second pair', rule, {
  valid: [],
  invalid: [
    {
      code: `import { cors } from 'hono/cors';
honoApp.use('/mcp', cors({ origin: (origin) => ((origin.endsWith('example.com')) && origin.length < 80 ? origin : null) }));`,
      output: `import { cors } from 'hono/cors';
honoApp.use('/mcp', cors({ origin: (origin) => ((origin.endsWith('//example.com') || origin.endsWith('.example.com')) && origin.length < 80 ? origin : null) }));`,
      errors: [
        {
          messageId: 'unsafeOriginCheck',
          data: { check: "`origin.endsWith('example.com')`", example: 'https://evilexample.com', credentials: '' },
          line: 2,
          column: 50,
          endLine: 2,
          endColumn: 80,
          suggestions: [],
        },
      ],
    },
  ],
});
