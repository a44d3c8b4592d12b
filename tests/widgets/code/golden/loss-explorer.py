"""The loss of one prediction ŷ against the target y = 1: mean squared error (MSE) and binary
cross-entropy (BCE) from torch.nn.functional, their slopes ∂L/∂ŷ by autograd, and their slopes
∂L/∂z in the logit z (ŷ = σ(z), a sigmoid output) by the chain rule, at 250 predictions
from 0.001 to 0.999.
Prints them as CSV, the same lines as the loss explorer's "Download data"."""
# Output: CSV lines, numbers written the way the widget's CSV writes them (JavaScript's form).
import math
from decimal import Decimal


def num(x):
    """A number written as the widget's CSV writes it (JavaScript's shortest round-trip form)."""
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        return ""
    if x == 0:
        return "0"
    sign, digits, exp = Decimal(repr(x)).normalize().as_tuple()
    s = "".join(map(str, digits))
    k, n = len(s), exp + len(s)
    if k <= n <= 21:
        out = s + "0" * (n - k)
    elif 0 < n <= 21:
        out = s[:n] + "." + s[n:]
    elif -6 < n <= 0:
        out = "0." + "0" * -n + s
    else:
        out = s[0] + ("." + s[1:] if k > 1 else "") + "e" + ("+" if n > 0 else "-") + str(abs(n - 1))
    return ("-" if sign else "") + out


def row(*values):
    """Prints one CSV line: text as it is, numbers through num()."""
    print(",".join(v if isinstance(v, str) else num(v) for v in values))

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
# The engine follows torch's definitions in float64. torch's CPU kernels may round a
# multiply-add differently, so a number here can differ from the widget's in its last digit.

Y = 1.0  # the target: 0, 0.5 or 1
P_MIN, P_MAX, SAMPLES = 0.001, 0.999, 250  # ŷ from P_MIN to P_MAX, as the slider runs

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
row("y_hat", "mse", "mse_dy_hat", "mse_dz", "bce", "bce_dy_hat", "bce_dz")
columns = [p, mse, mse_dy_hat, mse_dz, bce, bce_dy_hat, bce_dz]
for values in zip(*[column.tolist() for column in columns]):
    row(*values)
print()  # a blank line, then the target, as in the widget's CSV
row(f"# target y={num(Y)}")
