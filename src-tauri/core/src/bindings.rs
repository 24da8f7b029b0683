//! The TypeScript twins of every type that crosses IPC, generated from the Rust
//! types. The front end imports `ui/src/lib/bindings.ts`, which is this output
//! committed; `tests/bindings.rs` fails when the committed file is stale.

use ts_rs::{Config, TS};

use crate::codes::Code;

use crate::backup::{BackupInfo, BackupKind, Damage, Recovery};
use crate::budget::{
    AmountChange, BudgetLine, BudgetView, CompareRow, Comparison, Difference, RefItem, Total,
    Unscheduled, UnscheduledLine,
};
use crate::check::{
    CheckCounts, CheckReport, Finding, Fix, LegalSource, Rule, RuleText, Severity, StepFindings,
    Target,
};
use crate::diff::{
    CountChange, DiffTotals, FieldChange, ItemChange, ItemSummary, ListDiff, PlanDiff, SegmentKind,
    TextChange, TotalChange, WordSegment,
};
use crate::header_lines::{HeaderLines, HeaderName, HeaderPreview};
use crate::legal::{LegalText, LegalTextInput, LegalTextsImported, LegalTextsView, SourcePage};
use crate::money::{Money, Quantity};
use crate::planfile::{FileSource, Opened, OpenedKind};
use crate::results::{
    ActivityLine, ActivityResult, ActivityStatus, IndicatorLine, IndicatorMeasure, LineSpending,
    ObjectiveResult, Period, PlanResults, PolicyResults, RecordKind, ReportTexts, ResultChange,
    ResultEdit, ResultField, ResultsReport, ResultsView, SpendingLine, StageResults, StatusCounts,
};
use crate::review::{
    Comment, CommentAnchor, NewComment, ReviewAction, ReviewState, RevisionRef, RevisionSummary,
};
use crate::schedule::ActivityMonths;
use crate::signature::SignatureBlock;

use crate::{
    Activity, AppError, AppStatus, Channel, CopyPlan, Deleted, Entity, ErrorCode, FieldEdit,
    FieldValue, FocalOfficer, LegalBasis, NewItem, NewPlan, Objective, PlanChanged, PlanDocument,
    PlanFields, PlanSaved, PlanStatus, PlanSummary, PlanView, Policy, PolicyStage, PressPartner,
    Recipient, Report, Responsibility, SignerAuthority, Stage, Step, StepProgress, Training, Unit,
    UnitInput,
};

/// The whole generated module, as it must be committed.
pub fn typescript() -> String {
    let cfg = Config::new();
    let decls = [
        app_decls(&cfg),
        document_decls(&cfg),
        edit_decls(&cfg),
        budget_decls(&cfg),
        backup_decls(&cfg),
        legal_decls(&cfg),
        check_decls(&cfg),
        diff_decls(&cfg),
        review_decls(&cfg),
        consolidation_decls(&cfg),
        results_decls(&cfg),
    ]
    .concat();
    let mut out = String::from(
        "// Generated from the Rust types in src-tauri/core by `scripts/gen-bindings`.\n// Do not edit by hand: a test fails when this file differs from the Rust types.\n",
    );
    for decl in decls {
        out.push_str("\nexport ");
        out.push_str(&decl);
        out.push('\n');
    }
    out.push_str(&registry_constants());
    out
}

/// What the front end needs of the field registry, as constants: for each kind
/// of item, the step it is edited in, whether it is a list of the plan, where
/// its items are in a `PlanDocument` and which field names an item. The UI
/// reads these instead of keeping its own table; and the plan fields the
/// header is set from ([`HeaderName::PLAN_FIELDS`]).
fn registry_constants() -> String {
    let quoted = |s: Option<&str>| s.map_or("null".to_string(), |s| format!("\"{s}\""));
    let mut out = String::from(
        "\n/** How the editor treats each kind of item (from the field registry in src-tauri/core). */\nexport type EntityInfo = { step: Step | null; planList: boolean; documentKey: string; titleField: string | null };\n\nexport const ENTITIES: Record<Entity, EntityInfo> = {\n",
    );
    for entity in Entity::ALL {
        let def = entity.def();
        out.push_str(&format!(
            "  {}: {{ step: {}, planList: {}, documentKey: \"{}\", titleField: {} }},\n",
            entity.code(),
            quoted(def.step.map(Step::code)),
            def.scope == crate::edit::Scope::Plan,
            def.document_key,
            quoted(def.title_field),
        ));
    }
    out.push_str("};\n");
    let fields: Vec<String> = HeaderName::PLAN_FIELDS
        .iter()
        .map(|f| format!("\"{f}\""))
        .collect();
    out.push_str(&format!(
        "\n/** The plan fields the header's lines are set from, besides the unit and the year (from src-tauri/core). */\nexport const HEADER_FIELDS = [{}] as const;\n",
        fields.join(", ")
    ));
    out
}

/// The app: errors, status, units, the plan list and the editor's steps.
fn app_decls(cfg: &Config) -> Vec<String> {
    vec![
        ErrorCode::decl(cfg),
        AppError::decl(cfg),
        AppStatus::decl(cfg),
        Unit::decl(cfg),
        UnitInput::decl(cfg),
        PlanStatus::decl(cfg),
        PlanSummary::decl(cfg),
        NewPlan::decl(cfg),
        Step::decl(cfg),
        PlanView::decl(cfg),
        SignatureBlock::decl(cfg),
        ActivityMonths::decl(cfg),
        CopyPlan::decl(cfg),
        PlanSaved::decl(cfg),
        PlanChanged::decl(cfg),
        StepProgress::decl(cfg),
    ]
}

/// A whole plan (`PlanDocument`) and its parts.
fn document_decls(cfg: &Config) -> Vec<String> {
    vec![
        Stage::decl(cfg),
        SignerAuthority::decl(cfg),
        PlanFields::decl(cfg),
        HeaderName::decl(cfg),
        HeaderLines::decl(cfg),
        HeaderPreview::decl(cfg),
        LegalBasis::decl(cfg),
        PolicyStage::decl(cfg),
        Policy::decl(cfg),
        Activity::decl(cfg),
        Channel::decl(cfg),
        FocalOfficer::decl(cfg),
        Training::decl(cfg),
        PressPartner::decl(cfg),
        Responsibility::decl(cfg),
        Report::decl(cfg),
        Recipient::decl(cfg),
        IndicatorMeasure::decl(cfg),
        Objective::decl(cfg),
        PlanDocument::decl(cfg),
    ]
}

/// Edits of the field registry: add, change, delete.
fn edit_decls(cfg: &Config) -> Vec<String> {
    vec![
        Entity::decl(cfg),
        FieldValue::decl(cfg),
        FieldEdit::decl(cfg),
        NewItem::decl(cfg),
        Deleted::decl(cfg),
    ]
}

/// Money and the budget.
fn budget_decls(cfg: &Config) -> Vec<String> {
    vec![
        Money::decl(cfg),
        Quantity::decl(cfg),
        Difference::decl(cfg),
        RefItem::decl(cfg),
        BudgetLine::decl(cfg),
        Total::decl(cfg),
        Unscheduled::decl(cfg),
        UnscheduledLine::decl(cfg),
        CompareRow::decl(cfg),
        Comparison::decl(cfg),
        AmountChange::decl(cfg),
        BudgetView::decl(cfg),
    ]
}

/// Backups and recovery at start-up.
fn backup_decls(cfg: &Config) -> Vec<String> {
    vec![
        BackupKind::decl(cfg),
        BackupInfo::decl(cfg),
        Damage::decl(cfg),
        Recovery::decl(cfg),
    ]
}

/// Legal texts, as Danh mục lists, edits and imports them.
fn legal_decls(cfg: &Config) -> Vec<String> {
    vec![
        SourcePage::decl(cfg),
        LegalText::decl(cfg),
        LegalTextInput::decl(cfg),
        LegalTextsView::decl(cfg),
        LegalTextsImported::decl(cfg),
    ]
}

/// The directive checker.
fn check_decls(cfg: &Config) -> Vec<String> {
    vec![
        Severity::decl(cfg),
        LegalSource::decl(cfg),
        Rule::decl(cfg),
        Target::decl(cfg),
        Fix::decl(cfg),
        Finding::decl(cfg),
        RuleText::decl(cfg),
        StepFindings::decl(cfg),
        CheckReport::decl(cfg),
        CheckCounts::decl(cfg),
    ]
}

/// What changed between two revisions.
fn diff_decls(cfg: &Config) -> Vec<String> {
    vec![
        SegmentKind::decl(cfg),
        WordSegment::decl(cfg),
        TextChange::decl(cfg),
        ItemSummary::decl(cfg),
        FieldChange::decl(cfg),
        ItemChange::decl(cfg),
        ListDiff::decl(cfg),
        TotalChange::decl(cfg),
        CountChange::decl(cfg),
        DiffTotals::decl(cfg),
        PlanDiff::decl(cfg),
    ]
}

/// The review: actions, comments, revisions.
fn review_decls(cfg: &Config) -> Vec<String> {
    vec![
        ReviewAction::decl(cfg),
        CommentAnchor::decl(cfg),
        NewComment::decl(cfg),
        Comment::decl(cfg),
        RevisionRef::decl(cfg),
        RevisionSummary::decl(cfg),
        ReviewState::decl(cfg),
        FileSource::decl(cfg),
        OpenedKind::decl(cfg),
        Opened::decl(cfg),
    ]
}

/// Consolidation: the board and the views across units.
fn consolidation_decls(cfg: &Config) -> Vec<String> {
    use crate::consolidate::{
        ActivitiesDone, ActivityCount, Board, BoardCounts, BoardRow, BoardState, Column,
        FilterKind, IgnoredFile, OlderRevision, RefusedFile, UnitMapping, UnmatchedFile, ViewKind,
        ViewPage, ViewQuery, ViewRow, ViewTotals,
    };
    vec![
        BoardState::decl(cfg),
        OlderRevision::decl(cfg),
        ActivitiesDone::decl(cfg),
        BoardRow::decl(cfg),
        UnmatchedFile::decl(cfg),
        RefusedFile::decl(cfg),
        IgnoredFile::decl(cfg),
        BoardCounts::decl(cfg),
        Board::decl(cfg),
        UnitMapping::decl(cfg),
        ViewKind::decl(cfg),
        FilterKind::decl(cfg),
        ViewQuery::decl(cfg),
        Column::decl(cfg),
        ViewRow::decl(cfg),
        ViewTotals::decl(cfg),
        ViewPage::decl(cfg),
        ActivityCount::decl(cfg),
    ]
}

/// What was done of an approved plan, and its results report.
fn results_decls(cfg: &Config) -> Vec<String> {
    vec![
        ActivityStatus::decl(cfg),
        ActivityResult::decl(cfg),
        LineSpending::decl(cfg),
        ObjectiveResult::decl(cfg),
        ResultChange::decl(cfg),
        Period::decl(cfg),
        ReportTexts::decl(cfg),
        PlanResults::decl(cfg),
        StatusCounts::decl(cfg),
        StageResults::decl(cfg),
        PolicyResults::decl(cfg),
        ActivityLine::decl(cfg),
        IndicatorLine::decl(cfg),
        SpendingLine::decl(cfg),
        ResultsReport::decl(cfg),
        RecordKind::decl(cfg),
        ResultField::decl(cfg),
        ResultEdit::decl(cfg),
        ResultsView::decl(cfg),
    ]
}
