/**
 * "Show me the code" for Momentum in a valley: the heavy ball and plain gradient descent on
 * θ₁² + 10θ₂² for VALLEY_STEPS steps from the bowl's start, as a notebook cell and as a PyTorch
 * program (torch.optim.SGD with and without momentum), each printing the widget's CSV.
 */
import { surface } from '../../engine/surfaces.ts';
import { jsList, jsNum, PY_PRECISION_NOTE, PY_PRELUDE, pyList, pyNum, type WidgetCode } from '../../lib/widget-code.ts';
import { VALLEY_STEPS, type ValleyState } from './model.svelte.ts';

const HEADER = 'step,momentum_theta1,momentum_theta2,gd_theta1,gd_theta2';

export function valleyCode(state: ValleyState): WidgetCode {
  const { lr, beta } = state;
  const start = surface('bowl').start;
  const engine = `// Momentum in a valley: η = ${lr}, μ = ${beta} on f(θ) = θ₁² + 10θ₂², ${VALLEY_STEPS} steps.
const bowl = surface('bowl');
const start = ${jsList(start)};
const [heavy, plain] = race(bowl, [
  { spec: { kind: 'momentum', lr: ${jsNum(lr)}, momentum: ${jsNum(beta)} } },
  { spec: { kind: 'sgd', lr: ${jsNum(lr)} } },
], start, { steps: ${VALLEY_STEPS} });

// The path of each as CSV, the same lines as the widget's "Download data"
const lines = ['${HEADER}'];
for (let k = 0; k < heavy.loss.length; k++) {
  lines.push([k, heavy.path[2 * k], heavy.path[2 * k + 1], plain.path[2 * k], plain.path[2 * k + 1]].join(','));
}
print(lines.join('\\n'));

const along = (lane, axis) => Array.from(lane.loss, (_, k) => Math.max(1e-16, Math.abs(lane.path[2 * k + axis])));
plot([
  { label: '|θ₁|, momentum', y: along(heavy, 0) },
  { label: '|θ₂|, momentum', y: along(heavy, 1) },
  { label: '|θ₁|, plain GD', y: along(plain, 0) },
], { title: 'Distance from the minimum', xLabel: 'step', yLabel: '|θ|', logY: true });
`;
  const python = `"""Momentum in a valley: the heavy ball (SGD with momentum ${beta}) and plain gradient descent,
both with learning rate ${lr}, for ${VALLEY_STEPS} steps on f(θ) = θ₁² + 10θ₂² from (${start[0]}, ${start[1]}).
Prints the path of each as CSV, the same lines as the widget's "Download data"."""
${PY_PRELUDE}
import torch

torch.set_default_dtype(torch.float64)
${PY_PRECISION_NOTE}


def f(theta):
    return theta[0] ** 2 + 10 * theta[1] ** 2


def run(momentum):
    theta = torch.tensor(${pyList(start)}, requires_grad=True)
    optimizer = torch.optim.SGD([theta], lr=${pyNum(lr)}, momentum=momentum)
    path = [theta.tolist()]
    for _ in range(${VALLEY_STEPS}):
        optimizer.zero_grad()
        f(theta).backward()
        optimizer.step()
        path.append(theta.tolist())
    return path


heavy = run(${pyNum(beta)})
plain = run(0.0)
row(${HEADER.split(',').map((h) => `"${h}"`).join(', ')})
for k in range(len(heavy)):
    row(k, *heavy[k], *plain[k])
`;
  return { engine, python, pythonKind: 'pytorch' };
}
