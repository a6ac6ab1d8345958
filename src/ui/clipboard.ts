/** The browser side of sharing: copying a link or a snippet. */

/**
 * Copies text to the clipboard; where the Clipboard API is missing or refused (plain HTTP,
 * sandboxed frames), selects the field's text so that the user can copy it with the keyboard.
 */
export async function copyText(
  text: string,
  field: HTMLInputElement | HTMLTextAreaElement,
): Promise<'copied' | 'selected'> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    field.focus();
    field.select();
    return 'selected';
  }
}
