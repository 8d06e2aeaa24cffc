/**
 * Checks a JSON-LD document against the schema.org vocabulary: after
 * expansion, every node at any depth (nested values, @graph, @included,
 * @reverse, @list items) must use current schema.org classes and
 * properties, each property on a type it applies to, with values of the
 * types it expects, and references that lead somewhere.
 *
 * Judgement calls, where schema.org leaves room:
 * - Literals are judged by their JSON type and lexical form, not by the
 *   datatype expansion gives them: schema.org's own context types every
 *   date property as Date, DateTime values included (see literal-forms.ts).
 * - A string that is an absolute URL may stand for the thing it identifies
 *   wherever the range has a class that is not a data type; schema.org's
 *   examples do this (`"audience": "https://schema.org/Patient"`). Such a
 *   string naming a schema.org term or a node of the document is checked
 *   like a reference to it.
 * - A reference (`{"@id": ...}`) to something outside the document is a
 *   mistake unless the range accepts a URL (URL, or Text, of which URL is
 *   a subtype): our documents link their nodes by @id, and a mistyped @id
 *   must not pass as a link to the outside world.
 * - A reference to a schema.org class C (`{"@id": "https://schema.org/Patient"}`)
 *   fits a range R when C is R or a subclass of it, reading it as "a C", as
 *   schema.org's examples do; it also fits the meta class `Class`. A
 *   reference to a property fits `Property`.
 * - A node without @type cannot be checked; it is reported once, and its
 *   properties' domains and its fit in its parent's range are not checked.
 *   Likewise a node whose types are all unknown is reported once, for the types.
 */
import { expandOffline } from "./expand-offline";
import type { SchemaOrgIssue, SchemaOrgIssueRule } from "./issue";
import { asArray, isJsonObject, type JsonObject, stringsOf } from "./json";
import { isAbsoluteUrl, LEXICAL_FORMS, type LexicalForm, type Literal } from "./literal-forms";
import { schemaOrgName, termLabel } from "./schema-iri";
import { isSubClassOf, type SchemaOrgProperty, type SchemaOrgVocabulary, termKind } from "./vocabulary";

/** Every issue in `document` (parsed JSON-LD); an empty list means it is valid schema.org. */
export async function validateJsonLd(document: unknown, vocabulary: SchemaOrgVocabulary): Promise<SchemaOrgIssue[]> {
  const { expanded, issues } = await expandOffline(document, vocabulary.context);
  if (expanded === undefined) return issues;
  const checker = new Checker(vocabulary, collectTypes(expanded), issues);
  expanded.forEach((node, index) => {
    if (isNodeObject(node) && hasContent(node)) checker.node(node, `$[${index}]`);
  });
  return issues;
}

interface Problem {
  readonly rule: SchemaOrgIssueRule;
  readonly message: string;
}

/** Hints for literals given where a data type with a strict written form was expected. */
const WRITTEN_AS: ReadonlyMap<string, string> = new Map([
  ["URL", "an absolute URL"],
  ["Date", "YYYY-MM-DD"],
  ["DateTime", "YYYY-MM-DDThh:mm[:ss][Z|±hh:mm]"],
  ["Time", "hh:mm[:ss][Z|±hh:mm]"],
  ["Duration", "an ISO 8601 duration such as PT30M"],
  ["Number", "a JSON number"],
  ["Integer", "a whole JSON number"],
  ["Float", "a JSON number"],
  ["Boolean", "true or false"],
]);

class Checker {
  /** Each data type with the lexical form its literals take. */
  private readonly dataTypeForms: ReadonlyArray<readonly [string, LexicalForm]>;

  constructor(
    private readonly vocabulary: SchemaOrgVocabulary,
    /** The @type IRIs of every node of the document that has an @id, merged across its occurrences. */
    private readonly definitions: ReadonlyMap<string, ReadonlySet<string>>,
    private readonly issues: SchemaOrgIssue[],
  ) {
    this.dataTypeForms = [...vocabulary.classes.values()].flatMap((dataType) => {
      const form = dataType.isDataType ? this.formOf(dataType.name) : undefined;
      return form ? [[dataType.name, form] as const] : [];
    });
  }

  /** Checks one node object and, through its values, every node inside it. */
  node(node: JsonObject, path: string): void {
    const at = typeof node["@id"] === "string" ? node["@id"] : path;
    for (const type of stringsOf(node["@type"])) this.checkType(at, type);
    const classes = this.classesOf(node);
    const keys = Object.keys(node).filter((key) => !key.startsWith("@"));
    if (keys.length > 0 && this.typeIrisOf(node).size === 0) {
      this.report("missing-type", at, "@type", "node has properties but no @type, so they cannot be checked");
    }
    for (const key of keys) {
      const property = this.checkProperty(at, key);
      if (property) this.checkDomain(at, property, classes);
      asArray(node[key]).forEach((value, index) => {
        this.value(at, property, value, `${path}${segment(key)}[${index}]`);
      });
    }
    this.reverse(node, at, path);
    for (const keyword of ["@graph", "@included"]) {
      asArray(node[keyword]).forEach((child, index) => {
        if (isNodeObject(child) && hasContent(child)) this.node(child, `${path}[${JSON.stringify(keyword)}][${index}]`);
      });
    }
  }

  /** One value of a property: checked against the range, and walked into when it is a node or a list. */
  private value(at: string, property: SchemaOrgProperty | undefined, value: unknown, path: string): void {
    if (!isJsonObject(value)) return;
    if ("@list" in value) {
      asArray(value["@list"]).forEach((item, index) => {
        this.value(at, property, item, `${path}["@list"][${index}]`);
      });
      return;
    }
    if (property) {
      for (const problem of this.rangeProblems(property, value)) {
        this.report(problem.rule, at, property.name, problem.message);
      }
    }
    if (isNodeObject(value) && hasContent(value)) this.node(value, path);
  }

  /** `@reverse` properties: each value is the subject and this node the object. */
  private reverse(node: JsonObject, at: string, path: string): void {
    const reverse = node["@reverse"];
    if (!isJsonObject(reverse)) return;
    for (const [key, values] of Object.entries(reverse)) {
      const property = this.checkProperty(at, key);
      asArray(values).forEach((subject, index) => {
        if (!isNodeObject(subject)) return;
        const subjectPath = `${path}["@reverse"]${segment(key)}[${index}]`;
        const subjectAt = typeof subject["@id"] === "string" ? subject["@id"] : subjectPath;
        if (property) {
          this.checkDomain(subjectAt, property, this.classesOf(subject));
          for (const problem of this.rangeProblems(property, node)) {
            this.report(problem.rule, subjectAt, property.name, problem.message);
          }
        }
        if (hasContent(subject)) this.node(subject, subjectPath);
      });
    }
  }

  private checkType(at: string, iri: string): void {
    const name = schemaOrgName(iri);
    const kind = name === undefined ? undefined : termKind(this.vocabulary, name);
    const label = JSON.stringify(termLabel(iri));
    if (name === undefined || kind === undefined) {
      this.report("unknown-type", at, termLabel(iri), `@type ${label} is not a schema.org class`);
    } else if (kind !== "class") {
      this.report("unknown-type", at, name, `@type ${label} is a schema.org ${kind}, not a class`);
    } else {
      const replacements = this.vocabulary.superseded.get(name);
      if (replacements) {
        this.report("superseded-type", at, name, `@type ${label} is superseded by ${list(replacements, "or")}`);
      }
    }
  }

  /** The property `iri` names, when it is one (superseded or not); reports it when it is not, or is superseded. */
  private checkProperty(at: string, iri: string): SchemaOrgProperty | undefined {
    const name = schemaOrgName(iri);
    const label = JSON.stringify(termLabel(iri));
    const kind = name === undefined ? undefined : termKind(this.vocabulary, name);
    const property = name === undefined ? undefined : this.vocabulary.properties.get(name);
    if (name === undefined || property === undefined) {
      const what = kind === undefined ? "not a schema.org property" : `a schema.org ${kind}, not a property`;
      this.report("unknown-property", at, termLabel(iri), `${label} is ${what}`);
      return undefined;
    }
    const replacements = this.vocabulary.superseded.get(name);
    if (replacements) {
      this.report("superseded-property", at, name, `${label} is superseded by ${list(replacements, "or")}`);
    }
    return property;
  }

  private checkDomain(at: string, property: SchemaOrgProperty, classes: readonly string[]): void {
    const domain = property.domainIncludes;
    if (domain.length === 0 || classes.length === 0) return;
    if (classes.some((name) => this.fits(name, domain))) return;
    this.report(
      "domain",
      at,
      property.name,
      `"${property.name}" is not a property of ${list(classes, "or")}; it applies to ${list(domain, "or")}`,
    );
  }

  private rangeProblems(property: SchemaOrgProperty, value: JsonObject): Problem[] {
    const range = property.rangeIncludes;
    if (range.length === 0) return [];
    if ("@value" in value) return this.literalProblems(property, value);
    const id = value["@id"];
    if (typeof id === "string" && !hasContent(value)) return this.referenceProblems(property, id, false);
    const classes = this.classesOf(value);
    if (classes.length === 0 || classes.some((name) => this.fits(name, range))) return [];
    return [this.mismatch(property, `a node typed ${list(classes, "and")}`)];
  }

  private literalProblems(property: SchemaOrgProperty, value: JsonObject): Problem[] {
    const range = property.rangeIncludes;
    const raw = value["@value"];
    if (!isLiteral(raw) || value["@type"] === "@json") return [this.mismatch(property, "a JSON literal")];
    const literalTypes = this.dataTypeForms.filter(([, form]) => form(raw)).map(([name]) => name);
    if (literalTypes.some((name) => this.fits(name, range))) return [];
    const expectsThing = range.some((name) => this.vocabulary.classes.get(name)?.isDataType === false);
    if (typeof raw === "string" && expectsThing && isAbsoluteUrl(raw)) {
      return this.referenceProblems(property, raw, true);
    }
    const hints = range.flatMap((name) => {
      const form = WRITTEN_AS.get(name);
      return form ? [`${name}: ${form}`] : [];
    });
    const hint = typeof raw === "string" && hints.length > 0 ? ` (${hints.join("; ")})` : "";
    return [this.mismatch(property, `${describeLiteral(raw)}${hint}`)];
  }

  /**
   * A reference to `iri`. `fromLiteral` is true for a URL written as a plain
   * string, which schema.org accepts for a thing even outside the document.
   */
  private referenceProblems(property: SchemaOrgProperty, iri: string, fromLiteral: boolean): Problem[] {
    const range = property.rangeIncludes;
    const acceptsUrl = this.fits("URL", range);
    const name = schemaOrgName(iri);
    if (name !== undefined) {
      const kind = termKind(this.vocabulary, name);
      if (kind === undefined) {
        return [
          { rule: "unresolved-reference", message: `"${property.name}" refers to ${iri}, not a schema.org term` },
        ];
      }
      const problems: Problem[] = [];
      const replacements = this.vocabulary.superseded.get(name);
      if (replacements) {
        problems.push({
          rule: "superseded-value",
          message: `"${property.name}" refers to ${name}, which is superseded by ${list(replacements, "or")}`,
        });
      }
      if (!acceptsUrl && !this.termFits(name, range)) problems.push(this.mismatch(property, this.describeTerm(name)));
      return problems;
    }
    if (acceptsUrl && isAbsoluteUrl(iri)) return [];
    const types = this.definitions.get(iri);
    if (types) {
      const classes = this.knownClasses(types);
      if (classes.length === 0 || classes.some((type) => this.fits(type, range))) return [];
      return [this.mismatch(property, `a reference to ${iri}, a node typed ${list(classes, "and")}`)];
    }
    if (fromLiteral) return [];
    const outside = isAbsoluteUrl(iri)
      ? `${iri}, which is not a node of this document, and "${property.name}" does not accept a URL`
      : `${JSON.stringify(iri)}, which is neither a node of this document nor an absolute URL`;
    return [{ rule: "unresolved-reference", message: `"${property.name}" refers to ${outside}` }];
  }

  /** Whether the schema.org term `name`, given as a value, is an instance of one of `range`. */
  private termFits(name: string, range: readonly string[]): boolean {
    const member = this.vocabulary.enumerationMembers.get(name);
    if (member) return member.types.some((type) => this.fits(type, range));
    if (this.vocabulary.classes.has(name)) return this.fits(name, range) || this.fits("Class", range);
    return this.fits("Property", range);
  }

  private describeTerm(name: string): string {
    const member = this.vocabulary.enumerationMembers.get(name);
    if (member) return `${name}, a ${list(member.types, "and")}`;
    return this.vocabulary.classes.has(name) ? `the class ${name}` : `the property ${name}`;
  }

  private mismatch(property: SchemaOrgProperty, got: string): Problem {
    return { rule: "range", message: `"${property.name}" expects ${list(property.rangeIncludes, "or")}, got ${got}` };
  }

  /** Whether class `name` is one of `range` or a subclass of one. */
  private fits(name: string, range: readonly string[]): boolean {
    return range.some((expected) => isSubClassOf(this.vocabulary, name, expected));
  }

  /** The node's own @type IRIs and those given to its @id anywhere else in the document. */
  private typeIrisOf(node: JsonObject): ReadonlySet<string> {
    const own = stringsOf(node["@type"]);
    const elsewhere = typeof node["@id"] === "string" ? this.definitions.get(node["@id"]) : undefined;
    return new Set([...own, ...(elsewhere ?? [])]);
  }

  /** The node's types that are schema.org classes; unknown ones are reported where they are written. */
  private classesOf(node: JsonObject): string[] {
    return this.knownClasses(this.typeIrisOf(node));
  }

  private knownClasses(iris: Iterable<string>): string[] {
    return [...iris]
      .map(schemaOrgName)
      .filter((name): name is string => name !== undefined && this.vocabulary.classes.has(name));
  }

  /** A data type's lexical form, or its nearest superclass's when it has none of its own. */
  private formOf(name: string): LexicalForm | undefined {
    const own = LEXICAL_FORMS.get(name);
    if (own) return own;
    for (const parent of this.vocabulary.classes.get(name)?.subClassOf ?? []) {
      const inherited = this.formOf(parent);
      if (inherited) return inherited;
    }
    return undefined;
  }

  private report(rule: SchemaOrgIssueRule, at: string, term: string, message: string): void {
    this.issues.push({ rule, at, term, message });
  }
}

/** The @type IRIs of every node with an @id, wherever it occurs, so references can be typed. */
function collectTypes(expanded: unknown): Map<string, Set<string>> {
  const types = new Map<string, Set<string>>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    // A value object's @value may be a JSON literal; nothing below it is a node.
    if (!isJsonObject(value) || "@value" in value) return;
    const id = value["@id"];
    if (typeof id === "string" && hasContent(value)) {
      const known = types.get(id) ?? new Set<string>();
      for (const type of stringsOf(value["@type"])) known.add(type);
      types.set(id, known);
    }
    for (const [key, child] of Object.entries(value)) {
      if (key !== "@id" && key !== "@type") visit(child);
    }
  };
  visit(expanded);
  return types;
}

/** An expanded node object: neither a value object nor a list object. */
function isNodeObject(value: unknown): value is JsonObject {
  return isJsonObject(value) && !("@value" in value) && !("@list" in value);
}

/** More than a bare reference: the node says something about itself. */
function hasContent(node: JsonObject): boolean {
  return Object.keys(node).some((key) => key !== "@id" && key !== "@index");
}

function isLiteral(value: unknown): value is Literal {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function describeLiteral(value: Literal): string {
  if (typeof value === "string") return `the text ${JSON.stringify(value)}`;
  return `the ${typeof value} ${String(value)}`;
}

/** One step of a path: `.code` for a schema.org property, `["http://..."]` for anything else. */
function segment(iri: string): string {
  const label = termLabel(iri);
  return /^[A-Za-z_$][\w$]*$/.test(label) ? `.${label}` : `[${JSON.stringify(label)}]`;
}

/** "A", "A or B", "A, B or C". */
function list(items: readonly string[], conjunction: "and" | "or"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}
