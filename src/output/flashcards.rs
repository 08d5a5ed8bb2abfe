//! Printable flashcards: 8 cards a page (2 columns × 4 rows: A7 cards on A4,
//! 4.25 × 2.75 in on Letter), each page of fronts followed by the page of
//! their backs, laid out so that the printer's duplex puts every back behind
//! its front. Fronts and backs come from [`CardView`]; this module only
//! places them and sizes their text.
//!
//! Text is never cut: each face gets a font-size step from an estimate of the
//! lines it needs (computed here, from the card's size and the text's length,
//! so the page needs no script), down to 7 pt. A face that needs more than
//! the card holds even at 7 pt is reported by id, with advice.

use askama::Template;

use super::{OutFile, Output, RenderContext, Target};
use crate::bank::Lang;
use crate::card::{CardView, ClozePart, FrontBody};
use crate::error::{Error, Result};
use crate::i18n::{self, typography};
use crate::present::quote_line;
use crate::render::Paper;
use crate::select::Shown;

/// Cards a page: columns and rows.
pub const COLUMNS: usize = 2;
/// Rows of cards a page.
pub const ROWS: usize = 4;
/// Cards a page.
pub const PER_PAGE: usize = COLUMNS * ROWS;

/// How the backs are placed so that they land behind their fronts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Duplex {
    /// Duplex, flipped on the long edge (the usual setting): the backs' page
    /// mirrors the columns.
    #[default]
    Long,
    /// Duplex, flipped on the short edge: the backs' page mirrors the rows.
    Short,
    /// No duplex: each front beside its back (4 cards a page), to fold along
    /// the middle.
    Fold,
}

impl Duplex {
    /// The cell, `(row, column)`, that backs onto cell `(row, column)` of the
    /// fronts' page.
    pub fn mirror(self, row: usize, column: usize) -> (usize, usize) {
        match self {
            Duplex::Long | Duplex::Fold => (row, COLUMNS - 1 - column),
            Duplex::Short => (ROWS - 1 - row, column),
        }
    }
}

/// The flashcards output: one HTML file.
#[derive(Debug, Clone)]
pub struct Flashcards {
    /// The file's name in the target folder (`flashcards.html`).
    pub file_name: String,
    /// How backs are placed.
    pub duplex: Duplex,
}

/// The font-size steps of a face, largest first (pt). The last is the
/// readable minimum.
pub const STEPS_PT: [f32; 5] = [11.0, 10.0, 9.0, 8.0, 7.0];

/// A card face's text that cannot fit even at the smallest step.
#[derive(Debug, Clone, PartialEq)]
pub struct TooLong {
    /// The question's id.
    pub id: String,
    /// `front` or `back`.
    pub side: &'static str,
    /// Estimated lines needed at the smallest step.
    pub needed: f32,
    /// Lines the card holds at the smallest step.
    pub room: f32,
}

/// A block of text on a face, as the template prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph; `class` says what it is (`prompt`, `answer`,
    /// `detail`, `explanation`, `quote`, `ask`).
    Text {
        /// CSS class.
        class: &'static str,
        /// The text.
        text: String,
    },
    /// A list of `(mark, text)`: lettered choices, order items.
    Items(Vec<(String, String)>),
    /// The two columns of a match card.
    Columns(Vec<(String, String)>, Vec<(String, String)>),
    /// Cloze text: `(text, blank number or 0)` pieces.
    Cloze(Vec<(String, usize)>),
}

/// One face of a card, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Face {
    /// The question's id.
    pub id: String,
    /// The corner label: skill · id.
    pub label: String,
    /// Its blocks.
    pub blocks: Vec<Block>,
    /// The font-size step, `0` (largest) to `4` (7 pt).
    pub step: usize,
    /// Too long even at 7 pt: named in the run's warning, and marked in the
    /// page (`too-long`) so the print check can tell it from an unannounced overflow.
    pub too_long: bool,
}

/// A cell of a page: a face, or nothing (the last page's empty places).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// `front` or `back`, or `empty`.
    pub side: &'static str,
    /// The face printed there.
    pub face: Option<Face>,
}

/// One printed page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Its heading for screen readers ("Recto 1"…).
    pub heading: String,
    /// Cells in reading order, row by row.
    pub cells: Vec<Cell>,
}

/// The printable area of a card, in millimetres, and how much a line takes.
#[derive(Debug, Clone, Copy)]
struct Room {
    width_mm: f32,
    height_mm: f32,
}

/// Card box sizes (mm), from the paper, and the padding the CSS gives.
fn room(paper: Paper) -> Room {
    let (card_w, card_h) = card_mm(paper);
    // Padding 5 mm each side and 3 mm top and bottom, plus the corner label
    // line (7 pt ≈ 3.5 mm, and its margin): see `flashcards.css`.
    Room {
        width_mm: card_w - 2.0 * PAD_X_MM,
        height_mm: card_h - 2.0 * PAD_Y_MM - LABEL_MM,
    }
}

const PAD_X_MM: f32 = 5.0;
const PAD_Y_MM: f32 = 3.0;
const LABEL_MM: f32 = 4.5;
/// Average advance of a character of the sans-serif face, in em, over French
/// or English prose with spaces, capitals and bold marks (Arial, Liberation
/// Sans). Measured in Chromium on the shipped bank: 0.43 lets a match card's
/// columns run over, and at 0.45 three open-question backs (model answer and
/// rubric) ran over by a few pixels on Letter without a warning; at 0.47 every
/// face that runs over is one the warning names.
/// `tests/browser/flashcards.mjs` checks every printed card.
const CHAR_EM: f32 = 0.47;
/// The share of the box the estimate may fill: word wrapping in Chromium
/// leaves more of some lines empty than `lines_of` counts (the revised
/// shipped banks ran over by up to 10 px of 230 with the whole box).
const SAFETY: f32 = 0.92;
/// The CSS line height.
const LINE_HEIGHT: f32 = 1.25;
/// Space between blocks, in lines: the CSS gap of 0.35 em over the line
/// height.
const BLOCK_GAP: f32 = 0.35 / LINE_HEIGHT;
/// Width of a cloze blank, in characters.
const BLANK_CHARS: usize = 9;
const MM_PER_PT: f32 = 25.4 / 72.0;

/// A card's size on `paper`, in millimetres: width × height.
pub fn card_mm(paper: Paper) -> (f32, f32) {
    match paper {
        Paper::A4 => (105.0, 74.0),
        Paper::Letter => (4.25 * 25.4, 2.75 * 25.4),
    }
}

/// Lines a text of `chars` characters takes in a column of `per_line`.
fn lines_of(chars: usize, per_line: usize) -> f32 {
    let per_line = per_line.max(1);
    let lines = if chars <= per_line {
        1
    } else {
        // Word wrapping leaves the end of most lines empty: count a twelfth more.
        (chars + chars / 12).div_ceil(per_line)
    };
    #[allow(clippy::cast_precision_loss)]
    let lines = lines as f32;
    lines
}

/// The lines `blocks` need at `size_pt` in a box `width_mm` wide.
fn needed_lines(blocks: &[Block], size_pt: f32, width_mm: f32) -> f32 {
    let char_mm = size_pt * MM_PER_PT * CHAR_EM;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let per_line = |w: f32| (w / char_mm).floor().max(1.0) as usize;
    let full = per_line(width_mm);
    let len = |s: &str| s.chars().count();
    let mut lines = 0.0;
    for block in blocks {
        lines += match block {
            Block::Text { text, .. } => lines_of(len(text), full),
            Block::Items(items) => items
                .iter()
                .map(|(mark, text)| lines_of(len(mark) + 1 + len(text), full))
                .sum(),
            Block::Columns(left, right) => {
                // Two columns with a 4 mm gutter; the taller one counts.
                let half = per_line((width_mm - 4.0) / 2.0);
                let column = |items: &[(String, String)]| -> f32 {
                    items
                        .iter()
                        .map(|(mark, text)| lines_of(len(mark) + 1 + len(text), half))
                        .sum()
                };
                column(left).max(column(right))
            }
            Block::Cloze(parts) => {
                let chars = parts
                    .iter()
                    .map(|(text, blank)| len(text) + if *blank > 0 { BLANK_CHARS } else { 0 })
                    .sum();
                lines_of(chars, full)
            }
        };
    }
    #[allow(clippy::cast_precision_loss)]
    let gaps = blocks.len().saturating_sub(1) as f32 * BLOCK_GAP;
    lines + gaps
}

/// The largest step at which `blocks` fit the card, or the lines needed and
/// the room at the smallest step when none does.
fn fit(blocks: &[Block], paper: Paper) -> std::result::Result<usize, (f32, f32)> {
    let room = room(paper);
    let mut last = (0.0, 0.0);
    for (step, size) in STEPS_PT.iter().enumerate() {
        let needed = needed_lines(blocks, *size, room.width_mm);
        let fits = SAFETY * room.height_mm / (size * MM_PER_PT * LINE_HEIGHT);
        if needed <= fits {
            return Ok(step);
        }
        last = (needed, fits);
    }
    Err(last)
}

fn pairs(items: &[(char, String)], lang: Lang) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(mark, text)| (format!("{mark}."), typography(lang, text)))
        .collect()
}

fn front_blocks(card: &CardView, lang: Lang) -> Vec<Block> {
    let typo = |s: &str| typography(lang, s);
    let mut blocks = Vec::new();
    if !card.front.prompt.is_empty() {
        blocks.push(Block::Text {
            class: "prompt",
            text: typo(&card.front.prompt),
        });
    }
    match &card.front.body {
        FrontBody::Nothing => {}
        FrontBody::Choices { choices, several } => {
            blocks.push(Block::Items(pairs(choices, lang)));
            if *several {
                blocks.push(Block::Text {
                    class: "ask",
                    text: typo(lang.pick(
                        "Plusieurs réponses possibles.",
                        "More than one answer may be right.",
                    )),
                });
            }
        }
        FrontBody::TrueFalse(ask) => blocks.push(Block::Text {
            class: "ask",
            text: typo(ask),
        }),
        FrontBody::Verdicts(verdicts) => blocks.push(Block::Text {
            class: "ask",
            text: typo(&verdicts.join(" · ")),
        }),
        FrontBody::Cloze(parts) => blocks.push(Block::Cloze(
            parts
                .iter()
                .map(|p| match p {
                    ClozePart::Text(text) => (typo(text), 0),
                    ClozePart::Blank(n) => (String::new(), *n),
                })
                .collect(),
        )),
        FrontBody::Match { left, right } => blocks.push(Block::Columns(
            left.iter()
                .map(|(n, text)| (format!("{n}."), typo(text)))
                .collect(),
            pairs(right, lang),
        )),
        FrontBody::Order(items) => blocks.push(Block::Items(pairs(items, lang))),
    }
    blocks
}

fn back_blocks(card: &CardView, lang: Lang) -> Vec<Block> {
    let typo = |s: &str| typography(lang, s);
    let mut blocks = Vec::new();
    for (i, line) in card.back.answer.iter().enumerate() {
        blocks.push(Block::Text {
            class: if i == 0 { "answer" } else { "detail" },
            text: typo(line),
        });
    }
    if !card.back.explanation.is_empty() {
        blocks.push(Block::Text {
            class: "explanation",
            text: typo(&card.back.explanation),
        });
    }
    for (quote, place) in &card.back.evidence {
        blocks.push(Block::Text {
            class: "quote",
            text: typo(&quote_line(quote, place, lang)),
        });
    }
    blocks
}

/// The faces of one card, each with its size step, and any face too long.
fn faces(card: &CardView, lang: Lang, paper: Paper, too_long: &mut Vec<TooLong>) -> (Face, Face) {
    let label = format!("{} · {}", card.skill.label(lang), card.id);
    let mut face = |side: &'static str, blocks: Vec<Block>| {
        let fitted = fit(&blocks, paper);
        let reported = fitted.is_err();
        let step = fitted.unwrap_or_else(|(needed, room)| {
            too_long.push(TooLong {
                id: card.id.clone(),
                side,
                needed,
                room,
            });
            STEPS_PT.len() - 1
        });
        Face {
            id: card.id.clone(),
            label: typography(lang, &label),
            blocks,
            step,
            too_long: reported,
        }
    };
    let front = face("front", front_blocks(card, lang));
    let back = face("back", back_blocks(card, lang));
    (front, back)
}

/// The pages for `cards` (fronts, backs) placed for `duplex`.
pub fn pages(cards: Vec<(Face, Face)>, duplex: Duplex, lang: Lang) -> Vec<Page> {
    let (recto, verso, sheet) = (
        lang.pick("Recto", "Fronts"),
        lang.pick("Verso", "Backs"),
        lang.pick("Feuille", "Sheet"),
    );
    let empty = || Cell {
        side: "empty",
        face: None,
    };
    let mut out = Vec::new();
    if duplex == Duplex::Fold {
        for (n, chunk) in cards.chunks(ROWS).enumerate() {
            let mut cells = Vec::with_capacity(PER_PAGE);
            for row in 0..ROWS {
                let (front, back) = chunk
                    .get(row)
                    .map_or((None, None), |(f, b)| (Some(f.clone()), Some(b.clone())));
                let side = |name, face: &Option<Face>| Cell {
                    side: if face.is_some() { name } else { "empty" },
                    face: face.clone(),
                };
                cells.push(side("front", &front));
                cells.push(side("back", &back));
            }
            out.push(Page {
                heading: format!("{sheet} {}", n + 1),
                cells,
            });
        }
        return out;
    }
    for (n, chunk) in cards.chunks(PER_PAGE).enumerate() {
        let mut fronts = vec![empty(); PER_PAGE];
        let mut backs = vec![empty(); PER_PAGE];
        for (k, (front, back)) in chunk.iter().enumerate() {
            let (row, column) = (k / COLUMNS, k % COLUMNS);
            fronts[k] = Cell {
                side: "front",
                face: Some(front.clone()),
            };
            let (r, c) = duplex.mirror(row, column);
            backs[r * COLUMNS + c] = Cell {
                side: "back",
                face: Some(back.clone()),
            };
        }
        out.push(Page {
            heading: format!("{sheet} {} · {recto}", n + 1),
            cells: fronts,
        });
        out.push(Page {
            heading: format!("{sheet} {} · {verso}", n + 1),
            cells: backs,
        });
    }
    out
}

#[derive(Template)]
#[template(path = "flashcards.html")]
struct FlashcardsPage<'a> {
    lang: &'static str,
    /// The bank's language, marked on its text when the interface differs.
    content: Option<&'static str>,
    title: String,
    paper: &'static str,
    card_w: String,
    card_h: String,
    sizes: Vec<(usize, String)>,
    pages: Vec<Page>,
    help: String,
    remake_label: &'static str,
    remake: &'a str,
}

/// Every card of `ctx` (front and back faces), and the faces that cannot fit.
pub fn deck(ctx: &RenderContext<'_>) -> (Vec<(Face, Face)>, Vec<TooLong>) {
    let lang = ctx.lang;
    // The shuffles are the context's (version A); the order is the
    // selection's, spread over skills.
    let shown: Vec<&Shown<'_>> = ctx
        .questions
        .iter()
        .filter_map(|q| {
            ctx.versions
                .first()
                .and_then(|v| v.questions().find(|s| s.question.id == q.id))
        })
        .collect();
    let mut too_long = Vec::new();
    let cards = shown
        .iter()
        .map(|s| faces(&CardView::new(s, lang), lang, ctx.paper, &mut too_long))
        .collect();
    (cards, too_long)
}

/// The flashcards page of `ctx`, its backs placed for `duplex`, and the
/// faces too long for a card even at the smallest size.
pub fn render(ctx: &RenderContext<'_>, duplex: Duplex) -> Result<(String, Vec<TooLong>)> {
    let lang = ctx.lang;
    let (cards, too_long) = deck(ctx);
    let (w, h) = card_mm(ctx.paper);
    let help = match duplex {
        Duplex::Long => lang.pick(
            "Imprimez en recto verso, retournement sur le bord long, à 100 % (sans « ajuster à la page ») ; puis coupez le long des traits.",
            "Print double-sided, flip on long edge, at 100% (no “fit to page”); then cut along the marks.",
        ),
        Duplex::Short => lang.pick(
            "Imprimez en recto verso, retournement sur le bord court, à 100 % (sans « ajuster à la page ») ; puis coupez le long des traits.",
            "Print double-sided, flip on short edge, at 100% (no “fit to page”); then cut along the marks.",
        ),
        Duplex::Fold => lang.pick(
            "Imprimez sur une face, à 100 % ; coupez chaque rangée, pliez-la au milieu (question d’un côté, réponse de l’autre) et collez.",
            "Print single-sided, at 100%; cut each row, fold it along the middle (question on one side, answer on the other) and glue.",
        ),
    };
    let page = FlashcardsPage {
        lang: lang.tag(),
        content: (ctx.bank.language != lang).then(|| ctx.bank.language.tag()),
        title: typography(ctx.bank.language, &ctx.bank.title),
        paper: ctx.paper.css(),
        card_w: format!("{w:.2}mm"),
        card_h: format!("{h:.2}mm"),
        sizes: STEPS_PT
            .iter()
            .enumerate()
            .map(|(i, s)| (i, format!("{s}pt")))
            .collect(),
        pages: pages(cards, duplex, lang),
        help: typography(lang, help),
        remake_label: i18n::Strings::get(lang).remake,
        remake: &ctx.remake.content,
    };
    Ok((page.render()?, too_long))
}

/// The warning for faces too long to fit even at the smallest size, in `lang`.
pub fn too_long_warning(too_long: &[TooLong], lang: Lang) -> Option<String> {
    if too_long.is_empty() {
        return None;
    }
    let list: Vec<String> = too_long
        .iter()
        // Rounded apart (needed up, room down), so that a face just over
        // never reads "about 20 lines for 20".
        .map(|t| {
            let side = match (lang, t.side) {
                (Lang::Fr, "front") => "recto",
                (Lang::Fr, "back") => "verso",
                (_, side) => side,
            };
            let (needed, room) = (t.needed.ceil(), t.room.floor());
            lang.pick(
                format!(
                    "`{}` ({side} : environ {needed:.0} lignes pour {room:.0})",
                    t.id
                ),
                format!("`{}` ({side}: about {needed:.0} lines for {room:.0})", t.id),
            )
        })
        .collect();
    let (n, list, one) = (too_long.len(), list.join(", "), too_long.len() == 1);
    let message = i18n::say(
        lang,
        &format!(
            "{n} face{} de fiche {} trop longue{} même en 7 pt, et serai{} coupée{} au bord : {list} ; raccourcissez l’énoncé, les choix, l’explication ou la citation dans la banque, ou laissez-{} de côté avec `--type`/`--skill`/`--tag`",
            i18n::s_fr(n),
            if one { "est" } else { "sont" },
            i18n::s_fr(n),
            if one { "t" } else { "ent" },
            i18n::s_fr(n),
            if one { "la" } else { "les" },
        ),
        &format!(
            "{n} card face{} too long for a card even at 7 pt, and would be cut at {} edge: {list}; shorten the prompt, choices, explanation or quote in the bank, or leave {} out with `--type`/`--skill`/`--tag`",
            if one { " is" } else { "s are" },
            if one { "its" } else { "their" },
            if one { "it" } else { "them" }
        ),
    );
    Some(format!("{} {message}", i18n::warning_word(lang)))
}

impl Output for Flashcards {
    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<OutFile>> {
        let (html, too_long) = render(ctx, self.duplex)?;
        let mut file = OutFile::new(self.file_name.clone(), html.into_bytes());
        file.warnings.extend(too_long_warning(&too_long, ctx.lang));
        Ok(vec![file])
    }

    fn target(&self) -> Target {
        Flashcards::TARGET
    }

    /// A deck is where flashcard-only questions belong.
    fn carries_cards(&self) -> bool {
        true
    }

    fn owns(&self, file_name: &str) -> bool {
        let stem = self
            .file_name
            .strip_suffix(".html")
            .unwrap_or(&self.file_name);
        file_name == self.file_name || file_name == format!("{stem}.pdf")
    }
}

impl Flashcards {
    /// One HTML file, `--out FILE`.
    pub const TARGET: Target = Target::File {
        example: "flashcards.html",
    };

    /// Checks that `name` can be the file's name: an `.html` file.
    pub fn check_name(name: &str) -> Result<()> {
        if name.ends_with(".html") {
            Ok(())
        } else {
            Err(Error::usage(
                format!(
                    "`--out {name}` : les fiches sont une page HTML ; nommez un fichier qui finit par `.html`, comme `flashcards.html`"
                ),
                format!(
                    "`--out {name}`: flashcards are an HTML page; name a file ending in `.html`, like `flashcards.html`"
                ),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn face(id: &str, text: &str) -> Face {
        Face {
            id: id.to_owned(),
            label: id.to_owned(),
            blocks: vec![Block::Text {
                class: "prompt",
                text: text.to_owned(),
            }],
            step: 0,
            too_long: false,
        }
    }

    #[test]
    fn mirroring_twice_gives_the_cell_back() {
        for duplex in [Duplex::Long, Duplex::Short, Duplex::Fold] {
            for row in 0..ROWS {
                for column in 0..COLUMNS {
                    let (r, c) = duplex.mirror(row, column);
                    assert_eq!(duplex.mirror(r, c), (row, column));
                }
            }
        }
        assert_eq!(Duplex::Long.mirror(0, 0), (0, 1));
        assert_eq!(Duplex::Short.mirror(0, 0), (3, 0));
    }

    #[test]
    fn nine_cards_make_two_sheets_and_each_back_is_behind_its_front() {
        let cards: Vec<(Face, Face)> = (0..9)
            .map(|k| (face(&format!("f{k}"), "?"), face(&format!("b{k}"), "!")))
            .collect();
        let pages = pages(cards, Duplex::Short, Lang::En);
        assert_eq!(pages.len(), 4);
        let id = |cell: &Cell| cell.face.as_ref().map(|f| f.id.clone());
        // Card 0 at row 0, column 0: its back at row 3, column 0 (cell 6).
        assert_eq!(id(&pages[1].cells[6]).as_deref(), Some("b0"));
        // Card 8 alone on the second sheet; the other places are empty.
        assert_eq!(id(&pages[2].cells[0]).as_deref(), Some("f8"));
        assert_eq!(id(&pages[3].cells[6]).as_deref(), Some("b8"));
        assert_eq!(
            pages[3].cells.iter().filter(|c| c.face.is_none()).count(),
            7
        );
    }

    #[test]
    fn longer_text_gets_a_smaller_step_down_to_a_reported_minimum() {
        let blocks = |chars: usize| {
            vec![Block::Text {
                class: "explanation",
                text: "mot ".repeat(chars / 4),
            }]
        };
        let steps: Vec<_> = [40, 600, 900, 1200, 1500, 5000]
            .iter()
            .map(|&n| fit(&blocks(n), Paper::A4))
            .collect();
        assert_eq!(steps[0], Ok(0));
        let sizes: Vec<usize> = steps.iter().filter_map(|s| s.ok()).collect();
        assert!(sizes.windows(2).all(|w| w[0] <= w[1]), "{steps:?}");
        assert!(sizes.len() >= 4, "{steps:?}");
        let Err((needed, room)) = steps[5] else {
            panic!("5000 characters fit a card: {steps:?}");
        };
        assert!(needed > room);
        let warning = too_long_warning(
            &[TooLong {
                id: "long-one".to_owned(),
                side: "back",
                needed,
                room,
            }],
            Lang::En,
        )
        .unwrap();
        assert!(warning.contains("`long-one` (back: about"), "{warning}");
        let just_over = TooLong {
            id: "just-over".to_owned(),
            side: "back",
            needed: 20.1,
            room: 19.9,
        };
        let warning = too_long_warning(&[just_over.clone(), just_over], Lang::En).unwrap();
        assert!(warning.contains("about 21 lines for 19"), "{warning}");
        assert!(warning.contains("cut at their edge"), "{warning}");
        assert!(too_long_warning(&[], Lang::Fr).is_none());
    }
}
