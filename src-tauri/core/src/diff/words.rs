//! The word diff of a text: which words of the old value stayed, went or came.

use similar::{Algorithm, ChangeTag};

use super::{SegmentKind, WordSegment};

/// `before` → `after` word by word (words and the spaces between them), merged into runs.
pub fn word_diff(before: &str, after: &str) -> Vec<WordSegment> {
    let mut out: Vec<WordSegment> = Vec::new();
    for (tag, text) in similar::utils::diff_words(Algorithm::Patience, before, after) {
        let kind = match tag {
            ChangeTag::Equal => SegmentKind::Same,
            ChangeTag::Insert => SegmentKind::Added,
            ChangeTag::Delete => SegmentKind::Removed,
        };
        match out.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(text),
            _ if text.is_empty() => {}
            _ => out.push(WordSegment {
                kind,
                text: text.to_string(),
            }),
        }
    }
    out
}
