//! Disjoint sets over `0..n` (union–find with path compression), for
//! copy groups and entity merging.

/// Disjoint sets over `0..n`. A union keeps the first argument's root as
/// the root of the joined set, so callers decide which member leads.
#[derive(Debug, Clone)]
pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` singleton sets.
    pub(crate) fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    /// The root of `i`'s set; the path walked is pointed at the root.
    pub(crate) fn find(&mut self, i: usize) -> usize {
        let mut root = i;
        while self.parent[root] != root {
            root = self.parent[root];
        }
        let mut node = i;
        while self.parent[node] != root {
            let next = self.parent[node];
            self.parent[node] = root;
            node = next;
        }
        root
    }

    /// Joins the sets of `a` and `b` under `a`'s root; false when they
    /// were one set already.
    pub(crate) fn union(&mut self, a: usize, b: usize) -> bool {
        let (root_a, root_b) = (self.find(a), self.find(b));
        if root_a == root_b {
            return false;
        }
        self.link_roots(root_a, root_b);
        true
    }

    /// Puts the set rooted at `moved` under the root `kept`. Both must be
    /// roots (from [`find`](Self::find)) of different sets.
    pub(crate) fn link_roots(&mut self, kept: usize, moved: usize) {
        self.parent[moved] = kept;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unions_join_sets_under_the_first_root() {
        let mut sets = UnionFind::new(5);
        assert!(sets.union(3, 4));
        assert!(sets.union(1, 3));
        assert!(!sets.union(4, 1), "already one set");
        assert_eq!(sets.find(4), 1);
        assert_eq!(sets.find(3), 1);
        assert_eq!(sets.find(0), 0);
        assert_eq!(sets.find(2), 2);
    }

    #[test]
    fn linked_roots_keep_the_kept_root() {
        let mut sets = UnionFind::new(3);
        let (a, b) = (sets.find(0), sets.find(2));
        sets.link_roots(b, a);
        assert_eq!(sets.find(0), 2);
        assert_eq!(sets.find(1), 1);
    }
}
