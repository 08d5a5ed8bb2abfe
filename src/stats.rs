//! `mediaquiz stats`: how a bank spreads over skills, types and difficulties.

use std::fmt::Write as _;

use crate::bank::{Bank, QuestionType, Skill};

/// The counts behind the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// `by_cell[skill][type]`, in [`Skill::ALL`] × [`QuestionType::ALL`] order.
    pub by_cell: [[usize; 9]; 7],
    /// Questions at difficulty 1, 2 and 3.
    pub by_difficulty: [usize; 3],
    /// All questions.
    pub total: usize,
}

/// Counts a bank's questions.
pub fn stats(bank: &Bank) -> Stats {
    let mut out = Stats {
        by_cell: [[0; 9]; 7],
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

/// The table as printed by `mediaquiz stats`.
pub fn render(bank: &Bank, stats: &Stats) -> String {
    let mut out = String::new();
    let plural = if stats.total == 1 { "" } else { "s" };
    let _ = writeln!(out, "{} ({} question{plural})\n", bank.title, stats.total);
    let names: Vec<String> = QuestionType::ALL.iter().map(ToString::to_string).collect();
    let _ = write!(out, "{:<14}", "skill \\ type");
    for name in &names {
        let _ = write!(out, " {name:>9}");
    }
    let _ = writeln!(out, " {:>7}", "total");
    for (s, skill) in Skill::ALL.iter().enumerate() {
        let _ = write!(out, "{:<14}", skill.to_string());
        for count in stats.by_cell[s] {
            let _ = write!(out, " {:>9}", cell(count));
        }
        let _ = writeln!(out, " {:>7}", stats.by_cell[s].iter().sum::<usize>());
    }
    let _ = write!(out, "{:<14}", "total");
    for t in 0..QuestionType::ALL.len() {
        let _ = write!(
            out,
            " {:>9}",
            stats.by_cell.iter().map(|row| row[t]).sum::<usize>()
        );
    }
    let _ = writeln!(out, " {:>7}\n", stats.total);
    let beyond = stats.total - stats.by_cell[0].iter().sum::<usize>();
    let _ = writeln!(
        out,
        "difficulty    1 (easy): {}   2: {}   3 (hard): {}",
        stats.by_difficulty[0], stats.by_difficulty[1], stats.by_difficulty[2]
    );
    let _ = writeln!(
        out,
        "beyond recall {beyond} of {} ({}%)",
        stats.total,
        (beyond * 100).checked_div(stats.total).unwrap_or(0)
    );
    out
}

fn cell(count: usize) -> String {
    if count == 0 {
        "·".to_owned()
    } else {
        count.to_string()
    }
}
