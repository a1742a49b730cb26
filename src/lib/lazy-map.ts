// A read-only map whose values are computed on first access, for costly per-key work that some
// callers need for every key (a build) and others for a few (a check).

export class LazyMap<K, V> implements ReadonlyMap<K, V> {
  #keys: readonly K[];
  #known: Set<K>;
  #make: (key: K) => V;
  #values = new Map<K, V>();

  constructor(keys: Iterable<K>, make: (key: K) => V) {
    this.#keys = [...keys];
    this.#known = new Set(this.#keys);
    this.#make = make;
  }

  get size(): number {
    return this.#keys.length;
  }

  has(key: K): boolean {
    return this.#known.has(key);
  }

  get(key: K): V | undefined {
    if (!this.#known.has(key)) return undefined;
    let v = this.#values.get(key);
    if (v === undefined && !this.#values.has(key)) this.#values.set(key, (v = this.#make(key)));
    return v;
  }

  keys(): MapIterator<K> {
    return this.#keys.values();
  }

  *values(): MapIterator<V> {
    for (const k of this.#keys) yield this.get(k)!;
  }

  *entries(): MapIterator<[K, V]> {
    for (const k of this.#keys) yield [k, this.get(k)!];
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [k, v] of this) fn(v, k, this);
  }
}
