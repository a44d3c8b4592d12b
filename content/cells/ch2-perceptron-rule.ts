// The perceptron learning rule, written out by hand, on the AND gate.
// The four examples come in the lab's order: (0,0), (0,1), (1,0), (1,1).
const examples = truthTable('AND');
const eta = 0.1; // the learning rate η
let w = [0.5, 0.3]; // w₁, w₂: the lab's starting state
let b = 0.2;
const sums: number[] = []; // every z, kept for the next cell

for (let epoch = 1; epoch <= 100; epoch++) {
  let mistakes = 0;
  for (const { input: x, target: y } of examples) {
    const z = w[0] * x[0] + w[1] * x[1] + b;
    sums.push(z);
    const yHat = z > 0 ? 1 : 0; // step(z): fires only when z > 0
    const error = y - yHat; // −1, 0 or +1
    if (error !== 0) mistakes++;
    // w_k ← w_k + η(y − ŷ)x_k and b ← b + η(y − ŷ)
    w = w.map((wk, k) => wk + eta * error * x[k]);
    b = b + eta * error;
  }
  print(`epoch ${epoch}: mistakes ${mistakes},`,
    `w = [${w.join(', ')}], b = ${b}`);
  if (mistakes === 0) break; // a clean pass changes nothing: converged
}
