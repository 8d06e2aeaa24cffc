/** The words the modality rule reads as weakening or limiting a claim, and the look-alikes it does not. */
import { describe, expect, it } from "vitest";
import { markersIn } from "../../src/content/claims/modality-rule";

const kinds = (text: string) => Object.fromEntries(markersIn(text));

describe("markersIn", () => {
  it("finds hedges, past tenses, conditions and negations", () => {
    expect(kinds("Painkillers can be taken but won’t provide any relief")).toEqual({
      can: "hedge",
      "won't": "negation",
    });
    expect(kinds("Quinine was first used to treat malaria")).toEqual({ was: "past tense", "first used": "past tense" });
    expect(kinds("Wear supportive footwear especially if you have flat feet")).toEqual({
      especially: "condition",
      if: "condition",
    });
    expect(kinds("Some people with a deficiency sometimes have cramps")).toEqual({
      "some people": "hedge",
      sometimes: "hedge",
    });
  });

  it("leaves out what only looks modal", () => {
    // A negation, not a hedge; a comparison, not a hedge; a present use, not a past one; an alternative, not a negation.
    expect(kinds("You can’t stop it")).toEqual({ "can't": "negation" });
    expect(kinds("which makes them more likely to cramp")).toEqual({});
    expect(kinds("these are used to treat heart failure")).toEqual({});
    expect(kinds("whether or not you are taking certain medications")).toEqual({});
  });

  it("reads “likely” alone as a hedge", () => {
    expect(kinds("you will likely stop having leg cramps")).toEqual({ likely: "hedge" });
  });
});
