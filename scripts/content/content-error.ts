/** A problem in an author's file, reported as `file:line: message`. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = "ContentError";
  }
}

/** Thrown when compilation found problems; carries every one of them. */
export class ContentErrors extends Error {
  constructor(readonly errors: ContentError[]) {
    super(errors.map((error) => error.message).join("\n"));
    this.name = "ContentErrors";
  }
}
