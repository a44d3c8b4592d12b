"""The optimizer race on rosenbrock, f = (1 − x)² + 100(y − x²)²: gd, sgd, momentum, nesterov, adagrad, rmsprop, adam,
each from (-1.2, 1) for 2000 steps with torch.optim and the widget's settings.
Prints each racer's path and f as CSV, the same lines as the widget's "Download data"."""
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


def seeded(seed):
    """The engine's generator (mulberry32): the same numbers in [0, 1) as seeded(seed) in the notebook."""
    state = int(seed) & 0xFFFFFFFF

    def imul(a, b):
        return (a * b) & 0xFFFFFFFF

    def random():
        nonlocal state
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        h = imul(state ^ (state >> 15), state | 1)
        h ^= (h + imul(h ^ (h >> 7), h | 61)) & 0xFFFFFFFF
        return (h ^ (h >> 14)) / 4294967296

    return random


def normal(random):
    """A standard normal number by Box-Muller, as the engine draws it: sqrt(-2 ln u1) cos(2 pi u2)."""
    u1 = 1 - random()
    u2 = random()
    return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)


def shuffle(random, items):
    """Shuffles a list in place as the engine does (Fisher-Yates, from the last position down)."""
    for i in range(len(items) - 1, 0, -1):
        j = math.floor((i + 1) * random())
        items[i], items[j] = items[j], items[i]
    return items

import torch

torch.set_default_dtype(torch.float64)
# The engine follows torch's definitions in float64. torch's CPU kernels may round a
# multiply-add differently, so a number here can differ from the widget's in its last digit.
# Here the gradient comes from autograd, while the engine uses the surface's gradient written out
# by hand: the same derivative, its terms added in another order, so it too can differ in the last digit.
# On Rosenbrock's curved valley y is close to x², so 100(y - x²)² is a difference of nearly equal
# numbers: those last digits are magnified there and grow over the race, to about 1e-12 of f.

START = [-1.2, 1.0]
STEPS = 2000
SEED = 1  # seed of SGD's gradient noise
EVERY = 1  # print every step, as the download does (the notebook cell prints fewer for its output limit)


def f(theta):
    x, y = theta[0], theta[1]
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2


# (name, printed?, optimizer, noise). Racer i draws its noise from the stream seeded(SEED * 7919 + i),
# as in the widget, so it keeps its place in this list even when it is not printed.
RACERS = [
    ("gd", True, lambda p: torch.optim.SGD(p, lr=0.00178), 0.0),
    ("sgd", True, lambda p: torch.optim.SGD(p, lr=0.00178), 2.0),
    ("momentum", True, lambda p: torch.optim.SGD(p, lr=0.00316, momentum=0.9), 0.0),
    ("nesterov", True, lambda p: torch.optim.SGD(p, lr=0.00133, momentum=0.9, nesterov=True), 0.0),
    ("adagrad", True, lambda p: torch.optim.Adagrad(p, lr=1.78), 0.0),
    ("rmsprop", True, lambda p: torch.optim.RMSprop(p, lr=0.00422, alpha=0.99), 0.0),
    ("adam", True, lambda p: torch.optim.Adam(p, lr=0.133, betas=(0.9, 0.999)), 0.0),
]


def run(i, make_optimizer, noise):
    random = seeded(SEED * 7919 + i)
    theta = torch.tensor(START, requires_grad=True)
    optimizer = make_optimizer([theta])
    path = [(theta[0].item(), theta[1].item(), f(theta).item())]
    for _ in range(STEPS):
        optimizer.zero_grad()
        f(theta).backward()
        if noise:
            # the noisy gradient: normal noise added to each component, x first
            with torch.no_grad():
                theta.grad.add_(torch.tensor([noise * normal(random), noise * normal(random)]))
        optimizer.step()
        x, y, loss = theta[0].item(), theta[1].item(), f(theta).item()
        # the widget stops a racer (diverged) once f is no number or it is 10⁶ from the start
        if not (math.isfinite(loss) and math.isfinite(x) and math.isfinite(y)) or math.hypot(x - START[0], y - START[1]) > 1e6:
            break
        path.append((x, y, loss))
    return path


row("optimizer", "step", "theta1", "theta2", "loss")
for i, (name, printed, make_optimizer, noise) in enumerate(RACERS):
    if printed:
        path = run(i, make_optimizer, noise)
        for k in range(0, len(path), EVERY):
            row(name, k, *path[k])
