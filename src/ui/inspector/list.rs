//! The node's lists the inspector edits item by item: add, remove, reorder.

use crate::core::model::{Anggaran, Crosscutting, Extra, Indikator, Level, Node, TingkatAnggaran};
use crate::i18n::Key;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Indikator,
    Anggaran,
    Crosscutting,
}

impl List {
    /// The model's field name: undo groups and element ids start with it.
    pub fn key(self) -> &'static str {
        match self {
            List::Indikator => "indikator",
            List::Anggaran => "anggaran",
            List::Crosscutting => "crosscutting",
        }
    }

    /// One item, in button labels ("Hapus indikator 2").
    pub fn noun(self) -> Key {
        match self {
            List::Indikator => Key::ItemIndikator,
            List::Anggaran => Key::ItemAnggaran,
            List::Crosscutting => Key::ItemCrosscutting,
        }
    }

    pub fn len(self, n: &Node) -> usize {
        match self {
            List::Indikator => n.indikator.len(),
            List::Anggaran => n.anggaran.len(),
            List::Crosscutting => n.crosscutting.len(),
        }
    }

    pub fn swap(self, n: &mut Node, a: usize, b: usize) {
        match self {
            List::Indikator => swap(&mut n.indikator, a, b),
            List::Anggaran => swap(&mut n.anggaran, a, b),
            List::Crosscutting => swap(&mut n.crosscutting, a, b),
        }
    }

    pub fn remove(self, n: &mut Node, i: usize) {
        match self {
            List::Indikator => remove(&mut n.indikator, i),
            List::Anggaran => remove(&mut n.anggaran, i),
            List::Crosscutting => remove(&mut n.crosscutting, i),
        }
    }

    /// Appends an empty item; a budget line takes the tingkat that fits the node's level.
    pub fn push(self, n: &mut Node) {
        let tingkat = match n.level {
            Level::SasaranSubKegiatan => TingkatAnggaran::SubKegiatan,
            Level::SasaranKegiatan => TingkatAnggaran::Kegiatan,
            _ => TingkatAnggaran::Program,
        };
        match self {
            List::Indikator => n.indikator.push(Indikator::default()),
            List::Anggaran => n.anggaran.push(Anggaran {
                tingkat,
                kode: String::new(),
                nama: String::new(),
                pagu: None,
                extra: Extra::new(),
            }),
            List::Crosscutting => n.crosscutting.push(Crosscutting::default()),
        }
    }
}

// Out-of-range indices (a stale click after undo) change nothing.
fn swap<T>(v: &mut [T], a: usize, b: usize) {
    if a < v.len() && b < v.len() {
        v.swap(a, b);
    }
}

fn remove<T>(v: &mut Vec<T>, i: usize) {
    if i < v.len() {
        v.remove(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_add_reorder_and_remove_in_bounds() {
        let mut n = Node::new("a", None, Level::SasaranKegiatan);
        List::Anggaran.push(&mut n);
        assert_eq!(n.anggaran[0].tingkat, TingkatAnggaran::Kegiatan);
        List::Indikator.push(&mut n);
        List::Indikator.push(&mut n);
        n.indikator[0].nama = "a".into();
        List::Indikator.swap(&mut n, 0, 1);
        List::Indikator.swap(&mut n, 1, 5);
        assert_eq!(n.indikator[1].nama, "a");
        List::Indikator.remove(&mut n, 7);
        List::Indikator.remove(&mut n, 0);
        assert_eq!(List::Indikator.len(&n), 1);
    }
}
