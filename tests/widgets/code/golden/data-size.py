"""Data size on petals: a linear model on hand-made features (logistic regression on x1, x2, x1², x2²,
x1·x2, sin x1, sin x2) and a 2-8-1 tanh network on the raw inputs, each trained on 8, 16, 32, 64, 128, 256, 512, 1024
points (5 samples a size) with full-batch Adam (lr 0.05, 1000 steps) on binary cross-entropy, and each
run's accuracy on 2000 fresh points. Prints one CSV line a run: the same lines as the widget's
"Download data". 80 trainings: this takes a few minutes.

The data is not written out (5 × 1024 training points and 2000 test points): it is made here by the
engine's own recipe, the same seeded generator (mulberry32) drawing the same points in the same
order. Python's sin, cos and sqrt may round a last digit differently from the browser's."""
# Output: CSV lines, numbers written the way the widget's CSV writes them (JavaScript's form).
import math
from decimal import Decimal


def num(x):
    """A number written as the widget's CSV writes it (JavaScript's shortest round-trip form)."""
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        return ""
    if x == 0:
        return "0"
    sign, digits, exp = Decimal(repr(x)).normalize().as_tuple()
    s = "".join(map(str, digits))
    k, n = len(s), exp + len(s)
    if k <= n <= 21:
        out = s + "0" * (n - k)
    elif 0 < n <= 21:
        out = s[:n] + "." + s[n:]
    elif -6 < n <= 0:
        out = "0." + "0" * -n + s
    else:
        out = s[0] + ("." + s[1:] if k > 1 else "") + "e" + ("+" if n > 0 else "-") + str(abs(n - 1))
    return ("-" if sign else "") + out


def row(*values):
    """Prints one CSV line: text as it is, numbers through num()."""
    print(",".join(v if isinstance(v, str) else num(v) for v in values))

import torch
from torch import nn

torch.set_default_dtype(torch.float64)
# The engine follows torch's definitions in float64. torch's CPU kernels may round a
# multiply-add differently, so a number here can differ from the widget's in its last digit.

NAME = "petals"
SIZES = [8, 16, 32, 64, 128, 256, 512, 1024]
REPEATS = 5
TEST_SIZE = 2000
TEST_SEED = 7919
STEPS = 1000
LR = 0.05


def seeded(seed):
    """The engine's generator (mulberry32): the same numbers in [0, 1) as seeded(seed) in the notebook."""
    state = int(seed) & 0xFFFFFFFF

    def imul(a, b):
        return (a * b) & 0xFFFFFFFF

    def random():
        nonlocal state
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        h = imul(state ^ (state >> 15), state | 1)
        h ^= (h + imul(h ^ (h >> 7), h | 61)) & 0xFFFFFFFF
        return (h ^ (h >> 14)) / 4294967296

    return random


def normal(random):
    """A standard normal number by Box-Muller, as the engine draws it: sqrt(-2 ln u1) cos(2 pi u2)."""
    u1 = 1 - random()
    u2 = random()
    return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)


def shuffle(random, items):
    """Shuffles a list in place as the engine does (Fisher-Yates, from the last position down)."""
    for i in range(len(items) - 1, 0, -1):
        j = math.floor((i + 1) * random())
        items[i], items[j] = items[j], items[i]
    return items


def uniform(random, lo, hi):
    return lo + (hi - lo) * random()


def circle(i, random):
    """Class 1 inside radius 0.5, class 0 on a ring from radius 0.7 to 1."""
    label = i % 2
    r = uniform(random, 0, 0.5) if label else uniform(random, 0.7, 1)
    angle = uniform(random, 0, 2 * math.pi)
    return r * math.cos(angle), r * math.sin(angle), label


def quadrants(i, random):
    """Uniform in [-1, 1]², class 1 where x1 and x2 have the same sign."""
    label = i % 2
    x = uniform(random, -1, 1)
    side = (1.0 if x > 0 else -1.0) if x != 0 else 1.0
    y = uniform(random, 0, 1) * (side if label == 1 else -side)
    return x, y, label


def petals(i, random):
    """Uniform over the unit disk, class 1 inside the curve r = 0.7 + 0.2 cos 3θ."""
    label = i % 2
    while True:
        r = math.sqrt(uniform(random, 0, 1))
        angle = uniform(random, 0, 2 * math.pi)
        if (1 if r < 0.7 + 0.2 * math.cos(3 * angle) else 0) == label:
            return r * math.cos(angle), r * math.sin(angle), label


def make(name, n, seed):
    """n points of the dataset, shuffled, as the engine makes them: (x1, x2) rows and labels."""
    random = seeded(seed)
    points = [{"circle": circle, "quadrants": quadrants, "petals": petals}[name](i, random) for i in range(n)]
    order = shuffle(seeded(seed ^ 0x27D4EB2F), list(range(n)))  # the engine's permutation
    return [points[k][:2] for k in order], [float(points[k][2]) for k in order]


def features(x):
    """x1, x2 and the five hand-made features, one row per point."""
    return [[a, b, a * a, b * b, a * b, math.sin(a), math.sin(b)] for a, b in x]


# The network's starting weights for each seed (Glorot uniform; every bias starts at 0):
# the hidden layer's 8 × 2 matrix and the output's 8 weights
STARTS = [
    # seed 1
    (
        [
            [0.19686210225395984, -0.7703585082131468],
            [0.04252077146703381, 0.7452409542779039],
            [0.7256079198063783, -0.33911299503315356],
            [0.17480921116536663, 0.34197380376534414],
            [-0.114954867503969, 0.7665764111738163],
            [-0.069293671829048, -0.017369063960987696],
            [-0.5593616873535209, -0.1491179687140709],
            [-0.3911342978292041, -0.5352569337596753],
        ],
        [
            -0.017727944492938352, -0.7064820219970805, -0.17208593620772183, 0.43618557987040796,
            -0.34968642281332646, -0.5048013325830512, -0.7467192566963377, -0.11858476962930664,
        ],
    ),
    # seed 2
    (
        [
            [0.36290000250580423, -0.271111262897619],
            [-0.33261792094425985, 0.05879987709621748],
            [0.5813935875241119, 0.2026861418358844],
            [-0.0012369167605009723, -0.22115562838715475],
            [0.43623565693796573, -0.5979394825089946],
            [0.4428632358585931, -0.4623639534229194],
            [-0.1173890915107757, 0.5189758139834666],
            [0.12598103657195925, -0.5561500307296054],
        ],
        [
            0.28124588722873844, -0.2176808155115032, 0.7701415358079315, -0.7524814068626458,
            0.6780151460240835, -0.7149520220431254, -0.6074334903042564, -0.5030702899995873,
        ],
    ),
    # seed 3
    (
        [
            [0.341173866373667, -0.7147015077219554],
            [-0.06786676336427211, -0.6585186958263208],
            [0.4074461979127886, -0.029155171350803144],
            [-0.020558454593524456, -0.5239363093096658],
            [-0.36676181201069025, 0.08149876183774651],
            [-0.4726337103691772, -0.6450951337960675],
            [0.3311980021179244, -0.03605276752858522],
            [0.45504774758972566, 0.5883423081927419],
        ],
        [
            -0.2880213468338736, 0.3112181141461017, -0.3482405779085088, 0.28110413473876505,
            0.043157686318983424, 0.5417191056684088, 0.06523336696366311, -0.797544142301805,
        ],
    ),
    # seed 4
    (
        [
            [0.6562943745069432, -0.25864421149846684],
            [-0.4311902337895067, -0.6478091063767535],
            [-0.4120896995373298, 0.013163269957928603],
            [-0.6547022908367233, 0.7341037308275773],
            [0.18905964872165848, 0.2956100239036563],
            [0.4154101554491689, -0.20271399759023723],
            [0.36017956582611466, 0.5823031476810869],
            [0.04456838745492819, 0.37699024395506453],
        ],
        [
            -0.1277882199760625, -0.015594827415858936, 0.3852450972396886, 0.7033681544570138,
            0.7830860620581521, -0.046794912571796354, -0.24829045260976335, 0.4704497622058619,
        ],
    ),
    # seed 5
    (
        [
            [0.29399802780748385, 0.4225320621024835],
            [-0.43414127767908006, 0.19082781082731404],
            [-0.6427026842229482, 0.14278131140067674],
            [0.3409809328027844, -0.0649046748504315],
            [0.6283861260865233, -0.4191668336211991],
            [0.4335625372032792, 0.3727557663918819],
            [0.2487385653712464, -0.7531846166859687],
            [-0.053599908201247715, -0.3091336739638098],
        ],
        [
            0.647563083890276, -0.34600532022854386, 0.41689853288475365, 0.3649467030833988,
            -0.40240528047609625, -0.7854397204381691, 0.4792969584090425, -0.4763645769135085,
        ],
    ),
]


def linear_model():
    """Logistic regression: one nn.Linear on the 7 features, from zero weights."""
    model = nn.Linear(7, 1)
    with torch.no_grad():
        model.weight.zero_()
        model.bias.zero_()
    return model


def network(seed):
    """2-8-1 with tanh hidden units, the starting weights of `seed`."""
    hidden_weights, output_weights = STARTS[seed - 1]
    model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1))
    with torch.no_grad():
        model[0].weight.copy_(torch.tensor(hidden_weights))
        model[2].weight.copy_(torch.tensor([output_weights]))
        model[0].bias.zero_()
        model[2].bias.zero_()
    return model


# The linear model's accuracies match the widget's exactly. The network's weights after 1000 Adam
# steps agree to fewer digits, so a test point right at the 0.5 line can fall on the other side:
# an accuracy may differ from the widget's by a few points in 2000.
# Both models end in a sigmoid, folded into the loss: binary cross-entropy computed from the logit,
# as the engine also computes it for a sigmoid output.
loss_fn = nn.BCEWithLogitsLoss()


def trained_accuracy(model, x, y, test_x, test_y):
    """STEPS steps of full-batch Adam, then the share of test points on the right side of 0.5."""
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    for _ in range(STEPS):
        optimizer.zero_grad()
        loss_fn(model(x), y).backward()
        optimizer.step()
    with torch.no_grad():
        right = ((torch.sigmoid(model(test_x)) >= 0.5) == (test_y >= 0.5)).sum().item()
    return right / len(test_y)


def main():
    test_points, test_labels = make(NAME, TEST_SIZE, TEST_SEED)
    test_x, test_y = torch.tensor(test_points), torch.tensor(test_labels).reshape(-1, 1)
    test_features = torch.tensor(features(test_points))
    # one sample of the largest size per repeat; each smaller training set is its first points
    samples = [make(NAME, SIZES[-1], seed) for seed in range(1, REPEATS + 1)]
    row("size", "repeat", "linear", "network")
    for size in SIZES:
        for seed in range(1, REPEATS + 1):
            points, labels = samples[seed - 1]
            x, y = torch.tensor(points[:size]), torch.tensor(labels[:size]).reshape(-1, 1)
            linear = trained_accuracy(linear_model(), torch.tensor(features(points[:size])), y, test_features, test_y)
            net = trained_accuracy(network(seed), x, y, test_x, test_y)
            row(size, seed, linear, net)


if __name__ == "__main__":
    main()
