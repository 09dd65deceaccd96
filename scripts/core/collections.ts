/** Small collection helpers shared by the stages. */

/**
 * Appends `value` to the list under `key`, creating it. In place: copying the list on
 * every append (`[...(map.get(k) ?? []), v]`) is quadratic in its length, which showed
 * in `kb bench` at 10,000 articles.
 */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
