//! Binding printed versions into one PDF for a duplex printer: each version
//! starts on a right-hand (odd) page, so that a class set printed on both
//! sides separates cleanly into one copy per student. A class set's one-page
//! keys are bound one after the other instead: they stay on the teacher's
//! desk, and blank pages between them would only waste paper.
//!
//! The PDFs are merged rather than one combined HTML page printed: each
//! version keeps its own "page 2 / 3" footer, which CSS page counters could
//! not restart per version.

use lopdf::{Dictionary, Document, Object, ObjectId, dictionary};

use crate::error::{Error, Result};
use crate::i18n::Text;

/// The blank pages to add after a version of `pages` pages so that the next
/// one starts on a right-hand page.
pub fn padding(pages: usize) -> usize {
    pages % 2
}

/// The page (counted from 1) on which each of the versions of `pages` pages
/// starts once bound, and the bound file's page count.
pub fn layout(pages: &[usize]) -> (Vec<usize>, usize) {
    let mut starts = Vec::with_capacity(pages.len());
    let mut next = 1;
    for &count in pages {
        starts.push(next);
        next += count + padding(count);
    }
    (starts, next - 1)
}

/// Page attributes a page may take from its page tree rather than hold
/// itself; a page moved to another tree must hold them.
const INHERITED: [&[u8]; 4] = [b"MediaBox", b"CropBox", b"Resources", b"Rotate"];

/// Binds `parts` (a name, for errors, and a PDF) into one PDF, in order;
/// with `odd_starts`, each starting on a right-hand page (a blank page of
/// the same size follows a part with an odd page count), otherwise one after
/// the other.
pub fn bind(parts: &[(&str, &[u8])], odd_starts: bool) -> Result<Vec<u8>> {
    let mut bound = Document::with_version("1.4");
    let tree = bound.new_object_id();
    let mut kids = Vec::new();
    for (name, bytes) in parts {
        let unreadable = |problem: String| Error::ExternalProgram {
            program: "chromium".to_owned(),
            problem: Text::new(
                format!("le PDF imprimé pour `{name}` n’a pas pu être relié ({problem})"),
                format!("the PDF printed for `{name}` could not be bound ({problem})"),
            ),
            advice: Text::new(
                "les autres fichiers sont écrits : imprimez celui-ci depuis son HTML dans un navigateur, ou faites pointer `CHROME` vers un autre Chromium",
                "the other files are written: print that one from its HTML in a browser, or point `CHROME` at another Chromium",
            ),
        };
        let mut part = Document::load_mem(bytes).map_err(|e| unreadable(e.to_string()))?;
        part.renumber_objects_with(bound.max_id + 1);
        let pages: Vec<ObjectId> = part.page_iter().collect();
        let mut last_size = None;
        for &id in &pages {
            let inherited = inherited(&part, id);
            let page = part
                .get_dictionary_mut(id)
                .map_err(|e| unreadable(e.to_string()))?;
            for (key, value) in inherited {
                if !page.has(key) {
                    page.set(key, value);
                }
            }
            page.set("Parent", tree);
            last_size = page.get(b"MediaBox").ok().cloned();
            kids.push(Object::Reference(id));
        }
        let Some(size) = last_size.filter(|_| !pages.is_empty()) else {
            return Err(unreadable("it has no page".to_owned()));
        };
        bound.max_id = part.max_id;
        bound.objects.extend(part.objects);
        let blanks = if odd_starts { padding(pages.len()) } else { 0 };
        for _ in 0..blanks {
            let blank = bound.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => tree,
                "MediaBox" => size.clone(),
                "Resources" => Dictionary::new(),
            });
            kids.push(Object::Reference(blank));
        }
    }
    let count = i64::try_from(kids.len()).unwrap_or(i64::MAX);
    bound.objects.insert(
        tree,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
        }),
    );
    let catalog = bound.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => tree,
    });
    bound.trailer.set("Root", catalog);
    // The parts' own catalogs and page trees, now unreferenced.
    bound.prune_objects();
    let mut out = Vec::new();
    bound
        .save_to(&mut out)
        .map_err(|source| Error::ExternalProgram {
            program: "chromium".to_owned(),
            problem: Text::new(
                format!("le PDF relié n’a pas pu être écrit ({source})"),
                format!("the bound PDF could not be written ({source})"),
            ),
            advice: Text::new(
                "les PDF de chaque version sont écrits : imprimez ceux-là",
                "the per-version PDFs are written: print those",
            ),
        })?;
    Ok(out)
}

/// The attributes of `INHERITED` that page `id` takes from its ancestors.
fn inherited(document: &Document, id: ObjectId) -> Vec<(&'static [u8], Object)> {
    let mut found = Vec::new();
    let mut node = document.get_dictionary(id).ok();
    // A bounded walk: a malformed tree could loop.
    for _ in 0..32 {
        let Some(parent) = node
            .and_then(|n| n.get(b"Parent").ok())
            .and_then(|p| p.as_reference().ok())
            .and_then(|p| document.get_dictionary(p).ok())
        else {
            break;
        };
        for key in INHERITED {
            if !found.iter().any(|(k, _)| *k == key)
                && let Ok(value) = parent.get(key)
            {
                found.push((key, value.clone()));
            }
        }
        node = Some(parent);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::content::{Content, Operation};
    use lopdf::{Stream, dictionary};

    #[test]
    fn every_version_starts_on_a_right_hand_page() {
        assert_eq!(layout(&[3, 2, 1, 4]), (vec![1, 5, 7, 9], 12));
        assert_eq!(layout(&[2, 2]), (vec![1, 3], 4));
        assert_eq!(layout(&[1]), (vec![1], 2));
        assert_eq!(layout(&[]), (vec![], 0));
        for pages in 0..10 {
            assert_eq!((pages + padding(pages)) % 2, 0);
            assert!(padding(pages) <= 1);
        }
    }

    /// A PDF of `pages` pages, each showing its label, sized by its page
    /// tree (inherited) rather than by each page.
    fn pdf(label: &str, pages: usize) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let tree = doc.new_object_id();
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Courier",
        });
        let resources = doc.add_object(dictionary! {
            "Font" => dictionary! { "F1" => font },
        });
        let kids: Vec<Object> = (1..=pages)
            .map(|n| {
                let content = Content {
                    operations: vec![
                        Operation::new("BT", vec![]),
                        Operation::new("Tf", vec!["F1".into(), 12.into()]),
                        Operation::new("Td", vec![50.into(), 700.into()]),
                        Operation::new("Tj", vec![Object::string_literal(format!("{label}{n}"))]),
                        Operation::new("ET", vec![]),
                    ],
                };
                let stream = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
                doc.add_object(dictionary! {
                    "Type" => "Page", "Parent" => tree, "Contents" => stream,
                })
                .into()
            })
            .collect();
        doc.objects.insert(
            tree,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => kids, "Count" => i64::try_from(pages).unwrap(),
                "Resources" => resources,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => tree });
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    #[test]
    fn bound_parts_keep_their_pages_in_order_with_blanks_between() {
        let (a, b, c) = (pdf("A", 3), pdf("B", 2), pdf("C", 1));
        let bound = bind(&[("a", &a), ("b", &b), ("c", &c)], true).unwrap();
        let doc = Document::load_mem(&bound).unwrap();
        let pages = doc.get_pages();
        assert_eq!(pages.len(), 8);
        let text = |n: u32| doc.extract_text(&[n]).unwrap_or_default();
        let expected = ["A1", "A2", "A3", "", "B1", "B2", "C1", ""];
        for (n, label) in (1..).zip(expected) {
            let on_page = text(n);
            if label.is_empty() {
                assert!(on_page.trim().is_empty(), "page {n}: {on_page:?}");
            } else {
                assert!(on_page.contains(label), "page {n}: {on_page:?}");
            }
            // Every page, blank ones included, has its size, inherited or not.
            let page = doc.get_dictionary(pages[&n]).unwrap();
            assert!(page.get(b"MediaBox").is_ok(), "page {n} has no size");
        }
    }

    #[test]
    fn without_odd_starts_parts_follow_one_another() {
        let (a, b, c) = (pdf("A", 1), pdf("B", 2), pdf("C", 1));
        let bound = bind(&[("a", &a), ("b", &b), ("c", &c)], false).unwrap();
        let doc = Document::load_mem(&bound).unwrap();
        assert_eq!(doc.get_pages().len(), 4);
        for (n, label) in (1..).zip(["A1", "B1", "B2", "C1"]) {
            let on_page = doc.extract_text(&[n]).unwrap_or_default();
            assert!(on_page.contains(label), "page {n}: {on_page:?}");
        }
    }

    #[test]
    fn a_part_that_is_not_a_pdf_is_named() {
        let good = pdf("A", 1);
        let error = bind(
            &[("worksheet-A.pdf", &good), ("worksheet-B.pdf", b"<html>")],
            true,
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains("`worksheet-B.pdf`"), "{error}");
    }
}
