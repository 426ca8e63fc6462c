//! README is for users: it must list every key the reader binds.

use brief::app::keymap::{BINDINGS, Context};

#[test]
fn readme_key_table_lists_every_binding() {
    let readme = include_str!("../README.md");
    let start = readme
        .find("## The reader")
        .expect("README has a section on the reader");
    let end = readme[start..]
        .find("\n## ")
        .map_or(readme.len(), |e| start + e);
    let section = &readme[start..end];
    for b in BINDINGS {
        let shown = format!("`{}`", b.key);
        assert!(
            section.contains(&shown),
            "README's reader section does not list {shown} ({:?}: {})",
            b.context,
            b.help
        );
    }
    assert!(BINDINGS.iter().any(|b| b.context == Context::Panes));
}
