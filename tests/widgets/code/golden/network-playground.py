"""The network playground's run with PyTorch: a 2-4-2-1 network (tanh hidden units) on the
circle data (seed 1), from the widget's starting weights, before any training (epoch 0). Prints the loss per epoch as CSV, the same lines as the widget's "Download data"."""
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
import torch.nn.functional as F
from torch import nn

torch.set_default_dtype(torch.float64)
# The engine follows torch's definitions in float64. torch's CPU kernels may round a
# multiply-add differently, so a number here can differ from the widget's in its last digit.

# The data, written out as the engine made it (seed 1): inputs [x₁, x₂] and class labels.
train_x = [
    [-0.6952612046472634, -0.4562060849129281],
    [0.7244974706135126, 0.2380418041806013],
    [-0.3179072266926055, -0.007026942834579369],
    [0.19470963621243959, 0.3068133079461624],
    [0.08063683019682152, 0.3809275597174709],
    [-0.32286615693372844, 0.9710936643256587],
    [-0.6473587493016388, 0.4980324128664392],
    [0.8849592805721224, -0.025710264005787825],
    [0.6203830606035194, -0.2826959507779868],
    [-0.2357089426061817, -0.8804866391151763],
    [0.9373712413988928, 0.14776229892746845],
    [-0.7920500943699004, -0.15708836142494464],
    [0.6791478102825569, -0.5462503990228157],
    [0.11592440779334537, -0.3547055649309743],
    [0.08990427055580281, -0.025068246925391266],
    [0.2789562094566021, -0.9370314134421275],
    [-0.748370936201438, -0.42232457047019173],
    [0.2343920044575058, -0.6627354353606926],
    [-0.38654929295400237, -0.5624686745066159],
    [0.6936836846901646, 0.5148163194182094],
    [-0.10090496402713986, 0.09010350544291418],
    [-0.08540518838624715, 0.03620410088452385],
    [-0.006616195687205163, -0.035669155219237456],
    [0.12941963066084675, 0.3154571702563413],
    [-0.4267480432943667, -0.03710850471056259],
    [-0.08672184976289363, -0.13946300653365123],
    [0.030254067202173114, 0.11356412658206522],
    [0.19538399134125334, -0.01633718191340176],
    [1.0005939957697318, -0.06541387343553759],
    [-0.12461052604132652, -0.3807742225053709],
    [-0.3400380181868602, -0.9740616493835883],
    [0.7482854721432423, 0.35273176019556746],
    [-0.0014290490912354827, -0.23584008370514947],
    [-0.8108920595806061, 0.11842880775711136],
    [0.2420082121327602, 0.13702706632941278],
    [0.7575340531086721, -0.1720548029886837],
    [0.00832794397756225, 0.16109054505322207],
    [-0.07475250123083482, 0.2251475333271673],
    [0.09339621447834387, -0.10295556847818589],
    [0.13337013944404152, -0.8221937300150273],
    [0.1316571282944132, 0.0862484007462014],
    [0.2605791968823853, -0.8117204491752211],
    [-0.7691899326960525, 0.5403257765502317],
    [0.3339981572296585, 0.22317156708582706],
    [0.8869183411254017, 0.02771843285097396],
    [0.6336974804471596, 0.6770217284317589],
    [-0.04100118593309927, -0.08699925028641738],
    [0.07237700664166967, -0.05752923589509226],
    [0.6052734181380038, 0.6115632371679431],
    [0.5605834812418905, 0.6390450837774733],
    [0.3452285136308586, 0.7243289020854723],
    [0.1558421913914267, 0.4793592309482175],
    [0.012277389499867754, 0.14303405995590932],
    [0.5689402399837656, -0.6223968704248135],
    [-0.07253852519334757, -0.11283634341109303],
    [-0.6606194592578312, 0.5526561413668837],
    [0.8227858176556158, 0.5396298142458136],
    [0.051027248970331174, 0.18028645054935338],
    [0.03025738589231474, 0.017032294646444394],
    [-0.4359588671046423, -0.08073262267006853],
    [0.8092563075281682, -0.29744053593522596],
    [-0.01674602607462046, -0.1652187325258438],
    [-0.3698956966610441, 0.20813871476606605],
    [-0.6509934671190422, 0.595447675054945],
    [-0.5920156804863206, 0.4364333185690879],
    [0.2565685079831109, -0.8074413622691206],
    [0.11130908816341228, 0.08770724601778519],
    [-0.22535294895283853, 0.2203887262930206],
    [0.7338093647384086, -0.39843096684304863],
    [-0.10521481227034095, 0.16553490170587723],
    [0.6344002629162946, 0.6392656184710126],
    [0.6096512459485948, -0.6063494947838386],
    [0.09747702813006612, -0.01858307286223932],
    [-0.38661658450679065, -0.06521802411289943],
    [0.2884482270314652, -0.2094431081932554],
    [0.4310048091353573, -0.2501235585388048],
    [0.26687208649233074, -0.7680804396729707],
    [0.11478865328134699, 0.3479588454810202],
    [-0.04715375079605112, -0.04757914311075857],
    [-0.813245001620679, -0.029031403941466943],
    [-0.2827574792151813, -0.2982020925013859],
    [0.2538004791284072, 0.06997194744178241],
    [-0.263974365187259, -0.1205112571816329],
    [-0.16936710369539232, -0.1210449632055445],
    [-0.8512154920032299, 0.43634385808006276],
    [-0.041619622138497715, 0.08767661716269515],
    [0.08083404409588986, 0.06507527449418622],
    [0.388077339747239, 0.6388106313186104],
    [0.249731652186862, 0.03765767528687375],
    [0.2085148987831139, 0.14575929306976684],
    [0.6910920621375397, 0.2005459291477188],
    [0.8187113315081825, 0.02269546882471734],
    [0.5079372611734256, -0.023802568929989186],
    [-0.15816970244395895, -0.09094246506325594],
    [0.7987687348888131, -0.5443516586760336],
    [-0.3178554851012741, 0.9125338498556804],
    [-0.7433484570557864, 0.33538686716495],
    [0.1732675222291714, -0.3375596135146506],
    [-0.034180410511265163, 0.10207124982666702],
    [0.07245657668096596, 0.2808511865284298],
    [-0.638608094686199, 0.43292496277263504],
    [0.1237831624385597, -0.09837451158076667],
    [-0.8617576430211593, 0.1670401073292636],
    [-0.22029523388583974, -0.702590192991697],
    [0.40084712531841776, -0.09899404188125616],
    [-0.8774589867453227, -0.1936616803823143],
    [0.10987098104577984, -1.0361178194910101],
    [0.5215337631266848, 0.02658549072776108],
    [0.05543849270841941, -0.08827397481525713],
    [-0.18655922076339992, 0.6180870102454807],
    [0.9174575995785963, 0.1975713915113736],
    [0.12287788931093299, -0.728656692844353],
    [0.18047296038637325, 0.7304030252163886],
    [0.2036334894139001, 0.07735351759762821],
    [0.7360423362569822, 0.09342745288794871],
    [0.38446549971564126, 0.05746840326989387],
    [0.6658571513533904, -0.7563256199144622],
    [-0.14498236733600148, -0.11194721282197162],
    [0.3338867111856529, -0.40851273451460157],
    [-0.11593286987455359, -0.06336955954483238],
    [0.036746841324096176, 0.174069193005425],
    [-0.55325761766435, -0.5409690123842346],
    [-0.2971931256524992, -0.32192490771581506],
    [-0.9325368728473907, 0.08043795918332547],
    [0.9532626797883583, -0.41827556593031107],
    [-0.11975548258009339, -0.1585894624024947],
    [0.09961525468642757, 0.2012716455851975],
    [0.6719681690334673, -0.2712152549024734],
    [0.18784032185861665, -0.18467738502239167],
    [-0.8280460090992771, -0.46559670498042216],
    [0.8331219036742159, 0.590348071357136],
    [0.8758520365422346, 0.03427436203758019],
    [0.1223538022399593, 0.05346973630556159],
    [-0.5936949819076495, 0.7374244225351394],
    [0.23115844681278896, 0.8210976246673669],
    [0.27878557513381264, 0.0502089498587949],
    [0.7292316205748994, -0.7039969213272433],
    [-0.16485150739689547, -0.1289552473301362],
    [0.37550583875605975, 0.03146607133563737],
    [0.1920939369682652, -0.6160600908903049],
]
train_labels = [0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 0]
valid_x = []
valid_labels = []
test_x = [
    [-0.3928050391803187, 0.5874356128925027],
    [0.09916564071563917, 0.13796327507972905],
    [0.049260933188444045, 0.011517327800283514],
    [0.18103202599523915, -0.14374159638560996],
    [-0.11744702610651908, 0.011047180228648236],
    [0.6264165573529776, 0.8095762537765067],
    [0.26496091485501333, 0.021465684894491684],
    [0.02937812488515309, 0.291766339576379],
    [0.1345616464862103, 0.032291092435949936],
    [-0.5030800259950438, 0.6197780559603745],
    [0.9528316755936165, 0.07299067650803541],
    [0.1858969664594394, 0.8195175265988864],
    [0.3295168066994691, 0.693230610065227],
    [0.161800842519835, 0.08086961493076646],
    [0.09199242131120886, 0.24722662610470658],
    [-0.32962683718330377, 0.9492153511368777],
    [0.23738298541729363, -0.9069604764343633],
    [0.11682841009992993, 0.04098616579531894],
    [-0.15051094714748703, 0.4123036591060538],
    [-0.972177579264125, -0.10230069079015189],
    [-0.08130872760741892, 0.9816636828227618],
    [0.7141674008723415, -0.1875262640070925],
    [0.10426842929305496, 0.03800377318224074],
    [0.8254875504517915, -0.5525539125028665],
    [0.16820851595751216, -0.03628196286757284],
    [-0.759636232342594, -0.23160952224890255],
    [0.18247972614148122, -0.09812004262312118],
    [-0.01654779424659146, -0.2927712239872091],
    [0.007590957062902498, -0.2302874531753232],
    [0.6947962599327495, 0.6101811937934872],
    [-0.016672302699689192, -0.1683061241901183],
    [0.21958800352505317, -0.653544054361081],
    [-0.3317961000458441, -0.0671428076345948],
    [-0.3691468840366453, -0.7262945358077904],
    [-0.6233763477015447, 0.5270088180941146],
    [0.5050044856850799, 0.8582927137848728],
    [-0.11851760029185279, -0.08080215624944859],
    [-0.04779185009295922, 0.008155353199568283],
    [-0.9401676814215539, 0.2053567777245243],
    [-0.718068164886962, 0.6527616866819542],
    [-0.0359250951882682, 0.002747253468201983],
    [-0.8333326444929463, -0.23859298629309508],
    [0.168006103237812, 0.6315238218671003],
    [0.7823076972118298, -0.0450787415220398],
    [-0.411385826413119, 0.11311520502605654],
    [-0.02642786036848014, -0.8501438087430803],
    [0.5379735553084165, 0.652931383342746],
    [0.15845120437447868, 0.28144648575224807],
    [0.019360770433874526, 0.05236882687144278],
    [0.054464407140136284, -0.02356752778189688],
    [0.2918488621171557, -0.5763023404357495],
    [-0.9191145488767205, 0.24144148222411244],
    [0.8302420195338448, -0.41660141888016355],
    [-0.04122701407945965, 0.8186518013467263],
    [-0.06763851650366609, -0.0947419757658804],
    [-0.826826509190031, -0.15539303134001248],
    [-0.18930078661174005, -0.210530071027483],
    [-0.7201160029483507, -0.4758594051419549],
    [-0.008506130189444863, 0.0053983706338127345],
    [0.032612713777058246, 0.02887992581918606],
]
test_labels = [0, 1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 1]
# Points added by clicking on the map: [x₁, x₂, class]
added = []
added_labels = []


def targets(labels):
    return torch.tensor(labels, dtype=torch.float64).reshape(-1, 1)


def rows(xs, labels):
    return torch.tensor(xs).reshape(-1, 2), targets(labels)


valid = rows(valid_x, valid_labels)
test = rows(test_x, test_labels)


def train_rows(n_added):
    """The training points, then the first n_added added points."""
    return rows(train_x + added[:n_added], train_labels + added_labels[:n_added])


# The network, with the widget's starting weights (xavier initialisation, seed 1) written out.
model = nn.Sequential(
    nn.Linear(2, 4),
    nn.Tanh(),
    nn.Linear(4, 2),
    nn.Tanh(),
    nn.Linear(2, 1),
)
with torch.no_grad():
    model[0].weight.copy_(torch.tensor([
        [-0.6206454229541123, -0.36442472878843546],
        [0.5661616190336645, 0.06932497350499034],
        [0.5638579903170466, 0.3622461003251374],
        [0.6850671987049282, 0.353473833296448],
    ]))
    model[0].bias.copy_(torch.tensor([0.0, 0.0, 0.0, 0.0]))
    model[2].weight.copy_(torch.tensor([
        [-0.19481583265587687, -0.23688913229852915, 0.22627004934474826, 0.17840179754421115],
        [0.1017772788181901, -0.46871937112882733, -0.8822831213474274, -0.1859528780914843],
    ]))
    model[2].bias.copy_(torch.tensor([0.0, 0.0]))
    model[4].weight.copy_(torch.tensor([
        [1.3739904619814542, -0.5117797504518874],
    ]))
    model[4].bias.copy_(torch.tensor([0.0]))
# The engine's network ends in σ; here the last layer gives the logit z and the loss applies σ:
# binary cross-entropy is F.binary_cross_entropy_with_logits(z, y) (the engine computes the same
# softplus(z) − y·z), mean squared error is F.mse_loss(σ(z), y).


def loss_of(name, z, y):
    if name == "bce":
        return F.binary_cross_entropy_with_logits(z, y)
    return F.mse_loss(torch.sigmoid(z), y)


def measure(name, data):
    """The mean loss on a whole set, with the current weights ("" for an empty set)."""
    if len(data[0]) == 0:
        return ""
    with torch.no_grad():
        return loss_of(name, model(data[0]), data[1]).item()


def make_optimizer(kind, lr):
    """The engine's optimizers are torch.optim's, with torch's defaults ('momentum' and 'nesterov' use 0.9)."""
    params = model.parameters()
    if kind == "sgd":
        return torch.optim.SGD(params, lr=lr)
    if kind == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=0.9)
    if kind == "nesterov":
        return torch.optim.SGD(params, lr=lr, momentum=0.9, nesterov=True)
    if kind == "adagrad":
        return torch.optim.Adagrad(params, lr=lr)
    if kind == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr)
    return torch.optim.Adam(params, lr=lr)


# The engine's seeded generator and shuffle, for the same mini-batch order in every epoch
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


# Training, stretch by stretch: (up to epoch, optimizer, learning rate, batch size (0: all), loss, added points used)
stretches = [
    (0, "sgd", 0.3, 10, "bce", 0),
]
batch_seed = 2246822506  # the mini-batch stream of seed 1

history = []
train = train_rows(stretches[0][5])
loss_name = stretches[0][4]
history.append((0, measure(loss_name, train), measure(loss_name, valid), measure(loss_name, test)))
epoch = 0
stop_at_loss = 1e-4  # the engine stops as converged when an epoch's mean batch loss falls below this
diverged = False


def run(until, kind, lr, batch_size, train):
    """One trainer: a fresh optimizer and batch order, whole epochs until `until` or a stop.
    Returns whether it stopped as converged."""
    global epoch, diverged
    x, y = train
    n = len(x)
    size = batch_size if 0 < batch_size < n else n
    optimizer = make_optimizer(kind, lr)
    random = seeded(batch_seed)
    order = list(range(n))
    with torch.no_grad():
        initial = loss_of(loss_name, model(x), y).item()
    while epoch < until:
        if size < n:
            shuffle(random, order)
        total = 0.0
        for start in range(0, n, size):
            batch = order[start:start + size]
            optimizer.zero_grad()
            batch_loss = loss_of(loss_name, model(x[batch]), y[batch])
            if not math.isfinite(batch_loss.item()):
                diverged = True  # the engine stops on a loss that is not a number
                return False
            batch_loss.backward()
            before = [p.detach().clone() for p in model.parameters()]
            optimizer.step()
            if max(p.abs().max().item() for p in model.parameters()) > 1e6:
                with torch.no_grad():  # the engine stops on a weight past 10⁶, keeping the weights before the step
                    for p, b in zip(model.parameters(), before):
                        p.copy_(b)
                diverged = True
                return False
            total += batch_loss.item() * len(batch)
        epoch += 1
        mean = total / n
        history.append((epoch, measure(loss_name, train), measure(loss_name, valid), measure(loss_name, test)))
        if mean < stop_at_loss:
            return True
        if mean > 10 * max(initial, 0.01):
            diverged = True  # the engine stops when the loss grew tenfold
            return False
    return False


for until, kind, lr, batch_size, name, n_added in stretches:
    train = train_rows(n_added)
    loss_name = name
    converged = False
    while epoch < until and not diverged:
        if converged:
            stop_at_loss = 0.0  # training on past convergence: the engine stops no more
        converged = run(until, kind, lr, batch_size, train)
    if diverged:
        break

# The widget keeps at most 60 rows: every epoch at first, then every 2nd, 4th, … and always the last.
stride = 1
while epoch >= 59 * stride:
    stride *= 2
row("epoch", "train_loss", "valid_loss", "test_loss")
for e, train_loss, valid_loss, test_loss in history:
    if e % stride == 0 or e == epoch:
        row(e, train_loss, valid_loss, test_loss)
print()
print("# 2-4-2-1 (25 parameters, xavier init) tanh on circle (noise 0.05, 200 points, validation share 0, test share 0.3), sgd lr 0.3, batch 10, loss bce, seed 1")
