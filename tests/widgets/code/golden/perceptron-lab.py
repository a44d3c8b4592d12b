"""The perceptron lab: the truth table of AND with the weighted sum z = w1·x1 + w2·x2 + b and the
output ŷ = step(z) for w1 = 0.5, w2 = 0.3, b = 0.2, printed as CSV (the same lines as the widget's
"Download data"); then the perceptron rule with learning rate 0.1 from those weights, as the
widget's "Train to the end" runs it, reported on standard error.
Plain Python with NumPy: the perceptron rule is not gradient descent, so torch.optim has no form of it."""
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

import sys

import numpy as np

GATE = "AND"
X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])  # the inputs, in the order the rule visits them
Y = np.array([0, 0, 0, 1])  # the targets y of AND
w = np.array([0.5, 0.3])  # w1, w2
b = 0.2
LR = 0.1  # the learning rate η
MAX_EPOCHS = 100


def round9(v):
    """Rounds to 9 decimal places, halves up, as the engine does, so decimal weights give exactly
    the numbers of a hand calculation (in binary 0.2 + 0.1 - 0.3 is 5.6e-17, not 0, and would fire)."""
    scaled = np.asarray(v, dtype=float) * 1e9
    whole = np.floor(scaled)
    return (whole + (scaled - whole >= 0.5)) / 1e9 + 0.0  # + 0.0 turns -0.0 into 0.0


def weighted_sum(w, b, x):
    """z = w·x + b, added up from b in the engine's order, rounded to 9 places."""
    z = b
    for wk, xk in zip(w, x):
        z += wk * xk
    return float(round9(z))


def step(z):
    """The step function: 1 when z > 0, else 0 (also at z = 0)."""
    return 1 if z > 0 else 0


row("x1", "x2", "target", "weighted_sum", "output", "correct")
for x, y in zip(X, Y):
    z = weighted_sum(w, b, x)
    y_hat = step(z)
    row(*x, float(y), z, float(y_hat), float(y_hat == y))
print()
row(f"# gate={GATE} w1={num(w[0])} w2={num(w[1])} b={num(b)} lr={num(LR)} epochs=0")


def train(w, b):
    """The perceptron rule, one row at a time: w <- w + η(y - ŷ)x, b <- b + η(y - ŷ), until an
    epoch makes no mistake, or MAX_EPOCHS."""
    for epoch in range(1, MAX_EPOCHS + 1):
        mistakes = 0
        for x, y in zip(X, Y):
            error = y - step(weighted_sum(w, b, x))
            if error != 0:
                w = round9(w + LR * error * x)
                b = float(round9(b + LR * error))
                mistakes += 1
        if mistakes == 0:
            return w, b, epoch, True
    return w, b, MAX_EPOCHS, False


# Training goes to standard error, so standard output stays the widget's CSV
w, b, epochs, converged = train(w, b)
print(f"trained: converged={converged} epochs={epochs} w1={num(w[0])} w2={num(w[1])} b={num(b)}", file=sys.stderr)
