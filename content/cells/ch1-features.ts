// The circle: 200 training points and 200 fresh test points,
// half inside the disc, half on the ring around it.
const data = labData('circle');

// Logistic regression on x₁ and x₂ alone: a straight-line boundary,
// trained by the lab's recipe (full-batch Adam, η = 0.05, 1000 steps,
// starting from zero weights).
const plain = new LinearFeatureModel(data, []);
plain.advance();

// The same model, handed the features a person would choose: x₁², x₂².
const featured = new LinearFeatureModel(data, ['x1sq', 'x2sq']);
featured.advance();

const percent = (model: LinearFeatureModel) =>
  `${(100 * model.score().test!.accuracy).toFixed(1)}%`;
print('x₁, x₂ only:        test accuracy', percent(plain));
print('with x₁² and x₂²:   test accuracy', percent(featured));
