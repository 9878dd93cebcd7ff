//! The simulated card's file system: DFs and transparent EFs addressed by FID paths from the MF.

use std::collections::BTreeMap;

/// The MF's file id.
pub const MF: u16 = 0x3F00;

/// A file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A dedicated file (directory).
    Df,
    /// A transparent elementary file with its content.
    Ef(Vec<u8>),
}

/// Files keyed by their path below the MF (the MF itself is the empty path).
#[derive(Debug, Clone, Default)]
pub struct Fs {
    nodes: BTreeMap<Vec<u16>, Node>,
}

impl Fs {
    /// An empty file system with just the MF.
    pub fn new() -> Self {
        let mut nodes = BTreeMap::new();
        nodes.insert(Vec::new(), Node::Df);
        Self { nodes }
    }

    /// Adds a DF (and missing parents).
    pub fn add_df(&mut self, path: &[u16]) {
        for i in 1..=path.len() {
            self.nodes.entry(path[..i].to_vec()).or_insert(Node::Df);
        }
    }

    /// Adds or replaces an EF (and creates parent DFs).
    pub fn add_ef(&mut self, path: &[u16], data: Vec<u8>) {
        if let Some((_, parent)) = path.split_last() {
            self.add_df(parent);
        }
        self.nodes.insert(path.to_vec(), Node::Ef(data));
    }

    /// The node at `path`.
    pub fn get(&self, path: &[u16]) -> Option<&Node> {
        self.nodes.get(path)
    }

    /// Resolves a FID relative to `df` the way P1=00 selection does: the MF, a child of the
    /// current DF, the current DF itself, or a sibling (child of the parent).
    pub fn resolve_fid(&self, df: &[u16], fid: u16) -> Option<Vec<u16>> {
        if fid == MF {
            return Some(Vec::new());
        }
        let mut child = df.to_vec();
        child.push(fid);
        if self.nodes.contains_key(&child) {
            return Some(child);
        }
        if df.last() == Some(&fid) {
            return Some(df.to_vec());
        }
        if let Some((_, parent)) = df.split_last() {
            let mut sib = parent.to_vec();
            sib.push(fid);
            if self.nodes.contains_key(&sib) {
                return Some(sib);
            }
        }
        None
    }
}
