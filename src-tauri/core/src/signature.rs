//! The signature block as the document prints it (Decree 30/2020/NĐ-CP,
//! Article 13 and Appendix I): the authority ("TM. ỦY BAN NHÂN DÂN", "KT.
//! GIÁM ĐỐC"), a second "KT." line when a deputy signs on behalf of a
//! collective body, the position, then, after the space for the signature,
//! the name. The PDF draws these lines and the editor's preview shows them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::plan::{PlanFields, SignerAuthority};
use crate::text::fold;

/// Whether a recipient line is the archive copy, "Lưu: VT, …" (Decree
/// 30/2020/NĐ-CP, Appendix I), the last line of "Nơi nhận"; tolerates
/// "Lưu VT", spacing, case and a leading dash.
pub fn is_archive_line(text: &str) -> bool {
    let folded: String = fold(text)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ':')
        .collect();
    folded.trim_start_matches('-').starts_with("luuvt")
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct SignatureBlock {
    /// In capitals, in order: e.g. "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH".
    pub lines: Vec<String>,
    /// The signer's name, below the space for the signature ("" until given).
    pub name: String,
}

fn upper(s: &str) -> String {
    s.trim().to_uppercase()
}

/// The block the plan's signer fields print.
pub fn signature_block(f: &PlanFields) -> SignatureBlock {
    let mut lines = Vec::new();
    if let Some(a) = f.signer_authority
        && a != SignerAuthority::Direct
        && !f.signer_authority_of.trim().is_empty()
    {
        lines.push(format!("{} {}", a.prefix(), upper(&f.signer_authority_of)));
    }
    if f.signer_authority == Some(SignerAuthority::OnBehalf)
        && !f.signer_deputy_of.trim().is_empty()
    {
        lines.push(format!("KT. {}", upper(&f.signer_deputy_of)));
    }
    if !f.signer_position.trim().is_empty() {
        lines.push(upper(&f.signer_position));
    }
    SignatureBlock {
        lines,
        name: f.signer_name.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_archive_line_is_recognised_however_it_is_typed() {
        for line in ["Lưu: VT, VP.", "- Lưu VT", "lưu: vt", "  Lưu :  VT, KGVX"] {
            assert!(is_archive_line(line), "{line}");
        }
        for line in ["Như trên", "Lưu trữ", "UBND tỉnh (để b/c)"] {
            assert!(!is_archive_line(line), "{line}");
        }
    }

    fn fields(
        authority: Option<SignerAuthority>,
        of: &str,
        deputy: &str,
        position: &str,
    ) -> PlanFields {
        PlanFields {
            signer_authority: authority,
            signer_authority_of: of.into(),
            signer_deputy_of: deputy.into(),
            signer_position: position.into(),
            signer_name: " Nguyễn Văn An ".into(),
            ..PlanFields::default()
        }
    }

    #[test]
    fn a_deputy_of_a_department_signs_kt() {
        let b = signature_block(&fields(
            Some(SignerAuthority::Deputy),
            "Giám đốc",
            "",
            "Phó Giám đốc",
        ));
        assert_eq!(b.lines, ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]);
        assert_eq!(b.name, "Nguyễn Văn An");
    }

    #[test]
    fn a_peoples_committee_signs_tm_then_kt() {
        let b = signature_block(&fields(
            Some(SignerAuthority::OnBehalf),
            "Ủy ban nhân dân",
            "Chủ tịch",
            "Phó Chủ tịch",
        ));
        assert_eq!(
            b.lines,
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
        );
    }

    #[test]
    fn a_head_signs_in_their_own_name() {
        let b = signature_block(&fields(
            Some(SignerAuthority::Direct),
            "Giám đốc",
            "Chủ tịch",
            "Giám đốc",
        ));
        assert_eq!(b.lines, ["GIÁM ĐỐC"]);
        let empty = signature_block(&PlanFields::default());
        assert!(empty.lines.is_empty() && empty.name.is_empty());
    }
}
