import { createHash, randomBytes } from "node:crypto";
import type { WebSignIn } from "../../domain/ports/web-sign-in.ts";
import { appendAuditEvent } from "../db/append-audit-event.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import { auditData } from "../db/supervision-records.ts";

/** How long a sign-in link from `/duban web` is valid. */
export const SIGN_IN_LINK_MINUTES = 15;
/** How long a web session lasts. */
export const SESSION_DAYS = 7;
export const SIGN_IN_PATH = "/web/sign-in";

const newToken = () => randomBytes(32).toString("base64url");
/** Only the SHA-256 of a token is stored: a copy of the database signs no one in. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface WebAccessStore extends WebSignIn {
  /** Uses the link (once, before it expires) and starts a session: its cookie token, or null when refused. */
  signIn(linkToken: string, now: Date): Promise<{ sessionToken: string; personId: string } | null>;
  /** The person of a live session (not expired, not revoked), or null. */
  sessionPerson(sessionToken: string, now: Date): Promise<string | null>;
  /** Ends the session (signing out). */
  endSession(sessionToken: string, now: Date): Promise<void>;
}

/** Sign-in links and sessions in the database (WebSignInLink, WebSession); sign-ins and revocations audited. */
export function createWebAccessStore(prisma: PrismaClient, publicUrl: () => string): WebAccessStore {
  const base = () => publicUrl().replace(/\/+$/, "");
  return {
    async issueLink(personId, now) {
      const token = newToken();
      const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
      await prisma.webSignInLink.create({
        data: { tokenHash: hashToken(token), personId, createdAt: now, expiresAt },
      });
      return { url: `${base()}${SIGN_IN_PATH}?token=${token}`, expiresAt };
    },
    async signIn(linkToken, now) {
      const tokenHash = hashToken(linkToken);
      return prisma.$transaction(async (tx) => {
        const used = await tx.webSignInLink.updateMany({
          where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
          data: { usedAt: now },
        });
        if (used.count !== 1) return null;
        const link = await tx.webSignInLink.findUniqueOrThrow({ where: { tokenHash } });
        const sessionToken = newToken();
        const session = await tx.webSession.create({
          data: {
            tokenHash: hashToken(sessionToken),
            personId: link.personId,
            createdAt: now,
            expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
          },
        });
        await appendAuditEvent(
          tx,
          auditData({
            actor: link.personId,
            action: "web.sign-in",
            subjectType: "person",
            subjectId: link.personId,
            after: { sessionId: session.id, expiresAt: session.expiresAt.toISOString() },
            at: now,
          }),
        );
        return { sessionToken, personId: link.personId };
      });
    },
    async sessionPerson(sessionToken, now) {
      const session = await prisma.webSession.findUnique({ where: { tokenHash: hashToken(sessionToken) } });
      if (session === null || session.revokedAt !== null || session.expiresAt <= now) return null;
      return session.personId;
    },
    async endSession(sessionToken, now) {
      await prisma.webSession.updateMany({
        where: { tokenHash: hashToken(sessionToken), revokedAt: null },
        data: { revokedAt: now },
      });
    },
    async revokeSessions(personId, actorId, now) {
      return prisma.$transaction(async (tx) => {
        const ended = await tx.webSession.updateMany({
          where: { personId, revokedAt: null, expiresAt: { gt: now } },
          data: { revokedAt: now },
        });
        await appendAuditEvent(
          tx,
          auditData({
            actor: actorId,
            action: "web.revoke",
            subjectType: "person",
            subjectId: personId,
            after: { sessionsEnded: ended.count },
            at: now,
          }),
        );
        return ended.count;
      });
    },
  };
}
