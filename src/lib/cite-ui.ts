/**
 * The cite box in the browser: puts the reader's date into every access date
 * (`.cite-accessed`, in the pattern its style uses) and reveals the copy buttons,
 * which copy the citation as text and, where the browser allows, as HTML (italics).
 */
function fill(span: HTMLElement, now: Date): void {
  const months = (span.dataset.months ?? '').split('|');
  const pad = (n: number) => String(n).padStart(2, '0');
  span.textContent = (span.dataset.pattern ?? '')
    .replace('{Y}', String(now.getFullYear()))
    .replace('{MM}', pad(now.getMonth() + 1))
    .replace('{DD}', pad(now.getDate()))
    .replace('{M}', months[now.getMonth()] ?? '')
    .replace('{D}', String(now.getDate()));
}

async function copy(source: HTMLElement, button: HTMLButtonElement): Promise<void> {
  const text = source.innerText.trim();
  try {
    if (source.tagName !== 'PRE' && 'ClipboardItem' in window) {
      const item = new ClipboardItem({
        'text/plain': new Blob([text], { type: 'text/plain' }),
        'text/html': new Blob([source.innerHTML], { type: 'text/html' }),
      });
      await navigator.clipboard.write([item]);
    } else await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch {
    // No clipboard (insecure context, denied): select the text so Ctrl+C works.
    getSelection()?.selectAllChildren(source);
    button.textContent = 'Selected';
  }
  setTimeout(() => (button.textContent = 'Copy'), 2000);
}

const now = new Date();
for (const span of document.querySelectorAll<HTMLElement>('.cite-accessed')) fill(span, now);
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  const source = document.getElementById(button.dataset.copy ?? '');
  if (!source) continue;
  button.hidden = false;
  button.addEventListener('click', () => void copy(source, button));
}
