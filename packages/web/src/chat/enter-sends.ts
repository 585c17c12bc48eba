/** The parts of a keydown the composer looks at (a React or DOM KeyboardEvent fits). */
export interface EnterKey {
  key: string;
  shiftKey: boolean;
  isComposing?: boolean;
  keyCode?: number;
}

/**
 * Enter sends, Shift+Enter adds a line. While an IME composes (Chinese pinyin input), Enter
 * confirms the candidate and must not send: browsers flag it with isComposing or keyCode 229.
 */
export function enterSends(event: EnterKey): boolean {
  if (event.key !== 'Enter' || event.shiftKey) return false;
  if (event.isComposing || event.keyCode === 229) return false;
  return true;
}
