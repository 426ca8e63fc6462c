//! The library's catalog: built from files, kept in step as they change,
//! ranked search with the query syntax, candidates for `brief search` that
//! never miss a file, and an index that cannot be trusted rebuilt.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly"
)]

mod common;

use std::path::{Path, PathBuf};

use brief::catalog::{Catalog, Progress, Step, Synced};
use common::generate::{Shape, library_of};

fn files(dir: &Path) -> Vec<PathBuf> {
    brief::library::files(&[dir.to_path_buf()]).0
}

fn sync(catalog: &Catalog, dir: &Path) -> Synced {
    catalog
        .sync(&files(dir), &[], None, &mut |_| {})
        .expect("sync")
}

fn write(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("format: brief/1\n{body}")).unwrap();
    path
}

/// Three briefings where one word sits in a title, a quote and a comment.
fn three(dir: &Path) {
    write(
        dir,
        "a.yaml",
        "id: a\ntitle: Orbital debris summit\nsummary: [Delegates met.]\ncomments:\n  - text: nothing to add\n",
    );
    write(
        dir,
        "b.yaml",
        "id: b\ntitle: Budget talks\nsummary: [Money was discussed.]\nquotes:\n  - { speaker: Richard Knighton, role: Chief of the Air Staff, text: Debris is a threat to all of us. }\nnations: [{ name: Japan, code: JP }]\n",
    );
    write(
        dir,
        "c.yaml",
        "id: c\ntitle: Launch schedule\nsummary: [Nothing new.]\ntags: [launch]\ncomments:\n  - { text: what about the debris?, author: orbitwatcher }\n",
    );
}

fn titles(catalog: &Catalog, typed: &str) -> Vec<String> {
    catalog
        .search(typed, 10)
        .expect("search")
        .0
        .into_iter()
        .map(|f| f.title)
        .collect()
}

#[test]
fn a_title_outranks_a_quote_which_outranks_a_comment() {
    let dir = tempfile::tempdir().unwrap();
    three(dir.path());
    let catalog = Catalog::open(&dir.path().join("catalog")).unwrap();
    let synced = sync(&catalog, dir.path());
    assert_eq!((synced.indexed, synced.removed, synced.kept), (3, 0, 0));
    assert_eq!(
        titles(&catalog, "debris "),
        ["Orbital debris summit", "Budget talks", "Launch schedule"]
    );
}

#[test]
fn the_query_syntax_users_know() {
    let dir = tempfile::tempdir().unwrap();
    three(dir.path());
    let catalog = Catalog::open(&dir.path().join("catalog")).unwrap();
    sync(&catalog, dir.path());
    assert_eq!(titles(&catalog, "speaker:knighton"), ["Budget talks"]);
    assert_eq!(titles(&catalog, "nation:Japan"), ["Budget talks"]);
    assert_eq!(titles(&catalog, "nation:JP"), ["Budget talks"]);
    assert_eq!(titles(&catalog, "author:orbitwatcher"), ["Launch schedule"]);
    assert_eq!(titles(&catalog, "tag:launch"), ["Launch schedule"]);
    assert_eq!(titles(&catalog, "\"threat to all\""), ["Budget talks"]);
    assert_eq!(titles(&catalog, "\"all to threat\""), Vec::<String>::new());
    assert_eq!(
        titles(&catalog, "debris -knighton -orbital"),
        ["Launch schedule"]
    );
    // The word being typed is a prefix: results follow the typing.
    assert_eq!(titles(&catalog, "knigh"), ["Budget talks"]);
    assert_eq!(
        titles(&catalog, "kn"),
        Vec::<String>::new(),
        "two letters are too few to be a prefix"
    );
    assert_eq!(
        titles(&catalog, "knigh "),
        Vec::<String>::new(),
        "a finished word is whole"
    );
    assert_eq!(titles(&catalog, ""), Vec::<String>::new());
}

#[test]
fn only_what_changed_is_indexed_again() {
    let dir = tempfile::tempdir().unwrap();
    library_of(dir.path(), 30, Shape::small).unwrap();
    let catalog = Catalog::open(&dir.path().join("catalog")).unwrap();
    let (mut heard, mut rows) = (Vec::new(), Vec::new());
    let first = catalog
        .sync(&files(dir.path()), &[], None, &mut |step| match step {
            Step::Counted(p) => heard.push(p),
            Step::Indexed(path, row) => rows.push((path, row)),
        })
        .unwrap();
    assert_eq!(first.indexed, 30);
    assert_eq!(
        heard.last(),
        Some(&Progress {
            done: 30,
            total: 30
        })
    );
    // Each file indexed is told with the library's row for it, as the
    // catalog keeps it for the next start.
    assert_eq!(rows.len(), 30);
    let kept: std::collections::HashMap<_, _> = catalog.rows().unwrap().into_iter().collect();
    for (path, row) in &rows {
        assert_eq!(kept.get(path), Some(&**row), "{}", path.display());
        assert!(row.card.as_ref().is_ok_and(|c| !c.title.is_empty()));
    }
    assert_eq!(
        sync(&catalog, dir.path()),
        Synced {
            indexed: 0,
            removed: 0,
            kept: 30
        }
    );
    // One changed, one gone, one new.
    write(
        dir.path(),
        "briefing-004.yaml",
        "id: generated-5\ntitle: Quasar diplomacy\nsummary: [s]\n",
    );
    std::fs::remove_file(dir.path().join("briefing-007.yaml")).unwrap();
    write(
        dir.path(),
        "new.yaml",
        "id: new\ntitle: Zeppelin logistics\nsummary: [s]\n",
    );
    assert_eq!(
        sync(&catalog, dir.path()),
        Synced {
            indexed: 2,
            removed: 1,
            kept: 28
        }
    );
    assert_eq!(titles(&catalog, "quasar"), ["Quasar diplomacy"]);
    assert_eq!(titles(&catalog, "zeppelin"), ["Zeppelin logistics"]);
    assert_eq!(catalog.len(), 30);
    // A reopened catalog remembers everything.
    drop(catalog);
    let again = Catalog::open(&dir.path().join("catalog")).unwrap();
    assert_eq!(sync(&again, dir.path()).kept, 30);
    // A file the caller has no row for is indexed again, changed or not.
    let all = files(dir.path());
    let lacking = again.sync(&all, &all[3..4], None, &mut |_| {}).unwrap();
    assert_eq!((lacking.indexed, lacking.kept), (1, 29));
}

#[test]
fn a_note_is_searchable_once_written() {
    let dir = tempfile::tempdir().unwrap();
    three(dir.path());
    let store = brief::store::Store::at(dir.path().join("state"));
    let catalog = Catalog::open(&dir.path().join("catalog")).unwrap();
    catalog
        .sync(&files(dir.path()), &[], Some(&store), &mut |_| {})
        .unwrap();
    assert_eq!(titles(&catalog, "follow"), Vec::<String>::new());
    let mut saved = brief::state::Saved {
        id: "c".into(),
        ..brief::state::Saved::default()
    };
    saved.notes.push(brief::state::Note {
        id: "n1".into(),
        item: brief::state::ItemRef::Summary(1),
        text: "follow up with the launch office".into(),
        excerpt: String::new(),
        created_ms: 1,
        updated_ms: 1,
        deleted: false,
        unknown: serde_json::Map::new(),
    });
    store.save(&saved, 1).unwrap();
    let synced = catalog
        .sync(&files(dir.path()), &[], Some(&store), &mut |_| {})
        .unwrap();
    assert_eq!(synced.indexed, 1, "only the briefing whose notes changed");
    assert_eq!(titles(&catalog, "follow"), ["Launch schedule"]);
}

#[test]
fn a_folder_lists_its_briefings_at_any_depth_and_skips_what_is_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("sub/deeper")).unwrap();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    for name in [
        "a.yaml",
        "b.YML",
        "sub/c.yml",
        "sub/deeper/d.Yaml",
        ".hidden.yaml",
        ".git/e.yaml",
        "notes.txt",
        "f.yamlx",
        "yaml",
    ] {
        std::fs::write(root.join(name), "").unwrap();
    }
    let listed: Vec<String> = files(root)
        .iter()
        .map(|f| f.strip_prefix(root).unwrap().display().to_string())
        .collect();
    assert_eq!(
        listed,
        ["a.yaml", "b.YML", "sub/c.yml", "sub/deeper/d.Yaml"]
    );
}

#[test]
fn a_catalog_that_cannot_be_trusted_is_built_again() {
    let dir = tempfile::tempdir().unwrap();
    three(dir.path());
    let at = dir.path().join("catalog");
    sync(&Catalog::open(&at).unwrap(), dir.path());
    // Another version wrote it.
    std::fs::write(at.join("brief-version"), "brief-catalog 0").unwrap();
    let catalog = Catalog::open(&at).unwrap();
    assert!(catalog.is_empty(), "another version's index is not read");
    assert_eq!(sync(&catalog, dir.path()).indexed, 3);
    drop(catalog);
    // Its files are damaged.
    std::fs::write(at.join("meta.json"), "{ not json").unwrap();
    let catalog = Catalog::open(&at).unwrap();
    assert!(catalog.is_empty());
    assert_eq!(sync(&catalog, dir.path()).indexed, 3);
    assert_eq!(titles(&catalog, "budget"), ["Budget talks"]);
}

#[test]
fn two_processes_share_it_with_one_writer() {
    let dir = tempfile::tempdir().unwrap();
    three(dir.path());
    let at = dir.path().join("catalog");
    let first = Catalog::open(&at).unwrap();
    sync(&first, dir.path());
    let second = Catalog::open(&at).unwrap();
    assert_eq!(
        titles(&second, "budget"),
        ["Budget talks"],
        "the second reads"
    );
    // Nothing changed: neither needs the writer.
    assert_eq!(sync(&second, dir.path()).kept, 3);
    // A file changes while the first writes: the second cannot, and says so.
    write(
        dir.path(),
        "d.yaml",
        "id: d\ntitle: Docking\nsummary: [s]\n",
    );
    let hold: tantivy::IndexWriter = tantivy::Index::open_in_dir(&at)
        .unwrap()
        .writer(15_000_000)
        .unwrap();
    let refused = second.sync(&files(dir.path()), &[], None, &mut |_| {});
    assert!(refused.is_err(), "one writer at a time");
    drop(hold);
    assert_eq!(sync(&second, dir.path()).indexed, 1);
    // What one process committed, the other sees as known.
    assert_eq!(sync(&first, dir.path()).kept, 4);
    assert_eq!(titles(&first, "docking"), ["Docking"]);
}

#[test]
fn candidates_hold_every_file_brief_search_would_match_even_inside_a_word() {
    let dir = tempfile::tempdir().unwrap();
    library_of(dir.path(), 40, Shape::archive).unwrap();
    let catalog = Catalog::open(&dir.path().join("catalog")).unwrap();
    sync(&catalog, dir.path());
    let all = files(dir.path());
    for typed in [
        "ordinat",
        "KALO",
        "kalo",
        "café",
        "satellite debris",
        "宇宙",
        "reader12",
        "2026-03",
    ] {
        let query = brief::search::Query::typed(typed);
        let holding: Vec<PathBuf> = all
            .iter()
            .filter(|f| {
                let b = brief::briefing::load(f).unwrap().briefing;
                !brief::search::search(&b, &b.quote_order(), &[], &query).is_empty()
            })
            .cloned()
            .collect();
        let candidates = catalog
            .candidates(typed)
            .unwrap()
            .expect("words to look up");
        for f in &holding {
            assert!(
                candidates.contains(f),
                "{typed}: {} is missing",
                f.display()
            );
        }
        if ["kalo", "reader12"].contains(&typed) {
            assert!(candidates.len() < all.len(), "{typed}: a rare word narrows");
            assert!(!holding.is_empty(), "{typed}: and is somewhere");
        }
    }
    assert_eq!(
        catalog.candidates("—").unwrap(),
        None,
        "no word: read everything"
    );
}

/// The lists of words kept beside the catalog, by name.
fn word_lists(at: &Path) -> Vec<PathBuf> {
    let mut lists: Vec<PathBuf> = std::fs::read_dir(at)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "words"))
        .collect();
    lists.sort();
    lists
}

#[test]
fn the_words_inside_which_brief_search_looks_are_kept_whole_and_never_stale() {
    let dir = tempfile::tempdir().unwrap();
    three(dir.path());
    let at = dir.path().join("catalog");
    let catalog = Catalog::open(&at).unwrap();
    sync(&catalog, dir.path());
    let candidates = |catalog: &Catalog, typed: &str| {
        let mut found = catalog.candidates(typed).unwrap().expect("a word");
        found.sort();
        found
            .iter()
            .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
    };
    // In a title, a quote and a comment; inside a word, and an author's name.
    assert_eq!(candidates(&catalog, "ebri"), ["a.yaml", "b.yaml", "c.yaml"]);
    assert_eq!(candidates(&catalog, "WATCH"), ["c.yaml"]);
    assert_eq!(candidates(&catalog, "nowhere"), Vec::<String>::new());
    let segments = || {
        let index = tantivy::Index::open_in_dir(&at).unwrap();
        index.searchable_segment_ids().unwrap().len()
    };
    let lists = word_lists(&at);
    assert_eq!(lists.len(), segments(), "one list a segment");
    // A list cut short (a crash while it was written by hand) is made again.
    let whole = std::fs::read(&lists[0]).unwrap();
    std::fs::write(&lists[0], &whole[..whole.len() - 12]).unwrap();
    assert_eq!(candidates(&catalog, "ebri"), ["a.yaml", "b.yaml", "c.yaml"]);
    assert!(
        std::fs::read(&lists[0]).unwrap() == whole,
        "made again whole"
    );
    // A list of a segment the index no longer has goes once a new one is made.
    let gone = at.join("0123456789abcdef0123456789abcdef.words");
    std::fs::write(&gone, &whole).unwrap();
    assert_eq!(
        candidates(&catalog, "ebri").len(),
        3,
        "nothing new made yet"
    );
    assert!(gone.exists());
    write(
        dir.path(),
        "d.yaml",
        "id: d\ntitle: Debris removal\nsummary: [s]\n",
    );
    sync(&catalog, dir.path());
    assert_eq!(
        candidates(&catalog, "ebri").len(),
        4,
        "the new file is found"
    );
    assert!(!gone.exists(), "the stale list is removed");
    assert_eq!(word_lists(&at).len(), segments(), "one list a segment");
}

#[test]
fn words_typed_in_the_order_they_stand_rank_that_briefing_first() {
    let dir = tempfile::tempdir().unwrap();
    // Both hold the three words; only the second holds them in this order.
    write(
        dir.path(),
        "a.yaml",
        "id: a\ntitle: Scattered\nsummary: [gamma gamma beta beta alpha alpha]\n",
    );
    write(
        dir.path(),
        "b.yaml",
        "id: b\ntitle: Ordered\nsummary: [the alpha beta gamma plan and many other words to make it longer]\n",
    );
    let catalog = Catalog::open(&dir.path().join("catalog")).unwrap();
    sync(&catalog, dir.path());
    assert_eq!(
        titles(&catalog, "alpha beta gamma "),
        ["Ordered", "Scattered"],
        "the order outweighs the words said more often apart"
    );
    assert_eq!(
        titles(&catalog, "gamma beta alpha ").len(),
        2,
        "in any order, both hold the words"
    );
}

#[test]
fn a_phrase_remembered_with_its_emoji_finds_the_briefing_that_has_them() {
    let dir = tempfile::tempdir().unwrap();
    // The words stand side by side in both; only one has the satellite between.
    write(
        dir.path(),
        "a.yaml",
        "id: a\ntitle: Without\nsummary: [the launch plan]\n",
    );
    write(
        dir.path(),
        "b.yaml",
        "id: b\ntitle: With\nsummary: [\"the launch 🛰️ plan, and many more words to make it longer\"]\n",
    );
    let catalog = Catalog::open(&dir.path().join("catalog")).unwrap();
    sync(&catalog, dir.path());
    assert_eq!(titles(&catalog, "launch 🛰️ plan "), ["With"]);
    assert_eq!(
        titles(&catalog, "🛰"),
        ["With"],
        "a pictograph alone is a word"
    );
    assert_eq!(
        titles(&catalog, "launch plan ").len(),
        2,
        "the words alone find both"
    );
}

#[test]
fn files_a_watcher_names_are_indexed_and_no_other_is_looked_at() {
    let dir = tempfile::tempdir().unwrap();
    three(dir.path());
    let catalog = Catalog::open(&dir.path().join("catalog")).unwrap();
    sync(&catalog, dir.path());
    // Two files change; the watcher names one, and one it names is gone.
    let a = write(
        dir.path(),
        "a.yaml",
        "id: a\ntitle: Quasar diplomacy\nsummary: [s]\n",
    );
    write(
        dir.path(),
        "b.yaml",
        "id: b\ntitle: Zeppelin logistics\nsummary: [s]\n",
    );
    let c = dir.path().join("c.yaml");
    std::fs::remove_file(&c).unwrap();
    let mut rows = Vec::new();
    let done = catalog
        .index(&[a.clone(), c], None, &mut |step| {
            if let Step::Indexed(path, row) = step {
                rows.push((path, row.card.map(|c| c.title)));
            }
        })
        .unwrap();
    assert_eq!(
        done,
        Synced {
            indexed: 1,
            removed: 1,
            kept: 0
        }
    );
    assert_eq!(rows, [(a, Ok("Quasar diplomacy".to_owned()))]);
    assert_eq!(titles(&catalog, "quasar"), ["Quasar diplomacy"]);
    assert_eq!(
        titles(&catalog, "launch"),
        Vec::<String>::new(),
        "c is dropped"
    );
    assert_eq!(
        titles(&catalog, "zeppelin"),
        Vec::<String>::new(),
        "b, not named, is as it was"
    );
    assert_eq!(titles(&catalog, "budget"), ["Budget talks"]);
    // The next sync of the whole library finds the one left.
    assert_eq!(sync(&catalog, dir.path()).indexed, 1);
}
