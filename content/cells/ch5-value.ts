// Reverse-mode autodiff for single numbers, in the style of micrograd.
// Each operation records its inputs and, beside its forward value,
// its step of the chain rule: how to pass a gradient back to them.
const lift = (v: Value | number) => (v instanceof Value ? v : new Value(v));

class Value {
  grad = 0; // ∂L/∂(this value), filled in by backward()
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
  // Order the graph so each value comes after its inputs, then apply
  // the chain rule from the output back, one step per value.
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

// A first check: L = a·b + a, so ∂L/∂a = b + 1 = 4 and ∂L/∂b = a = 2.
const a = new Value(2);
const b = new Value(3);
const L = a.mul(b).add(a);
L.backward();
print('L =', L.data, ' ∂L/∂a =', a.grad, ' ∂L/∂b =', b.grad);
