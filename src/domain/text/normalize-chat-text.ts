/**
 * Folds what people type in chat to one form, character by character: full-width forms to ASCII (NFKC:
 * "（五）８０％：" -> "(五)80%:"), curly apostrophes to "'", and lower case. A character whose folded
 * form would change the length is kept as it is, so every index in the result points at the same
 * character of the input (callers cut spans of the original text with indices found in the folded one).
 */
export function normalizeChatText(text: string): string {
  let folded = "";
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    const form = char === "’" || char === "‘" ? "'" : char.normalize("NFKC").toLowerCase();
    folded += form.length === 1 ? form : char;
  }
  return folded;
}
