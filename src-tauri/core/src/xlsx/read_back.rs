//! What the workbooks' tests read back with calamine: a cell as text and a
//! cell's formula.

use calamine::{Data, Range};

/// A cell as text: a string as it is, a number in decimal, nothing as "".
pub(crate) fn at(range: &Range<Data>, pos: (u32, u32)) -> String {
    match range.get_value(pos) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(n)) => n.to_string(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => format!("{other:?}"),
    }
}

/// A cell's formula, "" for none.
pub(crate) fn formula(range: &Range<String>, pos: (u32, u32)) -> &str {
    range.get_value(pos).map_or("", String::as_str)
}
