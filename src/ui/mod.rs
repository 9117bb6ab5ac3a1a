//! Components, one per file.

mod alert;
mod app;
mod examples_gallery;
mod file_menu;
mod header;
mod node_details;
mod side_panel;
mod toolbar;
mod tree_canvas;
mod tree_card;

pub use app::App;
