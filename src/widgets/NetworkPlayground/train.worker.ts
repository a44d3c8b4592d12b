/**
 * The playground's training loop in a Web Worker: the page stays free to draw while the network
 * trains in slices of about 8 ms, each followed by a chance to read the page's next command, and
 * reports after each slice: more often than a 60 Hz screen draws, so every frame has a new picture.
 */
import { Driver, type Envelope, type Report } from './driver.ts';

interface WorkerScope {
  postMessage(message: Report, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<Envelope>) => void) | null;
}

const scope = self as unknown as WorkerScope;
// A message to ourselves runs the next slice as soon as pending commands are handled (no timer clamp).
const channel = new MessageChannel();
const driver = new Driver(
  (report, transfer) => scope.postMessage(report, transfer),
  (delay) => {
    if (delay > 0) setTimeout(() => driver.tick(), delay);
    else channel.port2.postMessage(null);
  },
  8,
  8,
  // On a machine with two cores or fewer, rest 4 ms after each 8 ms slice so the page can draw.
  (navigator.hardwareConcurrency ?? 2) <= 2 ? 4 : 0,
);
channel.port1.onmessage = () => driver.tick();
scope.onmessage = (event) => driver.handle(event.data);
