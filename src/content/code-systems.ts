/**
 * The clinical code systems articles are mapped to, with the identifiers
 * EHRs use for them (HL7 OIDs in Infobutton requests, FHIR URIs in CDS Hooks),
 * and the shape of a valid code in each. Declared once: the compiler checks
 * mappings with it, and the API resolves requested systems with it.
 */

/** The systems' names, as written in `codes.yaml` and served. */
export const CODE_SYSTEM_NAMES = ["ICD-10", "ICD-10-CM", "SNOMED CT", "RxNorm", "LOINC"] as const;
export type CodeSystemName = (typeof CODE_SYSTEM_NAMES)[number];

export interface CodeSystem {
  /** The classification's usual name. */
  name: CodeSystemName;
  /** HL7 OID, as in Infobutton's `mainSearchCriteria.v.cs`. */
  oid: string;
  /** FHIR system URI, as in a Condition's `code.coding[].system`. */
  uri: string;
  /** What a code of this system looks like, for error messages. */
  example: string;
  /** The code in its canonical form, or undefined when it is not a code of this system. */
  canonical(code: string): string | undefined;
}

/** WHO ICD-10: a letter and two digits, then up to two after a dot (WHO's optional fifth character); "R252" is "R25.2". */
function icd10Code(code: string): string | undefined {
  const compact = code.trim().toUpperCase().replace(".", "");
  if (!/^[A-Z]\d{2}\d{0,2}$/.test(compact)) return undefined;
  return compact.length > 3 ? `${compact.slice(0, 3)}.${compact.slice(3)}` : compact;
}

/** ICD-10-CM: a letter, a digit, a character, then up to four after a dot; "R252" is read as "R25.2". */
function icd10CmCode(code: string): string | undefined {
  const compact = code.trim().toUpperCase().replace(".", "");
  if (!/^[A-Z]\d[0-9A-Z][0-9A-Z]{0,4}$/.test(compact)) return undefined;
  return compact.length > 3 ? `${compact.slice(0, 3)}.${compact.slice(3)}` : compact;
}

/** SNOMED CT concept id: 6 to 18 digits, a concept partition (00 or 10) and a Verhoeff check digit. */
function snomedConceptId(code: string): string | undefined {
  const id = code.trim();
  if (!/^[1-9]\d{5,17}$/.test(id) || !["00", "10"].includes(id.slice(-3, -1))) return undefined;
  return verhoeffValid(id) ? id : undefined;
}

/** RxNorm concept unique identifier (RXCUI): digits. */
function rxcui(code: string): string | undefined {
  const id = code.trim();
  return /^[1-9]\d{0,8}$/.test(id) ? id : undefined;
}

/** LOINC code: up to five digits, a hyphen and the mod-10 check digit. */
function loincCode(code: string): string | undefined {
  const match = /^(\d{1,5})-(\d)$/.exec(code.trim());
  return match?.[1] && match[2] && loincCheckDigit(match[1]) === Number(match[2]) ? code.trim() : undefined;
}

/**
 * OIDs and URIs as HL7's terminology (UTG) names them: its NamingSystem
 * records v3-icd10 (WHO ICD-10), v3-icd10CM, v3-snomed-CT, v3-rxNorm and
 * v3-loinc (github.com/HL7/UTG, input/sourceOfTruth/external/v3/namingSystems).
 * The v3-icd10 record is marked retired, and FHIR's list of code systems still
 * gives its URI and OID for WHO's ICD-10.
 */
export const CODE_SYSTEMS: readonly CodeSystem[] = [
  {
    // WHO's ICD-10, which the UK's NHS uses (ICD-10-CM is the United States' modification of it).
    name: "ICD-10",
    oid: "2.16.840.1.113883.6.3",
    uri: "http://hl7.org/fhir/sid/icd-10",
    example: "R25.2",
    canonical: icd10Code,
  },
  {
    name: "ICD-10-CM",
    oid: "2.16.840.1.113883.6.90",
    uri: "http://hl7.org/fhir/sid/icd-10-cm",
    example: "R25.2",
    canonical: icd10CmCode,
  },
  {
    name: "SNOMED CT",
    oid: "2.16.840.1.113883.6.96",
    uri: "http://snomed.info/sct",
    example: "73211009",
    canonical: snomedConceptId,
  },
  {
    name: "RxNorm",
    oid: "2.16.840.1.113883.6.88",
    uri: "http://www.nlm.nih.gov/research/umls/rxnorm",
    example: "9071",
    canonical: rxcui,
  },
  { name: "LOINC", oid: "2.16.840.1.113883.6.1", uri: "http://loinc.org", example: "2345-7", canonical: loincCode },
];

/** The system a name, OID (`2.16...` or `urn:oid:2.16...`) or FHIR URI identifies, ignoring case. */
export function findCodeSystem(identifier: string): CodeSystem | undefined {
  const wanted = identifier.trim().toLowerCase();
  return SYSTEMS_BY_IDENTIFIER.get(wanted.startsWith("urn:oid:") ? wanted.slice("urn:oid:".length) : wanted);
}

/** Each system by its name, OID and URI, lower-cased: a lookup costs the same however the system is named. */
const SYSTEMS_BY_IDENTIFIER = new Map(
  CODE_SYSTEMS.flatMap((system) =>
    [system.name, system.oid, system.uri].map((identifier) => [identifier.toLowerCase(), system] as const),
  ),
);

/** The Verhoeff check over all digits (the last being the check digit) is zero. */
function verhoeffValid(digits: string): boolean {
  let check = 0;
  [...digits].reverse().forEach((digit, index) => {
    check = VERHOEFF_D[check]?.[VERHOEFF_P[index % 8]?.[Number(digit)] ?? 0] ?? 0;
  });
  return check === 0;
}

/** Verhoeff's tables, a row to a string: the dihedral group D5's multiplication, and the permutation by position. */
const VERHOEFF_D = [
  "0123456789",
  "1234067895",
  "2340178956",
  "3401289567",
  "4012395678",
  "5987604321",
  "6598710432",
  "7659821043",
  "8765932104",
  "9876543210",
].map(digits);
const VERHOEFF_P = [
  "0123456789",
  "1576283094",
  "5803796142",
  "8916043527",
  "9453126870",
  "4286573901",
  "2793806415",
  "7046913258",
].map(digits);

function digits(row: string): number[] {
  return [...row].map(Number);
}

/** LOINC's mod-10 check digit (Luhn over the code's digits, as LOINC's users' guide gives it). */
function loincCheckDigit(digits: string): number {
  let sum = 0;
  [...digits].reverse().forEach((digit, index) => {
    const value = Number(digit) * (index % 2 === 0 ? 2 : 1);
    sum += value > 9 ? value - 9 : value;
  });
  return (10 - (sum % 10)) % 10;
}
