//! Hostile plan files, results and return files, each named: every one is refused
//! with its Vietnamese reason, the database's content is unchanged (a dump of
//! every table, before and after) and no backup is written. The genuine files
//! they are made from are then accepted by the same databases, so every
//! refusal is the file's fault.

mod common;
mod travel;

use serde_json::{Value as Json, json};
use travel::{Case, all_refused, altered, case, gzip, resealed};

/// The byte offset of the first ASCII letter of `key`'s text value.
fn letter_in(file: &[u8], key: &str) -> usize {
    let start = find(file, &format!("\"{key}\": \"")) + key.len() + 5;
    start
        + file[start..]
            .iter()
            .position(u8::is_ascii_alphabetic)
            .expect("letter")
}

fn find(file: &[u8], needle: &str) -> usize {
    file.windows(needle.len())
        .position(|w| w == needle.as_bytes())
        .expect("needle")
}

fn flipped(file: &[u8], at: usize, bit: u8) -> Vec<u8> {
    let mut out = file.to_vec();
    out[at] ^= bit;
    out
}

fn utf16(file: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(file).expect("utf-8");
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

fn deep_nesting() -> Vec<u8> {
    let depth = 100_000;
    let mut s = String::from(r#"{"format":"commplan-plan","version":2,"x":"#);
    s.push_str(&"[".repeat(depth));
    s.push_str(&"]".repeat(depth));
    s.push('}');
    s.into_bytes()
}

fn doc(j: &mut Json) -> &mut Json {
    &mut j["document"]
}

/// Damaged bytes: size, encoding, syntax.
fn broken_files(file: &[u8]) -> Vec<Case> {
    let mut nul = file.to_vec();
    nul.insert(letter_in(file, "purposes"), 0);
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(file);
    let mut latin1 = file.to_vec();
    latin1[letter_in(file, "purposes")] = 0xE9;
    vec![
        case("an empty file", Vec::new(), "Tệp trống"),
        case("truncated", file[..file.len() / 2].to_vec(), "bị cắt cụt"),
        case(
            "truncated by one byte",
            file[..file.len() - 2].to_vec(),
            "bị cắt cụt",
        ),
        case(
            "one bit flipped in a text",
            flipped(file, letter_in(file, "purposes"), 0x01),
            "Mã kiểm tra (SHA-256)",
        ),
        case(
            "one bit flipped into a byte that is not UTF-8",
            flipped(file, letter_in(file, "purposes"), 0x80),
            "không phải văn bản UTF-8",
        ),
        case(
            "a bit flipped in the syntax",
            flipped(file, find(file, "\"format\"") + 9, 0x04),
            "không đọc được",
        ),
        case(
            "a PDF",
            b"%PDF-1.7\n%\xe2\xe3\n1 0 obj".to_vec(),
            "không phải",
        ),
        case(
            "a JSON array",
            b"[1, 2, 3]".to_vec(),
            "không phải là tệp kế hoạch",
        ),
        case("a raw NUL byte", nul, "ký tự NUL"),
        case("a byte-order mark", bom, "BOM"),
        case("UTF-16", utf16(file), "UTF-16"),
        case("Latin-1 text", latin1, "không phải văn bản UTF-8"),
        case("a gzip file of the plan file", gzip(file), "tệp nén"),
        case(
            "a zip file",
            b"PK\x03\x04\x14\x00\x00\x00".to_vec(),
            "tệp nén",
        ),
        case("deep nesting", deep_nesting(), "lồng nhau quá sâu"),
        case(
            "a 10 MB text",
            altered(file, |j| {
                doc(j)["fields"]["purposes"] = "a".repeat(10_000_000).into()
            }),
            "Tệp quá lớn",
        ),
    ]
}

/// The format name and version.
fn forged_versions(file: &[u8]) -> Vec<Case> {
    vec![
        case(
            "another format",
            altered(file, |j| j["format"] = "commplan-backup".into()),
            "không phải là tệp kế hoạch",
        ),
        case(
            "a newer version",
            altered(file, |j| {
                j["version"] = (commplan_core::planfile::VERSION + 1).into();
            }),
            "hãy cập nhật ứng dụng",
        ),
        case(
            "version 2 carrying what version 3 added",
            altered(file, |j| j["version"] = 2.into()),
            "trường lạ",
        ),
        case(
            "version 1",
            altered(file, |j| j["version"] = 1.into()),
            "định dạng cũ",
        ),
        case(
            "a version that is not a number",
            altered(file, |j| j["version"] = "3".into()),
            "Phiên bản định dạng",
        ),
    ]
}

/// The frame of the file: fields, hash, totals.
fn forged_frames(file: &[u8]) -> Vec<Case> {
    vec![
        case(
            "a tampered hash",
            altered(file, |j| j["revision"]["sha256"] = "0".repeat(64).into()),
            "Mã kiểm tra (SHA-256)",
        ),
        case(
            "a hash that is not hex",
            altered(file, |j| j["revision"]["sha256"] = "xyz".into()),
            "SHA-256 ghi trong tệp không hợp lệ",
        ),
        case(
            "content changed, hash left",
            altered(file, |j| doc(j)["activities"][0]["content"] = "Khác".into()),
            "Mã kiểm tra (SHA-256)",
        ),
        case(
            "stated totals not matching",
            altered(file, |j| j["totals"]["proposed"] = "1".into()),
            "Tổng kinh phí",
        ),
        case(
            "an unknown field",
            altered(file, |j| j["macro"] = 1.into()),
            "trường lạ “macro”",
        ),
        case(
            "an unknown field in the plan",
            resealed(file, |j| doc(j)["secret"] = 1.into()),
            "trường lạ hoặc thiếu trường",
        ),
        case(
            "a field missing",
            altered(file, |j| {
                drop(j.as_object_mut().map(|o| o.remove("writtenAt")))
            }),
            "thiếu trường “writtenAt”",
        ),
        case(
            "a time that is not one",
            altered(file, |j| j["writtenAt"] = "hôm qua".into()),
            "Thời điểm ghi tệp",
        ),
        case(
            "a plan identity that is not a UUID",
            altered(file, |j| j["planUuid"] = "'; DROP TABLE plans; --".into()),
            "Mã kế hoạch trong tệp không hợp lệ",
        ),
        case(
            "a string for the year",
            altered(file, |j| j["year"] = "2027".into()),
            "sai kiểu",
        ),
    ]
}

/// The frame's identity of the plan: unit, year, UUID, decision (a plan
/// file carries only the approval of its revision).
fn forged_identities(file: &[u8]) -> Vec<Case> {
    vec![
        case(
            "an empty unit",
            resealed(file, |j| {
                j["unit"]["name"] = "".into();
                doc(j)["unit"]["name"] = "".into();
            }),
            "không ghi tên đơn vị",
        ),
        case(
            "a year out of range",
            resealed(file, |j| {
                j["year"] = 2200.into();
                doc(j)["year"] = 2200.into();
            }),
            "Năm kế hoạch phải từ 2000 đến 2100",
        ),
        case(
            "the unit not the document's",
            altered(file, |j| j["unit"]["name"] = "Sở Khác".into()),
            "không khớp",
        ),
        case(
            "a return decision in a plan file",
            altered(file, |j| {
                j["decision"] = json!({"action": "return", "at": "2027-01-01T00:00:00Z", "by": ""});
            }),
            "quyết định “Trả lại” chỉ có trong tệp trả lời",
        ),
        case(
            "a decision on a draft file",
            altered(file, |j| {
                j["revision"] = Json::Null;
                j["decision"] =
                    json!({"action": "approve", "at": "2027-01-01T00:00:00Z", "by": ""});
            }),
            "Bản nháp trong tệp kế hoạch không được mang quyết định",
        ),
        case(
            "an approval of no time",
            altered(file, |j| {
                j["decision"] = json!({"action": "approve", "at": "hôm qua", "by": ""});
            }),
            "Thời điểm quyết định trong tệp không hợp lệ",
        ),
        case(
            "a revision whose plan is a draft",
            resealed(file, |j| doc(j)["status"] = "draft".into()),
            "không ở trạng thái đã trình",
        ),
    ]
}

/// The plan inside: ids, references, every text and amount.
fn forged_plans(file: &[u8]) -> Vec<Case> {
    let activity = |f: fn(&mut Json)| resealed(file, |j| f(&mut doc(j)["activities"][0]));
    vec![
        case(
            "two activities with one id",
            resealed(file, |j| {
                doc(j)["activities"][1]["id"] = doc(j)["activities"][0]["id"].clone()
            }),
            "cùng mã",
        ),
        case(
            "a dangling policy",
            activity(|a| a["policyId"] = 999_999.into()),
            "không có trong tệp",
        ),
        case(
            "a dangling channel",
            activity(|a| a["channelId"] = 999_999.into()),
            "không có trong tệp",
        ),
        case(
            "an emoji",
            activity(|a| a["content"] = "Họp báo 🎉".into()),
            "biểu tượng cảm xúc",
        ),
        case(
            "an escaped NUL",
            activity(|a| a["content"] = "Họp\u{0}báo".into()),
            "ký tự điều khiển",
        ),
        case(
            "a day that does not exist",
            activity(|a| a["startDate"] = "2027-02-30".into()),
            "không hợp lệ",
        ),
        case(
            "month 13",
            activity(|a| a["months"] = json!([1, 13])),
            "Tháng 13",
        ),
    ]
}

/// The plan inside: texts and amounts past their limits, broken lists.
fn forged_amounts(file: &[u8]) -> Vec<Case> {
    let line = |f: fn(&mut Json)| resealed(file, |j| f(&mut doc(j)["budgetLines"][0]));
    vec![
        case(
            "a text over the field's limit",
            resealed(file, |j| {
                doc(j)["fields"]["purposes"] = "a".repeat(25_000).into()
            }),
            "quá dài",
        ),
        case(
            "a negative amount",
            line(|l| l["unitPrice"] = "-5".into()),
            "không được âm",
        ),
        case(
            "an amount past i64",
            line(|l| l["unitPrice"] = "99999999999999999999".into()),
            "số tiền không hợp lệ",
        ),
        case(
            "quantity × price past the maximum",
            line(|l| {
                l["unitPrice"] = "999999999999999".into();
                l["quantity"] = 999_999_999.into();
            }),
            "vượt mức tối đa",
        ),
        case(
            "a negative quantity",
            line(|l| l["quantity"] = (-100).into()),
            "không được âm",
        ),
        case(
            "an amount not quantity × price",
            line(|l| l["amount"] = "1".into()),
            "thành tiền không bằng số lượng × đơn giá",
        ),
        case(
            "a policy without its stages",
            resealed(file, |j| doc(j)["policies"][0]["stages"] = json!([])),
            "đủ năm giai đoạn",
        ),
        case(
            "a comment on a line not in the plan",
            altered(file, |j| {
                j["comments"] = json!([{"revision": 1, "anchor": {"kind": "line", "entity": "activity", "id": 999_999, "field": null},
                    "text": "x", "author": "", "createdAt": "2027-01-01T00:00:00Z", "resolvedAt": null, "resolvedNote": ""}]);
            }),
            "không có trong kế hoạch",
        ),
    ]
}

/// Return files that answer nothing here, or not as a return may.
fn forged_returns(answer: &[u8], file: &[u8]) -> Vec<Case> {
    let plan = travel::json(file)["document"].clone();
    vec![
        case(
            "a return for a plan not on this computer",
            altered(answer, |j| {
                j["planUuid"] = "0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f".into()
            }),
            "không có trên máy này",
        ),
        case(
            "an unknown decision",
            altered(answer, |j| j["decision"]["action"] = "maybe".into()),
            "giá trị lạ “maybe”",
        ),
        case(
            "a decision that is not one",
            altered(answer, |j| j["decision"]["action"] = "submit".into()),
            "chỉ có “Trả lại” hoặc “Phê duyệt”",
        ),
        case(
            "a return for another revision",
            altered(answer, |j| {
                j["revision"]["number"] = 7.into();
                for c in j["comments"].as_array_mut().into_iter().flatten() {
                    c["revision"] = 7.into();
                }
            }),
            "đang ở lần trình 1",
        ),
        case(
            "a return bound to another hash",
            altered(answer, |j| j["revision"]["sha256"] = "ab".repeat(32).into()),
            "mã abababababab",
        ),
        case(
            "a return carrying a plan",
            altered(answer, |j| j["document"] = plan),
            "không được mang nội dung kế hoạch",
        ),
        case(
            "a return without a decision",
            altered(answer, |j| j["decision"] = Json::Null),
            "không ghi quyết định",
        ),
        case(
            "a return without comments",
            altered(answer, |j| j["comments"] = json!([])),
            "không có ý kiến nào",
        ),
        case(
            "a comment on a line not in the plan",
            altered(answer, |j| {
                j["comments"][0]["anchor"]["id"] = 999_999.into()
            }),
            "không có trong kế hoạch",
        ),
        case(
            "a comment with an emoji",
            altered(answer, |j| j["comments"][0]["text"] = "Tốt 👍".into()),
            "biểu tượng cảm xúc",
        ),
        case(
            "a comment too long",
            altered(answer, |j| {
                j["comments"][0]["text"] = "ý".repeat(6_000).into()
            }),
            "Ý kiến quá dài",
        ),
        case(
            "a comment on another revision",
            altered(answer, |j| j["comments"][0]["revision"] = 3.into()),
            "không thuộc lần trình",
        ),
    ]
}

/// An approved plan's file whose results do not hold: on a file that may
/// carry none, of items not in the plan, twice, amounts out of range, a
/// cancelled activity without its reason.
fn forged_results(file: &[u8]) -> Vec<Case> {
    let results = |f: fn(&mut Json)| altered(file, |j| f(&mut j["results"]));
    vec![
        case(
            "results on a draft file",
            altered(file, |j| {
                j["revision"] = Json::Null;
                j["decision"] = Json::Null;
            }),
            "Bản nháp không được mang kết quả thực hiện",
        ),
        case(
            "results on a revision not approved",
            altered(file, |j| j["decision"] = Json::Null),
            "chưa được phê duyệt không được mang kết quả thực hiện",
        ),
        case(
            "results naming an activity not in the plan",
            results(|r| r["activities"][0]["activityId"] = 999_999.into()),
            "hoạt động mã 999999, không có trong kế hoạch của tệp",
        ),
        case(
            "one activity's results twice",
            results(|r| {
                let first = r["activities"][0].clone();
                r["activities"].as_array_mut().expect("list").push(first);
            }),
            "ghi hai lần cho hoạt động “",
        ),
        case(
            "a negative amount spent",
            results(|r| r["spending"][0]["spent"] = "-1".into()),
            "không được âm",
        ),
        case(
            "an amount spent past the maximum",
            results(|r| r["spending"][0]["spent"] = "1000000000000000".into()),
            "vượt mức tối đa",
        ),
        case(
            "an amount spent past i64",
            results(|r| r["spending"][0]["spent"] = "99999999999999999999".into()),
            "số tiền không hợp lệ",
        ),
        case(
            "a cancelled activity without its reason",
            results(|r| {
                for a in r["activities"].as_array_mut().into_iter().flatten() {
                    a["reason"] = "".into();
                }
            }),
            "cần ghi lý do không thực hiện",
        ),
        case(
            "an unknown field in a result",
            results(|r| r["spending"][0]["macro"] = 1.into()),
            "Kết quả thực hiện trong tệp có trường lạ",
        ),
    ]
}

#[test]
fn hostile_results_are_refused_and_change_nothing() {
    let officer = travel::approved_officer(travel::record_some);
    let (dir, mut reviewer) = common::open();
    let db = common::db_in(dir.path());
    all_refused(&mut reviewer, &db, &forged_results(&officer.file));
    let opened = reviewer
        .open_plan_file(&officer.file)
        .expect("the genuine file");
    let held = reviewer.plan_results(opened.plan.id).expect("results");
    assert_eq!((held.activities.len(), held.spending.len()), (2, 1));
}

#[test]
fn hostile_plan_files_are_refused_and_change_nothing() {
    let officer = travel::officer();
    let file = &officer.file;
    let (dir, mut reviewer) = common::open();
    let db = common::db_in(dir.path());
    common::create_plan(&mut reviewer, 0, 2030);
    let mut cases = broken_files(file);
    cases.extend(forged_versions(file));
    cases.extend(forged_frames(file));
    cases.extend(forged_identities(file));
    cases.extend(forged_plans(file));
    cases.extend(forged_amounts(file));
    assert!(cases.len() >= 45, "{}", cases.len());
    all_refused(&mut reviewer, &db, &cases);
    let opened = reviewer.open_plan_file(file).expect("the genuine file");
    assert!(opened.plan.received);
}

#[test]
fn hostile_return_files_are_refused_and_change_nothing() {
    let mut officer = travel::officer();
    let answer = travel::return_of(&officer.file);
    let db = common::db_in(officer.dir.path());
    let mut cases = forged_returns(&answer, &officer.file);
    cases.push(case(
        "the officer's own plan file",
        officer.file.clone(),
        "lập trên chính máy này",
    ));
    all_refused(&mut officer.store, &db, &cases);
    let opened = officer
        .store
        .open_plan_file(&answer)
        .expect("the genuine return");
    assert_eq!(opened.plan.id, officer.plan);
}

#[test]
fn a_file_larger_than_the_limit_is_read_short_and_refused() {
    let officer = travel::officer();
    let path = officer.dir.path().join("lớn.khtt");
    let big = altered(&officer.file, |j| {
        j["document"]["fields"]["purposes"] = "a".repeat(9_000_000).into();
    });
    std::fs::write(&path, &big).expect("write");
    let read = commplan_store::read_plan_file(&path).expect("read");
    assert_eq!(read.len(), commplan_core::planfile::MAX_BYTES + 1);
    let (_dir, mut reviewer) = common::open();
    let err = reviewer.open_plan_file(&read).expect_err("too large");
    assert!(
        err.message
            .starts_with("Tệp quá lớn: tệp kế hoạch tối đa 8 MB."),
        "{}",
        err.message
    );
    let missing = commplan_store::read_plan_file(&officer.dir.path().join("không có.khtt"));
    let err = missing.expect_err("missing");
    assert_eq!(err.code, commplan_core::ErrorCode::Io);
    assert!(
        err.message.starts_with("Không đọc được tệp kế hoạch “"),
        "{}",
        err.message
    );
}
