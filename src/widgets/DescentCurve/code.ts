/**
 * "Show me the code" for Descent on a curve: w ← w − η·L′(w) on the chosen 1-D loss for the steps
 * the widget has taken, as a notebook cell (the engine's descend) and as a PyTorch program
 * (torch.optim.SGD on one parameter, L′ from autograd), each printing the widget's CSV.
 */
import { curve } from '../../engine/descent.ts';
import { jsNum, PY_PRECISION_NOTE, PY_PRELUDE, pyInt, pyNum, strLit, type WidgetCode } from '../../lib/widget-code.ts';
import type { DescentState } from './model.svelte.ts';

const HEADER = 'step,w,loss,dL_dw';

/** Each curve's formula, as the cell's comment and as Python source. */
const FORMULA = {
  quadratic: { text: 'L(w) = (w − 1)²', py: '(w - 1) ** 2' },
  'double-well': { text: 'L(w) = w⁴/4 − w² + w/2 + 2', py: 'w ** 4 / 4 - w * w + w / 2 + 2' },
} as const;

export function descentCode(state: DescentState): WidgetCode {
  const { lr, w0, steps } = state;
  const formula = FORMULA[state.curve];
  void curve(state.curve); // throws for an unknown curve name
  const engine = `// Descent on a curve: w ← w − η·L′(w) on ${formula.text}.
const name = ${strLit(state.curve)};
const lr = ${jsNum(lr)};   // η
const w0 = ${jsNum(w0)};   // where the ball starts
const steps = ${steps};

const c = curve(name);
// descend stops early if |w| runs past 1e6 (diverged): path.taken says how far it got
const path = descend(c, w0, lr, steps);

// Each step's w, L(w) and slope L′(w): the same lines as the widget's "Download data"
const lines = ['${HEADER}'];
for (let k = 0; k <= path.taken; k++) {
  lines.push([k, path.w[k], path.loss[k], c.df(path.w[k])].join(','));
}
print(lines.join('\\n'));
${steps > 0 ? `
plot([{ label: 'L(w)', y: Array.from(path.loss) }], { title: 'Loss after each step', xLabel: 'step', yLabel: 'L(w)' });
` : ''}`;
  const python = `"""Descent on a curve: gradient descent w ← w − η·L′(w) with η = ${lr} from w = ${w0}
on ${formula.text}, for ${steps} steps (stopping early, as the widget does, if |w| passes 10⁶).
Prints each step's w, L(w) and L′(w) as CSV, the same lines as the widget's "Download data"."""
${PY_PRELUDE}
import torch

torch.set_default_dtype(torch.float64)
${PY_PRECISION_NOTE}

LR = ${pyNum(lr)}
W0 = ${pyNum(w0)}
STEPS = ${pyInt(steps)}


def L(w):
    return ${formula.py}


w = torch.tensor(W0, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=LR)
row(${HEADER.split(',').map((h) => `"${h}"`).join(', ')})
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
`;
  return { engine, python, pythonKind: 'pytorch' };
}
