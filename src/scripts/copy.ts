// Copy buttons on item pages: the permanent link, or a Markdown or Jira reference for tickets.
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API is unavailable on plain-http intranet hosts; fall back to a selection copy.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

const announcer = document.getElementById('copy-status');
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const url = new URL(button.dataset['href'] ?? '', location.href).href;
    const label = button.dataset['label'] ?? '';
    const text =
      {
        markdown: `[${label}](${url})`,
        // Jira wiki markup; a "|" in the label would end it early.
        jira: `[${label.replaceAll('|', '/')}|${url}]`,
      }[button.dataset['copy'] ?? ''] ?? url;
    await copyText(text);
    button.dataset['copied'] = text;
    if (announcer) announcer.textContent = `${announcer.dataset['message'] ?? ''}: ${text}`;
  });
}

export {};
