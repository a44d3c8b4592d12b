"""Descent on a curve: gradient descent w ← w − η·L′(w) with η = 0.25 from w = -2.5
on L(w) = (w − 1)², for 0 steps (stopping early, as the widget does, if |w| passes 10⁶).
Prints each step's w, L(w) and L′(w) as CSV, the same lines as the widget's "Download data"."""
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

torch.set_default_dtype(torch.float64)
# The engine follows torch's definitions in float64. torch's CPU kernels may round a
# multiply-add differently, so a number here can differ from the widget's in its last digit.

LR = 0.25
W0 = -2.5
STEPS = 0


def L(w):
    return (w - 1) ** 2


w = torch.tensor(W0, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=LR)
row("step", "w", "loss", "dL_dw")
for step in range(STEPS + 1):
    optimizer.zero_grad()
    loss = L(w)
    loss.backward()  # w.grad is now L'(w)
    row(step, w.item(), loss.item(), w.grad.item())
    if step == STEPS:
        break
    optimizer.step()  # w <- w - lr * w.grad
    if not math.isfinite(w.item()) or abs(w.item()) > 1e6:
        break  # diverged: the widget stops here too, without this step
