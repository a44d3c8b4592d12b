/**
 * "Show me the code" for the optimizer race: every racer with the widget's settings, RACE_STEPS
 * steps from the same start on the chosen surface, as a notebook cell (the engine's race) and as a
 * PyTorch program (torch.optim's seven rules on one two-number parameter, ∇f from autograd), each
 * printing the widget's CSV. SGD's gradient noise comes from the engine's seeded generator, which
 * the Python program carries (PY_RANDOM), so both draw the same noise numbers.
 */
import { surface, type SurfaceName } from '../../engine/surfaces.ts';
import { RACE_STEPS, racerNames, type RacerName } from '../../engine/race-presets.ts';
import { jsList, jsNum, PY_PRECISION_NOTE, PY_PRELUDE, PY_RANDOM, pyInt, pyList, pyNum, strLit, type WidgetCode } from '../../lib/widget-code.ts';
import type { RaceState } from './model.svelte.ts';

const HEADER = 'optimizer,step,theta1,theta2,loss';

/** Each surface's formula: as words for comments, and as Python on x, y (tensors). */
const FORMULA: Record<SurfaceName, { text: string; py: string }> = {
  bowl: { text: 'f = x² + 10y²', py: 'x * x + 10 * y * y' },
  rosenbrock: { text: 'f = (1 − x)² + 100(y − x²)²', py: '(1 - x) ** 2 + 100 * (y - x * x) ** 2' },
  beale: { text: 'f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²', py: '(1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2' },
  saddle: { text: 'f = x² + y⁴ − 2y²', py: 'x * x + y ** 4 - 2 * y * y' },
  himmelblau: { text: 'f = (x² + y − 11)² + (x + y² − 7)²', py: '(x * x + y - 11) ** 2 + (x + y * y - 7) ** 2' },
};

/** Rough characters per printed CSV line, to keep the cell's output under the notebook's 100,000. */
const CHARS_PER_LINE = 90;
const STRIDES = [1, 2, 4, 5, 8, 10, 20, 25, 40, 50, 100];

/** Print every `raceStride`-th step so the cell's output stays under the notebook's limit. */
export function raceStride(state: RaceState): number {
  const on = racerNames.filter((r) => state.racers[r].on).length;
  return STRIDES.find((e) => on * (Math.floor(RACE_STEPS / e) + 1) * CHARS_PER_LINE <= 90_000) ?? 100;
}

/** The engine spec of one racer, as JavaScript source (what runnerFor builds). */
function jsSpec(name: RacerName, state: RaceState): string {
  const { lr, beta, beta2, noise } = state.racers[name];
  const l = jsNum(lr);
  switch (name) {
    case 'gd': return `{ kind: 'sgd', lr: ${l} }`;
    case 'sgd': return `{ kind: 'sgd', lr: ${l} }, noise: ${jsNum(noise)}`;
    case 'momentum': return `{ kind: 'momentum', lr: ${l}, momentum: ${jsNum(beta)} }`;
    case 'nesterov': return `{ kind: 'nesterov', lr: ${l}, momentum: ${jsNum(beta)} }`;
    case 'adagrad': return `{ kind: 'adagrad', lr: ${l} }`;
    case 'rmsprop': return `{ kind: 'rmsprop', lr: ${l}, alpha: ${jsNum(beta2)} }`;
    case 'adam': return `{ kind: 'adam', lr: ${l}, betas: [${jsNum(beta)}, ${jsNum(beta2)}] }`;
  }
}

/** The torch.optim constructor of one racer, as Python source. */
function pyOptimizer(name: RacerName, state: RaceState): string {
  const { lr, beta, beta2 } = state.racers[name];
  const l = pyNum(lr);
  switch (name) {
    case 'gd':
    case 'sgd': return `lambda p: torch.optim.SGD(p, lr=${l})`;
    case 'momentum': return `lambda p: torch.optim.SGD(p, lr=${l}, momentum=${pyNum(beta)})`;
    case 'nesterov': return `lambda p: torch.optim.SGD(p, lr=${l}, momentum=${pyNum(beta)}, nesterov=True)`;
    case 'adagrad': return `lambda p: torch.optim.Adagrad(p, lr=${l})`;
    case 'rmsprop': return `lambda p: torch.optim.RMSprop(p, lr=${l}, alpha=${pyNum(beta2)})`;
    case 'adam': return `lambda p: torch.optim.Adam(p, lr=${l}, betas=(${pyNum(beta)}, ${pyNum(beta2)}))`;
  }
}

export function raceCode(state: RaceState): WidgetCode {
  const s = surface(state.surface);
  const formula = FORMULA[state.surface];
  const every = raceStride(state);
  const on = racerNames.filter((r) => state.racers[r].on);
  const width = Math.max(...racerNames.map((r) => r.length));
  const engine = `// The optimizer race on ${state.surface} (${formula.text}) from (${state.start[0]}, ${state.start[1]}), ${RACE_STEPS} steps.
const s = surface(${strLit(state.surface)});
const start = ${jsList(state.start)};
const steps = ${RACE_STEPS};
const seed = ${state.seed};   // seed of SGD's gradient noise

// Every racer with the widget's settings (torch.optim's names). All seven race even when some are
// hidden, because each draws its noise stream from the seed and its place in this list; \`on\` says
// which are printed. SGD adds normal noise of standard deviation \`noise\` to each gradient component.
const racers = [
${racerNames.map((r) => `  { name: ${`'${r}',`.padEnd(width + 3)} on: ${String(state.racers[r].on).padEnd(5)}, spec: ${jsSpec(r, state)} },`).join('\n')}
];
const lanes = race(s, racers, start, { steps, seed });

// Each racer's path and f as CSV, the same lines as the widget's "Download data". A cell prints at
// most 100,000 characters, so this prints every ${every === 1 ? '' : `${every}th `}step${every === 1 ? '' : ' (every = 1 prints them all, with fewer racers on)'}.
const every = ${every};
const lines = ['${HEADER}'];
racers.forEach((r, i) => {
  if (!r.on) return;
  const { path, loss } = lanes[i];
  for (let k = 0; k < loss.length; k += every) lines.push([r.name, k, path[2 * k], path[2 * k + 1], loss[k]].join(','));
});
print(lines.join('\\n'));

plot(racers.flatMap((r, i) => r.on ? [{ label: r.name, y: Array.from(lanes[i].loss, (f) => Math.max(1e-16, f - s.minValue)) }] : []),
  { title: 'f − f_min after each step', xLabel: 'step', yLabel: 'f − f_min', logY: true });
`;
  const python = `"""The optimizer race on ${state.surface}, ${formula.text}: ${on.length === 0 ? 'no racers on' : on.join(', ')},
each from (${state.start[0]}, ${state.start[1]}) for ${RACE_STEPS} steps with torch.optim and the widget's settings.
Prints each racer's path and f as CSV, the same lines as the widget's "Download data"."""
${PY_PRELUDE}${PY_RANDOM}
import torch

torch.set_default_dtype(torch.float64)
${PY_PRECISION_NOTE}
# Here the gradient comes from autograd, while the engine uses the surface's gradient written out
# by hand: the same derivative, its terms added in another order, so it too can differ in the last digit.${state.surface === 'rosenbrock' ? `
# On Rosenbrock's curved valley y is close to x², so 100(y - x²)² is a difference of nearly equal
# numbers: those last digits are magnified there and grow over the race, to about 1e-12 of f.` : ''}

START = ${pyList(state.start)}
STEPS = ${pyInt(RACE_STEPS)}
SEED = ${pyInt(state.seed)}  # seed of SGD's gradient noise
EVERY = 1  # print every step, as the download does (the notebook cell prints fewer for its output limit)


def f(theta):
    x, y = theta[0], theta[1]
    return ${formula.py}


# (name, printed?, optimizer, noise). Racer i draws its noise from the stream seeded(SEED * 7919 + i),
# as in the widget, so it keeps its place in this list even when it is not printed.
RACERS = [
${racerNames.map((r) => `    (${strLit(r)}, ${state.racers[r].on ? 'True' : 'False'}, ${pyOptimizer(r, state)}, ${r === 'sgd' ? pyNum(state.racers[r].noise) : '0.0'}),`).join('\n')}
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


row(${HEADER.split(',').map((h) => `"${h}"`).join(', ')})
for i, (name, printed, make_optimizer, noise) in enumerate(RACERS):
    if printed:
        path = run(i, make_optimizer, noise)
        for k in range(0, len(path), EVERY):
            row(name, k, *path[k])
`;
  return { engine, python, pythonKind: 'pytorch' };
}
