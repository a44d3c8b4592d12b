// 원: 훈련 점 200개와 새 테스트 점 200개,
// 절반은 원판 안쪽에, 절반은 그 둘레의 고리 위에 있습니다.
const data = labData('circle');

// x₁과 x₂만 쓰는 로지스틱 회귀: 경계는 직선이며,
// 실험실과 같은 방법으로 훈련합니다(전체 배치 Adam, η = 0.05, 1000 스텝,
// 가중치 0에서 시작).
const plain = new LinearFeatureModel(data, []);
plain.advance();

// 같은 모델에 사람이 고를 만한 특성 x₁², x₂²을 건네줍니다.
const featured = new LinearFeatureModel(data, ['x1sq', 'x2sq']);
featured.advance();

const percent = (model: LinearFeatureModel) =>
  `${(100 * model.score().test!.accuracy).toFixed(1)}%`;
print('x₁, x₂ only:        test accuracy', percent(plain));
print('with x₁² and x₂²:   test accuracy', percent(featured));
