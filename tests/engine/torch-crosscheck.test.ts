/**
 * The chapter 5 stepper's numbers against PyTorch (float64 autograd). Needs a Python with torch
 * (Debian: `apt-get install -y python3-torch`; or set TORCH_PYTHON); skips, saying why, without one.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { backpropSteps } from '../../src/engine/backprop-steps.ts';
import { createMLP } from '../../src/engine/index.ts';

function findTorchPython(): string | null {
  for (const python of [process.env.TORCH_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean) as string[]) {
    try {
      execFileSync(python, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 });
      return python;
    } catch {
      // try the next one
    }
  }
  return null;
}

const python = findTorchPython();
if (!python) console.warn('torch cross-check skipped: no Python with torch found (apt-get install -y python3-torch, or set TORCH_PYTHON)');

const SCRIPT = `
import json, sys, torch
torch.set_default_dtype(torch.float64)
cases = json.load(sys.stdin)
out = []
for c in cases:
    p = torch.tensor(c["params"], dtype=torch.float64, requires_grad=True)
    x = torch.tensor(c["x"], dtype=torch.float64); y = torch.tensor(c["y"], dtype=torch.float64)
    W1 = p[0:4].reshape(2, 2); b1 = p[4:6]; W2 = p[6:8].reshape(1, 2); b2 = p[8:9]
    act = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu}[c["hidden"]]
    a1 = act(W1 @ x + b1)
    yhat = torch.sigmoid(W2 @ a1 + b2)
    loss = torch.nn.functional.mse_loss(yhat, y) if c["loss"] == "mse" else torch.nn.functional.binary_cross_entropy(yhat, y)
    loss.backward()
    with torch.no_grad():
        updated = p - c["lr"] * p.grad
    out.append({"loss": loss.item(), "grad": p.grad.tolist(), "updated": updated.tolist()})
print(json.dumps(out))
`;

describe.skipIf(!python)('backpropSteps against PyTorch', () => {
  const cases = (['sigmoid', 'tanh', 'relu'] as const).flatMap((hidden, h) =>
    (['mse', 'bce'] as const).map((loss, l) => {
      const net = createMLP({ sizes: [2, 2, 1], hidden, output: 'sigmoid', seed: 11 + h * 2 + l });
      return { hidden, loss, params: Array.from(net.params), x: [0.35, -0.9], y: [l === 0 ? 0.2 : 1], lr: 0.7 };
    }));

  test('backpropSteps gives torch autograd’s loss, gradient and SGD update to 1e-14', () => {
    const torch = JSON.parse(execFileSync(python!, ['-c', SCRIPT], { input: JSON.stringify(cases) }).toString()) as
      { loss: number; grad: number[]; updated: number[] }[];
    cases.forEach((c, i) => {
      const net = createMLP({ sizes: [2, 2, 1], hidden: c.hidden, output: 'sigmoid' });
      net.params.set(c.params);
      const pass = backpropSteps(net, c.x, c.y, c.loss, { lr: c.lr });
      expect(Math.abs(pass.loss - torch[i].loss)).toBeLessThan(1e-14);
      torch[i].grad.forEach((g, k) => expect(Math.abs(pass.grad[k] - g)).toBeLessThan(1e-14));
      torch[i].updated.forEach((u, k) => expect(Math.abs(pass.updated[k] - u)).toBeLessThan(1e-14));
    });
  }, 60_000);
});
