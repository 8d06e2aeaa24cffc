/**
 * Faults, injected: the real ASSETS binding (miniflare's simulation of the
 * files the build wrote), with some of its files damaged as a bad deploy or
 * a broken disk would leave them. Every other file is read as it is.
 */
import { env } from "cloudflare:workers";
import type { AssetReader } from "../../src/content/article-files";

/** What happens to one file: gone, cut short, or rewritten (its text edited, say). */
export type Damage = "missing" | "truncated" | ((text: string) => string);

export function damagedAssets(damage: Readonly<Record<string, Damage>>): AssetReader {
  return {
    async fetch(input: string) {
      const fault = damage[new URL(input).pathname];
      const response = await env.ASSETS.fetch(input);
      if (fault === undefined) return response;
      if (fault === "missing") return new Response("Not Found", { status: 404 });
      const text = await response.text();
      return new Response(fault === "truncated" ? text.slice(0, Math.floor(text.length / 2)) : fault(text));
    },
  };
}
