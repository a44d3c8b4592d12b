"""Momentum in a valley: the heavy ball (SGD with momentum 0.9) and plain gradient descent,
both with learning rate 0.04, for 150 steps on f(θ) = θ₁² + 10θ₂² from (-3.5, 1.5).
Prints the path of each as CSV, the same lines as the widget's "Download data"."""
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


def f(theta):
    return theta[0] ** 2 + 10 * theta[1] ** 2


def run(momentum):
    theta = torch.tensor([-3.5, 1.5], requires_grad=True)
    optimizer = torch.optim.SGD([theta], lr=0.04, momentum=momentum)
    path = [theta.tolist()]
    for _ in range(150):
        optimizer.zero_grad()
        f(theta).backward()
        optimizer.step()
        path.append(theta.tolist())
    return path


heavy = run(0.9)
plain = run(0.0)
row("step", "momentum_theta1", "momentum_theta2", "gd_theta1", "gd_theta2")
for k in range(len(heavy)):
    row(k, *heavy[k], *plain[k])
