/**
 * Keyboard shortcuts on every page: `/` and Ctrl+K (⌘K on a Mac) put the focus in the
 * search box, the way many sites do, so a keyboard reader never has to tab through the
 * header. On the search page that is Pagefind's box; elsewhere the header's, which submits
 * to the search page. `/` is left alone while the reader types in a field.
 */

/** True when a key press belongs to the element the reader is typing in. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** Whether a key press asks for the search box. */
export function isSearchShortcut(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
): boolean {
  if (event.altKey) return false;
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !isTyping(event.target);
}

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || !isSearchShortcut(event)) return;
  const box =
    document.querySelector<HTMLInputElement>('.pagefind-ui__search-input') ??
    document.querySelector<HTMLInputElement>('#header-q');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});
