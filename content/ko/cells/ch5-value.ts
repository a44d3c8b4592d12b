// 수 하나하나에 대한 역방향 모드 자동 미분, micrograd 방식.
// 각 연산은 자신의 입력을 기록하고, 순방향 값과 함께
// 연쇄 법칙의 한 단계, 곧 입력으로 기울기를 되돌려 보내는 방법을 기록합니다.
const lift = (v: Value | number) => (v instanceof Value ? v : new Value(v));

class Value {
  grad = 0; // ∂L/∂(이 값), backward()가 채워 넣습니다
  backStep = () => {};
  constructor(public data: number, public inputs: Value[] = []) {}

  add(other: Value | number): Value {
    const o = lift(other);
    const out = new Value(this.data + o.data, [this, o]);
    out.backStep = () => { this.grad += out.grad; o.grad += out.grad; };
    return out;
  }
  mul(other: Value | number): Value { // ∂(ab)/∂a = b, ∂(ab)/∂b = a
    const o = lift(other);
    const out = new Value(this.data * o.data, [this, o]);
    out.backStep = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }
  sigmoid(): Value { // σ′ = σ(1 − σ)
    const s = 1 / (1 + Math.exp(-this.data));
    const out = new Value(s, [this]);
    out.backStep = () => { this.grad += s * (1 - s) * out.grad; };
    return out;
  }
  log(): Value { // (ln a)′ = 1/a
    const out = new Value(Math.log(this.data), [this]);
    out.backStep = () => { this.grad += out.grad / this.data; };
    return out;
  }
  // 각 값이 자신의 입력보다 뒤에 오도록 그래프를 정렬한 다음,
  // 출력에서부터 거꾸로 값마다 한 단계씩 연쇄 법칙을 적용합니다.
  backward(): void {
    const order: Value[] = [];
    const visit = (v: Value) => {
      if (order.includes(v)) return;
      v.inputs.forEach(visit);
      order.push(v);
    };
    visit(this);
    this.grad = 1;
    for (const v of order.reverse()) v.backStep();
  }
}

// 첫 번째 확인: L = a·b + a이므로 ∂L/∂a = b + 1 = 4이고 ∂L/∂b = a = 2입니다.
const a = new Value(2);
const b = new Value(3);
const L = a.mul(b).add(a);
L.backward();
print('L =', L.data, ' ∂L/∂a =', a.grad, ' ∂L/∂b =', b.grad);
