// A small Language Server Protocol client: JSON-RPC 2.0 over a child process's stdio, framed with
// `Content-Length` headers, as an editor speaks to a language server. It sends requests and
// notifications, answers the server's own requests through handlers, and keeps what the server
// logs so that a failing test can show it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface LspPosition {
  line: number;
  character: number;
}
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}
export interface LspTextEdit {
  range: LspRange;
  newText: string;
}

interface ResponseError {
  code: number;
  message: string;
  data?: unknown;
}
interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: ResponseError;
}
interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Answers a request the server sends to the client; what it returns is the response's `result`. */
export type RequestHandler = (params: unknown) => unknown;

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const METHOD_NOT_FOUND = -32_601;
const INTERNAL_ERROR = -32_603;

export class LspClient {
  /** Every notification and request the server sent, in order, for assertions and for failure reports. */
  readonly received: { method: string; params: unknown }[] = [];
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, RequestHandler>();
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private stderr = '';
  private readonly exited: Promise<number | null>;

  constructor(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
    this.child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    // A write after the server died must not crash the test runner with EPIPE; a server that
    // cannot start fails the pending requests through 'exit' (or their timeouts).
    this.child.stdin.on('error', () => {});
    this.child.on('error', (error) => {
      this.stderr += `\nlsp-client: ${error.message}`;
    });
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code) => {
        for (const [id, request] of this.pending) {
          clearTimeout(request.timer);
          request.reject(
            new Error(`the server exited (code ${code}) before answering ${request.method}\n${this.log()}`),
          );
          this.pending.delete(id);
        }
        resolve(code);
      });
    });
  }

  /** Registers the answer to a request the server may send (workspace/configuration, ...). */
  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method, handler);
  }

  request<Result>(method: string, params: unknown, timeoutMs = 120_000): Promise<Result> {
    const id = this.nextId++;
    return new Promise<Result>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms\n${this.log()}`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject, timer });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** What the server wrote to its log (window/logMessage) and to stderr, for failure messages. */
  log(): string {
    const messages = this.received
      .filter((message) => message.method === 'window/logMessage' || message.method === 'window/showMessage')
      .map((message) => (message.params as { message: string }).message);
    return [...messages, this.stderr].filter(Boolean).join('\n').slice(-8000);
  }

  /** The orderly end an editor performs (shutdown, then exit), and a kill if the server does not comply in time. */
  async stop(timeoutMs = 5000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    try {
      await this.request('shutdown', null, timeoutMs);
      this.notify('exit', null);
    } catch {
      // A server that cannot shut down is killed below.
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    if ((await Promise.race([this.exited, timedOut])) === 'timeout') {
      this.child.kill('SIGKILL');
      await this.exited;
    }
    clearTimeout(timer);
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd === -1) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = /^content-length: *(\d+)$/imu.exec(header);
      if (!length) {
        // The stream cannot be resynchronised: record why, and let the pending requests fail on exit.
        this.stderr += `\nlsp-client: a message from the server has no Content-Length header: ${header}`;
        this.child.kill('SIGKILL');
        return;
      }
      const start = headerEnd + HEADER_END.length;
      // Content-Length counts bytes of UTF-8, not characters: slice the buffer before decoding.
      const end = start + Number(length[1]);
      if (this.buffer.length < end) return;
      const body = this.buffer.subarray(start, end).toString('utf8');
      this.buffer = this.buffer.subarray(end);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method === undefined) {
      const request = this.pending.get(message.id as number);
      if (!request) return;
      this.pending.delete(message.id as number);
      clearTimeout(request.timer);
      if (message.error) {
        request.reject(new Error(`${request.method} failed: ${message.error.message}\n${this.log()}`));
      } else {
        request.resolve(message.result);
      }
      return;
    }
    this.received.push({ method: message.method, params: message.params });
    if (message.id === undefined) return;
    const handler = this.handlers.get(message.method);
    if (!handler) {
      this.send({
        jsonrpc: '2.0',
        id: message.id,
        error: { code: METHOD_NOT_FOUND, message: `unhandled: ${message.method}` },
      });
      return;
    }
    try {
      this.send({ jsonrpc: '2.0', id: message.id, result: handler(message.params) ?? null });
    } catch (error) {
      this.send({ jsonrpc: '2.0', id: message.id, error: { code: INTERNAL_ERROR, message: String(error) } });
    }
  }
}

/** Offset in `text` of an LSP position; LSP characters count UTF-16 code units, as JavaScript strings do. */
export function offsetAt(text: string, position: LspPosition): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  return Math.min(offset + position.character, lineEnd === -1 ? text.length : lineEnd);
}

/** Applies the edits of one TextDocumentEdit to a text; LSP edits never overlap and all refer to the original text. */
export function applyTextEdits(text: string, edits: readonly LspTextEdit[]): string {
  // From the end backwards, so that earlier offsets stay valid; two inserts at one position keep
  // their order in the array, as the protocol requires.
  const spans = edits
    .map((edit, index) => ({
      start: offsetAt(text, edit.range.start),
      end: offsetAt(text, edit.range.end),
      newText: edit.newText,
      index,
    }))
    .sort((a, b) => b.start - a.start || b.index - a.index);
  let result = text;
  for (const span of spans) result = result.slice(0, span.start) + span.newText + result.slice(span.end);
  return result;
}
