//! Cloze syntax: gaps written `{{answer}}` or `{{answer|other accepted}}`.

use crate::bank::{Lang, Segment};
use crate::i18n::tr;

/// Splits cloze text into text and gaps: `{{answer}}` or `{{answer|other}}`;
/// a problem is worded in `lang`.
pub(super) fn parse_cloze(text: &str, lang: Lang) -> Result<Vec<Segment>, String> {
    let unopened = || {
        tr!(
            lang,
            "le `text` à trous a un `}}}}` sans `{{{{` correspondant",
            "cloze `text` has `}}}}` without a matching `{{{{`",
        )
    };
    let mut segments = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let before = &rest[..open];
        if before.contains("}}") {
            return Err(unopened());
        }
        if !before.is_empty() {
            segments.push(Segment::Text(before.to_owned()));
        }
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            return Err(tr!(
                lang,
                "le `text` à trous a un `{{{{` jamais fermé par `}}}}`",
                "cloze `text` has a `{{{{` that is never closed with `}}}}`",
            ));
        };
        let inner = &after[..close];
        if inner.contains("{{") {
            return Err(tr!(
                lang,
                "le `text` à trous a un `{{{{` dans un autre trou\u{a0}: fermez chaque trou par `}}}}`",
                "cloze `text` has a `{{{{` inside another gap: close each gap with `}}}}`",
            ));
        }
        let forms: Vec<String> = inner
            .split('|')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_owned)
            .collect();
        if forms.is_empty() {
            return Err(tr!(
                lang,
                "le `text` à trous a un trou vide `{{{{}}}}`\u{a0}: écrivez la réponse dedans",
                "cloze `text` has an empty gap `{{{{}}}}`: write the answer inside",
            ));
        }
        segments.push(Segment::Gap(forms));
        rest = &after[close + 2..];
    }
    if rest.contains("}}") {
        return Err(unopened());
    }
    if !rest.is_empty() {
        segments.push(Segment::Text(rest.to_owned()));
    }
    if !segments.iter().any(|s| matches!(s, Segment::Gap(_))) {
        return Err(tr!(
            lang,
            "le `text` à trous n’a aucun trou\u{a0}: marquez chaque trou `{{{{réponse}}}}`",
            "cloze `text` has no gap: mark each gap as `{{{{answer}}}}`",
        ));
    }
    Ok(segments)
}
