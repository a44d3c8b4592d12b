"""The gradient check with PyTorch: parameter 0 (w⁽¹⁾₁₁) of the lesson's 2-2-1 sigmoid network on
one example, binary cross-entropy. Autograd's gradient against
the central difference at every ε from 10⁻¹ to 10⁻¹². Prints the widget's "Download data"."""
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
from torch import nn

torch.set_default_dtype(torch.float64)
# The engine follows torch's definitions in float64. torch's CPU kernels may round a
# multiply-add differently, so a number here can differ from the widget's in its last digit.
# At small ε the central difference is mostly rounding: a last-digit difference between torch's loss
# and the engine's is divided by 2ε, so the numeric column (and the relative error) agrees with the
# widget's only to a few times 1e-16 / ε: about 1e-15 at ε = 10⁻¹, 1e-4 at ε = 10⁻¹².

x = torch.tensor([[1.0, 0.5]])
y = torch.tensor([[1.0]])
model = nn.Sequential(nn.Linear(2, 2), nn.Sigmoid(), nn.Linear(2, 1))  # σ of the output is in the loss
with torch.no_grad():
    model[0].weight.copy_(torch.tensor([[0.6, -0.4], [0.2, 0.9]]))
    model[0].bias.copy_(torch.tensor([0.0, -0.1]))
    model[2].weight.copy_(torch.tensor([[0.7, -0.5]]))
    model[2].bias.copy_(torch.tensor([0.1]))


def loss_fn():
    # binary cross-entropy through σ, from the logit, as the engine computes it: softplus(z) − y·z
    return F.binary_cross_entropy_with_logits(model(x), y)


param = 0
loss_fn().backward()
flat = [q.view(-1) for q in model.parameters()]
grads = torch.cat([q.grad.view(-1) for q in model.parameters()])
analytic = grads[param].item()

# Which tensor and element parameter 0 is (torch's layout: W⁽¹⁾, b⁽¹⁾, W⁽²⁾, b⁽²⁾)
tensor, i = next((t, param - sum(len(u) for u in flat[:n])) for n, t in enumerate(flat) if param < sum(len(u) for u in flat[: n + 1]))


def relative_error(a, b):
    scale = max(abs(a), abs(b))
    return 0.0 if scale == 0 else abs(a - b) / scale


epsilons = [
    0.1, 0.05623413251903491, 0.03162277660168379, 0.01778279410038923,
    0.01, 0.005623413251903491, 0.0031622776601683794, 0.0017782794100389228,
    0.001, 0.0005623413251903491, 0.00031622776601683794, 0.00017782794100389227,
    0.0001, 0.00005623413251903491, 0.000031622776601683795, 0.00001778279410038923,
    0.00001, 0.000005623413251903491, 0.000003162277660168379, 0.000001778279410038923,
    0.000001, 5.62341325190349e-7, 3.162277660168379e-7, 1.7782794100389227e-7,
    1e-7, 5.6234132519034905e-8, 3.162277660168379e-8, 1.7782794100389228e-8,
    1e-8, 5.623413251903491e-9, 3.1622776601683795e-9, 1.7782794100389228e-9,
    1e-9, 5.623413251903491e-10, 3.1622776601683795e-10, 1.778279410038923e-10,
    1e-10, 5.6234132519034906e-11, 3.1622776601683794e-11, 1.7782794100389227e-11,
    1e-11, 5.6234132519034904e-12, 3.1622776601683794e-12, 1.7782794100389228e-12,
    1e-12,
]
row("eps", "numeric", "analytic", "relative_error")
with torch.no_grad():
    saved = tensor[i].item()
    for eps in epsilons:
        tensor[i] = saved + eps
        up = loss_fn().item()
        tensor[i] = saved - eps
        down = loss_fn().item()
        tensor[i] = saved
        numeric = (up - down) / (2 * eps)
        row(eps, numeric, analytic, relative_error(analytic, numeric))
print("# parameter=w⁽¹⁾₁₁ bug=none")
