// Running the example MCP servers for real: build them, start them on a loopback port, talk HTTP
// to them the way a browser's request looks on the wire, and stop them.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import fs from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { runTsc } from '../support/typecheck';

/** Every request and every connection goes here: the servers are never reached from outside. */
export const LOOPBACK = '127.0.0.1';

/**
 * Compiles TypeScript servers with the repo's compiler options, to CommonJS as the repo's package.json
 * says (an `.mts` file to an ES module). A folder with a `tsconfig.json` of its own (NestJS's legacy
 * decorators) is compiled with its compiler options added. The output stays under the repo so that
 * `node_modules` resolves; returns each source's output.
 */
export function compileServers(files: string[], rootDir: string, outDir: string): Map<string, string> {
  // A type error still emits; a server that did not compile at all is caught below.
  const diagnostics = runTsc(files, rootDir, {
    name: 'servers',
    compilerOptions: { noEmit: false, noUnusedLocals: false, rootDir, outDir },
    args: [],
  });
  const built = new Map<string, string>();
  for (const file of files) {
    const output = path.join(outDir, path.relative(rootDir, file)).replace(/\.([mc]?)ts$/u, '.$1js');
    if (!fs.existsSync(output)) throw new Error(`tsc did not build ${file}:\n${diagnostics}`);
    built.set(file, output);
  }
  return built;
}

/**
 * For an example that exports a web `fetch` handler as its default (`export default { fetch }`, as
 * Bun and Workers read it) and starts nothing itself: writes a CommonJS script beside the built file
 * that serves that handler on Node through `@hono/node-server`, and returns the script. The harness,
 * not the example, decides the bind address: always the loopback address, on the port in PORT.
 * @hono/node-server builds `request.url` from the request's own Host header, as Bun and Deno do, so
 * a Host check of the handler sees a rebinding page's Host.
 */
export function serveFetchHandler(built: string): string {
  const script = built.replace(/\.[mc]?js$/u, '.serve.cjs');
  fs.writeFileSync(
    script,
    `const { serve } = require('@hono/node-server');
const handler = require(${JSON.stringify(built)}).default;
serve(
  { fetch: (request) => handler.fetch(request), port: Number(process.env.PORT), hostname: ${JSON.stringify(LOOPBACK)} },
  (info) => console.log(\`listening on \${info.address}:\${info.port}\`),
);
`,
  );
  return script;
}

/** A free loopback port: the kernel picks one for a throwaway listener, which then lets it go. */
export function reservePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  port: number;
  /** What the server printed so far, stdout and stderr interleaved. */
  output: () => string;
  stop: () => Promise<void>;
}

const running = new Set<RunningServer>();
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: LOOPBACK, timeout: 500 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function stopChild(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts a server file with node on a reserved port (passed as PORT), and resolves once it has said
 * it is listening and the port accepts connections. Another process may take the port between
 * reserving and listening: then it starts again on a new one.
 */
export async function startServer(
  file: string,
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    const port = await reservePort();
    const child = spawn(process.execPath, [file], {
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: 'pipe',
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      // Fastify logs every request; keep the tail only.
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const server: RunningServer = {
      port,
      output: () => output,
      stop: async () => {
        running.delete(server);
        await stopChild(child);
      },
    };
    running.add(server);

    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
      if (/listening/iu.test(output) && (await accepts(port))) return server;
      await sleep(50);
    }
    await server.stop();
    if (/EADDRINUSE/u.test(output) && attempt < 3) continue;
    throw new Error(
      `${path.basename(file)} did not start listening on ${LOOPBACK}:${port} within ${timeoutMs} ms:\n${output}`,
    );
  }
}

/** Stops every server still running, e.g. after a test that failed halfway. */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpRequest {
  method: string;
  path?: string;
  /** Sent exactly as given; `host` defaults to the loopback address and port. */
  headers?: Record<string, string>;
  body?: string;
}

/**
 * One HTTP request to a loopback port, with headers a browser would put on the wire (fetch() in
 * Node refuses to set Host, which a DNS-rebinding request needs), bounded in time.
 */
export function send(
  port: number,
  { method, path: requestPath = '/mcp', headers = {}, body }: HttpRequest,
  timeoutMs = 30_000,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: LOOPBACK,
        port,
        method,
        path: requestPath,
        headers: {
          host: `${LOOPBACK}:${port}`,
          ...headers,
          ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
        },
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('end', () => {
          clearTimeout(timer);
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
        response.once('error', reject);
      },
    );
    const timer = setTimeout(
      () => request.destroy(new Error(`${method} ${requestPath} got no full response in ${timeoutMs} ms`)),
      timeoutMs,
    );
    request.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
}

/** The JSON-RPC messages in a reply, whether it came as JSON or as a server-sent event stream. */
export function jsonRpcMessages(reply: Reply): unknown[] {
  const contentType = String(reply.headers['content-type'] ?? '');
  const payloads = contentType.startsWith('text/event-stream')
    ? reply.body
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice('data:'.length).trim())
    : [reply.body];
  return payloads.flatMap((payload) => {
    try {
      return [JSON.parse(payload) as unknown];
    } catch {
      return [];
    }
  });
}

/**
 * The addresses listening on a TCP port, from the kernel's socket tables (Linux only; undefined
 * elsewhere). Lets a test see what a server binds without sending a request off loopback.
 */
export function listeningAddresses(port: number): string[] | undefined {
  if (process.platform !== 'linux') return undefined;
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  const addresses: string[] = [];
  for (const [table, decode] of [
    ['/proc/net/tcp', decodeIPv4],
    ['/proc/net/tcp6', decodeIPv6],
  ] as const) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/u);
      const [addressHex, localPort] = (local ?? '').split(':');
      // State 0A is LISTEN.
      if (state === '0A' && localPort === portHex && addressHex) addresses.push(decode(addressHex));
    }
  }
  return addresses;
}

/** /proc/net/tcp writes an IPv4 address as one 32-bit word in host (little-endian) order. */
function decodeIPv4(hex: string): string {
  return [6, 4, 2, 0].map((offset) => Number.parseInt(hex.slice(offset, offset + 2), 16)).join('.');
}

/** /proc/net/tcp6 writes an IPv6 address as four 32-bit words, each in host (little-endian) order. */
function decodeIPv6(hex: string): string {
  const groups: string[] = [];
  for (let word = 0; word < 32; word += 8) {
    const bytes = [6, 4, 2, 0].map((offset) => hex.slice(word + offset, word + offset + 2));
    groups.push(`${bytes[0]}${bytes[1]}`, `${bytes[2]}${bytes[3]}`);
  }
  // The URL parser writes an IPv6 address in its canonical short form: ::, ::1, ::ffff:7f00:1.
  return new URL(`http://[${groups.join(':')}]/`).hostname.slice(1, -1);
}
