/**
 * An array of at least `size` entries holding `array`'s entries first, the rest `fill`: `array`
 * itself when it is long enough. Tallies over chunks grow their per-group arrays this way, as the
 * groups (payers, providers, spellings) grow from chunk to chunk.
 */
export function grownArray<T extends Float64Array | Int32Array>(array: T, size: number, fill = 0): T {
  if (array.length >= size) return array;
  const grown = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  grown.set(array);
  if (fill !== 0) grown.fill(fill, array.length);
  return grown;
}
