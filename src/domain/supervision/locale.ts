/** The two languages Duban speaks: Chinese (the default) and English. */
export type Locale = "zh" | "en";

/** A text in both languages; `pick` chooses one by the reader's locale. */
export interface Localized {
  zh: string;
  en: string;
}

/** English for locales starting with "en" ("en-US", "en_GB"), Chinese for everything else or none. */
export function localeOf(locale: string | null | undefined): Locale {
  return locale?.toLowerCase().startsWith("en") ? "en" : "zh";
}

export function pick(locale: Locale, text: Localized): string {
  return text[locale];
}
