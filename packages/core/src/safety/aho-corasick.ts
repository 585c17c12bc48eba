import { EdgeTable } from './edge-table';

/**
 * An Aho–Corasick automaton over UTF-16 units: scanning costs the same per character
 * whether it holds 50 or 50,000 patterns. Transitions live in one flat hash table (no
 * per-node objects: a big lexicon has hundreds of thousands of nodes), and the root, where
 * the automaton spends most of its time, has a direct 65,536-entry table.
 */
export class AhoCorasick {
  readonly maxDepth: number;
  readonly #next: EdgeTable;
  readonly #root = new Int32Array(65536);
  readonly #fail: Int32Array;
  /**
   * What the scan loop reads per node, side by side so one cache line serves a step:
   * [fail link, child-unit filter bits 0–31, bits 32–63, 1 if a pattern ends here or on the
   * failure chain]. The filter has bit (unit & 63) set for each child: most misses stop there.
   */
  readonly #hot: Int32Array;
  /** nearest node along the failure chain (itself excluded) that ends a pattern, or -1 */
  readonly #dict: Int32Array;
  readonly #depth: Int32Array;
  readonly #outputs: (number[] | undefined)[];

  /** `patterns[i]` ends at the nodes reported with id i; empty patterns are ignored. */
  constructor(patterns: readonly string[]) {
    this.#next = new EdgeTable(patterns.reduce((sum, p) => sum + p.length, 0));
    const outputs: (number[] | undefined)[] = [undefined];
    const depth: number[] = [0];
    let maxDepth = 0;
    patterns.forEach((pattern, id) => {
      if (pattern.length === 0) return;
      let node = 0;
      for (let i = 0; i < pattern.length; i++) {
        const unit = pattern.charCodeAt(i);
        let child = this.#next.get(node, unit);
        if (child === -1) {
          child = depth.length;
          depth.push(i + 1);
          outputs.push(undefined);
          this.#next.set(node, unit, child);
          if (node === 0) this.#root[unit] = child;
        }
        node = child;
      }
      const ids = outputs[node] ?? [];
      ids.push(id);
      outputs[node] = ids;
      maxDepth = Math.max(maxDepth, pattern.length);
    });
    this.maxDepth = maxDepth;
    this.#outputs = outputs;
    this.#depth = Int32Array.from(depth);
    this.#fail = new Int32Array(depth.length);
    this.#dict = new Int32Array(depth.length).fill(-1);
    this.#linkFailures();
    this.#hot = new Int32Array(depth.length * 4);
    for (let node = 0; node < depth.length; node++) {
      this.#hot[node * 4] = this.#fail[node]!;
      this.#hot[node * 4 + 3] = this.#dict[node]! > 0 || outputs[node] ? 1 : 0;
    }
    this.#next.forEach((parent, unit) => {
      const slot = parent * 4 + 1 + ((unit >> 5) & 1);
      this.#hot[slot] = this.#hot[slot]! | (1 << (unit & 31));
    });
  }

  #linkFailures(): void {
    // Children grouped by parent (CSR arrays), so the breadth-first pass needs no per-node lists.
    const nodes = this.#depth.length;
    const offsets = new Int32Array(nodes + 1);
    this.#next.forEach((parent) => {
      offsets[parent + 1]!++;
    });
    for (let n = 0; n < nodes; n++) offsets[n + 1]! += offsets[n]!;
    const fill = offsets.slice(0, nodes);
    const childOf = new Int32Array(this.#next.size);
    const unitOf = new Int32Array(this.#next.size);
    this.#next.forEach((parent, unit, child) => {
      const at = fill[parent]!++;
      childOf[at] = child;
      unitOf[at] = unit;
    });
    const queue: number[] = [0];
    for (let head = 0; head < queue.length; head++) {
      const parent = queue[head]!;
      for (let k = offsets[parent]!; k < offsets[parent + 1]!; k++) {
        const child = childOf[k]!;
        const unit = unitOf[k]!;
        let fail = 0;
        if (parent !== 0) {
          let f = this.#fail[parent]!;
          for (;;) {
            const target = this.#next.get(f, unit);
            if (target !== -1) {
              fail = target;
              break;
            }
            if (f === 0) break;
            f = this.#fail[f]!;
          }
        }
        this.#fail[child] = fail;
        this.#dict[child] = this.#outputs[fail] ? fail : this.#dict[fail]!;
        queue.push(child);
      }
    }
  }

  /** The state after reading `unit` in `node`. */
  step(node: number, unit: number): number {
    const hot = this.#hot;
    const word = 1 + ((unit >> 5) & 1);
    const bit = 1 << (unit & 31);
    while (node !== 0) {
      const at = node << 2;
      if (hot[at + word]! & bit) {
        const target = this.#next.get(node, unit);
        if (target !== -1) return target;
      }
      node = hot[at]!;
    }
    return this.#root[unit]!;
  }

  /** Calls `found(patternId, length)` for every pattern that ends at `node`. */
  emit(node: number, found: (patternId: number, length: number) => void): void {
    for (let n = this.#outputs[node] ? node : this.#dict[node]!; n > 0; n = this.#dict[n]!) {
      const ids = this.#outputs[n]!;
      for (const id of ids) found(id, this.#depth[n]!);
    }
  }

  /** How many units of a pattern `node` stands for. */
  depth(node: number): number {
    return this.#depth[node]!;
  }

  /** True when some pattern ends at `node` (cheap test before `emit`). */
  hasOutput(node: number): boolean {
    return this.#hot[(node << 2) + 3] === 1;
  }
}
