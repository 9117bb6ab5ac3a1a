#![cfg(not(target_arch = "wasm32"))]
//! Edit operations and history on random edit sequences: every document
//! stays a tree, derived vectors patched by the changes equal recomputed
//! ones, undoing everything restores the original byte for byte, and redoing
//! everything restores the edited one.

use pohon_core::codec::export;
use pohon_core::history::{Action, Entry, History};
use pohon_core::model::Document;
use pohon_core::ops::{self, transact, Change, Op, OpError, Tx};
use pohon_core::synth::{self, Rng};
use pohon_core::tree::Tree;
use proptest::prelude::*;

fn pick(doc: &Document, rng: &mut Rng) -> String {
    doc.nodes.get_index(rng.below(doc.nodes.len())).unwrap().0.clone()
}

/// One random edit, as the UI would make it; `Err` when refused.
fn random_edit(doc: &mut Document, rng: &mut Rng) -> Result<(Action, Vec<Op>, Vec<Change>, String), OpError> {
    let a = pick(doc, rng);
    let b = pick(doc, rng);
    let kind = rng.below(11);
    let text = format!("Meningkatnya hal {}", rng.below(1000));
    let edit = |tx: &mut Tx| -> Result<(Action, String), OpError> {
        Ok(match kind {
            0 => (Action::AddChild, ops::add_child(tx, &a)?),
            1 => (Action::AddSibling, ops::add_sibling(tx, &a)?),
            2 => (Action::DeleteNode, ops::delete_node(tx, &a).map(|_| b.clone())?),
            3 => (Action::DeleteSubtree, ops::delete_subtree(tx, &a).map(|_| b.clone())?),
            4 => (Action::Duplicate, ops::duplicate(tx, &a)?),
            5 => (Action::Move, ops::reparent(tx, &a, &b).map(|_| a.clone())?),
            6 => (
                Action::Move,
                ops::move_among_siblings(tx, &a, if rng_even(&text) { 1 } else { -1 }).map(|_| a.clone())?,
            ),
            7 => {
                let clip = ops::copy_subtree(tx.doc(), &a)?;
                (Action::Paste, ops::paste(tx, &b, &clip)?)
            }
            8 => {
                let mut meta = tx.doc().meta.clone();
                meta.judul = text.clone();
                tx.apply(Op::SetMeta(Box::new(meta)))?;
                (Action::EditDocument, a.clone())
            }
            _ => {
                let mut node = tx.doc().nodes[&a].clone();
                node.kondisi = text.clone();
                node.indikator.truncate(1);
                tx.apply(Op::SetNode(node))?;
                (Action::EditText, a.clone())
            }
        })
    };
    let ((action, select), inverse, changes) = transact(doc, edit)?;
    Ok((action, inverse, changes, select))
}

fn rng_even(s: &str) -> bool {
    s.len().is_multiple_of(2)
}

/// Ids kept aligned with the node list by the changes alone; slots the
/// changes refilled are read from the document, the rest must already match.
fn follow(ids: &mut Vec<String>, doc: &Document, changes: &[Change], len_before: usize) {
    for (i, id) in ids.iter().enumerate() {
        assert_eq!(Change::map_index_all(changes, i), doc.nodes.get_index_of(id), "{id} at {i}: {changes:?}");
    }
    Change::remap_all(changes, ids, len_before, String::new());
    for (slot, id) in ids.iter_mut().zip(doc.nodes.keys()) {
        if slot.is_empty() {
            *slot = id.clone();
        }
    }
}

fn run(seed: u64, size: usize, steps: usize) {
    let mut rng = Rng::new(seed);
    let mut doc = synth::document(size, seed);
    let original = export(&doc);
    let mut history = History::default();
    let mut ids: Vec<String> = doc.nodes.keys().cloned().collect();
    let mut applied = 0;
    // The tree rebuilt in the previous one's storage, as the app does.
    let mut tree = Some(Tree::build(&doc).unwrap());
    for _ in 0..steps {
        let before = export(&doc);
        let len_before = doc.nodes.len();
        match random_edit(&mut doc, &mut rng) {
            Ok((action, ops, changes, select)) => {
                let fresh = Tree::build(&doc).expect("an edit keeps a tree");
                let updated = Tree::update(&doc, tree.take().unwrap(), &changes, len_before).unwrap();
                assert_eq!(updated, fresh, "{action:?}: the tree updated by {changes:?}");
                assert_eq!(Tree::rebuild(&doc, Some(updated.clone())).unwrap(), fresh, "rebuilt in place");
                tree = Some(updated);
                follow(&mut ids, &doc, &changes, len_before);
                assert_eq!(ids, doc.nodes.keys().cloned().collect::<Vec<_>>(), "{action:?}: changes {changes:?}");
                history.record(Entry { action, ops, group: None, before: None, after: Some(select) });
                history.seal();
                applied += 1;
            }
            Err(_) => assert_eq!(export(&doc), before, "a refused edit leaves the document as it was"),
        }
    }
    let edited = export(&doc);
    for _ in 0..applied {
        let len_before = doc.nodes.len();
        let step = history.undo(&mut doc).unwrap().expect("a step to undo");
        let fresh = Tree::build(&doc).unwrap();
        tree = Some(Tree::update(&doc, tree.take().unwrap(), &step.changes, len_before).unwrap());
        assert_eq!(tree.as_ref(), Some(&fresh), "undo: the tree updated by {:?}", step.changes);
        follow(&mut ids, &doc, &step.changes, len_before);
        assert_eq!(ids, doc.nodes.keys().cloned().collect::<Vec<_>>());
    }
    assert!(!history.can_undo());
    assert_eq!(export(&doc), original, "undoing everything restores the original");
    for _ in 0..applied {
        let len_before = doc.nodes.len();
        let step = history.redo(&mut doc).unwrap().expect("a step to redo");
        tree = Some(Tree::update(&doc, tree.take().unwrap(), &step.changes, len_before).unwrap());
        assert_eq!(tree.as_ref(), Some(&Tree::build(&doc).unwrap()), "redo: the tree updated by {:?}", step.changes);
    }
    assert_eq!(export(&doc), edited, "redoing everything restores the edited document");
}

#[test]
fn long_random_sessions_undo_and_redo_exactly() {
    for seed in 1..=6 {
        run(seed, 40, 150);
    }
    // Batches above the one-by-one threshold take the rebuilding path.
    run(99, 400, 60);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_edit_sequence_undoes_to_the_original(seed in 0u64..u64::MAX, size in 1usize..30, steps in 0usize..40) {
        run(seed, size, steps);
    }
}

#[test]
fn remap_of_patched_vectors_equals_recomputation() {
    // Card sizes (here: the kondisi length) patched by changes equal sizes
    // computed afresh for the edited document.
    let mut rng = Rng::new(7);
    let mut doc = synth::document(60, 7);
    let measure = |doc: &Document, i: usize| doc.nodes[i].kondisi.len();
    let mut sizes: Vec<usize> = (0..doc.nodes.len()).map(|i| measure(&doc, i)).collect();
    for _ in 0..300 {
        let len_before = doc.nodes.len();
        if let Ok((_, _, changes, _)) = random_edit(&mut doc, &mut rng) {
            Change::remap_all(&changes, &mut sizes, len_before, usize::MAX);
            // Slots a change refilled are measured afresh, as the app does.
            for (i, s) in sizes.iter_mut().enumerate() {
                if *s == usize::MAX {
                    *s = measure(&doc, i);
                }
            }
            let fresh: Vec<usize> = (0..doc.nodes.len()).map(|i| measure(&doc, i)).collect();
            assert_eq!(sizes, fresh, "{changes:?}");
        }
    }
}

#[test]
fn big_branches_leave_and_come_back_exactly() {
    // Every branch of more than 16 nodes (the one-by-one threshold), deleted
    // and put back: removed in place, inserted by splices or by a rebuild.
    for (size, seed) in [(300, 3), (3000, 7)] {
        let mut doc = synth::document(size, seed);
        let original = export(&doc);
        let big: Vec<String> = doc
            .nodes
            .keys()
            .filter(|id| (17..size / 2).contains(&ops::subtree(&doc, id).len()))
            .take(40)
            .cloned()
            .collect();
        let mut checked = 0;
        for id in &big {
            let branch = ops::subtree(&doc, id);
            let tree = Tree::build(&doc).unwrap();
            let top = doc.nodes.get_index_of(id).unwrap();
            let ids: Vec<&String> = tree.branch(top).into_iter().map(|i| doc.nodes.get_index(i).unwrap().0).collect();
            assert!(ids.into_iter().eq(branch.iter()), "the tree's branch is the document's, in the same order");
            let mut by_tree = doc.clone();
            transact(&mut by_tree, |tx| ops::delete_branch_in(tx, &tree, top)).unwrap();
            let (_, inverse, changes) = transact(&mut doc, |tx| ops::delete_subtree(tx, id)).unwrap();
            assert_eq!(export(&by_tree), export(&doc), "the tree's branch deletes the same nodes");
            let stale = transact(&mut by_tree, |tx| ops::delete_branch_in(tx, &tree, top));
            assert!(stale.is_err(), "a tree of another document is refused");
            assert_eq!(doc.nodes.len(), size - branch.len());
            assert!(branch.iter().all(|b| !doc.nodes.contains_key(b)));
            // Every key still finds its own entry.
            assert!(doc.nodes.iter().enumerate().all(|(i, (k, _))| doc.nodes.get_index_of(k) == Some(i)));
            Tree::build(&doc).expect("what is left is a tree");
            assert!(matches!(&changes[..], [Change::Removed(at)] if at.len() == branch.len()));
            for op in inverse {
                ops::apply(&mut doc, op).unwrap();
            }
            assert_eq!(export(&doc), original, "branch {id} put back");
            assert!(doc.nodes.iter().enumerate().all(|(i, (k, _))| doc.nodes.get_index_of(k) == Some(i)));
            checked += 1;
        }
        assert!(checked > 3, "{size}: only {checked} big branches");
    }
}

#[test]
fn a_kept_layout_follows_edits_and_walks_only_what_they_changed() {
    use pohon_core::card::{Card, CardFonts, CardOptions};
    use pohon_core::layout::{layout, Arrangement, Arranger, Size};
    use pohon_core::outline::Outline;

    let fonts = CardFonts::approx();
    let opts = CardOptions { details: false, year: None, english: false };
    let size_of = |doc: &Document| -> Vec<Size> { doc.nodes.values().map(|n| Card::size(n, &fonts, opts)).collect() };
    let screen = Size { w: 1342.0, h: 672.0 };
    let mut rng = Rng::new(3);
    for (n, arrangement) in [(40, None), (300, Some(Arrangement::Compact)), (2000, Some(Arrangement::Tidy))] {
        let mut doc = synth::document(n, 3);
        let mut tree = Tree::build(&doc).unwrap();
        let mut outline = Outline::new(&tree);
        let mut arranger = Arranger::default();
        arranger.layout(&tree, &size_of(&doc), &outline, arrangement, screen);
        let deepest = |t: &Tree| t.depth.iter().max().map_or(0, |&d| d as usize);
        for _ in 0..60 {
            let len_before = doc.nodes.len();
            let Ok((action, _, changes, _)) = random_edit(&mut doc, &mut rng) else { continue };
            tree = Tree::update(&doc, tree, &changes, len_before).unwrap();
            Change::remap_all(&changes, &mut outline.collapsed, len_before, false);
            let toggled = rng.below(5) == 0;
            if toggled {
                outline.toggle(&tree, rng.below(tree.len()));
            }
            arranger.renumber(&changes, len_before);
            let sizes = size_of(&doc);
            let kept = arranger.layout(&tree, &sizes, &outline, arrangement, screen);
            assert_eq!(kept, layout(&tree, &sizes, &outline, arrangement, screen), "{action:?}");
            // Each card just below its parent: a box added walks itself and the path above.
            if arrangement == Some(Arrangement::Tidy) && action == Action::AddChild && !toggled {
                assert!(arranger.walks() <= deepest(&tree) + 1, "{} walks", arranger.walks());
            }
        }
    }
}
