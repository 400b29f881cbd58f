import rule from '../../src/rules/require-loopback-host';
import { createRuleTester } from '../rule-tester';

// A host that the command line or a schema of the environment gives, with a default the parser
// fills in when it is not given: commander, yargs, `node:util`'s `parseArgs` and zod. The
// default is the host of every start that does not name one, and is reported where it is written.

const ruleTester = createRuleTester();

const NODE_HTTP = '`server.listen()` on a `node:http` server';

/** A VS Code extension whose MCP server binds the `host` setting, read with `fallback` as its default. */
const EDITOR_SETTING = (fallback: string): string => `import * as vscode from 'vscode';
import * as http from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
export function activate() {
  const settings = vscode.workspace.getConfiguration('notesMcp');
  const host = settings.get<string>('host', ${fallback});
  const server = http.createServer(async (req, res) => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await transport.handleRequest(req, res);
  });
  server.listen(settings.get<number>('port', 3939), host);
}`;

/** A NestJS app that binds `HOST` from `ConfigService`, with `fallback` as its default. */
const NEST_CONFIG = (fallback: string): string => `import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  const config = app.get(ConfigService);
  await app.listen(config.get<number>('PORT', 3000), config.get<string>('HOST', ${fallback}));
}
void bootstrap();`;

const EXPRESS = '`app.listen()` of Express';

/** The error on a default host (`'0.0.0.0'` unless named) at `line`:`column`, with its loopback suggestions. */
function defaultHost(code: string, line: number, column: number, host = "'0.0.0.0'") {
  return {
    messageId: 'everyInterface' as const,
    data: { api: EXPRESS, hostLabel: 'host', values: `\`${host}\`` },
    line,
    column,
    endLine: line,
    endColumn: column + host.length,
    suggestions: (
      [
        ['useIpv4Loopback', "'127.0.0.1'"],
        ['useIpv6Loopback', "'::1'"],
        ['useLocalhost', "'localhost'"],
      ] as const
    ).map(([messageId, loopback]) => ({ messageId, output: code.replace(host, loopback) })),
  };
}

/**
 * The error on a host that an option with no default leaves `undefined`, at the host handed over
 * (`line`:`column`…`endColumn`), naming the line that declares the option.
 */
function noDefault(line: number, column: number, endColumn: number, declaredAt: number, api = EXPRESS) {
  return {
    messageId: 'everyInterface' as const,
    data: { api, hostLabel: 'host', values: `\`undefined\` (from file.ts:${declaredAt})` },
    line,
    column,
    endLine: line,
    endColumn,
    suggestions: [],
  };
}

const COMMANDER_OPTS = `import { Command } from 'commander';
import express from 'express';

const program = new Command();
program.option('--host <host>', 'address to bind', '0.0.0.0').option('--port <port>', 'port', '3000');
program.parse();
const options = program.opts();
const app = express();
app.listen(Number(options.port), options.host);`;

const COMMANDER_ACTION = `import { program } from 'commander';
import express from 'express';

program
  .option('--host <host>', 'address to bind', '::')
  .action((options) => {
    const app = express();
    app.listen(3000, options.host);
  });
program.parse();`;

const YARGS_PARSE_SYNC = `import yargs from 'yargs';
import express from 'express';

const argv = yargs(process.argv.slice(2)).option('host', { type: 'string', default: '0.0.0.0' }).parseSync();
const app = express();
app.listen(3000, argv.host);`;

/** yargs' \`parseAsync()\`, awaited, gives the parsed options as \`parse()\` does. */
const yargsParseAsync = (host: string): string => `import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import express from 'express';

const argv = await yargs(hideBin(process.argv))
  .env('MY_SERVER')
  .options({ host: { type: 'string', default: ${host} } })
  .parseAsync();
const app = express();
app.listen(3000, argv.host);`;

const PARSE_ARGS = `import { parseArgs } from 'node:util';
import express from 'express';

const { values } = parseArgs({ options: { host: { type: 'string', default: '0.0.0.0' } } });
const app = express();
app.listen(3000, values.host);`;

/** A zod schema of the environment read with \`parse\` or an awaited \`parseAsync\`. */
const zodEnvironment = (read: string): string => `import { z } from 'zod';
import express from 'express';

const Env = z.object({ HOST: z.string().default('0.0.0.0'), PORT: z.coerce.number().default(3000) });
const env = ${read}(process.env);
const app = express();
app.listen(env.PORT, env.HOST);`;

ruleTester.run('require-loopback-host: command-line and schema defaults', rule, {
  valid: [
    {
      name: 'a VS Code setting and a `ConfigService` value read with a loopback default',
      code: EDITOR_SETTING("'127.0.0.1'"),
    },
    { name: '`ConfigService.get(name, default)` with `localhost`', code: NEST_CONFIG("'localhost'") },
    {
      name: 'a `get(name, default)` of any other object is not a setting read',
      code: `import express from 'express';
import { registry } from './registry';
const app = express();
app.listen(3000, registry.get('host', '0.0.0.0'));`,
    },
    { name: 'yargs `parseAsync()` with a loopback default', code: yargsParseAsync("'127.0.0.1'") },
    {
      name: 'commander with a loopback default',
      code: COMMANDER_OPTS.replace("'0.0.0.0'", "'localhost'"),
    },
    {
      name: 'a yargs option the user must give (`demandOption`) has no default to judge',
      code: `import yargs from 'yargs';
import express from 'express';

const argv = yargs(process.argv.slice(2)).option('host', { type: 'string', demandOption: true }).parseSync();
const app = express();
app.listen(3000, argv.host);`,
    },
    {
      name: 'an unawaited `parseAsync()` is a promise: what its `then` gives is not read',
      code: `import yargs from 'yargs';
import express from 'express';

const pending = yargs(process.argv.slice(2)).options({ host: { type: 'string', default: '0.0.0.0' } }).parseAsync();
pending.then((argv) => {
  const app = express();
  app.listen(3000, argv.host);
});`,
    },
    {
      name: 'a zod schema with a loopback default, read with `parseAsync`',
      code: zodEnvironment('await Env.parseAsync').replace("'0.0.0.0'", "'127.0.0.1'"),
    },
  ],
  invalid: [
    {
      name: 'commander: `program.opts()` after `.option(flags, description, default)`',
      code: COMMANDER_OPTS,
      output: null,
      errors: [defaultHost(COMMANDER_OPTS, 5, 52)],
    },
    {
      name: 'commander: the options `.action()` hands its callback',
      code: COMMANDER_ACTION,
      output: null,
      errors: [defaultHost(COMMANDER_ACTION, 5, 47, "'::'")],
    },
    {
      name: 'yargs: `.option(name, { default })` through `parseSync()`',
      code: YARGS_PARSE_SYNC,
      output: null,
      errors: [defaultHost(YARGS_PARSE_SYNC, 4, 85)],
    },
    {
      name: 'yargs: `.options({ name: { default } })` through an awaited `parseAsync()`',
      code: yargsParseAsync("'0.0.0.0'"),
      output: null,
      errors: [defaultHost(yargsParseAsync("'0.0.0.0'"), 7, 47)],
    },
    {
      name: "`node:util`'s `parseArgs`: `values` of its options' defaults",
      code: PARSE_ARGS,
      output: null,
      errors: [defaultHost(PARSE_ARGS, 4, 76)],
    },
    {
      name: "zod: a schema's `.default()` through `parse(process.env)`",
      code: zodEnvironment('Env.parse'),
      output: null,
      errors: [defaultHost(zodEnvironment('Env.parse'), 4, 49)],
    },
    {
      name: "zod: a schema's `.default()` through an awaited `parseAsync(process.env)`",
      code: zodEnvironment('await Env.parseAsync'),
      output: null,
      errors: [defaultHost(zodEnvironment('await Env.parseAsync'), 4, 49)],
    },
    {
      name: 'a VS Code setting read with a default: the default is what binds until the user sets one',
      code: EDITOR_SETTING("'0.0.0.0'"),
      output: null,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: NODE_HTTP, hostLabel: 'host', values: "`'0.0.0.0'`" },
          line: 6,
          column: 45,
          endLine: 6,
          endColumn: 54,
          suggestions: (
            [
              ['useIpv4Loopback', "'127.0.0.1'"],
              ['useIpv6Loopback', "'::1'"],
              ['useLocalhost', "'localhost'"],
            ] as const
          ).map(([messageId, loopback]) => ({ messageId, output: EDITOR_SETTING(loopback) })),
        },
      ],
    },
    {
      name: "`@nestjs/config`'s `ConfigService.get(name, default)` given `'::'`, in the host argument itself",
      code: NEST_CONFIG("'::'"),
      output: null,
      errors: [
        {
          messageId: 'everyInterface',
          data: { api: '`app.listen()` of NestJS', hostLabel: 'host', values: "`'::'`" },
          line: 8,
          column: 54,
          endLine: 8,
          endColumn: 86,
          suggestions: (
            [
              ['useIpv4Loopback', "'127.0.0.1'"],
              ['useIpv6Loopback', "'::1'"],
              ['useLocalhost', "'localhost'"],
            ] as const
          ).map(([messageId, loopback]) => ({ messageId, output: NEST_CONFIG(loopback) })),
        },
      ],
    },
    {
      name: 'yargs: an option with no default is `undefined` when not given, reported where it is bound',
      code: `import yargs from 'yargs';
import express from 'express';

const argv = yargs(process.argv.slice(2)).option('host', { type: 'string' }).parseSync();
const app = express();
app.listen(3000, argv.host);`,
      output: null,
      errors: [noDefault(6, 18, 27, 4)],
    },
    {
      name: 'yargs: an `.options({…})` entry with no default, read through `.argv`, reported where it is bound',
      code: `import yargs from 'yargs';
import express from 'express';

const argv = yargs(process.argv.slice(2)).options({ host: { type: 'string' } }).argv;
const app = express();
app.listen(3000, argv.host);`,
      output: null,
      errors: [noDefault(6, 18, 27, 4)],
    },
    {
      name: 'commander: an option with no default, reported where it is bound, naming its line; no fix writes a host',
      code: `import { Command } from 'commander';
import express from 'express';

const program = new Command();
program.option('--host <host>', 'address to bind');
program.parse();
const options = program.opts();
const app = express();
app.listen(3000, options.host);`,
      output: null,
      errors: [noDefault(9, 18, 30, 5)],
    },
    {
      name: '`parseArgs`: an option with no default, reported where it is bound',
      code: `import { parseArgs } from 'node:util';
import express from 'express';

const { values } = parseArgs({ options: { host: { type: 'string' } } });
const app = express();
app.listen(3000, values.host);`,
      output: null,
      errors: [noDefault(6, 18, 29, 4)],
    },
    {
      name: "commander: an option with no default handed to a helper that binds it, reported at the helper's call",
      code: `import { Command } from 'commander';
import http from 'node:http';

function serveHttp(port: number, host: string | undefined) {
  http.createServer((req, res) => res.end()).listen(port, host);
}

new Command()
  .option('--port <port>', 'port to listen on')
  .option('--bind <host>', 'address to bind')
  .action((opts) => {
    if (opts.port) serveHttp(Number(opts.port), opts.bind);
  })
  .parse();`,
      output: null,
      errors: [noDefault(5, 59, 63, 10, '`server.listen()` on a `node:http` server')],
    },
  ],
});
