import type { MessageAction } from "../../../domain/messages/message-types.ts";
import type { TextStyle } from "./text-style.ts";

/** A message rendered for the terminal: its lines, and the buttons it showed (numbered in order). */
export interface RenderedText {
  lines: string[];
  actions: MessageAction[];
}

/** Collects a rendering's buttons and words them: "[3] 填报进展" when they can be pressed, "[填报进展]" when not. */
export interface ActionCollector {
  button(action: MessageAction): string;
  readonly actions: MessageAction[];
}

export interface RenderContext {
  style: TextStyle;
  actions: ActionCollector;
}

/**
 * Numbers buttons from `first` (the reader presses them with `/press <n>`); with `first` null they are shown
 * unnumbered, as buttons in a message to someone else.
 */
export function createActionCollector(first: number | null): ActionCollector {
  const actions: MessageAction[] = [];
  return {
    actions,
    button(action) {
      actions.push(action);
      return first === null ? `[${action.label}]` : `[${first + actions.length - 1}] ${action.label}`;
    },
  };
}

/** A rendering context whose buttons are numbered from `first` (null: not pressable). */
export function createRenderContext(style: TextStyle, first: number | null): RenderContext {
  return { style, actions: createActionCollector(first) };
}

/** The buttons as one line ("[1] 办结  [2] 退回"), or nothing when there are none. */
export function buttonLine(actions: readonly MessageAction[], context: RenderContext, indent = ""): string[] {
  if (actions.length === 0) return [];
  return [`${indent}${actions.map((action) => context.actions.button(action)).join("  ")}`];
}
