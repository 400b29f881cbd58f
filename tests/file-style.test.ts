import { Linter } from 'eslint';
import * as parser from '@typescript-eslint/parser';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { describe, expect, it } from 'vitest';
import { fileStyle, inFileStyle, multilineLiteral, quoted, statementEnd, type FileStyle } from '../src/fixes/style';

/** The style `fileStyle` reads from `code`, parsed as TypeScript as the rules see it. */
function styleOf(code: string): FileStyle {
  let style: FileStyle | undefined;
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    {
      files: ['**/*.ts'],
      languageOptions: { parser },
      plugins: {
        style: {
          rules: {
            read: {
              create(context) {
                style = fileStyle(context.sourceCode as unknown as SourceCode);
                return {};
              },
            },
          },
        },
      },
      rules: { 'style/read': 'error' },
    },
    'file.ts',
  );
  expect(messages).toEqual([]);
  return style!;
}

describe('fileStyle', () => {
  it("reads `'` and `;` from a file that shows neither", () => {
    const unread = { quote: "'", semicolons: true, indent: '  ', trailingCommas: true };
    expect(styleOf('')).toEqual(unread);
    expect(styleOf('export function f() {}\nclass A {}\nif (a) {}\n')).toEqual(unread);
  });

  it('reads the quote most string literals are written in', () => {
    expect(styleOf(`import a from "a";\nconst b = 'b';\nconst c = 'c';\n`).quote).toBe("'");
    expect(styleOf(`import a from 'a';\nconst b = "b";\nconst c = "c";\n`).quote).toBe('"');
  });

  it('counts no literal that holds the other quote, nor template literals', () => {
    expect(styleOf(`const a = "it's";\nconst b = "isn't";\nconst c = 'c';\n`).quote).toBe("'");
    expect(styleOf('const a = `a`;\nconst b = `b`;\nconst c = "c";\n').quote).toBe('"');
    expect(styleOf('const a = `a`;\nconst b = `${"b"}`;\n').quote).toBe('"');
  });

  it("takes `'` on a tie", () => {
    expect(styleOf(`const a = "a";\nconst b = 'b';\n`).quote).toBe("'");
  });

  it('reads whether most statements end with `;`', () => {
    expect(styleOf('const a = 1\nconst b = 2\nfoo();\n').semicolons).toBe(false);
    expect(styleOf('const a = 1;\nconst b = 2;\nfoo()\n').semicolons).toBe(true);
    // Semicolons in a `for` head end no statement.
    expect(styleOf('for (let i = 0; i < 3; i++) foo(i)\nconst a = 1\n').semicolons).toBe(false);
    expect(styleOf('import a from "a"\nexport { a }\nexport default a\n').semicolons).toBe(false);
  });

  it('takes `;` on a tie', () => {
    expect(styleOf('const a = 1;\nconst b = 2\n').semicolons).toBe(true);
  });
});

describe('fileStyle: indentation', () => {
  it('reads a tab from a tab-indented file', () => {
    expect(styleOf('function f() {\n\tif (a) {\n\t\tb();\n\t}\n}\n').indent).toBe('\t');
  });

  it('reads the step by which lines go deeper: 2 or 4 spaces', () => {
    expect(styleOf('function f() {\n  if (a) {\n    b();\n  }\n}\n').indent).toBe('  ');
    expect(styleOf('function f() {\n    if (a) {\n        b();\n    }\n}\n').indent).toBe('    ');
  });

  it('takes the most frequent step, not a continuation line', () => {
    const code =
      'function f() {\n  return a\n      .b()\n      .c();\n}\nfunction g() {\n  if (a) {\n    b();\n  }\n}\n';
    expect(styleOf(code).indent).toBe('  ');
  });

  it('reads no line that starts inside a comment or a template literal', () => {
    const code = '/**\n * a\n */\nconst a = `\n    x\n        y`;\nfunction f() {\n\tb();\n}\n';
    expect(styleOf(code).indent).toBe('\t');
  });

  it('takes two spaces where no line is indented', () => {
    expect(styleOf('const a = 1;\n').indent).toBe('  ');
  });
});

describe('fileStyle: trailing commas', () => {
  it('reads whether multi-line literals end with a comma', () => {
    expect(styleOf('const a = {\n  b: 1,\n  c: 2\n};\nconst d = [\n  1,\n  2\n];\n').trailingCommas).toBe(false);
    expect(
      styleOf('const a = {\n  b: 1,\n  c: 2,\n};\nconst d = [\n  1\n];\nconst e = { f: 1 };\n').trailingCommas,
    ).toBe(true);
  });

  it('counts no one-line literal, nor a list that ends with a rest element', () => {
    expect(styleOf('const a = { b: 1, c: 2 };\nconst {\n  d,\n  ...e\n} = a;\n').trailingCommas).toBe(true);
    expect(styleOf('const a = [1, 2,];\nconst b = {\n  c: 1\n};\n').trailingCommas).toBe(false);
  });

  it('counts a parameter pattern by its brackets, not its type', () => {
    expect(styleOf('function f({\n  a,\n  b\n}: {\n  a: string,\n  b: string,\n}) {}\n').trailingCommas).toBe(false);
  });
});

describe('writing in the style', () => {
  const singleSemi: FileStyle = { quote: "'", semicolons: true, indent: '  ', trailingCommas: true };
  const doubleNoSemi: FileStyle = { quote: '"', semicolons: false, indent: '  ', trailingCommas: true };

  it('quotes a string in the quote asked for, escaping it', () => {
    expect(quoted('127.0.0.1', { quote: "'" })).toBe("'127.0.0.1'");
    expect(quoted('127.0.0.1', { quote: '"' })).toBe('"127.0.0.1"');
    expect(quoted(`it's "x"\\`, { quote: "'" })).toBe(`'it\\'s "x"\\\\'`);
    expect(quoted(`it's "x"`, { quote: '"' })).toBe(`"it's \\"x\\""`);
  });

  it('ends a statement with `;` or nothing', () => {
    expect(statementEnd({ semicolons: true })).toBe(';');
    expect(statementEnd({ semicolons: false })).toBe('');
  });

  it('rewrites code written in the fixes’ own style, and leaves it where the file shares it', () => {
    const code =
      "// the request's origin;\n/** it's '' */\nconst a = 'it\\'s';\nfor (let i = 0; i < 2; i++) f(';');\nconst b = `x;`;\nconst c = \"q\";";
    expect(inFileStyle(code, singleSemi)).toBe(code);
    expect(inFileStyle(code, doubleNoSemi)).toBe(
      "// the request's origin;\n/** it's '' */\n" +
        'const a = "it\'s"\nfor (let i = 0; i < 2; i++) f(";")\nconst b = `x;`\nconst c = "q"',
    );
  });

  const tabs: FileStyle = { quote: "'", semicolons: true, indent: '\t', trailingCommas: true };
  const four: FileStyle = { quote: "'", semicolons: true, indent: '    ', trailingCommas: false };

  it('indents each line after the first by the file’s unit a level, after the base', () => {
    const code = "if (!ok) {\n  res.end('no');\n  return;\n}";
    expect(inFileStyle(code, tabs, '\t')).toBe("if (!ok) {\n\t\tres.end('no');\n\t\treturn;\n\t}");
    expect(inFileStyle(code, four, '    ')).toBe("if (!ok) {\n        res.end('no');\n        return;\n    }");
    expect(inFileStyle(code, singleSemi, '  ')).toBe("if (!ok) {\n    res.end('no');\n    return;\n  }");
    expect(inFileStyle(code, doubleNoSemi, '\t')).toBe('if (!ok) {\n\t  res.end("no")\n\t  return\n\t}');
  });

  it('keeps the `*` of a doc comment under its `/**`, and puts no indentation on a blank line', () => {
    const code = 'function f() {\n  /**\n   * Why.\n   */\n  a();\n\n  b();\n}';
    expect(inFileStyle(code, tabs)).toBe('function f() {\n\t/**\n\t * Why.\n\t */\n\ta();\n\n\tb();\n}');
  });

  it('leaves the lines of a template literal as they are', () => {
    const code = 'const a = `\n  x`;\nif (a) {\n  b();\n}';
    expect(inFileStyle(code, tabs)).toBe('const a = `\n  x`;\nif (a) {\n\tb();\n}');
  });

  it('lays out a multi-line object one property a line, with a trailing comma where the file has them', () => {
    expect(multilineLiteral(['a: 1', 'b: 2'], singleSemi, '  ')).toBe('{\n    a: 1,\n    b: 2,\n  }');
    expect(multilineLiteral(['a: 1', 'b: 2'], four, '')).toBe('{\n    a: 1,\n    b: 2\n}');
    expect(multilineLiteral(['a: 1'], tabs, '\t')).toBe('{\n\t\ta: 1,\n\t}');
    expect(multilineLiteral(['a', 'b'], four, '', '[]')).toBe('[\n    a,\n    b\n]');
  });
});
