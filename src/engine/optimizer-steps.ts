/**
 * The update rules of torch.optim, restated. In every rule g starts as the gradient plus the L2
 * term weight_decay·p (torch's coupled weight decay), t counts steps from 1, and all updates are
 * element-wise and in place.
 */

/** Every option any rule reads, resolved to numbers and flags (torch's names). */
export interface ResolvedOptions {
  readonly lr: number;
  readonly momentum: number;
  readonly dampening: number;
  readonly weight_decay: number;
  readonly nesterov: boolean;
  readonly alpha: number;
  readonly eps: number;
  readonly centered: boolean;
  readonly lr_decay: number;
  readonly initial_accumulator_value: number;
  readonly betas: readonly [number, number];
  readonly amsgrad: boolean;
}

/** Per-parameter state, allocated on the first step: t and up to three running averages. */
export interface OptimizerState {
  t: number;
  first: Float64Array;
  second: Float64Array;
  third: Float64Array;
}

/**
 * SGD, with momentum and Nesterov as options: b ← g on the first step, then b ← μ·b + (1 − τ)·g;
 * the step direction is g + μ·b with Nesterov, else b (or plain g when μ = 0); p ← p − lr·direction.
 * Keras writes momentum as v ← μ·v − lr·g, p ← p + v: the same steps while lr stays fixed.
 */
export function sgdStep(p: Float64Array, grad: Float64Array, o: ResolvedOptions, s: OptimizerState): void {
  const { lr, momentum: mu, dampening, weight_decay: wd, nesterov } = o;
  const b = s.first;
  for (let i = 0; i < p.length; i++) {
    let g = grad[i] + wd * p[i];
    if (mu !== 0) {
      b[i] = s.t === 1 ? g : mu * b[i] + (1 - dampening) * g;
      g = nesterov ? g + mu * b[i] : b[i];
    }
    p[i] -= lr * g;
  }
}

/**
 * Adagrad: the learning rate decays as lr / (1 + (t − 1)·lr_decay); sum ← sum + g² (starting at
 * initial_accumulator_value); p ← p − lr_t · g / (√sum + eps). Keras starts sum at 0.1, eps 1e-7.
 */
export function adagradStep(p: Float64Array, grad: Float64Array, o: ResolvedOptions, s: OptimizerState): void {
  const { weight_decay: wd, eps } = o;
  const lr = o.lr / (1 + (s.t - 1) * o.lr_decay);
  const sum = s.first;
  for (let i = 0; i < p.length; i++) {
    const g = grad[i] + wd * p[i];
    sum[i] += g * g;
    p[i] -= lr * (g / (Math.sqrt(sum[i]) + eps));
  }
}

/**
 * RMSprop: v ← α·v + (1 − α)·g²; centred, also ḡ ← α·ḡ + (1 − α)·g and v − ḡ² replaces v;
 * r = g / (√v + eps); with momentum μ > 0, b ← μ·b + r and p ← p − lr·b, else p ← p − lr·r.
 * Keras calls α rho (default 0.9) and puts eps (1e-7) inside the root: √(v + eps).
 */
export function rmspropStep(p: Float64Array, grad: Float64Array, o: ResolvedOptions, s: OptimizerState): void {
  const { lr, alpha, eps, weight_decay: wd, momentum: mu, centered } = o;
  const v = s.first;
  const b = s.second;
  const gAvg = s.third;
  for (let i = 0; i < p.length; i++) {
    const g = grad[i] + wd * p[i];
    v[i] = alpha * v[i] + (1 - alpha) * g * g;
    let root: number;
    if (centered) {
      gAvg[i] = alpha * gAvg[i] + (1 - alpha) * g;
      root = Math.sqrt(v[i] - gAvg[i] * gAvg[i]) + eps;
    } else {
      root = Math.sqrt(v[i]) + eps;
    }
    if (mu > 0) {
      b[i] = mu * b[i] + g / root;
      p[i] -= lr * b[i];
    } else {
      p[i] -= lr * (g / root);
    }
  }
}

/**
 * Adam: m ← β₁·m + (1 − β₁)·g; v ← β₂·v + (1 − β₂)·g² (AMSGrad keeps v̂max = max(v̂max, v));
 * p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + eps), i.e. lr·m̂ / (√v̂ + eps).
 * Keras uses eps = 1e-7 and adds it to √v before the bias correction, a slightly different step.
 */
export function adamStep(p: Float64Array, grad: Float64Array, o: ResolvedOptions, s: OptimizerState): void {
  const { lr, eps, weight_decay: wd, amsgrad } = o;
  const beta1 = o.betas[0];
  const beta2 = o.betas[1];
  const m = s.first;
  const v = s.second;
  const vMax = s.third;
  const stepSize = lr / (1 - beta1 ** s.t);
  const correction2 = Math.sqrt(1 - beta2 ** s.t);
  for (let i = 0; i < p.length; i++) {
    const g = grad[i] + wd * p[i];
    m[i] = beta1 * m[i] + (1 - beta1) * g;
    v[i] = beta2 * v[i] + (1 - beta2) * g * g;
    let vUsed = v[i];
    if (amsgrad) {
      vMax[i] = Math.max(vMax[i], v[i]);
      vUsed = vMax[i];
    }
    p[i] -= stepSize * (m[i] / (Math.sqrt(vUsed) / correction2 + eps));
  }
}
