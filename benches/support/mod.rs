//! Code shared by the benches.

pub(crate) mod synthetic;
