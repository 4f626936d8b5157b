import { createHash } from "node:crypto";
import { mkdirSync, realpathSync, unlinkSync } from "node:fs";
import { createConnection, createServer, type Server } from "node:net";
import { hostname } from "node:os";
import { DomainError } from "../../domain/errors.ts";

export interface LockHolder {
  pid: number;
  host: string;
  purpose: string;
  since: string;
}

export interface DataDirectoryLock {
  readonly name: string;
  release(): Promise<void>;
}

export function describeHolder(holder: LockHolder): string {
  return `\`${holder.purpose}\` (pid ${holder.pid} on ${holder.host}, since ${holder.since})`;
}

/**
 * The lock is a listening socket whose name derives from the data directory's real path: in Linux's
 * abstract socket namespace (no file; the kernel frees it the moment its process dies, so a crash never
 * leaves a stale lock), elsewhere a socket file under the OS temp directory. Connecting to it tells who
 * holds it.
 */
function socketNameFor(dataDir: string): string {
  const digest = createHash("sha256").update(realpathSync(dataDir)).digest("hex").slice(0, 24);
  if (process.platform === "linux") return `\0duban-data-${digest}`;
  if (process.platform === "win32") return `\\\\.\\pipe\\duban-data-${digest}`;
  return `/tmp/duban-data-${digest}.sock`;
}

function askHolder(name: string): Promise<LockHolder | null> {
  return new Promise((resolve) => {
    const socket = createConnection({ path: name });
    let data = "";
    // the holder answers from its event loop, which the embedded database's WebAssembly can keep busy for
    // seconds (loading a plan on a loaded machine): wait long enough to name it
    const timer = setTimeout(() => socket.destroy(), 5000);
    socket.on("data", (chunk) => {
      data += chunk.toString("utf8");
    });
    socket.on("error", () => resolve(null));
    socket.on("close", () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(data) as LockHolder);
      } catch {
        resolve(null);
      }
    });
  });
}

function listen(server: Server, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ path: name, exclusive: true }, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/**
 * The embedded database belongs to one process at a time. Takes the data directory's lock or throws a
 * DomainError naming the process that holds it.
 */
export async function lockDataDirectory(dataDir: string, purpose: string): Promise<DataDirectoryLock> {
  mkdirSync(dataDir, { recursive: true });
  const name = socketNameFor(dataDir);
  const me: LockHolder = { pid: process.pid, host: hostname(), purpose, since: new Date().toISOString() };
  const server = createServer((socket) => {
    socket.on("error", () => {}); // an asker that gave up (EPIPE) must not bring the holder down
    socket.end(JSON.stringify(me));
  });
  server.unref();
  try {
    await listen(server, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    const holder = await askHolder(name);
    if (!holder && name.startsWith("/")) {
      // a socket file left by a crashed process (only where there is no abstract namespace): take it over
      unlinkSync(name);
      await listen(server, name);
      return lockHandle(server, name);
    }
    const who = holder ? describeHolder(holder) : "another Duban process";
    throw new DomainError(
      "data_dir_locked",
      `the embedded database in ${dataDir} is in use by ${who}; stop it first, or set DATABASE_URL to a PostgreSQL server to run several processes`,
    );
  }
  return lockHandle(server, name);
}

function lockHandle(server: Server, name: string): DataDirectoryLock {
  return { name, release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
