// The names of the app's commands, shared by build.rs (which declares them to
// Tauri's access control) and by the tests that check the capability file.
// Each name is a function in `commands` and an `allow-…` permission in
// capabilities/main-window.json.
pub const COMMANDS: &[&str] = &[
    "app_status",
    "list_units",
    "create_unit",
    "update_unit",
    "delete_unit",
    "restore_unit",
    "list_plans",
    "create_plan",
    "copy_plan",
    "create_sample",
    "delete_plan",
    "open_plan",
    "edit_field",
    "add_item",
    "delete_item",
    "move_item",
    "undo_delete",
    "list_channels",
    "add_channel",
    "delete_channel",
    "close_window",
    "budget_view",
    "amount_history",
    "duplicate_budget_line",
    "list_reference",
    "add_reference",
    "delete_reference",
];
