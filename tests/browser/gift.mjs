// Parses mediaquiz's GIFT export with gift-pegjs (a GIFT parser nobody here
// wrote) and checks it against the JSON export of the same questions: every
// question parses, the answers marked right are the bank's right answers, and
// every text (with its ~ = # { } : \ and HTML characters) comes back as typed.
//
//   node tests/browser/gift.mjs EXPORT.gift EXPORT.json
import { readFileSync } from "node:fs";
import { parse } from "gift-pegjs";

const [giftPath, jsonPath] = process.argv.slice(2);
const bank = JSON.parse(readFileSync(jsonPath, "utf8"));
const byId = new Map(bank.questions.map((q) => [q.id, q]));
let questions;
try {
  questions = parse(readFileSync(giftPath, "utf8"));
} catch (e) {
  console.error(`gift: ${giftPath}:${e.location?.start?.line}: ${e.message}`);
  process.exit(1);
}

// [html] text back to what the bank typed.
const unhtml = (s) =>
  s.replace(/<br>/g, "\n").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#9;/g, "\t").replace(/&#37;/g, "%").replace(/&amp;/g, "&");
// gift-pegjs leaves escapes in a match's right side (plain text) encoded.
const unplain = (s) =>
  s.replace(/&&092;/g, "\\").replace(/&&058;/g, ":").replace(/&&035;/g, "#").replace(/&&061;/g, "=")
    .replace(/&&123;/g, "{").replace(/&&125;/g, "}").replace(/&&126;/g, "~");
const norm = (s) => s.replace(/\s+/g, " ").trim();

const problems = [];
const same = (id, what, got, want) => {
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    problems.push(`${id}: ${what}: parsed ${JSON.stringify(got)}, the bank has ${JSON.stringify(want)}`);
  }
};
let checked = 0;
let categories = 0;
// The article: a description, the first item, holding every §n a question cites.
let article = 0;
const cited = [...new Set(bank.questions.flatMap((q) => q.evidence.map((e) => e.paragraph)).filter((n) => n))];
for (const q of questions) {
  if (q.type === "Category") { categories++; continue; }
  if (q.type === "Description") {
    article++;
    if (checked > 0) problems.push("the article is not the first item");
    same("article", "id", q.id, `${bank.bank.id}:article`);
    const shown = norm(unhtml(q.stem.text.replace(/<[^>]+>/g, " ")));
    for (const n of cited) if (!shown.includes(`§${n} `)) problems.push(`the article lacks §${n}`);
    continue;
  }
  const b = byId.get(q.title);
  if (!b) { problems.push(`unknown question ${q.title}`); continue; }
  checked++;
  same(b.id, "id", q.id, `${bank.bank.id}-${b.id}`);
  const text = (t) => norm(unhtml(t.text));
  if (b.type === "claim") {
    // The claim, then the instruction that says what to judge it against.
    const stem = text(q.stem);
    if (!stem.includes(norm(b.prompt)) || stem.length < norm(b.prompt).length + 20) {
      problems.push(`${b.id}: the claim's stem lacks the claim or its instruction: ${stem}`);
    }
  } else if (b.type !== "cloze") same(b.id, "prompt", text(q.stem), norm(b.prompt));
  const right = q.choices ? q.choices.filter((c) => c.isCorrect || c.weight > 0).map((c) => text(c.text)) : [];
  switch (b.type) {
    case "single":
    case "multi":
      same(b.id, "type", q.type, "MC");
      same(b.id, "right answers", right, b.choices.filter((c) => c.correct).map((c) => norm(c.text)));
      same(b.id, "choices", q.choices.map((c) => text(c.text)), b.choices.map((c) => norm(c.text)));
      for (const [i, c] of b.choices.entries()) {
        if (c.feedback) same(b.id, "feedback", q.choices[i].feedback && text(q.choices[i].feedback), norm(c.feedback));
      }
      if (b.type === "multi") {
        const total = q.choices.filter((c) => c.weight > 0).reduce((a, c) => a + c.weight, 0);
        if (Math.abs(total - 100) > 0.001) problems.push(`${b.id}: weights sum to ${total}`);
      }
      break;
    case "claim":
      same(b.id, "type", q.type, "MC");
      same(b.id, "right answers", right.length, 1);
      break;
    case "truefalse":
      same(b.id, "type", q.type, "TF");
      same(b.id, "answer", q.isTrue, b.answer);
      break;
    case "short":
      same(b.id, "type", q.type, "Short");
      same(b.id, "accepted", right, [b.answer, ...b.accept].map(norm));
      break;
    case "cloze":
      same(b.id, "type", q.type, "Short");
      same(b.id, "accepted", right, b.gaps[0].map(norm));
      same(b.id, "embedded", q.hasEmbeddedAnswers, !b.text.endsWith("{{1}}"));
      break;
    case "match":
      same(b.id, "type", q.type, "Matching");
      same(b.id, "pairs", q.matchPairs.map((p) => [text(p.subquestion), norm(unplain(p.subanswer))]), b.pairs.map(([l, r]) => [norm(l), norm(r)]));
      break;
    case "order":
      same(b.id, "type", q.type, "Matching");
      same(b.id, "items", q.matchPairs.map((p) => norm(unplain(p.subanswer))), b.items.map(norm));
      break;
    case "open":
      // An essay: the model answer and the rubric go to the general feedback.
      same(b.id, "type", q.type, "Essay");
      if (!q.globalFeedback || !norm(unhtml(q.globalFeedback.text)).includes(norm(b.answer))) {
        problems.push(`${b.id}: general feedback lacks the model answer`);
      }
      break;
    default:
      problems.push(`${b.id}: type ${b.type} should not be in GIFT`);
  }
  // The explanation, after the model answer and rubric where there are some.
  if (!q.globalFeedback || !norm(unhtml(q.globalFeedback.text)).includes(norm(b.explanation))) {
    problems.push(`${b.id}: general feedback does not carry the explanation`);
  }
}
if (article !== 1) problems.push(`${article} article descriptions, expected 1`);
if (problems.length) {
  console.error(`gift: ${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`gift: gift-pegjs parsed the article (${cited.length} cited paragraphs present) and ${checked} questions in ${categories} categories; right answers, feedback and texts match the bank`);
