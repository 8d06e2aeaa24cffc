/**
 * `/cds-services`: CDS Hooks 2.0 discovery (GET, stored like any other
 * response) and the `patient-view` service (POST, answered afresh every time
 * with `no-store`: its body holds patient data, which is never stored or logged).
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import {
  type CdsResponse,
  cdsServices,
  FhirCondition,
  MAX_CDS_REQUEST_BYTES,
  PATIENT_EDUCATION_SERVICE,
  PatientViewRequest,
  patientViewCards,
} from "../api/cds-hooks";
import type { AppEnv } from "../env";
import { STANDARD_HEADERS } from "../http/cross-origin";
import { MEDIA } from "../http/media-types";
import { onlyMedia } from "../http/negotiation";
import { invalidParameters, notFound, ProblemError, problem } from "../http/problem";
import { sendRepresentation } from "../http/send";
import { validBody } from "../http/validation";

const tooLarge = () => {
  throw new ProblemError(problem("content-too-large", `Request bodies are limited to ${MAX_CDS_REQUEST_BYTES} bytes.`));
};

export const cdsRoutes = new Hono<AppEnv>()
  .get("/", onlyMedia(MEDIA.json), async (c) => {
    const { library, representations } = c.var;
    const representation = await representations.get("cds-services", () => ({
      json: cdsServices(),
      lastModified: library.updatedAt,
    }));
    return sendRepresentation(c, representation);
  })
  .post("/:id", onlyMedia(MEDIA.json), bodyLimit({ maxSize: MAX_CDS_REQUEST_BYTES, onError: tooLarge }), async (c) => {
    const id = c.req.param("id");
    if (id !== PATIENT_EDUCATION_SERVICE) notFound(`There is no CDS service "${id}".`);
    const contentType = c.req.header("Content-Type")?.split(";")[0]?.trim().toLowerCase();
    if (contentType !== MEDIA.json) {
      throw new ProblemError(problem("unsupported-media-type", "Send the CDS Hooks request as application/json."));
    }
    const body = await c.req
      .json<unknown>()
      .catch(() => invalidParameters([{ in: "body", name: "", detail: "must be a JSON document" }]));
    const request = validBody(PatientViewRequest, body);
    if (request.prefetch?.conditions === undefined) {
      throw new ProblemError(
        problem("prefetch-required", "Send the patient's Condition resources as the `conditions` prefetch."),
      );
    }
    // Each Condition is read in full; other resources (an OperationOutcome, say) are skipped.
    const conditions = (request.prefetch.conditions?.entry ?? []).flatMap(({ resource }, index) =>
      resource?.resourceType === "Condition"
        ? [validBody(FhirCondition, resource, ["prefetch", "conditions", "entry", index, "resource"])]
        : [],
    );
    const response: CdsResponse = patientViewCards(c.var.library, conditions, c.var.baseUrl);
    return c.json(response, 200, {
      ...STANDARD_HEADERS,
      "Content-Type": `${MEDIA.json}; charset=utf-8`,
      "Cache-Control": "no-store",
    });
  });
