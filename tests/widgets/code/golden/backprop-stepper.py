"""The backprop stepper with PyTorch: a 2-2-1 network (sigmoid hidden units, sigmoid output) on one
example, loss bce. Autograd gives every gradient, central differences check them, and one step of
torch.optim.SGD (lr 0.5) updates the weights. Prints the gradient table of the widget's "Download data"."""
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
# The numerical gradient divides a difference of two losses by 2h = 0.000002, so a last-digit
# difference in a loss grows a millionfold there: that column agrees with the widget's to about
# 1e-10, and the relative error (that difference over |∂L/∂θ|) to about 1e-10 / |∂L/∂θ|; the other
# columns agree to the last digit or so.

x = torch.tensor([[1.0, 0.5]])
y = torch.tensor([[1.0]])

# The last layer gives the logit z; σ is applied in the loss below.
model = nn.Sequential(nn.Linear(2, 2), nn.Sigmoid(), nn.Linear(2, 1))
with torch.no_grad():
    model[0].weight.copy_(torch.tensor([[0.6,-0.4],[0.2,0.9]]))
    model[0].bias.copy_(torch.tensor([0.0, -0.1]))
    model[2].weight.copy_(torch.tensor([[0.7,-0.5]]))
    model[2].bias.copy_(torch.tensor([0.1]))
params = list(model.parameters())  # torch's layout: W⁽¹⁾, b⁽¹⁾, W⁽²⁾, b⁽²⁾


def loss_fn():
    z = model(x)
    # binary cross-entropy through σ, as the engine computes it from the logit: softplus(z) − y·z
    return F.binary_cross_entropy_with_logits(z, y)


loss = loss_fn()
loss.backward()
grads = [p.grad.clone() for p in params]
values = [p.detach().clone() for p in params]

# The check: nudge each parameter by ±h and difference the losses
h = 0.000001
numeric = []
with torch.no_grad():
    for p in params:
        flat = p.view(-1)
        for i in range(flat.numel()):
            keep = flat[i].item()
            flat[i] = keep + h
            up = loss_fn().item()
            flat[i] = keep - h
            down = loss_fn().item()
            flat[i] = keep
            numeric.append((up - down) / (2 * h))

# One step of gradient descent: θ ← θ − η∇L
optimizer = torch.optim.SGD(params, lr=0.5)
optimizer.step()


def relative_error(a, b):
    scale = max(abs(a), abs(b))
    return 0.0 if scale == 0 else abs(a - b) / scale


names = ["\"w⁽¹⁾₁₁\"", "\"w⁽¹⁾₁₂\"", "\"w⁽¹⁾₂₁\"", "\"w⁽¹⁾₂₂\"", "\"b⁽¹⁾₁\"", "\"b⁽¹⁾₂\"", "\"w⁽²⁾₁₁\"", "\"w⁽²⁾₁₂\"", "\"b⁽²⁾\""]
row("parameter", "value", "grad_backprop", "grad_numeric", "relative_error", "after_update")
value = [v.item() for t in values for v in t.view(-1)]
grad = [g.item() for t in grads for g in t.view(-1)]
after = [a.item() for p in params for a in p.detach().view(-1)]
for i, name in enumerate(names):
    row(name, value[i], grad[i], numeric[i], relative_error(grad[i], numeric[i]), after[i])
print()
print("loss L =", num(loss.item()))
