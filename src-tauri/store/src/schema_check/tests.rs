use super::*;

#[test]
fn only_white_space_between_tokens_is_normalised() {
    assert_eq!(
        normalise("  CREATE  TABLE t (\n    x  TEXT\n)  "),
        "CREATE TABLE t ( x TEXT )"
    );
    // Inside a string, a quoted name or a comment it is kept.
    assert_eq!(
        normalise("SELECT 'a  b',  \"c  d\""),
        "SELECT 'a  b', \"c  d\""
    );
    assert_eq!(normalise("SELECT [a  b], `c  d`"), "SELECT [a  b], `c  d`");
    assert_eq!(normalise("x /* a  b */  y"), "x /* a  b */ y");
    assert_eq!(normalise("x 'it''s  ok'  y"), "x 'it''s  ok' y");
    // The line break that ends a `--` comment is not white space between tokens:
    // without it the code after the comment would be part of the comment.
    assert_ne!(
        normalise("BEGIN -- note\nSELECT RAISE(ABORT, 'x'); END"),
        normalise("BEGIN -- note SELECT RAISE(ABORT, 'x'); END")
    );
    assert_eq!(
        normalise("BEGIN -- note\n   SELECT 1; END"),
        normalise("BEGIN -- note\nSELECT 1;   END")
    );
}

#[test]
fn the_reference_of_every_version_matches_itself_and_differs_from_the_next() {
    for version in 0..=LATEST_VERSION {
        let conn = crate::connection::open_memory().expect("memory");
        let mut conn = conn;
        if version > 0 {
            MIGRATIONS
                .to_version(&mut conn, usize::try_from(version).expect("version"))
                .expect("migrate");
        }
        assert_eq!(
            schema_differences(&conn, version).expect("compare"),
            [],
            "version {version}"
        );
        if version < LATEST_VERSION {
            assert!(
                !schema_differences(&conn, version + 1)
                    .expect("compare")
                    .is_empty()
            );
        }
    }
}

#[test]
fn each_kind_of_difference_is_named() {
    let mut conn = crate::connection::open_memory().expect("memory");
    MIGRATIONS.to_latest(&mut conn).expect("migrate");
    conn.execute_batch(
        "CREATE TRIGGER x AFTER INSERT ON recipients BEGIN DELETE FROM plans; END;
         DROP TRIGGER revisions_frozen;
         DROP INDEX plans_by_year;
         CREATE INDEX plans_by_year ON plans (year);
         CREATE TABLE \"la\nla\" (x);
         CREATE VIEW v AS SELECT 1;",
    )
    .expect("alter");
    let messages: Vec<String> = schema_differences(&conn, LATEST_VERSION)
        .expect("compare")
        .into_iter()
        .map(|d| d.message)
        .collect();
    assert_eq!(
        messages,
        [
            "có bảng lạ “la la”",
            "có khung nhìn lạ “v”",
            "có trigger lạ “x” trên bảng “recipients”",
            "chỉ mục “plans_by_year” trên bảng “plans” khác với chỉ mục của ứng dụng",
            "thiếu trigger “revisions_frozen” trên bảng “revisions”",
        ]
    );
}
