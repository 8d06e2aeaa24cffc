/**
 * Sends URLs to an IndexNow endpoint (https://www.indexnow.org/documentation):
 * one POST of at most 10,000 URLs at a time, retried with growing waits on
 * 429, 5xx and network errors; any other refusal ends the run.
 */

export interface Submission {
  endpoint: string;
  base: string;
  key: string;
  urls: string[];
  /** Attempts per batch, the first included. */
  attempts: number;
  /** The first wait between attempts; each next one is twice as long. */
  retryDelayMs: number;
  log?: (line: string) => void;
}

const BATCH = 10_000;

export class IndexNowError extends Error {}

export async function submitToIndexNow(submission: Submission): Promise<void> {
  const { base, key, urls } = submission;
  for (let start = 0; start < urls.length; start += BATCH) {
    const body = JSON.stringify({
      host: new URL(base).host,
      key,
      keyLocation: `${base}/${key}.txt`,
      urlList: urls.slice(start, start + BATCH),
    });
    await postWithRetries(submission, body);
  }
}

async function postWithRetries(submission: Submission, body: string): Promise<void> {
  const { endpoint, attempts, retryDelayMs, log = () => {} } = submission;
  for (let attempt = 1; ; attempt++) {
    let outcome: string;
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json; charset=utf-8" },
        body,
      });
      if (response.status === 200 || response.status === 202) return;
      outcome = `HTTP ${response.status}`;
      if (response.status !== 429 && response.status < 500) {
        throw new IndexNowError(`${endpoint} refused the submission: ${outcome} ${await response.text()}`.trim());
      }
    } catch (error) {
      if (error instanceof IndexNowError) throw error;
      outcome = error instanceof Error ? error.message : String(error);
    }
    if (attempt >= attempts) throw new IndexNowError(`${endpoint} failed ${attempts} time(s); last: ${outcome}`);
    const wait = retryDelayMs * 2 ** (attempt - 1);
    log(`indexnow: attempt ${attempt} failed (${outcome}); retrying in ${wait} ms`);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
