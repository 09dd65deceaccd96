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

/**
 * Compares two texts as an English reader would order them, the same on every machine:
 * a bare `localeCompare` follows the process's locale (LANG), so a build under another
 * locale ordered names differently. One collator, made once.
 */
export const compareText = new Intl.Collator('en').compare;
