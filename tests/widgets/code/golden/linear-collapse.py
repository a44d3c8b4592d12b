"""Linear collapse: a stack of 3 dense layers from x to ŷ (1 unit per hidden layer, the
weights of seed 1), run with nothing between the layers and with tanh between them, and the
single layer ŷ = a·x + b the first one equals. Prints the curves on x from -3 to 3 as CSV, the
same lines as the widget's "Download data"."""
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
from torch import nn

torch.set_default_dtype(torch.float64)
# The engine follows torch's definitions in float64. torch's CPU kernels may round a
# multiply-add differently, so a number here can differ from the widget's in its last digit.

# Each layer's weight matrix (units out × units in, as nn.Linear.weight) and biases, as the widget drew them
LAYERS = [
    # layer 1: 1 in, 1 out
    (
        [
            [0.6027357211802155],
        ],
        [0.027447039959952235],
    ),
    # layer 2: 1 in, 1 out
    (
        [
            [1.568377898214385],
        ],
        [-0.21889649704098701],
    ),
    # layer 3: 1 in, 1 out
    (
        [
            [1.3207431411370636],
        ],
        [-0.07420304790139198],
    ),
]


def stack(between=None):
    """nn.Linear layers with the LAYERS weights, and `between` after every layer but the last."""
    parts = []
    for k, (weight, bias) in enumerate(LAYERS):
        layer = nn.Linear(len(weight[0]), len(weight))
        with torch.no_grad():
            layer.weight.copy_(torch.tensor(weight))
            layer.bias.copy_(torch.tensor(bias))
        parts.append(layer)
        if between is not None and k < len(LAYERS) - 1:
            parts.append(between)
    return nn.Sequential(*parts)


straight = stack()
bent = stack(nn.Tanh())

# Without activations the stack is one layer: W = W_L ··· W_1, b = W_L(··· (W_2 b_1 + b_2) ···) + b_L
weight = torch.eye(1)
bias = torch.zeros(1)
with torch.no_grad():
    for layer in straight:
        weight = layer.weight @ weight
        bias = layer.weight @ bias + layer.bias
a, b = weight.item(), bias.item()

n = 241
xs = [-3.0 + (6.0 * i) / (n - 1) for i in range(n - 1)] + [3.0]
x = torch.tensor(xs).reshape(n, 1)
with torch.no_grad():
    linear_stack = straight(x).flatten().tolist()
    with_activation = bent(x).flatten().tolist()

row("x", "linear_stack", "single_layer", "with_tanh")
for i in range(n):
    row(xs[i], linear_stack[i], a * xs[i] + b, with_activation[i])
