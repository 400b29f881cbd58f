import { Linter } from 'eslint';
import * as parser from '@typescript-eslint/parser';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { describe, expect, it } from 'vitest';
import { fileStyle, inFileStyle, quoted, statementEnd, type FileStyle } from '../src/fixes/style';

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
    expect(styleOf('')).toEqual({ quote: "'", semicolons: true });
    expect(styleOf('export function f() {}\nclass A {}\nif (a) {}\n')).toEqual({ quote: "'", semicolons: true });
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

describe('writing in the style', () => {
  const doubleNoSemi: FileStyle = { quote: '"', semicolons: false };

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
    expect(inFileStyle(code, { quote: "'", semicolons: true })).toBe(code);
    expect(inFileStyle(code, doubleNoSemi)).toBe(
      "// the request's origin;\n/** it's '' */\n" +
        'const a = "it\'s"\nfor (let i = 0; i < 2; i++) f(";")\nconst b = `x;`\nconst c = "q"',
    );
  });
});
