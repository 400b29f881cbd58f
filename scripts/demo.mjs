// `npm run demo`: lints the example MCP servers in examples/ with every rule of the plugin,
// as a user's `eslint .` would, and prints the findings. It exits 0 when the run itself worked
// (the vulnerable examples are meant to draw reports) and 1 when a file could not be linted.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const examplesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples');
const eslint = new ESLint({ cwd: examplesDir });
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

const count = (pick) => results.filter(pick).reduce((sum, result) => sum + result.messages.length, 0);
// `hono/hardened.ts`, or a server whose framework names its files: `mcp-handler/hardened/app/…/route.ts`.
const isHardened = (result) =>
  (path.relative(examplesDir, result.filePath).split(path.sep)[1] ?? '').startsWith('hardened');
const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal));
const fixable = results.reduce((sum, result) => sum + result.fixableErrorCount + result.fixableWarningCount, 0);
console.log(
  `${results.length} example files linted: ${count((result) => !isHardened(result))} findings in the vulnerable servers ` +
    `(${fixable} fixable with eslint --fix), ${count(isHardened)} in the hardened ones.`,
);
if (fatal.length > 0) {
  console.error(`${fatal.length} files could not be parsed.`);
  process.exitCode = 1;
}
