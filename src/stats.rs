//! `mediaquiz stats`: how a bank spreads over skills, types and difficulties.

use std::fmt::Write as _;

use crate::bank::{Bank, Lang, QuestionType, Skill};

/// The counts behind the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// `by_cell[skill][type]`, in [`Skill::ALL`] × [`QuestionType::ALL`] order.
    pub by_cell: [[usize; QuestionType::ALL.len()]; Skill::ALL.len()],
    /// Questions at difficulty 1, 2 and 3.
    pub by_difficulty: [usize; 3],
    /// All questions.
    pub total: usize,
}

/// Counts a bank's questions.
pub fn stats(bank: &Bank) -> Stats {
    let mut out = Stats {
        by_cell: [[0; QuestionType::ALL.len()]; Skill::ALL.len()],
        by_difficulty: [0; 3],
        total: bank.questions.len(),
    };
    for q in &bank.questions {
        let s = Skill::ALL.iter().position(|&s| s == q.skill).unwrap_or(0);
        let t = QuestionType::ALL
            .iter()
            .position(|&t| t == q.question_type())
            .unwrap_or(0);
        out.by_cell[s][t] += 1;
        out.by_difficulty[usize::from(q.difficulty.clamp(1, 3)) - 1] += 1;
    }
    out
}

/// The table as printed by `mediaquiz stats`: each column as wide as its
/// name or its largest count, so it fits an 80-column terminal.
pub fn render(bank: &Bank, stats: &Stats, lang: Lang) -> String {
    let mut out = String::new();
    // Skills are said in the interface language (the `--skill` values are
    // listed under the table); types keep the bank's short names, which fit
    // 80 columns and are what `--type` takes.
    let corner = lang.pick("compétence \\ type", "skill \\ type");
    let skill_name = |skill: &Skill| match lang {
        Lang::Fr => skill.label(lang).to_owned(),
        Lang::En => skill.to_string(),
    };
    let total_word = "total";
    let _ = writeln!(
        out,
        "{} ({})\n",
        bank.title,
        crate::i18n::count(lang, stats.total, "question", "questions")
    );
    let type_totals: Vec<usize> = (0..QuestionType::ALL.len())
        .map(|t| stats.by_cell.iter().map(|row| row[t]).sum())
        .collect();
    let columns: Vec<(String, usize)> = QuestionType::ALL
        .iter()
        .zip(&type_totals)
        .map(|(t, &total)| {
            // "t/f" keeps the table within 80 columns now that `open` has one.
            let name = t.short_name();
            let width = name.len().max(total.to_string().len());
            (name, width)
        })
        .collect();
    let first = Skill::ALL
        .iter()
        .map(|s| skill_name(s).chars().count())
        .chain([corner.chars().count()])
        .max()
        .unwrap_or(0);
    let last = total_word.len().max(stats.total.to_string().len());
    let _ = write!(out, "{corner:<first$}");
    for (name, width) in &columns {
        let _ = write!(out, " {name:>width$}");
    }
    let _ = writeln!(out, " {total_word:>last$}");
    for (s, skill) in Skill::ALL.iter().enumerate() {
        let _ = write!(out, "{:<first$}", skill_name(skill));
        for (count, (_, width)) in stats.by_cell[s].iter().zip(&columns) {
            let _ = write!(out, " {:>width$}", cell(*count));
        }
        let _ = writeln!(out, " {:>last$}", stats.by_cell[s].iter().sum::<usize>());
    }
    let _ = write!(out, "{total_word:<first$}");
    for (total, (_, width)) in type_totals.iter().zip(&columns) {
        let _ = write!(out, " {total:>width$}");
    }
    let _ = writeln!(out, " {:>last$}\n", stats.total);
    let beyond = stats.total - stats.by_cell[0].iter().sum::<usize>();
    let [easy, middle, hard] = stats.by_difficulty;
    let share = percent(beyond, stats.total);
    let total = stats.total;
    let _ = match lang {
        Lang::Fr => writeln!(
            out,
            "difficulté    1 (facile)\u{A0}: {easy}   2\u{A0}: {middle}   3 (difficile)\u{A0}: {hard}\nau-delà du rappel {beyond} sur {total} ({share}\u{A0}%)\ncompétences (--skill)\u{A0}: {}",
            // Two a line: the list stays within 80 columns.
            Skill::ALL
                .chunks(2)
                .map(|pair| pair
                    .iter()
                    .map(|s| format!("{s} ({})", s.label(lang)))
                    .collect::<Vec<_>>()
                    .join(", "))
                .collect::<Vec<_>>()
                .join(",\n  ")
        ),
        Lang::En => writeln!(
            out,
            "difficulty    1 (easy): {easy}   2: {middle}   3 (hard): {hard}\nbeyond recall {beyond} of {total} ({share}%)"
        ),
    };
    out
}

/// `part` of `whole` in percent, rounded to the nearest (half up): 8 of 9
/// is 89, not the 88 that integer division gives.
pub fn percent(part: usize, whole: usize) -> usize {
    (part * 200 + whole).checked_div(2 * whole).unwrap_or(0)
}

fn cell(count: usize) -> String {
    if count == 0 {
        "·".to_owned()
    } else {
        count.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_to_the_nearest() {
        assert_eq!(percent(8, 9), 89);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(1, 2), 50);
        assert_eq!(percent(1, 200), 1);
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(9, 9), 100);
    }

    #[test]
    fn the_shipped_bank_fits_80_columns() {
        let bank = crate::check::load_bank(None).expect("the shipped bank loads");
        let table = render(&bank, &stats(&bank), Lang::Fr);
        for line in table.lines() {
            assert!(
                line.chars().count() <= 80,
                "{} columns: {line}",
                line.chars().count()
            );
        }
    }
}
