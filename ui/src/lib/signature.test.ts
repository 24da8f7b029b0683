import { describe, expect, it } from "vitest";
import type { PlanFields } from "./bindings";
import { signatureLines } from "./signature";

const base: PlanFields = {
  number: "", symbol: "", place: "", issueDate: "", title: "", purposes: "", requirements: "",
  leaderName: "", leaderPosition: "", spokespersonName: "", spokespersonPosition: "",
  spokespersonContact: "", pressCoordination: "", publicDisclosure: "", opinionMonitoring: "",
  falseInformation: "", crisisProcedure: "", reporting: "", signerAuthority: null,
  signerAuthorityOf: "", signerDeputyOf: "", signerPosition: "", signerName: "",
};

describe("signature block", () => {
  it("writes a People's Committee deputy chair as the seed does", () => {
    const lines = signatureLines({
      ...base,
      signerAuthority: "on_behalf",
      signerAuthorityOf: "Ủy ban nhân dân",
      signerDeputyOf: "chủ tịch",
      signerPosition: "Phó Chủ tịch",
      signerName: "Nguyễn Thị Thanh Lịch",
    });
    expect(lines.map((l) => l.text)).toEqual([
      "TM. ỦY BAN NHÂN DÂN",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Nguyễn Thị Thanh Lịch",
    ]);
  });

  it("writes a deputy director signing for the director", () => {
    const lines = signatureLines({
      ...base,
      signerAuthority: "deputy",
      signerAuthorityOf: "GIÁM ĐỐC",
      signerPosition: "PHÓ GIÁM ĐỐC",
      signerName: "Trần Văn Bình",
    });
    expect(lines.map((l) => l.text)).toEqual(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Bình"]);
  });
});
