/**
 * The gradient-flow training loop in a Web Worker: the page stays free to draw while the three
 * networks train in slices of about 20 ms, each followed by a chance to read the page's next
 * command, with a report at most every 60 ms.
 */
import { FlowLoop, type FlowCommand, type FlowReport } from './loop.ts';

interface WorkerScope {
  postMessage(message: FlowReport): void;
  onmessage: ((event: MessageEvent<FlowCommand>) => void) | null;
}

const scope = self as unknown as WorkerScope;
// A message to ourselves runs the next slice as soon as pending commands are handled (no timer clamp).
const channel = new MessageChannel();
const loop = new FlowLoop(
  (report) => scope.postMessage(report),
  () => channel.port2.postMessage(null),
  20,
);
channel.port1.onmessage = () => loop.tick();
scope.onmessage = (event) => loop.handle(event.data);
