/**
 * `/cds-services`: CDS Hooks 2.0 discovery (GET, stored like any other
 * response) and the `patient-view` service (POST, answered afresh every time
 * with `no-store`: its body holds patient data, which is never stored or logged).
 */
import {
  CdsResponse,
  CdsServices,
  cdsServices,
  FhirCondition,
  MAX_CARDS,
  PATIENT_EDUCATION_SERVICE,
  PatientViewRequest,
  patientViewCards,
} from "../api/cds-hooks";
import { STANDARD_HEADERS } from "../http/cross-origin";
import { MEDIA } from "../http/media-types";
import { ProblemError, problem } from "../http/problem";
import { sendRepresentation } from "../http/send";
import { validBody } from "../http/validation";
import { json, type Operation } from "../openapi/operation";
import { defineRoute, representationOf } from "./route";

const getCdsServices = {
  path: "/cds-services",
  operationId: "getCdsServices",
  summary: "CDS Hooks discovery",
  description: "The CDS Hooks 2.0 services this API offers: `patient-education`, for the `patient-view` hook.",
  tag: "Clinical systems",
  content: json(CdsServices, "CdsServices"),
  errors: [],
} as const satisfies Operation;

const callCdsService = {
  path: "/cds-services/{id}",
  method: "post",
  operationId: "callCdsService",
  summary: "Call a CDS Hooks service",
  description: `CDS Hooks 2.0 \`patient-view\`: reads the patient's FHIR R4 Condition resources from the \`conditions\` prefetch (this service never calls your FHIR server) and returns an \`info\` card linking to the article for each article matching one of their current conditions' codes, for the newest ${MAX_CARDS} such articles at most; none matching is \`{"cards": []}\`. Bodies are limited to 512 KiB, never stored or logged, and answered with \`Cache-Control: no-store\`. A JWT in \`Authorization\` is accepted and not required.`,
  tag: "Clinical systems",
  pathParameters: {
    // The one service offered: any other id is no route, a 404.
    id: {
      description: "The service's id from discovery.",
      example: PATIENT_EDUCATION_SERVICE,
      pattern: PATIENT_EDUCATION_SERVICE,
    },
  },
  requestBody: {
    schema: PatientViewRequest,
    component: "PatientViewRequest",
    description: "A CDS Hooks `patient-view` request with the `conditions` prefetch.",
    example: {
      hook: "patient-view",
      hookInstance: "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
      context: { userId: "Practitioner/example", patientId: "1288992" },
      prefetch: {
        conditions: {
          resourceType: "Bundle",
          entry: [
            {
              resource: {
                resourceType: "Condition",
                clinicalStatus: {
                  coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }],
                },
                code: {
                  coding: [
                    {
                      system: "http://hl7.org/fhir/sid/icd-10-cm",
                      code: "G47.62",
                      display: "Sleep related leg cramps",
                    },
                  ],
                },
              },
            },
          ],
        },
      },
    },
  },
  content: json(CdsResponse, "CdsResponse"),
  errors: [400, 404, 412, 413, 415, 503],
} as const satisfies Operation;

export const CDS_ROUTES = [
  defineRoute(getCdsServices, async (c) => {
    const representation = await representationOf(c, [], () => ({
      json: cdsServices(),
      lastModified: c.var.contentUpdatedAt,
    }));
    return sendRepresentation(c, representation);
  }),
  defineRoute(callCdsService, async (c) => {
    const prefetched = c.req.valid("json").prefetch?.conditions;
    // A prefetch the client could not make (an OperationOutcome) is one not sent, as CDS Hooks 2.0 asks.
    if (prefetched === undefined || prefetched?.resourceType === "OperationOutcome") {
      const failed =
        prefetched === undefined ? "" : "Your prefetch of them failed (an OperationOutcome came instead): ";
      throw new ProblemError(
        problem("prefetch-required", `${failed}Send the patient's Condition resources as the \`conditions\` prefetch.`),
      );
    }
    // Each Condition is read in full; other resources (an OperationOutcome, say) are skipped.
    const conditions = (prefetched?.entry ?? []).flatMap(({ resource }, index) =>
      resource?.resourceType === "Condition"
        ? [validBody(FhirCondition, resource, ["prefetch", "conditions", "entry", index, "resource"])]
        : [],
    );
    const response: CdsResponse = patientViewCards(await c.var.library(), conditions, c.var.baseUrl);
    return c.json(response, 200, {
      ...STANDARD_HEADERS,
      "Content-Type": `${MEDIA.json}; charset=utf-8`,
      "Cache-Control": "no-store",
    });
  }),
] as const;
