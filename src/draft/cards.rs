//! Cards for organisations: an acronym with its expansion ("Cadre stratégique
//! permanent (CSP)") and named bodies ("Groupe Wagner").

/// A name worth a flashcard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// The card's front: the acronym, or the organisation's name.
    pub front: String,
    /// The expansion, or empty for a named body.
    pub expansion: String,
    /// The passage that defines it, verbatim.
    pub passage: String,
}

const SMALL: &[&str] = &[
    "de", "des", "du", "d", "la", "le", "les", "l", "et", "pour", "of", "the", "and", "for", "on",
    "in",
];

const BODIES: &[&str] = &[
    "Groupe",
    "Alliance",
    "Front",
    "Mouvement",
    "Conseil",
    "Union",
    "Organisation",
    "Ministère",
    "Parti",
    "Banque",
    "Fonds",
    "Institut",
    "Association",
    "Commission",
    "Comité",
    "Agence",
    "Group",
    "Council",
    "Ministry",
    "Department",
    "Agency",
    "Army",
    "Movement",
    "Party",
    "Bank",
    "Fund",
    "Institute",
    "Committee",
    "Federation",
    "Fédération",
    "Office",
    "Trust",
    "Society",
];

/// Acronyms defined in `text` as "Expansion (ACR)", where the expansion's
/// initials spell the acronym.
pub fn acronyms(text: &str) -> Vec<Name> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find('(') {
        let open = from + at;
        from = open + 1;
        let Some(len) = text[open + 1..].find(')') else {
            break;
        };
        let acronym = &text[open + 1..open + 1 + len];
        // "CSP", "ARS", and "CoC": the capitals are the initials.
        let letters: Vec<char> = acronym.chars().filter(|c| c.is_uppercase()).collect();
        let word =
            acronym.chars().all(char::is_alphabetic) && acronym.starts_with(char::is_uppercase);
        if !word || !(2..=8).contains(&letters.len()) || acronym.chars().count() > 8 {
            continue;
        }
        let before = text[..open].trim_end();
        let words: Vec<(usize, &str)> = before
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect();
        // Walk back over the words until their initials (small words skipped) spell the acronym.
        let mut initials = Vec::new();
        let mut start = None;
        for &(offset, word) in words.iter().rev().take(letters.len() * 3) {
            let word_core = word.rsplit(['\'', '’']).next().unwrap_or(word);
            if SMALL.contains(&word_core.to_lowercase().as_str()) {
                continue;
            }
            let Some(initial) = word_core.chars().next() else {
                break;
            };
            initials.insert(0, initial.to_uppercase().next().unwrap_or(initial));
            let core_offset = offset + (word.len() - word_core.len());
            if initials.len() == letters.len() {
                if initials == letters {
                    start = Some(core_offset);
                }
                break;
            }
        }
        if let Some(start) = start {
            let expansion = text[start..open].trim_end().to_owned();
            if !found.iter().any(|n: &Name| n.front == acronym) {
                found.push(Name {
                    front: acronym.to_owned(),
                    passage: text[start..open + len + 2].to_owned(),
                    expansion,
                });
            }
        }
    }
    found
}

/// Named bodies: "Groupe Wagner", "Alliance des États du Sahel".
pub fn bodies(text: &str) -> Vec<Name> {
    let mut found = Vec::new();
    for body in BODIES {
        let mut from = 0;
        while let Some(at) = text[from..].find(body) {
            let start = from + at;
            from = start + body.len();
            let boundary = text[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if !boundary {
                continue;
            }
            // The name runs on over capitalised words and the small words between them.
            let mut end = start + body.len();
            let base = end;
            for word in text[base..].split_whitespace() {
                let offset = word.as_ptr() as usize - text.as_ptr() as usize;
                let core = word.trim_end_matches([',', '.', ';', ':', '»', '"', '”', ')']);
                if core.chars().next().is_some_and(char::is_uppercase) {
                    end = offset + core.len();
                    if core.len() != word.len() {
                        break;
                    }
                } else if !SMALL.contains(&core.to_lowercase().as_str()) {
                    break;
                }
            }
            let name = text[start..end].trim().to_owned();
            if name.len() > body.len() && !found.iter().any(|n: &Name| n.front == name) {
                found.push(Name {
                    front: name.clone(),
                    expansion: String::new(),
                    passage: name,
                });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_with_their_expansion() {
        let text = "les rebelles touareg du Cadre stratégique permanent (CSP), puis l'ONU (voir ci-dessous).";
        let found = acronyms(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].front, "CSP");
        assert_eq!(found[0].expansion, "Cadre stratégique permanent");
        assert_eq!(found[0].passage, "Cadre stratégique permanent (CSP)");
        let en = acronyms("the World Health Organization (WHO) said");
        assert_eq!(en[0].expansion, "World Health Organization");
        let mixed = acronyms("According to the Chamber of Commerce (CoC), shops");
        assert_eq!(mixed[0].expansion, "Chamber of Commerce");
    }

    #[test]
    fn named_bodies() {
        let names: Vec<String> = bodies(
            "ses alliés russes du Groupe Wagner de violer l' « Alliance des États du Sahel » avec",
        )
        .into_iter()
        .map(|n| n.front)
        .collect();
        assert_eq!(names, ["Groupe Wagner", "Alliance des États du Sahel"]);
    }
}
