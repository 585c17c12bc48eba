/**
 * The automaton's transitions: an open-addressing hash table over typed arrays, keyed by
 * (node, UTF-16 unit). A JS Map keyed by `node * 65536 + unit` leaves small-integer range past
 * 32,768 nodes and slows to a crawl on big lexicons; this stays flat.
 */
export class EdgeTable {
  #mask: number;
  #nodes: Int32Array;
  #units: Int32Array;
  #targets: Int32Array;
  #size = 0;

  constructor(capacity = 1024) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.#mask = size - 1;
    this.#nodes = new Int32Array(size).fill(-1);
    this.#units = new Int32Array(size);
    this.#targets = new Int32Array(size);
  }

  get size(): number {
    return this.#size;
  }

  get(node: number, unit: number): number {
    let slot = hash(node, unit) & this.#mask;
    for (;;) {
      const stored = this.#nodes[slot]!;
      if (stored === -1) return -1;
      if (stored === node && this.#units[slot] === unit) return this.#targets[slot]!;
      slot = (slot + 1) & this.#mask;
    }
  }

  set(node: number, unit: number, target: number): void {
    if ((this.#size + 1) * 2 > this.#mask + 1) this.#grow();
    let slot = hash(node, unit) & this.#mask;
    while (this.#nodes[slot] !== -1) {
      if (this.#nodes[slot] === node && this.#units[slot] === unit) {
        this.#targets[slot] = target;
        return;
      }
      slot = (slot + 1) & this.#mask;
    }
    this.#nodes[slot] = node;
    this.#units[slot] = unit;
    this.#targets[slot] = target;
    this.#size++;
  }

  forEach(visit: (node: number, unit: number, target: number) => void): void {
    for (let slot = 0; slot <= this.#mask; slot++) {
      const node = this.#nodes[slot]!;
      if (node !== -1) visit(node, this.#units[slot]!, this.#targets[slot]!);
    }
  }

  #grow(): void {
    const old = { nodes: this.#nodes, units: this.#units, targets: this.#targets };
    const size = (this.#mask + 1) * 2;
    this.#mask = size - 1;
    this.#nodes = new Int32Array(size).fill(-1);
    this.#units = new Int32Array(size);
    this.#targets = new Int32Array(size);
    this.#size = 0;
    for (let slot = 0; slot < old.nodes.length; slot++) {
      if (old.nodes[slot] !== -1) this.set(old.nodes[slot]!, old.units[slot]!, old.targets[slot]!);
    }
  }
}

function hash(node: number, unit: number): number {
  return Math.imul(node ^ Math.imul(unit, 0x9e3779b1), 0x85ebca6b) ^ (node >>> 13);
}
