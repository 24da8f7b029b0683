//! Checks of the "Signature" step (Decree 30/2020/NĐ-CP): the signer's
//! authority, position and name, the recipients, and the archive copy as their
//! last line.

use super::Found;
use super::catalogue::{SIGNATURE_ARCHIVE, SIGNATURE_RECIPIENTS, SIGNATURE_SIGNER};
use super::helpers::{blank, plan_field, target};
use crate::edit::Entity;
use crate::model::Step;
use crate::plan::{PlanDocument, SignerAuthority};
use crate::signature::is_archive_line;
use crate::text::shorten;

/// The signer, then the recipients.
pub(super) fn signature(doc: &PlanDocument, found: &mut Found) {
    signer(doc, found);
    recipients(doc, found);
}

/// One finding naming everything the signature block lacks, pointing at the first.
fn signer(doc: &PlanDocument, found: &mut Found) {
    let f = &doc.fields;
    let mut missing: Vec<(&str, &str)> = Vec::new();
    match f.signer_authority {
        None => missing.push(("thẩm quyền ký", "signerAuthority")),
        Some(a) if a != SignerAuthority::Direct && blank(&f.signer_authority_of) => {
            missing.push((
                "chức danh được thay mặt, ký thay (ví dụ: GIÁM ĐỐC)",
                "signerAuthorityOf",
            ));
        }
        Some(_) => {}
    }
    if blank(&f.signer_position) {
        missing.push(("chức vụ người ký", "signerPosition"));
    }
    if blank(&f.signer_name) {
        missing.push(("họ tên người ký", "signerName"));
    }
    if let Some((_, field)) = missing.first() {
        let labels: Vec<&str> = missing.iter().map(|(l, _)| *l).collect();
        found.add(
            &SIGNATURE_SIGNER,
            format!("Phần ký ban hành chưa có: {}.", labels.join("; ")),
            plan_field(doc, Step::Signature, field),
        );
    }
}

/// Recipients exist and the last one is the archive copy.
fn recipients(doc: &PlanDocument, found: &mut Found) {
    let step = Step::Signature;
    match doc.recipients.last() {
        None => found.add(
            &SIGNATURE_RECIPIENTS,
            "Chưa có nơi nhận.".to_string(),
            target(step, Some(Entity::Recipient), None, Some("text")),
        ),
        Some(last) if !is_archive_line(&last.text) => {
            let shown = if blank(&last.text) {
                "Dòng cuối của nơi nhận còn trống".to_string()
            } else {
                format!("Dòng cuối của nơi nhận là “{}”", shorten(&last.text, 80))
            };
            found.add(
                &SIGNATURE_ARCHIVE,
                format!("{shown}; theo thể thức phải là “Lưu: VT, …” (ví dụ: “Lưu: VT, VP”)."),
                target(step, Some(Entity::Recipient), Some(last.id), Some("text")),
            );
        }
        Some(_) => {}
    }
}
