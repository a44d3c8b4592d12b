/**
 * The benchmark's reference: full-batch gradient descent for one fixed network, 2-8-8-1 with tanh
 * hidden units, a sigmoid output and binary cross-entropy, written out by hand over Float64Arrays.
 * Parameters use the engine's layout (per layer W[out][in] then b), so both can start from the same
 * numbers and should end on the same loss.
 */

const H = 8;
// offsets of W1 (8×2), b1, W2 (8×8), b2, W3 (1×8), b3
const W1 = 0;
const B1 = W1 + H * 2;
const W2 = B1 + H;
const B2 = W2 + H * H;
const W3 = B2 + H;
const B3 = W3 + H;
/** Number of parameters of the 2-8-8-1 network. */
export const PARAMS = B3 + 1;

/**
 * Trains `params` in place for `epochs` full-batch steps of SGD with learning rate lr on n points
 * (x: n×2 row-major, y: n labels 0/1); returns the mean loss measured in the last epoch.
 */
export function trainHandLoop(params: Float64Array, x: Float64Array, y: Float64Array, n: number, epochs: number, lr: number): number {
  const p = params;
  const grad = new Float64Array(PARAMS);
  const h1 = new Float64Array(H);
  const h2 = new Float64Array(H);
  const d1 = new Float64Array(H);
  const d2 = new Float64Array(H);
  let loss = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    grad.fill(0);
    loss = 0;
    for (let s = 0; s < n; s++) {
      const x0 = x[2 * s];
      const x1 = x[2 * s + 1];
      // forward
      for (let j = 0; j < H; j++) h1[j] = Math.tanh(p[B1 + j] + p[W1 + 2 * j] * x0 + p[W1 + 2 * j + 1] * x1);
      for (let j = 0; j < H; j++) {
        let z = p[B2 + j];
        for (let k = 0; k < H; k++) z += p[W2 + H * j + k] * h1[k];
        h2[j] = Math.tanh(z);
      }
      let z3 = p[B3];
      for (let k = 0; k < H; k++) z3 += p[W3 + k] * h2[k];
      const out = z3 >= 0 ? 1 / (1 + Math.exp(-z3)) : Math.exp(z3) / (1 + Math.exp(z3));
      const t = y[s];
      loss += Math.max(z3, 0) + Math.log1p(Math.exp(-Math.abs(z3))) - t * z3;
      // backward: output, then each hidden layer
      const d3 = out - t;
      grad[B3] += d3;
      for (let k = 0; k < H; k++) {
        grad[W3 + k] += d3 * h2[k];
        d2[k] = p[W3 + k] * d3 * (1 - h2[k] * h2[k]);
      }
      d1.fill(0);
      for (let j = 0; j < H; j++) {
        const dj = d2[j];
        grad[B2 + j] += dj;
        for (let k = 0; k < H; k++) {
          grad[W2 + H * j + k] += dj * h1[k];
          d1[k] += p[W2 + H * j + k] * dj;
        }
      }
      for (let j = 0; j < H; j++) {
        const dj = d1[j] * (1 - h1[j] * h1[j]);
        grad[B1 + j] += dj;
        grad[W1 + 2 * j] += dj * x0;
        grad[W1 + 2 * j + 1] += dj * x1;
      }
    }
    for (let i = 0; i < PARAMS; i++) p[i] -= lr * (grad[i] / n);
    loss /= n;
  }
  return loss;
}
