/** A line typed in the shell, read. */
export type ShellLine =
  | { kind: "empty" }
  | { kind: "help" }
  | { kind: "quit" }
  | { kind: "as"; who: string }
  | { kind: "duban"; text: string }
  | { kind: "press"; number: number }
  | { kind: "home"; page: number }
  | { kind: "inbox" }
  | { kind: "clock" }
  | { kind: "clock_set"; when: string }
  | { kind: "tick"; times: number }
  | { kind: "lang"; locale: string }
  /** Free text: a reply in the thread of the actor's last DM from Duban (a DM to Duban when there is none). */
  | { kind: "reply"; text: string; thread: "last" | "none" }
  /** A file shared there, with or without text: kept as evidence (佐证材料). */
  | { kind: "attach"; path: string; text: string }
  /** A command used without what it needs: show its usage. */
  | { kind: "usage"; command: string }
  | { kind: "unknown"; command: string };

const WHOLE_NUMBER = /^\d{1,4}$/;

function number(text: string): number | null {
  return WHOLE_NUMBER.test(text) ? Number(text) : null;
}

/** `/attach <path> [text]`: the path first, in double quotes when it has spaces; null when there is none. */
function attachment(rest: string): { path: string; text: string } | null {
  const quoted = /^"([^"]+)"\s*(.*)$/s.exec(rest);
  if (quoted) return { path: quoted[1] as string, text: (quoted[2] ?? "").trim() };
  const [path = "", ...words] = rest.split(/\s+/);
  return path === "" || path.startsWith('"') ? null : { path, text: words.join(" ") };
}

/** Reads one line: "/command args" for the shell's commands and `/duban`, anything else a chat message. */
export function parseShellLine(raw: string): ShellLine {
  const line = raw.trim();
  if (line === "") return { kind: "empty" };
  if (!line.startsWith("/")) return { kind: "reply", text: line, thread: "last" };
  const [head = "", ...words] = line.split(/\s+/);
  const rest = line.slice(head.length).trim();
  switch (head.toLowerCase()) {
    case "/help":
    case "/?":
      return { kind: "help" };
    case "/quit":
    case "/exit":
      return { kind: "quit" };
    case "/as":
    case "/people":
      return { kind: "as", who: rest };
    case "/duban":
      return { kind: "duban", text: rest };
    case "/web":
      return { kind: "duban", text: "web" };
    case "/press": {
      const pressed = number(rest);
      return pressed === null || pressed === 0
        ? { kind: "usage", command: "/press" }
        : { kind: "press", number: pressed };
    }
    case "/home":
      return { kind: "home", page: number(rest) ?? 1 };
    case "/inbox":
      return { kind: "inbox" };
    case "/clock":
      return words[0]?.toLowerCase() === "set"
        ? { kind: "clock_set", when: words.slice(1).join(" ") }
        : { kind: "clock" };
    case "/tick": {
      const times = rest === "" ? 1 : number(rest);
      return times === null || times === 0 ? { kind: "usage", command: "/tick" } : { kind: "tick", times };
    }
    case "/lang":
      return { kind: "lang", locale: rest };
    case "/reply":
      return rest === ""
        ? { kind: "usage", command: "/reply" }
        : { kind: "reply", text: rest, thread: "last" };
    case "/attach": {
      const file = attachment(rest);
      return file === null ? { kind: "usage", command: "/attach" } : { kind: "attach", ...file };
    }
    case "/dm":
      return rest === "" ? { kind: "usage", command: "/dm" } : { kind: "reply", text: rest, thread: "none" };
    default:
      return { kind: "unknown", command: head };
  }
}
