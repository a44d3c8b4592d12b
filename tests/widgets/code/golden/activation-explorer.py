"""Activation functions and their derivatives f′ on x from -5 to 5, 401 samples:
sigmoid, tanh, relu. f comes from torch.nn.functional, f′ from autograd.
Prints the samples as CSV, the same lines as the activation explorer's "Download data"."""
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

NAMES = ["sigmoid", "tanh", "relu"]
RANGE = 5.0  # x runs over [-RANGE, RANGE]
SAMPLES = 401  # an odd number, so x = 0 is one of the samples

FUNCTIONS = {
    # step: 1 for x > 0, else 0 (0 at x = 0 too). torch has no derivative for heaviside: f' is 0
    # wherever it exists, and 0 is what we write (also at the jump, where there is none).
    "step": lambda x: torch.heaviside(x, torch.zeros_like(x)),
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": F.relu,  # f'(0) = 0, as in the engine
    "leaky_relu": F.leaky_relu,  # slope 0.01 for x <= 0
    "elu": F.elu,  # alpha = 1
    "gelu": F.gelu,  # the exact form x·Φ(x)
    # softplus: torch returns x itself above x = 20 (its threshold); the engine stays exact, and
    # the widget never goes past x = 20, so the two agree here.
    "softplus": F.softplus,
}

# The same evenly spaced x as the widget: -RANGE + 2·RANGE·i / (SAMPLES - 1), the last exactly RANGE
x = torch.tensor([-RANGE + ((RANGE - -RANGE) * i) / (SAMPLES - 1) for i in range(SAMPLES - 1)] + [RANGE], requires_grad=True)

columns = []
for name in NAMES:
    f = FUNCTIONS[name](x)
    if name == "step":
        df = torch.zeros_like(x)
    else:
        (df,) = torch.autograd.grad(f.sum(), x)
    columns += [f.detach().tolist(), df.tolist()]

row("x", *[label for name in NAMES for label in (name, name + "_derivative")])
for i, xi in enumerate(x.detach().tolist()):
    row(xi, *[column[i] for column in columns])
