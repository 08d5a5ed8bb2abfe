//! `draft --model`: questions asked of a language model through any
//! OpenAI-compatible chat-completions endpoint, then verified ([`super::verify`]).
//!
//! One blocking request (`ureq`, no async runtime), bounded by a connect
//! timeout, a total timeout and a size cap. Only the article and the
//! instructions are sent; the key (`MEDIAQUIZ_API_KEY`) goes in a header and is
//! never printed, even when a server echoes it back.

use std::collections::HashSet;
use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};

use super::Draft;
use super::verify::{self, Context, Kept};
use crate::article::Article;
use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::lang::Lang;
use crate::text::fold_quote;

/// Ollama's OpenAI-compatible endpoint on the same machine.
pub const DEFAULT_ENDPOINT: &str = "http://localhost:11434/v1";
/// The environment variable holding the endpoint's key, when it needs one.
pub const KEY_VARIABLE: &str = "MEDIAQUIZ_API_KEY";
/// The largest answer read (bytes): 200 questions take well under a megabyte.
pub const RESPONSE_LIMIT: u64 = 8 * 1024 * 1024;
/// How long to wait for the connection itself.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The most of a server's error message quoted back.
const MESSAGE_CHARS: usize = 300;

/// Which model to ask, where, and for how long.
#[derive(Debug, Clone)]
pub struct Ask {
    /// The model's name as the endpoint knows it (`mistral-small`, `qwen2.5:7b`).
    pub model: String,
    /// The endpoint's base URL, up to `/v1`.
    pub endpoint: String,
    /// The longest the whole exchange may take.
    pub timeout: Duration,
    /// The bearer key, from [`KEY_VARIABLE`].
    pub key: Option<String>,
    /// The bank's JSON Schema (`mediaquiz schema`), whose question
    /// definition the answer must follow; given by the caller, since the
    /// schema is built in a layer above this one.
    pub bank_schema: Value,
}

impl Ask {
    /// The endpoint's host (and port), printed before anything is sent.
    pub fn host(&self) -> String {
        host_of(&self.endpoint)
    }

    /// The failure `problem` at this endpoint, with the key scrubbed out.
    fn error(&self, fr: String, en: String) -> Error {
        let scrub = |s: String| match &self.key {
            Some(key) if !key.is_empty() => s.replace(key.as_str(), "***"),
            _ => s,
        };
        Error::Model {
            host: self.host(),
            problem: Text::new(scrub(fr), scrub(en)),
        }
    }
}

/// `host[:port]` of a URL, without scheme, credentials or path.
pub fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host)
        .to_owned()
}

/// The JSON Schema of the answer asked for: `{"questions": [question…]}`,
/// with the question definition of `bank`, the bank's schema.
pub fn response_schema(bank: &Value) -> Value {
    json!({
        "type": "object",
        "properties": {
            "questions": {"type": "array", "items": {"$ref": "#/definitions/question"}}
        },
        "required": ["questions"],
        "additionalProperties": false,
        "definitions": bank.get("definitions").cloned().unwrap_or(Value::Null),
    })
}

/// The conversation's opening: instructions in the article's language, then
/// the article with its paragraphs numbered (§n, as the worksheets print them).
pub fn opening(article: &Article, lang: Lang) -> Vec<Value> {
    let article: String = article
        .paragraphs()
        .iter()
        .map(|p| match p.number {
            Some(n) => format!("§{n} {}\n\n", p.text),
            None => format!("## {}\n\n", p.text),
        })
        .collect();
    vec![
        json!({"role": "system", "content": instructions(lang)}),
        json!({"role": "user", "content": lang.pick(
            format!("Article :\n\n{article}"),
            format!("Article:\n\n{article}"),
        )}),
    ]
}

/// What the model is asked to do, in the article's language.
pub fn instructions(lang: Lang) -> String {
    lang.pick(
        "Tu rédiges des questions d’éducation aux médias sur l’article fourni, pour des élèves. \
Réponds uniquement en JSON : {\"questions\": [...]}, chaque question avec les champs du format mediaquiz : \
id (minuscules, chiffres, tirets), type (single, multi, truefalse, claim, short, cloze, match, order, open), skill, \
difficulty (1 à 3), prompt, choices et answer (single) ou answers (multi), answer (truefalse : true/false ; \
claim : supported, contradicted ou not-stated), explanation, evidence (liste de citations).\n\
Couvre les sept compétences : recall (les faits tels que l’article les rapporte, « Selon l’article… ») ; \
sourcing (qui le dit : nommé, anonyme, collectif ou personne ; le conditionnel) ; corroboration (ce qui est confirmé, \
par qui, avec quelle indépendance) ; fact-opinion (le fait rapporté contre le commentaire, les mots qui jugent) ; \
wording (vocabulaire chargé, euphémismes, guillemets de distance) ; context (le contexte qui manque, les dates vagues, \
ce qu’il faudrait vérifier ailleurs) ; numbers (qui donne les chiffres, leur précision, ce que « notamment » laisse de côté). \
Varie les types (single, truefalse, claim, multi, short, open).\n\
Règles : chaque citation de evidence est copiée mot pour mot de l’article, sans rien changer ; la bonne réponse \
figure parmi les choix ; les mauvais choix sont plausibles, tirés des acteurs, lieux et nombres de l’article, et \
jamais un autre nom de la bonne réponse ni une autre personne qui dit la même chose ; l’explication n’affirme rien \
que l’article ne dise ; pas de HTML ni de Markdown."
            .to_owned(),
        "You write media-literacy questions about the given article, for students. \
Answer only in JSON: {\"questions\": [...]}, each question with the fields of the mediaquiz format: \
id (lower-case letters, digits, hyphens), type (single, multi, truefalse, claim, short, cloze, match, order, open), \
skill, difficulty (1 to 3), prompt, choices and answer (single) or answers (multi), answer (truefalse: true/false; \
claim: supported, contradicted or not-stated), explanation, evidence (a list of quotes).\n\
Cover the seven skills: recall (the facts as the article states them, \"According to the article…\"); \
sourcing (who says it: named, anonymous, collective or nobody; hedged attribution); corroboration (what is confirmed, \
by whom, how independently); fact-opinion (reporting versus commentary, evaluative words); wording (loaded or \
euphemistic vocabulary, scare quotes); context (missing context, vague dates, what to check elsewhere); numbers \
(whose figures, how precise, what \"including\" leaves out). Vary the types (single, truefalse, claim, multi, short, open).\n\
Rules: every evidence quote is copied word for word from the article, unchanged; the right answer is among the \
choices; wrong choices are plausible, taken from the article's own actors, places and numbers, and never another \
name of the right answer nor another person saying the same thing; the explanation claims nothing the article does \
not say; no HTML or Markdown."
            .to_owned(),
    )
}

/// The repair request: the failing questions, each with what was wrong.
pub fn repair_request(failures: &[(Value, Vec<String>)], lang: Lang) -> Value {
    let listed: Vec<Value> = failures
        .iter()
        .map(|(question, findings)| json!({"question": question, "findings": findings}))
        .collect();
    let listed = serde_json::to_string_pretty(&listed).unwrap_or_default();
    json!({"role": "user", "content": lang.pick(
        format!("Ces questions ne passent pas la vérification. Corrige chacune d’après ses constats \
    (citations copiées mot pour mot de l’article, bonne réponse parmi les choix, aucun autre champ) et renvoie \
    seulement les questions corrigées, en JSON {{\"questions\": [...]}}, dans le même ordre :\n{listed}"),
        format!("These questions fail verification. Fix each one from its findings (quotes copied word for \
    word from the article, the right answer among the choices, no other fields) and send back only the fixed \
    questions, as JSON {{\"questions\": [...]}}, in the same order:\n{listed}"),
    )})
}

/// The answer's text and its questions.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The assistant's message, to carry into the repair round.
    pub content: String,
    /// The proposed questions, unverified.
    pub questions: Vec<Value>,
}

/// Sends `messages` and returns the questions; a server that refuses
/// `response_format` with a schema is asked again in plain JSON mode.
pub fn chat(ask: &Ask, messages: &[Value], lang: Lang) -> Result<Answer> {
    let schema = json!({
        "type": "json_schema",
        "json_schema": {"name": "questions", "schema": response_schema(&ask.bank_schema)},
    });
    match post(ask, messages, schema) {
        Err(Refusal::Status(400 | 422, _)) => {
            let plain = json!({"type": "json_object"});
            post(ask, messages, plain).map_err(|r| r.into_error(ask, lang))
        }
        other => other.map_err(|r| r.into_error(ask, lang)),
    }
    .and_then(|body| read_answer(ask, &body))
}

/// Why a request gave no body to read.
enum Refusal {
    /// An HTTP status other than 200, with the server's message.
    Status(u16, String),
    /// The transport failed.
    Transport(ureq::Error),
}

impl Refusal {
    fn into_error(self, ask: &Ask, _lang: Lang) -> Error {
        let model = &ask.model;
        match self {
            Refusal::Status(404, message) if message.to_lowercase().contains("model") => ask
                .error(
                    format!(
                        "le modèle `{model}` n’y existe pas ({message}) ; avec Ollama, téléchargez-le d’abord : `ollama pull {model}`"
                    ),
                    format!(
                        "there is no model `{model}` there ({message}); with Ollama, download it first: `ollama pull {model}`"
                    ),
                ),
            Refusal::Status(404, message) => ask.error(
                format!(
                    "adresse introuvable (HTTP 404 : {message}) ; l’adresse doit finir par `/v1`, comme `{DEFAULT_ENDPOINT}`"
                ),
                format!(
                    "no such address (HTTP 404: {message}); the endpoint must end with `/v1`, like `{DEFAULT_ENDPOINT}`"
                ),
            ),
            Refusal::Status(code @ (401 | 403), message) => ask.error(
                format!(
                    "clé refusée (HTTP {code} : {message}) ; mettez la clé dans la variable `{KEY_VARIABLE}`"
                ),
                format!(
                    "key refused (HTTP {code}: {message}); put the key in the `{KEY_VARIABLE}` variable"
                ),
            ),
            Refusal::Status(code, message) => ask.error(
                format!("erreur du serveur (HTTP {code} : {message})"),
                format!("server error (HTTP {code}: {message})"),
            ),
            Refusal::Transport(error) => transport_error(ask, error),
        }
    }
}

fn transport_error(ask: &Ask, error: ureq::Error) -> Error {
    let secs = ask.timeout.as_secs();
    let endpoint = &ask.endpoint;
    let refused = |e: &std::io::Error| {
        matches!(
            e.kind(),
            std::io::ErrorKind::ConnectionRefused
                | std::io::ErrorKind::ConnectionReset
                | std::io::ErrorKind::NotFound
        )
    };
    match error {
        ureq::Error::Timeout(_) => ask.error(
            format!(
                "pas de réponse en {secs} s ; un modèle local sur processeur peut prendre plusieurs minutes : augmentez `--timeout`"
            ),
            format!(
                "no answer within {secs} s; a local model on a CPU can take minutes: raise `--timeout`"
            ),
        ),
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => ask.error(
            format!("pas de réponse en {secs} s : augmentez `--timeout`"),
            format!("no answer within {secs} s: raise `--timeout`"),
        ),
        ureq::Error::ConnectionFailed | ureq::Error::HostNotFound => unreachable(ask, endpoint),
        ureq::Error::Io(e) if refused(&e) => unreachable(ask, endpoint),
        ureq::Error::BodyExceedsLimit(_) => ask.error(
            format!("réponse trop grande (plus de {} Mio)", RESPONSE_LIMIT >> 20),
            format!("answer too large (over {} MiB)", RESPONSE_LIMIT >> 20),
        ),
        other => {
            let other = clean(&other.to_string());
            ask.error(
                format!("échange impossible avec `{endpoint}` ({other})"),
                format!("cannot talk to `{endpoint}` ({other})"),
            )
        }
    }
}

fn unreachable(ask: &Ask, endpoint: &str) -> Error {
    ask.error(
        format!(
            "impossible de joindre `{endpoint}` ; le serveur tourne-t-il ? (Ollama : `ollama serve`) Sinon, donnez l’adresse avec `--endpoint`"
        ),
        format!(
            "cannot reach `{endpoint}`; is the server running? (Ollama: `ollama serve`) Otherwise give its address with `--endpoint`"
        ),
    )
}

/// One POST to `/chat/completions`; the body of a 200, or why not.
fn post(
    ask: &Ask,
    messages: &[Value],
    response_format: Value,
) -> std::result::Result<String, Refusal> {
    let body = json!({
        "model": ask.model,
        "messages": messages,
        "stream": false,
        "temperature": 0.2,
        "response_format": response_format,
    });
    let host = ask.host();
    let local =
        host.starts_with("localhost") || host.starts_with("127.") || host.starts_with("[::1]");
    let mut config = ureq::Agent::config_builder()
        .timeout_connect(Some(CONNECT_TIMEOUT.min(ask.timeout)))
        .timeout_global(Some(ask.timeout))
        .http_status_as_error(false)
        .max_redirects(0);
    if local {
        // A proxy set for the web must not see a model on this machine.
        config = config.proxy(None);
    }
    let agent: ureq::Agent = config.build().into();
    let url = format!("{}/chat/completions", ask.endpoint.trim_end_matches('/'));
    let mut request = agent
        .post(&url)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json");
    if let Some(key) = ask.key.as_deref().filter(|k| !k.is_empty()) {
        request = request.header("Authorization", format!("Bearer {key}"));
    }
    let mut response = request
        .send(body.to_string().as_bytes())
        .map_err(Refusal::Transport)?;
    let status = response.status().as_u16();
    let text = response
        .body_mut()
        .with_config()
        .limit(RESPONSE_LIMIT)
        .read_to_string()
        .map_err(Refusal::Transport)?;
    if status == 200 {
        Ok(text)
    } else {
        Err(Refusal::Status(status, server_message(&text)))
    }
}

/// The server's own words from an error body (`{"error": {"message"}}`,
/// `{"error": "…"}`, or the text), short and without control characters.
fn server_message(body: &str) -> String {
    let parsed: Option<Value> = serde_json::from_str(body).ok();
    let message = parsed
        .as_ref()
        .and_then(|v| {
            v.pointer("/error/message")
                .or_else(|| v.get("error"))
                .or_else(|| v.get("message"))
                .or_else(|| v.get("detail"))
        })
        .and_then(Value::as_str)
        .unwrap_or(body);
    let message = clean(message);
    if message.is_empty() {
        "—".to_owned()
    } else {
        message
    }
}

/// One line, no control characters, at most [`MESSAGE_CHARS`].
fn clean(text: &str) -> String {
    let line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if line.chars().count() > MESSAGE_CHARS {
        let cut: String = line.chars().take(MESSAGE_CHARS).collect();
        format!("{cut}…")
    } else {
        line
    }
}

/// The questions in a chat-completions answer.
fn read_answer(ask: &Ask, body: &str) -> Result<Answer> {
    let truncated = || {
        ask.error(
            "réponse coupée avant la fin : relancez, ou demandez moins à la fois (un modèle plus grand, un article plus court)".to_owned(),
            "answer cut off before its end: run again, or ask less at once (a larger model, a shorter article)".to_owned(),
        )
    };
    let malformed = |e: &serde_json::Error| {
        ask.error(
            format!(
                "réponse qui n’est pas du JSON lisible (ligne {}, colonne {}) ; un modèle plus grand suit mieux le format",
                e.line(),
                e.column()
            ),
            format!(
                "answer is not readable JSON (line {}, column {}); a larger model follows the format better",
                e.line(),
                e.column()
            ),
        )
    };
    let empty = || {
        ask.error(
            "réponse vide : aucune question proposée".to_owned(),
            "empty answer: no question proposed".to_owned(),
        )
    };
    let envelope: Value = match serde_json::from_str(body) {
        Ok(v) => v,
        Err(e) if e.is_eof() => return Err(truncated()),
        Err(e) => return Err(malformed(&e)),
    };
    let choice = envelope.pointer("/choices/0");
    if choice
        .and_then(|c| c.get("finish_reason"))
        .and_then(Value::as_str)
        == Some("length")
    {
        return Err(truncated());
    }
    let content = choice
        .and_then(|c| c.pointer("/message/content"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .trim();
    let content = strip_fence(content);
    if content.is_empty() {
        return Err(empty());
    }
    let parsed: Value = match serde_json::from_str(content) {
        Ok(v) => v,
        Err(e) if e.is_eof() => return Err(truncated()),
        Err(e) => return Err(malformed(&e)),
    };
    let questions = match parsed {
        Value::Array(list) => list,
        Value::Object(mut map) => match map.remove("questions") {
            Some(Value::Array(list)) => list,
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    if questions.is_empty() {
        return Err(empty());
    }
    Ok(Answer {
        content: content.to_owned(),
        questions,
    })
}

/// The JSON inside a Markdown code fence, which small models add unasked.
fn strip_fence(content: &str) -> &str {
    let Some(rest) = content.strip_prefix("```") else {
        return content;
    };
    let rest = rest.split_once('\n').map_or("", |(_, body)| body);
    rest.trim_end().strip_suffix("```").unwrap_or(rest).trim()
}

/// What the model's questions came to.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// How many it proposed.
    pub proposed: usize,
    /// How many were kept (repaired ones included).
    pub kept: usize,
    /// How many were kept after the repair round.
    pub repaired: usize,
    /// How many evidence quotes were replaced by the article's exact passage.
    pub requoted: usize,
    /// The dropped ones: a label (id and prompt) and why.
    pub dropped: Vec<(String, Vec<String>)>,
}

/// A question already in the bank: what tells its point.
struct Point {
    id: String,
    skill: String,
    quotes: Vec<String>,
}

impl Point {
    fn of(kept: &Kept) -> Point {
        Point {
            id: kept.id.clone(),
            skill: kept.skill.clone(),
            quotes: kept.quotes.iter().map(|q| fold_quote(q).text).collect(),
        }
    }

    /// Same skill, and one quote holds the other: the same point asked twice.
    fn same(&self, other: &Point) -> bool {
        self.skill == other.skill
            && self.quotes.iter().any(|a| {
                other
                    .quotes
                    .iter()
                    .any(|b| !a.is_empty() && !b.is_empty() && (a.contains(b) || b.contains(a)))
            })
    }
}

/// The questions of the rule-based draft, read back from its YAML.
fn rule_points(yaml: &str) -> Vec<Point> {
    let parsed: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap_or_default();
    let text =
        |v: &serde_yaml::Value, k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_owned();
    parsed
        .get("questions")
        .and_then(|q| q.as_sequence())
        .map(|list| {
            list.iter()
                .map(|q| Point {
                    id: text(q, "id"),
                    skill: text(q, "skill"),
                    quotes: q
                        .get("evidence")
                        .and_then(|e| e.as_sequence())
                        .map(|e| {
                            e.iter()
                                .filter_map(|x| x.as_str())
                                .map(|x| fold_quote(x).text)
                                .collect()
                        })
                        .unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// How a dropped question is named in the bank's opening comment.
fn label(value: &Value, index: usize) -> String {
    let id = value.get("id").and_then(Value::as_str).map(clean);
    let prompt = value
        .get("prompt")
        .or_else(|| value.get("text"))
        .or_else(|| value.get("front"))
        .and_then(Value::as_str)
        .map(|p| {
            let p = clean(p);
            if p.chars().count() > 60 {
                format!("{}…", p.chars().take(60).collect::<String>())
            } else {
                p
            }
        });
    let id = id.unwrap_or_else(|| format!("#{}", index + 1));
    match prompt {
        Some(prompt) => format!("`{id}` ({prompt})"),
        None => format!("`{id}`"),
    }
}

/// Asks the model, verifies its questions (with one repair round for those
/// that fail), and adds the kept ones to `draft`, with the dropped ones
/// listed at the top. `text` is the article as `source` (relative to `bank`)
/// holds it.
pub fn extend(
    draft: Draft,
    text: &str,
    source: &str,
    bank: &Path,
    ask: &Ask,
) -> Result<(Draft, Outcome)> {
    let lang = draft.lang;
    let article = Article::new(text);
    let context = Context {
        article: text,
        bank,
        source,
        lang,
    };
    let mut points = rule_points(&draft.yaml);
    let mut taken: HashSet<String> = points.iter().map(|p| p.id.clone()).collect();
    let mut messages = opening(&article, lang);
    let first = chat(ask, &messages, lang)?;
    let mut outcome = Outcome {
        proposed: first.questions.len(),
        ..Outcome::default()
    };
    let mut kept: Vec<Kept> = Vec::new();
    let mut failed: Vec<(usize, Value, Vec<String>)> = Vec::new();
    for (n, question) in first.questions.iter().enumerate() {
        match verify::verify(question, &mut taken, &context) {
            Ok(k) => kept.push(k),
            Err(reasons) => failed.push((n, question.clone(), reasons)),
        }
    }
    if !failed.is_empty() {
        messages.push(json!({"role": "assistant", "content": first.content}));
        let asked: Vec<(Value, Vec<String>)> = failed
            .iter()
            .map(|(_, q, r)| (q.clone(), r.clone()))
            .collect();
        messages.push(repair_request(&asked, lang));
        match chat(ask, &messages, lang) {
            Ok(repair) => {
                let mut answers = repair.questions.into_iter();
                for (n, question, reasons) in failed {
                    let name = label(&question, n);
                    match answers.next() {
                        Some(fixed) => match verify::verify(&fixed, &mut taken, &context) {
                            Ok(k) => {
                                outcome.repaired += 1;
                                kept.push(k);
                            }
                            Err(still) => outcome.dropped.push((name, still)),
                        },
                        None => {
                            let mut reasons = reasons;
                            reasons.push(lang.pick(
                                "non renvoyée par la réparation".to_owned(),
                                "not sent back by the repair round".to_owned(),
                            ));
                            outcome.dropped.push((name, reasons));
                        }
                    }
                }
            }
            Err(error) => {
                let why = error.render(lang);
                for (n, question, mut reasons) in failed {
                    reasons.push(lang.pick(
                        format!("réparation impossible : {why}"),
                        format!("repair failed: {why}"),
                    ));
                    outcome.dropped.push((label(&question, n), reasons));
                }
            }
        }
    }
    let mut entries = String::new();
    for k in kept {
        let point = Point::of(&k);
        if let Some(other) = points.iter().find(|p| p.same(&point)) {
            let other = &other.id;
            outcome.dropped.push((
                format!("`{}`", k.id),
                vec![lang.pick(
                    format!("même point que la question `{other}` (même compétence, même passage)"),
                    format!("same point as question `{other}` (same skill, same passage)"),
                )],
            ));
            continue;
        }
        outcome.kept += 1;
        outcome.requoted += k.requoted;
        entries.push_str(&k.yaml());
        points.push(point);
    }
    let yaml = merge(&draft.yaml, &entries, &comment(ask, &outcome, lang));
    let draft = Draft {
        yaml,
        questions: draft.questions + outcome.kept,
        ..draft
    };
    Ok((draft, outcome))
}

/// The opening comment: what the model proposed, and every dropped question
/// with its reasons.
fn comment(ask: &Ask, outcome: &Outcome, lang: Lang) -> String {
    let (model, host) = (&ask.model, ask.host());
    let (proposed, kept, repaired, dropped) = (
        outcome.proposed,
        outcome.kept,
        outcome.repaired,
        outcome.dropped.len(),
    );
    let fr = crate::i18n::s_fr;
    let mut out = lang.pick(
        format!(
            "# Modèle `{model}` ({host}) : {proposed} proposée{}, {kept} gardée{} après vérification (dont {repaired} réparée{}), {dropped} écartée{}.\n",
            fr(proposed), fr(kept), fr(repaired), fr(dropped)
        ),
        format!("# Model `{model}` ({host}): {proposed} proposed, {kept} kept after verification ({repaired} of them repaired), {dropped} dropped.\n"),
    );
    if dropped > 0 {
        out.push_str(&lang.pick("# Écartées :\n".to_owned(), "# Dropped:\n".to_owned()));
    }
    for (name, reasons) in &outcome.dropped {
        let reasons: Vec<String> = reasons.iter().map(|r| clean(r)).collect();
        let reasons = reasons.join("; ");
        out.push_str(&lang.pick(
            format!("#   - {name} : {reasons}\n"),
            format!("#   - {name}: {reasons}\n"),
        ));
    }
    crate::i18n::say(lang, &out, &out)
}

/// The drafted YAML with `comment` after its opening comments and `entries`
/// at the end of its question list.
fn merge(yaml: &str, entries: &str, comment: &str) -> String {
    let head_end = yaml
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| !yaml[i..].starts_with('#'))
        .unwrap_or(0);
    let mut out = String::with_capacity(yaml.len() + entries.len() + comment.len());
    out.push_str(&yaml[..head_end]);
    out.push_str(comment);
    let body = &yaml[head_end..];
    if let Some(empty) = body.strip_suffix("questions: []\n") {
        out.push_str(empty);
        out.push_str("questions:\n");
    } else {
        out.push_str(body);
        if !body.ends_with('\n') {
            out.push('\n');
        }
        if !body.contains("\nquestions:") && !body.starts_with("questions:") {
            out.push_str("questions:\n");
        }
    }
    out.push_str(entries);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_drops_scheme_credentials_and_path() {
        assert_eq!(host_of("http://localhost:11434/v1"), "localhost:11434");
        assert_eq!(
            host_of("https://user:pw@api.example.org/v1?x=1"),
            "api.example.org"
        );
        assert_eq!(host_of("127.0.0.1:8080/v1"), "127.0.0.1:8080");
    }

    #[test]
    fn fences_and_envelopes_are_read() {
        assert_eq!(strip_fence("```json\n{\"a\": 1}\n```"), "{\"a\": 1}");
        assert_eq!(strip_fence("{}"), "{}");
        assert_eq!(
            server_message(r#"{"error":{"message":"model \"x\" not found"}}"#),
            "model \"x\" not found"
        );
        assert_eq!(server_message("boom\u{7}\n  again"), "boom again");
    }

    #[test]
    fn the_response_schema_uses_the_bank_question() {
        let schema = response_schema(&json!({"definitions": {"question": {}}}));
        assert_eq!(
            schema.pointer("/properties/questions/items/$ref"),
            Some(&json!("#/definitions/question"))
        );
        assert!(schema.pointer("/definitions/question").is_some());
    }
}
