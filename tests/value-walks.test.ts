import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index';
import { holdsThrough } from '../src/analysis/values';
import { CASES_ROOT } from './rule-tester';

// `holdsThrough` looks through the names an expression uses to their values, a few names deep. A
// long function whose constants each use the ones before several times (`const l2 = [l1, l1, l1,
// l1]`) has a number of paths through them that grows as the width to the power of the depth;
// each value is looked through again only with more names left, so the work stays in proportion
// to the values. Counted by the calls of the test, not by the clock.

/** `depth` constants, each an array of `width` reads of the one before, and a last line that reads the deepest. */
function chain(width: number, depth: number): string {
  const lines = ['const l0 = [process.env.A, process.env.B];'];
  for (let level = 1; level <= depth; level++) {
    lines.push(`const l${level} = [${Array.from({ length: width }, () => `l${level - 1}`).join(', ')}];`);
  }
  lines.push(`export const last = l${depth};`);
  return lines.join('\n');
}

/** How many nodes `holdsThrough` tests, looking for what is never there, from the last line's `l<depth>`. */
function testedNodes(code: string, names: number): number {
  let tested = 0;
  const probe: TSESLint.RuleModule<'never', []> = {
    meta: { type: 'problem', messages: { never: 'never' }, schema: [] },
    defaultOptions: [],
    create: () => ({
      'ExportNamedDeclaration > VariableDeclaration > VariableDeclarator'(node: TSESTree.VariableDeclarator) {
        holdsThrough(
          node.init!,
          () => {
            tested++;
            return false;
          },
          names,
        );
      },
    }),
  };
  const linter = new Linter({ configType: 'flat', cwd: CASES_ROOT });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as never },
        // A rule of the plugin makes the module one the analysis reads.
        plugins: { 'mcp-cors': plugin as never, probe: { rules: { probe } } as never },
        rules: { 'mcp-cors/require-loopback-host': 'error', 'probe/probe': 'error' },
      },
    ],
    'chain.ts',
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return tested;
}

describe('holdsThrough', () => {
  it('looks through each value once per names left, however many paths lead to it', () => {
    // 7 arrays of 8 reads: 8^6 paths six names deep, but 8 nodes and a few reads per value.
    expect(testedNodes(chain(8, 7), 6)).toBeLessThan(1000);
  });

  it('still reaches a value as deep as it may look', () => {
    let found = false;
    const probe: TSESLint.RuleModule<'never', []> = {
      meta: { type: 'problem', messages: { never: 'never' }, schema: [] },
      defaultOptions: [],
      create: () => ({
        'ExportNamedDeclaration > VariableDeclaration > VariableDeclarator'(node: TSESTree.VariableDeclarator) {
          found = holdsThrough(node.init!, (inner) => inner.type === 'MemberExpression', 4);
        },
      }),
    };
    const linter = new Linter({ configType: 'flat', cwd: CASES_ROOT });
    linter.verify(
      chain(3, 3),
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser as never },
          plugins: { 'mcp-cors': plugin as never, probe: { rules: { probe } } as never },
          rules: { 'mcp-cors/require-loopback-host': 'error', 'probe/probe': 'error' },
        },
      ],
      'chain.ts',
    );
    // l3, l2, l1, l0: four names to the value of l0, whose `process.env.A` is the member expression.
    expect(found).toBe(true);
  });
});
