import { leftOutMemberNotices, type SplitPlace } from "./leftOutMemberNotices";
import type { SplitWeights } from "./splitWeights";

const place = (locked: string[] = []): SplitPlace => ({
  level: { dimension: "rep", method: "manual", weights: {} },
  depth: 1,
  parentPath: ["East"],
  planYear: 2026,
  locked: new Set(locked),
});

const split = (parts: Partial<SplitWeights>): SplitWeights => ({
  weights: new Map(),
  equalFallback: false,
  negative: [],
  leftOut: [],
  ...parts,
});

describe("leftOutMemberNotices", () => {
  it("is silent when the split leaves nobody out", () => {
    expect(leftOutMemberNotices(split({ weights: new Map([["Ann", 1]]) }), place())).toEqual([]);
  });

  it("never names a locked member: its lock is its target", () => {
    const notices = leftOutMemberNotices(
      split({
        negative: [
          { member: "Bo", net: -10, years: 1 },
          { member: "Cy", net: -20, years: 1 },
        ],
        leftOut: [{ member: "Bo" }, { member: "Dee" }],
      }),
      place(["Bo"]),
    );
    expect(notices.map((n) => [n.code, n.params.members])).toEqual([
      ["negative-net-members", "Cy (-20)"],
      ["manual-weights-leave-out", "Dee"],
    ]);
  });

  it("gives one warning per window and per blend part, each naming its field", () => {
    const notices = leftOutMemberNotices(
      split({
        weights: new Map([["Eve", 1]]),
        negative: [
          { member: "Bo", net: -10, years: 1 },
          { member: "Cy", net: -20, years: 3 },
        ],
        leftOut: [
          { member: "Dee", part: 0 },
          { member: "Eve", part: 2 },
        ],
      }),
      place(),
    );
    expect(
      notices.map((n) => [n.code, n.params.window ?? n.params.field, n.params.members]),
    ).toEqual([
      ["negative-net-members", "2025", "Bo (-10)"],
      ["negative-net-members", "2023–2025", "Cy (-20)"],
      ["manual-weights-leave-out", "levels[1].parts[0].weights", "Dee"],
      ["blend-part-leaves-out", "levels[1].parts[2].weights", "Eve"],
    ]);
  });

  it("names ten members at most and counts the rest", () => {
    const names = Array.from({ length: 13 }, (_, i) => `R${String(i).padStart(2, "0")}`);
    const [notice] = leftOutMemberNotices(
      split({ leftOut: names.map((member) => ({ member })) }),
      place(),
    );
    expect(notice.params.members).toBe(`${names.slice(0, 10).join(", ")}, … (+3)`);
    expect(notice.params.count).toBe(13);
  });
});
