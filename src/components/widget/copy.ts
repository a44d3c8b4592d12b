/** Copies text to the clipboard; false when the page cannot (no clipboard, denied permission). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Copies a link and says how it went: "Link copied", or, where the page cannot copy, selects the
 * link in its field so the reader can copy it by hand. Returns the message to show.
 */
export async function copyLinkOrSelect(link: string, field: HTMLInputElement | undefined, messages: { copied: string; failed: string }): Promise<string> {
  if (await copyText(link)) return messages.copied;
  field?.focus();
  field?.select();
  return messages.failed;
}
