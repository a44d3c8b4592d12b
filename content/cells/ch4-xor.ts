// A 2-3-1 network learns XOR: 2 inputs, 3 tanh units, 1 sigmoid output.
const xor = gateSamples('xor');
const net = createMLP({ sizes: [2, 3, 1], hidden: 'tanh', output: 'sigmoid', seed: 1 });
const trainer = createTrainer({
  net,
  data: { train: xor },
  optimizer: { kind: 'adam', lr: 0.05 },
  loss: 'bce',
});
trainer.run(500);
print('after', trainer.step, 'steps:', net.evaluate(xor.x, xor.y, 'bce'));
plot(trainer.history.steps.loss, {
  title: 'Training loss', label: 'loss', xLabel: 'step', yLabel: 'loss', logY: true,
});

// The hidden layer: one row per unit, its weights w1, w2 and its bias b.
const hidden = net.layers[0];
table([0, 1, 2].map((j) => ({
  unit: j + 1,
  w1: net.params[hidden.weightOffset + 2 * j],
  w2: net.params[hidden.weightOffset + 2 * j + 1],
  b: net.params[hidden.biasOffset + j],
})));

// The output for the corners (0,0), (0,1), (1,0), (1,1); a notebook
// shows the value of the last line.
xor.x.map((x) => net.forward(x)[0]);
