// `featured`는 위 셀이 훈련한 모델입니다. 페이지의 셀들은 자신이
// 정의한 것을 공유합니다. 열마다 하나씩인 가중치(x₁, x₂, 그다음
// 사람이 만든 특성들)와 편향:
for (const { label, weight } of featured.weights) {
  print(label.padEnd(6), weight.toFixed(2));
}
print('bias  ', featured.bias.toFixed(2));

// x₁²과 x₂²이 있으면 x₁ 축 위에서 z = 0은 w₃x₁² + b = 0에 가깝고,
// 곧 r = √(b / −w₃)입니다.
const w = Object.fromEntries(
  featured.weights.map((f) => [f.key, f.weight]),
);
if (w.x1sq < 0) {
  const r = Math.sqrt(featured.bias / -w.x1sq);
  print('the boundary crosses the x₁ axis near r =', r.toFixed(2));
}

// 평면 위에 그린 모델의 확률 ŷ, 그 위에 테스트 점.
heatmap(featured, {
  extent: { xMin: -1.2, xMax: 1.2, yMin: -1.2, yMax: 1.2 },
  points: data.test,
  title: 'ŷ of the linear model, test points on top',
});
