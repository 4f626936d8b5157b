import { randomBytes } from "node:crypto";
import pg from "pg";

export interface TemporaryPostgresDatabase {
  name: string;
  /** The server URL with the database name replaced by this database's. */
  url: string;
  /** Drops the database (and ends any session still connected to it). Safe to call more than once. */
  drop(): Promise<void>;
}

const NAME_PREFIX = /^[a-z_][a-z0-9_]{0,40}$/;

export function databaseUrl(serverUrl: string, databaseName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(databaseName)}`;
  return url.toString();
}

/** Runs `use` on a fresh connection to the server (its maintenance database), closed afterwards. */
export async function withServerConnection<T>(
  serverUrl: string,
  use: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withServerConnection(serverUrl, async (client) => {
    const { rows } = await client.query<{ version: number }>(
      "SELECT current_setting('server_version_num')::int AS version",
    );
    // FORCE (PostgreSQL 13+) ends sessions a caller forgot to close; older servers wait up to 5 s for them.
    const force = (rows[0]?.version ?? 0) >= 130000 ? " WITH (FORCE)" : "";
    await client.query(`DROP DATABASE IF EXISTS "${name}"${force}`);
  });
}

/**
 * Creates an empty database `<prefix>_<random>` on the server `serverUrl` points at (the connecting user
 * needs CREATEDB). Used for shadow databases and for per-test databases.
 */
export async function createTemporaryPostgresDatabase(
  serverUrl: string,
  prefix: string,
  options: { template?: string } = {},
): Promise<TemporaryPostgresDatabase> {
  if (!NAME_PREFIX.test(prefix)) throw new Error(`invalid database name prefix: ${prefix}`);
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const template = options.template === undefined ? "" : ` TEMPLATE "${options.template}"`;
  await withServerConnection(serverUrl, async (client) => {
    // copying a template fails while another copy of it is starting (55006 object_in_use): try again
    for (let attempt = 1; ; attempt++) {
      try {
        return await client.query(`CREATE DATABASE "${name}"${template}`);
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
  let dropping: Promise<void> | undefined;
  return {
    name,
    url: databaseUrl(serverUrl, name),
    drop: () => {
      dropping ??= dropDatabase(serverUrl, name);
      return dropping;
    },
  };
}
