// 같은 시작점, 같은 η로 학습한 엔진의 퍼셉트론
// (`eta`와 `sums`는 위의 셀에서 옵니다).
const start = { weights: [0.5, 0.3], bias: 0.2 };
const run = train(start, truthTable('AND'), { lr: eta });
print('engine: epochs', run.epochs, 'with mistakes', run.mistakesPerEpoch);
print('engine: w =', run.perceptron.weights, 'b =', run.perceptron.bias);

// 엔진은 모든 합과 가중치를 소수점 아래 9자리로 반올림하므로, 종이 위에서
// 0인 합은 정확히 0입니다. 일반 부동소수점은 작은 찌꺼기를 남기고
// (0.1 + 0.2는 0.30000000000000004), 0보다 조금 큰 찌꺼기는 발화합니다.
// 여러분의 규칙과 엔진이 발화 여부에서 처음으로 어긋나는 단계:
const i = run.records.findIndex((r, k) => r.sum > 0 !== sums[k] > 0);
i < 0
  ? 'every step fires alike'
  : `step ${i + 1}: z = ${sums[i]} by hand, ` +
    `${run.records[i].sum} in the engine`;
