/**
 * Special functions the activations and losses share, each written to stay finite and accurate
 * over the whole real line (no overflow at |x| = 1e3, no cancellation where the answer is tiny).
 */

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);

/** Logistic sigmoid σ(x) = 1 / (1 + e^(−x)), evaluated so e^(…) never overflows; σ′ = σ(1 − σ). */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** softplus(x) = ln(1 + eˣ) = max(x, 0) + ln(1 + e^(−|x|)), exact for every x; its derivative is σ(x). */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/**
 * Error function erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt; erf′(x) = (2/√π) e^(−x²).
 * Below |x| = 1.5 it sums the series erf(x) = (2/√π) e^(−x²) Σₙ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)),
 * whose terms are all positive (no cancellation); beyond, it uses 1 − erfc(x).
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax >= 1.5) return Math.sign(x) * (1 - erfcLarge(ax));
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 100; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

/** Complementary error function erfc(x) = 1 − erf(x), accurate in relative terms as it tends to 0. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 1.5) return 1 - erf(x);
  return erfcLarge(x);
}

/**
 * erfc(x) for x ≥ 1.5 from its continued fraction
 * erfc(x) = (e^(−x²)/√π) · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))),
 * evaluated front to back with Lentz's method (ratios of successive convergents).
 */
function erfcLarge(x: number): number {
  if (x > 27.3) return 0; // e^(−x²) underflows: the true value is below 1e-325
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 300; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const ratio = c * d;
    f *= ratio;
    if (Math.abs(ratio - 1) < 1e-16) break;
  }
  return (ONE_OVER_SQRT_PI * Math.exp(-x * x)) / f;
}

/** Standard normal cumulative distribution Φ(x) = ½ erfc(−x/√2); Φ′(x) = φ(x). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Standard normal density φ(x) = e^(−x²/2) / √(2π); φ′(x) = −x φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}
