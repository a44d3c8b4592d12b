/**
 * The notebook kernel in a Web Worker: one Runtime with the engine's whole public API in scope,
 * running the page's cells one at a time. Before any cell runs, the worker gives up what a cell
 * must not have: network requests (fetch, XMLHttpRequest, WebSocket, EventSource, WebTransport),
 * storage (indexedDB, caches), other workers and channels, and new code from strings (eval and the
 * Function constructors; the transform already refuses import). A worker has no page, cookies or
 * localStorage to begin with. Outputs go to the page in batches, at least every 40 ms of output.
 */
import * as engine from '../engine/index.ts';
import type { KernelCommand, KernelMessage, Output } from './protocol.ts';
import { Runtime } from './runtime.ts';

interface WorkerScope {
  postMessage(message: KernelMessage): void;
  onmessage: ((event: MessageEvent<KernelCommand>) => void) | null;
}

const scope = self as unknown as WorkerScope & Record<string, unknown>;

/** A stand-in that refuses every use: calling it, constructing it, or reading any property (indexedDB.open). */
function refuse(what: string): unknown {
  const fail = (): never => {
    throw new Error(`${what} is not available in a notebook cell`);
  };
  return new Proxy(function blocked() {}, { apply: fail, construct: fail, get: fail });
}

/** Takes away what a cell must not reach; the runtime kept its own Function constructor first. */
function lockDown(): void {
  const names: Record<string, string> = {
    fetch: 'fetch (network requests)',
    XMLHttpRequest: 'XMLHttpRequest (network requests)',
    WebSocket: 'WebSocket (network connections)',
    EventSource: 'EventSource (network connections)',
    WebTransport: 'WebTransport (network connections)',
    importScripts: 'importScripts (loading code)',
    Worker: 'Worker',
    SharedWorker: 'SharedWorker',
    BroadcastChannel: 'BroadcastChannel',
    indexedDB: 'indexedDB (storage)',
    caches: 'caches (storage)',
    eval: 'eval',
  };
  for (const [name, what] of Object.entries(names)) {
    try {
      Object.defineProperty(self, name, { value: refuse(what), writable: false, configurable: false });
    } catch {
      // a property the browser does not let go of stays; the others still go
    }
  }
  // the constructors behind function literals compile strings too
  const kinds = [function () {}, async function () {}, function* () {}, async function* () {}];
  for (const f of kinds) {
    try {
      Object.defineProperty(Object.getPrototypeOf(f), 'constructor', { value: refuse('Building functions from strings'), writable: false, configurable: false });
    } catch {
      // as above
    }
  }
  try {
    Object.defineProperty(self, 'Function', { value: refuse('The Function constructor'), writable: false, configurable: false });
  } catch {
    // as above
  }
}

const runtime = new Runtime(engine as unknown as Record<string, unknown>);
lockDown();

let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  const command = event.data;
  if (command.type === 'reset') {
    queue = queue.then(() => runtime.reset());
    return;
  }
  if (command.type !== 'run') return;
  queue = queue.then(async () => {
    const started = performance.now();
    let batch: Output[] = [];
    let lastFlush = started;
    const flush = () => {
      if (batch.length === 0) return;
      scope.postMessage({ type: 'output', id: command.id, outputs: batch });
      batch = [];
      lastFlush = performance.now();
    };
    const result = await runtime.run(command.source, (output) => {
      batch.push(output);
      if (batch.length >= 50 || performance.now() - lastFlush > 40) flush();
    });
    flush();
    scope.postMessage({ type: 'done', id: command.id, status: result.status, ms: performance.now() - started });
  });
};

scope.postMessage({ type: 'ready' });
