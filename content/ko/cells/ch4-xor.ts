// 2-3-1 신경망이 XOR을 배웁니다: 입력 2개, tanh 유닛 3개, 시그모이드 출력 1개.
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

// 은닉층: 유닛마다 한 행으로, 그 유닛의 가중치 w1, w2와 편향 b를 보여 줍니다.
const hidden = net.layers[0];
table([0, 1, 2].map((j) => ({
  unit: j + 1,
  w1: net.params[hidden.weightOffset + 2 * j],
  w2: net.params[hidden.weightOffset + 2 * j + 1],
  b: net.params[hidden.biasOffset + j],
})));

// 꼭짓점 (0,0), (0,1), (1,0), (1,1)에 대한 출력입니다. 노트북은
// 마지막 줄의 값을 보여 줍니다.
xor.x.map((x) => net.forward(x)[0]);
