// The signature block's lines as the document prints them (Decree 30/2020/NĐ-CP):
// e.g. "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / (space) / name.
import type { PlanFields, SignerAuthority } from "./bindings";

const PREFIX: Record<SignerAuthority, string> = {
  direct: "",
  on_behalf: "TM.",
  deputy: "KT.",
  acting: "Q.",
  by_order: "TL.",
  authorised: "TUQ.",
};

export type SignatureLine = { text: string; name: boolean };

export function signatureLines(f: PlanFields): SignatureLine[] {
  const lines: SignatureLine[] = [];
  const upper = (s: string) => s.trim().toLocaleUpperCase("vi");
  const authority = f.signerAuthority;
  if (authority && authority !== "direct" && f.signerAuthorityOf.trim() !== "") {
    lines.push({ text: `${PREFIX[authority]} ${upper(f.signerAuthorityOf)}`, name: false });
  }
  if (authority === "on_behalf" && f.signerDeputyOf.trim() !== "") {
    lines.push({ text: `KT. ${upper(f.signerDeputyOf)}`, name: false });
  }
  if (f.signerPosition.trim() !== "") lines.push({ text: upper(f.signerPosition), name: false });
  if (f.signerName.trim() !== "") lines.push({ text: f.signerName.trim(), name: true });
  return lines;
}
