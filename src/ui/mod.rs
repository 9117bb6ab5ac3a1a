//! Components, one per file.

mod alert;
mod app;
mod conflict_banner;
mod dialog;
mod drafts_common;
mod drafts_dialog;
mod drafts_kept;
mod drafts_table;
mod drafts_trash;
mod drafts_versions;
mod drop_target;
mod edit_controls;
mod examples_gallery;
mod file_drop;
mod file_menu;
mod header;
mod inspector;
mod kondisi_editor;
mod lang_switch;
mod menu;
mod minimap;
mod move_picker;
mod new_document;
mod open_url_dialog;
mod panel_toggle;
mod picture_dialog;
mod print_dialog;
mod save_status;
mod search_box;
mod share_dialog;
mod shared_banner;
mod shortcuts;
mod shortcuts_help;
mod side_panel;
mod toolbar;
mod tree_canvas;
mod tree_card;
mod view_controls;

pub use app::App;
pub use kondisi_editor::begin;
// Dialogs, mounted by `App`.
pub use drafts_dialog::DraftsDialog;
pub use move_picker::MovePicker;
pub use new_document::NewDocument;
pub use print_dialog::{PrintDialog, PrintOpen};
pub use shortcuts_help::ShortcutsHelp;
