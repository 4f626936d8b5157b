import type { Locale } from "../supervision/locale.ts";
import type { QuestionMessage, TaskItem } from "./message-types.ts";

/** A question back instead of a guess; `tasks` are the choices (each with a button), when the question is which task. */
export function buildQuestionMessage(
  locale: Locale,
  question: string,
  tasks: readonly TaskItem[] = [],
): QuestionMessage {
  return { kind: "question", locale, summary: question, question, tasks: [...tasks] };
}
