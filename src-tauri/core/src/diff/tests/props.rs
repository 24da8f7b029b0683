//! Properties: a revision never differs from itself, word segments give back
//! both texts, added and removed are the ids on one side only.

use proptest::prelude::*;

use super::{independent_total, sample};
use crate::budget::Difference;
use crate::diff::{ItemSummary, SegmentKind, WordSegment, diff, render_text, word_diff};
use crate::edit::Entity;

fn rebuild(words: &[WordSegment], skip: SegmentKind) -> String {
    words
        .iter()
        .filter(|w| w.kind != skip)
        .map(|w| w.text.as_str())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_revision_never_differs_from_itself(
        title in "\\PC{0,40}",
        drop in 0usize..50,
        months in proptest::collection::vec(1u8..=12, 0..6),
    ) {
        let mut a = sample();
        a.fields.title = title;
        a.activities.remove(drop);
        a.activities[0].months = months;
        let d = diff(&a, &a.clone());
        prop_assert!(d.is_empty());
        prop_assert!(render_text(&d).contains("giống nhau"));
    }

    #[test]
    fn word_segments_give_back_both_texts(
        before in "[a-zăêô ,.\n]{0,60}",
        after in "[a-zăêô ,.\n]{0,60}",
    ) {
        let words = word_diff(&before, &after);
        prop_assert_eq!(rebuild(&words, SegmentKind::Added), before);
        prop_assert_eq!(rebuild(&words, SegmentKind::Removed), after);
        prop_assert!(words.iter().all(|w| !w.text.is_empty()));
    }

    #[test]
    fn added_and_removed_are_the_ids_on_one_side_only(
        drop_old in proptest::collection::vec(0usize..16, 0..5),
        new_lines in 0usize..4,
    ) {
        let a = sample();
        let mut b = a.clone();
        let mut removed: Vec<i64> = Vec::new();
        for i in drop_old {
            if i < b.budget_lines.len() {
                removed.push(b.budget_lines.remove(i).id);
            }
        }
        let mut added = Vec::new();
        for k in 0..new_lines {
            let mut line = a.budget_lines[k].clone();
            line.id = 1_000 + i64::try_from(k).unwrap_or(0);
            added.push(line.id);
            b.budget_lines.push(line);
        }
        let d = diff(&a, &b);
        let l = d.lists.iter().find(|l| l.entity == Entity::BudgetLine);
        let ids = |items: Option<&Vec<ItemSummary>>| -> Vec<i64> {
            items.map(|v| v.iter().map(|i| i.id).collect()).unwrap_or_default()
        };
        let mut got_removed = ids(l.map(|l| &l.removed));
        got_removed.sort_unstable();
        removed.sort_unstable();
        prop_assert_eq!(got_removed, removed.clone());
        prop_assert_eq!(ids(l.map(|l| &l.added)), added.clone());
        prop_assert!(l.is_none_or(|l| l.changed.is_empty() && l.moved.is_empty()));
        let expected = independent_total(&b) - independent_total(&a);
        prop_assert_eq!(d.totals.proposed.difference, Some(Difference(expected)));
        prop_assert_eq!(d.is_empty(), removed.is_empty() && added.is_empty());
    }
}
