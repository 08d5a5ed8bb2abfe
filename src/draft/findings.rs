//! `draft --findings`: what the finders found, as JSON, for a teacher's tool
//! or a test to check without reading the drafted questions.

use serde::Serialize;

/// Everything found in one article.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Findings {
    /// The article's language, `fr` or `en`.
    pub language: String,
    /// Reported speech, in reading order.
    pub attributions: Vec<FoundAttribution>,
    /// Figures and dates, in reading order.
    pub figures: Vec<FoundFigure>,
    /// Words in quotation marks or carrying a judgement.
    pub loaded: Vec<FoundLoaded>,
}

/// One attribution.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FoundAttribution {
    /// Who speaks, as the article names them.
    pub speaker: String,
    /// The words attributed, verbatim from the clean article.
    pub words: String,
    /// The cue that attributes them ("selon", "said").
    pub marker: String,
    /// The body paragraph, from 1.
    pub paragraph: usize,
}

/// One figure.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FoundFigure {
    /// The figure with its unit, verbatim.
    pub text: String,
    /// The body paragraph, from 1.
    pub paragraph: usize,
    /// Who gives it, or `null` when the article names no one.
    pub source: Option<String>,
}

/// One loaded or quoted phrase.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FoundLoaded {
    /// The words, verbatim.
    pub words: String,
    /// The body paragraph, from 1.
    pub paragraph: usize,
}

impl Findings {
    /// Pretty JSON, ending with a newline.
    pub fn to_json(&self) -> String {
        // Strings and numbers only: serialising cannot fail.
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }
}
