/**
 * What a CDS Hooks request costs at scale: the Worker's CPU per request for
 * the smallest body (one condition, one coding) and for the worst body it
 * accepts (every condition and coding at CDS_LIMITS, codes that match many
 * articles, padded to the body limit), in alternating blocks so both see the
 * same machine. The CPU is workerd's own, from /proc: what Cloudflare bills.
 */
import { CDS_LIMITS } from "../../src/api/cds-hooks";
import { MAX_REQUEST_BODY_BYTES } from "../../src/http/limits";
import { httpGet } from "./http-get";
import { processCpuSeconds } from "./proc";
import type { RunningWorker } from "./real-worker";

const SERVICE = "/cds-services/patient-education";

export interface CdsCost {
  /** Bytes of each body. */
  bytes: { one: number; worst: number };
  /** Worker CPU per request, in ms, for each block in turn. */
  oneMs: number[];
  worstMs: number[];
  /** Median of worst / one over the rounds. */
  ratio: number;
}

/** `perBlock` requests per block: /proc counts CPU in 10 ms ticks, so a block's figure is good to 10 ms / perBlock. */
export async function measureCds(worker: RunningWorker, host: string, rounds = 6, perBlock = 100): Promise<CdsCost> {
  if (worker.pid === undefined) throw new Error("the Worker's CPU is read from /proc: Linux only");
  const pid = worker.pid;
  const bodies = { one: JSON.stringify(patientView([condition([ICD_10_CM("R25.2")])])), worst: worstBody() };
  const block = async (body: string) => {
    for (let n = 0; n < 2; n++) await post(worker.origin, host, body); // warm, unmeasured
    const before = processCpuSeconds(pid);
    for (let n = 0; n < perBlock; n++) await post(worker.origin, host, body);
    return ((processCpuSeconds(pid) - before) * 1000) / perBlock;
  };
  const oneMs: number[] = [];
  const worstMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // ABBA: which body runs first alternates, so a drift of the machine falls on both.
    const order = round % 2 === 0 ? (["one", "worst"] as const) : (["worst", "one"] as const);
    for (const which of order) (which === "one" ? oneMs : worstMs).push(await block(bodies[which]));
  }
  const ratios = worstMs.map((worst, n) => worst / (oneMs[n] ?? Number.NaN)).sort((a, b) => a - b);
  return {
    bytes: { one: bodies.one.length, worst: bodies.worst.length },
    oneMs,
    worstMs,
    ratio: ratios[Math.floor(ratios.length / 2)] ?? Number.NaN,
  };
}

/**
 * The most a request may hold: CDS_LIMITS conditions of CDS_LIMITS codings
 * each, codes the synthetic library's articles share (each a lookup that
 * matches many of them) and codes it does not hold, and each condition
 * padded so the body is just under the size limit (all of it is read).
 */
function worstBody(): string {
  const conditions = Array.from({ length: CDS_LIMITS.conditions }, (_, n) =>
    condition(
      Array.from({ length: CDS_LIMITS.codings }, (_, m) => {
        const kind = (n * CDS_LIMITS.codings + m) % 4;
        if (kind === 0) return ICD_10_CM(m % 2 === 0 ? "R25.2" : "G47.62");
        if (kind === 1) return { system: "SYNTHETIC", code: `SYN-${String((n + m) % 100).padStart(3, "0")}` };
        return { system: "http://snomed.info/sct", code: String(100_000 + n * CDS_LIMITS.codings + m) };
      }),
    ),
  );
  const bare = JSON.stringify(patientView(conditions));
  const room = MAX_REQUEST_BODY_BYTES - bare.length - 1024;
  const padding = "x".repeat(Math.max(0, Math.floor(room / conditions.length) - 20));
  return JSON.stringify(patientView(conditions.map((entry) => ({ ...entry, note: [{ text: padding }] }))));
}

const ICD_10_CM = (code: string) => ({ system: "http://hl7.org/fhir/sid/icd-10-cm", code });

function condition(coding: { system: string; code: string }[]) {
  return {
    resourceType: "Condition",
    clinicalStatus: {
      coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }],
    },
    code: { coding },
  };
}

function patientView(conditions: unknown[]) {
  return {
    hook: "patient-view",
    hookInstance: "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
    context: { userId: "Practitioner/example", patientId: "1288992" },
    prefetch: { conditions: { resourceType: "Bundle", entry: conditions.map((resource) => ({ resource })) } },
  };
}

/** One POST, checked for a 200. */
async function post(origin: URL, host: string, body: string): Promise<void> {
  const headers = { Host: host, "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)) };
  const { status, body: answer } = await httpGet(origin, SERVICE, headers, body);
  if (status !== 200) throw new Error(`${SERVICE} answered ${status}: ${answer.toString("utf8", 0, 300)}`);
}
