//! Every letter mediaquiz prints or reads is made here: the letter of an
//! entry in a list (`A`, `B`… on paper, cards and exports; `a`, `b`… typed
//! in the console) and a version's label (`A`…`Z`, then `AA`, `AB`… so that
//! files sort).

/// The letter of display position `position` on paper, on cards and in
/// exports: `A`…`Z`, then `a`…`z` (lists hold at most 8 entries).
pub fn upper(position: usize) -> char {
    let index = u8::try_from(position % 52).unwrap_or(0);
    if index < 26 {
        char::from(b'A' + index)
    } else {
        char::from(b'a' + index - 26)
    }
}

/// The letter typed for display position `position` in the console: `a`,
/// `b`…
pub fn lower(position: usize) -> char {
    char::from(b'a' + u8::try_from(position % 26).unwrap_or(0))
}

/// The display position a typed letter stands for, if it is one of the
/// first `count` (either case).
pub fn position(letter: char, count: usize) -> Option<usize> {
    let letter = letter.to_ascii_lowercase();
    letter
        .is_ascii_lowercase()
        .then(|| usize::from(letter as u8 - b'a'))
        .filter(|&i| i < count)
}

/// The label of version `index` (from 0) in a run of `count`: one letter up
/// to 26 versions, two up to 676 and so on, every label of a run the same
/// width, since byte order puts `AA` between `A` and `B`.
pub fn version_label(index: usize, count: usize) -> String {
    let mut width = 1;
    let mut capacity = 26usize;
    while capacity < count {
        width += 1;
        capacity = capacity.saturating_mul(26);
    }
    let mut letters = vec![b'A'; width];
    let mut rest = index;
    for slot in letters.iter_mut().rev() {
        // `rest % 26` is below 26, so the cast cannot truncate.
        *slot = b'A' + u8::try_from(rest % 26).unwrap_or(0);
        rest /= 26;
    }
    letters.into_iter().map(char::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_read_back_and_labels_sort() {
        assert_eq!((upper(0), upper(2), upper(26)), ('A', 'C', 'a'));
        assert_eq!((lower(0), lower(7)), ('a', 'h'));
        for n in 0..8 {
            assert_eq!(position(lower(n), 8), Some(n));
            assert_eq!(position(upper(n), 8), Some(n));
        }
        assert_eq!(position('i', 8), None);
        assert_eq!(position('1', 8), None);
        assert_eq!(version_label(0, 3), "A");
        assert_eq!(version_label(26, 27), "BA");
        let labels: Vec<String> = (0..30).map(|i| version_label(i, 30)).collect();
        let mut sorted = labels.clone();
        sorted.sort();
        assert_eq!(labels, sorted);
    }
}
