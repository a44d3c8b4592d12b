/**
 * One job per task, in the order they were asked for. A widget that wakes from a share link has
 * several pictures to make (each chart's first layout and drawing, a heatmap's overlay): done in
 * the task that hydrates it, they add up to one long task that holds the page; queued here, each
 * gets a task of its own, and the browser may paint or answer a tap between them.
 */
type Job = () => void;

const queue: Job[] = [];
let waiting = false;
let channel: MessageChannel | null = null;

/** Asks for the next task: a message to ourselves, which (unlike a timer) is never clamped to 4 ms. */
function nextTask(run: () => void): void {
  if (typeof MessageChannel === 'undefined') {
    setTimeout(run, 0);
    return;
  }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => run();
  }
  channel.port2.postMessage(null);
}

function runOne(): void {
  const job = queue.shift();
  if (queue.length > 0) nextTask(runOne);
  else waiting = false;
  try {
    job?.();
  } catch (error) {
    // one picture that fails must not keep the others from being made
    console.error(error);
  }
}

/** Runs `job` in a task of its own, after every job queued before it. Never runs it at once. */
export function inTurn(job: Job): void {
  queue.push(job);
  if (waiting) return;
  waiting = true;
  nextTask(runOne);
}
