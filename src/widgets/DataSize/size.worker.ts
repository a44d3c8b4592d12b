/**
 * The data-size measurement in a Web Worker: the page stays free while the 80 models train, in
 * slices of about 20 ms, each followed by a chance to read the page's next command (Stop).
 */
import { SizeLoop, type SizeCommand, type SizeReport } from './loop.ts';

interface WorkerScope {
  postMessage(message: SizeReport): void;
  onmessage: ((event: MessageEvent<SizeCommand>) => void) | null;
}

const scope = self as unknown as WorkerScope;
// A message to ourselves runs the next slice as soon as pending commands are handled (no timer clamp).
const channel = new MessageChannel();
const loop = new SizeLoop(
  (report) => scope.postMessage(report),
  () => channel.port2.postMessage(null),
  20,
);
channel.port1.onmessage = () => loop.tick();
scope.onmessage = (event) => loop.handle(event.data);
