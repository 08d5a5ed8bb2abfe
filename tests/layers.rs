//! The import graph of `src/`, file by file: no cycle, and no import from a
//! lower layer to a higher one. Every path that names a module of the crate
//! counts (`use crate::…`, `super::…`, `self::…`, a child module's name, and
//! the same paths written inline), test code (`#[cfg(test)]`) and comments
//! aside; `crate::Error` follows `lib.rs`'s re-export to `error.rs`.
//!
//! One kind of edge is left out of the cycle check: a file's use of a module
//! that encloses it (`bank/parse/kinds.rs` using `bank`'s model,
//! `export/gift.rs` using what `export/mod.rs` shares with its formats). A
//! child is part of its parent, as Rust's privacy has it (a child sees its
//! parent's private items); the parent's use of its children is counted, so a
//! cycle through a sibling or through any file outside the folder is found.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The layers, lowest first: a file may import from its own layer and the
/// ones below it. A module is placed by its first path segment.
const LAYERS: &[(&str, &[&str])] = &[
    ("leaves", &["lang", "letters", "text", "console", "shipped"]),
    ("words", &["i18n"]),
    ("errors", &["diagnostic", "error", "fsutil"]),
    ("model", &["article", "bank"]),
    ("loading", &["allow", "check", "draft", "state"]),
    ("selection", &["select", "stats"]),
    ("questions", &["answer", "grade", "present", "card"]),
    (
        "outputs",
        &["render", "output", "export", "selfcheck", "pdf", "schema"],
    ),
    ("sessions", &["quiz", "review"]),
    ("commands", &["cmd", "app", "cli", "main", "lib"]),
];

/// A file's module path: `src/bank/parse/mod.rs` is `bank::parse`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Ident(String),
    Colons,
    Open,
    Close,
    Comma,
    Semi,
    Other(char),
}

/// Identifiers and the punctuation of paths; comments, strings and
/// characters dropped.
fn tokens(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r' && matches!(next, Some('#' | '"')) && raw_string_end(&chars, i).is_some()
        {
            i = raw_string_end(&chars, i).unwrap();
        } else if c == 'b' && next == Some('"') {
            i = string_end(&chars, i + 1);
        } else if c == '"' {
            i = string_end(&chars, i);
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{a0}') or a lifetime ('a).
            if next == Some('\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Token::Ident(chars[start..i].iter().collect()));
        } else if c == ':' && next == Some(':') {
            out.push(Token::Colons);
            i += 2;
        } else {
            out.push(match c {
                '{' => Token::Open,
                '}' => Token::Close,
                ',' => Token::Comma,
                ';' => Token::Semi,
                _ => Token::Other(c),
            });
            i += 1;
        }
    }
    out
}

fn string_end(chars: &[char], start: usize) -> usize {
    let mut i = start + 1;
    while i < chars.len() && chars[i] != '"' {
        i += if chars[i] == '\\' { 2 } else { 1 };
    }
    i + 1
}

fn raw_string_end(chars: &[char], start: usize) -> Option<usize> {
    let mut i = start + 1;
    let mut hashes = 0;
    while chars.get(i) == Some(&'#') {
        hashes += 1;
        i += 1;
    }
    if chars.get(i) != Some(&'"') {
        return None;
    }
    i += 1;
    while i < chars.len() {
        if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
            return Some(i + 1 + hashes);
        }
        i += 1;
    }
    Some(i)
}

/// The tokens without `#[cfg(test)]` items.
fn without_tests(tokens: Vec<Token>) -> Vec<Token> {
    let cfg_test = [
        Token::Other('#'),
        Token::Other('['),
        Token::Ident("cfg".into()),
        Token::Other('('),
        Token::Ident("test".into()),
        Token::Other(')'),
        Token::Other(']'),
    ];
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i..].starts_with(&cfg_test) {
            i += cfg_test.len();
            while i < tokens.len() && !matches!(tokens[i], Token::Open | Token::Semi) {
                i += 1;
            }
            if tokens.get(i) == Some(&Token::Open) {
                let mut depth = 0;
                while i < tokens.len() {
                    match tokens[i] {
                        Token::Open => depth += 1,
                        Token::Close => depth -= 1,
                        _ => {}
                    }
                    i += 1;
                    if depth == 0 {
                        break;
                    }
                }
            } else {
                i += 1;
            }
        } else {
            out.push(tokens[i].clone());
            i += 1;
        }
    }
    out
}

/// Every path of a use tree starting at `tokens[i]` (after a `::`), each
/// appended to `prefix`; returns the index after the tree.
fn tree(tokens: &[Token], mut i: usize, prefix: &[String], out: &mut Vec<Vec<String>>) -> usize {
    let mut path = prefix.to_vec();
    loop {
        match tokens.get(i) {
            Some(Token::Ident(name)) if name != "as" => {
                if name != "self" {
                    path.push(name.clone());
                }
                i += 1;
                if tokens.get(i) == Some(&Token::Colons) {
                    i += 1;
                    continue;
                }
                out.push(path);
                return i;
            }
            Some(Token::Open) => {
                i += 1;
                while i < tokens.len() && tokens[i] != Token::Close {
                    if tokens[i] == Token::Comma {
                        i += 1;
                        continue;
                    }
                    let before = i;
                    i = tree(tokens, i, &path, out);
                    // Skip `as alias` and anything else up to the next item.
                    while i < tokens.len() && !matches!(tokens[i], Token::Comma | Token::Close) {
                        i += 1;
                    }
                    if i == before {
                        i += 1;
                    }
                }
                return i + 1;
            }
            _ => {
                out.push(path);
                return i;
            }
        }
    }
}

struct Crate {
    /// Module path → file (relative to `src/`).
    modules: BTreeMap<Vec<String>, String>,
    /// Names `lib.rs` re-exports, and the path they stand for.
    root_exports: BTreeMap<String, Vec<String>>,
}

impl Crate {
    /// The file a path lands in: its longest prefix that is a module.
    fn resolve(&self, path: &[String]) -> Option<&String> {
        if let Some(target) = path.first().and_then(|first| self.root_exports.get(first)) {
            return self.resolve(target);
        }
        (0..=path.len())
            .rev()
            .find_map(|n| self.modules.get(&path[..n]))
    }
}

/// The paths to the crate's own modules that a file names.
fn paths(
    tokens: &[Token],
    me: &[String],
    modules: &BTreeMap<Vec<String>, String>,
) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        let Token::Ident(first) = &tokens[i] else {
            continue;
        };
        if tokens.get(i + 1) != Some(&Token::Colons) || (i > 0 && tokens[i - 1] == Token::Colons) {
            continue;
        }
        let mut base: Vec<String> = match first.as_str() {
            // `mediaquiz::` is how `main.rs` names the library.
            "crate" | "mediaquiz" => Vec::new(),
            "self" => me.to_vec(),
            "super" => me[..me.len().saturating_sub(1)].to_vec(),
            child => {
                let mut path = me.to_vec();
                path.push(child.to_owned());
                if !modules.contains_key(&path) {
                    continue;
                }
                path
            }
        };
        let mut j = i + 2;
        // `super::super::…`
        while tokens.get(j) == Some(&Token::Ident("super".into()))
            && tokens.get(j + 1) == Some(&Token::Colons)
        {
            base.pop();
            j += 2;
        }
        tree(tokens, j, &base, &mut out);
    }
    out
}

struct Graph {
    /// File → files it imports from.
    edges: BTreeMap<String, BTreeSet<String>>,
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut modules = BTreeMap::new();
    let mut sources = BTreeMap::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let name = relative.to_string_lossy().replace('\\', "/");
        let source = std::fs::read_to_string(file).unwrap();
        if name != "main.rs" {
            modules.insert(module_path(relative), name.clone());
        }
        sources.insert(name, without_tests(tokens(&source)));
    }
    let mut root_exports = BTreeMap::new();
    if let Some(lib) = sources.get("lib.rs") {
        for path in paths(lib, &[], &modules) {
            if let Some(last) = path.last()
                && !modules.contains_key(&path)
            {
                root_exports.insert(last.clone(), path.clone());
            }
        }
    }
    let krate = Crate {
        modules,
        root_exports,
    };
    let mut edges = BTreeMap::new();
    for (name, tokens) in &sources {
        let me = if name == "main.rs" {
            Vec::new()
        } else {
            module_path(Path::new(name))
        };
        let targets: BTreeSet<String> = paths(tokens, &me, &krate.modules)
            .iter()
            .filter_map(|p| krate.resolve(p))
            .filter(|t| *t != name)
            .filter(|t| {
                let target = module_path(Path::new(t.as_str()));
                target.is_empty() || !me.starts_with(&target)
            })
            .cloned()
            .collect();
        edges.insert(name.clone(), targets);
    }
    Graph { edges }
}

fn layer(file: &str) -> usize {
    let first = file.split('/').next().unwrap().trim_end_matches(".rs");
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&first))
        .unwrap_or_else(|| panic!("`{file}` is in no layer: add `{first}` to LAYERS"))
}

/// Strongly connected components of more than one file (Tarjan).
fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    struct State<'g> {
        graph: &'g Graph,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.edges.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_owned());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.found.push(component);
            }
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.edges.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(&mut state, v);
        }
    }
    state.found
}

#[test]
fn no_file_of_src_is_part_of_an_import_cycle() {
    let graph = graph();
    let mut report = String::new();
    for component in cycles(&graph) {
        writeln!(report, "cycle: {}", component.join(", ")).unwrap();
        for from in &component {
            for to in &graph.edges[from] {
                if component.contains(to) {
                    writeln!(report, "    {from} -> {to}").unwrap();
                }
            }
        }
    }
    assert!(report.is_empty(), "import cycles in src/:\n{report}");
}

#[test]
fn no_file_imports_from_a_higher_layer() {
    let graph = graph();
    let mut report = String::new();
    for (from, targets) in &graph.edges {
        for to in targets {
            if layer(to) > layer(from) {
                writeln!(
                    report,
                    "{from} ({}) -> {to} ({})",
                    LAYERS[layer(from)].0,
                    LAYERS[layer(to)].0
                )
                .unwrap();
            }
        }
    }
    assert!(report.is_empty(), "upward imports in src/:\n{report}");
}

#[test]
fn the_graph_sees_every_kind_of_path() {
    let graph = graph();
    let edges = |from: &str| graph.edges[from].clone();
    // `use crate::…` with a group, a re-export from the root, `super::`, and
    // a path written inline.
    assert!(edges("main.rs").contains("app.rs") || edges("main.rs").contains("cmd/mod.rs"));
    assert!(edges("main.rs").contains("error.rs"));
    assert!(edges("bank/parse/kinds.rs").contains("bank/parse/fields.rs"));
    assert!(edges("lib.rs").contains("error.rs"));
    // A cycle is found, and a use tree is read whole.
    let mut found = Vec::new();
    let source = "use crate::{a::{b, c::D}, e as f};\nfn g() { super::h::i(); }\n#[cfg(test)]\nmod tests { use crate::z; }";
    let modules: BTreeMap<Vec<String>, String> = [
        (vec!["a".to_owned(), "b".to_owned()], "a/b.rs".to_owned()),
        (vec!["a".to_owned(), "c".to_owned()], "a/c.rs".to_owned()),
    ]
    .into_iter()
    .collect();
    for path in paths(
        &without_tests(tokens(source)),
        &["m".to_owned(), "n".to_owned()],
        &modules,
    ) {
        found.push(path.join("::"));
    }
    assert_eq!(found, ["a::b", "a::c::D", "e", "m::h::i"]);
    let looped = Graph {
        edges: [
            ("x.rs".to_owned(), ["y.rs".to_owned()].into()),
            ("y.rs".to_owned(), ["x.rs".to_owned()].into()),
        ]
        .into(),
    };
    assert_eq!(
        cycles(&looped),
        vec![vec!["x.rs".to_owned(), "y.rs".to_owned()]]
    );
}

/// Matches on a question's kind or shape (`Kind`, `Shape`, `Solution`,
/// `QuestionType`) whose arms end in a wildcard, as `file: line of the match`
/// (approximated by the match's index among the file's matches, since tokens
/// carry no lines).
fn wildcard_matches(tokens: &[Token]) -> Vec<usize> {
    const KINDS: [&str; 4] = ["Kind", "Shape", "Solution", "QuestionType"];
    let mut found = Vec::new();
    let mut matches = 0;
    for start in 0..tokens.len() {
        if tokens[start] != Token::Ident("match".into()) {
            continue;
        }
        matches += 1;
        // The scrutinee runs to the first `{` outside parentheses.
        let mut i = start + 1;
        while i < tokens.len() && tokens[i] != Token::Open {
            i += 1;
        }
        let mut depth = 0;
        let mut kinds = false;
        let mut wildcard = false;
        let mut previous = Token::Open;
        while i < tokens.len() {
            match &tokens[i] {
                Token::Open => depth += 1,
                Token::Close => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                Token::Ident(name) if depth == 1 => {
                    if KINDS.contains(&name.as_str()) && tokens.get(i + 1) == Some(&Token::Colons) {
                        kinds = true;
                    }
                    if name == "_"
                        && matches!(previous, Token::Open | Token::Close | Token::Comma)
                        && tokens.get(i + 1) == Some(&Token::Other('='))
                        && tokens.get(i + 2) == Some(&Token::Other('>'))
                    {
                        wildcard = true;
                    }
                }
                _ => {}
            }
            previous = tokens[i].clone();
            i += 1;
        }
        if kinds && wildcard {
            found.push(matches);
        }
    }
    found
}

/// Every `match` on a question's kind names every kind: adding one makes the
/// compiler list each place that must learn it, instead of a wildcard arm
/// silently grading or printing it wrong.
#[test]
fn no_match_on_a_question_kind_has_a_wildcard_arm() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut report = String::new();
    for file in files {
        let tokens = without_tests(tokens(&std::fs::read_to_string(&file).unwrap()));
        for n in wildcard_matches(&tokens) {
            writeln!(report, "{}: match #{n} has a `_ =>` arm", file.display()).unwrap();
        }
    }
    assert!(report.is_empty(), "{report}");
    // The check itself finds one.
    let sample = "fn f(k: &Kind) -> u8 { match k { Kind::Single(_) => 1, _ => 0 } }";
    assert_eq!(wildcard_matches(&tokens(sample)), [1]);
    let exhaustive = "fn f(k: &Kind) -> u8 { match k { Kind::Single(_) => 1, Kind::Multi(_) => { match x { _ => 0 } } } }";
    assert!(wildcard_matches(&tokens(exhaustive)).is_empty());
}

/// The variants of `enum NAME` declared in `tokens`: the identifiers at the
/// enum's top level that start a variant (after `{`, `,`, `}` or an
/// attribute's `]`).
fn variants(tokens: &[Token], name: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let Some(start) = tokens.windows(3).position(|w| {
        w[0] == Token::Ident("enum".into())
            && w[1] == Token::Ident(name.into())
            && w[2] == Token::Open
    }) else {
        return found;
    };
    let mut depth = 0;
    let mut previous = Token::Open;
    for token in &tokens[start + 2..] {
        match token {
            Token::Open => depth += 1,
            Token::Close => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            Token::Ident(variant)
                if depth == 1
                    && variant.starts_with(char::is_uppercase)
                    && matches!(
                        previous,
                        Token::Open | Token::Comma | Token::Close | Token::Other(']')
                    ) =>
            {
                found.insert(variant.clone());
            }
            _ => {}
        }
        previous = token.clone();
    }
    found
}

/// The files of `src/` whose code (tests aside) names a variant of a
/// question's kind, `Kind::X` or `QuestionType::X`, with the variants named.
fn files_naming_a_kind() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let model = tokens(&std::fs::read_to_string(src.join("bank/mod.rs")).unwrap());
    let enums = [
        ("Kind", variants(&model, "Kind")),
        ("QuestionType", variants(&model, "QuestionType")),
    ];
    assert!(enums.iter().all(|(_, v)| v.len() >= 10), "{enums:?}");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found = BTreeMap::new();
    for file in files {
        let tokens = without_tests(tokens(&std::fs::read_to_string(&file).unwrap()));
        for w in tokens.windows(3) {
            let (Token::Ident(e), Token::Colons, Token::Ident(v)) = (&w[0], &w[1], &w[2]) else {
                continue;
            };
            if enums.iter().any(|(name, vs)| name == e && vs.contains(v)) {
                let relative = file
                    .strip_prefix(&src)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                found
                    .entry(relative)
                    .or_insert_with(BTreeSet::new)
                    .insert(format!("{e}::{v}"));
            }
        }
    }
    found
}

/// The homes of a question kind: the only files whose code names one. A new
/// kind is its variant and rules in `bank/mod.rs` (model, shape, points,
/// partial credit, instruction, the texts a student reads), its fields in
/// `bank/format.rs` and its parsing in `bank/parse/kinds.rs`; every output,
/// grader and console reads the kind's `Shape` instead (ARCHITECTURE.md,
/// "Adding a question type"). A file that starts naming kinds again grows
/// what a new kind touches: give it a method on the kind or a shape instead.
#[test]
fn only_the_homes_of_a_kind_name_one() {
    const HOMES: [&str; 3] = ["bank/mod.rs", "bank/format.rs", "bank/parse/kinds.rs"];
    let found = files_naming_a_kind();
    let strays: Vec<String> = found
        .iter()
        .filter(|(file, _)| !HOMES.contains(&file.as_str()))
        .map(|(file, named)| {
            format!(
                "{file}: {}",
                named.iter().cloned().collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    assert!(
        strays.is_empty(),
        "kinds named outside their homes:\n{}",
        strays.join("\n")
    );
    // The scan itself sees them where they are.
    for home in HOMES {
        assert!(found.contains_key(home), "{home} names no kind: {found:?}");
    }
}
