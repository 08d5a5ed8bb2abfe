//! Spaced-repetition review of the bank as flashcards, scheduled by FSRS
//! (the scheduler Anki uses) with its default parameters and 90% desired
//! retention. Days are calendar days: a card rated "again" comes back later
//! in the same session; the others come back after their interval.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};

use chrono::{Days, NaiveDate};
use fsrs::{FSRS, MemoryState};

use crate::bank::{Bank, Lang, Question, QuestionType, Skill};
use crate::card::{CardView, FrontBody, cloze_line};
use crate::console::{Line, Style, read_line};
use crate::error::{Error, Result};
use crate::i18n::Strings;
use crate::present::quote_line;
use crate::select::{Seed, Shown};
use crate::state::{BankProgress, CardState, NewToday, StateFile};

/// The retention FSRS schedules for: recall 9 times out of 10.
const DESIRED_RETENTION: f32 = 0.9;

/// How well the student remembered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rating {
    /// Forgotten.
    Again,
    /// Remembered with effort.
    Hard,
    /// Remembered.
    Good,
    /// Remembered at once.
    Easy,
}

impl Rating {
    /// Reads `1`-`4`, or the names in French or English.
    pub fn parse(input: &str) -> Option<Rating> {
        match crate::text::fold_answer(input).as_str() {
            "1" | "again" | "a revoir" | "revoir" | "encore" => Some(Rating::Again),
            "2" | "hard" | "difficile" => Some(Rating::Hard),
            "3" | "good" | "bien" => Some(Rating::Good),
            "4" | "easy" | "facile" => Some(Rating::Easy),
            _ => None,
        }
    }
}

/// FSRS with the default parameters.
#[derive(Default)]
pub struct Scheduler {
    fsrs: FSRS,
}

impl std::fmt::Debug for Scheduler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Scheduler(FSRS, default parameters)")
    }
}

impl Scheduler {
    /// The card's state after a rating given on `today`.
    pub fn rate(
        &self,
        card: Option<&CardState>,
        rating: Rating,
        today: NaiveDate,
    ) -> Result<CardState> {
        let memory = card.map(|c| MemoryState {
            stability: c.stability,
            difficulty: c.difficulty,
        });
        let elapsed = card.map_or(0, |c| {
            u32::try_from((today - c.last).num_days().max(0)).unwrap_or(u32::MAX)
        });
        let next = self
            .fsrs
            .next_states(memory, DESIRED_RETENTION, elapsed)
            .map_err(|e| {
                Error::usage(
                    format!("le planificateur a refusé cette fiche ({e})"),
                    format!("the scheduler refused this card: {e}"),
                )
            })?;
        let state = match rating {
            Rating::Again => next.again,
            Rating::Hard => next.hard,
            Rating::Good => next.good,
            Rating::Easy => next.easy,
        };
        let days = if rating == Rating::Again {
            0
        } else {
            // FSRS intervals are fractional days; a card is due at least tomorrow.
            state.interval.round().clamp(1.0, 36_500.0) as u64
        };
        Ok(CardState {
            stability: state.memory.stability,
            difficulty: state.memory.difficulty,
            due: today.checked_add_days(Days::new(days)).unwrap_or(today),
            last: today,
            // Saturating: a counter at its top stays there, not back at 0.
            reps: card.map_or(0, |c| c.reps).saturating_add(1),
            lapses: card
                .map_or(0, |c| c.lapses)
                .saturating_add(u32::from(rating == Rating::Again && card.is_some())),
            extra: card.map(|c| c.extra.clone()).unwrap_or_default(),
        })
    }
}

/// Today's cards: those due, then new ones up to the day's allowance.
#[derive(Debug)]
pub struct Queue<'b> {
    /// Cards due today or overdue, most overdue first.
    pub due: Vec<&'b Question>,
    /// New cards for today, in [`introduction_order`].
    pub new: Vec<&'b Question>,
    /// New cards left for later days.
    pub new_later: usize,
}

/// Builds today's queue from the bank and the saved progress.
pub fn queue<'b>(
    bank: &'b Bank,
    progress: &BankProgress,
    today: NaiveDate,
    new_per_day: u32,
) -> Queue<'b> {
    let mut due: Vec<(&NaiveDate, usize, &Question)> = bank
        .questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            progress
                .cards
                .get(&q.id)
                .filter(|c| c.due <= today)
                .map(|c| (&c.due, i, q))
        })
        .collect();
    due.sort_by_key(|&(due, i, _)| (*due, i));
    let seen_today = progress
        .new_today
        .as_ref()
        .filter(|n| n.date == today)
        .map_or(0, |n| n.count);
    let allowance = usize::try_from(new_per_day.saturating_sub(seen_today)).unwrap_or(usize::MAX);
    let unseen: Vec<&Question> = introduction_order(bank)
        .into_iter()
        .filter(|q| !progress.cards.contains_key(&q.id))
        .collect();
    let new: Vec<&Question> = unseen.iter().take(allowance).copied().collect();
    Queue {
        due: due.into_iter().map(|(_, _, q)| q).collect(),
        new_later: unseen.len() - new.len(),
        new,
    }
}

/// The order new cards come in: round-robin over the skills, recall last in
/// each round (so a first day is not all trivia); within a skill, the type
/// introduced least so far, then the easiest, then bank order. It depends on
/// the bank alone, so it is the same every day and on every machine.
pub fn introduction_order(bank: &Bank) -> Vec<&Question> {
    let mut by_skill: BTreeMap<(bool, Skill), Vec<&Question>> = BTreeMap::new();
    for question in &bank.questions {
        by_skill
            .entry((question.skill == Skill::Recall, question.skill))
            .or_default()
            .push(question);
    }
    let mut order = Vec::with_capacity(bank.questions.len());
    let mut type_counts: BTreeMap<QuestionType, usize> = BTreeMap::new();
    while order.len() < bank.questions.len() {
        for group in by_skill.values_mut() {
            let best = group
                .iter()
                .enumerate()
                .min_by_key(|(i, q)| {
                    let used = type_counts.get(&q.question_type()).copied().unwrap_or(0);
                    (used, q.difficulty, *i)
                })
                .map(|(i, _)| i);
            if let Some(best) = best {
                let question = group.remove(best);
                *type_counts.entry(question.question_type()).or_default() += 1;
                order.push(question);
            }
        }
    }
    order
}

/// How a session runs.
#[derive(Debug, Clone, Copy)]
pub struct ReviewOptions {
    /// Interface language.
    pub lang: Lang,
    /// New cards per day.
    pub new_per_day: u32,
    /// The day it is.
    pub today: NaiveDate,
    /// Terminal colours.
    pub style: Style,
    /// Repeat what is read, when input is not a terminal.
    pub echo: bool,
}

struct Text {
    title: &'static str,
    due_today: &'static str,
    new_today: &'static str,
    later: &'static str,
    saved_in: &'static str,
    new_card: &'static str,
    review_card: &'static str,
    reveal: &'static str,
    answer: &'static str,
    rate: &'static str,
    rate_hint: &'static str,
    again_soon: &'static str,
    next_in: &'static str,
    today: &'static str,
    tomorrow: &'static str,
    within: &'static str,
    date_format: &'static str,
    days: &'static str,
    on: &'static str,
    done: &'static str,
    nothing: &'static str,
    next_card: &'static str,
    still_today: &'static str,
    cards: (&'static str, &'static str),
    reviewed: (&'static str, &'static str),
    stopped: &'static str,
    in_text: &'static str,
}

const FR: Text = Text {
    title: "Révision",
    due_today: "À revoir aujourd’hui",
    new_today: "nouvelles",
    later: "autres pour les jours suivants",
    saved_in: "Progression enregistrée dans",
    new_card: "nouvelle",
    review_card: "à revoir",
    reveal: "Entrée pour voir la réponse · q pour quitter",
    answer: "Réponse",
    rate: "Votre note",
    rate_hint: "1 à revoir · 2 difficile · 3 bien · 4 facile · q pour quitter",
    again_soon: "→ Elle reviendra tout à l’heure.",
    next_in: "→ Prochaine révision",
    today: "aujourd’hui",
    tomorrow: "demain",
    within: "dans",
    date_format: "%d/%m/%Y",
    days: "jours",
    on: "le",
    done: "Session terminée",
    nothing: "Rien à revoir aujourd’hui.",
    next_card: "Prochaine révision :",
    still_today: "Encore pour aujourd’hui :",
    cards: ("carte", "cartes"),
    reviewed: ("carte revue", "cartes revues"),
    stopped: "Session interrompue ; chaque note donnée est enregistrée.",
    in_text: "Dans l’article :",
};

const EN: Text = Text {
    title: "Review",
    due_today: "Due today",
    new_today: "new",
    later: "more for later days",
    saved_in: "Progress saved in",
    new_card: "new",
    review_card: "review",
    reveal: "Enter to see the answer · q to quit",
    answer: "Answer",
    rate: "Your rating",
    rate_hint: "1 again · 2 hard · 3 good · 4 easy · q to quit",
    again_soon: "→ It will come back later in this session.",
    next_in: "→ Next review",
    today: "today",
    tomorrow: "tomorrow",
    within: "in",
    date_format: "%Y-%m-%d",
    days: "days",
    on: "on",
    done: "Session over",
    nothing: "Nothing to review today.",
    next_card: "Next review:",
    still_today: "Still for today:",
    cards: ("card", "cards"),
    reviewed: ("card reviewed", "cards reviewed"),
    stopped: "Session stopped; every rating given is saved.",
    in_text: "In the article:",
};

fn text(lang: Lang) -> &'static Text {
    lang.pick(&FR, &EN)
}

/// "1 carte", "3 cartes".
fn count(lang: Lang, n: usize, (one, many): (&str, &str)) -> String {
    // French uses the singular for 0 and 1; English for 1 only.
    let singular = n == 1 || (n == 0 && lang == Lang::Fr);
    format!("{n} {}", if singular { one } else { many })
}

/// `dd/mm/yyyy` in French, `yyyy-mm-dd` in English.
fn date(lang: Lang, day: NaiveDate) -> String {
    day.format(text(lang).date_format).to_string()
}

/// "tomorrow (…)", "in 3 days (…)", "today".
fn when(lang: Lang, today: NaiveDate, day: NaiveDate) -> String {
    let x = text(lang);
    match (day - today).num_days() {
        ..=0 => x.today.to_owned(),
        1 => format!("{} ({})", x.tomorrow, date(lang, day)),
        n => format!("{} {n} {} ({} {})", x.within, x.days, x.on, date(lang, day)),
    }
}

/// The card of `question` as review shows it. Its lists are shuffled (a match
/// or order card in written order would show its answer) by a generator
/// seeded from the question's id, so a card looks the same every day.
fn card_of(question: &Question, lang: Lang) -> CardView {
    // FNV-1a: a fixed, portable hash, unlike the standard library's.
    let seed = question.id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    CardView::new(&Shown::shuffle(question, &mut Seed(seed).rng()), lang)
}

/// Prints a card's front: its question and everything listed to answer it.
fn print_front(card: &CardView, style: Style, out: &mut dyn Write) -> Result<()> {
    let front = &card.front;
    if !front.prompt.is_empty() {
        writeln!(out, "{}", style.wrap(&front.prompt))?;
    }
    let mut item = |label: String, text: &str| -> Result<()> {
        let line = format!("  {label}. {text}");
        writeln!(out, "{}", style.wrap_indented(&line, "     "))?;
        Ok(())
    };
    match &front.body {
        FrontBody::Nothing => {}
        FrontBody::Choices { choices, .. } => {
            for (letter, text) in choices {
                item(letter.to_string(), text)?;
            }
        }
        FrontBody::Match { left, right } => {
            for (number, text) in left {
                item(number.to_string(), text)?;
            }
            for (letter, text) in right {
                item(letter.to_string(), text)?;
            }
        }
        FrontBody::Order(items) => {
            for (letter, text) in items {
                item(letter.to_string(), text)?;
            }
        }
        FrontBody::TrueFalse(ask) => writeln!(out, "  {}", style.dim(ask))?,
        FrontBody::Verdicts(verdicts) => writeln!(out, "  {}", style.dim(&verdicts.join(" · ")))?,
        FrontBody::Cloze(parts) => writeln!(out, "{}", style.wrap(&cloze_line(parts)))?,
    }
    Ok(())
}

/// Runs a review session on `bank`, saving `state` after every rating.
pub fn run(
    bank: &Bank,
    state: &mut StateFile,
    options: ReviewOptions,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<usize> {
    let (lang, style, today, x) = (
        options.lang,
        options.style,
        options.today,
        text(options.lang),
    );
    let scheduler = Scheduler::default();
    let key = state.progress.claim(&bank.id, &bank.title);
    let progress = state.progress.banks.entry(key.clone()).or_default().clone();
    let today_queue = queue(bank, &progress, today, options.new_per_day);
    writeln!(
        out,
        "{}",
        style.bold(&format!("{} · {}", x.title, bank.title))
    )?;
    let colon = Strings::get(lang).colon;
    writeln!(
        out,
        "{}{colon} {} · {}{colon} {} · {} {}",
        x.due_today,
        today_queue.due.len(),
        x.new_today,
        today_queue.new.len(),
        today_queue.new_later,
        x.later
    )?;
    writeln!(
        out,
        "{}",
        style.dim(&format!("{} {}", x.saved_in, state.path().display()))
    )?;
    if let Some(backup) = &state.backup {
        writeln!(
            out,
            "{}",
            style.dim(&format!("--reset: {}", backup.display()))
        )?;
    }
    if let Some(kept) = &state.migrated {
        let said = lang.pick(
            "progression mise au nouveau format ; l’ancien fichier est gardé dans",
            "progress moved to the new format; the old file is kept in",
        );
        writeln!(out, "{}", style.dim(&format!("{said} {}", kept.display())))?;
    }

    let mut cards: std::collections::VecDeque<(&Question, bool)> = today_queue
        .due
        .iter()
        .map(|q| (*q, false))
        .chain(today_queue.new.iter().map(|q| (*q, true)))
        .collect();
    let total = cards.len();
    // Distinct cards rated: one forgotten and seen again counts once.
    let mut reviewed = std::collections::BTreeSet::new();
    let mut shown = 0;
    let mut stopped = false;
    while let Some((question, is_new)) = cards.pop_front() {
        shown += 1;
        let label = if is_new { x.new_card } else { x.review_card };
        writeln!(
            out,
            "\n{}",
            style.bold(&format!(
                "[{shown}/{}] {label} · {}",
                total.max(shown),
                question.skill.label(lang)
            ))
        )?;
        let card = card_of(question, lang);
        print_front(&card, style, out)?;
        write!(out, "{} › ", style.dim(x.reveal))?;
        out.flush()?;
        match read_line(input, out, options.echo)? {
            Line::Quit | Line::End | Line::Interrupted => {
                stopped = true;
                break;
            }
            Line::Text(_) => {}
        }
        writeln!(out, "{}", style.bold(&format!("── {} ──", x.answer)))?;
        let say = |out: &mut dyn Write, text: &str| writeln!(out, "{}", style.wrap(text));
        for (i, line) in card.back.answer.iter().enumerate() {
            say(
                out,
                &if i == 0 {
                    style.bold(line)
                } else {
                    line.clone()
                },
            )?;
        }
        say(out, &card.back.explanation)?;
        for (quote, place) in &card.back.evidence {
            say(
                out,
                &format!(
                    "{} {}",
                    style.dim(x.in_text),
                    quote_line(quote, place, lang)
                ),
            )?;
        }
        let rating = loop {
            write!(out, "{} ({}) › ", x.rate, x.rate_hint)?;
            out.flush()?;
            match read_line(input, out, options.echo)? {
                Line::Quit | Line::End | Line::Interrupted => break None,
                Line::Text(line) => match Rating::parse(&line) {
                    Some(rating) => break Some(rating),
                    None => writeln!(out, "{}", style.yellow(x.rate_hint))?,
                },
            }
        };
        let Some(rating) = rating else {
            stopped = true;
            break;
        };
        let bank_progress = state.progress.banks.entry(key.clone()).or_default();
        let next = scheduler.rate(bank_progress.cards.get(&question.id), rating, today)?;
        let due = next.due;
        bank_progress.cards.insert(question.id.clone(), next);
        if is_new {
            let (count, extra) = match bank_progress.new_today.take() {
                Some(n) if n.date == today => (n.count, n.extra),
                Some(n) => (0, n.extra),
                None => (0, Default::default()),
            };
            bank_progress.new_today = Some(NewToday {
                date: today,
                count: count.saturating_add(1),
                extra,
            });
        }
        state.save()?;
        reviewed.insert(question.id.as_str());
        if rating == Rating::Again {
            writeln!(out, "{}", x.again_soon)?;
            cards.push_back((question, false));
        } else {
            writeln!(out, "{} {}.", x.next_in, when(lang, today, due))?;
        }
    }

    writeln!(out)?;
    if stopped {
        writeln!(out, "{}", x.stopped)?;
    }
    if total == 0 {
        writeln!(out, "{}", x.nothing)?;
    } else {
        writeln!(
            out,
            "{}{} {}.",
            x.done,
            Strings::get(lang).colon,
            count(lang, reviewed.len(), x.reviewed)
        )?;
    }
    let after = state.progress.banks.get(&key).cloned().unwrap_or_default();
    let left = queue(bank, &after, today, options.new_per_day);
    let left_today = left.due.len() + left.new.len();
    if left_today > 0 {
        writeln!(
            out,
            "{} {}.",
            x.still_today,
            count(lang, left_today, x.cards)
        )?;
    }
    let next = bank
        .questions
        .iter()
        .filter_map(|q| after.cards.get(&q.id))
        .map(|c| c.due)
        .filter(|d| *d > today)
        .min();
    if let Some(day) = next {
        let due = bank
            .questions
            .iter()
            .filter(|q| after.cards.get(&q.id).is_some_and(|c| c.due == day))
            .count();
        writeln!(
            out,
            "{} {} · {}.",
            x.next_card,
            when(lang, today, day),
            count(lang, due, x.cards)
        )?;
    }
    Ok(reviewed.len())
}

#[cfg(test)]
mod tests {

    #[test]
    fn new_cards_come_spread_over_skills_and_types_recall_not_first() {
        let bank = crate::check::load_bank(None).unwrap();
        let first_day = queue(&bank, &BankProgress::default(), day(0), 10).new;
        assert_eq!(first_day.len(), 10);
        assert_ne!(first_day[0].skill, Skill::Recall);
        let recall = first_day
            .iter()
            .filter(|q| q.skill == Skill::Recall)
            .count();
        assert!(recall <= 2, "{recall} recall cards of 10");
        let skills: std::collections::BTreeSet<Skill> = first_day.iter().map(|q| q.skill).collect();
        assert_eq!(skills.len(), Skill::ALL.len(), "every skill on day one");
        let types: std::collections::BTreeSet<QuestionType> =
            first_day.iter().map(|q| q.question_type()).collect();
        assert!(types.len() >= 6, "{} types on day one", types.len());
        let again = queue(&bank, &BankProgress::default(), day(0), 10).new;
        assert_eq!(first_day, again, "deterministic");
        let all = introduction_order(&bank);
        assert_eq!(all.len(), bank.questions.len(), "every card comes in once");
    }

    use super::*;

    fn day(n: u64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 1)
            .unwrap()
            .checked_add_days(Days::new(n))
            .unwrap()
    }

    #[test]
    fn reps_at_u32_max_saturate_and_unknown_fields_stay_with_the_card() {
        let scheduler = Scheduler::default();
        let mut card = scheduler.rate(None, Rating::Good, day(0)).unwrap();
        card.reps = u32::MAX;
        card.lapses = u32::MAX;
        card.extra
            .insert("retrievability".into(), serde_json::json!(0.9));
        let next = scheduler
            .rate(Some(&card), Rating::Again, card.due)
            .unwrap();
        assert_eq!((next.reps, next.lapses), (u32::MAX, u32::MAX));
        assert_eq!(next.extra["retrievability"], serde_json::json!(0.9));
    }

    #[test]
    fn intervals_grow_on_good_and_reset_on_again() {
        let scheduler = Scheduler::default();
        let mut today = day(0);
        let mut card = scheduler.rate(None, Rating::Good, today).unwrap();
        let mut intervals = vec![(card.due - today).num_days()];
        for _ in 0..4 {
            today = card.due;
            card = scheduler.rate(Some(&card), Rating::Good, today).unwrap();
            intervals.push((card.due - today).num_days());
        }
        assert!(
            intervals.windows(2).all(|w| w[1] > w[0]),
            "intervals do not grow: {intervals:?}"
        );
        assert!(intervals[0] >= 1);

        today = card.due;
        let forgotten = scheduler.rate(Some(&card), Rating::Again, today).unwrap();
        assert_eq!(
            forgotten.due, today,
            "a forgotten card comes back the same day"
        );
        assert_eq!(forgotten.lapses, 1);
        assert!(forgotten.stability < card.stability);
        let relearnt = scheduler
            .rate(Some(&forgotten), Rating::Good, today)
            .unwrap();
        assert!(
            (relearnt.due - today).num_days() < *intervals.last().unwrap(),
            "the interval was not reset"
        );
    }

    #[test]
    fn easy_schedules_further_than_hard() {
        let scheduler = Scheduler::default();
        let hard = scheduler.rate(None, Rating::Hard, day(0)).unwrap();
        let easy = scheduler.rate(None, Rating::Easy, day(0)).unwrap();
        assert!(easy.due > hard.due);
    }

    #[test]
    fn ratings_in_words_and_digits() {
        assert_eq!(Rating::parse("3"), Some(Rating::Good));
        assert_eq!(Rating::parse("Facile"), Some(Rating::Easy));
        assert_eq!(Rating::parse("à revoir"), Some(Rating::Again));
        assert_eq!(Rating::parse("5"), None);
    }
}
