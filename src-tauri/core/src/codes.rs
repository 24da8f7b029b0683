//! The short codes of our enums — a plan's status in the database, a stage
//! over IPC, why a backup was made in its file name — made one way: strum
//! derives them (`IntoStaticStr`, `EnumString`) from the variant names, in the
//! same case as serde's, and [`Code`] reads and writes them. A test checks
//! that every enum's code is its serde name (or, for a backup's kind, the
//! file-name form).

use std::str::FromStr;

/// An enum with a code for each variant.
pub trait Code: Sized + Copy + Into<&'static str> + FromStr {
    /// The variant's code, e.g. `"drafting"`.
    fn code(self) -> &'static str {
        self.into()
    }

    /// The variant with this code, if any.
    fn from_code(code: &str) -> Option<Self> {
        code.parse().ok()
    }
}

impl<T: Sized + Copy + Into<&'static str> + FromStr> Code for T {}

#[cfg(test)]
mod tests {
    use serde::Serialize;
    use strum::VariantArray;

    use super::Code;
    use crate::backup::{BackupKind, Damage};
    use crate::check::{LegalSource, Severity};
    use crate::review::ReviewAction;
    use crate::{Entity, ErrorCode, PlanStatus, SignerAuthority, Stage, Step};

    /// Every variant's code reads back, is its serde name, and `ALL` lists every variant.
    fn same_as_serde<T>(all: &[T])
    where
        T: Code + Serialize + VariantArray + PartialEq + std::fmt::Debug,
    {
        assert_eq!(all, T::VARIANTS);
        for v in all {
            assert_eq!(T::from_code(v.code()), Some(*v));
            assert_eq!(
                serde_json::to_value(v).expect("serialise"),
                serde_json::Value::String(v.code().to_string())
            );
        }
        assert!(T::from_code("bogus").is_none());
    }

    #[test]
    fn every_code_is_the_serde_name() {
        same_as_serde(&Stage::ALL);
        same_as_serde(&SignerAuthority::ALL);
        same_as_serde(&PlanStatus::ALL);
        same_as_serde(&Step::ALL);
        same_as_serde(&Entity::ALL);
        same_as_serde(&ReviewAction::ALL);
        same_as_serde(&Severity::ALL);
        same_as_serde(&LegalSource::ALL);
        same_as_serde(ErrorCode::VARIANTS);
        same_as_serde(Damage::VARIANTS);
        same_as_serde(&crate::results::ActivityStatus::ALL);
        same_as_serde(&crate::results::Period::ALL);
        same_as_serde(&crate::results::IndicatorMeasure::ALL);
    }

    #[test]
    fn a_backup_kind_is_written_in_its_file_name_form() {
        assert_eq!(BackupKind::ALL, BackupKind::VARIANTS);
        for k in BackupKind::ALL {
            assert_eq!(BackupKind::from_code(k.code()), Some(k));
            let serde = serde_json::to_value(k).expect("serialise");
            assert_eq!(
                serde.as_str().map(|s| s.replace('_', "-")),
                Some(k.code().to_string())
            );
        }
        assert_eq!(BackupKind::PreMigration.code(), "pre-migration");
    }
}
