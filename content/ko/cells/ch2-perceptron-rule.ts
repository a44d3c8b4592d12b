// AND 게이트에 대해 손으로 직접 쓴 퍼셉트론 학습 규칙.
// 네 예제는 실험과 같은 순서로 들어옵니다: (0,0), (0,1), (1,0), (1,1).
const examples = truthTable('AND');
const eta = 0.1; // 학습률 η
let w = [0.5, 0.3]; // w₁, w₂: 실험의 시작 상태
let b = 0.2;
const sums: number[] = []; // 모든 z를 다음 셀을 위해 저장

for (let epoch = 1; epoch <= 100; epoch++) {
  let mistakes = 0;
  for (const { input: x, target: y } of examples) {
    const z = w[0] * x[0] + w[1] * x[1] + b;
    sums.push(z);
    const yHat = z > 0 ? 1 : 0; // step(z): z > 0일 때만 발화
    const error = y - yHat; // −1, 0 또는 +1
    if (error !== 0) mistakes++;
    // w_k ← w_k + η(y − ŷ)x_k 그리고 b ← b + η(y − ŷ)
    w = w.map((wk, k) => wk + eta * error * x[k]);
    b = b + eta * error;
  }
  print(`epoch ${epoch}: mistakes ${mistakes},`,
    `w = [${w.join(', ')}], b = ${b}`);
  if (mistakes === 0) break; // 실수 없는 한 번의 훑기는 아무것도 바꾸지 않음: 수렴
}
