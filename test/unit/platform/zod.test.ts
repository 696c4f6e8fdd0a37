/** src/lib/platform/zod.ts: its iso.datetime and coerce.number are zod/mini's own, without zod's namespaces (bundles hold a namespace whole). */
import { coerce as zodCoerce, iso as zodIso } from "zod/mini";
import * as z from "../../../src/lib/platform/zod.js";

test("iso.datetime builds zod's ISO date-time schema, which answers as zod's", () => {
  for (const params of [undefined, { offset: true }]) {
    const [ours, zods] = [z.iso.datetime(params), zodIso.datetime(params)];
    expect([...ours._zod.traits]).toEqual([...zods._zod.traits]);
    for (const value of ["2026-12-31T18:00:00Z", "2026-12-31T18:00:00.5+01:00", "2026-12-31", "", 5])
      expect(ours.safeParse(value)).toEqual(zods.safeParse(value));
  }
});

test("coerce.number builds zod's coerced number, which answers as zod's", () => {
  const [ours, zods] = [z.coerce.number(), zodCoerce.number()];
  expect([...ours._zod.traits]).toEqual([...zods._zod.traits]);
  for (const value of ["5", "5.5", " 7 ", "x", "", undefined]) expect(ours.safeParse(value)).toEqual(zods.safeParse(value));
});
