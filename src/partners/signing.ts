/**
 * Standard Webhooks signatures (HMAC-SHA256 over `id.timestamp.body`, each
 * subscription with its own `whsec_` secret), made by the specification's
 * own library, `standardwebhooks`; and the ids events and subscriptions get.
 */
import { Webhook } from "standardwebhooks";
import { base64, base64url } from "../lib/base64";

/** The specification's range is 24 to 64 bytes; 32 is its libraries' default. */
const SECRET_BYTES = 32;

export function newSecret(): string {
  return `whsec_${base64(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)))}`;
}

export function newSubscriptionId(): string {
  return `sub_${base64url(crypto.getRandomValues(new Uint8Array(16)))}`;
}

/**
 * An event's id, the same each time the same change is found (a repeated
 * run announces it once): `evt_` and a SHA-256 of what identifies it.
 */
export async function eventId(...identity: readonly string[]): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(identity.join("\n")));
  return `evt_${base64url(new Uint8Array(digest)).slice(0, 32)}`;
}

/** The three headers of a delivery: its id (the event's), when it was sent, and its signature. */
export function signedHeaders(secret: string, id: string, sentAt: Date, body: string): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, sentAt, body),
  };
}
