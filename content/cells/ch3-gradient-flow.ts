// The gradient-flow experiment's three networks at step 0: 10 hidden
// layers of 8 units, seed 1, on its 200 circle points (flowData),
// with binary cross-entropy as the loss.
const circle = flowData().train;
const depth = 10;
const profiles: Record<string, Float64Array> = {};

for (const hidden of ['sigmoid', 'tanh', 'relu'] as const) {
  const net = flowNetwork(hidden, depth, 8, 1);
  const { grad } = net.lossAndGrad(circle.x, circle.y, 'bce');
  // mean |∂L/∂w| of each layer's weights, layer 1 (the input's) first
  profiles[hidden] = gradientProfile(net, grad);
  const share = attenuation(profiles[hidden])!.toPrecision(2);
  print(`${hidden}: layer 1 gets ${share} of the output layer's gradient`);
}

// Beside the sigmoid network, the 0.25ⁿ chain: its output layer's
// gradient, times 0.25 for every sigmoid layer on the way back.
const sig = profiles.sigmoid;
const x = Array.from(sig, (_, l) => l + 1);
const ceiling = chainProfile(sig.length, sig[sig.length - 1], 0.25);
plot([
  { label: 'sigmoid', x, y: sig },
  { label: '0.25ⁿ chain', x, y: ceiling },
  { label: 'tanh', x, y: profiles.tanh },
  { label: 'ReLU', x, y: profiles.relu },
], {
  title: 'Mean |∂L/∂w| per layer at step 0',
  xLabel: 'layer (1 = next to the input)',
  yLabel: 'mean |∂L/∂w|',
  logY: true,
});
