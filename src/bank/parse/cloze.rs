//! Cloze syntax: gaps written `{{answer}}` or `{{answer|other accepted}}`.

use crate::bank::Segment;

/// Splits cloze text into text and gaps: `{{answer}}` or `{{answer|other}}`.
pub(super) fn parse_cloze(text: &str) -> Result<Vec<Segment>, String> {
    let mut segments = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let before = &rest[..open];
        if before.contains("}}") {
            return Err("cloze `text` has `}}` without a matching `{{`".to_owned());
        }
        if !before.is_empty() {
            segments.push(Segment::Text(before.to_owned()));
        }
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            return Err("cloze `text` has a `{{` that is never closed with `}}`".to_owned());
        };
        let inner = &after[..close];
        if inner.contains("{{") {
            return Err(
                "cloze `text` has a `{{` inside another gap: close each gap with `}}`".to_owned(),
            );
        }
        let forms: Vec<String> = inner
            .split('|')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_owned)
            .collect();
        if forms.is_empty() {
            return Err("cloze `text` has an empty gap `{{}}`: write the answer inside".to_owned());
        }
        segments.push(Segment::Gap(forms));
        rest = &after[close + 2..];
    }
    if rest.contains("}}") {
        return Err("cloze `text` has `}}` without a matching `{{`".to_owned());
    }
    if !rest.is_empty() {
        segments.push(Segment::Text(rest.to_owned()));
    }
    if !segments.iter().any(|s| matches!(s, Segment::Gap(_))) {
        return Err("cloze `text` has no gap: mark each gap as `{{answer}}`".to_owned());
    }
    Ok(segments)
}
