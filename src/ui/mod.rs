//! Components, one per file.

mod alert;
mod app;
mod examples_gallery;
mod file_menu;
mod header;
mod lang_switch;
mod minimap;
mod node_details;
mod search_box;
mod side_panel;
mod toolbar;
mod tree_canvas;
mod tree_card;
mod view_controls;

pub use app::App;
