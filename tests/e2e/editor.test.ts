// VS Code's ESLint extension, minus VS Code: the extension's language server
// (`vscode-eslint-language-server`, from vscode-langservers-extracted) driven over stdio the way
// the editor drives it. It shows the squiggles a user sees in each vulnerable example, the quick
// fixes of each squiggle's light bulb (the rule's autofix and suggestions, by title), and what
// `"editor.codeActionsOnSave": { "source.fixAll.eslint": "explicit" }` does to the file on save,
// with the `fail-closed` config that the README gives for fixing on save (the `recommended` rules,
// each with its fail-closed change as the autofix rather than the first suggestion).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../src/rules';
import { exampleFiles, exampleRole, examplesDir, root, runEslintCli, type CliResult } from '../support/e2e';
import { applyTextEdits, LspClient, type LspRange, type LspTextEdit } from './lsp-client';

const serverBin = path.join(root, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');

// The workspace is a folder inside the repo, whose eslint.config.mjs imports the plugin by its
// package name: Node resolves that name to this repo's own build (a package may import itself),
// and `eslint` and the TypeScript parser to the repo's node_modules, which is what a user's
// project gives the server too. A packed install would cost an `npm install` for no more
// evidence: consumer.test.ts already proves the packed package loads, and
// eslint-versions.test.ts lints through one.
const workspace = path.join(root, '.tmp', `e2e-editor-${process.pid}`);
const CONFIG = `import tsParser from '@typescript-eslint/parser';
import mcpCors from 'eslint-plugin-mcp-cors';

export default [
  { files: ['**/*.{ts,mts,cts}'], languageOptions: { parser: tsParser } },
  mcpCors.configs['fail-closed'],
];
`;

// Modelled on what the extension's client answers to `workspace/configuration` when the user has
// changed no `eslint.*` setting (the defaults of dbaeumer.vscode-eslint). The server
// reads these keys without defaults of its own (`settings.problems.shortenToSingleLine`,
// `settings.codeAction.showDocumentation.enable`, `settings.nodePath !== null`, ...), so each must
// be present. Left out on purpose: `workingDirectory`, which the client sends only when
// `eslint.workingDirectories` is set (the server then takes the folder of the nearest
// eslint.config.*), and `useFlatConfig` / `experimental.useFlatConfig`: ESLint 10 lints with flat
// config anyway, and `experimental.useFlatConfig: true` makes the server look for the `FlatESLint`
// class that ESLint 10 no longer exports.
const settings = {
  validate: 'on',
  packageManager: 'npm',
  useESLintClass: false,
  experimental: {},
  codeAction: {
    disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
    showDocumentation: { enable: true },
  },
  codeActionOnSave: { mode: 'all' },
  format: false,
  quiet: false,
  onIgnoredFiles: 'off',
  options: {},
  rulesCustomizations: [],
  run: 'onType',
  problems: { shortenToSingleLine: false },
  nodePath: null,
  workspaceFolder: { uri: pathToFileURL(workspace).href, name: path.basename(workspace) },
};

interface Diagnostic {
  range: LspRange;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
}
interface DiagnosticReport {
  kind: 'full' | 'unchanged';
  items?: Diagnostic[];
}
interface CodeAction {
  title: string;
  kind?: string;
  edit?: {
    documentChanges?: { textDocument: { uri: string; version: number | null }; edits: LspTextEdit[] }[];
    changes?: Record<string, LspTextEdit[]>;
  };
  data?: unknown;
}

// ESLint's positions are 1-based lines and columns; LSP's are 0-based lines and UTF-16 characters.
// ESLint columns count UTF-16 code units too, so only the base changes.
const SEVERITY = { 1: 2, 2: 1 } as const; // ESLint warning/error -> LSP Warning/Error
const asDiagnostic = (
  message: CliResult['messages'][number] & { endLine?: number; endColumn?: number; severity?: 1 | 2 },
) => ({
  code: message.ruleId,
  message: message.message,
  severity: SEVERITY[message.severity ?? 2],
  range: {
    start: { line: message.line - 1, character: message.column - 1 },
    end: { line: (message.endLine ?? message.line) - 1, character: (message.endColumn ?? message.column) - 1 },
  },
});
const summarise = (diagnostic: Diagnostic) => ({
  code: diagnostic.code,
  message: diagnostic.message,
  severity: diagnostic.severity,
  range: diagnostic.range,
});
const byPosition = <T extends { range: LspRange; code?: unknown }>(list: T[]): T[] =>
  [...list].sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      String(a.code).localeCompare(String(b.code)),
  );

const vulnerable = exampleFiles().filter((file) => exampleRole(file) === 'vulnerable');

describe('the ESLint language server of VS Code, on the vulnerable examples', () => {
  let server: LspClient;
  /**
   * The eslint CLI's reports on each workspace file, and its `--fix-dry-run` output: what the
   * editor must agree with.
   */
  const cliReports = new Map<string, CliResult>();
  const cliFixed = new Map<string, CliResult & { output?: string }>();

  beforeAll(async () => {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.mkdirSync(workspace, { recursive: true });
    fs.writeFileSync(path.join(workspace, 'eslint.config.mjs'), CONFIG);
    const files = vulnerable.map((file) => {
      const copy = path.join(workspace, path.relative(examplesDir, file));
      fs.mkdirSync(path.dirname(copy), { recursive: true });
      fs.copyFileSync(file, copy);
      return copy;
    });
    for (const result of runEslintCli(workspace, files)) cliReports.set(result.filePath, result);
    for (const result of runEslintCli(workspace, ['--fix-dry-run', ...files])) cliFixed.set(result.filePath, result);

    server = new LspClient(process.execPath, [serverBin, '--stdio'], { cwd: workspace });
    server.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => settings));
    server.onRequest('client/registerCapability', () => null);
    server.onRequest('window/workDoneProgress/create', () => null);
    server.onRequest('workspace/diagnostic/refresh', () => null);
    // The server asks these when it cannot lint: answer, and let the assertions below report it.
    for (const method of ['eslint/noConfig', 'eslint/noLibrary', 'eslint/probeFailed', 'eslint/openDoc']) {
      server.onRequest(method, () => ({}));
    }
    await server.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'eslint-plugin-mcp-cors e2e' },
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: path.basename(workspace) }],
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          applyEdit: true,
          workspaceEdit: { documentChanges: true },
          diagnostics: { refreshSupport: true },
        },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          // Pull diagnostics: this server answers textDocument/diagnostic and publishes nothing.
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          codeAction: {
            dynamicRegistration: false,
            isPreferredSupport: true,
            codeActionLiteralSupport: {
              codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll', 'source.fixAll.eslint'] },
            },
          },
        },
        window: { workDoneProgress: true },
      },
    });
    server.notify('initialized', {});
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  /** The eslint/status notifications the server sent about a document: one per lint that ran. */
  const statuses = (uri: string) =>
    server.received.filter(
      (message) => message.method === 'eslint/status' && (message.params as { uri: string }).uri === uri,
    );

  /** Pulls a document's diagnostics; the first pull of a session also loads ESLint and the config. */
  async function pullDiagnostics(uri: string, expectItems: boolean): Promise<Diagnostic[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const before = statuses(uri).length;
      const report = await server.request<DiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
      expect(report.kind).toBe('full');
      const items = report.items ?? [];
      if (items.length > 0 || !expectItems || Date.now() > deadline) {
        // The server answers an empty report too when it could not lint; then it sends no status,
        // or an error status, for this pull. (It sends the status before the answer.)
        const after = statuses(uri);
        expect(after.length, `no eslint/status for ${uri}\n${server.log()}`).toBeGreaterThan(before);
        expect(after.at(-1)?.params, `eslint/status for ${uri}\n${server.log()}`).toMatchObject({ state: 1 });
        return items;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  it.each(vulnerable.map((file) => [path.relative(examplesDir, file)]))(
    '%s: the squiggles are the CLI reports, and fix on save gives the `eslint --fix` output, which lints clean',
    async (relative) => {
      const file = path.join(workspace, relative);
      const uri = pathToFileURL(file).href;
      const text = fs.readFileSync(file, 'utf8');
      const languageId = /\.[mc]?ts$/u.test(file) ? 'typescript' : 'javascript';
      const expected = cliReports.get(file)!.messages;
      expect(expected.filter((message) => message.fatal)).toEqual([]);
      // A vulnerable example that the config does not report would make this test prove nothing.
      expect(expected.length, `${relative} draws no report from the fail-closed config`).toBeGreaterThan(0);

      server.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      try {
        const diagnostics = await pullDiagnostics(uri, true);
        expect(byPosition(diagnostics.map(summarise))).toEqual(byPosition(expected.map(asDiagnostic)));
        for (const diagnostic of diagnostics) {
          // The rule id in the hover links to the rule's doc.
          expect(diagnostic.source).toBe('eslint');
          expect(diagnostic.code).toMatch(/^mcp-cors\//u);
          const ruleName = String(diagnostic.code).replace(/^mcp-cors\//u, '') as keyof typeof rules;
          expect(diagnostic.codeDescription?.href).toMatch(/^https:\/\//u);
          expect(diagnostic.codeDescription?.href).toBe(rules[ruleName].meta.docs?.url);
        }

        // The light bulb on each squiggle (what VS Code asks for at the cursor): the rule's own
        // quick fixes are its autofix and its suggestions, in the order and with the titles the
        // CLI's JSON gives them.
        for (const diagnostic of diagnostics) {
          const quickFixes = await server.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri },
            range: diagnostic.range,
            context: { diagnostics: [diagnostic], only: ['quickfix'], triggerKind: 1 },
          });
          const report = expected.find(
            (message) =>
              message.ruleId === diagnostic.code &&
              message.line - 1 === diagnostic.range.start.line &&
              message.column - 1 === diagnostic.range.start.character,
          )!;
          const ruleActions = quickFixes
            .map((action) => action.title)
            .filter((title) => !/^(?:Disable |Show documentation |Fix all )/u.test(title));
          expect(ruleActions, `${relative}:${report.line} ${diagnostic.code}`).toEqual([
            ...(report.fix ? [`Fix this ${String(diagnostic.code)} problem`] : []),
            // The extension names the rule after each suggestion's own title.
            ...(report.suggestions ?? []).map((suggestion) => `${suggestion.desc} (${String(diagnostic.code)})`),
          ]);
          expect(quickFixes.map((action) => action.title)).toContain(
            `Show documentation for ${String(diagnostic.code)}`,
          );
        }

        // What VS Code sends on save for "source.fixAll.eslint" in editor.codeActionsOnSave.
        const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } },
          context: { diagnostics, only: ['source.fixAll.eslint'], triggerKind: 2 },
        });
        const fixAll = actions.filter((action) => action.kind === 'source.fixAll.eslint');
        expect(fixAll, JSON.stringify(actions)).toHaveLength(1);
        let action = fixAll[0]!;
        if (!action.edit && action.data !== undefined)
          action = await server.request<CodeAction>('codeAction/resolve', action);
        const documentEdits = action.edit?.documentChanges ?? [];
        expect(documentEdits.map((edit) => edit.textDocument)).toEqual([{ uri, version: 1 }]);
        const edits = [...documentEdits.flatMap((edit) => edit.edits), ...(action.edit?.changes?.[uri] ?? [])];
        const fixed = applyTextEdits(text, edits);
        expect(fixed).toBe(cliFixed.get(file)!.output ?? text);
        expect(fixed).not.toBe(text);

        // The saved file, as the editor holds it after the edit, draws no further report.
        server.notify('textDocument/didChange', {
          textDocument: { uri, version: 2 },
          contentChanges: [{ text: fixed }],
        });
        const after = await pullDiagnostics(uri, false);
        expect(after.map(summarise)).toEqual([]);
        expect(cliFixed.get(file)!.messages).toEqual([]);
      } finally {
        server.notify('textDocument/didClose', { textDocument: { uri } });
      }
    },
    60_000,
  );

  it('linted with the ESLint that the CLI ran, and asked the client nothing that means it could not lint', () => {
    expect(server.log()).toContain(`ESLint library loaded from: ${path.join(root, 'node_modules/eslint')}${path.sep}`);
    const failures = server.received.filter((message) =>
      ['eslint/noConfig', 'eslint/noLibrary', 'eslint/probeFailed', 'eslint/exitCalled'].includes(message.method),
    );
    expect(failures, server.log()).toEqual([]);
  });
});
