//! Tidy top-down tree layout for cards of any size, in linear time.
//!
//! The algorithm is A. van der Ploeg, "Drawing non-layered tidy trees in
//! linear time", Software: Practice and Experience 44 (2014), the one behind
//! d3-flextree and zxch3n/tidy: a Reingold–Tilford first walk that separates
//! each subtree from its left siblings along their contours (followed through
//! threads, with the extreme nodes of each subtree kept so threads can be set
//! in constant time, and the "index of lowest y" list telling which left
//! sibling a contour node belongs to, so the gap opened is spread over the
//! siblings in between), then a second walk that sums the offsets.
//!
//! Two changes to the paper, both as in zxch3n/tidy: each subtree starts
//! with its root at its parent's left edge, so separation always pushes it
//! right by exactly what its contour needs (the paper moves a subtree only on
//! a collision, so one whose shallow part starts far right of its deep part
//! can stay needlessly far out); and threads carry their own offset instead
//! of bending the leaf's modifier.
//!
//! Connectors must never cross a card. The merge of two contours compares
//! every pair of contour nodes whose *extended* vertical spans overlap, a
//! node's span reaching up to the bottom of the contour node above it. So the
//! band between a parent and its children belongs to the first and last
//! child, and the bus drawn there, between their centres, is inside the
//! subtree's contour; a compact stack's spine is kept inside by widening the
//! stacked cards' contour leftwards.
//!
//! Everything is iterative over pre-order arrays: no recursion, whatever the
//! depth.
//!
//! The first walk of a subtree depends only on what is in it, so [`Tidy`]
//! keeps each node's walk between runs and, after an edit, walks again only
//! the nodes whose input changed and their ancestors, merging the kept
//! subtrees as they are (a merge's threads hang only from the extremes of
//! the subtrees merged, and are cleared there first).

use crate::ops::Change;

/// A card's size.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Size {
    pub w: f64,
    pub h: f64,
}

/// A placed card: top-left corner and size.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }

    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Each child sits `level_gap` below its own parent (van der Ploeg).
    NonLayered,
    /// All nodes of one depth share a row, as tall as its tallest node.
    Layered,
    /// Layered, but where all children of a node are leaves (even just one)
    /// they are stacked vertically under the parent (indented by `indent`),
    /// to keep very wide trees readable; a stack longer than `stack_rows`
    /// is split into balanced columns side by side, read down then across.
    /// Stacks start at their row's top and do not count towards its height.
    Compact,
}

/// Distances are in the same unit as the sizes. Negative or non-finite
/// values count as zero.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    pub mode: Mode,
    /// Horizontal gap between two cards that are siblings.
    pub sibling_gap: f64,
    /// Horizontal gap between any other two cards side by side (cousins).
    pub subtree_gap: f64,
    /// Vertical gap between a parent (or its row) and its children.
    pub level_gap: f64,
    /// How far stacked children are indented from their parent's left edge.
    pub indent: f64,
    /// Vertical gap between stacked children.
    pub stack_gap: f64,
    /// Most cards in one column of a stack (at least 1).
    pub stack_rows: usize,
    /// Levels run left to right and siblings stack down: the same layout
    /// with the axes swapped (every "horizontal" and "vertical" above, and
    /// in [`Edge`], then reads the other way), so connectors leave a
    /// parent's right edge and enter a child's left edge.
    pub across: bool,
}

/// The gaps of the first layout (24 across, 48 down), cousins a little farther apart.
impl Default for Options {
    fn default() -> Options {
        Options {
            mode: Mode::Layered,
            sibling_gap: 24.0,
            subtree_gap: 40.0,
            level_gap: 48.0,
            indent: 32.0,
            stack_gap: 12.0,
            stack_rows: 5,
            across: false,
        }
    }
}

/// One connector: an orthogonal polyline from the parent's card to the
/// child's, points in drawing order.
///
/// Under a bus: parent bottom-centre, down to the bus halfway between the
/// parent's level and the children's top, across to above the child's centre,
/// down to the child's top. In a compact stack: from the parent's bottom down
/// the spine (at `parent.x + indent / 2`) to the child's middle height, then
/// right to the child's left edge; the corner is repeated so every connector
/// has four points. A stack's further columns have their own spines, left of
/// their cards: their connectors start on a bus halfway between the parent's
/// row and the stack's top, at the first spine, and run across to their own.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Edge {
    pub parent: usize,
    pub child: usize,
    pub points: [(f64, f64); 4],
}

impl Edge {
    /// The connector's bounds, for culling.
    pub fn bbox(&self) -> Rect {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &(x, y) in &self.points {
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
        Rect { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// Indexed like the input; `None` for nodes not drawn (below a collapsed
    /// node, or not reachable from the root). Cards never overlap; cards whose
    /// vertical spans overlap are at least the smaller horizontal gap apart.
    pub rects: Vec<Option<Rect>>,
    /// One per drawn non-root node, parents before children. No segment
    /// enters the interior of any card.
    pub edges: Vec<Edge>,
    /// The drawn nodes in pre-order (as reached from the root).
    pub order: Vec<usize>,
    /// Exact bounds of the drawn cards, whose smallest x and y are 0. Every
    /// connector lies within them.
    pub width: f64,
    pub height: f64,
}

/// Lays out the tree under `root`. `children[i]` lists i's children in order;
/// `sizes` and `collapsed` are indexed the same way, and `collapsed[i]` hides
/// i's descendants (the result equals that of the tree without them). A node
/// listed twice (not a tree) is placed where it is first reached. Linear in
/// the number of drawn nodes, plus the length of `children`.
pub fn layout(root: usize, children: &[Vec<usize>], sizes: &[Size], collapsed: &[bool], opts: &Options) -> Placement {
    Tidy::new(*opts).run(root, children, sizes, collapsed)
}

const NONE: u32 = u32::MAX;

/// A drawn node's part in a compact stack.
const STACKS: u8 = 1;
const STACKED: u8 = 2;
/// Stacked, and first in a column of its stack.
const HEAD: u8 = 4;

/// What the first walk reads of a node. Where this, the same of every node
/// below and the children merged are all as at its last walk, that walk
/// still holds.
#[derive(Clone, Copy)]
struct Input {
    w: f64,
    /// Horizontal extent of the node in the contour, relative to its left
    /// edge: `lo <= 0 <= w <= hi`, wider than the card where a connector
    /// runs beside it.
    lo: f64,
    hi: f64,
    /// Bottom in the contour: the card's, or its row's when layered.
    bottom: f64,
    /// Slot of the parent in the tree, place among its drawn children, how
    /// many are drawn under it, and its part in a stack.
    parent: u32,
    rank: u32,
    count: u32,
    kind: u8,
    /// Stamp of the parent's walk that merged it.
    merged: u64,
}

impl Input {
    /// Never walked: unlike any input (NaN), so its first run walks it.
    const NEW: Input =
        Input { w: f64::NAN, lo: 0.0, hi: 0.0, bottom: 0.0, parent: NONE, rank: 0, count: 0, kind: 0, merged: 0 };
}

/// Where a node's subtree goes. Coordinates are left edges; a node's `modf`
/// offsets its whole subtree relative to its parent's subtree, so its x is
/// its `prelim` plus the `modf` of itself and all its ancestors.
#[derive(Clone, Copy, Default)]
struct Offset {
    prelim: f64,
    modf: f64,
    /// Pending spread of a gap over intermediate siblings (applied in the second walk).
    shift: f64,
    change: f64,
}

/// The contours of a node's subtree, as its first walk left them.
#[derive(Clone, Copy)]
struct Contour {
    /// First and last children in the layout: a stack is a chain, each card
    /// under the one above.
    first: u32,
    last: u32,
    /// Next contour node below a leaf, left and right, and the offset to add
    /// to the modifier sum when following it.
    thread: [u32; 2],
    thread_mod: [f64; 2],
    /// Lowest leftmost and rightmost nodes of the subtree, with their
    /// modifier sums relative to this node's subtree: as its own walk found
    /// them (`own`), and as its parent's walk extends them over the siblings
    /// merged so far.
    own: [u32; 2],
    own_mod: [f64; 2],
    extreme: [u32; 2],
    extreme_mod: [f64; 2],
}

impl Contour {
    const NEW: Contour = Contour {
        first: NONE,
        last: NONE,
        thread: [NONE; 2],
        thread_mod: [0.0; 2],
        own: [NONE; 2],
        own_mod: [0.0; 2],
        extreme: [NONE; 2],
        extreme_mod: [0.0; 2],
    };
}

/// Every node's state, by slot: apart, so that each pass over all drawn
/// nodes reads only the part it needs.
#[derive(Default)]
struct Slots {
    input: Vec<Input>,
    offset: Vec<Offset>,
    contour: Vec<Contour>,
    /// Stamp of its last walk (or of the run that found it changed).
    walked: Vec<u64>,
    /// The last run that drew it (a slot is claimed by one node a run).
    seen: Vec<u32>,
}

impl Slots {
    fn clear(&mut self) {
        self.input.clear();
        self.offset.clear();
        self.contour.clear();
        self.walked.clear();
        self.seen.clear();
    }

    fn reserve(&mut self, n: usize) {
        let more = n.saturating_sub(self.input.len());
        self.input.reserve(more);
        self.offset.reserve(more);
        self.contour.reserve(more);
        self.walked.reserve(more);
        self.seen.reserve(more);
    }

    /// A new slot, or `s` made new.
    fn renew(&mut self, s: Option<u32>) -> u32 {
        match s {
            Some(s) => {
                let i = s as usize;
                (self.input[i], self.offset[i], self.contour[i]) = (Input::NEW, Offset::default(), Contour::NEW);
                self.walked[i] = 0;
                s
            }
            None => {
                self.input.push(Input::NEW);
                self.offset.push(Offset::default());
                self.contour.push(Contour::NEW);
                self.walked.push(0);
                self.seen.push(0);
                self.input.len() as u32 - 1
            }
        }
    }
}

const L: usize = 0;
const R: usize = 1;

fn sane(v: f64) -> f64 {
    if v.is_finite() {
        v.max(0.0)
    } else {
        0.0
    }
}

/// A layout that keeps each node's first walk between runs, so a run after
/// an edit walks again only the subtrees that changed (a card's size or
/// part in its row, a node's children) and the path above them; the second
/// walk, which sums the offsets into places, stays linear but cheap.
///
/// Which nodes changed is found by comparing what each walk read, so the
/// result always equals a fresh layout's; [`Tidy::renumber`] only keeps a
/// node's walk when an edit moves it to another index.
pub struct Tidy {
    opts: Options,
    /// `opts` with every distance made sane, once.
    gap: Options,
    /// Per node index, its slot (`NONE`: not drawn yet).
    slot: Vec<u32>,
    slots: Slots,
    free: Vec<u32>,
    /// Counts runs and walks, for the stamps.
    runs: u32,
    stamp: u64,
    /// Contour steps and nodes walked in the last run.
    steps: u64,
    walks: usize,
    /// More steps than a fresh layout ever takes: kept state gone wrong.
    limit: u64,
    /// Nothing kept: no thread from an earlier run to clear.
    fresh: bool,
}

impl Tidy {
    pub fn new(opts: Options) -> Tidy {
        let gap = Options {
            sibling_gap: sane(opts.sibling_gap),
            subtree_gap: sane(opts.subtree_gap),
            level_gap: sane(opts.level_gap),
            indent: sane(opts.indent),
            stack_gap: sane(opts.stack_gap),
            ..opts
        };
        Tidy {
            opts,
            gap,
            slot: Vec::new(),
            slots: Slots::default(),
            free: Vec::new(),
            runs: 0,
            stamp: 0,
            steps: 0,
            walks: 0,
            limit: u64::MAX,
            fresh: true,
        }
    }

    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// Nodes walked by the last run.
    pub fn walks(&self) -> usize {
        self.walks
    }

    /// Follows the nodes as `changes` renumber them (an edit of a tree
    /// `len_before` nodes long), so their walks are kept.
    pub fn renumber(&mut self, changes: &[Change], len_before: usize) {
        if self.slot.len() != len_before {
            // Not the tree last laid out: start afresh.
            self.slot.clear();
            self.slots.clear();
            self.free.clear();
            return;
        }
        let mut len = len_before;
        // A change of content keeps the node where it is, and its walk if its size stayed.
        for c in changes.iter().filter(|c| c.is_structural()) {
            if let Change::Removed(at) = c {
                self.free.extend(at.iter().filter_map(|&i| self.slot.get(i)).filter(|&&s| s != NONE));
            }
            c.remap(&mut self.slot, len, |_| NONE);
            len = c.len_after(len);
        }
    }

    /// The slot of node `v` for this run: its own, or a free one.
    fn claim(&mut self, v: usize) -> u32 {
        let mut s = self.slot[v];
        // A slot given to two nodes (renumbered wrongly) goes to the first.
        if s == NONE || self.slots.seen[s as usize] == self.runs {
            s = self.slots.renew(self.free.pop());
            self.slot[v] = s;
        }
        self.slots.seen[s as usize] = self.runs;
        s
    }

    /// Lays out the tree as [`layout`] does, walking again only what
    /// changed since the last run.
    pub fn run(&mut self, root: usize, children: &[Vec<usize>], sizes: &[Size], collapsed: &[bool]) -> Placement {
        let n = children.len();
        assert!(sizes.len() == n && collapsed.len() == n, "children, sizes and collapsed must have one entry per node");
        self.slot.resize(n, NONE);
        self.runs = self.runs.wrapping_add(1);
        self.fresh = self.slots.input.is_empty();
        self.slots.reserve(n);
        (self.steps, self.walks) = (0, 0);
        let mut rects = vec![None; n];
        if root >= n {
            return Placement { rects, edges: Vec::new(), order: Vec::new(), width: 0.0, height: 0.0 };
        }
        let opts = self.gap;
        let (level_gap, indent, stack_gap) = (opts.level_gap, opts.indent, opts.stack_gap);
        let size = |v: usize| if opts.across { (sizes[v].h, sizes[v].w) } else { (sizes[v].w, sizes[v].h) };

        // Drawn nodes in pre-order, with their slot, parent's place, depth,
        // size and place among their siblings (which come in order).
        let mut pre = vec![NONE; n];
        let mut order = Vec::with_capacity(n);
        let (mut slots, mut parent, mut depth) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
        let (mut w, mut h) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let (mut count, mut rank) = (Vec::<u32>::with_capacity(n), Vec::with_capacity(n));
        let mut todo = vec![(root, NONE, 0u32)];
        while let Some((v, p, d)) = todo.pop() {
            if pre[v] != NONE {
                continue;
            }
            let me = order.len() as u32;
            pre[v] = me;
            order.push(v);
            slots.push(self.claim(v));
            parent.push(p);
            depth.push(d);
            let (sw, sh) = size(v);
            w.push(sane(sw));
            h.push(sane(sh));
            count.push(0);
            rank.push(if p == NONE {
                0
            } else {
                count[p as usize] += 1;
                count[p as usize] - 1
            });
            if !collapsed[v] {
                todo.extend(children[v].iter().rev().filter(|&&c| pre[c] == NONE).map(|&c| (c, me, d + 1)));
            }
        }
        let m = order.len();

        // A stack's children are leaves, so they follow their parent
        // directly in pre-order, and each hangs in the layout from the previous.
        let mut kind = vec![0u8; m];
        if opts.mode == Mode::Compact {
            for i in 0..m {
                if count[i] > 0 {
                    kind[i] = STACKS;
                }
            }
            for i in 1..m {
                if count[i] > 0 {
                    kind[parent[i] as usize] &= !STACKS;
                }
            }
            // A stack of n cards gets ceil(n / stack_rows) columns, the first ones a card longer.
            let rows = opts.stack_rows.max(1);
            for p in 0..m {
                if kind[p] & STACKS != 0 {
                    let n = count[p] as usize;
                    let cols = n.div_ceil(rows);
                    let mut first = p + 1;
                    for c in 0..cols {
                        kind[first] |= HEAD;
                        first += n / cols + usize::from(c < n % cols);
                    }
                    for k in &mut kind[p + 1..=p + n] {
                        *k |= STACKED;
                    }
                }
            }
        }
        let stacked = |i: usize| kind[i] & STACKED != 0;
        let layout_parent = |i: usize| if kind[i] & (STACKED | HEAD) == STACKED { i - 1 } else { parent[i] as usize };

        // Vertical placement; stacked cards are left out of their row's height.
        let mut y = vec![0.0; m];
        let mut bottom = vec![0.0; m];
        match opts.mode {
            Mode::NonLayered => {
                for i in 1..m {
                    let p = parent[i] as usize;
                    y[i] = y[p] + h[p] + level_gap;
                }
                for i in 0..m {
                    bottom[i] = y[i] + h[i];
                }
            }
            Mode::Layered | Mode::Compact => {
                let rows = depth.iter().max().map_or(0, |&d| d as usize + 1);
                let mut row_h = vec![0.0f64; rows];
                for i in (0..m).filter(|&i| !stacked(i)) {
                    let d = depth[i] as usize;
                    row_h[d] = row_h[d].max(h[i]);
                }
                let mut row_y = vec![0.0; rows];
                for d in 1..rows {
                    row_y[d] = row_y[d - 1] + row_h[d - 1] + level_gap;
                }
                for i in 0..m {
                    let d = depth[i] as usize;
                    if !stacked(i) {
                        y[i] = row_y[d];
                        bottom[i] = row_y[d] + row_h[d];
                    } else {
                        y[i] = if kind[i] & HEAD != 0 { row_y[d] } else { y[i - 1] + h[i - 1] + stack_gap };
                        bottom[i] = y[i] + h[i];
                    }
                }
            }
        }

        // What changed since each node's last walk, then everything above.
        let mut dirty = vec![false; m];
        let st = &mut self.slots;
        for i in 0..m {
            let ps = if i == 0 { NONE } else { slots[parent[i] as usize] };
            // The spine runs down from the parent at indent / 2, then beside
            // the stacked cards to their left.
            let lo = if stacked(i) { -indent / 2.0 } else { 0.0 };
            let hi = if kind[i] & STACKS != 0 { w[i].max(indent / 2.0) } else { w[i] };
            let merged_by = if i == 0 { 0 } else { st.walked[ps as usize] };
            let now = Input {
                w: w[i],
                lo,
                hi,
                bottom: bottom[i],
                parent: ps,
                rank: rank[i],
                count: count[i],
                kind: kind[i],
                merged: merged_by,
            };
            let was = &mut st.input[slots[i] as usize];
            if was.w != now.w
                || was.lo != now.lo
                || was.hi != now.hi
                || was.bottom != now.bottom
                || was.parent != now.parent
                || was.rank != now.rank
                || was.count != now.count
                || was.kind != now.kind
                || (i > 0 && was.merged != now.merged)
            {
                dirty[i] = true;
                *was = Input { merged: was.merged, ..now };
            }
        }
        for i in (1..m).rev() {
            if dirty[i] {
                dirty[parent[i] as usize] = true;
            }
        }
        // Stamped before any walk: merges recorded under the old stamps no
        // longer count. A stack is walked whole.
        for i in 0..m {
            if dirty[i] {
                if kind[i] & STACKS != 0 {
                    dirty[i + 1..=i + count[i] as usize].fill(true);
                }
                self.stamp += 1;
                st.walked[slots[i] as usize] = self.stamp;
            }
        }

        // First walk, children before parents, of what changed. A fresh
        // layout takes at most two contour steps a node (see the tests).
        self.limit = 4 * m as u64 + 16;
        let mut lowest: Vec<(f64, usize)> = Vec::new();
        let mut ks: Vec<u32> = Vec::new();
        for i in (0..m).rev() {
            if !dirty[i] || stacked(i) {
                continue;
            }
            ks.clear();
            let stamp = self.slots.walked[slots[i] as usize];
            if kind[i] & STACKS != 0 {
                let (a, b) = (i + 1, i + count[i] as usize);
                for j in (a..=b).rev() {
                    let below = [slots[j.min(b - 1) + 1]];
                    let next: &[u32] = if j < b && kind[j + 1] & HEAD == 0 { &below } else { &[] };
                    self.walk(slots[j], next, &mut lowest);
                }
                ks.extend((a..=b).filter(|&j| kind[j] & HEAD != 0).map(|j| slots[j]));
                for &s in &slots[a..=b] {
                    self.slots.input[s as usize].merged = stamp;
                }
            } else {
                let me = i as u32;
                ks.extend(
                    children[order[i]]
                        .iter()
                        .map(|&c| pre[c])
                        .filter(|&c| c != NONE && parent[c as usize] == me)
                        .map(|c| slots[c as usize]),
                );
                for &k in &ks {
                    self.slots.input[k as usize].merged = stamp;
                }
            }
            self.walk(slots[i], &ks, &mut lowest);
        }
        if self.steps >= self.limit {
            // Never seen in tests; a hang would freeze the page, so start afresh.
            debug_assert!(false, "kept layout state gone wrong");
            self.slot.clear();
            self.slots.clear();
            self.free.clear();
            return self.run(root, children, sizes, collapsed);
        }

        // Second walk, parents before children: spread pending gaps, sum offsets.
        let offset = &self.slots.offset;
        let mut sum = vec![0.0; m];
        let mut x = vec![0.0; m];
        let (mut speed, mut delta) = (vec![0.0; m], vec![0.0; m]);
        sum[0] = offset[slots[0] as usize].modf;
        x[0] = offset[slots[0] as usize].prelim + sum[0];
        for i in 1..m {
            let (o, p) = (&offset[slots[i] as usize], layout_parent(i));
            speed[p] += o.shift;
            delta[p] += speed[p] + o.change;
            sum[i] = sum[p] + (o.modf + delta[p]);
            x[i] = o.prelim + sum[i];
        }

        let min_x = x.iter().copied().fold(f64::INFINITY, f64::min);
        let (mut width, mut height) = (0.0f64, 0.0f64);
        for i in 0..m {
            x[i] -= min_x;
            width = width.max(x[i] + w[i]);
            height = height.max(y[i] + h[i]);
            rects[order[i]] = Some(Rect { x: x[i], y: y[i], w: w[i], h: h[i] });
        }
        let mut column = 0;
        let edges = (1..m)
            .map(|i| {
                let p = parent[i] as usize;
                let top = y[p] + h[p];
                let points = if stacked(i) {
                    if kind[i] & HEAD != 0 {
                        column = i;
                    }
                    let (sx, cy) = (x[p] + indent / 2.0, y[i] + h[i] / 2.0);
                    if column == p + 1 {
                        [(sx, top), (sx, cy), (sx, cy), (x[i], cy)]
                    } else {
                        let (own, bus) = (x[column] - indent / 2.0, y[column] - level_gap / 2.0);
                        [(sx, bus), (own, bus), (own, cy), (x[i], cy)]
                    }
                } else {
                    let (px, cx, bus) = (x[p] + w[p] / 2.0, x[i] + w[i] / 2.0, y[i] - level_gap / 2.0);
                    [(px, top), (px, bus), (cx, bus), (cx, y[i])]
                };
                Edge { parent: order[p], child: order[i], points }
            })
            .collect();
        let placement = Placement { rects, edges, order, width, height };
        if !opts.across {
            return placement;
        }
        let flip = |r: Rect| Rect { x: r.y, y: r.x, w: r.h, h: r.w };
        Placement {
            rects: placement.rects.into_iter().map(|r| r.map(flip)).collect(),
            edges: placement.edges.into_iter().map(|e| Edge { points: e.points.map(|(x, y)| (y, x)), ..e }).collect(),
            order: placement.order,
            width: placement.height,
            height: placement.width,
        }
    }

    /// The first walk of node `v`, whose children in the layout are `ks`
    /// (walked already): merges their subtrees left to right.
    fn walk(&mut self, v: u32, ks: &[u32], lowest: &mut Vec<(f64, usize)>) {
        self.walks += 1;
        let st = &mut self.slots;
        let Options { sibling_gap, subtree_gap, indent, .. } = self.gap;
        // Each child as its own walk left it. Threads set by earlier merges
        // above it can only hang from its extremes.
        for &k in ks {
            let (c, o) = (&mut st.contour[k as usize], &mut st.offset[k as usize]);
            o.modf = if c.first == NONE { 0.0 } else { -o.prelim };
            (o.shift, o.change) = (0.0, 0.0);
            (c.extreme, c.extreme_mod) = (c.own, c.own_mod);
            let [l, r] = c.own;
            if !self.fresh {
                st.contour[l as usize].thread[L] = NONE;
                st.contour[r as usize].thread[R] = NONE;
            }
        }
        let v = v as usize;
        if ks.is_empty() {
            let (c, o) = (&mut st.contour[v], &mut st.offset[v]);
            (c.first, c.last, o.prelim, o.modf) = (NONE, NONE, 0.0, 0.0);
            (c.own, c.own_mod) = ([v as u32; 2], [0.0; 2]);
            return;
        }
        // Left siblings still on the right contour, with the bottom of each:
        // the nearest is last, and the shallowest.
        let bottom = |st: &Slots, k: u32, side: usize| st.input[st.contour[k as usize].extreme[side] as usize].bottom;
        lowest.clear();
        lowest.push((bottom(st, ks[0], R), 0));
        for i in 1..ks.len() {
            // This subtree's own bottom: separation may hand it a deeper left sibling's extreme.
            let low = bottom(st, ks[i], L);
            // A stack's columns are all siblings, however far down.
            let cousin_gap = if st.input[ks[i] as usize].kind & STACKED != 0 { sibling_gap } else { subtree_gap };
            let limit = self.limit.saturating_sub(self.steps);
            self.steps += separate(st, ks, i, lowest, sibling_gap, cousin_gap, limit);
            while lowest.last().is_some_and(|&(b, _)| b <= low) {
                lowest.pop();
            }
            lowest.push((low, i));
        }
        let (first, last) = (ks[0] as usize, ks[ks.len() - 1] as usize);
        let (o, c) = (&st.offset, &st.contour);
        let prelim = if st.input[first].kind & STACKED != 0 {
            let offset = if st.input[v].kind & STACKED != 0 { 0.0 } else { indent };
            o[first].modf + o[first].prelim - offset
        } else {
            let centre = |k: usize| o[k].modf + o[k].prelim + st.input[k].w / 2.0;
            (centre(first) + centre(last)) / 2.0 - st.input[v].w / 2.0
        };
        let own = [c[first].extreme[L], c[last].extreme[R]];
        let own_mod = [o[first].modf + c[first].extreme_mod[L], o[last].modf + c[last].extreme_mod[R]];
        // Start with the root at the parent's left edge; separation pushes it right.
        let (c, o) = (&mut st.contour[v], &mut st.offset[v]);
        (c.first, c.last, o.prelim, o.modf) = (ks[0], ks[ks.len() - 1], prelim, -prelim);
        (c.own, c.own_mod) = (own, own_mod);
    }
}

/// Pushes subtree `ks[i]` right until it clears its left siblings, walking
/// down the right contour of those and the left contour of it together, at
/// most `limit` steps. Returns the number of steps.
fn separate(
    st: &mut Slots,
    ks: &[u32],
    i: usize,
    lowest: &mut Vec<(f64, usize)>,
    sibling_gap: f64,
    subtree_gap: f64,
    limit: u64,
) -> u64 {
    let (mut sr, mut cl) = (ks[i - 1], ks[i]);
    let (mut sr_sum, mut cl_sum) = (st.offset[sr as usize].modf, st.offset[cl as usize].modf);
    let mut gap = sibling_gap;
    let mut steps = 0;
    while sr != NONE && cl != NONE && steps < limit {
        steps += 1;
        let (s, c) = (st.input[sr as usize], st.input[cl as usize]);
        // Past the bottom of the nearest left sibling: the contour is now a farther one's.
        while lowest.len() > 1 && s.bottom > lowest[lowest.len() - 1].0 {
            lowest.pop();
        }
        let dist =
            (sr_sum + st.offset[sr as usize].prelim + s.hi + gap) - (cl_sum + st.offset[cl as usize].prelim + c.lo);
        if dist > 0.0 {
            cl_sum += dist;
            move_subtree(&mut st.offset, ks, i, lowest[lowest.len() - 1].1, dist);
        }
        gap = subtree_gap;
        if s.bottom <= c.bottom {
            (sr, sr_sum) = next(st, sr, sr_sum, R);
        }
        if s.bottom >= c.bottom {
            (cl, cl_sum) = next(st, cl, cl_sum, L);
        }
    }
    // The taller side's contour continues below the shorter one's extreme node.
    let (first, prev, cur) = (ks[0] as usize, ks[i - 1] as usize, ks[i] as usize);
    let (o, c) = (&st.offset, &mut st.contour);
    if sr == NONE && cl != NONE {
        let e = c[first].extreme[L] as usize;
        c[e].thread[L] = cl;
        c[e].thread_mod[L] = cl_sum - (o[first].modf + c[first].extreme_mod[L]);
        c[first].extreme[L] = c[cur].extreme[L];
        c[first].extreme_mod[L] = o[cur].modf + c[cur].extreme_mod[L] - o[first].modf;
    } else if sr != NONE && cl == NONE {
        let e = c[cur].extreme[R] as usize;
        c[e].thread[R] = sr;
        c[e].thread_mod[R] = sr_sum - (o[cur].modf + c[cur].extreme_mod[R]);
        c[cur].extreme[R] = c[prev].extreme[R];
        c[cur].extreme_mod[R] = o[prev].modf + c[prev].extreme_mod[R] - o[cur].modf;
    }
    steps
}

/// Moves subtree `ks[i]` right by `dist`, and spreads the same over the
/// siblings after `ks[from]`, which the move would otherwise leave bunched
/// on the left.
fn move_subtree(offset: &mut [Offset], ks: &[u32], i: usize, from: usize, dist: f64) {
    offset[ks[i] as usize].modf += dist;
    if from + 1 != i {
        let share = dist / (i - from) as f64;
        offset[ks[from + 1] as usize].shift += share;
        offset[ks[i] as usize].shift -= share;
        offset[ks[i] as usize].change -= dist - share;
    }
}

/// The next node down the `side` contour from `v`, and its modifier sum;
/// `NONE` past the bottom.
fn next(st: &Slots, v: u32, sum: f64, side: usize) -> (u32, f64) {
    let c = &st.contour[v as usize];
    if c.first != NONE {
        let k = if side == L { c.first } else { c.last };
        (k, sum + st.offset[k as usize].modf)
    } else {
        (c.thread[side], sum + c.thread_mod[side])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::Rng;

    /// Children lists from parents (`parents[i - 1]` is node i's, below i).
    fn tree(parents: &[usize]) -> Vec<Vec<usize>> {
        let mut children = vec![Vec::new(); parents.len() + 1];
        for (i, &p) in parents.iter().enumerate() {
            children[p].push(i + 1);
        }
        children
    }

    fn run(parents: &[usize], sizes: &[(f64, f64)], opts: &Options) -> Placement {
        let sizes: Vec<Size> = sizes.iter().map(|&(w, h)| Size { w, h }).collect();
        layout(0, &tree(parents), &sizes, &vec![false; sizes.len()], opts)
    }

    fn at(p: &Placement, i: usize) -> (f64, f64) {
        let r = p.rects[i].unwrap();
        (r.x, r.y)
    }

    #[test]
    fn a_parent_over_two_children() {
        let sizes = [(100.0, 40.0), (60.0, 30.0), (80.0, 50.0)];
        let p = run(&[0, 0], &sizes, &Options { mode: Mode::Layered, sibling_gap: 20.0, ..Options::default() });
        // Child centres 30 and 120: the parent's centre is at 75.
        assert_eq!([at(&p, 0), at(&p, 1), at(&p, 2)], [(25.0, 0.0), (0.0, 88.0), (80.0, 88.0)]);
        assert_eq!((p.width, p.height), (160.0, 138.0));
        assert_eq!(
            p.edges[0],
            Edge { parent: 0, child: 1, points: [(75.0, 40.0), (75.0, 64.0), (30.0, 64.0), (30.0, 88.0)] }
        );

        let p =
            run(&[0, 0], &sizes, &Options { mode: Mode::Compact, indent: 32.0, stack_gap: 12.0, ..Options::default() });
        assert_eq!([at(&p, 0), at(&p, 1), at(&p, 2)], [(0.0, 0.0), (32.0, 88.0), (32.0, 130.0)]);
        assert_eq!((p.width, p.height), (112.0, 180.0));
        assert_eq!(p.edges[1].points, [(16.0, 40.0), (16.0, 155.0), (16.0, 155.0), (32.0, 155.0)]);
    }

    #[test]
    fn a_long_stack_is_split_into_balanced_columns() {
        let opts = Options {
            mode: Mode::Compact,
            sibling_gap: 20.0,
            level_gap: 40.0,
            indent: 32.0,
            stack_gap: 10.0,
            stack_rows: 3,
            ..Options::default()
        };
        let p = run(&[0; 7], &[(100.0, 30.0); 8], &opts);
        // Columns of 3, 2, 2; a column's spine (16 left of it) clears the previous column by the sibling gap.
        let places: Vec<_> = (0..8).map(|i| at(&p, i)).collect();
        assert_eq!(
            places,
            [
                (0.0, 0.0),
                (32.0, 70.0),
                (32.0, 110.0),
                (32.0, 150.0),
                (168.0, 70.0),
                (168.0, 110.0),
                (304.0, 70.0),
                (304.0, 110.0)
            ]
        );
        assert_eq!((p.width, p.height), (404.0, 180.0));
        assert_eq!(p.edges[2].points, [(16.0, 30.0), (16.0, 165.0), (16.0, 165.0), (32.0, 165.0)]);
        // Later columns: from the bus at the first spine, across to their own.
        assert_eq!(p.edges[4].points, [(16.0, 50.0), (152.0, 50.0), (152.0, 125.0), (168.0, 125.0)]);
        // One stack of any length stays one column when rows allow it.
        let tall = run(&[0; 7], &[(100.0, 30.0); 8], &Options { stack_rows: 7, ..opts });
        assert!((1..8).all(|i| at(&tall, i).0 == 32.0));
    }

    #[test]
    fn a_subtree_slides_under_a_shorter_neighbour() {
        // b's four children are wider than b, and lower than leaf a: b sits
        // right beside a and its children reach in under a.
        let sizes = [(100.0, 30.0); 7];
        let opts = Options { mode: Mode::NonLayered, sibling_gap: 20.0, ..Options::default() };
        let p = run(&[0, 0, 2, 2, 2, 2], &sizes, &opts);
        assert_eq!(at(&p, 2).0 - at(&p, 1).0, 120.0);
        assert!(at(&p, 3).0 < at(&p, 1).0);
    }

    #[test]
    fn siblings_between_two_colliding_subtrees_are_spread_evenly() {
        // Root: a (seven children), three leaves, b (three children). b is
        // pushed off a's children; the leaves share the push.
        let mut parents = vec![0, 0, 0, 0, 0];
        parents.extend([1; 7]);
        parents.extend([5; 3]);
        let opts = Options { mode: Mode::Layered, sibling_gap: 20.0, subtree_gap: 20.0, ..Options::default() };
        let p = run(&parents, &[(100.0, 30.0); 16], &opts);
        let steps: Vec<f64> = (1..5).map(|i| at(&p, i + 1).0 - at(&p, i).0).collect();
        assert_eq!(steps, [150.0; 4]);
    }

    /// Each contour step moves past a node that the other side then hides
    /// for good, on the left or on the right: at most two steps a node.
    #[test]
    fn contour_work_is_linear() {
        let mut rng = Rng::new(3);
        let n = 20_000;
        let shapes: [Vec<usize>; 5] = [
            (1..n).map(|i| rng.below(i)).collect(),
            (1..n).map(|i| (i - 1) / 2).collect(),
            (1..n).map(|i| i - 1 - rng.below(i.min(4))).collect(),
            (1..n).map(|i| if i % 2 == 1 { i.saturating_sub(2) } else { i - 1 }).collect(),
            (1..n).map(|i| rng.below(i.min(6))).collect(),
        ];
        for parents in shapes {
            let children = tree(&parents);
            let sizes: Vec<Size> =
                (0..n).map(|_| Size { w: 80.0 + rng.below(320) as f64, h: 30.0 + rng.below(270) as f64 }).collect();
            for mode in [Mode::NonLayered, Mode::Layered, Mode::Compact] {
                let opts = Options { mode, ..Options::default() };
                let mut tidy = Tidy::new(opts);
                tidy.run(0, &children, &sizes, &vec![false; n]);
                let steps = tidy.steps;
                assert!(steps <= 2 * n as u64, "{steps} steps for {n} nodes, {mode:?}");
            }
        }
    }

    #[test]
    fn odd_input_is_placed_without_panic() {
        let opts = Options::default();
        let none = layout(3, &[vec![]], &[Size { w: 1.0, h: 1.0 }], &[false], &opts);
        assert_eq!(none, Placement { rects: vec![None], edges: vec![], order: vec![], width: 0.0, height: 0.0 });
        // Node 2 listed under both 0 and 1; a NaN size; negative gaps.
        let sizes = [Size { w: f64::NAN, h: 10.0 }, Size { w: 10.0, h: -4.0 }, Size { w: 10.0, h: 10.0 }];
        let odd = Options { sibling_gap: -5.0, level_gap: f64::INFINITY, ..opts };
        let p = layout(0, &[vec![1, 2], vec![2], vec![]], &sizes, &[false; 3], &odd);
        assert_eq!(p.edges.len(), 2);
        assert!(p.rects.iter().flatten().all(|r| [r.x, r.y, r.w, r.h].iter().all(|c| c.is_finite() && *c >= 0.0)));
    }
}
