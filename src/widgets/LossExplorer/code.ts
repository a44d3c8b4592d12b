/**
 * "Show me the code" for the loss explorer: mean squared error and binary cross-entropy of one
 * prediction ŷ against the target y, their slopes in ŷ and in the logit z, sampled as the widget's
 * curves are, as a notebook cell (lossCurve) and as a PyTorch program (the losses of
 * torch.nn.functional, ∂L/∂ŷ by autograd), each printing the widget's CSV.
 */
import { lossCurve } from '../../engine/loss-curves.ts';
import { jsNum, PY_PRECISION_NOTE, PY_PRELUDE, pyInt, pyNum, type WidgetCode } from '../../lib/widget-code.ts';
import { formatNumber } from '../BackpropStepper/format.ts';
import { P_MAX, P_MIN, type LossExplorerState } from './model.svelte.ts';

/** The curves' samples: the widget draws and downloads 250 predictions from P_MIN to P_MAX. */
const SAMPLES = 250;
const HEADER = 'y_hat,mse,mse_dy_hat,mse_dz,bce,bce_dy_hat,bce_dz';

export function lossExplorerCode(state: LossExplorerState): WidgetCode {
  const { y, p } = state;
  // The slopes at the slider's prediction, quoted in a comment as the widget's readout shows them.
  const mseAt = lossCurve('mse', y, [p]);
  const bceAt = lossCurve('bce', y, [p]);
  const engine = `// The loss of one prediction ŷ against the target y: mean squared error (MSE) and binary
// cross-entropy (BCE), their slopes ∂L/∂ŷ, and their slopes ∂L/∂z in the logit z, where ŷ = σ(z)
// is a sigmoid output. These are the widget's top two charts and its "Download data"; the lesson
// network below them (one weight on the move) is not part of the download.
const y = ${jsNum(y)}; // the target: 0, 0.5 or 1
const predictions = linspace(${jsNum(P_MIN)}, ${jsNum(P_MAX)}, ${SAMPLES}); // ŷ from ${P_MIN} to ${P_MAX}, as the slider runs

// Each curve holds, per prediction, the loss (value), ∂L/∂ŷ (dp) and ∂L/∂z (dz):
const mse = lossCurve('mse', y, predictions); // (ŷ − y)², 2(ŷ − y), 2(ŷ − y)·ŷ(1 − ŷ)
const bce = lossCurve('bce', y, predictions); // −[y ln ŷ + (1 − y) ln(1 − ŷ)], (ŷ − y)/(ŷ(1 − ŷ)), ŷ − y

// The curves as CSV, the same lines as the widget's "Download data", ending with a blank line and the target
const lines = ['${HEADER}'];
for (let i = 0; i < predictions.length; i++) {
  lines.push([predictions[i], mse.value[i], mse.dp[i], mse.dz[i], bce.value[i], bce.dp[i], bce.dz[i]].join(','));
}
lines.push('', \`# target y=\${y}\`);
print(lines.join('\\n'));

// At the widget's ŷ = ${p}: ∂L/∂z is ${formatNumber(mseAt.dz[0])} for MSE and ${formatNumber(bceAt.dz[0])} for BCE (its readout).
const x = Array.from(predictions);
plot([
  { label: 'MSE', x, y: Array.from(mse.dz) },
  { label: 'BCE', x, y: Array.from(bce.dz) },
], { title: \`Slope in the logit, target y = \${y}\`, xLabel: 'ŷ', yLabel: '∂L/∂z' });
`;
  const python = `"""The loss of one prediction ŷ against the target y = ${y}: mean squared error (MSE) and binary
cross-entropy (BCE) from torch.nn.functional, their slopes ∂L/∂ŷ by autograd, and their slopes
∂L/∂z in the logit z (ŷ = σ(z), a sigmoid output) by the chain rule, at ${SAMPLES} predictions
from ${P_MIN} to ${P_MAX}.
Prints them as CSV, the same lines as the loss explorer's "Download data"."""
${PY_PRELUDE}
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
${PY_PRECISION_NOTE}

Y = ${pyNum(y)}  # the target: 0, 0.5 or 1
P_MIN, P_MAX, SAMPLES = ${pyNum(P_MIN)}, ${pyNum(P_MAX)}, ${pyInt(SAMPLES)}  # ŷ from P_MIN to P_MAX, as the slider runs

# The same evenly spaced predictions as the widget, the last exactly P_MAX
y_hat = torch.tensor(
    [P_MIN + ((P_MAX - P_MIN) * i) / (SAMPLES - 1) for i in range(SAMPLES - 1)] + [P_MAX], requires_grad=True
)
target = torch.full_like(y_hat, Y)

# One loss per prediction (reduction="none"), not their mean
mse = F.mse_loss(y_hat, target, reduction="none")  # (ŷ − y)²
bce = F.binary_cross_entropy(y_hat, target, reduction="none")  # −[y ln ŷ + (1 − y) ln(1 − ŷ)]
# The engine writes ln(1 − ŷ) as log1p(−ŷ), some torch versions (1.13, for one) as log(1 − ŷ), and
# torch's logarithm and JavaScript's can round apart in the last bit: so bce can differ from the
# widget's in its last digit. mse and both ∂L/∂ŷ come out the same to the bit.

# ∂L/∂ŷ by autograd: each loss depends on its own ŷ only, so the gradient of the sum holds each slope:
# 2(ŷ − y) for MSE, (ŷ − y)/(ŷ(1 − ŷ)) for BCE.
(mse_dy_hat,) = torch.autograd.grad(mse.sum(), y_hat)
(bce_dy_hat,) = torch.autograd.grad(bce.sum(), y_hat)

# ∂L/∂z through the sigmoid: the chain rule, ∂L/∂z = ∂L/∂ŷ · σ'(z) with σ'(z) = ŷ(1 − ŷ), the same
# product of its output that torch's sigmoid uses going backward. For BCE the ŷ(1 − ŷ) cancels and
# ∂L/∂z = ŷ − y, which is what the widget writes; here the product is rounded, so bce_dz can differ
# from the widget's in its last digit.
p = y_hat.detach()
mse_dz = mse_dy_hat * p * (1 - p)
bce_dz = bce_dy_hat * p * (1 - p)

# The ends ŷ = 0 and ŷ = 1: at the wrong end for the target (ŷ = 0 with y > 0, ŷ = 1 with y < 1)
# BCE and its slope ∂L/∂ŷ are infinite. The widget's samples stop at 0.001 and 0.999 (its slider's
# range), so neither end is in its CSV, and none of torch's safeguards acts on these numbers. At the
# ends they would: torch clamps each log at -100 (a loss of up to 100, not infinity) and floors
# ŷ(1 − ŷ) at 1e-12 in the slope, giving (ŷ − y)·1e12 there, not ±infinity, and 0 where ŷ = y (the
# true slope there is 1 at ŷ = y = 0, -1 at ŷ = y = 1). The engine does the same, with one difference:
# some torch versions (1.13, for one) keep that 1e-12 in single precision, so their slope at the
# wrong end is (ŷ − y)·1.000000004e12. The chain rule above then gives bce_dz = 0 at both ends,
# where the engine's ŷ − y stays right.
row(${HEADER.split(',').map((h) => `"${h}"`).join(', ')})
columns = [p, mse, mse_dy_hat, mse_dz, bce, bce_dy_hat, bce_dz]
for values in zip(*[column.tolist() for column in columns]):
    row(*values)
print()  # a blank line, then the target, as in the widget's CSV
row(f"# target y={num(Y)}")
`;
  return { engine, python, pythonKind: 'pytorch' };
}
